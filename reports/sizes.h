/*
 * The sizes report: the runs that ended in the window by job size bucket
 * (processors, nodes or GPUs: 1, 2, 3-4, 5-8, ... doubling) and by run
 * time bucket (<1min ... >24h), with their core- and GPU-hours and how
 * their run time compares with the time they requested.
 */
#ifndef HPCACCT_SIZES_H
#define HPCACCT_SIZES_H

#include <stdio.h>

#include "render.h"
#include "series.h"
#include "store.h"

struct sizes_request {
	enum store_unit unit;
	enum period period;		/* a time series, or PERIOD_NONE */
	struct store_filter filter;	/* the window and the filters */
};

/* Parse "procs", "nodes", "gpus": 0 or -1. */
int sizes_unit_parse(const char *name, enum store_unit *unit);

/*
 * Compute the sizes report into r (rows.h).  Returns 0, -1
 * on a database error (see store_errmsg), or -2 for more than
 * SERIES_MAX_PERIODS periods.
 */
int sizes_build(struct store *st, const struct sizes_request *req,
    struct report *r);

#endif
