/* hpcacct export: write stored jobs in an exchange format. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "msg.h"
#include "reports/prometheus.h"
#include "reports/workbook.h"
#include "swf/export.h"

static const char swf_help[] =
    "Write the stored jobs submitted in the window as SWF 2.2, sorted by\n"
    "submit time, one line per job incarnation, with users, groups, job\n"
    "names, queues and clusters numbered in order of first appearance.  No\n"
    "name appears in the file unless --names asks for the Queue and\n"
    "Partition lines to name queues and clusters.  When no job matches,\n"
    "nothing is written and the exit status is 1.\n"
    "\n"
    "Options:\n"
    CMD_WINDOW_HELP
    "  -c, --cluster NAME       only this cluster (default: all)\n"
    "      --installation TEXT  the header's Installation (default: this\n"
    "                           host's name)\n"
    "      --names              name queues and clusters in the header\n"
    "  -o, --output FILE        write to FILE (through a temporary file\n"
    "                           renamed into place; default: standard\n"
    "                           output)\n"
    "  -h, --help               show this help\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, fixes the conversion date in the header.\n";

const char *
cmd_host_name(char *buf, size_t size)
{
	if (gethostname(buf, size) != 0)
		snprintf(buf, size, "unknown");
	buf[size - 1] = '\0';
	return buf;
}

int64_t
cmd_source_time(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (sde != NULL && sde[0] != '\0') {
		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			return v;
	}
	return (int64_t)time(NULL);
}

/* Append name to the "a, b" list in buf. */
static int
cmd_export_add_cluster(void *ctx, const char *name, int64_t jobs)
{
	char *buf = ctx;
	size_t len = strlen(buf);

	(void)jobs;
	snprintf(buf + len, 512 - len, "%s%s", len ? ", " : "", name);
	return 0;
}

/* No job matched: say so, with the clusters there are. */
static void
cmd_export_no_jobs(struct store *st, const struct swf_export_options *opt)
{
	char clusters[512] = "";

	store_clusters(st, cmd_export_add_cluster, clusters);
	if (opt->cluster != NULL)
		msg_error("export swf: no jobs of cluster '%s' in the window "
		    "(the database has: %s)", opt->cluster,
		    clusters[0] ? clusters : "no jobs");
	else
		msg_error("export swf: no jobs submitted in the window (the "
		    "database has clusters: %s)", clusters[0] ? clusters :
		    "none");
}

static int
cmd_export_write(struct store *st, const struct swf_export_options *opt,
    const char *output)
{
	struct cmd_output out;
	char err[512];
	int64_t jobs = 0;
	int r;

	if (cmd_output_open(&out, output) != 0)
		return 1;
	r = swf_export(st, opt, out.fp, &jobs, err, sizeof(err));
	if (r != 0)
		msg_error("export swf: %s", err);
	else if (jobs == 0) {
		cmd_export_no_jobs(st, opt);
		r = -1;
	}
	return cmd_output_close(&out, r == 0);
}

struct swf_args {
	struct swf_export_options opt;
	struct cmd_window window;
	const char *output;
};

static int
cmd_export_swf_option(void *ctx, int c, const char *arg)
{
	struct swf_args *a = ctx;
	int r = cmd_window_option("export swf", &a->window, c, arg);

	if (r != 0)
		return r;
	switch (c) {
	case 'c': a->opt.cluster = arg; break;
	case 'I': a->opt.installation = arg; break;
	case 'o': a->output = arg; break;
	default: a->opt.names = 1; break;	/* 'N' */
	}
	return -1;
}

static int
cmd_export_swf_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct swf_args a;
	char host[256];
	struct store *st;
	int r;

	memset(&a, 0, sizeof(a));
	if ((r = cmd_parse(&cmd_export_swf_entry, argc, argv, cmd_export_swf_option,
	    &a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage("export swf", "unexpected argument '%s'",
		    argv[optind]);
	r = cmd_window_resolve(g, "export swf", &a.window, (int64_t)time(NULL),
	    &a.opt.from, &a.opt.to);
	if (r != 0)
		return r;
	if (a.opt.installation == NULL)
		a.opt.installation = cmd_host_name(host, sizeof(host));
	a.opt.now = cmd_source_time();
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	r = cmd_export_write(st, &a.opt, a.output);
	store_close(st);
	return r;
}

static const struct option swf_longopts[] = {
	CMD_WINDOW_LONGOPTS,
	{"cluster", required_argument, NULL, 'c'},
	{"installation", required_argument, NULL, 'I'},
	{"output", required_argument, NULL, 'o'},
	{"names", no_argument, NULL, 'N'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_export_swf_entry = {
	"export swf",
	"export swf [TIME SELECTION] [--tz ZONE] [--cluster NAME]\n"
	"                          [--installation TEXT] [--names] [-o FILE]",
	"Standard Workload Format 2.2 (Parallel Workloads Archive)",
	"c:o:", swf_longopts, swf_help, NULL, cmd_export_swf_exec
};

/* What export prometheus takes. */
struct prom_args {
	int64_t window;
	const char *output;
};

static int
cmd_export_prom_option(void *ctx, int c, const char *arg)
{
	struct prom_args *a = ctx;

	if (c == 'o') {
		a->output = arg;
		return -1;
	}
	if (cmd_parse_seconds(arg, &a->window) != 0 || a->window == 0)	/* 'w' */
		return msg_usage("export prometheus", "bad --window '%s' (e.g. "
		    "1h, 1d, 7d)", arg);
	return -1;
}

static int
cmd_export_prom_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct prom_args a = {86400, NULL};
	struct prometheus_request req;
	struct cmd_output out;
	struct store *st;
	int r, no_capacity, no_slo;

	if ((r = cmd_parse(&cmd_export_prometheus_entry, argc, argv,
	    cmd_export_prom_option, &a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage("export prometheus", "unexpected argument '%s'",
		    argv[optind]);
	req.to = cmd_source_time();
	req.from = req.to - a.window;
	req.conf = &g->conf;
	if ((st = cmd_open_store(g, STORE_OPEN_EXISTING)) == NULL)
		return 1;
	if (cmd_output_open(&out, a.output) != 0) {
		store_close(st);
		return 1;
	}
	r = prometheus_write(st, &req, out.fp, &no_capacity, &no_slo);
	if (r != 0)
		msg_error("database %s", store_errmsg(st));
	if (r == 0 && no_capacity)
		msg_warn("no cluster capacity configured: "
		    "hpcacct_utilization_ratio left out (see hpcacct.conf(5))");
	if (r == 0 && no_slo)
		msg_warn("no [slo] targets configured: hpcacct_slo_* left out "
		    "(see hpcacct.conf(5))");
	store_close(st);
	return cmd_output_close(&out, r == 0 && !ferror(out.fp));
}

static const struct option prom_longopts[] = {
	{"window", required_argument, NULL, 'w'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_export_prometheus_entry = {
	"export prometheus",
	"export prometheus [--window DURATION] [-o FILE]",
	"metrics for Prometheus (node_exporter's textfile collector)",
	"w:o:", prom_longopts,
	"The text exposition format, per cluster and queue (never per user),\n"
	"over the DURATION up to now (SOURCE_DATE_EPOCH, if set): runs ended\n"
	"(hpcacct_jobs_ended), core- and GPU-seconds (hpcacct_core_seconds,\n"
	"hpcacct_gpu_seconds: hours x 3600), the waits of the runs that started as a summary\n"
	"(hpcacct_wait_seconds: quantiles 0.5, 0.9, 0.95, 0.99, _sum, _count),\n"
	"and, where the configuration has them, service level attainment per\n"
	"queue (hpcacct_slo_attainment_ratio, hpcacct_slo_met) and utilization\n"
	"per cluster (hpcacct_utilization_ratio).  Every cluster and queue that\n"
	"ever ran a job has a sample, 0 when idle (its quantiles NaN).  With -o\n"
	"the file is written under a temporary name and renamed, as the\n"
	"textfile collector needs.\n"
	"\n"
	"Options:\n"
	"  -w, --window D      the window up to now (default 1d; 90m, 12h, 7d)\n"
	"  -o, --output FILE   write to FILE (for example\n"
	"                      /var/lib/prometheus/node-exporter/hpcacct.prom)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_export_prom_exec
};

/* What export xlsx takes. */
struct xlsx_args {
	struct cmd_window window;
	const char *cluster;
	const char *output;
};

static int
cmd_export_xlsx_option(void *ctx, int c, const char *arg)
{
	struct xlsx_args *a = ctx;
	int r = cmd_window_option("export xlsx", &a->window, c, arg);

	if (r != 0)
		return r;
	if (c == 'c')
		a->cluster = arg;
	else
		a->output = arg;	/* 'o' */
	return -1;
}

static void
cmd_workbook_warn(const char *command, unsigned left_out)
{
	if (left_out & WORKBOOK_NO_CAPACITY)
		msg_warn("%s: no capacity configured for a cluster that ran "
		    "jobs: utilisation left out (see hpcacct.conf(5))",
		    command);
	if (left_out & WORKBOOK_NO_SLO)
		msg_warn("%s: no [slo] targets configured: service levels "
		    "left out (see hpcacct.conf(5))", command);
}

int
cmd_workbook(struct store *st, const struct workbook_request *req,
    const char *command, const char *path, unsigned *left_out)
{
	struct cmd_output out;
	char err[512];
	int r;

	*left_out = 0;
	if (cmd_output_open(&out, path) != 0)
		return 1;
	r = workbook_write(st, req, out.tmp, left_out, err, sizeof(err));
	if (r == -1)
		msg_error("%s: database %s", command, store_errmsg(st));
	else if (r != 0)
		msg_error("%s: %s: %s", command, path, err);
	else
		cmd_workbook_warn(command, *left_out);
	return cmd_output_close(&out, r == 0);
}

int64_t
cmd_month_created(int64_t to)
{
	int64_t now = cmd_source_time();

	return getenv("SOURCE_DATE_EPOCH") != NULL || now < to ? now : to;
}

static int
cmd_export_xlsx_exec(const struct cmd_globals *g, int argc, char **argv)
{
	const char *name = "export xlsx";
	struct xlsx_args a;
	struct workbook_request req;
	struct store *st;
	unsigned left_out;
	int r;

	memset(&a, 0, sizeof(a));
	if ((r = cmd_parse(&cmd_export_xlsx_entry, argc, argv,
	    cmd_export_xlsx_option, &a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage(name, "unexpected argument '%s'", argv[optind]);
	if (a.window.month == NULL)
		return msg_usage(name, "--month is required (YYYY-MM or last)");
	if (a.output == NULL || strcmp(a.output, "-") == 0)
		return msg_usage(name, "-o FILE.xlsx is required (a workbook "
		    "is not written to standard output)");
	r = cmd_window_resolve(g, name, &a.window, cmd_source_time(),
	    &req.from, &req.to);
	if (r != 0)
		return r;
	req.cluster = a.cluster;
	req.conf = &g->conf;
	req.created = cmd_month_created(req.to);
	req.summary = NULL;
	if ((st = cmd_open_store(g, STORE_OPEN_EXISTING)) == NULL)
		return 1;
	r = cmd_workbook(st, &req, name, a.output, &left_out);
	store_close(st);
	return r;
}

static const struct option xlsx_longopts[] = {
	{"month", required_argument, NULL, CMD_OPT_MONTH},
	{"tz", required_argument, NULL, CMD_OPT_TZ},
	{"cluster", required_argument, NULL, 'c'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_export_xlsx_entry = {
	"export xlsx",
	"export xlsx --month YYYY-MM|last [--tz ZONE] [--cluster NAME]\n"
	"                          -o FILE.xlsx",
	"the monthly Excel workbook, with charts",
	"c:o:", xlsx_longopts,
	"One month's accounting as an Excel workbook: a Summary sheet (jobs,\n"
	"core- and GPU-hours, utilisation, active and new users, median and\n"
	"95th percentile wait, service levels met, beside the month before and\n"
	"the same month a year earlier, with the change in percent), then the\n"
	"sheets Users, Groups, Accounts, Queues (report usage), Top users,\n"
	"Wait times (per queue), Job sizes, Efficiency (per user), Signups (new\n"
	"users over the last 12 months), Daily (core-hours per day and queue),\n"
	"and Utilization and Service levels where the configuration has\n"
	"capacities and [slo] targets (else a warning, and they are left out).\n"
	"The numbers are those of the reports; durations are [h]:mm:ss, shares\n"
	"percentages.  The file is written under a temporary name and renamed.\n"
	"Its creation date is the month's end (now for the month in progress;\n"
	"SOURCE_DATE_EPOCH overrides), so the same data gives the same file.\n"
	"\n"
	"Options:\n"
	"      --month M       the calendar month YYYY-MM, or 'last' (required)\n"
	"      --tz ZONE       the month's time zone (default: TZ, [report] tz)\n"
	"  -c, --cluster NAME  only this cluster (default: all)\n"
	"  -o, --output FILE   the workbook to write (required)\n"
	"  -h, --help          show this help\n",
	NULL, cmd_export_xlsx_exec
};

static int
cmd_export_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_entry *const formats[] = {
		&cmd_export_swf_entry,
		&cmd_export_prometheus_entry,
		&cmd_export_xlsx_entry,
		NULL
	};

	return cmd_run_sub(&cmd_export_entry, g, argc, argv, formats);
}

const struct cmd_entry cmd_export_entry = {
	"export", "export FORMAT [OPTIONS]",
	"write stored jobs as SWF, metrics for Prometheus, or a workbook",
	"", NULL, "Formats:\n", NULL, cmd_export_exec
};
