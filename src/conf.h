/*
 * The configuration file (hpcacct.conf(5)): INI sections of key = value
 * lines.  [database] path; [report] tz; [kubernetes] user_keys and
 * queue_keys; [cluster NAME] capacity lines (from a date on: cores,
 * nodes, GPUs); [slo] queue = DURATION pNN.  Read once, whole; a line that
 * does not parse is an error with its file and line.
 */
#ifndef HPCACCT_CONF_H
#define HPCACCT_CONF_H

#include <stddef.h>
#include <stdint.h>

#define CONF_MAX_KEYS 8	/* Kubernetes keys of each kind */

/* A cluster's capacity from a date on (until the next one). */
struct conf_capacity {
	int64_t from;		/* epoch: local midnight of the date */
	int64_t cores, nodes, gpus;	/* JOB_UNSET-free: 0 where not given */
};

struct conf_cluster {
	char *name;
	struct conf_capacity *cap;	/* in date order */
	size_t ncap;
};

/* A queue's service level target: pct % of jobs start within wait s. */
struct conf_slo {
	char *queue;
	int64_t wait;
	double pct;
};

struct conf {
	char *path;			/* the file read, or NULL */
	char *db_path;			/* [database] path, or NULL */
	char *tz;			/* [report] tz, or NULL */
	char *user_keys[CONF_MAX_KEYS + 1];	/* NULL-terminated */
	char *queue_keys[CONF_MAX_KEYS + 1];
	struct conf_cluster *clusters;
	size_t nclusters;
	struct conf_slo *slo;
	size_t nslo;
};

/*
 * Read path into *c.  A missing file is no error when missing_ok (the
 * default path): *c is then empty.  Returns 0, or -1 with
 * "FILE:LINE: reason" in err.  Free with conf_free().  Capacity dates
 * are read in the process time zone.
 */
int conf_read(const char *path, int missing_ok, struct conf *c,
    char *err, size_t errsize);
void conf_free(struct conf *c);

/* The cluster called name, or NULL. */
const struct conf_cluster *conf_cluster(const struct conf *c,
    const char *name);

#endif
