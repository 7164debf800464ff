/* Number scanning shared by the parsers. */
#include "config.h"

#include "scan.h"

size_t
scan_uint(const char *s, size_t len, size_t *i, int64_t *value)
{
	size_t start = *i;
	int64_t v = 0;

	while (*i < len && scan_is_digit(s[*i]) && v < INT64_MAX / 10 - 9)
		v = v * 10 + (s[(*i)++] - '0');
	if (value != NULL)
		*value = v;
	return *i - start;
}

int
scan_count(const char *s, size_t len, int64_t *value)
{
	size_t i = 0;

	return len > 0 && scan_uint(s, len, &i, value) == len ? 0 : -1;
}
