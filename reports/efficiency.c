/* The efficiency report (see efficiency.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "efficiency.h"
#include "xalloc.h"

static const struct report_column efficiency_columns[] = {
	{"jobs", REPORT_INT, "", 1, 6},
	{"core_hours", REPORT_HOURS, "h", 1, 12},
	{"cpu_jobs", REPORT_INT, "", 1, 8},
	{"cpu_efficiency", REPORT_PERCENT, "%", 0, 14},
	{"wasted_core_hours", REPORT_HOURS, "h", 1, 17},
	{"mem_jobs", REPORT_INT, "", 1, 8},
	{"mem_efficiency", REPORT_PERCENT, "%", 0, 14},
	{"time_jobs", REPORT_INT, "", 1, 9},
	{"time_efficiency", REPORT_PERCENT, "%", 0, 15},
};
#define EFFICIENCY_NCOLS \
	(sizeof(efficiency_columns) / sizeof(efficiency_columns[0]))

/* A key's figures; ratios < 0 where no run records them. */
struct efficiency_entry {
	char *key;
	int64_t jobs, cpu_jobs, mem_jobs, time_jobs;
	double core_hours, wasted_hours, cpu, mem, time;
};

struct efficiency_fill {
	struct store *st;
	const struct efficiency_request *req;
	struct report *r;
	struct efficiency_entry *e;
	size_t n, cap;
};

int
efficiency_sort_parse(const char *name, enum efficiency_sort *sort)
{
	static const char *const names[] = {"key", "jobs", "core_hours",
	    "cpu_efficiency", "mem_efficiency", "time_efficiency",
	    "wasted_core_hours"};
	int i = report_word(names, sizeof(names) / sizeof(names[0]), name);

	if (i < 0)
		return -1;
	*sort = (enum efficiency_sort)(i);
	return 0;
}

static double
efficiency_ratio(double part, double whole, int64_t n)
{
	return n > 0 && whole > 0 ? 100 * part / whole : -1;
}

static int
efficiency_collect(void *ctx, const struct store_efficiency_row *s)
{
	struct efficiency_fill *f = ctx;
	struct efficiency_entry *e;

	if (s->runs < f->req->min_jobs)
		return 0;
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->e = xreallocarray(f->e, f->cap, sizeof(*f->e));
	}
	e = &f->e[f->n++];
	e->key = s->key != NULL ? xstrdup(s->key) : NULL;
	e->jobs = s->runs;
	e->core_hours = s->core_seconds / 3600;
	e->cpu_jobs = s->cpu_runs;
	e->cpu = efficiency_ratio(s->cpu_seconds, s->cpu_core_seconds,
	    s->cpu_runs);
	e->wasted_hours = (s->cpu_core_seconds - s->cpu_seconds) / 3600;
	e->mem_jobs = s->mem_runs;
	e->mem = efficiency_ratio(s->mem_used_kb, s->mem_req_kb, s->mem_runs);
	e->time_jobs = s->time_runs;
	e->time = efficiency_ratio(s->run_seconds, s->req_seconds,
	    s->time_runs);
	return 0;
}

/* The sort value of e: larger first (efficiencies negated: the least
 * efficient first; unknown ones last). */
static double
efficiency_metric(const struct efficiency_entry *e, enum efficiency_sort by)
{
	switch (by) {
	case EFFICIENCY_BY_JOBS:
		return (double)e->jobs;
	case EFFICIENCY_BY_CORE_HOURS:
		return e->core_hours;
	case EFFICIENCY_BY_WASTED:
		return e->wasted_hours;
	case EFFICIENCY_BY_CPU:
		return e->cpu < 0 ? -1e300 : -e->cpu;
	case EFFICIENCY_BY_MEM:
		return e->mem < 0 ? -1e300 : -e->mem;
	case EFFICIENCY_BY_TIME:
		return e->time < 0 ? -1e300 : -e->time;
	default:
		return 0;
	}
}

static int
efficiency_cmp(const void *a, const void *b, void *sort)
{
	const struct efficiency_entry *x = a, *y = b;
	enum efficiency_sort by = *(const enum efficiency_sort *)sort;
	double mx = efficiency_metric(x, by), my = efficiency_metric(y, by);

	if (mx != my)
		return mx > my ? -1 : 1;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->key, y->key);
}

static void
efficiency_set(struct report_cell *c, double v)
{
	if (v >= 0)
		report_set_real(c, v);
}

static void
efficiency_emit(struct efficiency_fill *f, const char *period)
{
	struct report_cell *c;
	struct efficiency_entry *e;
	size_t i;

	if (f->n > 0 && f->req->sort != EFFICIENCY_BY_KEY)
		qsort_r(f->e, f->n, sizeof(*f->e), efficiency_cmp,
		    (void *)&f->req->sort);
	for (i = 0; i < f->n; i++) {
		e = &f->e[i];
		c = report_row(f->r);
		if (period != NULL)
			report_set_text(c++, period);
		report_set_text(&c[0], e->key);
		report_set_int(&c[1], e->jobs);
		report_set_real(&c[2], e->core_hours);
		report_set_int(&c[3], e->cpu_jobs);
		efficiency_set(&c[4], e->cpu);
		report_set_real(&c[5], e->wasted_hours);
		report_set_int(&c[6], e->mem_jobs);
		efficiency_set(&c[7], e->mem);
		report_set_int(&c[8], e->time_jobs);
		efficiency_set(&c[9], e->time);
		free(e->key);
	}
	f->n = 0;
}

static int
efficiency_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct efficiency_fill *f = ctx;
	struct store_filter filter = f->req->filter;
	int rc;

	filter.from = from;
	filter.to = to;
	rc = store_efficiency(f->st, f->req->key, &filter, efficiency_collect,
	    f);
	if (rc == 0)
		efficiency_emit(f, label);
	while (rc != 0 && f->n > 0)	/* failed halfway: drop what came */
		free(f->e[--f->n].key);
	return rc;
}

int
efficiency_build(struct store *st, const struct efficiency_request *req,
    struct report *r)
{
	struct report_column cols[2 + EFFICIENCY_NCOLS];
	struct efficiency_fill fill = {st, req, r, NULL, 0, 0};
	size_t n = series_columns(cols, req->period, store_key_name(req->key),
	    NULL);
	int rc;

	memcpy(cols + n, efficiency_columns, sizeof(efficiency_columns));
	report_init(r, "efficiency", cols, n + EFFICIENCY_NCOLS);
	r->from = req->filter.from;
	r->to = req->filter.to;
	rc = series_run(st, req->period, req->filter.from, req->filter.to,
	    efficiency_window, &fill);
	free(fill.e);
	return rc;
}
