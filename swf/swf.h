/*
 * Standard Workload Format 2.2 (Parallel Workloads Archive): job lines of
 * 18 numbers, header comments, and the name-to-number maps that anonymise
 * users, groups, executables, queues and partitions.
 */
#ifndef HPCACCT_SWF_H
#define HPCACCT_SWF_H

#include <stdint.h>
#include <stdio.h>

#include "job.h"


enum swf_field {
	SWF_JOB_NUMBER, SWF_SUBMIT, SWF_WAIT, SWF_RUN, SWF_ALLOC_PROCS,
	SWF_AVG_CPU, SWF_USED_MEM, SWF_REQ_PROCS, SWF_REQ_TIME, SWF_REQ_MEM,
	SWF_STATUS, SWF_USER, SWF_GROUP, SWF_EXECUTABLE, SWF_QUEUE,
	SWF_PARTITION, SWF_PRECEDING_JOB, SWF_THINK_TIME,
	SWF_NFIELDS
};

/* One job line; -1 where unknown. */
struct swf_job {
	int64_t f[SWF_NFIELDS];
};

/*
 * The fields of job j that SWF defines from the job alone (times relative
 * to first_submit, processors, CPU time and memory per processor, requested
 * resources, status), by the archive's conventions: a job cancelled before
 * it started has run time 0 and waits until its end.  The numbered fields
 * (job, user, group, executable, queue, partition) and the preceding job
 * are left -1 for the caller.
 */
void swf_job_from(struct swf_job *out, const struct job *j,
    int64_t first_submit);

/* Write one job line (18 numbers, one space apart).  Returns 0 or -1. */
int swf_write_job(FILE *out, const struct swf_job *job);

/* Names numbered 1, 2, 3... in order of first appearance. */
struct swf_idmap;

/* A new, empty map; free with swf_idmap_free(). */
struct swf_idmap *swf_idmap_new(void);
void swf_idmap_free(struct swf_idmap *map);
/* The number of name, assigning the next one if new; -1 for NULL. */
int64_t swf_idmap_get(struct swf_idmap *map, const char *name);
/* How many names the map holds. */
int64_t swf_idmap_count(const struct swf_idmap *map);
/* The name numbered n (1-based); owned by the map. */
const char *swf_idmap_name(const struct swf_idmap *map, int64_t n);

struct swf_header {
	const char *computer;
	const char *installation;
	const char *conversion;
	int64_t max_jobs;		/* = max records: one line per record */
	int preemption;
	int64_t unix_start;		/* epoch of submit time 0 */
	const char *zone;		/* tz database name */
	int64_t end_time;		/* latest end, epoch */
	int64_t max_nodes, max_procs;
	const struct swf_idmap *queues;
	const struct swf_idmap *partitions;
	int names;			/* list queue and partition names */
	const char *note;		/* may hold '\n': continuation lines */
};

/*
 * Write the "; Key: value" header; control characters in its text become
 * '?', and the Queue and Partition maps give numbers only unless names is
 * set.  Returns 0 or -1.
 */
int swf_write_header(FILE *out, const struct swf_header *h);

#endif
