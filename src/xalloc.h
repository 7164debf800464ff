/*
 * Allocation that never returns NULL: on failure the program reports and
 * aborts, so callers need no error path for memory.  Array growth checks
 * its multiplication for overflow.
 */
#ifndef HPCACCT_XALLOC_H
#define HPCACCT_XALLOC_H

#include <stddef.h>

/* malloc(size); the caller frees the result. */
void *xmalloc(size_t size);
/* calloc(n, size) with overflow check; the caller frees the result. */
void *xcalloc(size_t n, size_t size);
/* realloc(p, n * size) with overflow check; the caller frees the result. */
void *xreallocarray(void *p, size_t n, size_t size);
/* A copy of s (NULL gives NULL); the caller frees the result. */
char *xstrdup(const char *s);
/* A copy of the first len bytes of s, NUL-terminated; the caller frees it. */
char *xstrndup(const char *s, size_t len);

#endif
