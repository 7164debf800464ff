/*
 * The live Slurm reader (slurmdbd.h).  The rules are the sacct readers':
 * a job's id as sacct prints it ("123", "123_7", "123+1"), states through
 * sacct-fields, TRES for processors, nodes, memory and GPUs (GPU TRES
 * found by name: "gpu" untyped, "gpu:TYPE" typed), steps summed for CPU
 * time and their peak memory (MaxRSS x tasks) taken, as sacct --json
 * gives them.  libslurm 22.05 facts: ../shared/SLURM-LAB.md.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "slurmdbd.h"
#include "timeutil.h"
#include "xalloc.h"

/* sacctmgr's answer to args, parsable, times in UTC: the lines, or NULL
 * with the reason in err (sacctmgr's own words go to standard error). */
static char *
slurmdbd_sacctmgr(const char *args, char *err, size_t errsize)
{
	char cmd[512], buf[4096], *out = NULL;
	size_t len = 0, n;
	FILE *fp;
	int status;

	snprintf(cmd, sizeof(cmd), "TZ=UTC sacctmgr -n -P %s", args);
	if ((fp = popen(cmd, "r")) == NULL) {
		snprintf(err, errsize, "cannot run sacctmgr");
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		out = xreallocarray(out, len + n + 1, 1);
		memcpy(out + len, buf, n);
		len += n;
	}
	status = pclose(fp);
	if (out == NULL)
		out = xcalloc(1, 1);
	out[len] = '\0';
	if (status != 0) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			snprintf(err, errsize, "sacctmgr not found on PATH");
		else
			snprintf(err, errsize, "sacctmgr %s failed (exit "
			    "status %d)", args, WIFEXITED(status) ?
			    WEXITSTATUS(status) : -1);
		free(out);
		return NULL;
	}
	return out;
}

/* The default account of name in users ("name|account" lines), or NULL. */
static const char *
slurmdbd_default_account(char *users, const char *name, char *buf,
    size_t size)
{
	size_t n = strlen(name);
	char *p;

	for (p = users; p != NULL && *p != '\0'; p = strchr(p, '\n'),
	    p = p != NULL ? p + 1 : NULL)
		if (strncmp(p, name, n) == 0 && p[n] == '|') {
			snprintf(buf, size, "%.*s", (int)strcspn(p + n + 1,
			    "\n"), p + n + 1);
			return buf[0] != '\0' ? buf : NULL;
		}
	return NULL;
}

int
slurmdbd_users_parse(char *txn, char *users,
    int (*user)(void *ctx, const char *name, int64_t created,
    const char *account), void *ctx, char *err, size_t errsize)
{
	char *line, *next, *name, *save, acct[256], t[64];
	int64_t when;

	for (line = txn; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((name = strchr(line, '|')) == NULL)
			continue;
		*name++ = '\0';
		snprintf(t, sizeof(t), "%.40sZ", line);	/* printed in UTC */
		if (timeutil_parse_date_arg(t, &when) != 0) {
			snprintf(err, errsize, "sacctmgr printed the time "
			    "'%.40s'", line);
			return -1;
		}
		/* "ann" or "ann,bob" (one command adding several) */
		for (name = strtok_r(name, ",", &save); name != NULL;
		    name = strtok_r(NULL, ",", &save))
			if (*name != '\0' && user(ctx, name, when,
			    slurmdbd_default_account(users, name, acct,
			    sizeof(acct))) != 0)
				return -1;
	}
	return 0;
}

int
slurmdbd_users(int (*user)(void *ctx, const char *name, int64_t created,
    const char *account), void *ctx, char *err, size_t errsize)
{
	char *txn, *users;
	int rc;

	if ((users = slurmdbd_sacctmgr("list users format=User,DefaultAccount",
	    err, errsize)) == NULL)
		return -1;
	if ((txn = slurmdbd_sacctmgr("list transactions Action='Add Users' "
	    "format=Time,Where", err, errsize)) == NULL) {
		free(users);
		return -1;
	}
	rc = slurmdbd_users_parse(txn, users, user, ctx, err, errsize);
	free(txn);
	free(users);
	return rc;
}

#ifndef HAVE_SLURM

int
slurmdbd_supported(void)
{
	return 0;
}

struct slurmdbd *
slurmdbd_open(const char *cluster, char *err, size_t errsize)
{
	(void)cluster;
	snprintf(err, errsize, "%s", SLURMDBD_UNSUPPORTED);
	return NULL;
}

void
slurmdbd_close(struct slurmdbd *d)
{
	(void)d;
}

const char *
slurmdbd_cluster(const struct slurmdbd *d)
{
	(void)d;
	return NULL;
}

int
slurmdbd_read(struct slurmdbd *d, int64_t from, int64_t to,
    const char *name, int64_t *record, const struct job_sink *sink,
    char *err, size_t errsize)
{
	(void)d, (void)from, (void)to, (void)name, (void)record, (void)sink;
	snprintf(err, errsize, "%s", SLURMDBD_UNSUPPORTED);
	return -1;
}

struct slurmdbd *
slurmdbd_offline(const char *cluster, uint32_t gpu, const uint32_t *typed,
    size_t ntyped)
{
	(void)cluster, (void)gpu, (void)typed, (void)ntyped;
	return NULL;
}

int
slurmdbd_read_list(struct slurmdbd *d, void *list, const char *name,
    int64_t *record, const struct job_sink *sink)
{
	(void)d, (void)list, (void)name, (void)record, (void)sink;
	return -1;
}

#else

#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <slurm/slurm.h>
#include <slurm/slurm_errno.h>
#include <slurm/slurmdb.h>

#include "sacct-fields.h"

#define SLURMDBD_TRES_CPU 1
#define SLURMDBD_TRES_MEM 2
#define SLURMDBD_TRES_NODE 4
#define SLURMDBD_MAX_GPU_TRES 64
#define SLURMDBD_MAX_QOS 4096

struct slurmdbd_name {
	uint32_t id;
	char *name;
};

struct slurmdbd {
	void *conn;
	int initialized;	/* slurm_init() was called */
	char cluster[128];
	/* GPU TRES ids: gpu_untyped (0: none) and the typed ones. */
	uint32_t gpu_untyped, gpu_typed[SLURMDBD_MAX_GPU_TRES];
	size_t ngpu_typed;
	struct slurmdbd_name *qos;
	size_t nqos;
	struct slurmdbd_name *groups;	/* gid to name, as looked up */
	size_t ngroups, groups_cap;
};

/* One record being converted. */
struct slurmdbd_job {
	const struct job_sink *sink;
	const char *name;
	int64_t line;
	struct job job;
	char id[64], parent[32], raw_state[64], user[64];
};

int
slurmdbd_supported(void)
{
	return 1;
}

static void
slurmdbd_error(char *err, size_t errsize, const char *what)
{
	int e = slurm_get_errno();

	snprintf(err, errsize, "%s: %s", what,
	    e != 0 ? slurm_strerror(e) : "no answer (is slurmdbd running?)");
}

/* The Slurm configuration file, or NULL: slurm_init() would exit the
 * process without one. */
static const char *
slurmdbd_conf_path(void)
{
	const char *p = getenv("SLURM_CONF");
	struct stat sb;

	if (p == NULL || *p == '\0')
		p = "/etc/slurm/slurm.conf";
	return stat(p, &sb) == 0 ? p : NULL;
}

/* ClusterName= of the configuration file into buf: 0 or -1. */
static int
slurmdbd_conf_cluster(const char *path, char *buf, size_t size)
{
	FILE *fp = fopen(path, "r");
	char line[1024], *s, *e;
	int found = -1;

	if (fp == NULL)
		return -1;
	while (found != 0 && fgets(line, sizeof(line), fp) != NULL) {
		for (s = line; isspace((unsigned char)*s); s++)
			;
		if (strncasecmp(s, "ClusterName", 11) != 0)
			continue;
		for (s += 11; *s == ' ' || *s == '\t'; s++)
			;
		if (*s++ != '=')
			continue;
		for (; *s == ' ' || *s == '\t'; s++)
			;
		for (e = s; *e != '\0' && !isspace((unsigned char)*e) &&
		    *e != '#'; e++)
			;
		if (e > s && (size_t)(e - s) < size) {
			snprintf(buf, size, "%.*s", (int)(e - s), s);
			found = 0;
		}
	}
	fclose(fp);
	return found;
}

/* The GPU TRES ids, deleted ones too (old jobs hold them): 0 or -1. */
static int
slurmdbd_load_gpus(struct slurmdbd *d)
{
	slurmdb_tres_cond_t cond;
	slurmdb_tres_rec_t *t;
	ListIterator it;
	List types, got;

	memset(&cond, 0, sizeof(cond));
	types = slurm_list_create(NULL);
	slurm_list_append(types, "gres");
	cond.type_list = types;
	cond.with_deleted = 1;
	got = slurmdb_tres_get(d->conn, &cond);
	slurm_list_destroy(types);
	if (got == NULL)
		return -1;
	it = slurm_list_iterator_create(got);
	while ((t = slurm_list_next(it)) != NULL) {
		if (t->name == NULL || strncmp(t->name, "gpu", 3) != 0)
			continue;
		if (t->name[3] == '\0')
			d->gpu_untyped = t->id;
		else if (t->name[3] == ':' &&
		    d->ngpu_typed < SLURMDBD_MAX_GPU_TRES)
			d->gpu_typed[d->ngpu_typed++] = t->id;
	}
	slurm_list_iterator_destroy(it);
	slurm_list_destroy(got);
	return 0;
}

/* The QOS names by id: 0 or -1. */
static int
slurmdbd_load_qos(struct slurmdbd *d)
{
	slurmdb_qos_rec_t *q;
	ListIterator it;
	List got = slurmdb_qos_get(d->conn, NULL);

	if (got == NULL)
		return -1;
	d->qos = xcalloc(SLURMDBD_MAX_QOS, sizeof(*d->qos));
	it = slurm_list_iterator_create(got);
	while ((q = slurm_list_next(it)) != NULL && d->nqos < SLURMDBD_MAX_QOS)
		if (q->name != NULL) {
			d->qos[d->nqos].id = q->id;
			d->qos[d->nqos++].name = xstrdup(q->name);
		}
	slurm_list_iterator_destroy(it);
	slurm_list_destroy(got);
	return 0;
}

/* Whether slurmdbd knows d->cluster: 1, 0 (the clusters it knows in
 * err), -1 (no answer, err set). */
static int
slurmdbd_has_cluster(struct slurmdbd *d, char *err, size_t errsize)
{
	slurmdb_cluster_cond_t cond;
	slurmdb_cluster_rec_t *c;
	ListIterator it;
	List got;
	size_t len;
	int found = 0;

	slurmdb_init_cluster_cond(&cond, 0);
	if ((got = slurmdb_clusters_get(d->conn, &cond)) == NULL) {
		slurmdbd_error(err, errsize, "slurmdb_clusters_get");
		return -1;
	}
	snprintf(err, errsize, "no cluster '%s' (slurmdbd has:",
	    d->cluster);
	it = slurm_list_iterator_create(got);
	while ((c = slurm_list_next(it)) != NULL) {
		if (c->name == NULL)
			continue;
		found |= strcmp(c->name, d->cluster) == 0;
		len = strlen(err);
		snprintf(err + len, errsize - len, " %s", c->name);
	}
	len = strlen(err);
	snprintf(err + len, errsize - len, ")");
	slurm_list_iterator_destroy(it);
	slurm_list_destroy(got);
	return found;
}

struct slurmdbd *
slurmdbd_open(const char *cluster, char *err, size_t errsize)
{
	const char *conf = slurmdbd_conf_path();
	struct slurmdbd *d;

	if (conf == NULL) {
		snprintf(err, errsize, "no Slurm configuration (set SLURM_CONF "
		    "or install /etc/slurm/slurm.conf)");
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	if (cluster != NULL)
		snprintf(d->cluster, sizeof(d->cluster), "%s", cluster);
	else if (slurmdbd_conf_cluster(conf, d->cluster,
	    sizeof(d->cluster)) != 0) {
		snprintf(err, errsize, "%s has no ClusterName (give --cluster)",
		    conf);
		free(d);
		return NULL;
	}
	slurm_init(conf);
	d->initialized = 1;
	if ((d->conn = slurmdb_connection_get(NULL)) == NULL) {
		slurmdbd_error(err, errsize, "cannot connect");
		slurmdbd_close(d);
		return NULL;
	}
	if (slurmdbd_has_cluster(d, err, errsize) != 1) {
		slurmdbd_close(d);
		return NULL;
	}
	if (slurmdbd_load_gpus(d) != 0)
		slurmdbd_error(err, errsize, "slurmdb_tres_get");
	else if (slurmdbd_load_qos(d) != 0)
		slurmdbd_error(err, errsize, "slurmdb_qos_get");
	else
		return d;
	slurmdbd_close(d);
	return NULL;
}

void
slurmdbd_close(struct slurmdbd *d)
{
	size_t i;

	if (d == NULL)
		return;
	if (d->conn != NULL)
		slurmdb_connection_close(&d->conn);
	for (i = 0; i < d->nqos; i++)
		free(d->qos[i].name);
	free(d->qos);
	for (i = 0; i < d->ngroups; i++)
		free(d->groups[i].name);
	free(d->groups);
	if (d->initialized)
		slurm_fini();
	free(d);
}

struct slurmdbd *
slurmdbd_offline(const char *cluster, uint32_t gpu, const uint32_t *typed,
    size_t ntyped)
{
	struct slurmdbd *d = xcalloc(1, sizeof(*d));

	snprintf(d->cluster, sizeof(d->cluster), "%s", cluster);
	d->gpu_untyped = gpu;
	for (; ntyped > 0 && d->ngpu_typed < SLURMDBD_MAX_GPU_TRES; ntyped--)
		d->gpu_typed[d->ngpu_typed++] = *typed++;
	return d;
}

const char *
slurmdbd_cluster(const struct slurmdbd *d)
{
	return d->cluster;
}

static const char *
slurmdbd_qos_name(const struct slurmdbd *d, uint32_t id)
{
	size_t i;

	for (i = 0; i < d->nqos; i++)
		if (d->qos[i].id == id)
			return d->qos[i].name;
	return NULL;
}

/* A TRES string "1=2,2=200,4=1,1001=2": what hpcacct takes from it. */
static void
slurmdbd_tres(const struct slurmdbd *d, const char *s,
    struct sacct_tres *t, int64_t *mem)
{
	unsigned long long id, count;
	int64_t typed = -1;
	size_t i;
	char *e;

	t->cpu = t->node = t->gpus = -1;
	t->mem_kb = -1;
	*mem = -1;
	while (s != NULL && *s != '\0') {
		id = strtoull(s, &e, 10);
		if (*e != '=')
			break;
		count = strtoull(e + 1, &e, 10);
		if (id == SLURMDBD_TRES_CPU)
			t->cpu = (int64_t)count;
		else if (id == SLURMDBD_TRES_MEM)
			*mem = (int64_t)count;
		else if (id == SLURMDBD_TRES_NODE)
			t->node = (int64_t)count;
		else if (id != 0 && id == d->gpu_untyped)
			t->gpus = (int64_t)count;
		for (i = 0; i < d->ngpu_typed; i++)
			if (id == d->gpu_typed[i])
				typed = (typed < 0 ? 0 : typed) + (int64_t)count;
		s = *e == ',' ? e + 1 : e;
		if (*e != ',')
			break;
	}
	if (t->gpus < 0)
		t->gpus = typed;
}

static int64_t
slurmdbd_size(int64_t v)
{
	return v > 0 && v <= JOB_COUNT_MAX ? v : JOB_UNSET;
}

static int64_t
slurmdbd_time(struct slurmdbd_job *p, time_t t, const char *what)
{
	if (t <= 0 || (uint64_t)t >= NO_VAL)
		return JOB_UNSET;
	if (!job_time_plausible((int64_t)t)) {
		job_sink_warnf(p->sink, p->line, "%s time %lld out of range, "
		    "stored as unknown", what, (long long)t);
		return JOB_UNSET;
	}
	return (int64_t)t;
}

/* The JobID sacct prints. */
static void
slurmdbd_job_id(struct slurmdbd_job *p, const slurmdb_job_rec_t *r)
{
	struct job *j = &p->job;

	if (r->array_job_id != 0 && r->array_task_id != NO_VAL) {
		snprintf(p->parent, sizeof(p->parent), "%u", r->array_job_id);
		snprintf(p->id, sizeof(p->id), "%u_%u", r->array_job_id,
		    r->array_task_id);
		j->array_job_id = p->parent;
		j->array_index = r->array_task_id;
	} else if (r->het_job_id != 0 && r->het_job_offset != NO_VAL)
		snprintf(p->id, sizeof(p->id), "%u+%u", r->het_job_id,
		    r->het_job_offset);
	else
		snprintf(p->id, sizeof(p->id), "%u", r->jobid);
	j->job_id = p->id;
}

static const enum sacct_state slurmdbd_states[] = {
	SACCT_ST_PENDING, SACCT_ST_RUNNING, SACCT_ST_SUSPENDED,
	SACCT_ST_COMPLETED, SACCT_ST_CANCELLED, SACCT_ST_FAILED,
	SACCT_ST_TIMEOUT, SACCT_ST_NODE_FAIL, SACCT_ST_PREEMPTED,
	SACCT_ST_BOOT_FAIL, SACCT_ST_DEADLINE, SACCT_ST_OUT_OF_MEMORY
};

/* The state; 0 to go on, 1 for a job that has not ended (skipped). */
static int
slurmdbd_state(struct slurmdbd_job *p, const slurmdb_job_rec_t *r)
{
	unsigned base = r->state & JOB_STATE_BASE;
	enum sacct_state st = SACCT_ST_UNKNOWN;

	if (r->state & JOB_REQUEUE)
		st = SACCT_ST_REQUEUED;
	else if (base < sizeof(slurmdbd_states) / sizeof(*slurmdbd_states))
		st = slurmdbd_states[base];
	else
		job_sink_warnf(p->sink, p->line, "unknown state %u", base);
	if (sacct_skip_unended(st, p->job.end != JOB_UNSET, p->job.job_id,
	    p->sink, p->line))
		return 1;
	p->job.state = sacct_state_name(st);
	if (st == SACCT_ST_CANCELLED && r->requid != NO_VAL &&
	    r->requid != INFINITE)
		snprintf(p->raw_state, sizeof(p->raw_state), "CANCELLED by %u",
		    r->requid);
	else
		snprintf(p->raw_state, sizeof(p->raw_state), "%s",
		    p->job.state);
	p->job.raw_state = p->raw_state;
	p->job.status = sacct_state_status(st);
	return 0;
}

/* Times; -1 (rejected) where the job cannot be placed. */
static int
slurmdbd_times(struct slurmdbd_job *p, const slurmdb_job_rec_t *r)
{
	struct job *j = &p->job;
	int64_t el = r->elapsed != NO_VAL &&
	    job_duration_plausible((double)r->elapsed) ? (int64_t)r->elapsed : -1;

	j->submit = slurmdbd_time(p, r->submit, "submit");
	j->eligible = slurmdbd_time(p, r->eligible, "eligible");
	j->start = slurmdbd_time(p, r->start, "start");
	j->end = slurmdbd_time(p, r->end, "end");
	if (j->submit == JOB_UNSET) {
		job_sink_rejectf(p->sink, p->line, "job %s: no submit time",
		    p->id);
		return -1;
	}
	if (j->end == JOB_UNSET && j->start != JOB_UNSET && el >= 0)
		j->end = j->start + el;
	if (j->start != JOB_UNSET && j->end != JOB_UNSET && j->start > j->end)
		j->start = el >= 0 ? j->end - el : JOB_UNSET;
	return 0;
}

static void
slurmdbd_resources(const struct slurmdbd *d, struct slurmdbd_job *p,
    const slurmdb_job_rec_t *r)
{
	struct job *j = &p->job;
	struct sacct_tres alloc, req;
	int64_t alloc_mem, req_mem;

	slurmdbd_tres(d, r->tres_alloc_str, &alloc, &alloc_mem);
	slurmdbd_tres(d, r->tres_req_str, &req, &req_mem);
	j->alloc_procs = slurmdbd_size(alloc.cpu);
	j->req_procs = slurmdbd_size(r->req_cpus != NO_VAL ?
	    (int64_t)r->req_cpus : -1);
	if (j->req_procs == JOB_UNSET)
		j->req_procs = slurmdbd_size(req.cpu);
	j->nodes = slurmdbd_size(r->alloc_nodes);
	if (j->nodes == JOB_UNSET)
		j->nodes = slurmdbd_size(alloc.node);
	j->gpus = sacct_tres_gpus(&alloc, &req, j->start != JOB_UNSET);
	if (req_mem > 0 && req_mem < INT64_C(1) << 40)
		j->req_mem_kb = req_mem * 1024;
	if (r->timelimit != NO_VAL && r->timelimit != INFINITE &&
	    (int64_t)r->timelimit * 60 <= JOB_DURATION_MAX)
		j->req_time = (int64_t)r->timelimit * 60;
}

/* Bytes of "2=" in a TRES usage string; -1 if absent. */
static double
slurmdbd_tres_mem(const char *s)
{
	unsigned long long id, v;
	char *e;

	while (s != NULL && *s != '\0') {
		id = strtoull(s, &e, 10);
		if (*e != '=')
			return -1;
		v = strtoull(e + 1, &e, 10);
		if (id == SLURMDBD_TRES_MEM)
			return (double)v;
		if (*e != ',')
			return -1;
		s = e + 1;
	}
	return -1;
}

/* Steps: CPU time summed, peak memory (MaxRSS x tasks). */
static void
slurmdbd_steps(struct slurmdbd_job *p, const slurmdb_job_rec_t *r)
{
	double cpu, step_cpu = -1, mem_kb = -1, rss;
	slurmdb_step_rec_t *s;
	ListIterator it;

	if (r->steps != NULL) {
		it = slurm_list_iterator_create(r->steps);
		while ((s = slurm_list_next(it)) != NULL) {
			cpu = (double)s->tot_cpu_sec +
			    (double)s->tot_cpu_usec / 1e6;
			step_cpu = (step_cpu < 0 ? 0 : step_cpu) + cpu;
			if ((rss = slurmdbd_tres_mem(
			    s->stats.tres_usage_in_max)) < 0)
				continue;
			rss /= 1024.0;
			if (s->ntasks > 0 && s->ntasks != NO_VAL)
				rss *= (double)s->ntasks;
			if (rss > mem_kb)
				mem_kb = rss;
		}
		slurm_list_iterator_destroy(it);
	}
	cpu = (double)r->tot_cpu_sec + (double)r->tot_cpu_usec / 1e6;
	p->job.cpu_time = step_cpu > cpu ? step_cpu : cpu;
	if (mem_kb >= 0)
		p->job.used_mem_kb = job_round(mem_kb);
}

/* ExitCode as sacct prints it: the wait status's code and signal. */
static void
slurmdbd_exit(struct slurmdbd_job *p, const slurmdb_job_rec_t *r)
{
	int status = (int)r->exitcode;

	if (r->exitcode == NO_VAL)
		return;
	p->job.exit_code = WEXITSTATUS(status);
	p->job.exit_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

/* The name of group gid (its number where it has none), looked up once:
 * a lookup may go to LDAP. */
static const char *
slurmdbd_group(struct slurmdbd *d, uint32_t gid)
{
	struct group *gr;
	char num[16];
	size_t i;

	for (i = 0; i < d->ngroups; i++)
		if (d->groups[i].id == gid)
			return d->groups[i].name;
	if (d->ngroups == d->groups_cap) {
		d->groups_cap = d->groups_cap != 0 ? d->groups_cap * 2 : 16;
		d->groups = xreallocarray(d->groups, d->groups_cap,
		    sizeof(*d->groups));
	}
	snprintf(num, sizeof(num), "%u", gid);
	gr = getgrgid(gid);
	d->groups[d->ngroups].id = gid;
	d->groups[d->ngroups].name = xstrdup(gr != NULL ? gr->gr_name : num);
	return d->groups[d->ngroups++].name;
}

/* User and group names as sacct prints them. */
static void
slurmdbd_names(struct slurmdbd *d, struct slurmdbd_job *p,
    const slurmdb_job_rec_t *r)
{
	struct job *j = &p->job;
	struct passwd *pw;

	j->cluster = r->cluster != NULL ? r->cluster : d->cluster;
	j->uid = r->uid != NO_VAL ? r->uid : JOB_UNSET;
	j->gid = r->gid != NO_VAL ? r->gid : JOB_UNSET;
	j->user = r->user;
	if (j->user == NULL && j->uid != JOB_UNSET) {
		pw = getpwuid(r->uid);
		snprintf(p->user, sizeof(p->user), "%s", pw != NULL ?
		    pw->pw_name : "");
		j->user = p->user[0] != '\0' ? p->user : NULL;
	}
	if (j->gid != JOB_UNSET)
		j->group = slurmdbd_group(d, r->gid);
	j->account = r->account != NULL && *r->account != '\0' ?
	    r->account : NULL;
	j->queue = r->partition != NULL && *r->partition != '\0' ?
	    r->partition : NULL;
	j->qos = slurmdbd_qos_name(d, r->qosid);
	j->job_name = r->jobname;
}

/* The tasks of a range that never split off (cancelled while pending),
 * as sacct prints them ("10_[1-4]") and the text reader stores them: one
 * job per task. */
static int
slurmdbd_range(struct slurmdbd_job *p, const slurmdb_job_rec_t *r)
{
	snprintf(p->parent, sizeof(p->parent), "%u", r->array_job_id != 0 ?
	    r->array_job_id : r->jobid);
	return sacct_emit_tasks(&p->job, p->parent, r->array_task_str,
	    strlen(r->array_task_str), p->id, sizeof(p->id), p->sink,
	    p->line);
}

/* Convert r and hand it on: 0, or -1 (the sink stopped). */
static int
slurmdbd_job(struct slurmdbd *d, struct slurmdbd_job *p,
    const slurmdb_job_rec_t *r)
{
	struct job *j = &p->job;

	job_clear(j);
	slurmdbd_job_id(p, r);
	if (slurmdbd_times(p, r) != 0 || slurmdbd_state(p, r) != 0)
		return 0;
	if (j->end == JOB_UNSET) {
		job_sink_rejectf(p->sink, p->line, "job %s: no end time",
		    p->id);
		return 0;
	}
	j->source_format = "slurm";
	j->source_file = p->name;
	j->source_line = p->line;
	slurmdbd_names(d, p, r);
	slurmdbd_resources(d, p, r);
	slurmdbd_steps(p, r);
	slurmdbd_exit(p, r);
	if (r->array_task_str != NULL && *r->array_task_str != '\0' &&
	    r->array_task_id == NO_VAL)
		return slurmdbd_range(p, r);
	return p->sink->job(p->sink->ctx, j);
}

/* A list of the decimal job states (sacct -s with every state). */
static List
slurmdbd_state_list(char buf[][8], size_t n)
{
	List l = slurm_list_create(NULL);
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(buf[i], sizeof(buf[i]), "%zu", i);
		slurm_list_append(l, buf[i]);
	}
	return l;
}

int
slurmdbd_read(struct slurmdbd *d, int64_t from, int64_t to,
    const char *name, int64_t *record, const struct job_sink *sink,
    char *err, size_t errsize)
{
	char states[JOB_END][8];
	slurmdb_job_cond_t cond;
	List clusters, got;
	int rc;

	memset(&cond, 0, sizeof(cond));
	cond.db_flags = SLURMDB_JOB_FLAG_NOTSET;
	cond.flags = JOBCOND_FLAG_NO_TRUNC | JOBCOND_FLAG_DUP;
	cond.usage_start = (time_t)from;
	cond.usage_end = (time_t)to;
	clusters = slurm_list_create(NULL);
	slurm_list_append(clusters, d->cluster);
	cond.cluster_list = clusters;
	cond.state_list = slurmdbd_state_list(states, JOB_END);
	got = slurmdb_jobs_get(d->conn, &cond);
	slurm_list_destroy(cond.state_list);
	slurm_list_destroy(clusters);
	if (got == NULL) {
		slurmdbd_error(err, errsize, "slurmdb_jobs_get");
		return -1;
	}
	rc = slurmdbd_read_list(d, got, name, record, sink);
	slurm_list_destroy(got);
	return rc;
}

int
slurmdbd_read_list(struct slurmdbd *d, void *list, const char *name,
    int64_t *record, const struct job_sink *sink)
{
	struct slurmdbd_job p;
	slurmdb_job_rec_t *r;
	ListIterator it;
	int rc = 0;

	memset(&p, 0, sizeof(p));
	p.sink = sink;
	p.name = name;
	it = slurm_list_iterator_create(list);
	while (rc == 0 && (r = slurm_list_next(it)) != NULL) {
		p.line = ++*record;
		rc = slurmdbd_job(d, &p, r);
	}
	slurm_list_iterator_destroy(it);
	return rc;
}

#endif
