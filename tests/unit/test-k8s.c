/* Unit tests: Kubernetes quantities, times, the object splitter and the
 * job built from a Job's facts and pods. */
#include "config.h"

#include <string.h>

#include "parsers/k8s-fields.h"
#include "parsers/k8s-scan.h"
#include "parsers/k8s.h"
#include "suites.h"

static double
quantity(const char *s)
{
	double v = -12345;

	ck_assert_msg(k8s_parse_quantity(s, strlen(s), &v) == 0, "%s", s);
	return v;
}

static int
bad_quantity(const char *s)
{
	double v;

	return k8s_parse_quantity(s, strlen(s), &v) != 0;
}

START_TEST(test_quantity_grammar)
{
	ck_assert_double_eq(quantity("2"), 2);
	ck_assert_double_eq(quantity("500m"), 0.5);
	ck_assert_double_eq(quantity("1.5"), 1.5);
	ck_assert_double_eq(quantity(".5"), 0.5);
	ck_assert_double_eq(quantity("5."), 5);
	ck_assert_double_eq(quantity("+3"), 3);
	ck_assert_double_eq(quantity("-1"), -1);
	ck_assert_double_eq(quantity("512Mi"), 536870912);
	ck_assert_double_eq(quantity("1Ki"), 1024);
	ck_assert_double_eq(quantity("1Gi"), 1073741824);
	ck_assert_double_eq(quantity("2Ti"), 2199023255552.0);
	ck_assert_double_eq(quantity("1Pi"), 1125899906842624.0);
	ck_assert_double_eq(quantity("1Ei"), 1152921504606846976.0);
	ck_assert_double_eq(quantity("1k"), 1000);
	ck_assert_double_eq(quantity("1G"), 1e9);
	ck_assert_double_eq(quantity("3M"), 3e6);
	ck_assert_double_eq(quantity("2T"), 2e12);
	ck_assert_double_eq(quantity("1P"), 1e15);
	ck_assert_double_eq(quantity("1E"), 1e18);
	ck_assert_double_eq_tol(quantity("250u"), 250e-6, 1e-15);
	ck_assert_double_eq_tol(quantity("100n"), 100e-9, 1e-18);
	ck_assert_double_eq(quantity("1e9"), 1e9);
	ck_assert_double_eq(quantity("1E3"), 1000);
	ck_assert_double_eq(quantity("12e+2"), 1200);
	ck_assert_double_eq_tol(quantity("5e-3"), 0.005, 1e-15);
	ck_assert_double_eq(quantity("0"), 0);
}
END_TEST

START_TEST(test_quantity_bad)
{
	ck_assert(bad_quantity(""));
	ck_assert(bad_quantity("m"));
	ck_assert(bad_quantity("Ki"));
	ck_assert(bad_quantity("lots"));
	ck_assert(bad_quantity("1.5.5"));
	ck_assert(bad_quantity("5Q"));
	ck_assert(bad_quantity("5 m"));
	ck_assert(bad_quantity("5mi"));
	ck_assert(bad_quantity("5KI"));
	ck_assert(bad_quantity("1e"));
	ck_assert(bad_quantity("1e+"));
	ck_assert(bad_quantity("--1"));
	ck_assert(bad_quantity("."));
	ck_assert(bad_quantity("1e999"));
	ck_assert(bad_quantity("0x10"));
}
END_TEST

START_TEST(test_times)
{
	int64_t t;

	ck_assert_int_eq(k8s_parse_time("2019-08-30T15:33:10Z", 20, &t), 0);
	ck_assert_int_eq(t, 1567179190);
	ck_assert_int_eq(k8s_parse_time("2019-08-30T15:33:10.123456Z", 27,
	    &t), 0);
	ck_assert_int_eq(t, 1567179190);
	ck_assert_int_eq(k8s_parse_time("2019-08-30T17:33:10+02:00", 25, &t),
	    0);
	ck_assert_int_eq(t, 1567179190);
	ck_assert_int_eq(k8s_parse_time("2019-08-30T10:33:10-05:00", 25, &t),
	    0);
	ck_assert_int_eq(t, 1567179190);
	ck_assert_int_eq(k8s_parse_time("2019-08-30T15:33:10", 19, &t), -1);
	ck_assert_int_eq(k8s_parse_time("2019-13-30T15:33:10Z", 20, &t), -1);
	ck_assert_int_eq(k8s_parse_time("2019-08-30T15:33:10ZZ", 21, &t), -1);
	ck_assert_int_eq(k8s_parse_time("yesterday at noon", 17, &t), -1);
}
END_TEST

struct seen {
	char text[8][128];
	int64_t line[8];
	int n;
};

static int
collect(void *ctx, const char *text, size_t len, int64_t line)
{
	struct seen *s = ctx;

	ck_assert_int_lt(s->n, 8);
	snprintf(s->text[s->n], sizeof(s->text[0]), "%.*s", (int)len, text);
	s->line[s->n++] = line;
	return 0;
}

/* Feed text line by line, as the reader does. */
static int
scan(const char *text, struct seen *s, int64_t *where)
{
	struct k8s_scan *sc = k8s_scan_new(collect, s);
	const char *p = text, *nl;
	int64_t line = 1;
	int r = 0;

	memset(s, 0, sizeof(*s));
	while (*p != '\0' && r == 0) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		r = k8s_scan_feed(sc, p, (size_t)(nl - p + (*nl == '\n')), line++,
		    where);
		p = *nl == '\n' ? nl + 1 : nl;
	}
	if (r == 0)
		r = k8s_scan_finish(sc, where);
	k8s_scan_free(sc);
	return r;
}

START_TEST(test_scan_list_items)
{
	struct seen s;
	int64_t where;

	ck_assert_int_eq(scan("{\"apiVersion\": \"v1\",\n \"items\": [\n"
	    "  {\"kind\": \"Job\", \"x\": {\"y\": [1, {\"z\": \"}]\"}]}},\n"
	    "  {\"kind\": \"Pod\", \"s\": \"a \\\" { quote\"}\n ],\n"
	    " \"kind\": \"List\"}\n", &s, &where), 0);
	ck_assert_int_eq(s.n, 2);
	ck_assert_str_eq(s.text[0], "{\"kind\": \"Job\", \"x\": {\"y\": [1, "
	    "{\"z\": \"}]\"}]}}");
	ck_assert_int_eq(s.line[0], 3);
	ck_assert_str_eq(s.text[1], "{\"kind\": \"Pod\", \"s\": \"a \\\" { "
	    "quote\"}");
	ck_assert_int_eq(s.line[1], 4);
}
END_TEST

START_TEST(test_scan_stream_and_single)
{
	struct seen s;
	int64_t where;

	ck_assert_int_eq(scan("{\"kind\": \"Job\", \"a\": [\"items\"]}\n"
	    "{\"kind\": \"Job\",\n \"b\": 2}{\"kind\": \"Pod\"}\n", &s, &where),
	    0);
	ck_assert_int_eq(s.n, 3);
	ck_assert_str_eq(s.text[0], "{\"kind\": \"Job\", \"a\": [\"items\"]}");
	ck_assert_str_eq(s.text[1], "{\"kind\": \"Job\",\n \"b\": 2}");
	ck_assert_int_eq(s.line[2], 3);
	/* a nested "items" key is no List */
	ck_assert_int_eq(scan("{\"spec\": {\"items\": [{\"a\": 1}]}}", &s,
	    &where), 0);
	ck_assert_int_eq(s.n, 1);
}
END_TEST

/* Another array split (sacct --json's "jobs"): its elements one by one,
 * then the object around them with the array left empty. */
START_TEST(test_scan_jobs_array)
{
	const char *text = "{\n  \"jobs\": [\n    {\"job_id\": 1},\n"
	    "    {\"job_id\": 2, \"steps\": [{\"s\": 1}]}\n  ],\n"
	    "  \"errors\": [{\"description\": \"x\"}]\n}\n";
	struct k8s_scan *sc;
	struct seen s;
	int64_t where, line = 1;
	const char *p = text, *nl;

	memset(&s, 0, sizeof(s));
	sc = k8s_scan_new_array("jobs", collect, collect, &s);
	while ((nl = strchr(p, '\n')) != NULL) {
		ck_assert_int_eq(k8s_scan_feed(sc, p, (size_t)(nl - p + 1),
		    line++, &where), 0);
		p = nl + 1;
	}
	ck_assert_int_eq(k8s_scan_finish(sc, &where), 0);
	k8s_scan_free(sc);
	ck_assert_int_eq(s.n, 3);
	ck_assert_str_eq(s.text[0], "{\"job_id\": 1}");
	ck_assert_int_eq(s.line[1], 4);
	ck_assert_str_eq(s.text[2], "{\n  \"jobs\": [],\n  \"errors\": "
	    "[{\"description\": \"x\"}]\n}");
	ck_assert_int_eq(s.line[2], 1);
}
END_TEST

/* The first key of an object: on its line, or the next where the line
 * holds only the brace. */
START_TEST(test_scan_first_key)
{
	char key[16];

	ck_assert_int_eq(k8s_scan_first_key("{", 1, "  \"meta\": {", 11, key,
	    sizeof(key)), 0);
	ck_assert_str_eq(key, "meta");
	ck_assert_int_eq(k8s_scan_first_key(" {\"apiVersion\": \"v1\"", 20, "",
	    0, key, sizeof(key)), 0);
	ck_assert_str_eq(key, "apiVersion");
	ck_assert_int_eq(k8s_scan_first_key("{", 1, "", 0, key, sizeof(key)),
	    -1);
	ck_assert_int_eq(k8s_scan_first_key("[", 1, "\"a\"", 3, key,
	    sizeof(key)), -1);
	ck_assert_int_eq(k8s_scan_first_key("{\"unterminated", 14, "", 0, key,
	    sizeof(key)), -1);
}
END_TEST

START_TEST(test_scan_errors)
{
	struct seen s;
	int64_t where = 0;

	ck_assert_int_eq(scan("{\"kind\": \"Job\"}\n{\"kind\": \"J", &s, &where),
	    -1);
	ck_assert_int_eq(s.n, 1);
	ck_assert_int_eq(where, 2);
	ck_assert_int_eq(scan("garbage\n", &s, &where), -1);
	ck_assert_int_eq(where, 1);
}
END_TEST

static void
facts(struct k8s_job_facts *f)
{
	memset(f, 0, sizeof(*f));
	snprintf(f->job_id, sizeof(f->job_id), "ns/j");
	snprintf(f->state, sizeof(f->state), "COMPLETED");
	f->status = 1;
	f->submit = 1000;
	f->start = 1100;
	f->end = 4700;			/* 3600 s */
	f->cpu_per_pod = 0.5;
	f->mem_kb_per_pod = 1024;
	f->gpus_per_pod = 1;
	f->parallelism = 3;
	f->req_time = JOB_UNSET;
}

START_TEST(test_build_without_pods)
{
	struct k8s_pods_summary none = {0, JOB_UNSET, JOB_UNSET, 0, 0};
	struct k8s_job_facts f;
	struct job j;

	facts(&f);
	k8s_build_job(&f, &none, &j);
	ck_assert_int_eq(j.start, 1100);
	ck_assert_double_eq(j.core_seconds, 0.5 * 3 * 3600);
	ck_assert_double_eq(j.gpu_seconds, 3 * 3600);
	ck_assert_int_eq(j.alloc_procs, 2);	/* 1.5 cores, rounded up */
	ck_assert_int_eq(j.req_procs, 2);
	ck_assert_int_eq(j.req_mem_kb, 3072);
	ck_assert_int_eq(j.gpus, 3);
	ck_assert_int_eq(j.nodes, JOB_UNSET);
}
END_TEST

START_TEST(test_build_with_pods)
{
	/* two pods of 1800 s each, one after the other, on 1 node */
	struct k8s_pods_summary pods = {2, 1200, 4700, 3600, 1};
	struct k8s_job_facts f;
	struct job j;

	facts(&f);
	k8s_build_job(&f, &pods, &j);
	ck_assert_int_eq(j.start, 1200);	/* the first pod's start */
	ck_assert_double_eq(j.core_seconds, 0.5 * 3600);
	ck_assert_double_eq(j.gpu_seconds, 3600);
	ck_assert_int_eq(j.alloc_procs, 1);	/* never 0 */
	ck_assert_int_eq(j.nodes, 1);
	/* a job whose pods never started used nothing */
	pods.pods = 0;
	pods.run_seconds = 0;
	f.start = JOB_UNSET;
	k8s_build_job(&f, &pods, &j);
	ck_assert_double_eq(j.core_seconds, 0);
}
END_TEST

Suite *
k8s_suite(void)
{
	Suite *s = suite_create("k8s");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_quantity_grammar);
	tcase_add_test(tc, test_quantity_bad);
	tcase_add_test(tc, test_times);
	tcase_add_test(tc, test_scan_list_items);
	tcase_add_test(tc, test_scan_stream_and_single);
	tcase_add_test(tc, test_scan_errors);
	tcase_add_test(tc, test_scan_jobs_array);
	tcase_add_test(tc, test_scan_first_key);
	tcase_add_test(tc, test_build_without_pods);
	tcase_add_test(tc, test_build_with_pods);
	suite_add_tcase(s, tc);
	return s;
}
