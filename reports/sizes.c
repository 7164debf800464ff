/* The sizes report (see sizes.h). */
#include "config.h"

#include <string.h>

#include "sizes.h"

/* Stable columns; the two dimensions count every run once each, so
 * nothing adds up to a total. */
static const struct report_column sizes_columns[] = {
	{"dimension", REPORT_TEXT, "", 0, 9},
	{"bucket", REPORT_TEXT, "", 0, 8},
	{"jobs", REPORT_INT, "", 0, 8},
	{"core_hours", REPORT_HOURS, "h", 0, 12},
	{"gpu_hours", REPORT_HOURS, "h", 0, 10},
	{"time_ratio_mean", REPORT_REAL, "", 0, 15},
	{"time_ratio_median", REPORT_REAL, "", 0, 17},
};
#define SIZES_NCOLS (sizeof(sizes_columns) / sizeof(sizes_columns[0]))

struct sizes_fill {
	struct store *st;
	const struct sizes_request *req;
	struct report *r;
	const char *period;
};

int
sizes_unit_parse(const char *name, enum store_unit *unit)
{
	static const char *const names[] = {"procs", "nodes", "gpus"};
	int i = report_word(names, sizeof(names) / sizeof(names[0]), name);

	if (i < 0)
		return -1;
	*unit = (enum store_unit)(i);
	return 0;
}

static int
sizes_add_row(void *ctx, const struct store_size_row *s)
{
	struct sizes_fill *f = ctx;
	struct report_cell *c = report_row(f->r);

	if (f->period != NULL)
		report_set_text(c++, f->period);
	report_set_text(&c[0], s->dimension);
	report_set_text(&c[1], s->bucket);
	report_set_int(&c[2], s->runs);
	report_set_real(&c[3], s->core_hours);
	report_set_real(&c[4], s->gpu_hours);
	if (s->ratio_mean >= 0)
		report_set_real(&c[5], s->ratio_mean);
	if (s->ratio_median >= 0)
		report_set_real(&c[6], s->ratio_median);
	return 0;
}

static int
sizes_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct sizes_fill *f = ctx;
	struct store_filter filter = f->req->filter;

	filter.from = from;
	filter.to = to;
	f->period = label;
	return store_sizes(f->st, f->req->unit, &filter, sizes_add_row, f);
}

int
sizes_build(struct store *st, const struct sizes_request *req,
    struct report *r)
{
	struct report_column cols[1 + SIZES_NCOLS];
	struct sizes_fill fill = {st, req, r, NULL};
	size_t n;
	int rc;

	n = series_columns(cols, req->period, NULL, NULL);
	memcpy(cols + n, sizes_columns, sizeof(sizes_columns));
	report_init(r, "sizes", cols, n + SIZES_NCOLS);
	r->from = req->filter.from;
	r->to = req->filter.to;
	rc = series_run(st, req->period, req->filter.from, req->filter.to,
	    sizes_window, &fill);
	return rc;
}
