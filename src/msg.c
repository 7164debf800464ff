/* All diagnostics of the command layer, in one format. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "msg.h"

static void
msg_vprint(const char *prefix, const char *fmt, va_list ap)
{
	fputs("hpcacct: ", stderr);
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint("", fmt, ap);
	va_end(ap);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint("warning: ", fmt, ap);
	va_end(ap);
}

int
msg_usage(const char *command, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint("", fmt, ap);
	va_end(ap);
	if (command != NULL)
		fprintf(stderr, "Try 'hpcacct %s --help' for more information.\n",
		    command);
	else
		fputs("Try 'hpcacct --help' for more information.\n", stderr);
	return 2;
}
