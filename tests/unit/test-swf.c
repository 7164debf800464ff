/* Unit tests: SWF job lines, header and anonymising maps. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "swf/swf.h"
#include "timeutil.h"

/* What fn wrote to a memory stream; the caller frees it. */
static char *
capture_job(const struct swf_job *job)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	ck_assert_int_eq(swf_write_job(fp, job), 0);
	fclose(fp);
	return buf;
}

START_TEST(test_job_line)
{
	struct swf_job j;
	char *line;
	int i;

	for (i = 0; i < SWF_NFIELDS; i++)
		j.f[i] = i + 1;
	j.f[SWF_PRECEDING_JOB] = -1;
	j.f[SWF_THINK_TIME] = -1;
	line = capture_job(&j);
	ck_assert_str_eq(line,
	    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 -1 -1\n");
	free(line);
}
END_TEST

START_TEST(test_idmap_first_appearance)
{
	struct swf_idmap *m = swf_idmap_new();
	char name[32];
	int i;

	ck_assert_int_eq(swf_idmap_get(m, "zeta"), 1);
	ck_assert_int_eq(swf_idmap_get(m, "alpha"), 2);
	ck_assert_int_eq(swf_idmap_get(m, "zeta"), 1);
	ck_assert_int_eq(swf_idmap_get(m, NULL), -1);
	for (i = 0; i < 1000; i++) {	/* past several table growths */
		snprintf(name, sizeof(name), "user%d", i);
		ck_assert_int_eq(swf_idmap_get(m, name), i + 3);
	}
	ck_assert_int_eq(swf_idmap_get(m, "user500"), 503);
	ck_assert_int_eq(swf_idmap_count(m), 1002);
	ck_assert_str_eq(swf_idmap_name(m, 2), "alpha");
	ck_assert_ptr_null(swf_idmap_name(m, 0));
	ck_assert_ptr_null(swf_idmap_name(m, 1003));
	swf_idmap_free(m);
}
END_TEST

START_TEST(test_header)
{
	struct swf_idmap *q = swf_idmap_new(), *p = swf_idmap_new();
	struct swf_header h;
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	timeutil_set_zone("UTC");
	swf_idmap_get(q, "batch");
	swf_idmap_get(q, "gpu");
	swf_idmap_get(p, "hpc1");
	memset(&h, 0, sizeof(h));
	h.computer = "hpc1";
	h.installation = "Example Centre";
	h.conversion = "hpcacct test";
	h.max_jobs = 3;
	h.preemption = 1;
	h.unix_start = 1790812800;
	h.zone = "UTC";
	h.end_time = 1790816400;
	h.max_nodes = 2;
	h.max_procs = 64;
	h.queues = q;
	h.partitions = p;
	h.names = 1;
	h.note = "first\nsecond";
	ck_assert_int_eq(swf_write_header(fp, &h), 0);
	fclose(fp);
	ck_assert_str_eq(buf,
	    "; Version: 2.2\n"
	    "; Computer: hpc1\n"
	    "; Installation: Example Centre\n"
	    "; Conversion: hpcacct test\n"
	    "; MaxJobs: 3\n"
	    "; MaxRecords: 3\n"
	    "; Preemption: Yes\n"
	    "; UnixStartTime: 1790812800\n"
	    "; TimeZoneString: UTC\n"
	    "; StartTime: Thu Oct 01 00:00:00 UTC 2026\n"
	    "; EndTime:   Thu Oct 01 01:00:00 UTC 2026\n"
	    "; MaxNodes: 2\n"
	    "; MaxProcs: 64\n"
	    "; MaxQueues: 2\n"
	    "; Queue: 1 batch\n"
	    "; Queue: 2 gpu\n"
	    "; MaxPartitions: 1\n"
	    "; Partition: 1 hpc1\n"
	    "; Note: first\n"
	    ";       second\n");
	free(buf);
	swf_idmap_free(q);
	swf_idmap_free(p);
}
END_TEST

/* Without --names the maps give numbers only; a newline in a name or the
 * computer can never start a line of its own. */
START_TEST(test_header_anonymous)
{
	struct swf_idmap *q = swf_idmap_new(), *p = swf_idmap_new();
	struct swf_header h;
	char *buf = NULL, *line;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	timeutil_set_zone("UTC");
	swf_idmap_get(q, "secret\n1 0 0 3600 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1");
	swf_idmap_get(p, "hpc1");
	memset(&h, 0, sizeof(h));
	h.computer = "hpc1\n2 0 0";
	h.installation = "x";
	h.conversion = "c";
	h.zone = "UTC";
	h.queues = q;
	h.partitions = p;
	h.note = "n";
	ck_assert_int_eq(swf_write_header(fp, &h), 0);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(buf, "; Queue: 1\n"));
	ck_assert_ptr_nonnull(strstr(buf, "; Partition: 1\n"));
	ck_assert_ptr_null(strstr(buf, "secret"));
	ck_assert_ptr_nonnull(strstr(buf, "; Computer: hpc1?2 0 0\n"));
	for (line = buf; line != NULL && *line != '\0';) {
		ck_assert_int_eq(line[0], ';');
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	free(buf);
	swf_idmap_free(q);
	swf_idmap_free(p);
}
END_TEST

Suite *
swf_suite(void)
{
	Suite *s = suite_create("swf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_job_line);
	tcase_add_test(tc, test_idmap_first_appearance);
	tcase_add_test(tc, test_header);
	tcase_add_test(tc, test_header_anonymous);
	suite_add_tcase(s, tc);
	return s;
}
