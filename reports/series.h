/*
 * Time series of any report: the periods of a window, bounded by the
 * stored runs where the window is open, handed one by one to a query.
 */
#ifndef HPCACCT_SERIES_H
#define HPCACCT_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "period.h"
#include "rows.h"
#include "store.h"

/* A series has at most as many periods. */
#define SERIES_MAX_PERIODS 100000

/*
 * Call query(ctx, from, to, label) for each period of kind p in [from,
 * to) (an open end is that of the stored runs), each clipped to the
 * window, in order, until it returns nonzero.
 * Returns 0, query's nonzero value, -1 on a database error, or -2 for
 * more than SERIES_MAX_PERIODS periods.
 */
int series_each(struct store *st, enum period p, int64_t from, int64_t to,
    int (*query)(void *ctx, int64_t from, int64_t to, const char *label),
    void *ctx);

/*
 * A report's window: with a period, series_each(); without, query once
 * over the window itself with a NULL label.
 */
int series_run(struct store *st, enum period p, int64_t from, int64_t to,
    int (*query)(void *ctx, int64_t from, int64_t to, const char *label),
    void *ctx);

/*
 * The leading columns of a report into cols: "period" for a series, then
 * the key columns (key2 NULL for one, both NULL for none).  Returns how
 * many.
 */
size_t series_columns(struct report_column *cols, enum period p,
    const char *key, const char *key2);

#endif
