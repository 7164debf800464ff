/*
 * The store's rollups (part of the SQLite store; see sql/migrate-3.sql
 * and migrate-4.sql): per UTC day, month and year, and per combination
 * of cluster, user, group, account, queue and qos, what the runs did.
 * The store passes every change to a job row here (a row's old values
 * with sign -1, its new ones with +1; in SQL, through the function
 * rollup_delta()); the changes gather in memory, summed per
 * rollup cell, and rollup_flush() adds them to the rollup table inside
 * the transaction that made them, so rollups and jobs commit together.
 * It also keeps the store's dictionary of names (the names table), which
 * job rows refer to by id as the rollup does.
 */
#ifndef HPCACCT_STORE_ROLLUP_H
#define HPCACCT_STORE_ROLLUP_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "store-cells.h"

struct rollup;

/* Register rollup_delta() on db.  Returns NULL on failure. */
struct rollup *rollup_open(sqlite3 *db);
void rollup_close(struct rollup *r);

/* The change of run with these names, as ids of the rollup's own (the
 * strings may go after the call). */
void rollup_change_of(struct rollup *r, const char *const names[ROLLUP_NDIMS],
    const struct rollup_run *run, struct rollup_change *c);

/* The id in names of name of kind, added if new (in the open
 * transaction): 0 for NULL, -1 on failure. */
int64_t rollup_name(struct rollup *r, int kind, const char *name);

/* Add c to the waiting changes with sign 1 or -1. */
void rollup_apply(struct rollup *r, const struct rollup_change *c, int sign);

/* The cells waiting for rollup_flush(). */
size_t rollup_pending(const struct rollup *r);

/* Add the waiting changes to the rollup table (in the open
 * transaction): 0 or -1 (see sqlite3_errmsg()). */
int rollup_flush(struct rollup *r);

/* Forget the waiting changes (the transaction rolled back). */
void rollup_discard(struct rollup *r);

/* Build the rollup table again from every job row (in the open
 * transaction): 0 or -1. */
int rollup_rebuild(struct rollup *r);

/* Bind w to parameters first to first + 15 of stmt (sql/usage_rollup.sql's
 * ?12 to ?27). */
void rollup_bind_window(sqlite3_stmt *stmt, int first,
    const struct rollup_window *w);

#endif
