/*
 * The signups report: per period (a month by default), new users,
 * cumulative users and active users (with a run in the period), per
 * group, account or organization if asked, and per source of the signup
 * date: the registry (hpcacct users import), slurmdbd, or, for users in
 * no registry, their first job's submit time (an estimate, "first-job").
 */
#ifndef HPCACCT_SIGNUPS_H
#define HPCACCT_SIGNUPS_H

#include <stdio.h>

#include "render.h"
#include "series.h"
#include "store.h"

struct signups_request {
	enum store_signup_key key;	/* STORE_SIGNUP_NONE: no key column */
	enum period period;		/* month or year */
	int64_t from, to;
};

/* Parse a --by key (group, account, organization): 0 or -1. */
int signups_key_parse(const char *name, enum store_signup_key *key);

/* Compute the report into r (rows.h): 0, -1 (database), or
 * -2 (too many periods). */
int signups_build(struct store *st, const struct signups_request *req,
    struct report *r);

#endif
