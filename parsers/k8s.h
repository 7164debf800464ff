/*
 * Reader of Kubernetes batch Jobs and their Pods as `kubectl get jobs,pods
 * -A -o json` prints them: a List, a single object, or a stream of
 * objects (`kubectl get jobs -A -o json --watch`).  Memory is bounded by
 * the largest object, never by the List.
 *
 * A Job that has ended is one job record.  Pods refine it (the real start,
 * the pods that ran, the nodes) whenever they arrive, before or after
 * their Job, in this input or a later one: what hpcacct needs of each is
 * kept through struct k8s_store_ops.
 */
#ifndef HPCACCT_K8S_H
#define HPCACCT_K8S_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"
#include "linereader.h"

struct k8s_options {
	const char *cluster;		/* default "kubernetes" */
	/* Label or annotation keys naming the user and the queue, tried in
	 * order (NULL-terminated; NULL: the defaults); then the namespace. */
	const char *const *user_keys;
	const char *const *queue_keys;
};

/* What a Job says of itself, kept to build its record again. */
struct k8s_job_facts {
	char uid[64];
	char cluster[128];
	char job_id[320];		/* namespace/name */
	char job_name[256];		/* the CronJob's name for its Jobs */
	char name_space[64];
	char user[256];
	char queue[256];
	int64_t submit, start, end;	/* start, end: JOB_UNSET if unknown */
	char state[16];
	int64_t status;
	double cpu_per_pod;		/* cores; < 0 unknown */
	double mem_kb_per_pod;		/* < 0 unknown */
	double gpus_per_pod;		/* < 0 unknown */
	int64_t parallelism;		/* JOB_UNSET if unknown */
	int64_t req_time;
};

/* One pod of a Job. */
struct k8s_pod {
	char uid[64];
	char job_uid[64];
	int64_t start, end;		/* JOB_UNSET if unknown */
	char node[256];
};

/* What the pods of a Job add up to. */
struct k8s_pods_summary {
	int64_t pods;			/* that started */
	int64_t first_start, last_end;	/* JOB_UNSET if none */
	double run_seconds;		/* summed over pods with both times */
	int64_t nodes;			/* distinct nodes */
};

/* Where Job facts and pods are kept between records and runs. */
struct k8s_store_ops {
	void *ctx;
	int (*job_put)(void *ctx, const struct k8s_job_facts *f);
	/* 1 found, 0 unknown, -1 error */
	int (*job_get)(void *ctx, const char *uid, struct k8s_job_facts *f);
	int (*pod_put)(void *ctx, const struct k8s_pod *p);
	int (*pods_summary)(void *ctx, const char *job_uid,
	    struct k8s_pods_summary *s);
	/* Make what was read so far durable (streams); may be NULL. */
	int (*checkpoint)(void *ctx);
};

/*
 * Read every object of lr, handing ended Jobs (and Jobs refined by their
 * Pods) to sink.  A malformed object is rejected with its first line; the
 * rest is read on.  Returns 0, or -1 on a read, store or sink error with a
 * reason in err.
 */
int k8s_parse(struct linereader *lr, const char *name,
    const struct k8s_options *opt, const struct job_sink *sink,
    const struct k8s_store_ops *ops, char *err, size_t errsize);

/* Build the job record of a Job from its facts and its pods. */
void k8s_build_job(const struct k8s_job_facts *f,
    const struct k8s_pods_summary *pods, struct job *job);

#endif
