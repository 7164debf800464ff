/*
 * The renderers of report rows, and the value writers they share: CSV
 * fields, JSON strings and table cells, safe for any bytes a log holds.
 * Numbers are always printed in the C locale.
 */
#ifndef HPCACCT_RENDER_H
#define HPCACCT_RENDER_H

#include <stddef.h>
#include <stdio.h>

#include "rows.h"

enum report_format {
	REPORT_TABLE,		/* aligned, upper-case names, a total row */
	REPORT_CSV,		/* RFC 4180; hours with 6 decimals; no total */
	REPORT_TSV,		/* the CSV names, tab-separated, escaped text */
	REPORT_JSON		/* one array of objects, numbers as numbers */
};

/* Parse "table", "csv", "tsv", "json"; 0 or -1. */
int report_format_parse(const char *name, enum report_format *format);

/* Write report r to out in format.  Returns 0, or -1 on a write error. */
int report_render(const struct report *r, enum report_format format,
    FILE *out);

/* Write s as one CSV field, quoted only when it needs to be; NULL is "". */
void render_csv_field(FILE *out, const char *s);

/* Write s as a JSON string literal; NULL is null.  Bytes that are not
 * UTF-8 become U+FFFD, so the output is always valid JSON. */
void render_json_string(FILE *out, const char *s);

/*
 * Write s as a table cell, left-aligned and padded to width columns, with
 * control characters and bytes that are not UTF-8 as escapes (\n, \t,
 * \x1b, \\), so a name can neither drive the terminal nor forge a row.
 */
void render_table_cell(FILE *out, const char *s, int width);

/* The length (2-4) of the well-formed UTF-8 sequence at s, or 0 (for
 * ASCII too). */
size_t render_utf8_len(const unsigned char *s);

/* The columns render_table_cell() takes for s, before padding. */
int render_table_width(const char *s);

#endif
