/* hpcacct report: reports computed from the database. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "msg.h"
#include "reports/usage.h"

#define MAX_NAMES 32	/* values of one filter option */

/* The filter options: one long-only code per key, and --state. */
enum {
	OPT_MATCH = 0x200,	/* + enum store_key */
	OPT_STATE = OPT_MATCH + STORE_NKEYS,
	OPT_PERIOD
};

#define FILTER_LONGOPTS \
	{"user", required_argument, NULL, OPT_MATCH + STORE_KEY_USER}, \
	{"group", required_argument, NULL, OPT_MATCH + STORE_KEY_GROUP}, \
	{"account", required_argument, NULL, OPT_MATCH + STORE_KEY_ACCOUNT}, \
	{"queue", required_argument, NULL, OPT_MATCH + STORE_KEY_QUEUE}, \
	{"qos", required_argument, NULL, OPT_MATCH + STORE_KEY_QOS}, \
	{"cluster", required_argument, NULL, OPT_MATCH + STORE_KEY_CLUSTER}, \
	{"state", required_argument, NULL, OPT_STATE}

#define FILTER_HELP \
	"      --user NAME     only these users' jobs (repeatable); likewise\n" \
	"      --group, --account, --queue, --qos, --cluster NAME\n" \
	"      --state STATE   only runs that ended so (COMPLETED, FAILED,\n" \
	"                      TIMEOUT, CANCELLED, ...; repeatable)\n"

struct usage_args {
	struct usage_request req;
	struct cmd_window window;
	const char *output;
	enum report_format format;
	/* the filter values, NULL-terminated per option */
	const char *names[STORE_NKEYS + 1][MAX_NAMES + 1];
};

/* --by KEY or KEY,KEY2; 0 or -1. */
static int
cmd_report_by(const char *arg, struct usage_request *req)
{
	const char *comma = strchr(arg, ',');
	char first[32];
	int k1, k2 = -1;

	snprintf(first, sizeof(first), "%.*s", comma != NULL ?
	    (int)(comma - arg) : (int)strlen(arg), arg);
	k1 = store_key_parse(first);
	if (comma != NULL && (k2 = store_key_parse(comma + 1)) < 0)
		return -1;
	if (k1 < 0 || k1 == k2)
		return -1;
	req->key = (enum store_key)k1;
	req->key2 = k2;
	return 0;
}

/* Add a value of filter option i (a key, or STORE_NKEYS: the state). */
static int
cmd_report_filter(struct usage_args *a, int i, const char *arg)
{
	const char **list = a->names[i];
	int n = 0;

	while (list[n] != NULL)
		n++;
	if (n == MAX_NAMES || arg[0] == '\0')
		return msg_usage("report usage", "bad or too many values of "
		    "one filter (%d at most)", MAX_NAMES);
	list[n] = arg;
	if (i < STORE_NKEYS)
		a->req.filter.match[i] = list;
	else
		a->req.filter.states = list;
	return -1;
}

static int
cmd_report_usage_option(void *ctx, int c, const char *arg)
{
	struct usage_args *a = ctx;
	int r = cmd_window_option("report usage", &a->window, c, arg);

	if (r != 0)
		return r;
	if (c >= OPT_MATCH && c <= OPT_STATE)
		return cmd_report_filter(a, c - OPT_MATCH, arg);
	switch (c) {
	case 'b':
		if (cmd_report_by(arg, &a->req) != 0)
			return msg_usage("report usage", "bad --by '%s' (user, "
			    "group, account, queue, qos or cluster, or two of "
			    "them: account,user)", arg);
		return -1;
	case 'o':
		a->output = arg;
		return -1;
	case OPT_PERIOD:
		if (period_parse(arg, &a->req.period) != 0)
			return msg_usage("report usage", "bad --period '%s' "
			    "(hour, day, week, month, quarter, year)", arg);
		return -1;
	default:	/* 'f' */
		if (report_format_parse(arg, &a->format) != 0)
			return msg_usage("report usage", "bad --format '%s' "
			    "(table, csv, tsv, json)", arg);
		return -1;
	}
}

static int
cmd_report_usage_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct usage_args a;
	struct cmd_output out;
	struct store *st;
	int r;

	memset(&a, 0, sizeof(a));
	a.req.key = STORE_KEY_USER;
	a.req.key2 = -1;
	a.format = REPORT_TABLE;
	if ((r = cmd_parse(&cmd_report_usage_entry, argc, argv,
	    cmd_report_usage_option, &a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage("report usage", "unexpected argument '%s'",
		    argv[optind]);
	r = cmd_window_resolve("report usage", &a.window, (int64_t)time(NULL),
	    &a.req.filter.from, &a.req.filter.to);
	if (r != 0)
		return r;
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	if (cmd_output_open(&out, a.output) != 0) {
		store_close(st);
		return 1;
	}
	r = usage_report(st, &a.req, a.format, out.fp);
	if (r == -2)
		msg_error("report usage: more than %d periods; give a longer "
		    "--period or a shorter window", USAGE_MAX_PERIODS);
	else if (r != 0)
		msg_error("database %s", store_errmsg(st));
	store_close(st);
	return cmd_output_close(&out, r == 0 && !ferror(out.fp));
}

static const struct option usage_longopts[] = {
	{"by", required_argument, NULL, 'b'},
	{"period", required_argument, NULL, OPT_PERIOD},
	CMD_WINDOW_LONGOPTS,
	FILTER_LONGOPTS,
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_report_usage_entry = {
	"report usage",
	"report usage [--by KEY[,KEY2]] [--period P] [TIME SELECTION]\n"
	"                            [--tz ZONE]"
	"                            [FILTERS] [--format table|csv|tsv|json]"
	" [-o FILE]",
	"jobs, core-hours, node-hours and GPU-hours per user, group,\n"
	"           account, queue, qos or cluster",
	"b:f:o:", usage_longopts,
	"Jobs and core-, node- and GPU-hours per KEY (or per pair of keys).\n"
	"Only the part of each run inside the window counts, so adjacent\n"
	"windows add up; 'jobs' counts the distinct jobs with a run that\n"
	"overlaps the window, 'runs' their incarnations (a job that never\n"
	"started counts in the window holding its end).  Without a time\n"
	"selection every job counts; filters of different keys all apply.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        user (default), group, account, queue, qos or\n"
	"                      cluster; KEY,KEY2 for both (account,user)\n"
	"      --period P      a time series: a row per hour, day, week\n"
	"                      (from Monday), month, quarter or year and key,\n"
	"                      the period's start first, usage split at its\n"
	"                      boundaries (the rows add up to the window)\n"
	CMD_WINDOW_HELP
	FILTER_HELP
	"  -f, --format FMT    table (default; aligned, with a total row), csv,\n"
	"                      tsv or json (hours with 6 decimals, no total)\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_usage_exec
};

static int
cmd_report_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_entry *const reports[] = {
		&cmd_report_usage_entry,
		NULL
	};

	return cmd_run_sub(&cmd_report_entry, g, argc, argv, reports);
}

const struct cmd_entry cmd_report_entry = {
	"report", "report REPORT [OPTIONS]",
	"print a report (usage per user, group, account, queue, qos, cluster)",
	"", NULL,
	"Reports:\n",
	NULL, cmd_report_exec
};
