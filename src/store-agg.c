/* Grouping aggregates: GROUP BY in a hash table (see store-agg.h). */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "stats.h"
#include "store-agg.h"
#include "xalloc.h"

/* A group's key: its values encoded as tag (0 NULL, 1 text, 2 integer),
 * then a 4-byte length and the text, or 8 bytes of integer. */
struct agg_key {
	unsigned char *p;
	size_t len, cap;
};

struct agg_group {
	unsigned char *key;
	size_t key_len;
	uint64_t hash;
	void *val;
};

/* Groups in order of arrival, found through open addressing. */
struct agg_table {
	struct agg_group *groups;
	size_t n, cap;
	uint32_t *slots;		/* index + 1 into groups, 0: free */
	size_t slots_cap;		/* a power of two, > 2 n */
	size_t val_size;
	struct agg_key scratch;
};

struct agg_buf {
	char *p;
	size_t len, cap;
};

static void
agg_key_put(struct agg_key *k, const void *p, size_t len)
{
	if (k->len + len > k->cap) {
		k->cap = (k->len + len) * 2 + 64;
		k->p = xreallocarray(k->p, k->cap, 1);
	}
	memcpy(k->p + k->len, p, len);
	k->len += len;
}

static void
agg_key_add(struct agg_key *k, sqlite3_value *v)
{
	unsigned char tag;
	uint32_t len;
	int64_t i;

	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		tag = 0;
		agg_key_put(k, &tag, 1);
		break;
	case SQLITE_INTEGER:
		tag = 2;
		i = sqlite3_value_int64(v);
		agg_key_put(k, &tag, 1);
		agg_key_put(k, &i, sizeof(i));
		break;
	default:
		tag = 1;
		len = (uint32_t)sqlite3_value_bytes(v);
		agg_key_put(k, &tag, 1);
		agg_key_put(k, &len, sizeof(len));
		agg_key_put(k, sqlite3_value_text(v), len);
		break;
	}
}

/* The length of the first n values of an encoded key. */
static size_t
agg_key_prefix(const unsigned char *p, int n)
{
	size_t off = 0;
	uint32_t len;

	while (n-- > 0) {
		if (p[off] == 0)
			off += 1;
		else if (p[off] == 2)
			off += 1 + sizeof(int64_t);
		else {
			memcpy(&len, p + off + 1, sizeof(len));
			off += 1 + sizeof(len) + len;
		}
	}
	return off;
}

static uint64_t
agg_hash(const unsigned char *p, size_t len)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	while (len-- > 0)
		h = (h ^ *p++) * UINT64_C(0x100000001b3);
	return h ^ (h >> 29);
}

static void
agg_table_grow(struct agg_table *t)
{
	size_t i, j;

	t->slots_cap = t->slots_cap ? t->slots_cap * 2 : 64;
	free(t->slots);
	t->slots = xcalloc(t->slots_cap, sizeof(*t->slots));
	for (i = 0; i < t->n; i++) {
		j = t->groups[i].hash & (t->slots_cap - 1);
		while (t->slots[j] != 0)
			j = (j + 1) & (t->slots_cap - 1);
		t->slots[j] = (uint32_t)(i + 1);
	}
}

/* The value of the group of key p (len bytes), a new zeroed one if none. */
static void *
agg_table_get(struct agg_table *t, const unsigned char *p, size_t len)
{
	uint64_t h = agg_hash(p, len);
	struct agg_group *g;
	size_t j;

	if (2 * (t->n + 1) >= t->slots_cap)
		agg_table_grow(t);
	for (j = h & (t->slots_cap - 1); t->slots[j] != 0;
	    j = (j + 1) & (t->slots_cap - 1)) {
		g = &t->groups[t->slots[j] - 1];
		if (g->hash == h && g->key_len == len &&
		    memcmp(g->key, p, len) == 0)
			return g->val;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->groups = xreallocarray(t->groups, t->cap, sizeof(*g));
	}
	g = &t->groups[t->n];
	g->key = xmalloc(len ? len : 1);
	memcpy(g->key, p, len);
	g->key_len = len;
	g->hash = h;
	g->val = xcalloc(1, t->val_size);
	t->slots[j] = (uint32_t)++t->n;
	return g->val;
}

/* The value of the group of the first n arguments. */
static void *
agg_table_arg(struct agg_table *t, int n, sqlite3_value **argv)
{
	int i;

	t->scratch.len = 0;
	for (i = 0; i < n; i++)
		agg_key_add(&t->scratch, argv[i]);
	return agg_table_get(t, t->scratch.p, t->scratch.len);
}

static void
agg_table_free(struct agg_table *t, void (*val_free)(void *))
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (val_free != NULL)
			val_free(t->groups[i].val);
		free(t->groups[i].val);
		free(t->groups[i].key);
	}
	free(t->groups);
	free(t->slots);
	free(t->scratch.p);
}

static void
agg_buf_put(struct agg_buf *b, const char *p, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len + 1) * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, p, len);
	b->len += len;
	b->p[b->len] = '\0';
}

static void
agg_buf_printf(struct agg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
agg_buf_printf(struct agg_buf *b, const char *fmt, ...)
{
	char tmp[64];	/* a number or two and a comma */
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	agg_buf_put(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n :
	    sizeof(tmp) - 1);
}

static void
agg_buf_string(struct agg_buf *b, const unsigned char *s, size_t len)
{
	size_t i;

	agg_buf_put(b, "\"", 1);
	for (i = 0; i < len; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			agg_buf_put(b, "\\", 1);
			agg_buf_put(b, (const char *)&s[i], 1);
		} else if (s[i] < 0x20)
			agg_buf_printf(b, "\\u%04x", s[i]);
		else
			agg_buf_put(b, (const char *)&s[i], 1);
	}
	agg_buf_put(b, "\"", 1);
}

/* An encoded key's n values as JSON array elements, each followed by ','. */
static void
agg_buf_key(struct agg_buf *b, const unsigned char *p, int n)
{
	uint32_t len;
	int64_t i;

	while (n-- > 0) {
		if (*p == 0) {
			agg_buf_put(b, "null,", 5);
			p += 1;
		} else if (*p == 2) {
			memcpy(&i, p + 1, sizeof(i));
			agg_buf_printf(b, "%lld,", (long long)i);
			p += 1 + sizeof(i);
		} else {
			memcpy(&len, p + 1, sizeof(len));
			agg_buf_string(b, p + 1 + sizeof(len), len);
			agg_buf_put(b, ",", 1);
			p += 1 + sizeof(len) + len;
		}
	}
}

/* Close the array (dropping a trailing ',') and make it the result. */
static void
agg_buf_result(sqlite3_context *ctx, struct agg_buf *b)
{
	if (b->len > 1 && b->p[b->len - 1] == ',')
		b->len--;
	agg_buf_put(b, "]", 1);
	sqlite3_result_text(ctx, b->p, (int)b->len, free);
}

static struct agg_table *
agg_context(sqlite3_context *ctx, size_t val_size)
{
	struct agg_table **tp = sqlite3_aggregate_context(ctx, sizeof(*tp));

	if (tp == NULL)
		return NULL;
	if (*tp == NULL) {
		*tp = xcalloc(1, sizeof(**tp));
		(*tp)->val_size = val_size;
	}
	return *tp;
}

static struct agg_table *
agg_final_context(sqlite3_context *ctx)
{
	struct agg_table **tp = sqlite3_aggregate_context(ctx, 0);

	return tp != NULL ? *tp : NULL;
}

/* wait_groups(key, wait, run) */
struct agg_wait {
	int64_t *v;
	size_t n, cap;
	int64_t sum, max, min;
	double expansion;
	int64_t n_expansion;
};

static void
agg_wait_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_table *t = agg_context(ctx, sizeof(struct agg_wait));
	struct agg_wait *w;
	int64_t wait, run;

	(void)argc;
	if (t == NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	w = agg_table_arg(t, 1, argv);
	wait = sqlite3_value_int64(argv[1]);
	run = sqlite3_value_int64(argv[2]);
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
	}
	w->v[w->n++] = wait;
	w->sum += wait;
	if (w->n == 1 || wait > w->max)
		w->max = wait;
	if (w->n == 1 || wait < w->min)
		w->min = wait;
	if (run > 0) {
		w->expansion += (double)(wait + run) / (double)run;
		w->n_expansion++;
	}
}

static void
agg_wait_free(void *p)
{
	free(((struct agg_wait *)p)->v);
}

static void
agg_wait_final(sqlite3_context *ctx)
{
	static const double ps[] = {50, 90, 95, 99};
	struct agg_table *t = agg_final_context(ctx);
	struct agg_buf b = {NULL, 0, 0};
	struct agg_wait *w;
	size_t i, k;

	agg_buf_put(&b, "[", 1);
	for (i = 0; t != NULL && i < t->n; i++) {
		w = t->groups[i].val;
		agg_buf_put(&b, "[", 1);
		agg_buf_key(&b, t->groups[i].key, 1);
		agg_buf_printf(&b, "%zu,%.17g,", w->n,
		    (double)w->sum / (double)w->n);
		for (k = 0; k < sizeof(ps) / sizeof(ps[0]); k++)
			agg_buf_printf(&b, "%lld,", (long long)
			    stats_percentile(w->v, w->n, ps[k]));
		agg_buf_printf(&b, "%lld,", (long long)w->max);
		if (w->n_expansion > 0)
			agg_buf_printf(&b, "%.17g,",
			    w->expansion / (double)w->n_expansion);
		else
			agg_buf_put(&b, "null,", 5);
		/* later additions: the quartiles and the least */
		agg_buf_printf(&b, "%lld,%lld,%lld],", (long long)
		    stats_percentile(w->v, w->n, 25), (long long)
		    stats_percentile(w->v, w->n, 75), (long long)w->min);
	}
	agg_buf_result(ctx, &b);
	if (t != NULL) {
		agg_table_free(t, agg_wait_free);
		free(t);
	}
}

/* multi_extra(k1, k2, v...) */
static void
agg_extra_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_table *t = agg_context(ctx, sizeof(int64_t));
	int64_t *n;

	if (t == NULL || argc < 2)
		return;
	n = agg_table_arg(t, argc, argv);
	++*n;
}

static void
agg_extra_final(sqlite3_context *ctx)
{
	struct agg_table *t = agg_final_context(ctx);
	struct agg_table keys = {0};
	struct agg_buf b = {NULL, 0, 0};
	struct agg_group *g;
	int64_t *n;
	size_t i;

	keys.val_size = sizeof(int64_t);
	for (i = 0; t != NULL && i < t->n; i++) {
		g = &t->groups[i];
		if (*(int64_t *)g->val < 2)
			continue;
		n = agg_table_get(&keys, g->key, agg_key_prefix(g->key, 2));
		*n += *(int64_t *)g->val - 1;
	}
	agg_buf_put(&b, "[", 1);
	for (i = 0; i < keys.n; i++) {
		agg_buf_put(&b, "[", 1);
		agg_buf_key(&b, keys.groups[i].key, 2);
		agg_buf_printf(&b, "%lld],",
		    (long long)*(int64_t *)keys.groups[i].val);
	}
	agg_buf_result(ctx, &b);
	agg_table_free(&keys, NULL);
	if (t != NULL) {
		agg_table_free(t, NULL);
		free(t);
	}
}

/* stat_groups(key, order, x, v1, ..., vn) */
#define AGG_STAT_MAX_VALUES 8

struct agg_stat {
	int64_t rows, order;
	int has_order;
	double *x;
	size_t nx, capx;
	double xsum;
	double sum[AGG_STAT_MAX_VALUES];
	int64_t n[AGG_STAT_MAX_VALUES];
	int nvalues;
};

/* The group of an integer key (NULL where !known). */
static void *
agg_table_int(struct agg_table *t, int known, int64_t key)
{
	unsigned char tag = known ? 2 : 0;

	t->scratch.len = 0;
	agg_key_put(&t->scratch, &tag, 1);
	if (known)
		agg_key_put(&t->scratch, &key, sizeof(key));
	return agg_table_get(t, t->scratch.p, t->scratch.len);
}

/* Add a row to group g: x where has_x, each v[i] where has[i]. */
static void
agg_stat_add(struct agg_stat *g, int has_x, double x, int nv,
    const double *v, const int *has)
{
	int i;

	g->rows++;
	g->nvalues = nv;
	if (has_x) {
		if (g->nx == g->capx) {
			g->capx = g->capx ? g->capx * 2 : 64;
			g->x = xreallocarray(g->x, g->capx, sizeof(*g->x));
		}
		g->x[g->nx++] = x;
		g->xsum += x;
	}
	for (i = 0; i < nv; i++)
		if (has[i]) {
			g->sum[i] += v[i];
			g->n[i]++;
		}
}

static void
agg_stat_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_table *t = agg_context(ctx, sizeof(struct agg_stat));
	double v[AGG_STAT_MAX_VALUES];
	int has[AGG_STAT_MAX_VALUES];
	struct agg_stat *g;
	int64_t order;
	int i;

	if (t == NULL || argc < 3 || argc > 3 + AGG_STAT_MAX_VALUES)
		return;
	g = agg_table_arg(t, 1, argv);
	if (sqlite3_value_type(argv[1]) != SQLITE_NULL) {
		order = sqlite3_value_int64(argv[1]);
		if (!g->has_order || order < g->order)
			g->order = order;
		g->has_order = 1;
	}
	for (i = 0; i < argc - 3; i++) {
		has[i] = sqlite3_value_type(argv[3 + i]) != SQLITE_NULL;
		v[i] = has[i] ? sqlite3_value_double(argv[3 + i]) : 0;
	}
	agg_stat_add(g, sqlite3_value_type(argv[2]) != SQLITE_NULL,
	    sqlite3_value_double(argv[2]), argc - 3, v, has);
}

static void
agg_stat_free(void *p)
{
	free(((struct agg_stat *)p)->x);
}

/* Table t's groups as a JSON array into b (freeing them). */
static void
agg_stat_json(struct agg_table *t, struct agg_buf *b)
{
	struct agg_stat *g;
	size_t i;
	int k;

	agg_buf_put(b, "[", 1);
	for (i = 0; t != NULL && i < t->n; i++) {
		g = t->groups[i].val;
		agg_buf_put(b, "[", 1);
		agg_buf_key(b, t->groups[i].key, 1);
		if (g->has_order)
			agg_buf_printf(b, "%lld,", (long long)g->order);
		else
			agg_buf_put(b, "null,", 5);
		agg_buf_printf(b, "%lld,%zu,", (long long)g->rows, g->nx);
		if (g->nx > 0) {
			agg_buf_printf(b, "%.17g,", g->xsum / (double)g->nx);
			agg_buf_printf(b, "%.17g,",
			    stats_percentile_real(g->x, g->nx, 50));
		} else
			agg_buf_put(b, "null,null,", 10);
		for (k = 0; k < g->nvalues; k++)
			agg_buf_printf(b, "%.17g,%lld,", g->sum[k],
			    (long long)g->n[k]);
		b->p[b->len - 1] = ']';
		agg_buf_put(b, ",", 1);
	}
	if (b->len > 1 && b->p[b->len - 1] == ',')
		b->len--;
	agg_buf_put(b, "]", 1);
	if (t != NULL)
		agg_table_free(t, agg_stat_free);
}

static void
agg_stat_final(sqlite3_context *ctx)
{
	struct agg_table *t = agg_final_context(ctx);
	struct agg_buf b = {NULL, 0, 0};

	agg_stat_json(t, &b);
	sqlite3_result_text(ctx, b.p, (int)b.len, free);
	free(t);
}

/* sizes_groups(size, run, req, core, gpu): stat_groups() of the runs
 * by the least size of their size bucket and by the least run time of
 * their run time bucket at once, x the run time over the requested time
 * (where requested), the values core and GPU-seconds: [by size, by run
 * time].  In C: these run once per job row. */
struct agg_sizes {
	struct agg_table *by[2];
};

static int64_t
agg_int(sqlite3_value *v, int *known)
{
	*known = sqlite3_value_type(v) != SQLITE_NULL;
	return *known ? sqlite3_value_int64(v) : 0;
}

static void
agg_sizes_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_sizes *c = sqlite3_aggregate_context(ctx, sizeof(*c));
	int64_t size, run, req, key[2];
	int known[2], has_run, has_req, has[2], i;
	double v[2];

	(void)argc;
	if (c == NULL)
		return;
	size = agg_int(argv[0], &known[0]);
	run = agg_int(argv[1], &has_run);
	req = agg_int(argv[2], &has_req);
	key[0] = size < 1 ? 0 : stats_size_bucket_lo(size);
	key[1] = stats_runtime_bucket_lo(run);
	known[1] = has_run;
	for (i = 0; i < 2; i++) {
		has[i] = sqlite3_value_type(argv[3 + i]) != SQLITE_NULL;
		v[i] = has[i] ? sqlite3_value_double(argv[3 + i]) : 0;
	}
	for (i = 0; i < 2; i++) {
		if (c->by[i] == NULL) {
			c->by[i] = xcalloc(1, sizeof(*c->by[i]));
			c->by[i]->val_size = sizeof(struct agg_stat);
		}
		agg_stat_add(agg_table_int(c->by[i], known[i], key[i]),
		    has_run && has_req && req > 0, (double)run / (double)req,
		    2, v, has);
	}
}

static void
agg_sizes_final(sqlite3_context *ctx)
{
	struct agg_sizes *c = sqlite3_aggregate_context(ctx, 0);
	struct agg_buf b = {NULL, 0, 0};
	int i;

	agg_buf_put(&b, "[", 1);
	for (i = 0; i < 2; i++) {
		agg_stat_json(c != NULL ? c->by[i] : NULL, &b);
		agg_buf_put(&b, i == 0 ? "," : "]", 1);
		if (c != NULL)
			free(c->by[i]);
	}
	sqlite3_result_text(ctx, b.p, (int)b.len, free);
}

/* efficiency_groups(key, cpu, core, used_mem, req_mem, run, req): as
 * stat_groups(key, NULL, NULL, cpu, core, used_mem, req_mem, run, req,
 * core) with each pair only where its source records both (CPU time and
 * core-seconds > 0, peak memory and requested memory > 0, a requested
 * time > 0). */
static void
agg_efficiency_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_table *t = agg_context(ctx, sizeof(struct agg_stat));
	int has[7], i;
	double v[7];

	(void)argc;
	if (t == NULL)
		return;
	for (i = 0; i < 6; i++) {
		has[i] = sqlite3_value_type(argv[1 + i]) != SQLITE_NULL;
		v[i] = has[i] ? sqlite3_value_double(argv[1 + i]) : 0;
	}
	has[6] = has[1];
	v[6] = v[1];
	for (i = 0; i < 6; i += 2)	/* both known, the second > 0 */
		has[i] = has[i + 1] = has[i] && has[i + 1] && v[i + 1] > 0;
	agg_stat_add(agg_table_int(t, sqlite3_value_type(argv[0]) !=
	    SQLITE_NULL, sqlite3_value_int64(argv[0])), 0, 0, 7, v, has);
}

/* slo_groups(queue, wait, job_id, user, targets, n): targets a JSON
 * array of [queue, wait, pct], read on the first row; per target (by
 * index, from 0) that had runs [i, n, within, wait, max, worst], worst
 * its n longest waits [[job_id, user, wait], ...], longest (then least
 * job id) first. */
struct agg_worst {
	int64_t wait, user;
	int has_user;
	char *job_id;
};

struct agg_slo {
	int64_t queue, target;
	double pct;
	int64_t *v;
	size_t n, cap;
	int64_t within, max;
	struct agg_worst *worst;	/* nworst of at most slos->keep */
	size_t nworst;
};

struct agg_slos {
	int read;			/* the targets are read */
	struct agg_slo *g;
	size_t n;
	size_t keep;			/* the longest waits kept */
};

#define AGG_SLO_MAX 4096	/* targets in one call */
#define AGG_WORST_MAX 1000	/* longest waits kept per target */

/* Read the targets [[queue id, wait, pct], ...] (a NULL queue: none). */
static void
agg_slo_targets(struct agg_slos *c, const char *text, int64_t keep)
{
	json_object *a = text != NULL ? json_tokener_parse(text) : NULL, *e;
	size_t i, n;

	c->read = 1;
	c->keep = keep < 0 ? 0 : keep > AGG_WORST_MAX ? AGG_WORST_MAX :
	    (size_t)keep;
	n = json_object_is_type(a, json_type_array) ?
	    json_object_array_length(a) : 0;
	if (n > AGG_SLO_MAX)
		n = AGG_SLO_MAX;
	c->g = n > 0 ? xcalloc(n, sizeof(*c->g)) : NULL;
	c->n = n;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		c->g[i].queue = json_object_get_type(json_object_array_get_idx(
		    e, 0)) == json_type_null ? -1 :
		    json_object_get_int64(json_object_array_get_idx(e, 0));
		c->g[i].target = json_object_get_int64(
		    json_object_array_get_idx(e, 1));
		c->g[i].pct = json_object_get_double(
		    json_object_array_get_idx(e, 2));
	}
	json_object_put(a);
}

/* Does (wait, job_id) come before w among the longest waits? */
static int
agg_worst_before(int64_t wait, const char *job_id, const struct agg_worst *w)
{
	return wait > w->wait || (wait == w->wait && strcmp(job_id,
	    w->job_id) < 0);
}

/* Keep the run among g's keep longest waits. */
static void
agg_worst_add(struct agg_slo *g, size_t keep, int64_t wait,
    sqlite3_value *job, sqlite3_value *user)
{
	const char *id;
	size_t i;

	/* most runs wait less than the kept: their job id is not read */
	if (keep == 0 || (g->nworst == keep && wait < g->worst[keep - 1].wait))
		return;
	if ((id = (const char *)sqlite3_value_text(job)) == NULL ||
	    (g->nworst == keep && !agg_worst_before(wait, id,
	    &g->worst[keep - 1])))
		return;
	if (g->worst == NULL)
		g->worst = xreallocarray(NULL, keep, sizeof(*g->worst));
	if (g->nworst == keep)
		free(g->worst[--g->nworst].job_id);
	for (i = g->nworst; i > 0 && agg_worst_before(wait, id,
	    &g->worst[i - 1]); i--)
		g->worst[i] = g->worst[i - 1];
	g->worst[i] = (struct agg_worst){wait, sqlite3_value_int64(user),
	    sqlite3_value_type(user) != SQLITE_NULL, xstrdup(id)};
	g->nworst++;
}

static void
agg_slo_add(struct agg_slo *g, int64_t wait)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = xreallocarray(g->v, g->cap, sizeof(*g->v));
	}
	if (g->n == 0 || wait > g->max)
		g->max = wait;
	g->v[g->n++] = wait;
	g->within += wait <= g->target;
}

static void
agg_slo_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_slos *c = sqlite3_aggregate_context(ctx, sizeof(*c));
	int64_t queue, wait;
	size_t i;

	(void)argc;
	if (c == NULL)
		return;
	if (!c->read)
		agg_slo_targets(c, (const char *)sqlite3_value_text(argv[4]),
		    sqlite3_value_int64(argv[5]));
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	queue = sqlite3_value_int64(argv[0]);
	wait = sqlite3_value_int64(argv[1]);
	for (i = 0; i < c->n; i++)
		if (c->g[i].queue == queue) {
			agg_slo_add(&c->g[i], wait);
			agg_worst_add(&c->g[i], c->keep, wait, argv[2],
			    argv[3]);
		}
}

static void
agg_slo_put(struct agg_buf *b, size_t i, struct agg_slo *g)
{
	size_t k;

	agg_buf_printf(b, "[%zu,%zu,%lld,%lld,%lld,[", i, g->n,
	    (long long)g->within, (long long)stats_percentile(g->v, g->n,
	    g->pct), (long long)g->max);
	for (k = 0; k < g->nworst; k++) {
		agg_buf_put(b, k > 0 ? ",[" : "[", k > 0 ? 2 : 1);
		agg_buf_string(b, (const unsigned char *)g->worst[k].job_id,
		    strlen(g->worst[k].job_id));
		if (g->worst[k].has_user)
			agg_buf_printf(b, ",%lld,", (long long)
			    g->worst[k].user);
		else
			agg_buf_put(b, ",null,", 6);
		agg_buf_printf(b, "%lld]", (long long)g->worst[k].wait);
	}
	agg_buf_put(b, "]],", 3);
}

static void
agg_slo_final(sqlite3_context *ctx)
{
	struct agg_slos *c = sqlite3_aggregate_context(ctx, 0);
	struct agg_buf b = {NULL, 0, 0};
	struct agg_slo *g;
	size_t i, k;

	agg_buf_put(&b, "[", 1);
	for (i = 0; c != NULL && i < c->n; i++) {
		g = &c->g[i];
		if (g->n > 0)
			agg_slo_put(&b, i, g);
		for (k = 0; k < g->nworst; k++)
			free(g->worst[k].job_id);
		free(g->worst);
		free(g->v);
	}
	agg_buf_result(ctx, &b);
	if (c != NULL)
		free(c->g);
}

int
agg_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC, rc;

	rc = sqlite3_create_function_v2(db, "wait_groups", 3, flags, NULL,
	    NULL, agg_wait_step, agg_wait_final, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "multi_extra", -1, flags,
		    NULL, NULL, agg_extra_step, agg_extra_final, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "stat_groups", -1, flags,
		    NULL, NULL, agg_stat_step, agg_stat_final, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "sizes_groups", 5, flags,
		    NULL, NULL, agg_sizes_step, agg_sizes_final, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "efficiency_groups", 7,
		    flags, NULL, NULL, agg_efficiency_step, agg_stat_final,
		    NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "slo_groups", 6, flags,
		    NULL, NULL, agg_slo_step, agg_slo_final, NULL);
	return rc;
}
