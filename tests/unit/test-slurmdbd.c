/* Unit tests for the live Slurm reader (parsers/slurmdbd.h): libslurm's
 * records built here as slurmdbd gives them, and sacctmgr's user lines. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/slurmdbd.h"
#include "suites.h"

#ifdef HAVE_SLURM
#include <slurm/slurm.h>
#include <slurm/slurmdb.h>

/* What the sink got: up to 8 jobs, their strings copied. */
struct got {
	struct job job[8];
	char id[8][64], state[8][64], raw[8][64], parent[8][32];
	int n, rejected, skipped;
};

static int
got_job(void *ctx, const struct job *j)
{
	struct got *g = ctx;

	ck_assert_int_lt(g->n, 8);
	g->job[g->n] = *j;
	snprintf(g->id[g->n], sizeof(g->id[0]), "%s", j->job_id);
	snprintf(g->state[g->n], sizeof(g->state[0]), "%s", j->state);
	snprintf(g->raw[g->n], sizeof(g->raw[0]), "%s", j->raw_state);
	snprintf(g->parent[g->n], sizeof(g->parent[0]), "%s",
	    j->array_job_id != NULL ? j->array_job_id : "");
	g->n++;
	return 0;
}

static void
got_reject(void *ctx, int64_t line, const char *reason)
{
	(void)line, (void)reason;
	((struct got *)ctx)->rejected++;
}

static void
got_skip(void *ctx, int64_t line, const char *reason)
{
	(void)line, (void)reason;
	((struct got *)ctx)->skipped++;
}

static void
got_warn(void *ctx, int64_t line, const char *reason)
{
	(void)ctx, (void)line, (void)reason;
}

/* A finished job as slurmdbd records one. */
static slurmdb_job_rec_t *
rec(uint32_t id, uint32_t state)
{
	slurmdb_job_rec_t *r = calloc(1, sizeof(*r));

	ck_assert_ptr_nonnull(r);
	r->jobid = id;
	r->array_task_id = NO_VAL;
	r->het_job_offset = NO_VAL;
	r->submit = 1796165504;
	r->eligible = 1796165504;
	r->start = 1796165600;
	r->end = 1796169200;
	r->elapsed = 3600;
	r->state = state;
	r->requid = NO_VAL;
	r->req_cpus = 8;
	r->alloc_nodes = 2;
	r->timelimit = 120;
	r->user = "ann";
	r->uid = 1003;
	r->gid = 0;	/* root's group: a name on every system */
	r->account = "phys";
	r->partition = "gpu";
	r->cluster = "lab";
	return r;
}

static void
free_rec(void *p)
{
	slurmdb_job_rec_t *r = p;

	if (r->steps != NULL)
		slurm_list_destroy(r->steps);
	free(r);
}

static struct got *
convert(List l)
{
	static struct got g;
	static const uint32_t typed[] = {1002, 1003};
	struct job_sink sink = {&g, got_job, got_reject, got_skip, got_warn,
	    NULL};
	struct slurmdbd *d = slurmdbd_offline("lab", 1001, typed, 2);
	int64_t record = 0;

	memset(&g, 0, sizeof(g));
	ck_assert_int_eq(slurmdbd_read_list(d, l, "slurmdbd:lab", &record,
	    &sink), 0);
	slurmdbd_close(d);
	slurm_list_destroy(l);
	return &g;
}

START_TEST(test_job_record)
{
	List l = slurm_list_create(free_rec);
	slurmdb_job_rec_t *r = rec(20, JOB_COMPLETE);
	slurmdb_step_rec_t *s1 = calloc(1, sizeof(*s1));
	slurmdb_step_rec_t *s2 = calloc(1, sizeof(*s2));
	struct got *g;

	r->tres_alloc_str = "1=8,2=32768,4=2,1001=2,5=8";
	r->tres_req_str = "1=8,2=32768,4=2,1001=2";
	r->tot_cpu_sec = 3;
	r->tot_cpu_usec = 500000;
	/* steps: 10.25 s of CPU, MaxRSS 2 MiB x 4 tasks the peak */
	s1->ntasks = 4;
	s1->tot_cpu_sec = 10;
	s1->tot_cpu_usec = 0;
	s1->stats.tres_usage_in_max = "1=0,2=2097152,6=0";
	s2->ntasks = 1;
	s2->tot_cpu_usec = 250000;
	s2->stats.tres_usage_in_max = "2=4194304";
	r->steps = slurm_list_create(free);
	slurm_list_append(r->steps, s1);
	slurm_list_append(r->steps, s2);
	r->exitcode = 2 << 8;	/* exit(2) */
	slurm_list_append(l, r);
	g = convert(l);
	ck_assert_int_eq(g->n, 1);
	ck_assert_str_eq(g->id[0], "20");
	ck_assert_str_eq(g->state[0], "COMPLETED");
	ck_assert_int_eq(g->job[0].alloc_procs, 8);
	ck_assert_int_eq(g->job[0].nodes, 2);
	ck_assert_int_eq(g->job[0].gpus, 2);
	ck_assert_int_eq(g->job[0].req_mem_kb, 32768 * 1024);
	ck_assert_int_eq(g->job[0].req_time, 7200);
	ck_assert_int_eq(g->job[0].used_mem_kb, 8192);
	ck_assert_double_eq_tol(g->job[0].cpu_time, 10.25, 1e-9);
	ck_assert_int_eq(g->job[0].exit_code, 2);
	ck_assert_int_eq(g->job[0].exit_signal, 0);
	ck_assert_int_eq(g->job[0].start, 1796165600);
	ck_assert_int_eq(g->job[0].end, 1796169200);
	ck_assert_int_eq(g->job[0].gid, 0);
	ck_assert_str_eq(g->job[0].source_file, "slurmdbd:lab");
}
END_TEST

START_TEST(test_ids_states)
{
	List l = slurm_list_create(free_rec);
	slurmdb_job_rec_t *r;
	struct got *g;

	r = rec(31, JOB_TIMEOUT);	/* het component 30+1, typed GPUs */
	r->het_job_id = 30;
	r->het_job_offset = 1;
	r->tres_alloc_str = "1=4,4=1,1002=1,1003=2";
	r->exitcode = 9;	/* killed by SIGKILL */
	slurm_list_append(l, r);
	r = rec(40, JOB_PENDING | JOB_REQUEUE);	/* an earlier incarnation */
	r->tres_alloc_str = "1=1,4=1";
	slurm_list_append(l, r);
	r = rec(41, JOB_CANCELLED);	/* array task 40_3, cancelled by 0 */
	r->array_job_id = 40;
	r->array_task_id = 3;
	r->requid = 0;
	r->tres_alloc_str = "1=1,4=1";
	slurm_list_append(l, r);
	r = rec(50, JOB_RUNNING);	/* not ended: skipped */
	r->end = 0;
	slurm_list_append(l, r);
	r = rec(60, JOB_COMPLETE);	/* no submit time: rejected */
	r->submit = 0;
	slurm_list_append(l, r);
	g = convert(l);
	ck_assert_int_eq(g->n, 3);
	ck_assert_int_eq(g->skipped, 1);
	ck_assert_int_eq(g->rejected, 1);
	ck_assert_str_eq(g->id[0], "30+1");
	ck_assert_str_eq(g->state[0], "TIMEOUT");
	ck_assert_int_eq(g->job[0].gpus, 3);
	ck_assert_int_eq(g->job[0].exit_code, 0);
	ck_assert_int_eq(g->job[0].exit_signal, 9);
	ck_assert_str_eq(g->state[1], "REQUEUED");
	ck_assert_str_eq(g->id[2], "40_3");
	ck_assert_str_eq(g->parent[2], "40");
	ck_assert_int_eq(g->job[2].array_index, 3);
	ck_assert_str_eq(g->raw[2], "CANCELLED by 0");
	ck_assert_int_eq(g->job[2].gpus, 0);	/* TRES without GPUs */
}
END_TEST

START_TEST(test_never_started_range)
{
	List l = slurm_list_create(free_rec);
	slurmdb_job_rec_t *r = rec(10, JOB_CANCELLED);
	struct got *g;

	/* an array cancelled before any task ran: one record, tasks 1-4 */
	r->array_job_id = 10;
	r->array_task_str = "0x1E";
	r->start = (time_t)NO_VAL;
	r->end = 1796165504;
	r->elapsed = 0;
	r->alloc_nodes = 0;
	r->timelimit = INFINITE;
	r->tres_req_str = "1=1,2=256,4=1,1001=1";
	slurm_list_append(l, r);
	g = convert(l);
	ck_assert_int_eq(g->n, 4);
	ck_assert_str_eq(g->id[0], "10_1");
	ck_assert_str_eq(g->id[3], "10_4");
	ck_assert_str_eq(g->parent[3], "10");
	ck_assert_int_eq(g->job[0].start, JOB_UNSET);
	ck_assert_int_eq(g->job[0].nodes, JOB_UNSET);
	ck_assert_int_eq(g->job[0].alloc_procs, JOB_UNSET);
	ck_assert_int_eq(g->job[0].req_time, JOB_UNSET);
	ck_assert_int_eq(g->job[0].gpus, 1);	/* requested, never ran */
}
END_TEST

#endif

/* Users slurmdbd added, as users_parse gives them. */
struct users_got {
	char line[8][128];
	int n;
};

static int
users_got(void *ctx, const char *name, int64_t created, const char *account)
{
	struct users_got *u = ctx;

	ck_assert_int_lt(u->n, 8);
	snprintf(u->line[u->n++], sizeof(u->line[0]), "%s %lld %s", name,
	    (long long)created, account != NULL ? account : "-");
	return 0;
}

START_TEST(test_users_parse)
{
	char txn[] = "2026-12-01T22:49:50|labann\n"
	    "2026-12-01T22:49:51|labbob,labcho\n"
	    "no bar here\n";
	char users[] = "labann|phys\nlabbob|\nlabcho|chem\nroot|root\n";
	char bad[] = "yesterday|labann\n";
	struct users_got u;
	char err[128];

	memset(&u, 0, sizeof(u));
	ck_assert_int_eq(slurmdbd_users_parse(txn, users, users_got, &u, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(u.n, 3);
	ck_assert_str_eq(u.line[0], "labann 1796165390 phys");
	ck_assert_str_eq(u.line[1], "labbob 1796165391 -");
	ck_assert_str_eq(u.line[2], "labcho 1796165391 chem");
	ck_assert_int_eq(slurmdbd_users_parse(bad, users, users_got, &u, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "yesterday"));
}
END_TEST

Suite *
slurmdbd_suite(void)
{
	Suite *s = suite_create("slurmdbd");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_users_parse);
#ifdef HAVE_SLURM
	tcase_add_test(tc, test_job_record);
	tcase_add_test(tc, test_ids_states);
	tcase_add_test(tc, test_never_started_range);
#endif
	suite_add_tcase(s, tc);
	return s;
}
