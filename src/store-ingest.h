/*
 * The store as only ingest sees it: ingest runs, what was read of each
 * input file, and the state readers keep between records and runs (it
 * implements struct reader_state).  Neutral types only.
 */
#ifndef HPCACCT_STORE_INGEST_H
#define HPCACCT_STORE_INGEST_H

#include <stdint.h>

#include "reader-state.h"
#include "store.h"

/* Open an ingest run for one input; returns its id, or -1. */
int64_t store_run_begin(struct store *st, const char *input,
    const char *format, int64_t now);
/* Record the counts of a run; 0 or -1. */
int store_run_finish(struct store *st, int64_t run,
    const struct store_run_counts *counts, int64_t now);

/* What was read of an input file. */
struct store_file {
	int64_t device, inode, size, read_offset, mtime;
	char format[16];	/* the reader's name */
	char options[512];	/* the reading options ("--tz UTC ...") */
	int complete;		/* every record was stored (none rejected) */
};

/* Look up path: 1 found (*f filled), 0 unknown, -1 error. */
int store_file_get(struct store *st, const char *path, struct store_file *f);
/* Remember how far path was read in run; 0 or -1. */
int store_file_put(struct store *st, const char *path,
    const struct store_file *f, int64_t run);

/* Every file mark with the run that wrote it (JOB_UNSET: none), in path
 * order: row() per file until it returns nonzero (db copy).  0, -1, or
 * row()'s value. */
int store_files(struct store *st, int (*row)(void *ctx, const char *path,
    const struct store_file *f, int64_t run), void *ctx);

/*
 * The ingest run of st that stands for run r of database origin (db
 * copy's source, named by its path), made from r's fields the first
 * time, in the open transaction: 0 (*run set) or -1.  A PostgreSQL
 * database only (store_is_server()).
 */
int store_run_import(struct store *st, const char *origin,
    const struct store_run_row *r, int64_t *run);

/* How far live source ("slurmdbd:CLUSTER") was read: 1 (*until set), 0
 * never, -1 error. */
int store_cursor_get(struct store *st, const char *source, int64_t *until);
/* Live source was read up to until by run (in the open transaction): 0 or
 * -1. */
int store_cursor_put(struct store *st, const char *source, int64_t until,
    int64_t run);

/* Every live source's mark (source, until, the run that wrote it), in
 * source order: row() per mark until it returns nonzero (db copy).  0,
 * -1, or row()'s value. */
int store_cursors(struct store *st, int (*row)(void *ctx,
    const char *source, int64_t until, int64_t run), void *ctx);

/* Fill *state with the store's implementation (its ctx is st). */
void store_reader_state(struct store *st, struct reader_state *state);

#endif
