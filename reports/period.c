/* Report periods in local time (see period.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "period.h"
#include "rows.h"
#include "timeutil.h"

int
period_parse(const char *name, enum period *p)
{
	static const char *const names[] = {"hour", "day", "week", "month",
	    "quarter", "year"};
	int i = report_word(names, sizeof(names) / sizeof(names[0]), name);

	if (i < 0)
		return -1;
	*p = (enum period)(i + 1);
	return 0;
}

static void
local(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	localtime_r(&tt, tm);
}

/* Local midnight of year, month (1-12, or on into later years), day. */
static int64_t
midnight(int year, int month, int day)
{
	year += (month - 1) / 12;
	month = (month - 1) % 12 + 1;
	return timeutil_local_to_epoch(year, month, day, 0, 0, 0);
}

/* Local midnight of the day days after (or before) the one holding t:
 * through local noon, so a clock change never lands on the wrong day. */
static int64_t
day_shift(int64_t t, int days)
{
	struct tm tm;

	local(t, &tm);
	local(midnight(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) +
	    43200 + (int64_t)days * 86400, &tm);
	return midnight(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int64_t
period_start(enum period p, int64_t t)
{
	struct tm tm;
	int back;

	if (p == PERIOD_HOUR)	/* zones keep whole hours: UTC's will do */
		return t - ((t % 3600) + 3600) % 3600;
	local(t, &tm);
	switch (p) {
	case PERIOD_WEEK:
		back = (tm.tm_wday + 6) % 7;	/* days since Monday */
		return day_shift(t, -back);
	case PERIOD_MONTH:
		return midnight(tm.tm_year + 1900, tm.tm_mon + 1, 1);
	case PERIOD_QUARTER:
		return midnight(tm.tm_year + 1900, tm.tm_mon / 3 * 3 + 1, 1);
	case PERIOD_YEAR:
		return midnight(tm.tm_year + 1900, 1, 1);
	default:
		return midnight(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	}
}

int64_t
period_next(enum period p, int64_t start)
{
	struct tm tm;

	if (p == PERIOD_HOUR)
		return start + 3600;
	local(start, &tm);
	switch (p) {
	case PERIOD_WEEK:
		return day_shift(start, 7);
	case PERIOD_MONTH:
		return midnight(tm.tm_year + 1900, tm.tm_mon + 2, 1);
	case PERIOD_QUARTER:
		return midnight(tm.tm_year + 1900, tm.tm_mon + 4, 1);
	case PERIOD_YEAR:
		return midnight(tm.tm_year + 1901, 1, 1);
	default:
		return day_shift(start, 1);
	}
}

void
period_label(enum period p, int64_t start, char *buf, size_t size)
{
	struct tm tm;

	local(start, &tm);
	strftime(buf, size, p == PERIOD_HOUR ? "%Y-%m-%dT%H:00" : "%Y-%m-%d",
	    &tm);
}
