/* The report row model: columns, cells, rows (see rows.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "xalloc.h"

void
report_init(struct report *r, const char *title,
    const struct report_column *cols, size_t ncols)
{
	memset(r, 0, sizeof(*r));
	r->title = title;
	r->cols = xreallocarray(NULL, ncols ? ncols : 1, sizeof(*cols));
	memcpy(r->cols, cols, ncols * sizeof(*cols));
	r->ncols = ncols;
	r->zone = r->filters = "";
}

void
report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->nrows * r->ncols; i++)
		free(r->cells[i].s);
	free(r->cells);
	free(r->cols);
	r->cells = NULL;
	r->cols = NULL;
	r->ncols = 0;
	r->nrows = r->cap = 0;
}

struct report_cell *
report_row(struct report *r)
{
	struct report_cell *row;

	if (r->nrows == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cells = xreallocarray(r->cells, r->cap * r->ncols,
		    sizeof(*r->cells));
	}
	row = &r->cells[r->nrows++ * r->ncols];
	memset(row, 0, r->ncols * sizeof(*row));
	return row;
}

const struct report_cell *
report_cell(const struct report *r, size_t row, size_t col)
{
	return &r->cells[row * r->ncols + col];
}

void
report_set_text(struct report_cell *c, const char *text)
{
	if (text == NULL)
		return;
	c->s = xstrdup(text);
	c->known = 1;
}

void
report_set_int(struct report_cell *c, int64_t v)
{
	c->i = v;
	c->d = (double)v;
	c->known = 1;
}

void
report_set_real(struct report_cell *c, double v)
{
	c->d = v;
	c->known = 1;
}

int
report_word(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}
