/* hpcacct report: reports computed from the database. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "msg.h"
#include "reports/usage.h"

struct usage_args {
	const char *key, *output;
	struct cmd_window window;
	enum report_format format;
};

static int
cmd_report_usage_option(void *ctx, int c, const char *arg)
{
	struct usage_args *a = ctx;
	int r = cmd_window_option("report usage", &a->window, c, arg);

	if (r != 0)
		return r;
	switch (c) {
	case 'b':
		if (!usage_key_valid(arg))
			return msg_usage("report usage", "bad --by '%s' (user, "
			    "group, account, queue, cluster)", arg);
		a->key = arg;
		return -1;
	case 'o':
		a->output = arg;
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
	struct usage_args a = {"user", NULL, {NULL, NULL, NULL, NULL, NULL},
	    REPORT_TABLE};
	struct cmd_output out;
	int64_t from, to;
	struct store *st;
	int r;

	if ((r = cmd_parse(&cmd_report_usage_entry, argc, argv, cmd_report_usage_option,
	    &a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage("report usage", "unexpected argument '%s'",
		    argv[optind]);
	r = cmd_window_resolve("report usage", &a.window, (int64_t)time(NULL),
	    &from, &to);
	if (r != 0)
		return r;
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	if (cmd_output_open(&out, a.output) != 0) {
		store_close(st);
		return 1;
	}
	r = usage_report(st, a.key, from, to, a.format, out.fp);
	if (r != 0)
		msg_error("database %s", store_errmsg(st));
	store_close(st);
	return cmd_output_close(&out, r == 0 && !ferror(out.fp));
}

static const struct option usage_longopts[] = {
	{"by", required_argument, NULL, 'b'},
	CMD_WINDOW_LONGOPTS,
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_report_usage_entry = {
	"report usage",
	"report usage [--by KEY] [TIME SELECTION] [--tz ZONE]\n"
	"                            [--format table|csv|tsv|json] [-o FILE]",
	"jobs, core-hours, node-hours and GPU-hours per user, group,\n"
	"           account, queue or cluster",
	"b:f:o:", usage_longopts,
	"Jobs and core-, node- and GPU-hours per KEY.  Only the part of each run\n"
	"inside the window counts, so adjacent windows add up; 'jobs' counts\n"
	"the distinct jobs with a run that overlaps the window, 'runs' their\n"
	"incarnations (a job that never started counts in the window holding\n"
	"its end).  Without a time selection every job counts.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        user (default), group, account, queue or cluster\n"
	CMD_WINDOW_HELP
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
	"print a report (usage per user, group, account, queue, cluster)",
	"", NULL,
	"Reports:\n",
	NULL, cmd_report_exec
};
