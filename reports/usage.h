/*
 * The usage report: jobs, core-hours, node-hours, GPU-hours and runs per
 * user, group, account, queue or cluster over a time window, as report
 * rows rendered in any format (render.h).
 */
#ifndef HPCACCT_USAGE_H
#define HPCACCT_USAGE_H

#include <stdint.h>
#include <stdio.h>

#include "render.h"
#include "store.h"

/* Whether key is one of user, group, account, queue, cluster. */
int usage_key_valid(const char *key);

/*
 * Compute the usage per key in [from, to) from st and write it to out in
 * format.  Returns 0, or -1 on a database error (see store_errmsg).
 */
int usage_report(struct store *st, const char *key, int64_t from,
    int64_t to, enum report_format format, FILE *out);

#endif
