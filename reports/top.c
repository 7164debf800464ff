/* The top report (see top.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "top.h"
#include "xalloc.h"

static const struct report_column top_columns[] = {
	{"jobs", REPORT_INT, "", 1, 8},
	{"core_hours", REPORT_HOURS, "h", 1, 14},
	{"gpu_hours", REPORT_HOURS, "h", 1, 12},
	{"share", REPORT_PERCENT, "%", 1, 6},
};
#define TOP_NVALUES (sizeof(top_columns) / sizeof(top_columns[0]))

struct top_entry {
	char *key;
	int64_t jobs;
	double core_hours, gpu_hours;
};

struct top_fill {
	struct store *st;
	const struct top_request *req;
	struct report *r;
	struct top_entry *e;
	size_t n, cap;
};

int
top_sort_parse(const char *name, enum top_sort *sort)
{
	static const char *const names[] = {"core_hours", "gpu_hours", "jobs"};
	int i = report_word(names, sizeof(names) / sizeof(names[0]), name);

	if (i < 0)
		return -1;
	*sort = (enum top_sort)(i);
	return 0;
}

static int
collect(void *ctx, const struct store_usage_row *u)
{
	struct top_fill *f = ctx;
	struct top_entry *e;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->e = xreallocarray(f->e, f->cap, sizeof(*f->e));
	}
	e = &f->e[f->n++];
	e->key = u->key != NULL ? xstrdup(u->key) : NULL;
	e->jobs = u->jobs;
	e->core_hours = u->core_hours;
	e->gpu_hours = u->gpu_hours;
	return 0;
}

static double
metric(const struct top_entry *e, enum top_sort sort)
{
	return sort == TOP_JOBS ? (double)e->jobs : sort == TOP_GPU_HOURS ?
	    e->gpu_hours : e->core_hours;
}

/* Heaviest first by *sort; ties by name, so the order is stable. */
static int
heavier(const void *a, const void *b, void *sort)
{
	const struct top_entry *x = a, *y = b;
	enum top_sort by = *(const enum top_sort *)sort;
	double mx = metric(x, by), my = metric(y, by);

	if (mx != my)
		return mx > my ? -1 : 1;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->key, y->key);
}

/* The entries collected: the first n rows, with their share. */
static void
emit(struct top_fill *f, const char *period)
{
	struct report_cell *c;
	double whole = 0;
	size_t i;

	for (i = 0; i < f->n; i++)
		whole += metric(&f->e[i], f->req->sort);
	if (f->n > 0)	/* an empty window has no array to sort */
		qsort_r(f->e, f->n, sizeof(*f->e), heavier,
		    (void *)&f->req->sort);
	for (i = 0; i < f->n && i < f->req->n; i++) {
		c = report_row(f->r);
		if (period != NULL)
			report_set_text(c++, period);
		report_set_text(&c[0], f->e[i].key);
		report_set_int(&c[1], f->e[i].jobs);
		report_set_real(&c[2], f->e[i].core_hours);
		report_set_real(&c[3], f->e[i].gpu_hours);
		report_set_real(&c[4], whole > 0 ? 100 * metric(&f->e[i],
		    f->req->sort) / whole : 0);
	}
	for (i = 0; i < f->n; i++)
		free(f->e[i].key);
	f->n = 0;
}

/* One window (a period of a series, or the whole): its top N. */
static int
top_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct top_fill *f = ctx;
	struct store_filter filter = f->req->filter;
	int rc;

	filter.from = from;
	filter.to = to;
	rc = store_usage(f->st, f->req->key, -1, &filter, collect, f);
	if (rc == 0)
		emit(f, label);
	return rc;
}

int
top_build(struct store *st, const struct top_request *req,
    struct report *r)
{
	struct report_column cols[2 + TOP_NVALUES];
	struct top_fill fill = {st, req, r, NULL, 0, 0};
	size_t n = series_columns(cols, req->period, store_key_name(req->key),
	    NULL);
	int rc;

	memcpy(cols + n, top_columns, sizeof(top_columns));
	report_init(r, "top", cols, n + TOP_NVALUES);
	r->from = req->filter.from;
	r->to = req->filter.to;
	rc = series_run(st, req->period, req->filter.from, req->filter.to,
	    top_window, &fill);
	free(fill.e);
	return rc;
}
