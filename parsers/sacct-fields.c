/*
 * The value grammars of sacct --parsable2 output (FORMATS.md section 2).
 * Hot path of the Slurm parser: no allocation, no locale, no strtod.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sacct-fields.h"
#include "scan.h"

int
sacct_parse_count(const char *s, size_t len, int64_t *value)
{
	return scan_count(s, len, value);
}

static int
parse_array_part(const char *s, size_t len, size_t i, struct sacct_jobid *id)
{
	const char *close, *pct;

	if (i < len && s[i] == '[') {
		close = memchr(s + i, ']', len - i);
		if (close == NULL || (size_t)(close - s) != len - 1)
			return -1;
		id->kind = SACCT_ARRAY_RANGE;
		id->range = s + i + 1;
		pct = memchr(id->range, '%', (size_t)(close - id->range));
		id->range_len = (size_t)((pct != NULL ? pct : close) -
		    id->range);
		return sacct_range_count(id->range, id->range_len) > 0 ? 0 : -1;
	}
	id->kind = SACCT_ARRAY_TASK;
	return scan_uint(s, len, &i, &id->array_index) > 0 && i == len ?
	    0 : -1;
}

int
sacct_parse_jobid(const char *s, size_t len, struct sacct_jobid *id)
{
	const char *dot = memchr(s, '.', len);
	size_t i = 0, job_len = dot != NULL ? (size_t)(dot - s) : len;
	struct sacct_jobid part;

	memset(&part, 0, sizeof(part));
	part.array_index = -1;
	if (scan_uint(s, job_len, &i, NULL) == 0)
		return -1;
	part.parent_len = i;
	part.job_len = job_len;
	if (i == job_len)
		part.kind = SACCT_JOB;
	else if (s[i] == '_') {
		if (parse_array_part(s, job_len, i + 1, &part) != 0)
			return -1;
	} else if (s[i] == '+') {
		i++;
		if (scan_uint(s, job_len, &i, NULL) == 0 || i != job_len)
			return -1;
		part.kind = SACCT_HET_COMPONENT;
	} else
		return -1;
	if (dot != NULL) {
		if (dot + 1 == s + len || part.kind == SACCT_ARRAY_RANGE)
			return -1;
		part.kind = SACCT_STEP;
	}
	*id = part;
	return 0;
}

int
sacct_range_next(const char *range, size_t len, size_t *pos,
    int64_t *next_index, int64_t *last_index, int64_t *index)
{
	size_t i = *pos;
	int64_t first, last;

	if (*next_index >= 0 && *next_index <= *last_index) {
		*index = (*next_index)++;
		return 1;
	}
	if (i >= len)
		return 0;
	if (scan_uint(range, len, &i, &first) == 0)
		return -1;
	last = first;
	if (i < len && range[i] == '-') {
		i++;
		if (scan_uint(range, len, &i, &last) == 0 || last < first)
			return -1;
	}
	if (i < len && range[i++] != ',')
		return -1;
	if (i == len && range[len - 1] == ',')
		return -1;
	*pos = i;
	*index = first;
	*next_index = first + 1;
	*last_index = last;
	return 1;
}

int64_t
sacct_range_count(const char *range, size_t len)
{
	size_t pos = 0;
	int64_t next = -1, last = -1, index, count = 0;
	int r;

	while ((r = sacct_range_next(range, len, &pos, &next, &last,
	    &index)) == 1) {
		if (next <= last) {	/* count the rest of a span at once */
			count += last - next + 1;
			next = last + 1;
		}
		count++;
	}
	return r < 0 || count == 0 ? -1 : count;
}

int
sacct_skip_unended(enum sacct_state state, int has_end, const char *job_id,
    const struct job_sink *sink, int64_t line)
{
	char why[160];

	if (sacct_state_is_final(state) ||
	    (state == SACCT_ST_REQUEUED && has_end))
		return 0;
	snprintf(why, sizeof(why), "job %s has not ended (%s)", job_id,
	    sacct_state_name(state));
	sink->skip(sink->ctx, line, why);
	return 1;
}

int64_t
sacct_tres_gpus(const struct sacct_tres *alloc, const struct sacct_tres *req,
    int started)
{
	if (alloc->gpus >= 0)
		return alloc->gpus;
	if (!started && req->gpus >= 0)
		return req->gpus;
	if (alloc->cpu > 0 || req->cpu > 0)
		return 0;	/* a TRES list without GPUs */
	return JOB_UNSET;
}

static int
sacct_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

int
sacct_array_tasks(const char *s, size_t len,
    int (*task)(void *ctx, int64_t index), void *ctx)
{
	size_t pos = 0, i;
	int64_t next = -1, last = -1, index;
	int d, b, r;

	if (len < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) {
		for (i = 0; i < len && s[i] != '%'; i++)
			;
		while ((r = sacct_range_next(s, i, &pos, &next, &last,
		    &index)) == 1)
			if (task(ctx, index) != 0)
				return 1;
		return r < 0 ? -1 : 0;
	}
	for (i = 2; i < len; i++)
		if (sacct_hex_digit(s[i]) < 0)
			return -1;
	for (i = len; i-- > 2;) {	/* the last digit holds tasks 0-3 */
		d = sacct_hex_digit(s[i]);
		for (b = 0; b < 4; b++)
			if ((d >> b & 1) && task(ctx, (int64_t)(len - 1 - i) *
			    4 + b) != 0)
				return 1;
	}
	return 0;
}

struct sacct_tasks_emit {
	struct job *job;
	const char *parent;
	char *id;
	size_t idsize;
	const struct job_sink *sink;
};

static int
sacct_emit_task(void *ctx, int64_t index)
{
	struct sacct_tasks_emit *e = ctx;

	snprintf(e->id, e->idsize, "%s_%lld", e->parent, (long long)index);
	e->job->job_id = e->id;
	e->job->array_index = index;
	return e->sink->job(e->sink->ctx, e->job) != 0;
}

int
sacct_emit_tasks(struct job *job, const char *parent, const char *tasks,
    size_t len, char *id, size_t idsize, const struct job_sink *sink,
    int64_t line)
{
	struct sacct_tasks_emit e = {job, parent, id, idsize, sink};
	int rc;

	job->array_job_id = parent;
	if ((rc = sacct_array_tasks(tasks, len, sacct_emit_task, &e)) < 0)
		job_sink_rejectf(sink, line, "job %s: array tasks '%.*s'",
		    parent, (int)(len < 40 ? len : 40), tasks);
	return rc > 0 ? -1 : 0;
}

static const struct {
	const char *name;
	enum sacct_state state;
	int final;
} states[] = {
	{"COMPLETED", SACCT_ST_COMPLETED, 1},
	{"FAILED", SACCT_ST_FAILED, 1},
	{"TIMEOUT", SACCT_ST_TIMEOUT, 1},
	{"CANCELLED", SACCT_ST_CANCELLED, 1},
	{"NODE_FAIL", SACCT_ST_NODE_FAIL, 1},
	{"PREEMPTED", SACCT_ST_PREEMPTED, 1},
	{"OUT_OF_MEMORY", SACCT_ST_OUT_OF_MEMORY, 1},
	{"BOOT_FAIL", SACCT_ST_BOOT_FAIL, 1},
	{"DEADLINE", SACCT_ST_DEADLINE, 1},
	{"REVOKED", SACCT_ST_REVOKED, 1},
	{"PENDING", SACCT_ST_PENDING, 0},
	{"RUNNING", SACCT_ST_RUNNING, 0},
	{"REQUEUED", SACCT_ST_REQUEUED, 0},
	{"RESIZING", SACCT_ST_RESIZING, 0},
	{"SUSPENDED", SACCT_ST_SUSPENDED, 0},
	{"REQUEUE_FED", SACCT_ST_REQUEUE_FED, 0},
	{"REQUEUE_HOLD", SACCT_ST_REQUEUE_HOLD, 0},
	{"SPECIAL_EXIT", SACCT_ST_SPECIAL_EXIT, 0},
	{"STOPPED", SACCT_ST_STOPPED, 0},
	{"SIGNALING", SACCT_ST_SIGNALING, 0},
	{"STAGE_OUT", SACCT_ST_STAGE_OUT, 0},
};
#define NSTATES (sizeof(states) / sizeof(states[0]))

int
sacct_parse_state(const char *s, size_t len, enum sacct_state *state,
    int64_t *by_uid)
{
	const char *space = memchr(s, ' ', len);
	size_t word = space != NULL ? (size_t)(space - s) : len;
	int truncated = word > 0 && s[word - 1] == '+';
	size_t i, n, rest;

	*by_uid = -1;
	if (truncated)
		word--;
	if (word == 0)
		return -1;
	for (n = 0; n < NSTATES; n++) {
		size_t nlen = strlen(states[n].name);
		if ((truncated ? nlen >= word : nlen == word) &&
		    memcmp(states[n].name, s, word) == 0)
			break;
	}
	if (n == NSTATES)
		return -1;
	*state = states[n].state;
	if (space == NULL || truncated)
		return 0;
	rest = len - word;	/* " by 1234" */
	if (rest > 4 && memcmp(space, " by ", 4) == 0) {
		i = word + 4;
		if (scan_uint(s, len, &i, by_uid) > 0 && i == len)
			return 0;
	}
	*by_uid = -1;
	return 0;	/* other trailing text is kept only as the raw state */
}

const char *
sacct_state_name(enum sacct_state state)
{
	size_t n;

	for (n = 0; n < NSTATES; n++)
		if (states[n].state == state)
			return states[n].name;
	return "UNKNOWN";
}

int
sacct_state_is_final(enum sacct_state state)
{
	size_t n;

	for (n = 0; n < NSTATES; n++)
		if (states[n].state == state)
			return states[n].final;
	return 1;
}

/* A decimal number with optional fraction; returns chars used or 0. */
static size_t
parse_decimal(const char *s, size_t len, double *value)
{
	size_t i = 0;
	double v = 0, scale = 0.1;

	while (i < len && scan_is_digit(s[i]))
		v = v * 10 + (s[i++] - '0');
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && scan_is_digit(s[i])) {
			v += (s[i++] - '0') * scale;
			scale /= 10;
		}
	}
	if (i == 0 || (i == 1 && s[0] == '.'))
		return 0;
	*value = v;
	return i;
}

static double
unit_kb(char unit)
{
	switch (unit) {
	case 'K': case 'k': return 1;
	case 'M': case 'm': return 1024;
	case 'G': case 'g': return 1024.0 * 1024;
	case 'T': case 't': return 1024.0 * 1024 * 1024;
	case 'P': case 'p': return 1024.0 * 1024 * 1024 * 1024;
	default: return -1;
	}
}

#define MEM_PER_CPU_FLAG 2147483648.0	/* 0x80000000, in MB */

int
sacct_parse_mem(const char *s, size_t len, char default_unit, double *kb,
    char *per)
{
	double value, factor;
	size_t i = parse_decimal(s, len, &value);

	*per = 0;
	if (i == 0)
		return -1;
	factor = unit_kb(default_unit);
	if (i < len && unit_kb(s[i]) > 0)
		factor = unit_kb(s[i++]);
	if (i < len && (s[i] == 'c' || s[i] == 'n'))
		*per = s[i++];
	if (i != len || factor < 0)
		return -1;
	if (value * factor / 1024 >= MEM_PER_CPU_FLAG) {
		value -= MEM_PER_CPU_FLAG * 1024 / factor;
		if (value < 0 || value * factor / 1024 >= MEM_PER_CPU_FLAG)
			return -1;
		*per = 'c';
	}
	*kb = value * factor;
	return 0;
}

static int
tres_item(const char *key, size_t klen, const char *val, size_t vlen,
    struct sacct_tres *t, int64_t *typed_gpus)
{
	int64_t n;
	char per;

	if (klen == 3 && memcmp(key, "mem", 3) == 0)
		return sacct_parse_mem(val, vlen, 'M', &t->mem_kb, &per);
	if (klen >= 8 && memcmp(key, "gres/gpu", 8) == 0 &&
	    (klen == 8 || key[8] == ':')) {
		if (sacct_parse_count(val, vlen, &n) != 0)
			return -1;
		if (klen == 8)
			t->gpus = n;
		else
			*typed_gpus += n;
		return 0;
	}
	if (klen == 3 && memcmp(key, "cpu", 3) == 0)
		return sacct_parse_count(val, vlen, &t->cpu);
	if (klen == 4 && memcmp(key, "node", 4) == 0)
		return sacct_parse_count(val, vlen, &t->node);
	return 0;	/* billing, energy, licenses, ...: not needed */
}

int
sacct_parse_tres(const char *s, size_t len, struct sacct_tres *t)
{
	size_t i = 0;
	int64_t typed_gpus = 0;
	int typed_seen = 0;

	t->cpu = t->node = t->gpus = -1;
	t->mem_kb = -1;
	while (i < len) {
		const char *item = s + i;
		const char *comma = memchr(item, ',', len - i);
		size_t ilen = comma != NULL ? (size_t)(comma - item) : len - i;
		const char *eq = memchr(item, '=', ilen);

		if (eq == NULL || eq == item)
			return -1;
		if ((size_t)(eq - item) > 9 && memcmp(item, "gres/gpu:", 9) == 0)
			typed_seen = 1;
		if (tres_item(item, (size_t)(eq - item), eq + 1,
		    ilen - (size_t)(eq - item) - 1, t, &typed_gpus) != 0)
			return -1;
		i += ilen + (comma != NULL);
	}
	if (t->gpus < 0 && typed_seen)
		t->gpus = typed_gpus;
	return 0;
}

int
sacct_parse_exitcode(const char *s, size_t len, int64_t *code,
    int64_t *signal)
{
	const char *colon = memchr(s, ':', len);
	size_t clen;

	if (colon == NULL)
		return -1;
	clen = (size_t)(colon - s);
	if (sacct_parse_count(s, clen, code) != 0 ||
	    sacct_parse_count(colon + 1, len - clen - 1, signal) != 0)
		return -1;
	return 0;
}

enum swf_status
sacct_state_status(enum sacct_state st)
{
	switch (st) {
	case SACCT_ST_COMPLETED:
		return SWF_COMPLETED;
	case SACCT_ST_CANCELLED:
	case SACCT_ST_REVOKED:
		return SWF_CANCELLED;
	case SACCT_ST_UNKNOWN:
		return SWF_UNKNOWN;
	default:
		return SWF_FAILED;
	}
}
