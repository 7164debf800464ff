/*
 * The SQLite store's rollup (see store-rollup.h): its names, the cells
 * (store-cells.c) written to the rollup table, the SQL function
 * rollup_delta() and the rebuild from the job rows.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sql/sql.h"
#include "store-rollup.h"
#include "xalloc.h"

#define NDIMS ROLLUP_NDIMS	/* cluster, user, group, account, queue, qos */

struct rollup_name {
	int kind;
	char *name;
	int64_t db_id;		/* 0: not yet looked up in this transaction */
};

struct rollup {
	sqlite3 *db;
	sqlite3_stmt *cell_put, *cell_drop, *name_put, *max_run;
	struct rollup_cells *cells;
	struct rollup_name *names;	/* names[0] unused: no name */
	size_t nnames, names_cap;
	uint32_t *name_slots;		/* hash of names, 0: free */
	size_t name_slots_cap;
};

static uint64_t
rollup_name_hash(int kind, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ (uint64_t)kind;

	while (*s != 0)
		h = (h ^ *s++) * UINT64_C(0x100000001b3);
	return h ^ (h >> 29);
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

void
rollup_apply(struct rollup *r, const struct rollup_change *c, int sign)
{
	rollup_cells_apply(r->cells, c, sign);
}

void
rollup_change_of(struct rollup *r, const char *const names[ROLLUP_NDIMS],
    const struct rollup_run *run, struct rollup_change *c)
{
	int i;

	for (i = 0; i < NDIMS; i++)
		c->dims[i] = rollup_intern(r, rollup_kinds[i], names[i]);
	rollup_change_values(run, c);
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
	const char *names[NDIMS];
	struct rollup_run run;
	struct rollup_change c;
	int i;

	(void)argc;
	for (i = 0; i < NDIMS; i++)
		names[i] = (const char *)sqlite3_value_text(argv[1 + i]);
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
	rollup_change_of(r, names, &run, &c);
	rollup_apply(r, &c, sqlite3_value_int(argv[0]) < 0 ? -1 : 1);
	sqlite3_result_null(ctx);
}

struct rollup *
rollup_open(sqlite3 *db)
{
	struct rollup *r = xcalloc(1, sizeof(*r));

	r->db = db;
	r->cells = rollup_cells_new();
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
	rollup_cells_free(r->cells);
	free(r);
}

size_t
rollup_pending(const struct rollup *r)
{
	return rollup_cells_count(r->cells);
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
	for (i = 0; i < ROLLUP_NVALUES; i++)
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
	const struct rollup_cell *cells;
	int64_t longest = rollup_cells_longest(r->cells);
	size_t i, n;
	int rc = 0;

	if (rollup_cells_count(r->cells) == 0 && longest == 0)
		return 0;
	if (rollup_prepare(r) != 0)
		return -1;
	sqlite3_bind_int64(r->max_run, 1, longest);
	rc = sqlite3_step(r->max_run) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(r->max_run);
	/* In key order: the writes go to neighbouring pages. */
	cells = rollup_cells_sorted(r->cells, &n);
	for (i = 0; i < n && rc == 0; i++)
		rc = rollup_write(r, &cells[i]);
	rollup_cells_clear(r->cells);
	return rc;
}

void
rollup_discard(struct rollup *r)
{
	size_t i;

	rollup_cells_clear(r->cells);
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
