/* Nearest-rank percentiles (see stats.h), by quickselect. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "stats.h"

/*
 * STATS_SELECT(name, type): a function name(v, lo, hi, k) that puts the
 * k-th smallest of v[lo..hi] at v[k] (Hoare's selection, with a three-way
 * partition so that many equal values, such as waits of 0 s, stay
 * linear), for integers and reals alike.
 */
#define STATS_SELECT(name, type)					\
static void								\
name(type *v, size_t lo, size_t hi, size_t k)				\
{									\
	size_t lt, gt, i;						\
	type pivot, t;							\
									\
	while (lo < hi) {						\
		pivot = v[lo + (hi - lo) / 2];				\
		/* v[lo..lt) < pivot, v[lt..i) = pivot, v(gt..hi] > */	\
		lt = i = lo;						\
		gt = hi;						\
		while (i <= gt) {					\
			if (v[i] < pivot) {				\
				t = v[lt], v[lt++] = v[i], v[i++] = t;	\
			} else if (v[i] > pivot) {			\
				t = v[gt], v[gt] = v[i], v[i] = t;	\
				if (gt-- == 0)				\
					break;				\
			} else						\
				i++;					\
		}							\
		if (k < lt)						\
			hi = lt - 1;					\
		else if (k > gt)					\
			lo = gt + 1;					\
		else							\
			return;						\
	}								\
}

STATS_SELECT(stats_select, int64_t)
STATS_SELECT(stats_select_real, double)

/* The index of the nearest-rank p-th percentile of n values. */
static size_t
stats_rank(size_t n, double p)
{
	double rank = ceil(p / 100.0 * (double)n - 1e-9);

	return rank < 1 ? 0 : rank > (double)n ? n - 1 : (size_t)rank - 1;
}

void
stats_percentiles(int64_t *v, size_t n, const double *ps, size_t np,
    int64_t *out)
{
	size_t i, k, lo = 0;

	for (i = 0; i < np; i++) {
		k = stats_rank(n, ps[i]);
		stats_select(v, lo, n - 1, k);
		out[i] = v[k];
		lo = k;		/* the next rank is among v[k..] */
	}
}

int64_t
stats_percentile(int64_t *v, size_t n, double p)
{
	size_t k = stats_rank(n, p);

	stats_select(v, 0, n - 1, k);
	return v[k];
}

int64_t
stats_size_bucket_lo(int64_t n)
{
	int64_t hi = 2;

	if (n <= 2)
		return n < 1 ? 1 : n;
	while (hi < n)
		hi *= 2;
	return hi / 2 + 1;
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

double
stats_percentile_real(double *v, size_t n, double p)
{
	size_t k = stats_rank(n, p);

	stats_select_real(v, 0, n - 1, k);
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

static size_t
stats_runtime_index(int64_t seconds)
{
	size_t i = sizeof(stats_runtimes) / sizeof(stats_runtimes[0]);

	while (--i > 0 && seconds < stats_runtimes[i].from)
		;
	return i;
}

const char *
stats_runtime_bucket(int64_t seconds)
{
	return stats_runtimes[stats_runtime_index(seconds)].label;
}

int64_t
stats_runtime_bucket_lo(int64_t seconds)
{
	return stats_runtimes[stats_runtime_index(seconds)].from;
}
