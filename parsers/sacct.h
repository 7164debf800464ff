/*
 * Reader of `sacct --parsable2` output: one job record per allocation line,
 * with the steps that follow it folded in (CPU time, peak memory).
 * Streams: memory is that of two lines, whatever the input size.
 */
#ifndef HPCACCT_SACCT_H
#define HPCACCT_SACCT_H

#include <stddef.h>

#include "job.h"
#include "linereader.h"
#include "reader.h"

/* The reader table's entry for sacct output. */
extern const struct reader sacct_reader;

struct sacct_options {
	const char *cluster;	/* overrides the Cluster column; NULL: none */
	const char *columns;	/* column order of headerless input, or NULL */
	const char *delimiter;	/* sacct --delimiter; NULL: "|" */
};

/* Whether line looks like an sacct header (has a JobID column) when
 * split at delimiter (NULL: "|"). */
int sacct_is_header(const char *line, size_t len, const char *delimiter);

/*
 * Check a --columns list ("JobID,User,..." or "JobID|User|..."; sacct's
 * "%width" suffixes allowed).  Returns 0, or -1 with a reason in err.
 */
int sacct_check_columns(const char *columns, char *err, size_t errsize);

/*
 * Read every record of lr and hand each ended job to sink.  name is the
 * input's name for job provenance.  Returns 0 when the whole input was
 * read (bad records go to sink->reject), or -1 on an error that stops the
 * file (no usable header, a read error, a sink failure) with a reason in
 * err.
 */
int sacct_parse(struct linereader *lr, const char *name,
    const struct sacct_options *opt, const struct job_sink *sink,
    char *err, size_t errsize);

#endif
