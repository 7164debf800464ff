/*
 * The service level report: per queue with a target (a wait and a
 * percentile: "p95 of jobs start within 1 h"), per period, the runs that
 * started, the share that started within the target, the measured
 * percentile wait, whether the target was met, and the longest waits
 * with their job id and user.
 */
#ifndef HPCACCT_SLO_H
#define HPCACCT_SLO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "render.h"
#include "series.h"
#include "store.h"

struct slo_request {
	const struct store_slo_target *targets;
	size_t ntargets;
	enum period period;
	struct store_filter filter;
	size_t worst;		/* longest waits listed per row */
};

/*
 * Compute the report into r (rows.h); *missed is set to
 * the number of rows whose target was missed.  Returns 0, -1 (database)
 * or -2 (too many periods).
 */
int slo_build(struct store *st, const struct slo_request *req,
    struct report *r, size_t *missed);

#endif
