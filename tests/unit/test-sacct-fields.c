/* Unit tests: the value grammars of sacct output. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "parsers/sacct-fields.h"
#include "suites.h"

static struct sacct_jobid
jobid(const char *s)
{
	struct sacct_jobid id;

	ck_assert_int_eq(sacct_parse_jobid(s, strlen(s), &id), 0);
	return id;
}

static int
jobid_bad(const char *s)
{
	struct sacct_jobid id;

	return sacct_parse_jobid(s, strlen(s), &id) != 0;
}

START_TEST(test_jobid_forms)
{
	struct sacct_jobid id;

	id = jobid("123");
	ck_assert_int_eq(id.kind, SACCT_JOB);
	ck_assert_uint_eq(id.job_len, 3);
	id = jobid("123_7");
	ck_assert_int_eq(id.kind, SACCT_ARRAY_TASK);
	ck_assert_uint_eq(id.parent_len, 3);
	ck_assert_int_eq(id.array_index, 7);
	id = jobid("123_[1-3,9%2]");
	ck_assert_int_eq(id.kind, SACCT_ARRAY_RANGE);
	ck_assert_uint_eq(id.range_len, 5);
	ck_assert_int_eq(strncmp(id.range, "1-3,9", id.range_len), 0);
	id = jobid("123+0");
	ck_assert_int_eq(id.kind, SACCT_HET_COMPONENT);
	id = jobid("123.batch");
	ck_assert_int_eq(id.kind, SACCT_STEP);
	ck_assert_uint_eq(id.job_len, 3);
	id = jobid("123_7.extern");
	ck_assert_int_eq(id.kind, SACCT_STEP);
	ck_assert_uint_eq(id.job_len, 5);
	id = jobid("123+1.0");
	ck_assert_int_eq(id.kind, SACCT_STEP);
	ck_assert_uint_eq(id.job_len, 5);
}
END_TEST

START_TEST(test_jobid_bad)
{
	ck_assert(jobid_bad(""));
	ck_assert(jobid_bad("abc"));
	ck_assert(jobid_bad("123_"));
	ck_assert(jobid_bad("123_[1-3"));
	ck_assert(jobid_bad("123_[]"));
	ck_assert(jobid_bad("123_[3-1]"));
	ck_assert(jobid_bad("123."));
	ck_assert(jobid_bad("123+"));
	ck_assert(jobid_bad("123x"));
	ck_assert(jobid_bad("JobID"));
}
END_TEST

START_TEST(test_ranges)
{
	const char *r = "1-3,7,10-11";
	size_t pos = 0;
	int64_t next = -1, last = -1, index, seen[8];
	int n = 0;

	while (sacct_range_next(r, strlen(r), &pos, &next, &last, &index) == 1)
		seen[n++] = index;
	ck_assert_int_eq(n, 6);
	ck_assert_int_eq(seen[0], 1);
	ck_assert_int_eq(seen[2], 3);
	ck_assert_int_eq(seen[3], 7);
	ck_assert_int_eq(seen[5], 11);
	ck_assert_int_eq(sacct_range_count("1-500", 5), 500);
	ck_assert_int_eq(sacct_range_count("4", 1), 1);
	ck_assert_int_eq(sacct_range_count("1-3,", 4), -1);
	ck_assert_int_eq(sacct_range_count("1-x", 3), -1);
}
END_TEST

/* The tasks sacct_array_tasks() gives, as "1 2 3 " into buf. */
static int
collect_task(void *ctx, int64_t index)
{
	char *buf = ctx;
	size_t n = strlen(buf);

	snprintf(buf + n, 128 - n, "%lld ", (long long)index);
	return 0;
}

static const char *
tasks_of(const char *s, char *buf, int *rc)
{
	buf[0] = '\0';
	*rc = sacct_array_tasks(s, strlen(s), collect_task, buf);
	return buf;
}

static int
stop_task(void *ctx, int64_t index)
{
	(void)ctx;
	return index == 2;
}

START_TEST(test_array_tasks)
{
	char buf[128];
	int rc;

	/* slurmdbd's hex mask: the last digit holds tasks 0-3 */
	ck_assert_str_eq(tasks_of("0x1E", buf, &rc), "1 2 3 4 ");
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(tasks_of("0x101", buf, &rc), "0 8 ");
	ck_assert_str_eq(tasks_of("0XA0", buf, &rc), "5 7 ");
	/* sacct's range, the throttle left out */
	ck_assert_str_eq(tasks_of("1-3,9%2", buf, &rc), "1 2 3 9 ");
	ck_assert_int_eq(rc, 0);
	tasks_of("0x1G", buf, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(buf, "");	/* a bad mask gives no task */
	tasks_of("1-", buf, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(sacct_array_tasks("1-5", 3, stop_task, NULL), 1);
}
END_TEST

static enum sacct_state
state(const char *s, int64_t *by)
{
	enum sacct_state st;

	ck_assert_int_eq(sacct_parse_state(s, strlen(s), &st, by), 0);
	return st;
}

START_TEST(test_states)
{
	enum sacct_state st;
	int64_t by;

	ck_assert_int_eq(state("COMPLETED", &by), SACCT_ST_COMPLETED);
	ck_assert_int_eq(by, -1);
	ck_assert_int_eq(state("CANCELLED by 1002", &by), SACCT_ST_CANCELLED);
	ck_assert_int_eq(by, 1002);
	ck_assert_int_eq(state("CANCELLED by 0", &by), SACCT_ST_CANCELLED);
	ck_assert_int_eq(by, 0);
	ck_assert_int_eq(state("CANCELLED+", &by), SACCT_ST_CANCELLED);
	ck_assert_int_eq(state("OUT_OF_ME+", &by), SACCT_ST_OUT_OF_MEMORY);
	ck_assert_int_eq(state("NODE_FAIL", &by), SACCT_ST_NODE_FAIL);
	ck_assert_int_eq(state("REQUEUED", &by), SACCT_ST_REQUEUED);
	ck_assert(sacct_state_is_final(SACCT_ST_TIMEOUT));
	ck_assert(sacct_state_is_final(SACCT_ST_DEADLINE));
	ck_assert(!sacct_state_is_final(SACCT_ST_PENDING));
	ck_assert(!sacct_state_is_final(SACCT_ST_RUNNING));
	ck_assert(!sacct_state_is_final(SACCT_ST_REQUEUED));
	ck_assert_str_eq(sacct_state_name(SACCT_ST_OUT_OF_MEMORY),
	    "OUT_OF_MEMORY");
	ck_assert_int_eq(sacct_parse_state("WEIRD", 5, &st, &by), -1);
	ck_assert_int_eq(sacct_parse_state("", 0, &st, &by), -1);
	ck_assert_int_eq(sacct_parse_state("+", 1, &st, &by), -1);
}
END_TEST

static double
mem(const char *s, char unit, char *per)
{
	double kb = -1;

	ck_assert_int_eq(sacct_parse_mem(s, strlen(s), unit, &kb, per), 0);
	return kb;
}

START_TEST(test_memory)
{
	char per;
	double kb;

	ck_assert_double_eq(mem("16G", 'M', &per), 16777216);
	ck_assert_int_eq(per, 0);
	ck_assert_double_eq(mem("3000Mc", 'M', &per), 3072000);
	ck_assert_int_eq(per, 'c');
	ck_assert_double_eq(mem("4Gn", 'M', &per), 4194304);
	ck_assert_int_eq(per, 'n');
	ck_assert_double_eq(mem("256M", 'M', &per), 262144);
	ck_assert_double_eq(mem("2048", 'M', &per), 2097152);	/* bare: MB */
	ck_assert_double_eq(mem("3736K", 'K', &per), 3736);
	ck_assert_double_eq(mem("0", 'K', &per), 0);
	ck_assert_double_eq(mem("1.50G", 'M', &per), 1572864);
	ck_assert_double_eq(mem("1T", 'M', &per), 1073741824.0);
	/* the per-CPU flag bit leaked into an old value: 3000 MB per CPU */
	ck_assert_double_eq(mem("2147486648Mn", 'M', &per), 3072000);
	ck_assert_int_eq(per, 'c');
	ck_assert_int_eq(sacct_parse_mem("", 0, 'M', &kb, &per), -1);
	ck_assert_int_eq(sacct_parse_mem("lots", 4, 'M', &kb, &per), -1);
	ck_assert_int_eq(sacct_parse_mem("16X", 3, 'M', &kb, &per), -1);
	ck_assert_int_eq(sacct_parse_mem("16Gc ", 5, 'M', &kb, &per), -1);
	ck_assert_int_eq(sacct_parse_mem("99999999999999G", 15, 'M', &kb,
	    &per), -1);
}
END_TEST

static struct sacct_tres
tres(const char *s)
{
	struct sacct_tres t;

	ck_assert_int_eq(sacct_parse_tres(s, strlen(s), &t), 0);
	return t;
}

START_TEST(test_tres)
{
	struct sacct_tres t;

	t = tres("billing=4,cpu=4,gres/gpu=1,mem=16G,node=1");
	ck_assert_int_eq(t.cpu, 4);
	ck_assert_int_eq(t.node, 1);
	ck_assert_int_eq(t.gpus, 1);
	ck_assert_double_eq(t.mem_kb, 16777216);
	/* typed and untyped: the untyped count, never the sum */
	t = tres("cpu=8,gres/gpu:a100=2,gres/gpu=2,node=1");
	ck_assert_int_eq(t.gpus, 2);
	t = tres("cpu=8,gres/gpu=2,gres/gpu:a100=2,node=1");
	ck_assert_int_eq(t.gpus, 2);
	/* typed only: their sum */
	t = tres("cpu=8,gres/gpu:a100=2,gres/gpu:v100=1");
	ck_assert_int_eq(t.gpus, 3);
	t = tres("billing=1,cpu=1,mem=256M,node=1");
	ck_assert_int_eq(t.gpus, -1);
	ck_assert_double_eq(t.mem_kb, 262144);
	t = tres("");
	ck_assert_int_eq(t.cpu, -1);
	t = tres("cpu=2,energy=123,fs/disk=0,license/matlab=1,gres/gpumem=8G");
	ck_assert_int_eq(t.cpu, 2);
	ck_assert_int_eq(t.gpus, -1);
	ck_assert_int_eq(sacct_parse_tres("cpu", 3, &t), -1);
	ck_assert_int_eq(sacct_parse_tres("cpu=x", 5, &t), -1);
	ck_assert_int_eq(sacct_parse_tres("=4", 2, &t), -1);
}
END_TEST

START_TEST(test_exitcode_and_count)
{
	int64_t code, sig, n;

	ck_assert_int_eq(sacct_parse_exitcode("0:9", 3, &code, &sig), 0);
	ck_assert_int_eq(code, 0);
	ck_assert_int_eq(sig, 9);
	ck_assert_int_eq(sacct_parse_exitcode("127:0", 5, &code, &sig), 0);
	ck_assert_int_eq(code, 127);
	ck_assert_int_eq(sacct_parse_exitcode("1", 1, &code, &sig), -1);
	ck_assert_int_eq(sacct_parse_exitcode("a:b", 3, &code, &sig), -1);
	ck_assert_int_eq(sacct_parse_count("64", 2, &n), 0);
	ck_assert_int_eq(n, 64);
	ck_assert_int_eq(sacct_parse_count("", 0, &n), -1);
	ck_assert_int_eq(sacct_parse_count("6a", 2, &n), -1);
	ck_assert_int_eq(sacct_parse_count("-1", 2, &n), -1);
}
END_TEST

Suite *
sacct_fields_suite(void)
{
	Suite *s = suite_create("sacct-fields");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_jobid_forms);
	tcase_add_test(tc, test_jobid_bad);
	tcase_add_test(tc, test_ranges);
	tcase_add_test(tc, test_array_tasks);
	tcase_add_test(tc, test_states);
	tcase_add_test(tc, test_memory);
	tcase_add_test(tc, test_tres);
	tcase_add_test(tc, test_exitcode_and_count);
	suite_add_tcase(s, tc);
	return s;
}
