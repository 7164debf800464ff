/* Nearest-rank percentiles (see stats.h), by quickselect. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats.h"

static void
swap(int64_t *a, int64_t *b)
{
	int64_t t = *a;

	*a = *b;
	*b = t;
}

/* Put the k-th smallest of v[lo..hi] at v[k] (Hoare's selection, with a
 * three-way partition so that many equal values, such as waits of 0 s,
 * stay linear). */
static void
select_kth(int64_t *v, size_t lo, size_t hi, size_t k)
{
	size_t lt, gt, i;
	int64_t pivot;

	while (lo < hi) {
		pivot = v[lo + (hi - lo) / 2];
		/* v[lo..lt) < pivot, v[lt..i) == pivot, v(gt..hi] > pivot */
		lt = i = lo;
		gt = hi;
		while (i <= gt) {
			if (v[i] < pivot)
				swap(&v[lt++], &v[i++]);
			else if (v[i] > pivot) {
				swap(&v[i], &v[gt]);
				if (gt-- == 0)
					break;
			} else
				i++;
		}
		if (k < lt)
			hi = lt - 1;
		else if (k > gt)
			lo = gt + 1;
		else
			return;
	}
}

int64_t
stats_percentile(int64_t *v, size_t n, double p)
{
	double rank = ceil(p / 100.0 * (double)n - 1e-9);
	size_t k = rank < 1 ? 0 : rank > (double)n ? n - 1 : (size_t)rank - 1;

	select_kth(v, 0, n - 1, k);
	return v[k];
}

int64_t
stats_size_bucket(int64_t n, char *buf, size_t size)
{
	int64_t hi = 2;

	if (n <= 2) {
		snprintf(buf, size, "%lld", (long long)(n < 1 ? 1 : n));
		return n < 1 ? 1 : n;
	}
	while (hi < n)
		hi *= 2;
	snprintf(buf, size, "%lld-%lld", (long long)(hi / 2 + 1),
	    (long long)hi);
	return hi / 2 + 1;
}

static int
stats_cmp_real(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
stats_percentile_real(double *v, size_t n, double p)
{
	double rank = ceil(p / 100.0 * (double)n - 1e-9);
	size_t k = rank < 1 ? 0 : rank > (double)n ? n - 1 : (size_t)rank - 1;

	qsort(v, n, sizeof(*v), stats_cmp_real);
	return v[k];
}

/* The run time buckets' lower ends (seconds) and labels. */
static const struct {
	int64_t from;
	const char *label;
} stats_runtimes[] = {
	{0, "<1min"}, {60, "1-10min"}, {600, "10-60min"}, {3600, "1-4h"},
	{14400, "4-12h"}, {43200, "12-24h"}, {86400, ">24h"},
};

const char *
stats_runtime_bucket(int64_t seconds)
{
	size_t i = sizeof(stats_runtimes) / sizeof(stats_runtimes[0]);

	while (--i > 0 && seconds < stats_runtimes[i].from)
		;
	return stats_runtimes[i].label;
}
