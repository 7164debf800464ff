/* The utilization report (see utilization.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utilization.h"
#include "xalloc.h"

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
	/* the configured clusters in name order, and the next one a
	 * window has not shown yet */
	const struct conf_cluster **conf;
	size_t nconf, next;
};

static void
set_share(struct report_cell *c, double used, double capacity)
{
	if (capacity > 0)
		report_set_real(c, 100 * used / capacity);
}

static void
add_cells(struct util_fill *f, const char *cluster, double core_hours,
    double gpu_hours, double cores, double gpus)
{
	struct report_cell *c = report_row(f->r);

	if (f->period != NULL)
		report_set_text(c++, f->period);
	report_set_text(&c[0], cluster);
	report_set_real(&c[1], core_hours);
	report_set_real(&c[2], cores);
	set_share(&c[3], core_hours, cores);
	report_set_real(&c[4], gpu_hours);
	report_set_real(&c[5], gpus);
	set_share(&c[6], gpu_hours, gpus);
}

/* Whether the filter keeps cluster name. */
static int
util_selected(const struct util_fill *f, const char *name)
{
	const char *const *m = f->req->filter.match[STORE_KEY_CLUSTER];

	if (m == NULL)
		return 1;
	for (; *m != NULL; m++)
		if (strcmp(*m, name) == 0)
			return 1;
	return 0;
}

/* Rows of no usage for the configured clusters before name (NULL: all
 * that are left) that have capacity in the window. */
static void
add_idle(struct util_fill *f, const char *name)
{
	const struct conf_cluster *cl;
	double cores, gpus;

	for (; f->next < f->nconf; f->next++) {
		cl = f->conf[f->next];
		if (name != NULL && strcmp(cl->name, name) >= 0)
			break;
		cores = utilization_capacity_hours(cl, f->from, f->to, 0);
		gpus = utilization_capacity_hours(cl, f->from, f->to, 1);
		if ((cores > 0 || gpus > 0) && util_selected(f, cl->name))
			add_cells(f, cl->name, 0, 0, cores, gpus);
	}
}

static int
add_row(void *ctx, const struct store_usage_row *u)
{
	struct util_fill *f = ctx;
	const struct conf_cluster *cl = u->key != NULL ?
	    conf_cluster(f->req->conf, u->key) : NULL;

	if (cl == NULL || cl->ncap == 0) {
		snprintf(f->missing, f->size, "%s", u->key != NULL ? u->key :
		    "(none)");
		return -3;
	}
	add_idle(f, u->key);
	if (f->next < f->nconf && f->conf[f->next] == cl)
		f->next++;
	add_cells(f, u->key, u->core_hours, u->gpu_hours,
	    utilization_capacity_hours(cl, f->from, f->to, 0),
	    utilization_capacity_hours(cl, f->from, f->to, 1));
	return 0;
}

static int
util_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct util_fill *f = ctx;
	struct store_filter filter = f->req->filter;

	int rc;

	filter.from = f->from = from;
	filter.to = f->to = to;
	f->period = label;
	f->next = 0;
	rc = store_usage(f->st, STORE_KEY_CLUSTER, -1, &filter, add_row, f);
	if (rc == 0)
		add_idle(f, NULL);
	return rc;
}

static int
util_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct conf_cluster *const *)a)->name,
	    (*(const struct conf_cluster *const *)b)->name);
}

int
utilization_build(struct store *st, const struct utilization_request *req,
    struct report *r, char *missing, size_t size)
{
	struct report_column cols[1 + UTIL_NCOLS];
	struct util_fill fill = {st, req, r, NULL, 0, 0, missing, size,
	    NULL, 0, 0};
	int64_t first, last;
	size_t n = 0, i;
	int rc;

	/* A cluster with capacity but no job in a period is idle there. */
	fill.conf = xreallocarray(NULL, req->conf->nclusters + 1,
	    sizeof(*fill.conf));
	for (i = 0; i < req->conf->nclusters; i++)
		if (req->conf->clusters[i].ncap > 0)
			fill.conf[fill.nconf++] = &req->conf->clusters[i];
	qsort(fill.conf, fill.nconf, sizeof(*fill.conf), util_cmp);

	if (req->period != PERIOD_NONE)
		cols[n++] = (struct report_column){"period", REPORT_TEXT, "",
		    0, 5};
	memcpy(cols + n, util_columns, sizeof(util_columns));
	report_init(r, "utilization", cols, n + UTIL_NCOLS);
	if (req->period != PERIOD_NONE)
		rc = series_each(st, req->period, req->filter.from,
		    req->filter.to, util_window, &fill);
	else if ((rc = store_span(st, &first, &last)) > 0)	/* open ends */
		rc = util_window(&fill, req->filter.from <= STORE_WINDOW_MIN ?
		    first : req->filter.from, req->filter.to >= STORE_WINDOW_MAX ?
		    last : req->filter.to, NULL);
	free(fill.conf);
	return rc;
}
