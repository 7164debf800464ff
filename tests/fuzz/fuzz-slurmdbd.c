/*
 * libFuzzer target for the live Slurm reader (parsers/slurmdbd.h), whose
 * input is libslurm's records rather than text: each input line builds
 * one, and the records go through the conversion into a private
 * in-memory database as ingest --from-slurmdbd would store them.
 *
 *   J|jobid|array_job_id|array_task_id|array_task_str|het_job_id|
 *     het_job_offset|submit|eligible|start|end|elapsed|state|exitcode|
 *     requid|req_cpus|alloc_nodes|timelimit|tres_alloc_str|tres_req_str|
 *     user|uid|gid|account|partition|jobname|cluster|qosid|tot_cpu_sec|
 *     tot_cpu_usec          a job record (an empty string field: NULL)
 *   S|ntasks|tot_cpu_sec|tot_cpu_usec|tres_usage_in_max
 *                           a step of the job before
 *   T|TIME|NAMES, U|NAME|ACCOUNT
 *                           sacctmgr's transaction and user lines, for
 *                           users import --from-slurmdbd
 *
 * GPU TRES ids are 1001 (untyped) and 1002, 1003 (typed).  Built like
 * fuzz-ingest.c (see there), only with libslurm.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <slurm/slurm.h>
#include <slurm/slurmdb.h>

#include "parsers/slurmdbd.h"
#include "store-ingest.h"
#include "store.h"
#include "timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_JOB_FIELDS 29
#define FUZZ_STEP_FIELDS 4

struct fuzz_slurmdbd {
	struct store *st;
	int64_t run;
	List jobs;
	slurmdb_job_rec_t *last;
	char *txn, *users;
	size_t txn_len, users_len;
};

/* Split line at '|' into at most n fields (NULL where absent or empty). */
static void
fuzz_fields(char *line, char **f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		f[i] = line;
		if (line != NULL && (line = strchr(line, '|')) != NULL)
			*line++ = '\0';
		if (f[i] != NULL && *f[i] == '\0')
			f[i] = NULL;
	}
}

static uint64_t
fuzz_num(const char *s)
{
	return s != NULL ? strtoull(s, NULL, 10) : 0;
}

static void
fuzz_job(struct fuzz_slurmdbd *z, char *line)
{
	slurmdb_job_rec_t *r = calloc(1, sizeof(*r));
	char *f[FUZZ_JOB_FIELDS];

	if (r == NULL)
		abort();
	fuzz_fields(line, f, FUZZ_JOB_FIELDS);
	r->jobid = (uint32_t)fuzz_num(f[0]);
	r->array_job_id = (uint32_t)fuzz_num(f[1]);
	r->array_task_id = f[2] != NULL ? (uint32_t)fuzz_num(f[2]) : NO_VAL;
	r->array_task_str = f[3];
	r->het_job_id = (uint32_t)fuzz_num(f[4]);
	r->het_job_offset = f[5] != NULL ? (uint32_t)fuzz_num(f[5]) : NO_VAL;
	r->submit = (time_t)fuzz_num(f[6]);
	r->eligible = (time_t)fuzz_num(f[7]);
	r->start = (time_t)fuzz_num(f[8]);
	r->end = (time_t)fuzz_num(f[9]);
	r->elapsed = (uint32_t)fuzz_num(f[10]);
	r->state = (uint32_t)fuzz_num(f[11]);
	r->exitcode = (uint32_t)fuzz_num(f[12]);
	r->requid = (uint32_t)fuzz_num(f[13]);
	r->req_cpus = (uint32_t)fuzz_num(f[14]);
	r->alloc_nodes = (uint32_t)fuzz_num(f[15]);
	r->timelimit = (uint32_t)fuzz_num(f[16]);
	r->tres_alloc_str = f[17];
	r->tres_req_str = f[18];
	r->user = f[19];
	r->uid = (uint32_t)fuzz_num(f[20]);
	r->gid = (uint32_t)fuzz_num(f[21]);
	r->account = f[22];
	r->partition = f[23];
	r->jobname = f[24];
	r->cluster = f[25];
	r->qosid = (uint32_t)fuzz_num(f[26]);
	r->tot_cpu_sec = fuzz_num(f[27]);
	r->tot_cpu_usec = fuzz_num(f[28]);
	slurm_list_append(z->jobs, r);
	z->last = r;
}

static void
fuzz_step(struct fuzz_slurmdbd *z, char *line)
{
	slurmdb_step_rec_t *s;
	char *f[FUZZ_STEP_FIELDS];

	if (z->last == NULL)
		return;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		abort();
	fuzz_fields(line, f, FUZZ_STEP_FIELDS);
	s->ntasks = (uint32_t)fuzz_num(f[0]);
	s->tot_cpu_sec = fuzz_num(f[1]);
	s->tot_cpu_usec = (uint32_t)fuzz_num(f[2]);
	s->stats.tres_usage_in_max = f[3];
	if (z->last->steps == NULL)
		z->last->steps = slurm_list_create(free);
	slurm_list_append(z->last->steps, s);
}

/* Append line and a newline to *buf. */
static void
fuzz_append(char **buf, size_t *len, const char *line)
{
	size_t n = strlen(line);

	if ((*buf = realloc(*buf, *len + n + 2)) == NULL)
		abort();
	memcpy(*buf + *len, line, n);
	*len += n;
	(*buf)[(*len)++] = '\n';
	(*buf)[*len] = '\0';
}

static int
fuzz_put(void *ctx, const struct job *job)
{
	struct fuzz_slurmdbd *z = ctx;
	struct job j = *job;

	job_finish(&j);
	return store_put_job(z->st, &j, z->run) == STORE_PUT_ERROR ? -1 : 0;
}

static void
fuzz_note(void *ctx, int64_t line, const char *reason)
{
	(void)ctx, (void)line, (void)reason;
}

static int
fuzz_user(void *ctx, const char *name, int64_t created, const char *account)
{
	struct fuzz_slurmdbd *z = ctx;
	struct store_user u = {name, created, "slurmdbd", NULL, NULL, NULL,
	    account};

	return store_user_put(z->st, &u) != 0;
}

static void
fuzz_free_job(void *p)
{
	slurmdb_job_rec_t *r = p;

	if (r->steps != NULL)
		slurm_list_destroy(r->steps);
	free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint32_t typed[] = {1002, 1003};
	struct fuzz_slurmdbd z;
	struct job_sink sink = {&z, fuzz_put, fuzz_note, fuzz_note,
	    fuzz_note, NULL};
	struct slurmdbd *d = slurmdbd_offline("fuzz", 1001, typed, 2);
	char *text = malloc(size + 1), *line, *next, err[256];
	int64_t record = 0;

	if (text == NULL || d == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	timeutil_set_zone("UTC");
	memset(&z, 0, sizeof(z));
	z.jobs = slurm_list_create(fuzz_free_job);
	z.st = store_open(":memory:", STORE_OPEN_CREATE, err, sizeof(err));
	if (z.st == NULL || store_begin(z.st) != 0 ||
	    (z.run = store_run_begin(z.st, "slurmdbd:fuzz", "slurmdbd", 0)) < 0)
		abort();
	for (line = text; line != NULL; line = next) {
		if ((next = memchr(line, '\n', size - (size_t)(line - text))) !=
		    NULL)
			*next++ = '\0';
		if (strncmp(line, "J|", 2) == 0)
			fuzz_job(&z, line + 2);
		else if (strncmp(line, "S|", 2) == 0)
			fuzz_step(&z, line + 2);
		else if (strncmp(line, "T|", 2) == 0)
			fuzz_append(&z.txn, &z.txn_len, line + 2);
		else if (strncmp(line, "U|", 2) == 0)
			fuzz_append(&z.users, &z.users_len, line + 2);
	}
	slurmdbd_read_list(d, z.jobs, "slurmdbd:fuzz", &record, &sink);
	if (z.txn != NULL)
		slurmdbd_users_parse(z.txn, z.users, fuzz_user, &z, err,
		    sizeof(err));
	store_commit(z.st);
	store_close(z.st);
	slurm_list_destroy(z.jobs);
	slurmdbd_close(d);
	free(z.txn);
	free(z.users);
	free(text);
	return 0;
}
