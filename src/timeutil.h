/*
 * Time helpers shared by every parser and report: local calendar times to
 * UTC epoch seconds (fast, through a per-hour offset cache), durations in
 * the [D-]HH:MM:SS family, and the process time zone.
 */
#ifndef HPCACCT_TIMEUTIL_H
#define HPCACCT_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

enum time_status {
	TIME_OK = 0,
	TIME_UNKNOWN,	/* the field says "Unknown", "None" or is empty */
	TIME_BAD	/* text that is not a time */
};

/*
 * Make zone the process time zone (as TZ=zone would).  zone is a tz
 * database name ("Europe/Berlin", "UTC") or a POSIX TZ string ("CET-1CEST").
 * Returns 0, or -1 if the zone is unknown (the zone is left unchanged).
 */
int timeutil_set_zone(const char *zone);

/* The name of the process time zone ("Europe/Berlin", "UTC"); static. */
const char *timeutil_zone_name(void);

/* The number of days of month (1-12) in year. */
int timeutil_days_in_month(int year, int month);

/* Days from 1970-01-01 to the given proleptic Gregorian date. */
int64_t timeutil_days_from_civil(int64_t year, unsigned month, unsigned day);

/* The proleptic Gregorian date of day days after 1970-01-01. */
void timeutil_civil_from_days(int64_t days, int64_t *year, unsigned *month,
    unsigned *day);

/*
 * The UTC epoch of a local calendar time in the process time zone.  Fields
 * must be in range (month 1-12, day valid for the month, ...).
 */
int64_t timeutil_local_to_epoch(int year, int month, int day,
    int hour, int min, int sec);

/*
 * Where a local time is ambiguous (the repeated hour when clocks fall
 * back), the other epoch with the same local reading: 1 with *other set,
 * or 0 if epoch's local time occurs once.
 */
int timeutil_local_other(int64_t epoch, int64_t *other);

/*
 * Parse a local time "YYYY-MM-DDTHH:MM:SS" (len bytes of s, no NUL needed)
 * into *epoch.  "Unknown", "None" and "" give TIME_UNKNOWN.
 */
enum time_status timeutil_parse_local(const char *s, size_t len,
    int64_t *epoch);

/*
 * Parse a command-line date: "YYYY-MM-DD" (midnight) or
 * "YYYY-MM-DDTHH:MM:SS" in the process time zone, the latter with "Z" or
 * a UTC offset ("+02:00", "-0500") after it, or "@EPOCH" (seconds since
 * 1970 UTC).  Returns 0 or -1.
 */
int timeutil_parse_date_arg(const char *s, int64_t *epoch);

/*
 * Parse a duration into seconds: "[D-]HH:MM:SS[.frac]", "MM:SS[.frac]",
 * "D-HH", "D-HH:MM", "MM" (minutes, as Slurm reads it) or, with
 * plain_seconds set, a bare number of seconds (as some PBS versions print).
 * Returns 0, or -1 if s is not a duration.
 */
int timeutil_parse_duration(const char *s, size_t len, int plain_seconds,
    double *seconds);

/*
 * Format epoch as "Mon Sep 23 14:00:31 CEST 1996" in the process time zone
 * into buf.  Returns buf.
 */
char *timeutil_format_ctime(int64_t epoch, char *buf, size_t size);

#endif
