/*
 * Kubernetes Jobs and Pods.  k8s-scan.c cuts the input into objects; each
 * is parsed with json-c, read into Job facts or a pod, kept through the
 * store ops, and the Job's record is (re)built from its facts and all its
 * pods seen so far.
 */
#include "config.h"

#include <json.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "k8s-fields.h"
#include "k8s-scan.h"
#include "k8s.h"

#define FLUSH_OBJECTS 500	/* a stream is flushed after as many */
#define FLUSH_SECONDS 5		/* or as long, and when silent as long */
#define MAX_CORES 1e7		/* per pod, and per Job; above is absurd */
#define MAX_GPUS 1e5
#define MAX_PODS 100000		/* pods of one Job at once */

static const char *const default_user_keys[] = {
	"hpcacct.io/user", "owner", NULL
};
static const char *const default_queue_keys[] = {
	"kueue.x-k8s.io/queue-name", "scheduling.volcano.sh/queue-name", NULL
};

struct parser {
	const char *name;
	const struct reader_options *opt;
	const struct job_sink *sink;
	const struct reader_state *state;
	int64_t line;			/* of the object being read */
	int64_t objects;		/* read since the last flush */
	time_t last_flush;
	int failed;			/* a store or sink error */
};

/* The value at a dotted path of objects ("status.startTime"), or NULL. */
static json_object *
get(json_object *o, const char *path)
{
	char key[64];
	const char *dot;
	size_t len;

	while (o != NULL && *path != '\0') {
		dot = strchr(path, '.');
		len = dot != NULL ? (size_t)(dot - path) : strlen(path);
		if (len >= sizeof(key) ||
		    !json_object_is_type(o, json_type_object))
			return NULL;
		memcpy(key, path, len);
		key[len] = '\0';
		if (!json_object_object_get_ex(o, key, &o))
			return NULL;
		path += len + (dot != NULL);
	}
	return o;
}

/* A string at path; NULL if absent, with a warning if of another type. */
static const char *
get_string(struct parser *p, json_object *o, const char *path)
{
	json_object *v = get(o, path);

	if (v == NULL || json_object_is_type(v, json_type_null))
		return NULL;
	if (!json_object_is_type(v, json_type_string)) {
		job_sink_warnf(p->sink, p->line, "%s is not a string, taken "
		    "as unknown", path);
		return NULL;
	}
	return json_object_get_string(v);
}

/* An integer at path; JOB_UNSET if absent or (warned) of another type. */
static int64_t
get_int(struct parser *p, json_object *o, const char *path)
{
	json_object *v = get(o, path);

	if (v == NULL || json_object_is_type(v, json_type_null))
		return JOB_UNSET;
	if (!json_object_is_type(v, json_type_int) ||
	    json_object_get_int64(v) < 0) {
		job_sink_warnf(p->sink, p->line, "%s is not a count, taken as "
		    "unknown", path);
		return JOB_UNSET;
	}
	return json_object_get_int64(v);
}

static int64_t
get_time(struct parser *p, json_object *o, const char *path)
{
	const char *s = get_string(p, o, path);
	int64_t t;

	if (s == NULL)
		return JOB_UNSET;
	if (k8s_parse_time(s, strlen(s), &t) != 0) {
		job_sink_warnf(p->sink, p->line, "unreadable %s '%.40s', taken "
		    "as unknown", path, s);
		return JOB_UNSET;
	}
	if (!job_time_plausible(t)) {
		job_sink_warnf(p->sink, p->line, "%s '%.40s' out of range, "
		    "taken as unknown", path, s);
		return JOB_UNSET;
	}
	return t;
}

static void
copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

/* A key's value in the labels, then the annotations, of metadata m. */
static const char *
label_or_annotation(json_object *m, const char *key)
{
	json_object *v;
	const char *where[] = {"labels", "annotations"};
	size_t i;

	for (i = 0; i < 2; i++)
		if (json_object_object_get_ex(get(m, where[i]), key, &v) &&
		    json_object_is_type(v, json_type_string))
			return json_object_get_string(v);
	return NULL;
}

/* The first of keys found on the Job, then on its pod template. */
static const char *
lookup_keys(json_object *job, const char *const *keys)
{
	json_object *meta = get(job, "metadata");
	json_object *tmeta = get(job, "spec.template.metadata");
	const char *v;

	for (; *keys != NULL; keys++)
		if ((v = label_or_annotation(meta, *keys)) != NULL ||
		    (v = label_or_annotation(tmeta, *keys)) != NULL)
			return v;
	return NULL;
}

/* The owner of kind kind in metadata.ownerReferences, or NULL. */
static json_object *
owner_of_kind(json_object *o, const char *kind)
{
	json_object *refs = get(o, "metadata.ownerReferences"), *ref, *k;
	size_t i, n;

	if (refs == NULL || !json_object_is_type(refs, json_type_array))
		return NULL;
	n = json_object_array_length(refs);
	for (i = 0; i < n; i++) {
		ref = json_object_array_get_idx(refs, i);
		if (json_object_object_get_ex(ref, "kind", &k) &&
		    json_object_is_type(k, json_type_string) &&
		    strcmp(json_object_get_string(k), kind) == 0)
			return ref;
	}
	return NULL;
}

/*
 * A quantity of one container's resources: the request, else the limit.
 * Returns 1 (found, *v set), 0 (neither given), or -1 (warned) if
 * unreadable or absurd.
 */
static int
container_quantity(struct parser *p, json_object *c, const char *name,
    double max, double *v)
{
	const char *paths[] = {"resources.requests", "resources.limits"};
	json_object *q;
	const char *s;
	size_t i;

	*v = 0;
	for (i = 0; i < 2; i++) {
		if (!json_object_object_get_ex(get(c, paths[i]), name, &q))
			continue;
		s = json_object_get_string(q);	/* numbers print as text */
		if (k8s_parse_quantity(s, strlen(s), v) == 0 && *v >= 0 &&
		    *v <= max)
			return 1;
		job_sink_warnf(p->sink, p->line, "unreadable or absurd %s "
		    "quantity '%.40s', taken as unknown", name, s);
		return -1;
	}
	return 0;
}

/*
 * One resource summed over the pod template's containers: -1 (unknown)
 * if any is unreadable or, unless absent_is_zero, if no container asks
 * for it (a pod without a CPU request has no known size).
 */
static double
pod_quantity(struct parser *p, json_object *cs, const char *name,
    double max, int absent_is_zero)
{
	size_t i, n = json_object_array_length(cs);
	double sum = 0, v;
	int found = 0, r;

	for (i = 0; i < n; i++) {
		r = container_quantity(p, json_object_array_get_idx(cs, i),
		    name, max, &v);
		if (r < 0)
			return -1;
		found |= r;
		sum += v;
	}
	return found || absent_is_zero ? sum : -1;
}

/* Requests summed over the pod template's containers. */
static void
pod_resources(struct parser *p, json_object *job, struct k8s_job_facts *f)
{
	json_object *cs = get(job, "spec.template.spec.containers");

	if (cs == NULL || !json_object_is_type(cs, json_type_array)) {
		f->cpu_per_pod = f->mem_kb_per_pod = f->gpus_per_pod = -1;
		return;
	}
	f->cpu_per_pod = pod_quantity(p, cs, "cpu", MAX_CORES, 0);
	f->mem_kb_per_pod = pod_quantity(p, cs, "memory", 1e21, 0);
	if (f->mem_kb_per_pod > 0)
		f->mem_kb_per_pod /= 1024;
	f->gpus_per_pod = pod_quantity(p, cs, "nvidia.com/gpu", MAX_GPUS, 1);
}

/* The condition of type type with status "True", or NULL. */
static json_object *
true_condition(json_object *job, const char *type)
{
	json_object *cs = get(job, "status.conditions"), *c, *t, *s;
	size_t i, n;

	if (cs == NULL || !json_object_is_type(cs, json_type_array))
		return NULL;
	n = json_object_array_length(cs);
	for (i = 0; i < n; i++) {
		c = json_object_array_get_idx(cs, i);
		if (json_object_object_get_ex(c, "type", &t) &&
		    json_object_object_get_ex(c, "status", &s) &&
		    strcmp(json_object_get_string(t), type) == 0 &&
		    strcmp(json_object_get_string(s), "True") == 0)
			return c;
	}
	return NULL;
}

/*
 * How the Job ended: 1 (facts set), 0 (not ended: skipped with reason set).
 */
static int
outcome_of(struct parser *p, json_object *job, struct k8s_job_facts *f,
    const char **reason)
{
	json_object *failed = true_condition(job, "Failed"), *complete;
	const char *why;

	if ((complete = true_condition(job, "Complete")) != NULL) {
		copy(f->state, sizeof(f->state), "COMPLETED");
		f->status = SWF_COMPLETED;
		f->end = get_time(p, job, "status.completionTime");
		if (f->end == JOB_UNSET)	/* the condition says when too */
			f->end = get_time(p, complete, "lastTransitionTime");
		return 1;
	}
	if (failed != NULL) {
		why = get_string(p, failed, "reason");
		copy(f->state, sizeof(f->state), why != NULL &&
		    strcmp(why, "DeadlineExceeded") == 0 ? "TIMEOUT" : "FAILED");
		f->status = SWF_FAILED;
		f->end = get_time(p, failed, "lastTransitionTime");
		return 1;
	}
	if (true_condition(job, "Suspended") != NULL ||
	    json_object_get_boolean(get(job, "spec.suspend")))
		*reason = "suspended";
	else
		*reason = "has not ended";
	return 0;
}

static void
identity_of(struct parser *p, json_object *job, struct k8s_job_facts *f)
{
	const char *ns = get_string(p, job, "metadata.namespace");
	const char *name = get_string(p, job, "metadata.name");
	json_object *cron = owner_of_kind(job, "CronJob");
	const char *v;

	copy(f->cluster, sizeof(f->cluster), p->opt->cluster != NULL ?
	    p->opt->cluster : "kubernetes");
	copy(f->name_space, sizeof(f->name_space), ns != NULL ? ns :
	    "default");
	snprintf(f->job_id, sizeof(f->job_id), "%s/%s", f->name_space, name);
	v = cron != NULL ? get_string(p, cron, "name") : NULL;
	copy(f->job_name, sizeof(f->job_name), v != NULL ? v : name);
	v = lookup_keys(job, p->opt->k8s_user_keys != NULL ?
	    p->opt->k8s_user_keys : default_user_keys);
	copy(f->user, sizeof(f->user), v != NULL ? v : f->name_space);
	v = lookup_keys(job, p->opt->k8s_queue_keys != NULL ?
	    p->opt->k8s_queue_keys : default_queue_keys);
	copy(f->queue, sizeof(f->queue), v != NULL ? v : f->name_space);
}

/* v, at most bound (JOB_UNSET: no bound) */
static int64_t
bounded(int64_t v, int64_t bound)
{
	return bound != JOB_UNSET && bound < v ? bound : v;
}

/*
 * How many pods a Job ran at once, for its usage when no Pod is read:
 * spec.parallelism (anyone who can create a Job sets it, to 2147483647 if
 * they like) bounded by spec.completions and by the pods that ran
 * (status.succeeded + status.failed).  JOB_UNSET, with a warning, if the
 * result is still implausible.
 */
static int64_t
pods_at_once(struct parser *p, json_object *job,
    const struct k8s_job_facts *f)
{
	int64_t n = get_int(p, job, "spec.parallelism");
	int64_t ok = get_int(p, job, "status.succeeded");
	int64_t bad = get_int(p, job, "status.failed");

	if (get(job, "spec.parallelism") == NULL)
		n = 1;	/* the API's default */
	if (n == JOB_UNSET)
		return n;
	n = bounded(n, get_int(p, job, "spec.completions"));
	if (ok != JOB_UNSET || bad != JOB_UNSET)
		n = bounded(n, (ok != JOB_UNSET ? ok : 0) +
		    (bad != JOB_UNSET ? bad : 0));
	if (n > MAX_PODS || (f->cpu_per_pod > 0 &&
	    f->cpu_per_pod * (double)n > MAX_CORES)) {
		job_sink_warnf(p->sink, p->line, "Job %s: %lld pods at once is "
		    "implausible; its usage is taken as unknown", f->job_id,
		    (long long)n);
		return JOB_UNSET;
	}
	return n;
}

/* Read a Job's facts; 1 ended, 0 skipped, -1 rejected (reason set). */
static int
read_job(struct parser *p, json_object *job, struct k8s_job_facts *f,
    const char **reason)
{
	const char *uid = get_string(p, job, "metadata.uid");

	memset(f, 0, sizeof(*f));
	f->submit = get_time(p, job, "metadata.creationTimestamp");
	if (uid == NULL || get_string(p, job, "metadata.name") == NULL ||
	    f->submit == JOB_UNSET) {
		*reason = "Job without metadata.uid, name or creationTimestamp";
		return -1;
	}
	copy(f->uid, sizeof(f->uid), uid);
	if (outcome_of(p, job, f, reason) == 0)
		return 0;
	identity_of(p, job, f);
	f->start = get_time(p, job, "status.startTime");
	f->req_time = get_int(p, job, "spec.activeDeadlineSeconds");
	pod_resources(p, job, f);
	f->parallelism = pods_at_once(p, job, f);
	return 1;
}

/* Read a Pod; 1 read, 0 not part of a Job, -1 rejected. */
static int
read_pod(struct parser *p, json_object *pod, struct k8s_pod *out,
    const char **reason)
{
	json_object *owner = owner_of_kind(pod, "Job");
	json_object *cs = get(pod, "status.containerStatuses"), *c;
	const char *uid = get_string(p, pod, "metadata.uid");
	size_t i, n;
	int64_t t;

	memset(out, 0, sizeof(*out));
	if (uid == NULL) {
		*reason = "Pod without metadata.uid";
		return -1;
	}
	if (owner == NULL || get_string(p, owner, "uid") == NULL) {
		*reason = "Pod not owned by a Job";
		return 0;
	}
	copy(out->uid, sizeof(out->uid), uid);
	copy(out->job_uid, sizeof(out->job_uid), get_string(p, owner, "uid"));
	copy(out->node, sizeof(out->node), get_string(p, pod,
	    "spec.nodeName"));
	out->start = get_time(p, pod, "status.startTime");
	out->end = JOB_UNSET;
	n = cs != NULL && json_object_is_type(cs, json_type_array) ?
	    json_object_array_length(cs) : 0;
	for (i = 0; i < n; i++) {
		c = json_object_array_get_idx(cs, i);
		t = get_time(p, c, "state.terminated.finishedAt");
		if (t != JOB_UNSET && (out->end == JOB_UNSET || t > out->end))
			out->end = t;
	}
	return 1;
}

/* A count at least 1 from a fractional one (0.5 cores is 1 processor). */
static int64_t
round_up(double v)
{
	int64_t n = job_round(ceil(v - 1e-9));

	return n == JOB_UNSET || n >= 1 ? n : 1;
}

/*
 * Usage of a Job that ran for run seconds: what its pods ran when they are
 * known, else its requests x parallelism.  Returns the average number of
 * pods at once (< 0 unknown).
 */
static double
set_usage(const struct k8s_job_facts *f, const struct k8s_pods_summary *pods,
    int64_t run, struct job *j)
{
	double n = f->parallelism != JOB_UNSET ? (double)f->parallelism : -1;

	if (pods->pods > 0 && pods->run_seconds > 0) {
		j->core_seconds = f->cpu_per_pod < 0 ? -1 :
		    f->cpu_per_pod * pods->run_seconds;
		j->gpu_seconds = f->gpus_per_pod < 0 ? -1 :
		    f->gpus_per_pod * pods->run_seconds;
		return run > 0 ? pods->run_seconds / (double)run :
		    (double)pods->pods;
	}
	if (n >= 0) {
		j->core_seconds = f->cpu_per_pod < 0 ? -1 :
		    f->cpu_per_pod * n * (double)run;
		j->gpu_seconds = f->gpus_per_pod < 0 ? -1 :
		    f->gpus_per_pod * n * (double)run;
	}
	return n;
}

/* Counts for SWF and reports: rounded up where SWF wants integers. */
static void
set_counts(const struct k8s_job_facts *f, double n, struct job *j)
{
	if (n >= 0 && f->cpu_per_pod >= 0 && j->start != JOB_UNSET)
		j->alloc_procs = round_up(f->cpu_per_pod * n);
	if (n >= 0 && f->gpus_per_pod >= 0)
		j->gpus = job_round(ceil(f->gpus_per_pod * n - 1e-9));
	if (f->parallelism != JOB_UNSET && f->cpu_per_pod >= 0)
		j->req_procs = round_up(f->cpu_per_pod *
		    (double)f->parallelism);
	if (f->parallelism != JOB_UNSET && f->mem_kb_per_pod >= 0)
		j->req_mem_kb = job_round(f->mem_kb_per_pod *
		    (double)f->parallelism);
}

void
k8s_build_job(const struct k8s_job_facts *f,
    const struct k8s_pods_summary *pods, struct job *j)
{
	job_clear(j);
	j->cluster = f->cluster;
	j->source_format = "k8s";
	j->job_id = f->job_id;
	j->job_name = f->job_name;
	j->user = f->user;
	j->group = j->account = f->name_space;
	j->queue = f->queue;
	j->submit = j->eligible = f->submit;
	j->start = pods->pods > 0 ? pods->first_start : f->start;
	j->end = f->end != JOB_UNSET ? f->end : pods->last_end;
	j->state = j->raw_state = f->state;
	j->status = (enum swf_status)f->status;
	j->req_time = f->req_time;
	if (j->end != JOB_UNSET && j->start != JOB_UNSET && j->end < j->start)
		j->start = j->end;
	if (pods->nodes > 0)
		j->nodes = pods->nodes;
	set_counts(f, set_usage(f, pods, job_run_time(j), j), j);
	if (j->start == JOB_UNSET) {	/* no pod ever ran */
		j->core_seconds = j->gpu_seconds = 0;
		j->gpus = JOB_UNSET;
	}
}

/* Build and hand on the record of the Job of facts f. */
static int
emit_job(struct parser *p, const struct k8s_job_facts *f)
{
	struct k8s_pods_summary pods;
	struct job j;

	if (p->state->k8s_pods_summary(p->state->ctx, f->uid, &pods) != 0)
		return -1;
	k8s_build_job(f, &pods, &j);
	if (j.end == JOB_UNSET) {
		job_sink_rejectf(p->sink, p->line, "Job %s ended but gives no "
		    "end time", f->job_id);
		return 0;
	}
	j.source_file = p->name;
	j.source_line = p->line;
	return p->sink->job(p->sink->ctx, &j);
}

static int
handle_job(struct parser *p, json_object *o)
{
	struct k8s_job_facts f;
	const char *reason = "";
	char why[160];

	switch (read_job(p, o, &f, &reason)) {
	case -1:
		p->sink->reject(p->sink->ctx, p->line, reason);
		return 0;
	case 0:
		snprintf(why, sizeof(why), "Job %s %s", get_string(p, o,
		    "metadata.name"), reason);
		p->sink->skip(p->sink->ctx, p->line, why);
		return 0;
	default:
		if (p->state->k8s_job_put(p->state->ctx, &f) != 0)
			return -1;
		return emit_job(p, &f);
	}
}

static int
handle_pod(struct parser *p, json_object *o)
{
	struct k8s_job_facts f;
	struct k8s_pod pod;
	const char *reason = "";
	int r = read_pod(p, o, &pod, &reason);

	if (r < 0) {
		p->sink->reject(p->sink->ctx, p->line, reason);
		return 0;
	}
	if (r == 0) {
		p->sink->skip(p->sink->ctx, p->line, reason);
		return 0;
	}
	if (p->state->k8s_pod_put(p->state->ctx, &pod) != 0)
		return -1;
	r = p->state->k8s_job_get(p->state->ctx, pod.job_uid, &f);
	if (r < 0)
		return -1;
	if (r == 0) {
		p->sink->skip(p->sink->ctx, p->line, "Pod kept until its "
		    "Job is read ended");
		return 0;
	}
	return emit_job(p, &f);
}

/*
 * The kind of an object; items of a JobList or PodList read through the
 * API (kubectl get --raw) carry none, so it is told from the object's
 * shape.
 */
static const char *
kind_of(struct parser *p, json_object *o)
{
	const char *kind = get_string(p, o, "kind");

	if (kind != NULL)
		return get(o, "apiVersion") != NULL ? kind : NULL;
	if (get(o, "spec.template.spec.containers") != NULL)
		return "Job";
	if (get(o, "spec.containers") != NULL)
		return "Pod";
	return NULL;
}

static int
handle_object(struct parser *p, json_object *o)
{
	json_object *obj;
	const char *kind;
	char why[96];

	/* a watch event (kubectl --output-watch-events, the watch API):
	 * {"type": "ADDED", "object": {...}} */
	if (json_object_object_get_ex(o, "object", &obj) &&
	    json_object_is_type(obj, json_type_object) &&
	    get_string(p, o, "type") != NULL && get(o, "kind") == NULL)
		o = obj;
	kind = kind_of(p, o);
	if (kind == NULL) {
		p->sink->reject(p->sink->ctx, p->line, "not a Kubernetes "
		    "object (no apiVersion or kind)");
		return 0;
	}
	if (strcmp(kind, "Job") == 0)
		return handle_job(p, o);
	if (strcmp(kind, "Pod") == 0)
		return handle_pod(p, o);
	snprintf(why, sizeof(why), "a %.40s, not a Job or Pod", kind);
	p->sink->skip(p->sink->ctx, p->line, why);
	return 0;
}

/* On a stream, flush when enough objects came or enough time passed. */
static int
flush_due(struct parser *p)
{
	time_t now = time(NULL);

	if (p->sink->flush == NULL || p->objects == 0 ||
	    (p->objects < FLUSH_OBJECTS && now - p->last_flush <
	    FLUSH_SECONDS))
		return 0;
	p->objects = 0;
	p->last_flush = now;
	return p->sink->flush(p->sink->ctx);
}

/*
 * Before blocking on a stream that has paused, commit what it gave (and
 * so give up the write lock): a watch may stay silent for hours.
 */
static int
wait_for_input(struct parser *p, struct linereader *lr)
{
	if (p->sink->flush == NULL)
		return 0;
	if (linereader_wait(lr, FLUSH_SECONDS * 1000))
		return 0;
	p->objects = 0;
	p->last_flush = time(NULL);
	return p->sink->flush(p->sink->ctx);
}

static int
on_object(void *ctx, const char *text, size_t len, int64_t line)
{
	struct parser *p = ctx;
	enum json_tokener_error jerr;
	json_object *o = json_tokener_parse_verbose(text, &jerr);
	int r;

	p->line = line;
	if (o == NULL) {
		job_sink_rejectf(p->sink, line, "invalid JSON: %s",
		    json_tokener_error_desc(jerr));
		return 0;
	}
	r = handle_object(p, o);
	json_object_put(o);
	p->objects++;
	if (r == 0)
		r = flush_due(p);
	if (r != 0)
		p->failed = 1;
	return r;
}

static int
k8s_read(struct linereader *lr, const struct reader_env *env,
    int64_t *consumed, char *err, size_t errsize)
{
	const struct job_sink *sink = env->sink;
	struct parser p = {env->name, env->opt, sink, env->state, 0, 0, 0, 0};
	struct k8s_scan *sc = k8s_scan_new(on_object, &p);
	char *line;
	ssize_t len;
	int64_t where, last_bad = 0;
	int r = 0;

	p.last_flush = time(NULL);
	while (r == 0 && (r = wait_for_input(&p, lr)) == 0 &&
	    (len = linereader_next(lr, &line)) >= 0) {
		if (linereader_nuls(lr) > 0)
			job_sink_warnf(sink, linereader_lineno(lr), "%d NUL "
			    "bytes, read as '?'", linereader_nuls(lr));
		r = k8s_scan_feed(sc, line, (size_t)len,
		    linereader_lineno(lr), &where);
		if (r == 0)
			r = k8s_scan_feed(sc, "\n", 1, linereader_lineno(lr),
			    &where);
		if (r < 0 && !p.failed) {	/* text between objects */
			if (where != last_bad)
				sink->reject(sink->ctx, where, "text outside "
				    "any JSON object");
			last_bad = where;
			r = 0;
		}
	}
	if (r == 0 && !linereader_stopped(lr) &&
	    k8s_scan_finish(sc, &where) != 0)
		sink->reject(sink->ctx, where, "truncated JSON: the input "
		    "ended inside this object");
	k8s_scan_free(sc);
	*consumed = linereader_offset(lr);
	if (r != 0 || p.failed) {
		snprintf(err, errsize, "stopped: the job could not be stored");
		return -1;
	}
	return linereader_check(lr, err, errsize);
}

static int
k8s_detect(const char *line, size_t len, const char *next, size_t next_len,
    const struct reader_options *opt)
{
	size_t i = 0;

	(void)next;
	(void)next_len;
	(void)opt;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i < len && line[i] == '{';
}

const struct reader k8s_reader = {
	"k8s", "Kubernetes Jobs and Pods (kubectl get jobs,pods -A -o json)",
	0, 0, 0, 0, k8s_detect, k8s_read
};
