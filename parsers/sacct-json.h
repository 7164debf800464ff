/*
 * The sacct --json reader: sacct --json and slurmrestd job lists, every
 * data_parser version (dbv0.0.37 of Slurm 22.05 to v0.0.46), into the
 * same job records as sacct --parsable2 gives.
 */
#ifndef HPCACCT_SACCT_JSON_H
#define HPCACCT_SACCT_JSON_H

#include "reader.h"

extern const struct reader sacct_json_reader;

#endif
