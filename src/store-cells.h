/*
 * The rollup's cells in memory, whichever backend stores them (part of
 * the store: src/store-rollup.c writes them to SQLite, src/store-pg.c to
 * PostgreSQL).  Per UTC day, month and year, and per combination of
 * cluster, user, group, account, queue and qos (name ids), what the runs
 * did; the store hands every change of a job row here (its old values
 * with sign -1, its new ones with +1), the changes sum per cell, and the
 * backend adds the cells to its rollup table inside the transaction that
 * made them.  Also the arithmetic of a report's window over the cells.
 */
#ifndef HPCACCT_STORE_CELLS_H
#define HPCACCT_STORE_CELLS_H

#include <stddef.h>
#include <stdint.h>

/* Cells gathered before a flush in the middle of a transaction. */
#define ROLLUP_FLUSH_CELLS 65536

/* Runs longer than this (seconds, 31 days) have no cells: a run has one
 * per day it touches, and reports add the few long runs from the job
 * rows (sql/migrate-5.sql's index, sql/usage_rollup.sql). */
#define ROLLUP_LONG_RUN 2678400

/* The names a rollup cell is per: cluster, user, group, account, queue,
 * qos (not the state: a report filtered by state reads the job rows). */
#define ROLLUP_NDIMS 6

/* The values a cell sums: core, node, GPU and wall seconds, and the CPU
 * seconds and core-seconds of the runs that know their CPU time. */
#define ROLLUP_NVALUES 6

/* The kinds of names (table names): the dimensions' 0 user, 1 group,
 * 2 account, 3 queue, 4 qos, 5 cluster, 6 state, and for job rows only
 * (sql/migrate-4.sql) these. */
#define ROLLUP_KIND_STATE 6
#define ROLLUP_KIND_RAW_STATE 7
#define ROLLUP_KIND_SOURCE_FILE 8
#define ROLLUP_KIND_JOB_NAME 9

/* The kind of each dimension of a cell, in order. */
extern const int rollup_kinds[ROLLUP_NDIMS];

/* What the rollup takes from a job row (as stored), but its names. */
struct rollup_run {
	int has_start;
	int64_t start, end, run_time;
	double core_seconds, gpu_seconds, cpu_time;	/* < 0: unknown */
	double nodes;					/* NAN: unknown */
};

/* A row's part of the cells: its name ids (0: none; the SQLite store's
 * are ids of its own, see store-rollup.h) and values. */
struct rollup_change {
	uint32_t dims[ROLLUP_NDIMS];
	int skip;		/* nothing to count (a run without a start) */
	int64_t start, end, run_time;
	double core, nodes, gpu, cpu;
};

/* Fill c's values (not its dims) from run. */
void rollup_change_values(const struct rollup_run *run,
    struct rollup_change *c);

struct rollup_key {
	int64_t bucket;		/* the UTC epoch its day, month or year starts */
	uint32_t level;		/* 1 day, 2 month, 3 year */
	uint32_t dims[ROLLUP_NDIMS];
};

struct rollup_cell {
	struct rollup_key key;
	int used;
	int64_t runs_overlap, runs_start;
	double v[ROLLUP_NVALUES];
};

/* Changes summed per cell (opaque). */
struct rollup_cells;

/* A new empty table (free with rollup_cells_free()). */
struct rollup_cells *rollup_cells_new(void);
void rollup_cells_free(struct rollup_cells *t);

/* Add c to the cells with sign 1 or -1 (a run longer than
 * ROLLUP_LONG_RUN only raises the longest run seen). */
void rollup_cells_apply(struct rollup_cells *t, const struct rollup_change *c,
    int sign);

/* The cells waiting, and the longest run applied since the last clear
 * (seconds). */
size_t rollup_cells_count(const struct rollup_cells *t);
int64_t rollup_cells_longest(const struct rollup_cells *t);

/* The waiting cells that change something, in key order (level,
 * bucket, dims): *n of them, owned by t and valid until its next call. */
const struct rollup_cell *rollup_cells_sorted(struct rollup_cells *t,
    size_t *n);

/* Forget every waiting cell and the longest run. */
void rollup_cells_clear(struct rollup_cells *t);

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

#endif
