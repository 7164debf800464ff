/*
 * The monthly workbook: one month's reports (usage per user, group,
 * account and queue, top users, wait times, job sizes, efficiency, the
 * last twelve months' signups, daily usage per queue, and utilisation
 * and service levels where configured) as the rows the reports build,
 * rendered by xlsx.h, after a summary sheet comparing the month with the
 * one before and the same month a year earlier.
 */
#ifndef HPCACCT_WORKBOOK_H
#define HPCACCT_WORKBOOK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "conf.h"
#include "store.h"

/* What the workbook left out, for the command's warnings. */
#define WORKBOOK_NO_CAPACITY	1	/* no capacity for a cluster used */
#define WORKBOOK_NO_SLO		2	/* no [slo] target */

struct workbook_request {
	int64_t from, to;		/* the month */
	const char *cluster;		/* one cluster, or NULL for all */
	const struct conf *conf;	/* capacities and SLO targets */
	int64_t created;		/* the document's creation time */
	FILE *summary;			/* the summary as text too, or NULL */
};

/*
 * Write the workbook of req from st to path.  Returns 0, -1 on a
 * database error (see store_errmsg), or -2 on a workbook error (the
 * reason in err); *left_out gets WORKBOOK_* bits.
 */
int workbook_write(struct store *st, const struct workbook_request *req,
    const char *path, unsigned *left_out, char *err, size_t errsize);

#endif
