/*
 * The chart renderer: report rows (rows.h) as a gnuplot script with its
 * data inline, and gnuplot run on it as a child process fed through a
 * pipe (a fixed argument vector, no shell).  PNG through pngcairo, SVG,
 * PDF through pdfcairo, 1280x720 unless asked otherwise.  Like every
 * renderer it knows the rows, never the store.
 */
#ifndef HPCACCT_PLOT_H
#define HPCACCT_PLOT_H

#include <stddef.h>
#include <stdio.h>

#include "rows.h"

enum plot_format { PLOT_PNG, PLOT_SVG, PLOT_PDF };

enum plot_style {
	PLOT_STACKED,		/* bars, the series stacked */
	PLOT_BARS,		/* bars, the series side by side */
	PLOT_LINES,		/* a line per series */
	PLOT_BOX		/* a box plot per row: the five series are
				 * the box's low end, the low whisker, the
				 * high whisker, the box's high end and the
				 * line across it (legend: the first and
				 * the last name) */
};

/* Where a chart goes. */
struct plot_output {
	enum plot_format format;
	int width, height;	/* pixels (PDF: at 96 per inch) */
	const char *path;	/* the file gnuplot writes */
};

/* What a chart shows of a report's rows. */
struct plot_spec {
	const char *command;		/* the first comment line */
	enum plot_style style;
	const char *title, *x_title, *y_title;
	size_t cat;			/* the column of the x axis' labels */
	const size_t *vals;		/* the series' columns (their names */
	size_t nvals;			/* are the legend's) */
	const char *const *names;	/* the legend's, or NULL */
	double scale;			/* the values are multiplied by it */
	int reference;			/* a dashed line at y = 100 */
	int where_col;			/* only rows whose column where_col */
	const char *where;		/* is where (where_col -1: all) */
	size_t max_rows;		/* the first so many of those (0: all) */
	size_t cat_len;			/* labels cut to so many bytes (0: no) */
};

/* The format a file name asks for (.png, .svg, .pdf): 0 or -1. */
int plot_format_for(const char *path, enum plot_format *format);

/* Write the gnuplot script of chart s over r's rows to out, with the
 * data inline, writing o->path.  Returns 0, or -1 on a write error. */
int plot_script(FILE *out, const struct plot_output *o,
    const struct plot_spec *s, const struct report *r);

/*
 * Run gnuplot (HPCACCT_GNUPLOT, else "gnuplot" on PATH) on the len bytes
 * of script; its messages go to standard error.  Returns 0, or -1 with
 * the reason in err (not found, killed, its exit status).
 */
int plot_run(const char *script, size_t len, char *err, size_t errsize);

#endif
