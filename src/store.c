/*
 * SQLite implementation of the job store.  The database is created with
 * mode 0600 (it names users), runs in WAL mode with a busy timeout so that
 * reports can read while cron ingests, and is migrated step by step from
 * its PRAGMA user_version to STORE_SCHEMA_VERSION.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <json.h>
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sql/sql.h"
#include "stats.h"
#include "store-ingest.h"
#include "store-agg.h"
#include "store-pg.h"
#include "store-rollup.h"
#include "store.h"
#include "xalloc.h"

/* A reading of a database of at least this many job rows is split
 * between two threads (read_rows_into()). */
#define READ_SPLIT_ROWS 100000

/* How long a writer waits for another to finish (store_set_lock_timeout). */
#define LOCK_TIMEOUT_MS (10 * 60 * 1000)

struct store {
	struct pgstore *pg;	/* a PostgreSQL database (src/store-pg.c) */
	sqlite3 *db;
	sqlite3 *helper;	/* reads half of a split reading */
	int64_t read_split;	/* store_set_read_split() */
	char *path;
	int lock_timeout_ms;
	int lazy;		/* store_begin_lazy(): begin on the first write */
	int failed;		/* a call failed since store_begin() */
	char errbuf[768];
	struct rollup *rollup;
	sqlite3_stmt *update;
	sqlite3_stmt *insert;
	sqlite3_stmt *usage[2];	/* scan, rollup: prepared on first use */
	sqlite3_stmt *get;	/* an incarnation, for the rollup */
	sqlite3_stmt *multi;
	int multi_seen;		/* the last insert found another incarnation */
	sqlite3_stmt *file_get;
	sqlite3_stmt *file_put;
	sqlite3_stmt *pending_get;
	sqlite3_stmt *pending_queue;
	sqlite3_stmt *pending_start;
	sqlite3_stmt *pending_drop;
	sqlite3_stmt *facts_put;
	sqlite3_stmt *facts_get;
	sqlite3_stmt *pod_put;
	sqlite3_stmt *pods_summary;
	sqlite3_stmt *first_get, *first_put;	/* users' first jobs */
	int64_t *first;		/* by user id: 0 unread, INT64_MAX none */
	size_t nfirst;
	struct store_ahead *ahead;	/* store_read_ahead()'s reading */
	/* store_span()'s answer outside transactions (a report asks it per
	 * query; it costs a range of the jobs_begin index): 1 found, 0 no
	 * job, -1 not asked since the last transaction of this handle */
	int span_found;
	int64_t span_first, span_last;
};

/* A failed call: remembered for store_failed(); returns -1. */
static int
fail(struct store *st)
{
	st->failed = 1;
	return -1;
}

/* Column i of a row: text (NULL), integer (JOB_UNSET for NULL, or 0),
 * real (-1 for NULL, or 0). */
static const char *
cols_text(const struct store_cols *c, int i)
{
	return c->is_null(c->src, i) ? NULL : c->text(c->src, i);
}

static int64_t
cols_int(const struct store_cols *c, int i)
{
	return c->is_null(c->src, i) ? JOB_UNSET : c->integer(c->src, i);
}

static int64_t
cols_n(const struct store_cols *c, int i)
{
	return c->is_null(c->src, i) ? 0 : c->integer(c->src, i);
}

static double
cols_real(const struct store_cols *c, int i)
{
	return c->is_null(c->src, i) ? -1 : c->real(c->src, i);
}

static double
cols_zero(const struct store_cols *c, int i)
{
	return c->is_null(c->src, i) ? 0 : c->real(c->src, i);
}

/* The columns of a SQLite statement's row as struct store_cols. */
static int
sq_is_null(const void *src, int i)
{
	return sqlite3_column_type((sqlite3_stmt *)src, i) == SQLITE_NULL;
}

static int64_t
sq_integer(const void *src, int i)
{
	return sqlite3_column_int64((sqlite3_stmt *)src, i);
}

static double
sq_real(const void *src, int i)
{
	return sqlite3_column_double((sqlite3_stmt *)src, i);
}

static const char *
sq_text(const void *src, int i)
{
	return (const char *)sqlite3_column_text((sqlite3_stmt *)src, i);
}

/* The first column of a row as an integer into *(int64_t *)arg. */
static int
conv_first_int(const struct store_cols *c, void *arg)
{
	*(int64_t *)arg = cols_int(c, 0);
	return 0;
}

/* A PostgreSQL store call's result, noting a failure. */
static int64_t
pg_rc(struct store *st, int64_t rc)
{
	if (rc < 0)
		st->failed = 1;
	return rc;
}

/* Schema steps: steps[v] takes a database from version v to v + 1. */
static const char *const migrations[STORE_SCHEMA_VERSION] = {
	sql_schema,
	sql_migrate_2,
	sql_migrate_3,
	sql_migrate_4,
	sql_migrate_5,
};

const char *
store_errmsg(struct store *st)
{
	if (st->pg != NULL)
		return pgstore_errmsg(st->pg);
	int code = sqlite3_errcode(st->db);

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		snprintf(st->errbuf, sizeof(st->errbuf), "%s is locked by "
		    "another writer (waited %d s; see --lock-timeout)",
		    st->path, st->lock_timeout_ms / 1000);
	else if (code == SQLITE_FULL)
		snprintf(st->errbuf, sizeof(st->errbuf), "%s: disk full "
		    "(%s)", st->path, sqlite3_errmsg(st->db));
	else
		snprintf(st->errbuf, sizeof(st->errbuf), "%s: %s", st->path,
		    sqlite3_errmsg(st->db));
	return st->errbuf;
}

void
store_set_lock_timeout(struct store *st, int ms)
{
	if (st->pg != NULL) {
		pgstore_set_lock_timeout(st->pg, ms);
		return;
	}
	st->lock_timeout_ms = ms;
	sqlite3_busy_timeout(st->db, ms);
}

static int
exec(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ?
	    0 : -1;
}

static int
user_version(struct store *st, int *version)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt,
	    NULL) != SQLITE_OK)
		return fail(st);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Whether the rollup is built (see sql/rollup_state.sql): 1, 0 or -1. */
static int
rollup_built(struct store *st)
{
	sqlite3_stmt *stmt;
	int rc, n = 0;

	if (sqlite3_prepare_v2(st->db, sql_rollup_state, -1, &stmt, NULL) !=
	    SQLITE_OK)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? n > 0 : -1;
}

static int
migrate(struct store *st, char *err, size_t errsize)
{
	char pragma[64];
	int version;

	/* Only a migration takes the write lock: a report must be able to
	 * open the database while an ingest holds it. */
	if (user_version(st, &version) == 0 &&
	    version == STORE_SCHEMA_VERSION && rollup_built(st) == 1)
		return 0;
	if (exec(st, "BEGIN IMMEDIATE") != 0 || user_version(st, &version) != 0)
		goto error;
	if (version > STORE_SCHEMA_VERSION) {
		exec(st, "ROLLBACK");
		snprintf(err, errsize, "database schema version %d is newer "
		    "than this hpcacct (%d)", version, STORE_SCHEMA_VERSION);
		return -1;
	}
	for (; version < STORE_SCHEMA_VERSION; version++)
		if (exec(st, migrations[version]) != 0)
			goto error;
	/* Version 3 brought the rollup; build it from the jobs there are
	 * (and again where rollup_meta was emptied). */
	if (rollup_built(st) != 1 && rollup_rebuild(st->rollup) != 0)
		goto error;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", version);
	if (exec(st, pragma) != 0 || rollup_flush(st->rollup) != 0 ||
	    exec(st, "COMMIT") != 0)
		goto error;
	return 0;
error:
	snprintf(err, errsize, "cannot set up the schema: %s",
	    store_errmsg(st));
	rollup_discard(st->rollup);
	exec(st, "ROLLBACK");
	return -1;
}

static int
create_private(const char *path, char *err, size_t errsize)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

static int
prepare(struct store *st, sqlite3_stmt **stmt, const char *sql)
{
	return sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    stmt, NULL) == SQLITE_OK ? 0 : -1;
}

/* size_bucket(n): "1", "2", "3-4", "5-8", ... ("0" below 1). */
static void
size_bucket_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char label[48];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (sqlite3_value_int64(argv[0]) < 1)	/* no GPUs */
		snprintf(label, sizeof(label), "0");
	else
		stats_size_bucket(sqlite3_value_int64(argv[0]), label,
		    sizeof(label));
	sqlite3_result_text(ctx, label, -1, SQLITE_TRANSIENT);
}

/* size_bucket_lo(n): the least size of n's bucket (0 below 1). */
static void
size_bucket_lo_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else if (sqlite3_value_int64(argv[0]) < 1)
		sqlite3_result_int(ctx, 0);
	else
		sqlite3_result_int64(ctx, stats_size_bucket_lo(
		    sqlite3_value_int64(argv[0])));
}

/* runtime_bucket_lo(seconds): the least run time of its bucket. */
static void
runtime_bucket_lo_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int64(ctx, stats_runtime_bucket_lo(
		    sqlite3_value_int64(argv[0])));
}

/* runtime_bucket(seconds): "<1min", "1-10min", ... ">24h". */
static void
runtime_bucket_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, stats_runtime_bucket(
		    sqlite3_value_int64(argv[0])), -1, SQLITE_STATIC);
}

/* job_multi_seen(x): x, noted for store_put_job() (sql/job_insert.sql). */
static void
multi_seen_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);

	(void)argc;
	st->multi_seen = sqlite3_value_int(argv[0]) != 0;
	sqlite3_result_int(ctx, st->multi_seen);
}

static int
add_functions(struct store *st)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	return agg_register(st->db) == SQLITE_OK &&
	    sqlite3_create_function_v2(st->db, "size_bucket", 1, flags, NULL,
	    size_bucket_fn, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_create_function_v2(st->db, "runtime_bucket", 1, flags,
	    NULL, runtime_bucket_fn, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_create_function_v2(st->db, "size_bucket_lo", 1, flags,
	    NULL, size_bucket_lo_fn, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_create_function_v2(st->db, "runtime_bucket_lo", 1, flags,
	    NULL, runtime_bucket_lo_fn, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_create_function_v2(st->db, "job_multi_seen", 1,
	    SQLITE_UTF8 | SQLITE_DIRECTONLY, st, multi_seen_fn, NULL, NULL,
	    NULL) == SQLITE_OK ? 0 : fail(st);
}

static int
configure(struct store *st, enum store_open_mode mode, char *err,
    size_t errsize)
{
	store_set_lock_timeout(st, LOCK_TIMEOUT_MS);
	if (exec(st, "PRAGMA journal_mode = WAL") != 0 ||
	    exec(st, "PRAGMA synchronous = NORMAL") != 0) {
		snprintf(err, errsize, "%s", store_errmsg(st));
		return -1;
	}
	if (add_functions(st) != 0 ||
	    (st->rollup = rollup_open(st->db)) == NULL) {
		snprintf(err, errsize, "%s", store_errmsg(st));
		return -1;
	}
	/* A migration rewrites whole tables: its temporary data goes to
	 * files (in memory, moving 1.5M job rows took 370 MB). */
	if (migrate(st, err, errsize) != 0)
		return -1;
	/* Ingest keeps its temporary data in memory (10% faster); a reader's
	 * big sorts (the SWF export in submit order, a scan grouped by key)
	 * spill to files, so that its memory stays flat (360 MB for the
	 * SWF file of 1.5M runs in memory, 10 MB in files). */
	if (exec(st, mode == STORE_OPEN_CREATE ? "PRAGMA temp_store = MEMORY" :
	    "PRAGMA temp_store = FILE") != 0) {
		snprintf(err, errsize, "%s", store_errmsg(st));
		return -1;
	}
	if (prepare(st, &st->update, sql_job_update) != 0 ||
	    prepare(st, &st->insert, sql_job_insert) != 0 ||
	    prepare(st, &st->get, sql_job_get) != 0 ||
	    prepare(st, &st->multi, sql_job_multi) != 0 ||
	    prepare(st, &st->first_get, sql_user_first_get) != 0 ||
	    prepare(st, &st->first_put, sql_user_first_put) != 0 ||
	    prepare(st, &st->file_get, sql_file_get) != 0 ||
	    prepare(st, &st->file_put, sql_file_put) != 0 ||
	    prepare(st, &st->pending_get, sql_pending_get) != 0 ||
	    prepare(st, &st->pending_queue, sql_pending_queue) != 0 ||
	    prepare(st, &st->pending_start, sql_pending_start) != 0 ||
	    prepare(st, &st->pending_drop, sql_pending_drop) != 0 ||
	    prepare(st, &st->facts_put, sql_k8s_job_put) != 0 ||
	    prepare(st, &st->facts_get, sql_k8s_job_get) != 0 ||
	    prepare(st, &st->pod_put, sql_k8s_pod_put) != 0 ||
	    prepare(st, &st->pods_summary, sql_k8s_pods_summary) != 0) {
		snprintf(err, errsize, "cannot prepare statements: %s",
		    store_errmsg(st));
		return -1;
	}
	return 0;
}

int
store_put_outcomes(struct store *st, int64_t n[3])
{
	if (st->pg != NULL)
		return (int)pg_rc(st, pgstore_put_outcomes(st->pg, n));
	return 0;	/* SQLite's puts say their outcome at once */
}

int
store_is_server(const char *path)
{
	return pgstore_is_uri(path);
}

struct store *
store_open(const char *path, enum store_open_mode mode, char *err,
    size_t errsize)
{
	struct store *st;

	if (pgstore_is_uri(path)) {
		st = xcalloc(1, sizeof(*st));
		st->path = xstrdup(path);
		if ((st->pg = pgstore_open(path, mode, err, errsize)) == NULL) {
			store_close(st);
			return NULL;
		}
		return st;
	}
	if (mode == STORE_OPEN_EXISTING && access(path, F_OK) != 0) {
		snprintf(err, errsize, "no database at %s (run 'hpcacct "
		    "ingest' first, or give --db)", path);
		return NULL;
	}
	if (mode == STORE_OPEN_CREATE && strcmp(path, ":memory:") != 0 &&
	    create_private(path, err, errsize))
		return NULL;
	/* No allocation statistics (a global mutex around every malloc);
	 * refused, harmlessly, once SQLite is initialized. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	st = xcalloc(1, sizeof(*st));
	st->read_split = READ_SPLIT_ROWS;
	st->span_found = -1;
	st->path = xstrdup(path);
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX |
	    (strcmp(path, ":memory:") == 0 ? SQLITE_OPEN_MEMORY : 0), NULL) !=
	    SQLITE_OK) {
		snprintf(err, errsize, "%s: %s", path, st->db != NULL ?
		    sqlite3_errmsg(st->db) : "cannot open");
		store_close(st);
		return NULL;
	}
	if (configure(st, mode, err, errsize) != 0) {
		store_close(st);
		return NULL;
	}
	return st;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->update);
	sqlite3_finalize(st->insert);
	sqlite3_finalize(st->usage[0]);
	sqlite3_finalize(st->usage[1]);
	sqlite3_finalize(st->get);
	sqlite3_finalize(st->multi);
	sqlite3_finalize(st->first_get);
	sqlite3_finalize(st->first_put);
	free(st->first);
	sqlite3_finalize(st->file_get);
	sqlite3_finalize(st->file_put);
	sqlite3_finalize(st->pending_get);
	sqlite3_finalize(st->pending_queue);
	sqlite3_finalize(st->pending_start);
	sqlite3_finalize(st->pending_drop);
	sqlite3_finalize(st->facts_put);
	sqlite3_finalize(st->facts_get);
	sqlite3_finalize(st->pod_put);
	sqlite3_finalize(st->pods_summary);
	rollup_close(st->rollup);
	store_read_ahead_drop(st);
	pgstore_close(st->pg);
	sqlite3_close(st->helper);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

int
store_begin(struct store *st)
{
	if (st->pg != NULL) {
		st->failed = 0;
		return pg_rc(st, pgstore_begin(st->pg));
	}
	st->lazy = st->failed = 0;
	st->span_found = -1;
	return exec(st, "BEGIN IMMEDIATE") == 0 ? 0 : fail(st);
}

void
store_begin_lazy(struct store *st)
{
	if (st->pg != NULL) {
		st->failed = 0;
		pgstore_begin_lazy(st->pg);
		return;
	}
	st->lazy = 1;
	st->span_found = -1;
	st->failed = 0;
}

int
store_failed(struct store *st)
{
	return st->failed;
}

/* Before a write: a lazy transaction takes the write lock now. */
static int
write_begin(struct store *st)
{
	st->span_found = -1;
	if (!st->lazy || !sqlite3_get_autocommit(st->db))
		return 0;
	return exec(st, "BEGIN IMMEDIATE") == 0 ? 0 : fail(st);
}

int
store_in_transaction(struct store *st)
{
	if (st->pg != NULL)
		return pgstore_in_transaction(st->pg);
	return !sqlite3_get_autocommit(st->db);
}

int
store_commit(struct store *st)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_commit(st->pg));
	if (sqlite3_get_autocommit(st->db))
		return 0;	/* a lazy transaction that wrote nothing */
	if (rollup_flush(st->rollup) != 0)
		return fail(st);
	return exec(st, "COMMIT") == 0 ? 0 : fail(st);
}

/* Forget the cached first submits (a rollback, or forget). */
static void
store_first_forget(struct store *st)
{
	if (st->first != NULL)
		memset(st->first, 0, st->nfirst * sizeof(*st->first));
}

void
store_rollback(struct store *st)
{
	if (st->pg != NULL) {
		pgstore_rollback(st->pg);
		return;
	}
	st->lazy = 0;
	rollup_discard(st->rollup);
	store_first_forget(st);
	if (!sqlite3_get_autocommit(st->db))
		exec(st, "ROLLBACK");
}

static void
bind_int(sqlite3_stmt *stmt, int i, int64_t v)
{
	if (v == JOB_UNSET)
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_int64(stmt, i, v);
}

static void
bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
}

static int64_t
column_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? JOB_UNSET :
	    sqlite3_column_int64(s, i);
}

/* Run a statement that returns no rows, then reset it; 0 or -1. */
static int
step_done(struct store *st, sqlite3_stmt *stmt)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return rc == SQLITE_DONE ? 0 : fail(st);
}

static void
bind_real(sqlite3_stmt *stmt, int i, double v)
{
	if (v < 0)
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_double(stmt, i, v);
}

static const char *
column_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static double
column_real(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 :
	    sqlite3_column_double(s, i);
}

static void
column_copy(sqlite3_stmt *s, int i, char *dst, size_t size)
{
	const char *v = (const char *)sqlite3_column_text(s, i);

	snprintf(dst, size, "%s", v != NULL ? v : "");
}

/*
 * Step a bound statement that gives at most one row, reading it with
 * read(), then reset it.  Returns 1 (a row), 0 (none) or -1.
 */
static int
step_row(struct store *st, sqlite3_stmt *s,
    void (*read)(sqlite3_stmt *, void *), void *out)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		read(s, out);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : fail(st);
}

int64_t
store_run_begin(struct store *st, const char *input, const char *format,
    int64_t now)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_run_begin(st->pg, input, format, now));
	sqlite3_stmt *stmt;
	int64_t id = -1;

	if (write_begin(st) != 0 ||
	    sqlite3_prepare_v2(st->db, sql_run_begin, -1, &stmt, NULL) !=
	    SQLITE_OK)
		return fail(st);
	sqlite3_bind_int64(stmt, 1, now);
	bind_text(stmt, 2, input);
	bind_text(stmt, 3, format);
	if (sqlite3_step(stmt) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(stmt);
	return id >= 0 ? id : fail(st);
}

int
store_run_finish(struct store *st, int64_t run,
    const struct store_run_counts *c, int64_t now)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_run_finish(st->pg, run, c, now));
	sqlite3_stmt *stmt;

	if (write_begin(st) != 0 ||
	    sqlite3_prepare_v2(st->db, sql_run_finish, -1, &stmt, NULL) !=
	    SQLITE_OK)
		return fail(st);
	sqlite3_bind_int64(stmt, 1, run);
	sqlite3_bind_int64(stmt, 2, now);
	sqlite3_bind_int64(stmt, 3, c->read);
	sqlite3_bind_int64(stmt, 4, c->new_jobs);
	sqlite3_bind_int64(stmt, 5, c->updated);
	sqlite3_bind_int64(stmt, 6, c->unchanged);
	sqlite3_bind_int64(stmt, 7, c->skipped);
	sqlite3_bind_int64(stmt, 8, c->rejected);
	sqlite3_bind_int64(stmt, 9, c->warnings);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		sqlite3_finalize(stmt);
		return fail(st);
	}
	return sqlite3_finalize(stmt) == SQLITE_OK ? 0 : fail(st);
}

/* Bind name of kind as its id in names (NULL stays NULL): 0 or -1. */
static int
bind_name(struct store *st, sqlite3_stmt *s, int i, int kind,
    const char *name)
{
	int64_t id = rollup_name(st->rollup, kind, name);

	if (id < 0)
		return fail(st);
	if (id == 0)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, id);
	return 0;
}

/* Bind job to sql/job_insert.sql's parameters (and job_update.sql's):
 * 0 or -1. */
static int
bind_job(struct store *st, sqlite3_stmt *s, const struct job *j,
    int64_t run)
{
	if (bind_name(st, s, 1, STORE_KEY_CLUSTER, j->cluster) != 0 ||
	    bind_name(st, s, 23, ROLLUP_KIND_STATE, j->state) != 0 ||
	    bind_name(st, s, 24, ROLLUP_KIND_RAW_STATE, j->raw_state) != 0 ||
	    bind_name(st, s, 27, STORE_KEY_USER, j->user) != 0 ||
	    bind_name(st, s, 29, STORE_KEY_GROUP, j->group) != 0 ||
	    bind_name(st, s, 31, STORE_KEY_ACCOUNT, j->account) != 0 ||
	    bind_name(st, s, 32, STORE_KEY_QUEUE, j->queue) != 0 ||
	    bind_name(st, s, 33, STORE_KEY_QOS, j->qos) != 0 ||
	    bind_name(st, s, 34, ROLLUP_KIND_JOB_NAME, j->job_name) != 0 ||
	    bind_name(st, s, 35, ROLLUP_KIND_SOURCE_FILE, j->source_file) != 0)
		return -1;
	bind_text(s, 2, j->job_id);
	bind_int(s, 3, j->submit);
	bind_int(s, 4, j->run_number);
	bind_text(s, 5, j->source_format);
	bind_text(s, 6, j->array_job_id);
	bind_int(s, 7, j->array_index);
	bind_int(s, 8, j->eligible);
	bind_int(s, 9, j->start);
	bind_int(s, 10, j->end);
	bind_int(s, 11, j->wait_time);
	bind_int(s, 12, j->run_time);
	bind_int(s, 13, j->alloc_procs);
	bind_int(s, 14, j->req_procs);
	bind_real(s, 15, j->core_seconds);
	bind_real(s, 16, j->cpu_time);
	bind_int(s, 17, j->used_mem_kb);
	bind_int(s, 18, j->req_time);
	bind_int(s, 19, j->req_mem_kb);
	bind_int(s, 20, j->nodes);
	bind_int(s, 21, j->gpus);
	sqlite3_bind_int(s, 22, j->status);
	bind_int(s, 25, j->exit_code);
	bind_int(s, 26, j->exit_signal);
	bind_int(s, 28, j->uid);
	bind_int(s, 30, j->gid);
	bind_int(s, 36, j->source_line);
	bind_int(s, 37, run);
	bind_real(s, 38, j->gpu_seconds);
	return 0;
}

/* What the rollup takes from job, as bind_job() stores it. */
static void
job_rollup_run(const struct job *j, struct rollup_run *run)
{
	run->has_start = j->start != JOB_UNSET;
	run->start = j->start;
	run->end = j->end;
	run->run_time = j->run_time;
	run->core_seconds = j->core_seconds;
	run->gpu_seconds = j->gpu_seconds;
	run->cpu_time = j->cpu_time;
	run->nodes = j->nodes == JOB_UNSET ? NAN : (double)j->nodes;
}

/*
 * The rollup's view of the stored incarnation job is (sql/job_get.sql)
 * in *c: 1, 0 if there is none, or -1.
 */
static int
store_job_get(struct store *st, const struct job *job,
    struct rollup_change *c)
{
	sqlite3_stmt *s = st->get;
	const char *names[ROLLUP_NDIMS];
	struct rollup_run run;
	int i, rc;

	if (bind_name(st, s, 1, STORE_KEY_CLUSTER, job->cluster) != 0)
		return -1;
	bind_text(s, 2, job->job_id);
	bind_int(s, 3, job->submit);
	bind_int(s, 4, job->run_number);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (i = 0; i < ROLLUP_NDIMS; i++)
			names[i] = column_text(s, i);
		run.has_start = sqlite3_column_type(s, 6) != SQLITE_NULL;
		run.start = sqlite3_column_int64(s, 6);
		run.end = sqlite3_column_int64(s, 7);
		run.run_time = sqlite3_column_int64(s, 8);
		run.core_seconds = column_real(s, 9);
		run.nodes = sqlite3_column_type(s, 10) == SQLITE_NULL ? NAN :
		    sqlite3_column_double(s, 10);
		run.gpu_seconds = column_real(s, 11);
		run.cpu_time = column_real(s, 12);
		rollup_change_of(st->rollup, names, &run, c);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : fail(st);
}

/* Step a bound job statement; the rows it changed (0 or 1), or -1. */
static int
store_job_step(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return fail(st);
	return sqlite3_changes(st->db);
}

/* Update the stored incarnation job is with it, keeping the rollup
 * current. */
static enum store_put
store_job_update(struct store *st, const struct job *job, int64_t run)
{
	struct rollup_change old, now;
	int changed;

	if (store_job_get(st, job, &old) != 1)
		return STORE_PUT_ERROR;
	if (bind_job(st, st->update, job, run) != 0)
		return STORE_PUT_ERROR;
	if ((changed = store_job_step(st, st->update)) <= 0)
		return changed == 0 ? STORE_PUT_UNCHANGED : STORE_PUT_ERROR;
	/* The update merged old and new values: read the result. */
	if (store_job_get(st, job, &now) != 1)
		return STORE_PUT_ERROR;
	rollup_apply(st->rollup, &old, -1);
	rollup_apply(st->rollup, &now, 1);
	return STORE_PUT_UPDATED;
}

/* The first submit stored for user id uid (INT64_MAX: none), or -1. */
static int64_t
store_first_get(struct store *st, int64_t uid)
{
	size_t n = st->nfirst;
	int rc;

	if ((size_t)uid >= n) {
		st->nfirst = (size_t)uid * 2 + 64;
		st->first = xreallocarray(st->first, st->nfirst,
		    sizeof(*st->first));
		memset(st->first + n, 0, (st->nfirst - n) * sizeof(*st->first));
	}
	if (st->first[uid] != 0)
		return st->first[uid];
	sqlite3_bind_int64(st->first_get, 1, uid);
	rc = sqlite3_step(st->first_get);
	st->first[uid] = rc == SQLITE_ROW ?
	    sqlite3_column_int64(st->first_get, 0) : INT64_MAX;
	sqlite3_reset(st->first_get);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? st->first[uid] :
	    fail(st);
}

/* Keep user_first current with job, read or stored (sql/migrate-4.sql):
 * 0 or -1.  The earliest submit of each user is cached; rarely written. */
static int
store_note_user(struct store *st, const struct job *job)
{
	sqlite3_stmt *s = st->first_put;
	int64_t uid = rollup_name(st->rollup, STORE_KEY_USER, job->user);
	int64_t first;

	if (uid <= 0 || job->submit == JOB_UNSET)
		return (int)uid;
	if ((first = store_first_get(st, uid)) < 0)
		return -1;
	if (job->submit >= first)
		return 0;
	sqlite3_bind_int64(s, 1, uid);
	sqlite3_bind_int64(s, 2, job->submit);
	if (bind_name(st, s, 3, STORE_KEY_GROUP, job->group) != 0 ||
	    bind_name(st, s, 4, STORE_KEY_ACCOUNT, job->account) != 0 ||
	    step_done(st, s) != 0)
		return -1;
	st->first[uid] = job->submit;
	return 0;
}

enum store_put
store_put_job(struct store *st, const struct job *job, int64_t run)
{
	if (st->pg != NULL) {
		enum store_put put = pgstore_put_job(st->pg, job, run);

		if (put == STORE_PUT_ERROR)
			fail(st);
		return put;
	}
	struct rollup_change now;
	struct rollup_run r;
	enum store_put put;
	int added;

	if (write_begin(st) != 0)
		return STORE_PUT_ERROR;	/* failed: noted */
	st->multi_seen = 0;
	if (bind_job(st, st->insert, job, run) != 0)
		return STORE_PUT_ERROR;
	if ((added = store_job_step(st, st->insert)) < 0)
		return STORE_PUT_ERROR;
	if (added && st->multi_seen) {	/* mark the first incarnation */
		if (bind_name(st, st->multi, 1, STORE_KEY_CLUSTER,
		    job->cluster) != 0)
			return STORE_PUT_ERROR;
		bind_text(st->multi, 2, job->job_id);
		if (step_done(st, st->multi) != 0)
			return STORE_PUT_ERROR;
	}
	if (added) {
		const char *names[ROLLUP_NDIMS] = {job->cluster, job->user,
		    job->group, job->account, job->queue, job->qos};

		job_rollup_run(job, &r);
		rollup_change_of(st->rollup, names, &r, &now);
		rollup_apply(st->rollup, &now, 1);
		put = STORE_PUT_NEW;
	} else if ((put = store_job_update(st, job, run)) == STORE_PUT_ERROR)
		return put;
	if (put != STORE_PUT_UNCHANGED && store_note_user(st, job) != 0)
		return STORE_PUT_ERROR;
	if (rollup_pending(st->rollup) >= ROLLUP_FLUSH_CELLS &&
	    rollup_flush(st->rollup) != 0) {
		fail(st);
		return STORE_PUT_ERROR;
	}
	return put;
}

static void
read_file_row(sqlite3_stmt *s, void *out)
{
	struct store_file *f = out;

	f->device = sqlite3_column_int64(s, 0);
	f->inode = sqlite3_column_int64(s, 1);
	f->size = sqlite3_column_int64(s, 2);
	f->read_offset = sqlite3_column_int64(s, 3);
	f->mtime = sqlite3_column_int64(s, 4);
	column_copy(s, 5, f->format, sizeof(f->format));
	column_copy(s, 6, f->options, sizeof(f->options));
	f->complete = sqlite3_column_int(s, 7);
}

int
store_file_get(struct store *st, const char *path, struct store_file *f)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_file_get(st->pg, path, f));
	bind_text(st->file_get, 1, path);
	return step_row(st, st->file_get, read_file_row, f);
}

int
store_file_put(struct store *st, const char *path, const struct store_file *f,
    int64_t run)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_file_put(st->pg, path, f, run));
	sqlite3_stmt *s = st->file_put;

	if (write_begin(st) != 0)
		return -1;
	bind_text(s, 1, path);
	sqlite3_bind_int64(s, 2, f->device);
	sqlite3_bind_int64(s, 3, f->inode);
	sqlite3_bind_int64(s, 4, f->size);
	sqlite3_bind_int64(s, 5, f->read_offset);
	sqlite3_bind_int64(s, 6, f->mtime);
	bind_text(s, 7, f->format);
	sqlite3_bind_int64(s, 8, run);
	bind_text(s, 9, f->options);
	sqlite3_bind_int(s, 10, f->complete);
	return step_done(st, s);
}

static sqlite3_stmt *prepare_once(struct store *st, const char *sql);
static int each_cols(struct store *st, sqlite3_stmt *stmt,
    int (*conv)(const struct store_cols *, void *), void *arg);

struct files_call {
	int (*row)(void *, const char *, const struct store_file *, int64_t);
	void *ctx;
};

static int
conv_files(const struct store_cols *c, void *arg)
{
	struct files_call *call = arg;
	struct store_file f;

	memset(&f, 0, sizeof(f));
	f.device = cols_n(c, 1);
	f.inode = cols_n(c, 2);
	f.size = cols_n(c, 3);
	f.read_offset = cols_n(c, 4);
	f.mtime = cols_n(c, 5);
	snprintf(f.format, sizeof(f.format), "%s", cols_text(c, 6) != NULL ?
	    cols_text(c, 6) : "");
	snprintf(f.options, sizeof(f.options), "%s", cols_text(c, 7) != NULL ?
	    cols_text(c, 7) : "");
	f.complete = (int)cols_n(c, 8);
	return call->row(call->ctx, cols_text(c, 0), &f, cols_int(c, 9));
}

int
store_files(struct store *st, int (*row)(void *ctx, const char *path,
    const struct store_file *f, int64_t run), void *ctx)
{
	struct files_call call = {row, ctx};
	sqlite3_stmt *stmt;

	if (st->pg != NULL)
		return pg_rc(st, pgstore_query(st->pg, sql_pg_files, 0, NULL,
		    conv_files, &call));
	if ((stmt = prepare_once(st, sql_files)) == NULL)
		return -1;
	return each_cols(st, stmt, conv_files, &call);
}

int
store_run_import(struct store *st, const char *origin,
    const struct store_run_row *r, int64_t *run)
{
	const struct store_run_counts *c = &r->counts;
	int64_t v[11] = {r->id, r->started, r->finished, 0, 0, c->read,
	    c->new_jobs, c->updated, c->unchanged, c->skipped, c->rejected};
	char buf[13][24];
	const char *p[13];
	int i;

	if (st->pg == NULL)
		return fail(st);	/* store_is_server() tells */
	p[0] = origin;
	for (i = 0; i < 11; i++) {
		snprintf(buf[i], sizeof(buf[i]), "%lld", (long long)v[i]);
		p[i + 1] = buf[i];
	}
	p[2] = r->started == JOB_UNSET ? NULL : buf[1];
	p[3] = r->finished == JOB_UNSET ? NULL : buf[2];
	p[4] = r->input;
	p[5] = r->format;
	snprintf(buf[11], sizeof(buf[11]), "%lld", (long long)c->warnings);
	p[12] = buf[11];
	*run = JOB_UNSET;
	if (pg_rc(st, pgstore_write(st->pg, sql_pg_run_import, 13, p,
	    conv_first_int, run)) != 0)
		return -1;
	return *run == JOB_UNSET ? -1 : 0;
}

static void
read_cursor_row(sqlite3_stmt *s, void *out)
{
	*(int64_t *)out = sqlite3_column_int64(s, 0);
}

int
store_cursor_get(struct store *st, const char *source, int64_t *until)
{
	sqlite3_stmt *s;
	int rc;

	if (st->pg != NULL) {
		*until = JOB_UNSET;
		rc = pg_rc(st, pgstore_query(st->pg, sql_pg_cursor_get, 1,
		    &source, conv_first_int, until));
		return rc < 0 ? -1 : *until != JOB_UNSET;
	}
	if ((s = prepare_once(st, sql_cursor_get)) == NULL)
		return -1;
	bind_text(s, 1, source);
	rc = step_row(st, s, read_cursor_row, until);
	sqlite3_finalize(s);
	return rc;
}

struct cursors_call {
	int (*row)(void *, const char *, int64_t, int64_t);
	void *ctx;
};

static int
conv_cursors(const struct store_cols *c, void *arg)
{
	struct cursors_call *call = arg;

	return call->row(call->ctx, cols_text(c, 0), cols_n(c, 1),
	    cols_int(c, 2));
}

int
store_cursors(struct store *st, int (*row)(void *ctx, const char *source,
    int64_t until, int64_t run), void *ctx)
{
	struct cursors_call call = {row, ctx};
	sqlite3_stmt *stmt;

	if (st->pg != NULL)
		return pg_rc(st, pgstore_query(st->pg, sql_pg_cursors, 0, NULL,
		    conv_cursors, &call));
	if ((stmt = prepare_once(st, sql_cursors)) == NULL)
		return -1;
	return each_cols(st, stmt, conv_cursors, &call);
}

int
store_cursor_put(struct store *st, const char *source, int64_t until,
    int64_t run)
{
	sqlite3_stmt *s;
	char u[24], r[24];
	const char *p[3] = {source, u, r};
	int rc;

	if (st->pg != NULL) {
		snprintf(u, sizeof(u), "%lld", (long long)until);
		snprintf(r, sizeof(r), "%lld", (long long)run);
		return pg_rc(st, pgstore_write(st->pg, sql_pg_cursor_put, 3, p,
		    NULL, NULL));
	}
	if (write_begin(st) != 0 ||
	    (s = prepare_once(st, sql_cursor_put)) == NULL)
		return -1;
	bind_text(s, 1, source);
	sqlite3_bind_int64(s, 2, until);
	sqlite3_bind_int64(s, 3, run);
	rc = step_done(st, s);
	sqlite3_finalize(s);
	return rc;
}

static void
read_pending_row(sqlite3_stmt *s, void *out)
{
	struct pending_job *p = out;

	p->submit = column_int(s, 0);
	p->started = sqlite3_column_int(s, 1);
	column_copy(s, 2, p->queue, sizeof(p->queue));
}

static int
pending_get(void *ctx, const char *cluster, const char *job_id,
    struct pending_job *p)
{
	struct store *st = ctx;

	bind_text(st->pending_get, 1, cluster);
	bind_text(st->pending_get, 2, job_id);
	return step_row(st, st->pending_get, read_pending_row, p);
}

static int
pending_queue(void *ctx, const char *cluster, const char *job_id,
    int64_t submit, const char *queue)
{
	struct store *st = ctx;
	sqlite3_stmt *s = st->pending_queue;

	if (write_begin(st) != 0)
		return -1;
	bind_text(s, 1, cluster);
	bind_text(s, 2, job_id);
	bind_int(s, 3, submit);
	bind_text(s, 4, queue);
	return step_done(st, s);
}

static int
pending_start(void *ctx, const char *cluster, const char *job_id,
    int64_t submit)
{
	struct store *st = ctx;
	sqlite3_stmt *s = st->pending_start;

	if (write_begin(st) != 0)
		return -1;
	bind_text(s, 1, cluster);
	bind_text(s, 2, job_id);
	bind_int(s, 3, submit);
	return step_done(st, s);
}

static int
pending_drop(void *ctx, const char *cluster, const char *job_id)
{
	struct store *st = ctx;
	sqlite3_stmt *s = st->pending_drop;

	if (write_begin(st) != 0)
		return -1;
	bind_text(s, 1, cluster);
	bind_text(s, 2, job_id);
	return step_done(st, s);
}

static int
facts_put(void *ctx, const struct k8s_job_facts *f)
{
	struct store *st = ctx;
	sqlite3_stmt *s = st->facts_put;

	if (write_begin(st) != 0)
		return -1;
	bind_text(s, 1, f->uid);
	bind_text(s, 2, f->cluster);
	bind_text(s, 3, f->job_id);
	bind_text(s, 4, f->job_name);
	bind_text(s, 5, f->name_space);
	bind_text(s, 6, f->user);
	bind_text(s, 7, f->queue);
	bind_int(s, 8, f->submit);
	bind_int(s, 9, f->start);
	bind_int(s, 10, f->end);
	bind_text(s, 11, f->state);
	sqlite3_bind_int64(s, 12, f->status);
	bind_real(s, 13, f->cpu_per_pod);
	bind_real(s, 14, f->mem_kb_per_pod);
	bind_real(s, 15, f->gpus_per_pod);
	bind_int(s, 16, f->parallelism);
	bind_int(s, 17, f->req_time);
	return step_done(st, s);
}

static void
read_k8s_job_row(sqlite3_stmt *s, void *out)
{
	struct k8s_job_facts *f = out;

	column_copy(s, 0, f->uid, sizeof(f->uid));
	column_copy(s, 1, f->cluster, sizeof(f->cluster));
	column_copy(s, 2, f->job_id, sizeof(f->job_id));
	column_copy(s, 3, f->job_name, sizeof(f->job_name));
	column_copy(s, 4, f->name_space, sizeof(f->name_space));
	column_copy(s, 5, f->user, sizeof(f->user));
	column_copy(s, 6, f->queue, sizeof(f->queue));
	f->submit = column_int(s, 7);
	f->start = column_int(s, 8);
	f->end = column_int(s, 9);
	column_copy(s, 10, f->state, sizeof(f->state));
	f->status = sqlite3_column_int64(s, 11);
	f->cpu_per_pod = column_real(s, 12);
	f->mem_kb_per_pod = column_real(s, 13);
	f->gpus_per_pod = column_real(s, 14);
	f->parallelism = column_int(s, 15);
	f->req_time = column_int(s, 16);
}

static int
facts_get(void *ctx, const char *uid, struct k8s_job_facts *f)
{
	struct store *st = ctx;

	bind_text(st->facts_get, 1, uid);
	return step_row(st, st->facts_get, read_k8s_job_row, f);
}

static int
pod_put(void *ctx, const struct k8s_pod *p)
{
	struct store *st = ctx;
	sqlite3_stmt *s = st->pod_put;

	if (write_begin(st) != 0)
		return -1;
	bind_text(s, 1, p->uid);
	bind_text(s, 2, p->job_uid);
	bind_int(s, 3, p->start);
	bind_int(s, 4, p->end);
	bind_text(s, 5, p->node[0] != '\0' ? p->node : NULL);
	return step_done(st, s);
}

static void
read_pods_summary_row(sqlite3_stmt *s, void *out)
{
	struct k8s_pods_summary *sum = out;

	sum->pods = sqlite3_column_int64(s, 0);
	sum->first_start = column_int(s, 1);
	sum->last_end = column_int(s, 2);
	sum->run_seconds = sqlite3_column_double(s, 3);
	sum->nodes = sqlite3_column_int64(s, 4);
}

static int
pods_summary(void *ctx, const char *job_uid,
    struct k8s_pods_summary *sum)
{
	struct store *st = ctx;

	bind_text(st->pods_summary, 1, job_uid);
	return step_row(st, st->pods_summary, read_pods_summary_row, sum) ==
	    1 ? 0 : -1;
}

void
store_reader_state(struct store *st, struct reader_state *state)
{
	if (st->pg != NULL) {
		pgstore_reader_state(st->pg, state);
		return;
	}
	state->ctx = st;
	state->pending_get = pending_get;
	state->pending_queue = pending_queue;
	state->pending_start = pending_start;
	state->pending_drop = pending_drop;
	state->k8s_job_put = facts_put;
	state->k8s_job_get = facts_get;
	state->k8s_pod_put = pod_put;
	state->k8s_pods_summary = pods_summary;
}

/* Step stmt through its rows, calling conv on each until it returns
 * nonzero, then reset it for its next use.  Returns 0, -1, or conv's
 * nonzero value. */
static int
each_kept_row(struct store *st, sqlite3_stmt *stmt,
    int (*conv)(sqlite3_stmt *, void *), void *arg)
{
	int rc, stop = 0;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if ((stop = conv(stmt, arg)) != 0)
			break;
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st);
	return stop;
}

/* Likewise for a statement prepared for the call: finalizes it. */
static int
each_row(struct store *st, sqlite3_stmt *stmt,
    int (*conv)(sqlite3_stmt *, void *), void *arg)
{
	int r = each_kept_row(st, stmt, conv, arg);

	sqlite3_finalize(stmt);
	return r;
}

/*
 * Run a window query (?1 from, ?2 to, ?3 a name or NULL), converting each
 * row with conv until it returns nonzero.  Returns 0 or -1.
 */
static int
window_query(struct store *st, const char *sql, int64_t from, int64_t to,
    const char *name, int (*conv)(sqlite3_stmt *, void *), void *arg)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return fail(st);
	sqlite3_bind_int64(stmt, 1, from);
	sqlite3_bind_int64(stmt, 2, to);
	bind_text(stmt, 3, name);
	return each_row(st, stmt, conv, arg);
}

struct usage_call {
	int (*row)(void *, const struct store_usage_row *);
	void *ctx;
};

static int
conv_usage(sqlite3_stmt *s, void *arg)
{
	struct usage_call *call = arg;
	struct store_usage_row r;

	r.key = column_text(s, 0);
	r.key2 = column_text(s, 1);
	r.jobs = sqlite3_column_int64(s, 2);
	r.core_hours = sqlite3_column_double(s, 3);
	r.node_hours = sqlite3_column_double(s, 4);
	r.gpu_hours = sqlite3_column_double(s, 5);
	r.runs = sqlite3_column_int64(s, 6);
	r.wall_hours = sqlite3_column_double(s, 7);
	r.cpu_efficiency = column_real(s, 8);
	return call->row(call->ctx, &r);
}

/* A NULL-terminated list of names as a JSON array, bound at i (NULL:
 * NULL).  The text goes with the statement (SQLITE_TRANSIENT). */
static void
bind_names(sqlite3_stmt *stmt, int i, const char *const *names)
{
	json_object *a;

	if (names == NULL) {
		sqlite3_bind_null(stmt, i);
		return;
	}
	a = json_object_new_array();
	for (; *names != NULL; names++)
		json_object_array_add(a, json_object_new_string(*names));
	sqlite3_bind_text(stmt, i, json_object_to_json_string_ext(a,
	    JSON_C_TO_STRING_PLAIN), -1, SQLITE_TRANSIENT);
	json_object_put(a);
}

/* The filter's name lists from parameter first on: one per key, then
 * the states (the order of the filter clauses in sql/). */
static void
bind_filter(sqlite3_stmt *stmt, int first, const struct store_filter *f)
{
	int k;

	for (k = 0; k < STORE_NKEYS; k++)
		bind_names(stmt, first + k, f->match[k]);
	bind_names(stmt, first + STORE_NKEYS, f->states);
}

int
store_usage(struct store *st, enum store_key key, int key2,
    const struct store_filter *f,
    int (*row)(void *ctx, const struct store_usage_row *r), void *ctx)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_usage(st->pg, key, key2, f, row, ctx));
	struct usage_call call = {row, ctx};
	struct rollup_window w;
	int rollup = !f->scan && f->states == NULL;	/* no state in cells */
	sqlite3_stmt *stmt;

	/* A series asks once per period: prepare each query once. */
	if (st->usage[rollup] == NULL && prepare(st, &st->usage[rollup],
	    rollup ? sql_usage_rollup : sql_usage) != 0)
		return fail(st);
	stmt = st->usage[rollup];
	sqlite3_bind_int64(stmt, 1, f->from);
	sqlite3_bind_int64(stmt, 2, f->to);
	sqlite3_bind_int(stmt, 3, (int)key);
	sqlite3_bind_int(stmt, 4, key2);
	bind_filter(stmt, 5, f);
	if (rollup) {
		rollup_window(f->from, f->to, &w);
		rollup_bind_window(stmt, 12, &w);
	}
	return each_kept_row(st, stmt, conv_usage, &call);
}

struct wait_call {
	int (*row)(void *, const struct store_wait_row *);
	void *ctx;
};

static int
conv_wait(const struct store_cols *c, void *arg)
{
	struct wait_call *call = arg;
	struct store_wait_row r;

	r.key = cols_text(c, 0);
	r.runs = cols_n(c, 1);
	r.mean = cols_zero(c, 2);
	r.median = cols_n(c, 3);
	r.p90 = cols_n(c, 4);
	r.p95 = cols_n(c, 5);
	r.p99 = cols_n(c, 6);
	r.max = cols_n(c, 7);
	r.expansion = cols_real(c, 8);
	r.p25 = cols_n(c, 9);
	r.p75 = cols_n(c, 10);
	r.min = cols_n(c, 11);
	return call->row(call->ctx, &r);
}

/*
 * The statement of a window query: its full-scan twin (sql/embed.sh) when
 * the window covers more than WINDOW_SCAN_SHARE of the stored time, where
 * reading the table in order beats a lookup per row through jobs_begin
 * (2.7 times, a month of 1.5M runs).
 */
#define WINDOW_SCAN_SHARE 0.25

static const char *
window_sql(struct store *st, const struct store_filter *f,
    const char *indexed, const char *full)
{
	int64_t first, last, a, b;

	if (store_span(st, &first, &last) <= 0 || last <= first)
		return indexed;
	a = f->from > first ? f->from : first;
	b = f->to < last ? f->to : last;
	return b > a && (double)(b - a) > WINDOW_SCAN_SHARE *
	    (double)(last - first) ? full : indexed;
}

int
store_span(struct store *st, int64_t *first, int64_t *last)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_span(st->pg, first, last));
	sqlite3_stmt *stmt;
	int rc, found = 0, cache = !st->lazy && sqlite3_get_autocommit(st->db);

	if (cache && st->span_found >= 0) {
		*first = st->span_first;
		*last = st->span_last;
		return st->span_found;
	}
	if (sqlite3_prepare_v2(st->db, sql_span, -1, &stmt, NULL) != SQLITE_OK)
		return fail(st);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		*first = sqlite3_column_int64(stmt, 0);
		*last = sqlite3_column_int64(stmt, 1);
		found = 1;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return fail(st);
	if (cache) {
		st->span_found = found;
		st->span_first = found ? *first : 0;
		st->span_last = found ? *last : 0;
	}
	return found;
}

static const char *const key_names[STORE_KEY_ALL + 1] = {
	"user", "group", "account", "queue", "qos", "cluster", "size", "all"
};

int
store_key_parse(const char *name)
{
	int k;

	for (k = 0; k <= STORE_NKEYS; k++)
		if (strcmp(key_names[k], name) == 0)
			return k;
	return -1;
}

const char *
store_key_name(enum store_key k)
{
	return key_names[k];
}

/* A row of sql/jobs.sql as a job record; its strings are the row's. */
void
store_job_of_cols(const struct store_cols *c, struct job *j)
{
	job_clear(j);
	j->cluster = cols_text(c, 0);
	j->job_id = cols_text(c, 1);
	j->submit = cols_int(c, 2);
	j->run_number = cols_int(c, 3);
	j->source_format = cols_text(c, 4);
	j->array_job_id = cols_text(c, 5);
	j->array_index = cols_int(c, 6);
	j->eligible = cols_int(c, 7);
	j->start = cols_int(c, 8);
	j->end = cols_int(c, 9);
	j->wait_time = cols_int(c, 10);
	j->run_time = cols_int(c, 11);
	j->alloc_procs = cols_int(c, 12);
	j->req_procs = cols_int(c, 13);
	j->core_seconds = cols_real(c, 14);
	j->cpu_time = cols_real(c, 15);
	j->used_mem_kb = cols_int(c, 16);
	j->req_time = cols_int(c, 17);
	j->req_mem_kb = cols_int(c, 18);
	j->nodes = cols_int(c, 19);
	j->gpus = cols_int(c, 20);
	j->gpu_seconds = cols_real(c, 21);
	j->status = (enum swf_status)cols_n(c, 22);
	j->state = cols_text(c, 23);
	j->raw_state = cols_text(c, 24);
	j->exit_code = cols_int(c, 25);
	j->exit_signal = cols_int(c, 26);
	j->user = cols_text(c, 27);
	j->uid = cols_int(c, 28);
	j->group = cols_text(c, 29);
	j->gid = cols_int(c, 30);
	j->account = cols_text(c, 31);
	j->queue = cols_text(c, 32);
	j->qos = cols_text(c, 33);
	j->job_name = cols_text(c, 34);
	j->source_file = cols_text(c, 35);
	j->source_line = cols_int(c, 36);
	j->ingest_run = cols_int(c, 37);
}

struct jobs_call {
	int (*fn)(void *, const struct job *);
	void *ctx;
};

static int
conv_jobs(sqlite3_stmt *s, void *arg)
{
	struct jobs_call *call = arg;
	struct store_cols c = {s, sq_is_null, sq_integer, sq_real, sq_text};
	struct job j;

	store_job_of_cols(&c, &j);
	return call->fn(call->ctx, &j);
}

int
store_jobs(struct store *st, const struct store_filter *f,
    int (*fn)(void *ctx, const struct job *job), void *ctx)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_jobs(st->pg, f, fn, ctx));
	struct jobs_call call = {fn, ctx};

	return window_query(st, sql_jobs, f->from, f->to, f->cluster,
	    conv_jobs, &call);
}

/*
 * Run each statement of sql (several, ';'-separated) with ?1 bound to
 * text (NULL if NULL) and ?2 to num.  Returns the change count of the last
 * statement but one, or -1.
 */
static int64_t
exec_bound(struct store *st, const char *sql, const char *text, int64_t num)
{
	sqlite3_stmt *stmt;
	const char *tail = sql;
	int64_t prev = 0, last = 0;
	int rc;

	if (write_begin(st) != 0)
		return -1;
	while (tail != NULL && *tail != '\0') {
		if (sqlite3_prepare_v2(st->db, tail, -1, &stmt, &tail) !=
		    SQLITE_OK)
			return fail(st);
		if (stmt == NULL)	/* white space and comments */
			break;
		bind_text(stmt, 1, text);
		sqlite3_bind_int64(stmt, 2, num);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			;	/* a SELECT run for its effect */
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE)
			return fail(st);
		prev = last;
		last = sqlite3_changes(st->db);
	}
	return prev;
}

/* sql/forget.sql, then every user's first job again. */
static int64_t
store_forget(struct store *st, const char *path, int64_t run)
{
	int64_t n = exec_bound(st, sql_forget, path, run);

	store_first_forget(st);
	if (n >= 0 && exec(st, sql_user_first_rebuild) != 0)
		return fail(st);
	return n;
}

/* sql/pg/forget.sql's two counts. */
static int64_t
pg_forget(struct store *st, const char *path, int64_t run, int *known)
{
	int64_t n[2] = {-1, 0};

	if (pg_rc(st, pgstore_forget(st->pg, path, run, n)) != 0)
		return -1;
	if (known != NULL)
		*known = n[1] > 0;
	return n[0];
}

int64_t
store_forget_file(struct store *st, const char *path, int *known)
{
	struct store_file f;
	int r;

	if (st->pg != NULL)
		return pg_forget(st, path, 0, known);
	if ((r = store_file_get(st, path, &f)) < 0)
		return -1;
	*known = r;
	return store_forget(st, path, 0);
}

int64_t
store_forget_run(struct store *st, int64_t run)
{
	if (st->pg != NULL)
		return pg_forget(st, NULL, run, NULL);
	return store_forget(st, NULL, run);
}

struct runs_call {
	int (*row)(void *, const struct store_run_row *);
	void *ctx;
};

static int
conv_runs(sqlite3_stmt *s, void *arg)
{
	struct runs_call *call = arg;
	struct store_run_row r;

	r.id = sqlite3_column_int64(s, 0);
	r.started = sqlite3_column_int64(s, 1);
	r.finished = column_int(s, 2);
	r.input = column_text(s, 3);
	r.format = column_text(s, 4);
	r.counts.read = sqlite3_column_int64(s, 5);
	r.counts.new_jobs = sqlite3_column_int64(s, 6);
	r.counts.updated = sqlite3_column_int64(s, 7);
	r.counts.unchanged = sqlite3_column_int64(s, 8);
	r.counts.skipped = sqlite3_column_int64(s, 9);
	r.counts.rejected = sqlite3_column_int64(s, 10);
	r.counts.warnings = sqlite3_column_int64(s, 11);
	r.stored = sqlite3_column_int64(s, 12);
	return call->row(call->ctx, &r);
}

int
store_runs(struct store *st,
    int (*row)(void *ctx, const struct store_run_row *r), void *ctx)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_runs(st->pg, row, ctx));
	struct runs_call call = {row, ctx};
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(st->db, sql_runs, -1, &stmt, NULL) != SQLITE_OK)
		return fail(st);
	return each_row(st, stmt, conv_runs, &call);
}

struct clusters_call {
	int (*row)(void *, const char *, int64_t);
	void *ctx;
};

static int
conv_clusters(sqlite3_stmt *s, void *arg)
{
	struct clusters_call *call = arg;

	return call->row(call->ctx, column_text(s, 0),
	    sqlite3_column_int64(s, 1));
}

int
store_clusters(struct store *st,
    int (*row)(void *ctx, const char *cluster, int64_t jobs), void *ctx)
{
	if (st->pg != NULL)
		return pg_rc(st, pgstore_clusters(st->pg, row, ctx));
	struct clusters_call call = {row, ctx};
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(st->db, sql_clusters, -1, &stmt, NULL) !=
	    SQLITE_OK)
		return fail(st);
	return each_row(st, stmt, conv_clusters, &call);
}

/* Prepare sql for one call: the statement, or NULL (failed, noted). */
static sqlite3_stmt *
prepare_once(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		fail(st);
		return NULL;
	}
	return stmt;
}

struct sizes_call {
	int (*row)(void *, const struct store_size_row *);
	void *ctx;
};

static int
conv_sizes(const struct store_cols *c, void *arg)
{
	struct sizes_call *call = arg;
	struct store_size_row r;

	r.dimension = cols_text(c, 0);
	r.bucket = cols_text(c, 1);
	r.runs = cols_n(c, 2);
	r.core_hours = cols_zero(c, 3) / 3600.0;
	r.gpu_hours = cols_zero(c, 4) / 3600.0;
	r.ratio_mean = cols_real(c, 5);
	r.ratio_median = cols_real(c, 6);
	return call->row(call->ctx, &r);
}

struct efficiency_call {
	int (*row)(void *, const struct store_efficiency_row *);
	void *ctx;
};

static int
conv_efficiency(const struct store_cols *c, void *arg)
{
	struct efficiency_call *call = arg;
	struct store_efficiency_row r;

	r.key = cols_text(c, 0);
	r.runs = cols_n(c, 1);
	r.core_seconds = cols_zero(c, 2);
	r.cpu_runs = cols_n(c, 3);
	r.cpu_seconds = cols_zero(c, 4);
	r.cpu_core_seconds = cols_zero(c, 5);
	r.mem_runs = cols_n(c, 6);
	r.mem_used_kb = cols_zero(c, 7);
	r.mem_req_kb = cols_zero(c, 8);
	r.time_runs = cols_n(c, 9);
	r.run_seconds = cols_zero(c, 10);
	r.req_seconds = cols_zero(c, 11);
	return call->row(call->ctx, &r);
}

/*
 * Readings (sql/reading.sql): one reading of a window's runs computes
 * the parts asked for, each a JSON text that a *_rows.sql statement turns
 * into rows.  store_read_ahead() keeps one reading in st->ahead, named by
 * its filter and parameters as bound (JSON text), for the calls after it.
 */
#define READ_NPARTS (AGG_PART_SLO + 1)


void
store_set_read_split(struct store *st, int64_t rows)
{
	st->read_split = rows;
}

struct store_ahead {
	char *filter;			/* read_filter_text() */
	struct store_reading what;	/* its slo pointer unused */
	char *slo;			/* the targets' JSON text, or NULL */
	char *part[READ_NPARTS];
};

/* The filter's window and name lists as one JSON text (to free). */
static char *
read_filter_text(const struct store_filter *f)
{
	json_object *a = json_object_new_array(), *l;
	const char *const *names;
	char *text;
	int k;

	json_object_array_add(a, json_object_new_int64(f->from));
	json_object_array_add(a, json_object_new_int64(f->to));
	for (k = 0; k <= STORE_NKEYS; k++) {
		names = k < STORE_NKEYS ? f->match[k] : f->states;
		l = names != NULL ? json_object_new_array() : NULL;
		for (; names != NULL && *names != NULL; names++)
			json_object_array_add(l, json_object_new_string(*names));
		json_object_array_add(a, l);
	}
	text = xstrdup(json_object_to_json_string_ext(a,
	    JSON_C_TO_STRING_PLAIN));
	json_object_put(a);
	return text;
}

/* The n targets as reading.sql's ?7 (to free), or NULL for none. */
static char *
read_slo_text(const struct store_slo_target *t, size_t n)
{
	json_object *a, *e;
	char *text;
	size_t i;

	if (t == NULL || n == 0)
		return NULL;
	a = json_object_new_array();
	for (i = 0; i < n; i++) {
		e = json_object_new_array();
		json_object_array_add(e, json_object_new_string(t[i].queue));
		json_object_array_add(e, json_object_new_int64(t[i].wait));
		json_object_array_add(e, json_object_new_double(t[i].pct));
		json_object_array_add(a, e);
	}
	text = xstrdup(json_object_to_json_string_ext(a,
	    JSON_C_TO_STRING_PLAIN));
	json_object_put(a);
	return text;
}

/* The id of queue name (kind 3), or -1 where it has none (no runs). */
static int64_t
read_queue_id(struct store *st, const char *name)
{
	sqlite3_stmt *stmt;
	int64_t id = -1;

	if (st->pg != NULL)
		return pgstore_name_find(st->pg, 3, name);
	if ((stmt = prepare_once(st, sql_name_id)) == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, 3);
	bind_text(stmt, 2, name);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return id;
}

/* Does f keep every job of its window? */
static int
read_unfiltered(const struct store_filter *f)
{
	int k;

	for (k = 0; k < STORE_NKEYS; k++)
		if (f->match[k] != NULL)
			return 0;
	return f->states == NULL;
}

/* The reading's spec for *w over f (its service levels where slo). */
static struct agg_reading *
read_new(struct store *st, const struct store_filter *f,
    const struct store_reading *w, int slo)
{
	struct agg_reading_spec spec = {f->from, f->to,
	    w->wait ? (int)w->wait_key : -1, w->wait_all,
	    w->sizes ? (int)w->unit : -1,
	    w->efficiency ? (int)w->efficiency_key : -1, NULL, 0, w->worst};
	struct agg_slo_target *t = NULL;
	struct agg_reading *r;
	size_t i;

	if (slo && w->nslo > 0) {
		t = xreallocarray(NULL, w->nslo, sizeof(*t));
		for (i = 0; i < w->nslo; i++)
			t[i] = (struct agg_slo_target){read_queue_id(st,
			    w->slo[i].queue), w->slo[i].wait, w->slo[i].pct};
		spec.slo = t;
		spec.nslo = w->nslo;
	}
	r = agg_reading_new(&spec);
	free(t);
	return r;
}

/* One reading statement over the rows [lo, hi) of the split (see
 * sql/reading.sql), into r, on connection db: SQLite's result code. */
struct read_half {
	sqlite3 *db;
	const char *sql;
	const struct store_filter *f;
	int ended;			/* runs that ended in the window count */
	struct agg_reading *r;
	int64_t lo, hi;
	int rc;
	pthread_t thread;
};

static int
read_step(struct read_half *h)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = sqlite3_prepare_v2(h->db, h->sql, -1, &stmt, NULL)) !=
	    SQLITE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, h->f->from);
	sqlite3_bind_int64(stmt, 2, h->f->to);
	sqlite3_bind_int(stmt, 3, h->ended);
	bind_filter(stmt, 4, h->f);
	sqlite3_bind_pointer(stmt, 11, h->r, AGG_READING_TYPE, NULL);
	sqlite3_bind_int(stmt, 12, read_unfiltered(h->f));
	sqlite3_bind_int64(stmt, 13, h->lo);
	sqlite3_bind_int64(stmt, 14, h->hi);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc;
}

static void *
read_thread(void *arg)
{
	struct read_half *h = arg;

	h->rc = read_step(h);
	return NULL;
}

/* The second connection that reads half of a split reading (opened on
 * first use, read-only), or NULL where there is none to be had. */
static sqlite3 *
read_helper(struct store *st)
{
	if (st->helper == NULL && strcmp(st->path, ":memory:") != 0 &&
	    st->path[0] != '\0') {
		if (sqlite3_open_v2(st->path, &st->helper,
		    SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
		    agg_register(st->helper) != SQLITE_OK) {
			sqlite3_close(st->helper);
			st->helper = NULL;
			return NULL;
		}
		sqlite3_busy_timeout(st->helper, st->lock_timeout_ms);
	}
	return st->helper;
}

/*
 * Where the reading h (its sql chosen) is split in two: the middle of
 * its window's begin times for the indexed statement, of the job rows'
 * ids for the full scan (*mid INT64_MAX where it has no such middle).
 */
static void
read_split(struct store *st, const struct read_half *h, int64_t *mid,
    int64_t *rows)
{
	sqlite3_stmt *stmt = prepare_once(st, sql_job_ids);
	int64_t lo = 0, hi = -1, first, last, a, b;

	*mid = INT64_MAX;
	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		lo = sqlite3_column_int64(stmt, 0);
		hi = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	*rows = hi - lo + 1;
	if (h->sql == sql_reading_full) {
		if (*rows > 0)
			*mid = lo + *rows / 2;
	} else if (store_span(st, &first, &last) > 0) {
		a = h->f->from > first ? h->f->from : first;
		b = h->f->to < last ? h->f->to : last;
		if (b > a)
			*mid = a + (b - a) / 2;
	}
}

/*
 * Read f's rows into h->r in two halves, the second into a reading of
 * its own merged into h->r.  Where the database holds at least
 * st->read_split job rows the second half is read on a thread of its
 * own, on the helper connection, else after the first: the sums are the
 * same either way, in the same order.  The halves read the database as
 * of their own start: an ingest committing between the two shows in
 * one half only, as it would in a reading a moment later.  Returns the
 * first failure's SQLite code, else SQLITE_ROW.
 */
static int
read_rows_into(struct store *st, struct read_half *h)
{
	struct read_half h2 = *h;
	int64_t mid, rows;
	int threaded = 0;

	read_split(st, h, &mid, &rows);
	h2.r = agg_reading_like(h->r);
	h2.lo = h->hi = mid;
	if (st->read_split > 0 && rows >= st->read_split &&
	    read_helper(st) != NULL) {
		h2.db = st->helper;
		threaded = pthread_create(&h2.thread, NULL, read_thread,
		    &h2) == 0;
	}
	h->rc = read_step(h);
	if (threaded)
		pthread_join(h2.thread, NULL);
	else if (h->rc == SQLITE_ROW)
		h2.rc = read_step(&h2);
	if (h->rc == SQLITE_ROW && h2.rc != SQLITE_ROW) {
		/* the helper's failure: again on the main connection, which
		 * tells why if it fails too */
		agg_reading_free(h2.r);
		h2.r = agg_reading_like(h->r);
		h2.db = st->db;
		h->rc = h2.rc = read_step(&h2);
	}
	agg_reading_merge(h->r, h2.r);
	return h->rc;
}

/* Read the parts of *w (the service levels where slo) into part[]: 0 or
 * -1.  One statement over the window's rows, aggregated in C. */
static int
read_parts(struct store *st, const struct store_filter *f,
    const struct store_reading *w, int slo, char *part[READ_NPARTS])
{
	struct read_half h = {st->db, st->pg != NULL ? NULL : window_sql(st,
	    f, sql_reading, sql_reading_full), f, w->sizes || w->efficiency,
	    NULL, INT64_MIN, INT64_MAX, 0, 0};
	int i;

	memset(part, 0, READ_NPARTS * sizeof(*part));
	h.r = read_new(st, f, w, slo);
	if (st->pg != NULL)
		h.rc = pg_rc(st, pgstore_read(st->pg, f, h.ended, h.r)) == 0 ?
		    SQLITE_ROW : SQLITE_ERROR;
	else
		read_rows_into(st, &h);
	if (h.rc == SQLITE_ROW)
		for (i = 0; i < READ_NPARTS; i++)
			part[i] = agg_reading_json(h.r, (enum agg_part)i);
	agg_reading_free(h.r);
	return h.rc == SQLITE_ROW ? 0 : fail(st);
}

static void
read_ahead_free(struct store_ahead *a)
{
	int i;

	if (a == NULL)
		return;
	free(a->filter);
	free(a->slo);
	for (i = 0; i < READ_NPARTS; i++)
		free(a->part[i]);
	free(a);
}

void
store_read_ahead_drop(struct store *st)
{
	read_ahead_free(st->ahead);
	st->ahead = NULL;
}

int
store_read_ahead(struct store *st, const struct store_filter *f,
    const struct store_reading *what)
{
	struct store_ahead *a = xcalloc(1, sizeof(*a));

	store_read_ahead_drop(st);
	a->filter = read_filter_text(f);
	a->what = *what;
	/* service levels ignore the queue filter, the other parts not */
	if (f->match[STORE_KEY_QUEUE] == NULL)
		a->slo = read_slo_text(what->slo, what->nslo);
	if (read_parts(st, f, what, a->slo != NULL, a->part) != 0) {
		read_ahead_free(a);
		return -1;
	}
	st->ahead = a;
	return 0;
}

/*
 * The parts of a reading over f that has part p as *w asks for it, into
 * part[]: the kept reading's where it has it (returns 0), else a reading
 * of its own (returns 1: free with read_parts_free()), or -1.
 */
static int
read_get(struct store *st, const struct store_filter *f,
    const struct store_reading *w, const char *slo, int p,
    char *part[READ_NPARTS])
{
	struct store_ahead *a = st->ahead;
	int hit = 0;
	char *ft;

	if (a != NULL) {
		ft = read_filter_text(f);
		hit = strcmp(ft, a->filter) == 0 && a->part[p] != NULL &&
		    (p != AGG_PART_WAIT || a->what.wait_key == w->wait_key) &&
		    (p != AGG_PART_SIZES || a->what.unit == w->unit) &&
		    (p != AGG_PART_EFFICIENCY ||
		    a->what.efficiency_key == w->efficiency_key) &&
		    (p != AGG_PART_SLO || (strcmp(a->slo, slo) == 0 &&
		    a->what.worst >= w->worst));
		free(ft);
	}
	if (hit) {
		memcpy(part, a->part, READ_NPARTS * sizeof(*part));
		return 0;
	}
	return read_parts(st, f, w, slo != NULL, part) == 0 ? 1 : -1;
}

static void
read_parts_free(char *part[READ_NPARTS])
{
	int i;

	for (i = 0; i < READ_NPARTS; i++)
		free(part[i]);
}


/* Step stmt (then finalized), conv() per row as struct store_cols until
 * it returns nonzero: 0, -1, or conv()'s value. */
static int
each_cols(struct store *st, sqlite3_stmt *stmt,
    int (*conv)(const struct store_cols *, void *), void *arg)
{
	struct store_cols c = {stmt, sq_is_null, sq_integer, sq_real,
	    sq_text};
	int rc, r = 0;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if ((r = conv(&c, arg)) != 0)
			break;
	sqlite3_finalize(stmt);
	if (r != 0)
		return r;
	return rc == SQLITE_DONE ? 0 : fail(st);
}

/* Run a *_rows.sql statement (pg_sql on PostgreSQL) over ?1 a part's
 * text (NULL: none) and ?2 number where it takes one (-1: it takes
 * none): conv() per row until it returns nonzero.  0, -1, or conv()'s
 * value. */
static int
read_rows(struct store *st, const char *sql, const char *pg_sql,
    const char *part, const char *none, int number,
    int (*conv)(const struct store_cols *, void *), void *arg)
{
	sqlite3_stmt *stmt;

	if (st->pg != NULL)
		return pg_rc(st, pgstore_rows(st->pg, pg_sql, part != NULL ?
		    part : none, number, conv, arg));
	if ((stmt = prepare_once(st, sql)) == NULL)
		return -1;
	bind_text(stmt, 1, part != NULL ? part : none);
	if (number >= 0)
		sqlite3_bind_int(stmt, 2, number);
	return each_cols(st, stmt, conv, arg);
}

int
store_wait(struct store *st, enum store_key key,
    const struct store_filter *f,
    int (*row)(void *ctx, const struct store_wait_row *r), void *ctx)
{
	struct wait_call call = {row, ctx};
	struct store_reading w = {.wait = 1, .wait_key = key};
	char *part[READ_NPARTS];
	int owned, rc, p = AGG_PART_WAIT;

	if (key == STORE_KEY_ALL && st->ahead != NULL &&
	    st->ahead->what.wait_all) {
		p = AGG_PART_WAIT_ALL;
		w = (struct store_reading){.wait_all = 1};
	}
	if ((owned = read_get(st, f, &w, NULL, p, part)) < 0)
		return -1;
	rc = read_rows(st, sql_wait_rows, sql_pg_wait_rows, part[p], "[]",
	    (int)key, conv_wait, &call);
	if (owned)
		read_parts_free(part);
	return rc;
}

int
store_sizes(struct store *st, enum store_unit unit,
    const struct store_filter *f,
    int (*row)(void *ctx, const struct store_size_row *r), void *ctx)
{
	struct sizes_call call = {row, ctx};
	struct store_reading w = {.sizes = 1, .unit = unit};
	char *part[READ_NPARTS];
	int owned, rc;

	if ((owned = read_get(st, f, &w, NULL, AGG_PART_SIZES, part)) < 0)
		return -1;
	rc = read_rows(st, sql_sizes_rows, sql_pg_sizes_rows,
	    part[AGG_PART_SIZES], "[[],[]]", -1, conv_sizes, &call);
	if (owned)
		read_parts_free(part);
	return rc;
}

int
store_efficiency(struct store *st, enum store_key key,
    const struct store_filter *f,
    int (*row)(void *ctx, const struct store_efficiency_row *r), void *ctx)
{
	struct efficiency_call call = {row, ctx};
	struct store_reading w = {.efficiency = 1, .efficiency_key = key};
	char *part[READ_NPARTS];
	int owned, rc;

	if ((owned = read_get(st, f, &w, NULL, AGG_PART_EFFICIENCY, part)) < 0)
		return -1;
	rc = read_rows(st, sql_efficiency_rows, sql_pg_efficiency_rows,
	    part[AGG_PART_EFFICIENCY], "[]", -1, conv_efficiency, &call);
	if (owned)
		read_parts_free(part);
	return rc;
}

struct slo_call {
	size_t n, worst, seen, last;	/* seen: longest waits of last */
	struct store_slo_row *out;
	int (*row)(void *, size_t, const char *, const char *, int64_t);
	void *ctx;
};

static int
conv_slo(const struct store_cols *c, void *arg)
{
	struct slo_call *call = arg;
	size_t i = (size_t)cols_n(c, 0);

	if (i >= call->n)
		return 0;
	call->out[i].runs = cols_n(c, 1);
	call->out[i].within = cols_n(c, 2);
	call->out[i].wait = cols_int(c, 3);
	call->out[i].max = cols_int(c, 4);
	if (i != call->last)
		call->seen = 0;
	call->last = i;
	if (c->is_null(c->src, 5) || call->seen++ >= call->worst ||
	    call->row == NULL)
		return 0;
	return call->row(call->ctx, i, cols_text(c, 5), cols_text(c, 6),
	    cols_n(c, 7));
}

int
store_slo(struct store *st, const struct store_slo_target *t, size_t n,
    size_t worst, const struct store_filter *f, struct store_slo_row *out,
    int (*worst_row)(void *ctx, size_t i, const char *job_id,
    const char *user, int64_t wait), void *ctx)
{
	struct slo_call call = {n, worst, 0, (size_t)-1, out, worst_row, ctx};
	struct store_reading w = {.slo = t, .nslo = n, .worst = worst};
	struct store_filter g = *f;
	char *part[READ_NPARTS], *slo;
	int owned, rc;
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = (struct store_slo_row){0, 0, JOB_UNSET, JOB_UNSET};
	if ((slo = read_slo_text(t, n)) == NULL)
		return 0;
	g.match[STORE_KEY_QUEUE] = NULL;
	owned = read_get(st, &g, &w, slo, AGG_PART_SLO, part);
	free(slo);
	if (owned < 0)
		return -1;
	rc = read_rows(st, sql_slo_rows, sql_pg_slo_rows, part[AGG_PART_SLO],
	    "[]", -1, conv_slo, &call);
	if (owned)
		read_parts_free(part);
	return rc;
}

int
store_user_put(struct store *st, const struct store_user *u)
{
	sqlite3_stmt *stmt;
	char created[24];
	const char *p[7] = {u->name, created, u->source, u->group,
	    u->organization, u->full_name, u->account};

	if (st->pg != NULL) {
		snprintf(created, sizeof(created), "%lld",
		    (long long)u->created);
		return pg_rc(st, pgstore_write(st->pg, sql_pg_users_put, 7, p,
		    NULL, NULL));
	}
	if (write_begin(st) != 0 ||
	    (stmt = prepare_once(st, sql_users_put)) == NULL)
		return -1;
	bind_text(stmt, 1, u->name);
	sqlite3_bind_int64(stmt, 2, u->created);
	bind_text(stmt, 3, u->source);
	bind_text(stmt, 4, u->group);
	bind_text(stmt, 5, u->organization);
	bind_text(stmt, 6, u->full_name);
	bind_text(stmt, 7, u->account);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		sqlite3_finalize(stmt);
		return fail(st);
	}
	sqlite3_finalize(stmt);
	return 0;
}

struct users_call {
	int (*row)(void *, const struct store_user *);
	void *ctx;
};

static int
conv_users(const struct store_cols *c, void *arg)
{
	struct users_call *call = arg;
	struct store_user u;

	u.name = cols_text(c, 0);
	u.created = cols_int(c, 1);
	u.source = cols_text(c, 2);
	u.group = cols_text(c, 3);
	u.organization = cols_text(c, 4);
	u.full_name = cols_text(c, 5);
	u.account = cols_text(c, 6);
	return call->row(call->ctx, &u);
}

int
store_users(struct store *st,
    int (*row)(void *ctx, const struct store_user *u), void *ctx)
{
	struct users_call call = {row, ctx};
	sqlite3_stmt *stmt;

	if (st->pg != NULL)
		return pg_rc(st, pgstore_query(st->pg, sql_pg_users_list, 0,
		    NULL, conv_users, &call));
	stmt = prepare_once(st, sql_users_list);
	return stmt == NULL ? -1 : each_cols(st, stmt, conv_users, &call);
}

struct signups_call {
	int (*row)(void *, const struct store_signup_row *);
	void *ctx;
};

static int
conv_signups(const struct store_cols *c, void *arg)
{
	struct signups_call *call = arg;
	struct store_signup_row r;

	r.key = cols_text(c, 0);
	r.source = cols_text(c, 1);
	r.new_users = cols_n(c, 2);
	r.users = cols_n(c, 3);
	r.active = cols_n(c, 4);
	return call->row(call->ctx, &r);
}

/* Add a user with run time in the window to a JSON array. */
static int
add_active(void *ctx, const struct store_usage_row *r)
{
	if (r->key != NULL && r->wall_hours > 0)
		json_object_array_add(ctx, json_object_new_string(r->key));
	return 0;
}

int
store_signups(struct store *st, enum store_signup_key key, int64_t from,
    int64_t to, int (*row)(void *ctx, const struct store_signup_row *r),
    void *ctx)
{
	struct signups_call call = {row, ctx};
	struct store_filter f;
	sqlite3_stmt *stmt = NULL;
	json_object *active = json_object_new_array();
	char p[3][24];
	const char *pp[4] = {p[0], p[1], p[2], NULL};
	int rc;

	/* The active users: from the rollup, as report usage finds them. */
	memset(&f, 0, sizeof(f));
	f.from = from;
	f.to = to;
	if (store_usage(st, STORE_KEY_USER, -1, &f, add_active, active) != 0 ||
	    (st->pg == NULL &&
	    (stmt = prepare_once(st, sql_signups)) == NULL)) {
		json_object_put(active);
		return -1;
	}
	pp[3] = json_object_to_json_string_ext(active, JSON_C_TO_STRING_PLAIN);
	if (st->pg != NULL) {
		snprintf(p[0], sizeof(p[0]), "%lld", (long long)from);
		snprintf(p[1], sizeof(p[1]), "%lld", (long long)to);
		snprintf(p[2], sizeof(p[2]), "%d", (int)key);
		rc = pg_rc(st, pgstore_query(st->pg, sql_pg_signups, 4, pp,
		    conv_signups, &call));
	} else {
		sqlite3_bind_int64(stmt, 1, from);
		sqlite3_bind_int64(stmt, 2, to);
		sqlite3_bind_int(stmt, 3, (int)key);
		sqlite3_bind_text(stmt, 4, pp[3], -1, SQLITE_TRANSIENT);
		rc = each_cols(st, stmt, conv_signups, &call);
	}
	json_object_put(active);
	return rc;
}

struct pairs_call {
	int (*row)(void *, const char *, const char *);
	void *ctx;
};

static int
conv_pairs(const struct store_cols *c, void *arg)
{
	struct pairs_call *call = arg;

	return call->row(call->ctx, cols_text(c, 0), cols_text(c, 1));
}

int
store_cluster_queues(struct store *st,
    int (*row)(void *ctx, const char *cluster, const char *queue),
    void *ctx)
{
	struct pairs_call call = {row, ctx};
	sqlite3_stmt *stmt;

	if (st->pg != NULL)
		return pg_rc(st, pgstore_query(st->pg, sql_pg_cluster_queues, 0,
		    NULL, conv_pairs, &call));
	stmt = prepare_once(st, sql_cluster_queues);
	return stmt == NULL ? -1 : each_cols(st, stmt, conv_pairs, &call);
}
