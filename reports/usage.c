/*
 * Usage report.  Rows come from the store already grouped and sorted; the
 * table format needs the widest key first, so rows are collected (one per
 * key: few) before rendering.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "usage.h"
#include "xalloc.h"

static const char *const usage_keys[] = {
	"user", "group", "account", "queue", "cluster", NULL
};

struct usage_rows {
	struct store_usage_row *row;
	size_t n, cap;
};

int
report_format_parse(const char *name, enum report_format *format)
{
	if (strcmp(name, "table") == 0)
		*format = REPORT_TABLE;
	else if (strcmp(name, "csv") == 0)
		*format = REPORT_CSV;
	else if (strcmp(name, "json") == 0)
		*format = REPORT_JSON;
	else
		return -1;
	return 0;
}

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
collect(void *ctx, const struct store_usage_row *r)
{
	struct usage_rows *rows = ctx;

	if (rows->n == rows->cap) {
		rows->cap = rows->cap ? rows->cap * 2 : 16;
		rows->row = xreallocarray(rows->row, rows->cap,
		    sizeof(*rows->row));
	}
	rows->row[rows->n] = *r;
	rows->row[rows->n].key = xstrdup(r->key);
	rows->n++;
	return 0;
}

static void
usage_csv(const char *key, const struct usage_rows *rows, FILE *out)
{
	size_t i;

	fprintf(out, "%s,jobs,core_hours,node_hours,gpu_hours,runs\n", key);
	for (i = 0; i < rows->n; i++) {
		const struct store_usage_row *r = &rows->row[i];
		render_csv_field(out, r->key);
		fprintf(out, ",%lld,%.6f,%.6f,%.6f,%lld\n", (long long)r->jobs,
		    r->core_hours, r->node_hours, r->gpu_hours,
		    (long long)r->runs);
	}
}

static void
usage_json(const char *key, const struct usage_rows *rows, FILE *out)
{
	size_t i;

	fputs("[", out);
	for (i = 0; i < rows->n; i++) {
		const struct store_usage_row *r = &rows->row[i];
		fprintf(out, "%s\n  {\"%s\": ", i ? "," : "", key);
		render_json_string(out, r->key);
		fprintf(out, ", \"jobs\": %lld, \"core_hours\": %.6f, "
		    "\"node_hours\": %.6f, \"gpu_hours\": %.6f, "
		    "\"runs\": %lld}", (long long)r->jobs, r->core_hours,
		    r->node_hours, r->gpu_hours, (long long)r->runs);
	}
	fputs(rows->n ? "\n]\n" : "]\n", out);
}

static void
table_line(FILE *out, int width, const struct store_usage_row *r)
{
	render_table_cell(out, r->key != NULL ? r->key : "-", width);
	fprintf(out, " %8lld %14.2f %12.2f %12.2f %8lld\n",
	    (long long)r->jobs, r->core_hours, r->node_hours, r->gpu_hours,
	    (long long)r->runs);
}

static void
usage_table(const char *key, const struct usage_rows *rows, FILE *out)
{
	struct store_usage_row total = {"TOTAL", 0, 0, 0, 0, 0};
	int width = 5;
	size_t i;
	char head[32];

	for (i = 0; i < rows->n; i++) {
		const char *k = rows->row[i].key ? rows->row[i].key : "-";
		if (render_table_width(k) > width)
			width = render_table_width(k);
	}
	for (i = 0; key[i] != '\0' && i + 1 < sizeof(head); i++)
		head[i] = (char)(key[i] >= 'a' && key[i] <= 'z' ?
		    key[i] - 'a' + 'A' : key[i]);
	head[i] = '\0';
	fprintf(out, "%-*s %8s %14s %12s %12s %8s\n", width, head, "JOBS",
	    "CORE_HOURS", "NODE_HOURS", "GPU_HOURS", "RUNS");
	for (i = 0; i < rows->n; i++) {
		const struct store_usage_row *r = &rows->row[i];
		table_line(out, width, r);
		total.jobs += r->jobs;
		total.core_hours += r->core_hours;
		total.node_hours += r->node_hours;
		total.gpu_hours += r->gpu_hours;
		total.runs += r->runs;
	}
	table_line(out, width, &total);
}

int
usage_report(struct store *st, const char *key, int64_t from, int64_t to,
    enum report_format format, FILE *out)
{
	struct store_filter filter = {from, to, NULL};
	struct usage_rows rows = {NULL, 0, 0};
	size_t i;
	int r = store_usage(st, key, &filter, collect, &rows);

	if (r == 0) {
		if (format == REPORT_CSV)
			usage_csv(key, &rows, out);
		else if (format == REPORT_JSON)
			usage_json(key, &rows, out);
		else
			usage_table(key, &rows, out);
	}
	for (i = 0; i < rows.n; i++)
		free((char *)rows.row[i].key);
	free(rows.row);
	return r;
}
