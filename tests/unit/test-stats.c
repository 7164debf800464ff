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

/* wait_groups() per key against a brute-force sort of that key's waits. */
START_TEST(test_wait_groups_against_sort)
{
	static const char *const keys[] = {"a", "b\"q\"", NULL};
	static const double ps[] = {50, 90, 95, 99};
	int64_t v[3][3000], max[3] = {0, 0, 0}, sum[3] = {0, 0, 0};
	size_t n[3] = {0, 0, 0}, i, k;
	sqlite3 *db = agg_db();
	sqlite3_stmt *s;
	unsigned seed = 11;
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
		agg_insert(db, keys[k], v[k][n[k]], 100);
		n[k]++;
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT json_extract(value, "
	    "'$[0]'), value, json_extract(value, '$[8]') FROM json_each(("
	    "SELECT wait_groups(k, w, r) FROM t))", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		char want[512];
		int at;

		for (k = 0; k < 3; k++)
			if (key == NULL ? keys[k] == NULL :
			    keys[k] != NULL && strcmp(key, keys[k]) == 0)
				break;
		ck_assert_uint_lt(k, 3);
		/* the whole element: every figure as the definition gives it */
		at = snprintf(want, sizeof(want), "%s%zu,%.17g",
		    k == 0 ? "[\"a\"," : k == 1 ? "[\"b\\\"q\\\"\"," :
		    "[null,", n[k], (double)sum[k] / (double)n[k]);
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
	ck_assert_int_eq(rows, 3);
	/* the fields in order, for one key */
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT json_extract(value, "
	    "'$[1]'), json_extract(value, '$[2]'), json_extract(value, "
	    "'$[3]'), json_extract(value, '$[7]'), json_extract(value, "
	    "'$[8]') FROM json_each((SELECT wait_groups(k, w, r) FROM t "
	    "WHERE k = 'a'))", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int64(s, 0), (int64_t)n[0]);
	ck_assert_double_eq_tol(sqlite3_column_double(s, 1),
	    (double)sum[0] / (double)n[0], 1e-9);
	ck_assert_int_eq(sqlite3_column_int64(s, 2), brute(v[0], n[0], 50));
	ck_assert_int_eq(sqlite3_column_int64(s, 3), max[0]);
	ck_assert_double_eq_tol(sqlite3_column_double(s, 4),
	    ((double)sum[0] / (double)n[0] + 100) / 100, 1e-9);
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

/* No rows: an empty array; a run of 0 s has no expansion factor. */
START_TEST(test_wait_groups_edges)
{
	sqlite3 *db = agg_db();
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT wait_groups(k, w, r) "
	    "FROM t", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "[]");
	sqlite3_finalize(s);
	agg_insert(db, "x", 7, 0);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT wait_groups(k, w, r) "
	    "FROM t", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0),
	    "[[\"x\",1,7,7,7,7,7,7,null,7,7,7]]");
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

/* slo_groups(): per target index the runs of its queue, those within
 * the target, the nearest-rank percentile, the longest and the longest
 * waits (ties by least job id); a target without runs is not there, a
 * NULL wait not counted, two targets on one queue both count its runs. */
START_TEST(test_slo_groups)
{
	sqlite3 *db = agg_db();
	sqlite3_stmt *s;

	/* queue 0: waits 10, 30, 20, 30 (jobs j10 j30 j20 a30); queue 2: 5 */
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO t VALUES (0, 10, 0), "
	    "(0, 30, 0), (0, 20, 0), (2, 5, 0), (0, NULL, 0), (0, 30, 1)",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT slo_groups(k, w, "
	    "CASE r WHEN 1 THEN 'a' ELSE 'j' END || w, NULLIF(k, 2), "
	    "'[[0,15,50],[1,99,50],[2,5,50],[0,25,100]]', 2) FROM t", -1, &s,
	    NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0),
	    "[[0,4,1,20,30,[[\"a30\",0,30],[\"j30\",0,30]]],"
	    "[2,1,1,5,5,[[\"j5\",null,5]]],"
	    "[3,4,2,30,30,[[\"a30\",0,30],[\"j30\",0,30]]]]");
	sqlite3_finalize(s);
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
