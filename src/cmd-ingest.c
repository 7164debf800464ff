/* hpcacct ingest: read accounting records into the database. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "ingest.h"
#include "msg.h"
#include "parsers/sacct.h"
#include "parsers/slurmdbd.h"
#include "reader.h"
#include "source.h"
#include "timeutil.h"

#define WARNINGS_SHOWN 10	/* per file; the rest are only counted */
#define REJECTS_SHOWN 10	/* likewise */
#define MAX_KEYS 8		/* --k8s-user-key, --k8s-queue-key */

static const char ingest_help[] =
    "Read accounting records into the database; '-' reads standard input,\n"
    "a directory is a PBS accounting folder (its YYYYMMDD[.gz] files).\n"
    "Each file is one transaction: a bad record is reported as FILE:LINE\n"
    "and left out, every good one is stored.  Reading a file again never\n"
    "counts a job twice; a file read before is skipped when unchanged and\n"
    "read from where it stopped when it grew (PBS logs).\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    auto (default: recognise each input) or one of\n"
    "                      the formats below\n"
    "  -c, --cluster NAME  cluster of the jobs (default: sacct's Cluster\n"
    "                      column, PBS's server name, 'kubernetes' for\n"
    "                      Kubernetes, else 'default')\n"
    "      --tz ZONE       time zone of the times in the input (default: TZ)\n"
    "      --columns LIST  column order of headerless sacct output, as given\n"
    "                      to sacct --format (implies --format slurm)\n"
    "      --delimiter STR the field delimiter given to sacct --delimiter\n"
    "                      (default '|'; implies --format slurm)\n"
    "      --k8s-user-key KEY   Job label or annotation naming the user\n"
    "                      (repeatable; default hpcacct.io/user, owner;\n"
    "                      then the namespace)\n"
    "      --k8s-queue-key KEY  label or annotation naming the queue\n"
    "                      (repeatable; default kueue.x-k8s.io/queue-name,\n"
    "                      scheduling.volcano.sh/queue-name; then the\n"
    "                      namespace)\n"
    "  -r, --reread        read known files again from their start\n"
    "      --replace       remove what a known file stored, then read it\n"
    "                      again (needed to read it with another --tz,\n"
    "                      --cluster, --columns or --delimiter)\n"
    "      --lock-timeout T  how long to wait while another ingest writes\n"
    "                      (90s, 10m, 1h; default 10m)\n"
    "  -q, --quiet         print no per-file summary\n"
    "  -v, --verbose       also name every record skipped (jobs not ended),\n"
    "                      every warning and every rejected record (else\n"
    "                      10 of each per file), and count the bytes read\n"
    "  -h, --help          show this help\n"
    "\n"
    "Live Slurm (no FILE; needs libslurm and SLURM_CONF or\n"
    "/etc/slurm/slurm.conf):\n"
    "      --from-slurmdbd read the jobs straight from slurmdbd: every job\n"
    "                      in any state in the window, every incarnation\n"
    "      --cluster NAME  the cluster to read (default: the configuration's\n"
    "                      ClusterName)\n"
    "      --since DATE|last  window start (YYYY-MM-DD[THH:MM:SS], in TZ or\n"
    "                      with Z, or @EPOCH); last (the default): where\n"
    "                      the last run for the cluster stopped, less a day\n"
    "      --until DATE    window end (default: now)\n"
    "      --chunk T       ask slurmdbd for T at a time (default 1d; 1h..31d)\n"
    "\n"
    "SIGINT, SIGTERM and SIGHUP stop the ingest: standard input keeps what\n"
    "was read, a file being read is stored whole or not at all.\n"
    "\n"
    "A file is remembered only when it stored a job, with the options it\n"
    "was read with; one read with rejected records is read again next time.\n"
    "\n"
    "Exit status: 0 all read, 1 a record was rejected, a file or slurmdbd\n"
    "failed or a signal stopped the ingest, 2 usage error, a file read\n"
    "before with other options (see --replace), or --from-slurmdbd in a\n"
    "build without libslurm.\n";

/* After the help: the formats of the reader table. */
static void
cmd_ingest_formats(FILE *out)
{
	const struct reader *const *r;

	fputs("\nFormats:\n", out);
	for (r = reader_table; *r != NULL; r++)
		fprintf(out, "  %-8s %s\n", (*r)->name, (*r)->summary);
}

/* Set by SIGINT, SIGTERM or SIGHUP: finish the current input and stop. */
static volatile sig_atomic_t stop_requested;

static void
on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* Catch the stop signals without SA_RESTART, so a blocked read returns. */
static void
catch_stop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

struct ingest_cli {
	struct ingest_options *opt;
	int quiet, verbose;
	int64_t warnings_shown;		/* in the current file */
	int64_t rejects_shown;		/* in the current file */
	int files;			/* files done */
	struct store_run_counts total;
	const char *user_keys[MAX_KEYS + 1], *queue_keys[MAX_KEYS + 1];
	int lock_timeout_ms;		/* --lock-timeout, or -1 */
	int slurmdbd;			/* --from-slurmdbd */
	const char *since, *until;	/* --since, --until */
	struct ingest_live live;
};

/* Append key to a NULL-terminated list of at most MAX_KEYS; 0 or -1. */
static int
add_key(const char **keys, const char *key)
{
	int n = 0;

	while (keys[n] != NULL)
		n++;
	if (n == MAX_KEYS || key[0] == '\0')
		return -1;
	keys[n] = key;
	return 0;
}

static void
on_reject(void *ctx, const char *file, int64_t line, const char *reason)
{
	struct ingest_cli *cli = ctx;

	if (cli->rejects_shown++ < REJECTS_SHOWN || cli->verbose)
		msg_error("%s:%lld: %s", file, (long long)line, reason);
}

static void
on_skip(void *ctx, const char *file, int64_t line, const char *reason)
{
	struct ingest_cli *cli = ctx;

	if (cli->verbose)
		msg_error("%s:%lld: skipped: %s", file, (long long)line,
		    reason);
}

static void
on_warn(void *ctx, const char *file, int64_t line, const char *reason)
{
	struct ingest_cli *cli = ctx;

	if (line == 0)
		msg_warn("%s: %s", file, reason);
	else if (cli->warnings_shown++ < WARNINGS_SHOWN || cli->verbose)
		msg_warn("%s:%lld: %s", file, (long long)line, reason);
}

/* The summary line of a file; bytes < 0 leaves the byte count out. */
static void
print_summary(const char *name, const struct store_run_counts *c,
    int64_t bytes)
{
	printf("%s: read %lld, new %lld, updated %lld, unchanged %lld, "
	    "skipped %lld, rejected %lld, warnings %lld", name,
	    (long long)c->read, (long long)c->new_jobs, (long long)c->updated,
	    (long long)c->unchanged, (long long)c->skipped,
	    (long long)c->rejected, (long long)c->warnings);
	if (bytes >= 0)
		printf(", bytes %lld", (long long)bytes);
	putchar('\n');
}

/* Ingest one file and report on it; returns its exit status. */
static int
cmd_ingest_one(struct store *st, const char *path,
    const struct ingest_options *opt, struct ingest_cli *cli)
{
	struct ingest_report report = {cli, on_reject, on_skip, on_warn};
	struct store_run_counts counts;
	int64_t bytes, removed;
	char err[1024];

	cli->warnings_shown = cli->rejects_shown = 0;
	switch (ingest_path(st, path, opt, &report, &counts, &bytes, &removed,
	    err, sizeof(err))) {
	case INGEST_FAILED:
		msg_error("%s: %s; nothing of it was stored", path, err);
		return 1;
	case INGEST_OPTIONS_DIFFER:
		msg_error("%s: %s", path, err);
		return 2;
	case INGEST_UNCHANGED:
		if (!cli->quiet)
			printf("%s: unchanged since it was last read\n", path);
		cli->files++;
		return 0;
	case INGEST_STOPPED:	/* a stream keeps what it gave */
		msg_error("%s: stopped by a signal; %s", path, counts.read ?
		    "what was read is stored" : "nothing of it was stored");
		if (counts.read == 0)
			return 1;
		break;
	default:
		break;
	}
	if (counts.warnings > WARNINGS_SHOWN && !cli->verbose)
		msg_warn("%s: %lld warnings in all, the values stored as "
		    "unknown (--verbose names each)", path,
		    (long long)counts.warnings);
	if (counts.rejected > REJECTS_SHOWN && !cli->verbose)
		msg_error("%s: %lld records rejected in all (--verbose names "
		    "each)", path, (long long)counts.rejected);
	if (counts.rejected > 0 &&
	    counts.new_jobs + counts.updated + counts.unchanged == 0)
		msg_error("%s: no record of it could be stored; it is not "
		    "remembered as read", path);
	if (removed > 0 && !cli->quiet)
		printf("%s: removed the %lld job records it stored before\n",
		    path, (long long)removed);
	if (!cli->quiet)
		print_summary(path, &counts, cli->verbose ? bytes : -1);
	ingest_counts_add(&cli->total, &counts);
	cli->files++;
	return counts.rejected > 0;
}

/* The exit status of two outcomes together: the larger. */
static int
worst(int a, int b)
{
	return a > b ? a : b;
}

/* A PBS accounting directory: each dated file in date order. */
static int
cmd_ingest_dir(struct store *st, const char *dir,
    const struct ingest_options *opt, struct ingest_cli *cli)
{
	struct ingest_options dir_opt = *opt;
	char err[256], **files = source_list_dir(dir, err, sizeof(err)), **f;
	int status = 0;

	if (files == NULL) {
		msg_error("%s: %s", dir, err);
		return 1;
	}
	if (files[0] == NULL)
		msg_warn("%s: no accounting files (YYYYMMDD) in it", dir);
	if (dir_opt.reader == NULL)
		dir_opt.reader = reader_for_directories();
	for (f = files; *f != NULL && !stop_requested; f++)
		status = worst(status, cmd_ingest_one(st, *f, &dir_opt, cli));
	source_list_free(files);
	return status;
}

static int
cmd_ingest_all(struct store *st, int nargs, char **args,
    const struct ingest_options *opt, struct ingest_cli *cli)
{
	struct stat sb;
	int i, status = 0;

	for (i = 0; i < nargs && !stop_requested; i++) {
		if (strcmp(args[i], "-") != 0 && stat(args[i], &sb) == 0 &&
		    S_ISDIR(sb.st_mode))
			status = worst(status, cmd_ingest_dir(st, args[i], opt,
			    cli));
		else
			status = worst(status, cmd_ingest_one(st, args[i], opt,
			    cli));
	}
	if (cli->files > 1 && !cli->quiet)
		print_summary("total", &cli->total, -1);
	return stop_requested ? worst(status, 1) : status;
}

/* One option of ingest into cli and its options; -1 to go on, else a
 * status. */
static int
cmd_ingest_option(void *ctx, int c, const char *arg)
{
	struct ingest_cli *cli = ctx;
	struct ingest_options *opt = cli->opt;
	char err[256];
	int64_t secs;

	switch (c) {
	case 'f':
		opt->reader = reader_find(arg);
		if (opt->reader == NULL && strcmp(arg, "auto") != 0) {
			reader_names(err, sizeof(err));
			return msg_usage("ingest", "unknown format '%s' (auto, "
			    "%s)", arg, err);
		}
		return -1;
	case 'c':
		if (arg[0] == '\0')
			return msg_usage("ingest", "empty --cluster");
		opt->read.cluster = arg;
		return -1;
	case 'z':
		if (timeutil_set_zone(arg) != 0)
			return msg_usage("ingest", "unknown time zone '%s'",
			    arg);
		return -1;
	case 'C':
		if (sacct_check_columns(arg, err, sizeof(err)) != 0)
			return msg_usage("ingest", "--columns: %s", err);
		opt->read.columns = arg;
		return -1;
	case 'U':
	case 'Q':
		if (add_key(c == 'U' ? cli->user_keys : cli->queue_keys,
		    arg) != 0)
			return msg_usage("ingest", "bad or too many --k8s-%s-key "
			    "options (%d at most)", c == 'U' ? "user" : "queue",
			    MAX_KEYS);
		return -1;
	case 'D':
		if (arg[0] == '\0')
			return msg_usage("ingest", "empty --delimiter");
		opt->read.delimiter = arg;
		return -1;
	case 'r':
		opt->reread = 1;
		return -1;
	case 'R':
		opt->replace = 1;
		return -1;
	case 'L':
		if (cmd_parse_seconds(arg, &secs) != 0 || secs > 86400)
			return msg_usage("ingest", "bad --lock-timeout '%s' "
			    "(e.g. 90s, 10m, 1h; at most 1d)", arg);
		cli->lock_timeout_ms = (int)(secs * 1000);
		return -1;
	case 'q':
		cli->quiet = 1;
		return -1;
	case 'S':
		cli->slurmdbd = 1;
		return -1;
	case 'B':
		cli->since = arg;
		return -1;
	case 'E':
		cli->until = arg;
		return -1;
	case 'K':
		if (cmd_parse_seconds(arg, &secs) != 0 || secs < 3600 ||
		    secs > 31 * 86400)
			return msg_usage("ingest", "bad --chunk '%s' (1h to "
			    "31d, e.g. 6h, 1d, 7d)", arg);
		cli->live.chunk = secs;
		return -1;
	default:	/* 'v' */
		cli->verbose = 1;
		return -1;
	}
}

/* What the options imply together; 0, or the usage status 2. */
static int
cmd_ingest_settle(struct ingest_options *opt, struct ingest_cli *cli)
{
	if (cli->user_keys[0] != NULL)
		opt->read.k8s_user_keys = cli->user_keys;
	if (cli->queue_keys[0] != NULL)
		opt->read.k8s_queue_keys = cli->queue_keys;
	/* the sacct reader's own options name it */
	if ((opt->read.columns != NULL || opt->read.delimiter != NULL) &&
	    opt->reader == NULL)
		opt->reader = &sacct_reader;
	if (opt->read.columns != NULL && opt->reader != &sacct_reader)
		return msg_usage("ingest", "--columns is for sacct output only");
	if (opt->read.delimiter != NULL && opt->reader != &sacct_reader)
		return msg_usage("ingest", "--delimiter is for sacct output "
		    "only");
	return 0;
}

/* A progress line per window, on a terminal. */
static void
on_live_progress(void *ctx, const char *name, int64_t from, int64_t to,
    const struct store_run_counts *c)
{
	struct ingest_cli *cli = ctx;
	char a[32], b[32];
	time_t t;

	if (cli->quiet || !isatty(STDERR_FILENO))
		return;
	t = (time_t)from;
	strftime(a, sizeof(a), "%Y-%m-%dT%H:%M:%S", localtime(&t));
	t = (time_t)to;
	strftime(b, sizeof(b), "%Y-%m-%dT%H:%M:%S", localtime(&t));
	fprintf(stderr, "%s: %s to %s: read %lld, new %lld, updated %lld\n",
	    name, a, b, (long long)c->read, (long long)c->new_jobs,
	    (long long)c->updated);
}

/* --since and --until into cli->live; 0 or the usage status 2. */
static int
cmd_ingest_live_window(struct ingest_cli *cli)
{
	struct ingest_live *l = &cli->live;

	l->until = (int64_t)time(NULL);
	if (cli->until != NULL && timeutil_parse_date_arg(cli->until,
	    &l->until) != 0)
		return msg_usage("ingest", "bad --until '%s'", cli->until);
	l->since_last = cli->since == NULL || strcmp(cli->since, "last") == 0;
	if (!l->since_last && timeutil_parse_date_arg(cli->since,
	    &l->since) != 0)
		return msg_usage("ingest", "bad --since '%s' (a date, or last)",
		    cli->since);
	if (!l->since_last && l->since >= l->until)
		return msg_usage("ingest", "--since is not before --until");
	if (l->chunk == 0)
		l->chunk = 86400;
	return 0;
}

/* ingest --from-slurmdbd. */
static int
cmd_ingest_live(const struct cmd_globals *g, struct ingest_options *opt,
    struct ingest_cli *cli, int nargs)
{
	struct ingest_report report = {cli, on_reject, on_skip, on_warn};
	struct store_run_counts counts;
	char name[160], err[1024];
	struct store *st;
	enum ingest_result r;
	int status;

	if (!cli->slurmdbd)
		return msg_usage("ingest", "--since, --until and --chunk go "
		    "with --from-slurmdbd");
	if (nargs > 0)
		return msg_usage("ingest", "--from-slurmdbd reads no files");
	if (!slurmdbd_supported()) {
		msg_error("ingest --from-slurmdbd: %s", SLURMDBD_UNSUPPORTED);
		return 2;
	}
	if ((status = cmd_ingest_live_window(cli)) != 0)
		return status;
	cli->live.cluster = opt->read.cluster;
	cli->live.progress = on_live_progress;
	catch_stop_signals();
	if ((st = cmd_open_store(g, STORE_OPEN_CREATE)) == NULL)
		return 1;
	if (cli->lock_timeout_ms >= 0)
		store_set_lock_timeout(st, cli->lock_timeout_ms);
	r = ingest_slurmdbd(st, &cli->live, opt, &report, &counts, name,
	    sizeof(name), err, sizeof(err));
	store_close(st);
	if (r == INGEST_FAILED)
		msg_error("%s: %s", name, err);
	else if (r == INGEST_STOPPED)
		msg_error("%s: stopped by a signal; the windows read before "
		    "are stored", name);
	if (!cli->quiet && (r != INGEST_FAILED || counts.read > 0))
		print_summary(name, &counts, -1);
	return r != INGEST_READ || counts.rejected > 0;
}

static int
cmd_ingest_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct ingest_options opt = {.stop = &stop_requested};
	struct ingest_cli cli;
	struct store *st;
	int status;

	memset(&cli, 0, sizeof(cli));
	cli.opt = &opt;
	cli.lock_timeout_ms = -1;
	if ((status = cmd_parse(&cmd_ingest_entry, argc, argv, cmd_ingest_option,
	    &cli)) >= 0)
		return status;
	if (cli.user_keys[0] == NULL && g->conf.user_keys[0] != NULL)
		opt.read.k8s_user_keys = (const char *const *)g->conf.user_keys;
	if (cli.queue_keys[0] == NULL && g->conf.queue_keys[0] != NULL)
		opt.read.k8s_queue_keys =
		    (const char *const *)g->conf.queue_keys;
	if ((status = cmd_ingest_settle(&opt, &cli)) != 0)
		return status;
	if (cli.slurmdbd || cli.since != NULL || cli.until != NULL ||
	    cli.live.chunk != 0)
		return cmd_ingest_live(g, &opt, &cli, argc - optind);
	if (optind >= argc)
		return msg_usage("ingest", "no input files (use - for "
		    "standard input)");
	/* before the open, which may create or migrate a schema: a signal
	 * then stops the ingest before it reads */
	catch_stop_signals();
	st = cmd_open_store(g, STORE_OPEN_CREATE);
	if (st == NULL)
		return 1;
	if (cli.lock_timeout_ms >= 0)
		store_set_lock_timeout(st, cli.lock_timeout_ms);
	status = cmd_ingest_all(st, argc - optind, argv + optind, &opt, &cli);
	store_close(st);
	return status;
}

static const struct option ingest_longopts[] = {
	{"format", required_argument, NULL, 'f'},
	{"cluster", required_argument, NULL, 'c'},
	{"tz", required_argument, NULL, 'z'},
	{"columns", required_argument, NULL, 'C'},
	{"reread", no_argument, NULL, 'r'},
	{"replace", no_argument, NULL, 'R'},
	{"delimiter", required_argument, NULL, 'D'},
	{"lock-timeout", required_argument, NULL, 'L'},
	{"k8s-user-key", required_argument, NULL, 'U'},
	{"k8s-queue-key", required_argument, NULL, 'Q'},
	{"quiet", no_argument, NULL, 'q'},
	{"verbose", no_argument, NULL, 'v'},
	{"from-slurmdbd", no_argument, NULL, 'S'},
	{"since", required_argument, NULL, 'B'},
	{"until", required_argument, NULL, 'E'},
	{"chunk", required_argument, NULL, 'K'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_ingest_entry = {
	"ingest", "ingest [OPTIONS] FILE|DIR... | --from-slurmdbd [--since "
	"DATE|last] [--until DATE] [--chunk T]",
	"read accounting records (Slurm, PBS, Kubernetes) into the database",
	"f:c:rqv", ingest_longopts, ingest_help, cmd_ingest_formats, cmd_ingest_exec
};
