/* The command table and helpers shared by the cmd-*.c files. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "msg.h"
#include "timeutil.h"

#define DEFAULT_DB "hpcacct.db"

const struct cmd_entry *const cmd_table[] = {
	&cmd_ingest_entry,
	&cmd_report_entry,
	&cmd_export_entry,
	&cmd_plot_entry,
	&cmd_monthly_entry,
	&cmd_runs_entry,
	&cmd_forget_entry,
	&cmd_users_entry,
	&cmd_db_entry,
	NULL
};

const char *
cmd_db_path(const struct cmd_globals *g)
{
	const char *env = getenv("HPCACCT_DB");

	if (g->db_path != NULL)
		return g->db_path;
	if (env != NULL && env[0] != '\0')
		return env;
	return g->conf.db_path != NULL ? g->conf.db_path : DEFAULT_DB;
}

int
cmd_read_config(struct cmd_globals *g, const char *path)
{
	const char *env = getenv("HPCACCT_CONFIG");
	char err[1024];
	int missing_ok = 0;

	if (path == NULL && env != NULL && env[0] != '\0')
		path = env;
	if (path == NULL) {
		path = CMD_DEFAULT_CONFIG;
		missing_ok = 1;
	}
	if (conf_read(path, missing_ok, &g->conf, err, sizeof(err)) != 0) {
		msg_error("%s", err);
		return 2;
	}
	return 0;
}

struct store *
cmd_open_store(const struct cmd_globals *g, enum store_open_mode mode)
{
	const char *path = cmd_db_path(g);
	char err[1024];
	struct store *st = store_open(path, mode, err, sizeof(err));
	struct stat sb;

	if (st == NULL) {
		msg_error("%s", err);
		return NULL;
	}
	if (!store_is_server(path) && stat(path, &sb) == 0 &&
	    S_ISREG(sb.st_mode) &&
	    (sb.st_mode & 0077) != 0)
		msg_warn("%s can be read by other users (mode %04o), and it "
		    "names users and their jobs: chmod 600 %s", path,
		    (unsigned)(sb.st_mode & 07777), path);
	return st;
}

int
cmd_window_option(const char *command, struct cmd_window *w, int c,
    const char *arg)
{
	switch (c) {
	case CMD_OPT_FROM: w->from = arg; return -1;
	case CMD_OPT_TO: w->to = arg; return -1;
	case CMD_OPT_MONTH: w->month = arg; return -1;
	case CMD_OPT_YEAR: w->year = arg; return -1;
	case CMD_OPT_LAST: w->last = arg; return -1;
	case CMD_OPT_TZ:
		if (timeutil_set_zone(arg) != 0)
			return msg_usage(command, "unknown time zone '%s'", arg);
		w->tz = 1;
		return -1;
	default:
		return 0;
	}
}

/* "YYYY-MM" (month 1-12) or "YYYY" (month 0); -1 if neither. */
static int
parse_year_month(const char *s, int *year, int *month)
{
	size_t len = strlen(s), i;

	if (len != 4 && !(len == 7 && s[4] == '-'))
		return -1;
	for (i = 0; i < len; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*year = atoi(s);
	*month = len == 7 ? atoi(s + 5) : 0;
	return len == 7 && (*month < 1 || *month > 12) ? -1 : 0;
}

/* The local midnight that starts month (1-12, or 13: January after). */
static int64_t
month_start(int year, int month)
{
	if (month > 12) {
		year++;
		month -= 12;
	}
	return timeutil_local_to_epoch(year, month, 1, 0, 0, 0);
}

static int
window_month(const char *command, const char *arg, int64_t now,
    int64_t *from, int64_t *to)
{
	time_t t = (time_t)now;
	struct tm tm;
	int year, month;

	if (strcmp(arg, "last") == 0) {
		localtime_r(&t, &tm);
		year = tm.tm_year + 1900;
		month = tm.tm_mon;	/* the month before, 1-based */
		if (month == 0) {
			month = 12;
			year--;
		}
	} else if (parse_year_month(arg, &year, &month) != 0 || month == 0)
		return msg_usage(command, "bad --month '%s' (YYYY-MM or "
		    "last)", arg);
	*from = month_start(year, month);
	*to = month_start(year, month + 1);
	return 0;
}

static int
parse_date(const char *command, const char *option, const char *arg,
    int64_t *t)
{
	if (arg == NULL || timeutil_parse_date_arg(arg, t) == 0)
		return 0;
	return msg_usage(command, "bad %s date '%s' (expected YYYY-MM-DD, "
	    "YYYY-MM-DDTHH:MM:SS[Z|+HH:MM] or @EPOCH)", option, arg);
}

int
cmd_window_resolve(const struct cmd_globals *g, const char *command,
    const struct cmd_window *w, int64_t now, int64_t *from, int64_t *to)
{
	const char *tz = getenv("TZ");
	int64_t secs;
	int year, month, r;

	if (!w->tz && (tz == NULL || tz[0] == '\0') && g->conf.tz != NULL &&
	    timeutil_set_zone(g->conf.tz) != 0) {
		msg_error("%s: unknown time zone '%s' in [report] tz",
		    g->conf.path, g->conf.tz);
		return 2;
	}

	*from = STORE_WINDOW_MIN;
	*to = STORE_WINDOW_MAX;
	if ((w->from != NULL || w->to != NULL) + (w->month != NULL) +
	    (w->year != NULL) + (w->last != NULL) > 1)
		return msg_usage(command, "give one of --from/--to, --month, "
		    "--year and --last");
	if (w->month != NULL)
		return window_month(command, w->month, now, from, to);
	if (w->year != NULL) {
		if (parse_year_month(w->year, &year, &month) != 0 || month)
			return msg_usage(command, "bad --year '%s' (YYYY)",
			    w->year);
		*from = month_start(year, 1);
		*to = month_start(year, 13);
		return 0;
	}
	if (w->last != NULL) {
		if (cmd_parse_seconds(w->last, &secs) != 0 || secs == 0)
			return msg_usage(command, "bad --last '%s' (e.g. 12h, "
			    "7d, 2w)", w->last);
		*from = now - secs;
		*to = now;
		return 0;
	}
	if ((r = parse_date(command, "--from", w->from, from)) != 0 ||
	    (r = parse_date(command, "--to", w->to, to)) != 0)
		return r;
	if (*from >= *to)
		return msg_usage(command, "--from must be before --to");
	return 0;
}

int
cmd_parse_count(const char *s, size_t *n)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || v < 1 || v > 1000000)
		return -1;
	*n = (size_t)v;
	return 0;
}

int
cmd_parse_seconds(const char *s, int64_t *seconds)
{
	char *end;
	long long v;
	int64_t unit = 1;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || errno != 0 || v < 0 || s[0] == '-' || s[0] == '+')
		return -1;
	if (*end == 's')
		end++;
	else if (*end == 'm')
		unit = 60, end++;
	else if (*end == 'h')
		unit = 3600, end++;
	else if (*end == 'd')
		unit = 86400, end++;
	else if (*end == 'w')
		unit = 7 * 86400, end++;
	if (*end != '\0' || v > INT64_MAX / 86400 / 1000)
		return -1;
	*seconds = (int64_t)v * unit;
	return 0;
}

static mode_t
cmd_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

int
cmd_output_open(struct cmd_output *o, const char *path)
{
	size_t len;
	int fd = -1;

	o->fp = stdout;
	o->path = path != NULL && strcmp(path, "-") != 0 ? path : NULL;
	if (o->path == NULL)
		return 0;
	len = (size_t)snprintf(o->tmp, sizeof(o->tmp), "%s.", path);
	if (len + 7 > sizeof(o->tmp)) {
		msg_error("%s: name too long", path);
		return 1;
	}
	memset(o->tmp + len, 'X', 6);	/* mkstemp's template */
	o->tmp[len + 6] = '\0';
	if ((fd = mkstemp(o->tmp)) < 0 ||
	    fchmod(fd, 0666 & ~cmd_umask()) != 0 ||
	    (o->fp = fdopen(fd, "w")) == NULL) {
		msg_error("%s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		return 1;
	}
	return 0;
}

int
cmd_output_close(struct cmd_output *o, int ok)
{
	if (o->path == NULL)
		return ok ? 0 : 1;
	if (fclose(o->fp) != 0 && ok) {
		msg_error("%s: %s", o->path, strerror(errno));
		ok = 0;
	}
	if (ok && rename(o->tmp, o->path) != 0) {
		msg_error("%s: %s", o->path, strerror(errno));
		ok = 0;
	}
	if (!ok)
		unlink(o->tmp);
	return ok ? 0 : 1;
}

int
cmd_finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_error("write error on standard output: %s",
		    strerror(errno ? errno : EIO));
		return 1;
	}
	return status;
}

void
cmd_help(const struct cmd_entry *e, FILE *out)
{
	fprintf(out, "Usage: hpcacct %s\n\n%s", e->usage, e->help);
	if (e->help_more != NULL)
		e->help_more(out);
}

int
cmd_parse(const struct cmd_entry *e, int argc, char **argv,
    cmd_option_fn fn, void *ctx)
{
	char optstring[64];
	int c, r;

	snprintf(optstring, sizeof(optstring), ":%sh", e->optstring);
	while ((c = getopt_long(argc, argv, optstring, e->longopts,
	    NULL)) != -1) {
		if (c == 'h') {
			cmd_help(e, stdout);
			return 0;
		}
		if (c == '?' || c == ':')
			return cmd_option_error(e->name, c, argv);
		if ((r = fn(ctx, c, optarg)) >= 0)
			return r;
	}
	return -1;
}

/* A summary indented by width + 3, its continuation lines too (they
 * are written indented for the command table's 8). */
static void
print_summary(const char *summary, int width, FILE *out)
{
	for (; *summary != '\0'; summary++) {
		putc(*summary, out);
		if (*summary != '\n')
			continue;
		summary += strspn(summary + 1, " ");
		fprintf(out, "%*s", width + 3, "");
	}
	putc('\n', out);
}

static void
print_subs(const struct cmd_entry *e, const struct cmd_entry *const *subs,
    FILE *out)
{
	const struct cmd_entry *const *s;
	int width = 8, n;

	cmd_help(e, out);
	for (s = subs; *s != NULL; s++)
		if ((n = (int)strlen((*s)->name + strlen(e->name) + 1)) > width)
			width = n;
	for (s = subs; *s != NULL; s++) {
		fprintf(out, "  %-*s ", width, (*s)->name + strlen(e->name) + 1);
		print_summary((*s)->summary, width, out);
	}
	fprintf(out, "\nRun 'hpcacct %s NAME --help' for its options.\n",
	    e->name);
}

int
cmd_run_sub(const struct cmd_entry *e, const struct cmd_globals *g,
    int argc, char **argv, const struct cmd_entry *const *subs)
{
	const struct cmd_entry *const *s;
	size_t skip = strlen(e->name) + 1;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		print_subs(e, subs, stdout);
		return 0;
	}
	if (argc < 2 || argv[1][0] == '-') {
		print_subs(e, subs, stderr);
		return 2;
	}
	for (s = subs; *s != NULL; s++)
		if (strcmp((*s)->name + skip, argv[1]) == 0)
			return (*s)->exec(g, argc - 1, argv + 1);
	return msg_usage(e->name, "unknown %s '%s'", e->name, argv[1]);
}

int
cmd_option_error(const char *command, int c, char **argv)
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		return msg_usage(command, "option '%s' needs a value", arg);
	if (optopt != 0)
		return msg_usage(command, "unknown option '-%c'", optopt);
	return msg_usage(command, "unknown option '%s'", arg);
}
