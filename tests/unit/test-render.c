/* Unit tests: the row model and its renderers, byte for byte. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/plot.h"
#include "reports/render.h"
#include "reports/rows.h"
#include "suites.h"

static const struct report_column cols[] = {
	{"queue", REPORT_TEXT, "", 0, 5},
	{"jobs", REPORT_INT, "", 1, 4},
	{"core_hours", REPORT_HOURS, "h", 1, 10},
	{"share", REPORT_PERCENT, "%", 0, 5},
};

/* Two rows, one with a hostile name, one with unknown values. */
static void
sample(struct report *r)
{
	struct report_cell *c;

	report_init(r, "test", cols, 4);
	c = report_row(r);
	report_set_text(&c[0], "a,b\t\"c\"\nd");
	report_set_int(&c[1], 3);
	report_set_real(&c[2], 1.5);
	report_set_real(&c[3], 37.5);
	c = report_row(r);
	report_set_text(&c[0], NULL);
	report_set_int(&c[1], 2);
	report_set_real(&c[2], 0.25);
}

static char *
render(const struct report *r, enum report_format f)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	ck_assert_int_eq(report_render(r, f, fp), 0);
	fclose(fp);
	return buf;
}

START_TEST(test_formats)
{
	struct report r;
	char *s;

	sample(&r);
	s = render(&r, REPORT_TABLE);
	ck_assert_str_eq(s,
	    "QUEUE       JOBS CORE_HOURS SHARE\n"
	    "a,b\\t\"c\"\\nd    3       1.50 37.50\n"
	    "-              2       0.25     -\n"
	    "TOTAL          5       1.75     -\n");
	free(s);
	s = render(&r, REPORT_CSV);
	ck_assert_str_eq(s, "queue,jobs,core_hours,share\n"
	    "\"a,b\t\"\"c\"\"\nd\",3,1.500000,37.500000\n"
	    ",2,0.250000,\n");
	free(s);
	s = render(&r, REPORT_TSV);
	ck_assert_str_eq(s, "queue\tjobs\tcore_hours\tshare\n"
	    "a,b\\t\"c\"\\nd\t3\t1.500000\t37.500000\n"
	    "\t2\t0.250000\t\n");
	free(s);
	s = render(&r, REPORT_JSON);
	ck_assert_str_eq(s, "[\n"
	    "  {\"queue\": \"a,b\\t\\\"c\\\"\\nd\", \"jobs\": 3, "
	    "\"core_hours\": 1.500000, \"share\": 37.500000},\n"
	    "  {\"queue\": null, \"jobs\": 2, \"core_hours\": 0.250000, "
	    "\"share\": null}\n]\n");
	free(s);
	report_free(&r);
}
END_TEST

START_TEST(test_empty_and_formats)
{
	struct report r;
	enum report_format f;
	char *s;

	report_init(&r, "empty", cols, 4);
	s = render(&r, REPORT_JSON);
	ck_assert_str_eq(s, "[]\n");
	free(s);
	s = render(&r, REPORT_CSV);
	ck_assert_str_eq(s, "queue,jobs,core_hours,share\n");
	free(s);
	report_free(&r);
	ck_assert_int_eq(report_format_parse("tsv", &f), 0);
	ck_assert_int_eq(f, REPORT_TSV);
	ck_assert_int_eq(report_format_parse("xlsx", &f), -1);
}
END_TEST

static const struct report_column series_cols[] = {
	{"period", REPORT_TEXT, "", 0, 6},
	{"queue", REPORT_TEXT, "", 0, 5},
	{"core_hours", REPORT_HOURS, "h", 1, 10},
};

/* Rows of (period, queue, core_hours). */
static void
series(struct report *r, const char *const *rows, size_t n)
{
	struct report_cell *c;
	size_t i;

	report_init(r, "usage", series_cols, 3);
	for (i = 0; i < n; i++) {
		c = report_row(r);
		report_set_text(&c[0], rows[3 * i]);
		report_set_text(&c[1], rows[3 * i + 1]);
		report_set_real(&c[2], atof(rows[3 * i + 2]));
	}
}

START_TEST(test_pivot_fold)
{
	static const char *const rows[] = {
		"d1", "short", "1", "d1", "batch", "4", "d1", "gpu", "0.5",
		"d2", "batch", "2", "d2", NULL, "3",
	};
	struct report r, p, f;
	char *s;

	series(&r, rows, 5);
	report_pivot(&r, 0, 1, 2, "total", &p);
	s = render(&p, REPORT_CSV);
	ck_assert_str_eq(s, "period,-,batch,gpu,short,total\n"
	    "d1,0.000000,4.000000,0.500000,1.000000,5.500000\n"
	    "d2,3.000000,2.000000,0.000000,0.000000,5.000000\n");
	free(s);
	/* the two largest of the four queues, the rest as other */
	report_fold(&p, 1, 4, 2, "other", &f);
	s = render(&f, REPORT_CSV);
	ck_assert_str_eq(s, "period,-,batch,other,total\n"
	    "d1,0.000000,4.000000,1.500000,5.500000\n"
	    "d2,3.000000,2.000000,0.000000,5.000000\n");
	free(s);
	report_free(&f);
	report_fold(&p, 1, 4, 4, "other", &f);	/* none left out */
	ck_assert_int_eq((int)f.ncols, 6);
	report_free(&f);
	report_free(&p);
	report_free(&r);
}
END_TEST

/* A hostile queue name, title and output path stay inside their strings
 * and fields; a name like the data's end does not end it. */
START_TEST(test_plot_script_safe)
{
	static const char *const rows[] = {
		"d1", "a\"b\tc\nd", "1", "d1", "HPCACCT_END_OF_DATA", "2",
	};
	static const size_t vals[] = {1, 2, 3};
	struct plot_output o = {PLOT_PNG, 1280, 720, "it's.png"};
	struct plot_spec spec = {"test", PLOT_STACKED, "say \"hi\" \\ now",
	    "Day", "Core-hours", 0, vals, 0, NULL, 1, 0, -1, NULL, 0, 0};
	struct report r, p;
	char *buf = NULL;
	size_t len = 0;
	enum plot_format f;
	FILE *out;

	series(&r, rows, 2);
	report_pivot(&r, 0, 1, 2, "total", &p);
	spec.nvals = 2;
	out = open_memstream(&buf, &len);
	ck_assert_int_eq(plot_script(out, &o, &spec, &p), 0);
	fclose(out);
	ck_assert_ptr_nonnull(strstr(buf, "set output 'it''s.png'\n"));
	ck_assert_ptr_nonnull(strstr(buf,
	    "set title \"say \\\"hi\\\" \\\\ now\""));
	ck_assert_ptr_nonnull(strstr(buf,
	    "label\t_HPCACCT_END_OF_DATA\ta?b?c?d\n"));
	ck_assert_ptr_nonnull(strstr(buf, "d1\t2\t1\n"));
	ck_assert_ptr_null(strstr(buf, "\nHPCACCT_END_OF_DATA\t"));
	free(buf);
	report_free(&p);
	report_free(&r);
	ck_assert_int_eq(plot_format_for("x.svg", &f), 0);
	ck_assert_int_eq(f, PLOT_SVG);
	ck_assert_int_eq(plot_format_for("x.png.gz", &f), -1);
	ck_assert_int_eq(plot_format_for("dir.png/x", &f), -1);
}
END_TEST

Suite *
render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_formats);
	tcase_add_test(tc, test_empty_and_formats);
	tcase_add_test(tc, test_pivot_fold);
	tcase_add_test(tc, test_plot_script_safe);
	suite_add_tcase(s, tc);
	return s;
}
