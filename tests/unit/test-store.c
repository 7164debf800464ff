/* Unit tests: the SQLite store (creation, schema, idempotent upsert). */
#include "config.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-ingest.h"
#include "store.h"
#include "suites.h"

static char dbpath[64];

/* A fresh path for a database: this process's id and a counter. */
static void
make_path(void)
{
	static int n;

	snprintf(dbpath, sizeof(dbpath), "/tmp/hpcacct-test-%ld-%d.db",
	    (long)getpid(), n++);
	unlink(dbpath);
}

/* Each test's teardown (also when it fails): its database and the
 * WAL's files. */
static void
remove_db(void)
{
	char side[80];

	unlink(dbpath);
	snprintf(side, sizeof(side), "%s-wal", dbpath);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", dbpath);
	unlink(side);
}

static struct store *
open_new(void)
{
	char err[256];
	struct store *st;

	make_path();
	st = store_open(dbpath, STORE_OPEN_CREATE, err, sizeof(err));
	ck_assert_msg(st != NULL, "%s", err);
	return st;
}

static void
sample(struct job *j)
{
	job_clear(j);
	j->cluster = "c1";
	j->source_format = "slurm";
	j->job_id = "77";
	j->submit = 1000;
	j->start = 1100;
	j->end = 4700;
	j->alloc_procs = 2;
	j->core_seconds = 7200;
	j->state = "COMPLETED";
	j->status = SWF_COMPLETED;
	j->user = "ann";
	j->account = "a";
	job_finish(j);
}

START_TEST(test_create_private_and_versioned)
{
	struct store *st = open_new();
	struct stat sb;
	sqlite3 *db;
	sqlite3_stmt *s;
	char err[256];

	ck_assert_int_eq(stat(dbpath, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	store_close(st);
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s,
	    NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), STORE_SCHEMA_VERSION);
	sqlite3_finalize(s);
	/* a database from a newer hpcacct is refused, not damaged */
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA user_version = 99", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ck_assert_ptr_null(store_open(dbpath, STORE_OPEN_EXISTING, err,
	    sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "newer"));
	remove_db();
	ck_assert_ptr_null(store_open(dbpath, STORE_OPEN_EXISTING, err,
	    sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "no database"));
}
END_TEST

START_TEST(test_put_new_unchanged_updated)
{
	struct store *st = open_new();
	struct job j;
	int64_t run;

	sample(&j);
	ck_assert_int_eq(store_begin(st), 0);
	run = store_run_begin(st, "x.psv", "slurm", 1);
	ck_assert_int_gt(run, 0);
	ck_assert_int_eq(store_put_job(st, &j, run), STORE_PUT_NEW);
	ck_assert_int_eq(store_put_job(st, &j, run), STORE_PUT_UNCHANGED);
	/* an unknown value never overwrites a known one */
	j.user = NULL;
	j.alloc_procs = JOB_UNSET;
	ck_assert_int_eq(store_put_job(st, &j, run), STORE_PUT_UNCHANGED);
	/* newer data updates */
	j.cpu_time = 7000;
	ck_assert_int_eq(store_put_job(st, &j, run), STORE_PUT_UPDATED);
	ck_assert_int_eq(store_put_job(st, &j, run), STORE_PUT_UNCHANGED);
	/* another incarnation (new submit time) is another record */
	j.submit = 4800;
	ck_assert_int_eq(store_put_job(st, &j, run), STORE_PUT_NEW);
	/* as is the same id on another cluster */
	j.cluster = "c2";
	ck_assert_int_eq(store_put_job(st, &j, run), STORE_PUT_NEW);
	ck_assert_int_eq(store_commit(st), 0);
	store_close(st);
}
END_TEST

static int
first_usage_row(void *ctx, const struct store_usage_row *r)
{
	struct store_usage_row *out = ctx;

	*out = *r;
	out->key = NULL;
	return 1;
}

/* The --since last mark: unknown, then set by a run, never moved back. */
START_TEST(test_live_cursor_forward_only)
{
	struct store *st = open_new();
	int64_t until = 0;

	ck_assert_int_eq(store_cursor_get(st, "slurmdbd:lab", &until), 0);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(store_cursor_put(st, "slurmdbd:lab", 2000, 1), 0);
	ck_assert_int_eq(store_cursor_put(st, "slurmdbd:lab", 1500, 2), 0);
	ck_assert_int_eq(store_cursor_put(st, "slurmdbd:other", 900, 2), 0);
	ck_assert_int_eq(store_commit(st), 0);
	ck_assert_int_eq(store_cursor_get(st, "slurmdbd:lab", &until), 1);
	ck_assert_int_eq(until, 2000);
	ck_assert_int_eq(store_cursor_get(st, "slurmdbd:other", &until), 1);
	ck_assert_int_eq(until, 900);
	/* a rolled back run leaves no mark */
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(store_cursor_put(st, "slurmdbd:lab", 9000, 3), 0);
	store_rollback(st);
	ck_assert_int_eq(store_cursor_get(st, "slurmdbd:lab", &until), 1);
	ck_assert_int_eq(until, 2000);
	store_close(st);
}
END_TEST

START_TEST(test_usage_is_clipped)
{
	struct store *st = open_new();
	struct store_filter later = {2900, 100000, NULL, {NULL}, NULL, 0};
	struct store_filter after = {4700, 9000, NULL, {NULL}, NULL, 0};
	struct store_usage_row row;
	struct job j;

	sample(&j);		/* 2 procs from 1100 to 4700 */
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(store_put_job(st, &j, 1), STORE_PUT_NEW);
	ck_assert_int_eq(store_commit(st), 0);
	ck_assert_int_eq(store_usage(st, STORE_KEY_USER, -1, &later,
	    first_usage_row, &row), 1);	/* the callback's stop */
	ck_assert_int_eq(row.jobs, 1);
	ck_assert_double_eq_tol(row.core_hours, 1.0, 1e-9);
	memset(&row, 0, sizeof(row));
	ck_assert_int_eq(store_usage(st, STORE_KEY_USER, -1, &after,
	    first_usage_row, &row), 0);
	ck_assert_int_eq(row.jobs, 0);	/* [start, end) ends at 4700 */
	store_close(st);
}
END_TEST

/* The answers of the window queries, as text. */
struct answers {
	char text[2048];
};

static void
answers_add(struct answers *a, const char *fmt, ...)
{
	size_t len = strlen(a->text);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->text + len, sizeof(a->text) - len, fmt, ap);
	va_end(ap);
}

static int
wait_text(void *ctx, const struct store_wait_row *r)
{
	answers_add(ctx, "w %s %lld %lld %lld;", r->key ? r->key : "-",
	    (long long)r->runs, (long long)r->median, (long long)r->max);
	return 0;
}

static int
sizes_text(void *ctx, const struct store_size_row *r)
{
	answers_add(ctx, "s %s %s %lld %.6f;", r->dimension,
	    r->bucket ? r->bucket : "-", (long long)r->runs, r->core_hours);
	return 0;
}

static int
efficiency_text(void *ctx, const struct store_efficiency_row *r)
{
	answers_add(ctx, "e %s %lld %.1f %.1f;", r->key ? r->key : "-",
	    (long long)r->runs, r->cpu_seconds, r->core_seconds);
	return 0;
}

static int
worst_text(void *ctx, size_t i, const char *job, const char *user,
    int64_t wait)
{
	answers_add(ctx, "x %zu %s %s %lld;", i, job, user ? user : "-",
	    (long long)wait);
	return 0;
}

/* Every window query over f into a. */
static void
answers_of(struct store *st, const struct store_filter *f,
    struct answers *a)
{
	static const struct store_slo_target t[] = {{"q1", 60, 50},
	    {"q2", 200, 100}};
	struct store_slo_row s[2];
	int i;

	a->text[0] = '\0';
	ck_assert_int_eq(store_wait(st, STORE_KEY_QUEUE, f, wait_text, a), 0);
	ck_assert_int_eq(store_wait(st, STORE_KEY_ALL, f, wait_text, a), 0);
	ck_assert_int_eq(store_sizes(st, STORE_UNIT_PROCS, f, sizes_text, a),
	    0);
	ck_assert_int_eq(store_efficiency(st, STORE_KEY_USER, f,
	    efficiency_text, a), 0);
	ck_assert_int_eq(store_slo(st, t, 2, 1, f, s, worst_text, a), 0);
	for (i = 0; i < 2; i++)
		answers_add(a, "l %lld %lld %lld;", (long long)s[i].runs,
		    (long long)s[i].within, (long long)s[i].wait);
}

/* A reading kept by store_read_ahead() gives the answers each query
 * gives on its own: for the parts it has, and (read again) for those it
 * has not; service levels ignore a queue filter either way. */
START_TEST(test_read_ahead_same_answers)
{
	static const char *const q1[] = {"q1", NULL};
	static const struct store_slo_target t[] = {{"q1", 60, 50},
	    {"q2", 200, 100}};
	struct store *st = open_new();
	struct store_filter all = {0, 100000, NULL, {NULL}, NULL, 0};
	struct store_filter only = all;
	struct store_reading every = {1, STORE_KEY_QUEUE, 1, 1,
	    STORE_UNIT_PROCS, 1, STORE_KEY_USER, t, 2, 1};
	struct store_reading other = {1, STORE_KEY_USER, 0, 1,
	    STORE_UNIT_GPUS, 0, STORE_KEY_USER, NULL, 0, 0};
	struct answers alone, ahead;
	static const char *const ids[] = {"1", "2", "3"};
	static const char *const queues[] = {"q1", "q2", "q1"};
	static const char *const users[] = {"ann", "bob", "bob"};
	static const int64_t waits[] = {100, 300, 50};
	struct job j;
	int i;

	only.match[STORE_KEY_QUEUE] = q1;
	ck_assert_int_eq(store_begin(st), 0);
	for (i = 0; i < 3; i++) {
		sample(&j);
		j.job_id = ids[i];
		j.queue = queues[i];
		j.user = users[i];
		j.start = j.submit + waits[i];
		j.cpu_time = 3000 + i;
		job_finish(&j);
		ck_assert_int_eq(store_put_job(st, &j, 1), STORE_PUT_NEW);
	}
	ck_assert_int_eq(store_commit(st), 0);
	answers_of(st, &all, &alone);
	ck_assert_msg(strstr(alone.text, "w q1 2 50 100;w q2 1 300 300;"
	    "w all 3 100 300;") != NULL, "%s", alone.text);
	ck_assert_msg(strstr(alone.text, "x 0 1 ann 100;x 1 2 bob 300;"
	    "l 2 1 50;l 1 0 300;") != NULL, "%s", alone.text);
	ck_assert_int_eq(store_read_ahead(st, &all, &every), 0);
	answers_of(st, &all, &ahead);
	ck_assert_str_eq(ahead.text, alone.text);
	ck_assert_int_eq(store_read_ahead(st, &all, &other), 0);
	answers_of(st, &all, &ahead);
	ck_assert_str_eq(ahead.text, alone.text);
	store_read_ahead_drop(st);
	answers_of(st, &only, &alone);
	ck_assert_msg(strstr(alone.text, "l 2 1 50;l 1 0 300;") != NULL,
	    "%s", alone.text);
	ck_assert_int_eq(store_read_ahead(st, &only, &every), 0);
	answers_of(st, &only, &ahead);
	ck_assert_str_eq(ahead.text, alone.text);
	store_close(st);
}
END_TEST

static int
efficiency_exact(void *ctx, const struct store_efficiency_row *r)
{
	answers_add(ctx, "E %s %lld %.17g;", r->key ? r->key : "-",
	    (long long)r->runs, r->core_seconds);
	return 0;
}

/* A reading split between two threads (store_set_read_split()) gives
 * the answers, to the last bit, of one that reads its two halves one
 * after the other, on the indexed and the full-scan statement, and
 * counts every run once. */
START_TEST(test_split_reading_same_answers)
{
	static const char *const queues[] = {"q1", "q2", "q3"};
	static const char *const users[] = {"ann", "bob", "cho", "dan"};
	struct store *st = open_new();
	struct store_filter all = {0, 1000000, NULL, {NULL}, NULL, 0};
	struct store_filter narrow = {200000, 260000, NULL, {NULL}, NULL, 0};
	struct answers one, two;
	char id[16], want[64];
	struct job j;
	int i, k;

	ck_assert_int_eq(store_begin(st), 0);
	for (i = 0; i < 3000; i++) {
		sample(&j);
		snprintf(id, sizeof(id), "%d", i);
		j.job_id = id;
		j.submit = 1000 + (int64_t)i * 300;
		j.start = j.submit + (i * 7919) % 5000;
		j.end = j.start + 60 + (i * 104729) % 20000;
		j.queue = queues[i % 3];
		j.user = users[i % 4];
		j.core_seconds = (double)(j.end - j.start) * 1.1;
		j.cpu_time = (double)(j.end - j.start) / 3.0;
		j.req_time = 30000;
		job_finish(&j);
		ck_assert_int_eq(store_put_job(st, &j, 1), STORE_PUT_NEW);
	}
	ck_assert_int_eq(store_commit(st), 0);
	for (k = 0; k < 2; k++) {
		const struct store_filter *f = k == 0 ? &all : &narrow;

		store_set_read_split(st, 0);
		answers_of(st, f, &one);
		ck_assert_int_eq(store_efficiency(st, STORE_KEY_USER, f,
		    efficiency_exact, &one), 0);
		store_set_read_split(st, 1);
		answers_of(st, f, &two);
		ck_assert_int_eq(store_efficiency(st, STORE_KEY_USER, f,
		    efficiency_exact, &two), 0);
		ck_assert_str_eq(two.text, one.text);
	}
	/* all 3000 runs started in the window: 1000 per queue */
	answers_of(st, &all, &two);
	snprintf(want, sizeof(want), "w q1 1000 ");
	ck_assert_msg(strstr(two.text, want) != NULL, "%s", two.text);
	ck_assert_msg(strstr(two.text, "w all 3000 ") != NULL, "%s",
	    two.text);
	store_close(st);
}
END_TEST

Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, remove_db);
	tcase_add_test(tc, test_create_private_and_versioned);
	tcase_add_test(tc, test_put_new_unchanged_updated);
	tcase_add_test(tc, test_live_cursor_forward_only);
	tcase_add_test(tc, test_usage_is_clipped);
	tcase_add_test(tc, test_read_ahead_same_answers);
	tcase_add_test(tc, test_split_reading_same_answers);
	suite_add_tcase(s, tc);
	return s;
}
