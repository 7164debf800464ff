/*
 * The job store: the only module that talks to the database, and the only
 * one that knows it is SQLite (src/store.c; every statement comes from
 * sql/).  This header is what every consumer sees: opening, transactions,
 * jobs in, and jobs, aggregates and ingest runs out through queries with a
 * filter and a callback.  What only ingest needs (file marks, the state
 * readers keep) is in store-ingest.h.  No type here belongs to a reader.
 */
#ifndef HPCACCT_STORE_H
#define HPCACCT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"

struct store;

/* The schema version this build writes. */
#define STORE_SCHEMA_VERSION 5

enum store_open_mode {
	STORE_OPEN_EXISTING,	/* fail if the file does not exist; big
				 * sorts spill to temporary files */
	STORE_OPEN_CREATE	/* create it (mode 0600) if needed; for
				 * writers, temporary data in memory */
};

/* Is path a PostgreSQL connection URI (postgresql:// or postgres://,
 * handed to libpq as it is), not a SQLite file? */
int store_is_server(const char *path);

/*
 * Open (and migrate to the current schema) the database at path
 * (":memory:" for a private one that lives as long as the handle), or
 * the PostgreSQL database of a URI (src/store-pg.c).
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

/* Whether a store call failed since the last store_begin(). */
int store_failed(struct store *st);

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

enum store_put {
	STORE_PUT_NEW,
	STORE_PUT_UPDATED,
	STORE_PUT_UNCHANGED,
	STORE_PUT_ERROR,
	STORE_PUT_QUEUED	/* sent in the open transaction; its outcome
				 * comes from store_put_outcomes() */
};

/* Insert or update one job incarnation (through job_finish() already),
 * tagged with ingest run.  PostgreSQL stores the jobs of a transaction
 * in batches (COPY, then one statement each): a put then says
 * STORE_PUT_QUEUED, and a failure shows at a later call. */
enum store_put store_put_job(struct store *st, const struct job *job,
    int64_t run);

/* Add the outcomes of the puts queued since the last call (waiting for
 * them) to *n: [0] new, [1] updated, [2] unchanged.  0 or -1. */
int store_put_outcomes(struct store *st, int64_t n[3]);

/* The names a report groups and filters jobs by. */
enum store_key {
	STORE_KEY_USER, STORE_KEY_GROUP, STORE_KEY_ACCOUNT, STORE_KEY_QUEUE,
	STORE_KEY_QOS, STORE_KEY_CLUSTER,
	STORE_NKEYS,		/* the names above filter too */
	STORE_KEY_SIZE = STORE_NKEYS,	/* processor buckets: 1, 2, 3-4, ... */
	STORE_KEY_ALL			/* store_wait(): one row, key "all" */
};

/* The key called name ("user", "group", ..., "size"; never "all"),
 * or -1. */
int store_key_parse(const char *name);

/* The name of key k. */
const char *store_key_name(enum store_key k);

/* The ends of an open window (no --from, no --to), far from int64
 * overflow in SQL arithmetic. */
#define STORE_WINDOW_MIN (-((int64_t)1 << 52))
#define STORE_WINDOW_MAX ((int64_t)1 << 52)

/* Which stored jobs a query is about. */
struct store_filter {
	int64_t from, to;	/* the window [from, to): see each query */
	const char *cluster;	/* store_jobs(): NULL for every cluster */
	/* store_usage(): jobs whose key k is one of match[k]
	 * (NULL-terminated; NULL: any), whose state is one of states */
	const char *const *match[STORE_NKEYS];
	const char *const *states;
	/* store_usage(): read every job row even where the rollup has the
	 * answer (to check one against the other) */
	int scan;
};

/*
 * The stored job incarnations submitted in the filter's window, in submit
 * order, as job records (strings valid during the call): calls fn() once
 * per job, stopping if it returns nonzero.  Returns 0, -1, or fn()'s
 * nonzero value.
 */
int store_jobs(struct store *st, const struct store_filter *filter,
    int (*fn)(void *ctx, const struct job *job), void *ctx);

/* One row of the usage aggregate. */
struct store_usage_row {
	const char *key;	/* NULL where the jobs have no such name */
	const char *key2;	/* the second key's, likewise */
	int64_t jobs;		/* distinct jobs */
	double core_hours, node_hours, gpu_hours;
	int64_t runs;		/* incarnations (a requeue or rerun is one) */
	double wall_hours;	/* the runs' wall time */
	double cpu_efficiency;	/* percent; < 0 where no CPU time is known */
};

/*
 * Usage per key (and second key; -1 for none) of the runs of the
 * filter's jobs inside its window, each clipped to it, in key order: calls
 * row() once per key, stopping if it returns nonzero.  Returns 0, -1, or
 * row()'s nonzero value.
 */
int store_usage(struct store *st, enum store_key key, int key2,
    const struct store_filter *filter,
    int (*row)(void *ctx, const struct store_usage_row *r), void *ctx);

/* One row of the wait aggregate (seconds). */
struct store_wait_row {
	const char *key;	/* NULL where the jobs have no such name */
	int64_t runs;		/* that started in the window */
	double mean;
	int64_t median, p90, p95, p99, max;
	double expansion;	/* mean (wait + run) / run; < 0 unknown */
	int64_t p25, p75, min;
};

/*
 * Wait times per key (size too) of the runs of the filter's jobs that
 * started in its window, exact nearest-rank percentiles, in key order
 * (sizes by size): row() once per key until it returns nonzero.  Returns
 * 0, -1, or row()'s nonzero value.
 */
int store_wait(struct store *st, enum store_key key,
    const struct store_filter *filter,
    int (*row)(void *ctx, const struct store_wait_row *r), void *ctx);

/* The size of a job, for store_sizes(). */
enum store_unit {
	STORE_UNIT_PROCS, STORE_UNIT_NODES, STORE_UNIT_GPUS
};

/* One bucket of the sizes aggregate. */
struct store_size_row {
	const char *dimension;	/* "size" or "runtime" */
	const char *bucket;	/* "1", "3-4", ..., "<1min", ...; NULL unknown */
	int64_t runs;
	double core_hours, gpu_hours;
	double ratio_mean, ratio_median;	/* run / requested time;
						 * < 0 unknown */
};

/*
 * Per size bucket (1, 2, 3-4, 5-8, ... of unit; "0" for no GPUs), then
 * per run time bucket (<1min, 1-10min, 10-60min, 1-4h, 4-12h, 12-24h,
 * >24h), the filter's runs that ran and ended in its window: row() once
 * per bucket, sizes first, each in order.  Returns 0, -1, or row()'s
 * nonzero value.
 */
int store_sizes(struct store *st, enum store_unit unit,
    const struct store_filter *filter,
    int (*row)(void *ctx, const struct store_size_row *r), void *ctx);

/* One row of the efficiency aggregate: sums over the runs that record
 * each quantity (and how many they are). */
struct store_efficiency_row {
	const char *key;
	int64_t runs;
	double core_seconds;			/* every run's */
	int64_t cpu_runs;			/* CPU time and cores known */
	double cpu_seconds, cpu_core_seconds;
	int64_t mem_runs;			/* peak and request known */
	double mem_used_kb, mem_req_kb;		/* whole jobs */
	int64_t time_runs;			/* a requested time known */
	double run_seconds, req_seconds;
};

/* Efficiency per key of the filter's runs that ran and ended in its
 * window, in key order. */
int store_efficiency(struct store *st, enum store_key key,
    const struct store_filter *filter,
    int (*row)(void *ctx, const struct store_efficiency_row *r), void *ctx);

/* A queue's service level over a window (seconds). */
struct store_slo_row {
	int64_t runs;		/* that started in the window */
	int64_t within;		/* that waited at most the target */
	int64_t wait;		/* the percentile wait; JOB_UNSET: no runs */
	int64_t max;		/* the longest; JOB_UNSET: no runs */
};

/* A queue's service level target. */
struct store_slo_target {
	const char *queue;
	int64_t wait;		/* seconds */
	double pct;		/* 0 < pct <= 100 */
};

/*
 * The service level of each of the n targets over the filter's runs
 * that started in its window (its queue filter unused), in one reading
 * of the runs, into out[0..n-1]; with each target's `worst` longest
 * waits (then least job id), longest first: worst_row() per run with the
 * target's index until it returns nonzero.  Returns 0, -1, or
 * worst_row()'s nonzero value.
 */
int store_slo(struct store *st, const struct store_slo_target *t, size_t n,
    size_t worst, const struct store_filter *filter,
    struct store_slo_row *out, int (*worst_row)(void *ctx, size_t i,
    const char *job_id, const char *user, int64_t wait), void *ctx);

/* What one reading of a window's runs computes for store_read_ahead():
 * each part that is asked for. */
struct store_reading {
	int wait;			/* store_wait() by wait_key */
	enum store_key wait_key;
	int wait_all;			/* store_wait() by STORE_KEY_ALL */
	int sizes;			/* store_sizes() in unit */
	enum store_unit unit;
	int efficiency;			/* store_efficiency() by efficiency_key */
	enum store_key efficiency_key;
	const struct store_slo_target *slo;	/* store_slo() of these nslo */
	size_t nslo, worst;
};

/*
 * Read the filter's window once for every part of *what and keep the
 * results (dropping those of an earlier call): store_wait(),
 * store_sizes(), store_efficiency() and store_slo() asked for one of
 * them over the same filter then answer without reading the runs again.
 * Each of those reads the runs itself otherwise, so the answers are the
 * same either way.  0 or -1.
 */
int store_read_ahead(struct store *st, const struct store_filter *filter,
    const struct store_reading *what);
/* Split a reading (of store_read_ahead(), store_wait() and the others)
 * between two threads when the database holds at least rows job rows
 * (default 100000; 0: never).  A file database only. */
void store_set_read_split(struct store *st, int64_t rows);
/* Drop what store_read_ahead() kept. */
void store_read_ahead_drop(struct store *st);

/* A user: of the registry, or known only from jobs (source "first-job",
 * created then being the first job's submit time). */
struct store_user {
	const char *name;
	int64_t created;	/* UTC epoch */
	const char *source;	/* "registry", "slurmdbd", "first-job" */
	const char *group, *organization, *full_name;	/* NULL unknown */
	const char *account;	/* slurmdbd's default account, NULL */
};

/* Store (or replace) a registry entry, in the open transaction: 0 or
 * -1. */
int store_user_put(struct store *st, const struct store_user *u);

/* Every user, registry and first-job ones, in name order. */
int store_users(struct store *st,
    int (*row)(void *ctx, const struct store_user *u), void *ctx);

/* What store_signups() groups users by. */
enum store_signup_key {
	STORE_SIGNUP_NONE = -1,
	STORE_SIGNUP_GROUP = 1,
	STORE_SIGNUP_ACCOUNT = 2,	/* of the user's first job */
	STORE_SIGNUP_ORGANIZATION = 7
};

/* One row of the signups aggregate. */
struct store_signup_row {
	const char *key;	/* NULL: none (or no key) */
	const char *source;
	int64_t new_users;	/* created in the window */
	int64_t users;		/* created before its end */
	int64_t active;		/* with a run in it */
};

/* Users per key and source for the window [from, to). */
int store_signups(struct store *st, enum store_signup_key key,
    int64_t from, int64_t to,
    int (*row)(void *ctx, const struct store_signup_row *r), void *ctx);

/* Every cluster and queue (NULL: none) that ever had a run, in name
 * order: row() per pair until it returns nonzero. */
int store_cluster_queues(struct store *st,
    int (*row)(void *ctx, const char *cluster, const char *queue),
    void *ctx);

/* What an ingest run counted. */
struct store_run_counts {
	int64_t read, new_jobs, updated, unchanged, skipped, rejected;
	int64_t warnings;
};

/* One ingest run as store_runs() lists it. */
struct store_run_row {
	int64_t id, started, finished;	/* finished: JOB_UNSET if it died */
	const char *input, *format;
	struct store_run_counts counts;
	int64_t stored;			/* job rows it wrote still stored */
};

/* Every ingest run, oldest first: row() per run until it returns
 * nonzero.  Returns 0, -1, or row()'s nonzero value. */
int store_runs(struct store *st,
    int (*row)(void *ctx, const struct store_run_row *r), void *ctx);

/* The earliest start and latest end of the stored runs: 1 (*first,
 * *last set), 0 when no job is stored, -1 on error. */
int store_span(struct store *st, int64_t *first, int64_t *last);

/* The clusters of the stored jobs with their job rows, in name order. */
int store_clusters(struct store *st,
    int (*row)(void *ctx, const char *cluster, int64_t jobs), void *ctx);

/*
 * Remove the job rows that input path (or ingest run run) wrote last,
 * with the Kubernetes facts behind them, and the file's mark (*known: 1
 * if it had one).  Returns the number of job rows removed, or -1.
 */
int64_t store_forget_file(struct store *st, const char *path, int *known);
int64_t store_forget_run(struct store *st, int64_t run);

#endif
