/*
 * Value writers shared by reports: CSV fields (through libcsv), JSON
 * strings and table cells.  Names come from scheduler logs, so none of
 * them may reach a terminal or a parser as anything but text: table cells
 * show control characters and bytes that are not UTF-8 as escapes, JSON is
 * always valid UTF-8.
 */
#include "config.h"

#include <csv.h>
#include <string.h>

#include "render.h"

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

/* The length (2-4) of the well-formed UTF-8 sequence at s, or 0. */
static size_t
utf8_len(const unsigned char *s)
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
			n = utf8_len(p);
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
		n = *p >= 0x80 ? utf8_len(p) : 1;
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
