/*
 * gen-pbs: write a synthetic but realistically shaped PBS accounting
 * directory (server_priv/accounting: one YYYYMMDD file a day, times in
 * UTC) for the examples and the benchmark.  Deterministic for a seed.
 *
 *   gen-pbs [-n JOBS] [-s SEED] [-d START_DAY] [-D DAYS] [-t] [-S SERVER] DIR
 *
 * PBS Professional records by default, TORQUE with -t.  Jobs get Q, S and
 * E records; some are arrays (with the parent's own E record in PBS Pro),
 * some are rerun (an R record, then a second run), some are deleted before
 * they start (Q then D), some pass their walltime or are killed by a
 * signal.
 */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen-common.h"

struct user {
	const char *name, *group, *account;
};

static const struct user users[] = {
	{"amir", "astro", "astro-x"}, {"bea", "astro", "astro-x"},
	{"chen", "geo", "geo-y"}, {"dana", "geo", "geo-y"},
	{"eli", "chem", "chem-z"}, {"fay", "chem", "chem-z"},
	{"gus", "bio", "bio-w"}, {"hana", "bio", "bio-w"},
};
#define NUSERS (sizeof(users) / sizeof(users[0]))

static const char *const names[] = {
	"wrf_run", "namd", "post process", "qe-scf", "bowtie2", "mpi_test",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

struct event {
	int64_t t;
	int64_t seq;
	char *line;	/* after the date prefix: ";T;id;attrs" */
};

static struct event *events;
static size_t nevents, cap;
static int torque;
static const char *server = "pbs1";

static void
add(int64_t t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
add(int64_t t, const char *fmt, ...)
{
	va_list ap;
	char buf[2048];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (nevents == cap) {
		cap = cap ? cap * 2 : 1024;
		events = realloc(events, cap * sizeof(*events));
		if (events == NULL)
			abort();
	}
	events[nevents].t = t;
	events[nevents].seq = (int64_t)nevents;
	events[nevents++].line = strdup(buf);
}

static char *
hms(int64_t s, char *buf)
{
	snprintf(buf, 32, "%02" PRId64 ":%02d:%02d", s / 3600,
	    (int)(s % 3600 / 60), (int)(s % 60));
	return buf;
}

struct job {
	char id[64];
	const struct user *u;
	const char *name, *queue;
	int64_t q, start, end;
	int nodes, ppn, gpus;
	int64_t limit;
	int exit;
	int host;	/* the first node's number */
};

static void
exec_host(const struct job *j, char *buf, size_t size)
{
	size_t at = 0;
	int n;

	buf[0] = '\0';
	for (n = 0; n < j->nodes && at < size; n++) {
		int host = (j->host + n * 37) % 200;

		if (torque)
			at += (size_t)snprintf(buf + at, size - at,
			    "%sn%03d/0-%d", n ? "+" : "", host, j->ppn - 1);
		else
			at += (size_t)snprintf(buf + at, size - at,
			    "%sc%03d/0*%d", n ? "+" : "", host, j->ppn);
	}
}

static void
quote(const char *s, char *buf, size_t size)
{
	if (!torque && strchr(s, ' ') != NULL)
		snprintf(buf, size, "\"%s\"", s);
	else
		snprintf(buf, size, "%s", s);
}

/* The attributes of an S, R or E record up to and including start. */
static int
head(const struct job *j, int64_t start, char *buf, size_t size)
{
	char name[64], hosts[1024];
	int n;

	quote(j->name, name, sizeof(name));
	exec_host(j, hosts, sizeof(hosts));
	n = snprintf(buf, size, "user=%s group=%s ", j->u->name, j->u->group);
	if (!torque)
		n += snprintf(buf + n, size - (size_t)n, "project="
		    "_pbs_project_default account=\"%s\" ", j->u->account);
	n += snprintf(buf + n, size - (size_t)n, "jobname=%s queue=%s "
	    "ctime=%" PRId64 " qtime=%" PRId64 " etime=%" PRId64 " start=%"
	    PRId64 " ", name, j->queue, j->q, j->q, j->q, start);
	if (torque)
		n += snprintf(buf + n, size - (size_t)n, "owner=%s@login1 ",
		    j->u->name);
	n += snprintf(buf + n, size - (size_t)n, "exec_host=%s ", hosts);
	return n;
}

static void
resources(const struct job *j, char *buf, size_t size)
{
	char lim[32];

	if (torque)
		snprintf(buf, size, "Resource_List.nodes=%d:ppn=%d%s%.0d "
		    "Resource_List.nodect=%d Resource_List.walltime=%s",
		    j->nodes, j->ppn, j->gpus ? ":gpus=" : "", j->gpus,
		    j->nodes, hms(j->limit, lim));
	else
		snprintf(buf, size, "Resource_List.ncpus=%d%s%.0d "
		    "Resource_List.nodect=%d Resource_List.select=%d:ncpus=%d "
		    "Resource_List.walltime=%s", j->nodes * j->ppn,
		    j->gpus ? " Resource_List.ngpus=" : "", j->gpus * j->nodes,
		    j->nodes, j->nodes, j->ppn, hms(j->limit, lim));
}

static void
used(const struct job *j, int64_t start, int64_t end, char *buf,
    size_t size)
{
	char cput[32], wall[32];
	int64_t run = end - start;

	snprintf(buf, size, "resources_used.cput=%s resources_used.mem=%dkb "
	    "resources_used.vmem=%dkb resources_used.walltime=%s",
	    hms(run * j->nodes * j->ppn * 9 / 10, cput),
	    (int)uniform(10000, 4000000), (int)uniform(4000000, 8000000),
	    hms(run, wall));
}

/* What ends an R or E record: run_count (PBS Pro) or account (TORQUE). */
static const char *
tail(const struct job *j, int run_count)
{
	static char buf[128];

	if (torque)
		snprintf(buf, sizeof(buf), " account=%s", j->u->account);
	else
		snprintf(buf, sizeof(buf), " run_count=%d", run_count);
	return buf;
}

static void
emit_run(const struct job *j, char type, int64_t start, int64_t end,
    int run_count)
{
	char h[2048], r[512], u[256];

	head(j, start, h, sizeof(h));
	resources(j, r, sizeof(r));
	used(j, start, end, u, sizeof(u));
	if (type == 'S')
		add(start, ";S;%s;%s%s", j->id, h, r);
	else if (type == 'R')
		add(end, ";R;%s;%s%s session=%d %s%s", j->id, h, r,
		    (int)(start % 90000), u, tail(j, run_count));
	else
		add(end, ";E;%s;%s%s session=%d end=%" PRId64 " Exit_status=%d "
		    "%s%s", j->id, h, r, (int)(start % 90000), end, j->exit, u,
		    tail(j, run_count));
}

static void
outcome(struct job *j)
{
	int r = (int)(rng() % 100);
	int64_t run = uniform(60, j->limit);

	j->exit = 0;
	if (r < 10)
		j->exit = (int)uniform(1, 2);
	else if (r < 16) {		/* passed its walltime */
		run = j->limit + uniform(1, 60);
		j->exit = torque ? -11 : -29;
	} else if (r < 20)
		j->exit = 256 + (r % 2 ? 9 : 15);
	j->end = j->start + run;
}

static void
one_job(int64_t seq, int64_t t)
{
	struct job j;
	int r = (int)(rng() % 100);

	memset(&j, 0, sizeof(j));
	j.u = &users[rng() % NUSERS];
	j.name = names[rng() % NNAMES];
	j.queue = r < 15 ? "gpu" : r < 30 ? "short" : "batch";
	j.nodes = (int)uniform(1, 4);
	j.ppn = (int)(1 << uniform(0, 5));
	j.gpus = j.queue[0] == 'g' ? (int)uniform(1, 4) : 0;
	j.limit = j.queue[0] == 's' ? 3600 : uniform(1, 48) * 3600;
	j.q = t;
	j.host = (int)(rng() % 200);
	j.start = t + uniform(0, 7200);
	snprintf(j.id, sizeof(j.id), "%" PRId64 ".%s", seq, server);
	add(j.q, ";Q;%s;queue=%s", j.id, j.queue);
	if (rng() % 100 < 4) {		/* deleted before it started */
		add(j.q + uniform(10, 3000), ";D;%s;requestor=%s@login1",
		    j.id, j.u->name);
		return;
	}
	emit_run(&j, 'S', j.start, 0, 1);
	if (rng() % 100 < 3) {		/* rerun: an interrupted first run */
		int64_t stop = j.start + uniform(60, 3600);
		emit_run(&j, 'R', j.start, stop, 1);
		j.start = stop + uniform(30, 600);
		emit_run(&j, 'S', j.start, 0, 2);
		outcome(&j);
		emit_run(&j, 'E', j.start, j.end, 2);
		return;
	}
	outcome(&j);
	emit_run(&j, 'E', j.start, j.end, 1);
}

static void
array_job(int64_t seq, int64_t t)
{
	struct job j;
	int tasks = (int)uniform(2, 6), i;
	int64_t last = 0;

	memset(&j, 0, sizeof(j));
	j.u = &users[rng() % NUSERS];
	j.name = "sweep";
	j.queue = "batch";
	j.nodes = 1;
	j.ppn = 1;
	j.limit = 7200;
	j.q = t;
	for (i = 1; i <= tasks; i++) {
		snprintf(j.id, sizeof(j.id), "%" PRId64 "[%d].%s", seq, i,
		    server);
		j.start = t + uniform(0, 600) * i;
		outcome(&j);
		emit_run(&j, 'E', j.start, j.end, 1);
		if (j.end > last)
			last = j.end;
	}
	if (torque)
		return;
	snprintf(j.id, sizeof(j.id), "%" PRId64 "[].%s", seq, server);
	j.start = t;
	j.exit = 0;
	emit_run(&j, 'E', t, last + 1, 1);
}

static int
by_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
write_days(const char *dir)
{
	char path[4096], stamp[32];
	FILE *out = NULL;
	int cur = -1;
	size_t i;

	qsort(events, nevents, sizeof(*events), by_time);
	for (i = 0; i < nevents; i++) {
		time_t t = (time_t)events[i].t;
		struct tm tm;

		gmtime_r(&t, &tm);
		if (tm.tm_yday != cur) {
			if (out != NULL && fclose(out) != 0)
				return -1;
			cur = tm.tm_yday;
			snprintf(path, sizeof(path), "%s/%04d%02d%02d", dir,
			    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
			if ((out = fopen(path, "w")) == NULL) {
				perror(path);
				return -1;
			}
		}
		strftime(stamp, sizeof(stamp), "%m/%d/%Y %H:%M:%S", &tm);
		fprintf(out, "%s%s\n", stamp, events[i].line);
		free(events[i].line);
	}
	return out != NULL && fclose(out) != 0 ? -1 : 0;
}

int
main(int argc, char **argv)
{
	long long n = 300;
	int64_t start = 1790812800, days = 14, t, seq = 4000;	/* 2026-10-01 */
	int c, i;

	while ((c = getopt(argc, argv, "n:s:d:D:tS:")) != -1) {
		switch (c) {
		case 'n': n = atoll(optarg); break;
		case 's': rng_seed(strtoull(optarg, NULL, 10)); break;
		case 'd': start = parse_day(optarg); break;
		case 'D': days = atoll(optarg); break;
		case 't': torque = 1; break;
		case 'S': server = optarg; break;
		default:
			goto usage;
		}
	}
	if (optind + 1 != argc)
		goto usage;
	for (i = 0, t = start; i < n; i++) {
		t += uniform(0, 2 * days * 86400 / (n > 0 ? n : 1));
		if (rng() % 100 < 6)
			array_job(seq++, t);
		else
			one_job(seq++, t);
	}
	return write_days(argv[optind]) == 0 ? 0 : 1;
usage:
	fputs("usage: gen-pbs [-n JOBS] [-s SEED] [-d DAY] [-D DAYS] [-t] "
	    "[-S SERVER] DIR\n", stderr);
	return 2;
}
