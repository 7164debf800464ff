/* hpcacct monthly: a month's workbook, SWF file, charts and summary. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd-report.h"
#include "msg.h"
#include "reports/workbook.h"
#include "swf/export.h"

/* What monthly takes. */
struct monthly_args {
	struct cmd_window window;
	const char *cluster;
	const char *dir;
};

/* A month's run: where its files go, and what they cover. */
struct monthly {
	struct store *st;
	const struct cmd_globals *g;
	struct workbook_request req;
	char month[16];			/* YYYY-MM */
	char dir[4096];			/* DIR/YYYY-MM */
	char path[4096 + 64];		/* the file being written */
};

static int
cmd_monthly_option(void *ctx, int c, const char *arg)
{
	struct monthly_args *a = ctx;
	int r = cmd_window_option("monthly", &a->window, c, arg);

	if (r != 0)
		return r;
	if (c == 'c')
		a->cluster = arg;
	else
		a->dir = arg;	/* 'd' */
	return -1;
}

/* mkdir that leaves an existing directory be: 0, or 1 after saying why. */
static int
cmd_monthly_mkdir(const char *path)
{
	struct stat sb;

	if (mkdir(path, 0777) == 0 || (errno == EEXIST && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode)))
		return 0;
	msg_error("monthly: %s: %s", path, errno == EEXIST ?
	    "exists and is not a directory" : strerror(errno));
	return 1;
}

static const char *
cmd_monthly_file(struct monthly *m, const char *name)
{
	snprintf(m->path, sizeof(m->path), "%s/%s", m->dir, name);
	return m->path;
}

/* The month's jobs as SWF (a header only when there are none). */
static int
cmd_monthly_swf(struct monthly *m)
{
	struct swf_export_options opt;
	struct cmd_output out;
	char host[256], err[512], name[64];
	int64_t jobs = 0;
	int r;

	memset(&opt, 0, sizeof(opt));
	opt.from = m->req.from;
	opt.to = m->req.to;
	opt.cluster = m->req.cluster;
	opt.installation = cmd_host_name(host, sizeof(host));
	opt.now = m->req.created;
	snprintf(name, sizeof(name), "hpcacct-%s.swf", m->month);
	if (cmd_output_open(&out, cmd_monthly_file(m, name)) != 0)
		return 1;
	if ((r = swf_export(m->st, &opt, out.fp, &jobs, err, sizeof(err))) != 0)
		msg_error("monthly: %s", err);
	else if (jobs == 0)
		msg_warn("monthly: no jobs submitted in %s: %s has only its "
		    "header", m->month, m->path);
	return cmd_output_close(&out, r == 0 && !ferror(out.fp));
}

/* Every chart as PNG: a month by day, signups over twelve months. */
static int
cmd_monthly_charts(struct monthly *m, unsigned left_out)
{
	static const char *const charts[] = {"usage", "wait", "utilization",
	    "signups", "sizes", "efficiency"};
	const char *match[2] = {m->req.cluster, NULL};
	struct store_filter f;
	char name[32];
	size_t i;
	int k, status = 0;

	for (i = 0; i < sizeof(charts) / sizeof(charts[0]); i++) {
		memset(&f, 0, sizeof(f));
		f.from = m->req.from;
		f.to = m->req.to;
		if (m->req.cluster != NULL)
			f.match[STORE_KEY_CLUSTER] = match;
		if (strcmp(charts[i], "utilization") == 0 &&
		    (left_out & WORKBOOK_NO_CAPACITY))
			continue;	/* the workbook warned */
		if (strcmp(charts[i], "signups") == 0)
			for (k = 0; k < 11; k++)
				f.from = period_start(PERIOD_MONTH, f.from - 1);
		snprintf(name, sizeof(name), "%s.png", charts[i]);
		if (cmd_plot_chart(m->st, &m->g->conf, charts[i], &f,
		    strcmp(charts[i], "signups") == 0 ? PERIOD_MONTH :
		    PERIOD_DAY, cmd_monthly_file(m, name)) != 0)
			status = 1;
	}
	return status;
}

/* Everything of the month into m->dir: the exit status.  The workbook
 * writes summary.txt from the figures of its Summary sheet. */
static int
cmd_monthly_write(struct monthly *m)
{
	struct cmd_output summary;
	unsigned left_out = 0;
	char name[64], path[sizeof(m->path)];
	int status;

	/* m->path is the next file's: this one needs its own name */
	snprintf(path, sizeof(path), "%s", cmd_monthly_file(m, "summary.txt"));
	if (cmd_output_open(&summary, path) != 0)
		return 1;
	m->req.summary = summary.fp;
	snprintf(name, sizeof(name), "hpcacct-%s.xlsx", m->month);
	status = cmd_workbook(m->st, &m->req, "monthly",
	    cmd_monthly_file(m, name), &left_out);
	m->req.summary = NULL;
	status |= cmd_output_close(&summary, status == 0 &&
	    !ferror(summary.fp));
	status |= cmd_monthly_swf(m);
	status |= cmd_monthly_charts(m, left_out);
	return status ? 1 : 0;
}

static int
cmd_monthly_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct monthly_args a;
	struct monthly m;
	int r;

	memset(&a, 0, sizeof(a));
	memset(&m, 0, sizeof(m));
	if ((r = cmd_parse(&cmd_monthly_entry, argc, argv, cmd_monthly_option,
	    &a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage("monthly", "unexpected argument '%s'",
		    argv[optind]);
	if (a.window.month == NULL || a.dir == NULL)
		return msg_usage("monthly", "%s is required", a.dir == NULL ?
		    "--dir DIR" : "--month YYYY-MM (or last)");
	r = cmd_window_resolve(g, "monthly", &a.window, cmd_source_time(),
	    &m.req.from, &m.req.to);
	if (r != 0)
		return r;
	m.g = g;
	m.req.cluster = a.cluster;
	m.req.conf = &g->conf;
	m.req.created = cmd_month_created(m.req.to);
	period_label(PERIOD_MONTH, m.req.from, m.month, sizeof(m.month));
	m.month[7] = '\0';
	if ((size_t)snprintf(m.dir, sizeof(m.dir), "%s/%s", a.dir, m.month) >=
	    sizeof(m.dir))
		return msg_usage("monthly", "--dir '%s': too long", a.dir);
	if (cmd_monthly_mkdir(a.dir) != 0 || cmd_monthly_mkdir(m.dir) != 0)
		return 1;
	if ((m.st = cmd_open_store(g, STORE_OPEN_EXISTING)) == NULL)
		return 1;
	r = cmd_monthly_write(&m);
	store_close(m.st);
	return r;
}

static const struct option monthly_longopts[] = {
	{"month", required_argument, NULL, CMD_OPT_MONTH},
	{"tz", required_argument, NULL, CMD_OPT_TZ},
	{"cluster", required_argument, NULL, 'c'},
	{"dir", required_argument, NULL, 'd'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_monthly_entry = {
	"monthly",
	"monthly --month YYYY-MM|last --dir DIR [--cluster NAME] [--tz ZONE]",
	"a month's workbook, SWF file, charts and summary, for cron",
	"c:d:", monthly_longopts,
	"Write into DIR/YYYY-MM/ (made if missing) everything of the month:\n"
	"hpcacct-YYYY-MM.xlsx (export xlsx), hpcacct-YYYY-MM.swf (export swf\n"
	"of the jobs submitted in the month), the charts usage.png (core-hours\n"
	"per day by queue), wait.png, utilization.png, signups.png (the twelve\n"
	"months to this one), sizes.png and efficiency.png (plot), and\n"
	"summary.txt (the workbook's Summary sheet as text).  Each file is\n"
	"written under a temporary name and renamed into place, so a reader\n"
	"never sees half a file; run again over the same data, it writes the\n"
	"same files.  Without capacities or [slo] targets in the\n"
	"configuration, utilisation and service levels are left out with a\n"
	"warning.  Exit status 1 if any file could not be written (gnuplot\n"
	"missing, for one); the others are still written.\n"
	"\n"
	"Options:\n"
	"      --month M       the calendar month YYYY-MM, or 'last' (required)\n"
	"  -d, --dir DIR       the directory to write into (required)\n"
	"  -c, --cluster NAME  only this cluster (default: all)\n"
	"      --tz ZONE       the month's time zone (default: TZ, [report] tz)\n"
	"  -h, --help          show this help\n"
	"\n"
	"A crontab line for the 2nd of each month:\n"
	"  15 3 2 * *  hpcacct monthly --month last --dir /srv/hpcacct/reports\n",
	NULL, cmd_monthly_exec
};
