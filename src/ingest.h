/*
 * Ingest: read one input (file or stdin) in one transaction, detect its
 * format, hand its jobs to the store and count what happened to each
 * record.  Diagnostics go to the caller through callbacks.
 */
#ifndef HPCACCT_INGEST_H
#define HPCACCT_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

enum ingest_format {
	INGEST_AUTO,
	INGEST_SLURM
};

struct ingest_options {
	enum ingest_format format;
	const char *cluster;	/* --cluster, or NULL */
	const char *columns;	/* --columns, or NULL */
};

/* Parse a --format name ("auto", "slurm"); 0 or -1. */
int ingest_format_parse(const char *name, enum ingest_format *format);

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

/*
 * Ingest path ("-" is stdin) into st as one transaction and ingest run.
 * Fills *counts.  Returns 0 when the input was read to its end (rejected
 * records are counted, the rest kept), or -1 when nothing of it was stored,
 * with a reason in err.
 */
int ingest_path(struct store *st, const char *path,
    const struct ingest_options *opt, const struct ingest_report *report,
    struct store_run_counts *counts, char *err, size_t errsize);

#endif
