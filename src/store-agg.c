/* Grouping aggregates: GROUP BY in a hash table (see store-agg.h). */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void
agg_stat_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_table *t = agg_context(ctx, sizeof(struct agg_stat));
	struct agg_stat *g;
	int64_t order;
	int i;

	if (t == NULL || argc < 3 || argc > 3 + AGG_STAT_MAX_VALUES)
		return;
	g = agg_table_arg(t, 1, argv);
	g->rows++;
	g->nvalues = argc - 3;
	if (sqlite3_value_type(argv[1]) != SQLITE_NULL) {
		order = sqlite3_value_int64(argv[1]);
		if (!g->has_order || order < g->order)
			g->order = order;
		g->has_order = 1;
	}
	if (sqlite3_value_type(argv[2]) != SQLITE_NULL) {
		if (g->nx == g->capx) {
			g->capx = g->capx ? g->capx * 2 : 64;
			g->x = xreallocarray(g->x, g->capx, sizeof(*g->x));
		}
		g->x[g->nx++] = sqlite3_value_double(argv[2]);
		g->xsum += g->x[g->nx - 1];
	}
	for (i = 0; i < g->nvalues; i++)
		if (sqlite3_value_type(argv[3 + i]) != SQLITE_NULL) {
			g->sum[i] += sqlite3_value_double(argv[3 + i]);
			g->n[i]++;
		}
}

static void
agg_stat_free(void *p)
{
	free(((struct agg_stat *)p)->x);
}

static void
agg_stat_final(sqlite3_context *ctx)
{
	struct agg_table *t = agg_final_context(ctx);
	struct agg_buf b = {NULL, 0, 0};
	struct agg_stat *g;
	size_t i;
	int k;

	agg_buf_put(&b, "[", 1);
	for (i = 0; t != NULL && i < t->n; i++) {
		g = t->groups[i].val;
		agg_buf_put(&b, "[", 1);
		agg_buf_key(&b, t->groups[i].key, 1);
		if (g->has_order)
			agg_buf_printf(&b, "%lld,", (long long)g->order);
		else
			agg_buf_put(&b, "null,", 5);
		agg_buf_printf(&b, "%lld,%zu,", (long long)g->rows, g->nx);
		if (g->nx > 0) {
			agg_buf_printf(&b, "%.17g,", g->xsum / (double)g->nx);
			agg_buf_printf(&b, "%.17g,",
			    stats_percentile_real(g->x, g->nx, 50));
		} else
			agg_buf_put(&b, "null,null,", 10);
		for (k = 0; k < g->nvalues; k++)
			agg_buf_printf(&b, "%.17g,%lld,", g->sum[k],
			    (long long)g->n[k]);
		b.p[b.len - 1] = ']';
		agg_buf_put(&b, ",", 1);
	}
	agg_buf_result(ctx, &b);
	if (t != NULL) {
		agg_table_free(t, agg_stat_free);
		free(t);
	}
}

/* slo_groups(i, wait, target, pct): per target index i (small, from 0)
 * the runs, those within target, the nearest-rank pct-th wait, the
 * longest; [[i, n, within, wait, max], ...] in index order. */
struct agg_slo {
	int64_t *v;
	size_t n, cap;
	int64_t within, max, target;
	double pct;
};

struct agg_slos {
	struct agg_slo *g;
	size_t n;
};

#define AGG_SLO_MAX 4096	/* targets in one call */

static void
agg_slo_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_slos *c = sqlite3_aggregate_context(ctx, sizeof(*c));
	struct agg_slo *g;
	int64_t i, wait;

	(void)argc;
	if (c == NULL || sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	if ((i = sqlite3_value_int64(argv[0])) < 0 || i >= AGG_SLO_MAX)
		return;
	if ((size_t)i >= c->n) {
		c->g = xreallocarray(c->g, (size_t)i + 1, sizeof(*c->g));
		memset(c->g + c->n, 0, ((size_t)i + 1 - c->n) * sizeof(*c->g));
		c->n = (size_t)i + 1;
	}
	g = &c->g[i];
	wait = sqlite3_value_int64(argv[1]);
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = xreallocarray(g->v, g->cap, sizeof(*g->v));
	}
	if (g->n == 0 || wait > g->max)
		g->max = wait;
	g->v[g->n++] = wait;
	g->target = sqlite3_value_int64(argv[2]);
	g->pct = sqlite3_value_double(argv[3]);
	g->within += wait <= g->target;
}

static void
agg_slo_final(sqlite3_context *ctx)
{
	struct agg_slos *c = sqlite3_aggregate_context(ctx, 0);
	struct agg_buf b = {NULL, 0, 0};
	struct agg_slo *g;
	size_t i;

	agg_buf_put(&b, "[", 1);
	for (i = 0; c != NULL && i < c->n; i++) {
		g = &c->g[i];
		if (g->n > 0)
			agg_buf_printf(&b, "[%zu,%zu,%lld,%lld,%lld],", i, g->n,
			    (long long)g->within, (long long)
			    stats_percentile(g->v, g->n, g->pct),
			    (long long)g->max);
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
		rc = sqlite3_create_function_v2(db, "slo_groups", 4, flags,
		    NULL, NULL, agg_slo_step, agg_slo_final, NULL);
	return rc;
}
