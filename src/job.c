/* The job record's small helpers. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "job.h"

void
job_clear(struct job *job)
{
	memset(job, 0, sizeof(*job));
	job->array_index = JOB_UNSET;
	job->run_number = 0;
	job->submit = job->eligible = job->start = job->end = JOB_UNSET;
	job->alloc_procs = job->req_procs = JOB_UNSET;
	job->core_seconds = -1;
	job->cpu_time = -1;
	job->used_mem_kb = job->req_mem_kb = job->req_time = JOB_UNSET;
	job->nodes = job->gpus = JOB_UNSET;
	job->gpu_seconds = -1;
	job->status = SWF_UNKNOWN;
	job->exit_code = job->exit_signal = JOB_UNSET;
	job->uid = job->gid = JOB_UNSET;
	job->source_line = job->ingest_run = JOB_UNSET;
	job->wait_time = JOB_UNSET;
}

int64_t
job_run_time(const struct job *job)
{
	if (job->start == JOB_UNSET || job->end == JOB_UNSET ||
	    job->end < job->start)
		return 0;
	return job->end - job->start;
}

unsigned
job_finish(struct job *j)
{
	int64_t procs = j->alloc_procs != JOB_UNSET ? j->alloc_procs :
	    j->req_procs;
	unsigned odd = 0;

	j->run_time = job_run_time(j);
	j->wait_time = job_wait_time(j);
	if (j->start != JOB_UNSET && j->submit != JOB_UNSET &&
	    j->start < j->submit)
		odd |= JOB_ODD_WAIT;
	if (j->usage_unknown) {
		j->core_seconds = j->gpu_seconds = -1;
		return odd;
	}
	if (j->start == JOB_UNSET)
		j->core_seconds = 0;
	else if (j->core_seconds < 0 && procs != JOB_UNSET)
		j->core_seconds = (double)procs * (double)j->run_time;
	if (j->gpu_seconds < 0 && j->gpus != JOB_UNSET)
		j->gpu_seconds = (double)j->gpus * (double)j->run_time;
	return odd;
}

int64_t
job_wait_time(const struct job *job)
{
	if (job->start == JOB_UNSET || job->submit == JOB_UNSET ||
	    job->start < job->submit)
		return JOB_UNSET;
	return job->start - job->submit;
}

int
job_time_plausible(int64_t t)
{
	return t >= JOB_TIME_MIN && t < JOB_TIME_MAX;
}

int64_t
job_round(double v)
{
	if (!(v >= 0 && v <= 9007199254740992.0))	/* also NaN */
		return JOB_UNSET;
	return (int64_t)(v + 0.5);
}

int
job_duration_plausible(double seconds)
{
	return seconds >= 0 && seconds <= (double)JOB_DURATION_MAX;
}

void
job_sink_rejectf(const struct job_sink *sink, int64_t line, const char *fmt,
    ...)
{
	char reason[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	sink->reject(sink->ctx, line, reason);
}

void
job_sink_warnf(const struct job_sink *sink, int64_t line, const char *fmt,
    ...)
{
	char reason[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	sink->warn(sink->ctx, line, reason);
}
