/*
 * The row model every report yields and every renderer reads: typed,
 * named columns (with their unit and whether a total adds them up), rows
 * of cells, and what the rows were made for (a title, the window, the
 * time zone, the filters).  Renderers know this and nothing of the
 * report or the store that made the rows.
 */
#ifndef HPCACCT_ROWS_H
#define HPCACCT_ROWS_H

#include <stddef.h>
#include <stdint.h>

enum report_type {
	REPORT_TEXT,		/* a name */
	REPORT_INT,		/* a count */
	REPORT_REAL,		/* a number with decimals */
	REPORT_DURATION,	/* seconds */
	REPORT_PERCENT,		/* 0-100 */
	REPORT_HOURS		/* core-, node-, GPU-hours */
};

struct report_column {
	const char *name;	/* stable; the CSV, TSV and JSON name */
	enum report_type type;
	const char *unit;	/* "h", "s", "%", or "" */
	int sums;		/* a total row adds the column up */
	int width;		/* the table's least width */
};

/* One value; known is 0 for an unknown one (empty, null, "-"). */
struct report_cell {
	int known;
	int64_t i;		/* REPORT_INT, REPORT_DURATION */
	double d;		/* REPORT_REAL, REPORT_PERCENT, REPORT_HOURS */
	char *s;		/* REPORT_TEXT, owned by the report */
};

struct report {
	const char *title;
	struct report_column *cols;	/* a copy, owned by the report */
	size_t ncols;
	int64_t from, to;	/* the window the rows were made for */
	const char *zone;	/* their time zone */
	const char *filters;	/* what selected the jobs ("" for none) */
	struct report_cell *cells;	/* nrows x ncols */
	size_t nrows, cap;
};

/*
 * Every report's X_build() function initialises its struct report in any
 * case (also when it fails); the caller renders it and report_free()s it.
 */

/* An empty report with a copy of the ncols columns cols (their names
 * and units are the caller's, kept). */
void report_init(struct report *r, const char *title,
    const struct report_column *cols, size_t ncols);
void report_free(struct report *r);

/* A new row, every cell unknown; valid until the next report_row(). */
struct report_cell *report_row(struct report *r);

/* The cell at row, column. */
const struct report_cell *report_cell(const struct report *r, size_t row,
    size_t col);

/*
 * Into out (initialised here) the rows of in turned on their side: a row
 * per distinct value of column rowcol (in their order), then a column per
 * distinct value of column keycol (sorted; unknown ones called "-")
 * holding the sum of column valcol (0 where none), and a last column
 * called total with the row's sum.  The new columns' names are in's
 * strings: in must outlive out.
 */
void report_pivot(const struct report *in, size_t rowcol, size_t keycol,
    size_t valcol, const char *total, struct report *out);

/*
 * Into out (initialised here) in's rows with only the keep columns of
 * [first, first + n) that add up to most (in their order), the others
 * summed into one more column called other after them (no column when
 * none is left out).  Names are in's: in must outlive out.
 */
void report_fold(const struct report *in, size_t first, size_t n,
    size_t keep, const char *other, struct report *out);

/* The column of r called name, or -1. */
int report_column_find(const struct report *r, const char *name);

/* The index of name among the n names (an option's words), or -1. */
int report_word(const char *const *names, size_t n, const char *name);

/* Set a cell: text is copied (NULL leaves it unknown). */
void report_set_text(struct report_cell *c, const char *text);
void report_set_int(struct report_cell *c, int64_t v);
void report_set_real(struct report_cell *c, double v);

#endif
