/* hpcacct report: reports computed from the database. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"
#include "reports/usage.h"

static const char report_help[] =
    "Usage: hpcacct report REPORT [OPTIONS]\n"
    "\n"
    "Reports:\n"
    "  usage    jobs, core-hours, node-hours and GPU-hours per user, group,\n"
    "           account, queue or cluster\n"
    "\n"
    "Run 'hpcacct report REPORT --help' for its options.\n";

static const char usage_help[] =
    "Usage: hpcacct report usage [--by KEY] [--from DATE] [--to DATE]\n"
    "                            [--format table|csv|json]\n"
    "\n"
    "Jobs and core-, node- and GPU-hours per KEY.  Only the part of each run\n"
    "inside [--from, --to) counts, so adjacent windows add up; 'jobs' counts\n"
    "the jobs whose run overlaps the window (a job that never started, in the\n"
    "window holding its end).  Without --from/--to every job counts.\n"
    "\n"
    "Options:\n"
    "  -b, --by KEY        user (default), group, account, queue or cluster\n"
    "      --from DATE     window start, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS,\n"
    "                      local time (TZ)\n"
    "      --to DATE       window end (exclusive), same forms\n"
    "  -f, --format FMT    table (default; aligned, with a total row), csv or\n"
    "                      json (hours with 6 decimals, no total)\n"
    "  -h, --help          show this help\n";

static int
usage_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"by", required_argument, NULL, 'b'},
		{"from", required_argument, NULL, 'F'},
		{"to", required_argument, NULL, 'T'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *key = "user", *from_arg = NULL, *to_arg = NULL;
	enum report_format format = REPORT_TABLE;
	int64_t from, to;
	struct store *st;
	int c, r;

	while ((c = getopt_long(argc, argv, ":b:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			key = optarg;
			if (!usage_key_valid(key))
				return msg_usage("report usage", "bad --by '%s' "
				    "(user, group, account, queue, cluster)",
				    key);
			break;
		case 'F':
			from_arg = optarg;
			break;
		case 'T':
			to_arg = optarg;
			break;
		case 'f':
			if (report_format_parse(optarg, &format) != 0)
				return msg_usage("report usage", "bad --format "
				    "'%s' (table, csv, json)", optarg);
			break;
		case 'h':
			fputs(usage_help, stdout);
			return 0;
		default:
			return cmd_option_error("report usage", c, argv);
		}
	}
	if (optind < argc)
		return msg_usage("report usage", "unexpected argument '%s'",
		    argv[optind]);
	r = cmd_parse_window("report usage", from_arg, to_arg, &from, &to);
	if (r != 0)
		return r;
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	r = usage_report(st, key, from, to, format, stdout);
	if (r != 0)
		msg_error("database: %s", store_errmsg(st));
	store_close(st);
	return r != 0 ? 1 : 0;
}

static int
report_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_sub reports[] = {
		{"usage", usage_exec},
		{NULL, NULL}
	};

	return cmd_run_sub(g, argc, argv, reports, report_help);
}

const struct cmd_entry cmd_report_entry = {
	"report", "report REPORT [OPTIONS]",
	"print a report (usage per user, group, account, queue, cluster)",
	report_exec
};
