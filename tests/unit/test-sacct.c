/* Unit tests: the sacct reader over small inputs held in memory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
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
	job_finish(&s->job[s->njobs]);	/* as the ingest sink does */
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
parse_len(const char *text, size_t len, const char *cluster,
    const char *columns, const char *delimiter, struct seen *s)
{
	struct job_sink sink = {s, on_job, on_reject, on_skip, on_warn, NULL};
	struct sacct_options opt = {cluster, columns, delimiter};
	FILE *fp = fmemopen((void *)text, len, "r");
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

static int
parse(const char *text, const char *cluster, const char *columns,
    struct seen *s)
{
	return parse_len(text, strlen(text), cluster, columns, NULL, s);
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


/* Regression: a continuation longer than the first line moved the record
 * buffer under the field pointers (heap use-after-free, found by fuzzing). */
START_TEST(test_long_continuation_keeps_fields)
{
	struct seen s;
	char text[4096], name[1200];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	snprintf(text, sizeof(text), HEADER
	    "50|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T01:00:00|COMPLETED|0:0|2|2|1G||00:00:00||x\n%s\n"
	    "51|c1|ann|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T01:00:00|COMPLETED|0:0|1|1|1G||00:00:00||y\n", name);
	ck_assert_int_eq(parse(text, NULL, NULL, &s), 0);
	ck_assert_int_eq(s.rejects, 0);
	ck_assert_int_eq(s.njobs, 2);
	ck_assert_str_eq(s.id[0], "50");
	ck_assert_double_eq(s.job[0].core_seconds, 2 * 3600);
	/* a record split inside a middle column, the rest much longer */
	snprintf(text, sizeof(text), HEADER
	    "52|c1|ann|a|bat\nch%s|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T01:00:00|COMPLETED|0:0|2|2|1G||00:00:00||z\n", name);
	ck_assert_int_eq(parse(text, NULL, NULL, &s), 0);
	ck_assert_int_eq(s.rejects, 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_str_eq(s.id[0], "52");
	ck_assert_str_eq(s.cluster[0], "c1");
}
END_TEST

#define GOOD(id) id "|c1|ann|a|batch|2026-10-01T00:00:00|" \
	"2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|0:0|1|1|1G||" \
	"00:00:00||n" id

/* A NUL at the start of a line no longer swallows the good record after
 * it; NULs inside a name are read as '?' with a warning. */
START_TEST(test_nul_bytes)
{
	static const char text[] = HEADER "\0\0\0junk\n" GOOD("60") "\n"
	    GOOD("61") "\0tail\n";
	struct seen s;

	ck_assert_int_eq(parse_len(text, sizeof(text) - 1, NULL, NULL, NULL,
	    &s), 0);
	ck_assert_int_eq(s.njobs, 2);
	ck_assert_int_eq(s.rejects, 1);
	ck_assert_int_eq(s.reject_line[0], 2);
	ck_assert_str_eq(s.id[0], "60");
	ck_assert_str_eq(s.name[1], "n61?tail");
	ck_assert_int_ge(s.warnings, 2);
}
END_TEST

/* CR-only line endings and a UTF-8 byte order mark are read, not lost. */
START_TEST(test_cr_and_bom)
{
	struct seen s;

	ck_assert_int_eq(parse("JobID|Submit|Start|End|State|AllocCPUS\r"
	    "70|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|"
	    "COMPLETED|2\r71|2026-10-01T00:00:00|2026-10-01T00:00:00|"
	    "2026-10-01T00:30:00|COMPLETED|2\r", NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 2);
	ck_assert_double_eq(s.job[1].core_seconds, 3600);
	ck_assert_int_eq(parse("\xef\xbb\xbfJobID|Submit|Start|End|State\n"
	    "72|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|"
	    "COMPLETED\n", NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_str_eq(s.id[0], "72");
}
END_TEST

#define TIMES_HEADER "JobID|Submit|Start|End|Elapsed|State|AllocCPUS|" \
	"Timelimit\n"

/* End=Unknown with Start and Elapsed known (CANCELLED by N): derived. */
START_TEST(test_end_from_elapsed)
{
	struct seen s;

	ck_assert_int_eq(parse(TIMES_HEADER
	    "80|2026-10-01T00:00:00|2026-10-01T00:10:00|Unknown|01:00:00|"
	    "CANCELLED by 1001|4|02:00:00\n", NULL, NULL, &s), 0);
	ck_assert_int_eq(s.rejects, 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_int_eq(s.job[0].end - s.job[0].start, 3600);
	ck_assert_double_eq(s.job[0].core_seconds, 4 * 3600);
	ck_assert_int_eq(s.job[0].status, SWF_CANCELLED);
}
END_TEST

/* At the October fall-back the hour 02:00-03:00 happens twice in Berlin:
 * Elapsed tells which reading is meant. */
START_TEST(test_dst_ambiguous_start)
{
	struct seen s;
	struct job_sink sink = {&s, on_job, on_reject, on_skip, on_warn, NULL};
	struct sacct_options opt = {NULL, NULL, NULL};
	static const char text[] = TIMES_HEADER
	    "81|2026-10-25T01:00:00|2026-10-25T02:30:00|2026-10-25T02:10:00|"
	    "00:40:00|COMPLETED|2|01:00:00\n";
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	struct linereader *lr = linereader_new(fp);
	char err[128];

	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(timeutil_set_zone("Europe/Berlin"), 0);
	ck_assert_int_eq(sacct_parse(lr, "dst.psv", &opt, &sink, err,
	    sizeof(err)), 0);
	linereader_free(lr);
	fclose(fp);
	timeutil_set_zone("UTC");
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_int_eq(s.job[0].end - s.job[0].start, 2400);
	ck_assert_double_eq(s.job[0].core_seconds, 2 * 2400);
	ck_assert_int_eq(s.warnings, 0);
}
END_TEST

/* Absurd values are warnings and unknown values; the job is kept. */
START_TEST(test_out_of_range)
{
	struct seen s;

	ck_assert_int_eq(parse(TIMES_HEADER
	    "90|2026-10-01T00:00:00|2026-10-01T00:00:00|9999-12-31T23:59:59|"
	    "01:00:00|COMPLETED|2|99999999999-00:00:00\n"
	    "91|1900-01-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|"
	    "01:00:00|COMPLETED|2|01:00:00\n"
	    "92|2026-10-01T00:00:00|2026-10-01T00:00:00|2100-01-01T00:00:00|"
	    "9999999-00:00:00|COMPLETED|2|01:00:00\n", NULL, NULL, &s), 0);
	ck_assert_int_eq(s.rejects, 0);
	ck_assert_int_eq(s.njobs, 3);
	/* End 9999: derived from Start + Elapsed; Timelimit unknown */
	ck_assert_int_eq(s.job[0].end - s.job[0].start, 3600);
	ck_assert_int_eq(s.job[0].req_time, JOB_UNSET);
	/* Submit 1900: placed at its start */
	ck_assert_int_eq(s.job[1].submit, s.job[1].start);
	/* End 2100 and an absurd Elapsed: kept, usage unknown */
	ck_assert_double_lt(s.job[2].core_seconds, 0);
	ck_assert_int_eq(s.job[2].end, s.job[2].start);
	ck_assert_int_ge(s.warnings, 5);
}
END_TEST

/* NCPUS and AllocCPUS are the allocation, over AllocTRES cpu= (an XDMoD
 * log has NCPUS=108 with AllocTRES cpu=100); NNodes over node=. */
START_TEST(test_column_precedence)
{
	struct seen s;

	ck_assert_int_eq(parse("JobID|Submit|Start|End|State|NCPUS|NNodes|"
	    "AllocTRES\n"
	    "95|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|"
	    "COMPLETED|108|3|cpu=100,node=4\n", NULL, NULL, &s), 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_int_eq(s.job[0].alloc_procs, 108);
	ck_assert_int_eq(s.job[0].nodes, 3);
}
END_TEST

/* sacct --delimiter: one byte or several. */
START_TEST(test_delimiter)
{
	static const char hash[] = "JobID#Submit#Start#End#State#JobName\n"
	    "96#2026-10-01T00:00:00#2026-10-01T00:00:00#2026-10-01T01:00:00#"
	    "COMPLETED#a|b#c\n";
	static const char multi[] = "JobID:::Submit:::Start:::End:::State\n"
	    "97:::2026-10-01T00:00:00:::2026-10-01T00:00:00:::"
	    "2026-10-01T00:20:00:::TIMEOUT\n";
	struct seen s;

	ck_assert_int_eq(parse_len(hash, strlen(hash), NULL, NULL, "#", &s),
	    0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_str_eq(s.name[0], "a|b#c");
	ck_assert_int_eq(parse_len(multi, strlen(multi), NULL, NULL, ":::",
	    &s), 0);
	ck_assert_int_eq(s.njobs, 1);
	ck_assert_str_eq(s.id[0], "97");
	ck_assert_str_eq(s.job[0].state, "TIMEOUT");
	ck_assert_int_eq(s.job[0].end - s.job[0].start, 1200);
}
END_TEST

/* linereader_peek() after an unread: the next line, left unread, also
 * where reading it moves the buffer (lines longer than its first size);
 * the pushed-back line stays intact. */
START_TEST(test_linereader_peek)
{
	size_t n = 300000 + 17, i;	/* over the first buffer size */
	char *text = malloc(2 * n + 8), *line;
	const char *next;
	struct linereader *lr;
	FILE *fp;

	memset(text, 'a', n);
	text[n] = '\n';
	memset(text + n + 1, 'b', n);
	memcpy(text + 2 * n + 1, "\nc\n", 4);
	fp = fmemopen(text, strlen(text), "r");
	lr = linereader_new(fp);
	ck_assert_int_eq(linereader_peek(lr, &next), -1);	/* no unread */
	ck_assert_int_eq(linereader_next(lr, &line), (ssize_t)n);
	linereader_unread(lr);
	ck_assert_int_eq(linereader_peek(lr, &next), (ssize_t)n);
	for (i = 0; i < n; i++)
		if (next[i] != 'b')
			break;
	ck_assert_uint_eq(i, n);
	ck_assert_int_eq(linereader_next(lr, &line), (ssize_t)n);
	ck_assert_int_eq(line[0], 'a');
	ck_assert_int_eq(line[n - 1], 'a');
	ck_assert_int_eq(linereader_lineno(lr), 1);
	ck_assert_int_eq(linereader_next(lr, &line), (ssize_t)n);
	ck_assert_int_eq(line[0], 'b');
	ck_assert_int_eq(linereader_next(lr, &line), 1);
	ck_assert_str_eq(line, "c");
	ck_assert_int_eq(linereader_next(lr, &line), -1);
	linereader_free(lr);
	fclose(fp);
	free(text);
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
	tcase_add_test(tc, test_long_continuation_keeps_fields);
	tcase_add_test(tc, test_nul_bytes);
	tcase_add_test(tc, test_cr_and_bom);
	tcase_add_test(tc, test_end_from_elapsed);
	tcase_add_test(tc, test_dst_ambiguous_start);
	tcase_add_test(tc, test_out_of_range);
	tcase_add_test(tc, test_column_precedence);
	tcase_add_test(tc, test_delimiter);
	tcase_add_test(tc, test_linereader_peek);
	suite_add_tcase(s, tc);
	return s;
}
