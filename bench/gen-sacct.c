/*
 * gen-sacct: write a synthetic but realistic `sacct --allusers --parsable2
 * --duplicates` dump (Slurm 22.05 shape, times in UTC) for the examples and
 * the benchmark.  Deterministic for a given seed.
 *
 *   gen-sacct [-n JOBS] [-s SEED] [-d START_DAY] [-D DAYS] [-S] [-c CLUSTER]
 *
 * -S adds step lines (.batch, .extern, .0) as `sacct` without -X prints them.
 * Jobs include arrays (and a cancelled pending range), requeued duplicates,
 * heterogeneous jobs, cancels before and after start, timeouts, failures,
 * out-of-memory, node failures, GPU TRES, and a few jobs still pending or
 * running at the end of the window.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen-common.h"

struct user {
	const char *name, *group, *account;
	int uid;
};

static const struct user users[] = {
	{"alice", "chemistry", "chem", 1001},
	{"bob", "chemistry", "chem", 1002},
	{"carol", "chemistry", "chem-gpu", 1003},
	{"dave", "physics", "phys", 1004},
	{"erin", "physics", "phys", 1005},
	{"frank", "physics", "phys", 1006},
	{"grace", "biology", "bio", 1007},
	{"heidi", "biology", "bio", 1008},
	{"ivan", "biology", "bio", 1009},
	{"judy", "cs", "ml", 1010},
};
#define NUSERS (sizeof(users) / sizeof(users[0]))

static const char *const names[] = {
	"vasp_relax", "gromacs-md", "lammps", "train_resnet", "blast",
	"analysis.sh", "sim run", "cp2k", "postproc", "bert-finetune",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

static char *
fmt_time(int64_t t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, 20, "%Y-%m-%dT%H:%M:%S", &tm);
	return buf;
}

static char *
fmt_dur(int64_t s, char *buf)
{
	if (s >= 86400)
		snprintf(buf, 32, "%" PRId64 "-%02d:%02d:%02d", s / 86400,
		    (int)(s % 86400 / 3600), (int)(s % 3600 / 60),
		    (int)(s % 60));
	else
		snprintf(buf, 32, "%02d:%02d:%02d", (int)(s / 3600),
		    (int)(s % 3600 / 60), (int)(s % 60));
	return buf;
}

/* TotalCPU prints MM:SS.mmm under an hour. */
static char *
fmt_cpu(int64_t ms, char *buf)
{
	if (ms < 3600000)
		snprintf(buf, 32, "%02d:%02d.%03d", (int)(ms / 60000),
		    (int)(ms % 60000 / 1000), (int)(ms % 1000));
	else
		fmt_dur(ms / 1000, buf);
	return buf;
}

struct job {
	char id[48];
	int64_t raw;
	const struct user *u;
	const char *part, *name, *qos;
	int64_t submit, eligible, start, end, limit;
	int cpus, nodes, gpus;
	int64_t mem_mb;
	const char *state;
	char exit[16];
	int started;
	int64_t cpu_ms, rss_kb;
};

static const char *cluster = "hpc1";
static int with_steps;

static void
print_tres(char *buf, size_t size, const struct job *j)
{
	if (j->gpus > 0)
		snprintf(buf, size, "billing=%d,cpu=%d,gres/gpu:a100=%d,"
		    "gres/gpu=%d,mem=%" PRId64 "G,node=%d", j->cpus, j->cpus,
		    j->gpus, j->gpus, j->mem_mb / 1024, j->nodes);
	else
		snprintf(buf, size, "billing=%d,cpu=%d,mem=%" PRId64 "G,node=%d",
		    j->cpus, j->cpus, j->mem_mb / 1024, j->nodes);
}

static void
print_step(const struct job *j, const char *step, int64_t start, int64_t end,
    int64_t cpu_ms, int64_t rss_kb, int tasks)
{
	char sub[20], s[20], e[20], el[32], cpu[32];

	printf("%s.%s|%" PRId64 ".%s|%s|||||||%s|%s|%s|%s|%s|%s|%s|%d|||"
	    "%" PRId64 "K|%s||%d|node%03d|cpu=%d||%d|%s\n",
	    j->id, step, j->raw, step, cluster, fmt_time(j->submit, sub),
	    fmt_time(start, s), s, fmt_time(end, e),
	    fmt_dur(end - start, el), j->state, j->exit, j->cpus, rss_kb,
	    fmt_cpu(cpu_ms, cpu), j->nodes, (int)(j->raw % 64), j->cpus,
	    tasks, step);
}

static void
print_job(const struct job *j)
{
	char sub[20], eli[20], st[20], en[20], el[32], cpu[32], lim[32];
	char alloc[160], req[160], reqmem[32];
	int64_t elapsed = j->started ? j->end - j->start : 0;

	print_tres(req, sizeof(req), j);
	if (j->started)
		print_tres(alloc, sizeof(alloc), j);
	else
		alloc[0] = '\0';
	if (j->raw % 97 == 0)	/* a job from before the 21.08 upgrade */
		snprintf(reqmem, sizeof(reqmem), "%" PRId64 "Mc",
		    j->mem_mb / j->cpus);
	else
		snprintf(reqmem, sizeof(reqmem), "%" PRId64 "G",
		    j->mem_mb / 1024);
	if (j->limit < 0)
		snprintf(lim, sizeof(lim), j->started ? "UNLIMITED" :
		    "Partition_Limit");
	else
		fmt_dur(j->limit, lim);
	printf("%s|%" PRId64 "|%s|%s|%d|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|"
	    "%d|%d|%s||%s|%s|%d|%s|%s|%s||%s\n",
	    j->id, j->raw, cluster, j->u->name, j->u->uid, j->u->group,
	    j->u->account, j->part, j->qos, fmt_time(j->submit, sub),
	    j->eligible ? fmt_time(j->eligible, eli) : "Unknown",
	    j->started ? fmt_time(j->start, st) : "None",
	    j->end ? fmt_time(j->end, en) : "Unknown",
	    fmt_dur(elapsed, el), j->state, j->exit,
	    j->started ? j->cpus : 0, j->cpus, reqmem,
	    fmt_cpu(j->started ? j->cpu_ms : 0, cpu), lim, j->nodes,
	    j->started ? "node[001-002]" : "None assigned", alloc, req,
	    j->name);
	if (!with_steps || !j->started)
		return;
	if (j->cpus > 1 && j->end - j->start > 60) {	/* an srun step */
		print_step(j, "batch", j->start, j->end, j->cpu_ms / 20,
		    j->rss_kb / 10, 1);
		print_step(j, "extern", j->start, j->end, 0, 1024, j->nodes);
		print_step(j, "0", j->start + 5, j->end - 1,
		    j->cpu_ms - j->cpu_ms / 20, j->rss_kb / j->cpus, j->cpus);
	} else {
		print_step(j, "batch", j->start, j->end, j->cpu_ms, j->rss_kb,
		    1);
		print_step(j, "extern", j->start, j->end, 0, 1024, j->nodes);
	}
}

static void
pick_shape(struct job *j)
{
	const struct user *u = &users[rng() % NUSERS];
	int r = (int)(rng() % 10);

	j->u = u;
	j->name = names[rng() % NNAMES];
	j->qos = chance(10) ? "high" : "normal";
	j->gpus = 0;
	if (r < 2 || strcmp(u->account, "ml") == 0 ||
	    strcmp(u->account, "chem-gpu") == 0) {
		j->part = "gpu";
		j->nodes = chance(80) ? 1 : 2;
		j->gpus = (int)uniform(1, 4) * j->nodes;
		j->cpus = 8 * j->nodes;
		j->limit = uniform(1, 48) * 3600;
	} else if (r < 4) {
		j->part = "debug";
		j->nodes = 1;
		j->cpus = (int)uniform(1, 4);
		j->limit = 1800;
	} else {
		j->part = "batch";
		j->nodes = (int)uniform(1, 4);
		j->cpus = j->nodes * (chance(50) ? 32 : (int)uniform(1, 32));
		j->limit = chance(3) ? -1 : uniform(1, 72) * 3600;
	}
	j->mem_mb = (int64_t)j->cpus * (chance(50) ? 2048 : 4096);
}

/* Run the job from start: decide its outcome, end time and usage. */
static void
run_job(struct job *j, int64_t now)
{
	int64_t cap = j->limit > 0 ? j->limit : 4 * 86400;
	int r = (int)(rng() % 100);
	int64_t run = uniform(30, cap);

	j->started = 1;
	snprintf(j->exit, sizeof(j->exit), "0:0");
	if (r < 70)
		j->state = "COMPLETED";
	else if (r < 78) {
		j->state = "FAILED";
		snprintf(j->exit, sizeof(j->exit), "%d:0", (int)uniform(1, 2));
	} else if (r < 85 && j->limit > 0) {
		j->state = "TIMEOUT";
		run = j->limit + uniform(1, 90);
		snprintf(j->exit, sizeof(j->exit), "0:15");
	} else if (r < 90) {
		j->state = "CANCELLED by 0";
		snprintf(j->exit, sizeof(j->exit), "0:15");
		run /= 3;
	} else if (r < 93) {
		j->state = "OUT_OF_MEMORY";
		snprintf(j->exit, sizeof(j->exit), "0:125");
	} else if (r < 94) {
		j->state = "NODE_FAIL";
		snprintf(j->exit, sizeof(j->exit), "0:0");
	} else
		j->state = "COMPLETED";
	if (strncmp(j->state, "CANCELLED", 9) == 0 && chance(60)) {
		static char by[32];
		snprintf(by, sizeof(by), "CANCELLED by %d", j->u->uid);
		j->state = by;
	}
	j->end = j->start + run;
	if (j->end > now && chance(50)) {
		j->state = "RUNNING";
		j->end = 0;
		snprintf(j->exit, sizeof(j->exit), "0:0");
	}
	j->cpu_ms = run * 1000 * j->cpus * (int64_t)uniform(20, 98) / 100 +
	    uniform(0, 999);
	j->rss_kb = j->mem_mb * 1024 * uniform(5, 90) / 100;
}

static void
cancel_before_start(struct job *j)
{
	static char by[32];

	j->started = 0;
	j->start = 0;
	j->end = j->submit + uniform(5, 7200);
	snprintf(by, sizeof(by), "CANCELLED by %d", j->u->uid);
	j->state = by;
	snprintf(j->exit, sizeof(j->exit), "0:0");
	j->limit = chance(50) ? -1 : j->limit;
}

static int64_t next_raw = 1000;

static void
emit_array(struct job *base, int64_t now)
{
	int tasks = (int)uniform(3, 8), pend = (int)uniform(0, 3), i;
	int64_t parent = next_raw;
	struct job t;

	for (i = 1; i <= tasks; i++) {
		t = *base;
		t.raw = next_raw++;
		snprintf(t.id, sizeof(t.id), "%" PRId64 "_%d", parent, i);
		t.start = t.submit + uniform(0, 1800) * i;
		run_job(&t, now);
		print_job(&t);
	}
	if (pend == 0)
		return;
	t = *base;		/* the rest, cancelled while still pending */
	t.raw = next_raw++;
	snprintf(t.id, sizeof(t.id), "%" PRId64 "_[%d-%d%%2]", parent,
	    tasks + 1, tasks + pend);
	cancel_before_start(&t);
	print_job(&t);
}

static void
emit_requeued(struct job *j, int64_t now)
{
	struct job first = *j;

	first.start = j->submit + uniform(10, 600);
	run_job(&first, now);
	if (first.end == 0)
		return;
	first.state = "REQUEUED";
	snprintf(first.exit, sizeof(first.exit), "0:0");
	print_job(&first);
	j->submit = first.end + 1;	/* the requeue is a new submission */
	j->eligible = j->submit + 120;
	j->start = j->eligible + uniform(0, 3600);
	run_job(j, now);
	print_job(j);
}

static void
emit_one(int64_t submit, int64_t now)
{
	struct job j;

	memset(&j, 0, sizeof(j));
	pick_shape(&j);
	j.submit = submit;
	j.eligible = submit;
	j.raw = next_raw;
	snprintf(j.id, sizeof(j.id), "%" PRId64, j.raw);
	j.start = submit + (chance(40) ? uniform(0, 60) : uniform(60, 36000));
	if (chance(8)) {
		emit_array(&j, now);
		return;
	}
	next_raw++;
	if (j.start > now && chance(80)) {
		j.state = "PENDING";
		j.started = 0;
		snprintf(j.exit, sizeof(j.exit), "0:0");
		print_job(&j);
	} else if (chance(5)) {
		cancel_before_start(&j);
		print_job(&j);
	} else if (chance(2)) {
		emit_requeued(&j, now);
	} else if (chance(1)) {
		struct job other = j;
		snprintf(j.id, sizeof(j.id), "%" PRId64 "+0", j.raw);
		run_job(&j, now);
		print_job(&j);
		other.raw = next_raw++;
		snprintf(other.id, sizeof(other.id), "%" PRId64 "+1", j.raw);
		run_job(&other, now);
		print_job(&other);
	} else {
		run_job(&j, now);
		print_job(&j);
	}
}

int
main(int argc, char **argv)
{
	long long n = 600;
	int64_t start = parse_day("2026-09-01"), days = 61, now, t, step;
	int c, i;

	while ((c = getopt(argc, argv, "n:s:d:D:Sc:")) != -1) {
		switch (c) {
		case 'n': n = atoll(optarg); break;
		case 's': rng_seed(strtoull(optarg, NULL, 10)); break;
		case 'd': start = parse_day(optarg); break;
		case 'D': days = atoll(optarg); break;
		case 'S': with_steps = 1; break;
		case 'c': cluster = optarg; break;
		default:
			fputs("usage: gen-sacct [-n JOBS] [-s SEED] [-d DAY] "
			    "[-D DAYS] [-S] [-c CLUSTER]\n", stderr);
			return 2;
		}
	}
	now = start + days * 86400;
	step = n > 0 ? days * 86400 / n : 1;
	if (step < 1)
		step = 1;
	puts("JobID|JobIDRaw|Cluster|User|UID|Group|Account|Partition|QOS|"
	    "Submit|Eligible|Start|End|Elapsed|State|ExitCode|AllocCPUS|"
	    "ReqCPUS|ReqMem|MaxRSS|TotalCPU|Timelimit|NNodes|NodeList|"
	    "AllocTRES|ReqTRES|NTasks|JobName");
	for (i = 0, t = start; i < n; i++) {
		t += uniform(0, 2 * step);
		emit_one(t, now);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
