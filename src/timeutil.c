/*
 * Local time to UTC without calling mktime() per record: mktime() is slow
 * (it re-checks the zone on every call), so the UTC offset of each local
 * hour is cached.  An hour whose offset changes inside it (a transition
 * that is not on the hour) is never cached.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#include "timeutil.h"

#define OFFSET_CACHE_SIZE 256

struct offset_entry {
	int64_t local_hour;	/* hours since 1970 as if local were UTC */
	int32_t offset;		/* local minus UTC, seconds */
	int valid;
};

static struct offset_entry offset_cache[OFFSET_CACHE_SIZE];

static void
offset_cache_clear(void)
{
	memset(offset_cache, 0, sizeof(offset_cache));
}

static int
zone_file_exists(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[4096];
	struct stat st;
	int n;

	if (zone[0] == ':')
		zone++;
	if (zone[0] == '/')
		return stat(zone, &st) == 0 && S_ISREG(st.st_mode);
	if (strstr(zone, "..") != NULL)
		return 0;
	n = snprintf(path, sizeof(path), "%s/%s",
	    dir != NULL ? dir : "/usr/share/zoneinfo", zone);
	if (n < 0 || (size_t)n >= sizeof(path))
		return 0;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A POSIX TZ string: a name of 3+ letters (or <...>) then an offset. */
static int
zone_is_posix(const char *zone)
{
	const char *p = zone;

	if (*p == '<') {
		p = strchr(p, '>');
		if (p == NULL)
			return 0;
		p++;
	} else {
		while (isalpha((unsigned char)*p))
			p++;
		if (p - zone < 3)
			return 0;
	}
	if (*p == '+' || *p == '-')
		p++;
	return isdigit((unsigned char)*p);
}

int
timeutil_set_zone(const char *zone)
{
	if (zone == NULL || zone[0] == '\0')
		return -1;
	if (strcmp(zone, "UTC") != 0 && !zone_file_exists(zone) &&
	    !zone_is_posix(zone))
		return -1;
	if (setenv("TZ", zone, 1) != 0)
		return -1;
	tzset();
	offset_cache_clear();
	return 0;
}

const char *
timeutil_zone_name(void)
{
	static char name[256];
	const char *tz = getenv("TZ");
	char link[4096];
	ssize_t n;
	const char *p;

	if (tz != NULL && tz[0] != '\0')
		return tz[0] == ':' ? tz + 1 : tz;
	n = readlink("/etc/localtime", link, sizeof(link) - 1);
	if (n > 0) {
		link[n] = '\0';
		p = strstr(link, "zoneinfo/");
		if (p != NULL) {
			snprintf(name, sizeof(name), "%s", p + 9);
			return name;
		}
	}
	return "UTC";
}

int64_t
timeutil_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
timeutil_civil_from_days(int64_t z, int64_t *year, unsigned *month,
    unsigned *day)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*month = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

static int64_t
mktime_local(int year, int month, int day, int hour, int min, int sec)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int64_t
timeutil_local_to_epoch(int year, int month, int day, int hour, int min,
    int sec)
{
	int64_t as_utc_hour, as_utc, first, last;
	struct offset_entry *e;

	as_utc_hour = timeutil_days_from_civil(year, month, day) * 24 + hour;
	as_utc = as_utc_hour * 3600 + min * 60 + sec;
	e = &offset_cache[(uint64_t)as_utc_hour % OFFSET_CACHE_SIZE];
	if (e->valid && e->local_hour == as_utc_hour)
		return as_utc - e->offset;

	first = mktime_local(year, month, day, hour, 0, 0);
	last = mktime_local(year, month, day, hour, 59, 59);
	if (last - first != 3599)	/* offset changes inside this hour */
		return mktime_local(year, month, day, hour, min, sec);
	e->local_hour = as_utc_hour;
	e->offset = (int32_t)(as_utc_hour * 3600 - first);
	e->valid = 1;
	return as_utc - e->offset;
}

int
timeutil_local_other(int64_t epoch, int64_t *other)
{
	static const int shifts[] = {-3600, 3600, -1800, 1800};
	struct tm a, b;
	time_t t = (time_t)epoch, u;
	size_t i;

	if (localtime_r(&t, &a) == NULL)
		return 0;
	for (i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		u = t + shifts[i];
		if (localtime_r(&u, &b) != NULL && a.tm_hour == b.tm_hour &&
		    a.tm_min == b.tm_min && a.tm_sec == b.tm_sec &&
		    a.tm_mday == b.tm_mday) {
			*other = (int64_t)u;
			return 1;
		}
	}
	return 0;
}

static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

int
timeutil_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* Parse "YYYY-MM-DD" and, if time is set, "THH:MM:SS" after it. */
static int
parse_civil(const char *s, size_t len, int with_time, int64_t *epoch)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;

	if (len != (with_time ? 19u : 10u) || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > timeutil_days_in_month(y, mo))
		return -1;
	if (with_time) {
		if (s[10] != 'T' || s[13] != ':' || s[16] != ':')
			return -1;
		h = digits(s + 11, 2);
		mi = digits(s + 14, 2);
		sec = digits(s + 17, 2);
		if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 ||
		    sec > 60)
			return -1;
	}
	*epoch = timeutil_local_to_epoch(y, mo, d, h, mi, sec);
	return 0;
}

enum time_status
timeutil_parse_local(const char *s, size_t len, int64_t *epoch)
{
	if (len == 0 || (len == 7 && memcmp(s, "Unknown", 7) == 0) ||
	    (len == 4 && memcmp(s, "None", 4) == 0))
		return TIME_UNKNOWN;
	return parse_civil(s, len, 1, epoch) == 0 ? TIME_OK : TIME_BAD;
}

/* "Z", "+HH:MM", "-HHMM" after a time: *offset seconds east of UTC. */
static int
parse_offset(const char *s, int64_t *offset)
{
	int h, m;

	if (strcmp(s, "Z") == 0 || strcmp(s, "z") == 0) {
		*offset = 0;
		return 0;
	}
	if ((s[0] != '+' && s[0] != '-') || (h = digits(s + 1, 2)) < 0)
		return -1;
	if (s[3] == ':' && strlen(s) == 6)
		m = digits(s + 4, 2);
	else if (strlen(s) == 5)
		m = digits(s + 3, 2);
	else
		return -1;
	if (m < 0 || h > 23 || m > 59)
		return -1;
	*offset = (s[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
	return 0;
}

int
timeutil_parse_date_arg(const char *s, int64_t *epoch)
{
	size_t len = strlen(s);
	int64_t utc, offset;
	char *end;
	long long v;

	if (s[0] == '@') {	/* @EPOCH */
		errno = 0;
		v = strtoll(s + 1, &end, 10);
		if (end == s + 1 || *end != '\0' || errno != 0)
			return -1;
		*epoch = v;
		return 0;
	}
	if (len <= 19)
		return parse_civil(s, len, len > 10, epoch);
	if (parse_offset(s + 19, &offset) != 0 ||
	    parse_civil(s, 19, 1, &utc) != 0)
		return -1;
	/* checked as a civil time above; read as UTC, moved by its offset */
	utc = timeutil_days_from_civil(digits(s, 4), (unsigned)digits(s + 5,
	    2), (unsigned)digits(s + 8, 2)) * 86400 + digits(s + 11, 2) * 3600 +
	    digits(s + 14, 2) * 60 + digits(s + 17, 2);
	*epoch = utc - offset;
	return 0;
}

/* Parse an unsigned decimal with optional fraction; returns chars used. */
static size_t
parse_number(const char *s, size_t len, double *value, int allow_frac)
{
	size_t i = 0;
	double v = 0, scale = 0.1;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	if (i == 0)
		return 0;
	if (allow_frac && i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			v += (s[i++] - '0') * scale;
			scale /= 10;
		}
	}
	*value = v;
	return i;
}

int
timeutil_parse_duration(const char *s, size_t len, int plain_seconds,
    double *seconds)
{
	double part[4], days = 0;
	size_t i = 0, n, count = 0;
	const char *dash = memchr(s, '-', len);

	if (dash != NULL) {
		n = parse_number(s, (size_t)(dash - s), &days, 0);
		if (n == 0 || s + n != dash)
			return -1;
		i = n + 1;
	}
	for (;;) {
		if (count == 3)
			return -1;
		n = parse_number(s + i, len - i, &part[count], 1);
		if (n == 0)
			return -1;
		i += n;
		count++;
		if (i == len)
			break;
		if (s[i++] != ':')
			return -1;
	}
	if (dash != NULL) {	/* D-HH, D-HH:MM, D-HH:MM:SS */
		while (count < 3)
			part[count++] = 0;
		*seconds = days * 86400 + part[0] * 3600 + part[1] * 60 +
		    part[2];
	} else if (count == 3)
		*seconds = part[0] * 3600 + part[1] * 60 + part[2];
	else if (count == 2)
		*seconds = part[0] * 60 + part[1];
	else
		*seconds = plain_seconds ? part[0] : part[0] * 60;
	return 0;
}

char *
timeutil_format_ctime(int64_t epoch, char *buf, size_t size)
{
	time_t t = (time_t)epoch;
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%a %b %d %H:%M:%S %Z %Y", &tm) == 0)
		snprintf(buf, size, "%lld", (long long)epoch);
	return buf;
}
