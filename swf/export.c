/*
 * SWF export from the store.  The header needs totals (MaxJobs, MaxProcs,
 * the queue map) that are known only after the last job, so job lines go
 * to a temporary file first and are copied after the header: memory stays
 * that of the name maps, whatever the number of jobs.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "swf.h"
#include "timeutil.h"
#include "xalloc.h"

static const char export_note[] =
    "Exported by hpcacct from its job database, one line per stored job\n"
    "incarnation (a requeued job's interrupted runs are status 0).\n"
    "Users, groups, executables (job names), queues (Slurm partitions,\n"
    "PBS queues, Kubernetes queues) and partitions (clusters) are numbered\n"
    "in order of first appearance; the Queue and Partition lines name\n"
    "them only when exported with --names.  MaxNodes and MaxProcs are the\n"
    "largest job seen.  A job cancelled before it started has run time 0\n"
    "and waits until its cancellation.";

struct export_state {
	FILE *lines;
	int64_t count, first_submit, last_end, max_nodes, max_procs;
	int preemption;
	struct swf_idmap *users, *groups, *executables, *queues, *clusters;
};

static int64_t
per_proc(double total, int64_t procs)
{
	int64_t v;

	if (total < 0 || procs == JOB_UNSET || procs <= 0)
		return -1;
	v = job_round(total / (double)procs);
	return v != JOB_UNSET ? v : -1;
}

static int64_t
known(int64_t v)
{
	return v == JOB_UNSET ? -1 : v;
}

static void
track_maxima(struct export_state *s, const struct store_swf_row *r)
{
	if (r->end > s->last_end)
		s->last_end = r->end;
	if (r->nodes != JOB_UNSET && r->nodes > s->max_nodes)
		s->max_nodes = r->nodes;
	if (r->alloc_procs != JOB_UNSET && r->alloc_procs > s->max_procs)
		s->max_procs = r->alloc_procs;
	if (r->req_procs != JOB_UNSET && r->req_procs > s->max_procs)
		s->max_procs = r->req_procs;
	if (strcmp(r->state, "REQUEUED") == 0 ||
	    strcmp(r->state, "PREEMPTED") == 0)
		s->preemption = 1;
}

static int
export_row(void *ctx, const struct store_swf_row *r)
{
	struct export_state *s = ctx;
	struct swf_job j;
	int64_t req_procs = r->req_procs != JOB_UNSET ? r->req_procs :
	    r->alloc_procs;

	if (s->count++ == 0)
		s->first_submit = r->submit;
	j.f[SWF_JOB_NUMBER] = s->count;
	j.f[SWF_SUBMIT] = r->submit - s->first_submit;
	j.f[SWF_WAIT] = (r->start != JOB_UNSET ? r->start : r->end) -
	    r->submit;
	j.f[SWF_RUN] = r->start != JOB_UNSET ? r->run_time : 0;
	j.f[SWF_ALLOC_PROCS] = known(r->alloc_procs);
	j.f[SWF_AVG_CPU] = per_proc(r->cpu_time, r->alloc_procs);
	j.f[SWF_USED_MEM] = per_proc(r->used_mem_kb == JOB_UNSET ? -1 :
	    (double)r->used_mem_kb, r->alloc_procs);
	j.f[SWF_REQ_PROCS] = known(req_procs);
	j.f[SWF_REQ_TIME] = known(r->req_time);
	j.f[SWF_REQ_MEM] = per_proc(r->req_mem_kb == JOB_UNSET ? -1 :
	    (double)r->req_mem_kb, req_procs);
	j.f[SWF_STATUS] = r->status;
	j.f[SWF_USER] = swf_idmap_get(s->users, r->user);
	j.f[SWF_GROUP] = swf_idmap_get(s->groups, r->group);
	j.f[SWF_EXECUTABLE] = swf_idmap_get(s->executables, r->job_name);
	j.f[SWF_QUEUE] = swf_idmap_get(s->queues, r->queue);
	j.f[SWF_PARTITION] = swf_idmap_get(s->clusters, r->cluster);
	j.f[SWF_PRECEDING_JOB] = -1;
	j.f[SWF_THINK_TIME] = -1;
	track_maxima(s, r);
	return swf_write_job(s->lines, &j);
}

/* "a,b,c": the clusters, for the Computer line; the caller frees it. */
static char *
cluster_list(const struct swf_idmap *clusters)
{
	size_t len = 1, at = 0;
	int64_t i;
	char *s;

	for (i = 1; i <= swf_idmap_count(clusters); i++)
		len += strlen(swf_idmap_name(clusters, i)) + 2;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 1; i <= swf_idmap_count(clusters); i++)
		at += (size_t)snprintf(s + at, len - at, "%s%s", i > 1 ? ", " :
		    "", swf_idmap_name(clusters, i));
	return s;
}

static int
write_output(struct export_state *s, const struct swf_export_options *opt,
    FILE *out)
{
	struct swf_header h;
	char conversion[128], buf[65536], *computer = cluster_list(s->clusters);
	size_t n;
	struct tm tm;
	time_t now = (time_t)opt->now;

	gmtime_r(&now, &tm);
	snprintf(conversion, sizeof(conversion), "hpcacct %s, %04d-%02d-%02d",
	    PACKAGE_VERSION, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	memset(&h, 0, sizeof(h));
	h.computer = computer[0] ? computer : "unknown";
	h.installation = opt->installation;
	h.conversion = conversion;
	h.max_jobs = s->count;
	h.preemption = s->preemption;
	h.unix_start = s->count ? s->first_submit : 0;
	h.zone = timeutil_zone_name();
	h.end_time = s->count ? s->last_end : h.unix_start;
	h.max_nodes = s->max_nodes;
	h.max_procs = s->max_procs;
	h.queues = s->queues;
	h.partitions = s->clusters;
	h.names = opt->names;
	h.note = export_note;
	swf_write_header(out, &h);
	free(computer);
	rewind(s->lines);
	while ((n = fread(buf, 1, sizeof(buf), s->lines)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	return ferror(s->lines) || ferror(out) ? -1 : 0;
}

int
swf_export(struct store *st, const struct swf_export_options *opt,
    FILE *out, int64_t *jobs, char *err, size_t errsize)
{
	struct export_state s;
	int r = -1;

	memset(&s, 0, sizeof(s));
	s.last_end = INT64_MIN;
	s.lines = tmpfile();
	if (s.lines == NULL) {
		snprintf(err, errsize, "temporary file: %s", strerror(errno));
		return -1;
	}
	s.users = swf_idmap_new();
	s.groups = swf_idmap_new();
	s.executables = swf_idmap_new();
	s.queues = swf_idmap_new();
	s.clusters = swf_idmap_new();
	if (store_swf_jobs(st, opt->from, opt->to, opt->cluster, export_row,
	    &s) != 0 || ferror(s.lines))
		snprintf(err, errsize, "reading jobs: %s", store_errmsg(st));
	else if (write_output(&s, opt, out) != 0)
		snprintf(err, errsize, "write error: %s", strerror(errno));
	else
		r = 0;
	*jobs = s.count;
	fclose(s.lines);
	swf_idmap_free(s.users);
	swf_idmap_free(s.groups);
	swf_idmap_free(s.executables);
	swf_idmap_free(s.queues);
	swf_idmap_free(s.clusters);
	return r;
}
