/*
 * Reader of Kubernetes batch Jobs and their Pods as `kubectl get jobs,pods
 * -A -o json` prints them: a List, a single object, or a stream of
 * objects (`kubectl get jobs -A -o json --watch`).  Memory is bounded by
 * the largest object, never by the List.
 *
 * A Job that has ended is one job record.  Pods refine it (the real start,
 * the pods that ran, the nodes) whenever they arrive, before or after
 * their Job, in this input or a later one: what hpcacct needs of each is
 * kept through struct reader_state.
 */
#ifndef HPCACCT_K8S_H
#define HPCACCT_K8S_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"
#include "reader.h"
#include "reader-state.h"

/*
 * The reader table's entry.  --cluster defaults to "kubernetes"; the
 * user and queue are the first of --k8s-user-key and --k8s-queue-key
 * (default hpcacct.io/user, owner; kueue.x-k8s.io/queue-name,
 * scheduling.volcano.sh/queue-name) found among the Job's labels and
 * annotations, else its namespace.  On a stream, what was read is flushed every 500
 * objects or 5 seconds, and whenever the stream falls silent.
 */
extern const struct reader k8s_reader;

/* Build the job record of a Job from its facts and its pods. */
void k8s_build_job(const struct k8s_job_facts *f,
    const struct k8s_pods_summary *pods, struct job *job);

#endif
