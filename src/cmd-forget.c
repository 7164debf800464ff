/* hpcacct forget: remove what an input file or an ingest run stored. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"

static const char forget_help[] =
    "Remove the job records that FILE (as it was given to ingest; see\n"
    "'hpcacct runs') or ingest run N stored, and the file's mark, so the\n"
    "next ingest reads it again from its start.  A job record belongs to\n"
    "the file or run that wrote it last.  Each FILE, or the run, is one\n"
    "transaction; the count removed is printed.\n"
    "\n"
    "Options:\n"
    "      --run N         the ingest run N instead of files\n"
    "      --lock-timeout T  how long to wait while an ingest writes\n"
    "                      (90s, 10m, 1h; default 10m)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 removed, 1 nothing was stored from it or a database\n"
    "error, 2 usage error.\n";

/* Forget one file or run in its own transaction; returns a status. */
static int
cmd_forget_one(struct store *st, const char *path, int64_t run)
{
	char name[64];
	int64_t n;
	int known = 1;

	if (path == NULL)
		snprintf(name, sizeof(name), "run %lld", (long long)run);
	if (store_begin(st) != 0)
		goto db_error;
	n = path != NULL ? store_forget_file(st, path, &known) :
	    store_forget_run(st, run);
	if (n < 0 || store_commit(st) != 0)
		goto db_error;
	if (n == 0 && !known) {
		msg_error("%s: no jobs were stored from it (see hpcacct runs)",
		    path != NULL ? path : name);
		return 1;
	}
	printf("%s: removed %lld job records\n", path != NULL ? path : name,
	    (long long)n);
	return 0;
db_error:
	msg_error("%s: database %s", path != NULL ? path : name,
	    store_errmsg(st));
	store_rollback(st);
	return 1;
}

struct forget_args {
	int64_t run, secs;
};

static int
cmd_forget_option(void *ctx, int c, const char *arg)
{
	struct forget_args *a = ctx;
	char *end;

	if (c == 'r') {
		errno = 0;
		a->run = strtoll(arg, &end, 10);
		if (errno != 0 || *end != '\0' || a->run < 1)
			return msg_usage("forget", "bad --run '%s' (a run "
			    "number from hpcacct runs)", arg);
	} else if (cmd_parse_seconds(arg, &a->secs) != 0 || a->secs > 86400)
		return msg_usage("forget", "bad --lock-timeout '%s' (e.g. 90s, "
		    "10m, 1h)", arg);
	return -1;
}

static int
cmd_forget_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct forget_args a = {-1, -1};
	struct store *st;
	int i, status;

	if ((status = cmd_parse(&cmd_forget_entry, argc, argv, cmd_forget_option,
	    &a)) >= 0)
		return status;
	if ((a.run > 0) == (optind < argc))
		return msg_usage("forget", a.run > 0 ? "give files or --run, "
		    "not both" : "nothing to forget (give FILE or --run N)");
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	if (a.secs >= 0)
		store_set_lock_timeout(st, (int)(a.secs * 1000));
	status = a.run > 0 ? cmd_forget_one(st, NULL, a.run) : 0;
	for (i = optind; i < argc; i++)
		if (cmd_forget_one(st, argv[i], 0) != 0)
			status = 1;
	store_close(st);
	return status;
}

static const struct option forget_longopts[] = {
	{"run", required_argument, NULL, 'r'},
	{"lock-timeout", required_argument, NULL, 'L'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_forget_entry = {
	"forget", "forget [--lock-timeout T] FILE... | --run N",
	"remove what an input file or an ingest run stored",
	"", forget_longopts, forget_help, NULL, cmd_forget_exec
};
