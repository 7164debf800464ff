/* SWF job lines, header and anonymising maps. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "swf.h"
#include "timeutil.h"
#include "xalloc.h"

static int64_t
known(int64_t v)
{
	return v == JOB_UNSET ? -1 : v;
}

/* total / procs, rounded; -1 where either is unknown. */
static int64_t
per_proc(double total, int64_t procs)
{
	int64_t v;

	if (total < 0 || procs == JOB_UNSET || procs <= 0)
		return -1;
	v = job_round(total / (double)procs);
	return v != JOB_UNSET ? v : -1;
}

void
swf_job_from(struct swf_job *out, const struct job *j, int64_t first_submit)
{
	int64_t req_procs = j->req_procs != JOB_UNSET ? j->req_procs :
	    j->alloc_procs;
	int i;

	for (i = 0; i < SWF_NFIELDS; i++)
		out->f[i] = -1;
	out->f[SWF_SUBMIT] = j->submit - first_submit;
	out->f[SWF_WAIT] = j->start != JOB_UNSET ? known(j->wait_time) :
	    j->end - j->submit;
	out->f[SWF_RUN] = j->start != JOB_UNSET ? j->run_time : 0;
	out->f[SWF_ALLOC_PROCS] = known(j->alloc_procs);
	out->f[SWF_AVG_CPU] = per_proc(j->cpu_time, j->alloc_procs);
	out->f[SWF_USED_MEM] = per_proc(j->used_mem_kb == JOB_UNSET ? -1 :
	    (double)j->used_mem_kb, j->alloc_procs);
	out->f[SWF_REQ_PROCS] = known(req_procs);
	out->f[SWF_REQ_TIME] = known(j->req_time);
	out->f[SWF_REQ_MEM] = per_proc(j->req_mem_kb == JOB_UNSET ? -1 :
	    (double)j->req_mem_kb, req_procs);
	out->f[SWF_STATUS] = j->status;
}

int
swf_write_job(FILE *out, const struct swf_job *job)
{
	int i;

	for (i = 0; i < SWF_NFIELDS; i++)
		if (fprintf(out, i ? " %" PRId64 : "%" PRId64, job->f[i]) < 0)
			return -1;
	return fputc('\n', out) == EOF ? -1 : 0;
}

struct swf_idmap {
	char **names;		/* by number - 1 */
	int64_t n, cap;
	int64_t *slots;		/* open addressing: number, 0 empty */
	size_t nslots;
};

static uint64_t
hash_name(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

struct swf_idmap *
swf_idmap_new(void)
{
	struct swf_idmap *map = xcalloc(1, sizeof(*map));

	map->nslots = 64;
	map->slots = xcalloc(map->nslots, sizeof(*map->slots));
	return map;
}

void
swf_idmap_free(struct swf_idmap *map)
{
	int64_t i;

	if (map == NULL)
		return;
	for (i = 0; i < map->n; i++)
		free(map->names[i]);
	free(map->names);
	free(map->slots);
	free(map);
}

static size_t
find_slot(const struct swf_idmap *map, const char *name)
{
	size_t i = hash_name(name) & (map->nslots - 1);

	while (map->slots[i] != 0 &&
	    strcmp(map->names[map->slots[i] - 1], name) != 0)
		i = (i + 1) & (map->nslots - 1);
	return i;
}

static void
grow_slots(struct swf_idmap *map)
{
	int64_t i;

	free(map->slots);
	map->nslots *= 2;
	map->slots = xcalloc(map->nslots, sizeof(*map->slots));
	for (i = 0; i < map->n; i++)
		map->slots[find_slot(map, map->names[i])] = i + 1;
}

int64_t
swf_idmap_get(struct swf_idmap *map, const char *name)
{
	size_t slot;

	if (name == NULL)
		return -1;
	slot = find_slot(map, name);
	if (map->slots[slot] != 0)
		return map->slots[slot];
	if (map->n == map->cap) {
		map->cap = map->cap ? map->cap * 2 : 16;
		map->names = xreallocarray(map->names, (size_t)map->cap,
		    sizeof(*map->names));
	}
	map->names[map->n++] = xstrdup(name);
	map->slots[slot] = map->n;
	if ((size_t)map->n * 2 > map->nslots)
		grow_slots(map);
	return map->n;
}

int64_t
swf_idmap_count(const struct swf_idmap *map)
{
	return map->n;
}

const char *
swf_idmap_name(const struct swf_idmap *map, int64_t n)
{
	return n >= 1 && n <= map->n ? map->names[n - 1] : NULL;
}

/* Header text: a control character (a newline would start a forged job
 * line) becomes '?'. */
static void
write_text(FILE *out, const char *s)
{
	for (; *s != '\0'; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, out);
}

/* "; Queue: 1", or with names "; Queue: 1 debug". */
static void
write_map(FILE *out, const char *key, const struct swf_idmap *map,
    int names)
{
	int64_t i;

	for (i = 1; i <= swf_idmap_count(map); i++) {
		fprintf(out, "; %s: %" PRId64, key, i);
		if (names) {
			fputc(' ', out);
			write_text(out, swf_idmap_name(map, i));
		}
		fputc('\n', out);
	}
}

/* "; Note: first line" then "; continuation" lines. */
static void
write_note(FILE *out, const char *note)
{
	const char *s = note, *nl;
	int first = 1;

	while (*s != '\0') {
		nl = strchr(s, '\n');
		fprintf(out, first ? "; Note: %.*s\n" : ";       %.*s\n",
		    (int)(nl != NULL ? nl - s : (ptrdiff_t)strlen(s)), s);
		first = 0;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

int
swf_write_header(FILE *out, const struct swf_header *h)
{
	char start[64], end[64];

	fputs("; Version: 2.2\n; Computer: ", out);
	write_text(out, h->computer);
	fputs("\n; Installation: ", out);
	write_text(out, h->installation);
	fprintf(out, "\n; Conversion: %s\n", h->conversion);
	fprintf(out, "; MaxJobs: %" PRId64 "\n; MaxRecords: %" PRId64 "\n"
	    "; Preemption: %s\n", h->max_jobs, h->max_jobs,
	    h->preemption ? "Yes" : "No");
	fprintf(out, "; UnixStartTime: %" PRId64 "\n; TimeZoneString: %s\n",
	    h->unix_start, h->zone);
	fprintf(out, "; StartTime: %s\n; EndTime:   %s\n",
	    timeutil_format_ctime(h->unix_start, start, sizeof(start)),
	    timeutil_format_ctime(h->end_time, end, sizeof(end)));
	fprintf(out, "; MaxNodes: %" PRId64 "\n; MaxProcs: %" PRId64 "\n",
	    h->max_nodes, h->max_procs);
	fprintf(out, "; MaxQueues: %" PRId64 "\n",
	    swf_idmap_count(h->queues));
	write_map(out, "Queue", h->queues, h->names);
	fprintf(out, "; MaxPartitions: %" PRId64 "\n",
	    swf_idmap_count(h->partitions));
	write_map(out, "Partition", h->partitions, h->names);
	write_note(out, h->note);
	return ferror(out) ? -1 : 0;
}
