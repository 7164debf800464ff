/*
 * sacct --parsable2 reader.  Lines are split at '|' (or --delimiter) up to
 * the number of header columns (the last keeps any further '|'); a line with too
 * few fields is joined with the next one, since user text may hold a
 * newline.  An allocation line becomes the pending job; the step lines
 * that follow fold into it; the next allocation line (or the end) hands it
 * to the sink.  Nothing else is kept, so memory does not grow with input.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sacct-fields.h"
#include "sacct.h"
#include "timeutil.h"
#include "xalloc.h"

enum column {
	COL_JOBID, COL_CLUSTER, COL_USER, COL_UID, COL_GROUP, COL_GID,
	COL_ACCOUNT, COL_PARTITION, COL_QOS, COL_SUBMIT, COL_ELIGIBLE,
	COL_START, COL_END, COL_ELAPSED, COL_STATE, COL_EXITCODE,
	COL_ALLOCCPUS, COL_REQCPUS, COL_NCPUS, COL_REQMEM, COL_MAXRSS,
	COL_TOTALCPU, COL_TIMELIMIT, COL_NNODES, COL_ALLOCTRES, COL_REQTRES,
	COL_JOBNAME, COL_NTASKS,
	COL_COUNT
};

static const char *const column_names[COL_COUNT] = {
	"JobID", "Cluster", "User", "UID", "Group", "GID",
	"Account", "Partition", "QOS", "Submit", "Eligible",
	"Start", "End", "Elapsed", "State", "ExitCode",
	"AllocCPUS", "ReqCPUS", "NCPUS", "ReqMem", "MaxRSS",
	"TotalCPU", "Timelimit", "NNodes", "AllocTRES", "ReqTRES",
	"JobName", "NTasks",
};

static const enum column required_columns[] = {
	COL_JOBID, COL_STATE, COL_SUBMIT, COL_END
};

/*
 * One record's fields.  While lines are appended the text buffer may move,
 * so fields are kept as offsets (foff) and become pointers into the text
 * (field) only when the record is complete.
 */
struct record {
	char *text;
	size_t cap;
	size_t *foff;		/* ncols field starts, offsets into text */
	char **field;		/* ncols entries, NUL-terminated */
	size_t *flen;
	int64_t line;
};

struct sacct_parser {
	const char *name;
	const struct sacct_options *opt;
	const struct job_sink *sink;
	int col[COL_COUNT];	/* field index of each column, -1 absent */
	size_t ncols;
	const char *delim;	/* field delimiter, dlen bytes */
	size_t dlen;

	struct record cur;	/* the record being read */
	struct record pend;	/* the pending job's record */
	int pending;
	struct job job;
	struct sacct_jobid id;
	char parent[32];	/* array parent id, NUL-terminated */
	double step_cpu;	/* CPU seconds summed over steps, < 0 none */
	double step_mem_kb;	/* largest step memory, < 0 none */
	double job_mem_kb;	/* MaxRSS of the allocation line, < 0 none */
	unsigned bad_time;	/* out of range: 1 Submit, 2 End, 4 others */
	int usage_unknown;	/* the run could not be placed */

	char *last_id;		/* job part of the last allocation line */
	size_t last_id_len, last_id_cap;
	int64_t orphan_steps;
};

/* Where delimiter d (dlen bytes) first occurs in s[0, len), or NULL. */
static const char *
delim_find(const char *s, size_t len, const char *d, size_t dlen)
{
	const char *end = s + len;

	if (dlen == 1)
		return memchr(s, d[0], len);
	for (; (size_t)(end - s) >= dlen; s++) {
		s = memchr(s, d[0], (size_t)(end - s) - dlen + 1);
		if (s == NULL)
			return NULL;
		if (memcmp(s, d, dlen) == 0)
			return s;
	}
	return NULL;
}

static int
column_lookup(const char *name, size_t len)
{
	const char *pct = memchr(name, '%', len);
	int i;

	if (pct != NULL)	/* sacct --format width: "JobName%30" */
		len = (size_t)(pct - name);
	for (i = 0; i < COL_COUNT; i++)
		if (strlen(column_names[i]) == len &&
		    strncasecmp(column_names[i], name, len) == 0)
			return i;
	return -1;
}

/* Map a header or --columns list (separated by sep) to column positions. */
static int
columns_from_list(struct sacct_parser *p, const char *list, const char *sep,
    char *err, size_t errsize)
{
	const char *s = list, *end, *stop = list + strlen(list);
	size_t i, n = 0, slen = strlen(sep);
	int c;

	for (c = 0; c < COL_COUNT; c++)
		p->col[c] = -1;
	for (;;) {
		end = delim_find(s, (size_t)(stop - s), sep, slen);
		if (end == NULL)
			end = stop;
		c = column_lookup(s, (size_t)(end - s));
		if (c >= 0 && p->col[c] < 0)
			p->col[c] = (int)n;
		n++;
		if (end == stop)
			break;
		s = end + slen;
	}
	p->ncols = n;
	for (i = 0; i < sizeof(required_columns) / sizeof(required_columns[0]);
	    i++)
		if (p->col[required_columns[i]] < 0) {
			snprintf(err, errsize, "no %s column (sacct "
			    "--format must include JobID, State, Submit, "
			    "End)", column_names[required_columns[i]]);
			return -1;
		}
	if (p->col[COL_START] < 0 && p->col[COL_ELAPSED] < 0) {
		snprintf(err, errsize, "neither a Start nor an Elapsed column");
		return -1;
	}
	return 0;
}

int
sacct_is_header(const char *line, size_t len, const char *delimiter)
{
	const char *s = line, *end = line + len, *bar;
	const char *d = delimiter != NULL ? delimiter : "|";
	size_t dlen = strlen(d);

	while (s <= end) {
		bar = delim_find(s, (size_t)(end - s), d, dlen);
		if (bar == NULL)
			bar = end;
		if (column_lookup(s, (size_t)(bar - s)) == COL_JOBID)
			return 1;
		s = bar + dlen;
	}
	return 0;
}

static const char *
columns_separator(const char *columns)
{
	return strchr(columns, '|') != NULL ? "|" : ",";
}

int
sacct_check_columns(const char *columns, char *err, size_t errsize)
{
	struct sacct_parser p;

	return columns_from_list(&p, columns, columns_separator(columns), err,
	    errsize);
}

static void
record_init(struct record *r, size_t ncols)
{
	r->text = NULL;
	r->cap = 0;
	r->foff = xcalloc(ncols, sizeof(*r->foff));
	r->field = xcalloc(ncols, sizeof(*r->field));
	r->flen = xcalloc(ncols, sizeof(*r->flen));
}

static void
record_free(struct record *r)
{
	free(r->text);
	free(r->foff);
	free(r->field);
	free(r->flen);
}

static void
record_append(struct record *r, size_t at, const char *s, size_t len)
{
	if (at + len + 2 > r->cap) {
		r->cap = (at + len + 2) * 2;
		r->text = xreallocarray(r->text, r->cap, 1);
	}
	memcpy(r->text + at, s, len);
	r->text[at + len] = '\0';
}

static size_t
count_fields(const struct sacct_parser *p, const char *s, size_t len)
{
	const char *end = s + len;
	size_t n = 1;

	while ((s = delim_find(s, (size_t)(end - s), p->delim, p->dlen)) !=
	    NULL) {
		s += p->dlen;
		n++;
	}
	return n;
}

/*
 * Split r->text[pos, end) on: each delimiter ends a field until the record
 * has p->ncols fields (the last keeps any further delimiters).  nf is the
 * number of fields begun before pos; returns the number begun after.  The
 * hottest loop of an ingest.
 */
static size_t
split_fields(const struct sacct_parser *p, struct record *r, size_t pos,
    size_t end, size_t nf)
{
	char *s = r->text + pos, *stop = r->text + end, *d;

	if (nf == 0)
		r->foff[nf++] = pos;
	while (nf < p->ncols && (d = (char *)delim_find(s, (size_t)(stop - s),
	    p->delim, p->dlen)) != NULL) {
		*d = '\0';
		s = d + p->dlen;
		r->foff[nf++] = (size_t)(s - r->text);
	}
	return nf;
}

static void
field_lengths(const struct sacct_parser *p, struct record *r, size_t used)
{
	size_t i;

	for (i = 0; i < p->ncols; i++)
		r->field[i] = r->text + r->foff[i];
	for (i = 0; i + 1 < p->ncols; i++)
		r->flen[i] = r->foff[i + 1] - r->foff[i] - p->dlen;
	r->flen[i] = used - r->foff[i];
}

/* NUL bytes in the line just read: the linereader made them '?'. */
static void
warn_nuls(struct sacct_parser *p, struct linereader *lr)
{
	if (linereader_nuls(lr) > 0)
		job_sink_warnf(p->sink, linereader_lineno(lr), "%d NUL bytes, "
		    "read as '?'", linereader_nuls(lr));
}

/* Whether a line may be text of a name: no control bytes but tabs, no
 * NULs (the reader turned them into '?'). */
static int
is_text(struct linereader *lr, const char *s, ssize_t len)
{
	ssize_t i;

	if (linereader_nuls(lr) > 0)
		return 0;
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') ||
		    s[i] == 0x7f)
			return 0;
	return 1;
}

/*
 * Lines of text without a delimiter after a complete record continue its
 * last column (a newline in a job name); append them.  Returns the new
 * text length.
 */
static size_t
append_continuations(struct sacct_parser *p, struct record *r,
    struct linereader *lr, size_t used)
{
	char *line;
	ssize_t len;

	while ((len = linereader_next(lr, &line)) > 0) {
		if (delim_find(line, (size_t)len, p->delim, p->dlen) != NULL ||
		    !is_text(lr, line, len))
			break;
		record_append(r, used, "\n", 1);
		record_append(r, used + 1, line, (size_t)len);
		used += 1 + (size_t)len;
	}
	if (len >= 0)
		linereader_unread(lr);
	return used;
}

/*
 * Whether the first line of a record, split into nf fields, can begin one:
 * its JobID field, if the line holds it, must read as a job id.  A line
 * that cannot is reported alone, so it never swallows the record after it.
 * (process_record() parses the id again: a parsed id points into the
 * text, which later lines of the record may move.)
 */
static int
starts_record(struct sacct_parser *p, const struct record *r, size_t nf,
    size_t used)
{
	size_t c = (size_t)p->col[COL_JOBID], len;
	struct sacct_jobid id;

	if (c >= nf)
		return 1;
	len = (c + 1 < nf ? r->foff[c + 1] - p->dlen : used) - r->foff[c];
	if (len > 0 && sacct_parse_jobid(r->text + r->foff[c], len, &id) == 0)
		return 1;
	if (len == 0)
		job_sink_rejectf(p->sink, r->line, "no JobID");
	else
		job_sink_rejectf(p->sink, r->line, "unreadable JobID '%.40s'",
		    r->text + r->foff[c]);
	return 0;
}

/*
 * Read the next record into p->cur, joining lines split by a newline in
 * user text.  Returns 1, 0 at the end of input, or -1 for a record that
 * cannot be read (reported here).
 */
static int
read_record(struct sacct_parser *p, struct linereader *lr)
{
	struct record *r = &p->cur;
	char *line;
	ssize_t len;
	size_t used, nf;

	do {
		len = linereader_next(lr, &line);
		if (len < 0)
			return 0;
	} while (len == 0);
	r->line = linereader_lineno(lr);
	warn_nuls(p, lr);
	record_append(r, 0, line, (size_t)len);
	used = (size_t)len;
	nf = split_fields(p, r, 0, used, 0);
	if (!starts_record(p, r, nf, used))
		return -1;
	while (nf < p->ncols) {
		len = linereader_next(lr, &line);
		if (len < 0)
			break;
		if (nf + count_fields(p, line, (size_t)len) - 1 > p->ncols) {
			linereader_unread(lr);
			break;
		}
		warn_nuls(p, lr);
		record_append(r, used, "\n", 1);
		record_append(r, used + 1, line, (size_t)len);
		nf = split_fields(p, r, used + 1, used + 1 + (size_t)len, nf);
		used += 1 + (size_t)len;
	}
	if (nf < p->ncols) {
		job_sink_rejectf(p->sink, r->line, "%zu fields, expected %zu",
		    nf, p->ncols);
		return -1;
	}
	used = append_continuations(p, r, lr, used);
	field_lengths(p, r, used);
	return 1;
}

/* Field text of column c in record r, or NULL if absent or empty. */
static const char *
field(const struct sacct_parser *p, const struct record *r, enum column c,
    size_t *len)
{
	int i = p->col[c];

	if (i < 0 || r->flen[i] == 0)
		return NULL;
	if (len != NULL)
		*len = r->flen[i];
	return r->field[i];
}

static void
warn_field(struct sacct_parser *p, enum column c, const char *text)
{
	job_sink_warnf(p->sink, p->pend.line, "unreadable %s '%.60s', stored "
	    "as unknown", column_names[c], text);
}

/* A count column of the pending record; JOB_UNSET if absent or bad. */
static int64_t
field_count(struct sacct_parser *p, enum column c)
{
	size_t len;
	const char *s = field(p, &p->pend, c, &len);
	int64_t v;

	if (s == NULL)
		return JOB_UNSET;
	if (sacct_parse_count(s, len, &v) != 0) {
		warn_field(p, c, s);
		return JOB_UNSET;
	}
	return v;
}

static double
field_duration(struct sacct_parser *p, const struct record *r,
    enum column c, int warn)
{
	size_t len;
	const char *s = field(p, r, c, &len);
	double v;

	if (s == NULL || strcmp(s, "UNLIMITED") == 0 ||
	    strcmp(s, "Partition_Limit") == 0 || strcmp(s, "INVALID") == 0)
		return -1;
	if (timeutil_parse_duration(s, len, 0, &v) != 0) {
		if (warn)
			warn_field(p, c, s);
		return -1;
	}
	/* CPU time adds up over processors (to 1e15 s: 30 million CPU
	 * years); wall times cannot be that long */
	if (c == COL_TOTALCPU ? v > 1e15 : !job_duration_plausible(v)) {
		if (warn)
			job_sink_warnf(p->sink, r->line, "%s '%.40s' out of "
			    "range, stored as unknown", column_names[c], s);
		return -1;
	}
	return v;
}

static double
field_mem_kb(struct sacct_parser *p, const struct record *r, enum column c,
    char default_unit, char *per, int warn)
{
	size_t len;
	const char *s = field(p, r, c, &len);
	double kb;
	char dummy;

	if (per == NULL)
		per = &dummy;
	*per = 0;
	if (s == NULL)
		return -1;
	if (sacct_parse_mem(s, len, default_unit, &kb, per) != 0) {
		if (warn)
			warn_field(p, c, s);
		return -1;
	}
	return kb;
}

static void
field_tres(struct sacct_parser *p, enum column c, struct sacct_tres *t)
{
	size_t len;
	const char *s = field(p, &p->pend, c, &len);

	t->cpu = t->node = t->gpus = -1;
	t->mem_kb = -1;
	if (s != NULL && sacct_parse_tres(s, len, t) != 0) {
		warn_field(p, c, s);
		t->cpu = t->node = t->gpus = -1;
		t->mem_kb = -1;
	}
}

/*
 * Parse time column c of r into *t (JOB_UNSET when unknown).  A time out
 * of range is warned about and unknown; text that is no time is rejected
 * here and gives -1.
 */
static int
field_time(struct sacct_parser *p, const struct record *r, enum column c,
    int64_t *t)
{
	size_t len = 0;
	const char *s = field(p, r, c, &len);

	*t = JOB_UNSET;
	switch (timeutil_parse_local(s != NULL ? s : "", len, t)) {
	case TIME_OK:
		if (job_time_plausible(*t))
			return 0;
		job_sink_warnf(p->sink, r->line, "%s time '%.40s' out of "
		    "range, stored as unknown", column_names[c], s);
		p->bad_time |= c == COL_SUBMIT ? 1 : c == COL_END ? 2 : 4;
		/* FALLTHROUGH */
	case TIME_UNKNOWN:
		*t = JOB_UNSET;
		return 0;
	default:
		job_sink_rejectf(p->sink, r->line, "unreadable %s time '%.40s'",
		    column_names[c], s);
		return -1;
	}
}

static int64_t
size_or_unset(int64_t v)
{
	return v != JOB_UNSET && v > 0 && v <= JOB_COUNT_MAX ? v : JOB_UNSET;
}

/* A processor or node count: positive, plausible (warned if not). */
static int64_t
field_size(struct sacct_parser *p, enum column c)
{
	int64_t v = field_count(p, c);

	if (v != JOB_UNSET && v > JOB_COUNT_MAX) {
		job_sink_warnf(p->sink, p->pend.line, "%s %lld out of range, "
		    "stored as unknown", column_names[c], (long long)v);
		return JOB_UNSET;
	}
	return size_or_unset(v);
}

/* Requested memory for the whole job from ReqMem and its c/n flag. */
static void
set_req_mem(struct sacct_parser *p, struct job *j)
{
	char per;
	double kb = field_mem_kb(p, &p->pend, COL_REQMEM, 'M', &per, 1);
	int64_t times = 1;

	if (kb < 0)
		return;
	if (per == 'c')
		times = j->req_procs != JOB_UNSET ? j->req_procs :
		    j->alloc_procs;
	else if (per == 'n')
		times = j->nodes;
	if (times == JOB_UNSET)
		return;
	j->req_mem_kb = job_round(kb * (double)times);
}

/* A column that must have a value (here) and is empty: warn. */
static void
warn_if_empty(struct sacct_parser *p, enum column c)
{
	if (p->col[c] >= 0 && p->pend.flen[p->col[c]] == 0)
		job_sink_warnf(p->sink, p->pend.line, "empty %s, stored as "
		    "unknown", column_names[c]);
}

static void
set_resources(struct sacct_parser *p, struct job *j)
{
	struct sacct_tres alloc, req;
	double d;

	warn_if_empty(p, COL_TIMELIMIT);
	if (j->start != JOB_UNSET) {
		warn_if_empty(p, COL_ALLOCTRES);
		warn_if_empty(p, COL_ALLOCCPUS);
	}

	field_tres(p, COL_ALLOCTRES, &alloc);
	field_tres(p, COL_REQTRES, &req);
	/* AllocCPUS (NCPUS is its other name) over AllocTRES, NNodes over
	 * AllocTRES node= (sacct(1) documents them as the allocation) */
	j->alloc_procs = field_size(p, COL_ALLOCCPUS);
	if (j->alloc_procs == JOB_UNSET && p->col[COL_ALLOCCPUS] < 0)
		j->alloc_procs = field_size(p, COL_NCPUS);
	if (j->alloc_procs == JOB_UNSET && p->col[COL_ALLOCCPUS] < 0)
		j->alloc_procs = size_or_unset(alloc.cpu);
	j->req_procs = field_size(p, COL_REQCPUS);
	if (j->req_procs == JOB_UNSET)
		j->req_procs = size_or_unset(req.cpu);
	j->nodes = field_size(p, COL_NNODES);
	if (j->nodes == JOB_UNSET)
		j->nodes = size_or_unset(alloc.node);
	j->gpus = sacct_tres_gpus(&alloc, &req, j->start != JOB_UNSET);
	d = field_duration(p, &p->pend, COL_TIMELIMIT, 1);
	j->req_time = d >= 0 ? (int64_t)d : JOB_UNSET;
	d = field_duration(p, &p->pend, COL_TOTALCPU, 1);
	j->cpu_time = d;
	p->job_mem_kb = field_mem_kb(p, &p->pend, COL_MAXRSS, 'K', NULL, 1);
	set_req_mem(p, j);
}

static void
set_names(struct sacct_parser *p, struct job *j)
{
	const struct record *r = &p->pend;

	j->cluster = p->opt->cluster;
	if (j->cluster == NULL)
		j->cluster = field(p, r, COL_CLUSTER, NULL);
	if (j->cluster == NULL)
		j->cluster = "default";
	j->user = field(p, r, COL_USER, NULL);
	j->uid = field_count(p, COL_UID);
	j->group = field(p, r, COL_GROUP, NULL);
	j->gid = field_count(p, COL_GID);
	j->account = field(p, r, COL_ACCOUNT, NULL);
	j->queue = field(p, r, COL_PARTITION, NULL);
	j->qos = field(p, r, COL_QOS, NULL);
	j->job_name = field(p, r, COL_JOBNAME, NULL);
}

static void
set_exit(struct sacct_parser *p, struct job *j)
{
	size_t len;
	const char *s = field(p, &p->pend, COL_EXITCODE, &len);

	if (s != NULL &&
	    sacct_parse_exitcode(s, len, &j->exit_code, &j->exit_signal) != 0) {
		warn_field(p, COL_EXITCODE, s);
		j->exit_code = j->exit_signal = JOB_UNSET;
	}
}

/*
 * Start and end agreeing with Elapsed: where a local time is ambiguous (the
 * hour repeated when clocks fall back), take the reading that Elapsed
 * confirms.
 */
static void
resolve_ambiguous(struct job *j, int64_t elapsed)
{
	int64_t s2, e2;
	int has_s = timeutil_local_other(j->start, &s2);
	int has_e = timeutil_local_other(j->end, &e2);

	if (has_s && j->end - s2 == elapsed)
		j->start = s2;
	else if (has_e && e2 - j->start == elapsed)
		j->end = e2;
	else if (has_s && has_e && e2 - s2 == elapsed) {
		j->start = s2;
		j->end = e2;
	}
}

/*
 * Fill a missing or inconsistent start or end from the other and Elapsed
 * (a job CANCELLED while running often has End=Unknown).  Returns -1 (the
 * record rejected) when the job cannot be placed in time.
 */
static int
derive_times(struct sacct_parser *p, struct job *j, double elapsed)
{
	int64_t el = elapsed >= 0 ? (int64_t)elapsed : -1;

	if (j->start != JOB_UNSET && j->end != JOB_UNSET && el >= 0 &&
	    j->end - j->start != el)
		resolve_ambiguous(j, el);
	if (j->end == JOB_UNSET && j->start != JOB_UNSET && el >= 0)
		j->end = j->start + el;
	if (j->start == JOB_UNSET && j->end != JOB_UNSET && el > 0)
		j->start = j->end - el;
	if (j->start != JOB_UNSET && j->end != JOB_UNSET && j->start > j->end) {
		warn_field(p, COL_START, field(p, &p->pend, COL_START, NULL));
		j->start = el >= 0 ? j->end - el : JOB_UNSET;
	}
	if (j->end != JOB_UNSET)
		return 0;
	if (!(p->bad_time & 2)) {
		job_sink_rejectf(p->sink, p->pend.line, "no End time");
		return -1;
	}
	/* the end was out of range and nothing gives it: keep the job, its
	 * run and usage unknown */
	j->end = j->start != JOB_UNSET ? j->start : j->submit;
	p->usage_unknown = 1;
	return 0;
}

/* Times of the pending record; -1 if it cannot be placed (rejected). */
static int
set_times(struct sacct_parser *p, struct job *j)
{
	const struct record *r = &p->pend;
	double elapsed;

	p->bad_time = 0;
	if (field_time(p, r, COL_SUBMIT, &j->submit) != 0 ||
	    field_time(p, r, COL_ELIGIBLE, &j->eligible) != 0 ||
	    field_time(p, r, COL_START, &j->start) != 0 ||
	    field_time(p, r, COL_END, &j->end) != 0)
		return -1;
	if (j->submit == JOB_UNSET && (p->bad_time & 1))	/* out of range */
		j->submit = j->eligible != JOB_UNSET ? j->eligible : j->start;
	if (j->submit == JOB_UNSET) {
		job_sink_rejectf(p->sink, r->line, "no Submit time");
		return -1;
	}
	elapsed = field_duration(p, r, COL_ELAPSED, 1);
	return derive_times(p, j, elapsed);
}

/* Start a pending job from the allocation record now in p->pend. */
static int
take_job(struct sacct_parser *p)
{
	struct job *j = &p->job;
	size_t len;
	const char *s = field(p, &p->pend, COL_STATE, &len);
	const char *end;
	enum sacct_state st = SACCT_ST_UNKNOWN;
	int64_t by;

	job_clear(j);
	if (s == NULL || sacct_parse_state(s, len, &st, &by) != 0) {
		st = SACCT_ST_UNKNOWN;
		if (s != NULL)
			warn_field(p, COL_STATE, s);
	}
	end = field(p, &p->pend, COL_END, NULL);
	if (sacct_skip_unended(st, end != NULL && strcmp(end, "Unknown") != 0,
	    p->pend.field[p->col[COL_JOBID]], p->sink, p->pend.line))
		return 0;
	p->usage_unknown = 0;
	if (set_times(p, j) != 0)
		return 0;
	j->source_format = "slurm";
	j->source_file = p->name;
	j->source_line = p->pend.line;
	j->job_id = p->pend.field[p->col[COL_JOBID]];
	j->state = sacct_state_name(st);
	j->raw_state = s;
	j->status = sacct_state_status(st);
	set_names(p, j);
	set_resources(p, j);
	set_exit(p, j);
	p->step_cpu = p->step_mem_kb = -1;
	p->pending = 1;
	return 0;
}

static void
fold_step(struct sacct_parser *p)
{
	const struct record *r = &p->cur;
	double cpu = field_duration(p, r, COL_TOTALCPU, 0);
	double mem = field_mem_kb(p, r, COL_MAXRSS, 'K', NULL, 0);
	size_t len;
	const char *s = field(p, r, COL_NTASKS, &len);
	int64_t tasks;

	if (cpu >= 0)
		p->step_cpu = (p->step_cpu < 0 ? 0 : p->step_cpu) + cpu;
	if (mem >= 0) {
		if (s != NULL && sacct_parse_count(s, len, &tasks) == 0 &&
		    tasks > 0)
			mem *= (double)tasks;
		if (mem > p->step_mem_kb)
			p->step_mem_kb = mem;
	}
}

static int
emit(struct sacct_parser *p)
{
	p->job.usage_unknown = p->usage_unknown;
	return p->sink->job(p->sink->ctx, &p->job);
}

/* Hand the pending job (every task of a pending range) to the sink. */
static int
flush_pending(struct sacct_parser *p)
{
	struct job *j = &p->job;
	char id[64];

	if (!p->pending)
		return 0;
	p->pending = 0;
	if (p->step_cpu > j->cpu_time)
		j->cpu_time = p->step_cpu;
	if (p->step_mem_kb > p->job_mem_kb)
		p->job_mem_kb = p->step_mem_kb;
	if (p->job_mem_kb >= 0)
		j->used_mem_kb = job_round(p->job_mem_kb);
	if (p->id.kind == SACCT_ARRAY_TASK || p->id.kind == SACCT_ARRAY_RANGE) {
		snprintf(p->parent, sizeof(p->parent), "%.*s",
		    (int)p->id.parent_len, j->job_id);
		j->array_job_id = p->parent;
	}
	if (p->id.kind != SACCT_ARRAY_RANGE) {
		j->array_index = p->id.kind == SACCT_ARRAY_TASK ?
		    p->id.array_index : JOB_UNSET;
		return emit(p);
	}
	j->usage_unknown = p->usage_unknown;
	return sacct_emit_tasks(j, p->parent, p->id.range, p->id.range_len, id,
	    sizeof(id), p->sink, p->pend.line);
}

static void
remember_job_id(struct sacct_parser *p, const char *id, size_t len)
{
	if (len + 1 > p->last_id_cap) {
		p->last_id_cap = len + 1;
		p->last_id = xreallocarray(p->last_id, p->last_id_cap, 1);
	}
	memcpy(p->last_id, id, len);
	p->last_id_len = len;
}

static int
process_record(struct sacct_parser *p)
{
	struct record tmp;
	struct sacct_jobid id;
	size_t len = 0;
	const char *s = field(p, &p->cur, COL_JOBID, &len);

	if (s == NULL || sacct_parse_jobid(s, len, &id) != 0) {
		if (s == NULL)
			job_sink_rejectf(p->sink, p->cur.line, "no JobID");
		else
			job_sink_rejectf(p->sink, p->cur.line,
			    "unreadable JobID '%.40s'", s);
		return 0;
	}
	if (id.kind == SACCT_STEP) {
		if (p->last_id != NULL && id.job_len == p->last_id_len &&
		    memcmp(s, p->last_id, id.job_len) == 0) {
			if (p->pending)
				fold_step(p);
		} else
			p->orphan_steps++;
		return 0;
	}
	if (flush_pending(p) != 0)
		return -1;
	remember_job_id(p, s, len);
	tmp = p->pend;		/* the record becomes the pending one */
	p->pend = p->cur;
	p->cur = tmp;
	p->id = id;
	return take_job(p);
}

static int
parse_header(struct sacct_parser *p, struct linereader *lr, char *err,
    size_t errsize)
{
	char *line;
	ssize_t len;

	do
		len = linereader_next(lr, &line);
	while (len == 0);
	if (len > 0 && sacct_is_header(line, (size_t)len, p->delim)) {
		if (p->opt->columns != NULL)	/* the header is redundant */
			return columns_from_list(p, p->opt->columns,
			    columns_separator(p->opt->columns), err, errsize);
		return columns_from_list(p, line, p->delim, err, errsize);
	}
	if (len >= 0)
		linereader_unread(lr);
	if (p->opt->columns == NULL) {
		snprintf(err, errsize, "no sacct header line (run sacct "
		    "without --noheader, or give --columns)");
		return -1;
	}
	return columns_from_list(p, p->opt->columns,
	    columns_separator(p->opt->columns), err, errsize);
}

static void
parser_free(struct sacct_parser *p)
{
	if (p->ncols > 0) {
		record_free(&p->cur);
		record_free(&p->pend);
	}
	free(p->last_id);
}

int
sacct_parse(struct linereader *lr, const char *name,
    const struct sacct_options *opt, const struct job_sink *sink, char *err,
    size_t errsize)
{
	struct sacct_parser p;
	int r = 0, more;

	memset(&p, 0, sizeof(p));
	p.name = name;
	p.opt = opt;
	p.sink = sink;
	p.delim = opt->delimiter != NULL && opt->delimiter[0] != '\0' ?
	    opt->delimiter : "|";
	p.dlen = strlen(p.delim);
	if (parse_header(&p, lr, err, errsize) != 0)
		return -1;
	record_init(&p.cur, p.ncols);
	record_init(&p.pend, p.ncols);
	while ((more = read_record(&p, lr)) != 0 && r == 0)
		if (more > 0)
			r = process_record(&p);
	if (r == 0)
		r = flush_pending(&p);
	if (r != 0)
		snprintf(err, errsize, "stopped: the job could not be stored");
	else
		r = linereader_check(lr, err, errsize);
	if (r == 0 && p.orphan_steps > 0) {
		char reason[96];
		snprintf(reason, sizeof(reason), "%lld step lines without "
		    "their job line were ignored", (long long)p.orphan_steps);
		sink->warn(sink->ctx, 0, reason);
	}
	parser_free(&p);
	return r;
}

static int
sacct_detect(const char *line, size_t len, const char *next, size_t next_len,
    const struct reader_options *opt)
{
	(void)next;
	(void)next_len;
	return sacct_is_header(line, len, opt->delimiter);
}

static int
sacct_read(struct linereader *lr, const struct reader_env *env,
    int64_t *consumed, char *err, size_t errsize)
{
	struct sacct_options so = {env->opt->cluster, env->opt->columns,
	    env->opt->delimiter};
	int r = sacct_parse(lr, env->name, &so, env->sink, err, errsize);

	*consumed = linereader_offset(lr);
	return r;
}

const struct reader sacct_reader = {
	"slurm", "sacct --parsable2 output (with its header, or --columns)",
	0, 1, 0, 1, sacct_detect, sacct_read
};
