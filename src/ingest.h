/*
 * Ingest: read one input (a file or stdin) in one transaction, find its
 * reader (reader.h), hand its jobs to the store and count what happened
 * to each record.  A file read before is read again only from where the
 * last run stopped (when it grew) or not at all (when it is unchanged).
 * Diagnostics go to the caller through callbacks.
 */
#ifndef HPCACCT_INGEST_H
#define HPCACCT_INGEST_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "reader.h"
#include "store.h"

struct ingest_options {
	const struct reader *reader;	/* --format, or NULL: detect */
	struct reader_options read;	/* what the reader heeds */
	int reread;		/* read known files again from the start */
	int replace;		/* remove what a known file stored, then read
				 * it again, whatever its options were */
	/* Set (by a signal handler) to stop reading; NULL: never. */
	volatile sig_atomic_t *stop;
};

/* Per-record diagnostics: file, 1-based line (0: the whole file), text. */
struct ingest_report {
	void *ctx;
	void (*reject)(void *ctx, const char *file, int64_t line,
	    const char *reason);
	void (*skip)(void *ctx, const char *file, int64_t line,
	    const char *reason);
	void (*warn)(void *ctx, const char *file, int64_t line,
	    const char *reason);
};

enum ingest_result {
	INGEST_READ,		/* read (from its start or where it stopped) */
	INGEST_UNCHANGED,	/* the same file as last time: not opened */
	INGEST_FAILED,		/* nothing of it stored; see err */
	INGEST_STOPPED,		/* stopped: a stream keeps what it read, a
				 * file nothing */
	INGEST_OPTIONS_DIFFER	/* read before with other options (err says
				 * which): not read; --replace reads it */
};

/*
 * Ingest path ("-" is stdin) into st as one transaction and ingest run.
 * Fills *counts and *bytes (bytes read).  Rejected records are counted,
 * the rest kept.  A file is remembered (as read, with its options) only
 * when it stored a job, and as complete only when nothing was rejected;
 * with opt->replace, *removed is the number of job rows of its earlier
 * reading removed first.
 */
enum ingest_result ingest_path(struct store *st, const char *path,
    const struct ingest_options *opt, const struct ingest_report *report,
    struct store_run_counts *counts, int64_t *bytes, int64_t *removed,
    char *err, size_t errsize);

/* Add the counts c to sum. */
void ingest_counts_add(struct store_run_counts *sum,
    const struct store_run_counts *c);

/* The live Slurm source of ingest --from-slurmdbd. */
struct ingest_live {
	const char *cluster;	/* --cluster; NULL: the configuration's */
	int since_last;		/* --since last: from the last run's end */
	int64_t since, until;	/* [since, until), UTC epoch */
	int64_t chunk;		/* seconds asked for at a time */
	/* After each window stored (NULL: none). */
	void (*progress)(void *ctx, const char *name, int64_t from,
	    int64_t to, const struct store_run_counts *c);
};

/* How far before the last run's end --since last starts again: a job
 * slurmdbd learnt of late (it was down) is still found. */
#define INGEST_LIVE_OVERLAP 86400

/*
 * Ingest the jobs slurmdbd has for [since, until), one chunk at a time,
 * each chunk one transaction and ingest run that also records how far
 * the cluster was read.  *name is "slurmdbd:CLUSTER" (the name in the
 * diagnostics), *counts the sum of the chunks.  INGEST_READ,
 * INGEST_STOPPED (a signal; the chunks before it stay stored), or
 * INGEST_FAILED with the reason in err (the chunks before it stay).
 */
enum ingest_result ingest_slurmdbd(struct store *st,
    const struct ingest_live *live, const struct ingest_options *opt,
    const struct ingest_report *report, struct store_run_counts *counts,
    char *name, size_t namesize, char *err, size_t errsize);

#endif
