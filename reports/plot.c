/* The chart renderer (see plot.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "plot.h"
#include "render.h"

/* The end of the inline data; a label that starts so gets a '_'. */
#define PLOT_EOD "HPCACCT_END_OF_DATA"
/* At most so many labels on the x axis. */
#define PLOT_MAX_LABELS 24

/* Tableau 10: distinct, and readable to most colour-blind eyes. */
static const char *const plot_colours[] = {
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
};

int
plot_format_for(const char *path, enum plot_format *format)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	if (strcmp(dot, ".png") == 0)
		*format = PLOT_PNG;
	else if (strcmp(dot, ".svg") == 0)
		*format = PLOT_SVG;
	else if (strcmp(dot, ".pdf") == 0)
		*format = PLOT_PDF;
	else
		return -1;
	return 0;
}

/* s as a gnuplot double-quoted string. */
static void
plot_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	putc('"', out);
	for (; *p != '\0'; p++)
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			putc(' ', out);
		else
			putc(*p, out);
	putc('"', out);
}

/* A path as a gnuplot single-quoted string: '' is a quote. */
static void
plot_path(FILE *out, const char *s)
{
	putc('\'', out);
	for (; *s != '\0'; s++)
		if (*s == '\'')
			fputs("''", out);
		else
			putc(*s, out);
	putc('\'', out);
}

/* A label as a field of the inline data: no tab, quote or control
 * character, and never the end of the data. */
static void
plot_field(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (*p == '\0' || strncmp(s, PLOT_EOD, strlen(PLOT_EOD)) == 0)
		putc('_', out);
	while (*p != '\0') {
		n = *p < 0x80 ? 1 : render_utf8_len(p);
		if (n == 0 || *p < 0x20 || *p == 0x7f || *p == '"') {
			putc('?', out);	/* not UTF-8, or not for the data */
			p++;
			continue;
		}
		fwrite(p, 1, n, out);
		p += n;
	}
}

static void
plot_terminal(FILE *out, const struct plot_output *o)
{
	switch (o->format) {
	case PLOT_SVG:
		fprintf(out, "set terminal svg size %d,%d font 'Sans,12' "
		    "background rgb 'white'\n", o->width, o->height);
		break;
	case PLOT_PDF:
		fprintf(out, "set terminal pdfcairo size %.2fin,%.2fin font "
		    "'Sans,10'\n", o->width / 96.0, o->height / 96.0);
		break;
	default:
		fprintf(out, "set terminal pngcairo size %d,%d font 'Sans,12' "
		    "background rgb 'white'\n", o->width, o->height);
	}
	fputs("set termoption noenhanced\nset output ", out);
	plot_path(out, o->path);
	putc('\n', out);
}

/* Titles, axes, key, grid, colours, and the style of the bars or lines. */
static void
plot_frame(FILE *out, const struct plot_spec *s, size_t nrows)
{
	size_t i, every = (nrows + PLOT_MAX_LABELS - 1) / PLOT_MAX_LABELS;

	fputs("set encoding utf8\nset datafile separator '\\t'\n"
	    "set datafile commentschars ''\nset datafile missing 'NaN'\n"
	    "set title ", out);
	plot_string(out, s->title);
	fputs(" font ',16'\nset xlabel ", out);
	plot_string(out, s->x_title);
	fputs("\nset ylabel ", out);
	plot_string(out, s->y_title);
	fputs("\nset key outside right top vertical noreverse Left\n"
	    "set grid ytics lc rgb '#dddddd' lt 1\nset border 3\n"
	    "set tics nomirror\nset yrange [0:*]\n", out);
	for (i = 0; i < sizeof(plot_colours) / sizeof(plot_colours[0]); i++)
		fprintf(out, "set linetype %zu lc rgb '%s' lw 2 pt 7 ps 0.8\n",
		    i + 1, plot_colours[i]);
	fprintf(out, "set linetype cycle %zu\n",
	    sizeof(plot_colours) / sizeof(plot_colours[0]));
	if (s->style == PLOT_BOX)
		fputs("set style fill solid 0.6 border -1\nset boxwidth 0.5\n"
		    "set offsets 0.5, 0.5, 0, 0\nset key below horizontal\n",
		    out);
	else if (s->style != PLOT_LINES)
		fprintf(out, "set style data histograms\nset style histogram "
		    "%s\nset style fill solid 0.9 border rgb 'white'\n"
		    "set boxwidth 0.8 relative\n", s->style == PLOT_STACKED ?
		    "rowstacked" : "clustered gap 1");
	fprintf(out, "set xtics rotate by -40 scale 0 nomirror\n"
	    "every = %zu\n", every > 0 ? every : 1);
}

static int
plot_row_wanted(const struct plot_spec *s, const struct report *r, size_t i)
{
	const struct report_cell *c;

	if (s->where_col < 0)
		return 1;
	c = report_cell(r, i, (size_t)s->where_col);
	return c->known && strcmp(c->s, s->where) == 0;
}

/* A cell's value as a number for the chart ("NaN" for unknown). */
static void
plot_value(FILE *out, const struct report *r, size_t i, size_t j,
    double scale)
{
	const struct report_cell *c = report_cell(r, i, j);

	if (!c->known)
		fputs("NaN", out);
	else if (r->cols[j].type == REPORT_INT ||
	    r->cols[j].type == REPORT_DURATION)
		fprintf(out, "%.10g", (double)c->i * scale);
	else
		fprintf(out, "%.10g", c->d * scale);
}

/* A row's label, cut to s->cat_len. */
static void
plot_label(FILE *out, const struct plot_spec *s, const struct report_cell *c)
{
	char buf[64];

	if (!c->known)
		plot_field(out, "(unknown)");
	else if (s->cat_len > 0 && s->cat_len < sizeof(buf)) {
		snprintf(buf, sizeof(buf), "%.*s", (int)s->cat_len, c->s);
		plot_field(out, buf);
	} else
		plot_field(out, c->s);
}

/* The rows as inline data: a header of the series' names, then a line
 * per row, its label first.  Returns the rows written. */
static size_t
plot_data(FILE *out, const struct plot_spec *s, const struct report *r)
{
	size_t i, k, n = 0;

	fputs("$data << " PLOT_EOD "\nlabel", out);
	for (k = 0; k < s->nvals; k++) {
		putc('\t', out);
		plot_field(out, s->names != NULL ? s->names[k] :
		    r->cols[s->vals[k]].name);
	}
	putc('\n', out);
	for (i = 0; i < r->nrows && (s->max_rows == 0 || n < s->max_rows);
	    i++) {
		if (!plot_row_wanted(s, r, i))
			continue;
		plot_label(out, s, report_cell(r, i, s->cat));
		for (k = 0; k < s->nvals; k++) {
			putc('\t', out);
			plot_value(out, r, i, s->vals[k], s->scale);
		}
		putc('\n', out);
		n++;
	}
	fputs(PLOT_EOD "\n", out);
	return n;
}

static size_t
plot_count(const struct plot_spec *s, const struct report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nrows && (s->max_rows == 0 || n < s->max_rows);
	    i++)
		n += (size_t)plot_row_wanted(s, r, i);
	return n;
}

/* Whether column j has a known value in a row the chart shows. */
static int
plot_has_values(const struct plot_spec *s, const struct report *r, size_t j)
{
	size_t i, n = 0;

	for (i = 0; i < r->nrows && (s->max_rows == 0 || n < s->max_rows);
	    i++) {
		if (!plot_row_wanted(s, r, i))
			continue;
		if (report_cell(r, i, j)->known)
			return 1;
		n++;
	}
	return 0;
}

#define PLOT_MAX_SERIES 64

int
plot_script(FILE *out, const struct plot_output *o,
    const struct plot_spec *spec, const struct report *r)
{
	const char *label = "xtic(int($0) % every == 0 ? stringcolumn(1) : '')";
	size_t vals[PLOT_MAX_SERIES], k;
	const char *names[PLOT_MAX_SERIES];
	struct plot_spec copy = *spec, *s = &copy;
	size_t n = plot_count(s, r);

	/* a series without a value is left out (gnuplot would warn) */
	copy.nvals = 0;
	for (k = 0; k < spec->nvals && copy.nvals < PLOT_MAX_SERIES; k++)
		if (plot_has_values(spec, r, spec->vals[k])) {
			names[copy.nvals] = spec->names != NULL ?
			    spec->names[k] : r->cols[spec->vals[k]].name;
			vals[copy.nvals++] = spec->vals[k];
		}
	copy.vals = vals;
	copy.names = names;
	if (copy.nvals == 0)
		n = 0;

	fprintf(out, "# %s: a gnuplot script, its data inline\n", s->command);
	plot_terminal(out, o);
	plot_frame(out, s, n);
	plot_data(out, s, r);
	if (n == 0)	/* nothing to draw: an empty frame that says so */
		fputs("set xrange [0:1]\nset yrange [0:1]\nunset xtics\n"
		    "set label 1 'nothing to show for this window' at 0.5,0.5 center\n"
		    "plot NaN notitle\n", out);
	else if (s->style == PLOT_BOX && s->nvals == 5) {
		fprintf(out, "plot $data using 0:2:3:4:5:%s with candlesticks "
		    "whiskerbars 0.5 lt 1 title ", label);
		plot_string(out, s->names[0]);
		fputs(", \\\n     '' using 0:6:6:6:6 with candlesticks lt -1 "
		    "lw 2 title ", out);
		plot_string(out, s->names[4]);
		putc('\n', out);
	} else if (s->style == PLOT_LINES)
		fprintf(out, "plot for [i=2:%zu] $data using 0:i:%s with "
		    "linespoints title columnhead(i)%s\n", s->nvals + 1, label,
		    s->reference ? ", 100 with lines dt 2 lw 1.5 lc rgb "
		    "'#333333' title '100 %'" : "");
	else
		fprintf(out, "plot for [i=2:%zu] $data using i:%s title "
		    "columnhead(i)\n", s->nvals + 1, label);
	fputs("unset output\n", out);
	return ferror(out) ? -1 : 0;
}

/* The child: the script on standard input, then gnuplot. */
static void
plot_child(int in, int report)
{
	const char *gnuplot = getenv("HPCACCT_GNUPLOT");
	char *const argv[] = {"gnuplot", NULL};
	int e;

	if (dup2(in, STDIN_FILENO) < 0)
		_exit(127);
	close(in);
	/* the script is UTF-8 (set encoding utf8): so is gnuplot's locale */
	setenv("LC_ALL", "C.UTF-8", 1);
	if (gnuplot != NULL && gnuplot[0] != '\0')
		execv(gnuplot, argv);
	else
		execvp("gnuplot", argv);
	e = errno;
	if (write(report, &e, sizeof(e)) < 0)
		_exit(127);
	_exit(127);
}

/* Write all of buf to fd; a reader gone (EPIPE) ends it quietly. */
static void
plot_feed(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		buf += n;
		len -= (size_t)n;
	}
}

/* Wait for the child and say how it ended: 0 or -1. */
static int
plot_reap(pid_t pid, int exec_errno, char *err, size_t errsize)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(err, errsize, "gnuplot: %s", strerror(errno));
			return -1;
		}
	if (exec_errno != 0) {
		snprintf(err, errsize, "cannot run gnuplot: %s (install "
		    "Debian's gnuplot-nox, or set HPCACCT_GNUPLOT)",
		    strerror(exec_errno));
		return -1;
	}
	if (WIFSIGNALED(status)) {
		snprintf(err, errsize, "gnuplot killed by signal %d",
		    WTERMSIG(status));
		return -1;
	}
	if (WEXITSTATUS(status) != 0) {
		snprintf(err, errsize, "gnuplot failed (exit status %d)",
		    WEXITSTATUS(status));
		return -1;
	}
	return 0;
}

int
plot_run(const char *script, size_t len, char *err, size_t errsize)
{
	int in[2], report[2], exec_errno = 0;
	void (*old)(int);
	pid_t pid;

	if (pipe2(in, O_CLOEXEC) != 0 || pipe2(report, O_CLOEXEC) != 0) {
		snprintf(err, errsize, "pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) < 0) {
		snprintf(err, errsize, "fork: %s", strerror(errno));
		close(in[0]), close(in[1]), close(report[0]), close(report[1]);
		return -1;
	}
	if (pid == 0) {
		plot_child(in[0], report[1]);
	}
	close(in[0]);
	close(report[1]);
	old = signal(SIGPIPE, SIG_IGN);
	plot_feed(in[1], script, len);
	close(in[1]);
	signal(SIGPIPE, old);
	if (read(report[0], &exec_errno, sizeof(exec_errno)) !=
	    (ssize_t)sizeof(exec_errno))
		exec_errno = 0;
	close(report[0]);
	return plot_reap(pid, exec_errno, err, errsize);
}
