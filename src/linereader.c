/* Buffered line reading on top of getline(), with one line of push-back. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linereader.h"
#include "xalloc.h"

struct linereader {
	FILE *fp;
	char *buf;
	size_t cap;
	ssize_t len;		/* of the current line, as returned */
	int64_t lineno;
	int64_t offset;		/* bytes up to the end of the current line */
	int unterminated;
	int pushed_back;
	int error;
};

struct linereader *
linereader_new(FILE *fp)
{
	struct linereader *lr = xcalloc(1, sizeof(*lr));

	lr->fp = fp;
	lr->len = -1;
	return lr;
}

void
linereader_free(struct linereader *lr)
{
	if (lr == NULL)
		return;
	free(lr->buf);
	free(lr);
}

ssize_t
linereader_next(struct linereader *lr, char **line)
{
	ssize_t n;

	if (lr->pushed_back) {
		lr->pushed_back = 0;
		lr->lineno++;
		*line = lr->buf;
		return lr->len;
	}
	errno = 0;
	n = getline(&lr->buf, &lr->cap, lr->fp);
	if (n < 0) {
		if (ferror(lr->fp))
			lr->error = errno ? errno : EIO;
		lr->len = -1;
		return -1;
	}
	lr->offset += n;
	lr->lineno++;
	lr->unterminated = lr->buf[n - 1] != '\n';
	if (!lr->unterminated)
		lr->buf[--n] = '\0';
	if (n > 0 && lr->buf[n - 1] == '\r')
		lr->buf[--n] = '\0';
	lr->len = n;
	*line = lr->buf;
	return n;
}

void
linereader_unread(struct linereader *lr)
{
	if (lr->len >= 0 && !lr->pushed_back) {
		lr->pushed_back = 1;
		lr->lineno--;
	}
}

int64_t
linereader_lineno(const struct linereader *lr)
{
	return lr->lineno;
}

int64_t
linereader_offset(const struct linereader *lr)
{
	return lr->offset;
}

int
linereader_unterminated(const struct linereader *lr)
{
	return lr->unterminated;
}

int
linereader_error(const struct linereader *lr)
{
	return lr->error;
}

int
linereader_check(const struct linereader *lr, char *err, size_t errsize)
{
	if (lr->error == 0)
		return 0;
	snprintf(err, errsize, "read error: %s", strerror(lr->error));
	return -1;
}
