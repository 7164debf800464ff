/*
 * PBS accounting reader.  Each line is split into its date, record type,
 * job id and key=value attributes (pbs-fields.c); the attributes hpcacct
 * needs are picked out by name and NUL-terminated in place, so job strings
 * point into the line.  Epoch attributes are authoritative; the line's
 * date (local time) stands in only where one is missing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pbs-fields.h"
#include "pbs.h"
#include "timeutil.h"
#include "xalloc.h"

enum attr {
	A_USER, A_GROUP, A_ACCOUNT, A_PROJECT, A_JOBNAME, A_QUEUE,
	A_CTIME, A_QTIME, A_ETIME, A_START, A_END,
	A_EXEC_HOST, A_EXEC_VNODE, A_EXIT_STATUS, A_RUN_COUNT,
	A_RL_NCPUS, A_RL_NODECT, A_RL_NODES, A_RL_WALLTIME, A_RL_MEM,
	A_RL_NGPUS, A_RL_GPUS,
	A_RU_NCPUS, A_RU_CPUT, A_RU_MEM, A_RU_WALLTIME,
	A_TOTAL_SLOTS, A_UNIQUE_NODES,
	/* present only in TORQUE records */
	A_OWNER, A_RESOURCE_REQUEST, A_RL_NEEDNODES,
	A_COUNT
};

static const char *const attr_names[A_COUNT] = {
	"user", "group", "account", "project", "jobname", "queue",
	"ctime", "qtime", "etime", "start", "end",
	"exec_host", "exec_vnode", "Exit_status", "run_count",
	"Resource_List.ncpus", "Resource_List.nodect", "Resource_List.nodes",
	"Resource_List.walltime", "Resource_List.mem",
	"Resource_List.ngpus", "Resource_List.gpus",
	"resources_used.ncpus", "resources_used.cput", "resources_used.mem",
	"resources_used.walltime",
	"total_execution_slots", "unique_node_count",
	"owner", "Resource_Request_2.0", "Resource_List.neednodes",
};

/* The record types that hpcacct reads; the others are not split. */
#define JOB_RECORD_TYPES "EQSRDA"

/* One parsed record: attribute values as NUL-terminated strings. */
struct record {
	struct pbs_line line;
	struct pbs_jobid id;
	char *val[A_COUNT];	/* NULL when absent */
	int64_t line_time;	/* the line's date, as epoch */
	int64_t lineno;
	enum pbs_dialect dialect;
};

/* The attributes of the current record, in order; grown as needed. */
struct attrs {
	struct pbs_attr *a;
	unsigned char *shadowed;	/* a later attribute has its key */
	size_t n, cap;
	size_t *slot;			/* hash set of keys: index + 1 */
	size_t nslots;
};

struct parser {
	const char *name;
	const struct reader_options *opt;
	const struct job_sink *sink;
	const struct reader_state *state;
	char cluster[256];	/* cluster_of()'s result */
	char parent[32];	/* array parent id of the current record */
	struct attrs attrs;
};

int
pbs_is_record(const char *line, size_t len)
{
	return pbs_looks_like_record(line, len);
}

static int
attr_index(const char *key, size_t len)
{
	int i;

	for (i = 0; i < A_COUNT; i++)
		if (strlen(attr_names[i]) == len &&
		    memcmp(attr_names[i], key, len) == 0)
			return i;
	return -1;
}

static void
attrs_add(struct attrs *t, const struct pbs_attr *a)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->a = xreallocarray(t->a, t->cap, sizeof(*t->a));
		t->shadowed = xreallocarray(t->shadowed, t->cap, 1);
	}
	t->shadowed[t->n] = 0;
	t->a[t->n++] = *a;
}

static uint64_t
key_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;

	while (len-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Mark every attribute whose key comes again later in the message. */
static void
attrs_mark_shadowed(struct attrs *t)
{
	size_t i, k, need = 64;
	const struct pbs_attr *a, *b;

	while (need < t->n * 2)
		need *= 2;
	if (need > t->nslots) {
		free(t->slot);
		t->slot = xcalloc(need, sizeof(*t->slot));
		t->nslots = need;
	} else
		memset(t->slot, 0, t->nslots * sizeof(*t->slot));
	for (i = t->n; i-- > 0;) {
		a = &t->a[i];
		k = key_hash(a->key, a->key_len) & (t->nslots - 1);
		for (; t->slot[k] != 0; k = (k + 1) & (t->nslots - 1)) {
			b = &t->a[t->slot[k] - 1];
			if (b->key_len == a->key_len &&
			    memcmp(b->key, a->key, a->key_len) == 0)
				break;
		}
		if (t->slot[k] != 0)
			t->shadowed[i] = 1;
		else
			t->slot[k] = i + 1;
	}
}

/*
 * A key that appears twice: the later one is the record's own, the earlier
 * one text inside the value before it (an unquoted TORQUE job name such as
 * "sim total_execution_slots=1").  Give that text back to the value.
 */
static void
attrs_merge_shadowed(struct parser *p, struct attrs *t, int64_t lineno)
{
	size_t i, prev = SIZE_MAX;
	struct pbs_attr *a;

	attrs_mark_shadowed(t);
	for (i = 0; i < t->n; i++) {
		if (!t->shadowed[i]) {
			prev = i;
			continue;
		}
		a = &t->a[i];
		if (prev == SIZE_MAX)
			continue;
		t->a[prev].value_len = (size_t)(a->value + a->value_len -
		    t->a[prev].value);
		job_sink_warnf(p->sink, lineno, "%.*s appears twice; the first "
		    "is taken as part of %.*s", (int)a->key_len, a->key,
		    (int)t->a[prev].key_len, t->a[prev].key);
	}
}

/* Split a line into a record; -1 (reported) if it cannot be read. */
static int
split_record(struct parser *p, char *text, size_t len, int64_t lineno,
    struct record *r)
{
	char *ends[A_COUNT];
	struct attrs *t = &p->attrs;
	struct pbs_attr a;
	size_t pos = 0, k;
	int i, rc;

	memset(r, 0, sizeof(*r));
	r->lineno = lineno;
	if (pbs_parse_line(text, len, &r->line) != 0)
		return -1;
	if (!strchr(JOB_RECORD_TYPES, r->line.type))
		return 0;	/* licenses, reservations, ...: not read */
	if (pbs_parse_jobid(r->line.job_id, r->line.job_id_len, &r->id) != 0)
		return -1;
	t->n = 0;
	while ((rc = pbs_next_attr(r->line.message, r->line.message_len, &pos,
	    &a)) == 1)
		attrs_add(t, &a);
	if (rc < 0)
		job_sink_warnf(p->sink, r->lineno, "malformed attribute list; "
		    "the rest of the record was ignored");
	attrs_merge_shadowed(p, t, lineno);
	for (k = 0; k < t->n; k++) {
		i = t->shadowed[k] ? -1 : attr_index(t->a[k].key,
		    t->a[k].key_len);
		if (i >= 0) {
			r->val[i] = (char *)t->a[k].value;
			ends[i] = (char *)t->a[k].value + t->a[k].value_len;
		}
	}
	for (i = 0; i < A_COUNT; i++)
		if (r->val[i] != NULL)
			*ends[i] = '\0';
	((char *)r->line.job_id)[r->line.job_id_len] = '\0';
	r->line_time = timeutil_local_to_epoch(r->line.year, r->line.month,
	    r->line.day, r->line.hour, r->line.min, r->line.sec);
	r->dialect = r->val[A_OWNER] || r->val[A_TOTAL_SLOTS] ||
	    r->val[A_UNIQUE_NODES] || r->val[A_RESOURCE_REQUEST] ||
	    r->val[A_RL_NEEDNODES] ? PBS_TORQUE : PBS_PRO;
	return 0;
}

static void
warn_attr(struct parser *p, const struct record *r, const char *name,
    const char *value)
{
	job_sink_warnf(p->sink, r->lineno, "unreadable %s '%.60s', stored as "
	    "unknown", name, value);
}

/* A non-negative integer attribute; JOB_UNSET if absent, with a warning
 * if bad. */
static int64_t
attr_uint(struct parser *p, const struct record *r, enum attr a)
{
	int64_t v;

	if (r->val[a] == NULL || r->val[a][0] == '\0')
		return JOB_UNSET;
	if (pbs_parse_int(r->val[a], strlen(r->val[a]), &v) != 0 || v < 0) {
		warn_attr(p, r, attr_names[a], r->val[a]);
		return JOB_UNSET;
	}
	return v;
}

static void
warn_range(struct parser *p, const struct record *r, enum attr a)
{
	job_sink_warnf(p->sink, r->lineno, "%s '%.40s' out of range, stored "
	    "as unknown", attr_names[a], r->val[a]);
}

/* A count (processors, nodes, GPUs, runs): at most JOB_COUNT_MAX. */
static int64_t
attr_int(struct parser *p, const struct record *r, enum attr a)
{
	int64_t v = attr_uint(p, r, a);

	if (v != JOB_UNSET && v > JOB_COUNT_MAX) {
		warn_range(p, r, a);
		return JOB_UNSET;
	}
	return v;
}

/* An epoch attribute (ctime, start, ...); 0 is TORQUE's "not yet". */
static int64_t
attr_time(struct parser *p, const struct record *r, enum attr a)
{
	int64_t v = attr_uint(p, r, a);

	if (v == JOB_UNSET || v == 0)
		return JOB_UNSET;
	if (!job_time_plausible(v)) {
		warn_range(p, r, a);
		return JOB_UNSET;
	}
	return v;
}

static int64_t
attr_size(struct parser *p, const struct record *r, enum attr a)
{
	int64_t kb;

	if (r->val[a] == NULL)
		return JOB_UNSET;
	if (pbs_parse_size(r->val[a], strlen(r->val[a]), &kb) != 0) {
		warn_attr(p, r, attr_names[a], r->val[a]);
		return JOB_UNSET;
	}
	return kb;
}

static double
attr_duration(struct parser *p, const struct record *r, enum attr a)
{
	double d;

	if (r->val[a] == NULL)
		return -1;
	if (timeutil_parse_duration(r->val[a], strlen(r->val[a]), 1, &d)) {
		warn_attr(p, r, attr_names[a], r->val[a]);
		return -1;
	}
	/* CPU time adds up over processors, to 1e15 s at the most */
	if (a == A_RU_CPUT ? d > 1e15 : !job_duration_plausible(d)) {
		warn_range(p, r, a);
		return -1;
	}
	return d;
}

static const char *
cluster_of(struct parser *p, const struct record *r)
{
	if (p->opt->cluster != NULL)
		return p->opt->cluster;
	if (r->id.server == NULL)
		return "default";
	snprintf(p->cluster, sizeof(p->cluster), "%.*s",
	    (int)r->id.server_len, r->id.server);
	return p->cluster;
}

/* Processors: the dialect's most trusted source first (FORMATS.md). */
static int64_t
procs_of(struct parser *p, const struct record *r, int64_t host_slots,
    int64_t spec_procs)
{
	int64_t v;

	if (r->dialect == PBS_TORQUE) {
		v = attr_int(p, r, A_TOTAL_SLOTS);
		if (v > 0)
			return v;
		if (host_slots > 0)
			return host_slots;
		return spec_procs > 0 ? spec_procs : JOB_UNSET;
	}
	v = attr_int(p, r, A_RU_NCPUS);
	if (v > 0)
		return v;
	v = attr_int(p, r, A_RL_NCPUS);
	if (v > 0)
		return v;
	return host_slots > 0 ? host_slots : JOB_UNSET;
}

struct placement {
	int64_t slots, hosts;			/* from exec_host */
	int64_t spec_nodes, spec_procs, spec_gpus;	/* nodes spec */
	int64_t vnode_gpus;			/* exec_vnode */
};

static void
read_placement(struct parser *p, const struct record *r,
    struct placement *pl)
{
	const char *s;
	int64_t cpus;

	memset(pl, 0, sizeof(*pl));
	pl->vnode_gpus = -1;
	if ((s = r->val[A_EXEC_HOST]) != NULL && s[0] != '\0' &&
	    pbs_parse_exec_host(s, strlen(s), &pl->slots, &pl->hosts) != 0) {
		warn_attr(p, r, "exec_host", s);
		pl->slots = pl->hosts = 0;
	}
	if ((s = r->val[A_RL_NODES]) != NULL &&
	    pbs_parse_nodes(s, strlen(s), &pl->spec_nodes, &pl->spec_procs,
	    &pl->spec_gpus) != 0) {
		warn_attr(p, r, "Resource_List.nodes", s);
		pl->spec_nodes = pl->spec_procs = pl->spec_gpus = 0;
	}
	if ((s = r->val[A_EXEC_VNODE]) != NULL &&
	    pbs_parse_exec_vnode(s, strlen(s), &cpus, &pl->vnode_gpus) != 0) {
		warn_attr(p, r, "exec_vnode", s);
		pl->vnode_gpus = -1;
	}
}

static void
set_resources(struct parser *p, const struct record *r, struct job *j)
{
	struct placement pl;
	int64_t v;
	double d;

	read_placement(p, r, &pl);
	j->alloc_procs = procs_of(p, r, pl.slots, pl.spec_procs);
	j->req_procs = attr_int(p, r, A_RL_NCPUS);
	if (r->dialect == PBS_TORQUE && pl.spec_procs > 0)
		j->req_procs = pl.spec_procs;	/* ncpus is often 1 there */
	j->nodes = attr_int(p, r, A_RL_NODECT);
	if (j->nodes == JOB_UNSET)
		j->nodes = attr_int(p, r, A_UNIQUE_NODES);
	if (j->nodes == JOB_UNSET && pl.hosts > 0)
		j->nodes = pl.hosts;
	if ((v = attr_int(p, r, A_RL_NGPUS)) != JOB_UNSET ||
	    (v = attr_int(p, r, A_RL_GPUS)) != JOB_UNSET)
		j->gpus = v;
	else if (pl.vnode_gpus > 0)
		j->gpus = pl.vnode_gpus;
	else
		j->gpus = pl.spec_gpus;
	d = attr_duration(p, r, A_RL_WALLTIME);
	j->req_time = d >= 0 ? (int64_t)d : JOB_UNSET;
	j->cpu_time = attr_duration(p, r, A_RU_CPUT);
	j->req_mem_kb = attr_size(p, r, A_RL_MEM);
	j->used_mem_kb = attr_size(p, r, A_RU_MEM);
}

static void
set_names(struct parser *p, const struct record *r, struct job *j)
{
	j->cluster = cluster_of(p, r);
	j->source_format = "pbs";
	j->source_file = p->name;
	j->source_line = r->lineno;
	j->job_id = r->line.job_id;
	j->user = r->val[A_USER];
	j->group = r->val[A_GROUP];
	j->account = r->val[A_ACCOUNT] ? r->val[A_ACCOUNT] : r->val[A_PROJECT];
	j->queue = r->val[A_QUEUE];
	j->job_name = r->val[A_JOBNAME];
	if (r->id.array_index >= 0) {
		snprintf(p->parent, sizeof(p->parent), "%.*s",
		    (int)r->id.number_len, r->line.job_id);
		j->array_job_id = p->parent;
		j->array_index = r->id.array_index;
	}
}

/* Submit, eligible, start, end: epoch attributes, else the line's date. */
static void
set_times(struct parser *p, const struct record *r, struct job *j)
{
	j->submit = attr_time(p, r, A_QTIME);
	if (j->submit == JOB_UNSET)
		j->submit = attr_time(p, r, A_CTIME);
	j->eligible = attr_time(p, r, A_ETIME);
	j->start = attr_time(p, r, A_START);	/* TORQUE writes start=0 */
	j->end = attr_time(p, r, A_END);
	if (j->end == JOB_UNSET)
		j->end = r->line_time;
	if (j->submit == JOB_UNSET)
		j->submit = j->start != JOB_UNSET ? j->start : j->end;
	if (j->start != JOB_UNSET && j->end < j->start) {
		job_sink_warnf(p->sink, r->lineno, "end before start; the run "
		    "is taken as empty");
		j->end = j->start;
	}
}

/* Outcome of an E or R record. */
static void
set_outcome(struct parser *p, const struct record *r, struct job *j)
{
	struct pbs_exit e;
	int64_t status;
	double used, limit;

	if (j->start == JOB_UNSET) {	/* ended without running */
		j->state = "CANCELLED";
		j->status = SWF_CANCELLED;
		return;
	}
	if (r->line.type == 'R') {
		j->state = "REQUEUED";
		j->status = SWF_FAILED;
		return;
	}
	if (r->val[A_EXIT_STATUS] == NULL ||
	    pbs_parse_int(r->val[A_EXIT_STATUS],
	    strlen(r->val[A_EXIT_STATUS]), &status) != 0) {
		job_sink_warnf(p->sink, r->lineno, "no readable Exit_status; "
		    "the outcome is unknown");
		j->state = "UNKNOWN";
		j->status = SWF_UNKNOWN;
		return;
	}
	pbs_decode_exit(status, r->dialect, &e);
	j->state = e.state;
	j->status = e.swf_status;
	j->exit_code = status;
	j->exit_signal = e.signal;
	used = attr_duration(p, r, A_RU_WALLTIME);
	limit = j->req_time != JOB_UNSET ? (double)j->req_time : -1;
	if (e.signal > 0 && limit > 0 && used > limit)
		j->state = "TIMEOUT";	/* killed for passing its walltime */
}

static int
emit_run(struct parser *p, const struct record *r)
{
	struct job j;
	int64_t run_count;

	job_clear(&j);
	set_names(p, r, &j);
	set_times(p, r, &j);
	set_resources(p, r, &j);
	set_outcome(p, r, &j);
	run_count = attr_int(p, r, A_RUN_COUNT);
	if (run_count != JOB_UNSET)
		j.run_number = run_count;
	else if (r->line.type == 'R' && j.start != JOB_UNSET)
		j.run_number = j.start;	/* stable per interrupted run */
	if (j.start == JOB_UNSET)	/* nothing was allocated */
		j.alloc_procs = j.nodes = JOB_UNSET;
	if (r->line.type == 'E' &&
	    p->state->pending_drop(p->state->ctx, j.cluster, j.job_id) != 0)
		return -1;
	return p->sink->job(p->sink->ctx, &j);
}

/* A D or A record: a cancelled job if it never started. */
static int
emit_deleted(struct parser *p, const struct record *r)
{
	struct pending_job pend = {JOB_UNSET, 0, ""};
	const char *cluster = cluster_of(p, r);
	struct job j;
	int found = p->state->pending_get(p->state->ctx, cluster,
	    r->line.job_id, &pend);

	if (found < 0)
		return -1;
	if (found && pend.started) {
		p->sink->skip(p->sink->ctx, r->lineno, "deleted after it "
		    "started: its E record carries the run");
		return 0;
	}
	job_clear(&j);
	set_names(p, r, &j);
	j.submit = found && pend.submit != JOB_UNSET ? pend.submit :
	    r->line_time;
	j.end = r->line_time;
	j.queue = pend.queue[0] != '\0' ? pend.queue : r->val[A_QUEUE];
	j.state = "CANCELLED";
	j.raw_state = r->line.type == 'D' ? "D" : "A";
	j.status = SWF_CANCELLED;
	if (found && p->state->pending_drop(p->state->ctx, cluster,
	    r->line.job_id) != 0)
		return -1;
	return p->sink->job(p->sink->ctx, &j);
}

/* Q and S records: remember the job until its end. */
static int
note_pending(struct parser *p, const struct record *r)
{
	const char *cluster = cluster_of(p, r);
	int64_t submit = attr_time(p, r, A_QTIME);

	if (submit == JOB_UNSET && r->line.type == 'Q')
		submit = r->line_time;
	if (r->line.type == 'Q')
		return p->state->pending_queue(p->state->ctx, cluster,
		    r->line.job_id, submit, r->val[A_QUEUE]);
	return p->state->pending_start(p->state->ctx, cluster,
	    r->line.job_id, submit);
}

static int
process(struct parser *p, struct record *r)
{
	switch (r->line.type) {
	case 'E':
	case 'R':
		if (r->id.is_array_parent) {
			p->sink->skip(p->sink->ctx, r->lineno, "array parent "
			    "record: its subjobs are the jobs");
			return 0;
		}
		return emit_run(p, r);
	case 'D':
	case 'A':
		if (r->id.is_array_parent) {
			p->sink->skip(p->sink->ctx, r->lineno, "array parent "
			    "deleted: its subjobs are not logged one by one");
			return 0;
		}
		return emit_deleted(p, r);
	case 'Q':
	case 'S':
		return note_pending(p, r);
	default:	/* checkpoints, suspends, reservations, ... */
		return 0;
	}
}

static int
pbs_read(struct linereader *lr, const struct reader_env *env,
    int64_t *consumed, char *err, size_t errsize)
{
	const struct job_sink *sink = env->sink;
	struct parser p = {env->name, env->opt, sink, env->state, "", "",
	    {0}};
	struct record r;
	char *line;
	ssize_t len;
	int rc = 0;

	*consumed = 0;
	while ((len = linereader_next(lr, &line)) >= 0) {
		if (linereader_unterminated(lr))
			break;		/* still being written */
		*consumed = linereader_offset(lr);
		if (len == 0)
			continue;
		if (linereader_nuls(lr) > 0)
			job_sink_warnf(sink, linereader_lineno(lr), "%d NUL "
			    "bytes, read as '?'", linereader_nuls(lr));
		if (split_record(&p, line, (size_t)len, linereader_lineno(lr),
		    &r) != 0) {
			sink->reject(sink->ctx, linereader_lineno(lr),
			    "not a PBS accounting record");
			continue;
		}
		if (process(&p, &r) != 0) {
			snprintf(err, errsize, "stopped: the job could not be "
			    "stored");
			rc = -1;
			break;
		}
	}
	free(p.attrs.a);
	free(p.attrs.shadowed);
	free(p.attrs.slot);
	return rc != 0 ? rc : linereader_check(lr, err, errsize);
}

static int
pbs_detect(const char *line, size_t len, const char *next, size_t next_len,
    const struct reader_options *opt)
{
	(void)next;
	(void)next_len;
	(void)opt;
	return pbs_is_record(line, len);
}

const struct reader pbs_reader = {
	"pbs", "PBS Pro, OpenPBS and TORQUE accounting logs", 1, 1, 1, 0,
	pbs_detect, pbs_read
};
