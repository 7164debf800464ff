/*
 * Inputs to ingest: a regular file (read from an offset when it is being
 * appended to), a gzip-compressed file (read through zlib), or standard
 * input; and the dated files of a PBS accounting directory.
 */
#ifndef HPCACCT_SOURCE_H
#define HPCACCT_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

struct source {
	FILE *fp;
	int is_stdin;
	int is_gzip;
	int gz_status;		/* zlib's error reading it, Z_OK (0) if none */
	struct stat st;		/* of the file (or stdin) */
};

/*
 * Open path ("-" is stdin), positioned at offset (plain files only; 0
 * otherwise).  Returns 0, or -1 with a reason in err.
 */
int source_open(struct source *src, const char *path, int64_t offset,
    char *err, size_t errsize);

/* After reading: 0, or -1 with "truncated gzip ..." or "corrupt gzip
 * data" in err if zlib could not read the whole file. */
int source_check(const struct source *src, char *err, size_t errsize);

/* Close what source_open() opened (never stdin). */
void source_close(struct source *src);

/* Whether path names gzip data (by its first bytes, or a .gz name). */
int source_is_gzip(const char *path);

/*
 * The accounting files of a PBS accounting directory (names YYYYMMDD and
 * YYYYMMDD.gz) as paths in name (date) order, NULL-terminated, or NULL
 * with a reason in err.  Free with source_list_free().
 */
char **source_list_dir(const char *dir, char *err, size_t errsize);
void source_list_free(char **list);

#endif
