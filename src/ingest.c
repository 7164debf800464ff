/*
 * One input, one transaction: decide how much of the file is new, open it,
 * detect the format, parse into the store, record the ingest run and how
 * far the file was read, commit.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ingest.h"
#include "linereader.h"
#include "parsers/k8s.h"
#include "parsers/pbs.h"
#include "parsers/sacct.h"
#include "source.h"
#include "timeutil.h"

struct ingest_ctx {
	struct store *st;
	const char *path;
	const struct ingest_report *report;
	struct store_run_counts *counts;
	int64_t run;
	int stream;		/* a pipe that may never end */
	int replace;		/* remove what the file stored first */
	int64_t removed;	/* job rows that removed */
	int store_failed;	/* a store call failed: its message is the
				 * reason the parse stopped */
};

/* A store call's result, noting a failure for the error message. */
static int
stored(struct ingest_ctx *c, int r)
{
	if (r < 0)
		c->store_failed = 1;
	return r;
}

static const char *const format_names[] = {"auto", "slurm", "pbs", "k8s"};

int
ingest_format_parse(const char *name, enum ingest_format *format)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(name, format_names[i]) == 0) {
			*format = (enum ingest_format)i;
			return 0;
		}
	return -1;
}

static int
sink_job(void *arg, const struct job *job)
{
	struct ingest_ctx *c = arg;
	struct job j = *job;

	c->counts->read++;
	if (job_finish(&j) & JOB_ODD_WAIT) {
		c->counts->warnings++;
		c->report->warn(c->report->ctx, c->path, j.source_line,
		    "the job starts before its submit time; its wait is "
		    "stored as unknown");
	}
	switch (store_put_job(c->st, &j, c->run)) {
	case STORE_PUT_NEW:
		c->counts->new_jobs++;
		return 0;
	case STORE_PUT_UPDATED:
		c->counts->updated++;
		return 0;
	case STORE_PUT_UNCHANGED:
		c->counts->unchanged++;
		return 0;
	default:
		c->store_failed = 1;
		return -1;
	}
}

static void
sink_reject(void *arg, int64_t line, const char *reason)
{
	struct ingest_ctx *c = arg;

	c->counts->read++;
	c->counts->rejected++;
	c->report->reject(c->report->ctx, c->path, line, reason);
}

static void
sink_skip(void *arg, int64_t line, const char *reason)
{
	struct ingest_ctx *c = arg;

	c->counts->read++;
	c->counts->skipped++;
	c->report->skip(c->report->ctx, c->path, line, reason);
}

static void
sink_warn(void *arg, int64_t line, const char *reason)
{
	struct ingest_ctx *c = arg;

	c->counts->warnings++;
	c->report->warn(c->report->ctx, c->path, line, reason);
}

static int
sink_pending_get(void *arg, const char *cluster, const char *job_id,
    struct job_pending *p)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_pending_get(c->st, cluster, job_id, p));
}

static int
sink_pending_queue(void *arg, const char *cluster, const char *job_id,
    int64_t submit, const char *queue)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_pending_queue(c->st, cluster, job_id, submit,
	    queue));
}

static int
sink_pending_start(void *arg, const char *cluster, const char *job_id,
    int64_t submit)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_pending_start(c->st, cluster, job_id, submit));
}

static int
sink_pending_drop(void *arg, const char *cluster, const char *job_id)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_pending_drop(c->st, cluster, job_id));
}

static int
k8s_job_put(void *arg, const struct k8s_job_facts *f)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_k8s_job_put(c->st, f));
}

static int
k8s_job_get(void *arg, const char *uid, struct k8s_job_facts *f)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_k8s_job_get(c->st, uid, f));
}

static int
k8s_pod_put(void *arg, const struct k8s_pod *p)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_k8s_pod_put(c->st, p));
}

static int
k8s_pods_summary(void *arg, const char *job_uid, struct k8s_pods_summary *s)
{
	struct ingest_ctx *c = arg;

	return stored(c, store_k8s_pods_summary(c->st, job_uid, s));
}

/* Commit what a stream gave so far; the lock is taken again only at its
 * next write. */
static int
checkpoint(void *arg)
{
	struct ingest_ctx *c = arg;

	if (!store_in_transaction(c->st))
		return 0;
	if (store_run_finish(c->st, c->run, c->counts, (int64_t)time(NULL)) ||
	    store_commit(c->st) != 0)
		return stored(c, -1);
	return 0;
}

/* Decide the format from the first non-empty line; -1 if unknown. */
static int
detect_format(struct linereader *lr, const struct ingest_options *opt,
    enum ingest_format *format)
{
	char *line;
	ssize_t len;

	if (opt->format != INGEST_AUTO || opt->columns != NULL ||
	    opt->delimiter != NULL) {
		*format = opt->format == INGEST_AUTO ? INGEST_SLURM :
		    opt->format;
		return 0;
	}
	do
		len = linereader_next(lr, &line);
	while (len == 0);
	if (len < 0) {	/* empty input: nothing to read in any format */
		*format = INGEST_PBS;
		return 0;
	}
	linereader_unread(lr);
	if (sacct_is_header(line, (size_t)len, opt->delimiter))
		*format = INGEST_SLURM;
	else if (pbs_is_record(line, (size_t)len))
		*format = INGEST_PBS;
	else if (line[strspn(line, " \t")] == '{')
		*format = INGEST_K8S;
	else
		return -1;
	return 0;
}

/* Parse lr in format; sets *consumed to the bytes of lr read. */
static int
parse_into(struct ingest_ctx *c, struct linereader *lr,
    enum ingest_format format, const struct ingest_options *opt,
    int64_t *consumed, char *err, size_t errsize)
{
	struct job_sink sink = {c, sink_job, sink_reject, sink_skip,
	    sink_warn, sink_pending_get, sink_pending_queue,
	    sink_pending_start, sink_pending_drop};
	struct sacct_options so = {opt->cluster, opt->columns,
	    opt->delimiter};
	struct pbs_options po = {opt->cluster};
	struct k8s_options ko = {opt->cluster, opt->k8s_user_keys,
	    opt->k8s_queue_keys};
	struct k8s_store_ops kops = {c, k8s_job_put, k8s_job_get, k8s_pod_put,
	    k8s_pods_summary, c->stream ? checkpoint : NULL};
	int r;

	if (format == INGEST_PBS)
		return pbs_parse(lr, c->path, &po, &sink, consumed, err,
		    errsize);
	if (format == INGEST_K8S) {
		r = k8s_parse(lr, c->path, &ko, &sink, &kops, err, errsize);
		*consumed = linereader_offset(lr);
		return r;
	}
	r = sacct_parse(lr, c->path, &so, &sink, err, errsize);
	*consumed = linereader_offset(lr);
	return r;
}

static int64_t
mtime_ns(const struct stat *sb)
{
	return (int64_t)sb->st_mtim.tv_sec * 1000000000 + sb->st_mtim.tv_nsec;
}

/*
 * The options that decide what a file's jobs become (their cluster, their
 * times), as remembered with the file: "--tz UTC --cluster hpc1".  The
 * time zone matters to the formats that print local times.
 */
static void
reading_options(const struct ingest_options *opt, const char *format,
    char *buf, size_t size)
{
	int local_times = strcmp(format, "k8s") != 0;

	snprintf(buf, size, "%s%s%s%s%s%s%s%s",
	    local_times ? "--tz " : "", local_times ? timeutil_zone_name() : "",
	    opt->cluster ? " --cluster " : "", opt->cluster ? opt->cluster : "",
	    opt->columns ? " --columns " : "", opt->columns ? opt->columns : "",
	    opt->delimiter ? " --delimiter " : "",
	    opt->delimiter ? opt->delimiter : "");
}

/*
 * A file read before with other options would store its jobs again under
 * other keys: INGEST_OPTIONS_DIFFER (unless --replace) with both in err.
 * Marks from before options were kept (empty) agree with any.
 */
static enum ingest_result
check_options(const struct store_file *f, const struct ingest_options *opt,
    char *err, size_t errsize)
{
	char now[512];
	enum ingest_format fmt = opt->format;

	reading_options(opt, fmt != INGEST_AUTO ? format_names[fmt] :
	    f->format, now, sizeof(now));
	if (f->options[0] == '\0' || strcmp(now, f->options) == 0 ||
	    opt->replace)
		return INGEST_READ;
	snprintf(err, errsize, "read before with '%s', now with '%s'; give "
	    "the same options, or --replace to remove what it stored and "
	    "read it again", f->options, now);
	return INGEST_OPTIONS_DIFFER;
}

/*
 * Where to start reading path given what the store remembers of it (f):
 * INGEST_UNCHANGED if it is the same file as last time and all of it was
 * stored, else *offset (0, or the end of what was read of a growing PBS
 * log) and *format.
 */
static enum ingest_result
plan_read(const struct store_file *f, const char *path,
    const struct stat *sb, int64_t *offset, enum ingest_format *format)
{
	int same;

	*offset = 0;
	if (!f->complete)
		return INGEST_READ;	/* read again: idempotent */
	same = f->device == (int64_t)sb->st_dev &&
	    f->inode == (int64_t)sb->st_ino;
	if (same && f->size == (int64_t)sb->st_size &&
	    f->mtime == mtime_ns(sb))
		return INGEST_UNCHANGED;
	if (same && strcmp(f->format, "pbs") == 0 &&
	    (*format == INGEST_AUTO || *format == INGEST_PBS) &&
	    f->read_offset <= (int64_t)sb->st_size && !source_is_gzip(path)) {
		*offset = f->read_offset;
		*format = INGEST_PBS;
	}
	return INGEST_READ;
}

static int
remember_file(struct ingest_ctx *c, const struct source *src,
    const struct ingest_options *opt, enum ingest_format format,
    int64_t end_offset)
{
	const struct store_run_counts *n = c->counts;
	struct store_file f;

	if (src->is_stdin || !S_ISREG(src->st.st_mode) ||
	    n->new_jobs + n->updated + n->unchanged == 0)
		return 0;	/* a file that stored nothing is not known */
	f.device = (int64_t)src->st.st_dev;
	f.inode = (int64_t)src->st.st_ino;
	f.size = (int64_t)src->st.st_size;
	f.read_offset = src->is_gzip ? f.size : end_offset;
	f.mtime = mtime_ns(&src->st);
	snprintf(f.format, sizeof(f.format), "%s", format_names[format]);
	reading_options(opt, f.format, f.options, sizeof(f.options));
	f.complete = n->rejected == 0;
	return store_file_put(c->st, c->path, &f, c->run);
}

static int
ingest_stream(struct ingest_ctx *c, struct source *src, int64_t offset,
    enum ingest_format format, const struct ingest_options *opt,
    int64_t *bytes, char *err, size_t errsize)
{
	struct linereader *lr = linereader_new(src->fp);
	int64_t consumed = 0;
	int r = -1;

	linereader_set_stop(lr, opt->stop);
	if (format == INGEST_AUTO && detect_format(lr, opt, &format) != 0) {
		snprintf(err, errsize, "cannot tell the format (give "
		    "--format, or --columns for headerless sacct output)");
		goto out;
	}
	if (c->stream)
		store_begin_lazy(c->st);
	else if (store_begin(c->st) != 0)
		goto db_error;
	if (c->replace && (c->removed = store_forget_file(c->st,
	    c->path)) < 0)
		goto db_error;
	c->run = store_run_begin(c->st, c->path, format_names[format],
	    (int64_t)time(NULL));
	if (c->run < 0)
		goto db_error;
	if (parse_into(c, lr, format, opt, &consumed, err, errsize) != 0 ||
	    source_check(src, err, errsize) != 0) {
		if (c->store_failed)
			goto db_error;
		source_check(src, err, errsize);	/* zlib's word first */
		store_rollback(c->st);
		goto out;
	}
	if (linereader_stopped(lr) && !c->stream) {	/* all or nothing */
		store_rollback(c->st);
		r = 1;
		goto out;
	}
	*bytes = consumed;
	if (store_run_finish(c->st, c->run, c->counts, (int64_t)time(NULL)) ||
	    remember_file(c, src, opt, format, offset + consumed) != 0 ||
	    store_commit(c->st) != 0)
		goto db_error;
	r = 0;
	goto out;
db_error:
	snprintf(err, errsize, "database %s", store_errmsg(c->st));
	store_rollback(c->st);
out:
	linereader_free(lr);
	return r;
}

/* What to do with a file read before: read it (*offset from where), skip
 * it unchanged, or refuse it for other options. */
static enum ingest_result
plan_known(struct store *st, const char *path, const struct stat *sb,
    const struct ingest_options *opt, int64_t *offset,
    enum ingest_format *format, char *err, size_t errsize)
{
	struct store_file f;
	enum ingest_result r;

	*offset = 0;
	if (store_file_get(st, path, &f) != 1)
		return INGEST_READ;
	r = check_options(&f, opt, err, errsize);
	if (r != INGEST_READ || opt->reread || opt->replace)
		return r;
	return plan_read(&f, path, sb, offset, format);
}

enum ingest_result
ingest_path(struct store *st, const char *path,
    const struct ingest_options *opt, const struct ingest_report *report,
    struct store_run_counts *counts, int64_t *bytes, int64_t *removed,
    char *err, size_t errsize)
{
	struct ingest_ctx c = {st, path, report, counts, -1, 0, 0, 0, 0};
	enum ingest_format format = opt->format;
	enum ingest_result plan = INGEST_READ;
	struct source src;
	struct stat sb;
	int64_t offset = 0;
	int r;

	memset(counts, 0, sizeof(*counts));
	*bytes = *removed = 0;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISREG(sb.st_mode))
		plan = plan_known(st, path, &sb, opt, &offset, &format, err,
		    errsize);
	if (plan != INGEST_READ)
		return plan;
	if (source_open(&src, path, offset, err, errsize) != 0)
		return INGEST_FAILED;
	c.stream = src.is_stdin || !S_ISREG(src.st.st_mode);
	c.replace = opt->replace && !c.stream;
	r = ingest_stream(&c, &src, offset, format, opt, bytes, err, errsize);
	source_close(&src);
	if (r != 0)
		memset(counts, 0, sizeof(*counts));
	else
		*removed = c.removed;
	if (r < 0)
		return INGEST_FAILED;
	return r > 0 || (opt->stop != NULL && *opt->stop) ? INGEST_STOPPED :
	    INGEST_READ;
}
