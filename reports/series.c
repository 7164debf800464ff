/* Time series: the periods of a window (see series.h). */
#include "config.h"

#include "series.h"

int
series_each(struct store *st, enum period p, int64_t from, int64_t to,
    int (*query)(void *ctx, int64_t from, int64_t to, const char *label),
    void *ctx)
{
	int64_t first = 0, last = 0, start, next, n = 0;
	char label[32];
	int rc;

	if (from <= STORE_WINDOW_MIN || to >= STORE_WINDOW_MAX) {
		if ((rc = store_span(st, &first, &last)) <= 0)
			return rc;	/* open, and no job: no period */
		if (from <= STORE_WINDOW_MIN)	/* the stored runs' ends */
			from = first;
		if (to >= STORE_WINDOW_MAX)
			to = last;
	}
	/* Refuse a series too long before asking for any of it. */
	for (start = period_start(p, from); start < to; start = next) {
		if (++n > SERIES_MAX_PERIODS)
			return -2;
		next = period_next(p, start);
	}
	rc = 0;
	for (start = period_start(p, from); start < to && rc == 0;
	    start = next) {
		next = period_next(p, start);
		period_label(p, start, label, sizeof(label));
		rc = query(ctx, start > from ? start : from, next < to ? next :
		    to, label);
	}
	return rc;
}

int
series_run(struct store *st, enum period p, int64_t from, int64_t to,
    int (*query)(void *ctx, int64_t from, int64_t to, const char *label),
    void *ctx)
{
	if (p != PERIOD_NONE)
		return series_each(st, p, from, to, query, ctx);
	return query(ctx, from, to, NULL);
}

size_t
series_columns(struct report_column *cols, enum period p, const char *key,
    const char *key2)
{
	size_t n = 0;

	if (p != PERIOD_NONE)
		cols[n++] = (struct report_column){"period", REPORT_TEXT, "",
		    0, 5};
	if (key != NULL)
		cols[n++] = (struct report_column){key, REPORT_TEXT, "", 0,
		    5};
	if (key2 != NULL)
		cols[n++] = (struct report_column){key2, REPORT_TEXT, "", 0,
		    5};
	return n;
}
