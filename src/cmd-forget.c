/* hpcacct forget: remove what an input file or an ingest run stored. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"

static const char forget_help[] =
    "Usage: hpcacct forget [--lock-timeout T] FILE...\n"
    "       hpcacct forget [--lock-timeout T] --run N\n"
    "\n"
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
forget_one(struct store *st, const char *path, int64_t run)
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

static int
forget_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"run", required_argument, NULL, 'r'},
		{"lock-timeout", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	int64_t run = -1, secs = -1;
	struct store *st;
	char *end;
	int c, i, status = 0;

	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			errno = 0;
			run = strtoll(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || run < 1)
				return msg_usage("forget", "bad --run '%s' (a "
				    "run number from hpcacct runs)", optarg);
			break;
		case 'L':
			if (cmd_parse_seconds(optarg, &secs) != 0 ||
			    secs > 86400)
				return msg_usage("forget", "bad --lock-timeout "
				    "'%s' (e.g. 90s, 10m, 1h)", optarg);
			break;
		case 'h':
			fputs(forget_help, stdout);
			return 0;
		default:
			return cmd_option_error("forget", c, argv);
		}
	}
	if ((run > 0) == (optind < argc))
		return msg_usage("forget", run > 0 ? "give files or --run, "
		    "not both" : "nothing to forget (give FILE or --run N)");
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	if (secs >= 0)
		store_set_lock_timeout(st, (int)(secs * 1000));
	if (run > 0)
		status = forget_one(st, NULL, run);
	for (i = optind; i < argc; i++)
		if (forget_one(st, argv[i], 0) != 0)
			status = 1;
	store_close(st);
	return status;
}

const struct cmd_entry cmd_forget_entry = {
	"forget", "forget FILE... | --run N",
	"remove what an input file or an ingest run stored",
	forget_exec
};
