/*
 * The command table: each subcommand is one cmd-*.c file exporting a
 * descriptor, gathered in cmd_table[].  Shared helpers for commands live
 * in cmd.c.
 */
#ifndef HPCACCT_CMD_H
#define HPCACCT_CMD_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "store.h"

#include "conf.h"

/* Options given before the command, and the configuration file. */
struct cmd_globals {
	const char *db_path;	/* --db, or NULL */
	struct conf conf;	/* --config, $HPCACCT_CONFIG or the default */
};

/* The default configuration file. */
#define CMD_DEFAULT_CONFIG "/etc/hpcacct.conf"

/*
 * Read the configuration: path (--config), else $HPCACCT_CONFIG, else
 * CMD_DEFAULT_CONFIG if it exists.  Returns 0, or the usage status 2
 * after reporting "FILE:LINE: reason".
 */
int cmd_read_config(struct cmd_globals *g, const char *path);

/*
 * A command (or a subcommand such as "report usage"), as tmux has them:
 * its name, usage and help, its options for getopt_long, and the function
 * that runs it.  cmd_parse() reads the options of any entry.
 */
struct cmd_entry {
	const char *name;	/* "ingest", "report usage" */
	const char *usage;	/* "ingest [OPTIONS] FILE|DIR..." */
	const char *summary;	/* one line for the list of commands */
	const char *optstring;	/* short options, as getopt_long takes them */
	const struct option *longopts;
	const char *help;	/* the --help text after the usage line */
	void (*help_more)(FILE *out);	/* more help, or NULL */
	/* Run with argv[0] the command name; returns the exit status. */
	int (*exec)(const struct cmd_globals *g, int argc, char **argv);
};

/* Handle one option c (with arg, or NULL) of a command for ctx: -1 to go
 * on, or an exit status to stop with. */
typedef int (*cmd_option_fn)(void *ctx, int c, const char *arg);

/*
 * Read the options of argv for command e, handing each to fn, with -h and
 * --help printing the help and bad options reported (status 2).  Returns
 * -1 when the command should go on with argv[optind...], else the exit
 * status.
 */
int cmd_parse(const struct cmd_entry *e, int argc, char **argv,
    cmd_option_fn fn, void *ctx);

/* Print the usage line and help of e to out. */
void cmd_help(const struct cmd_entry *e, FILE *out);

extern const struct cmd_entry cmd_ingest_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_report_usage_entry;
extern const struct cmd_entry cmd_report_wait_entry;
extern const struct cmd_entry cmd_report_top_entry;
extern const struct cmd_entry cmd_report_utilization_entry;
extern const struct cmd_entry cmd_report_sizes_entry;
extern const struct cmd_entry cmd_report_signups_entry;
extern const struct cmd_entry cmd_report_slo_entry;
extern const struct cmd_entry cmd_report_efficiency_entry;
extern const struct cmd_entry cmd_users_entry;
extern const struct cmd_entry cmd_db_entry;
extern const struct cmd_entry cmd_db_copy_entry;
extern const struct cmd_entry cmd_users_import_entry;
extern const struct cmd_entry cmd_users_list_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_export_swf_entry;
extern const struct cmd_entry cmd_export_prometheus_entry;
extern const struct cmd_entry cmd_export_xlsx_entry;
extern const struct cmd_entry cmd_plot_entry;
extern const struct cmd_entry cmd_monthly_entry;
extern const struct cmd_entry cmd_plot_usage_entry;
extern const struct cmd_entry cmd_plot_wait_entry;
extern const struct cmd_entry cmd_plot_utilization_entry;
extern const struct cmd_entry cmd_plot_signups_entry;
extern const struct cmd_entry cmd_plot_sizes_entry;
extern const struct cmd_entry cmd_plot_efficiency_entry;
extern const struct cmd_entry cmd_runs_entry;
extern const struct cmd_entry cmd_forget_entry;

/*
 * Run the subcommand of e named by argv[1] from subs (NULL-terminated),
 * with argv[1] as its argv[0].  No subcommand or --help prints e's help
 * and the subcommands (to stderr with status 2, or to stdout with 0).
 * Returns the exit status.
 */
int cmd_run_sub(const struct cmd_entry *e, const struct cmd_globals *g,
    int argc, char **argv, const struct cmd_entry *const *subs);

/* NULL-terminated list of every command. */
extern const struct cmd_entry *const cmd_table[];

/* The database path: --db, else $HPCACCT_DB, else the configuration's,
 * else ./hpcacct.db. */
const char *cmd_db_path(const struct cmd_globals *g);

/* Open the store, reporting failure; NULL on failure. */
struct store *cmd_open_store(const struct cmd_globals *g,
    enum store_open_mode mode);

/* The time selection every report and export takes. */
struct cmd_window {
	int tz;			/* --tz was given */
	const char *from, *to;	/* --from, --to: unbounded if NULL */
	const char *month;	/* --month YYYY-MM or "last" */
	const char *year;	/* --year YYYY */
	const char *last;	/* --last DURATION, ending now */
};

/* The long options of the time selection and --tz, to put in a command's
 * option table, and their codes. */
enum {
	CMD_OPT_FROM = 0x100, CMD_OPT_TO, CMD_OPT_MONTH, CMD_OPT_YEAR,
	CMD_OPT_LAST, CMD_OPT_TZ
};
#define CMD_WINDOW_LONGOPTS \
	{"from", required_argument, NULL, CMD_OPT_FROM}, \
	{"to", required_argument, NULL, CMD_OPT_TO}, \
	{"month", required_argument, NULL, CMD_OPT_MONTH}, \
	{"year", required_argument, NULL, CMD_OPT_YEAR}, \
	{"last", required_argument, NULL, CMD_OPT_LAST}, \
	{"tz", required_argument, NULL, CMD_OPT_TZ}

/* The help lines of those options. */
#define CMD_WINDOW_HELP \
	"      --from DATE     window start: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS\n" \
	"                      in the report's time zone, or with Z or +HH:MM,\n" \
	"                      or @EPOCH\n" \
	"      --to DATE       window end (exclusive), same forms\n" \
	"      --month M       the calendar month YYYY-MM, or 'last' (the one\n" \
	"                      before this)\n" \
	"      --year YYYY     the calendar year\n" \
	"      --last D        the D up to now (90m, 12h, 7d, 2w)\n" \
	"      --tz ZONE       the report's time zone (default: TZ)\n"

/*
 * Take option c (with arg) if it is one of CMD_WINDOW_LONGOPTS: -1 when
 * taken, 0 when c is no such option, or the usage status 2 (a bad zone).
 */
int cmd_window_option(const char *command, struct cmd_window *w, int c,
    const char *arg);

/*
 * The window [*from, *to) of w, in the report's time zone (--tz, else TZ,
 * else the configuration's [report] tz), with now for --month last and
 * --last.  Returns 0, or the usage status 2 after reporting what is wrong
 * (a bad date or zone, two selections at once).
 */
int cmd_window_resolve(const struct cmd_globals *g, const char *command,
    const struct cmd_window *w, int64_t now, int64_t *from, int64_t *to);

/* Parse a count for an option (1 or more); 0 with *n set, or -1. */
int cmd_parse_count(const char *s, size_t *n);

/*
 * Parse a duration for an option: "90", "90s", "10m", "2h", "7d", "2w".
 * Returns 0 with *seconds set, or -1.
 */
int cmd_parse_seconds(const char *s, int64_t *seconds);

/*
 * Report a getopt failure (c is '?' or ':') for command (NULL: the global
 * options); returns 2.  Use with an optstring that starts with ':'.
 */
int cmd_option_error(const char *command, int c, char **argv);

/*
 * An output named by -o: written under a temporary name beside it and
 * renamed into place only when complete, so a reader never sees half a
 * file.  NULL or "-" is standard output.
 */
struct cmd_output {
	FILE *fp;
	const char *path;	/* NULL: standard output */
	char tmp[4096];
};

/* Open it (reporting a failure): 0, or the exit status 1. */
int cmd_output_open(struct cmd_output *o, const char *path);

/* Close it: renamed into place if ok, else removed.  Returns 0, or 1
 * after reporting a write error. */
int cmd_output_close(struct cmd_output *o, int ok);

/* This host's name in buf (size bytes), or "unknown": buf. */
const char *cmd_host_name(char *buf, size_t size);

/* SOURCE_DATE_EPOCH when set (and a number), else now. */
int64_t cmd_source_time(void);

/* A month's files' creation time: SOURCE_DATE_EPOCH, else the month's
 * end to (now while it lasts), so the same data gives the same file. */
int64_t cmd_month_created(int64_t to);

/* Write the workbook req to path (under a temporary name), saying what
 * is wrong or left out (*left_out: WORKBOOK_* bits) as command: the exit
 * status. */
struct workbook_request;
int cmd_workbook(struct store *st, const struct workbook_request *req,
    const char *command, const char *path, unsigned *left_out);

/* Flush stdout and report a write error; returns status (1 on error). */
int cmd_finish_output(int status);

#endif
