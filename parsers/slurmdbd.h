/*
 * The live Slurm reader: jobs straight from slurmdbd through libslurm
 * (slurmdb_jobs_get), one time window at a time, as the very job records
 * the sacct readers make (same job id, states, steps folded in), and the
 * users slurmdbd added, for the user registry.  Built without libslurm,
 * every call fails with SLURMDBD_UNSUPPORTED.
 */
#ifndef HPCACCT_SLURMDBD_H
#define HPCACCT_SLURMDBD_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"

struct slurmdbd;

/* What slurmdbd_open() returns besides a connection. */
#define SLURMDBD_UNSUPPORTED "this hpcacct was built without libslurm, so " \
	"it has no live Slurm support (install libslurm-dev, then run " \
	"configure and make again)"

/* Whether this build can talk to slurmdbd. */
int slurmdbd_supported(void);

/*
 * Connect to the slurmdbd of the Slurm configuration ($SLURM_CONF, else
 * /etc/slurm/slurm.conf); cluster NULL: the configuration's ClusterName.
 * NULL on failure, with the reason in err.
 */
struct slurmdbd *slurmdbd_open(const char *cluster, char *err,
    size_t errsize);
void slurmdbd_close(struct slurmdbd *d);

/* The cluster asked about. */
const char *slurmdbd_cluster(const struct slurmdbd *d);

/*
 * Hand every job of the cluster that was in any state during [from, to)
 * (every incarnation; jobs that have not ended are skipped) to sink; the
 * jobs' source_file is name, their source_line the record's number from
 * *record on.  0, or -1 with libslurm's reason in err.
 */
int slurmdbd_read(struct slurmdbd *d, int64_t from, int64_t to,
    const char *name, int64_t *record, const struct job_sink *sink,
    char *err, size_t errsize);

/*
 * For tests and fuzzing: a reader with no connection, whose GPU TRES ids
 * are gpu (untyped, 0: none) and typed[0..ntyped-1] and which knows no
 * QOS name (NULL without libslurm); and the conversion of list (a
 * libslurm List of slurmdb_job_rec_t, as slurmdb_jobs_get() gives it),
 * as slurmdbd_read() does it: 0, or -1 (the sink stopped).
 */
struct slurmdbd *slurmdbd_offline(const char *cluster, uint32_t gpu,
    const uint32_t *typed, size_t ntyped);
int slurmdbd_read_list(struct slurmdbd *d, void *list, const char *name,
    int64_t *record, const struct job_sink *sink);

/*
 * The users slurmdbd added ("Add Users" transactions, read through
 * sacctmgr, which must be on PATH with the same configuration), each with
 * the time it was added and its default account (NULL: none): user() per
 * user, returning nonzero to stop.  0, or -1 with the reason in err.
 */
int slurmdbd_users(int (*user)(void *ctx, const char *name, int64_t created,
    const char *account), void *ctx, char *err, size_t errsize);

/* The same from sacctmgr's answers: txn "TIME|NAME[,NAME...]" lines
 * (TIME in UTC), users "NAME|DEFAULT_ACCOUNT" lines; txn is cut up. */
int slurmdbd_users_parse(char *txn, char *users,
    int (*user)(void *ctx, const char *name, int64_t created,
    const char *account), void *ctx, char *err, size_t errsize);

#endif
