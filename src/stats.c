/* Nearest-rank percentiles (see stats.h), by quickselect. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "stats.h"

static void
swap(int64_t *a, int64_t *b)
{
	int64_t t = *a;

	*a = *b;
	*b = t;
}

/* Put the k-th smallest of v[lo..hi] at v[k] (Hoare's selection). */
static void
select_kth(int64_t *v, size_t lo, size_t hi, size_t k)
{
	size_t i, j;
	int64_t pivot;

	while (lo < hi) {
		swap(&v[lo + (hi - lo) / 2], &v[hi]);
		pivot = v[hi];
		for (i = j = lo; j < hi; j++)
			if (v[j] < pivot)
				swap(&v[i++], &v[j]);
		swap(&v[i], &v[hi]);
		if (k == i)
			return;
		if (k < i)
			hi = i - 1;
		else
			lo = i + 1;
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
