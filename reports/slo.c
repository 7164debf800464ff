/* The service level report (see slo.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slo.h"
#include "xalloc.h"

static const struct report_column slo_columns[] = {
	{"queue", REPORT_TEXT, "", 0, 5},
	{"target", REPORT_DURATION, "s", 0, 6},
	{"percentile", REPORT_REAL, "", 0, 10},
	{"runs", REPORT_INT, "", 0, 6},
	{"within_target", REPORT_PERCENT, "%", 0, 13},
	{"wait_at_percentile", REPORT_DURATION, "s", 0, 18},
	{"met", REPORT_TEXT, "", 0, 3},
	{"worst_wait", REPORT_DURATION, "s", 0, 10},
	{"worst", REPORT_TEXT, "", 0, 5},
};
#define SLO_NCOLS (sizeof(slo_columns) / sizeof(slo_columns[0]))

struct slo_fill {
	struct store *st;
	const struct slo_request *req;
	struct report *r;
	size_t missed;
	char (*worst)[1024];	/* per target: "JOBID:USER:WAIT ..." */
};

/* Add "JOBID:USER:WAIT" to target i's worst list (space-separated),
 * whole entries only. */
static int
slo_add_worst(void *ctx, size_t i, const char *job_id, const char *user,
    int64_t wait)
{
	struct slo_fill *f = ctx;
	char *w = f->worst[i];
	size_t len = strlen(w);
	int n = snprintf(w + len, sizeof(f->worst[i]) - len, "%s%s:%s:%lld",
	    len > 0 ? " " : "", job_id, user != NULL ? user : "",
	    (long long)wait);

	if (n < 0 || (size_t)n >= sizeof(f->worst[i]) - len)
		w[len] = '\0';
	return 0;
}

/* One target's row (its service level s, its worst list). */
static void
slo_row(struct slo_fill *f, const struct store_slo_target *t,
    const char *period, const struct store_slo_row *s, const char *worst)
{
	struct report_cell *c;
	int met;

	met = s->runs == 0 || s->wait <= t->wait;
	f->missed += !met;
	c = report_row(f->r);
	if (period != NULL)
		report_set_text(c++, period);
	report_set_text(&c[0], t->queue);
	report_set_int(&c[1], t->wait);
	report_set_real(&c[2], t->pct);
	report_set_int(&c[3], s->runs);
	if (s->runs > 0) {
		report_set_real(&c[4], 100.0 * (double)s->within /
		    (double)s->runs);
		report_set_int(&c[5], s->wait);
		report_set_int(&c[7], s->max);
	}
	report_set_text(&c[6], met ? "yes" : "no");
	report_set_text(&c[8], worst);
}

static int
slo_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct slo_fill *f = ctx;
	struct store_filter filter = f->req->filter;
	size_t i, n = f->req->ntargets;
	struct store_slo_row *s = xreallocarray(NULL, n + 1, sizeof(*s));
	int rc;

	filter.from = from;
	filter.to = to;
	f->worst = xcalloc(n + 1, sizeof(*f->worst));
	/* every target and its longest waits in one reading of the runs */
	rc = store_slo(f->st, f->req->targets, n, f->req->worst, &filter, s,
	    slo_add_worst, f);
	for (i = 0; i < n && rc == 0; i++)
		slo_row(f, &f->req->targets[i], label, &s[i], f->worst[i]);
	free(f->worst);
	free(s);
	return rc;
}

int
slo_build(struct store *st, const struct slo_request *req,
    struct report *r, size_t *missed)
{
	struct report_column cols[1 + SLO_NCOLS];
	struct slo_fill fill;
	size_t n;
	int rc;

	memset(&fill, 0, sizeof(fill));
	fill.st = st;
	fill.req = req;
	fill.r = r;
	n = series_columns(cols, req->period, NULL, NULL);
	memcpy(cols + n, slo_columns, sizeof(slo_columns));
	report_init(r, "slo", cols, n + SLO_NCOLS);
	r->from = req->filter.from;
	r->to = req->filter.to;
	rc = series_run(st, req->period, req->filter.from, req->filter.to,
	    slo_window, &fill);
	*missed = fill.missed;
	return rc;
}
