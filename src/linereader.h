/*
 * Line-at-a-time reading of a stream, with one line of push-back, the byte
 * offset consumed so far, and a wait with timeout for streams that may
 * pause.  Lines may be of any length; memory is that of the longest line.
 * Lines end in "\n", "\r\n" or, where the first line break is a lone
 * "\r", in "\r"; a UTF-8 byte order mark before the first line is dropped.
 */
#ifndef HPCACCT_LINEREADER_H
#define HPCACCT_LINEREADER_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct linereader;

/* A reader over fp, which stays the caller's to close.  Free with
 * linereader_free(). */
struct linereader *linereader_new(FILE *fp);
void linereader_free(struct linereader *lr);

/*
 * The next line, without its "\n" or "\r\n", NUL-terminated, in *line
 * (owned by the reader, valid until the next call).  Returns its length,
 * or -1 at the end of input or on a read error (see linereader_error).
 */
ssize_t linereader_next(struct linereader *lr, char **line);

/*
 * Wait up to timeout_ms for a line to read: 1 if one may be read without
 * blocking (or the stream cannot tell), 0 if the time ran out.
 */
int linereader_wait(struct linereader *lr, int timeout_ms);

/*
 * Stop reading (as at the end of input) once *stop is nonzero: a signal
 * handler sets it, and a read it interrupts ends there.  NULL: never.
 */
void linereader_set_stop(struct linereader *lr,
    volatile sig_atomic_t *stop);

/* Whether reading ended because *stop was set. */
int linereader_stopped(const struct linereader *lr);

/* Make the next linereader_next() return the last line again. */
void linereader_unread(struct linereader *lr);

/*
 * After linereader_unread(): the bytes of the line after the one pushed
 * back (without its line break, not NUL-terminated, perhaps with a "\r"
 * at its end), left unread, in *next; its length, or -1 without a line
 * pushed back.  Reads ahead as far as that line needs.
 */
ssize_t linereader_peek(struct linereader *lr, const char **next);

/* The 1-based number of the line last returned. */
int64_t linereader_lineno(const struct linereader *lr);

/* Bytes consumed up to the end of the line last returned. */
int64_t linereader_offset(const struct linereader *lr);

/*
 * NUL bytes in the last line returned: each was replaced by '?' (so the
 * line is one C string), for the reader to warn about.
 */
int linereader_nuls(const struct linereader *lr);

/* Whether the last line returned ended without a newline. */
int linereader_unterminated(const struct linereader *lr);

/* Nonzero if reading failed (errno is kept in it). */
int linereader_error(const struct linereader *lr);

/* 0 if reading went well, else -1 with "read error: ..." in err. */
int linereader_check(const struct linereader *lr, char *err, size_t errsize);

#endif
