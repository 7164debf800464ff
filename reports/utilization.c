/* The utilization report (see utilization.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "utilization.h"

static const struct report_column util_columns[] = {
	{"cluster", REPORT_TEXT, "", 0, 7},
	{"core_hours", REPORT_HOURS, "h", 1, 14},
	{"capacity_core_hours", REPORT_HOURS, "h", 1, 19},
	{"core_utilization", REPORT_PERCENT, "%", 0, 16},
	{"gpu_hours", REPORT_HOURS, "h", 1, 12},
	{"capacity_gpu_hours", REPORT_HOURS, "h", 1, 18},
	{"gpu_utilization", REPORT_PERCENT, "%", 0, 15},
};
#define UTIL_NCOLS (sizeof(util_columns) / sizeof(util_columns[0]))

double
utilization_capacity_hours(const struct conf_cluster *cl, int64_t from,
    int64_t to, int gpu)
{
	double hours = 0;
	int64_t a, b;
	size_t i;

	for (i = 0; i < cl->ncap; i++) {
		a = cl->cap[i].from > from ? cl->cap[i].from : from;
		b = i + 1 < cl->ncap && cl->cap[i + 1].from < to ?
		    cl->cap[i + 1].from : to;
		if (b > a)
			hours += (double)(gpu ? cl->cap[i].gpus :
			    cl->cap[i].cores) * (double)(b - a) / 3600;
	}
	return hours;
}

struct util_fill {
	struct store *st;
	const struct utilization_request *req;
	struct report *r;
	const char *period;
	int64_t from, to;
	char *missing;
	size_t size;
};

static void
set_share(struct report_cell *c, double used, double capacity)
{
	if (capacity > 0)
		report_set_real(c, 100 * used / capacity);
}

static int
add_row(void *ctx, const struct store_usage_row *u)
{
	struct util_fill *f = ctx;
	const struct conf_cluster *cl = u->key != NULL ?
	    conf_cluster(f->req->conf, u->key) : NULL;
	struct report_cell *c;
	double cores, gpus;

	if (cl == NULL || cl->ncap == 0) {
		snprintf(f->missing, f->size, "%s", u->key != NULL ? u->key :
		    "(none)");
		return -3;
	}
	cores = utilization_capacity_hours(cl, f->from, f->to, 0);
	gpus = utilization_capacity_hours(cl, f->from, f->to, 1);
	c = report_row(f->r);
	if (f->period != NULL)
		report_set_text(c++, f->period);
	report_set_text(&c[0], u->key);
	report_set_real(&c[1], u->core_hours);
	report_set_real(&c[2], cores);
	set_share(&c[3], u->core_hours, cores);
	report_set_real(&c[4], u->gpu_hours);
	report_set_real(&c[5], gpus);
	set_share(&c[6], u->gpu_hours, gpus);
	return 0;
}

static int
util_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct util_fill *f = ctx;
	struct store_filter filter = f->req->filter;

	filter.from = f->from = from;
	filter.to = f->to = to;
	f->period = label;
	return store_usage(f->st, STORE_KEY_CLUSTER, -1, &filter, add_row, f);
}

int
utilization_report(struct store *st, const struct utilization_request *req,
    enum report_format format, FILE *out, char *missing, size_t size)
{
	struct report_column cols[1 + UTIL_NCOLS];
	struct report r;
	struct util_fill fill = {st, req, &r, NULL, 0, 0, missing, size};
	int64_t first, last;
	size_t n = 0;
	int rc;

	if (req->period != PERIOD_NONE)
		cols[n++] = (struct report_column){"period", REPORT_TEXT, "",
		    0, 5};
	memcpy(cols + n, util_columns, sizeof(util_columns));
	report_init(&r, "utilization", cols, n + UTIL_NCOLS);
	if (req->period != PERIOD_NONE)
		rc = series_each(st, req->period, req->filter.from,
		    req->filter.to, util_window, &fill);
	else if ((rc = store_span(st, &first, &last)) > 0)	/* open ends */
		rc = util_window(&fill, req->filter.from <= STORE_WINDOW_MIN ?
		    first : req->filter.from, req->filter.to >= STORE_WINDOW_MAX ?
		    last : req->filter.to, NULL);
	if (rc == 0)
		report_render(&r, format, out);
	report_free(&r);
	return rc;
}
