/*
 * Rollups kept current as job rows change (see store-rollup.h).  A change
 * is split into the hour, day, month and year buckets it touches, the way
 * sql/usage.sql clips a run to a window, so that summing the cells of a
 * window's buckets gives the scan's numbers.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "job.h"
#include "sql/sql.h"
#include "store-rollup.h"
#include "timeutil.h"
#include "xalloc.h"

#define NDIMS ROLLUP_NDIMS	/* cluster, user, group, account, queue, qos */
#define NLEVELS 4	/* (hour, unused), day, month, year */
#define NVALUES 6	/* core, node, gpu, wall, cpu, cpu-core seconds */

/* The kinds of names in the names table, in the order of the dimensions
 * of a cell (sql/migrate-3.sql numbers them as store_key does). */
static const int rollup_kinds[NDIMS] = {5, 0, 1, 2, 3, 4};

struct rollup_key {
	int64_t bucket;
	uint32_t level;
	uint32_t dims[NDIMS];	/* local name indexes, 0: none */
};

struct rollup_cell {
	struct rollup_key key;
	int used;
	int64_t runs_overlap, runs_start;
	double v[NVALUES];
};

struct rollup_name {
	int kind;
	char *name;
	int64_t db_id;		/* 0: not yet looked up in this transaction */
};

struct rollup {
	sqlite3 *db;
	sqlite3_stmt *cell_put, *cell_drop, *name_put, *max_run;
	int64_t longest;		/* the longest run changed */
	struct rollup_cell *cells;	/* open addressing, power of 2 */
	size_t ncells, cap;
	struct rollup_name *names;	/* names[0] unused: no name */
	size_t nnames, names_cap;
	uint32_t *name_slots;		/* hash of names, 0: free */
	size_t name_slots_cap;
};

static uint64_t
rollup_hash(const void *p, size_t len, uint64_t h)
{
	const unsigned char *s = p;

	while (len-- > 0)
		h = (h ^ *s++) * UINT64_C(0x100000001b3);
	return h ^ (h >> 29);
}

static uint64_t
rollup_name_hash(int kind, const char *name)
{
	return rollup_hash(name, strlen(name), UINT64_C(0xcbf29ce484222325) ^
	    (uint64_t)kind);
}

static void
rollup_names_grow(struct rollup *r)
{
	size_t cap = r->name_slots_cap != 0 ? r->name_slots_cap * 2 : 256;
	uint32_t *slots = xcalloc(cap, sizeof(*slots));
	size_t i, j;

	for (i = 1; i < r->nnames; i++) {
		j = rollup_name_hash(r->names[i].kind, r->names[i].name) &
		    (cap - 1);
		while (slots[j] != 0)
			j = (j + 1) & (cap - 1);
		slots[j] = (uint32_t)i;
	}
	free(r->name_slots);
	r->name_slots = slots;
	r->name_slots_cap = cap;
}

/* The local index of name (NULL: 0), added if new. */
static uint32_t
rollup_intern(struct rollup *r, int kind, const char *name)
{
	size_t j;
	uint32_t i;

	if (name == NULL)
		return 0;
	if ((r->nnames + 1) * 2 > r->name_slots_cap)
		rollup_names_grow(r);
	j = rollup_name_hash(kind, name) & (r->name_slots_cap - 1);
	while ((i = r->name_slots[j]) != 0) {
		if (r->names[i].kind == kind &&
		    strcmp(r->names[i].name, name) == 0)
			return i;
		j = (j + 1) & (r->name_slots_cap - 1);
	}
	if (r->nnames == r->names_cap) {
		r->names_cap *= 2;
		r->names = xreallocarray(r->names, r->names_cap,
		    sizeof(*r->names));
	}
	i = (uint32_t)r->nnames++;
	r->names[i].kind = kind;
	r->names[i].name = xstrdup(name);
	r->names[i].db_id = 0;
	r->name_slots[j] = i;
	return i;
}

static void
rollup_cells_grow(struct rollup *r)
{
	size_t cap = r->cap != 0 ? r->cap * 2 : 4096, i, j;
	struct rollup_cell *cells = xcalloc(cap, sizeof(*cells));

	for (i = 0; i < r->cap; i++) {
		if (!r->cells[i].used)
			continue;
		j = rollup_hash(&r->cells[i].key, sizeof(r->cells[i].key),
		    UINT64_C(0xcbf29ce484222325)) & (cap - 1);
		while (cells[j].used)
			j = (j + 1) & (cap - 1);
		cells[j] = r->cells[i];
	}
	free(r->cells);
	r->cells = cells;
	r->cap = cap;
}

/* The cell of key, added empty if new. */
static struct rollup_cell *
rollup_cell(struct rollup *r, const struct rollup_key *key)
{
	size_t j;

	if ((r->ncells + 1) * 10 > r->cap * 7)
		rollup_cells_grow(r);
	j = rollup_hash(key, sizeof(*key), UINT64_C(0xcbf29ce484222325)) &
	    (r->cap - 1);
	while (r->cells[j].used) {
		if (memcmp(&r->cells[j].key, key, sizeof(*key)) == 0)
			return &r->cells[j];
		j = (j + 1) & (r->cap - 1);
	}
	memset(&r->cells[j], 0, sizeof(r->cells[j]));
	r->cells[j].key = *key;
	r->cells[j].used = 1;
	r->ncells++;
	return &r->cells[j];
}

static int64_t
rollup_floor(int64_t t, int64_t unit)
{
	int64_t q = t / unit;

	return (t % unit != 0 && t < 0 ? q - 1 : q) * unit;
}

/* The start of the bucket of level holding t. */
static int64_t
rollup_bucket_start(int level, int64_t t)
{
	int64_t y;
	unsigned m, d;

	if (level == 0)
		return rollup_floor(t, 3600);
	if (level == 1)
		return rollup_floor(t, 86400);
	timeutil_civil_from_days(rollup_floor(t, 86400) / 86400, &y, &m, &d);
	return timeutil_days_from_civil(y, level == 2 ? m : 1, 1) * 86400;
}

/* The start of the bucket of level after the one starting at b. */
static int64_t
rollup_bucket_next(int level, int64_t b)
{
	int64_t y;
	unsigned m, d;

	if (level == 0)
		return b + 3600;
	if (level == 1)
		return b + 86400;
	timeutil_civil_from_days(b / 86400, &y, &m, &d);
	if (level == 3 || m == 12)
		return timeutil_days_from_civil(y + 1, 1, 1) * 86400;
	return timeutil_days_from_civil(y, m + 1, 1) * 86400;
}


static void
rollup_add(struct rollup *r, const struct rollup_change *c, int sign,
    int level, int64_t b, int64_t overlap, int starts)
{
	struct rollup_key key;
	struct rollup_cell *cell;
	double o = (double)overlap, rt = (double)c->run_time;

	memset(&key, 0, sizeof(key));
	key.bucket = b;
	key.level = (uint32_t)level;
	memcpy(key.dims, c->dims, sizeof(key.dims));
	cell = rollup_cell(r, &key);
	cell->runs_overlap += sign;
	cell->runs_start += starts ? sign : 0;
	if (overlap == 0)
		return;
	/* The scan's arithmetic, piece by piece (sql/usage.sql). */
	cell->v[0] += sign * (c->core * o / rt);
	cell->v[1] += sign * (c->nodes * o);
	cell->v[2] += sign * (c->gpu * o / rt);
	cell->v[3] += sign * o;
	if (c->cpu >= 0 && c->core > 0) {
		cell->v[4] += sign * (c->cpu * o / rt);
		cell->v[5] += sign * (c->core * o / rt);
	}
}

void
rollup_apply(struct rollup *r, const struct rollup_change *c, int sign)
{
	int64_t b, next, lo, hi;
	int level;

	if (c->skip)
		return;
	if (c->run_time > r->longest)
		r->longest = c->run_time;
	if (c->run_time > ROLLUP_LONG_RUN)
		return;
	for (level = 1; level < NLEVELS; level++) {
		if (c->run_time == 0) {	/* counted where it ended */
			rollup_add(r, c, sign, level,
			    rollup_bucket_start(level, c->end), 0, 1);
			continue;
		}
		for (b = rollup_bucket_start(level, c->start); b < c->end;
		    b = next) {
			next = rollup_bucket_next(level, b);
			lo = b > c->start ? b : c->start;
			hi = next < c->end ? next : c->end;
			rollup_add(r, c, sign, level, b, hi - lo,
			    b <= c->start);
		}
	}
}

void
rollup_change_of(struct rollup *r, const struct rollup_run *run,
    struct rollup_change *c)
{
	int i;

	for (i = 0; i < NDIMS; i++)
		c->dims[i] = rollup_intern(r, rollup_kinds[i], run->names[i]);
	/* A run without a start is none to the scan either. */
	c->skip = run->run_time < 0 || (run->run_time > 0 && !run->has_start);
	c->start = run->start;
	c->end = run->end;
	c->run_time = run->run_time;
	c->core = run->core_seconds >= 0 ? run->core_seconds : 0;
	c->nodes = isnan(run->nodes) ? 0 : run->nodes;
	c->gpu = run->gpu_seconds >= 0 ? run->gpu_seconds : 0;
	c->cpu = run->cpu_time;
}

static double
rollup_arg_real(sqlite3_value *v)
{
	return sqlite3_value_type(v) == SQLITE_NULL ? -1 :
	    sqlite3_value_double(v);
}

/* rollup_delta(sign, cluster, user, group, account, queue, qos, start,
 * end, run_time, core_seconds, nodes, gpu_seconds, cpu_time). */
static void
rollup_delta_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rollup *r = sqlite3_user_data(ctx);
	struct rollup_run run;
	struct rollup_change c;
	int i;

	(void)argc;
	for (i = 0; i < NDIMS; i++)
		run.names[i] = (const char *)sqlite3_value_text(argv[1 + i]);
	argv += 1 + NDIMS;	/* the values after the names */
	run.has_start = sqlite3_value_type(argv[0]) != SQLITE_NULL;
	run.start = sqlite3_value_int64(argv[0]);
	run.end = sqlite3_value_int64(argv[1]);
	run.run_time = sqlite3_value_int64(argv[2]);
	run.core_seconds = rollup_arg_real(argv[3]);
	run.nodes = sqlite3_value_type(argv[4]) == SQLITE_NULL ? NAN :
	    sqlite3_value_double(argv[4]);
	run.gpu_seconds = rollup_arg_real(argv[5]);
	run.cpu_time = rollup_arg_real(argv[6]);
	argv -= 1 + NDIMS;
	rollup_change_of(r, &run, &c);
	rollup_apply(r, &c, sqlite3_value_int(argv[0]) < 0 ? -1 : 1);
	sqlite3_result_null(ctx);
}

struct rollup *
rollup_open(sqlite3 *db)
{
	struct rollup *r = xcalloc(1, sizeof(*r));

	r->db = db;
	r->names_cap = 64;
	r->nnames = 1;
	r->names = xcalloc(r->names_cap, sizeof(*r->names));
	if (sqlite3_create_function_v2(db, "rollup_delta", 8 + NDIMS, SQLITE_UTF8 |
	    SQLITE_DIRECTONLY, r, rollup_delta_fn, NULL, NULL, NULL) !=
	    SQLITE_OK) {
		rollup_close(r);
		return NULL;
	}
	return r;
}

void
rollup_close(struct rollup *r)
{
	size_t i;

	if (r == NULL)
		return;
	sqlite3_finalize(r->cell_put);
	sqlite3_finalize(r->cell_drop);
	sqlite3_finalize(r->name_put);
	sqlite3_finalize(r->max_run);
	for (i = 1; i < r->nnames; i++)
		free(r->names[i].name);
	free(r->names);
	free(r->name_slots);
	free(r->cells);
	free(r);
}

size_t
rollup_pending(const struct rollup *r)
{
	return r->ncells;
}

static int
rollup_prepare(struct rollup *r)
{
	if (r->cell_put != NULL)
		return 0;
	if (sqlite3_prepare_v2(r->db, sql_rollup_cell, -1, &r->cell_put,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(r->db, sql_rollup_cell_drop, -1, &r->cell_drop,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(r->db, sql_rollup_name, -1, &r->name_put,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(r->db, sql_rollup_max_run, -1, &r->max_run,
	    NULL) != SQLITE_OK)
		return -1;
	return 0;
}

/* The database id of local name i (0 for none), added if new. */
static int64_t
rollup_name_id(struct rollup *r, uint32_t i)
{
	struct rollup_name *n = &r->names[i];
	int rc;

	if (i == 0 || n->db_id != 0)
		return i == 0 ? 0 : n->db_id;
	sqlite3_bind_int(r->name_put, 1, n->kind);
	sqlite3_bind_text(r->name_put, 2, n->name, -1, SQLITE_STATIC);
	rc = sqlite3_step(r->name_put);
	if (rc == SQLITE_ROW)
		n->db_id = sqlite3_column_int64(r->name_put, 0);
	sqlite3_reset(r->name_put);
	return rc == SQLITE_ROW ? n->db_id : -1;
}

int64_t
rollup_name(struct rollup *r, int kind, const char *name)
{
	if (name == NULL)
		return 0;
	if (rollup_prepare(r) != 0)
		return -1;
	return rollup_name_id(r, rollup_intern(r, kind, name));
}

static int
rollup_key_cmp(const void *a, const void *b)
{
	const struct rollup_key *x = &((const struct rollup_cell *)a)->key;
	const struct rollup_key *y = &((const struct rollup_cell *)b)->key;
	int i;

	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	if (x->bucket != y->bucket)
		return x->bucket < y->bucket ? -1 : 1;
	for (i = 0; i < NDIMS; i++)
		if (x->dims[i] != y->dims[i])
			return x->dims[i] < y->dims[i] ? -1 : 1;
	return 0;
}

static int
rollup_cell_empty(const struct rollup_cell *c)
{
	int i;

	if (c->runs_overlap != 0 || c->runs_start != 0)
		return 0;
	for (i = 0; i < NVALUES; i++)
		if (c->v[i] != 0)
			return 0;
	return 1;
}

/* Bind the cell's key to stmt's first parameters; 0 or -1. */
static int
rollup_bind_key(struct rollup *r, sqlite3_stmt *s,
    const struct rollup_cell *c)
{
	int64_t id;
	int i;

	sqlite3_bind_int(s, 1, (int)c->key.level);
	sqlite3_bind_int64(s, 2, c->key.bucket);
	for (i = 0; i < NDIMS; i++) {
		if ((id = rollup_name_id(r, c->key.dims[i])) < 0)
			return -1;
		sqlite3_bind_int64(s, 3 + i, id);
	}
	return 0;
}

static int
rollup_write(struct rollup *r, const struct rollup_cell *c)
{
	int i, rc;

	if (rollup_bind_key(r, r->cell_put, c) != 0)
		return -1;
	sqlite3_bind_int64(r->cell_put, 3 + NDIMS, c->runs_overlap);
	sqlite3_bind_int64(r->cell_put, 4 + NDIMS, c->runs_start);
	for (i = 0; i < NVALUES; i++)
		sqlite3_bind_double(r->cell_put, 5 + NDIMS + i, c->v[i]);
	rc = sqlite3_step(r->cell_put);
	sqlite3_reset(r->cell_put);
	if (rc != SQLITE_DONE)
		return -1;
	if (c->runs_overlap >= 0)
		return 0;
	/* It lost runs: it may have none left. */
	if (rollup_bind_key(r, r->cell_drop, c) != 0)
		return -1;
	rc = sqlite3_step(r->cell_drop);
	sqlite3_reset(r->cell_drop);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
rollup_flush(struct rollup *r)
{
	size_t i, n = 0;
	int rc = 0;

	if (r->ncells == 0 && r->longest == 0)
		return 0;
	if (rollup_prepare(r) != 0)
		return -1;
	sqlite3_bind_int64(r->max_run, 1, r->longest);
	rc = sqlite3_step(r->max_run) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(r->max_run);
	if (r->ncells == 0)	/* only long runs changed: no cells */
		return rc;
	/* In key order: the writes go to neighbouring pages. */
	for (i = 0; i < r->cap; i++)
		if (r->cells[i].used)
			r->cells[n++] = r->cells[i];
	qsort(r->cells, n, sizeof(*r->cells), rollup_key_cmp);
	for (i = 0; i < n && rc == 0; i++)
		if (!rollup_cell_empty(&r->cells[i]))
			rc = rollup_write(r, &r->cells[i]);
	memset(r->cells, 0, r->cap * sizeof(*r->cells));
	r->ncells = 0;
	return rc;
}

void
rollup_discard(struct rollup *r)
{
	size_t i;

	if (r->cells != NULL)
		memset(r->cells, 0, r->cap * sizeof(*r->cells));
	r->ncells = 0;
	r->longest = 0;
	for (i = 1; i < r->nnames; i++)
		r->names[i].db_id = 0;	/* new names went with it */
}

int
rollup_rebuild(struct rollup *r)
{
	sqlite3_stmt *s;
	int64_t lo, max = 0;
	int rc;

	if (sqlite3_exec(r->db, sql_rollup_clear, NULL, NULL, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(r->db, sql_rollup_last_id, -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		max = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(r->db, sql_rollup_backfill, -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	for (lo = 0, rc = 0; lo < max && rc == 0; lo += 100000) {
		sqlite3_bind_int64(s, 1, lo);
		sqlite3_bind_int64(s, 2, lo + 100000);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			;
		sqlite3_reset(s);
		rc = rc == SQLITE_DONE ? rollup_flush(r) : -1;
	}
	sqlite3_finalize(s);
	return rc;
}

/* Place the bucket [b, next) of level in w, on the way up to the largest
 * level or down from it. */
static void
rollup_window_add(struct rollup_window *w, int level, int *top, int64_t b,
    int64_t next)
{
	int slot;

	if (level > *top)
		*top = level;
	slot = level < *top ? 5 - level : level - 1;
	if (w->lo[slot] == w->hi[slot])
		w->lo[slot] = b;
	w->hi[slot] = next;
}

void
rollup_window(int64_t from, int64_t to, struct rollup_window *w)
{
	/* No job time lies outside [JOB_TIME_MIN, JOB_TIME_MAX): an open
	 * end can move to a year boundary beyond. */
	int64_t start = timeutil_days_from_civil(1970, 1, 1) * 86400;
	int64_t end = timeutil_days_from_civil(2101, 1, 1) * 86400;
	int64_t a, d1, d2, next = 0;
	int level, top = 1;

	if (from < start && start <= JOB_TIME_MIN)
		from = start;
	if (to > end && end >= JOB_TIME_MAX)
		to = end;
	memset(w, 0, sizeof(*w));
	w->first_level = -1;
	d1 = -rollup_floor(-from, 86400);
	d2 = rollup_floor(to, 86400);
	if (from >= to)
		return;
	if (d1 >= d2) {		/* no whole day: scan it all */
		w->edge_lo[0] = from;
		w->edge_hi[0] = to;
		return;
	}
	w->edge_lo[0] = from;
	w->edge_hi[0] = d1;
	w->edge_lo[1] = d2;
	w->edge_hi[1] = to;
	for (a = d1; a < d2; a = next) {
		for (level = NLEVELS - 1; level > 1; level--)
			if (rollup_bucket_start(level, a) == a &&
			    (next = rollup_bucket_next(level, a)) <= d2)
				break;
		if (level == 1)
			next = a + 86400;
		if (a == from) {
			w->first_level = level;
			w->first_bucket = a;
		}
		rollup_window_add(w, level, &top, a, next);
	}
}

void
rollup_bind_window(sqlite3_stmt *stmt, int first,
    const struct rollup_window *w)
{
	int i;

	for (i = 0; i < 5; i++) {
		sqlite3_bind_int64(stmt, first + 2 * i, w->lo[i]);
		sqlite3_bind_int64(stmt, first + 2 * i + 1, w->hi[i]);
	}
	sqlite3_bind_int(stmt, first + 10, w->first_level);
	sqlite3_bind_int64(stmt, first + 11, w->first_bucket);
	for (i = 0; i < 2; i++) {
		sqlite3_bind_int64(stmt, first + 12 + 2 * i, w->edge_lo[i]);
		sqlite3_bind_int64(stmt, first + 13 + 2 * i, w->edge_hi[i]);
	}
}
