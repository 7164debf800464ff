/* Unit tests: nearest-rank percentiles against a brute-force sort. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "stats.h"
#include "store-agg.h"
#include "suites.h"

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The definition itself: sort, take rank ceil(p/100 x N). */
static int64_t
brute(const int64_t *v, size_t n, double p)
{
	int64_t *s = malloc(n * sizeof(*s));
	size_t rank = (size_t)ceil(p / 100.0 * (double)n - 1e-9);
	int64_t r;

	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp64);
	r = s[(rank < 1 ? 1 : rank) - 1];
	free(s);
	return r;
}

START_TEST(test_small_cases)
{
	int64_t v[] = {15, 20, 35, 40, 50};

	/* the textbook example: 30th percentile 20, 40th 20, 50th 35 */
	ck_assert_int_eq(stats_percentile(v, 5, 30), 20);
	ck_assert_int_eq(stats_percentile(v, 5, 40), 20);
	ck_assert_int_eq(stats_percentile(v, 5, 50), 35);
	ck_assert_int_eq(stats_percentile(v, 5, 100), 50);
	ck_assert_int_eq(stats_percentile(v, 1, 99), v[0]);
}
END_TEST

START_TEST(test_against_sort)
{
	static const double ps[] = {1, 25, 50, 90, 95, 99, 99.9, 100};
	int64_t v[2000], w[2000];
	size_t n, i, k;
	unsigned seed = 7;

	for (n = 1; n <= 2000; n += 37)
		for (k = 0; k < sizeof(ps) / sizeof(ps[0]); k++) {
			for (i = 0; i < n; i++)
				v[i] = (int64_t)(rand_r(&seed) % 500);	/* ties */
			memcpy(w, v, n * sizeof(*w));
			ck_assert_int_eq(stats_percentile(w, n, ps[k]),
			    brute(v, n, ps[k]));
		}
}
END_TEST

/* Many equal values (waits of 0 s) stay linear: 400k zeros and a few
 * others, each percentile at once (a two-way partition took minutes). */
START_TEST(test_many_equal)
{
	static int64_t v[400000];
	size_t n = sizeof(v) / sizeof(v[0]), i;

	for (i = 0; i < n; i++)
		v[i] = i % 1000 == 0 ? (int64_t)(i / 1000) : 0;
	ck_assert_int_eq(stats_percentile(v, n, 99), 0);
	ck_assert_int_eq(stats_percentile(v, n, 99.95), 199);
	ck_assert_int_eq(stats_percentile(v, n, 100), 399);
}
END_TEST

/* Reals: the median, and the run time buckets' edges. */
START_TEST(test_real_and_runtime)
{
	double r[] = {0.5, 0.25, 1.0, 0.75};

	ck_assert_double_eq(stats_percentile_real(r, 4, 50), 0.5);
	ck_assert_str_eq(stats_runtime_bucket(0), "<1min");
	ck_assert_str_eq(stats_runtime_bucket(59), "<1min");
	ck_assert_str_eq(stats_runtime_bucket(60), "1-10min");
	ck_assert_str_eq(stats_runtime_bucket(3599), "10-60min");
	ck_assert_str_eq(stats_runtime_bucket(3600), "1-4h");
	ck_assert_str_eq(stats_runtime_bucket(43199), "4-12h");
	ck_assert_str_eq(stats_runtime_bucket(86399), "12-24h");
	ck_assert_str_eq(stats_runtime_bucket(86400), ">24h");
}
END_TEST

static sqlite3 *
agg_db(void)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(agg_register(db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (k, w, r)", NULL,
	    NULL, NULL), SQLITE_OK);
	/* a reading's rows, as sql/reading.sql gives them */
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE jr (sub, sd, ed, u, g, "
	    "a, q, qos, c, p, n, gp, cs, gs, cpu, um, rm, rt, j)", NULL, NULL,
	    NULL), SQLITE_OK);
	return db;
}

static void
agg_insert(sqlite3 *db, const char *k, int64_t w, int64_t r)
{
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_prepare_v2(db,
	    "INSERT INTO t VALUES (?1, ?2, ?3)", -1, &s, NULL), SQLITE_OK);
	if (k != NULL)
		sqlite3_bind_text(s, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, w);
	sqlite3_bind_int64(s, 3, r);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
}

/* A run submitted at 100 that waited w and ran r, of user u (-1 none),
 * queue q (-1 none), job j. */
static void
agg_run(sqlite3 *db, int64_t u, int64_t q, int64_t w, int64_t r,
    const char *j)
{
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_prepare_v2(db, "INSERT INTO jr (sub, sd, ed, "
	    "u, q, p, j) VALUES (100, ?3, ?4, ?1, ?2, 4, ?5)", -1, &s, NULL),
	    SQLITE_OK);
	if (u >= 0)
		sqlite3_bind_int64(s, 1, u);
	if (q >= 0)
		sqlite3_bind_int64(s, 2, q);
	sqlite3_bind_int64(s, 3, w);
	sqlite3_bind_int64(s, 4, r);
	sqlite3_bind_text(s, 5, j, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
}

/* Part p of a reading of every row of jr (to free), through
 * reading_add() as sql/reading.sql calls it. */
static char *
agg_read(sqlite3 *db, const struct agg_reading_spec *spec, enum agg_part p)
{
	struct agg_reading *r = agg_reading_new(spec);
	sqlite3_stmt *s;
	char *json;

	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT reading_add(?1, sub, "
	    "sd, ed, u, g, a, q, qos, c, p, n, gp, cs, gs, cpu, um, rm, rt, j) "
	    "FROM jr", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_pointer(s, 1, r, AGG_READING_TYPE, NULL);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	sqlite3_finalize(s);
	json = agg_reading_json(r, p);
	agg_reading_free(r);
	ck_assert_ptr_nonnull(json);
	return json;
}

static const struct agg_reading_spec agg_wait_by_user = {0, 1000000,
    0, 0, -1, -1, NULL, 0, 0};

/* The wait per key against a brute-force sort of that key's waits. */
START_TEST(test_wait_groups_against_sort)
{
	static const int64_t keys[] = {1, 2, -1};
	static const double ps[] = {50, 90, 95, 99};
	int64_t v[3][3000], max[3] = {0, 0, 0}, sum[3] = {0, 0, 0};
	size_t n[3] = {0, 0, 0}, i, k;
	sqlite3 *db = agg_db();
	sqlite3_stmt *s;
	unsigned seed = 11;
	char *json;
	int rows = 0;

	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < 5000; i++) {
		k = (size_t)rand_r(&seed) % 3;
		if (k == 0 && n[0] >= 1999)
			continue;
		v[k][n[k]] = rand_r(&seed) % 86400;
		sum[k] += v[k][n[k]];
		if (v[k][n[k]] > max[k])
			max[k] = v[k][n[k]];
		agg_run(db, keys[k], -1, v[k][n[k]], 100, "j");
		n[k]++;
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	json = agg_read(db, &agg_wait_by_user, AGG_PART_WAIT);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT json_extract(value, "
	    "'$[0]'), value, json_extract(value, '$[8]') FROM json_each(?1)",
	    -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		int64_t key = sqlite3_column_type(s, 0) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(s, 0);
		char want[512];
		int at;

		for (k = 0; k < 3 && keys[k] != key; k++)
			;
		ck_assert_uint_lt(k, 3);
		/* the whole element: every figure as the definition gives it */
		at = snprintf(want, sizeof(want), "%s%zu,%.17g",
		    k == 0 ? "[1," : k == 1 ? "[2," : "[null,", n[k],
		    (double)sum[k] / (double)n[k]);
		for (i = 0; i < 4; i++)
			at += snprintf(want + at, sizeof(want) - (size_t)at,
			    ",%lld", (long long)brute(v[k], n[k], ps[i]));
		snprintf(want + at, sizeof(want) - (size_t)at, ",%lld,",
		    (long long)max[k]);
		ck_assert_msg(strncmp((const char *)sqlite3_column_text(s, 1),
		    want, strlen(want)) == 0, "%s is not %s...",
		    sqlite3_column_text(s, 1), want);
		ck_assert_double_eq_tol(sqlite3_column_double(s, 2),
		    ((double)sum[k] / (double)n[k] + 100) / 100, 1e-9);
		rows++;
	}
	sqlite3_finalize(s);
	free(json);
	ck_assert_int_eq(rows, 3);
	sqlite3_close(db);
}
END_TEST

/* No rows: an empty array; a run of 0 s has no expansion factor; runs
 * outside the window or never started not counted; the size key is the
 * processor bucket's label. */
START_TEST(test_wait_groups_edges)
{
	struct agg_reading_spec by_size = agg_wait_by_user;
	sqlite3 *db = agg_db();
	struct agg_reading *r;
	char *json;

	json = agg_read(db, &agg_wait_by_user, AGG_PART_WAIT);
	ck_assert_str_eq(json, "[]");
	free(json);
	agg_run(db, 7, -1, 7, 0, "j");
	agg_run(db, 7, -1, 2000000, 10, "late");	/* after the window */
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO jr (sub, ed, u) VALUES "
	    "(100, 500, 7)", NULL, NULL, NULL), SQLITE_OK);	/* never ran */
	json = agg_read(db, &agg_wait_by_user, AGG_PART_WAIT);
	ck_assert_str_eq(json, "[[7,1,7,7,7,7,7,7,null,7,7,7]]");
	free(json);
	by_size.wait_key = AGG_KEY_SIZE;
	json = agg_read(db, &by_size, AGG_PART_WAIT);
	ck_assert_str_eq(json, "[[\"3-4\",1,7,7,7,7,7,7,null,7,7,7]]");
	free(json);
	r = agg_reading_new(&by_size);
	ck_assert_ptr_null(agg_reading_json(r, AGG_PART_SLO));
	agg_reading_free(r);
	sqlite3_close(db);
}
END_TEST

/* The service levels: per target index the runs of its queue, those
 * within the target, the nearest-rank percentile, the longest and the
 * longest waits (ties by least job id, escaped); a target without runs
 * is not there, a NULL wait not counted, two targets on one queue both
 * count its runs. */
START_TEST(test_slo_groups)
{
	static const struct agg_slo_target t[] = {{0, 15, 50}, {1, 99, 50},
	    {2, 5, 50}, {0, 25, 100}};
	struct agg_reading_spec spec = {0, 1000000, -1, 0, -1, -1, t, 4, 2};
	sqlite3 *db = agg_db();
	char *json;

	/* queue 0: waits 10, 30, 20, 30 (jobs j10 j30 j20 a"30); queue 2: 5 */
	agg_run(db, 0, 0, 10, 0, "j10");
	agg_run(db, 0, 0, 30, 0, "j30");
	agg_run(db, 0, 0, 20, 0, "j20");
	agg_run(db, -1, 2, 5, 0, "j5");
	agg_run(db, 0, 0, 30, 0, "a\"30");
	/* a run that started before its submit has no wait */
	ck_assert_int_eq(sqlite3_exec(db, "UPDATE jr SET sd = -10 WHERE "
	    "rowid = 1; INSERT INTO jr (sub, sd, ed, u, q, j) VALUES (100, 10, "
	    "0, 0, 0, 'j10')", NULL, NULL, NULL), SQLITE_OK);
	json = agg_read(db, &spec, AGG_PART_SLO);
	ck_assert_str_eq(json,
	    "[[0,4,1,20,30,[[\"a\\\"30\",0,30],[\"j30\",0,30]]],"
	    "[2,1,1,5,5,[[\"j5\",null,5]]],"
	    "[3,4,2,30,30,[[\"a\\\"30\",0,30],[\"j30\",0,30]]]]");
	free(json);
	sqlite3_close(db);
}
END_TEST

/* multi_extra(): the rows beyond the first of each distinct tuple. */
START_TEST(test_multi_extra)
{
	sqlite3 *db = agg_db();
	sqlite3_stmt *s;

	/* job 1 thrice under a, job 2 once under a, job 1 twice under NULL */
	agg_insert(db, "a", 1, 0);
	agg_insert(db, "a", 1, 1);
	agg_insert(db, "a", 1, 2);
	agg_insert(db, "a", 2, 0);
	agg_insert(db, NULL, 1, 0);
	agg_insert(db, NULL, 1, 1);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT multi_extra(k, NULL, "
	    "w) FROM t", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0),
	    "[[\"a\",null,2],[null,null,1]]");
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_small_cases);
	tcase_add_test(tc, test_against_sort);
	tcase_add_test(tc, test_many_equal);
	tcase_add_test(tc, test_real_and_runtime);
	tcase_add_test(tc, test_wait_groups_against_sort);
	tcase_add_test(tc, test_wait_groups_edges);
	tcase_add_test(tc, test_multi_extra);
	tcase_add_test(tc, test_slo_groups);
	suite_add_tcase(s, tc);
	return s;
}
