/*
 * A job pipe: the reader parses on the calling thread while a second
 * thread stores, so that an ingest takes the longer of the two rather
 * than their sum.  Jobs travel in batches, copied with their strings;
 * the consumer sees them in the order they were sent.
 */
#ifndef HPCACCT_PIPE_H
#define HPCACCT_PIPE_H

#include "job.h"

struct pipe;

/*
 * Start the consumer thread: it calls consume(ctx, job) for every job
 * sent, in order, until one returns nonzero (then the rest are dropped
 * and pipe_send() fails).  NULL if no thread can be started.
 */
struct pipe *pipe_start(int (*consume)(void *ctx, const struct job *job),
    void *ctx);

/* Send a copy of job: 0, or -1 once the consumer has failed. */
int pipe_send(struct pipe *p, const struct job *job);

/* Wait for every job sent to be consumed and stop the thread: 0, or -1
 * if the consumer failed. */
int pipe_finish(struct pipe *p);

#endif
