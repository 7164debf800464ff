/* hpcacct report: reports computed from the database. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "msg.h"
#include "reports/top.h"
#include "reports/usage.h"
#include "reports/utilization.h"
#include "reports/wait.h"

#define MAX_NAMES 32	/* values of one filter option */

/* The filter options: one long-only code per key, and --state. */
enum {
	OPT_MATCH = 0x200,	/* + enum store_key */
	OPT_STATE = OPT_MATCH + STORE_NKEYS,
	OPT_PERIOD,
	OPT_SORT,
	OPT_SCAN
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
	"                      TIMEOUT, CANCELLED, ...; repeatable)\n" \
	"      --scan          read every job row, not the rollups (the same\n" \
	"                      numbers, slower; to check them)\n"

/* What every report takes: keys, period, time selection, filters,
 * format and output. */
struct report_args {
	const struct cmd_entry *entry;
	int two_keys;		/* --by may name two keys */
	int by_size;		/* --by size is allowed */
	enum store_key key;
	int key2;
	enum period period;
	struct store_filter filter;
	struct cmd_window window;
	const char *output;
	enum report_format format;
	size_t top_n;		/* report top: -n */
	enum top_sort top_sort;	/* report top: --sort */
	/* the filter values, NULL-terminated per option */
	const char *names[STORE_NKEYS + 1][MAX_NAMES + 1];
};

/* --by KEY or KEY,KEY2 as the report allows; 0 or -1. */
static int
cmd_report_by(const char *arg, struct report_args *a)
{
	const char *comma = strchr(arg, ',');
	char first[32];
	int k1, k2 = -1;

	snprintf(first, sizeof(first), "%.*s", comma != NULL ?
	    (int)(comma - arg) : (int)strlen(arg), arg);
	k1 = store_key_parse(first);
	if (comma != NULL && (!a->two_keys ||
	    (k2 = store_key_parse(comma + 1)) < 0 || k2 == STORE_KEY_SIZE))
		return -1;
	if (k1 < 0 || k1 == k2 || (k1 == STORE_KEY_SIZE && !a->by_size))
		return -1;
	a->key = (enum store_key)k1;
	a->key2 = k2;
	return 0;
}

/* Add a value of filter option i (a key, or STORE_NKEYS: the state). */
static int
cmd_report_filter(struct report_args *a, int i, const char *arg)
{
	const char **list = a->names[i];
	int n = 0;

	while (list[n] != NULL)
		n++;
	if (n == MAX_NAMES || arg[0] == '\0')
		return msg_usage(a->entry->name, "bad or too many values of "
		    "one filter (%d at most)", MAX_NAMES);
	list[n] = arg;
	if (i < STORE_NKEYS)
		a->filter.match[i] = list;
	else
		a->filter.states = list;
	return -1;
}

static int
cmd_report_option(void *ctx, int c, const char *arg)
{
	struct report_args *a = ctx;
	const char *name = a->entry->name;
	int r = cmd_window_option(name, &a->window, c, arg);

	if (r != 0)
		return r;
	if (c >= OPT_MATCH && c <= OPT_STATE)
		return cmd_report_filter(a, c - OPT_MATCH, arg);
	switch (c) {
	case 'b':
		if (cmd_report_by(arg, a) != 0)
			return msg_usage(name, "bad --by '%s' (user, group, "
			    "account, queue, qos or cluster%s)", arg,
			    a->by_size ? ", or size" : ", or two of them: "
			    "account,user");
		return -1;
	case 'o':
		a->output = arg;
		return -1;
	case 'n':
		if (cmd_parse_count(arg, &a->top_n) != 0)
			return msg_usage(name, "bad -n '%s' (a count, 1 or "
			    "more)", arg);
		return -1;
	case OPT_SCAN:
		a->filter.scan = 1;
		return -1;
	case OPT_SORT:
		if (top_sort_parse(arg, &a->top_sort) != 0)
			return msg_usage(name, "bad --sort '%s' (core_hours, "
			    "gpu_hours, jobs)", arg);
		return -1;
	case OPT_PERIOD:
		if (period_parse(arg, &a->period) != 0)
			return msg_usage(name, "bad --period '%s' (hour, day, "
			    "week, month, quarter, year)", arg);
		return -1;
	default:	/* 'f' */
		if (report_format_parse(arg, &a->format) != 0)
			return msg_usage(name, "bad --format '%s' (table, csv, "
			    "tsv, json)", arg);
		return -1;
	}
}

/*
 * Read the options of report e into a, open the store and the output:
 * -1 to go on (with *st and *out open), else the exit status.
 */
static int
cmd_report_start(const struct cmd_entry *e, const struct cmd_globals *g,
    int argc, char **argv, struct report_args *a, struct store **st,
    struct cmd_output *out)
{
	int r;

	a->entry = e;
	a->key = STORE_KEY_USER;
	a->key2 = -1;
	a->format = REPORT_TABLE;
	if ((r = cmd_parse(e, argc, argv, cmd_report_option, a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage(e->name, "unexpected argument '%s'",
		    argv[optind]);
	r = cmd_window_resolve(g, e->name, &a->window, (int64_t)time(NULL),
	    &a->filter.from, &a->filter.to);
	if (r != 0)
		return r;
	if ((*st = cmd_open_store(g, STORE_OPEN_EXISTING)) == NULL)
		return 1;
	if (cmd_output_open(out, a->output) != 0) {
		store_close(*st);
		return 1;
	}
	return -1;
}

/* Report the outcome r of a report, close st and out: the exit status. */
static int
cmd_report_finish(const struct cmd_entry *e, int r, struct store *st,
    struct cmd_output *out)
{
	if (r == -2)
		msg_error("%s: more than %d periods; give a longer --period or "
		    "a shorter window", e->name, SERIES_MAX_PERIODS);
	else if (r != 0)
		msg_error("database %s", store_errmsg(st));
	store_close(st);
	return cmd_output_close(out, r == 0 && !ferror(out->fp));
}

static int
cmd_report_usage_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_usage_entry;
	struct report_args a;
	struct usage_request req;
	struct cmd_output out;
	struct store *st;
	int r;

	memset(&a, 0, sizeof(a));
	a.two_keys = 1;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.key = a.key;
	req.key2 = a.key2;
	req.period = a.period;
	req.filter = a.filter;
	return cmd_report_finish(e, usage_report(st, &req, a.format, out.fp),
	    st, &out);
}

static int
cmd_report_top_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_top_entry;
	struct report_args a;
	struct top_request req;
	struct cmd_output out;
	struct store *st;
	int r;

	memset(&a, 0, sizeof(a));
	a.top_n = 10;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.key = a.key;
	req.n = a.top_n;
	req.sort = a.top_sort;
	req.period = a.period;
	req.filter = a.filter;
	return cmd_report_finish(e, top_report(st, &req, a.format, out.fp),
	    st, &out);
}

static int
cmd_report_utilization_exec(const struct cmd_globals *g, int argc,
    char **argv)
{
	const struct cmd_entry *e = &cmd_report_utilization_entry;
	struct report_args a;
	struct utilization_request req;
	struct cmd_output out;
	struct store *st;
	char missing[256];
	int r;

	memset(&a, 0, sizeof(a));
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.period = a.period;
	req.filter = a.filter;
	req.conf = &g->conf;
	r = utilization_report(st, &req, a.format, out.fp, missing,
	    sizeof(missing));
	if (r != -3)
		return cmd_report_finish(e, r, st, &out);
	msg_error("report utilization: cluster '%s' has no capacity in %s "
	    "(add '[cluster %s]' with 'capacity = YYYY-MM-DD cores=N "
	    "gpus=N'; see hpcacct.conf(5))", missing, g->conf.path != NULL ?
	    g->conf.path : "the configuration (there is none)", missing);
	store_close(st);
	cmd_output_close(&out, 0);
	return 2;
}

static int
cmd_report_wait_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_wait_entry;
	struct report_args a;
	struct wait_request req;
	struct cmd_output out;
	struct store *st;
	int r;

	memset(&a, 0, sizeof(a));
	a.by_size = 1;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.key = a.key;
	req.period = a.period;
	req.filter = a.filter;
	return cmd_report_finish(e, wait_report(st, &req, a.format, out.fp),
	    st, &out);
}

static const struct option report_longopts[] = {
	{"by", required_argument, NULL, 'b'},
	{"period", required_argument, NULL, OPT_PERIOD},
	CMD_WINDOW_LONGOPTS,
	FILTER_LONGOPTS,
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"sort", required_argument, NULL, OPT_SORT},
	{"scan", no_argument, NULL, OPT_SCAN},
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
	"b:f:o:", report_longopts,
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

const struct cmd_entry cmd_report_top_entry = {
	"report top",
	"report top [--by KEY] [-n N] [--sort core_hours|gpu_hours|jobs]\n"
	"                          [--period P] [TIME SELECTION] [--tz ZONE]"
	" [FILTERS]\n"
	"                          [--format table|csv|tsv|json] [-o FILE]",
	"the heaviest users, accounts or groups and their share",
	"b:f:o:n:", report_longopts,
	"The N heaviest keys of the window, heaviest first, with jobs, core-\n"
	"and GPU-hours and their share (percent) of the whole window's sort\n"
	"quantity.  Machine formats have exactly those rows, no 'others'.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        user (default), group, account, queue, qos or\n"
	"                      cluster\n"
	"  -n N                how many (default 10)\n"
	"      --sort Q        core_hours (default), gpu_hours or jobs\n"
	"      --period P      the top N of each period\n"
	CMD_WINDOW_HELP
	FILTER_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_top_exec
};

const struct cmd_entry cmd_report_utilization_entry = {
	"report utilization",
	"report utilization [--period P] [TIME SELECTION] [--tz ZONE]"
	" [FILTERS]\n"
	"                                 [--format table|csv|tsv|json]"
	" [-o FILE]",
	"allocated core- and GPU-hours against each cluster's capacity",
	"b:f:o:", report_longopts,
	"Per cluster, the allocated core-hours and GPU-hours of the window\n"
	"over its capacity-hours, in percent.  Capacities come from the\n"
	"configuration ([cluster NAME] capacity = YYYY-MM-DD cores=N gpus=N,\n"
	"one line per change; see hpcacct.conf(5)) and are followed through\n"
	"every change inside a window or period.  A cluster with usage and no\n"
	"capacity is an error (exit status 2).\n"
	"\n"
	"Options:\n"
	"      --period P      a time series (hour, day, week, month, quarter,\n"
	"                      year)\n"
	CMD_WINDOW_HELP
	FILTER_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_utilization_exec
};

const struct cmd_entry cmd_report_wait_entry = {
	"report wait",
	"report wait [--by KEY] [--period P] [TIME SELECTION] [--tz ZONE]\n"
	"                           [FILTERS] [--format table|csv|tsv|json]"
	" [-o FILE]",
	"how long runs waited from submit to start, per queue, user, size...",
	"b:f:o:", report_longopts,
	"The runs that started in the window and their wait from submit to\n"
	"start in seconds: mean, median, p90, p95, p99 (exact: the value at\n"
	"rank ceil(p/100 x N)) and max, and the mean expansion factor (wait +\n"
	"run) / run.  A requeued job waits once per start.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        user (default), group, account, queue, qos,\n"
	"                      cluster or size (processors: 1, 2, 3-4, 5-8, ...)\n"
	"      --period P      a time series (hour, day, week, month, quarter,\n"
	"                      year): the runs that started in each period\n"
	CMD_WINDOW_HELP
	FILTER_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_wait_exec
};

static int
cmd_report_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_entry *const reports[] = {
		&cmd_report_usage_entry,
		&cmd_report_wait_entry,
		&cmd_report_top_entry,
		&cmd_report_utilization_entry,
		NULL
	};

	return cmd_run_sub(&cmd_report_entry, g, argc, argv, reports);
}

const struct cmd_entry cmd_report_entry = {
	"report", "report REPORT [OPTIONS]",
	"print a report (usage, wait, top, utilization)",
	"", NULL,
	"Reports:\n",
	NULL, cmd_report_exec
};
