/*
 * The top report: the N heaviest users, accounts or groups of the window
 * (by core-hours, GPU-hours or jobs) with their share of the whole, as
 * report rows; machine formats get exactly those N rows.
 */
#ifndef HPCACCT_TOP_H
#define HPCACCT_TOP_H

#include <stddef.h>
#include <stdio.h>

#include "render.h"
#include "series.h"
#include "store.h"

enum top_sort { TOP_CORE_HOURS, TOP_GPU_HOURS, TOP_JOBS };

struct top_request {
	enum store_key key;
	size_t n;			/* how many */
	enum top_sort sort;
	enum period period;		/* top N per period, or PERIOD_NONE */
	struct store_filter filter;	/* the window and the filters */
};

/* Parse "core_hours", "gpu_hours", "jobs"; 0 or -1. */
int top_sort_parse(const char *name, enum top_sort *sort);

/*
 * Compute the top report into r (rows.h).  Returns 0, -1 on
 * a database error (see store_errmsg), or -2 for more than
 * SERIES_MAX_PERIODS periods.
 */
int top_build(struct store *st, const struct top_request *req,
    struct report *r);

#endif
