/*
 * Splitting a JSON text into the objects hpcacct handles one at a time:
 * each element of a top-level object's "items" array (a kubectl List), or
 * each top-level object that has no "items" (a single object, or a stream
 * of them).  Works byte by byte on text fed in pieces; holds one object.
 */
#ifndef HPCACCT_K8S_SCAN_H
#define HPCACCT_K8S_SCAN_H

#include <stddef.h>
#include <stdint.h>

struct k8s_scan;

/*
 * Called with each complete object's text (NUL-terminated, owned by the
 * scanner) and the line it starts on; returns 0, or nonzero to stop.
 */
typedef int (*k8s_scan_object_fn)(void *ctx, const char *text, size_t len,
    int64_t line);

/* A new scanner; free with k8s_scan_free(). */
struct k8s_scan *k8s_scan_new(k8s_scan_object_fn fn, void *ctx);
void k8s_scan_free(struct k8s_scan *sc);

/*
 * Feed len bytes of line number line.  Returns 0, the callback's nonzero
 * value, or -1 for text outside any object (*bad_line tells where; the
 * byte is skipped).
 */
int k8s_scan_feed(struct k8s_scan *sc, const char *s, size_t len,
    int64_t line, int64_t *bad_line);

/* At the end of input: 0, or -1 if it ended inside an object (*line: the
 * object's first line). */
int k8s_scan_finish(struct k8s_scan *sc, int64_t *line);

#endif
