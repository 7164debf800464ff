/* Kubernetes quantities and timestamps. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "k8s-fields.h"
#include "scan.h"
#include "timeutil.h"

/* The multiplier of a suffix, or 0 if it is not one. */
static double
suffix_factor(const char *s, size_t len)
{
	static const struct {
		const char *suffix;
		double factor;
	} suffixes[] = {
		{"Ki", 1024.0}, {"Mi", 1048576.0}, {"Gi", 1073741824.0},
		{"Ti", 1099511627776.0}, {"Pi", 1125899906842624.0},
		{"Ei", 1152921504606846976.0},
		{"n", 1e-9}, {"u", 1e-6}, {"m", 1e-3}, {"", 1},
		{"k", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12}, {"P", 1e15},
		{"E", 1e18},
	};
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (strlen(suffixes[i].suffix) == len &&
		    memcmp(suffixes[i].suffix, s, len) == 0)
			return suffixes[i].factor;
	return 0;
}

/* "e3", "E-2", "e+10": the power of ten; -1 if s is not an exponent. */
static int
parse_exponent(const char *s, size_t len, double *factor)
{
	size_t i = 1;
	int negative = 0, e = 0;

	if (len < 2 || (s[0] != 'e' && s[0] != 'E'))
		return -1;
	if (s[i] == '+' || s[i] == '-')
		negative = s[i++] == '-';
	if (i == len)
		return -1;
	for (; i < len; i++) {
		if (!scan_is_digit(s[i]) || e > 400)
			return -1;
		e = e * 10 + (s[i] - '0');
	}
	*factor = pow(10, negative ? -e : e);
	return 0;
}

int
k8s_parse_quantity(const char *s, size_t len, double *value)
{
	size_t i = 0, digits = 0;
	double v = 0, scale = 0.1, factor;
	int negative = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		negative = s[i++] == '-';
	for (; i < len && scan_is_digit(s[i]); i++, digits++)
		v = v * 10 + (s[i] - '0');
	if (i < len && s[i] == '.')
		for (i++; i < len && scan_is_digit(s[i]); i++, digits++) {
			v += (s[i] - '0') * scale;
			scale /= 10;
		}
	if (digits == 0)
		return -1;
	factor = suffix_factor(s + i, len - i);
	if (factor == 0 && parse_exponent(s + i, len - i, &factor) != 0)
		return -1;
	v *= factor;
	if (!isfinite(v))
		return -1;
	*value = negative ? -v : v;
	return 0;
}

static int
two(const char *s)
{
	return scan_is_digit(s[0]) && scan_is_digit(s[1]) ? (s[0] - '0') * 10 +
	    (s[1] - '0') : -1;
}

int
k8s_parse_time(const char *s, size_t len, int64_t *epoch)
{
	size_t i = 19;
	int year, month, day, hour, min, sec, off = 0, oh, om;

	if (len < 20 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' ||
	    s[16] != ':')
		return -1;
	year = two(s) * 100 + two(s + 2);
	month = two(s + 5);
	day = two(s + 8);
	hour = two(s + 11);
	min = two(s + 14);
	sec = two(s + 17);
	if (two(s) < 0 || two(s + 2) < 0 || month < 1 || month > 12 ||
	    day < 1 || day > timeutil_days_in_month(year, month) || hour < 0 ||
	    hour > 23 || min < 0 ||
	    min > 59 || sec < 0 || sec > 60)
		return -1;
	if (s[i] == '.')	/* fractional seconds: dropped */
		for (i++; i < len && scan_is_digit(s[i]); i++)
			;
	if (i < len && (s[i] == 'Z' || s[i] == 'z') && i + 1 == len)
		off = 0;
	else if (i + 6 == len && (s[i] == '+' || s[i] == '-') &&
	    s[i + 3] == ':' && (oh = two(s + i + 1)) >= 0 &&
	    (om = two(s + i + 4)) >= 0)
		off = (s[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	else
		return -1;
	*epoch = timeutil_days_from_civil(year, (unsigned)month,
	    (unsigned)day) * 86400 + hour * 3600 + min * 60 + sec - off;
	return 0;
}
