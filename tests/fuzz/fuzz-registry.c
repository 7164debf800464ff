/*
 * libFuzzer target for the user registry reader (parsers/registry.h): the
 * input is read as a registry file (CSV or LDIF, told by content), each
 * good user stored in a private in-memory database, then listed and
 * counted through report signups, as hpcacct users import and the
 * reports would.  Built like fuzz-ingest.c (see there).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "parsers/registry.h"
#include "reports/signups.h"
#include "store.h"
#include "timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *fuzz_null;

static int
fuzz_user(void *ctx, const struct registry_user *r)
{
	struct store_user u = {r->name, r->created, "registry", r->group,
	    r->organization, r->full_name, NULL};

	return store_user_put(ctx, &u) != 0;
}

static void
fuzz_reject(void *ctx, size_t line, const char *reason)
{
	(void)ctx;
	(void)line;
	(void)reason;
}

static int
fuzz_list(void *ctx, const struct store_user *u)
{
	fprintf(ctx, "%s %lld %s\n", u->name, (long long)u->created,
	    u->source);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct signups_request all = {STORE_SIGNUP_ORGANIZATION, PERIOD_YEAR,
	    INT64_MIN / 4, INT64_MAX / 4};
	struct registry_sink sink = {NULL, fuzz_user, fuzz_reject};
	struct store *st;
	const char *why;
	char err[1024];
	struct report r;
	FILE *fp;

	if (fuzz_null == NULL) {
		fuzz_null = fopen("/dev/null", "w");
		timeutil_set_zone("Europe/Berlin");
	}
	st = store_open(":memory:", STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		abort();
	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL) {
		store_close(st);	/* glibc opens no empty buffer */
		return 0;
	}
	sink.ctx = st;
	store_begin(st);
	if (registry_read(fp, &sink, &why) == 0)
		store_commit(st);
	else
		store_rollback(st);
	fclose(fp);
	store_users(st, fuzz_list, fuzz_null);
	if (signups_build(st, &all, &r) == 0)
		report_render(&r, REPORT_JSON, fuzz_null);
	report_free(&r);
	store_close(st);
	return 0;
}
