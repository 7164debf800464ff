/* hpcacct runs: list the ingest runs and what each stored. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "msg.h"
#include "reports/render.h"

static const char runs_help[] =
    "List every ingest run, oldest first: its number (for 'hpcacct forget\n"
    "--run'), when it started (UTC), its input as given to ingest, the\n"
    "format, what it counted, and how many job records it wrote that are\n"
    "still stored as it wrote them.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    table (default) or csv\n"
    "  -h, --help          show this help\n";

struct runs_out {
	int csv;
};

static void
cmd_runs_utc(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == JOB_UNSET || gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "-");
}

static int
cmd_runs_print(void *ctx, const struct store_run_row *r)
{
	const struct runs_out *o = ctx;
	const struct store_run_counts *c = &r->counts;
	char started[32];

	cmd_runs_utc(r->started, started, sizeof(started));
	if (o->csv) {
		printf("%lld,%s,", (long long)r->id, started);
		render_csv_field(stdout, r->input);
		printf(",%s,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld\n",
		    r->format, (long long)c->read, (long long)c->new_jobs,
		    (long long)c->updated, (long long)c->unchanged,
		    (long long)c->skipped, (long long)c->rejected,
		    (long long)c->warnings, (long long)r->stored);
		return 0;
	}
	printf("%5lld  %-20s  %-5s %8lld %8lld %8lld %8lld %8lld  ",
	    (long long)r->id, started, r->format, (long long)c->read,
	    (long long)c->new_jobs, (long long)c->updated,
	    (long long)c->rejected, (long long)r->stored);
	render_table_cell(stdout, r->input, 0);
	putchar('\n');
	return 0;
}

static int
cmd_runs_option(void *ctx, int c, const char *arg)
{
	struct runs_out *o = ctx;

	(void)c;	/* 'f' */
	if (strcmp(arg, "csv") != 0 && strcmp(arg, "table") != 0)
		return msg_usage("runs", "bad --format '%s' (table, csv)", arg);
	o->csv = strcmp(arg, "csv") == 0;
	return -1;
}

static int
cmd_runs_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct runs_out o = {0};
	struct store *st;
	int r;

	if ((r = cmd_parse(&cmd_runs_entry, argc, argv, cmd_runs_option, &o)) >=
	    0)
		return r;
	if (optind < argc)
		return msg_usage("runs", "unexpected argument '%s'",
		    argv[optind]);
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	if (o.csv)
		puts("run,started,input,format,read,new,updated,unchanged,"
		    "skipped,rejected,warnings,stored");
	else
		printf("%5s  %-20s  %-5s %8s %8s %8s %8s %8s  %s\n", "RUN",
		    "STARTED", "FORMAT", "READ", "NEW", "UPDATED", "REJECTED",
		    "STORED", "INPUT");
	r = store_runs(st, cmd_runs_print, &o);
	if (r != 0)
		msg_error("database %s", store_errmsg(st));
	store_close(st);
	return r != 0 ? 1 : 0;
}

static const struct option runs_longopts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_runs_entry = {
	"runs", "runs [--format table|csv]",
	"list the ingest runs and what each stored",
	"f:", runs_longopts, runs_help, NULL, cmd_runs_exec
};
