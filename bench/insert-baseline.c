/*
 * insert-baseline: the floor for ingest speed.  Parses an sacct dump into
 * memory first (not timed), then inserts the same rows into a fresh
 * database with hpcacct's schema through one prepared INSERT in one
 * transaction, timing only that and the close.  bench/run compares
 * `hpcacct ingest` of the same dump against it.
 *
 *   insert-baseline DUMP.psv DBFILE
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "job.h"
#include "linereader.h"
#include "parsers/sacct.h"
#include "sql/sql.h"
#include "xalloc.h"

static const char insert_sql[] =
    "INSERT INTO jobs (cluster, job_id, submit_time, run_number, "
    "source_format, array_job_id, array_index, eligible_time, start_time, "
    "end_time, wait_time, run_time, alloc_procs, req_procs, core_seconds, "
    "cpu_time, used_mem_kb, req_time, req_mem_kb, nodes, gpus, swf_status, "
    "state, raw_state, exit_code, exit_signal, user_name, uid, group_name, "
    "gid, account, queue, qos, job_name, source_file, source_line, "
    "ingest_run, gpu_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
    "?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, "
    "?38)";

struct rows {
	struct job *job;
	size_t n, cap;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keep a deep copy of each parsed job. */
static int
keep(void *ctx, const struct job *j)
{
	struct rows *rows = ctx;
	struct job *c;

	if (rows->n == rows->cap) {
		rows->cap = rows->cap ? rows->cap * 2 : 4096;
		rows->job = xreallocarray(rows->job, rows->cap, sizeof(*c));
	}
	c = &rows->job[rows->n++];
	*c = *j;
	job_finish(c);		/* as ingest does before the store */
	c->cluster = xstrdup(j->cluster);
	c->job_id = xstrdup(j->job_id);
	c->array_job_id = xstrdup(j->array_job_id);
	c->raw_state = xstrdup(j->raw_state);
	c->user = xstrdup(j->user);
	c->group = xstrdup(j->group);
	c->account = xstrdup(j->account);
	c->queue = xstrdup(j->queue);
	c->qos = xstrdup(j->qos);
	c->job_name = xstrdup(j->job_name);
	return 0;
}

static void ignore(void *ctx, int64_t line, const char *reason) {}

static void
text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static void
num(sqlite3_stmt *s, int i, int64_t v)
{
	if (v == JOB_UNSET)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, v);
}

/* The same values hpcacct's store binds, bound directly. */
static void
bind_row(sqlite3_stmt *s, const struct job *j)
{
	text(s, 1, j->cluster); text(s, 2, j->job_id);
	num(s, 3, j->submit); num(s, 4, j->run_number);
	text(s, 5, j->source_format); text(s, 6, j->array_job_id);
	num(s, 7, j->array_index); num(s, 8, j->eligible);
	num(s, 9, j->start); num(s, 10, j->end);
	num(s, 11, j->wait_time);
	num(s, 12, j->run_time); num(s, 13, j->alloc_procs);
	num(s, 14, j->req_procs);
	if (j->core_seconds >= 0)
		sqlite3_bind_double(s, 15, j->core_seconds);
	else
		sqlite3_bind_null(s, 15);
	if (j->cpu_time >= 0)
		sqlite3_bind_double(s, 16, j->cpu_time);
	else
		sqlite3_bind_null(s, 16);
	num(s, 17, j->used_mem_kb); num(s, 18, j->req_time);
	num(s, 19, j->req_mem_kb); num(s, 20, j->nodes); num(s, 21, j->gpus);
	sqlite3_bind_int(s, 22, j->status); text(s, 23, j->state);
	text(s, 24, j->raw_state); num(s, 25, j->exit_code);
	num(s, 26, j->exit_signal); text(s, 27, j->user); num(s, 28, j->uid);
	text(s, 29, j->group); num(s, 30, j->gid); text(s, 31, j->account);
	text(s, 32, j->queue); text(s, 33, j->qos); text(s, 34, j->job_name);
	text(s, 35, j->source_file); num(s, 36, j->source_line);
	sqlite3_bind_int64(s, 37, 1);
	if (j->gpu_seconds >= 0)
		sqlite3_bind_double(s, 38, j->gpu_seconds);
	else
		sqlite3_bind_null(s, 38);
}

static int
load(const char *path, struct rows *rows)
{
	struct job_sink sink = {rows, keep, ignore, ignore, ignore, NULL};
	struct sacct_options opt = {NULL, NULL, NULL};
	struct linereader *lr;
	FILE *fp = fopen(path, "r");
	char err[256];
	int r;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	lr = linereader_new(fp);
	r = sacct_parse(lr, path, &opt, &sink, err, sizeof(err));
	if (r != 0)
		fprintf(stderr, "insert-baseline: %s: %s\n", path, err);
	linereader_free(lr);
	fclose(fp);
	return r;
}

int
main(int argc, char **argv)
{
	struct rows rows = {NULL, 0, 0};
	sqlite3 *db;
	sqlite3_stmt *stmt;
	size_t i;
	double t0, t1;

	if (argc != 3) {
		fputs("usage: insert-baseline DUMP.psv DBFILE\n", stderr);
		return 2;
	}
	if (load(argv[1], &rows) != 0)
		return 1;
	unlink(argv[2]);
	if (sqlite3_open(argv[2], &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = "
	    "NORMAL", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, sql_schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "INSERT INTO ingest_runs (started_at, input, "
	    "format) VALUES (0, 'bench', 'slurm')", NULL, NULL, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(db, insert_sql, -1, &stmt, NULL) != SQLITE_OK) {
		fprintf(stderr, "insert-baseline: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	t0 = now();
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < rows.n; i++) {
		bind_row(stmt, &rows.job[i]);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			fprintf(stderr, "insert-baseline: %s\n",
			    sqlite3_errmsg(db));
			return 1;
		}
		sqlite3_reset(stmt);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	t1 = now();
	printf("baseline: %zu rows in %.2f s, %.0f rows/s\n", rows.n, t1 - t0,
	    (double)rows.n / (t1 - t0));
	return 0;
}
