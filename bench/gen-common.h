/*
 * What the generators share: random numbers (xorshift64, deterministic for
 * a seed so that examples and benchmarks can be written again byte for
 * byte) and reading a start day.  Each generator is one program including
 * this once.
 */
#ifndef HPCACCT_GEN_COMMON_H
#define HPCACCT_GEN_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rng_state = 42;

/* Seed the generator (0 is made odd: xorshift must not start at 0). */
static inline void
rng_seed(uint64_t seed)
{
	rng_state = seed | 1;
}

static inline uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A whole number from lo to hi, both included. */
static inline int64_t
uniform(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rng() % (uint64_t)(hi - lo + 1));
}

/* True percent times out of a hundred. */
static inline int
chance(int percent)
{
	return (int)(rng() % 100) < percent;
}

/* "YYYY-MM-DD" as the epoch of its UTC midnight; exits 2 if malformed. */
static inline int64_t
parse_day(const char *s)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	if (strptime(s, "%Y-%m-%d", &tm) == NULL) {
		fprintf(stderr, "bad day '%s' (YYYY-MM-DD)\n", s);
		exit(2);
	}
	return (int64_t)timegm(&tm);
}

#endif
