/* The workbook renderer (see xlsx.h). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "render.h"
#include "xalloc.h"
#include "xlsx.h"

/* Excel's widest column, and the cells of a string. */
#define XLSX_MAX_WIDTH 60
#define XLSX_MAX_CHARS 32767

enum xlsx_style {
	XLSX_TEXT, XLSX_INT, XLSX_REAL, XLSX_DURATION, XLSX_PERCENT,
	XLSX_HOURS, XLSX_HEADER, XLSX_TITLE, XLSX_TOTAL_TEXT, XLSX_RIGHT,
	XLSX_RHEADER,
	XLSX_NSTYLES
};

struct xlsx_book {
	lxw_workbook *wb;
	lxw_worksheet *ws;		/* the last sheet written */
	lxw_format *fmt[XLSX_NSTYLES];
	lxw_format *total[XLSX_NSTYLES];	/* the same, bold, ruled */
	char *clean;			/* a string made safe for XML */
	size_t cleansize;
};

/* The number formats of the column types (report_type order). */
static const char *const xlsx_numfmt[] = {
	NULL, "#,##0", "#,##0.00", "[h]:mm:ss", "0.0%", "#,##0.0"
};

static void
xlsx_err(char *err, size_t size, const char *what, lxw_error e)
{
	snprintf(err, size, "%s: %s", what, lxw_strerror(e));
}

/* Printed (or made a PDF) in landscape, a page wide. */
static void
xlsx_page(lxw_worksheet *ws)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
}

static void
xlsx_formats(struct xlsx_book *b)
{
	int i;

	for (i = 0; i < XLSX_NSTYLES; i++) {
		b->fmt[i] = workbook_add_format(b->wb);
		b->total[i] = workbook_add_format(b->wb);
		format_set_bold(b->total[i]);
		format_set_top(b->total[i], LXW_BORDER_THIN);
		if (i <= XLSX_HOURS && xlsx_numfmt[i] != NULL) {
			format_set_num_format(b->fmt[i], xlsx_numfmt[i]);
			format_set_num_format(b->total[i], xlsx_numfmt[i]);
		}
	}
	format_set_bold(b->fmt[XLSX_HEADER]);
	format_set_bg_color(b->fmt[XLSX_HEADER], 0xDDE4EE);
	format_set_bottom(b->fmt[XLSX_HEADER], LXW_BORDER_THIN);
	format_set_text_wrap(b->fmt[XLSX_HEADER]);
	format_set_bold(b->fmt[XLSX_TITLE]);
	format_set_font_size(b->fmt[XLSX_TITLE], 14);
	format_set_align(b->fmt[XLSX_RIGHT], LXW_ALIGN_RIGHT);
	format_set_bold(b->fmt[XLSX_RHEADER]);
	format_set_bg_color(b->fmt[XLSX_RHEADER], 0xDDE4EE);
	format_set_bottom(b->fmt[XLSX_RHEADER], LXW_BORDER_THIN);
	format_set_align(b->fmt[XLSX_RHEADER], LXW_ALIGN_RIGHT);
}

struct xlsx_book *
xlsx_open(const char *path, const struct xlsx_props *p, char *err,
    size_t errsize)
{
	lxw_workbook_options opt = {LXW_TRUE, NULL, LXW_FALSE};
	lxw_doc_properties props;
	struct xlsx_book *b = xcalloc(1, sizeof(*b));

	opt.tmpdir = getenv("TMPDIR");
	if ((b->wb = workbook_new_opt(path, &opt)) == NULL) {
		snprintf(err, errsize, "%s: cannot create the workbook: %s",
		    path, strerror(errno ? errno : EIO));
		free(b);
		return NULL;
	}
	memset(&props, 0, sizeof(props));
	props.title = (char *)p->title;
	props.subject = (char *)p->subject;
	props.author = "hpcacct";
	props.keywords = (char *)p->keywords;
	props.comments = (char *)p->comments;
	props.created = (time_t)p->created;
	workbook_set_properties(b->wb, &props);
	workbook_set_custom_property_string(b->wb, "Generator",
	    "hpcacct " PACKAGE_VERSION);
	xlsx_formats(b);
	return b;
}

/* Append the UTF-8 sequence of code point c to b->clean at *n. */
static void
xlsx_put(struct xlsx_book *b, size_t *n, const char *seq, size_t len)
{
	if (*n + len + 1 > b->cleansize) {
		b->cleansize = (*n + len + 1) * 2;
		b->clean = xreallocarray(b->clean, b->cleansize, 1);
	}
	memcpy(b->clean + *n, seq, len);
	*n += len;
}

/* The length of a UTF-8 sequence XML allows at s (1 for ASCII), or 0. */
static size_t
xlsx_utf8_len(const unsigned char *s)
{
	size_t n = s[0] < 0x80 ? 1 : render_utf8_len(s);

	if (n == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe)
		return 0;	/* U+FFFE, U+FFFF */
	return n;
}

/*
 * s as XML 1.0 allows it: control characters (but tab and newline) and
 * bytes that are not UTF-8 become U+FFFD, cut to Excel's cell length.
 * Valid until the next call.
 */
static const char *
xlsx_safe(struct xlsx_book *b, const char *s, size_t *chars)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, len;

	*chars = 0;
	while (*p != '\0' && *chars < XLSX_MAX_CHARS) {
		len = xlsx_utf8_len(p);
		if (len == 0 || (*p < 0x20 && *p != '\t' && *p != '\n')) {
			xlsx_put(b, &n, "\xEF\xBF\xBD", 3);
			p++;
		} else {
			xlsx_put(b, &n, (const char *)p, len);
			p += len;
		}
		++*chars;
	}
	xlsx_put(b, &n, "", 0);
	b->clean[n] = '\0';
	return b->clean;
}

/* A column's header: its name with spaces, capitalised, acronyms upper. */
static void
xlsx_label(const char *name, char *buf, size_t size)
{
	static const char *const upper[] = {"cpu", "gpu", "qos", "slo", NULL};
	size_t n = 0, w, i;
	const char *p = name;

	while (*p != '\0' && n + 1 < size) {
		w = strcspn(p, "_");
		for (i = 0; upper[i] != NULL; i++)
			if (w == strlen(upper[i]) && strncmp(p, upper[i], w) == 0)
				break;
		for (size_t k = 0; k < w && n + 1 < size; k++) {
			int up = upper[i] != NULL || (p == name && k == 0);

			buf[n++] = (char)(up ? toupper((unsigned char)p[k]) :
			    p[k]);
		}
		p += w;
		if (*p == '_') {
			p++;
			if (n + 1 < size)
				buf[n++] = ' ';
		}
	}
	buf[n] = '\0';
}

/* v to 12 significant digits: sums added in another order (another
 * backend, another reading) differ in the last bits of a double, and the
 * same data should give the same workbook. */
static double
xlsx_round(double v)
{
	char buf[40];

	snprintf(buf, sizeof(buf), "%.12g", v);
	return strtod(buf, NULL);
}

/* The value a cell of type t holds in the sheet (days, fractions). */
static double
xlsx_value(enum report_type t, const struct report_cell *c)
{
	switch (t) {
	case REPORT_INT:
		return (double)c->i;
	case REPORT_DURATION:
		return (double)c->i / 86400.0;
	case REPORT_PERCENT:
		return xlsx_round(c->d / 100.0);
	default:
		return xlsx_round(c->d);
	}
}

/* About the characters a value takes shown in its format. */
static int
xlsx_value_width(enum report_type t, const struct report_cell *c)
{
	char buf[64];
	int n;

	switch (t) {
	case REPORT_INT:
		n = snprintf(buf, sizeof(buf), "%lld", (long long)c->i);
		return n + (n - 1) / 3;
	case REPORT_DURATION:
		return snprintf(buf, sizeof(buf), "%lld:00:00",
		    (long long)(c->i / 3600));
	case REPORT_PERCENT:
		return snprintf(buf, sizeof(buf), "%.1f%%", c->d);
	case REPORT_REAL:
		n = snprintf(buf, sizeof(buf), "%.0f", c->d);
		return n + (n - 1) / 3 + 3;
	default:
		n = snprintf(buf, sizeof(buf), "%.0f", c->d);
		return n + (n - 1) / 3 + 2;
	}
}

/* The header of column j of a sheet as spec says, in label. */
static const char *
xlsx_head(struct xlsx_book *b, const struct xlsx_sheet_spec *spec,
    const struct report *r, size_t j, char *label, size_t size,
    size_t *chars)
{
	if (j >= spec->raw_from && spec->raw_from > 0)
		return xlsx_safe(b, r->cols[j].name, chars);
	xlsx_label(r->cols[j].name, label, size);
	*chars = strlen(label);
	return label;
}

/* Fit each column to its header and its widest value. */
static void
xlsx_widths(struct xlsx_book *b, const struct xlsx_sheet_spec *spec,
    const struct report *r, int *width)
{
	char label[128];
	size_t i, j, chars;
	int w;

	for (j = 0; j < r->ncols; j++) {
		xlsx_head(b, spec, r, j, label, sizeof(label), &chars);
		width[j] = (int)chars + 3;	/* the filter button */
		for (i = 0; i < r->nrows; i++) {
			const struct report_cell *c = report_cell(r, i, j);

			if (!c->known && j == 0 && r->cols[j].type ==
			    REPORT_TEXT)
				w = (int)strlen("(unknown)");
			else if (!c->known)
				continue;
			else if (r->cols[j].type == REPORT_TEXT) {
				xlsx_safe(b, c->s, &chars);
				w = (int)chars;
			} else
				w = xlsx_value_width(r->cols[j].type, c);
			if (w + 2 > width[j])
				width[j] = w + 2;
		}
		if (width[j] > XLSX_MAX_WIDTH)
			width[j] = XLSX_MAX_WIDTH;
	}
}

static lxw_error
xlsx_cell(struct xlsx_book *b, int row, int col, enum report_type t,
    const struct report_cell *c, lxw_format *const *fmt)
{
	size_t chars;

	if (!c->known && t == REPORT_TEXT && col == 0)
		return worksheet_write_string(b->ws, (lxw_row_t)row, 0,
		    "(unknown)", fmt[XLSX_TEXT]);
	if (!c->known)
		return LXW_NO_ERROR;
	if (t == REPORT_TEXT)
		return worksheet_write_string(b->ws, (lxw_row_t)row,
		    (lxw_col_t)col, xlsx_safe(b, c->s, &chars), fmt[XLSX_TEXT]);
	return worksheet_write_number(b->ws, (lxw_row_t)row, (lxw_col_t)col,
	    xlsx_value(t, c), fmt[t]);
}

/* The totals row at row: "Total", and SUBTOTAL(109) of the summed
 * columns over the rows above, with the sum as the cached result. */
static lxw_error
xlsx_totals(struct xlsx_book *b, const struct report *r, int row,
    int first)
{
	char range[64], formula[96];
	lxw_error e = LXW_NO_ERROR;
	struct report_cell sum;
	size_t i, j;

	e = worksheet_write_string(b->ws, (lxw_row_t)row, 0, "Total",
	    b->total[XLSX_TOTAL_TEXT]);
	for (j = 1; j < r->ncols && e == LXW_NO_ERROR; j++) {
		enum report_type t = r->cols[j].type;

		if (!r->cols[j].sums || t == REPORT_TEXT) {
			e = worksheet_write_blank(b->ws, (lxw_row_t)row,
			    (lxw_col_t)j, b->total[XLSX_TOTAL_TEXT]);
			continue;
		}
		memset(&sum, 0, sizeof(sum));
		for (i = 0; i < r->nrows; i++) {
			sum.i += report_cell(r, i, j)->i;
			sum.d += report_cell(r, i, j)->d;
		}
		lxw_rowcol_to_range(range, (lxw_row_t)first, (lxw_col_t)j,
		    (lxw_row_t)(row - 1), (lxw_col_t)j);
		snprintf(formula, sizeof(formula), "=SUBTOTAL(109,%s)", range);
		e = worksheet_write_formula_num(b->ws, (lxw_row_t)row,
		    (lxw_col_t)j, formula, b->total[t], xlsx_value(t, &sum));
	}
	return e;
}

static int
xlsx_has_sums(const struct report *r)
{
	size_t j;

	for (j = 1; j < r->ncols; j++)
		if (r->cols[j].sums && r->cols[j].type != REPORT_TEXT)
			return 1;
	return 0;
}

int
xlsx_sheet(struct xlsx_book *b, const struct xlsx_sheet_spec *spec,
    const struct report *r, struct xlsx_table *t, char *err,
    size_t errsize)
{
	int *width = xreallocarray(NULL, r->ncols + 1, sizeof(*width));
	const char *name = spec->name;
	int row = 0;
	char label[128];
	lxw_error e = LXW_NO_ERROR;
	size_t i, j, chars;

	if ((b->ws = workbook_add_worksheet(b->wb, name)) == NULL) {
		snprintf(err, errsize, "sheet '%s': cannot be added", name);
		free(width);
		return -1;
	}
	xlsx_page(b->ws);
	xlsx_widths(b, spec, r, width);
	for (j = 0; j < r->ncols; j++)
		worksheet_set_column(b->ws, (lxw_col_t)j, (lxw_col_t)j,
		    width[j], NULL);
	free(width);
	if (spec->heading != NULL) {
		e = worksheet_write_string(b->ws, 0, 0, xlsx_safe(b,
		    spec->heading, &chars), b->fmt[XLSX_TITLE]);
		row = 2;
	}
	t->sheet = name;
	t->header_row = row;
	for (j = 0; j < r->ncols && e == LXW_NO_ERROR; j++)
		e = worksheet_write_string(b->ws, (lxw_row_t)row,
		    (lxw_col_t)j, xlsx_head(b, spec, r, j, label,
		    sizeof(label), &chars), b->fmt[XLSX_HEADER]);
	t->first_row = ++row;
	for (i = 0; i < r->nrows && e == LXW_NO_ERROR; i++, row++)
		for (j = 0; j < r->ncols && e == LXW_NO_ERROR; j++)
			e = xlsx_cell(b, row, (int)j, r->cols[j].type,
			    report_cell(r, i, j), b->fmt);
	t->last_row = row - 1;
	worksheet_freeze_panes(b->ws, (lxw_row_t)t->first_row, 0);
	if (e == LXW_NO_ERROR && r->ncols > 0)
		e = worksheet_autofilter(b->ws, (lxw_row_t)t->header_row, 0,
		    (lxw_row_t)(t->last_row > t->header_row ? t->last_row :
		    t->header_row), (lxw_col_t)(r->ncols - 1));
	if (e == LXW_NO_ERROR && spec->totals && r->nrows > 0 &&
	    xlsx_has_sums(r))
		e = xlsx_totals(b, r, row, t->first_row);
	if (e != LXW_NO_ERROR) {
		xlsx_err(err, errsize, name, e);
		return -1;
	}
	return 0;
}

/* The change of a against b as a formula over their cells, with its
 * value cached: empty where b is unknown or 0. */
static lxw_error
xlsx_change(struct xlsx_book *b, int row, int col, int acol, int bcol,
    double av, double bv, int known)
{
	char ca[16], cb[16], formula[96];

	if (!known || bv == 0)
		return LXW_NO_ERROR;
	lxw_rowcol_to_cell(ca, (lxw_row_t)row, (lxw_col_t)acol);
	lxw_rowcol_to_cell(cb, (lxw_row_t)row, (lxw_col_t)bcol);
	snprintf(formula, sizeof(formula), "=%s/%s-1", ca, cb);
	return worksheet_write_formula_num(b->ws, (lxw_row_t)row,
	    (lxw_col_t)col, formula, b->fmt[XLSX_PERCENT],
	    xlsx_round(av / bv - 1));
}

static lxw_error
xlsx_summary_line(struct xlsx_book *b, int row,
    const struct xlsx_summary_line *l)
{
	static const int col[3] = {1, 2, 4};
	lxw_error e;
	int k;

	size_t chars;

	e = worksheet_write_string(b->ws, (lxw_row_t)row, 0, l->label,
	    b->fmt[XLSX_TEXT]);
	for (k = 0; k < 3 && e == LXW_NO_ERROR; k++)
		if (l->type == REPORT_TEXT && l->v[k].known)
			e = worksheet_write_string(b->ws, (lxw_row_t)row,
			    (lxw_col_t)col[k], xlsx_safe(b, l->v[k].s, &chars),
			    b->fmt[XLSX_RIGHT]);
		else
			e = xlsx_cell(b, row, col[k], l->type, &l->v[k],
			    b->fmt);
	if (l->type == REPORT_TEXT || l->type == REPORT_PERCENT)
		return e;	/* a change of a share is no percentage */
	for (k = 1; k < 3 && e == LXW_NO_ERROR; k++)
		e = xlsx_change(b, row, col[k] + 1, col[0], col[k],
		    xlsx_value(l->type, &l->v[0]), xlsx_value(l->type,
		    &l->v[k]), l->v[0].known && l->v[k].known);
	return e;
}

int
xlsx_summary(struct xlsx_book *b, const char *name, const char *title,
    const char *note, const char *const heads[3],
    const struct xlsx_summary_line *lines, size_t n,
    const char *const *notes, char *err, size_t errsize)
{
	const char *head[6] = {"", heads[0], heads[1], "Change", heads[2],
	    "Change"};
	size_t i, k, chars;
	lxw_error e;
	int row = 3, w = 10, wv = 14;

	if ((b->ws = workbook_add_worksheet(b->wb, name)) == NULL) {
		snprintf(err, errsize, "sheet '%s': cannot be added", name);
		return -1;
	}
	xlsx_page(b->ws);
	for (i = 0; i < n; i++) {
		if ((int)strlen(lines[i].label) + 2 > w)
			w = (int)strlen(lines[i].label) + 2;
		for (k = 0; k < 3 && lines[i].type == REPORT_TEXT; k++)
			if (lines[i].v[k].known) {
				xlsx_safe(b, lines[i].v[k].s, &chars);
				if ((int)chars + 2 > wv)
					wv = (int)chars + 2 > XLSX_MAX_WIDTH ?
					    XLSX_MAX_WIDTH : (int)chars + 2;
			}
	}
	worksheet_set_column(b->ws, 0, 0, w, NULL);
	worksheet_set_column(b->ws, 1, 5, wv, NULL);
	e = worksheet_write_string(b->ws, 0, 0, xlsx_safe(b, title, &chars),
	    b->fmt[XLSX_TITLE]);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(b->ws, 1, 0, xlsx_safe(b, note,
		    &chars), NULL);
	for (i = 0; i < 6 && e == LXW_NO_ERROR; i++)
		e = worksheet_write_string(b->ws, (lxw_row_t)row, (lxw_col_t)i,
		    head[i], b->fmt[i > 0 ? XLSX_RHEADER : XLSX_HEADER]);
	worksheet_freeze_panes(b->ws, (lxw_row_t)(row + 1), 1);
	for (i = 0; i < n && e == LXW_NO_ERROR; i++)
		e = xlsx_summary_line(b, ++row, &lines[i]);
	row++;
	for (i = 0; notes != NULL && notes[i] != NULL && e == LXW_NO_ERROR;
	    i++)
		e = worksheet_write_string(b->ws, (lxw_row_t)++row, 0,
		    xlsx_safe(b, notes[i], &chars), NULL);
	if (e != LXW_NO_ERROR) {
		xlsx_err(err, errsize, name, e);
		return -1;
	}
	return 0;
}

static const uint8_t xlsx_chart_types[] = {
	LXW_CHART_COLUMN, LXW_CHART_COLUMN_STACKED, LXW_CHART_LINE
};

int
xlsx_add_chart(struct xlsx_book *b, const struct xlsx_table *t,
    const struct xlsx_chart *c, char *err, size_t errsize)
{
	lxw_chart_options opt;
	lxw_chart_series *s;
	lxw_chart *ch;
	size_t i;

	if (t->last_row < t->first_row)
		return 0;	/* no rows, no chart */
	ch = workbook_add_chart(b->wb, xlsx_chart_types[c->kind]);
	if (ch == NULL) {
		snprintf(err, errsize, "chart '%s': cannot be added", c->title);
		return -1;
	}
	for (i = 0; i < c->nvals; i++) {
		s = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(s, t->sheet, (lxw_row_t)t->first_row,
		    (lxw_col_t)c->cat, (lxw_row_t)t->last_row,
		    (lxw_col_t)c->cat);
		chart_series_set_values(s, t->sheet, (lxw_row_t)t->first_row,
		    (lxw_col_t)c->vals[i], (lxw_row_t)t->last_row,
		    (lxw_col_t)c->vals[i]);
		chart_series_set_name_range(s, t->sheet,
		    (lxw_row_t)t->header_row, (lxw_col_t)c->vals[i]);
		if (c->kind == XLSX_CHART_LINE)
			chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
	}
	chart_title_set_name(ch, c->title);
	chart_axis_set_name(ch->x_axis, c->x_title);
	chart_axis_set_name(ch->y_axis, c->y_title);
	if (c->y_format != NULL)
		chart_axis_set_num_format(ch->y_axis, c->y_format);
	chart_legend_set_position(ch, c->nvals > 1 ? LXW_CHART_LEGEND_BOTTOM :
	    LXW_CHART_LEGEND_NONE);
	memset(&opt, 0, sizeof(opt));
	opt.x_scale = 1.5;
	opt.y_scale = 1.5;
	if (worksheet_insert_chart_opt(b->ws, (lxw_row_t)c->row,
	    (lxw_col_t)c->col, ch, &opt) != LXW_NO_ERROR) {
		snprintf(err, errsize, "chart '%s': cannot be placed", c->title);
		return -1;
	}
	return 0;
}

int
xlsx_close(struct xlsx_book *b, char *err, size_t errsize)
{
	lxw_error e = workbook_close(b->wb);

	free(b->clean);
	free(b);
	if (e != LXW_NO_ERROR) {
		xlsx_err(err, errsize, "workbook", e);
		return -1;
	}
	return 0;
}
