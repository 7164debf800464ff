/* The reader table: the one place that lists the input formats. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "parsers/k8s.h"
#include "parsers/pbs.h"
#include "parsers/sacct.h"
#include "parsers/sacct-json.h"
#include "reader.h"

const struct reader *const reader_table[] = {
	&sacct_reader,
	&sacct_json_reader,	/* before k8s: both are JSON objects */
	&pbs_reader,
	&k8s_reader,
	NULL
};

const struct reader *
reader_find(const char *name)
{
	const struct reader *const *r;

	for (r = reader_table; *r != NULL; r++)
		if (strcmp((*r)->name, name) == 0)
			return *r;
	return NULL;
}

const struct reader *
reader_for_directories(void)
{
	const struct reader *const *r;

	for (r = reader_table; *r != NULL; r++)
		if ((*r)->directories)
			return *r;
	return NULL;
}

const struct reader *
reader_detect(const char *line, size_t len, const char *next,
    size_t next_len, const struct reader_options *opt)
{
	const struct reader *const *r;

	for (r = reader_table; *r != NULL; r++)
		if ((*r)->detect(line, len, next, next_len, opt))
			return *r;
	return NULL;
}

void
reader_names(char *buf, size_t size)
{
	const struct reader *const *r;
	size_t at = 0;

	buf[0] = '\0';
	for (r = reader_table; *r != NULL && at < size; r++)
		at += (size_t)snprintf(buf + at, size - at, "%s%s",
		    r == reader_table ? "" : ", ", (*r)->name);
}
