/*
 * Splitting a JSON text into the objects hpcacct handles one at a time:
 * each element of a top-level object's "items" array (a kubectl List; or
 * of another array, such as sacct --json's "jobs"), or each top-level
 * object that has no such array (a single object, or a stream of them).  Works byte by byte on text fed in pieces; holds one object.
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
/* One that splits the top object's array key (rather than "items"),
 * handing top_fn (if not NULL) the top object itself at its end, with
 * that array left empty (sacct --json's "jobs", then its "meta" and
 * "errors"). */
struct k8s_scan *k8s_scan_new_array(const char *key, k8s_scan_object_fn fn,
    k8s_scan_object_fn top_fn, void *ctx);

/* The first key of the JSON object that line starts (on line, or at the
 * start of next where line holds only the brace) into key: 0, or -1
 * where line starts no object or no key is there. */
int k8s_scan_first_key(const char *line, size_t len, const char *next,
    size_t next_len, char *key, size_t size);
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
