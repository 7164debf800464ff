/*
 * The store's grouping aggregates (part of the SQLite store).  A report
 * query that groups many rows by text keys spends most of its time in
 * SQLite's sorter; these aggregates group in a hash table inside one
 * call instead and return their groups as a JSON array, which the query
 * reads back with json_each():
 *
 *   wait_groups(key, wait, run)      sql/reading.sql: per key, the
 *       [key, n, mean, p50, p90, p95, p99, max, expansion, p25, p75, min]
 *                                    count, exact nearest-rank
 *       percentiles of wait (stats.h), mean expansion factor (wait + run)
 *       / run over the runs with run > 0 (NULL when none), the quartiles
 *       and the least wait.
 *   multi_extra(k1, k2, v...)        sql/usage_rollup.sql: per (k1, k2),
 *       [k1, k2, n]                  the rows beyond the first of each
 *                                    distinct (k1, k2, v...).
 *
 *   stat_groups(key, order, x, v1, ..., v8 at most)
 *       [key, order, rows, nx, x_mean, x_median, s1, n1, ..., sk, nk]
 *       per key the least order, the rows, the count, mean and (nearest
 *       rank) median of x, and the sum and count of each v.
 *   sizes_groups(size, run, req, core, gpu)   sql/reading.sql: two
 *       [[stat_groups], [stat_groups]]  stat_groups() at once, by the
 *       least size of each size bucket and by the least run time of each
 *       run time bucket, x = run / req (req > 0), v = core, gpu.
 *   efficiency_groups(key, cpu, core, used, req_mem, run, req)
 *       [stat_groups] with v = cpu, core (both known, core > 0), used,
 *       req_mem (req_mem > 0), run, req (req > 0), then every core.
 *   (These two do in C what stat_groups() over CASE expressions did: a
 *   reading of a month of 1.5M runs spends most of its time evaluating
 *   expressions per row.)
 *
 *   slo_groups(queue, wait, job_id, user, targets, n)  sql/reading.sql:
 *       [i, n, within, wait, max,    targets a JSON array of [queue id,
 *        [[job_id, user, wait]...]]  wait, pct]; per target i (0, 1,
 *       ...) with runs of its queue those runs, those that waited at most
 *       its wait, the nearest-rank pct-th wait, the longest, and its n
 *       longest waits (then least job id) first.
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
