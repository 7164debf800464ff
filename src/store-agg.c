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
	void **direct;			/* agg_table_int()'s small keys */
	void *null_val;			/* and its NULL key */
};

/* Integer keys below this (name ids) skip the hash: one lookup per row
 * and part counts at 1.5M rows. */
#define AGG_DIRECT_MAX 65536

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
	free(t->direct);
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

/* Close the array (dropping a trailing ','). */
static void
agg_buf_end(struct agg_buf *b)
{
	if (b->len > 1 && b->p[b->len - 1] == ',')
		b->len--;
	agg_buf_put(b, "]", 1);
}

/* Close the array and make it the result. */
static void
agg_buf_result(sqlite3_context *ctx, struct agg_buf *b)
{
	agg_buf_end(b);
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

/* The wait of a group: every wait (for exact percentiles). */
struct agg_wait {
	int64_t *v;
	size_t n, cap;
	int64_t sum, max, min;
	double expansion;
	int64_t n_expansion;
};

static void
agg_wait_put(struct agg_wait *w, int64_t wait, int64_t run)
{
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

/* Table t's wait groups as JSON into b. */
static void
agg_wait_json(struct agg_table *t, struct agg_buf *b)
{
	static const double ps[] = {25, 50, 75, 90, 95, 99};
	int64_t q[6];
	struct agg_wait *w;
	size_t i;

	agg_buf_put(b, "[", 1);
	for (i = 0; i < t->n; i++) {
		w = t->groups[i].val;
		stats_percentiles(w->v, w->n, ps, 6, q);
		agg_buf_put(b, "[", 1);
		agg_buf_key(b, t->groups[i].key, 1);
		agg_buf_printf(b, "%zu,%.17g,%lld,%lld,%lld,%lld,%lld,", w->n,
		    (double)w->sum / (double)w->n, (long long)q[1],
		    (long long)q[3], (long long)q[4], (long long)q[5],
		    (long long)w->max);
		if (w->n_expansion > 0)
			agg_buf_printf(b, "%.17g,",
			    w->expansion / (double)w->n_expansion);
		else
			agg_buf_put(b, "null,", 5);
		/* later additions: the quartiles and the least */
		agg_buf_printf(b, "%lld,%lld,%lld],", (long long)q[0],
		    (long long)q[2], (long long)w->min);
	}
	agg_buf_end(b);
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

/* A group's sums (for sizes and efficiency): rows, x values (for the
 * mean and median), and the sum and count of each value. */
#define AGG_STAT_MAX_VALUES 8

struct agg_stat {
	int64_t rows;
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
	void **slot = known ? NULL : &t->null_val;

	if (known && key >= 0 && key < AGG_DIRECT_MAX) {
		if (t->direct == NULL)
			t->direct = xcalloc(AGG_DIRECT_MAX, sizeof(*t->direct));
		slot = &t->direct[key];
	}
	if (slot != NULL && *slot != NULL)
		return *slot;
	t->scratch.len = 0;
	agg_key_put(&t->scratch, &tag, 1);
	if (known)
		agg_key_put(&t->scratch, &key, sizeof(key));
	if (slot == NULL)
		return agg_table_get(t, t->scratch.p, t->scratch.len);
	return *slot = agg_table_get(t, t->scratch.p, t->scratch.len);
}

/* The group of a text key. */
static void *
agg_table_text(struct agg_table *t, const char *s)
{
	unsigned char tag = 1;
	uint32_t len = (uint32_t)strlen(s);

	t->scratch.len = 0;
	agg_key_put(&t->scratch, &tag, 1);
	agg_key_put(&t->scratch, &len, sizeof(len));
	agg_key_put(&t->scratch, s, len);
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
agg_stat_free(void *p)
{
	free(((struct agg_stat *)p)->x);
}

/* Table t's groups as JSON into b: [key, null, rows, nx, x_mean,
 * x_median, s1, n1, ..., sk, nk] (the null: a former least order). */
static void
agg_stat_json(struct agg_table *t, struct agg_buf *b)
{
	struct agg_stat *g;
	size_t i;
	int k;

	agg_buf_put(b, "[", 1);
	for (i = 0; i < t->n; i++) {
		g = t->groups[i].val;
		agg_buf_put(b, "[", 1);
		agg_buf_key(b, t->groups[i].key, 1);
		agg_buf_printf(b, "null,%lld,%zu,", (long long)g->rows, g->nx);
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
	agg_buf_end(b);
}

/* A service level target's runs and longest waits. */
struct agg_worst {
	int64_t wait, user;
	int has_user;
	char *job_id;
};

struct agg_slo {
	struct agg_slo_target t;
	int64_t *v;
	size_t n, cap;
	int64_t within, max;
	struct agg_worst *worst;	/* nworst of at most keep */
	size_t nworst;
};

/* Does (wait, job_id) come before w among the longest waits? */
static int
agg_worst_before(int64_t wait, const char *job_id, const struct agg_worst *w)
{
	return wait > w->wait || (wait == w->wait && strcmp(job_id,
	    w->job_id) < 0);
}

/* Keep the row's run (its job id, user id in column user) among g's
 * keep longest waits. */
static void agg_worst_insert(struct agg_slo *, size_t, int64_t,
    const char *, int64_t, int);

static void
agg_worst_add(struct agg_slo *g, size_t keep, int64_t wait,
    const struct agg_row *row, int user)
{
	const char *id;

	/* most runs wait less than the kept: their job id is not read */
	if (keep == 0 || (g->nworst == keep && wait < g->worst[keep - 1].wait))
		return;
	if ((id = row->job_id(row->src)) == NULL)
		return;
	agg_worst_insert(g, keep, wait, id, row->i[user], row->known[user]);
}

/* Keep (wait, id, user) among g's keep longest waits. */
static void
agg_worst_insert(struct agg_slo *g, size_t keep, int64_t wait,
    const char *id, int64_t user, int has_user)
{
	size_t i;

	if (keep == 0 || (g->nworst == keep && !agg_worst_before(wait, id,
	    &g->worst[keep - 1])))
		return;
	if (g->worst == NULL)
		g->worst = xreallocarray(NULL, keep, sizeof(*g->worst));
	if (g->nworst == keep)
		free(g->worst[--g->nworst].job_id);
	for (i = g->nworst; i > 0 && agg_worst_before(wait, id,
	    &g->worst[i - 1]); i--)
		g->worst[i] = g->worst[i - 1];
	g->worst[i] = (struct agg_worst){wait, user, has_user, xstrdup(id)};
	g->nworst++;
}

static void
agg_slo_count(struct agg_slo *g, int64_t wait)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = xreallocarray(g->v, g->cap, sizeof(*g->v));
	}
	if (g->n == 0 || wait > g->max)
		g->max = wait;
	g->v[g->n++] = wait;
	g->within += wait <= g->t.wait;
}

static void
agg_slo_free(struct agg_slo *g)
{
	size_t k;

	for (k = 0; k < g->nworst; k++)
		free(g->worst[k].job_id);
	free(g->worst);
	free(g->v);
}

/* Target i's JSON into b: [i, n, within, wait, max, [[job_id, user,
 * wait], ...]]. */
static void
agg_slo_json(struct agg_buf *b, size_t i, struct agg_slo *g)
{
	size_t k;

	agg_buf_printf(b, "[%zu,%zu,%lld,%lld,%lld,[", i, g->n,
	    (long long)g->within, (long long)stats_percentile(g->v, g->n,
	    g->t.pct), (long long)g->max);
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

#define AGG_WORST_MAX 1000	/* longest waits kept per target */

/* One reading: its spec and each part's groups.  Where it has both
 * wait parts, the runs are put in the wait groups only, and
 * AGG_PART_WAIT_ALL merges them into one (after AGG_PART_WAIT's JSON,
 * kept in wait_json): a month of waits is not held twice. */
struct agg_reading {
	struct agg_reading_spec spec;
	struct agg_table wait, wait_all, by_size, by_runtime, efficiency;
	struct agg_slo *slo;
	char *wait_json;
};

/* The reading statement's columns (sql/reading.sql); the times are
 * computed into start, end, wait and run (see agg_reading_times()). */
enum {
	COL_SUBMIT, COL_START_DELAY, COL_END_DELAY, COL_KEYS, /* 6 name ids */
	COL_PROCS = COL_KEYS + 6, COL_NODES, COL_GPUS, COL_CORE, COL_GPU_S,
	COL_CPU, COL_USED_MEM, COL_REQ_MEM, COL_REQ_TIME, COL_JOB_ID
};
_Static_assert(COL_JOB_ID == AGG_READING_COLS, "agg_row's columns");

struct agg_reading *
agg_reading_new(const struct agg_reading_spec *spec)
{
	struct agg_reading *r = xcalloc(1, sizeof(*r));
	size_t i;

	r->spec = *spec;
	r->wait.val_size = r->wait_all.val_size = sizeof(struct agg_wait);
	r->by_size.val_size = r->by_runtime.val_size =
	    r->efficiency.val_size = sizeof(struct agg_stat);
	if (spec->nslo > 0) {
		r->slo = xcalloc(spec->nslo, sizeof(*r->slo));
		for (i = 0; i < spec->nslo; i++)
			r->slo[i].t = spec->slo[i];
	}
	r->spec.slo = NULL;
	if (r->spec.worst > AGG_WORST_MAX)
		r->spec.worst = AGG_WORST_MAX;
	return r;
}

struct agg_reading *
agg_reading_like(const struct agg_reading *r)
{
	struct agg_reading_spec spec = r->spec;
	struct agg_slo_target *t = NULL;
	struct agg_reading *like;
	size_t i;

	if (spec.nslo > 0) {
		t = xreallocarray(NULL, spec.nslo, sizeof(*t));
		for (i = 0; i < spec.nslo; i++)
			t[i] = r->slo[i].t;
	}
	spec.slo = t;
	like = agg_reading_new(&spec);
	free(t);
	return like;
}

/* Is column i of sql/reading.sql a double (else an integer)? */
static int
agg_col_is_real(int i)
{
	return i == COL_CORE || i == COL_GPU_S || i == COL_CPU;
}

/* Column i as an integer; *known whether it is not NULL. */
static int64_t
agg_col(const struct agg_row *s, int i, int *known)
{
	*known = s->known[i];
	return *known ? s->i[i] : 0;
}

static double
agg_col_real(const struct agg_row *s, int i, int *known)
{
	*known = s->known[i];
	if (!*known)
		return 0;
	return agg_col_is_real(i) ? s->d[i] : (double)s->i[i];
}

/* The wait group of the row by the spec's key. */
static struct agg_wait *
agg_reading_wait_group(struct agg_reading *r, const struct agg_row *s)
{
	char label[48];
	int64_t v;
	int known;

	if (r->spec.wait_key == AGG_KEY_ALL)
		return agg_table_int(&r->wait, 1, 0);
	if (r->spec.wait_key != AGG_KEY_SIZE) {
		v = agg_col(s, COL_KEYS + r->spec.wait_key, &known);
		return agg_table_int(&r->wait, known, v);
	}
	v = agg_col(s, COL_PROCS, &known);
	if (!known)
		return agg_table_int(&r->wait, 0, 0);
	if (v < 1)
		snprintf(label, sizeof(label), "0");
	else
		stats_size_bucket(v, label, sizeof(label));
	return agg_table_text(&r->wait, label);
}

/* A started run's times, as sql/migrate-4.sql's virtual columns. */
struct agg_times {
	int64_t start, end, wait, run;
	int has_wait;		/* it did not start before its submit */
};

/* A run that started in the window: its wait, its service levels. */
static void
agg_reading_started(struct agg_reading *r, const struct agg_row *s,
    const struct agg_times *t)
{
	int64_t queue;
	int has_queue;
	size_t i;

	if (!t->has_wait)
		return;
	if (r->spec.wait_key >= 0)
		agg_wait_put(agg_reading_wait_group(r, s), t->wait, t->run);
	if (r->spec.wait_all && r->spec.wait_key < 0)
		agg_wait_put(agg_table_int(&r->wait_all, 1, 0), t->wait,
		    t->run);
	queue = agg_col(s, COL_KEYS + 3, &has_queue);
	for (i = 0; has_queue && i < r->spec.nslo; i++)
		if (r->slo[i].t.queue == queue) {
			agg_slo_count(&r->slo[i], t->wait);
			agg_worst_add(&r->slo[i], r->spec.worst, t->wait, s,
			    COL_KEYS);
		}
}

/* A run that ran and ended in the window: its size, run time, and
 * efficiency, each pair only where the source records both. */
static void
agg_reading_ended(struct agg_reading *r, const struct agg_row *s,
    const struct agg_times *t)
{
	static const int eff[6] = {COL_CPU, COL_CORE, COL_USED_MEM,
	    COL_REQ_MEM, -1, COL_REQ_TIME};
	int64_t size, req, key;
	int known, has_req, has[7], i;
	double v[7], ratio;

	req = agg_col(s, COL_REQ_TIME, &has_req);
	has_req = has_req && req > 0;
	ratio = has_req ? (double)t->run / (double)req : 0;
	v[0] = agg_col_real(s, COL_CORE, &has[0]);
	v[1] = agg_col_real(s, COL_GPU_S, &has[1]);
	if (r->spec.size_unit >= 0) {
		size = agg_col(s, COL_PROCS + r->spec.size_unit, &known);
		if (r->spec.size_unit == 2)	/* no GPUs recorded: 0 */
			known = 1;
		agg_stat_add(agg_table_int(&r->by_size, known, size < 1 ? 0 :
		    stats_size_bucket_lo(size)), has_req, ratio, 2, v, has);
		agg_stat_add(agg_table_int(&r->by_runtime, 1,
		    stats_runtime_bucket_lo(t->run)), has_req, ratio, 2, v,
		    has);
	}
	if (r->spec.efficiency_key < 0)
		return;
	for (i = 0; i < 6; i++)
		v[i] = eff[i] < 0 ? (double)t->run : agg_col_real(s, eff[i],
		    &has[i]);
	has[4] = 1;
	v[6] = v[1];
	has[6] = has[1];
	for (i = 0; i < 6; i += 2)	/* both known, the second > 0 */
		has[i] = has[i + 1] = has[i] && has[i + 1] && v[i + 1] > 0;
	key = agg_col(s, COL_KEYS + r->spec.efficiency_key, &known);
	agg_stat_add(agg_table_int(&r->efficiency, known, key), 0, 0, 7, v,
	    has);
}

/* reading_add(reading, columns...): add a row to the reading bound as
 * a pointer (sql/reading.sql); its result is NULL. */
static const char *
agg_value_job_id(const void *src)
{
	sqlite3_value *const *v = src;

	return (const char *)sqlite3_value_text(v[COL_JOB_ID]);
}

static void
agg_reading_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg_reading *r = sqlite3_value_pointer(argv[0],
	    AGG_READING_TYPE);
	struct agg_row row;
	int i;

	(void)ctx;
	if (r == NULL || argc != COL_JOB_ID + 2)
		return;
	for (i = 0; i < COL_JOB_ID; i++) {
		row.known[i] = sqlite3_value_type(argv[i + 1]) != SQLITE_NULL;
		if (!row.known[i])
			continue;
		if (agg_col_is_real(i))
			row.d[i] = sqlite3_value_double(argv[i + 1]);
		else
			row.i[i] = sqlite3_value_int64(argv[i + 1]);
	}
	row.job_id = agg_value_job_id;
	row.src = argv + 1;
	agg_reading_row(r, &row);
}

static void
agg_reading_final(sqlite3_context *ctx)
{
	sqlite3_result_null(ctx);
}

void
agg_reading_row(struct agg_reading *r, const struct agg_row *s)
{
	struct agg_times t;
	int64_t submit, delay, end_delay;
	int known;

	submit = s->i[COL_SUBMIT];
	delay = agg_col(s, COL_START_DELAY, &known);
	if (!known)
		return;		/* never ran: no wait, no size */
	end_delay = s->i[COL_END_DELAY];
	t.start = submit + delay;
	t.end = t.start + end_delay;
	t.has_wait = delay >= 0;
	t.wait = delay;
	t.run = end_delay > 0 ? end_delay : 0;
	if (t.start >= r->spec.from && t.start < r->spec.to)
		agg_reading_started(r, s, &t);
	if (t.end >= r->spec.from && t.end < r->spec.to &&
	    (r->spec.size_unit >= 0 || r->spec.efficiency_key >= 0))
		agg_reading_ended(r, s, &t);
}

static void agg_wait_merge(void *dst, void *src);

char *
agg_reading_json(struct agg_reading *r, enum agg_part part)
{
	struct agg_buf b = {NULL, 0, 0};
	size_t i;

	switch (part) {
	case AGG_PART_WAIT:
		if (r->spec.wait_key < 0)
			return NULL;
		if (r->wait_json == NULL) {
			agg_wait_json(&r->wait, &b);
			agg_buf_put(&b, "", 1);
			r->wait_json = b.p;
		}
		return xstrdup(r->wait_json);
	case AGG_PART_WAIT_ALL:
		if (!r->spec.wait_all)
			return NULL;
		if (r->spec.wait_key >= 0) {
			free(agg_reading_json(r, AGG_PART_WAIT));
			for (i = 0; i < r->wait.n; i++)
				agg_wait_merge(agg_table_int(&r->wait_all, 1,
				    0), r->wait.groups[i].val);
		}
		agg_wait_json(&r->wait_all, &b);
		break;
	case AGG_PART_SIZES:
		if (r->spec.size_unit < 0)
			return NULL;
		agg_buf_put(&b, "[", 1);
		agg_stat_json(&r->by_size, &b);
		agg_buf_put(&b, ",", 1);
		agg_stat_json(&r->by_runtime, &b);
		agg_buf_put(&b, "]", 1);
		break;
	case AGG_PART_EFFICIENCY:
		if (r->spec.efficiency_key < 0)
			return NULL;
		agg_stat_json(&r->efficiency, &b);
		break;
	case AGG_PART_SLO:
		if (r->spec.nslo == 0)
			return NULL;
		agg_buf_put(&b, "[", 1);
		for (i = 0; i < r->spec.nslo; i++)
			if (r->slo[i].n > 0)
				agg_slo_json(&b, i, &r->slo[i]);
		agg_buf_end(&b);
		break;
	}
	agg_buf_put(&b, "", 1);		/* the terminating NUL */
	return b.p;
}

/* Move the n values of *src (capacity *scap) to the end of the array
 * *v of *n (capacity *cap), whichever array has the room, and free the
 * other: a merge holds no copy of both. */
static void
agg_values_move(void **v, size_t *n, size_t *cap, void **src, size_t nsrc,
    size_t *scap, size_t size)
{
	void *t;

	if (*n + nsrc > *cap && *scap >= *n + nsrc) {
		memmove((char *)*src + *n * size, *src, nsrc * size);
		if (*n > 0)
			memcpy(*src, *v, *n * size);
		t = *v, *v = *src, *src = t;
		*cap = *scap;
	} else if (nsrc > 0) {
		if (*n + nsrc > *cap) {
			*cap = *n + nsrc;
			*v = xreallocarray(*v, *cap, size);
		}
		memcpy((char *)*v + *n * size, *src, nsrc * size);
	}
	*n += nsrc;
	free(*src);
	*src = NULL;
	*scap = 0;
}

static void
agg_wait_merge(void *dst, void *src)
{
	struct agg_wait *d = dst, *w = src;
	void *v = d->v, *wv = w->v;

	if (w->n == 0)
		return;
	if (d->n == 0 || w->max > d->max)
		d->max = w->max;
	if (d->n == 0 || w->min < d->min)
		d->min = w->min;
	agg_values_move(&v, &d->n, &d->cap, &wv, w->n, &w->cap,
	    sizeof(*w->v));
	d->v = v;
	w->v = wv;
	w->n = 0;
	d->sum += w->sum;
	d->expansion += w->expansion;
	d->n_expansion += w->n_expansion;
}

static void
agg_stat_merge(void *dst, void *src)
{
	struct agg_stat *d = dst, *g = src;
	void *x = d->x, *gx = g->x;
	int i;

	d->rows += g->rows;
	agg_values_move(&x, &d->nx, &d->capx, &gx, g->nx, &g->capx,
	    sizeof(*g->x));
	d->x = x;
	g->x = gx;
	g->nx = 0;
	d->xsum += g->xsum;
	if (g->nvalues > d->nvalues)
		d->nvalues = g->nvalues;
	for (i = 0; i < g->nvalues; i++) {
		d->sum[i] += g->sum[i];
		d->n[i] += g->n[i];
	}
}

/* Move the groups of src into those of dst, with merge(). */
static void
agg_table_merge(struct agg_table *dst, struct agg_table *src,
    void (*merge)(void *, void *))
{
	size_t i;

	for (i = 0; i < src->n; i++)
		merge(agg_table_get(dst, src->groups[i].key,
		    src->groups[i].key_len), src->groups[i].val);
}

static void
agg_slo_merge(struct agg_slo *d, struct agg_slo *g, size_t keep)
{
	void *v = d->v, *gv = g->v;
	size_t k;

	if (g->n == 0)
		return;
	if (d->n == 0 || g->max > d->max)
		d->max = g->max;
	agg_values_move(&v, &d->n, &d->cap, &gv, g->n, &g->cap,
	    sizeof(*g->v));
	d->v = v;
	g->v = gv;
	g->n = 0;
	d->within += g->within;
	for (k = 0; k < g->nworst; k++)
		agg_worst_insert(d, keep, g->worst[k].wait, g->worst[k].job_id,
		    g->worst[k].user, g->worst[k].has_user);
}

void
agg_reading_merge(struct agg_reading *dst, struct agg_reading *src)
{
	size_t i;

	agg_table_merge(&dst->wait, &src->wait, agg_wait_merge);
	agg_table_merge(&dst->wait_all, &src->wait_all, agg_wait_merge);
	agg_table_merge(&dst->by_size, &src->by_size, agg_stat_merge);
	agg_table_merge(&dst->by_runtime, &src->by_runtime, agg_stat_merge);
	agg_table_merge(&dst->efficiency, &src->efficiency, agg_stat_merge);
	for (i = 0; i < dst->spec.nslo && i < src->spec.nslo; i++)
		agg_slo_merge(&dst->slo[i], &src->slo[i], dst->spec.worst);
	agg_reading_free(src);
}

void
agg_reading_free(struct agg_reading *r)
{
	size_t i;

	if (r == NULL)
		return;
	agg_table_free(&r->wait, agg_wait_free);
	agg_table_free(&r->wait_all, agg_wait_free);
	agg_table_free(&r->by_size, agg_stat_free);
	agg_table_free(&r->by_runtime, agg_stat_free);
	agg_table_free(&r->efficiency, agg_stat_free);
	for (i = 0; i < r->spec.nslo; i++)
		agg_slo_free(&r->slo[i]);
	free(r->slo);
	free(r->wait_json);
	free(r);
}

int
agg_register(sqlite3 *db)
{
	int rc = sqlite3_create_function_v2(db, "multi_extra", -1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, agg_extra_step,
	    agg_extra_final, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "reading_add", COL_JOB_ID +
		    2, SQLITE_UTF8, NULL, NULL, agg_reading_step,
		    agg_reading_final, NULL);
	return rc;
}
