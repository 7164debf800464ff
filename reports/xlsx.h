/*
 * The workbook renderer: report rows (rows.h) as formatted Excel sheets
 * through libxlsxwriter, in its constant-memory mode (rows written in
 * order, one in memory at a time).  Each sheet gets a bold header row,
 * a number format per column type (hours "#,##0.0", shares "0.0%",
 * durations "[h]:mm:ss"), widths fitted to the content, a frozen header,
 * an autofilter and, where a column adds up, a totals row of SUBTOTAL
 * formulas (which follow the filter); charts refer to the rows written.
 * Like every renderer it knows the rows, never the store.
 */
#ifndef HPCACCT_XLSX_H
#define HPCACCT_XLSX_H

#include <stddef.h>
#include <stdint.h>

#include "rows.h"

struct xlsx_book;

/* What the document properties say. */
struct xlsx_props {
	const char *title;
	const char *subject;
	const char *keywords;
	const char *comments;
	int64_t created;	/* the creation time written (for equal files) */
};

/* Where a report's rows landed: rows first_row..last_row of a sheet. */
struct xlsx_table {
	const char *sheet;
	int first_row, last_row;	/* last_row < first_row: no rows */
	int header_row;
};

/* One line of a summary sheet: a label and up to three values of type
 * (unknown ones left empty), compared as changes in percent. */
struct xlsx_summary_line {
	const char *label;
	enum report_type type;
	struct report_cell v[3];
};

/* A chart over a table's rows: categories from column cat, a series per
 * column of vals. */
enum xlsx_chart_kind {
	XLSX_CHART_COLUMN, XLSX_CHART_STACKED, XLSX_CHART_LINE
};

struct xlsx_chart {
	enum xlsx_chart_kind kind;
	const char *title, *x_title, *y_title;
	const char *y_format;		/* the value axis' number format, or NULL */
	int cat;
	const int *vals;
	size_t nvals;
	int row, col;			/* where the chart goes */
};

/* Create the workbook path; NULL on failure (a reason in err). */
struct xlsx_book *xlsx_open(const char *path, const struct xlsx_props *p,
    char *err, size_t errsize);

/* How a report becomes a sheet. */
struct xlsx_sheet_spec {
	const char *name;		/* the sheet's */
	const char *heading;		/* a line above the table, or NULL */
	int totals;			/* a totals row where a column sums */
	size_t raw_from;		/* columns from here are headed by
					 * their names as they are (keys) */
};

/*
 * Write r as a new sheet as spec says; the table's place goes to *t.
 * Headers are the column names in words ("core_hours": "Core hours");
 * an unknown name in the first column is "(unknown)", other unknown
 * cells are left empty.
 * Returns 0, or -1 (a reason in err).
 */
int xlsx_sheet(struct xlsx_book *b, const struct xlsx_sheet_spec *spec,
    const struct report *r, struct xlsx_table *t, char *err,
    size_t errsize);

/*
 * A summary sheet called name: a title line and a note line, then a
 * table of lines with a column per heads[0..2] (the period compared) and
 * the change of heads[0] against heads[1] and heads[2] as formulas; then
 * notes (NULL-terminated), a line each.
 */
int xlsx_summary(struct xlsx_book *b, const char *name, const char *title,
    const char *note, const char *const heads[3],
    const struct xlsx_summary_line *lines, size_t n,
    const char *const *notes, char *err, size_t errsize);

/* Add chart c over table t to the sheet of t (the last one written). */
int xlsx_add_chart(struct xlsx_book *b, const struct xlsx_table *t,
    const struct xlsx_chart *c, char *err, size_t errsize);

/* Write and close the workbook (always freed): 0, or -1 (err). */
int xlsx_close(struct xlsx_book *b, char *err, size_t errsize);

#endif
