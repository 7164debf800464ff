/* Unit tests: the row model and its renderers, byte for byte. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

Suite *
render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_formats);
	tcase_add_test(tc, test_empty_and_formats);
	suite_add_tcase(s, tc);
	return s;
}
