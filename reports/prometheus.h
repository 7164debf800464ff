/*
 * Prometheus metrics: the text exposition format, for node_exporter's
 * textfile collector.  Per cluster and queue (never per user: user labels
 * explode a time series database), over one window: runs ended, core- and
 * GPU-seconds (Prometheus' base unit), the wait of the runs that started (a summary: quantiles 0.5,
 * 0.9, 0.95, 0.99, sum, count), service level attainment where [slo]
 * has a target; per cluster the utilization where a capacity is
 * configured.  Every cluster and queue that ever ran a job has a sample,
 * 0 when idle (NaN for the quantiles of no wait).  The figures are those
 * of the reports (usage, wait, efficiency's runs, slo, utilization).
 */
#ifndef HPCACCT_PROMETHEUS_H
#define HPCACCT_PROMETHEUS_H

#include <stdint.h>
#include <stdio.h>

#include "conf.h"
#include "store.h"

struct prometheus_request {
	int64_t from, to;		/* the window */
	const struct conf *conf;	/* capacities and SLO targets */
};

/*
 * Write the metrics to out.  Returns 0, or -1 on a database error (see
 * store_errmsg).  *no_capacity and *no_slo are set when the configuration
 * has no capacity or no SLO target, whose metrics are then left out.
 */
int prometheus_write(struct store *st, const struct prometheus_request *req,
    FILE *out, int *no_capacity, int *no_slo);

#endif
