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
report_column_find(const struct report *r, const char *name)
{
	size_t j;

	for (j = 0; j < r->ncols; j++)
		if (strcmp(r->cols[j].name, name) == 0)
			return (int)j;
	return -1;
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

static int
report_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *
report_key(const struct report *in, size_t row, size_t col)
{
	const struct report_cell *c = report_cell(in, row, col);

	return c->known ? c->s : "-";
}

/* The sorted distinct keys of column col of in: their count. */
static size_t
report_keys(const struct report *in, size_t col, const char ***keys)
{
	size_t i, k, n = 0;

	*keys = xreallocarray(NULL, in->nrows + 1, sizeof(**keys));
	for (i = 0; i < in->nrows; i++)
		(*keys)[n++] = report_key(in, i, col);
	qsort(*keys, n, sizeof(**keys), report_strcmp);
	for (i = 0, k = 0; i < n; i++)	/* drop repeats */
		if (k == 0 || strcmp((*keys)[k - 1], (*keys)[i]) != 0)
			(*keys)[k++] = (*keys)[i];
	n = k;
	return n;
}

static void
report_add(struct report_cell *c, const struct report_cell *v)
{
	if (!v->known)
		return;
	c->i += v->i;
	c->d += v->d;
	c->known = 1;
}

void
report_pivot(const struct report *in, size_t rowcol, size_t keycol,
    size_t valcol, const char *total, struct report *out)
{
	const char **keys;
	size_t nkeys = report_keys(in, keycol, &keys), i, k;
	struct report_column *cols = xreallocarray(NULL, nkeys + 2,
	    sizeof(*cols));
	struct report_cell *row = NULL;
	const char *label, *last = NULL;

	cols[0] = in->cols[rowcol];
	for (k = 0; k <= nkeys; k++) {
		cols[k + 1] = in->cols[valcol];
		cols[k + 1].name = k < nkeys ? keys[k] : total;
		cols[k + 1].sums = 1;
	}
	report_init(out, in->title, cols, nkeys + 2);
	free(cols);
	out->from = in->from;
	out->to = in->to;
	out->zone = in->zone;
	out->filters = in->filters;
	for (i = 0; i < in->nrows; i++) {
		label = report_key(in, i, rowcol);
		if (last == NULL || strcmp(label, last) != 0) {
			row = report_row(out);
			report_set_text(&row[0], label);
			for (k = 1; k <= nkeys + 1; k++)
				row[k].known = 1;	/* none is 0 */
			last = label;
		}
		k = (size_t)((const char **)bsearch(&(const char *){
		    report_key(in, i, keycol)}, keys, nkeys, sizeof(*keys),
		    report_strcmp) - keys);
		report_add(&row[k + 1], report_cell(in, i, valcol));
		report_add(&row[nkeys + 1], report_cell(in, i, valcol));
	}
	free(keys);
}

/* The sum of column j of r. */
static double
report_column_sum(const struct report *r, size_t j)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < r->nrows; i++)
		sum += report_cell(r, i, j)->d;
	return sum;
}

/* Which of the n columns from first to keep: the keep largest sums. */
static void
report_keep(const struct report *in, size_t first, size_t n, size_t keep,
    char *kept)
{
	double *sum = xreallocarray(NULL, n + 1, sizeof(*sum));
	size_t j, k, best;

	for (j = 0; j < n; j++)
		sum[j] = report_column_sum(in, first + j);
	memset(kept, 0, n);
	for (k = 0; k < keep && k < n; k++) {
		best = n;
		for (j = 0; j < n; j++)
			if (!kept[j] && (best == n || sum[j] > sum[best]))
				best = j;
		kept[best] = 1;
	}
	free(sum);
}

void
report_fold(const struct report *in, size_t first, size_t n, size_t keep,
    const char *other, struct report *out)
{
	char *kept = xmalloc(n + 1);
	size_t *src = xreallocarray(NULL, in->ncols + 1, sizeof(*src));
	struct report_column *cols = xreallocarray(NULL, in->ncols + 1,
	    sizeof(*cols));
	size_t i, j, o, nc = 0, fold = in->ncols;	/* src: a fold */
	struct report_cell *row;

	report_keep(in, first, n, keep, kept);
	for (j = 0; j <= in->ncols; j++) {
		if (j == first + n && n > keep) {
			cols[nc] = in->cols[first];
			cols[nc].name = other;
			src[nc++] = fold;
		}
		if (j < in->ncols && (j < first || j >= first + n ||
		    kept[j - first])) {
			cols[nc] = in->cols[j];
			src[nc++] = j;
		}
	}
	report_init(out, in->title, cols, nc);
	out->from = in->from;
	out->to = in->to;
	for (i = 0; i < in->nrows; i++) {
		row = report_row(out);
		for (o = 0; o < nc; o++) {
			if (src[o] != fold) {
				row[o] = *report_cell(in, i, src[o]);
				if (row[o].s != NULL)
					row[o].s = xstrdup(row[o].s);
				continue;
			}
			row[o].known = 1;
			for (j = first; j < first + n; j++)
				if (!kept[j - first])
					report_add(&row[o], report_cell(in, i, j));
		}
	}
	free(src);
	free(cols);
	free(kept);
}
