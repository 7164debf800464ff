/*
 * What readers keep between records and between runs, and where: jobs in
 * flight (a PBS D record names a job whose Q record came in an earlier
 * file), and what a Kubernetes Job says of itself and its Pods (Pods
 * refine their Job whenever they come).  Neutral types: the store keeps
 * them (it implements struct reader_state) without knowing any reader.
 */
#ifndef HPCACCT_READER_STATE_H
#define HPCACCT_READER_STATE_H

#include <stdint.h>

/* A job queued (or started) but not yet ended. */
struct pending_job {
	int64_t submit;		/* JOB_UNSET if unknown */
	int started;
	char queue[128];	/* "" if unknown */
};

/* What a Kubernetes Job says of itself, kept to build its record again. */
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
	int64_t parallelism;		/* pods at once, bounded by what ran;
					 * JOB_UNSET if unknown */
	int64_t req_time;
};

/* One pod of a Kubernetes Job. */
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

/*
 * Where readers keep that state.  Every call gets ctx first.  The getters
 * return 1 (found, *out filled), 0 (unknown) or -1 (error); the others 0
 * or -1.  pending_queue records a queued job afresh, pending_start marks
 * it started, pending_drop forgets it; k8s_pods_summary always fills *s.
 */
struct reader_state {
	void *ctx;
	int (*pending_get)(void *ctx, const char *cluster, const char *job_id,
	    struct pending_job *out);
	int (*pending_queue)(void *ctx, const char *cluster,
	    const char *job_id, int64_t submit, const char *queue);
	int (*pending_start)(void *ctx, const char *cluster,
	    const char *job_id, int64_t submit);
	int (*pending_drop)(void *ctx, const char *cluster,
	    const char *job_id);
	int (*k8s_job_put)(void *ctx, const struct k8s_job_facts *f);
	int (*k8s_job_get)(void *ctx, const char *uid,
	    struct k8s_job_facts *out);
	int (*k8s_pod_put)(void *ctx, const struct k8s_pod *p);
	int (*k8s_pods_summary)(void *ctx, const char *job_uid,
	    struct k8s_pods_summary *s);
};

#endif
