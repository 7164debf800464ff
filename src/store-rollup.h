/*
 * The store's rollups (part of the SQLite store; see sql/migrate-3.sql
 * and migrate-4.sql): per UTC day, month and year, and per combination
 * of cluster, user, group, account, queue and qos, what the runs did.
 * The store passes every change to a job row here (a row's old values
 * with sign -1, its new ones with +1; in SQL, through the function
 * rollup_delta()); the changes gather in memory, summed per
 * rollup cell, and rollup_flush() adds them to the rollup table inside
 * the transaction that made them, so rollups and jobs commit together.
 * It also keeps the store's dictionary of names (the names table), which
 * job rows refer to by id as the rollup does.
 */
#ifndef HPCACCT_STORE_ROLLUP_H
#define HPCACCT_STORE_ROLLUP_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Cells gathered before a flush in the middle of a transaction. */
#define ROLLUP_FLUSH_CELLS 65536

/* Runs longer than this (seconds, 31 days) have no cells: a run has one
 * per day it touches, and reports add the few long runs from the job
 * rows (sql/migrate-5.sql's index, sql/usage_rollup.sql). */
#define ROLLUP_LONG_RUN 2678400

struct rollup;

/* Register rollup_delta() on db.  Returns NULL on failure. */
struct rollup *rollup_open(sqlite3 *db);
void rollup_close(struct rollup *r);

/* The names a rollup cell is per: cluster, user, group, account, queue,
 * qos (not the state: a report filtered by state reads the job rows). */
#define ROLLUP_NDIMS 6

/* What the rollup takes from a job row (as stored). */
struct rollup_run {
	const char *names[ROLLUP_NDIMS];	/* NULL: none */
	int has_start;
	int64_t start, end, run_time;
	double core_seconds, gpu_seconds, cpu_time;	/* < 0: unknown */
	double nodes;					/* NAN: unknown */
};

/* A row's values, its names held by the rollup (valid until it closes). */
struct rollup_change {
	uint32_t dims[ROLLUP_NDIMS];
	int skip;		/* nothing to count (a run without a start) */
	int64_t start, end, run_time;
	double core, nodes, gpu, cpu;
};

/* The change of run (its strings may go after the call). */
void rollup_change_of(struct rollup *r, const struct rollup_run *run,
    struct rollup_change *c);

/* The kinds of names (table names): the dimensions' 0 user, 1 group,
 * 2 account, 3 queue, 4 qos, 5 cluster, 6 state, and for job rows only
 * (sql/migrate-4.sql) these. */
#define ROLLUP_KIND_STATE 6
#define ROLLUP_KIND_RAW_STATE 7
#define ROLLUP_KIND_SOURCE_FILE 8
#define ROLLUP_KIND_JOB_NAME 9

/* The id in names of name of kind, added if new (in the open
 * transaction): 0 for NULL, -1 on failure. */
int64_t rollup_name(struct rollup *r, int kind, const char *name);

/* Add c to the waiting changes with sign 1 or -1. */
void rollup_apply(struct rollup *r, const struct rollup_change *c, int sign);

/* The cells waiting for rollup_flush(). */
size_t rollup_pending(const struct rollup *r);

/* Add the waiting changes to the rollup table (in the open
 * transaction): 0 or -1 (see sqlite3_errmsg()). */
int rollup_flush(struct rollup *r);

/* Forget the waiting changes (the transaction rolled back). */
void rollup_discard(struct rollup *r);

/* Build the rollup table again from every job row (in the open
 * transaction): 0 or -1. */
int rollup_rebuild(struct rollup *r);

/* A window as bucket ranges and the parts of days at its ends: see
 * sql/usage_rollup.sql. */
struct rollup_window {
	int64_t lo[5], hi[5];	/* day, month, year, month, day */
	int first_level;	/* -1: the window starts inside a day */
	int64_t first_bucket;
	int64_t edge_lo[2], edge_hi[2];	/* at the start, at the end */
};

/* [from, to) as rollup buckets and scanned edges (an open end moves to
 * the first or last day of the time jobs can have). */
void rollup_window(int64_t from, int64_t to, struct rollup_window *w);

/* Bind w to parameters first to first + 15 of stmt (sql/usage_rollup.sql's
 * ?12 to ?27). */
void rollup_bind_window(sqlite3_stmt *stmt, int first,
    const struct rollup_window *w);

#endif
