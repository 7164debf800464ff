/*
 * Diagnostics for the command layer: every message goes to stderr with the
 * program name as prefix.  Library modules never call these; they return
 * errors that cmd-*.c report.
 */
#ifndef HPCACCT_MSG_H
#define HPCACCT_MSG_H

/* "hpcacct: message" on stderr. */
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "hpcacct: warning: message" on stderr. */
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the message and a "try --help" hint naming the command
 * (NULL for the global one).  Returns 2, the usage exit status. */
int msg_usage(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
