/*
 * The utilization report: per cluster (and period), allocated core- and
 * GPU-hours over the capacity-hours of the configuration, which follows
 * each capacity change inside the window, in percent.
 */
#ifndef HPCACCT_UTILIZATION_H
#define HPCACCT_UTILIZATION_H

#include <stdio.h>

#include "conf.h"
#include "render.h"
#include "series.h"
#include "store.h"

struct utilization_request {
	enum period period;		/* a time series, or PERIOD_NONE */
	struct store_filter filter;	/* the window and the filters */
	const struct conf *conf;	/* the clusters' capacities */
};

/*
 * The capacity-hours of cluster cl over [from, to): cores (gpus with
 * gpu set) x hours of each capacity in force, none before the first.
 */
double utilization_capacity_hours(const struct conf_cluster *cl,
    int64_t from, int64_t to, int gpu);

/*
 * Compute the report into r (rows.h).  Returns 0, -1 on a
 * database error, -2 for more than SERIES_MAX_PERIODS periods, or -3 when
 * a cluster with usage has no capacity (its name in *missing, owned by
 * the store's row: copy before the next call).
 */
int utilization_build(struct store *st, const struct utilization_request *req,
    struct report *r, char *missing, size_t size);

#endif
