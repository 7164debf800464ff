/* Unit tests: nearest-rank percentiles against a brute-force sort. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
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

Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_small_cases);
	tcase_add_test(tc, test_against_sort);
	suite_add_tcase(s, tc);
	return s;
}
