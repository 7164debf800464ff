/*
 * Small output helpers shared by reports: CSV fields (through libcsv),
 * JSON strings and table cells, safe for any bytes a log holds.
 */
#ifndef HPCACCT_RENDER_H
#define HPCACCT_RENDER_H

#include <stdio.h>

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

/* The columns render_table_cell() takes for s, before padding. */
int render_table_width(const char *s);

#endif
