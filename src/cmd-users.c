/* hpcacct users: the user registry (import) and every known user (list). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "msg.h"
#include "parsers/registry.h"
#include "parsers/slurmdbd.h"
#include "reports/render.h"

/* One registry file being imported. */
struct users_import {
	struct store *st;
	const char *path;
	size_t stored, rejected;
	int failed;		/* the store failed */
};

static int
users_import_user(void *ctx, const struct registry_user *r)
{
	struct users_import *im = ctx;
	struct store_user u = {r->name, r->created, "registry", r->group,
	    r->organization, r->full_name, NULL};

	if (store_user_put(im->st, &u) != 0) {
		im->failed = 1;
		return 1;
	}
	im->stored++;
	return 0;
}

static void
users_import_reject(void *ctx, size_t line, const char *reason)
{
	struct users_import *im = ctx;

	msg_error("%s:%zu: %s", im->path, line, reason);
	im->rejected++;
}

/* Import one file in one transaction: 0, 1 (rejects), or -1 (failed:
 * nothing of it stored). */
static int
users_import_file(struct store *st, const char *path, int quiet)
{
	struct users_import im = {st, path, 0, 0, 0};
	struct registry_sink sink = {&im, users_import_user,
	    users_import_reject};
	const char *why;
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	int rc;

	if (fp == NULL) {
		msg_error("%s: %s", path, strerror(errno));
		return -1;
	}
	if (store_begin(st) != 0) {
		msg_error("database %s", store_errmsg(st));
		return -1;
	}
	rc = registry_read(fp, &sink, &why);
	if (fp != stdin)
		fclose(fp);
	if (rc != 0 || im.failed || store_commit(st) != 0) {
		if (im.failed || rc == 0)
			msg_error("database %s", store_errmsg(st));
		else
			msg_error("%s: %s; nothing of it was stored", path,
			    why != NULL ? why : strerror(errno));
		store_rollback(st);
		return -1;
	}
	if (!quiet || im.rejected > 0)
		printf("%s: stored %zu users, rejected %zu\n", path, im.stored,
		    im.rejected);
	return im.rejected > 0;
}

static int
users_import_slurmdbd_user(void *ctx, const char *name, int64_t created,
    const char *account)
{
	struct users_import *im = ctx;
	struct store_user u = {name, created, "slurmdbd", NULL, NULL, NULL,
	    account};

	if (store_user_put(im->st, &u) != 0) {
		im->failed = 1;
		return 1;
	}
	im->stored++;
	return 0;
}

/* The users slurmdbd added, in one transaction: 0 or -1. */
static int
users_import_slurmdbd(struct store *st, int quiet)
{
	struct users_import im = {st, "slurmdbd", 0, 0, 0};
	char err[512];

	if (store_begin(st) != 0) {
		msg_error("database %s", store_errmsg(st));
		return -1;
	}
	if (slurmdbd_users(users_import_slurmdbd_user, &im, err,
	    sizeof(err)) != 0 || store_commit(st) != 0) {
		if (im.failed || store_failed(st))
			msg_error("database %s", store_errmsg(st));
		else
			msg_error("slurmdbd: %s; no user was stored", err);
		store_rollback(st);
		return -1;
	}
	if (!quiet)
		printf("slurmdbd: stored %zu users\n", im.stored);
	return 0;
}

struct users_import_args {
	int quiet, slurmdbd;
};

static int
users_import_option(void *ctx, int c, const char *arg)
{
	struct users_import_args *a = ctx;

	(void)arg;
	if (c == 'q')
		a->quiet = 1;
	else
		a->slurmdbd = 1;
	return -1;
}

static int
cmd_users_import_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct users_import_args a = {0, 0};
	struct store *st;
	int quiet, r, status = 0;

	if ((r = cmd_parse(&cmd_users_import_entry, argc, argv,
	    users_import_option, &a)) >= 0)
		return r;
	quiet = a.quiet;
	if (optind == argc && !a.slurmdbd)
		return msg_usage("users import", "no registry file given "
		    "(or --from-slurmdbd)");
	if ((st = cmd_open_store(g, STORE_OPEN_CREATE)) == NULL)
		return 1;
	if (a.slurmdbd && users_import_slurmdbd(st, quiet) != 0)
		status = 1;
	for (; optind < argc; optind++) {
		r = users_import_file(st, argv[optind], quiet);
		status = r != 0 && status == 0 ? 1 : status;
	}
	store_close(st);
	return cmd_finish_output(status);
}

static const struct report_column users_columns[] = {
	{"user", REPORT_TEXT, "", 0, 4},
	{"created", REPORT_TEXT, "", 0, 19},
	{"source", REPORT_TEXT, "", 0, 6},
	{"group", REPORT_TEXT, "", 0, 5},
	{"organization", REPORT_TEXT, "", 0, 12},
	{"name", REPORT_TEXT, "", 0, 4},
	{"account", REPORT_TEXT, "", 0, 7},
};

/* What users list takes. */
struct users_list_args {
	enum report_format format;
	struct cmd_window window;	/* only --tz */
	const char *output;
};

static int
users_list_row(void *ctx, const struct store_user *u)
{
	struct report *r = ctx;
	struct report_cell *c = report_row(r);
	char created[32];
	time_t t = (time_t)u->created;
	struct tm tm;

	report_set_text(&c[0], u->name);
	if (localtime_r(&t, &tm) != NULL &&
	    strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%S", &tm) > 0)
		report_set_text(&c[1], created);
	report_set_text(&c[2], u->source);
	report_set_text(&c[3], u->group);
	report_set_text(&c[4], u->organization);
	report_set_text(&c[5], u->full_name);
	report_set_text(&c[6], u->account);
	return 0;
}

static int
users_list_option(void *ctx, int c, const char *arg)
{
	struct users_list_args *a = ctx;
	int r = cmd_window_option("users list", &a->window, c, arg);

	if (r != 0)
		return r;
	if (c == 'o') {
		a->output = arg;
		return -1;
	}
	if (report_format_parse(arg, &a->format) != 0)
		return msg_usage("users list", "bad --format '%s' (table, csv, "
		    "tsv, json)", arg);
	return -1;
}

static int
cmd_users_list_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct users_list_args a;
	struct cmd_output out;
	struct report r;
	struct store *st;
	int64_t from, to;
	int rc;

	memset(&a, 0, sizeof(a));
	if ((rc = cmd_parse(&cmd_users_list_entry, argc, argv,
	    users_list_option, &a)) >= 0)
		return rc;
	if (optind < argc)
		return msg_usage("users list", "unexpected argument '%s'",
		    argv[optind]);
	/* no window: only the time zone (--tz, TZ, the configuration) */
	if ((rc = cmd_window_resolve(g, "users list", &a.window,
	    (int64_t)time(NULL), &from, &to)) != 0)
		return rc;
	if ((st = cmd_open_store(g, STORE_OPEN_EXISTING)) == NULL)
		return 1;
	if (cmd_output_open(&out, a.output) != 0) {
		store_close(st);
		return 1;
	}
	report_init(&r, "users", users_columns,
	    sizeof(users_columns) / sizeof(users_columns[0]));
	if ((rc = store_users(st, users_list_row, &r)) != 0)
		msg_error("database %s", store_errmsg(st));
	else
		report_render(&r, a.format, out.fp);
	report_free(&r);
	store_close(st);
	return cmd_output_close(&out, rc == 0 && !ferror(out.fp));
}

static const struct option users_import_longopts[] = {
	{"quiet", no_argument, NULL, 'q'},
	{"from-slurmdbd", no_argument, NULL, 'S'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

static const struct option users_list_longopts[] = {
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"tz", required_argument, NULL, CMD_OPT_TZ},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_users_import_entry = {
	"users import", "users import [-q] FILE... | --from-slurmdbd",
	"store a user registry (CSV, LDIF or slurmdbd's): who has an account "
	"since when",
	"q", users_import_longopts,
	"Store the users of each registry FILE ('-': standard input), told\n"
	"apart by content:\n"
	"  CSV   a header row naming at least the columns user and created\n"
	"        (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS with Z or +HH:MM or in TZ,\n"
	"        or @EPOCH), and optionally group, organization and name\n"
	"  LDIF  entries with uid and createTimestamp (20240115103000Z), and\n"
	"        optionally o (else ou) and cn; entries without uid are skipped\n"
	"A user read again is replaced.  A bad line is reported as\n"
	"FILE:LINE: reason and every good one is stored (exit status 1); each\n"
	"file is one transaction.\n"
	"With --from-slurmdbd, the users Slurm's accounting database added\n"
	"(its \"Add Users\" transactions, through sacctmgr with SLURM_CONF):\n"
	"each with the time it was added, its default account and the source\n"
	"slurmdbd.  Importing again changes nothing.\n"
	"\n"
	"Options:\n"
	"      --from-slurmdbd the users of slurmdbd\n"
	"  -q, --quiet         no summary line unless a line was rejected\n"
	"  -h, --help          show this help\n",
	NULL, cmd_users_import_exec
};

const struct cmd_entry cmd_users_list_entry = {
	"users list", "users list [--format table|csv|tsv|json] [--tz ZONE]"
	" [-o FILE]",
	"every user: of the registry, or first seen in a job",
	"f:o:", users_list_longopts,
	"Every user with their signup date (created, in the time zone) and\n"
	"its source: registry (users import), slurmdbd, or first-job (no\n"
	"registry has them: the submit time of their first job, an\n"
	"estimate).  Columns: user, created, source, group (the registry's,\n"
	"else the first job's), organization, name, account (slurmdbd's\n"
	"default account, else the first job's).\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"      --tz ZONE       the time zone of created (default: TZ)\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_users_list_exec
};

static int
cmd_users_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_entry *const subs[] = {
		&cmd_users_import_entry,
		&cmd_users_list_entry,
		NULL
	};

	return cmd_run_sub(&cmd_users_entry, g, argc, argv, subs);
}

const struct cmd_entry cmd_users_entry = {
	"users", "users COMMAND [OPTIONS]",
	"the user registry (import, list)",
	"", NULL,
	"Commands:\n",
	NULL, cmd_users_exec
};
