/*
 * PBS accounting value grammars (FORMATS.md section 3).  One tokenizer
 * serves both dialects: quoted PBS Pro values and unquoted TORQUE values
 * that hold spaces.
 */
#include "config.h"

#include <string.h>

#include "pbs-fields.h"
#include "scan.h"

static int
is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    scan_is_digit(c) || c == '_' || c == '.';
}

int
pbs_parse_int(const char *s, size_t len, int64_t *value)
{
	size_t i = len > 0 && (s[0] == '-' || s[0] == '+');
	int64_t v;

	if (scan_uint(s, len, &i, &v) == 0 || i != len)
		return -1;
	*value = s[0] == '-' ? -v : v;
	return 0;
}

static int
fixed_digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (!scan_is_digit(*s))
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

int
pbs_looks_like_record(const char *s, size_t len)
{
	return len >= 23 && s[2] == '/' && s[5] == '/' && s[10] == ' ' &&
	    s[13] == ':' && s[16] == ':' && s[19] == ';' && s[21] == ';' &&
	    fixed_digits(s, 2) >= 0 && fixed_digits(s + 6, 4) >= 0;
}

int
pbs_parse_line(const char *s, size_t len, struct pbs_line *l)
{
	const char *semi;

	if (!pbs_looks_like_record(s, len))
		return -1;
	l->month = fixed_digits(s, 2);
	l->day = fixed_digits(s + 3, 2);
	l->year = fixed_digits(s + 6, 4);
	l->hour = fixed_digits(s + 11, 2);
	l->min = fixed_digits(s + 14, 2);
	l->sec = fixed_digits(s + 17, 2);
	if (l->month < 1 || l->month > 12 || l->day < 1 || l->day > 31 ||
	    l->hour < 0 || l->hour > 23 || l->min < 0 || l->min > 59 ||
	    l->sec < 0 || l->sec > 60)
		return -1;
	l->type = s[20];
	l->job_id = s + 22;
	semi = memchr(l->job_id, ';', len - 22);
	if (semi == NULL) {	/* some records end after the id */
		l->job_id_len = len - 22;
		l->message = s + len;
		l->message_len = 0;
	} else {
		l->job_id_len = (size_t)(semi - l->job_id);
		l->message = semi + 1;
		l->message_len = len - (size_t)(l->message - s);
	}
	return l->job_id_len > 0 ? 0 : -1;
}

int
pbs_parse_jobid(const char *s, size_t len, struct pbs_jobid *id)
{
	size_t i = 0;
	int64_t n;

	memset(id, 0, sizeof(*id));
	id->array_index = -1;
	if (scan_uint(s, len, &i, &n) == 0)
		return -1;
	id->number_len = i;
	if (i < len && s[i] == '[') {	/* subjob or array parent */
		i++;
		if (i < len && s[i] == ']')
			id->is_array_parent = 1;
		else if (scan_uint(s, len, &i, &id->array_index) == 0)
			return -1;
		if (i >= len || s[i] != ']')
			return -1;
		i++;
	}
	if (i == len)
		return 0;
	if (s[i] != '.' || i + 1 == len)
		return -1;
	id->server = s + i + 1;
	id->server_len = len - i - 1;
	return 0;
}

static const char *const known_keys[] = {
	"user", "group", "account", "project", "jobname", "queue",
	"resvname", "resvID", "ctime", "qtime", "etime", "start", "end",
	"exec_host", "exec_vnode", "session", "owner", "requestor", "comment",
	"eligible_time", "run_count", "Exit_status", "alt_id",
	NULL
};

static const char *const known_prefixes[] = {
	"Resource_List.", "resources_used.", "resource_assigned.",
	"Resource_Request", NULL
};

int
pbs_known_key(const char *key, size_t key_len)
{
	const char *const *k;

	for (k = known_keys; *k != NULL; k++)
		if (strlen(*k) == key_len && memcmp(*k, key, key_len) == 0)
			return 1;
	for (k = known_prefixes; *k != NULL; k++)
		if (key_len > strlen(*k) && memcmp(*k, key, strlen(*k)) == 0)
			return 1;
	/* other attribute names have an underscore: total_execution_slots,
	 * unique_node_count, array_indices_submitted, ... */
	return key_len >= 4 && memchr(key, '_', key_len) != NULL &&
	    !scan_is_digit(key[0]);
}

/* Whether s[i..] is "key=" for a known key. */
static int
at_attribute(const char *s, size_t len, size_t i)
{
	size_t start = i;

	while (i < len && is_key_char(s[i]))
		i++;
	return i > start && i < len && s[i] == '=' &&
	    pbs_known_key(s + start, i - start);
}

int
pbs_next_attr(const char *s, size_t len, size_t *pos, struct pbs_attr *a)
{
	size_t i = *pos, end;
	const char *close;

	while (i < len && s[i] == ' ')
		i++;
	if (i >= len)
		return 0;
	a->key = s + i;
	while (i < len && is_key_char(s[i]))
		i++;
	a->key_len = (size_t)(s + i - a->key);
	if (a->key_len == 0 || i >= len || s[i] != '=') {
		*pos = len;
		return -1;
	}
	i++;
	if (i < len && (s[i] == '"' || s[i] == '\'')) {
		close = memchr(s + i + 1, s[i], len - i - 1);
		if (close == NULL) {
			*pos = len;
			return -1;
		}
		a->value = s + i + 1;
		a->value_len = (size_t)(close - a->value);
		*pos = (size_t)(close - s) + 1;
		return 1;
	}
	a->value = s + i;
	for (end = i; end < len; end++)
		if (s[end] == ' ' && at_attribute(s, len, end + 1))
			break;
	*pos = end;
	while (end > i && s[end - 1] == ' ')
		end--;
	a->value_len = end - i;
	return 1;
}

static double
size_unit(char c)
{
	switch (c) {
	case 'k': case 'K': return 1024.0;
	case 'm': case 'M': return 1024.0 * 1024;
	case 'g': case 'G': return 1024.0 * 1024 * 1024;
	case 't': case 'T': return 1024.0 * 1024 * 1024 * 1024;
	case 'p': case 'P': return 1024.0 * 1024 * 1024 * 1024 * 1024;
	default: return 0;
	}
}

int
pbs_parse_size(const char *s, size_t len, int64_t *kb)
{
	size_t i = 0;
	double v = 0, scale = 0.1, bytes_per = 1024;	/* bare: KB */

	while (i < len && scan_is_digit(s[i]))
		v = v * 10 + (s[i++] - '0');
	if (i == 0)
		return -1;
	if (i < len && s[i] == '.')
		for (i++; i < len && scan_is_digit(s[i]); i++, scale /= 10)
			v += (s[i] - '0') * scale;
	if (i < len && size_unit(s[i]) > 0)
		bytes_per = size_unit(s[i++]);
	else if (i < len && (s[i] == 'b' || s[i] == 'B' || s[i] == 'w' ||
	    s[i] == 'W'))
		bytes_per = 1;
	if (i < len && (s[i] == 'w' || s[i] == 'W')) {
		bytes_per *= 8;
		i++;
	} else if (i < len && (s[i] == 'b' || s[i] == 'B'))
		i++;
	if (i != len || v * bytes_per / 1024 > 9e15)
		return -1;
	*kb = (int64_t)(v * bytes_per / 1024 + 0.5);
	return 0;
}

/* One "0-3,5*2" slot spec of an exec_host entry: its slot count. */
static int
exec_host_slots(const char *s, size_t len, int64_t *slots)
{
	size_t i = 0;
	int64_t a, b, mult = 1, n = 0;
	const char *star = memchr(s, '*', len);

	if (star != NULL) {
		i = (size_t)(star - s) + 1;
		if (scan_uint(s, len, &i, &mult) == 0 || i != len || mult == 0)
			return -1;
		len = (size_t)(star - s);
		i = 0;
	}
	while (i < len) {
		if (scan_uint(s, len, &i, &a) == 0)
			return -1;
		b = a;
		if (i < len && s[i] == '-') {
			i++;
			if (scan_uint(s, len, &i, &b) == 0 || b < a)
				return -1;
		}
		n += b - a + 1;
		if (i < len && s[i++] != ',')
			return -1;
	}
	if (n == 0)
		return -1;
	*slots = n * mult;
	return 0;
}

#define HOSTS_TRACKED 4096

int
pbs_parse_exec_host(const char *s, size_t len, int64_t *slots,
    int64_t *hosts)
{
	const char *seen[HOSTS_TRACKED], *entry = s, *end = s + len;
	size_t seen_len[HOSTS_TRACKED], nseen = 0, k;
	int64_t total = 0, distinct = 0, n;

	while (entry < end) {
		const char *plus = memchr(entry, '+', (size_t)(end - entry));
		const char *stop = plus != NULL ? plus : end;
		const char *slash = memchr(entry, '/', (size_t)(stop - entry));
		size_t hlen;

		if (slash == NULL || slash == entry ||
		    exec_host_slots(slash + 1, (size_t)(stop - slash - 1), &n))
			return -1;
		total += n;
		hlen = (size_t)(slash - entry);
		for (k = 0; k < nseen; k++)
			if (seen_len[k] == hlen &&
			    memcmp(seen[k], entry, hlen) == 0)
				break;
		if (k == nseen) {
			distinct++;
			if (nseen < HOSTS_TRACKED) {
				seen[nseen] = entry;
				seen_len[nseen++] = hlen;
			}
		}
		entry = stop + 1;
	}
	if (total == 0)
		return -1;
	*slots = total;
	*hosts = distinct;
	return 0;
}

/* In "c1:ncpus=13:ngpus=1", add the value of name= to *sum. */
static int
add_resource(const char *s, size_t len, const char *name, int64_t *sum)
{
	size_t nlen = strlen(name), i;
	int64_t v;

	for (i = 0; i + nlen < len; i++)
		if ((i == 0 || s[i - 1] == ':') &&
		    memcmp(s + i, name, nlen) == 0 && s[i + nlen] == '=') {
			i += nlen + 1;
			if (scan_uint(s, len, &i, &v) == 0)
				return -1;
			*sum += v;
			return 0;
		}
	return 0;
}

int
pbs_parse_exec_vnode(const char *s, size_t len, int64_t *ncpus,
    int64_t *ngpus)
{
	const char *p = s, *end = s + len;
	int64_t cpus = 0, gpus = 0;

	while (p < end) {
		const char *close;

		if (*p == '+') {
			p++;
			continue;
		}
		if (*p != '(')
			return -1;
		close = memchr(p, ')', (size_t)(end - p));
		if (close == NULL ||
		    add_resource(p + 1, (size_t)(close - p - 1), "ncpus",
		    &cpus) != 0 ||
		    add_resource(p + 1, (size_t)(close - p - 1), "ngpus",
		    &gpus) != 0)
			return -1;
		p = close + 1;
	}
	*ncpus = cpus;
	*ngpus = gpus;
	return 0;
}

/* One "+"-part of a nodes spec: "2:ppn=4:gpus=2" or "n1:ppn=2". */
static int
nodes_part(const char *s, size_t len, int64_t *nodes, int64_t *ppn,
    int64_t *gpus)
{
	const char *colon = memchr(s, ':', len);
	size_t head = colon != NULL ? (size_t)(colon - s) : len, i = 0;

	*nodes = 1;	/* a host name stands for one node */
	*ppn = 1;
	*gpus = 0;
	if (head == 0)
		return -1;
	if (scan_is_digit(s[0]) &&
	    (scan_uint(s, head, &i, nodes) == 0 || i != head || *nodes == 0))
		return -1;
	if (colon == NULL)
		return 0;
	colon++;
	len -= (size_t)(colon - s);
	*ppn = 0;
	if (add_resource(colon, len, "ppn", ppn) != 0 ||
	    add_resource(colon, len, "gpus", gpus) != 0)
		return -1;
	if (*ppn == 0)
		*ppn = 1;
	return 0;
}

int
pbs_parse_nodes(const char *s, size_t len, int64_t *nodes, int64_t *procs,
    int64_t *gpus)
{
	const char *p = s, *end = s + len;
	int64_t n, ppn, g, tn = 0, tp = 0, tg = 0;

	if (len == 0)
		return -1;
	while (p < end) {
		const char *plus = memchr(p, '+', (size_t)(end - p));
		const char *stop = plus != NULL ? plus : end;

		if (nodes_part(p, (size_t)(stop - p), &n, &ppn, &g) != 0)
			return -1;
		tn += n;
		tp += n * ppn;
		tg += n * g;
		p = stop + 1;
	}
	*nodes = tn;
	*procs = tp;
	*gpus = tg;
	return 0;
}

void
pbs_decode_exit(int64_t status, enum pbs_dialect dialect,
    struct pbs_exit *e)
{
	e->signal = 0;
	e->swf_status = 0;
	if (status == 0) {
		e->state = "COMPLETED";
		e->swf_status = 1;
	} else if (status > 256) {
		e->state = "FAILED";
		e->signal = status - 256;
	} else if (status > 0)
		e->state = "FAILED";
	else if (dialect == PBS_TORQUE)
		e->state = status == -11 ? "TIMEOUT" :
		    status == -10 ? "OUT_OF_MEMORY" : "FAILED";
	else
		e->state = status == -29 ? "TIMEOUT" :
		    status == -27 ? "OUT_OF_MEMORY" :
		    status == -11 ? "REQUEUED" : "FAILED";
}
