/* Prometheus metrics (see prometheus.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "prometheus.h"
#include "utilization.h"
#include "xalloc.h"

/* One cluster and queue's figures over the window. */
struct prom_series {
	char *cluster, *queue;		/* queue NULL: none */
	int64_t ended;
	double core_hours, gpu_hours;
	int64_t waits;			/* runs started */
	double wait_sum;
	int64_t q[4];			/* wait quantiles */
	const struct conf_slo *slo;	/* its target, or NULL */
	int64_t slo_runs, slo_within, slo_wait;
};

struct prom_state {
	struct store *st;
	const struct prometheus_request *req;
	struct prom_series *s;
	size_t n, cap;
	const char *cluster;		/* of the query being read */
};

static int
prom_add_pair(void *ctx, const char *cluster, const char *queue)
{
	struct prom_state *p = ctx;
	struct prom_series *s;
	size_t i;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->s = xreallocarray(p->s, p->cap, sizeof(*p->s));
	}
	s = &p->s[p->n++];
	memset(s, 0, sizeof(*s));
	s->cluster = xstrdup(cluster);
	s->queue = queue != NULL ? xstrdup(queue) : NULL;
	for (i = 0; queue != NULL && i < p->req->conf->nslo; i++)
		if (strcmp(p->req->conf->slo[i].queue, queue) == 0)
			s->slo = &p->req->conf->slo[i];
	return 0;
}

/* The series of cluster and queue, NULL if the rollup has none. */
static struct prom_series *
prom_find(struct prom_state *p, const char *cluster, const char *queue)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->s[i].cluster, cluster) == 0 &&
		    (queue == NULL ? p->s[i].queue == NULL :
		    p->s[i].queue != NULL && strcmp(p->s[i].queue, queue) == 0))
			return &p->s[i];
	return NULL;
}

static int
prom_usage(void *ctx, const struct store_usage_row *r)
{
	struct prom_series *s = prom_find(ctx, r->key, r->key2);

	if (s != NULL) {
		s->core_hours = r->core_hours;
		s->gpu_hours = r->gpu_hours;
	}
	return 0;
}

static int
prom_wait(void *ctx, const struct store_wait_row *r)
{
	struct prom_state *p = ctx;
	struct prom_series *s = prom_find(p, p->cluster, r->key);

	if (s != NULL) {
		s->waits = r->runs;
		s->wait_sum = r->mean * (double)r->runs;
		s->q[0] = r->median;
		s->q[1] = r->p90;
		s->q[2] = r->p95;
		s->q[3] = r->p99;
	}
	return 0;
}

static int
prom_ended(void *ctx, const struct store_efficiency_row *r)
{
	struct prom_state *p = ctx;
	struct prom_series *s = prom_find(p, p->cluster, r->key);

	if (s != NULL)
		s->ended = r->runs;
	return 0;
}

/* Per cluster: waits and ended runs per queue, and the service levels. */
static int
prom_cluster(struct prom_state *p, const char *cluster)
{
	const char *only[2] = {cluster, NULL};
	struct store_filter f;
	struct store_slo_target *t;
	struct store_slo_row *slo;
	size_t i, n = 0, k;
	int rc;

	memset(&f, 0, sizeof(f));
	f.from = p->req->from;
	f.to = p->req->to;
	f.match[STORE_KEY_CLUSTER] = only;
	p->cluster = cluster;
	/* the cluster's queues with a target */
	t = xreallocarray(NULL, p->n + 1, sizeof(*t));
	slo = xreallocarray(NULL, p->n + 1, sizeof(*slo));
	for (i = 0; i < p->n; i++)
		if (strcmp(p->s[i].cluster, cluster) == 0 && p->s[i].slo != NULL)
			t[n++] = (struct store_slo_target){p->s[i].queue,
			    p->s[i].slo->wait, p->s[i].slo->pct};
	/* everything in one reading of the runs */
	rc = store_read_ahead(p->st, &f, &(struct store_reading){.wait = 1,
	    .wait_key = STORE_KEY_QUEUE, .efficiency = 1,
	    .efficiency_key = STORE_KEY_QUEUE, .slo = t, .nslo = n});
	if (rc == 0 && (store_wait(p->st, STORE_KEY_QUEUE, &f, prom_wait,
	    p) != 0 || store_efficiency(p->st, STORE_KEY_QUEUE, &f,
	    prom_ended, p) != 0))
		rc = -1;
	if (rc == 0 && n > 0)
		rc = store_slo(p->st, t, n, 0, &f, slo, NULL, NULL);
	store_read_ahead_drop(p->st);
	for (i = 0, k = 0; i < p->n && rc == 0; i++)
		if (strcmp(p->s[i].cluster, cluster) == 0 &&
		    p->s[i].slo != NULL) {
			p->s[i].slo_runs = slo[k].runs;
			p->s[i].slo_within = slo[k].within;
			p->s[i].slo_wait = slo[k++].wait;
		}
	free(t);
	free(slo);
	return rc;
}

/* A label value, escaped as the exposition format wants. */
static void
prom_label(FILE *out, const char *name, const char *value)
{
	fprintf(out, "%s=\"", name);
	for (; *value != '\0'; value++) {
		if (*value == '\\' || *value == '"')
			fputc('\\', out);
		if (*value == '\n')
			fputs("\\n", out);
		else
			fputc(*value, out);
	}
	fputc('"', out);
}

/* name{cluster="..",queue=".."[,extra]} */
static void
prom_sample(FILE *out, const char *name, const struct prom_series *s,
    const char *extra)
{
	fprintf(out, "%s{", name);
	prom_label(out, "cluster", s->cluster);
	fputc(',', out);
	prom_label(out, "queue", s->queue != NULL ? s->queue : "");
	if (extra != NULL)
		fprintf(out, ",%s", extra);
	fputs("} ", out);
}

static void
prom_head(FILE *out, const char *name, const char *type, const char *help)
{
	fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void
prom_gauges(FILE *out, const struct prom_state *p)
{
	size_t i;

	prom_head(out, "hpcacct_jobs_ended", "gauge",
	    "Runs that ended in the window.");
	for (i = 0; i < p->n; i++) {
		prom_sample(out, "hpcacct_jobs_ended", &p->s[i], NULL);
		fprintf(out, "%lld\n", (long long)p->s[i].ended);
	}
	/* Prometheus wants base units: core-seconds, not core-hours. */
	prom_head(out, "hpcacct_core_seconds", "gauge",
	    "Core-seconds used in the window (core-hours x 3600; runs "
	    "clipped to it).");
	for (i = 0; i < p->n; i++) {
		prom_sample(out, "hpcacct_core_seconds", &p->s[i], NULL);
		fprintf(out, "%.3f\n", p->s[i].core_hours * 3600);
	}
	prom_head(out, "hpcacct_gpu_seconds", "gauge",
	    "GPU-seconds used in the window (GPU-hours x 3600; runs clipped "
	    "to it).");
	for (i = 0; i < p->n; i++) {
		prom_sample(out, "hpcacct_gpu_seconds", &p->s[i], NULL);
		fprintf(out, "%.3f\n", p->s[i].gpu_hours * 3600);
	}
}

static void
prom_waits(FILE *out, const struct prom_state *p)
{
	static const char *const quantiles[4] = {"quantile=\"0.5\"",
	    "quantile=\"0.9\"", "quantile=\"0.95\"", "quantile=\"0.99\""};
	const struct prom_series *s;
	size_t i, k;

	prom_head(out, "hpcacct_wait_seconds", "summary",
	    "Wait from submit to start of the runs that started in the "
	    "window (exact nearest-rank quantiles).");
	for (i = 0; i < p->n; i++) {
		s = &p->s[i];
		for (k = 0; k < 4; k++) {
			prom_sample(out, "hpcacct_wait_seconds", s,
			    quantiles[k]);
			if (s->waits > 0)
				fprintf(out, "%lld\n", (long long)s->q[k]);
			else
				fputs("NaN\n", out);
		}
		prom_sample(out, "hpcacct_wait_seconds_sum", s, NULL);
		fprintf(out, "%.0f\n", s->wait_sum);
		prom_sample(out, "hpcacct_wait_seconds_count", s, NULL);
		fprintf(out, "%lld\n", (long long)s->waits);
	}
}

static void
prom_slos(FILE *out, const struct prom_state *p)
{
	const struct prom_series *s;
	size_t i;

	prom_head(out, "hpcacct_slo_attainment_ratio", "gauge",
	    "Share of the runs started in the window that waited at most "
	    "the queue's target (1 when none started).");
	for (i = 0; i < p->n; i++)
		if ((s = &p->s[i])->slo != NULL) {
			prom_sample(out, "hpcacct_slo_attainment_ratio", s,
			    NULL);
			fprintf(out, "%.6f\n", s->slo_runs > 0 ?
			    (double)s->slo_within / (double)s->slo_runs : 1.0);
		}
	prom_head(out, "hpcacct_slo_met", "gauge",
	    "1 when the queue's target percentile of waits is within its "
	    "target wait (or no run started), else 0.");
	for (i = 0; i < p->n; i++)
		if ((s = &p->s[i])->slo != NULL) {
			prom_sample(out, "hpcacct_slo_met", s, NULL);
			fprintf(out, "%d\n", s->slo_runs == 0 ||
			    s->slo_wait <= s->slo->wait);
		}
}

/* Per cluster with a capacity: its core-hours over its capacity-hours. */
static void
prom_utilization(FILE *out, const struct prom_state *p)
{
	const struct conf_cluster *cl;
	const char *last = NULL;
	double used, cap;
	size_t i, j;

	prom_head(out, "hpcacct_utilization_ratio", "gauge",
	    "Core-hours used in the window over the cluster's configured "
	    "capacity-hours.");
	for (i = 0; i < p->n; i++) {
		if (last != NULL && strcmp(last, p->s[i].cluster) == 0)
			continue;
		last = p->s[i].cluster;
		cl = conf_cluster(p->req->conf, last);
		cap = cl != NULL ? utilization_capacity_hours(cl,
		    p->req->from, p->req->to, 0) : 0;
		if (cap <= 0)
			continue;
		for (used = 0, j = i; j < p->n &&
		    strcmp(p->s[j].cluster, last) == 0; j++)
			used += p->s[j].core_hours;
		fputs("hpcacct_utilization_ratio{", out);
		prom_label(out, "cluster", last);
		fprintf(out, "} %.6f\n", used / cap);
	}
}

static void
prom_free(struct prom_state *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->s[i].cluster);
		free(p->s[i].queue);
	}
	free(p->s);
}

int
prometheus_write(struct store *st, const struct prometheus_request *req,
    FILE *out, int *no_capacity, int *no_slo)
{
	struct prom_state p;
	struct store_filter f;
	size_t i;
	int rc;

	memset(&p, 0, sizeof(p));
	p.st = st;
	p.req = req;
	memset(&f, 0, sizeof(f));
	f.from = req->from;
	f.to = req->to;
	rc = store_cluster_queues(st, prom_add_pair, &p);
	if (rc == 0)
		rc = store_usage(st, STORE_KEY_CLUSTER, STORE_KEY_QUEUE, &f,
		    prom_usage, &p);
	for (i = 0; rc == 0 && i < p.n; i++)
		if (i == 0 || strcmp(p.s[i].cluster, p.s[i - 1].cluster) != 0)
			rc = prom_cluster(&p, p.s[i].cluster);
	*no_capacity = 1;
	for (i = 0; i < req->conf->nclusters; i++)
		if (req->conf->clusters[i].ncap > 0)
			*no_capacity = 0;
	*no_slo = req->conf->nslo == 0;
	if (rc == 0) {
		fprintf(out, "# HELP hpcacct_window_seconds The window the "
		    "figures are over, ending at hpcacct_window_end_seconds.\n"
		    "# TYPE hpcacct_window_seconds gauge\n"
		    "hpcacct_window_seconds %lld\n"
		    "# HELP hpcacct_window_end_seconds The window's end (UTC "
		    "epoch).\n# TYPE hpcacct_window_end_seconds gauge\n"
		    "hpcacct_window_end_seconds %lld\n",
		    (long long)(req->to - req->from), (long long)req->to);
		prom_gauges(out, &p);
		prom_waits(out, &p);
		if (!*no_slo)
			prom_slos(out, &p);
		if (!*no_capacity)
			prom_utilization(out, &p);
	}
	prom_free(&p);
	return rc;
}
