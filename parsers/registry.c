/* User registries: CSV and LDIF (see registry.h). */
#include "config.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "registry.h"
#include "timeutil.h"
#include "xalloc.h"

#define REGISTRY_MAX_FIELDS 32

/* The CSV columns read, in the order of registry_csv_names. */
enum { REG_USER, REG_CREATED, REG_GROUP, REG_ORGANIZATION, REG_NAME,
	REG_NCOLS };
static const char *const registry_csv_names[REG_NCOLS] = {
	"user", "created", "group", "organization", "name"
};

struct registry_csv {
	const struct registry_sink *sink;
	char *fields[REGISTRY_MAX_FIELDS];
	size_t nfields, nheader, line, row_line;
	int overflow, have_header, stop, bad_header;
	int col[REG_NCOLS];		/* field index, -1: none */
};

struct registry_ldif {
	const struct registry_sink *sink;
	size_t line, entry_line;
	char *cur;			/* the attribute line being read */
	int in_comment, stop;
	char *uid, *created, *o, *ou, *cn;
	const char *bad;		/* why the entry is bad, or NULL */
};

static void
registry_csv_field(void *s, size_t len, void *data)
{
	struct registry_csv *c = data;

	if (c->nfields == 0)
		c->row_line = c->line;
	if (c->nfields == REGISTRY_MAX_FIELDS) {
		c->overflow = 1;
		return;
	}
	c->fields[c->nfields++] = xstrndup(s, len);
}

/* The header row: where each column is. */
static void
registry_csv_header(struct registry_csv *c)
{
	size_t i, k;

	c->have_header = 1;
	c->nheader = c->nfields;
	for (k = 0; k < REG_NCOLS; k++) {
		c->col[k] = -1;
		for (i = 0; i < c->nfields; i++)
			if (strcasecmp(c->fields[i], registry_csv_names[k]) == 0)
				c->col[k] = (int)i;
	}
	c->bad_header = c->col[REG_USER] < 0 || c->col[REG_CREATED] < 0;
}

/* Field k of the row, NULL when empty or absent. */
static const char *
registry_csv_get(const struct registry_csv *c, int k)
{
	const char *s = c->col[k] >= 0 ? c->fields[c->col[k]] : NULL;

	return s != NULL && s[0] != '\0' ? s : NULL;
}

static void
registry_csv_user(struct registry_csv *c)
{
	struct registry_user u;
	char why[160];
	const char *created;

	if (c->overflow || c->nfields != c->nheader) {
		snprintf(why, sizeof(why), "%zu fields, the header has %zu",
		    c->nfields, c->nheader);
		c->sink->reject(c->sink->ctx, c->row_line, why);
		return;
	}
	/* every column is there now */
	created = registry_csv_get(c, REG_CREATED);
	u.name = registry_csv_get(c, REG_USER);
	if (u.name == NULL) {
		c->sink->reject(c->sink->ctx, c->row_line, "empty user");
		return;
	}
	if (created == NULL ||
	    timeutil_parse_date_arg(created, &u.created) != 0) {
		snprintf(why, sizeof(why), "bad created date '%.64s' "
		    "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)",
		    created != NULL ? created : "");
		c->sink->reject(c->sink->ctx, c->row_line, why);
		return;
	}
	u.group = registry_csv_get(c, REG_GROUP);
	u.organization = registry_csv_get(c, REG_ORGANIZATION);
	u.full_name = registry_csv_get(c, REG_NAME);
	if (c->sink->user(c->sink->ctx, &u) != 0)
		c->stop = 1;
}

static void
registry_csv_row(int term, void *data)
{
	struct registry_csv *c = data;
	size_t i;

	(void)term;
	if (!c->stop && !c->bad_header) {
		if (!c->have_header)
			registry_csv_header(c);
		else
			registry_csv_user(c);
	}
	for (i = 0; i < c->nfields; i++) {
		free(c->fields[i]);
		c->fields[i] = NULL;
	}
	c->nfields = 0;
	c->overflow = 0;
}

/* Base64 in place (whitespace skipped): the decoded length, or -1. */
static long
registry_base64(char *s)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long acc = 0;
	long out = 0;
	int bits = 0;
	const char *p, *d;

	for (p = s; *p != '\0' && *p != '='; p++) {
		if (isspace((unsigned char)*p))
			continue;
		if ((d = strchr(digits, *p)) == NULL)
			return -1;
		acc = (acc << 6) | (unsigned long)(d - digits);
		if ((bits += 6) >= 8) {
			bits -= 8;
			s[out++] = (char)((acc >> bits) & 0xff);
		}
	}
	s[out] = '\0';
	return out;
}

static void
registry_ldif_keep(char **slot, const char *value)
{
	if (*slot == NULL)	/* several values: the first */
		*slot = xstrdup(value);
}

/* An attribute line of the entry: "name: value" or "name:: base64". */
static void
registry_ldif_attr(struct registry_ldif *l, char *line)
{
	char *colon = strchr(line, ':'), *value, *opt;

	if (colon == NULL) {
		l->bad = l->bad != NULL ? l->bad : "not an attribute line";
		return;
	}
	*colon = '\0';
	if ((opt = strchr(line, ';')) != NULL)	/* cn;lang-en */
		*opt = '\0';
	value = colon + 1;
	if (*value == '<') {
		l->bad = "a value read from a URL";
		return;
	}
	if (*value == ':' && registry_base64(++value) < 0) {
		l->bad = "bad base64 value";
		return;
	}
	value += strspn(value, " ");
	if (strcasecmp(line, "uid") == 0)
		registry_ldif_keep(&l->uid, value);
	else if (strcasecmp(line, "createTimestamp") == 0)
		registry_ldif_keep(&l->created, value);
	else if (strcasecmp(line, "o") == 0)
		registry_ldif_keep(&l->o, value);
	else if (strcasecmp(line, "ou") == 0)
		registry_ldif_keep(&l->ou, value);
	else if (strcasecmp(line, "cn") == 0)
		registry_ldif_keep(&l->cn, value);
}

static void
registry_ldif_clear(struct registry_ldif *l)
{
	free(l->uid);
	free(l->created);
	free(l->o);
	free(l->ou);
	free(l->cn);
	l->uid = l->created = l->o = l->ou = l->cn = NULL;
	l->bad = NULL;
	l->entry_line = 0;
}

/* The entry read: a user, a reject, or nothing (no uid: not a user). */
static void
registry_ldif_entry(struct registry_ldif *l)
{
	struct registry_user u;
	char why[160];

	if (l->entry_line == 0)
		return;
	if (l->bad != NULL)
		l->sink->reject(l->sink->ctx, l->entry_line, l->bad);
	else if (l->uid != NULL && l->created == NULL)
		l->sink->reject(l->sink->ctx, l->entry_line,
		    "no createTimestamp");
	else if (l->uid != NULL && registry_parse_generalized_time(l->created,
	    &u.created) != 0) {
		snprintf(why, sizeof(why), "bad createTimestamp '%.64s' "
		    "(20240115103000Z)", l->created);
		l->sink->reject(l->sink->ctx, l->entry_line, why);
	} else if (l->uid != NULL) {
		u.name = l->uid;
		u.group = NULL;
		u.organization = l->o != NULL ? l->o : l->ou;
		u.full_name = l->cn;
		if (l->sink->user(l->sink->ctx, &u) != 0)
			l->stop = 1;
	}
	registry_ldif_clear(l);
}

/* The attribute line waiting for its continuations is whole. */
static void
registry_ldif_flush(struct registry_ldif *l)
{
	if (l->cur != NULL)
		registry_ldif_attr(l, l->cur);
	free(l->cur);
	l->cur = NULL;
}

static void
registry_ldif_line(struct registry_ldif *l, const char *line, size_t len)
{
	size_t old;

	if (line[0] == ' ') {		/* a continuation */
		if (l->cur != NULL) {
			old = strlen(l->cur);
			l->cur = xreallocarray(l->cur, old + len, 1);
			memcpy(l->cur + old, line + 1, len - 1);
			l->cur[old + len - 1] = '\0';
		}
		return;
	}
	registry_ldif_flush(l);
	l->in_comment = line[0] == '#';
	if (len == 0)
		registry_ldif_entry(l);
	else if (!l->in_comment) {
		if (l->entry_line == 0) {
			if (strncasecmp(line, "version:", 8) == 0)
				return;
			l->entry_line = l->line;
		}
		l->cur = xstrndup(line, len);
	}
}

/* Whether the first line of a file says LDIF. */
static int
registry_is_ldif(const char *line)
{
	return strncasecmp(line, "dn:", 3) == 0 ||
	    strncasecmp(line, "version:", 8) == 0;
}

/* Line without its end (\n, \r\n); its length. */
static size_t
registry_chomp(char *line, ssize_t n)
{
	size_t len = (size_t)n;

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	return len;
}

static int
registry_read_ldif(FILE *fp, char **buf, size_t *cap, ssize_t n,
    const struct registry_sink *sink, size_t line)
{
	struct registry_ldif l;

	memset(&l, 0, sizeof(l));
	l.sink = sink;
	l.line = line;
	do {
		registry_ldif_line(&l, *buf, registry_chomp(*buf, n));
		l.line++;
	} while (!l.stop && (n = getline(buf, cap, fp)) >= 0);
	registry_ldif_flush(&l);
	registry_ldif_entry(&l);
	free(l.cur);
	return l.stop || ferror(fp) ? -1 : 0;
}

static int
registry_read_csv(FILE *fp, char **buf, size_t *cap, ssize_t n,
    const struct registry_sink *sink, size_t line, const char **why)
{
	struct registry_csv c;
	struct csv_parser p;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.sink = sink;
	if (csv_init(&p, 0) != 0)
		return -1;
	do {
		c.line = line++;
		csv_parse(&p, *buf, (size_t)n, registry_csv_field,
		    registry_csv_row, &c);
	} while (!c.stop && !c.bad_header &&
	    (n = getline(buf, cap, fp)) >= 0);
	csv_fini(&p, registry_csv_field, registry_csv_row, &c);
	csv_free(&p);
	for (i = 0; i < c.nfields; i++)
		free(c.fields[i]);
	if (c.bad_header) {
		*why = "a CSV registry needs a header row naming the columns "
		    "user and created";
		return -1;
	}
	return c.stop || ferror(fp) ? -1 : 0;
}

int
registry_read(FILE *fp, const struct registry_sink *sink, const char **why)
{
	char *buf = NULL, *p;
	size_t cap = 0, line = 0;
	ssize_t n;
	int rc = 0;

	*why = NULL;
	/* The first line that is neither blank nor a comment tells. */
	while ((n = getline(&buf, &cap, fp)) >= 0) {
		line++;
		p = buf;
		if (line == 1 && strncmp(p, "\xef\xbb\xbf", 3) == 0)
			memmove(p, p + 3, (size_t)(n -= 3) + 1);	/* BOM */
		if (p[strspn(p, " \t\r\n")] != '\0' && p[0] != '#')
			break;
	}
	if (n >= 0 && registry_is_ldif(buf))
		rc = registry_read_ldif(fp, &buf, &cap, n, sink, line);
	else if (n >= 0)
		rc = registry_read_csv(fp, &buf, &cap, n, sink, line, why);
	else if (ferror(fp))
		rc = -1;
	else
		*why = "empty: no header row";
	free(buf);
	return rc != 0 || *why != NULL ? -1 : 0;
}

/* n digits of s as a number, or -1. */
static int
registry_digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (!isdigit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

int
registry_parse_generalized_time(const char *s, int64_t *epoch)
{
	int f[6] = {0, 0, 0, 0, 0, 0}, i, oh, om, sign;
	size_t len = strspn(s, "0123456789");
	int64_t t;

	if (len < 10 || len > 14 || len % 2 != 0)
		return -1;
	f[0] = registry_digits(s, 4);
	for (i = 1; 4 + 2 * (size_t)i <= len; i++)
		f[i] = registry_digits(s + 2 + 2 * i, 2);
	s += len;
	if (*s == '.' || *s == ',')	/* fractions of the last unit */
		s += 1 + strspn(s + 1, "0123456789");
	if (f[1] < 1 || f[1] > 12 || f[2] < 1 ||
	    f[2] > timeutil_days_in_month(f[0], f[1]) || f[3] > 23 ||
	    f[4] > 59 || f[5] > 60)
		return -1;
	f[5] = f[5] == 60 ? 59 : f[5];	/* a leap second */
	if (*s == '\0') {	/* no zone: local time */
		*epoch = timeutil_local_to_epoch(f[0], f[1], f[2], f[3], f[4],
		    f[5]);
		return 0;
	}
	t = timeutil_days_from_civil(f[0], (unsigned)f[1], (unsigned)f[2]) *
	    86400 + f[3] * 3600 + f[4] * 60 + f[5];
	if (strcmp(s, "Z") == 0) {
		*epoch = t;
		return 0;
	}
	sign = *s == '+' ? 1 : *s == '-' ? -1 : 0;
	if (sign == 0 || (strlen(s + 1) != 2 && strlen(s + 1) != 4) ||
	    (oh = registry_digits(s + 1, 2)) < 0 || oh > 23 ||
	    (om = strlen(s + 1) == 4 ? registry_digits(s + 3, 2) : 0) < 0 ||
	    om > 59)
		return -1;
	*epoch = t - sign * (oh * 3600 + om * 60);
	return 0;
}
