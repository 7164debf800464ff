/*
 * PostgreSQL implementation of the job store (see store-pg.h): libpq,
 * one connection for the schema, its migrations and the transactions of
 * the files read, one in autocommit for the names (opened when a name is
 * first stored), statements from sql/pg/ prepared the first time they
 * run, text parameters, and rows read one at a time
 * (single-row mode) so that memory stays flat however many rows a query
 * returns.  The writes of job rows and of the rollup are
 * store-pg-put.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-pg.h"

int
pgstore_is_uri(const char *path)
{
	return path != NULL && (strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0);
}

#ifndef HAVE_POSTGRESQL

struct pgstore *
pgstore_open(const char *uri, enum store_open_mode mode, char *err,
    size_t errsize)
{
	(void)uri;
	(void)mode;
	snprintf(err, errsize, "this hpcacct was built without PostgreSQL "
	    "(install libpq-dev and configure --with-postgresql)");
	return NULL;
}

/* Never called: pgstore_open() gives no handle. */
void pgstore_close(struct pgstore *pg) { (void)pg; }
const char *pgstore_errmsg(struct pgstore *pg) { (void)pg; return ""; }
int pgstore_begin(struct pgstore *pg) { (void)pg; return -1; }
void pgstore_begin_lazy(struct pgstore *pg) { (void)pg; }
int pgstore_commit(struct pgstore *pg) { (void)pg; return -1; }
void pgstore_rollback(struct pgstore *pg) { (void)pg; }
int pgstore_in_transaction(struct pgstore *pg) { (void)pg; return 0; }
void pgstore_set_lock_timeout(struct pgstore *pg, int ms)
{ (void)pg; (void)ms; }
int64_t pgstore_run_begin(struct pgstore *pg, const char *input,
    const char *format, int64_t now)
{ (void)pg; (void)input; (void)format; (void)now; return -1; }
int pgstore_run_finish(struct pgstore *pg, int64_t run,
    const struct store_run_counts *c, int64_t now)
{ (void)pg; (void)run; (void)c; (void)now; return -1; }
int pgstore_file_get(struct pgstore *pg, const char *path,
    struct store_file *f) { (void)pg; (void)path; (void)f; return -1; }
int pgstore_file_put(struct pgstore *pg, const char *path,
    const struct store_file *f, int64_t run)
{ (void)pg; (void)path; (void)f; (void)run; return -1; }
int pgstore_jobs(struct pgstore *pg, const struct store_filter *f,
    int (*fn)(void *, const struct job *), void *ctx)
{ (void)pg; (void)f; (void)fn; (void)ctx; return -1; }
int pgstore_usage(struct pgstore *pg, enum store_key key, int key2,
    const struct store_filter *f,
    int (*row)(void *, const struct store_usage_row *), void *ctx)
{ (void)pg; (void)key; (void)key2; (void)f; (void)row; (void)ctx;
  return -1; }
int pgstore_runs(struct pgstore *pg,
    int (*row)(void *, const struct store_run_row *), void *ctx)
{ (void)pg; (void)row; (void)ctx; return -1; }
int pgstore_forget(struct pgstore *pg, const char *path, int64_t run,
    int64_t n[2])
{ (void)pg; (void)path; (void)run; (void)n; return -1; }
int pgstore_span(struct pgstore *pg, int64_t *first, int64_t *last)
{ (void)pg; (void)first; (void)last; return -1; }
int pgstore_clusters(struct pgstore *pg,
    int (*row)(void *, const char *, int64_t), void *ctx)
{ (void)pg; (void)row; (void)ctx; return -1; }
void pgstore_reader_state(struct pgstore *pg, struct reader_state *state)
{ (void)pg; (void)state; }
int64_t pgstore_name_find(struct pgstore *pg, int kind, const char *name)
{ (void)pg; (void)kind; (void)name; return -1; }
int pgstore_read(struct pgstore *pg, const struct store_filter *f,
    int ended, struct agg_reading *r)
{ (void)pg; (void)f; (void)ended; (void)r; return -1; }
int pgstore_rows(struct pgstore *pg, const char *sql, const char *text,
    int number, int (*conv)(const struct store_cols *, void *), void *arg)
{ (void)pg; (void)sql; (void)text; (void)number; (void)conv; (void)arg;
  return -1; }
int pgstore_query(struct pgstore *pg, const char *sql, int n,
    const char *const *params, int (*conv)(const struct store_cols *,
    void *), void *arg)
{ (void)pg; (void)sql; (void)n; (void)params; (void)conv; (void)arg;
  return -1; }
int pgstore_write(struct pgstore *pg, const char *sql, int n,
    const char *const *params, int (*conv)(const struct store_cols *,
    void *), void *arg)
{ (void)pg; (void)sql; (void)n; (void)params; (void)conv; (void)arg;
  return -1; }

#else

#include <json.h>
#include <libpq-fe.h>

#include "store-pg-int.h"

#include "sql/sql.h"
#include "store-agg.h"
#include "store-cells.h"
#include "xalloc.h"

/* The schema version this build writes on PostgreSQL (sql/pg/). */
#define PG_SCHEMA_VERSION 2

/* The advisory lock that serialises schema creation and migrations
 * among hpcacct processes ("hpca" in ASCII). */
#define PG_SCHEMA_LOCK 0x68706361

/* The connection's message, trimmed, into errbuf with the database. */
int
pg_fail(struct pgstore *pg, PGconn *c, const char *what)
{
	char m[768];
	size_t n;

	snprintf(m, sizeof(m), "%s", PQerrorMessage(c));
	n = strlen(m);
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	snprintf(pg->errbuf, sizeof(pg->errbuf), "%s: %s%s%s", pg->label,
	    what != NULL ? what : "", what != NULL ? ": " : "", m);
	return -1;
}

/* Did res succeed (PGRES_COMMAND_OK or _TUPLES_OK)?  Frees it if not,
 * noting why. */
int
pg_ok(struct pgstore *pg, PGresult *res, const char *what)
{
	ExecStatusType s = PQresultStatus(res);
	char m[768];
	size_t n;

	if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ||
	    s == PGRES_SINGLE_TUPLE)
		return 0;
	if (res == NULL && pg->batch_failed)
		return -1;	/* errbuf has the batch's failure */
	snprintf(m, sizeof(m), "%s", res != NULL ?
	    PQresultErrorMessage(res) : PQerrorMessage(pg->conn));
	n = strlen(m);
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	snprintf(pg->errbuf, sizeof(pg->errbuf), "%s: %s: %s", pg->label,
	    what, m);
	PQclear(res);
	return -1;
}

void
pg_buf_put(struct pg_buf *b, const char *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 4096;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

/* A text value as COPY's text format has it (\N for NULL). */
void
pg_copy_value(struct pg_buf *b, const char *v)
{
	size_t n;

	if (v == NULL) {
		pg_buf_put(b, "\\N", 2);
		return;
	}
	while (*v != '\0') {
		n = strcspn(v, "\\\t\n\r");
		pg_buf_put(b, v, n);
		switch (v[n]) {
		case '\0': return;
		case '\\': pg_buf_put(b, "\\\\", 2); break;
		case '\t': pg_buf_put(b, "\\t", 2); break;
		case '\n': pg_buf_put(b, "\\n", 2); break;
		default: pg_buf_put(b, "\\r", 2); break;
		}
		v += n + 1;
	}
}

int
pg_exec(struct pgstore *pg, PGconn *c, const char *sql, const char *what)
{
	PGresult *res;

	if (c == pg->conn && pg_batch_flush(pg) != 0)
		return -1;
	res = PQexec(c, sql);

	if (pg_ok(pg, res, what) != 0)
		return -1;
	PQclear(res);
	return 0;
}

/* The database as messages name it: the URI as given, without a
 * password (user:PASSWORD@ or a password= parameter). */
static char *
pg_label(const char *uri)
{
	char *l = xstrdup(uri), *p, *at, *colon, *end;
	size_t skip;

	p = strstr(l, "://");
	if (p != NULL && (at = strchr(p + 3, '@')) != NULL &&
	    (colon = memchr(p + 3, ':', (size_t)(at - p - 3))) != NULL &&
	    memchr(p + 3, '/', (size_t)(at - p - 3)) == NULL)
		memmove(colon, at, strlen(at) + 1);
	while ((p = strstr(l, "password=")) != NULL && p > l &&
	    (p[-1] == '?' || p[-1] == '&')) {
		end = strchr(p, '&');
		skip = end != NULL ? (size_t)(end + 1 - p) : strlen(p) + 1;
		if (end == NULL)
			p--;	/* the ? or & before it too */
		memmove(p, p + skip, strlen(p + skip) + 1);
	}
	return l;
}

/* Is s valid UTF-8 (no overlong form, surrogate or code point beyond
 * U+10FFFF)? */
static int
pg_utf8_valid(const unsigned char *s)
{
	uint32_t c;
	int n, i;

	while (*s != 0) {
		if (*s < 0x80) {
			s++;
			continue;
		}
		if ((*s & 0xe0) == 0xc0)
			n = 1, c = *s & 0x1f;
		else if ((*s & 0xf0) == 0xe0)
			n = 2, c = *s & 0x0f;
		else if ((*s & 0xf8) == 0xf0)
			n = 3, c = *s & 0x07;
		else
			return 0;
		for (i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (s[i] & 0x3f);
		}
		if ((n == 1 && c < 0x80) || (n == 2 && c < 0x800) ||
		    (n == 3 && c < 0x10000) || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff))
			return 0;
		s += n + 1;
	}
	return 1;
}

/* s with every byte that is no part of valid UTF-8 as U+FFFD (to free). */
static char *
pg_utf8_fix(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = xmalloc(3 * n + 1), one[5];
	const unsigned char *p = (const unsigned char *)s;
	int len, i;

	while (*p != 0) {
		len = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 :
		    (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
		for (i = 0; i < len && p[i] != 0; i++)
			one[i] = (char)p[i];
		one[i < len ? 0 : len] = '\0';
		if (len > 0 && i == len && pg_utf8_valid((unsigned char *)one)) {
			memcpy(out + o, p, (size_t)len);
			o += (size_t)len;
			p += len;
		} else {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			p++;
		}
	}
	out[o] = '\0';
	return out;
}

static const struct {
	const char *name, *sql;
} pg_statements[] = {
	{"run_begin", sql_pg_run_begin},
	{"run_finish", sql_pg_run_finish},
	{"file_get", sql_pg_file_get},
	{"file_put", sql_pg_file_put},
	{"usage", sql_pg_usage},
	{"usage_rollup", sql_pg_usage_rollup},
	{"span", sql_pg_span},
	{"reading", sql_pg_reading},
	{"name_find", sql_pg_name_find},
	{"pending_get", sql_pg_pending_get},
	{"pending_queue", sql_pg_pending_queue},
	{"pending_start", sql_pg_pending_start},
	{"pending_drop", sql_pg_pending_drop},
	{"k8s_job_put", sql_pg_k8s_job_put},
	{"k8s_job_get", sql_pg_k8s_job_get},
	{"k8s_pod_put", sql_pg_k8s_pod_put},
	{"k8s_pods_summary", sql_pg_k8s_pods_summary},
};
_Static_assert(sizeof(pg_statements) / sizeof(pg_statements[0]) <=
    sizeof(unsigned) * 8, "pgstore.prepared has a bit for each");

/* Prepare sql as name on c: 0 or -1. */
static int
pg_prepare_one(struct pgstore *pg, PGconn *c, const char *name,
    const char *sql)
{
	PGresult *res = PQprepare(c, name, sql, 0, NULL);

	if (pg_ok(pg, res, name) != 0)
		return -1;
	PQclear(res);
	return 0;
}

/* Statement stmt of pg_statements prepared on pg->conn, the first time
 * it runs (a command uses few of them): 0 or -1. */
static int
pg_prepare(struct pgstore *pg, const char *stmt)
{
	size_t i;

	for (i = 0; i < sizeof(pg_statements) / sizeof(pg_statements[0]);
	    i++)
		if (strcmp(pg_statements[i].name, stmt) == 0)
			break;
	if (i == sizeof(pg_statements) / sizeof(pg_statements[0]) ||
	    (pg->prepared & (1u << i)) != 0)
		return 0;
	if (pg_prepare_one(pg, pg->conn, stmt, pg_statements[i].sql) != 0)
		return -1;
	pg->prepared |= 1u << i;
	return 0;
}

/* The first column of the one row of sql as an integer (0 for NULL),
 * or -1. */
static int
pg_int_query(struct pgstore *pg, const char *sql, const char *what)
{
	PGresult *res = PQexec(pg->conn, sql);
	int v;

	if (pg_ok(pg, res, what) != 0)
		return -1;
	v = PQntuples(res) > 0 ? atoi(PQgetvalue(res, 0, 0)) : 0;
	PQclear(res);
	return v;
}

/* Run sql on pg->conn with the n text parameters v, for its effect: 0
 * or -1.  The batch is not sent first (its own statements use this). */
int
pg_exec_params(struct pgstore *pg, const char *sql, int n,
    const char *const *v, const char *what)
{
	PGresult *res = PQexecParams(pg->conn, sql, n, NULL, v, NULL, NULL, 0);

	if (pg_ok(pg, res, what) != 0)
		return -1;
	PQclear(res);
	return 0;
}

/* Run sql with the one integer parameter v: 0 or -1. */
static int
pg_exec_int(struct pgstore *pg, const char *sql, int v, const char *what)
{
	char num[16];
	const char *param = num;

	snprintf(num, sizeof(num), "%d", v);
	return pg_exec_params(pg, sql, 1, &param, what);
}

/* The schema's version (0: none), or -1. */
static int
pg_version(struct pgstore *pg)
{
	int has = pg_int_query(pg, sql_pg_schema_exists,
	    "reading the schema version");

	if (has <= 0)
		return has;
	return pg_int_query(pg, sql_pg_schema_version,
	    "reading the schema version");
}

/* Whether the rollup is built (sql/pg/migrate-2.sql's rollup_state):
 * 1, 0 or -1. */
static int
pg_rollup_built(struct pgstore *pg)
{
	return pg_int_query(pg, sql_pg_rollup_state,
	    "reading the rollup's state");
}

/* Bring the schema from version v to this build's, in the open
 * transaction, and build the rollup where it is not: 0 or -1. */
static int
pg_migrate(struct pgstore *pg, int v)
{
	static const char *const steps[PG_SCHEMA_VERSION] = {
		sql_pg_schema, sql_pg_migrate_2,
	};
	int built;

	for (; v < PG_SCHEMA_VERSION; v++)
		if (pg_exec(pg, pg->conn, steps[v], "migrating the schema") != 0)
			return -1;
	if ((built = pg_rollup_built(pg)) != 0)
		return built < 0 ? -1 : 0;
	if (pg_rollup_rebuild(pg) != 0)
		return -1;
	return pg_exec(pg, pg->conn, sql_pg_rollup_built, "building the rollup");
}

/*
 * Create the schema where it is missing, migrate an older one and build
 * its rollup, one process at a time (the advisory lock; whoever waited
 * finds the work done).
 */
static int
pg_schema(struct pgstore *pg, enum store_open_mode mode)
{
	int v;

	if ((v = pg_version(pg)) < 0)
		return -1;
	if (v > PG_SCHEMA_VERSION) {
		snprintf(pg->errbuf, sizeof(pg->errbuf), "%s: schema version "
		    "%d is newer than this hpcacct's (%d): upgrade hpcacct",
		    pg->label, v, PG_SCHEMA_VERSION);
		return -1;
	}
	if (v == PG_SCHEMA_VERSION && pg_rollup_built(pg) == 1)
		return 0;
	if (v == 0 && mode == STORE_OPEN_EXISTING) {
		snprintf(pg->errbuf, sizeof(pg->errbuf), "no database at %s "
		    "(run 'hpcacct ingest' first, or give --db)", pg->label);
		return -1;
	}
	if (pg_exec(pg, pg->conn, "BEGIN", "creating the schema") != 0 ||
	    pg_exec_int(pg, sql_pg_schema_lock, PG_SCHEMA_LOCK,
	    "creating the schema") != 0 ||
	    (v = pg_version(pg)) < 0 || pg_migrate(pg, v) != 0 ||
	    pg_batch_commit(pg) != 0 ||
	    pg_exec(pg, pg->conn, "COMMIT", "creating the schema") != 0) {
		pg_batch_drop(pg);
		PQclear(PQexec(pg->conn, "ROLLBACK"));
		return -1;
	}
	return 0;
}

static PGconn *
pg_connect(struct pgstore *pg, const char *uri)
{
	PGconn *c = PQconnectdb(uri);

	if (c == NULL || PQstatus(c) != CONNECTION_OK) {
		pg_fail(pg, c, "cannot connect");
		PQfinish(c);
		return NULL;
	}
	if (pg_exec(pg, c, sql_pg_session, "setting up the session") != 0) {
		PQfinish(c);
		return NULL;
	}
	return c;
}

/* Is the database's encoding UTF8 (0: SQL_ASCII or another)? */
static int
pg_server_utf8(PGconn *c)
{
	const char *e = PQparameterStatus(c, "server_encoding");

	return e != NULL && strcmp(e, "UTF8") == 0;
}

PGconn *
pg_names_conn(struct pgstore *pg)
{
	PGconn *c;

	if (pg->names != NULL)
		return pg->names;
	if ((c = pg_connect(pg, pg->uri)) == NULL)
		return NULL;
	if (pg_prepare_one(pg, c, "name_put", sql_pg_name_put) != 0) {
		PQfinish(c);
		return NULL;
	}
	return pg->names = c;
}

struct pgstore *
pgstore_open(const char *uri, enum store_open_mode mode, char *err,
    size_t errsize)
{
	struct pgstore *pg = xcalloc(1, sizeof(*pg));

	pg->label = pg_label(uri);
	pg->uri = xstrdup(uri);
	pg->max_run = pg->max_delay = -1;
	if ((pg->conn = pg_connect(pg, uri)) == NULL)
		goto fail;
	pg->utf8 = pg_server_utf8(pg->conn);
	pg->batch = pg_batch_new();
	if (pg_schema(pg, mode) != 0)
		goto fail;
	return pg;
fail:
	snprintf(err, errsize, "%s", pg->errbuf);
	pgstore_close(pg);
	return NULL;
}

void
pgstore_close(struct pgstore *pg)
{
	size_t i;

	if (pg == NULL)
		return;
	PQfinish(pg->conn);
	PQfinish(pg->names);
	pg_batch_free(pg->batch);
	free(pg->uri);
	for (i = 0; i < pg->capcache; i++)
		free(pg->cache[i].name);
	free(pg->cache);
	free(pg->label);
	free(pg);
}

const char *
pgstore_errmsg(struct pgstore *pg)
{
	return pg->errbuf;
}

void
pgstore_set_lock_timeout(struct pgstore *pg, int ms)
{
	pg_exec_int(pg, sql_pg_lock_timeout, ms, "setting the lock timeout");
}

int
pgstore_begin(struct pgstore *pg)
{
	pg->lazy = 0;
	pg->batch_failed = 0;
	if (pg->in_tx)
		return 0;
	if (pg_exec(pg, pg->conn, "BEGIN", "begin") != 0)
		return -1;
	pg->in_tx = 1;
	return 0;
}

void
pgstore_begin_lazy(struct pgstore *pg)
{
	pg->lazy = 1;
}

/* Before a write: the transaction begun where store_begin_lazy() left
 * it for later. */
int
pg_write_begin(struct pgstore *pg)
{
	if (pg->in_tx || !pg->lazy)
		return 0;
	if (pg_exec(pg, pg->conn, "BEGIN", "begin") != 0)
		return -1;
	pg->in_tx = 1;
	return 0;
}

int
pgstore_commit(struct pgstore *pg)
{
	if (!pg->in_tx)
		return 0;
	if (pg_batch_commit(pg) != 0)
		return -1;
	pg->in_tx = 0;
	pg->max_run = pg->max_delay = -1;	/* the commit may raise them */
	return pg_exec(pg, pg->conn, "COMMIT", "commit");
}

void
pgstore_rollback(struct pgstore *pg)
{
	pg_batch_drop(pg);
	pg->batch_failed = 0;
	if (pg->in_tx) {
		PQclear(PQexec(pg->conn, "ROLLBACK"));
		pg->staged = 0;	/* made in it, they went with it */
	}
	pg->in_tx = 0;
	pg->lazy = 0;
}

int
pgstore_in_transaction(struct pgstore *pg)
{
	return pg->in_tx;
}

void
pg_param_text(struct pg_params *p, const char *s)
{
	p->v[p->n++] = s;
}

void
pg_param_int(struct pg_params *p, int64_t v)
{
	if (v == JOB_UNSET) {
		p->v[p->n++] = NULL;
		return;
	}
	snprintf(p->buf[p->n], sizeof(p->buf[0]), "%lld", (long long)v);
	p->v[p->n] = p->buf[p->n];
	p->n++;
}

/* A double, NULL where negative (unknown) or not a number. */
void
pg_param_real(struct pg_params *p, double v)
{
	if (!(v >= 0)) {
		p->v[p->n++] = NULL;
		return;
	}
	snprintf(p->buf[p->n], sizeof(p->buf[0]), "%.17g", v);
	p->v[p->n] = p->buf[p->n];
	p->n++;
}

/*
 * p's values as the server takes them, into v: where the database is
 * UTF8, a text that is not valid UTF-8 (a Latin-1 job name in a log) has
 * its odd bytes as U+FFFD, in copies (fixed[], to free with
 * pg_values_free()); elsewhere (SQL_ASCII) bytes go as they are.
 */
char *
pg_utf8_copy(const struct pgstore *pg, const char *s)
{
	if (!pg->utf8 || s == NULL || pg_utf8_valid((const unsigned char *)s))
		return NULL;
	return pg_utf8_fix(s);
}

static void
pg_values(const struct pgstore *pg, const struct pg_params *p,
    const char **v, char **fixed)
{
	int i;

	for (i = 0; i < p->n; i++) {
		v[i] = p->v[i];
		if ((fixed[i] = pg_utf8_copy(pg, v[i])) != NULL)
			v[i] = fixed[i];
	}
}

static void
pg_values_free(const struct pg_params *p, char **fixed)
{
	int i;

	for (i = 0; i < p->n; i++)
		free(fixed[i]);
}

static PGresult *
pg_run(struct pgstore *pg, PGconn *c, const char *stmt,
    const struct pg_params *p)
{
	const char *v[PG_MAX_PARAMS];
	char *fixed[PG_MAX_PARAMS];
	PGresult *res;

	if (c == pg->conn &&
	    (pg_batch_flush(pg) != 0 || pg_prepare(pg, stmt) != 0))
		return NULL;
	pg_values(pg, p, v, fixed);
	res = PQexecPrepared(c, stmt, p->n, v, NULL, NULL, 0);
	pg_values_free(p, fixed);
	return res;
}

static uint64_t
pg_hash(int kind, const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ (uint64_t)kind;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * UINT64_C(0x100000001b3);
	return h ^ (h >> 29);
}

static struct pg_name *
pg_cache_slot(struct pgstore *pg, int kind, const char *name)
{
	size_t j = pg_hash(kind, name) & (pg->capcache - 1);

	while (pg->cache[j].name != NULL && (pg->cache[j].kind != kind ||
	    strcmp(pg->cache[j].name, name) != 0))
		j = (j + 1) & (pg->capcache - 1);
	return &pg->cache[j];
}

static void
pg_cache_grow(struct pgstore *pg)
{
	struct pg_name *old = pg->cache;
	size_t i, n = pg->capcache;

	memset(pg->last, 0, sizeof(pg->last));	/* slots move */
	pg->capcache = n ? n * 2 : 256;
	pg->cache = xcalloc(pg->capcache, sizeof(*pg->cache));
	for (i = 0; i < n; i++)
		if (old[i].name != NULL)
			*pg_cache_slot(pg, old[i].kind, old[i].name) = old[i];
	free(old);
}

/* The id of name of kind (0 for NULL), adding it to names; -1 on
 * error.  Names are few: each is asked of the server once per process. */
int64_t
pg_name_id(struct pgstore *pg, int kind, const char *name)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_name *slot;
	PGresult *res;
	int64_t id = -1;
	int tries;

	if (name == NULL)
		return 0;
	/* a job's cluster, state or file is mostly the last job's */
	if (kind >= 0 && kind < PG_KINDS && pg->last[kind] != NULL &&
	    strcmp(pg->last[kind]->name, name) == 0)
		return pg->last[kind]->id;
	if (2 * (pg->ncache + 1) >= pg->capcache)
		pg_cache_grow(pg);
	slot = pg_cache_slot(pg, kind, name);
	if (slot->name != NULL) {
		if (kind >= 0 && kind < PG_KINDS)
			pg->last[kind] = slot;
		return slot->id;
	}
	pg_param_int(&p, kind);
	pg_param_text(&p, name);
	/* a name another writer added after this statement's snapshot is
	 * not seen by it: once more then */
	for (tries = 0; tries < 2 && id < 0; tries++) {
		if (pg_names_conn(pg) == NULL)
			return -1;
		res = pg_run(pg, pg->names, "name_put", &p);
		if (pg_ok(pg, res, "storing a name") != 0)
			return -1;
		if (PQntuples(res) == 1)
			id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
	}
	if (id < 0) {
		snprintf(pg->errbuf, sizeof(pg->errbuf), "%s: name '%s' "
		    "not stored", pg->label, name);
		return -1;
	}
	*slot = (struct pg_name){xstrdup(name), kind, id};
	pg->ncache++;
	if (kind >= 0 && kind < PG_KINDS)
		pg->last[kind] = slot;
	return id;
}

int64_t
pgstore_run_begin(struct pgstore *pg, const char *input, const char *format,
    int64_t now)
{
	struct pg_params p = {{0}, {{0}}, 0};
	PGresult *res;
	int64_t id;

	if (pg_write_begin(pg) != 0)
		return -1;
	pg_param_int(&p, now);
	pg_param_text(&p, input);
	pg_param_text(&p, format);
	res = pg_run(pg, pg->conn, "run_begin", &p);
	if (pg_ok(pg, res, "opening an ingest run") != 0)
		return -1;
	id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return id;
}

/* Run statement stmt that returns no rows: 0 or -1. */
static int
pg_command(struct pgstore *pg, const char *stmt, const struct pg_params *p,
    const char *what)
{
	PGresult *res = pg_run(pg, pg->conn, stmt, p);

	if (pg_ok(pg, res, what) != 0)
		return -1;
	PQclear(res);
	return 0;
}

int
pgstore_run_finish(struct pgstore *pg, int64_t run,
    const struct store_run_counts *c, int64_t now)
{
	struct pg_params p = {{0}, {{0}}, 0};

	if (pg_write_begin(pg) != 0)
		return -1;
	pg_param_int(&p, run);
	pg_param_int(&p, now);
	pg_param_int(&p, c->read);
	pg_param_int(&p, c->new_jobs);
	pg_param_int(&p, c->updated);
	pg_param_int(&p, c->unchanged);
	pg_param_int(&p, c->skipped);
	pg_param_int(&p, c->rejected);
	pg_param_int(&p, c->warnings);
	return pg_command(pg, "run_finish", &p, "closing an ingest run");
}

int
pgstore_file_get(struct pgstore *pg, const char *path, struct store_file *f)
{
	struct pg_params p = {{0}, {{0}}, 0};
	PGresult *res;

	pg_param_text(&p, path);
	res = pg_run(pg, pg->conn, "file_get", &p);
	if (pg_ok(pg, res, "reading a file's mark") != 0)
		return -1;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	f->device = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	f->inode = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	f->size = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
	f->read_offset = strtoll(PQgetvalue(res, 0, 3), NULL, 10);
	f->mtime = strtoll(PQgetvalue(res, 0, 4), NULL, 10);
	snprintf(f->format, sizeof(f->format), "%s", PQgetvalue(res, 0, 5));
	snprintf(f->options, sizeof(f->options), "%s", PQgetvalue(res, 0, 6));
	f->complete = atoi(PQgetvalue(res, 0, 7));
	PQclear(res);
	return 1;
}

int
pgstore_file_put(struct pgstore *pg, const char *path,
    const struct store_file *f, int64_t run)
{
	struct pg_params p = {{0}, {{0}}, 0};

	if (pg_write_begin(pg) != 0)
		return -1;
	pg_param_text(&p, path);
	pg_param_int(&p, f->device);
	pg_param_int(&p, f->inode);
	pg_param_int(&p, f->size);
	pg_param_int(&p, f->read_offset);
	pg_param_int(&p, f->mtime);
	pg_param_text(&p, f->format);
	pg_param_int(&p, run);
	pg_param_text(&p, f->options);
	pg_param_int(&p, f->complete);
	return pg_command(pg, "file_put", &p, "storing a file's mark");
}

/*
 * Run sql (prepared as stmt, or NULL: unnamed) with p, handing each row
 * to conv() one at a time until it returns nonzero.  Returns 0, -1, or
 * conv()'s value.
 */
int
pg_each_row(struct pgstore *pg, const char *stmt, const char *sql,
    const struct pg_params *p, int (*conv)(PGresult *, void *), void *arg,
    const char *what)
{
	const char *v[PG_MAX_PARAMS];
	char *fixed[PG_MAX_PARAMS];
	PGresult *res;
	int rc = 0, ok = 1, sent;

	if (pg_batch_flush(pg) != 0 ||
	    (stmt != NULL && pg_prepare(pg, stmt) != 0))
		return -1;
	pg_values(pg, p, v, fixed);
	sent = stmt != NULL ? PQsendQueryPrepared(pg->conn, stmt, p->n, v,
	    NULL, NULL, 0) : PQsendQueryParams(pg->conn, sql, p->n, NULL, v,
	    NULL, NULL, 0);
	pg_values_free(p, fixed);
	if (!sent)
		return pg_fail(pg, pg->conn, what);
	PQsetSingleRowMode(pg->conn);
	while ((res = PQgetResult(pg->conn)) != NULL) {
		if (PQresultStatus(res) == PGRES_SINGLE_TUPLE && ok &&
		    rc == 0)
			rc = conv(res, arg);
		else if (PQresultStatus(res) != PGRES_TUPLES_OK &&
		    PQresultStatus(res) != PGRES_COMMAND_OK &&
		    PQresultStatus(res) != PGRES_SINGLE_TUPLE && ok) {
			ok = 0;
			pg_ok(pg, res, what);
			continue;	/* pg_ok() freed it */
		}
		PQclear(res);
	}
	return ok ? rc : -1;
}

/* Column i of a row: text (NULL for SQL NULL), integer (JOB_UNSET),
 * double (-1). */
static const char *
col_text(PGresult *r, int i)
{
	return PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
}

static int64_t
col_int(PGresult *r, int i)
{
	return PQgetisnull(r, 0, i) ? JOB_UNSET :
	    strtoll(PQgetvalue(r, 0, i), NULL, 10);
}

static double
col_real(PGresult *r, int i)
{
	return PQgetisnull(r, 0, i) ? -1 : strtod(PQgetvalue(r, 0, i), NULL);
}

struct pg_jobs_call {
	int (*fn)(void *, const struct job *);
	void *ctx;
};

static int pg_is_null(const void *src, int i);
static int64_t pg_integer(const void *src, int i);
static double pg_real(const void *src, int i);
static const char *pg_text(const void *src, int i);

static int
pg_conv_job(PGresult *r, void *arg)
{
	struct pg_jobs_call *call = arg;
	struct store_cols c = {r, pg_is_null, pg_integer, pg_real, pg_text};
	struct job j;

	store_job_of_cols(&c, &j);
	return call->fn(call->ctx, &j);
}

int
pgstore_jobs(struct pgstore *pg, const struct store_filter *f,
    int (*fn)(void *ctx, const struct job *job), void *ctx)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_jobs_call call = {fn, ctx};

	pg_param_int(&p, f->from);
	pg_param_int(&p, f->to);
	pg_param_text(&p, f->cluster);
	return pg_each_row(pg, NULL, sql_pg_jobs, &p, pg_conv_job, &call,
	    "reading jobs");
}

/* A NULL-terminated list of names as a JSON array (to free; NULL for
 * NULL). */
static char *
pg_names_json(const char *const *names)
{
	json_object *a;
	char *text;

	if (names == NULL)
		return NULL;
	a = json_object_new_array();
	for (; *names != NULL; names++)
		json_object_array_add(a, json_object_new_string(*names));
	text = xstrdup(json_object_to_json_string_ext(a,
	    JSON_C_TO_STRING_PLAIN));
	json_object_put(a);
	return text;
}

struct pg_usage_call {
	int (*row)(void *, const struct store_usage_row *);
	void *ctx;
};

static int
pg_conv_usage(PGresult *r, void *arg)
{
	struct pg_usage_call *call = arg;
	struct store_usage_row u;

	u.key = col_text(r, 0);
	u.key2 = col_text(r, 1);
	u.jobs = col_int(r, 2);
	u.core_hours = col_real(r, 3);
	u.node_hours = col_real(r, 4);
	u.gpu_hours = col_real(r, 5);
	u.runs = col_int(r, 6);
	u.wall_hours = col_real(r, 7);
	u.cpu_efficiency = col_real(r, 8);
	return call->row(call->ctx, &u);
}

/* The longest run and wait for a begin stored (rollup_meta), read once
 * a transaction: 0 or -1. */
static int
pg_meta_get(struct pgstore *pg)
{
	PGresult *res;

	if (pg->max_run >= 0)
		return 0;
	if (pg_batch_flush(pg) != 0)
		return -1;
	res = PQexec(pg->conn, sql_pg_rollup_meta);
	if (pg_ok(pg, res, "the longest run") != 0)
		return -1;
	pg->max_run = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	pg->max_delay = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	PQclear(res);
	return 0;
}

/* The filter's name lists as parameters, in lists (to free with
 * pg_filter_free()): one per key, then the states. */
static void
pg_param_filter(struct pg_params *p, const struct store_filter *f,
    char **lists)
{
	int k;

	for (k = 0; k <= STORE_NKEYS; k++) {
		lists[k] = pg_names_json(k < STORE_NKEYS ? f->match[k] :
		    f->states);
		pg_param_text(p, lists[k]);
	}
}

static void
pg_filter_free(char **lists)
{
	int k;

	for (k = 0; k <= STORE_NKEYS; k++)
		free(lists[k]);
}

int
pgstore_usage(struct pgstore *pg, enum store_key key, int key2,
    const struct store_filter *f,
    int (*row)(void *ctx, const struct store_usage_row *r), void *ctx)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_usage_call call = {row, ctx};
	int rollup = !f->scan && f->states == NULL;	/* no state in cells */
	char *lists[STORE_NKEYS + 1];
	struct rollup_window w;
	int i, rc;

	if (pg_meta_get(pg) != 0)
		return -1;
	pg_param_int(&p, f->from);
	pg_param_int(&p, f->to);
	pg_param_int(&p, key);
	pg_param_int(&p, key2);
	pg_param_filter(&p, f, lists);
	if (rollup) {
		rollup_window(f->from, f->to, &w);
		for (i = 0; i < 5; i++) {
			pg_param_int(&p, w.lo[i]);
			pg_param_int(&p, w.hi[i]);
		}
		pg_param_int(&p, w.first_level);
		pg_param_int(&p, w.first_bucket);
		for (i = 0; i < 2; i++) {
			pg_param_int(&p, w.edge_lo[i]);
			pg_param_int(&p, w.edge_hi[i]);
		}
	}
	pg_param_int(&p, pg->max_run);
	pg_param_int(&p, pg->max_delay);
	rc = pg_each_row(pg, rollup ? "usage_rollup" : "usage", NULL, &p,
	    pg_conv_usage, &call, "usage");
	pg_filter_free(lists);
	return rc;
}

struct pg_runs_call {
	int (*row)(void *, const struct store_run_row *);
	void *ctx;
};

static int
pg_conv_run(PGresult *r, void *arg)
{
	struct pg_runs_call *call = arg;
	struct store_run_row run;

	run.id = col_int(r, 0);
	run.started = col_int(r, 1);
	run.finished = col_int(r, 2);
	run.input = col_text(r, 3);
	run.format = col_text(r, 4);
	run.counts.read = col_int(r, 5);
	run.counts.new_jobs = col_int(r, 6);
	run.counts.updated = col_int(r, 7);
	run.counts.unchanged = col_int(r, 8);
	run.counts.skipped = col_int(r, 9);
	run.counts.rejected = col_int(r, 10);
	run.counts.warnings = col_int(r, 11);
	run.stored = col_int(r, 12);
	return call->row(call->ctx, &run);
}

int
pgstore_runs(struct pgstore *pg,
    int (*row)(void *ctx, const struct store_run_row *r), void *ctx)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_runs_call call = {row, ctx};

	return pg_each_row(pg, NULL, sql_pg_runs, &p, pg_conv_run, &call,
	    "ingest runs");
}

int
pgstore_span(struct pgstore *pg, int64_t *first, int64_t *last)
{
	struct pg_params p = {{0}, {{0}}, 0};
	PGresult *res;
	int found;

	if (pg_meta_get(pg) != 0)
		return -1;
	pg_param_int(&p, pg->max_run);
	res = pg_run(pg, pg->conn, "span", &p);
	if (pg_ok(pg, res, "the stored span") != 0)
		return -1;
	found = !PQgetisnull(res, 0, 0);
	if (found) {
		*first = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		*last = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	}
	PQclear(res);
	return found;
}

struct pg_clusters_call {
	int (*row)(void *, const char *, int64_t);
	void *ctx;
};

static int
pg_conv_cluster(PGresult *r, void *arg)
{
	struct pg_clusters_call *call = arg;

	return call->row(call->ctx, col_text(r, 0), col_int(r, 1));
}

int
pgstore_clusters(struct pgstore *pg,
    int (*row)(void *ctx, const char *cluster, int64_t jobs), void *ctx)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_clusters_call call = {row, ctx};

	return pg_each_row(pg, NULL, sql_pg_clusters, &p, pg_conv_cluster,
	    &call, "clusters");
}

/* The one row of prepared stmt with p (1, handed to conv()), none (0),
 * or -1. */
static int
pg_get(struct pgstore *pg, const char *stmt, const struct pg_params *p,
    void (*conv)(PGresult *, void *), void *out, const char *what)
{
	PGresult *res = pg_run(pg, pg->conn, stmt, p);
	int found;

	if (pg_ok(pg, res, what) != 0)
		return -1;
	if ((found = PQntuples(res) > 0))
		conv(res, out);
	PQclear(res);
	return found;
}

static void
col_copy(PGresult *r, int i, char *dst, size_t size)
{
	snprintf(dst, size, "%s", PQgetisnull(r, 0, i) ? "" :
	    PQgetvalue(r, 0, i));
}

static void
pg_conv_pending(PGresult *r, void *out)
{
	struct pending_job *p = out;

	p->submit = col_int(r, 0);
	p->started = (int)col_int(r, 1);
	col_copy(r, 2, p->queue, sizeof(p->queue));
}

static int
pg_pending_get(void *ctx, const char *cluster, const char *job_id,
    struct pending_job *out)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, cluster);
	pg_param_text(&p, job_id);
	return pg_get(ctx, "pending_get", &p, pg_conv_pending, out,
	    "reading a pending job");
}

/* A write of the state: 0 or -1. */
static int
pg_state_put(struct pgstore *pg, const char *stmt, const struct pg_params *p)
{
	if (pg_write_begin(pg) != 0)
		return -1;
	return pg_command(pg, stmt, p, "storing readers' state");
}

static int
pg_pending_queue(void *ctx, const char *cluster, const char *job_id,
    int64_t submit, const char *queue)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, cluster);
	pg_param_text(&p, job_id);
	pg_param_int(&p, submit);
	pg_param_text(&p, queue);
	return pg_state_put(ctx, "pending_queue", &p);
}

static int
pg_pending_start(void *ctx, const char *cluster, const char *job_id,
    int64_t submit)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, cluster);
	pg_param_text(&p, job_id);
	pg_param_int(&p, submit);
	return pg_state_put(ctx, "pending_start", &p);
}

static int
pg_pending_drop(void *ctx, const char *cluster, const char *job_id)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, cluster);
	pg_param_text(&p, job_id);
	return pg_state_put(ctx, "pending_drop", &p);
}

static int
pg_k8s_job_put(void *ctx, const struct k8s_job_facts *f)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, f->uid);
	pg_param_text(&p, f->cluster);
	pg_param_text(&p, f->job_id);
	pg_param_text(&p, f->job_name);
	pg_param_text(&p, f->name_space);
	pg_param_text(&p, f->user);
	pg_param_text(&p, f->queue);
	pg_param_int(&p, f->submit);
	pg_param_int(&p, f->start);
	pg_param_int(&p, f->end);
	pg_param_text(&p, f->state);
	pg_param_int(&p, f->status);
	pg_param_real(&p, f->cpu_per_pod);
	pg_param_real(&p, f->mem_kb_per_pod);
	pg_param_real(&p, f->gpus_per_pod);
	pg_param_int(&p, f->parallelism);
	pg_param_int(&p, f->req_time);
	return pg_state_put(ctx, "k8s_job_put", &p);
}

static void
pg_conv_k8s_job(PGresult *r, void *out)
{
	struct k8s_job_facts *f = out;

	col_copy(r, 0, f->uid, sizeof(f->uid));
	col_copy(r, 1, f->cluster, sizeof(f->cluster));
	col_copy(r, 2, f->job_id, sizeof(f->job_id));
	col_copy(r, 3, f->job_name, sizeof(f->job_name));
	col_copy(r, 4, f->name_space, sizeof(f->name_space));
	col_copy(r, 5, f->user, sizeof(f->user));
	col_copy(r, 6, f->queue, sizeof(f->queue));
	f->submit = col_int(r, 7);
	f->start = col_int(r, 8);
	f->end = col_int(r, 9);
	col_copy(r, 10, f->state, sizeof(f->state));
	f->status = col_int(r, 11);
	f->cpu_per_pod = col_real(r, 12);
	f->mem_kb_per_pod = col_real(r, 13);
	f->gpus_per_pod = col_real(r, 14);
	f->parallelism = col_int(r, 15);
	f->req_time = col_int(r, 16);
}

static int
pg_k8s_job_get(void *ctx, const char *uid, struct k8s_job_facts *out)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, uid);
	return pg_get(ctx, "k8s_job_get", &p, pg_conv_k8s_job, out,
	    "reading a Kubernetes Job");
}

static int
pg_k8s_pod_put(void *ctx, const struct k8s_pod *pod)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, pod->uid);
	pg_param_text(&p, pod->job_uid);
	pg_param_int(&p, pod->start);
	pg_param_int(&p, pod->end);
	pg_param_text(&p, pod->node[0] != '\0' ? pod->node : NULL);
	return pg_state_put(ctx, "k8s_pod_put", &p);
}

static void
pg_conv_pods(PGresult *r, void *out)
{
	struct k8s_pods_summary *sum = out;

	sum->pods = col_int(r, 0);
	sum->first_start = col_int(r, 1);
	sum->last_end = col_int(r, 2);
	sum->run_seconds = PQgetisnull(r, 0, 3) ? 0 : col_real(r, 3);
	sum->nodes = col_int(r, 4);
}

static int
pg_k8s_pods_summary(void *ctx, const char *job_uid,
    struct k8s_pods_summary *sum)
{
	struct pg_params p = {{0}, {{0}}, 0};

	pg_param_text(&p, job_uid);
	return pg_get(ctx, "k8s_pods_summary", &p, pg_conv_pods, sum,
	    "reading a Kubernetes Job's pods") < 0 ? -1 : 0;
}

void
pgstore_reader_state(struct pgstore *pg, struct reader_state *state)
{
	*state = (struct reader_state){pg, pg_pending_get, pg_pending_queue,
	    pg_pending_start, pg_pending_drop, pg_k8s_job_put, pg_k8s_job_get,
	    pg_k8s_pod_put, pg_k8s_pods_summary};
}

int64_t
pgstore_name_find(struct pgstore *pg, int kind, const char *name)
{
	struct pg_params p = {{0}, {{0}}, 0};
	PGresult *res;
	int64_t id = -1;

	pg_param_int(&p, kind);
	pg_param_text(&p, name);
	res = pg_run(pg, pg->conn, "name_find", &p);
	if (pg_ok(pg, res, "finding a name") != 0)
		return -1;
	if (PQntuples(res) > 0)
		id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return id;
}

static const char *
pg_row_job_id(const void *src)
{
	return col_text((PGresult *)src, AGG_READING_COLS);
}

/* The reading's columns that are doubles (struct agg_row). */
static int
pg_read_is_real(int i)
{
	return i == 12 || i == 13 || i == 14;
}

static int
pg_conv_reading(PGresult *r, void *arg)
{
	struct agg_row row;
	int i;

	for (i = 0; i < AGG_READING_COLS; i++) {
		row.known[i] = !PQgetisnull(r, 0, i);
		if (!row.known[i])
			continue;
		if (pg_read_is_real(i))
			row.d[i] = strtod(PQgetvalue(r, 0, i), NULL);
		else
			row.i[i] = strtoll(PQgetvalue(r, 0, i), NULL, 10);
	}
	row.job_id = pg_row_job_id;
	row.src = r;
	agg_reading_row(arg, &row);
	return 0;
}

int
pgstore_read(struct pgstore *pg, const struct store_filter *f, int ended,
    struct agg_reading *r)
{
	struct pg_params p = {{0}, {{0}}, 0};
	char *lists[STORE_NKEYS + 1];
	int rc;

	if (pg_meta_get(pg) != 0)
		return -1;
	pg_param_int(&p, f->from);
	pg_param_int(&p, f->to);
	pg_param_int(&p, ended);
	pg_param_filter(&p, f, lists);
	pg_param_int(&p, pg->max_run);
	pg_param_int(&p, pg->max_delay);
	rc = pg_each_row(pg, "reading", NULL, &p, pg_conv_reading, r,
	    "reading the runs");
	pg_filter_free(lists);
	return rc;
}

/* A row of a PostgreSQL result as struct store_cols. */
static int
pg_is_null(const void *src, int i)
{
	return PQgetisnull((PGresult *)src, 0, i);
}

static int64_t
pg_integer(const void *src, int i)
{
	const char *v = PQgetvalue((PGresult *)src, 0, i);

	/* a JSON number may be written 1e+06 */
	if (strpbrk(v, ".eE") != NULL)
		return (int64_t)strtod(v, NULL);
	return strtoll(v, NULL, 10);
}

static double
pg_real(const void *src, int i)
{
	return strtod(PQgetvalue((PGresult *)src, 0, i), NULL);
}

static const char *
pg_text(const void *src, int i)
{
	return PQgetvalue((PGresult *)src, 0, i);
}

struct pg_rows_call {
	int (*conv)(const struct store_cols *, void *);
	void *arg;
};

static int
pg_conv_cols(PGresult *r, void *arg)
{
	struct pg_rows_call *call = arg;
	struct store_cols c = {r, pg_is_null, pg_integer, pg_real, pg_text};

	return call->conv(&c, call->arg);
}

int
pgstore_rows(struct pgstore *pg, const char *sql, const char *text,
    int number, int (*conv)(const struct store_cols *, void *), void *arg)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_rows_call call = {conv, arg};

	pg_param_text(&p, text);
	if (number >= 0)
		pg_param_int(&p, number);
	return pg_each_row(pg, NULL, sql, &p, pg_conv_cols, &call,
	    "reading a part");
}

/* Rows dropped: a statement run for its effect. */
static int
pg_conv_none(const struct store_cols *c, void *arg)
{
	(void)c;
	(void)arg;
	return 0;
}

int
pgstore_query(struct pgstore *pg, const char *sql, int n,
    const char *const *params, int (*conv)(const struct store_cols *,
    void *), void *arg)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_rows_call call = {conv != NULL ? conv : pg_conv_none, arg};
	int i;

	for (i = 0; i < n && i < PG_MAX_PARAMS; i++)
		pg_param_text(&p, params[i]);
	return pg_each_row(pg, NULL, sql, &p, pg_conv_cols, &call, "query");
}

int
pgstore_write(struct pgstore *pg, const char *sql, int n,
    const char *const *params, int (*conv)(const struct store_cols *,
    void *), void *arg)
{
	if (pg_write_begin(pg) != 0)
		return -1;
	return pgstore_query(pg, sql, n, params, conv, arg);
}

#endif
