/* Opening ingest inputs; gzip files are read through zlib via fopencookie. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "source.h"
#include "xalloc.h"

/* A gzip stream behind a FILE; zlib's verdict goes to *status. */
struct gz_cookie {
	gzFile gz;
	int *status;
};

static ssize_t
gz_cookie_read(void *cookie, char *buf, size_t size)
{
	struct gz_cookie *c = cookie;
	int n = gzread(c->gz, buf, size > INT32_MAX ? INT32_MAX :
	    (unsigned)size);
	int zerr = Z_OK;

	if (n <= 0)
		gzerror(c->gz, &zerr);
	/* at the end, Z_BUF_ERROR means the data stopped inside a stream */
	if (n < 0 || zerr == Z_BUF_ERROR || zerr == Z_DATA_ERROR) {
		*c->status = zerr != Z_OK ? zerr : Z_DATA_ERROR;
		errno = EIO;
		return -1;
	}
	return n;
}

static int
gz_cookie_close(void *cookie)
{
	struct gz_cookie *c = cookie;
	int r = gzclose(c->gz) == Z_OK ? 0 : -1;

	free(c);
	return r;
}

static int
has_gz_suffix(const char *path)
{
	size_t len = strlen(path);

	return len > 3 && strcmp(path + len - 3, ".gz") == 0;
}

int
source_is_gzip(const char *path)
{
	unsigned char magic[2];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int gz = 0;

	if (fd < 0)
		return has_gz_suffix(path);
	if (read(fd, magic, 2) == 2)
		gz = magic[0] == 0x1f && magic[1] == 0x8b;
	close(fd);
	return gz;
}

static int
open_gzip(struct source *src, int fd, char *err, size_t errsize)
{
	cookie_io_functions_t io = {gz_cookie_read, NULL, NULL,
	    gz_cookie_close};
	gzFile gz = gzdopen(fd, "rb");
	struct gz_cookie *c;

	if (gz == NULL) {
		close(fd);
		snprintf(err, errsize, "cannot read gzip data");
		return -1;
	}
	gzbuffer(gz, 1 << 17);
	c = xmalloc(sizeof(*c));
	c->gz = gz;
	c->status = &src->gz_status;
	src->fp = fopencookie(c, "r", io);
	if (src->fp == NULL) {
		gzclose(gz);
		free(c);
		snprintf(err, errsize, "%s", strerror(errno));
		return -1;
	}
	src->is_gzip = 1;
	return 0;
}

int
source_open(struct source *src, const char *path, int64_t offset,
    char *err, size_t errsize)
{
	int fd;

	memset(src, 0, sizeof(*src));
	if (strcmp(path, "-") == 0) {
		src->fp = stdin;
		src->is_stdin = 1;
		if (fstat(STDIN_FILENO, &src->st) != 0)
			memset(&src->st, 0, sizeof(src->st));
		return 0;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &src->st) != 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (S_ISDIR(src->st.st_mode)) {
		close(fd);
		snprintf(err, errsize, "is a directory");
		return -1;
	}
	if (source_is_gzip(path))
		return open_gzip(src, fd, err, errsize);
	if (offset > 0 && lseek(fd, (off_t)offset, SEEK_SET) < 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	src->fp = fdopen(fd, "r");
	if (src->fp == NULL) {
		snprintf(err, errsize, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	setvbuf(src->fp, NULL, _IOFBF, 1 << 17);
	return 0;
}

int
source_check(const struct source *src, char *err, size_t errsize)
{
	if (src->gz_status == Z_OK)
		return 0;
	snprintf(err, errsize, src->gz_status == Z_BUF_ERROR ?
	    "truncated gzip (the file ends inside its compressed data)" :
	    "corrupt gzip data");
	return -1;
}

void
source_close(struct source *src)
{
	if (src->fp != NULL && !src->is_stdin)
		fclose(src->fp);
	src->fp = NULL;
}

/* YYYYMMDD or YYYYMMDD.gz */
static int
is_accounting_name(const char *name)
{
	int i;

	for (i = 0; i < 8; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return name[8] == '\0' || strcmp(name + 8, ".gz") == 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
source_list_dir(const char *dir, char *err, size_t errsize)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **list = NULL;
	size_t n = 0, cap = 0, len;
	const char *sep = dir[0] != '\0' && dir[strlen(dir) - 1] == '/' ?
	    "" : "/";

	if (d == NULL) {
		snprintf(err, errsize, "%s", strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_accounting_name(e->d_name))
			continue;
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 64;
			list = xreallocarray(list, cap, sizeof(*list));
		}
		len = strlen(dir) + strlen(e->d_name) + 2;
		list[n] = xmalloc(len);
		snprintf(list[n++], len, "%s%s%s", dir, sep, e->d_name);
	}
	closedir(d);
	if (list == NULL)
		list = xcalloc(1, sizeof(*list));
	qsort(list, n, sizeof(*list), compare_names);
	list[n] = NULL;
	return list;
}

void
source_list_free(char **list)
{
	char **p;

	if (list == NULL)
		return;
	for (p = list; *p != NULL; p++)
		free(*p);
	free(list);
}
