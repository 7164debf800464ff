/*
 * User registries: who has an account since when, as a site exports it.
 * CSV with a header row naming at least "user" and "created" (optional
 * "group", "organization", "name"), or LDIF ("uid", "createTimestamp",
 * optional "o" or else "ou", "cn"), told apart by content.  A bad line
 * (entry) is rejected with its line number; every good one goes to the
 * sink.
 */
#ifndef HPCACCT_REGISTRY_H
#define HPCACCT_REGISTRY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct registry_user {
	const char *name;
	int64_t created;	/* UTC epoch */
	const char *group, *organization, *full_name;	/* NULL: none */
};

struct registry_sink {
	void *ctx;
	/* A good entry (strings valid during the call): 0, or nonzero to
	 * stop the read (which then returns -1). */
	int (*user)(void *ctx, const struct registry_user *u);
	/* The entry starting at line is bad for reason. */
	void (*reject)(void *ctx, size_t line, const char *reason);
};

/*
 * Read the registry in fp to sink.  CSV dates are YYYY-MM-DD or
 * YYYY-MM-DDTHH:MM:SS (with Z or an offset, else in the process time
 * zone) or @EPOCH; LDIF ones are GeneralizedTime (20240115103000Z).
 * LDIF entries without uid (groups, units) are no users and skipped.
 * Returns 0, or -1 when the sink stopped it or the file cannot be read
 * (errno set) or is neither CSV with the columns nor LDIF (*why set).
 */
int registry_read(FILE *fp, const struct registry_sink *sink,
    const char **why);

/* Parse an LDAP GeneralizedTime: 0 or -1. */
int registry_parse_generalized_time(const char *s, int64_t *epoch);

#endif
