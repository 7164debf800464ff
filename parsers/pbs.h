/*
 * Reader of PBS Professional / OpenPBS and TORQUE accounting logs
 * (server_priv/accounting/YYYYMMDD).  E records are jobs, R records the
 * interrupted runs of rerun jobs, D and A records of jobs that never
 * started cancelled jobs; Q and S records only feed what D records need.
 * Streams line by line.
 */
#ifndef HPCACCT_PBS_H
#define HPCACCT_PBS_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"
#include "linereader.h"

struct pbs_options {
	const char *cluster;	/* overrides the job id's server name */
};

/* Whether line looks like a PBS accounting record. */
int pbs_is_record(const char *line, size_t len);

/*
 * Read every record of lr, handing jobs to sink.  A last line without its
 * newline is left unread (the server may still be writing it).  Sets
 * *consumed to the bytes of lr read up to the last complete line.  Returns
 * 0, or -1 on a read or sink error with a reason in err.
 */
int pbs_parse(struct linereader *lr, const char *name,
    const struct pbs_options *opt, const struct job_sink *sink,
    int64_t *consumed, char *err, size_t errsize);

#endif
