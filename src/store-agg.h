/*
 * The store's grouping aggregates (part of the SQLite store).  A report
 * query that groups many rows by keys would spend most of its time in
 * SQLite's sorter, and a reading of a month of 1.5M runs most of the
 * rest evaluating SQL expressions per row; so these group in hash tables
 * in C and give their groups as JSON arrays, which the queries in sql/
 * read back with json_each().
 *
 *   multi_extra(k1, k2, v...)        SQL, sql/usage_rollup.sql: per
 *       [k1, k2, n]                  (k1, k2), the rows beyond the first
 *                                    of each distinct (k1, k2, v...).
 *
 *   reading_add(reading, v...)      SQL, sql/reading.sql: adds each row
 *                                    to a reading bound as a pointer.
 *
 * A reading (struct agg_reading, fed the rows of sql/reading.sql by
 * read_parts() in src/store.c) computes the parts its spec asks for over
 * the runs of a window, each as the JSON its sql/PART_rows.sql reads:
 *
 *   AGG_PART_WAIT, AGG_PART_WAIT_ALL  the runs that started in the
 *       [key, n, mean, p50, p90, p95, p99, max, expansion, p25, p75, min]
 *       window, per key (or all as key 0): the count, exact nearest-rank
 *       percentiles of wait (stats.h), the mean expansion factor (wait +
 *       run) / run over the runs with run > 0 (null when none), the
 *       quartiles and the least wait.
 *   AGG_PART_SIZES  [by size, by run time], each of groups
 *       [key, null, rows, nx, x_mean, x_median, s1, n1, s2, n2]: the runs
 *       that ran and ended in the window by the least size of their size
 *       bucket and by the least run time of their run time bucket, x = run
 *       / requested time (where requested), s = core- and GPU-seconds.
 *   AGG_PART_EFFICIENCY  groups as above per key, without x, s = CPU time
 *       and core-seconds (both known, core > 0), peak and requested memory
 *       (requested > 0), run and requested time (requested > 0), then
 *       every run's core-seconds.
 *   AGG_PART_SLO  [i, n, within, wait, max, [[job_id, user, wait]...]]
 *       per target i (from 0) with runs of its queue that started in the
 *       window: those runs, those that waited at most its wait, the
 *       nearest-rank pct-th wait, the longest, and the longest waits
 *       (then least job id) first.
 *
 * Keys are name ids, size bucket labels or null; NULL values are skipped.
 */
#ifndef HPCACCT_STORE_AGG_H
#define HPCACCT_STORE_AGG_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

/* Register the SQL aggregates on db.  Returns SQLITE_OK or an error. */
int agg_register(sqlite3 *db);

/* A key of a reading: a name id column (0 user, 1 group, 2 account,
 * 3 queue, 4 qos, 5 cluster, as enum store_key), or these; -1: none. */
#define AGG_KEY_SIZE 6		/* the processor bucket's label */
#define AGG_KEY_ALL 7		/* one group, key 0 */

struct agg_slo_target {
	int64_t queue;		/* its name id; -1 unknown: no runs */
	int64_t wait;
	double pct;
};

struct agg_reading_spec {
	int64_t from, to;	/* the window [from, to) */
	int wait_key;		/* AGG_PART_WAIT by this key, -1 none */
	int wait_all;		/* AGG_PART_WAIT_ALL */
	int size_unit;		/* 0 processors, 1 nodes, 2 GPUs; -1 none */
	int efficiency_key;	/* -1 none */
	const struct agg_slo_target *slo;	/* nslo targets (copied) */
	size_t nslo, worst;	/* each with its worst longest waits */
};

enum agg_part {
	AGG_PART_WAIT, AGG_PART_WAIT_ALL, AGG_PART_SIZES,
	AGG_PART_EFFICIENCY, AGG_PART_SLO	/* the last: READ_NPARTS in store.c */
};

/*
 * A row of sql/reading.sql as a reading takes it, from either backend:
 * its columns but the last in that order, each an integer (i[]) or, for
 * the core-seconds, GPU-seconds and CPU time, a double (d[]), known[]
 * where not NULL; and the job id, read only for a service level's
 * longest waits (job_id(src), NULL unknown).
 */
#define AGG_READING_COLS 18
struct agg_row {
	int64_t i[AGG_READING_COLS];
	double d[AGG_READING_COLS];
	unsigned char known[AGG_READING_COLS];
	const char *(*job_id)(const void *src);
	const void *src;
};

struct agg_reading *agg_reading_new(const struct agg_reading_spec *spec);
/* Add a row; the SQL aggregate reading_add(pointer, values...) does it
 * for a reading bound with sqlite3_bind_pointer() as type
 * AGG_READING_TYPE. */
void agg_reading_row(struct agg_reading *r, const struct agg_row *row);
#define AGG_READING_TYPE "hpcacct_reading"

/* A new empty reading of r's spec. */
struct agg_reading *agg_reading_like(const struct agg_reading *r);
/* Move what src (a reading of the same spec over other rows) read into
 * dst, whose parts are then those of both readings' rows; frees src. */
void agg_reading_merge(struct agg_reading *dst, struct agg_reading *src);
/* A part as JSON text (to free), or NULL where the spec has none. */
char *agg_reading_json(struct agg_reading *r, enum agg_part part);
void agg_reading_free(struct agg_reading *r);

#endif
