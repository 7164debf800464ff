/*
 * The grammars of PBS Professional / OpenPBS and TORQUE accounting logs:
 * the record line, job ids, the key=value tokenizer for both dialects,
 * sizes, exec_host and exec_vnode lists, nodes specs and exit statuses.
 * Each takes (text, length), allocates nothing and returns 0 on success or
 * -1 on text it cannot read.
 */
#ifndef HPCACCT_PBS_FIELDS_H
#define HPCACCT_PBS_FIELDS_H

#include <stddef.h>
#include <stdint.h>

/* "MM/DD/YYYY HH:MM:SS;T;jobid;message" split into its parts. */
struct pbs_line {
	int year, month, day, hour, min, sec;
	char type;
	const char *job_id;
	size_t job_id_len;
	const char *message;
	size_t message_len;
};

/* Split a record line; -1 if it is not one. */
int pbs_parse_line(const char *s, size_t len, struct pbs_line *line);

/* Whether s starts like a PBS accounting record. */
int pbs_looks_like_record(const char *s, size_t len);

struct pbs_jobid {
	size_t number_len;	/* "1234" */
	int is_array_parent;	/* "1234[]" */
	int64_t array_index;	/* "1234[5]"; -1 when not a subjob */
	const char *server;	/* after the first '.', or NULL */
	size_t server_len;
};

/* Parse "1234.server", "1234[5].server", "1234[].server". */
int pbs_parse_jobid(const char *s, size_t len, struct pbs_jobid *id);

struct pbs_attr {
	const char *key;
	size_t key_len;
	const char *value;	/* quotes removed */
	size_t value_len;
};

/*
 * The next key=value of a message, starting at *pos (0 at first).  PBS Pro
 * quotes values with spaces ("..." or '...'); TORQUE does not, so an
 * unquoted value runs to the next " key=" whose key is a known attribute
 * name (never to the next space).  Returns 1 with *attr set, 0 at the end,
 * -1 on a malformed attribute (the rest of the message is skipped).
 */
int pbs_next_attr(const char *s, size_t len, size_t *pos,
    struct pbs_attr *attr);

/* Whether key (key_len bytes) names a PBS or TORQUE attribute. */
int pbs_known_key(const char *key, size_t key_len);

/*
 * A size ("664kb", "2gb", "0b", "12.27M", "8w", "1993mb"; a bare number is
 * KB, as in practice) in KB, rounded.
 */
int pbs_parse_size(const char *s, size_t len, int64_t *kb);

/*
 * exec_host ("n1/0+n1/1", "n1/0-3", "n1/0,2", "c1/0*13"): the number of
 * slots and of distinct hosts.  A list with a zero count is malformed.
 */
int pbs_parse_exec_host(const char *s, size_t len, int64_t *slots,
    int64_t *hosts);

/* exec_vnode ("(c1:ncpus=13:ngpus=1)+(c2:ncpus=13)"): summed counts. */
int pbs_parse_exec_vnode(const char *s, size_t len, int64_t *ncpus,
    int64_t *ngpus);

/*
 * A nodes spec ("2:ppn=4:gpus=2", "1:ppn=4:avx", "n1:ppn=2+n2:ppn=2"):
 * nodes, processors (nodes x ppn) and GPUs (nodes x gpus) in all.
 */
int pbs_parse_nodes(const char *s, size_t len, int64_t *nodes,
    int64_t *procs, int64_t *gpus);

/* A possibly signed integer (the whole text). */
int pbs_parse_int(const char *s, size_t len, int64_t *value);

enum pbs_dialect {
	PBS_PRO,	/* PBS Professional and OpenPBS */
	PBS_TORQUE
};

/* What an Exit_status means. */
struct pbs_exit {
	const char *state;	/* COMPLETED, FAILED, TIMEOUT, ... */
	int swf_status;		/* 1, 0 */
	int64_t signal;		/* killed by signal N, else 0 */
};

/* Decode an Exit_status in dialect (negative codes differ). */
void pbs_decode_exit(int64_t status, enum pbs_dialect dialect,
    struct pbs_exit *exit);

#endif
