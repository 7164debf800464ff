/*
 * The PostgreSQL store (part of the store: src/store.c hands a database
 * given as a libpq connection URI to these, behind store.h and
 * store-ingest.h).  Statements come from sql/pg/ and the portable files
 * of sql/.  Each function takes the same arguments as the store.h
 * function of the same name, and reports errors through
 * pgstore_errmsg().  Without libpq (HAVE_POSTGRESQL unset),
 * pgstore_open() says so and nothing else is called.
 */
#ifndef HPCACCT_STORE_PG_H
#define HPCACCT_STORE_PG_H

#include <stddef.h>
#include <stdint.h>

#include "store-ingest.h"
#include "store.h"

struct pgstore;
struct agg_reading;

/* A row of a query, whichever backend read it (column i from 0). */
struct store_cols {
	const void *src;
	int (*is_null)(const void *src, int i);
	int64_t (*integer)(const void *src, int i);
	double (*real)(const void *src, int i);
	const char *(*text)(const void *src, int i);
};

/* A row of sql/jobs.sql (sql/pg/jobs.sql) as a job; its strings are the
 * row's (src/store.c, for both backends). */
void store_job_of_cols(const struct store_cols *c, struct job *j);

/* Is path a PostgreSQL connection URI (postgresql:// or postgres://)? */
int pgstore_is_uri(const char *path);

/* Connect and create or check the schema (mode as store_open()). */
struct pgstore *pgstore_open(const char *uri, enum store_open_mode mode,
    char *err, size_t errsize);
void pgstore_close(struct pgstore *pg);
const char *pgstore_errmsg(struct pgstore *pg);

int pgstore_begin(struct pgstore *pg);
void pgstore_begin_lazy(struct pgstore *pg);
int pgstore_commit(struct pgstore *pg);
void pgstore_rollback(struct pgstore *pg);
int pgstore_in_transaction(struct pgstore *pg);
void pgstore_set_lock_timeout(struct pgstore *pg, int ms);

enum store_put pgstore_put_job(struct pgstore *pg, const struct job *job,
    int64_t run);
int pgstore_put_outcomes(struct pgstore *pg, int64_t n[3]);
int64_t pgstore_run_begin(struct pgstore *pg, const char *input,
    const char *format, int64_t now);
int pgstore_run_finish(struct pgstore *pg, int64_t run,
    const struct store_run_counts *c, int64_t now);
int pgstore_file_get(struct pgstore *pg, const char *path,
    struct store_file *f);
int pgstore_file_put(struct pgstore *pg, const char *path,
    const struct store_file *f, int64_t run);

int pgstore_jobs(struct pgstore *pg, const struct store_filter *f,
    int (*fn)(void *ctx, const struct job *job), void *ctx);
int pgstore_usage(struct pgstore *pg, enum store_key key, int key2,
    const struct store_filter *f,
    int (*row)(void *ctx, const struct store_usage_row *r), void *ctx);
/* Remove the job rows input path (or, path NULL, ingest run run) wrote
 * last, its Kubernetes facts and its mark; n[0] the rows removed, n[1]
 * the marks: 0 or -1. */
int pgstore_forget(struct pgstore *pg, const char *path, int64_t run,
    int64_t n[2]);
int pgstore_runs(struct pgstore *pg,
    int (*row)(void *ctx, const struct store_run_row *r), void *ctx);
/* Fill *state with the PostgreSQL store's implementation (ctx pg). */
void pgstore_reader_state(struct pgstore *pg, struct reader_state *state);
/* The id of name of kind in names, or -1 where it has none. */
int64_t pgstore_name_find(struct pgstore *pg, int kind, const char *name);
/* Add f's job rows (those that ended in the window too where ended) to
 * reading r (sql/pg/reading.sql): 0 or -1. */
int pgstore_read(struct pgstore *pg, const struct store_filter *f,
    int ended, struct agg_reading *r);
/* Run a *_rows statement of sql/pg/ over $1 text and $2 number where
 * number >= 0: conv() per row until it returns nonzero.
 * 0, -1, or conv()'s value. */
int pgstore_rows(struct pgstore *pg, const char *sql, const char *text,
    int number, int (*conv)(const struct store_cols *, void *), void *arg);
/* Run sql (sql/pg/) with the n text parameters (NULL for SQL NULL):
 * conv() per row until it returns nonzero (none: rows are dropped).
 * 0, -1, or conv()'s value.  pgstore_write() does the same as a write
 * of the open transaction. */
int pgstore_query(struct pgstore *pg, const char *sql, int n,
    const char *const *params, int (*conv)(const struct store_cols *,
    void *), void *arg);
int pgstore_write(struct pgstore *pg, const char *sql, int n,
    const char *const *params, int (*conv)(const struct store_cols *,
    void *), void *arg);
int pgstore_span(struct pgstore *pg, int64_t *first, int64_t *last);
int pgstore_clusters(struct pgstore *pg,
    int (*row)(void *ctx, const char *cluster, int64_t jobs), void *ctx);

#endif
