/*
 * Usage report: jobs, core-, node- and GPU-hours and runs per key over a
 * window, as report rows (rows.h) for any renderer.
 */
#include "config.h"

#include <string.h>

#include "render.h"
#include "series.h"
#include "usage.h"

/* The columns after the keys, in their stable order (new ones go last). */
static const struct report_column usage_columns[] = {
	{"jobs", REPORT_INT, "", 1, 8},
	{"core_hours", REPORT_HOURS, "h", 1, 14},
	{"node_hours", REPORT_HOURS, "h", 1, 12},
	{"gpu_hours", REPORT_HOURS, "h", 1, 12},
	{"runs", REPORT_INT, "", 1, 8},
	{"wall_hours", REPORT_HOURS, "h", 1, 12},
	{"cpu_efficiency", REPORT_PERCENT, "%", 0, 14},
};
#define USAGE_NVALUES (sizeof(usage_columns) / sizeof(usage_columns[0]))

struct usage_fill {
	struct report *r;
	int two;		/* two key columns */
	const char *period;	/* the period column's value, or NULL */
};

static int
add_row(void *ctx, const struct store_usage_row *u)
{
	struct usage_fill *f = ctx;
	struct report_cell *c = report_row(f->r);

	if (f->period != NULL)
		report_set_text(c++, f->period);
	report_set_text(c++, u->key);
	if (f->two)
		report_set_text(c++, u->key2);
	report_set_int(&c[0], u->jobs);
	report_set_real(&c[1], u->core_hours);
	report_set_real(&c[2], u->node_hours);
	report_set_real(&c[3], u->gpu_hours);
	report_set_int(&c[4], u->runs);
	report_set_real(&c[5], u->wall_hours);
	if (u->cpu_efficiency >= 0)
		report_set_real(&c[6], u->cpu_efficiency);
	return 0;
}

struct usage_period {
	struct store *st;
	const struct usage_request *req;
	struct usage_fill *fill;
};

/* One window (a period of a series, or the whole): rows labelled. */
static int
usage_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct usage_period *u = ctx;
	struct store_filter f = u->req->filter;

	f.from = from;
	f.to = to;
	u->fill->period = label;
	return store_usage(u->st, u->req->key, u->req->key2, &f, add_row,
	    u->fill);
}

int
usage_build(struct store *st, const struct usage_request *req,
    struct report *r)
{
	struct report_column cols[3 + USAGE_NVALUES];
	struct usage_fill fill = {r, req->key2 >= 0, NULL};
	struct usage_period u = {st, req, &fill};
	size_t n = series_columns(cols, req->period, store_key_name(req->key),
	    fill.two ? store_key_name((enum store_key)req->key2) : NULL);
	int rc;

	memcpy(cols + n, usage_columns, sizeof(usage_columns));
	report_init(r, "usage", cols, n + USAGE_NVALUES);
	r->from = req->filter.from;
	r->to = req->filter.to;
	rc = series_run(st, req->period, req->filter.from, req->filter.to,
	    usage_window, &u);
	return rc;
}
