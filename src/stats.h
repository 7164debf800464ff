/*
 * Exact order statistics: the nearest-rank percentile (the value at rank
 * ceil(p/100 x N) of the N values in order), as every backend must agree
 * on it to the second.  Neutral: the store wraps it as an SQL aggregate.
 */
#ifndef HPCACCT_STATS_H
#define HPCACCT_STATS_H

#include <stddef.h>
#include <stdint.h>

/*
 * The p-th percentile (0 < p <= 100) of the n values v (n > 0), by nearest
 * rank.  Reorders v.
 */
int64_t stats_percentile(int64_t *v, size_t n, double p);
/* Several at once, ps[0..np) ascending, into out[] (each selection
 * narrower than the one before). */
void stats_percentiles(int64_t *v, size_t n, const double *ps, size_t np,
    int64_t *out);

/* The same of n reals (reorders v). */
double stats_percentile_real(double *v, size_t n, double p);

/*
 * The run time bucket of a run of seconds: "<1min", "1-10min",
 * "10-60min", "1-4h", "4-12h", "12-24h", ">24h" (each holds its lower
 * end: 60 s is "1-10min", 24 h is ">24h").
 */
const char *stats_runtime_bucket(int64_t seconds);

/* The least run time (seconds) of that bucket, to key and sort by. */
int64_t stats_runtime_bucket_lo(int64_t seconds);

/*
 * The size bucket of a job of n processors (n >= 1): 1, 2, 3-4, 5-8,
 * 9-16, ... doubling, as its label in buf.  Returns the bucket's least
 * size, to sort buckets by.
 */
int64_t stats_size_bucket(int64_t n, char *buf, size_t size);

/* The least size of that bucket alone (no label). */
int64_t stats_size_bucket_lo(int64_t n);

#endif
