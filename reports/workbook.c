/* The monthly workbook (see workbook.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "efficiency.h"
#include "period.h"
#include "render.h"
#include "signups.h"
#include "sizes.h"
#include "slo.h"
#include "top.h"
#include "usage.h"
#include "utilization.h"
#include "timeutil.h"
#include "wait.h"
#include "workbook.h"
#include "xalloc.h"
#include "xlsx.h"

#define WORKBOOK_TOP 10		/* users on the Top users sheet */
#define WB_WORST 3		/* longest waits on the Service levels sheet */

/* The lines of the summary sheet. */
enum {
	WB_CLUSTERS, WB_JOBS, WB_CORE, WB_GPU, WB_UTIL, WB_ACTIVE, WB_NEW,
	WB_MEDIAN, WB_P95, WB_SLO, WB_NLINES
};

static const struct {
	const char *label;
	enum report_type type;
} workbook_lines[WB_NLINES] = {
	{"Clusters", REPORT_TEXT}, {"Jobs", REPORT_INT},
	{"Core-hours", REPORT_HOURS}, {"GPU-hours", REPORT_HOURS},
	{"Utilisation (cores)", REPORT_PERCENT},
	{"Active users", REPORT_INT}, {"New users", REPORT_INT},
	{"Median wait", REPORT_DURATION}, {"95th percentile wait",
	REPORT_DURATION}, {"Service levels met", REPORT_TEXT}
};

struct wb {
	struct store *st;
	const struct workbook_request *req;
	struct xlsx_book *book;
	const char *cluster[2];		/* the --cluster filter */
	unsigned left_out;
	int dberr;			/* a build failed on the database */
	char *err;
	size_t errsize;
	char month[16];
	char scope[96];			/* "2026-10, cluster hpc1" */
	struct report slo;		/* the month's service levels, */
	size_t slo_missed;		/* for the summary and the sheet */
	int slo_rc;			/* 1: not built yet */
};

static struct store_filter
wb_filter(struct wb *w, int64_t from, int64_t to)
{
	struct store_filter f;

	memset(&f, 0, sizeof(f));
	f.from = from;
	f.to = to;
	if (w->cluster[0] != NULL)
		f.match[STORE_KEY_CLUSTER] = w->cluster;
	return f;
}

/* rc of a build: 0 to go on; a database error is remembered. */
static int
wb_ok(struct wb *w, int rc)
{
	if (rc == -1)
		w->dberr = 1;
	return rc;
}

/* The sum of column name of r as a cell (unknown without rows). */
static struct report_cell
wb_sum(const struct report *r, const char *name)
{
	struct report_cell c;
	int col = report_column_find(r, name);
	size_t i;

	memset(&c, 0, sizeof(c));
	for (i = 0; col >= 0 && i < r->nrows; i++)
		if (report_cell(r, i, (size_t)col)->known) {
			c.i += report_cell(r, i, (size_t)col)->i;
			c.d += report_cell(r, i, (size_t)col)->d;
			c.known = 1;
		}
	return c;
}

/* Usage per cluster: clusters, jobs, core- and GPU-hours; per user: the
 * active users. */
static void
wb_usage_figures(struct wb *w, int64_t from, int64_t to,
    struct report_cell *v)
{
	struct usage_request req = {STORE_KEY_CLUSTER, -1, PERIOD_NONE,
	    wb_filter(w, from, to)};
	char names[512] = "";
	struct report r;
	size_t i;

	if (wb_ok(w, usage_build(w->st, &req, &r)) == 0 && r.nrows == 0) {
		report_set_int(&v[WB_JOBS], 0);		/* an idle month */
		report_set_real(&v[WB_CORE], 0);
		report_set_real(&v[WB_GPU], 0);
	} else if (r.nrows > 0) {
		for (i = 0; i < r.nrows; i++)
			if (report_cell(&r, i, 0)->known)
				snprintf(names + strlen(names), sizeof(names) -
				    strlen(names), "%s%s", *names ? ", " : "",
				    report_cell(&r, i, 0)->s);
		report_set_text(&v[WB_CLUSTERS], names);
		v[WB_JOBS] = wb_sum(&r, "jobs");
		v[WB_CORE] = wb_sum(&r, "core_hours");
		v[WB_GPU] = wb_sum(&r, "gpu_hours");
	}
	report_free(&r);
	req.key = STORE_KEY_USER;
	if (wb_ok(w, usage_build(w->st, &req, &r)) == 0)
		report_set_int(&v[WB_ACTIVE], (int64_t)r.nrows);
	report_free(&r);
}

static int
wb_has_capacity(const struct conf *c)
{
	size_t i;

	for (i = 0; i < c->nclusters; i++)
		if (c->clusters[i].ncap > 0)
			return 1;
	return 0;
}

/* Utilisation of the cores over the window, where capacities are known. */
static void
wb_util_figure(struct wb *w, int64_t from, int64_t to, struct report_cell *v)
{
	struct utilization_request req = {PERIOD_NONE, wb_filter(w, from, to),
	    w->req->conf};
	struct report_cell used, cap;
	char missing[256];
	struct report r;
	int rc;

	if (!wb_has_capacity(w->req->conf)) {
		w->left_out |= WORKBOOK_NO_CAPACITY;
		return;
	}
	rc = wb_ok(w, utilization_build(w->st, &req, &r, missing,
	    sizeof(missing)));
	if (rc == -3)
		w->left_out |= WORKBOOK_NO_CAPACITY;
	if (rc == 0) {
		used = wb_sum(&r, "core_hours");
		cap = wb_sum(&r, "capacity_core_hours");
		if (used.known && cap.known && cap.d > 0)
			report_set_real(&v[WB_UTIL], 100 * used.d / cap.d);
	}
	report_free(&r);
}

static void
wb_wait_figures(struct wb *w, int64_t from, int64_t to, struct report_cell *v)
{
	struct wait_request req = {STORE_KEY_ALL, PERIOD_NONE,
	    wb_filter(w, from, to)};
	struct report r;

	if (wb_ok(w, wait_build(w->st, &req, &r)) == 0 && r.nrows > 0) {
		v[WB_MEDIAN] = *report_cell(&r, 0, (size_t)report_column_find(&r,
		    "wait_median"));
		v[WB_P95] = *report_cell(&r, 0, (size_t)report_column_find(&r,
		    "wait_p95"));
	}
	report_free(&r);
}

static void
wb_new_figure(struct wb *w, int64_t from, int64_t to, struct report_cell *v)
{
	struct signups_request req = {STORE_SIGNUP_NONE, PERIOD_MONTH, from,
	    to};
	struct report r;

	if (wb_ok(w, signups_build(w->st, &req, &r)) == 0)
		v[WB_NEW] = wb_sum(&r, "new_users");
	report_free(&r);
}

/* The SLO targets of the configuration (to free), or NULL without. */
static struct store_slo_target *
wb_targets(const struct conf *c)
{
	struct store_slo_target *t;
	size_t i;

	if (c->nslo == 0)
		return NULL;
	t = xreallocarray(NULL, c->nslo, sizeof(*t));
	for (i = 0; i < c->nslo; i++)
		t[i] = (struct store_slo_target){c->slo[i].queue, c->slo[i].wait,
		    c->slo[i].pct};
	return t;
}

/* The month's service level report (built once, with the worst waits):
 * its build's result. */
static int
wb_slo_month(struct wb *w)
{
	struct store_slo_target *t;
	struct slo_request req;

	if (w->slo_rc != 1)
		return w->slo_rc;
	t = wb_targets(w->req->conf);
	req = (struct slo_request){t, w->req->conf->nslo, PERIOD_NONE,
	    wb_filter(w, w->req->from, w->req->to), WB_WORST};
	w->slo_rc = wb_ok(w, slo_build(w->st, &req, &w->slo, &w->slo_missed));
	free(t);
	return w->slo_rc;
}

static void
wb_slo_figure(struct wb *w, int64_t from, int64_t to, struct report_cell *v)
{
	struct store_slo_target *t = wb_targets(w->req->conf);
	struct slo_request req = {t, w->req->conf->nslo, PERIOD_NONE,
	    wb_filter(w, from, to), 0};
	int month = from == w->req->from && to == w->req->to;
	struct report r, *rp = month ? &w->slo : &r;
	size_t missed;
	char buf[64];
	int rc;

	if (t == NULL) {
		w->left_out |= WORKBOOK_NO_SLO;
		return;
	}
	rc = month ? wb_slo_month(w) : wb_ok(w, slo_build(w->st, &req, &r,
	    &missed));
	if (month)
		missed = w->slo_missed;
	if (rc == 0 && rp->nrows > 0) {
		snprintf(buf, sizeof(buf), "%zu of %zu", rp->nrows - missed,
		    rp->nrows);
		report_set_text(&v[WB_SLO], buf);
	}
	if (!month)
		report_free(&r);
	free(t);
}

/*
 * Read the runs of [from, to) once for the figures of the summary, and
 * for the month the sheets too: the month's wait, sizes, efficiency and
 * service level builds then find their answers kept by the store.
 */
static void
wb_read_ahead(struct wb *w, int64_t from, int64_t to)
{
	struct store_filter f = wb_filter(w, from, to);
	struct store_slo_target *t = wb_targets(w->req->conf);
	int month = from == w->req->from && to == w->req->to;
	struct store_reading what = {.wait = month,
	    .wait_key = STORE_KEY_QUEUE, .wait_all = 1, .sizes = month,
	    .unit = STORE_UNIT_PROCS, .efficiency = month,
	    .efficiency_key = STORE_KEY_USER, .slo = t,
	    .nslo = w->req->conf->nslo, .worst = month ? WB_WORST : 0};

	wb_ok(w, store_read_ahead(w->st, &f, &what));
	free(t);
}

/* Every figure of the summary over [from, to) into column k of lines. */
static void
wb_figures(struct wb *w, int64_t from, int64_t to,
    struct xlsx_summary_line *lines, int k)
{
	struct report_cell v[WB_NLINES];
	size_t i;

	memset(v, 0, sizeof(v));
	wb_read_ahead(w, from, to);
	wb_usage_figures(w, from, to, v);
	wb_util_figure(w, from, to, v);
	wb_wait_figures(w, from, to, v);
	wb_new_figure(w, from, to, v);
	wb_slo_figure(w, from, to, v);
	for (i = 0; i < WB_NLINES; i++)
		lines[i].v[k] = v[i];
}

static void
wb_init(struct wb *w, struct store *st, const struct workbook_request *req,
    char *err, size_t errsize)
{
	memset(w, 0, sizeof(*w));
	w->st = st;
	w->req = req;
	w->cluster[0] = req->cluster;
	w->err = err;
	w->errsize = errsize;
	w->slo_rc = 1;
	if (!wb_has_capacity(req->conf))
		w->left_out |= WORKBOOK_NO_CAPACITY;
	if (req->conf->nslo == 0)
		w->left_out |= WORKBOOK_NO_SLO;
	period_label(PERIOD_MONTH, req->from, w->month, sizeof(w->month));
	w->month[7] = '\0';
	snprintf(w->scope, sizeof(w->scope), "%s, %s%s", w->month,
	    req->cluster != NULL ? "cluster " : "all clusters",
	    req->cluster != NULL ? req->cluster : "");
}

/* The summary: its lines (those configured), heads, title and notes. */
struct wb_summary {
	struct xlsx_summary_line all[WB_NLINES], shown[WB_NLINES];
	size_t nshown;
	char heads[3][16], title[160], note[160];
	const char *hp[3];
	const char *notes[4];
};

/* Compute the summary of the month, the one before, the year before. */
static void
wb_summary_make(struct wb *w, struct wb_summary *sum)
{
	int64_t from[3], to[3], first = 0, last = 0;
	size_t i, n = 0;
	int has;

	memset(sum, 0, sizeof(*sum));
	from[0] = w->req->from;
	to[0] = w->req->to;
	to[1] = from[0];
	from[1] = period_start(PERIOD_MONTH, from[0] - 1);
	from[2] = from[0];
	for (i = 0; i < 12; i++)
		from[2] = period_start(PERIOD_MONTH, from[2] - 1);
	to[2] = period_next(PERIOD_MONTH, from[2]);
	has = wb_ok(w, store_span(w->st, &first, &last));
	/* the month last, whose reading the sheets use (wb_read_ahead()) */
	for (i = 3; i-- > 0;) {
		period_label(PERIOD_MONTH, from[i], sum->heads[i],
		    sizeof(sum->heads[i]));
		sum->heads[i][7] = '\0';	/* YYYY-MM */
		sum->hp[i] = sum->heads[i];
		/* the month always; the others where there are jobs */
		if (i == 0 || (has > 0 && to[i] > first && from[i] <= last))
			wb_figures(w, from[i], to[i], sum->all, (int)i);
	}
	for (i = 0; i < WB_NLINES; i++) {
		if ((i == WB_UTIL && (w->left_out & WORKBOOK_NO_CAPACITY)) ||
		    (i == WB_SLO && (w->left_out & WORKBOOK_NO_SLO)))
			continue;
		sum->shown[sum->nshown] = sum->all[i];
		sum->shown[sum->nshown].label = workbook_lines[i].label;
		sum->shown[sum->nshown++].type = workbook_lines[i].type;
	}
	if (w->cluster[0] != NULL)
		sum->notes[n++] = "New users are counted over all clusters.";
	if (w->left_out & WORKBOOK_NO_CAPACITY)
		sum->notes[n++] = "Utilisation left out: no capacity configured "
		    "for a cluster that ran jobs (see hpcacct.conf(5)).";
	if (w->left_out & WORKBOOK_NO_SLO)
		sum->notes[n++] = "Service levels left out: no [slo] targets "
		    "configured (see hpcacct.conf(5)).";
	snprintf(sum->title, sizeof(sum->title), "Accounting summary, %s",
	    w->scope);
	snprintf(sum->note, sizeof(sum->note), "Times in %s; the month against "
	    "the one before and the same month a year earlier.",
	    timeutil_zone_name());
}

static void
wb_summary_free(struct wb_summary *sum)
{
	size_t i, k;

	for (i = 0; i < WB_NLINES; i++)
		for (k = 0; k < 3; k++)
			free(sum->all[i].v[k].s);
}


/* A summary value as text, as the workbook shows it. */
static void
wb_text_value(const struct xlsx_summary_line *l, int k, char *buf,
    size_t size)
{
	const struct report_cell *c = &l->v[k];

	if (!c->known)
		snprintf(buf, size, "-");
	else if (l->type == REPORT_TEXT)
		snprintf(buf, size, "%s", c->s);
	else if (l->type == REPORT_INT)
		snprintf(buf, size, "%lld", (long long)c->i);
	else if (l->type == REPORT_DURATION)
		snprintf(buf, size, "%lld:%02lld:%02lld", (long long)(c->i /
		    3600), (long long)(c->i / 60 % 60), (long long)(c->i % 60));
	else if (l->type == REPORT_PERCENT)
		snprintf(buf, size, "%.1f%%", c->d);
	else
		snprintf(buf, size, "%.1f", c->d);
}

/* The change of value 0 against value k, as the workbook's formula. */
static void
wb_text_change(const struct xlsx_summary_line *l, int k, char *buf,
    size_t size)
{
	double a = l->v[0].d, b = l->v[k].d;

	if (l->type == REPORT_INT || l->type == REPORT_DURATION)
		a = (double)l->v[0].i, b = (double)l->v[k].i;
	if (l->type == REPORT_TEXT || l->type == REPORT_PERCENT ||
	    !l->v[0].known || !l->v[k].known || b == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%+.1f%%", 100 * (a / b - 1));
}

/* The summary as plain text (monthly's summary.txt) to out. */
static void
wb_summary_text(const struct wb_summary *sum, FILE *out)
{
	char cell[WB_NLINES][5][128];
	const char *head[5];
	int width[5], pad;
	size_t i, k;

	head[0] = sum->hp[0], head[1] = sum->hp[1], head[3] = sum->hp[2];
	head[2] = head[4] = "change";
	for (k = 0; k < 5; k++)
		width[k] = render_table_width(head[k]);
	for (i = 0; i < sum->nshown; i++) {
		wb_text_value(&sum->shown[i], 0, cell[i][0], sizeof(cell[i][0]));
		wb_text_value(&sum->shown[i], 1, cell[i][1], sizeof(cell[i][1]));
		wb_text_change(&sum->shown[i], 1, cell[i][2], sizeof(cell[i][2]));
		wb_text_value(&sum->shown[i], 2, cell[i][3], sizeof(cell[i][3]));
		wb_text_change(&sum->shown[i], 2, cell[i][4], sizeof(cell[i][4]));
		for (k = 0; k < 5; k++)
			if (render_table_width(cell[i][k]) > width[k])
				width[k] = render_table_width(cell[i][k]);
	}
	fprintf(out, "%s\n%s\n\n%-20s", sum->title, sum->note, "");
	for (k = 0; k < 5; k++)
		fprintf(out, "  %*s", width[k], head[k]);
	putc('\n', out);
	for (i = 0; i < sum->nshown; i++) {
		render_table_cell(out, sum->shown[i].label, 20);
		for (k = 0; k < 5; k++) {
			pad = width[k] - render_table_width(cell[i][k]);
			fprintf(out, "  %*s", pad > 0 ? pad : 0, "");
			render_table_cell(out, cell[i][k], 0);
		}
		putc('\n', out);
	}
	for (i = 0; sum->notes[i] != NULL; i++)
		fprintf(out, "%s%s\n", i == 0 ? "\n" : "", sum->notes[i]);
}

/* The summary sheet, and its text where the request wants it. */
static int
wb_summary(struct wb *w)
{
	struct wb_summary sum;
	int rc;

	wb_summary_make(w, &sum);
	rc = xlsx_summary(w->book, "Summary", sum.title, sum.note, sum.hp,
	    sum.shown, sum.nshown, sum.notes, w->err, w->errsize);
	if (w->req->summary != NULL)
		wb_summary_text(&sum, w->req->summary);
	wb_summary_free(&sum);
	return rc == 0 ? 0 : -2;
}

/* Write r as sheet name headed "what, scope", then free r. */
static int
wb_sheet(struct wb *w, const char *name, const char *what, struct report *r,
    int totals, size_t raw_from, struct xlsx_table *t)
{
	struct xlsx_sheet_spec spec = {name, NULL, totals, raw_from};
	char heading[192];
	int rc;

	snprintf(heading, sizeof(heading), "%s, %s", what, w->scope);
	spec.heading = heading;
	rc = xlsx_sheet(w->book, &spec, r, t, w->err, w->errsize);
	return rc == 0 ? 0 : -2;
}

/* A chart beside table t of report r: series the columns named in vals
 * (those present), categories the column named cat. */
static int
wb_chart(struct wb *w, const struct xlsx_table *t, const struct report *r,
    enum xlsx_chart_kind kind, const char *title, const char *cat,
    const char *const *vals, const char *x_title, const char *y_title,
    const char *y_format)
{
	struct xlsx_chart c;
	int cols[16], n = 0, i, k;

	for (i = 0; vals[i] != NULL && n < 16; i++)
		if ((k = report_column_find(r, vals[i])) >= 0)
			cols[n++] = k;
	c = (struct xlsx_chart){kind, title, x_title, y_title, y_format,
	    report_column_find(r, cat), cols, (size_t)n, t->header_row,
	    (int)r->ncols + 1};
	if (n == 0 || c.cat < 0)
		return 0;
	return xlsx_add_chart(w->book, t, &c, w->err, w->errsize) == 0 ? 0 :
	    -2;
}

/* Usage per key as sheet name; the Queues sheet gets its chart. */
static int
wb_usage_sheet(struct wb *w, const char *name, enum store_key key)
{
	static const char *const core[] = {"core_hours", NULL};
	struct usage_request req = {key, -1, PERIOD_NONE,
	    wb_filter(w, w->req->from, w->req->to)};
	struct xlsx_table t;
	struct report r;
	char what[64];
	int rc;

	snprintf(what, sizeof(what), "Usage per %s", store_key_name(key));
	if ((rc = wb_ok(w, usage_build(w->st, &req, &r))) == 0)
		rc = wb_sheet(w, name, what, &r, 1, 0, &t);
	if (rc == 0 && key == STORE_KEY_QUEUE)
		rc = wb_chart(w, &t, &r, XLSX_CHART_COLUMN,
		    "Core-hours by queue", "queue", core, "Queue",
		    "Core-hours", "#,##0");
	report_free(&r);
	return rc;
}

static int
wb_top_sheet(struct wb *w)
{
	struct top_request req = {STORE_KEY_USER, WORKBOOK_TOP,
	    TOP_CORE_HOURS, PERIOD_NONE,
	    wb_filter(w, w->req->from, w->req->to)};
	struct xlsx_table t;
	struct report r;
	int rc;

	if ((rc = wb_ok(w, top_build(w->st, &req, &r))) == 0)
		rc = wb_sheet(w, "Top users", "Top users by core-hours", &r, 1,
		    0, &t);
	report_free(&r);
	return rc;
}

static int
wb_wait_sheet(struct wb *w)
{
	static const char *const pct[] = {"wait_median", "wait_p90",
	    "wait_p95", "wait_p99", NULL};
	struct wait_request req = {STORE_KEY_QUEUE, PERIOD_NONE,
	    wb_filter(w, w->req->from, w->req->to)};
	struct xlsx_table t;
	struct report r;
	int rc;

	if ((rc = wb_ok(w, wait_build(w->st, &req, &r))) == 0)
		rc = wb_sheet(w, "Wait times", "Wait times per queue", &r, 0, 0,
		    &t);
	if (rc == 0)
		rc = wb_chart(w, &t, &r, XLSX_CHART_COLUMN,
		    "Wait percentiles per queue", "queue", pct, "Queue",
		    "Wait (h:mm)", "[h]:mm");
	report_free(&r);
	return rc;
}

static int
wb_sizes_sheet(struct wb *w)
{
	struct sizes_request req = {STORE_UNIT_PROCS, PERIOD_NONE,
	    wb_filter(w, w->req->from, w->req->to)};
	struct xlsx_table t;
	struct report r;
	int rc;

	if ((rc = wb_ok(w, sizes_build(w->st, &req, &r))) == 0)
		rc = wb_sheet(w, "Job sizes", "Job sizes (processors)", &r, 0,
		    0, &t);
	report_free(&r);
	return rc;
}

static int
wb_efficiency_sheet(struct wb *w)
{
	struct efficiency_request req = {STORE_KEY_USER, PERIOD_NONE,
	    wb_filter(w, w->req->from, w->req->to), 1, EFFICIENCY_BY_KEY};
	struct xlsx_table t;
	struct report r;
	int rc;

	if ((rc = wb_ok(w, efficiency_build(w->st, &req, &r))) == 0)
		rc = wb_sheet(w, "Efficiency", "Efficiency per user", &r, 1, 0,
		    &t);
	report_free(&r);
	return rc;
}

/* New users per month over the twelve months to the report's, a column
 * per source (registry, first job) and their total. */
static int
wb_signups_sheet(struct wb *w)
{
	static const char *const total[] = {"New users", NULL};
	struct signups_request req = {STORE_SIGNUP_NONE, PERIOD_MONTH,
	    w->req->from, w->req->to};
	struct xlsx_table t;
	struct report r, p;
	int i, rc;

	for (i = 0; i < 11; i++)
		req.from = period_start(PERIOD_MONTH, req.from - 1);
	if ((rc = wb_ok(w, signups_build(w->st, &req, &r))) != 0) {
		report_free(&r);
		return rc;
	}
	report_pivot(&r, 0, (size_t)report_column_find(&r, "source"),
	    (size_t)report_column_find(&r, "new_users"), "New users", &p);
	rc = wb_sheet(w, "Signups", "New users per month (by where they "
	    "were first seen)", &p, 1, 1, &t);
	if (rc == 0)
		rc = wb_chart(w, &t, &p, XLSX_CHART_LINE, "New users per month",
		    "period", total, "Month", "New users", "0");
	report_free(&p);
	report_free(&r);
	return rc;
}

/* Core-hours per day and queue, a column per queue. */
static int
wb_daily_sheet(struct wb *w)
{
	struct usage_request req = {STORE_KEY_QUEUE, -1, PERIOD_DAY,
	    wb_filter(w, w->req->from, w->req->to)};
	const char **queues;
	struct xlsx_table t;
	struct report r, p;
	size_t j;
	int rc;

	if ((rc = wb_ok(w, usage_build(w->st, &req, &r))) != 0) {
		report_free(&r);
		return rc;
	}
	report_pivot(&r, 0, 1, (size_t)report_column_find(&r, "core_hours"),
	    "Total", &p);
	rc = wb_sheet(w, "Daily", "Core-hours per day and queue", &p, 1, 1,
	    &t);
	queues = xreallocarray(NULL, p.ncols, sizeof(*queues));
	for (j = 1; j + 1 < p.ncols; j++)
		queues[j - 1] = p.cols[j].name;
	queues[j - 1] = NULL;
	if (rc == 0)
		rc = wb_chart(w, &t, &p, XLSX_CHART_STACKED,
		    "Daily core-hours by queue", "period", queues, "Day",
		    "Core-hours", "#,##0");
	free(queues);
	report_free(&p);
	report_free(&r);
	return rc;
}

static int
wb_util_sheet(struct wb *w)
{
	struct utilization_request req = {PERIOD_NONE,
	    wb_filter(w, w->req->from, w->req->to), w->req->conf};
	struct xlsx_table t;
	struct report r;
	char missing[256];
	int rc;

	if (w->left_out & WORKBOOK_NO_CAPACITY)
		return 0;
	rc = wb_ok(w, utilization_build(w->st, &req, &r, missing,
	    sizeof(missing)));
	if (rc == 0)
		rc = wb_sheet(w, "Utilization", "Utilisation per cluster", &r,
		    1, 0, &t);
	report_free(&r);
	return rc == -3 ? 0 : rc;
}

static int
wb_slo_sheet(struct wb *w)
{
	struct xlsx_table t;
	int rc;

	if (w->req->conf->nslo == 0)
		return 0;
	if ((rc = wb_slo_month(w)) == 0)
		rc = wb_sheet(w, "Service levels", "Service levels per queue",
		    &w->slo, 0, 0, &t);
	return rc;
}

int
workbook_write(struct store *st, const struct workbook_request *req,
    const char *path, unsigned *left_out, char *err, size_t errsize)
{
	struct wb w;
	struct xlsx_props props;
	char title[128], comments[128];
	int rc;

	wb_init(&w, st, req, err, errsize);
	snprintf(title, sizeof(title), "HPC accounting %s", w.scope);
	snprintf(comments, sizeof(comments), "Written by hpcacct %s",
	    PACKAGE_VERSION);
	props = (struct xlsx_props){title, w.month, "hpcacct, accounting",
	    comments, req->created};
	if ((w.book = xlsx_open(path, &props, err, errsize)) == NULL)
		return -2;
	rc = wb_summary(&w);
	if (rc == 0)
		rc = wb_usage_sheet(&w, "Users", STORE_KEY_USER);
	if (rc == 0)
		rc = wb_usage_sheet(&w, "Groups", STORE_KEY_GROUP);
	if (rc == 0)
		rc = wb_usage_sheet(&w, "Accounts", STORE_KEY_ACCOUNT);
	if (rc == 0)
		rc = wb_usage_sheet(&w, "Queues", STORE_KEY_QUEUE);
	if (rc == 0)
		rc = wb_top_sheet(&w);
	if (rc == 0)
		rc = wb_wait_sheet(&w);
	if (rc == 0)
		rc = wb_sizes_sheet(&w);
	if (rc == 0)
		rc = wb_efficiency_sheet(&w);
	if (rc == 0)
		rc = wb_signups_sheet(&w);
	if (rc == 0)
		rc = wb_daily_sheet(&w);
	if (rc == 0)
		rc = wb_util_sheet(&w);
	if (rc == 0)
		rc = wb_slo_sheet(&w);
	if (xlsx_close(w.book, err, errsize) != 0 && rc == 0)
		rc = -2;
	report_free(&w.slo);
	store_read_ahead_drop(st);
	*left_out = w.left_out;
	return w.dberr ? -1 : rc;
}
