/* The job pipe: order, copies of the strings, and a failing consumer. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipe.h"
#include "suites.h"

struct seen {
	int64_t n;		/* jobs consumed */
	int64_t fail_at;	/* consume() fails on this job; -1 never */
	int in_order;
};

static int
consume(void *ctx, const struct job *j)
{
	struct seen *s = ctx;
	char want[32];

	snprintf(want, sizeof(want), "%lld", (long long)s->n);
	if (j->submit != s->n || strcmp(j->job_id, want) != 0 ||
	    (s->n % 3 == 0 ? j->job_name == NULL ||
	    strlen(j->job_name) != (size_t)(s->n % 5000) : j->job_name != NULL))
		s->in_order = 0;
	if (s->n++ == s->fail_at)
		return -1;
	return 0;
}

/* Send n jobs whose strings live in one buffer the sender rewrites. */
static int
send_all(struct pipe *p, int64_t n)
{
	static char id[32], name[5001];
	struct job j;
	int64_t i;

	for (i = 0; i < n; i++) {
		job_clear(&j);
		snprintf(id, sizeof(id), "%lld", (long long)i);
		j.job_id = id;
		j.submit = i;
		if (i % 3 == 0) {	/* names up to 5000 bytes: batches grow */
			memset(name, 'x', (size_t)(i % 5000));
			name[i % 5000] = '\0';
			j.job_name = name;
		}
		if (pipe_send(p, &j) != 0)
			return -1;
	}
	return 0;
}

START_TEST(test_order_and_copies)
{
	struct seen s = {0, -1, 1};
	struct pipe *p = pipe_start(consume, &s);

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(send_all(p, 50000), 0);
	ck_assert_int_eq(pipe_finish(p), 0);
	ck_assert_int_eq(s.n, 50000);
	ck_assert(s.in_order);
}
END_TEST

START_TEST(test_consumer_fails)
{
	struct seen s = {0, 3000, 1};
	struct pipe *p = pipe_start(consume, &s);

	ck_assert_ptr_nonnull(p);
	/* The sender learns of the failure within a few batches. */
	ck_assert_int_eq(send_all(p, 200000), -1);
	ck_assert_int_eq(pipe_finish(p), -1);
	ck_assert_int_eq(s.n, 3001);	/* nothing after the failure */
	ck_assert(s.in_order);
}
END_TEST

START_TEST(test_empty)
{
	struct seen s = {0, -1, 1};
	struct pipe *p = pipe_start(consume, &s);

	ck_assert_int_eq(pipe_finish(p), 0);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

Suite *
pipe_suite(void)
{
	Suite *s = suite_create("pipe");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_order_and_copies);
	tcase_add_test(tc, test_consumer_fails);
	tcase_add_test(tc, test_empty);
	suite_add_tcase(s, tc);
	return s;
}
