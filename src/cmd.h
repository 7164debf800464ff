/*
 * The command table: each subcommand is one cmd-*.c file exporting a
 * descriptor, gathered in cmd_table[].  Shared helpers for commands live
 * in cmd.c.
 */
#ifndef HPCACCT_CMD_H
#define HPCACCT_CMD_H

#include <stdint.h>
#include <stdio.h>

#include "store.h"

/* Options given before the command. */
struct cmd_globals {
	const char *db_path;	/* --db, or NULL */
};

struct cmd_entry {
	const char *name;
	const char *synopsis;	/* "ingest [OPTIONS] FILE..." */
	const char *summary;	/* one line for hpcacct --help */
	/* Run with argv[0] the command name; returns the exit status. */
	int (*exec)(const struct cmd_globals *g, int argc, char **argv);
};

extern const struct cmd_entry cmd_ingest_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_runs_entry;
extern const struct cmd_entry cmd_forget_entry;

/* A subcommand of a command with several ("report usage"). */
struct cmd_sub {
	const char *name;
	int (*exec)(const struct cmd_globals *g, int argc, char **argv);
};

/*
 * Run the subcommand named by argv[1] from subs (NULL-terminated), with
 * argv[1] as its argv[0].  No subcommand or --help prints help (to stderr
 * with status 2, or to stdout with 0).  Returns the exit status.
 */
int cmd_run_sub(const struct cmd_globals *g, int argc, char **argv,
    const struct cmd_sub *subs, const char *help);

/* NULL-terminated list of every command. */
extern const struct cmd_entry *const cmd_table[];

/* The database path: --db, else $HPCACCT_DB, else ./hpcacct.db. */
const char *cmd_db_path(const struct cmd_globals *g);

/* Open the store, reporting failure; NULL on failure. */
struct store *cmd_open_store(const struct cmd_globals *g,
    enum store_open_mode mode);

/*
 * Parse --from/--to (either may be NULL: unbounded) into [*from, *to).
 * Returns 0, or the usage status 2 after reporting the bad date.
 */
int cmd_parse_window(const char *command, const char *from_arg,
    const char *to_arg, int64_t *from, int64_t *to);

/*
 * Parse a duration for an option: "90", "90s", "10m", "2h", "7d".  Returns
 * 0 with *seconds set, or -1.
 */
int cmd_parse_seconds(const char *s, int64_t *seconds);

/*
 * Report a getopt failure (c is '?' or ':') for command; returns 2.  Use
 * with an optstring that starts with ':'.
 */
int cmd_option_error(const char *command, int c, char **argv);

/* Flush stdout and report a write error; returns status (1 on error). */
int cmd_finish_output(int status);

#endif
