/*
 * What the two halves of the PostgreSQL store share (private to
 * src/store-pg.c, the connection, schema and queries, and
 * src/store-pg-put.c, the writes of job rows and the rollup): the handle,
 * statement parameters and the helpers both use.  Only built with libpq.
 */
#ifndef HPCACCT_STORE_PG_INT_H
#define HPCACCT_STORE_PG_INT_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>

#include "store-pg.h"

/* A parameter list of a statement: text values, NULL for SQL NULL. */
#define PG_MAX_PARAMS 40

struct pg_params {
	const char *v[PG_MAX_PARAMS];
	char buf[PG_MAX_PARAMS][32];
	int n;
};

struct pg_buf {
	char *p;
	size_t len, cap;
};

struct pg_name {
	char *name;
	int kind;
	int64_t id;
};

/* The kinds of names (store-cells.h). */
#define PG_KINDS 10

/* The jobs and rollup changes on their way to the server (store-pg-put.c). */
struct pg_batch;

struct pgstore {
	PGconn *conn;		/* the files' transactions */
	PGconn *names;		/* names, in autocommit: pg_names_conn() */
	char *uri;		/* as given, for the names' connection */
	char *label;		/* the database, without a password */
	unsigned prepared;	/* pg_statements[i] prepared on conn: bit i */
	int staged;		/* job_stage and rollup_stage made on conn */
	int utf8;		/* a UTF8 database: text must be valid UTF-8 */
	char errbuf[1024];
	int in_tx, lazy;
	struct pg_batch *batch;
	int batch_failed;	/* a batch failed: errbuf says why */
	struct pg_name *cache;	/* open addressing, a power of two */
	size_t ncache, capcache;
	struct pg_name *last[PG_KINDS];	/* the last name of each kind */
	int64_t max_run, max_delay;	/* rollup_meta's, -1: not read yet */
};

/* The connection's message (pg_fail) or res's (pg_ok, which frees a
 * failed res) into errbuf with the database and what was being done:
 * -1; pg_ok() gives 0 where res succeeded. */
int pg_fail(struct pgstore *pg, PGconn *c, const char *what);
int pg_ok(struct pgstore *pg, PGresult *res, const char *what);

/* Run sql, which returns no rows, on c (the batch sent first): 0 or -1. */
int pg_exec(struct pgstore *pg, PGconn *c, const char *sql,
    const char *what);
/* sql with n text parameters v on pg->conn, the batch not sent first. */
int pg_exec_params(struct pgstore *pg, const char *sql, int n,
    const char *const *v, const char *what);

/* The connection for names, opened and its statement prepared the first
 * time one is asked for (a report seldom needs it): NULL on error. */
PGconn *pg_names_conn(struct pgstore *pg);

/* Open the transaction store_begin_lazy() left for the first write. */
int pg_write_begin(struct pgstore *pg);

void pg_buf_put(struct pg_buf *b, const char *p, size_t n);
/* A text value as COPY's text format has it (\N for NULL). */
void pg_copy_value(struct pg_buf *b, const char *v);

void pg_param_text(struct pg_params *p, const char *s);
/* JOB_UNSET as NULL. */
void pg_param_int(struct pg_params *p, int64_t v);
/* NULL where negative (unknown) or not a number. */
void pg_param_real(struct pg_params *p, double v);

/* The id of name of kind (0 for NULL), added to names if new: -1 on
 * error.  Each is asked of the server once per process. */
int64_t pg_name_id(struct pgstore *pg, int kind, const char *name);

/* s as the server takes it where it needs a copy (to free): where the
 * database is UTF8 and s is not valid UTF-8, its odd bytes as U+FFFD;
 * else NULL (s goes as it is). */
char *pg_utf8_copy(const struct pgstore *pg, const char *s);

/* Run sql (prepared as stmt, or NULL: unnamed) with p, handing each row
 * to conv() one at a time until it returns nonzero: 0, -1, or conv()'s
 * value. */
int pg_each_row(struct pgstore *pg, const char *stmt, const char *sql,
    const struct pg_params *p, int (*conv)(PGresult *, void *), void *arg,
    const char *what);

/* The batch (store-pg-put.c); its tables are made on pg->conn when it
 * first writes. */
struct pg_batch *pg_batch_new(void);
void pg_batch_free(struct pg_batch *b);
/* Add job (stored with ingest run run) to the batch, storing the batch
 * when full: 0 or -1. */
int pg_batch_put(struct pgstore *pg, const struct job *job, int64_t run);
/* Store the jobs waiting: 0 or -1 (the transaction has failed).  Every
 * other statement on pg->conn comes after this. */
int pg_batch_flush(struct pgstore *pg);
/* The jobs and the rollup's changes stored, before a commit: 0 or -1. */
int pg_batch_commit(struct pgstore *pg);
/* Forget all that waits (a rollback). */
void pg_batch_drop(struct pgstore *pg);
/* Add the outcomes of the jobs stored since the last call to n (new,
 * updated, unchanged): 0 or -1. */
int pg_batch_outcomes(struct pgstore *pg, int64_t n[3]);
/* Build the rollup again from every job row, in the open transaction:
 * 0 or -1. */
int pg_rollup_rebuild(struct pgstore *pg);

#endif
