/*
 * Report periods (hour, day, week, month, quarter, year) in the process
 * time zone: where one starts, where the next starts, and its label.
 */
#ifndef HPCACCT_PERIOD_H
#define HPCACCT_PERIOD_H

#include <stddef.h>
#include <stdint.h>

enum period {
	PERIOD_NONE, PERIOD_HOUR, PERIOD_DAY, PERIOD_WEEK, PERIOD_MONTH,
	PERIOD_QUARTER, PERIOD_YEAR
};

/* Parse "hour", "day", "week" (ISO, from Monday), "month", "quarter",
 * "year"; 0 or -1. */
int period_parse(const char *name, enum period *p);

/* The start of the period of kind p that holds t (epoch seconds). */
int64_t period_start(enum period p, int64_t t);

/* The start of the period after the one that starts at start. */
int64_t period_next(enum period p, int64_t start);

/* The period's label: its start as YYYY-MM-DD, YYYY-MM-DDTHH:00 for
 * hours, local time. */
void period_label(enum period p, int64_t start, char *buf, size_t size);

#endif
