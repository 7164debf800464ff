/* The signups report (see signups.h). */
#include "config.h"

#include <string.h>

#include "signups.h"

static const struct report_column signups_columns[] = {
	{"source", REPORT_TEXT, "", 0, 9},
	{"new_users", REPORT_INT, "", 1, 9},
	{"cumulative_users", REPORT_INT, "", 0, 16},
	{"active_users", REPORT_INT, "", 0, 12},
};
#define SIGNUPS_NCOLS (sizeof(signups_columns) / sizeof(signups_columns[0]))

struct signups_fill {
	struct store *st;
	const struct signups_request *req;
	struct report *r;
	const char *period;
};

int
signups_key_parse(const char *name, enum store_signup_key *key)
{
	if (strcmp(name, "group") == 0)
		*key = STORE_SIGNUP_GROUP;
	else if (strcmp(name, "account") == 0)
		*key = STORE_SIGNUP_ACCOUNT;
	else if (strcmp(name, "organization") == 0)
		*key = STORE_SIGNUP_ORGANIZATION;
	else
		return -1;
	return 0;
}

static const char *
signups_key_name(enum store_signup_key key)
{
	return key == STORE_SIGNUP_GROUP ? "group" :
	    key == STORE_SIGNUP_ACCOUNT ? "account" : "organization";
}

static int
signups_add_row(void *ctx, const struct store_signup_row *s)
{
	struct signups_fill *f = ctx;
	struct report_cell *c = report_row(f->r);

	report_set_text(c++, f->period);
	if (f->req->key != STORE_SIGNUP_NONE)
		report_set_text(c++, s->key);
	report_set_text(&c[0], s->source);
	report_set_int(&c[1], s->new_users);
	report_set_int(&c[2], s->users);
	report_set_int(&c[3], s->active);
	return 0;
}

static int
signups_window(void *ctx, int64_t from, int64_t to, const char *label)
{
	struct signups_fill *f = ctx;
	int64_t start = period_start(f->req->period, from);

	/* Where the window is open its periods are whole: a signup before
	 * the first run is still one of its period. */
	if (f->req->from <= STORE_WINDOW_MIN)
		from = start;
	if (f->req->to >= STORE_WINDOW_MAX)
		to = period_next(f->req->period, start);
	f->period = label;
	return store_signups(f->st, f->req->key, from, to, signups_add_row, f);
}

int
signups_build(struct store *st, const struct signups_request *req,
    struct report *r)
{
	struct report_column cols[2 + SIGNUPS_NCOLS];
	struct signups_fill fill = {st, req, r, NULL};
	size_t n;
	int rc;

	n = series_columns(cols, req->period, req->key == STORE_SIGNUP_NONE ?
	    NULL : signups_key_name(req->key), NULL);
	memcpy(cols + n, signups_columns, sizeof(signups_columns));
	report_init(r, "signups", cols, n + SIGNUPS_NCOLS);
	r->from = req->from;
	r->to = req->to;
	rc = series_each(st, req->period, req->from, req->to, signups_window,
	    &fill);
	return rc;
}
