/*
 * SWF export: the stored jobs of a window written as one SWF 2.2 file,
 * header first, from the store through the SWF model.
 */
#ifndef HPCACCT_SWF_EXPORT_H
#define HPCACCT_SWF_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store.h"

struct swf_export_options {
	int64_t from, to;		/* submit window [from, to) */
	const char *cluster;		/* NULL: every cluster */
	const char *installation;
	int64_t now;			/* conversion date */
	int names;			/* name queues and clusters in the header */
};

/*
 * Write every stored job of the window as SWF to out, sorted by submit,
 * and their number to *jobs.  Returns 0, or -1 with a reason in err
 * (database or I/O error).
 */
int swf_export(struct store *st, const struct swf_export_options *opt,
    FILE *out, int64_t *jobs, char *err, size_t errsize);

#endif
