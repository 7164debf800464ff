/*
 * The PostgreSQL store's writes of job rows and of the rollup (see
 * store-pg-int.h).  A file's jobs go in batches of PG_BATCH_JOBS: one
 * statement asks what is stored of them (sql/pg/probe.sql, an index
 * lookup per job), the new ones go straight into job_rows with COPY, the
 * stored ones through job_stage and one UPDATE (sql/pg/stage_update.sql),
 * and the changes to the rollup gather in memory (store-cells.c) until
 * the commit adds them in one statement (sql/pg/rollup_put.sql).
 * Writers of different clusters never wait for each other; two writers
 * of one cluster take turns (an advisory lock per cluster, held to the
 * end of the transaction), so that what a probe saw is what the writes
 * change and the rollup's changes are exact.
 */
#include "config.h"

#ifdef HAVE_POSTGRESQL

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sql/sql.h"
#include "store-cells.h"
#include "store-pg-int.h"
#include "xalloc.h"

/* Jobs asked about and stored at once. */
#define PG_BATCH_JOBS 20000

/* The advisory locks of the writers of each cluster: (this, cluster id);
 * "hpcc" in ASCII (PG_SCHEMA_LOCK in store-pg.c is "hpca"). */
#define PG_CLUSTER_LOCK 0x68706363

/* The columns of job_stage and of a COPY line, before multi. */
#define PG_ROW_COLS 36

struct pg_job {
	int64_t cluster_id, submit, run_number;
	size_t id;		/* its job id in b->ids, NUL-terminated */
	size_t line, len;	/* its COPY line in b->lines, no newline */
	struct rollup_change now, old;
	int64_t delay;		/* from its submit to its begin */
	int stored, multi;
};

/* A map from byte strings to indexes (open addressing, a power of 2;
 * the keys one after the other in arena). */
struct pg_slot {
	size_t off, len, val;
	int used;
};

struct pg_map {
	struct pg_slot *slot;
	size_t n, cap;
	struct pg_buf arena;
};

/* The longest run and wait of a cluster's rows written. */
struct pg_meta {
	int64_t cluster_id, max_run, max_delay;
};

/* A stored incarnation to mark multi: the job of the batch that saw it
 * and its key. */
struct pg_mark {
	size_t job;
	int64_t submit, run_number;
};

struct pg_batch {
	struct pg_job *jobs;
	size_t n, cap;
	struct pg_buf lines, ids, out, arr[4];
	struct pg_map keys, groups;
	struct pg_mark *marks;
	size_t nmarks, capmarks;
	struct rollup_cells *cells;
	int cells_lost;		/* a cell lost runs: drop the empty ones */
	struct pg_meta *meta;
	size_t nmeta, capmeta;
	int64_t *locked;	/* clusters locked in this transaction */
	size_t nlocked, caplocked;
	int64_t outcomes[3];	/* new, updated, unchanged */
	int copying;		/* the last batch's COPY not yet answered */
};

static int pg_copy_wait(struct pgstore *pg, const char *what);
static int pg_cells_flush(struct pgstore *pg);
static int pg_batch_send(struct pgstore *pg);

static uint64_t
pg_map_hash(const char *k, size_t len)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	while (len-- > 0)
		h = (h ^ (unsigned char)*k++) * UINT64_C(0x100000001b3);
	return h ^ (h >> 29);
}

/* The slot of key: where it is, or the free one where it would go. */
static struct pg_slot *
pg_map_slot(struct pg_map *m, const char *key, size_t len)
{
	size_t j = pg_map_hash(key, len) & (m->cap - 1);

	while (m->slot[j].used && (m->slot[j].len != len ||
	    memcmp(m->arena.p + m->slot[j].off, key, len) != 0))
		j = (j + 1) & (m->cap - 1);
	return &m->slot[j];
}

/* key's index, or SIZE_MAX where it has none. */
static size_t
pg_map_get(struct pg_map *m, const char *key, size_t len)
{
	struct pg_slot *s;

	if (m->n == 0)
		return SIZE_MAX;
	s = pg_map_slot(m, key, len);
	return s->used ? s->val : SIZE_MAX;
}

static void
pg_map_put(struct pg_map *m, const char *key, size_t len, size_t val)
{
	struct pg_slot *old = m->slot, *s;
	size_t i, cap = m->cap;

	if (2 * (m->n + 1) > m->cap) {
		m->cap = cap != 0 ? cap * 2 : 65536;
		m->slot = xcalloc(m->cap, sizeof(*m->slot));
		for (i = 0; i < cap; i++)
			if (old[i].used)
				*pg_map_slot(m, m->arena.p + old[i].off,
				    old[i].len) = old[i];
		free(old);
	}
	s = pg_map_slot(m, key, len);
	if (!s->used) {
		s->off = m->arena.len;
		pg_buf_put(&m->arena, key, len);
		s->len = len;
		s->used = 1;
		m->n++;
	}
	s->val = val;
}

static void
pg_map_clear(struct pg_map *m)
{
	if (m->n > 0)
		memset(m->slot, 0, m->cap * sizeof(*m->slot));
	m->n = 0;
	m->arena.len = 0;
}

static void
pg_map_free(struct pg_map *m)
{
	free(m->slot);
	free(m->arena.p);
}

struct pg_batch *
pg_batch_new(void)
{
	struct pg_batch *b = xcalloc(1, sizeof(*b));

	b->cells = rollup_cells_new();
	return b;
}

/* The batch's temporary tables, made the first time one is written (a
 * report never needs them; a rollback takes them away): 0 or -1. */
static int
pg_batch_tables(struct pgstore *pg)
{
	if (pg->staged)
		return 0;
	if (pg_exec_params(pg, sql_pg_stage, 0, NULL, "a batch's table") != 0 ||
	    pg_exec_params(pg, sql_pg_rollup_stage, 0, NULL,
	    "a batch's table") != 0)
		return -1;
	pg->staged = 1;
	return 0;
}

void
pg_batch_free(struct pg_batch *b)
{
	int i;

	if (b == NULL)
		return;
	pg_map_free(&b->keys);
	pg_map_free(&b->groups);
	free(b->jobs);
	free(b->lines.p);
	free(b->ids.p);
	free(b->out.p);
	for (i = 0; i < 4; i++)
		free(b->arr[i].p);
	free(b->marks);
	free(b->meta);
	free(b->locked);
	rollup_cells_free(b->cells);
	free(b);
}

/* The batch's jobs forgotten (stored, or gone with a failure). */
static void
pg_batch_empty(struct pg_batch *b)
{
	b->n = 0;
	b->lines.len = b->ids.len = 0;
	b->nmarks = 0;
	pg_map_clear(&b->keys);
	pg_map_clear(&b->groups);
}

void
pg_batch_drop(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;

	if (b == NULL)
		return;
	if (b->copying)
		pg_copy_wait(pg, "storing jobs");
	b->copying = 0;
	pg_batch_empty(b);
	rollup_cells_clear(b->cells);
	b->cells_lost = 0;
	b->nmeta = b->nlocked = 0;
	memset(b->outcomes, 0, sizeof(b->outcomes));
}

/* b - a where both are known. */
static int64_t
pg_offset(int64_t b, int64_t a)
{
	return a == JOB_UNSET || b == JOB_UNSET ? JOB_UNSET : b - a;
}

/* A COPY line's fields (text format, \N for NULL), the tab before each
 * but the first: an integer (JOB_UNSET NULL), a double (NULL where
 * negative or not a number; an integral one as an integer, which is
 * exact and five times quicker to write than %.17g), a text. */
static void
pg_line_int(struct pg_buf *l, int64_t v, int tab)
{
	char d[24], *p = d + sizeof(d);
	uint64_t u;

	if (tab)
		pg_buf_put(l, "\t", 1);
	if (v == JOB_UNSET) {
		pg_buf_put(l, "\\N", 2);
		return;
	}
	u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	pg_buf_put(l, p, (size_t)(d + sizeof(d) - p));
}

static void
pg_line_real(struct pg_buf *l, double v)
{
	char d[32];

	if (!(v >= 0)) {
		pg_buf_put(l, "\t\\N", 3);
		return;
	}
	if (v < 9007199254740992.0 && v == (double)(int64_t)v) {
		pg_line_int(l, (int64_t)v, 1);
		return;
	}
	pg_buf_put(l, d, (size_t)snprintf(d, sizeof(d), "\t%.17g", v));
}

static void
pg_line_text(struct pgstore *pg, struct pg_buf *l, const char *s)
{
	char *fixed = pg_utf8_copy(pg, s);

	pg_buf_put(l, "\t", 1);
	pg_copy_value(l, fixed != NULL ? fixed : s);
	free(fixed);
}

/* The id of name as a field (the first of the line for the cluster)
 * and, for the rollup, a dimension: 0 or -1. */
static int
pg_line_name(struct pgstore *pg, struct pg_buf *l, int kind,
    const char *name, uint32_t *dim)
{
	int64_t id = pg_name_id(pg, kind, name);

	if (id < 0)
		return -1;
	if (id > (int64_t)UINT32_MAX) {
		snprintf(pg->errbuf, sizeof(pg->errbuf), "%s: over 2^32 names",
		    pg->label);
		return -1;
	}
	if (dim != NULL)
		*dim = (uint32_t)id;
	pg_line_int(l, id == 0 ? JOB_UNSET : id, kind != STORE_KEY_CLUSTER);
	return 0;
}

/* What the rollup takes from job's row as stored (the generated columns
 * of sql/pg/migrate-2.sql), but its dimensions. */
static void
pg_job_change(const struct job *j, struct rollup_change *c)
{
	struct rollup_run r;

	r.has_start = j->start != JOB_UNSET;
	r.start = j->start;
	r.end = j->end;
	r.run_time = r.has_start && j->end - j->start > 0 ?
	    j->end - j->start : 0;
	r.core_seconds = j->core_seconds >= 0 ? j->core_seconds : -1;
	r.gpu_seconds = j->gpu_seconds >= 0 ? j->gpu_seconds : -1;
	r.cpu_time = j->cpu_time >= 0 ? j->cpu_time : -1;
	r.nodes = j->nodes == JOB_UNSET ? NAN : (double)j->nodes;
	rollup_change_values(&r, c);
}

/* The fields of job's line of job_stage (sql/pg/stage.sql) after its
 * cluster and job id, into l; its dimensions but the cluster into c,
 * and its values: 0 or -1. */
static int
pg_job_line(struct pgstore *pg, struct pg_buf *l, const struct job *j,
    int64_t run, struct rollup_change *c)
{
	int64_t from = j->start != JOB_UNSET ? j->start : j->submit;
	uint32_t *d = c->dims;

	pg_line_int(l, j->submit, 1);
	pg_line_int(l, j->run_number, 1);
	pg_line_text(pg, l, j->source_format);
	pg_line_text(pg, l, j->array_job_id);
	pg_line_int(l, j->array_index, 1);
	pg_line_int(l, pg_offset(j->eligible, j->submit), 1);
	pg_line_int(l, pg_offset(j->start, j->submit), 1);
	pg_line_int(l, pg_offset(j->end, from), 1);
	pg_line_int(l, j->alloc_procs, 1);
	pg_line_int(l, j->req_procs, 1);
	pg_line_real(l, j->core_seconds);
	pg_line_real(l, j->cpu_time);
	pg_line_int(l, j->used_mem_kb, 1);
	pg_line_int(l, j->req_time, 1);
	pg_line_int(l, j->req_mem_kb, 1);
	pg_line_int(l, j->nodes, 1);
	pg_line_int(l, j->gpus, 1);
	pg_line_int(l, j->status, 1);
	if (pg_line_name(pg, l, ROLLUP_KIND_STATE, j->state, NULL) != 0 ||
	    pg_line_name(pg, l, ROLLUP_KIND_RAW_STATE, j->raw_state, NULL) != 0)
		return -1;
	pg_line_int(l, j->exit_code, 1);
	pg_line_int(l, j->exit_signal, 1);
	if (pg_line_name(pg, l, STORE_KEY_USER, j->user, &d[1]) != 0)
		return -1;
	pg_line_int(l, j->uid, 1);
	if (pg_line_name(pg, l, STORE_KEY_GROUP, j->group, &d[2]) != 0)
		return -1;
	pg_line_int(l, j->gid, 1);
	if (pg_line_name(pg, l, STORE_KEY_ACCOUNT, j->account, &d[3]) != 0 ||
	    pg_line_name(pg, l, STORE_KEY_QUEUE, j->queue, &d[4]) != 0 ||
	    pg_line_name(pg, l, STORE_KEY_QOS, j->qos, &d[5]) != 0 ||
	    pg_line_name(pg, l, ROLLUP_KIND_JOB_NAME, j->job_name, NULL) != 0 ||
	    pg_line_name(pg, l, ROLLUP_KIND_SOURCE_FILE, j->source_file,
	    NULL) != 0)
		return -1;
	pg_line_int(l, j->source_line, 1);
	pg_line_int(l, run, 1);
	pg_line_real(l, j->gpu_seconds);
	pg_job_change(j, c);
	return 0;
}

/* The key of an incarnation in buf: cluster id, job id, submit time, run
 * number; its length. */
static size_t
pg_key(char *buf, size_t size, int64_t cluster, const char *job_id,
    int64_t submit, int64_t run_number)
{
	int n = snprintf(buf, size, "%lld\x1f%s\x1f%lld\x1f%lld",
	    (long long)cluster, job_id, (long long)submit,
	    (long long)run_number);

	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

enum store_put
pgstore_put_job(struct pgstore *pg, const struct job *job, int64_t run)
{
	return pg_batch_put(pg, job, run) == 0 ? STORE_PUT_QUEUED :
	    STORE_PUT_ERROR;
}

/* A new job of the batch at b->jobs[b->n]. */
static struct pg_job *
pg_job_new(struct pg_batch *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap != 0 ? b->cap * 2 : 1024;
		b->jobs = xreallocarray(b->jobs, b->cap, sizeof(*b->jobs));
	}
	memset(&b->jobs[b->n], 0, sizeof(b->jobs[b->n]));
	return &b->jobs[b->n];
}

/* Add job to the batch, its job id as the server takes it: 0 or -1. */
static int
pg_batch_add(struct pgstore *pg, const struct job *job, const char *id,
    int64_t run)
{
	struct pg_batch *b = pg->batch;
	size_t klen, line = b->lines.len;
	char key[1200];
	struct pg_job *j;
	uint32_t cluster;

	if (pg_line_name(pg, &b->lines, STORE_KEY_CLUSTER, job->cluster,
	    &cluster) != 0)
		return -1;
	/* a batch holds a key once: its probe tells one row's story */
	klen = pg_key(key, sizeof(key), cluster, id, job->submit,
	    job->run_number);
	if (pg_map_get(&b->keys, key, klen) != SIZE_MAX) {
		b->lines.len = line;	/* the next batch's */
		if (pg_batch_send(pg) != 0)
			return -1;
		return pg_batch_add(pg, job, id, run);
	}
	j = pg_job_new(b);
	pg_line_text(pg, &b->lines, id);
	if (pg_job_line(pg, &b->lines, job, run, &j->now) != 0)
		return -1;
	pg_map_put(&b->keys, key, klen, b->n++);
	j->now.dims[0] = cluster;
	j->cluster_id = cluster;
	j->submit = job->submit;
	j->run_number = job->run_number;
	j->delay = job->start != JOB_UNSET ? job->start - job->submit :
	    job->end - job->submit;
	j->id = b->ids.len;
	pg_buf_put(&b->ids, id, strlen(id) + 1);
	j->line = line;
	j->len = b->lines.len - line;
	return 0;
}

int
pg_batch_put(struct pgstore *pg, const struct job *job, int64_t run)
{
	char *fixed;
	int rc;

	if (pg_write_begin(pg) != 0 || pg->batch_failed)
		return -1;
	fixed = pg_utf8_copy(pg, job->job_id);
	rc = pg_batch_add(pg, job, fixed != NULL ? fixed : job->job_id, run);
	free(fixed);
	if (rc == 0 && pg->batch->n >= PG_BATCH_JOBS)
		rc = pg_batch_send(pg);
	return rc;
}

/* The writers of the batch's clusters locked (once per transaction):
 * 0 or -1. */
static int
pg_batch_lock(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	char k1[24], k2[24];
	const char *v[2] = {k1, k2};
	size_t i, l;

	snprintf(k1, sizeof(k1), "%d", PG_CLUSTER_LOCK);
	for (i = 0; i < b->n; i++) {
		for (l = 0; l < b->nlocked; l++)
			if (b->locked[l] == b->jobs[i].cluster_id)
				break;
		if (l < b->nlocked)
			continue;
		snprintf(k2, sizeof(k2), "%lld",
		    (long long)b->jobs[i].cluster_id);
		if (pg_exec_params(pg, sql_pg_lock_cluster, 2, v, "waiting for "
		    "another writer of the cluster") != 0)
			return -1;
		if (b->nlocked == b->caplocked) {
			b->caplocked = b->caplocked != 0 ? b->caplocked * 2 : 8;
			b->locked = xreallocarray(b->locked, b->caplocked,
			    sizeof(*b->locked));
		}
		b->locked[b->nlocked++] = b->jobs[i].cluster_id;
	}
	return 0;
}

/* An integer as an element of an array's text form. */
static void
pg_arr_int(struct pg_buf *a, int64_t v)
{
	char n[24];

	pg_buf_put(a, a->len > 1 ? "," : "", a->len > 1);
	pg_buf_put(a, n, (size_t)snprintf(n, sizeof(n), "%lld",
	    (long long)v));
}

/* A text as a quoted element of an array's text form. */
static void
pg_arr_text(struct pg_buf *a, const char *s)
{
	pg_buf_put(a, a->len > 1 ? ",\"" : "\"", a->len > 1 ? 2 : 1);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			pg_buf_put(a, "\\", 1);
		pg_buf_put(a, s, 1);
	}
	pg_buf_put(a, "\"", 1);
}

static void
pg_arr_start(struct pg_batch *b)
{
	int i;

	for (i = 0; i < 4; i++) {
		b->arr[i].len = 0;
		pg_buf_put(&b->arr[i], "{", 1);
	}
}

/* The first n arrays (at most four) closed, as the parameters v of a
 * statement. */
static void
pg_arr_end(struct pg_batch *b, const char **v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		pg_buf_put(&b->arr[i], "}", 2);	/* and a NUL */
		v[i] = b->arr[i].p;
	}
}

/* The least and greatest submit time of the batch, as text. */
static void
pg_batch_span(const struct pg_batch *b, char *lo, char *hi, size_t size)
{
	int64_t a = INT64_MAX, z = INT64_MIN;
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (b->jobs[i].submit < a)
			a = b->jobs[i].submit;
		if (b->jobs[i].submit > z)
			z = b->jobs[i].submit;
	}
	snprintf(lo, size, "%lld", (long long)a);
	snprintf(hi, size, "%lld", (long long)z);
}

static int64_t
pg_get_int(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? JOB_UNSET :
	    strtoll(PQgetvalue(r, row, col), NULL, 10);
}

static double
pg_get_real(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? -1 :
	    strtod(PQgetvalue(r, row, col), NULL);
}

/* What the rollup takes from a row of a result: the dimensions after
 * the cluster at columns first to first + 4, then start, end, run time,
 * core seconds, nodes, GPU seconds and CPU time. */
static void
pg_get_change(PGresult *r, int row, int first, int64_t cluster,
    struct rollup_change *c)
{
	struct rollup_run run;
	int i;

	c->dims[0] = (uint32_t)cluster;
	for (i = 0; i < 5; i++)
		c->dims[1 + i] = PQgetisnull(r, row, first + i) ? 0 :
		    (uint32_t)strtoull(PQgetvalue(r, row, first + i), NULL, 10);
	first += 5;
	run.has_start = !PQgetisnull(r, row, first);
	run.start = pg_get_int(r, row, first);
	run.end = pg_get_int(r, row, first + 1);
	run.run_time = pg_get_int(r, row, first + 2);
	run.core_seconds = pg_get_real(r, row, first + 3);
	run.nodes = PQgetisnull(r, row, first + 4) ? NAN :
	    strtod(PQgetvalue(r, row, first + 4), NULL);
	run.gpu_seconds = pg_get_real(r, row, first + 5);
	run.cpu_time = pg_get_real(r, row, first + 6);
	rollup_change_values(&run, c);
}

static void
pg_mark_add(struct pg_batch *b, size_t job, int64_t submit, int64_t run)
{
	if (b->nmarks == b->capmarks) {
		b->capmarks = b->capmarks != 0 ? b->capmarks * 2 : 64;
		b->marks = xreallocarray(b->marks, b->capmarks,
		    sizeof(*b->marks));
	}
	b->marks[b->nmarks++] = (struct pg_mark){job, submit, run};
}

/* One row of the probe: the job's own row (stored), or another
 * incarnation of its job (the job is one of several). */
static void
pg_probe_row(struct pg_batch *b, PGresult *r, int row)
{
	size_t k = (size_t)strtoull(PQgetvalue(r, row, 0), NULL, 10) - 1;
	struct pg_job *j;

	if (k >= b->n)
		return;
	j = &b->jobs[k];
	if (strcmp(PQgetvalue(r, row, 1), "t") == 0) {
		j->stored = 1;
		pg_get_change(r, row, 5, j->cluster_id, &j->old);
		return;
	}
	j->multi = 1;
	if (strcmp(PQgetvalue(r, row, 4), "0") == 0)
		pg_mark_add(b, k, pg_get_int(r, row, 2), pg_get_int(r, row, 3));
}

/* Ask what is stored of the batch (sql/pg/probe.sql): 0 or -1. */
static int
pg_batch_probe(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	const char *v[6];
	char lo[24], hi[24];
	PGresult *res;
	size_t i;
	int row;

	pg_arr_start(b);
	for (i = 0; i < b->n; i++) {
		pg_arr_int(&b->arr[0], b->jobs[i].cluster_id);
		pg_arr_text(&b->arr[1], b->ids.p + b->jobs[i].id);
		pg_arr_int(&b->arr[2], b->jobs[i].submit);
		pg_arr_int(&b->arr[3], b->jobs[i].run_number);
	}
	pg_arr_end(b, v, 4);
	pg_batch_span(b, lo, hi, sizeof(lo));
	v[4] = lo;
	v[5] = hi;
	res = PQexecParams(pg->conn, sql_pg_probe, 6, NULL, v, NULL, NULL, 0);
	if (pg_ok(pg, res, "storing jobs") != 0)
		return -1;
	for (row = 0; row < PQntuples(res); row++)
		pg_probe_row(b, res, row);
	PQclear(res);
	return 0;
}

/* The new jobs of one job of several, in the batch or stored, are
 * multi. */
static void
pg_batch_groups(struct pg_batch *b)
{
	char key[1100];
	size_t i, first;
	int n;

	for (i = 0; i < b->n; i++) {
		if (b->jobs[i].stored)
			continue;
		n = snprintf(key, sizeof(key), "%lld\x1f%s",
		    (long long)b->jobs[i].cluster_id, b->ids.p + b->jobs[i].id);
		if (n < 0 || (size_t)n >= sizeof(key))
			n = (int)sizeof(key) - 1;
		first = pg_map_get(&b->groups, key, (size_t)n);
		if (first == SIZE_MAX) {
			pg_map_put(&b->groups, key, (size_t)n, i);
			continue;
		}
		b->jobs[first].multi = b->jobs[i].multi = 1;
	}
}

/* Send out, lines of COPY, with the statement sql: 0 or -1.  Its
 * outcome comes with pg_copy_wait(). */
static int
pg_copy_send(struct pgstore *pg, const char *sql, const struct pg_buf *out,
    const char *what)
{
	PGresult *res = PQexec(pg->conn, sql);

	if (PQresultStatus(res) != PGRES_COPY_IN) {
		if (pg_ok(pg, res, what) == 0) {
			PQclear(res);
			snprintf(pg->errbuf, sizeof(pg->errbuf), "%s: %s: no "
			    "COPY", pg->label, what);
		}
		return -1;
	}
	PQclear(res);
	if (PQputCopyData(pg->conn, out->p, (int)out->len) != 1 ||
	    PQputCopyEnd(pg->conn, NULL) != 1)
		return pg_fail(pg, pg->conn, what);
	return 0;
}

/* The outcome of the COPY sent last: 0 or -1. */
static int
pg_copy_wait(struct pgstore *pg, const char *what)
{
	PGresult *res;
	int ok = 1;

	while ((res = PQgetResult(pg->conn)) != NULL)
		if (pg_ok(pg, res, what) == 0)
			PQclear(res);
		else
			ok = 0;
	return ok ? 0 : -1;
}

static int
pg_copy(struct pgstore *pg, const char *sql, const struct pg_buf *out,
    const char *what)
{
	if (pg_copy_send(pg, sql, out, what) != 0) {
		pg_copy_wait(pg, what);
		return -1;
	}
	return pg_copy_wait(pg, what);
}

/* The batch sent last stored: 0 or -1. */
static int
pg_batch_wait(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;

	if (b == NULL || !b->copying)
		return 0;
	b->copying = 0;
	if (pg_copy_wait(pg, "storing jobs") == 0)
		return 0;
	pg->batch_failed = 1;
	return -1;
}

static void
pg_meta_note(struct pg_batch *b, int64_t cluster, int64_t run,
    int64_t delay)
{
	size_t i;

	for (i = 0; i < b->nmeta && b->meta[i].cluster_id != cluster; i++)
		;
	if (i == b->nmeta) {
		if (b->nmeta == b->capmeta) {
			b->capmeta = b->capmeta != 0 ? b->capmeta * 2 : 8;
			b->meta = xreallocarray(b->meta, b->capmeta,
			    sizeof(*b->meta));
		}
		b->meta[b->nmeta++] = (struct pg_meta){cluster, 0, 0};
	}
	if (run > b->meta[i].max_run)
		b->meta[i].max_run = run;
	if (delay > b->meta[i].max_delay)
		b->meta[i].max_delay = delay;
}

/* The new jobs into job_rows (sql/pg/copy_rows.sql), and into the
 * rollup: 0 or -1. */
static int
pg_batch_insert(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	struct pg_job *j;
	size_t i;

	b->out.len = 0;
	for (i = 0; i < b->n; i++) {
		j = &b->jobs[i];
		if (j->stored)
			continue;
		pg_buf_put(&b->out, b->lines.p + j->line, j->len);
		pg_buf_put(&b->out, j->multi ? "\t1\n" : "\t0\n", 3);
		rollup_cells_apply(b->cells, &j->now, 1);
		pg_meta_note(b, j->cluster_id, j->now.run_time, j->delay);
		b->outcomes[0]++;
	}
	if (b->out.len == 0)
		return 0;
	/* answered while the next batch is read (pg_batch_wait()) */
	b->copying = 1;
	return pg_copy_send(pg, sql_pg_copy_rows, &b->out, "storing jobs");
}

/* One row sql/pg/stage_update.sql changed: its rollup change. */
static void
pg_updated_row(struct pg_batch *b, PGresult *r, int row)
{
	char key[1200];
	int64_t cluster = pg_get_int(r, row, 0);
	struct rollup_change now;
	struct pg_job *j;
	size_t k, len;

	len = pg_key(key, sizeof(key), cluster, PQgetvalue(r, row, 1),
	    pg_get_int(r, row, 2), pg_get_int(r, row, 3));
	if ((k = pg_map_get(&b->keys, key, len)) == SIZE_MAX)
		return;
	j = &b->jobs[k];
	pg_get_change(r, row, 4, cluster, &now);
	rollup_cells_apply(b->cells, &j->old, -1);
	rollup_cells_apply(b->cells, &now, 1);
	pg_meta_note(b, cluster, now.run_time, j->delay);
	b->outcomes[1]++;
	b->outcomes[2]--;
}

/* The stored jobs merged into their rows (sql/pg/stage_update.sql): 0 or
 * -1. */
static int
pg_batch_update(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	const char *v[2];
	char lo[24], hi[24];
	PGresult *res;
	size_t i;
	int row;

	b->out.len = 0;
	for (i = 0; i < b->n; i++)
		if (b->jobs[i].stored) {
			pg_buf_put(&b->out, b->lines.p + b->jobs[i].line,
			    b->jobs[i].len);
			pg_buf_put(&b->out, "\n", 1);
			b->outcomes[2]++;
		}
	if (b->out.len == 0)
		return 0;
	pg_batch_span(b, lo, hi, sizeof(lo));
	v[0] = lo;
	v[1] = hi;
	if (pg_batch_tables(pg) != 0 ||
	    pg_copy(pg, sql_pg_stage_copy, &b->out,
	    "storing jobs") != 0)
		return -1;
	res = PQexecParams(pg->conn, sql_pg_stage_update, 2, NULL, v, NULL,
	    NULL, 0);
	if (pg_ok(pg, res, "storing jobs") != 0)
		return -1;
	for (row = 0; row < PQntuples(res); row++)
		pg_updated_row(b, res, row);
	PQclear(res);
	return pg_exec_params(pg, sql_pg_stage_clear, 0, NULL,
	    "storing jobs");
}

/* Stored incarnations of a job that now has several marked multi
 * (sql/pg/multi_mark.sql): 0 or -1. */
static int
pg_batch_mark(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	const char *v[6];
	char l[24], h[24];
	struct pg_mark *m;
	size_t i, n = 0;

	pg_arr_start(b);
	for (i = 0; i < b->nmarks; i++) {
		m = &b->marks[i];
		if (b->jobs[m->job].stored)
			continue;	/* its row was there: so were these */
		pg_arr_int(&b->arr[0], b->jobs[m->job].cluster_id);
		pg_arr_text(&b->arr[1], b->ids.p + b->jobs[m->job].id);
		pg_arr_int(&b->arr[2], m->submit);
		pg_arr_int(&b->arr[3], m->run_number);
		lo = m->submit < lo ? m->submit : lo;
		hi = m->submit > hi ? m->submit : hi;
		n++;
	}
	if (n == 0)
		return 0;
	pg_arr_end(b, v, 4);
	snprintf(l, sizeof(l), "%lld", (long long)lo);
	snprintf(h, sizeof(h), "%lld", (long long)hi);
	v[4] = l;
	v[5] = h;
	return pg_exec_params(pg, sql_pg_multi_mark, 6, v, "storing jobs");
}

/* Store the batch, leaving its new rows' COPY to be answered: 0 or -1. */
static int
pg_batch_send(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	int rc;

	if (pg_batch_wait(pg) != 0 || pg->batch_failed)
		return -1;
	if (b == NULL || b->n == 0)
		return 0;
	/* the rollup's changes out before they grow: memory stays flat */
	if (rollup_cells_count(b->cells) >= ROLLUP_FLUSH_CELLS &&
	    pg_cells_flush(pg) != 0) {
		pg->batch_failed = 1;
		return -1;
	}
	rc = pg_batch_lock(pg) != 0 || pg_batch_probe(pg) != 0;
	if (rc == 0) {
		pg_batch_groups(b);
		rc = pg_batch_update(pg) != 0 || pg_batch_mark(pg) != 0 ||
		    pg_batch_insert(pg) != 0;
	}
	pg_batch_empty(b);
	if (rc != 0)
		pg->batch_failed = 1;
	return rc ? -1 : 0;
}

int
pg_batch_flush(struct pgstore *pg)
{
	if (pg->batch == NULL)	/* making it */
		return 0;
	if (pg_batch_send(pg) != 0 || pg_batch_wait(pg) != 0)
		return -1;
	if (rollup_cells_count(pg->batch->cells) >= ROLLUP_FLUSH_CELLS &&
	    pg_cells_flush(pg) != 0) {
		pg->batch_failed = 1;
		return -1;
	}
	return 0;
}

int
pg_batch_outcomes(struct pgstore *pg, int64_t n[3])
{
	int i;

	if (pg_batch_flush(pg) != 0)
		return -1;
	for (i = 0; i < 3; i++) {
		n[i] += pg->batch->outcomes[i];
		pg->batch->outcomes[i] = 0;
	}
	return 0;
}

int
pgstore_put_outcomes(struct pgstore *pg, int64_t n[3])
{
	return pg_batch_outcomes(pg, n);
}

/* A cell as a line of rollup_stage. */
static void
pg_cell_line(struct pg_buf *out, const struct rollup_cell *c)
{
	char t[64];
	int i;

	pg_buf_put(out, t, (size_t)snprintf(t, sizeof(t), "%u\t%lld",
	    c->key.level, (long long)c->key.bucket));
	for (i = 0; i < ROLLUP_NDIMS; i++)
		pg_buf_put(out, t, (size_t)snprintf(t, sizeof(t), "\t%u",
		    c->key.dims[i]));
	pg_buf_put(out, t, (size_t)snprintf(t, sizeof(t), "\t%lld\t%lld",
	    (long long)c->runs_overlap, (long long)c->runs_start));
	for (i = 0; i < ROLLUP_NVALUES; i++)
		pg_buf_put(out, t, (size_t)snprintf(t, sizeof(t), "\t%.17g",
		    c->v[i]));
	pg_buf_put(out, "\n", 1);
}

/* The longest runs and waits written, per cluster, into rollup_meta:
 * 0 or -1. */
static int
pg_meta_flush(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	const char *v[3];
	size_t i;

	if (b->nmeta == 0)
		return 0;
	pg_arr_start(b);
	for (i = 0; i < b->nmeta; i++) {
		pg_arr_int(&b->arr[0], b->meta[i].cluster_id);
		pg_arr_int(&b->arr[1], b->meta[i].max_run);
		pg_arr_int(&b->arr[2], b->meta[i].max_delay);
	}
	pg_arr_end(b, v, 3);
	b->nmeta = 0;
	return pg_exec_params(pg, sql_pg_rollup_meta_put, 3, v,
	    "storing the rollup");
}

/* The rollup's changes waiting, added to the rollup table
 * (sql/pg/rollup_put.sql): 0 or -1. */
static int
pg_cells_flush(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;
	const struct rollup_cell *cells;
	size_t i, n;
	int lost = 0;

	cells = rollup_cells_sorted(b->cells, &n);
	b->out.len = 0;
	for (i = 0; i < n; i++) {
		pg_cell_line(&b->out, &cells[i]);
		lost |= cells[i].runs_overlap < 0;
	}
	rollup_cells_clear(b->cells);
	if (n == 0)
		return 0;
	if (pg_batch_tables(pg) != 0 ||
	    pg_copy(pg, sql_pg_rollup_stage_copy, &b->out,
	    "storing the rollup") != 0 ||
	    pg_exec(pg, pg->conn, sql_pg_rollup_put, "storing the rollup") != 0 ||
	    (lost && pg_exec(pg, pg->conn, sql_pg_rollup_drop,
	    "storing the rollup") != 0))
		return -1;
	return pg_exec_params(pg, sql_pg_rollup_stage_clear, 0, NULL,
	    "storing the rollup");
}

int
pg_batch_commit(struct pgstore *pg)
{
	struct pg_batch *b = pg->batch;

	if (pg_batch_flush(pg) != 0 || pg_cells_flush(pg) != 0 ||
	    pg_meta_flush(pg) != 0) {
		pg->batch_failed = 1;
		return -1;
	}
	b->nlocked = 0;		/* the commit lets them go */
	return 0;
}

/* Every writer of any cluster waits, in cluster order: 0 or -1. */
static int
pg_lock_all(struct pgstore *pg)
{
	char k[24];
	const char *v[1] = {k};

	snprintf(k, sizeof(k), "%d", PG_CLUSTER_LOCK);
	return pg_exec_params(pg, sql_pg_lock_clusters, 1, v,
	    "waiting for the writers");
}

struct pg_forget {
	struct pgstore *pg;
	int64_t *n;
};

/* A row of sql/pg/forget.sql: a job row removed (its rollup change
 * taken back), or the counts. */
static int
pg_forget_row(PGresult *r, void *arg)
{
	struct pg_forget *f = arg;
	struct pg_batch *b = f->pg->batch;
	struct rollup_change c;

	if (strcmp(PQgetvalue(r, 0, 0), "1") == 0) {
		f->n[0] = pg_get_int(r, 0, 1);
		f->n[1] = pg_get_int(r, 0, 2);
		return 0;
	}
	pg_get_change(r, 0, 2, pg_get_int(r, 0, 1), &c);
	rollup_cells_apply(b->cells, &c, -1);
	return 0;
}

int
pgstore_forget(struct pgstore *pg, const char *path, int64_t run,
    int64_t n[2])
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_forget f = {pg, n};

	if (pg_write_begin(pg) != 0 || pg_batch_flush(pg) != 0 ||
	    pg_lock_all(pg) != 0)
		return -1;
	pg_param_text(&p, path);
	pg_param_int(&p, path == NULL ? run : JOB_UNSET);
	return pg_each_row(pg, NULL, sql_pg_forget, &p, pg_forget_row, &f,
	    "forgetting");
}

struct pg_rebuild {
	struct pgstore *pg;
};

static int
pg_rebuild_row(PGresult *r, void *arg)
{
	struct pg_batch *b = ((struct pg_rebuild *)arg)->pg->batch;
	struct rollup_change c;

	pg_get_change(r, 0, 1, pg_get_int(r, 0, 0), &c);
	rollup_cells_apply(b->cells, &c, 1);
	return 0;
}

int
pg_rollup_rebuild(struct pgstore *pg)
{
	struct pg_params p = {{0}, {{0}}, 0};
	struct pg_rebuild arg = {pg};
	PGresult *res;
	int64_t lo, hi, y;

	if (pg_exec(pg, pg->conn, sql_pg_rollup_clear, "building the rollup")
	    != 0)
		return -1;
	res = PQexec(pg->conn, sql_pg_submit_span);
	if (pg_ok(pg, res, "building the rollup") != 0)
		return -1;
	lo = pg_get_int(res, 0, 0);
	hi = pg_get_int(res, 0, 1);
	PQclear(res);
	if (lo == JOB_UNSET)
		return 0;
	/* a year of rows at a time, so that the cells stay few */
	for (y = lo; y <= hi; y += 31536000) {
		p.n = 0;
		pg_param_int(&p, y);
		pg_param_int(&p, y + 31536000);
		if (pg_each_row(pg, NULL, sql_pg_rollup_rows, &p,
		    pg_rebuild_row, &arg, "building the rollup") != 0 ||
		    pg_batch_flush(pg) != 0)
			return -1;
	}
	return pg_cells_flush(pg);
}

#endif
