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

#include "reader.h"

/*
 * The reader table's entry.  --cluster overrides the job id's server
 * name.  A last line without its newline is left unread (the server may
 * still be writing it): *consumed ends at the last complete line.
 */
extern const struct reader pbs_reader;

/* Whether line looks like a PBS accounting record. */
int pbs_is_record(const char *line, size_t len);

#endif
