/*
 * The job store: the only module that talks to the database.  Today it is
 * one SQLite file; every statement comes from the .sql files in sql/, so
 * another backend can implement the same functions.
 */
#ifndef HPCACCT_STORE_H
#define HPCACCT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"
#include "parsers/k8s.h"

struct store;

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 2

enum store_open_mode {
	STORE_OPEN_EXISTING,	/* fail if the file does not exist */
	STORE_OPEN_CREATE	/* create it (mode 0600) if needed */
};

/*
 * Open (and migrate to the current schema) the database at path
 * (":memory:" for a private one that lives as long as the handle).
 * Returns a handle to close with store_close(), or NULL with a reason in
 * err.
 */
struct store *store_open(const char *path, enum store_open_mode mode,
    char *err, size_t errsize);
void store_close(struct store *st);

/*
 * The last database error, naming the database ("PATH: reason"; a lock
 * that could not be had and a full disk say so); owned by the store,
 * valid until the next call.
 */
const char *store_errmsg(struct store *st);

/* How long a writer waits for another one's lock (default 10 minutes). */
void store_set_lock_timeout(struct store *st, int ms);

/* Transactions: each returns 0 or -1 (see store_errmsg). */
int store_begin(struct store *st);
/*
 * A transaction that takes the write lock only at its first write, and
 * after each store_commit() again only at the next one: a stream that
 * falls silent holds no lock.  Ended by store_rollback().
 */
void store_begin_lazy(struct store *st);
/* Commit what was written (nothing to do if nothing was); 0 or -1. */
int store_commit(struct store *st);
void store_rollback(struct store *st);
/* Whether writes are waiting for a commit. */
int store_in_transaction(struct store *st);

struct store_run_counts {
	int64_t read, new_jobs, updated, unchanged, skipped, rejected;
	int64_t warnings;
};

/* Open an ingest run for one input; returns its id, or -1. */
int64_t store_run_begin(struct store *st, const char *input,
    const char *format, int64_t now);
/* Record the counts of a run; 0 or -1. */
int store_run_finish(struct store *st, int64_t run,
    const struct store_run_counts *counts, int64_t now);

enum store_put {
	STORE_PUT_NEW,
	STORE_PUT_UPDATED,
	STORE_PUT_UNCHANGED,
	STORE_PUT_ERROR
};

/* Insert or update one job incarnation (through job_finish() already),
 * tagged with ingest run. */
enum store_put store_put_job(struct store *st, const struct job *job,
    int64_t run);

/* What was read of an input file. */
struct store_file {
	int64_t device, inode, size, read_offset, mtime;
	char format[16];	/* "slurm", "pbs" */
	char options[512];	/* the reading options ("tz=UTC ...") */
	int complete;		/* every record was stored (none rejected) */
};

/* Look up path: 1 found (*f filled), 0 unknown, -1 error. */
int store_file_get(struct store *st, const char *path, struct store_file *f);
/* Remember how far path was read in run; 0 or -1. */
int store_file_put(struct store *st, const char *path,
    const struct store_file *f, int64_t run);

/*
 * Remove the job rows that input path (or ingest run run) wrote last,
 * with the Kubernetes facts behind them, and the file's mark.  Returns
 * the number of job rows removed, or -1.
 */
int64_t store_forget_file(struct store *st, const char *path);
int64_t store_forget_run(struct store *st, int64_t run);

/* One ingest run as store_runs() lists it. */
struct store_run_row {
	int64_t id, started, finished;	/* finished: JOB_UNSET if it died */
	const char *input, *format;
	struct store_run_counts counts;
	int64_t stored;			/* job rows it wrote still stored */
};

/* Every ingest run, oldest first: row() per run until it returns
 * nonzero.  Returns 0 or -1. */
int store_runs(struct store *st,
    int (*row)(void *ctx, const struct store_run_row *r), void *ctx);

/* The clusters of the stored jobs with their job rows, in name order. */
int store_clusters(struct store *st,
    int (*row)(void *ctx, const char *cluster, int64_t jobs), void *ctx);

/* Jobs in flight (see struct job_pending): 1 found, 0 not, -1 error. */
int store_pending_get(struct store *st, const char *cluster,
    const char *job_id, struct job_pending *p);
/* A job was queued at submit (JOB_UNSET: unknown) in queue; 0 or -1. */
int store_pending_queue(struct store *st, const char *cluster,
    const char *job_id, int64_t submit, const char *queue);
/* A job started; 0 or -1. */
int store_pending_start(struct store *st, const char *cluster,
    const char *job_id, int64_t submit);
/* A job ended; 0 or -1. */
int store_pending_drop(struct store *st, const char *cluster,
    const char *job_id);

/* Kubernetes Job facts and pods (see parsers/k8s.h). */
int store_k8s_job_put(struct store *st, const struct k8s_job_facts *f);
/* 1 found, 0 unknown, -1 error. */
int store_k8s_job_get(struct store *st, const char *uid,
    struct k8s_job_facts *f);
int store_k8s_pod_put(struct store *st, const struct k8s_pod *p);
int store_k8s_pods_summary(struct store *st, const char *job_uid,
    struct k8s_pods_summary *s);

/* One row of the usage report. */
struct store_usage_row {
	const char *key;	/* NULL where the jobs have no such name */
	int64_t jobs;		/* distinct jobs */
	double core_hours, node_hours, gpu_hours;
	int64_t runs;		/* incarnations (a requeue or rerun is one) */
};

/*
 * Usage per key ("user", "group", "account", "queue", "cluster") in the
 * window [from, to), in key order: calls row() once per key, stopping if
 * it returns nonzero.  Returns 0 or -1.
 */
int store_usage(struct store *st, const char *key, int64_t from, int64_t to,
    int (*row)(void *ctx, const struct store_usage_row *r), void *ctx);

/* Which stored jobs a query is about. */
struct store_filter {
	int64_t from, to;	/* submitted in [from, to) */
	const char *cluster;	/* NULL: every cluster */
};

/*
 * The stored job incarnations that filter selects, in submit order, as
 * job records (strings valid during the call): calls fn() once per job,
 * stopping if it returns nonzero.  Returns 0 or -1.
 */
int store_jobs(struct store *st, const struct store_filter *filter,
    int (*fn)(void *ctx, const struct job *job), void *ctx);

#endif
