/*
 * One job record, as every parser produces it and the store keeps it: the
 * 18 quantities of the Standard Workload Format in natural units, plus the
 * names and raw values a site needs.  Strings are borrowed: they belong to
 * the parser and stay valid only during the callback that hands the job on.
 */
#ifndef HPCACCT_JOB_H
#define HPCACCT_JOB_H

#include <stdint.h>

/* An integer field that is not known (stored as NULL). */
#define JOB_UNSET INT64_MIN

/* SWF status codes (field 11). */
enum swf_status {
	SWF_FAILED = 0,
	SWF_COMPLETED = 1,
	SWF_CANCELLED = 5,
	SWF_UNKNOWN = -1
};

struct job {
	/* Identity: the unique key is cluster, job_id, submit, run_number. */
	const char *cluster;
	const char *source_format;	/* "slurm", "pbs", "k8s" */
	const char *job_id;		/* as the scheduler printed it */
	const char *array_job_id;	/* array parent, or NULL */
	int64_t array_index;
	int64_t run_number;		/* incarnation under the same id */

	/* Times, UTC epoch seconds. */
	int64_t submit;
	int64_t eligible;
	int64_t start;			/* JOB_UNSET: never started */
	int64_t end;

	/* Resources. */
	int64_t alloc_procs;
	int64_t req_procs;
	double core_seconds;		/* exact usage, may be fractional; < 0
					 * unknown */
	double cpu_time;		/* user+system CPU seconds; < 0 unknown */
	int64_t used_mem_kb;		/* peak, whole job */
	int64_t req_mem_kb;		/* whole job */
	int64_t req_time;		/* wall seconds */
	int64_t nodes;
	int64_t gpus;
	double gpu_seconds;		/* exact GPU usage; < 0: gpus x run */
	int usage_unknown;		/* the run could not be placed: core and
					 * GPU seconds stay unknown */

	/* Outcome. */
	const char *state;		/* normalised: COMPLETED, TIMEOUT, ... */
	const char *raw_state;		/* as printed */
	enum swf_status status;
	int64_t exit_code;
	int64_t exit_signal;

	/* Names. */
	const char *user;
	int64_t uid;
	const char *group;
	int64_t gid;
	const char *account;
	const char *queue;
	const char *qos;
	const char *job_name;

	/* Provenance. */
	const char *source_file;
	int64_t source_line;
	int64_t ingest_run;		/* the run that stored it, as
					 * store_jobs() reads it back;
					 * JOB_UNSET otherwise */

	/* Derived by job_finish(); readers leave them alone. */
	int64_t run_time;		/* end - start; 0 if it never started */
	int64_t wait_time;		/* start - submit; JOB_UNSET unknown */
};

/*
 * Plausible values.  A time outside [1980-01-01, 2100-01-01) UTC, a wall
 * duration over 20 years, or a count over 100 million processors or nodes
 * is a broken record (year 9999, NO_VAL leaking through), never a job:
 * readers warn and store the value as unknown.
 */
#define JOB_TIME_MIN INT64_C(315532800)
#define JOB_TIME_MAX INT64_C(4102444800)
#define JOB_DURATION_MAX INT64_C(631152000)
#define JOB_COUNT_MAX INT64_C(100000000)

/* Whether t (epoch seconds) is a plausible job time. */
int job_time_plausible(int64_t t);

/* Whether seconds is a plausible wall duration (0 to 20 years). */
int job_duration_plausible(double seconds);

/*
 * v rounded to the nearest integer, or JOB_UNSET where v is no number in
 * [0, 2^53] (a broken record's 1e78 CPU seconds): converting such a
 * double to an integer is undefined behaviour in C.
 */
int64_t job_round(double v);

/* Reset every field to unknown (strings NULL, integers JOB_UNSET). */
void job_clear(struct job *job);

/* Wall seconds the job ran (0 if it never started). */
int64_t job_run_time(const struct job *job);

/* Seconds from submit to start; JOB_UNSET if it never started or if the
 * record has it start before its submit (a clock or record error). */
int64_t job_wait_time(const struct job *job);

/* What job_finish() found odd in a record, for the reader's warning. */
#define JOB_ODD_WAIT 1u		/* it starts before its submit */

/*
 * Compute every derived field of a job as a reader left it, in this one
 * place, before it is stored: run and wait time; core-seconds where the
 * reader gave none (processors, allocated else requested, x run time; 0
 * for a job that never started; unknown with usage_unknown); GPU-seconds
 * likewise from the GPU count.  Returns JOB_ODD_* bits.
 */
unsigned job_finish(struct job *job);

/*
 * Where a parser sends what it reads.  Every callback gets ctx first and
 * the input line number (1-based) where it applies.
 */
struct job_sink {
	void *ctx;
	/* A finished job; returns 0, or -1 to stop the parse (store error). */
	int (*job)(void *ctx, const struct job *job);
	/* A record that could not be placed and was not stored. */
	void (*reject)(void *ctx, int64_t line, const char *reason);
	/* A record left out on purpose (a job that has not ended). */
	void (*skip)(void *ctx, int64_t line, const char *reason);
	/* A field that did not parse; the job is stored with it unknown. */
	void (*warn)(void *ctx, int64_t line, const char *reason);
	/* Make what was read so far durable: 0 or -1.  NULL for files (one
	 * transaction); set for streams, which may never end. */
	int (*flush)(void *ctx);
};

/* sink->reject and sink->warn with a printf-style reason. */
void job_sink_rejectf(const struct job_sink *sink, int64_t line,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void job_sink_warnf(const struct job_sink *sink, int64_t line,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#endif
