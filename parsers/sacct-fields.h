/*
 * Parsers for the values sacct prints: job ids, states, memory sizes,
 * TRES strings and exit codes.  Each takes (text, length), needs no NUL,
 * allocates nothing and returns 0 on success or -1 on text it cannot read.
 */
#ifndef HPCACCT_SACCT_FIELDS_H
#define HPCACCT_SACCT_FIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"

enum sacct_jobid_kind {
	SACCT_JOB,		/* 123 */
	SACCT_ARRAY_TASK,	/* 123_7 */
	SACCT_ARRAY_RANGE,	/* 123_[1-3,9%2]: tasks not yet split off */
	SACCT_HET_COMPONENT,	/* 123+0 */
	SACCT_STEP		/* 123.batch, 123_7.0, 123+0.extern */
};

struct sacct_jobid {
	enum sacct_jobid_kind kind;
	size_t job_len;		/* length of the job part (before any '.') */
	size_t parent_len;	/* length of the array parent ("123") */
	int64_t array_index;	/* for SACCT_ARRAY_TASK */
	const char *range;	/* inside the brackets, for SACCT_ARRAY_RANGE */
	size_t range_len;	/* without any "%throttle" */
};

/* Classify a JobID.  Returns -1 for an empty or malformed id. */
int sacct_parse_jobid(const char *s, size_t len, struct sacct_jobid *id);

/*
 * Walk an array range ("1-3,9"): on each call sets *index to the next task
 * index and returns 1; returns 0 at the end and -1 on a malformed range.
 * *pos starts at 0 and *next_index at -1 (the walker's own state).
 */
int sacct_range_next(const char *range, size_t len, size_t *pos,
    int64_t *next_index, int64_t *last_index, int64_t *index);

/*
 * Call task() with each index of an array's tasks that never split off,
 * as slurmdbd keeps them (a hex bit mask, "0x1E": tasks 1-4) or sacct
 * prints them ("1-4,9", "%2" throttle ignored), in increasing order of
 * the mask and in the range's order.  Returns 0, 1 (task() returned
 * nonzero) or -1 (malformed; task() may have been called before).
 */
int sacct_array_tasks(const char *s, size_t len,
    int (*task)(void *ctx, int64_t index), void *ctx);

/*
 * Hand job to sink once per task of an array range that never split off
 * (tasks as sacct_array_tasks() reads them): job id "PARENT_I" (written
 * to id), array_job_id parent, array_index I.  A malformed range is
 * rejected at line.  Returns 0, or -1 when the sink stopped.
 */
int sacct_emit_tasks(struct job *job, const char *parent, const char *tasks,
    size_t len, char *id, size_t idsize, const struct job_sink *sink,
    int64_t line);

/* Number of task indices in a range, or -1 if malformed. */
int64_t sacct_range_count(const char *range, size_t len);

enum sacct_state {
	SACCT_ST_UNKNOWN = 0,
	SACCT_ST_COMPLETED, SACCT_ST_FAILED, SACCT_ST_TIMEOUT,
	SACCT_ST_CANCELLED, SACCT_ST_NODE_FAIL, SACCT_ST_PREEMPTED,
	SACCT_ST_OUT_OF_MEMORY, SACCT_ST_BOOT_FAIL, SACCT_ST_DEADLINE,
	SACCT_ST_REVOKED,
	SACCT_ST_PENDING, SACCT_ST_RUNNING, SACCT_ST_REQUEUED,
	SACCT_ST_RESIZING, SACCT_ST_SUSPENDED,
	SACCT_ST_REQUEUE_FED, SACCT_ST_REQUEUE_HOLD, SACCT_ST_SPECIAL_EXIT,
	SACCT_ST_STOPPED, SACCT_ST_SIGNALING, SACCT_ST_STAGE_OUT
};

/*
 * Parse a State ("COMPLETED", "CANCELLED by 1234", "OUT_OF_ME+").  Sets
 * *state and, for "CANCELLED by N", *by_uid (else -1).  Returns -1 for
 * a state it does not know.
 */
int sacct_parse_state(const char *s, size_t len, enum sacct_state *state,
    int64_t *by_uid);

/* The canonical name of a state ("COMPLETED"). */
const char *sacct_state_name(enum sacct_state state);

/* Whether a job in this state has finished (its End is final). */
int sacct_state_is_final(enum sacct_state state);

/*
 * Skip (through sink, at line) a job that has not ended: a state that is
 * not final, but for a requeued incarnation with an end.  Returns 1 when
 * it was skipped, else 0.
 */
int sacct_skip_unended(enum sacct_state state, int has_end,
    const char *job_id, const struct job_sink *sink, int64_t line);

/* The SWF status of a job that ended in this state. */
enum swf_status sacct_state_status(enum sacct_state state);

/*
 * Parse a memory size "16G", "3000Mc", "4Gn", "1.5G", "2048" into KB.
 * default_unit ('K', 'M', ...) applies to a bare number.  *per is 'c' (per
 * CPU), 'n' (per node) or 0 (whole job).  Old slurmdbd values with the
 * per-CPU flag bit leaked into the number ("2147486648Mn") are repaired:
 * the bit is removed and the value read as per CPU.
 */
int sacct_parse_mem(const char *s, size_t len, char default_unit,
    double *kb, char *per);

struct sacct_tres {
	int64_t cpu;		/* -1 when absent */
	int64_t node;
	double mem_kb;		/* < 0 when absent */
	int64_t gpus;		/* untyped gres/gpu, else the typed sum, -1 */
};

/* Parse "billing=4,cpu=4,gres/gpu:a100=1,mem=16G,node=1". */
int sacct_parse_tres(const char *s, size_t len, struct sacct_tres *tres);

/* A job's GPUs from its allocated and requested TRES: the allocation's,
 * else for a job that never started the request's, else 0 where the TRES
 * list names processors but no GPU; JOB_UNSET when nothing says. */
int64_t sacct_tres_gpus(const struct sacct_tres *alloc,
    const struct sacct_tres *req, int started);

/* Parse ExitCode "code:signal". */
int sacct_parse_exitcode(const char *s, size_t len, int64_t *code,
    int64_t *signal);

/* Parse a non-negative decimal integer (the whole text). */
int sacct_parse_count(const char *s, size_t len, int64_t *value);

#endif
