/*
 * Number scanning shared by the parsers: no locale, no strtol, no NUL
 * needed, no overflow.
 */
#ifndef HPCACCT_SCAN_H
#define HPCACCT_SCAN_H

#include <stddef.h>
#include <stdint.h>

static inline int
scan_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The decimal digits at s[*i] (before len): moves *i past them and returns
 * how many there were; *value (unless NULL) is their number.  Stops before
 * a digit that would overflow.
 */
size_t scan_uint(const char *s, size_t len, size_t *i, int64_t *value);

/* The whole of s as a non-negative decimal integer; 0 or -1. */
int scan_count(const char *s, size_t len, int64_t *value);

#endif
