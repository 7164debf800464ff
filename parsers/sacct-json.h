/*
 * The sacct --json reader: sacct --json and slurmrestd job lists, every
 * data_parser version (dbv0.0.37 of Slurm 22.05 to v0.0.46), into the
 * same job records as sacct --parsable2 gives.
 */
#ifndef HPCACCT_SACCT_JSON_H
#define HPCACCT_SACCT_JSON_H

#include <stddef.h>

#include "reader.h"

extern const struct reader sacct_json_reader;

/* Whether an input starting with line (and next) is sacct --json: an
 * object whose first key is "meta" or "jobs" (kubectl's are "apiVersion"
 * or "kind"). */
int sacct_json_is_start(const char *line, size_t len, const char *next,
    size_t next_len);

#endif
