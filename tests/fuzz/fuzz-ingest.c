/*
 * libFuzzer target for one reader, chosen at build time by FUZZ_FORMAT
 * ("slurm", "pbs" or "k8s", a reader of the table): the input goes through the whole ingest path
 * (a file, gzip detection, the line reader, the parser, the store) into a
 * private in-memory database, then through the usage report and the SWF
 * export, as a user's file would.  Built with clang -fsanitize=fuzzer by
 * configure --enable-fuzzing, and without libFuzzer as the regression
 * runner that make check points at every saved input (regress.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ingest.h"
#include "reports/usage.h"
#include "store.h"
#include "swf/export.h"
#include "timeutil.h"

#ifndef FUZZ_FORMAT
#error "FUZZ_FORMAT must name a reader"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *fuzz_null;

static void
discard(void *ctx, const char *file, int64_t line, const char *reason)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)reason;
}

/* The input as a file of its own: ingest takes paths. */
static int
input_file(const uint8_t *data, size_t size, char *path, size_t pathsize)
{
	int fd = memfd_create("fuzz-input", MFD_CLOEXEC);
	size_t done = 0;
	ssize_t n;

	if (fd < 0)
		abort();
	while (done < size) {
		n = write(fd, data + done, size - done);
		if (n <= 0)
			abort();
		done += (size_t)n;
	}
	snprintf(path, pathsize, "/proc/self/fd/%d", fd);
	return fd;
}

static void
fuzz_outputs(struct store *st)
{
	struct swf_export_options so;
	char err[256];
	int64_t jobs;
	struct usage_request all = {STORE_KEY_USER, STORE_KEY_QUEUE,
	    PERIOD_NONE, {INT64_MIN / 4, INT64_MAX / 4, NULL, {NULL}, NULL, 0}};
	struct usage_request day = {STORE_KEY_QUEUE, -1, PERIOD_HOUR,
	    {1790812800, 1790899200, NULL, {NULL}, NULL, 0}};

	struct report r;

	if (usage_build(st, &all, &r) == 0)
		report_render(&r, REPORT_TABLE, fuzz_null);
	report_free(&r);
	if (usage_build(st, &day, &r) == 0)
		report_render(&r, REPORT_JSON, fuzz_null);
	report_free(&r);
	memset(&so, 0, sizeof(so));
	so.from = INT64_MIN / 4;
	so.to = INT64_MAX / 4;
	so.installation = "fuzz";
	swf_export(st, &so, fuzz_null, &jobs, err, sizeof(err));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ingest_report report = {NULL, discard, discard, discard};
	struct ingest_options opt;
	struct store_run_counts counts;
	struct store *st;
	int64_t bytes, removed;
	char err[1024], path[64];
	int fd;

	if (fuzz_null == NULL) {
		fuzz_null = fopen("/dev/null", "w");
		timeutil_set_zone("Europe/Berlin");
	}
	memset(&opt, 0, sizeof(opt));
	opt.reader = reader_find(FUZZ_FORMAT);
	if (opt.reader == NULL)
		abort();
	st = store_open(":memory:", STORE_OPEN_CREATE, err, sizeof(err));
	if (st == NULL)
		abort();
	fd = input_file(data, size, path, sizeof(path));
	ingest_path(st, path, &opt, &report, &counts, &bytes, &removed, err,
	    sizeof(err));
	/* read again: the file is known now, and its jobs too */
	opt.reread = 1;
	ingest_path(st, path, &opt, &report, &counts, &bytes, &removed, err,
	    sizeof(err));
	fuzz_outputs(st);
	close(fd);
	store_close(st);
	return 0;
}
