/*
 * One input, one transaction: decide how much of the file is new, open it,
 * find its reader, read it into the store, record the ingest run and how
 * far the file was read, commit.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ingest.h"
#include "linereader.h"
#include "parsers/slurmdbd.h"
#include "pipe.h"
#include "source.h"
#include "store-ingest.h"
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
	struct pipe *pipe;	/* the store's thread, where there is one */
};

/* Store a finished job: 0, or -1 (the database failed). */
static int
sink_store(void *arg, const struct job *j)
{
	struct ingest_ctx *c = arg;

	switch (store_put_job(c->st, j, c->run)) {
	case STORE_PUT_NEW:
		c->counts->new_jobs++;
		return 0;
	case STORE_PUT_UPDATED:
		c->counts->updated++;
		return 0;
	case STORE_PUT_UNCHANGED:
		c->counts->unchanged++;
		return 0;
	case STORE_PUT_QUEUED:
		return 0;	/* counted by ingest_run_finish() */
	default:
		return -1;
	}
}

/* Count the queued puts' outcomes and record the run's counts. */
static int
ingest_run_finish(struct ingest_ctx *c)
{
	int64_t n[3] = {0, 0, 0};

	if (store_put_outcomes(c->st, n) != 0)
		return -1;
	c->counts->new_jobs += n[0];
	c->counts->updated += n[1];
	c->counts->unchanged += n[2];
	return store_run_finish(c->st, c->run, c->counts, (int64_t)time(NULL));
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
	return c->pipe != NULL ? pipe_send(c->pipe, &j) : sink_store(c, &j);
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

/* Commit what a stream gave so far; the lock is taken again only at its
 * next write. */
static int
sink_flush(void *arg)
{
	struct ingest_ctx *c = arg;

	if (!store_in_transaction(c->st))
		return 0;
	if (ingest_run_finish(c) != 0 || store_commit(c->st) != 0)
		return -1;
	return 0;
}

/*
 * The reader of lr: the one asked for, else the one that recognises its
 * first non-empty line (and the line after it, for JSON).  *reader is NULL for an empty input (nothing to
 * read in any format); -1 if no reader knows the input.
 */
static int
find_reader(struct linereader *lr, const struct ingest_options *opt,
    const struct reader **reader)
{
	const char *next = "";
	ssize_t len, next_len;
	char *line;

	*reader = opt->reader;
	if (*reader != NULL)
		return 0;
	do
		len = linereader_next(lr, &line);
	while (len == 0);
	if (len < 0)
		return 0;
	linereader_unread(lr);
	if ((next_len = linereader_peek(lr, &next)) < 0)
		next_len = 0;
	*reader = reader_detect(line, (size_t)len, next, (size_t)next_len,
	    &opt->read);
	return *reader != NULL ? 0 : -1;
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
reading_options(const struct reader_options *opt, const char *format,
    char *buf, size_t size)
{
	const struct reader *r = reader_find(format);
	int local = r == NULL || r->local_times;

	snprintf(buf, size, "%s%s%s%s%s%s%s%s",
	    local ? "--tz " : "", local ? timeutil_zone_name() : "",
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

	reading_options(&opt->read, opt->reader != NULL ? opt->reader->name :
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
 * stored, else *offset (0, or the end of what was read of a growing log)
 * and *reader.
 */
static enum ingest_result
plan_read(const struct store_file *f, const char *path,
    const struct stat *sb, int64_t *offset, const struct reader **reader)
{
	const struct reader *was = reader_find(f->format);
	int same;

	*offset = 0;
	if (!f->complete)
		return INGEST_READ;	/* read again: idempotent */
	same = f->device == (int64_t)sb->st_dev &&
	    f->inode == (int64_t)sb->st_ino;
	if (same && f->size == (int64_t)sb->st_size &&
	    f->mtime == mtime_ns(sb))
		return INGEST_UNCHANGED;
	if (same && was != NULL && was->appends &&
	    (*reader == NULL || *reader == was) &&
	    f->read_offset <= (int64_t)sb->st_size && !source_is_gzip(path)) {
		*offset = f->read_offset;
		*reader = was;
	}
	return INGEST_READ;
}

static int
remember_file(struct ingest_ctx *c, const struct source *src,
    const struct ingest_options *opt, const struct reader *reader,
    int64_t end_offset)
{
	const struct store_run_counts *n = c->counts;
	struct store_file f;

	if (src->is_stdin || !S_ISREG(src->st.st_mode) || reader == NULL ||
	    n->new_jobs + n->updated + n->unchanged == 0)
		return 0;	/* a file that stored nothing is not known */
	f.device = (int64_t)src->st.st_dev;
	f.inode = (int64_t)src->st.st_ino;
	f.size = (int64_t)src->st.st_size;
	f.read_offset = src->is_gzip ? f.size : end_offset;
	f.mtime = mtime_ns(&src->st);
	snprintf(f.format, sizeof(f.format), "%s", reader->name);
	reading_options(&opt->read, f.format, f.options, sizeof(f.options));
	f.complete = n->rejected == 0;
	return store_file_put(c->st, c->path, &f, c->run);
}

/*
 * Read lr with reader (NULL: an empty input) into the store.  A file read
 * by a reader that keeps no state is parsed here while the store writes
 * on a thread of its own.
 */
static int
read_into(struct ingest_ctx *c, struct linereader *lr,
    const struct reader *reader, const struct ingest_options *opt,
    int64_t *consumed, char *err, size_t errsize)
{
	struct job_sink sink = {c, sink_job, sink_reject, sink_skip,
	    sink_warn, c->stream ? sink_flush : NULL};
	struct reader_state state;
	struct reader_env env = {c->path, &opt->read, &sink, &state};
	int r;

	*consumed = 0;
	if (reader == NULL)
		return 0;
	store_reader_state(c->st, &state);
	if (reader->stateless && !c->stream)
		c->pipe = pipe_start(sink_store, c);
	r = reader->read(lr, &env, consumed, err, errsize);
	if (c->pipe != NULL) {
		if (pipe_finish(c->pipe) != 0)
			r = -1;		/* store_failed() says why */
		c->pipe = NULL;
	}
	return r;
}

static int
ingest_stream(struct ingest_ctx *c, struct source *src, int64_t offset,
    const struct reader *reader, const struct ingest_options *opt,
    int64_t *bytes, char *err, size_t errsize)
{
	struct linereader *lr = linereader_new(src->fp);
	int64_t consumed = 0;
	int r = -1, known;

	linereader_set_stop(lr, opt->stop);
	if (reader == NULL && find_reader(lr, opt, &reader) != 0) {
		snprintf(err, errsize, "cannot tell the format (give "
		    "--format, or --columns for headerless sacct output)");
		goto out;
	}
	if (c->stream)
		store_begin_lazy(c->st);
	else if (store_begin(c->st) != 0)
		goto db_error;
	if (c->replace && (c->removed = store_forget_file(c->st, c->path,
	    &known)) < 0)
		goto db_error;
	c->run = store_run_begin(c->st, c->path, reader != NULL ?
	    reader->name : "none", (int64_t)time(NULL));
	if (c->run < 0)
		goto db_error;
	if (read_into(c, lr, reader, opt, &consumed, err, errsize) != 0 ||
	    source_check(src, err, errsize) != 0) {
		if (store_failed(c->st))	/* the database's reason */
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
	if (ingest_run_finish(c) != 0 ||
	    remember_file(c, src, opt, reader, offset + consumed) != 0 ||
	    store_commit(c->st) != 0)
		goto db_error;
	r = 0;
	goto out;
db_error:
	snprintf(err, errsize, "database %s", store_errmsg(c->st));
	store_rollback(c->st);
	r = -1;
out:
	linereader_free(lr);
	return r;
}

/* What to do with a file read before: read it (*offset from where), skip
 * it unchanged, or refuse it for other options. */
static enum ingest_result
plan_known(struct store *st, const char *path, const struct stat *sb,
    const struct ingest_options *opt, int64_t *offset,
    const struct reader **reader, char *err, size_t errsize)
{
	struct store_file f;
	enum ingest_result r;

	*offset = 0;
	if (store_file_get(st, path, &f) != 1)
		return INGEST_READ;
	r = check_options(&f, opt, err, errsize);
	if (r != INGEST_READ || opt->reread || opt->replace)
		return r;
	return plan_read(&f, path, sb, offset, reader);
}

enum ingest_result
ingest_path(struct store *st, const char *path,
    const struct ingest_options *opt, const struct ingest_report *report,
    struct store_run_counts *counts, int64_t *bytes, int64_t *removed,
    char *err, size_t errsize)
{
	struct ingest_ctx c = {st, path, report, counts, -1, 0, 0, 0, NULL};
	const struct reader *reader = opt->reader;
	enum ingest_result plan = INGEST_READ;
	struct source src;
	struct stat sb;
	int64_t offset = 0;
	int r;

	memset(counts, 0, sizeof(*counts));
	*bytes = *removed = 0;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISREG(sb.st_mode))
		plan = plan_known(st, path, &sb, opt, &offset, &reader, err,
		    errsize);
	if (plan != INGEST_READ)
		return plan;
	if (source_open(&src, path, offset, err, errsize) != 0)
		return INGEST_FAILED;
	c.stream = src.is_stdin || !S_ISREG(src.st.st_mode);
	c.replace = opt->replace && !c.stream;
	r = ingest_stream(&c, &src, offset, reader, opt, bytes, err, errsize);
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

void
ingest_counts_add(struct store_run_counts *sum,
    const struct store_run_counts *c)
{
	sum->read += c->read;
	sum->new_jobs += c->new_jobs;
	sum->updated += c->updated;
	sum->unchanged += c->unchanged;
	sum->skipped += c->skipped;
	sum->rejected += c->rejected;
	sum->warnings += c->warnings;
}

/* Where --since last starts: 0, or -1 with the reason in err. */
static int
live_start(struct store *st, const struct ingest_live *live,
    const char *name, int64_t *from, char *err, size_t errsize)
{
	int64_t seen;
	int r;

	*from = live->since;
	if (!live->since_last)
		return 0;
	if ((r = store_cursor_get(st, name, &seen)) < 0) {
		snprintf(err, errsize, "database %s", store_errmsg(st));
		return -1;
	}
	if (r == 0) {
		snprintf(err, errsize, "no earlier run read this cluster: "
		    "give --since DATE the first time");
		return -1;
	}
	*from = seen - INGEST_LIVE_OVERLAP;
	return 0;
}

/* One window [from, to) in one transaction: 0 or -1 (err set). */
static int
live_chunk(struct ingest_ctx *c, struct slurmdbd *d, int64_t from,
    int64_t to, int64_t *record, char *err, size_t errsize)
{
	struct job_sink sink = {c, sink_job, sink_reject, sink_skip,
	    sink_warn, NULL};

	if (store_begin(c->st) != 0 || (c->run = store_run_begin(c->st,
	    c->path, "slurmdbd", (int64_t)time(NULL))) < 0)
		goto db_error;
	if (slurmdbd_read(d, from, to, c->path, record, &sink, err,
	    errsize) != 0) {
		if (store_failed(c->st))
			goto db_error;
		store_rollback(c->st);
		return -1;
	}
	if (store_cursor_put(c->st, c->path, to, c->run) != 0 ||
	    ingest_run_finish(c) != 0 || store_commit(c->st) != 0)
		goto db_error;
	return 0;
db_error:
	snprintf(err, errsize, "database %s", store_errmsg(c->st));
	store_rollback(c->st);
	return -1;
}

enum ingest_result
ingest_slurmdbd(struct store *st, const struct ingest_live *live,
    const struct ingest_options *opt, const struct ingest_report *report,
    struct store_run_counts *counts, char *name, size_t namesize,
    char *err, size_t errsize)
{
	struct store_run_counts part;
	struct ingest_ctx c = {st, name, report, &part, -1, 0, 0, 0, NULL};
	struct slurmdbd *d;
	int64_t from, to, record = 0;
	enum ingest_result r = INGEST_READ;

	memset(counts, 0, sizeof(*counts));
	snprintf(name, namesize, "slurmdbd");
	if ((d = slurmdbd_open(live->cluster, err, errsize)) == NULL)
		return INGEST_FAILED;
	snprintf(name, namesize, "slurmdbd:%s", slurmdbd_cluster(d));
	if (live_start(st, live, name, &from, err, errsize) != 0)
		r = INGEST_FAILED;
	for (; r == INGEST_READ && from < live->until; from = to) {
		if (opt->stop != NULL && *opt->stop) {
			r = INGEST_STOPPED;
			break;
		}
		to = live->until - from > live->chunk ? from + live->chunk :
		    live->until;
		memset(&part, 0, sizeof(part));
		if (live_chunk(&c, d, from, to, &record, err, errsize) != 0)
			r = INGEST_FAILED;
		else
			ingest_counts_add(counts, &part);
		if (r == INGEST_READ && live->progress != NULL)
			live->progress(report->ctx, name, from, to, &part);
	}
	slurmdbd_close(d);
	return r;
}
