/*
 * The sacct --json reader (and slurmrestd's /slurmdb/v0.0.NN/jobs).  The
 * output is one object; its "jobs" array is split job by job (k8s-scan.h)
 * so that memory does not grow with the jobs.  Every data_parser version
 * from dbv0.0.37 (Slurm 22.05) on is read by the JSON type of each value
 * rather than by the version in "meta" (which follows "jobs" from 23.11):
 * a number is plain or tagged {"set", "infinite", "number"}, a state a
 * string or an array, a step id an integer, a string or an object.  The
 * job becomes the same record as from sacct --parsable2 (same job id,
 * array and heterogeneous job ids, states, steps folded in).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "k8s-scan.h"
#include "sacct-fields.h"
#include "sacct-json.h"
#include "xalloc.h"

#define SJ_NO_VAL INT64_C(4294967294)
#define SJ_INFINITE INT64_C(4294967295)

/* What a number field holds. */
enum sj_num { SJ_UNSET, SJ_SET, SJ_INFINITY };

struct sj_parser {
	const struct reader_env *env;
	const struct job_sink *sink;
	int64_t line;
	int failed;
	struct job job;
	char id[96], parent[48];
};

static json_object *
sj_get(json_object *o, const char *key)
{
	json_object *v;

	return json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* o.a.b */
static json_object *
sj_get2(json_object *o, const char *a, const char *b)
{
	return sj_get(sj_get(o, a), b);
}

/*
 * A number: plain (NO_VAL and NO_VAL64 as printed are unset, INFINITE
 * infinite), tagged (v0.0.39 on), or null.
 */
static enum sj_num
sj_number(json_object *o, int64_t *v)
{
	double d;

	*v = 0;
	switch (json_object_get_type(o)) {
	case json_type_int:
		*v = json_object_get_int64(o);
		if (*v == SJ_INFINITE || *v == -1)
			return SJ_INFINITY;
		return *v == SJ_NO_VAL || *v == -2 ? SJ_UNSET : SJ_SET;
	case json_type_double:
		d = json_object_get_double(o);
		if (!isfinite(d) || fabs(d) > 9e15)
			return SJ_UNSET;
		*v = (int64_t)llround(d);
		return SJ_SET;
	case json_type_object:
		if (json_object_get_boolean(sj_get(o, "infinite")))
			return SJ_INFINITY;
		if (!json_object_get_boolean(sj_get(o, "set")))
			return SJ_UNSET;
		return sj_number(sj_get(o, "number"), v) == SJ_SET ? SJ_SET :
		    SJ_UNSET;
	default:
		return SJ_UNSET;
	}
}

/* A number that is set, else JOB_UNSET. */
static int64_t
sj_int(json_object *o)
{
	int64_t v;

	return sj_number(o, &v) == SJ_SET ? v : JOB_UNSET;
}

/* A string that is not empty, else NULL. */
static const char *
sj_string(json_object *o, const char *key)
{
	json_object *v = sj_get(o, key);
	const char *s;

	if (!json_object_is_type(v, json_type_string))
		return NULL;
	s = json_object_get_string(v);
	return s[0] != '\0' ? s : NULL;
}

/* An epoch time: 0 and NO_VAL mean none (not yet, never). */
static int64_t
sj_time(struct sj_parser *p, json_object *o, const char *what)
{
	int64_t t = sj_int(o);

	if (t == JOB_UNSET || t == 0)
		return JOB_UNSET;
	if (!job_time_plausible(t)) {
		job_sink_warnf(p->sink, p->line, "implausible %s time %lld",
		    what, (long long)t);
		return JOB_UNSET;
	}
	return t;
}

/* Whether a state array or string names flag. */
static int
sj_state_has(json_object *state, const char *flag)
{
	size_t i, n;

	if (json_object_is_type(state, json_type_string))
		return strcmp(json_object_get_string(state), flag) == 0;
	n = json_object_is_type(state, json_type_array) ?
	    json_object_array_length(state) : 0;
	for (i = 0; i < n; i++)
		if (json_object_is_type(json_object_array_get_idx(state, i),
		    json_type_string) && strcmp(json_object_get_string(
		    json_object_array_get_idx(state, i)), flag) == 0)
			return 1;
	return 0;
}

/* The base state: a string (to v0.0.39) or an array's first element. */
static const char *
sj_state_base(json_object *state)
{
	if (json_object_is_type(state, json_type_array) &&
	    json_object_array_length(state) > 0)
		state = json_object_array_get_idx(state, 0);
	return json_object_is_type(state, json_type_string) ?
	    json_object_get_string(state) : NULL;
}

/* A TRES list [{type, name, id, count}]: cpu, node, mem (MB) and GPUs
 * (untyped gres/gpu, else the sum of the typed ones). */
static void
sj_tres(json_object *list, struct sacct_tres *t, int64_t *mem_mb)
{
	int64_t typed = -1, count;
	size_t i, n;
	json_object *e;
	const char *type, *name;

	t->cpu = t->node = t->gpus = -1;
	t->mem_kb = -1;
	*mem_mb = -1;
	n = json_object_is_type(list, json_type_array) ?
	    json_object_array_length(list) : 0;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(list, i);
		type = sj_string(e, "type");
		name = sj_string(e, "name");
		count = sj_int(sj_get(e, "count"));
		if (type == NULL || count == JOB_UNSET || count < 0)
			continue;	/* unmeasured energy: null, negative */
		if (strcmp(type, "cpu") == 0)
			t->cpu = count;
		else if (strcmp(type, "node") == 0)
			t->node = count;
		else if (strcmp(type, "mem") == 0)
			*mem_mb = count;
		else if (strcmp(type, "gres") == 0 && name != NULL &&
		    strcmp(name, "gpu") == 0)
			t->gpus = count;
		else if (strcmp(type, "gres") == 0 && name != NULL &&
		    strncmp(name, "gpu:", 4) == 0)
			typed = (typed < 0 ? 0 : typed) + count;
	}
	if (t->gpus < 0)
		t->gpus = typed;
}

static int64_t
sj_size(int64_t v)
{
	return v != JOB_UNSET && v > 0 && v <= JOB_COUNT_MAX ? v : JOB_UNSET;
}

/* Processors, nodes, GPUs, memory and the time limit. */
static void
sj_resources(struct sj_parser *p, json_object *o)
{
	struct job *j = &p->job;
	struct sacct_tres alloc, req;
	int64_t alloc_mem, req_mem, limit;

	sj_tres(sj_get2(o, "tres", "allocated"), &alloc, &alloc_mem);
	sj_tres(sj_get2(o, "tres", "requested"), &req, &req_mem);
	j->alloc_procs = sj_size(alloc.cpu);
	j->req_procs = sj_size(sj_int(sj_get2(o, "required", "CPUs")));
	if (j->req_procs == JOB_UNSET)
		j->req_procs = sj_size(req.cpu);
	j->nodes = sj_size(sj_int(sj_get(o, "allocation_nodes")));
	if (j->nodes == JOB_UNSET)
		j->nodes = sj_size(alloc.node);
	j->gpus = sacct_tres_gpus(&alloc, &req, j->start != JOB_UNSET);
	/* the requested TRES memory: the whole job's, in every version */
	if (req_mem > 0 && req_mem < INT64_C(1) << 40)
		j->req_mem_kb = req_mem * 1024;
	/* unset where unlimited, or the partition's limit */
	if (sj_number(sj_get2(o, "time", "limit"), &limit) == SJ_SET &&
	    limit >= 0 && limit * 60 <= JOB_DURATION_MAX)
		j->req_time = limit * 60;
}

/* CPU seconds of a {seconds, microseconds} pair; < 0 if absent. */
static double
sj_cpu(json_object *t)
{
	int64_t s = sj_int(sj_get(t, "seconds"));
	int64_t us = sj_int(sj_get(t, "microseconds"));

	if (s == JOB_UNSET || s < 0)
		return -1;
	return (double)s + (us != JOB_UNSET && us > 0 ? (double)us / 1e6 :
	    0);
}

/* Steps: their CPU time summed, their peak memory (MaxRSS x tasks). */
static void
sj_steps(struct sj_parser *p, json_object *o)
{
	json_object *steps = sj_get(o, "steps"), *s, *max, *e;
	double cpu, step_cpu = -1, mem_kb = -1, rss;
	int64_t tasks, count;
	size_t i, k, n, m;
	const char *type;

	n = json_object_is_type(steps, json_type_array) ?
	    json_object_array_length(steps) : 0;
	for (i = 0; i < n; i++) {
		s = json_object_array_get_idx(steps, i);
		if ((cpu = sj_cpu(sj_get2(s, "time", "total"))) >= 0)
			step_cpu = (step_cpu < 0 ? 0 : step_cpu) + cpu;
		max = sj_get(sj_get2(s, "tres", "requested"), "max");
		m = json_object_is_type(max, json_type_array) ?
		    json_object_array_length(max) : 0;
		tasks = sj_int(sj_get2(s, "tasks", "count"));
		for (k = 0; k < m; k++) {
			e = json_object_array_get_idx(max, k);
			type = sj_string(e, "type");
			count = sj_int(sj_get(e, "count"));
			if (type == NULL || strcmp(type, "mem") != 0 ||
			    count == JOB_UNSET || count < 0)
				continue;
			rss = (double)count / 1024.0;	/* bytes */
			if (tasks != JOB_UNSET && tasks > 0)
				rss *= (double)tasks;
			if (rss > mem_kb)
				mem_kb = rss;
		}
	}
	cpu = sj_cpu(sj_get2(o, "time", "total"));
	p->job.cpu_time = step_cpu > cpu ? step_cpu : cpu;
	if (mem_kb >= 0)
		p->job.used_mem_kb = job_round(mem_kb);
}

/*
 * Exit code and signal, as ExitCode "code:signal" gives them.  Up to
 * v0.0.39 every normal exit prints "SUCCESS" and 0, whatever the code: a
 * FAILED job's code is unknown there, not 0.
 */
static void
sj_exit(struct sj_parser *p, json_object *o)
{
	json_object *e = sj_get(o, "exit_code"), *sig = sj_get(e, "signal");
	json_object *status = sj_get(e, "status");
	int signaled = sj_state_has(status, "SIGNALED") ||
	    sj_state_has(status, "CORE_DUMPED");
	int64_t code = sj_int(sj_get(e, "return_code"));
	int64_t num = sj_int(sj_get(sig, "signal_id"));

	if (e == NULL)
		return;
	if (json_object_is_type(status, json_type_string) && !signaled &&
	    strcmp(p->job.state, "FAILED") == 0)
		return;
	if (num == JOB_UNSET)
		num = sj_int(sj_get(sig, "id"));
	p->job.exit_code = code != JOB_UNSET && code >= 0 && code < 256 ?
	    code : 0;
	p->job.exit_signal = num != JOB_UNSET && num > 0 && num < 256 &&
	    signaled ? num : 0;
}

/* The JobID sacct prints: "123", "123_7" (array task), "123+1" (het). */
static void
sj_job_id(struct sj_parser *p, json_object *o, int64_t id)
{
	int64_t parent = sj_int(sj_get2(o, "array", "job_id"));
	int64_t task = sj_int(sj_get2(o, "array", "task_id"));
	int64_t het = sj_int(sj_get2(o, "het", "job_id"));
	int64_t off = sj_int(sj_get2(o, "het", "job_offset"));

	if (parent != JOB_UNSET && parent > 0 && task != JOB_UNSET &&
	    task >= 0) {
		snprintf(p->parent, sizeof(p->parent), "%lld",
		    (long long)parent);
		snprintf(p->id, sizeof(p->id), "%lld_%lld", (long long)parent,
		    (long long)task);
		p->job.array_job_id = p->parent;
		p->job.array_index = task;
	} else if (het != JOB_UNSET && het > 0 && off != JOB_UNSET &&
	    off >= 0)
		snprintf(p->id, sizeof(p->id), "%lld+%lld", (long long)het,
		    (long long)off);
	else
		snprintf(p->id, sizeof(p->id), "%lld", (long long)id);
	p->job.job_id = p->id;
}

/* The state; 0 to go on, 1 for a job that has not ended (skipped). */
static int
sj_state(struct sj_parser *p, json_object *o)
{
	json_object *cur = sj_get2(o, "state", "current");
	const char *base = sj_state_base(cur);
	enum sacct_state st = SACCT_ST_UNKNOWN;
	int64_t by;

	if (sj_state_has(cur, "REQUEUED"))	/* ["PENDING", "REQUEUED"] */
		st = SACCT_ST_REQUEUED;
	else if (base == NULL || sacct_parse_state(base, strlen(base), &st,
	    &by) != 0) {
		if (base != NULL)
			job_sink_warnf(p->sink, p->line, "unknown state "
			    "'%.40s'", base);
		st = SACCT_ST_UNKNOWN;
	}
	if (sacct_skip_unended(st, p->job.end != JOB_UNSET, p->job.job_id,
	    p->sink, p->line))
		return 1;
	p->job.state = sacct_state_name(st);
	p->job.raw_state = base;
	p->job.status = sacct_state_status(st);
	return 0;
}

/* Times; -1 (rejected) where the job cannot be placed. */
static int
sj_times(struct sj_parser *p, json_object *o)
{
	json_object *t = sj_get(o, "time");
	struct job *j = &p->job;
	int64_t el = sj_int(sj_get(t, "elapsed"));

	j->submit = sj_time(p, sj_get(t, "submission"), "submission");
	j->eligible = sj_time(p, sj_get(t, "eligible"), "eligible");
	j->start = sj_time(p, sj_get(t, "start"), "start");
	j->end = sj_time(p, sj_get(t, "end"), "end");
	if (j->submit == JOB_UNSET) {
		job_sink_rejectf(p->sink, p->line, "no submission time");
		return -1;
	}
	if (el != JOB_UNSET && (el < 0 || !job_duration_plausible(
	    (double)el)))
		el = JOB_UNSET;
	if (j->end == JOB_UNSET && j->start != JOB_UNSET && el != JOB_UNSET)
		j->end = j->start + el;
	if (j->start != JOB_UNSET && j->end != JOB_UNSET && j->start > j->end)
		j->start = el != JOB_UNSET ? j->end - el : JOB_UNSET;
	return 0;
}

/*
 * A job, or the tasks of an array range that never split off (cancelled
 * while pending: "array": {"job_id": 10, "task": "0x1E"} and no task id),
 * one job per task as sacct -P's "10_[1-4]" gives them.
 */
static int
sj_emit(struct sj_parser *p, json_object *o)
{
	json_object *a = sj_get(o, "array");
	int64_t parent = sj_int(sj_get(a, "job_id"));
	const char *tasks = sj_string(a, "task");

	if (parent == JOB_UNSET || parent <= 0 || p->job.array_job_id != NULL ||
	    tasks == NULL || *tasks == '\0')
		return p->sink->job(p->sink->ctx, &p->job);
	snprintf(p->parent, sizeof(p->parent), "%lld", (long long)parent);
	return sacct_emit_tasks(&p->job, p->parent, tasks, strlen(tasks),
	    p->id, sizeof(p->id), p->sink, p->line);
}

static int
sj_job(struct sj_parser *p, json_object *o)
{
	struct job *j = &p->job;
	int64_t id = sj_int(sj_get(o, "job_id"));

	job_clear(j);
	if (id == JOB_UNSET || id <= 0) {
		job_sink_rejectf(p->sink, p->line, "no job_id");
		return 0;
	}
	sj_job_id(p, o, id);
	if (sj_times(p, o) != 0 || sj_state(p, o) != 0)
		return 0;
	if (j->end == JOB_UNSET) {
		job_sink_rejectf(p->sink, p->line, "no end time");
		return 0;
	}
	j->source_format = "slurm";
	j->source_file = p->env->name;
	j->source_line = p->line;
	j->cluster = p->env->opt->cluster;
	if (j->cluster == NULL)
		j->cluster = sj_string(o, "cluster");
	if (j->cluster == NULL)
		j->cluster = "default";
	j->user = sj_string(o, "user");
	j->group = sj_string(o, "group");
	j->account = sj_string(o, "account");
	j->queue = sj_string(o, "partition");
	j->qos = sj_string(o, "qos");
	j->job_name = sj_string(o, "name");
	sj_resources(p, o);
	sj_steps(p, o);
	sj_exit(p, o);
	return sj_emit(p, o);
}

static int
sj_on_job(void *ctx, const char *text, size_t len, int64_t line)
{
	struct sj_parser *p = ctx;
	enum json_tokener_error jerr;
	json_object *o = json_tokener_parse_verbose(text, &jerr);
	int r;

	(void)len;
	p->line = line;
	if (o == NULL) {
		job_sink_rejectf(p->sink, line, "invalid JSON: %s",
		    json_tokener_error_desc(jerr));
		return 0;
	}
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		job_sink_rejectf(p->sink, line, "a job is not a JSON object");
		return 0;
	}
	r = sj_job(p, o);
	json_object_put(o);
	if (r != 0)
		p->failed = 1;
	return r;
}

/* The object around the jobs: sacct's errors stop nothing here but are
 * reported (the dump may lack jobs), its warnings warned. */
static int
sj_on_top(void *ctx, const char *text, size_t len, int64_t line)
{
	struct sj_parser *p = ctx;
	json_object *o = json_tokener_parse(text), *list, *e;
	const char *what[2] = {"errors", "warnings"};
	size_t i, n;
	int k;

	(void)len;
	if (o == NULL) {
		job_sink_rejectf(p->sink, line, "invalid JSON around the jobs");
		return 0;
	}
	for (k = 0; k < 2; k++) {
		list = sj_get(o, what[k]);
		n = json_object_is_type(list, json_type_array) ?
		    json_object_array_length(list) : 0;
		for (i = 0; i < n; i++) {
			e = json_object_array_get_idx(list, i);
			if (k == 0)
				job_sink_rejectf(p->sink, line, "sacct "
				    "reported an error: %.200s",
				    sj_string(e, "description") ? sj_string(e,
				    "description") : "(no description)");
			else
				job_sink_warnf(p->sink, line, "sacct warned: "
				    "%.200s", sj_string(e, "description") ?
				    sj_string(e, "description") : "(none)");
		}
	}
	json_object_put(o);
	return 0;
}

/* sacct --json is an object whose first key is "meta" or "jobs"
 * (kubectl's are "apiVersion" or "kind"). */
static int
sj_detect(const char *line, size_t len, const char *next, size_t next_len,
    const struct reader_options *opt)
{
	char key[16];

	(void)opt;
	return k8s_scan_first_key(line, len, next, next_len, key,
	    sizeof(key)) == 0 && (strcmp(key, "meta") == 0 ||
	    strcmp(key, "jobs") == 0);
}

static int
sj_read(struct linereader *lr, const struct reader_env *env,
    int64_t *consumed, char *err, size_t errsize)
{
	struct sj_parser p;
	struct k8s_scan *sc;
	int64_t where, last_bad = 0;
	ssize_t len;
	char *line;
	int r = 0;

	memset(&p, 0, sizeof(p));
	p.env = env;
	p.sink = env->sink;
	sc = k8s_scan_new_array("jobs", sj_on_job, sj_on_top, &p);
	while (r == 0 && (len = linereader_next(lr, &line)) >= 0) {
		if (linereader_nuls(lr) > 0)
			job_sink_warnf(p.sink, linereader_lineno(lr), "%d NUL "
			    "bytes, read as '?'", linereader_nuls(lr));
		r = k8s_scan_feed(sc, line, (size_t)len,
		    linereader_lineno(lr), &where);
		if (r == 0)
			r = k8s_scan_feed(sc, "\n", 1, linereader_lineno(lr),
			    &where);
		if (r < 0 && !p.failed) {	/* text outside the object */
			if (where != last_bad)
				p.sink->reject(p.sink->ctx, where, "text "
				    "outside the JSON object");
			last_bad = where;
			r = 0;
		}
	}
	if (r == 0 && !linereader_stopped(lr) &&
	    k8s_scan_finish(sc, &where) != 0)
		p.sink->reject(p.sink->ctx, where, "truncated JSON: the input "
		    "ended inside this object");
	k8s_scan_free(sc);
	*consumed = linereader_offset(lr);
	if (r != 0 || p.failed) {
		snprintf(err, errsize, "stopped: the job could not be stored");
		return -1;
	}
	return linereader_check(lr, err, errsize);
}

const struct reader sacct_json_reader = {
	"slurm-json", "sacct --json output (every data_parser version)",
	0, 0, 0, 1, sj_detect, sj_read
};
