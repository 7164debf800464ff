/* hpcacct report: reports computed from the database. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "msg.h"
#include "reports/efficiency.h"
#include "reports/signups.h"
#include "reports/sizes.h"
#include "reports/slo.h"
#include "reports/top.h"
#include "reports/usage.h"
#include "reports/utilization.h"
#include "reports/wait.h"
#include "xalloc.h"

#include "cmd-report.h"

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

/* A percentile: "95" or "p95", 0 < p <= 100; 0 or -1. */
static int
cmd_parse_percentile(const char *s, double *p)
{
	char *end;

	if (*s == 'p')
		s++;
	*p = strtod(s, &end);
	return end != s && *end == '\0' && *p > 0 && *p <= 100 ? 0 : -1;
}

/* The options of some reports only, and --format. */
static int
cmd_report_more(struct report_args *a, int c, const char *arg)
{
	const char *name = a->entry->name;

	switch (c) {
	case OPT_UNIT:
		if (sizes_unit_parse(arg, &a->unit) != 0)
			return msg_usage(name, "bad --unit '%s' (procs, nodes, "
			    "gpus)", arg);
		return -1;
	case OPT_MIN_JOBS:
		if (cmd_parse_count(arg, &a->min_jobs) != 0)
			return msg_usage(name, "bad --min-jobs '%s' (a count, "
			    "1 or more)", arg);
		return -1;
	case OPT_WAIT_TARGET:
		if (cmd_parse_seconds(arg, &a->wait_target) != 0)
			return msg_usage(name, "bad --wait-target '%s' (e.g. "
			    "30m, 4h, 1d)", arg);
		return -1;
	case OPT_PERCENTILE:
		if (cmd_parse_percentile(arg, &a->pct) != 0)
			return msg_usage(name, "bad --percentile '%s' (p95, "
			    "or a number above 0 up to 100)", arg);
		return -1;
	case OPT_WORST:
		if (strcmp(arg, "0") == 0)
			a->worst = 0;
		else if (cmd_parse_count(arg, &a->worst) != 0)
			return msg_usage(name, "bad --worst '%s' (a count)",
			    arg);
		return -1;
	default:	/* 'f' */
		if (report_format_parse(arg, &a->format) != 0)
			return msg_usage(name, "bad --format '%s' (table, csv, "
			    "tsv, json)", arg);
		return -1;
	}
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
		if (a->by_raw) {
			a->by = arg;
			return -1;
		}
		a->key_set = 1;
		if (cmd_report_by(arg, a) != 0)
			return msg_usage(name, "bad --by '%s' (user, group, "
			    "account, queue, qos or cluster%s)", arg,
			    a->by_size ? ", or size" : a->two_keys ?
			    ", or two of them: account,user" : "");
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
		a->sort = arg;
		return -1;
	case OPT_SCRIPT:
		a->script = arg;
		return -1;
	case OPT_SIZE:
		if (sscanf(arg, "%dx%d", &a->width, &a->height) != 2 ||
		    a->width < 64 || a->height < 64 || a->width > 10000 ||
		    a->height > 10000)
			return msg_usage(name, "bad --size '%s' (WIDTHxHEIGHT "
			    "in pixels, e.g. 1920x1080)", arg);
		return -1;
	case OPT_PERIOD:
		if (period_parse(arg, &a->period) != 0)
			return msg_usage(name, "bad --period '%s' (hour, day, "
			    "week, month, quarter, year)", arg);
		return -1;
	default:
		return cmd_report_more(a, c, arg);
	}
}

int
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
	if (a->plot && a->script == NULL)
		out->fp = stdout, out->path = NULL;	/* gnuplot writes */
	else if (cmd_output_open(out, a->plot ? a->script : a->output) != 0) {
		store_close(*st);
		return 1;
	}
	return -1;
}

/*
 * Render rep in a's format when r (its build's outcome) is 0, else report
 * the error; free rep, close st and out: the exit status.
 */
static int
cmd_report_finish(const struct report_args *a, int r, struct report *rep,
    struct store *st, struct cmd_output *out)
{
	const struct cmd_entry *e = a->entry;

	if (r == 0)
		report_render(rep, a->format, out->fp);
	report_free(rep);
	if (r == -2)
		msg_error("%s: more than %d periods; give a longer --period or "
		    "a shorter window", e->name, SERIES_MAX_PERIODS);
	else if (r != 0)
		msg_error("database %s", store_errmsg(st));
	store_close(st);
	return cmd_output_close(out, r == 0 && !ferror(out->fp));
}

void
cmd_report_close(struct store *st, struct cmd_output *out)
{
	store_close(st);
	cmd_output_close(out, 0);
}

static int
cmd_report_usage_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_usage_entry;
	struct report_args a;
	struct usage_request req;
	struct cmd_output out;
	struct store *st;
	struct report rep;
	int r;

	memset(&a, 0, sizeof(a));
	a.two_keys = 1;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.key = a.key;
	req.key2 = a.key2;
	req.period = a.period;
	req.filter = a.filter;
	return cmd_report_finish(&a, usage_build(st, &req, &rep), &rep, st,
	    &out);
}

static int
cmd_report_top_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_top_entry;
	struct report_args a;
	struct top_request req;
	struct cmd_output out;
	struct store *st;
	struct report rep;
	int r;

	memset(&a, 0, sizeof(a));
	a.top_n = 10;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.sort = TOP_CORE_HOURS;
	if (a.sort != NULL && top_sort_parse(a.sort, &req.sort) != 0) {
		cmd_report_close(st, &out);
		return msg_usage(e->name, "bad --sort '%s' (core_hours, "
		    "gpu_hours, jobs)", a.sort);
	}
	req.key = a.key;
	req.n = a.top_n;
	req.period = a.period;
	req.filter = a.filter;
	return cmd_report_finish(&a, top_build(st, &req, &rep), &rep, st,
	    &out);
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
	struct report rep;
	char missing[256];
	int r;

	memset(&a, 0, sizeof(a));
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.period = a.period;
	req.filter = a.filter;
	req.conf = &g->conf;
	r = utilization_build(st, &req, &rep, missing, sizeof(missing));
	if (r != -3)
		return cmd_report_finish(&a, r, &rep, st, &out);
	report_free(&rep);
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
	struct report rep;
	int r;

	memset(&a, 0, sizeof(a));
	a.by_size = 1;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.key = a.key;
	req.period = a.period;
	req.filter = a.filter;
	return cmd_report_finish(&a, wait_build(st, &req, &rep), &rep, st,
	    &out);
}

static int
cmd_report_sizes_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_sizes_entry;
	struct report_args a;
	struct sizes_request req;
	struct cmd_output out;
	struct store *st;
	struct report rep;
	int r;

	memset(&a, 0, sizeof(a));
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.unit = a.unit;
	req.period = a.period;
	req.filter = a.filter;
	return cmd_report_finish(&a, sizes_build(st, &req, &rep), &rep, st,
	    &out);
}

static int
cmd_report_efficiency_exec(const struct cmd_globals *g, int argc,
    char **argv)
{
	const struct cmd_entry *e = &cmd_report_efficiency_entry;
	struct report_args a;
	struct efficiency_request req;
	struct cmd_output out;
	struct store *st;
	struct report rep;
	int r;

	memset(&a, 0, sizeof(a));
	a.min_jobs = 1;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.sort = EFFICIENCY_BY_KEY;
	if (a.sort != NULL && efficiency_sort_parse(a.sort, &req.sort) != 0) {
		cmd_report_close(st, &out);
		return msg_usage(e->name, "bad --sort '%s' (key, jobs, "
		    "core_hours, cpu_efficiency, mem_efficiency, "
		    "time_efficiency, wasted_core_hours)", a.sort);
	}
	req.key = a.key;
	req.period = a.period;
	req.filter = a.filter;
	req.min_jobs = (int64_t)a.min_jobs;
	return cmd_report_finish(&a, efficiency_build(st, &req, &rep), &rep, st,
	    &out);
}

/*
 * The SLO targets of a report slo: each --queue with --wait-target (and
 * --percentile, else the configuration's, else 95), or the configured
 * targets (of the --queue ones only, if given; --percentile overrides).
 * Returns the count (targets in *t, to free), or -1 after a usage error
 * naming what is missing.
 */
static int
cmd_report_slo_targets(const struct cmd_globals *g, struct report_args *a,
    struct store_slo_target **t)
{
	const char *const *q = a->names[STORE_KEY_QUEUE];
	const struct conf_slo *c;
	size_t i, n = 0;

	*t = xreallocarray(NULL, g->conf.nslo + MAX_NAMES + 1, sizeof(**t));
	for (i = 0; i < g->conf.nslo; i++) {
		c = &g->conf.slo[i];
		(*t)[n++] = (struct store_slo_target){c->queue, c->wait, c->pct};
	}
	if (q[0] == NULL && a->wait_target >= 0) {
		msg_usage(a->entry->name, "--wait-target needs --queue");
		return -1;
	}
	if (q[0] != NULL) {
		struct store_slo_target *all = *t;
		size_t nall = n, k;

		*t = xreallocarray(NULL, MAX_NAMES + 1, sizeof(**t));
		for (n = 0; q[n] != NULL; n++) {
			(*t)[n] = (struct store_slo_target){q[n], a->wait_target, 95};
			for (k = 0; k < nall; k++)
				if (strcmp(all[k].queue, q[n]) == 0) {
					(*t)[n].pct = all[k].pct;
					if (a->wait_target < 0)
						(*t)[n].wait = all[k].wait;
				}
			if ((*t)[n].wait < 0) {
				msg_usage(a->entry->name, "no service level "
				    "target for queue '%s' (give --wait-target, "
				    "or add it to [slo] in %s; see "
				    "hpcacct.conf(5))", q[n], g->conf.path !=
				    NULL ? g->conf.path : CMD_DEFAULT_CONFIG);
				free(all);
				return -1;
			}
		}
		free(all);
	}
	if (n == 0) {
		msg_usage(a->entry->name, "no service level targets: give "
		    "--queue Q --wait-target D, or add [slo] to %s (see "
		    "hpcacct.conf(5))", g->conf.path != NULL ? g->conf.path :
		    CMD_DEFAULT_CONFIG);
		return -1;
	}
	for (i = 0; i < n && a->pct > 0; i++)
		(*t)[i].pct = a->pct;
	return (int)n;
}

static int
cmd_report_slo_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_slo_entry;
	struct report_args a;
	struct slo_request req;
	struct store_slo_target *targets = NULL;
	struct cmd_output out;
	struct store *st;
	struct report rep;
	size_t missed = 0;
	int r, n;

	memset(&a, 0, sizeof(a));
	a.wait_target = -1;
	a.pct = -1;
	a.worst = 3;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	if ((n = cmd_report_slo_targets(g, &a, &targets)) < 0) {
		free(targets);
		cmd_report_close(st, &out);
		return 2;
	}
	req.targets = targets;
	req.ntargets = (size_t)n;
	req.period = a.period;
	req.filter = a.filter;
	req.worst = a.worst;
	r = cmd_report_finish(&a, slo_build(st, &req, &rep, &missed), &rep,
	    st, &out);
	free(targets);
	return r == 0 && missed > 0 ? 3 : r;
}

static int
cmd_report_signups_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const struct cmd_entry *e = &cmd_report_signups_entry;
	struct report_args a;
	struct signups_request req;
	struct cmd_output out;
	struct store *st;
	struct report rep;
	int r;

	memset(&a, 0, sizeof(a));
	a.period = PERIOD_MONTH;
	a.by_raw = 1;
	if ((r = cmd_report_start(e, g, argc, argv, &a, &st, &out)) >= 0)
		return r;
	req.key = STORE_SIGNUP_NONE;
	if (a.by != NULL && signups_key_parse(a.by, &req.key) != 0) {
		cmd_report_close(st, &out);
		return msg_usage(e->name, "bad --by '%s' (group, account or "
		    "organization)", a.by);
	}
	if (a.period != PERIOD_MONTH && a.period != PERIOD_YEAR) {
		cmd_report_close(st, &out);
		return msg_usage(e->name, "--period is month or year");
	}
	req.period = a.period;
	req.from = a.filter.from;
	req.to = a.filter.to;
	return cmd_report_finish(&a, signups_build(st, &req, &rep), &rep, st,
	    &out);
}

#define REPORT_LONGOPTS \
	{"by", required_argument, NULL, 'b'}, \
	{"period", required_argument, NULL, OPT_PERIOD}, \
	CMD_WINDOW_LONGOPTS, \
	{"format", required_argument, NULL, 'f'}, \
	{"output", required_argument, NULL, 'o'}, \
	{"help", no_argument, NULL, 'h'}

static const struct option report_longopts[] = {
	REPORT_LONGOPTS, FILTER_LONGOPTS,
	{"scan", no_argument, NULL, OPT_SCAN},
	{NULL, 0, NULL, 0}
};

static const struct option report_top_longopts[] = {
	REPORT_LONGOPTS, FILTER_LONGOPTS,
	{"sort", required_argument, NULL, OPT_SORT},
	{"scan", no_argument, NULL, OPT_SCAN},
	{NULL, 0, NULL, 0}
};

static const struct option report_sizes_longopts[] = {
	REPORT_LONGOPTS, FILTER_LONGOPTS,
	{"unit", required_argument, NULL, OPT_UNIT},
	{NULL, 0, NULL, 0}
};

static const struct option report_efficiency_longopts[] = {
	REPORT_LONGOPTS, FILTER_LONGOPTS,
	{"sort", required_argument, NULL, OPT_SORT},
	{"min-jobs", required_argument, NULL, OPT_MIN_JOBS},
	{NULL, 0, NULL, 0}
};

static const struct option report_slo_longopts[] = {
	REPORT_LONGOPTS, FILTER_LONGOPTS,
	{"wait-target", required_argument, NULL, OPT_WAIT_TARGET},
	{"percentile", required_argument, NULL, OPT_PERCENTILE},
	{"worst", required_argument, NULL, OPT_WORST},
	{NULL, 0, NULL, 0}
};

static const struct option report_signups_longopts[] = {
	REPORT_LONGOPTS,
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
	SCAN_HELP
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
	"b:f:o:n:", report_top_longopts,
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
	SCAN_HELP
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
	SCAN_HELP
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
	"waits from submit to start per queue, user, size... (percentiles)",
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
	SCAN_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_wait_exec
};

const struct cmd_entry cmd_report_sizes_entry = {
	"report sizes",
	"report sizes [--unit procs|nodes|gpus] [--period P] [TIME SELECTION]\n"
	"                            [--tz ZONE] [FILTERS]"
	" [--format table|csv|tsv|json] [-o FILE]",
	"jobs and core-hours by job size and run time, and time requested",
	"f:o:", report_sizes_longopts,
	"The runs that ran and ended in the window, per size bucket (1, 2,\n"
	"3-4, 5-8, ... doubling; 0 for jobs without GPUs in --unit gpus), then\n"
	"per run time bucket (<1min, 1-10min, 10-60min, 1-4h, 4-12h, 12-24h,\n"
	">24h; each holds its lower end): their number, their whole core- and\n"
	"GPU-hours, and the mean and median (nearest rank) of run time over\n"
	"requested time, over the runs that requested one.  Columns:\n"
	"dimension (size, runtime), bucket, jobs, core_hours, gpu_hours,\n"
	"time_ratio_mean, time_ratio_median.\n"
	"\n"
	"Options:\n"
	"      --unit U        size in procs (default; allocated processors),\n"
	"                      nodes or gpus\n"
	"      --period P      a time series (hour, day, week, month, quarter,\n"
	"                      year): the runs that ended in each period\n"
	CMD_WINDOW_HELP
	FILTER_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_sizes_exec
};

const struct cmd_entry cmd_report_efficiency_entry = {
	"report efficiency",
	"report efficiency [--by KEY] [--min-jobs N] [--sort COLUMN]\n"
	"                                 [--period P] [TIME SELECTION]"
	" [--tz ZONE] [FILTERS]\n"
	"                                 [--format table|csv|tsv|json]"
	" [-o FILE]",
	"CPU, memory and time efficiency, and the core-hours wasted",
	"b:f:o:", report_efficiency_longopts,
	"Per KEY, the runs that ran and ended in the window: CPU efficiency\n"
	"(CPU time / allocated core time), memory efficiency (peak memory /\n"
	"requested memory, both for the whole job over all its nodes), time\n"
	"efficiency (run time / requested time), in percent, and the core-\n"
	"hours CPU efficiency wasted ((1 - CPU efficiency) x core-hours).\n"
	"Each counts only the runs whose source records its quantities, and\n"
	"cpu_jobs, mem_jobs and time_jobs say how many those are.  Columns:\n"
	"KEY, jobs, core_hours, cpu_jobs, cpu_efficiency, wasted_core_hours,\n"
	"mem_jobs, mem_efficiency, time_jobs, time_efficiency.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        user (default), group, account, queue, qos or\n"
	"                      cluster\n"
	"      --min-jobs N    only keys with at least N runs (default 1)\n"
	"      --sort COLUMN   key (default), jobs, core_hours or\n"
	"                      wasted_core_hours (largest first), or\n"
	"                      cpu_efficiency, mem_efficiency, time_efficiency\n"
	"                      (least efficient first, unknown last)\n"
	"      --period P      a time series (hour, day, week, month, quarter,\n"
	"                      year): the runs that ended in each period\n"
	CMD_WINDOW_HELP
	FILTER_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_efficiency_exec
};

const struct cmd_entry cmd_report_slo_entry = {
	"report slo",
	"report slo [--queue Q] [--wait-target D] [--percentile P] [--worst N]\n"
	"                          [--period P] [TIME SELECTION] [--tz ZONE]"
	" [FILTERS]\n"
	"                          [--format table|csv|tsv|json] [-o FILE]",
	"service levels: did each queue's jobs start within their target",
	"f:o:", report_slo_longopts,
	"Per queue with a target (P percent of runs start within D), per\n"
	"period: the runs that started, the share of them that waited at most\n"
	"D, the measured P-th percentile wait (exact, nearest rank), whether\n"
	"the target was met (yes when no run started), the longest wait, and\n"
	"the worst offenders as JOBID:USER:SECONDS.  Targets come from [slo]\n"
	"in the configuration (queue = 1h p95; see hpcacct.conf(5)), or from\n"
	"--queue with --wait-target.  Exit status 3 when any target was\n"
	"missed (for monitoring), 0 when all were met.  Columns: queue,\n"
	"target, percentile, runs, within_target, wait_at_percentile, met,\n"
	"worst_wait, worst.\n"
	"\n"
	"Options:\n"
	"      --queue Q       only queue Q (repeatable)\n"
	"      --wait-target D the target wait (30m, 4h, 1d) of the --queue\n"
	"                      queues, instead of the configuration's\n"
	"      --percentile P  the share that must start within it (p95 or 95;\n"
	"                      default: the configuration's, else 95)\n"
	"      --worst N       how many longest waits to list (default 3; 0:\n"
	"                      none)\n"
	"      --period P      a time series (hour, day, week, month, quarter,\n"
	"                      year): the runs that started in each period\n"
	CMD_WINDOW_HELP
	FILTER_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_slo_exec
};

const struct cmd_entry cmd_report_signups_entry = {
	"report signups",
	"report signups [--by group|account|organization] [--period month|year]"
	"\n                              [TIME SELECTION] [--tz ZONE]"
	" [--format table|csv|tsv|json]\n"
	"                              [-o FILE]",
	"new, cumulative and active users per month or year",
	"b:f:o:", report_signups_longopts,
	"Per period (month by default): new_users (whose signup falls in it),\n"
	"cumulative_users (signed up before its end) and active_users (with a\n"
	"run of more than 0 s in it), per source of the signup date: registry\n"
	"(hpcacct users import), slurmdbd, or first-job (in no registry: the\n"
	"submit time of their first job, an estimate).  Without a time\n"
	"selection the periods span the stored runs.  Columns: period, [KEY,]\n"
	"source, new_users, cumulative_users, active_users.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        group (the registry's, else the first job's),\n"
	"                      account (of the first job) or organization (the\n"
	"                      registry's)\n"
	"      --period P      month (default) or year\n"
	CMD_WINDOW_HELP
	"  -f, --format FMT    table (default), csv, tsv or json\n"
	"  -o, --output FILE   write to FILE (through a temporary file renamed\n"
	"                      into place)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_report_signups_exec
};

static int
cmd_report_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_entry *const reports[] = {
		&cmd_report_usage_entry,
		&cmd_report_wait_entry,
		&cmd_report_top_entry,
		&cmd_report_utilization_entry,
		&cmd_report_sizes_entry,
		&cmd_report_signups_entry,
		&cmd_report_slo_entry,
		&cmd_report_efficiency_entry,
		NULL
	};

	return cmd_run_sub(&cmd_report_entry, g, argc, argv, reports);
}

const struct cmd_entry cmd_report_entry = {
	"report", "report REPORT [OPTIONS]",
	"print a report (usage, wait, top, utilization, sizes, signups, slo,\n"
	"           efficiency)",
	"", NULL,
	"Reports:\n",
	NULL, cmd_report_exec
};
