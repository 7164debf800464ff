/*
 * gen-k8s: write what `kubectl get jobs,pods -A -o json` prints for a
 * synthetic research cloud (kubectl's shape: a List, 4-space indents,
 * Jobs then Pods), for the examples and the benchmark.  Deterministic for
 * a seed.
 *
 *   gen-k8s [-n JOBS] [-s SEED] [-d START_DAY] [-D DAYS] [-P]
 *
 * -P leaves the Pods out (as after they were garbage-collected).  Jobs
 * come from several namespaces, with Kueue and Volcano queues, user
 * labels and annotations, CronJob owners, indexed completions, fractional
 * CPUs and GPUs; some fail, some pass their deadline, some still run.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen-common.h"

struct ns {
	const char *name, *queue_key, *queue, *user;
};

static const struct ns spaces[] = {
	{"ml-team", "kueue.x-k8s.io/queue-name", "gpu-queue", "judy"},
	{"ml-team", "kueue.x-k8s.io/queue-name", "cpu-queue", "ivan"},
	{"spark", "scheduling.volcano.sh/queue-name", "analytics", "erin"},
	{"jupyter", NULL, NULL, "anna"},
	{"etl", NULL, NULL, NULL},
};
#define NSPACES (sizeof(spaces) / sizeof(spaces[0]))

static const char *const cpus[] = {"250m", "500m", "1", "1500m", "2", "4"};
static const char *const mems[] = {"512Mi", "1Gi", "2Gi", "4G", "16Gi"};

static int first_item = 1;

static char *
ts(int64_t t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

static void
uid(int64_t n, char kind, char *buf)
{
	snprintf(buf, 40, "%08" PRIx64 "-%04x-4%03x-%c%03x-%012" PRIx64,
	    (uint64_t)n * 2654435761u & 0xffffffffu, (unsigned)(n & 0xffff),
	    (unsigned)(rng() & 0xfff), kind, (unsigned)(rng() & 0xfff),
	    (uint64_t)rng() & 0xffffffffffffu);
}

struct job {
	char uid[40], name[80], owner[40];
	const struct ns *ns;
	const char *cpu, *mem;
	int gpus, parallelism, completions, indexed;
	int64_t created, start, end, deadline;
	const char *state;	/* Complete, Failed, DeadlineExceeded, "" */
	int pods;
	int64_t pod_start[8], pod_end[8];
};

static void
item_start(void)
{
	printf(first_item ? "        {\n" : ",\n        {\n");
	first_item = 0;
}

static void
print_labels(const struct job *j)
{
	printf("                \"labels\": {\n");
	if (j->ns->queue_key != NULL &&
	    strncmp(j->ns->queue_key, "kueue", 5) == 0)
		printf("                    \"%s\": \"%s\",\n",
		    j->ns->queue_key, j->ns->queue);
	if (j->ns->user != NULL && j->ns->name[0] == 'j')
		printf("                    \"owner\": \"%s\",\n", j->ns->user);
	printf("                    \"batch.kubernetes.io/job-name\": \"%s\",\n"
	    "                    \"job-name\": \"%s\"\n                },\n",
	    j->name, j->name);
}

static void
print_annotations(const struct job *j)
{
	int volcano = j->ns->queue_key != NULL &&
	    strncmp(j->ns->queue_key, "scheduling", 10) == 0;
	int user = j->ns->user != NULL && j->ns->name[0] != 'j';

	if (!volcano && !user)
		return;
	printf("                \"annotations\": {\n");
	if (volcano)
		printf("                    \"%s\": \"%s\"%s\n", j->ns->queue_key,
		    j->ns->queue, user ? "," : "");
	if (user)
		printf("                    \"hpcacct.io/user\": \"%s\"\n",
		    j->ns->user);
	printf("                },\n");
}

static void
print_status(const struct job *j)
{
	char a[24], b[24];

	printf("            \"status\": {\n");
	if (j->state[0] == '\0') {
		printf("                \"active\": %d,\n                \"ready\":"
		    " %d,\n                \"startTime\": \"%s\"\n            }\n",
		    j->parallelism, j->parallelism, ts(j->start, a));
		return;
	}
	if (strcmp(j->state, "Complete") == 0)
		printf("                \"completionTime\": \"%s\",\n",
		    ts(j->end, a));
	printf("                \"conditions\": [\n                    {\n"
	    "                        \"lastProbeTime\": \"%s\",\n"
	    "                        \"lastTransitionTime\": \"%s\",\n",
	    ts(j->end, a), ts(j->end, b));
	if (strcmp(j->state, "Complete") != 0)
		printf("                        \"reason\": \"%s\",\n",
		    strcmp(j->state, "Failed") == 0 ? "BackoffLimitExceeded" :
		    "DeadlineExceeded");
	printf("                        \"status\": \"True\",\n"
	    "                        \"type\": \"%s\"\n                    }\n"
	    "                ],\n", strcmp(j->state, "Complete") == 0 ?
	    "Complete" : "Failed");
	printf("                \"%s\": %d,\n                \"startTime\": "
	    "\"%s\"\n            }\n", strcmp(j->state, "Complete") == 0 ?
	    "succeeded" : "failed", j->completions, ts(j->start, a));
}

static void
print_job(const struct job *j)
{
	char c[24];

	item_start();
	printf("            \"apiVersion\": \"batch/v1\",\n"
	    "            \"kind\": \"Job\",\n            \"metadata\": {\n");
	print_annotations(j);
	printf("                \"creationTimestamp\": \"%s\",\n",
	    ts(j->created, c));
	print_labels(j);
	printf("                \"name\": \"%s\",\n                \"namespace\":"
	    " \"%s\",\n", j->name, j->ns->name);
	if (j->owner[0] != '\0')
		printf("                \"ownerReferences\": [\n"
		    "                    {\n"
		    "                        \"apiVersion\": \"batch/v1\",\n"
		    "                        \"kind\": \"CronJob\",\n"
		    "                        \"name\": \"%s\",\n"
		    "                        \"uid\": \"%s-cron\"\n"
		    "                    }\n                ],\n", j->owner,
		    j->ns->name);
	printf("                \"uid\": \"%s\"\n            },\n", j->uid);
	printf("            \"spec\": {\n");
	if (j->deadline > 0)
		printf("                \"activeDeadlineSeconds\": %" PRId64
		    ",\n", j->deadline);
	printf("                \"backoffLimit\": 3,\n"
	    "                \"completionMode\": \"%s\",\n"
	    "                \"completions\": %d,\n"
	    "                \"parallelism\": %d,\n"
	    "                \"suspend\": false,\n"
	    "                \"template\": {\n"
	    "                    \"spec\": {\n"
	    "                        \"containers\": [\n"
	    "                            {\n"
	    "                                \"image\": \"registry.example.org/%s:1.0\",\n"
	    "                                \"name\": \"main\",\n"
	    "                                \"resources\": {\n"
	    "                                    \"requests\": {\n"
	    "                                        \"cpu\": \"%s\",\n"
	    "                                        \"memory\": \"%s\"%s\n",
	    j->indexed ? "Indexed" : "NonIndexed", j->completions,
	    j->parallelism, j->ns->name, j->cpu, j->mem, j->gpus ? "," : "");
	if (j->gpus)
		printf("                                        \"nvidia.com/gpu\": \"%d\"\n",
		    j->gpus);
	printf("                                    }\n"
	    "                                }\n                            }\n"
	    "                        ],\n"
	    "                        \"restartPolicy\": \"Never\"\n"
	    "                    }\n                }\n            },\n");
	print_status(j);
	printf("        }");
}

static void
print_pod(const struct job *j, int i)
{
	char a[24], b[24], id[40];

	uid(j->created + i + 1, 'b', id);
	item_start();
	printf("            \"apiVersion\": \"v1\",\n            \"kind\": \"Pod\",\n"
	    "            \"metadata\": {\n"
	    "                \"name\": \"%s-%d-x%02d\",\n"
	    "                \"namespace\": \"%s\",\n"
	    "                \"ownerReferences\": [\n                    {\n"
	    "                        \"apiVersion\": \"batch/v1\",\n"
	    "                        \"kind\": \"Job\",\n"
	    "                        \"name\": \"%s\",\n"
	    "                        \"uid\": \"%s\"\n"
	    "                    }\n                ],\n"
	    "                \"uid\": \"%s\"\n            },\n",
	    j->name, i, (int)(rng() % 100), j->ns->name, j->name, j->uid, id);
	printf("            \"spec\": {\n                \"nodeName\": \"node-%02d\"\n"
	    "            },\n            \"status\": {\n"
	    "                \"containerStatuses\": [\n                    {\n"
	    "                        \"name\": \"main\",\n"
	    "                        \"state\": {\n"
	    "                            \"terminated\": {\n"
	    "                                \"exitCode\": %d,\n"
	    "                                \"finishedAt\": \"%s\",\n"
	    "                                \"startedAt\": \"%s\"\n"
	    "                            }\n                        }\n"
	    "                    }\n                ],\n"
	    "                \"phase\": \"%s\",\n"
	    "                \"startTime\": \"%s\"\n            }\n        }",
	    (int)(rng() % 12), strcmp(j->state, "Complete") == 0 ? 0 : 1,
	    ts(j->pod_end[i], a), ts(j->pod_start[i], b),
	    strcmp(j->state, "Complete") == 0 ? "Succeeded" : "Failed",
	    ts(j->pod_start[i], b));
}

static void
make_job(struct job *j, int64_t n, int64_t t, int64_t now)
{
	int r = (int)(rng() % 100), i, wave;
	int64_t span;

	memset(j, 0, sizeof(*j));
	j->ns = &spaces[rng() % NSPACES];
	uid(n, 'a', j->uid);
	j->cpu = cpus[rng() % 6];
	j->mem = mems[rng() % 5];
	j->gpus = strcmp(j->ns->queue ? j->ns->queue : "", "gpu-queue") == 0 ?
	    (int)uniform(1, 2) : 0;
	j->parallelism = j->completions = 1;
	if (strcmp(j->ns->name, "etl") == 0) {
		snprintf(j->owner, sizeof(j->owner), "nightly-export");
		snprintf(j->name, sizeof(j->name), "nightly-export-%" PRId64,
		    t / 60);
	} else
		snprintf(j->name, sizeof(j->name), "%s-job-%" PRId64,
		    j->ns->name, n);
	if (r < 15) {		/* indexed: 4 completions, 2 at a time */
		j->indexed = 1;
		j->completions = 4;
		j->parallelism = 2;
	}
	j->created = t;
	j->start = t + uniform(0, 600);
	span = uniform(120, 4 * 3600);
	j->state = r < 80 ? "Complete" : r < 90 ? "Failed" : "Deadline";
	if (strcmp(j->state, "Deadline") == 0) {
		j->deadline = uniform(600, 3600);
		span = j->deadline;
	}
	j->pods = j->completions;
	wave = 0;
	for (i = 0; i < j->pods; i++) {
		if (i > 0 && i % j->parallelism == 0)
			wave++;
		j->pod_start[i] = j->start + wave * (span / 2) + uniform(0, 5);
		j->pod_end[i] = j->pod_start[i] + span / (j->indexed ? 2 : 1);
	}
	j->end = j->pod_end[j->pods - 1];
	for (i = 0; i < j->pods; i++)
		if (j->pod_end[i] > j->end)
			j->end = j->pod_end[i];
	if (j->end > now)	/* still running when collected */
		j->state = "";
}

int
main(int argc, char **argv)
{
	long long n = 200;
	int64_t start = 1793577600, days = 7, t, now, k;	/* 2026-11-02 */
	struct job *jobs;
	int c, with_pods = 1, i;

	while ((c = getopt(argc, argv, "n:s:d:D:P")) != -1) {
		switch (c) {
		case 'n': n = atoll(optarg); break;
		case 's': rng_seed(strtoull(optarg, NULL, 10)); break;
		case 'd': start = parse_day(optarg); break;
		case 'D': days = atoll(optarg); break;
		case 'P': with_pods = 0; break;
		default:
			fputs("usage: gen-k8s [-n JOBS] [-s SEED] [-d DAY] "
			    "[-D DAYS] [-P]\n", stderr);
			return 2;
		}
	}
	jobs = calloc((size_t)(n > 0 ? n : 1), sizeof(*jobs));
	if (jobs == NULL)
		return 1;
	now = start + days * 86400;
	printf("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n");
	for (k = 0, t = start; k < n; k++) {
		t += uniform(0, 2 * days * 86400 / (n > 0 ? n : 1));
		make_job(&jobs[k], k + 1, t, now);
		print_job(&jobs[k]);
	}
	for (k = 0; with_pods && k < n; k++)
		for (i = 0; i < jobs[k].pods && jobs[k].state[0]; i++)
			print_pod(&jobs[k], i);
	printf("\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n"
	    "        \"resourceVersion\": \"\"\n    }\n}\n");
	free(jobs);
	return fflush(stdout) == 0 ? 0 : 1;
}
