/*
 * Usage report: jobs, core-, node- and GPU-hours and runs per key over a
 * window, as report rows (rows.h) for any renderer.
 */
#include "config.h"

#include <string.h>

#include "render.h"
#include "usage.h"

static const char *const usage_keys[] = {
	"user", "group", "account", "queue", "cluster", NULL
};

/* The columns after the key, in their stable order (new ones go last). */
static const struct report_column usage_columns[] = {
	{NULL, REPORT_TEXT, "", 0, 5},
	{"jobs", REPORT_INT, "", 1, 8},
	{"core_hours", REPORT_HOURS, "h", 1, 14},
	{"node_hours", REPORT_HOURS, "h", 1, 12},
	{"gpu_hours", REPORT_HOURS, "h", 1, 12},
	{"runs", REPORT_INT, "", 1, 8},
};
#define USAGE_NCOLS (sizeof(usage_columns) / sizeof(usage_columns[0]))

int
usage_key_valid(const char *key)
{
	const char *const *k;

	for (k = usage_keys; *k != NULL; k++)
		if (strcmp(*k, key) == 0)
			return 1;
	return 0;
}

static int
add_row(void *ctx, const struct store_usage_row *u)
{
	struct report_cell *c = report_row(ctx);

	report_set_text(&c[0], u->key);
	report_set_int(&c[1], u->jobs);
	report_set_real(&c[2], u->core_hours);
	report_set_real(&c[3], u->node_hours);
	report_set_real(&c[4], u->gpu_hours);
	report_set_int(&c[5], u->runs);
	return 0;
}

int
usage_report(struct store *st, const char *key, int64_t from, int64_t to,
    enum report_format format, FILE *out)
{
	struct report_column cols[USAGE_NCOLS];
	struct store_filter filter = {from, to, NULL};
	struct report r;
	int rc;

	memcpy(cols, usage_columns, sizeof(cols));
	cols[0].name = key;
	report_init(&r, "usage", cols, USAGE_NCOLS);
	r.from = from;
	r.to = to;
	rc = store_usage(st, key, &filter, add_row, &r);
	if (rc == 0)
		report_render(&r, format, out);
	report_free(&r);
	return rc;
}
