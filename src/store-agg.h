/*
 * The store's grouping aggregates (part of the SQLite store).  A report
 * query that groups many rows by text keys spends most of its time in
 * SQLite's sorter; these aggregates group in a hash table inside one
 * call instead and return their groups as a JSON array, which the query
 * reads back with json_each():
 *
 *   wait_groups(key, wait, run)      sql/wait.sql: per key, the count,
 *       [key, n, mean, p50, p90, p95, p99, max, expansion]   exact
 *       nearest-rank percentiles of wait (stats.h), mean expansion factor
 *       (wait + run) / run over the runs with run > 0, NULL when none.
 *   multi_extra(k1, k2, v...)        sql/usage_rollup.sql: per (k1, k2),
 *       [k1, k2, n]                  the rows beyond the first of each
 *                                    distinct (k1, k2, v...).
 *
 *   stat_groups(key, order, x, v1, ..., v8 at most)
 *       [key, order, rows, nx, x_mean, x_median, s1, n1, ..., sk, nk]
 *                                    sql/sizes.sql, sql/efficiency.sql:
 *       per key the least order, the rows, the count, mean and (nearest
 *       rank) median of x, and the sum and count of each v.
 *
 *   slo_groups(i, wait, target, pct)  sql/slo_many.sql: per target
 *       [i, n, within, wait, max]    index i (0, 1, ...) the runs, those
 *       that waited at most target, the nearest-rank pct-th wait and the
 *       longest.
 *
 * Keys are text, integers or NULL (JSON null); NULL values are skipped
 * (a NULL wait, order, x or v).
 */
#ifndef HPCACCT_STORE_AGG_H
#define HPCACCT_STORE_AGG_H

#include <sqlite3.h>

/* Register the aggregates on db.  Returns SQLITE_OK or an error code. */
int agg_register(sqlite3 *db);

#endif
