/*
 * The wait report: per user, group, account, queue, qos, cluster or job
 * size, the runs that started in the window and their wait from submit to
 * start (mean, exact nearest-rank median, p90, p95, p99, max) and mean
 * expansion factor, as report rows.
 */
#ifndef HPCACCT_WAIT_H
#define HPCACCT_WAIT_H

#include <stdio.h>

#include "render.h"
#include "series.h"
#include "store.h"

struct wait_request {
	enum store_key key;		/* STORE_KEY_SIZE too */
	enum period period;		/* a time series, or PERIOD_NONE */
	struct store_filter filter;	/* the window and the filters */
};

/*
 * Compute the wait report into r (rows.h).  Returns 0, -1
 * on a database error (see store_errmsg), or -2 for more than
 * SERIES_MAX_PERIODS periods.
 */
int wait_build(struct store *st, const struct wait_request *req,
    struct report *r);

#endif
