/*
 * The efficiency report: per user, account, group, queue, qos or
 * cluster, over the runs that ended in the window, CPU efficiency (CPU
 * time / allocated core time), memory efficiency (peak / requested
 * memory, both for the whole job), time efficiency (run / requested
 * time) and the core-hours CPU efficiency wasted, each over the runs
 * whose source records its quantities (a count says how many).
 */
#ifndef HPCACCT_EFFICIENCY_H
#define HPCACCT_EFFICIENCY_H

#include <stdint.h>
#include <stdio.h>

#include "render.h"
#include "series.h"
#include "store.h"

/* What rows are ordered by: the key, or a column (heaviest, or least
 * efficient, first). */
enum efficiency_sort {
	EFFICIENCY_BY_KEY, EFFICIENCY_BY_JOBS, EFFICIENCY_BY_CORE_HOURS,
	EFFICIENCY_BY_CPU, EFFICIENCY_BY_MEM, EFFICIENCY_BY_TIME,
	EFFICIENCY_BY_WASTED
};

struct efficiency_request {
	enum store_key key;
	enum period period;
	struct store_filter filter;
	int64_t min_jobs;		/* rows with fewer runs are left out */
	enum efficiency_sort sort;
};

/* Parse a --sort name (key, jobs, core_hours, cpu_efficiency,
 * mem_efficiency, time_efficiency, wasted_core_hours): 0 or -1. */
int efficiency_sort_parse(const char *name, enum efficiency_sort *sort);

/* Compute the report into r (rows.h): 0, -1 (database), or
 * -2 (too many periods). */
int efficiency_build(struct store *st, const struct efficiency_request *req,
    struct report *r);

#endif
