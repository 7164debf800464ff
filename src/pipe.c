/*
 * The job pipe (see pipe.h): a few batches go round between the sender,
 * which fills one, and the consumer thread, which empties them in turn.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pipe.h"
#include "xalloc.h"

#define PIPE_BATCHES 4
#define PIPE_JOBS 1024		/* per batch */
#define PIPE_ARENA (256 * 1024)	/* string bytes per batch, to start */

struct pipe_batch {
	struct job jobs[PIPE_JOBS];
	size_t n;
	char *arena;
	size_t used, cap;
};

struct pipe {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t changed;
	struct pipe_batch batch[PIPE_BATCHES];
	size_t head, tail;	/* batches sent, and consumed (mod 2^64) */
	int done;		/* nothing more will be sent */
	int failed;		/* consume() returned nonzero */
	int (*consume)(void *, const struct job *);
	void *ctx;
};

static void *
pipe_run(void *arg)
{
	struct pipe *p = arg;
	struct pipe_batch *b;
	size_t i;
	int failed = 0;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->tail == p->head && !p->done)
			pthread_cond_wait(&p->changed, &p->mu);
		if (p->tail == p->head)
			break;
		b = &p->batch[p->tail % PIPE_BATCHES];
		pthread_mutex_unlock(&p->mu);
		for (i = 0; !failed && i < b->n; i++)
			failed = p->consume(p->ctx, &b->jobs[i]) != 0;
		pthread_mutex_lock(&p->mu);
		p->failed |= failed;
		p->tail++;
		pthread_cond_broadcast(&p->changed);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

struct pipe *
pipe_start(int (*consume)(void *ctx, const struct job *job), void *ctx)
{
	struct pipe *p = xcalloc(1, sizeof(*p));
	int i;

	p->consume = consume;
	p->ctx = ctx;
	for (i = 0; i < PIPE_BATCHES; i++) {
		p->batch[i].cap = PIPE_ARENA;
		p->batch[i].arena = xmalloc(PIPE_ARENA);
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->changed, NULL);
	if (pthread_create(&p->thread, NULL, pipe_run, p) != 0) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->changed);
		for (i = 0; i < PIPE_BATCHES; i++)
			free(p->batch[i].arena);
		free(p);
		return NULL;
	}
	return p;
}

#define PIPE_STRINGS 13

/* The string fields of j. */
static void
pipe_strings(struct job *j, const char **s[PIPE_STRINGS])
{
	const char **f[PIPE_STRINGS] = {&j->cluster, &j->source_format,
	    &j->job_id, &j->array_job_id, &j->state, &j->raw_state, &j->user,
	    &j->group, &j->account, &j->queue, &j->qos, &j->job_name,
	    &j->source_file};

	memcpy(s, f, sizeof(f));
}

/* The bytes j's strings take, with their NULs. */
static size_t
pipe_job_bytes(struct job *j)
{
	const char **s[PIPE_STRINGS];
	size_t i, n = 0;

	pipe_strings(j, s);
	for (i = 0; i < PIPE_STRINGS; i++)
		if (*s[i] != NULL)
			n += strlen(*s[i]) + 1;
	return n;
}

/* Point j's strings at copies in b's arena (room checked). */
static void
pipe_copy(struct pipe_batch *b, struct job *j)
{
	const char **s[PIPE_STRINGS];
	size_t i, len;
	char *d;

	pipe_strings(j, s);
	for (i = 0; i < PIPE_STRINGS; i++) {
		if (*s[i] == NULL)
			continue;
		len = strlen(*s[i]) + 1;
		d = b->arena + b->used;
		memcpy(d, *s[i], len);
		b->used += len;
		*s[i] = d;
	}
}

/* Hand the batch being filled to the consumer and wait for a free one:
 * 0, or -1 once the consumer has failed. */
static int
pipe_submit(struct pipe *p)
{
	int failed;

	pthread_mutex_lock(&p->mu);
	p->head++;
	pthread_cond_broadcast(&p->changed);
	while (p->head - p->tail == PIPE_BATCHES && !p->failed)
		pthread_cond_wait(&p->changed, &p->mu);
	failed = p->failed;
	pthread_mutex_unlock(&p->mu);
	if (failed)	/* the next batch may still be the consumer's */
		return -1;
	p->batch[p->head % PIPE_BATCHES].n = 0;
	p->batch[p->head % PIPE_BATCHES].used = 0;
	return 0;
}

int
pipe_send(struct pipe *p, const struct job *job)
{
	struct pipe_batch *b = &p->batch[p->head % PIPE_BATCHES];
	struct job copy = *job;
	size_t need = pipe_job_bytes(&copy);

	if (b->n == PIPE_JOBS || (b->n > 0 && b->used + need > b->cap)) {
		if (pipe_submit(p) != 0)
			return -1;
		b = &p->batch[p->head % PIPE_BATCHES];
	}
	if (need > b->cap) {	/* an empty batch: it may move */
		b->cap = need;
		b->arena = xreallocarray(b->arena, 1, need);
	}
	pipe_copy(b, &copy);
	b->jobs[b->n++] = copy;
	return 0;
}

int
pipe_finish(struct pipe *p)
{
	int failed, i;

	pthread_mutex_lock(&p->mu);
	if (!p->failed && p->batch[p->head % PIPE_BATCHES].n > 0)
		p->head++;
	p->done = 1;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	failed = p->failed;
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->changed);
	for (i = 0; i < PIPE_BATCHES; i++)
		free(p->batch[i].arena);
	free(p);
	return failed ? -1 : 0;
}
