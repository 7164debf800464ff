/*
 * The rollup's cells in memory (see store-cells.h).  A change is split
 * into the day, month and year buckets it touches, the way sql/usage.sql
 * clips a run to a window, so that summing the cells of a window's
 * buckets gives the scan's numbers.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "job.h"
#include "store-cells.h"
#include "timeutil.h"
#include "xalloc.h"

#define NDIMS ROLLUP_NDIMS
#define NLEVELS 4	/* (hour, unused), day, month, year */
#define NVALUES ROLLUP_NVALUES

/* The kinds of names in the names table, in the order of the dimensions
 * of a cell (sql/migrate-3.sql numbers them as store_key does). */
const int rollup_kinds[NDIMS] = {5, 0, 1, 2, 3, 4};

struct rollup_cells {
	struct rollup_cell *cells;	/* open addressing, power of 2 */
	size_t ncells, cap;
	int64_t longest;		/* the longest run applied */
};

static uint64_t
cells_mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * UINT64_C(0x9e3779b97f4a7c15);
	return h ^ (h >> 32);
}

static uint64_t
cells_hash(const struct rollup_key *key)
{
	uint64_t h = cells_mix((uint64_t)key->bucket, key->level);
	int i;

	for (i = 0; i < NDIMS; i += 2)
		h = cells_mix(h, (uint64_t)key->dims[i] << 32 | key->dims[i + 1]);
	return h ^ (h >> 29);
}

struct rollup_cells *
rollup_cells_new(void)
{
	return xcalloc(1, sizeof(struct rollup_cells));
}

void
rollup_cells_free(struct rollup_cells *t)
{
	if (t == NULL)
		return;
	free(t->cells);
	free(t);
}

static void
cells_grow(struct rollup_cells *t)
{
	size_t cap = t->cap != 0 ? t->cap * 2 : 4096, i, j;
	struct rollup_cell *cells = xcalloc(cap, sizeof(*cells));

	for (i = 0; i < t->cap; i++) {
		if (!t->cells[i].used)
			continue;
		j = cells_hash(&t->cells[i].key) & (cap - 1);
		while (cells[j].used)
			j = (j + 1) & (cap - 1);
		cells[j] = t->cells[i];
	}
	free(t->cells);
	t->cells = cells;
	t->cap = cap;
}

/* The cell of key, added empty if new. */
static struct rollup_cell *
cells_get(struct rollup_cells *t, const struct rollup_key *key)
{
	size_t j;

	if ((t->ncells + 1) * 10 > t->cap * 7)
		cells_grow(t);
	j = cells_hash(key) & (t->cap - 1);
	while (t->cells[j].used) {
		if (memcmp(&t->cells[j].key, key, sizeof(*key)) == 0)
			return &t->cells[j];
		j = (j + 1) & (t->cap - 1);
	}
	memset(&t->cells[j], 0, sizeof(t->cells[j]));
	t->cells[j].key = *key;
	t->cells[j].used = 1;
	t->ncells++;
	return &t->cells[j];
}

static int64_t
cells_floor(int64_t t, int64_t unit)
{
	int64_t q = t / unit;

	return (t % unit != 0 && t < 0 ? q - 1 : q) * unit;
}

/* The start of the bucket of level holding t. */
static int64_t
cells_bucket_start(int level, int64_t t)
{
	int64_t y;
	unsigned m, d;

	if (level == 0)
		return cells_floor(t, 3600);
	if (level == 1)
		return cells_floor(t, 86400);
	timeutil_civil_from_days(cells_floor(t, 86400) / 86400, &y, &m, &d);
	return timeutil_days_from_civil(y, level == 2 ? m : 1, 1) * 86400;
}

/* The start of the bucket of level after the one starting at b. */
static int64_t
cells_bucket_next(int level, int64_t b)
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
cells_add(struct rollup_cells *t, const struct rollup_change *c, int sign,
    int level, int64_t b, int64_t overlap, int starts)
{
	struct rollup_key key;
	struct rollup_cell *cell;
	double o = (double)overlap, rt = (double)c->run_time;

	memset(&key, 0, sizeof(key));
	key.bucket = b;
	key.level = (uint32_t)level;
	memcpy(key.dims, c->dims, sizeof(key.dims));
	cell = cells_get(t, &key);
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
rollup_cells_apply(struct rollup_cells *t, const struct rollup_change *c,
    int sign)
{
	int64_t b, next, lo, hi;
	int level;

	if (c->skip)
		return;
	if (c->run_time > t->longest)
		t->longest = c->run_time;
	if (c->run_time > ROLLUP_LONG_RUN)
		return;
	for (level = 1; level < NLEVELS; level++) {
		if (c->run_time == 0) {	/* counted where it ended */
			cells_add(t, c, sign, level,
			    cells_bucket_start(level, c->end), 0, 1);
			continue;
		}
		for (b = cells_bucket_start(level, c->start); b < c->end;
		    b = next) {
			next = cells_bucket_next(level, b);
			lo = b > c->start ? b : c->start;
			hi = next < c->end ? next : c->end;
			cells_add(t, c, sign, level, b, hi - lo,
			    b <= c->start);
		}
	}
}

void
rollup_change_values(const struct rollup_run *run, struct rollup_change *c)
{
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

size_t
rollup_cells_count(const struct rollup_cells *t)
{
	return t->ncells;
}

int64_t
rollup_cells_longest(const struct rollup_cells *t)
{
	return t->longest;
}

static int
cells_key_cmp(const void *a, const void *b)
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
cells_empty(const struct rollup_cell *c)
{
	int i;

	if (c->runs_overlap != 0 || c->runs_start != 0)
		return 0;
	for (i = 0; i < NVALUES; i++)
		if (c->v[i] != 0)
			return 0;
	return 1;
}

const struct rollup_cell *
rollup_cells_sorted(struct rollup_cells *t, size_t *n)
{
	size_t i, k = 0;

	*n = 0;
	if (t->ncells == 0)	/* only long runs changed: no cells */
		return NULL;
	/* Packed to the front: the table is cleared before its next use. */
	for (i = 0; i < t->cap; i++)
		if (t->cells[i].used && !cells_empty(&t->cells[i]))
			t->cells[k++] = t->cells[i];
	for (i = k; i < t->cap; i++)
		t->cells[i].used = 0;
	t->ncells = 0;
	qsort(t->cells, k, sizeof(*t->cells), cells_key_cmp);
	*n = k;
	return t->cells;
}

void
rollup_cells_clear(struct rollup_cells *t)
{
	if (t->cells != NULL)
		memset(t->cells, 0, t->cap * sizeof(*t->cells));
	t->ncells = 0;
	t->longest = 0;
}

/* Place the bucket [b, next) of level in w, on the way up to the largest
 * level or down from it. */
static void
cells_window_add(struct rollup_window *w, int level, int *top, int64_t b,
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
	d1 = -cells_floor(-from, 86400);
	d2 = cells_floor(to, 86400);
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
			if (cells_bucket_start(level, a) == a &&
			    (next = cells_bucket_next(level, a)) <= d2)
				break;
		if (level == 1)
			next = a + 86400;
		if (a == from) {
			w->first_level = level;
			w->first_bucket = a;
		}
		cells_window_add(w, level, &top, a, next);
	}
}
