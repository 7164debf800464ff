/*
 * Line reading with its own buffer, so that it knows what is buffered:
 * a stream reader can wait for input with a timeout (poll) and do other
 * work meanwhile.  Reads with read(2) where the stream has a descriptor
 * (pipes deliver what they have, they do not block for a full buffer), and
 * with fread() otherwise (gzip streams).
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linereader.h"
#include "xalloc.h"

#define CHUNK (256 * 1024)

struct linereader {
	FILE *fp;
	int fd;			/* fileno(fp), or -1 */
	char *buf;
	size_t cap;
	size_t start, end;	/* unread bytes are buf[start, end) */
	char *line;		/* the line last returned */
	ssize_t len;
	int64_t lineno;
	int64_t offset;		/* bytes up to the end of the last line */
	int unterminated;
	int nuls;		/* NUL bytes replaced in the last line */
	char eol;		/* '\n', or '\r' for CR-only input */
	int eol_known;
	int pushed_back;
	int eof;
	int error;
	volatile sig_atomic_t *stop;
	int stopped;
};

struct linereader *
linereader_new(FILE *fp)
{
	struct linereader *lr = xcalloc(1, sizeof(*lr));

	lr->fp = fp;
	lr->fd = fileno(fp);
	lr->cap = CHUNK;
	lr->buf = xmalloc(lr->cap + 1);
	lr->len = -1;
	lr->eol = '\n';
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

/* Read more input after the unread bytes; 0, or -1 at EOF or error. */
static int
fill(struct linereader *lr)
{
	/* keep only the unread bytes, and a line pushed back */
	size_t keep = lr->pushed_back ? (size_t)(lr->line - lr->buf) :
	    lr->start;
	ssize_t n;

	if (keep > 0) {
		memmove(lr->buf, lr->buf + keep, lr->end - keep);
		lr->end -= keep;
		lr->start -= keep;
	}
	if (lr->end == lr->cap) {
		lr->cap *= 2;
		lr->buf = xreallocarray(lr->buf, lr->cap + 1, 1);
	}
	if (lr->pushed_back)
		lr->line = lr->buf;	/* it was moved to the start */
	if (lr->fd >= 0) {
		do {
			if (lr->stop != NULL && *lr->stop) {
				lr->stopped = lr->eof = 1;
				return -1;
			}
			n = read(lr->fd, lr->buf + lr->end, lr->cap - lr->end);
		} while (n < 0 && errno == EINTR);
	} else {
		n = (ssize_t)fread(lr->buf + lr->end, 1, lr->cap - lr->end,
		    lr->fp);
		if (n == 0 && ferror(lr->fp))
			n = -1;
	}
	if (n < 0)
		lr->error = errno ? errno : EIO;
	if (n <= 0) {
		lr->eof = 1;
		return -1;
	}
	lr->end += (size_t)n;
	return 0;
}

/* Replace the NUL bytes of s[0, len) with '?'; returns how many. */
static int
replace_nuls(char *s, size_t len)
{
	char *nul, *end = s + len;
	int n = 0;

	while ((nul = memchr(s, '\0', (size_t)(end - s))) != NULL) {
		*nul = '?';
		s = nul + 1;
		n++;
	}
	return n;
}

/* Take the line at buf[start] of length len (+1 for a newline). */
static ssize_t
take(struct linereader *lr, size_t len, int newline, char **line)
{
	char *s = lr->buf + lr->start;

	lr->start += len + (size_t)newline;
	lr->offset += (int64_t)(len + (size_t)newline);
	lr->unterminated = !newline;
	if (lr->lineno == 0 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;		/* a UTF-8 byte order mark */
		len -= 3;
	}
	lr->nuls = replace_nuls(s, len);
	s[len] = '\0';
	if (len > 0 && s[len - 1] == '\r')
		s[--len] = '\0';
	lr->lineno++;
	lr->line = s;
	lr->len = (ssize_t)len;
	*line = s;
	return (ssize_t)len;
}

/*
 * Before the first line: lines end in '\n' (or "\r\n"), unless the first
 * line break is a lone '\r' (old Mac files), which then ends every line.
 */
static void
decide_eol(struct linereader *lr)
{
	size_t i = lr->start;

	lr->eol_known = 1;
	for (;;) {
		for (; i < lr->end; i++)
			if (lr->buf[i] == '\n')
				return;
			else if (lr->buf[i] == '\r' && i + 1 < lr->end) {
				if (lr->buf[i + 1] != '\n')
					lr->eol = '\r';
				return;
			} else if (lr->buf[i] == '\r')
				break;
		i -= lr->start;		/* fill() moves the unread bytes */
		if (lr->eof || fill(lr) != 0)
			return;
		i += lr->start;
	}
}

ssize_t
linereader_next(struct linereader *lr, char **line)
{
	size_t scanned = 0;
	char *nl;

	if (lr->pushed_back) {
		lr->pushed_back = 0;
		lr->lineno++;
		*line = lr->line;
		return lr->len;
	}
	if (!lr->eol_known)
		decide_eol(lr);
	for (;;) {
		nl = memchr(lr->buf + lr->start + scanned, lr->eol,
		    lr->end - lr->start - scanned);
		if (nl != NULL)
			return take(lr, (size_t)(nl - lr->buf) - lr->start, 1,
			    line);
		scanned = lr->end - lr->start;
		if (lr->eof || fill(lr) != 0)
			break;
	}
	/* a last line without its newline (not one cut short by a stop) */
	if (lr->end > lr->start && !lr->stopped)
		return take(lr, lr->end - lr->start, 0, line);
	lr->len = -1;
	return -1;
}

void
linereader_set_stop(struct linereader *lr, volatile sig_atomic_t *stop)
{
	lr->stop = stop;
}

int
linereader_stopped(const struct linereader *lr)
{
	return lr->stopped;
}

ssize_t
linereader_peek(struct linereader *lr, const char **next)
{
	size_t scanned = 0;
	char *nl;

	if (!lr->pushed_back)
		return -1;
	for (;;) {
		nl = memchr(lr->buf + lr->start + scanned, lr->eol,
		    lr->end - lr->start - scanned);
		if (nl != NULL)
			break;
		scanned = lr->end - lr->start;
		if (lr->eof || fill(lr) != 0)
			break;
	}
	*next = lr->buf + lr->start;
	return nl != NULL ? nl - (lr->buf + lr->start) :
	    (ssize_t)(lr->end - lr->start);
}

void
linereader_unread(struct linereader *lr)
{
	if (lr->len >= 0 && !lr->pushed_back) {
		lr->pushed_back = 1;
		lr->lineno--;
	}
}

int
linereader_wait(struct linereader *lr, int timeout_ms)
{
	struct pollfd pfd;

	if (lr->pushed_back || lr->eof || lr->fd < 0 ||
	    memchr(lr->buf + lr->start, lr->eol, lr->end - lr->start) != NULL)
		return 1;
	pfd.fd = lr->fd;
	pfd.events = POLLIN;
	return poll(&pfd, 1, timeout_ms) != 0;
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
linereader_nuls(const struct linereader *lr)
{
	return lr->nuls;
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
