/* Unit tests: the sacct reader over small inputs held in memory. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "linereader.h"
#include "parsers/sacct.h"
#include "suites.h"
#include "timeutil.h"

#define MAX_JOBS 16

struct seen {
	struct job job[MAX_JOBS];
	char id[MAX_JOBS][32], name[MAX_JOBS][32], cluster[MAX_JOBS][16];
	int njobs, rejects, skips, warnings;
	int64_t reject_line[MAX_JOBS];
};

static int
on_job(void *ctx, const struct job *j)
{
	struct seen *s = ctx;

	ck_assert_int_lt(s->njobs, MAX_JOBS);
	s->job[s->njobs] = *j;
	snprintf(s->id[s->njobs], sizeof(s->id[0]), "%s", j->job_id);
	snprintf(s->name[s->njobs], sizeof(s->name[0]), "%s",
	    j->job_name ? j->job_name : "(null)");
	snprintf(s->cluster[s->njobs], sizeof(s->cluster[0]), "%s",
	    j->cluster);
	s->njobs++;
	return 0;
}

static void
on_reject(void *ctx, int64_t line, const char *reason)
{
	struct seen *s = ctx;

	s->reject_line[s->rejects++] = line;
}

static void
on_skip(void *ctx, int64_t line, const char *reason)
{
	((struct seen *)ctx)->skips++;
}

static void
on_warn(void *ctx, int64_t line, const char *reason)
{
	((struct seen *)ctx)->warnings++;
}

static int
parse(const char *text, const char *cluster, const char *columns,
    struct seen *s)
{
	struct job_sink sink = {s, on_job, on_reject, on_skip, on_warn, NULL,
	    NULL, NULL, NULL};
	struct sacct_options opt = {cluster, columns};
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	struct linereader *lr = linereader_new(fp);
	char err[256];
	int r;

	memset(s, 0, sizeof(*s));
	timeutil_set_zone("UTC");
	r = sacct_parse(lr, "mem.psv", &opt, &sink, err, sizeof(err));
	linereader_free(lr);
	fclose(fp);
	return r;
}

#define HEADER "JobID|Cluster|User|Account|Partition|Submit|Start|End|" \
	"State|ExitCode|AllocCPUS|ReqCPUS|ReqMem|MaxRSS|TotalCPU|NTasks|" \
	"JobName\n"

START_TEST(test_steps_fold_into_job)
{
	struct seen s;

	ck_assert_int_eq(parse(HEADER
	    "7|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:10|"
	    "2026-10-01T01:00:10|COMPLETED|0:0|4|4|8G||00:00:00||job\n"
	    "7.batch|c1||||2026-10-01T00:00:00|2026-10-01T00:00:10|"
	    "2026-10-01T01:00:10|COMPLETED|0:0|4|||1000K|01:00:00|1|batch\n"
	    "7.0|c1||||2026-10-01T00:00:00|2026-10-01T00:00:12|"
	    "2026-10-01T01:00:00|COMPLETED|0:0|4|||3000K|02:30:00.5|4|0\n"
	    "7.extern|c1||||2026-10-01T00:00:00|2026-10-01T00:00:10|"
	    "2026-10-01T01:00:10|COMPLETED|0:0|4|||100K|00:00:00|1|extern\n",
	    NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_str_eq(s.id[0], "7");
	ck_assert_str_eq(s.cluster[0], "c1");
	ck_assert_double_eq_tol(s.job[0].cpu_time, 3600 + 9000.5, 1e-6);
	ck_assert_int_eq(s.job[0].used_mem_kb, 12000);	/* 3000K x 4 tasks */
	ck_assert_double_eq(s.job[0].core_seconds, 4 * 3600);
	ck_assert_int_eq(s.job[0].req_mem_kb, 8 * 1024 * 1024);
	ck_assert_int_eq(s.job[0].status, SWF_COMPLETED);
}
END_TEST

START_TEST(test_array_ranges_and_pending)
{
	struct seen s;

	ck_assert_int_eq(parse(HEADER
	    "9_[2-4%1]|c1|ann|a|batch|2026-10-01T00:00:00|None|"
	    "2026-10-01T00:05:00|CANCELLED by 500|0:0|0|1|1G||00:00:00||arr\n"
	    "10_[1-100]|c1|ann|a|batch|2026-10-01T00:00:00|None|Unknown|"
	    "PENDING|0:0|0|1|1G||00:00:00||arr\n"
	    "11|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:01|"
	    "Unknown|RUNNING|0:0|1|1|1G||00:00:00||run\n",
	    "override", NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 3);
	ck_assert_str_eq(s.id[0], "9_2");
	ck_assert_str_eq(s.id[2], "9_4");
	ck_assert_int_eq(s.job[2].array_index, 4);
	ck_assert_int_eq(s.job[0].start, JOB_UNSET);
	ck_assert_int_eq(s.job[0].status, SWF_CANCELLED);
	ck_assert_double_eq(s.job[0].core_seconds, 0);
	ck_assert_str_eq(s.cluster[0], "override");
	ck_assert_int_eq(s.skips, 2);
}
END_TEST

START_TEST(test_requeue_incarnations)
{
	struct seen s;

	ck_assert_int_eq(parse(HEADER
	    "5|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:30:00|REQUEUED|0:0|2|2|1G||00:00:00||rq\n"
	    "5.batch|c1||||2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:30:00|CANCELLED|0:15|2|||10K|00:50:00|1|batch\n"
	    "5|c1|ann|a|batch|2026-10-01T00:30:05|2026-10-01T00:31:00|"
	    "2026-10-01T01:31:00|COMPLETED|0:0|2|2|1G||00:00:00||rq\n"
	    "5|c1|ann|a|batch|2026-10-01T01:31:05|None|Unknown|REQUEUED|0:0|"
	    "0|2|1G||00:00:00||rq\n", NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 2);
	ck_assert_str_eq(s.job[0].state, "REQUEUED");
	ck_assert_int_eq(s.job[0].status, SWF_FAILED);
	ck_assert_double_eq(s.job[0].core_seconds, 2 * 1800);
	ck_assert_double_eq(s.job[0].cpu_time, 3000);
	ck_assert_double_eq(s.job[1].core_seconds, 2 * 3600);
	ck_assert_int_ne(s.job[0].submit, s.job[1].submit);
	ck_assert_int_eq(s.skips, 1);	/* the requeued one not yet run */
}
END_TEST

START_TEST(test_lenient_and_rejected)
{
	struct seen s;

	ck_assert_int_eq(parse(HEADER
	    "|c1|ann|a|batch|2026-10-01T00:00:00|None|2026-10-01T00:05:00|"
	    "CANCELLED|0:0|0|1|1G||00:00:00||noid\n"
	    "21|c1|ann|a|batch|Unknown|None|2026-10-01T00:05:00|"
	    "CANCELLED|0:0|0|1|1G||00:00:00||nosubmit\n"
	    "22|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:05:00|SOMETHING_NEW|9|1|1|lots||x||odd\n"
	    "23|c1|ann|a|batch|2026-10-01T00:00:00\n"
	    "24|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:05:00|COMPLETED|0:0|1|1|1G||00:00:00||good\n",
	    NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 2);
	ck_assert_str_eq(s.id[0], "22");
	ck_assert_str_eq(s.job[0].state, "UNKNOWN");
	ck_assert_int_eq(s.job[0].status, SWF_UNKNOWN);
	ck_assert_int_eq(s.job[0].req_mem_kb, JOB_UNSET);
	ck_assert_int_eq(s.job[0].exit_code, JOB_UNSET);
	ck_assert_int_eq(s.warnings, 4);	/* state, exit, ReqMem, CPU */
	ck_assert_int_eq(s.rejects, 3);
	ck_assert_int_eq(s.reject_line[0], 2);
	ck_assert_int_eq(s.reject_line[1], 3);
	ck_assert_int_eq(s.reject_line[2], 5);
	ck_assert_str_eq(s.id[1], "24");
}
END_TEST

START_TEST(test_user_text)
{
	struct seen s;

	ck_assert_int_eq(parse(HEADER
	    "30|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:05:00|COMPLETED|0:0|1|1|1G||00:00:00||a|b|c\n"
	    "31|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:05:00|COMPLETED|0:0|1|1|1G||00:00:00||two\nlines\n"
	    "32|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:05:00|COMPLETED|0:0|1|1|1G||00:00:00||z\n",
	    NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 3);
	ck_assert_str_eq(s.name[0], "a|b|c");
	ck_assert_str_eq(s.name[1], "two\nlines");
	ck_assert_str_eq(s.id[2], "32");
}
END_TEST

START_TEST(test_header_forms)
{
	struct seen s;

	/* any order and case; no Cluster column gives "default" */
	ck_assert_int_eq(parse("state|END|jobid|submit|START|allocCPUS\n"
	    "COMPLETED|2026-10-01T01:00:00|40|2026-10-01T00:00:00|"
	    "2026-10-01T00:00:00|3\n", NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_str_eq(s.cluster[0], "default");
	ck_assert_double_eq(s.job[0].core_seconds, 3 * 3600);
	/* headerless with --columns, sacct --format widths allowed */
	ck_assert_int_eq(parse("41|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:30:00|TIMEOUT\n", NULL,
	    "JobID,Submit,Start,End%20,State", &s), 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_str_eq(s.job[0].state, "TIMEOUT");
	/* headerless without --columns, or a header lacking State */
	ck_assert_int_eq(parse("42|2026-10-01T00:00:00\n", NULL, NULL, &s),
	    -1);
	ck_assert_int_eq(parse("JobID|Submit|Start|End\n", NULL, NULL, &s),
	    -1);
}
END_TEST

Suite *
sacct_suite(void)
{
	Suite *s = suite_create("sacct");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_steps_fold_into_job);
	tcase_add_test(tc, test_array_ranges_and_pending);
	tcase_add_test(tc, test_requeue_incarnations);
	tcase_add_test(tc, test_lenient_and_rejected);
	tcase_add_test(tc, test_user_text);
	tcase_add_test(tc, test_header_forms);
	suite_add_tcase(s, tc);
	return s;
}
