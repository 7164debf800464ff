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

#include "export.h"
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

static void
track_maxima(struct export_state *s, const struct job *j)
{
	if (j->end > s->last_end)
		s->last_end = j->end;
	if (j->nodes != JOB_UNSET && j->nodes > s->max_nodes)
		s->max_nodes = j->nodes;
	if (j->alloc_procs != JOB_UNSET && j->alloc_procs > s->max_procs)
		s->max_procs = j->alloc_procs;
	if (j->req_procs != JOB_UNSET && j->req_procs > s->max_procs)
		s->max_procs = j->req_procs;
	if (strcmp(j->state, "REQUEUED") == 0 ||
	    strcmp(j->state, "PREEMPTED") == 0)
		s->preemption = 1;
}

static int
export_job(void *ctx, const struct job *j)
{
	struct export_state *s = ctx;
	struct swf_job line;

	if (s->count++ == 0)
		s->first_submit = j->submit;
	swf_job_from(&line, j, s->first_submit);
	line.f[SWF_JOB_NUMBER] = s->count;
	line.f[SWF_USER] = swf_idmap_get(s->users, j->user);
	line.f[SWF_GROUP] = swf_idmap_get(s->groups, j->group);
	line.f[SWF_EXECUTABLE] = swf_idmap_get(s->executables, j->job_name);
	line.f[SWF_QUEUE] = swf_idmap_get(s->queues, j->queue);
	line.f[SWF_PARTITION] = swf_idmap_get(s->clusters, j->cluster);
	track_maxima(s, j);
	return swf_write_job(s->lines, &line);
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
	struct store_filter filter = {opt->from, opt->to, opt->cluster, {NULL},
	    NULL, 0};
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
	if (store_jobs(st, &filter, export_job, &s) != 0 || ferror(s.lines))
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
