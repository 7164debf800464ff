/* hpcacct ingest: read accounting records into the database. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ingest.h"
#include "msg.h"
#include "parsers/sacct.h"
#include "timeutil.h"

#define WARNINGS_SHOWN 10	/* per file; the rest are only counted */

static const char ingest_help[] =
    "Usage: hpcacct ingest [OPTIONS] FILE...\n"
    "\n"
    "Read accounting records into the database; '-' reads standard input.\n"
    "Each file is one transaction: a bad record is reported as FILE:LINE\n"
    "and left out, every good one is stored.  Reading a file again never\n"
    "counts a job twice.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    auto (default) or slurm (sacct --parsable2)\n"
    "  -c, --cluster NAME  cluster of the jobs (default: the Cluster column,\n"
    "                      else 'default')\n"
    "      --tz ZONE       time zone of the times in the input (default: TZ)\n"
    "      --columns LIST  column order of headerless sacct output, as given\n"
    "                      to sacct --format (implies --format slurm)\n"
    "  -q, --quiet         print no per-file summary\n"
    "  -v, --verbose       also name every record skipped (jobs not ended)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 all read, 1 a record was rejected or a file failed,\n"
    "2 usage error.\n";

struct ingest_cli {
	int quiet, verbose;
	int64_t warnings_shown;
};

static void
report_reject(void *ctx, const char *file, int64_t line, const char *reason)
{
	(void)ctx;
	msg_error("%s:%lld: %s", file, (long long)line, reason);
}

static void
report_skip(void *ctx, const char *file, int64_t line, const char *reason)
{
	struct ingest_cli *cli = ctx;

	if (cli->verbose)
		msg_error("%s:%lld: skipped: %s", file, (long long)line,
		    reason);
}

static void
report_warn(void *ctx, const char *file, int64_t line, const char *reason)
{
	struct ingest_cli *cli = ctx;

	if (line == 0)
		msg_warn("%s: %s", file, reason);
	else if (cli->warnings_shown++ < WARNINGS_SHOWN || cli->verbose)
		msg_warn("%s:%lld: %s", file, (long long)line, reason);
}

static void
print_summary(const char *name, const struct store_run_counts *c)
{
	printf("%s: read %lld, new %lld, updated %lld, unchanged %lld, "
	    "skipped %lld, rejected %lld, warnings %lld\n", name,
	    (long long)c->read, (long long)c->new_jobs, (long long)c->updated,
	    (long long)c->unchanged, (long long)c->skipped,
	    (long long)c->rejected, (long long)c->warnings);
}

static void
add_counts(struct store_run_counts *sum, const struct store_run_counts *c)
{
	sum->read += c->read;
	sum->new_jobs += c->new_jobs;
	sum->updated += c->updated;
	sum->unchanged += c->unchanged;
	sum->skipped += c->skipped;
	sum->rejected += c->rejected;
	sum->warnings += c->warnings;
}

static int
ingest_all(struct store *st, int nfiles, char **files,
    const struct ingest_options *opt, struct ingest_cli *cli)
{
	struct ingest_report report = {cli, report_reject, report_skip,
	    report_warn};
	struct store_run_counts counts, total;
	char err[512];
	int i, status = 0;

	memset(&total, 0, sizeof(total));
	for (i = 0; i < nfiles; i++) {
		cli->warnings_shown = 0;
		if (ingest_path(st, files[i], opt, &report, &counts, err,
		    sizeof(err)) != 0) {
			msg_error("%s: %s; nothing of it was stored", files[i],
			    err);
			status = 1;
			continue;
		}
		if (counts.warnings > WARNINGS_SHOWN && !cli->verbose)
			msg_warn("%s: %lld unreadable fields in all, stored as "
			    "unknown (--verbose names each)", files[i],
			    (long long)counts.warnings);
		if (counts.rejected > 0)
			status = 1;
		if (!cli->quiet)
			print_summary(files[i], &counts);
		add_counts(&total, &counts);
	}
	if (nfiles > 1 && !cli->quiet)
		print_summary("total", &total);
	return status;
}

static int
ingest_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"cluster", required_argument, NULL, 'c'},
		{"tz", required_argument, NULL, 'z'},
		{"columns", required_argument, NULL, 'C'},
		{"quiet", no_argument, NULL, 'q'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct ingest_options opt = {INGEST_AUTO, NULL, NULL};
	struct ingest_cli cli = {0, 0, 0};
	struct store *st;
	char err[256];
	int c, status;

	while ((c = getopt_long(argc, argv, ":f:c:qvh", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (ingest_format_parse(optarg, &opt.format) != 0)
				return msg_usage("ingest", "unknown format '%s' "
				    "(auto, slurm)", optarg);
			break;
		case 'c':
			if (optarg[0] == '\0')
				return msg_usage("ingest", "empty --cluster");
			opt.cluster = optarg;
			break;
		case 'z':
			if (timeutil_set_zone(optarg) != 0)
				return msg_usage("ingest", "unknown time zone "
				    "'%s'", optarg);
			break;
		case 'C':
			if (sacct_check_columns(optarg, err, sizeof(err)) != 0)
				return msg_usage("ingest", "--columns: %s", err);
			opt.columns = optarg;
			break;
		case 'q':
			cli.quiet = 1;
			break;
		case 'v':
			cli.verbose = 1;
			break;
		case 'h':
			fputs(ingest_help, stdout);
			return 0;
		default:
			return cmd_option_error("ingest", c, argv);
		}
	}
	if (opt.columns != NULL && opt.format == INGEST_AUTO)
		opt.format = INGEST_SLURM;
	if (optind >= argc)
		return msg_usage("ingest", "no input files (use - for "
		    "standard input)");
	st = cmd_open_store(g, STORE_OPEN_CREATE);
	if (st == NULL)
		return 1;
	status = ingest_all(st, argc - optind, argv + optind, &opt, &cli);
	store_close(st);
	return status;
}

const struct cmd_entry cmd_ingest_entry = {
	"ingest", "ingest [OPTIONS] FILE...",
	"read accounting records (sacct output) into the database",
	ingest_exec
};
