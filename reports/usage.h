/*
 * The usage report: jobs, core-hours, node-hours, GPU-hours and runs per
 * user, group, account, queue, QOS or cluster (or two of them) over a time
 * window and the jobs filters select, as report rows rendered in any
 * format (render.h).
 */
#ifndef HPCACCT_USAGE_H
#define HPCACCT_USAGE_H

#include <stdint.h>
#include <stdio.h>

#include "render.h"
#include "series.h"
#include "store.h"

/* What a usage report is asked for. */
struct usage_request {
	enum store_key key;
	int key2;			/* a second key, or -1 */
	enum period period;		/* a time series, or PERIOD_NONE */
	struct store_filter filter;	/* the window and the filters */
};

/*
 * Compute the usage per key of the request from st into r (rows.h).
 * With a period, a row per period and key, "period" first,
 * each period's usage clipped to it (the rows add up to the window); the
 * window is bounded by the stored runs where it is open.  Returns 0, -1
 * on a database error (see store_errmsg), or -2 for more than
 * SERIES_MAX_PERIODS periods.
 */
int usage_build(struct store *st, const struct usage_request *req,
    struct report *r);

#endif
