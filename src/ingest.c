/*
 * One input, one transaction: open, detect the format, parse into the
 * store, record the ingest run and the file's identity, commit.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ingest.h"
#include "linereader.h"
#include "parsers/sacct.h"

struct ingest_ctx {
	struct store *st;
	const char *path;
	const struct ingest_report *report;
	struct store_run_counts *counts;
	int64_t run;
};

int
ingest_format_parse(const char *name, enum ingest_format *format)
{
	if (strcmp(name, "auto") == 0)
		*format = INGEST_AUTO;
	else if (strcmp(name, "slurm") == 0)
		*format = INGEST_SLURM;
	else
		return -1;
	return 0;
}

static int
sink_job(void *arg, const struct job *job)
{
	struct ingest_ctx *c = arg;

	c->counts->read++;
	switch (store_put_job(c->st, job, c->run)) {
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

/* Decide the format from the first non-empty line; -1 if unknown. */
static int
detect_format(struct linereader *lr, const struct ingest_options *opt,
    enum ingest_format *format)
{
	char *line;
	ssize_t len;

	if (opt->format != INGEST_AUTO || opt->columns != NULL) {
		*format = opt->format == INGEST_AUTO ? INGEST_SLURM :
		    opt->format;
		return 0;
	}
	do
		len = linereader_next(lr, &line);
	while (len == 0);
	if (len < 0)	/* empty input: nothing to read in any format */
		*format = INGEST_SLURM;
	else {
		linereader_unread(lr);
		if (!sacct_is_header(line, (size_t)len))
			return -1;
		*format = INGEST_SLURM;
	}
	return 0;
}

static const char *
format_name(enum ingest_format format)
{
	return format == INGEST_SLURM ? "slurm" : "auto";
}

static int
parse_into(struct ingest_ctx *c, struct linereader *lr,
    enum ingest_format format, const struct ingest_options *opt,
    char *err, size_t errsize)
{
	struct job_sink sink = {c, sink_job, sink_reject, sink_skip, sink_warn};
	struct sacct_options so = {opt->cluster, opt->columns};

	(void)format;	/* Slurm is the only format so far */
	return sacct_parse(lr, c->path, &so, &sink, err, errsize);
}

static int
remember_file(struct ingest_ctx *c, FILE *fp, struct linereader *lr)
{
	struct stat sb;
	struct store_file f;

	if (strcmp(c->path, "-") == 0 || fstat(fileno(fp), &sb) != 0 ||
	    !S_ISREG(sb.st_mode))
		return 0;
	f.device = (int64_t)sb.st_dev;
	f.inode = (int64_t)sb.st_ino;
	f.size = (int64_t)sb.st_size;
	f.read_offset = linereader_offset(lr);
	f.mtime = (int64_t)sb.st_mtime;
	return store_file_put(c->st, c->path, &f, c->run);
}

static int
ingest_stream(struct ingest_ctx *c, FILE *fp,
    const struct ingest_options *opt, char *err, size_t errsize)
{
	struct linereader *lr = linereader_new(fp);
	enum ingest_format format;
	int r = -1;

	if (detect_format(lr, opt, &format) != 0) {
		snprintf(err, errsize, "cannot tell the format (give "
		    "--format, or --columns for headerless sacct output)");
		goto out;
	}
	if (store_begin(c->st) != 0)
		goto db_error;
	c->run = store_run_begin(c->st, c->path, format_name(format),
	    (int64_t)time(NULL));
	if (c->run < 0)
		goto db_error;
	if (parse_into(c, lr, format, opt, err, errsize) != 0) {
		store_rollback(c->st);
		goto out;
	}
	if (store_run_finish(c->st, c->run, c->counts, (int64_t)time(NULL)) ||
	    remember_file(c, fp, lr) != 0 || store_commit(c->st) != 0)
		goto db_error;
	r = 0;
	goto out;
db_error:
	snprintf(err, errsize, "database: %s", store_errmsg(c->st));
	store_rollback(c->st);
out:
	linereader_free(lr);
	return r;
}

int
ingest_path(struct store *st, const char *path,
    const struct ingest_options *opt, const struct ingest_report *report,
    struct store_run_counts *counts, char *err, size_t errsize)
{
	struct ingest_ctx c = {st, path, report, counts, -1};
	struct stat sb;
	FILE *fp;
	int r;

	memset(counts, 0, sizeof(*counts));
	if (strcmp(path, "-") == 0)
		return ingest_stream(&c, stdin, opt, err, errsize);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		snprintf(err, errsize, "is a directory");
		return -1;
	}
	fp = fopen(path, "r");
	if (fp == NULL) {
		snprintf(err, errsize, "%s", strerror(errno));
		return -1;
	}
	r = ingest_stream(&c, fp, opt, err, errsize);
	fclose(fp);
	if (r != 0)
		memset(counts, 0, sizeof(*counts));
	return r;
}
