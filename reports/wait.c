/* The wait report (see wait.h). */
#include "config.h"

#include <string.h>

#include "wait.h"

/* The columns after the key, in their stable order (new ones go last). */
static const struct report_column wait_columns[] = {
	{"runs", REPORT_INT, "", 0, 6},
	{"wait_mean", REPORT_REAL, "s", 0, 10},
	{"wait_median", REPORT_DURATION, "s", 0, 11},
	{"wait_p90", REPORT_DURATION, "s", 0, 8},
	{"wait_p95", REPORT_DURATION, "s", 0, 8},
	{"wait_p99", REPORT_DURATION, "s", 0, 8},
	{"wait_max", REPORT_DURATION, "s", 0, 8},
	{"expansion_factor", REPORT_REAL, "", 0, 16},
	{"wait_p25", REPORT_DURATION, "s", 0, 8},
	{"wait_p75", REPORT_DURATION, "s", 0, 8},
	{"wait_min", REPORT_DURATION, "s", 0, 8},
};
#define WAIT_NVALUES (sizeof(wait_columns) / sizeof(wait_columns[0]))

struct wait_fill {
	struct store *st;
	const struct wait_request *req;
	struct report *r;
	const char *period;	/* the period column's value, or NULL */
};

static int
add_row(void *ctx, const struct store_wait_row *w)
{
	struct wait_fill *f = ctx;
	struct report_cell *c = report_row(f->r);

	if (f->period != NULL)
		report_set_text(c++, f->period);
	report_set_text(&c[0], w->key);
	report_set_int(&c[1], w->runs);
	report_set_real(&c[2], w->mean);
	report_set_int(&c[3], w->median);
	report_set_int(&c[4], w->p90);
	report_set_int(&c[5], w->p95);
	report_set_int(&c[6], w->p99);
	report_set_int(&c[7], w->max);
	if (w->expansion >= 0)
		report_set_real(&c[8], w->expansion);
	report_set_int(&c[9], w->p25);
	report_set_int(&c[10], w->p75);
	report_set_int(&c[11], w->min);
	return 0;
}

static int
wait_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct wait_fill *f = ctx;
	struct store_filter filter = f->req->filter;

	filter.from = from;
	filter.to = to;
	f->period = label;
	return store_wait(f->st, f->req->key, &filter, add_row, f);
}

int
wait_build(struct store *st, const struct wait_request *req,
    struct report *r)
{
	struct report_column cols[2 + WAIT_NVALUES];
	struct wait_fill fill = {st, req, r, NULL};
	size_t n = series_columns(cols, req->period, store_key_name(req->key),
	    NULL);
	int rc;

	memcpy(cols + n, wait_columns, sizeof(wait_columns));
	report_init(r, "wait", cols, n + WAIT_NVALUES);
	r->from = req->filter.from;
	r->to = req->filter.to;
	rc = series_run(st, req->period, req->filter.from, req->filter.to,
	    wait_window, &fill);
	return rc;
}
