/*
 * JSON object splitter.  It tracks only nesting depth, strings and the key
 * before a value at depth 1: enough to find a List's items without parsing
 * the List, so a 100k-item List never sits in memory whole.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "k8s-scan.h"
#include "xalloc.h"

struct buf {
	char *s;
	size_t len, cap;
};

struct k8s_scan {
	k8s_scan_object_fn fn, top_fn;
	void *ctx;
	char array[16];		/* the top object's key to split */
	size_t array_len;
	int depth;
	int in_string, escape;
	int in_items;		/* inside the top object's "items" array */
	int in_item;		/* capturing one of its elements */
	int has_items;		/* the top object is a List */
	char key[16];		/* the last string at depth 1, if short */
	size_t key_len;
	int key_done;		/* that string was followed by ':' */
	struct buf top, item;
	int64_t top_line, item_line;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
buf_add(struct buf *b, char c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4096;
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* Append n bytes at once. */
static void
buf_put(struct buf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/*
 * Inside an element only strings and brackets change the state: the
 * bytes before the next one that might (a quote, a backslash in a string,
 * a bracket outside one) go to the element at once.  Returns how many.
 */
static size_t
k8s_scan_run(struct k8s_scan *sc, const char *s, size_t len)
{
	size_t j = 0;

	if (!sc->in_item || sc->escape)
		return 0;
	if (sc->in_string)
		while (j < len && s[j] != '"' && s[j] != '\\')
			j++;
	else
		while (j < len && s[j] != '"' && s[j] != '{' && s[j] != '}' &&
		    s[j] != '[' && s[j] != ']')
			j++;
	buf_put(&sc->item, s, j);
	return j;
}

struct k8s_scan *
k8s_scan_new_array(const char *key, k8s_scan_object_fn fn,
    k8s_scan_object_fn top_fn, void *ctx)
{
	struct k8s_scan *sc = xcalloc(1, sizeof(*sc));

	sc->fn = fn;
	sc->top_fn = top_fn;
	sc->ctx = ctx;
	sc->array_len = strlen(key);
	if (sc->array_len >= sizeof(sc->array))
		sc->array_len = sizeof(sc->array) - 1;
	memcpy(sc->array, key, sc->array_len);
	return sc;
}

struct k8s_scan *
k8s_scan_new(k8s_scan_object_fn fn, void *ctx)
{
	return k8s_scan_new_array("items", fn, NULL, ctx);
}

/* A JSON object's first key: where line starts with '{', the string
 * after it there or at the start of next. */
int
k8s_scan_first_key(const char *line, size_t len, const char *next,
    size_t next_len, char *key, size_t size)
{
	size_t i = 0, k = 0;

	while (i < len && is_space(line[i]))
		i++;
	if (i == len || line[i++] != '{')
		return -1;
	while (i < len && is_space(line[i]))
		i++;
	if (i == len) {		/* pretty-printed: the key is on the next */
		line = next;
		len = next_len;
		i = 0;
		while (i < len && is_space(line[i]))
			i++;
	}
	if (i == len || line[i++] != '"')
		return -1;
	while (i < len && line[i] != '"' && k + 1 < size)
		key[k++] = line[i++];
	key[k] = '\0';
	return i < len && line[i] == '"' ? 0 : -1;
}

void
k8s_scan_free(struct k8s_scan *sc)
{
	if (sc == NULL)
		return;
	free(sc->top.s);
	free(sc->item.s);
	free(sc);
}

/* A byte inside a string. */
static void
k8s_scan_string(struct k8s_scan *sc, char c)
{
	if (sc->escape)
		sc->escape = 0;
	else if (c == '\\')
		sc->escape = 1;
	else if (c == '"') {
		sc->in_string = 0;
		return;
	}
	if (sc->depth == 1 && !sc->in_items && sc->key_len < sizeof(sc->key))
		sc->key[sc->key_len++] = c;
}

/* Structure at depth 1 of the top object: is the array starting? */
static void
k8s_scan_top_key(struct k8s_scan *sc, char c)
{
	if (c == '"') {
		sc->key_len = 0;
		sc->key_done = 0;
	} else if (c == ':')
		sc->key_done = 1;
	else if (c == '[' && sc->key_done && sc->key_len == sc->array_len &&
	    memcmp(sc->key, sc->array, sc->array_len) == 0) {
		sc->in_items = 1;
		sc->has_items = 1;
	} else if (!is_space(c))
		sc->key_done = 0;
}

static int
close_object(struct k8s_scan *sc, char c)
{
	sc->depth--;
	if (sc->in_item) {
		buf_add(&sc->item, c);
		if (sc->depth > 2)
			return 0;
		sc->in_item = 0;
		return sc->fn(sc->ctx, sc->item.s, sc->item.len, sc->item_line);
	}
	if (sc->in_items && sc->depth == 1)
		sc->in_items = 0;
	buf_add(&sc->top, c);
	if (sc->depth == 0 && !sc->has_items)
		return sc->fn(sc->ctx, sc->top.s, sc->top.len, sc->top_line);
	if (sc->depth == 0 && sc->top_fn != NULL)	/* its array emptied */
		return sc->top_fn(sc->ctx, sc->top.s, sc->top.len,
		    sc->top_line);
	return 0;
}

static void
open_object(struct k8s_scan *sc, char c, int64_t line)
{
	if (sc->depth == 0) {
		sc->top.len = 0;
		sc->has_items = sc->in_items = 0;
		sc->top_line = line;
	} else if (sc->in_items && sc->depth == 2) {
		sc->in_item = 1;
		sc->item.len = 0;
		sc->item_line = line;
	}
	sc->depth++;
	buf_add(sc->in_item ? &sc->item : &sc->top, c);
}

int
k8s_scan_feed(struct k8s_scan *sc, const char *s, size_t len, int64_t line,
    int64_t *bad_line)
{
	size_t i;
	int r, bad = 0;

	for (i = 0; i < len; i++) {
		char c;

		if ((i += k8s_scan_run(sc, s + i, len - i)) == len)
			break;
		c = s[i];
		if (sc->in_string) {
			k8s_scan_string(sc, c);
			buf_add(sc->in_item ? &sc->item : &sc->top, c);
			continue;
		}
		if (sc->depth == 0) {
			if (c == '{')
				open_object(sc, c, line);
			else if (!is_space(c))
				bad = 1;
			continue;
		}
		if (sc->depth == 1 && !sc->in_items)
			k8s_scan_top_key(sc, c);
		if (c == '"')
			sc->in_string = 1;
		if (c == '{' || c == '[') {
			open_object(sc, c, line);
			continue;
		}
		if (c == '}' || c == ']') {
			if ((r = close_object(sc, c)) != 0)
				return r;
			continue;
		}
		/* between the array's elements: left out of the top */
		if (sc->in_items && !sc->in_item && sc->depth == 2 &&
		    (c == ',' || is_space(c)))
			continue;
		buf_add(sc->in_item ? &sc->item : &sc->top, c);
	}
	if (bad) {
		*bad_line = line;
		return -1;
	}
	return 0;
}

int
k8s_scan_finish(struct k8s_scan *sc, int64_t *line)
{
	if (sc->depth == 0)
		return 0;
	*line = sc->in_item ? sc->item_line : sc->top_line;
	return -1;
}
