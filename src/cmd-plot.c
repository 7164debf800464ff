/* hpcacct plot: the reports' rows as charts, drawn by gnuplot. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd-report.h"
#include "msg.h"
#include "reports/efficiency.h"
#include "reports/plot.h"
#include "reports/signups.h"
#include "reports/sizes.h"
#include "reports/usage.h"
#include "reports/utilization.h"
#include "reports/wait.h"

/* Series in a stacked chart before the rest become "other". */
#define CMD_PLOT_SERIES 8
/* Series in any chart over time (the clusters of a utilisation chart). */
#define CMD_PLOT_MAX_SERIES 64
/* Users in the efficiency chart. */
#define CMD_PLOT_USERS 20

/* A chart being made: its options, store, script output, window text. */
struct cmd_plot {
	const struct cmd_entry *e;
	struct report_args a;
	struct store *st;
	struct cmd_output out;		/* --script, or nothing */
	enum plot_format format;
	char window[80];		/* "2026-10-01 to 2026-10-31" */
	char title[256];
};

/* The window's days, its open ends those of the stored runs. */
static void
cmd_plot_window(struct cmd_plot *p)
{
	int64_t from = p->a.filter.from, to = p->a.filter.to, first, last;
	char a[32], b[32];

	if (store_span(p->st, &first, &last) > 0) {
		if (from <= STORE_WINDOW_MIN)
			from = first;
		if (to >= STORE_WINDOW_MAX)
			to = last + 1;
	}
	if (from <= STORE_WINDOW_MIN || to >= STORE_WINDOW_MAX || to <= from) {
		snprintf(p->window, sizeof(p->window), "all jobs");
		return;
	}
	period_label(PERIOD_DAY, from, a, sizeof(a));
	period_label(PERIOD_DAY, to - 1, b, sizeof(b));
	snprintf(p->window, sizeof(p->window), "%s to %s", a, b);
	if (p->a.period == PERIOD_NONE)	/* a sensible series for the span */
		p->a.period = to - from <= 3 * 86400 ? PERIOD_HOUR :
		    to - from <= 93 * 86400 ? PERIOD_DAY :
		    to - from <= 3 * 366 * 86400 ? PERIOD_MONTH : PERIOD_YEAR;
}

/* Per period: the axis title, the word in a chart's title, and how much
 * of a period's label is worth showing (2026-10, 2026; 0: all). */
static const struct {
	const char *axis, *word;
	size_t len;
} cmd_plot_periods[] = {
	{"Period", "period", 0}, {"Hour", "hour", 0}, {"Day", "day", 0},
	{"Week", "week", 0}, {"Month", "month", 7}, {"Quarter", "quarter", 7},
	{"Year", "year", 4}
};

static const char *
cmd_plot_period_name(enum period p)
{
	return cmd_plot_periods[p].axis;
}

static const char *
cmd_plot_period_word(enum period p)
{
	return cmd_plot_periods[p].word;
}

static size_t
cmd_plot_period_len(enum period p)
{
	return cmd_plot_periods[p].len;
}

static int
cmd_plot_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* Read the options, open the store: -1 to go on, else the exit status. */
static int
cmd_plot_start(struct cmd_plot *p, const struct cmd_entry *e,
    const struct cmd_globals *g, int argc, char **argv)
{
	int r;

	p->e = e;
	p->a.plot = 1;
	p->a.width = 1280;
	p->a.height = 720;
	if ((r = cmd_report_start(e, g, argc, argv, &p->a, &p->st,
	    &p->out)) >= 0)
		return r;
	if (p->a.output == NULL || plot_format_for(p->a.output,
	    &p->format) != 0) {
		cmd_report_close(p->st, &p->out);
		return msg_usage(e->name, p->a.output == NULL ? "-o FILE is "
		    "required (.png, .svg or .pdf)" : "-o '%s': the name "
		    "must end in .png, .svg or .pdf", p->a.output);
	}
	if (cmd_plot_control(p->a.output)) {	/* it goes into the script */
		cmd_report_close(p->st, &p->out);
		return msg_usage(e->name, "-o: a name with a control character");
	}
	cmd_plot_window(p);
	return -1;
}

/* The script of chart s over r, to --script or through gnuplot into -o. */
static int
cmd_plot_draw(struct cmd_plot *p, const struct plot_spec *s,
    const struct report *r)
{
	struct plot_output o = {p->format, p->a.width, p->a.height,
	    p->a.output};
	struct cmd_output img;
	char *buf = NULL, err[512];
	size_t len = 0;
	FILE *mem;
	int ok;

	if (p->a.script != NULL)
		return plot_script(p->out.fp, &o, s, r) == 0 ? 0 : -1;
	if (cmd_output_open(&img, p->a.output) != 0)
		return 1;
	o.path = img.tmp;
	if ((mem = open_memstream(&buf, &len)) == NULL) {
		cmd_output_close(&img, 0);
		return -1;
	}
	ok = plot_script(mem, &o, s, r) == 0;
	ok = fclose(mem) == 0 && ok;
	if (ok && plot_run(buf, len, err, sizeof(err)) != 0) {
		msg_error("%s: %s", p->e->name, err);
		ok = 0;
	}
	free(buf);
	return cmd_output_close(&img, ok) == 0 && ok ? 0 : 1;
}

/* Draw s over r after its build's result rc, then free r: 0 or 1. */
static int
cmd_plot_finish(struct cmd_plot *p, int rc, const struct plot_spec *s,
    struct report *r)
{
	int status = 0;

	if (rc == -2)
		msg_error("%s: more than %d periods; give a longer --period or "
		    "a shorter window", p->e->name, SERIES_MAX_PERIODS);
	else if (rc != 0)
		msg_error("database %s", store_errmsg(p->st));
	else if ((status = cmd_plot_draw(p, s, r)) < 0)
		msg_error("%s: cannot write the script", p->e->name);
	report_free(r);
	return rc != 0 || status != 0 ? 1 : 0;
}

/* The columns of r between first and last (excluded) as series. */
static size_t
cmd_plot_series(size_t *vals, size_t first, size_t last)
{
	size_t n = 0;

	while (first < last)
		vals[n++] = first++;
	return n;
}

/*
 * Draw the rows of r (its build returned rc) as a time series: a row per
 * period (column 0), a series per key (column 1) holding the sum of
 * column val, the CMD_PLOT_SERIES largest and the rest as "other" when
 * fold is set.  Frees r.
 */
static int
cmd_plot_over_time(struct cmd_plot *p, int rc, struct report *r,
    const char *val, int fold, struct plot_spec *s)
{
	struct report pivot, folded, *shown = fold ? &folded : &pivot;
	size_t vals[CMD_PLOT_MAX_SERIES];
	int col = rc == 0 ? report_column_find(r, val) : -1;

	memset(&pivot, 0, sizeof(pivot));
	memset(&folded, 0, sizeof(folded));
	if (rc == 0 && col > 1) {
		report_pivot(r, 0, 1, (size_t)col, "total", &pivot);
		if (fold)
			report_fold(&pivot, 1, pivot.ncols - 2, CMD_PLOT_SERIES,
			    "other", &folded);
		s->nvals = cmd_plot_series(vals, 1, shown->ncols - 1 <
		    CMD_PLOT_MAX_SERIES ? shown->ncols - 1 :
		    CMD_PLOT_MAX_SERIES);
	}
	s->vals = vals;
	s->cat = 0;
	s->scale = 1;
	s->where_col = -1;
	s->cat_len = cmd_plot_period_len(p->a.period);
	rc = cmd_plot_finish(p, rc, s, shown);
	report_free(&pivot);
	report_free(r);
	return rc;
}

static int
cmd_plot_usage(struct cmd_plot *p, const struct conf *conf)
{
	struct usage_request req;
	struct plot_spec s;
	struct report r;
	int rc;

	(void)conf;
	req = (struct usage_request){p->a.key_set ? p->a.key : STORE_KEY_QUEUE,
	    -1, p->a.period, p->a.filter};
	rc = usage_build(p->st, &req, &r);
	snprintf(p->title, sizeof(p->title), "Core-hours per %s by %s, %s",
	    cmd_plot_period_word(p->a.period), store_key_name(req.key),
	    p->window);
	memset(&s, 0, sizeof(s));
	s.command = "hpcacct plot usage";
	s.style = PLOT_STACKED;
	s.title = p->title;
	s.x_title = cmd_plot_period_name(p->a.period);
	s.y_title = "Core-hours";
	return cmd_plot_over_time(p, rc, &r, "core_hours", 1, &s);
}

static int
cmd_plot_wait(struct cmd_plot *p, const struct conf *conf)
{
	static const char *const names[] = {"25th to 75th percentile, "
	    "whiskers to the least wait and the 95th percentile", "", "", "",
	    "median"};
	static const char *const cols[] = {"wait_p25", "wait_min", "wait_p95",
	    "wait_p75", "wait_median"};
	size_t vals[5], k;
	struct wait_request req;
	struct report r;
	struct plot_spec s;
	int rc, c;

	(void)conf;
	req = (struct wait_request){p->a.key_set ? p->a.key : STORE_KEY_QUEUE,
	    PERIOD_NONE, p->a.filter};
	rc = wait_build(p->st, &req, &r);
	for (k = 0; k < 5; k++)
		vals[k] = (c = report_column_find(&r, cols[k])) >= 0 ?
		    (size_t)c : 0;
	snprintf(p->title, sizeof(p->title), "Wait-time distribution per %s, "
	    "%s", store_key_name(req.key), p->window);
	memset(&s, 0, sizeof(s));
	s.command = "hpcacct plot wait";
	s.style = PLOT_BOX;
	s.title = p->title;
	s.x_title = req.key == STORE_KEY_SIZE ? "Processors" :
	    req.key == STORE_KEY_QUEUE ? "Queue" : store_key_name(req.key);
	s.y_title = "Wait (hours)";
	s.vals = vals;
	s.nvals = rc == 0 ? 5 : 0;
	s.names = names;
	s.scale = 1.0 / 3600;
	s.where_col = -1;
	return cmd_plot_finish(p, rc, &s, &r);
}

static int
cmd_plot_utilization(struct cmd_plot *p, const struct conf *conf)
{
	struct utilization_request req;
	struct plot_spec s;
	struct report r;
	char missing[256];
	int rc;

	req = (struct utilization_request){p->a.period, p->a.filter, conf};
	rc = utilization_build(p->st, &req, &r, missing, sizeof(missing));
	if (rc == -3) {
		msg_error("%s: cluster '%s' has no capacity (add '[cluster %s]' "
		    "with 'capacity = YYYY-MM-DD cores=N'; see hpcacct.conf(5))",
		    p->e->name, missing, missing);
		report_free(&r);
		return 2;
	}
	snprintf(p->title, sizeof(p->title), "Core utilisation per %s and "
	    "cluster, %s", cmd_plot_period_word(p->a.period), p->window);
	memset(&s, 0, sizeof(s));
	s.command = "hpcacct plot utilization";
	s.style = PLOT_LINES;
	s.title = p->title;
	s.x_title = cmd_plot_period_name(p->a.period);
	s.y_title = "Utilisation (%)";
	s.reference = 1;
	return cmd_plot_over_time(p, rc, &r, "core_utilization", 0, &s);
}

static int
cmd_plot_signups(struct cmd_plot *p, const struct conf *conf)
{
	struct signups_request req;
	struct plot_spec s;
	struct report r;
	int rc;

	(void)conf;
	if (p->a.period != PERIOD_MONTH && p->a.period != PERIOD_YEAR)
		p->a.period = PERIOD_MONTH;
	req = (struct signups_request){STORE_SIGNUP_NONE, p->a.period,
	    p->a.filter.from, p->a.filter.to};
	rc = signups_build(p->st, &req, &r);
	snprintf(p->title, sizeof(p->title), "New users per %s, %s",
	    p->a.period == PERIOD_YEAR ? "year" : "month", p->window);
	memset(&s, 0, sizeof(s));
	s.command = "hpcacct plot signups";
	s.style = PLOT_STACKED;
	s.title = p->title;
	s.x_title = cmd_plot_period_name(p->a.period);
	s.y_title = "New users";
	return cmd_plot_over_time(p, rc, &r, "new_users", 0, &s);
}

static int
cmd_plot_sizes(struct cmd_plot *p, const struct conf *conf)
{
	static const char *const names[] = {"jobs"};
	static const size_t vals[] = {2};
	struct sizes_request req;
	struct report r;
	struct plot_spec s;
	int rc;

	(void)conf;

	req = (struct sizes_request){STORE_UNIT_PROCS, PERIOD_NONE, p->a.filter};
	rc = sizes_build(p->st, &req, &r);
	snprintf(p->title, sizeof(p->title), "Jobs per size, %s", p->window);
	s = (struct plot_spec){"hpcacct plot sizes", PLOT_BARS, p->title,
	    "Processors", "Jobs", 1, vals, 1, names, 1, 0, 0, "size", 0, 0};
	return cmd_plot_finish(p, rc, &s, &r);
}

static int
cmd_plot_efficiency(struct cmd_plot *p, const struct conf *conf)
{
	static const char *const names[] = {"CPU", "memory", "time limit"};
	static const size_t vals[] = {4, 7, 9};
	struct efficiency_request req;
	struct report r;
	struct plot_spec s;
	int rc;

	(void)conf;

	req = (struct efficiency_request){p->a.key_set ? p->a.key :
	    STORE_KEY_USER, PERIOD_NONE, p->a.filter, 1,
	    EFFICIENCY_BY_CORE_HOURS};
	rc = efficiency_build(p->st, &req, &r);
	snprintf(p->title, sizeof(p->title), "Efficiency of the %d %ss with "
	    "the most core-hours, %s", CMD_PLOT_USERS, store_key_name(req.key),
	    p->window);
	s = (struct plot_spec){"hpcacct plot efficiency", PLOT_BARS, p->title,
	    store_key_name(req.key), "Efficiency (%)", 0, vals, 3, names, 1,
	    1, -1, NULL, CMD_PLOT_USERS, 0};
	return cmd_plot_finish(p, rc, &s, &r);
}

typedef int (*cmd_plot_fn)(struct cmd_plot *, const struct conf *);

/* A plot command: its options, the chart, closing what start opened. */
static int
cmd_plot_run(const struct cmd_entry *e, cmd_plot_fn chart, int by_size,
    const struct cmd_globals *g, int argc, char **argv)
{
	struct cmd_plot p;
	int rc;

	memset(&p, 0, sizeof(p));
	p.a.by_size = by_size;
	if ((rc = cmd_plot_start(&p, e, g, argc, argv)) >= 0)
		return rc;
	rc = chart(&p, &g->conf);
	store_close(p.st);
	if (cmd_output_close(&p.out, rc == 0) != 0 && rc == 0)
		rc = 1;
	return rc;
}

#define CMD_PLOT_EXEC(name, by_size) \
	static int \
	cmd_plot_##name##_exec(const struct cmd_globals *g, int argc, \
	    char **argv) \
	{ \
		return cmd_plot_run(&cmd_plot_##name##_entry, cmd_plot_##name, \
		    by_size, g, argc, argv); \
	}
CMD_PLOT_EXEC(usage, 0)
CMD_PLOT_EXEC(wait, 1)
CMD_PLOT_EXEC(utilization, 0)
CMD_PLOT_EXEC(signups, 0)
CMD_PLOT_EXEC(sizes, 0)
CMD_PLOT_EXEC(efficiency, 0)

static const struct {
	const char *name;
	cmd_plot_fn chart;
	const struct cmd_entry *entry;
} cmd_plot_charts[] = {
	{"usage", cmd_plot_usage, &cmd_plot_usage_entry},
	{"wait", cmd_plot_wait, &cmd_plot_wait_entry},
	{"utilization", cmd_plot_utilization, &cmd_plot_utilization_entry},
	{"signups", cmd_plot_signups, &cmd_plot_signups_entry},
	{"sizes", cmd_plot_sizes, &cmd_plot_sizes_entry},
	{"efficiency", cmd_plot_efficiency, &cmd_plot_efficiency_entry},
};

int
cmd_plot_chart(struct store *st, const struct conf *conf, const char *chart,
    const struct store_filter *f, enum period period, const char *path)
{
	struct cmd_plot p;
	size_t i;

	for (i = 0; i < sizeof(cmd_plot_charts) / sizeof(cmd_plot_charts[0]);
	    i++)
		if (strcmp(cmd_plot_charts[i].name, chart) == 0)
			break;
	if (i == sizeof(cmd_plot_charts) / sizeof(cmd_plot_charts[0]))
		return 2;
	memset(&p, 0, sizeof(p));
	p.e = cmd_plot_charts[i].entry;
	p.st = st;
	p.a.filter = *f;
	p.a.period = period;
	p.a.output = path;
	p.a.width = 1280;
	p.a.height = 720;
	p.out.fp = stdout;
	if (plot_format_for(path, &p.format) != 0 || cmd_plot_control(path)) {
		msg_error("%s: %s: not a chart's name", p.e->name, path);
		return 1;
	}
	cmd_plot_window(&p);
	return cmd_plot_charts[i].chart(&p, conf);
}

#define PLOT_LONGOPTS \
	{"by", required_argument, NULL, 'b'}, \
	{"period", required_argument, NULL, OPT_PERIOD}, \
	CMD_WINDOW_LONGOPTS, FILTER_LONGOPTS, \
	{"output", required_argument, NULL, 'o'}, \
	{"script", required_argument, NULL, OPT_SCRIPT}, \
	{"size", required_argument, NULL, OPT_SIZE}, \
	{"help", no_argument, NULL, 'h'}, \
	{NULL, 0, NULL, 0}

static const struct option plot_longopts[] = { PLOT_LONGOPTS };

#define PLOT_HELP \
	CMD_WINDOW_HELP \
	FILTER_HELP \
	"  -o, --output FILE   the chart: FILE.png (pngcairo), FILE.svg or\n" \
	"                      FILE.pdf (pdfcairo); written under a temporary\n" \
	"                      name and renamed (required)\n" \
	"      --size WxH      its size in pixels (default 1280x720)\n" \
	"      --script FILE   write the gnuplot script, data inline, to FILE\n" \
	"                      ('-': standard output) instead of drawing\n" \
	"  -h, --help          show this help\n" \
	"\n" \
	"gnuplot (Debian: gnuplot-nox) runs with its script on a pipe; set\n" \
	"HPCACCT_GNUPLOT to use another binary.  Exit status 1 when it is\n" \
	"missing or fails (its own message on standard error).\n"

#define PLOT_USAGE(what) \
	"plot " what " [TIME SELECTION] [FILTERS] [--size WxH]\n" \
	"                          [--script FILE] -o FILE.png|svg|pdf"

const struct cmd_entry cmd_plot_usage_entry = {
	"plot usage", PLOT_USAGE("usage [--by KEY] [--period P]"),
	"core-hours over time, stacked by queue (or --by KEY)",
	"b:o:", plot_longopts,
	"Core-hours per period (report usage --period), a bar per period with\n"
	"a stack per queue (or --by user, group, account, qos, cluster); the\n"
	"8 largest have their own colour, the rest are 'other'.  Without\n"
	"--period: hours up to 3 days, days up to 3 months, months up to 3\n"
	"years, else years.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        queue (default), user, group, account, qos,\n"
	"                      cluster\n"
	"      --period P      hour, day, week, month, quarter, year\n"
	PLOT_HELP,
	NULL, cmd_plot_usage_exec
};

const struct cmd_entry cmd_plot_wait_entry = {
	"plot wait", PLOT_USAGE("wait [--by KEY]"),
	"wait-time distribution per queue (box plots)",
	"b:o:", plot_longopts,
	"A box plot of the waits (report wait) per queue (or --by KEY, size\n"
	"for processor buckets), in hours: the box from the 25th to the 75th\n"
	"percentile, a line at the median, whiskers to the least wait and the\n"
	"95th percentile.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        queue (default), user, group, account, qos,\n"
	"                      cluster or size\n"
	"      --period P      ignored (the window is one distribution)\n"
	PLOT_HELP,
	NULL, cmd_plot_wait_exec
};

const struct cmd_entry cmd_plot_utilization_entry = {
	"plot utilization", PLOT_USAGE("utilization [--period P]"),
	"core utilisation per period and cluster, against 100 %",
	"o:", plot_longopts,
	"The core utilisation (report utilization) per period, a line per\n"
	"cluster and a dashed line at 100 %.  Needs every cluster's capacity\n"
	"(see hpcacct.conf(5)); exit status 2 without.  Without --period as\n"
	"plot usage.\n"
	"\n"
	"Options:\n"
	"      --period P      hour, day, week, month, quarter, year\n"
	PLOT_HELP,
	NULL, cmd_plot_utilization_exec
};

const struct cmd_entry cmd_plot_signups_entry = {
	"plot signups", PLOT_USAGE("signups [--period month|year]"),
	"new users per month, stacked by where they were first seen",
	"o:", plot_longopts,
	"New users per month (or year; report signups), stacked by source:\n"
	"the registry (users import) or their first job.\n"
	"\n"
	"Options:\n"
	"      --period P      month (default) or year\n"
	PLOT_HELP,
	NULL, cmd_plot_signups_exec
};

const struct cmd_entry cmd_plot_sizes_entry = {
	"plot sizes", PLOT_USAGE("sizes"),
	"a histogram of jobs per processor count",
	"o:", plot_longopts,
	"Jobs per processor bucket (1, 2, 3-4, 5-8, ...; report sizes).\n"
	"\n"
	"Options:\n"
	PLOT_HELP,
	NULL, cmd_plot_sizes_exec
};

const struct cmd_entry cmd_plot_efficiency_entry = {
	"plot efficiency", PLOT_USAGE("efficiency [--by KEY]"),
	"CPU, memory and time-limit efficiency of the largest users",
	"b:o:", plot_longopts,
	"CPU, memory and time-limit efficiency (report efficiency) of the 20\n"
	"users (or --by KEY) with the most core-hours, largest first.\n"
	"\n"
	"Options:\n"
	"  -b, --by KEY        user (default), group, account, queue, qos,\n"
	"                      cluster\n"
	PLOT_HELP,
	NULL, cmd_plot_efficiency_exec
};

static int
cmd_plot_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_entry *const charts[] = {
		&cmd_plot_usage_entry,
		&cmd_plot_wait_entry,
		&cmd_plot_utilization_entry,
		&cmd_plot_signups_entry,
		&cmd_plot_sizes_entry,
		&cmd_plot_efficiency_entry,
		NULL
	};

	return cmd_run_sub(&cmd_plot_entry, g, argc, argv, charts);
}

const struct cmd_entry cmd_plot_entry = {
	"plot", "plot CHART [OPTIONS]",
	"draw a chart with gnuplot (usage, wait, utilization, signups,\n"
	"           sizes, efficiency)",
	"", NULL, "Charts:\n", NULL, cmd_plot_exec
};
