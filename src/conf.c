/* The configuration file (see conf.h and hpcacct.conf(5)). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "timeutil.h"
#include "xalloc.h"

struct reader_pos {
	const char *path;
	int line;
	char *err;
	size_t errsize;
};

static int
bad(struct reader_pos *r, const char *reason, const char *what)
{
	snprintf(r->err, r->errsize, "%s:%d: %s%s%.60s%s", r->path, r->line,
	    reason, what != NULL ? " '" : "", what != NULL ? what : "",
	    what != NULL ? "'" : "");
	return -1;
}

static char *
trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/* "a, b, c" into a NULL-terminated list of copies. */
static int
split_list(struct reader_pos *r, char *value, char **list)
{
	char *item, *next;
	int n = 0;

	for (item = value; item != NULL; item = next) {
		next = strchr(item, ',');
		if (next != NULL)
			*next++ = '\0';
		item = trim(item);
		if (*item == '\0')
			continue;
		if (n == CONF_MAX_KEYS)
			return bad(r, "too many keys", NULL);
		list[n++] = xstrdup(item);
	}
	list[n] = NULL;
	return 0;
}

/* The next blank-separated word of *s (NUL-terminated in place), or
 * NULL at the end. */
static char *
next_word(char **s)
{
	char *w = *s;

	while (*w == ' ' || *w == '\t')
		w++;
	if (*w == '\0')
		return NULL;
	*s = w + strcspn(w, " \t");
	if (**s != '\0')
		*(*s)++ = '\0';
	return w;
}

/* "2026-01-01 cores=4096 nodes=128 gpus=64" */
static int
parse_capacity(struct reader_pos *r, char *value, struct conf_capacity *cap)
{
	char *word, *end, *eq;
	long long v;

	memset(cap, 0, sizeof(*cap));
	word = next_word(&value);
	if (word == NULL || timeutil_parse_date_arg(word, &cap->from) != 0)
		return bad(r, "a capacity starts with its date (YYYY-MM-DD), "
		    "not", word);
	while ((word = next_word(&value)) != NULL) {
		eq = strchr(word, '=');
		errno = 0;
		v = eq != NULL ? strtoll(eq + 1, &end, 10) : -1;
		if (eq == NULL || errno != 0 || *end != '\0' || v < 0)
			return bad(r, "bad capacity", word);
		*eq = '\0';
		if (strcmp(word, "cores") == 0)
			cap->cores = v;
		else if (strcmp(word, "nodes") == 0)
			cap->nodes = v;
		else if (strcmp(word, "gpus") == 0)
			cap->gpus = v;
		else
			return bad(r, "unknown capacity (cores, nodes, gpus)",
			    word);
	}
	return 0;
}

static struct conf_cluster *
cluster_of(struct conf *c, const char *name)
{
	struct conf_cluster *cl;
	size_t i;

	for (i = 0; i < c->nclusters; i++)
		if (strcmp(c->clusters[i].name, name) == 0)
			return &c->clusters[i];
	c->clusters = xreallocarray(c->clusters, c->nclusters + 1,
	    sizeof(*c->clusters));
	cl = &c->clusters[c->nclusters++];
	memset(cl, 0, sizeof(*cl));
	cl->name = xstrdup(name);
	return cl;
}

static int
add_capacity(struct reader_pos *r, struct conf_cluster *cl, char *value)
{
	struct conf_capacity cap;

	if (parse_capacity(r, value, &cap) != 0)
		return -1;
	if (cl->ncap > 0 && cap.from <= cl->cap[cl->ncap - 1].from)
		return bad(r, "capacities must come in date order", NULL);
	cl->cap = xreallocarray(cl->cap, cl->ncap + 1, sizeof(*cl->cap));
	cl->cap[cl->ncap++] = cap;
	return 0;
}

/* A wait: N with s, m, h or d, or [D-]HH:MM:SS; 0 or -1. */
static int
parse_wait(const char *s, int64_t *wait)
{
	static const char units[] = "smhd";
	static const int64_t secs[] = {1, 60, 3600, 86400};
	size_t len = strlen(s);
	const char *u;
	char *end;
	double d;
	long long v;

	if (len > 1 && (u = strchr(units, s[len - 1])) != NULL) {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno != 0 || end != s + len - 1 || v < 0)
			return -1;
		*wait = (int64_t)v * secs[u - units];
		return 0;
	}
	if (timeutil_parse_duration(s, len, 1, &d) != 0)
		return -1;
	*wait = (int64_t)d;
	return 0;
}

/* queue = "1h p95" */
static int
add_slo(struct reader_pos *r, struct conf *c, const char *queue,
    char *value)
{
	struct conf_slo slo;
	char *wait = next_word(&value), *pct = next_word(&value), *end;

	if (wait == NULL || pct == NULL || next_word(&value) != NULL)
		return bad(r, "an SLO is a wait and a percentile (1h p95)",
		    NULL);
	if (parse_wait(wait, &slo.wait) != 0)
		return bad(r, "bad SLO wait", wait);
	if (pct[0] != 'p' || (slo.pct = strtod(pct + 1, &end)) <= 0 ||
	    slo.pct > 100 || *end != '\0')
		return bad(r, "bad SLO percentile (p95)", pct);
	slo.queue = xstrdup(queue);
	c->slo = xreallocarray(c->slo, c->nslo + 1, sizeof(*c->slo));
	c->slo[c->nslo++] = slo;
	return 0;
}

/* One key = value line of section (its cluster, for [cluster NAME]). */
static int
set_value(struct reader_pos *r, struct conf *c, const char *section,
    struct conf_cluster *cl, const char *key, char *value)
{
	if (strcmp(section, "database") == 0 && strcmp(key, "path") == 0) {
		free(c->db_path);
		c->db_path = xstrdup(value);
	} else if (strcmp(section, "report") == 0 && strcmp(key, "tz") == 0) {
		free(c->tz);
		c->tz = xstrdup(value);
	} else if (strcmp(section, "kubernetes") == 0 &&
	    strcmp(key, "user_keys") == 0)
		return split_list(r, value, c->user_keys);
	else if (strcmp(section, "kubernetes") == 0 &&
	    strcmp(key, "queue_keys") == 0)
		return split_list(r, value, c->queue_keys);
	else if (cl != NULL && strcmp(key, "capacity") == 0)
		return add_capacity(r, cl, value);
	else if (strcmp(section, "slo") == 0)
		return add_slo(r, c, key, value);
	else
		return bad(r, "unknown setting", key);
	return 0;
}

/* A "[name]" or "[cluster NAME]" line into section (and *cl). */
static int
set_section(struct reader_pos *r, struct conf *c, char *line,
    char *section, size_t size, struct conf_cluster **cl)
{
	char *end = strchr(line, ']'), *name;

	if (end == NULL || trim(end + 1)[0] != '\0')
		return bad(r, "bad section line", line);
	*end = '\0';
	name = trim(line + 1);
	*cl = NULL;
	if (strncmp(name, "cluster ", 8) == 0 && trim(name + 8)[0] != '\0') {
		*cl = cluster_of(c, trim(name + 8));
		snprintf(section, size, "cluster");
		return 0;
	}
	if (strcmp(name, "database") != 0 && strcmp(name, "report") != 0 &&
	    strcmp(name, "kubernetes") != 0 && strcmp(name, "slo") != 0)
		return bad(r, "unknown section (database, report, kubernetes, "
		    "cluster NAME, slo)", name);
	snprintf(section, size, "%s", name);
	return 0;
}

int
conf_read(const char *path, int missing_ok, struct conf *c, char *err,
    size_t errsize)
{
	struct reader_pos r = {path, 0, err, errsize};
	struct conf_cluster *cl = NULL;
	FILE *fp = fopen(path, "r");
	char section[64] = "", line[4096], *s, *eq;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if (fp == NULL) {
		if (missing_ok && errno == ENOENT)
			return 0;
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	c->path = xstrdup(path);
	while (rc == 0 && fgets(line, sizeof(line), fp) != NULL) {
		r.line++;
		s = trim(line);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			rc = set_section(&r, c, s, section, sizeof(section),
			    &cl);
			continue;
		}
		eq = strchr(s, '=');
		if (eq == NULL)
			rc = bad(&r, "not key = value", s);
		else if (section[0] == '\0')
			rc = bad(&r, "a setting before any [section]", NULL);
		else {
			*eq = '\0';
			rc = set_value(&r, c, section, cl, trim(s),
			    trim(eq + 1));
		}
	}
	fclose(fp);
	if (rc != 0)
		conf_free(c);
	return rc;
}

void
conf_free(struct conf *c)
{
	size_t i;
	int k;

	for (i = 0; i < c->nclusters; i++) {
		free(c->clusters[i].name);
		free(c->clusters[i].cap);
	}
	for (i = 0; i < c->nslo; i++)
		free(c->slo[i].queue);
	for (k = 0; k < CONF_MAX_KEYS; k++) {
		free(c->user_keys[k]);
		free(c->queue_keys[k]);
	}
	free(c->clusters);
	free(c->slo);
	free(c->path);
	free(c->db_path);
	free(c->tz);
	memset(c, 0, sizeof(*c));
}

const struct conf_cluster *
conf_cluster(const struct conf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nclusters; i++)
		if (strcmp(c->clusters[i].name, name) == 0)
			return &c->clusters[i];
	return NULL;
}
