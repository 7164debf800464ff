/* hpcacct db copy: move a SQLite history into a PostgreSQL database. */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"
#include "store-ingest.h"
#include "xalloc.h"

/* A run of the source and the one standing for it in the destination. */
struct db_run {
	int64_t from, to;
};

struct db_copy {
	struct store *src, *dst;
	const char *origin;		/* the source's absolute path */
	struct db_run *runs;		/* in the source's id order */
	size_t nruns, cap;
	int64_t jobs[3];		/* new, updated, unchanged */
	int64_t users, files, cursors;
	int failed;			/* the destination failed */
	int quiet;
};

static int
cmd_db_run(void *ctx, const struct store_run_row *r)
{
	struct db_copy *c = ctx;
	int64_t to;

	if (store_run_import(c->dst, c->origin, r, &to) != 0) {
		c->failed = 1;
		return 1;
	}
	if (c->nruns == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->runs = xreallocarray(c->runs, c->cap, sizeof(*c->runs));
	}
	c->runs[c->nruns++] = (struct db_run){r->id, to};
	return 0;
}

/* The destination's run for source run id (JOB_UNSET for none). */
static int64_t
cmd_db_run_of(const struct db_copy *c, int64_t id)
{
	size_t lo = 0, hi = c->nruns, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->runs[mid].from < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nruns && c->runs[lo].from == id ? c->runs[lo].to :
	    JOB_UNSET;
}

static int
cmd_db_job(void *ctx, const struct job *j)
{
	struct db_copy *c = ctx;

	switch (store_put_job(c->dst, j, cmd_db_run_of(c, j->ingest_run))) {
	case STORE_PUT_NEW: c->jobs[0]++; return 0;
	case STORE_PUT_UPDATED: c->jobs[1]++; return 0;
	case STORE_PUT_UNCHANGED: c->jobs[2]++; return 0;
	case STORE_PUT_QUEUED: return 0;	/* counted at the end */
	default: c->failed = 1; return 1;
	}
}

/* Registry and slurmdbd users (first-job ones follow from the jobs). */
static int
cmd_db_user(void *ctx, const struct store_user *u)
{
	struct db_copy *c = ctx;

	if (strcmp(u->source, "first-job") == 0)
		return 0;
	if (store_user_put(c->dst, u) != 0) {
		c->failed = 1;
		return 1;
	}
	c->users++;
	return 0;
}

static int
cmd_db_file(void *ctx, const char *path, const struct store_file *f,
    int64_t run)
{
	struct db_copy *c = ctx;

	if (store_file_put(c->dst, path, f, cmd_db_run_of(c, run)) != 0) {
		c->failed = 1;
		return 1;
	}
	c->files++;
	return 0;
}

/* A live source's mark (ingest --from-slurmdbd --since last). */
static int
cmd_db_cursor(void *ctx, const char *source, int64_t until, int64_t run)
{
	struct db_copy *c = ctx;

	if (store_cursor_put(c->dst, source, until, cmd_db_run_of(c, run)) !=
	    0) {
		c->failed = 1;
		return 1;
	}
	c->cursors++;
	return 0;
}

/* Everything, in the destination's one transaction: 0 or -1. */
static int
cmd_db_copy_all(struct db_copy *c)
{
	struct store_filter all = {STORE_WINDOW_MIN, STORE_WINDOW_MAX, NULL,
	    {NULL}, NULL, 0};

	if (store_runs(c->src, cmd_db_run, c) != 0 ||
	    store_jobs(c->src, &all, cmd_db_job, c) != 0 ||
	    store_users(c->src, cmd_db_user, c) != 0 ||
	    store_files(c->src, cmd_db_file, c) != 0 ||
	    store_cursors(c->src, cmd_db_cursor, c) != 0 ||
	    store_put_outcomes(c->dst, c->jobs) != 0) {
		c->failed |= store_failed(c->dst);
		return -1;
	}
	return store_commit(c->dst);
}

struct db_args {
	const char *from, *to;
	int quiet;
};

static int
cmd_db_copy_option(void *ctx, int ch, const char *arg)
{
	struct db_args *a = ctx;

	switch (ch) {
	case 'F': a->from = arg; return -1;
	case 'T': a->to = arg; return -1;
	case 'q': a->quiet = 1; return -1;
	default: return 2;
	}
}

static int
cmd_db_copy_exec(const struct cmd_globals *g, int argc, char **argv)
{
	struct db_args a = {NULL, NULL, 0};
	struct db_copy c;
	char err[1024], origin[PATH_MAX];
	int r;

	if ((r = cmd_parse(&cmd_db_copy_entry, argc, argv, cmd_db_copy_option,
	    &a)) >= 0)
		return r;
	if (optind < argc)
		return msg_usage("db copy", "unexpected argument '%s'",
		    argv[optind]);
	if (a.from == NULL)
		return msg_usage("db copy", "no --from FILE.db given");
	if (a.to == NULL)
		a.to = cmd_db_path(g);
	if (store_is_server(a.from))
		return msg_usage("db copy", "--from names a SQLite file");
	if (!store_is_server(a.to))
		return msg_usage("db copy", "--to must be a PostgreSQL database "
		    "(postgresql://...), not %s", a.to);
	if (realpath(a.from, origin) == NULL)
		snprintf(origin, sizeof(origin), "%s", a.from);
	memset(&c, 0, sizeof(c));
	c.origin = origin;
	if ((c.src = store_open(a.from, STORE_OPEN_EXISTING, err,
	    sizeof(err))) == NULL) {
		msg_error("%s", err);
		return 1;
	}
	if ((c.dst = store_open(a.to, STORE_OPEN_CREATE, err,
	    sizeof(err))) == NULL) {
		msg_error("%s", err);
		store_close(c.src);
		return 1;
	}
	r = store_begin(c.dst) == 0 ? cmd_db_copy_all(&c) : -1;
	if (r != 0) {
		msg_error("db copy: %s; nothing was copied", store_errmsg(
		    c.failed || store_failed(c.dst) ? c.dst : c.src));
		store_rollback(c.dst);
	} else if (!a.quiet)
		printf("%s: copied %lld job records (new %lld, updated %lld, "
		    "unchanged %lld), %zu ingest runs, %lld users, %lld file "
		    "marks, %lld live marks\n", a.from, (long long)(c.jobs[0] +
		    c.jobs[1] + c.jobs[2]), (long long)c.jobs[0],
		    (long long)c.jobs[1], (long long)c.jobs[2], c.nruns,
		    (long long)c.users, (long long)c.files,
		    (long long)c.cursors);
	free(c.runs);
	store_close(c.src);
	store_close(c.dst);
	return r != 0 ? 1 : 0;
}

static const struct option db_copy_longopts[] = {
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}
};

const struct cmd_entry cmd_db_copy_entry = {
	"db copy", "db copy --from FILE.db [--to postgresql://...] [-q]",
	"copy a SQLite history into a PostgreSQL database",
	"q", db_copy_longopts,
	"Copy everything FILE.db holds into the PostgreSQL database --to\n"
	"(default: --db, HPCACCT_DB or the configuration's database): its\n"
	"job records, ingest runs, registry and slurmdbd users, file marks\n"
	"and live marks (so that ingest goes on reading the same logs, and\n"
	"--from-slurmdbd --since last the same clusters, where the SQLite\n"
	"database stopped), in one transaction: all of it or, on an\n"
	"error, nothing.  Copying again changes nothing (a job record is\n"
	"upserted on its key, an ingest run is known by the file and its\n"
	"number), so a site can start small with SQLite and move later;\n"
	"copies of several files add up.  FILE.db is read only.\n"
	"\n"
	"Options:\n"
	"      --from FILE.db  the SQLite database to copy\n"
	"      --to URI        the PostgreSQL database (postgresql://...)\n"
	"  -q, --quiet         no summary line\n"
	"  -h, --help          show this help\n",
	NULL, cmd_db_copy_exec
};

static int
cmd_db_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_entry *const subs[] = {
		&cmd_db_copy_entry,
		NULL
	};

	return cmd_run_sub(&cmd_db_entry, g, argc, argv, subs);
}

const struct cmd_entry cmd_db_entry = {
	"db", "db COMMAND [OPTIONS]",
	"the database itself (copy)",
	"", NULL,
	"Commands:\n",
	NULL, cmd_db_exec
};
