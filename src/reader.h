/*
 * The reader interface.  Each input format is one entry of reader_table
 * (as each command is one of cmd_table): its name, how to recognise it
 * from the first line of an input, and how to read a stream of it.  A
 * reader gets everything through struct reader_env: the options, the
 * sink for what it reads, and the state it keeps between records and
 * runs.  Adding a format is adding an entry; nothing else names formats.
 */
#ifndef HPCACCT_READER_H
#define HPCACCT_READER_H

#include <stddef.h>
#include <stdint.h>

#include "job.h"
#include "linereader.h"
#include "reader-state.h"

/* Options of ingest that readers heed (NULL: not given). */
struct reader_options {
	const char *cluster;		/* --cluster */
	const char *columns;		/* --columns (sacct without header) */
	const char *delimiter;		/* --delimiter (sacct) */
	const char *const *k8s_user_keys;	/* NULL-terminated */
	const char *const *k8s_queue_keys;
};

struct reader_env {
	const char *name;		/* the input's name, for provenance */
	const struct reader_options *opt;
	const struct job_sink *sink;
	const struct reader_state *state;
};

struct reader {
	const char *name;		/* for --format: "slurm", "pbs", ... */
	const char *summary;		/* for --help */
	int appends;			/* its logs grow by appending: a known
					 * file is read from where it stopped */
	int local_times;		/* it prints local times: --tz matters */
	int directories;		/* a directory of dated logs
					 * (YYYYMMDD[.gz]) is this format */
	int stateless;			/* it never uses env->state: it may
					 * parse on its own thread while
					 * the store writes */
	/* Whether line (an input's first non-empty line; next the one after
	 * it, for JSON whose first key is there) is this format. */
	int (*detect)(const char *line, size_t len, const char *next,
	    size_t next_len, const struct reader_options *opt);
	/*
	 * Read every record of lr, handing each to env->sink.  *consumed is
	 * the number of bytes read to the end of a complete record.  Returns
	 * 0, or -1 on an error that stops the input, with a reason in err.
	 */
	int (*read)(struct linereader *lr, const struct reader_env *env,
	    int64_t *consumed, char *err, size_t errsize);
};

/* Every reader, NULL-terminated, in the order detection tries them. */
extern const struct reader *const reader_table[];

/* The reader called name, or NULL. */
const struct reader *reader_find(const char *name);

/* The reader of directories of dated logs, or NULL. */
const struct reader *reader_for_directories(void);

/* The first reader that recognises line (and next), or NULL. */
const struct reader *reader_detect(const char *line, size_t len,
    const char *next, size_t next_len, const struct reader_options *opt);

/* "slurm, pbs, k8s" into buf, for messages. */
void reader_names(char *buf, size_t size);

#endif
