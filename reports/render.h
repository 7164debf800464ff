/*
 * Small output helpers shared by reports: CSV fields (through libcsv) and
 * JSON strings.
 */
#ifndef HPCACCT_RENDER_H
#define HPCACCT_RENDER_H

#include <stdio.h>

/* Write s as one CSV field, quoted only when it needs to be; NULL is "". */
void render_csv_field(FILE *out, const char *s);

/* Write s as a JSON string literal; NULL is null. */
void render_json_string(FILE *out, const char *s);

#endif
