/*
 * Renderers of report rows (rows.h): an aligned table with a total row
 * for people, CSV (RFC 4180, through libcsv), TSV and JSON for machines,
 * and the value writers they share.  Names come from scheduler logs, so none of
 * them may reach a terminal or a parser as anything but text: table cells
 * show control characters and bytes that are not UTF-8 as escapes, JSON is
 * always valid UTF-8.
 */
#include "config.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "xalloc.h"

void
render_csv_field(FILE *out, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' ||
	    (s[0] != '\0' && s[strlen(s) - 1] == ' '))
		csv_fwrite(out, s, strlen(s));
	else
		fputs(s, out);
}

size_t
render_utf8_len(const unsigned char *s)
{
	size_t n, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
		return 0;	/* overlong, surrogate or beyond U+10FFFF */
	return n;
}

void
render_json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (s == NULL) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	while (*p != '\0') {
		if (*p >= 0x80) {
			n = render_utf8_len(p);
			if (n == 0) {
				fputs("\\ufffd", out);	/* not UTF-8 */
				p++;
			} else {
				fwrite(p, 1, n, out);
				p += n;
			}
			continue;
		}
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
		p++;
	}
	fputc('"', out);
}

/*
 * Walk s as a table shows it: each character printable as is, or an
 * escape (\n, \t, \xNN, \\).  Writes to out when it is not NULL; returns
 * the columns it takes.
 */
static int
table_walk(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int cols = 0;
	size_t n;

	while (*p != '\0') {
		n = *p >= 0x80 ? render_utf8_len(p) : 1;
		if (n > 1) {
			if (out != NULL)
				fwrite(p, 1, n, out);
			cols++;
			p += n;
			continue;
		}
		if (*p == '\n' || *p == '\t' || *p == '\r' || *p == '\\') {
			if (out != NULL)
				fprintf(out, "\\%c", *p == '\n' ? 'n' :
				    *p == '\t' ? 't' : *p == '\r' ? 'r' : '\\');
			cols += 2;
		} else if (*p < 0x20 || *p >= 0x7f) {
			if (out != NULL)
				fprintf(out, "\\x%02x", *p);
			cols += 4;
		} else {
			if (out != NULL)
				fputc(*p, out);
			cols++;
		}
		p++;
	}
	return cols;
}

int
render_table_width(const char *s)
{
	return table_walk(NULL, s);
}

void
render_table_cell(FILE *out, const char *s, int width)
{
	int cols = table_walk(out, s);

	for (; cols < width; cols++)
		fputc(' ', out);
}

int
report_format_parse(const char *name, enum report_format *format)
{
	static const char *const names[] = {"table", "csv", "tsv", "json"};
	int i = report_word(names, sizeof(names) / sizeof(names[0]), name);

	if (i < 0)
		return -1;
	*format = (enum report_format)(i);
	return 0;
}

/* A number cell as text: two decimals for people, six for machines. */
static void
number_text(const struct report_column *col, const struct report_cell *c,
    int people, char *buf, size_t size)
{
	if (col->type == REPORT_INT || col->type == REPORT_DURATION)
		snprintf(buf, size, "%lld", (long long)c->i);
	else
		snprintf(buf, size, people ? "%.2f" : "%.6f", c->d);
}

static int
is_text(const struct report_column *col)
{
	return col->type == REPORT_TEXT;
}

/* The table's total row, where some column adds up. */
static int
table_total(const struct report *r, struct report_cell *total)
{
	size_t i, j;
	int any = 0;

	memset(total, 0, r->ncols * sizeof(*total));
	for (j = 0; j < r->ncols; j++) {
		if (!r->cols[j].sums)
			continue;
		any = total[j].known = 1;
		for (i = 0; i < r->nrows; i++) {
			total[j].i += report_cell(r, i, j)->i;
			total[j].d += report_cell(r, i, j)->d;
		}
	}
	for (j = 0; any && j < r->ncols; j++)	/* other names: blank */
		if (is_text(&r->cols[j])) {
			total[j].s = (char *)(j == 0 ? "TOTAL" : "");
			total[j].known = 1;
		}
	return any;
}

static int
cell_width(const struct report_column *col, const struct report_cell *c)
{
	char buf[64];

	if (!c->known)
		return 1;	/* "-" */
	if (is_text(col))
		return render_table_width(c->s);
	number_text(col, c, 1, buf, sizeof(buf));
	return (int)strlen(buf);
}

static void
table_line(FILE *out, const struct report *r, const struct report_cell *row,
    const int *width)
{
	char buf[64];
	size_t j;
	int last;

	for (j = 0; j < r->ncols; j++) {
		last = j + 1 == r->ncols;
		if (j > 0)
			fputc(' ', out);
		if (is_text(&r->cols[j]))
			render_table_cell(out, row[j].known ? row[j].s : "-",
			    last ? 0 : width[j]);
		else {
			if (row[j].known)
				number_text(&r->cols[j], &row[j], 1, buf,
				    sizeof(buf));
			else
				snprintf(buf, sizeof(buf), "-");
			fprintf(out, "%*s", width[j], buf);
		}
	}
	fputc('\n', out);
}

/* Aligned columns for people, upper-case names, a total row. */
static void
render_table(const struct report *r, FILE *out)
{
	struct report_cell *total = xcalloc(r->ncols + 1, sizeof(*total));
	int *width = xcalloc(r->ncols + 1, sizeof(*width));
	int has_total = table_total(r, total);
	char name[64];
	size_t i, j, k;

	for (j = 0; j < r->ncols; j++) {
		width[j] = r->cols[j].width;
		if ((int)strlen(r->cols[j].name) > width[j])
			width[j] = (int)strlen(r->cols[j].name);
		for (i = 0; i < r->nrows; i++)
			if (cell_width(&r->cols[j], report_cell(r, i, j)) >
			    width[j])
				width[j] = cell_width(&r->cols[j],
				    report_cell(r, i, j));
		if (has_total && cell_width(&r->cols[j], &total[j]) > width[j])
			width[j] = cell_width(&r->cols[j], &total[j]);
	}
	for (j = 0; j < r->ncols; j++) {
		for (k = 0; r->cols[j].name[k] != '\0' && k + 1 < sizeof(name);
		    k++)
			name[k] = (char)(r->cols[j].name[k] >= 'a' &&
			    r->cols[j].name[k] <= 'z' ?
			    r->cols[j].name[k] - 'a' + 'A' : r->cols[j].name[k]);
		name[k] = '\0';
		fprintf(out, j == 0 ? "" : " ");
		if (is_text(&r->cols[j]))
			fprintf(out, "%-*s", j + 1 == r->ncols ? 0 : width[j],
			    name);
		else
			fprintf(out, "%*s", width[j], name);
	}
	fputc('\n', out);
	for (i = 0; i < r->nrows; i++)
		table_line(out, r, report_cell(r, i, 0), width);
	if (has_total)
		table_line(out, r, total, width);
	free(total);
	free(width);
}

/* TSV has no quoting: tabs, newlines and backslashes become escapes. */
static void
tsv_text(FILE *out, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\\': fputs("\\\\", out); break;
		default: fputc(*s, out);
		}
}

/* CSV (RFC 4180, through libcsv) or TSV: the names, then the rows. */
static void
render_delimited(const struct report *r, char sep, FILE *out)
{
	const struct report_cell *c;
	char buf[64];
	size_t i, j;

	for (j = 0; j < r->ncols; j++)
		fprintf(out, "%s%s", j ? (sep == ',' ? "," : "\t") : "",
		    r->cols[j].name);
	fputc('\n', out);
	for (i = 0; i < r->nrows; i++) {
		for (j = 0; j < r->ncols; j++) {
			c = report_cell(r, i, j);
			if (j > 0)
				fputc(sep, out);
			if (!c->known)
				continue;
			if (is_text(&r->cols[j]))
				(sep == ',' ? render_csv_field : tsv_text)(out,
				    c->s);
			else {
				number_text(&r->cols[j], c, 0, buf,
				    sizeof(buf));
				fputs(buf, out);
			}
		}
		fputc('\n', out);
	}
}

/* One array of objects, numbers as numbers, unknown values null. */
static void
render_json(const struct report *r, FILE *out)
{
	const struct report_cell *c;
	char buf[64];
	size_t i, j;

	fputs("[", out);
	for (i = 0; i < r->nrows; i++) {
		fputs(i ? ",\n  {" : "\n  {", out);
		for (j = 0; j < r->ncols; j++) {
			c = report_cell(r, i, j);
			fprintf(out, "%s\"%s\": ", j ? ", " : "",
			    r->cols[j].name);
			if (!c->known)
				fputs("null", out);
			else if (is_text(&r->cols[j]))
				render_json_string(out, c->s);
			else {
				number_text(&r->cols[j], c, 0, buf,
				    sizeof(buf));
				fputs(buf, out);
			}
		}
		fputc('}', out);
	}
	fputs(r->nrows ? "\n]\n" : "]\n", out);
}

int
report_render(const struct report *r, enum report_format format, FILE *out)
{
	switch (format) {
	case REPORT_TABLE:
		render_table(r, out);
		break;
	case REPORT_CSV:
		render_delimited(r, ',', out);
		break;
	case REPORT_TSV:
		render_delimited(r, '\t', out);
		break;
	default:
		render_json(r, out);
		break;
	}
	return ferror(out) ? -1 : 0;
}
