/* hpcacct export: write stored jobs in an exchange format. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "msg.h"
#include "swf/swf.h"

static const char export_help[] =
    "Usage: hpcacct export FORMAT [OPTIONS]\n"
    "\n"
    "Formats:\n"
    "  swf      Standard Workload Format 2.2 (Parallel Workloads Archive)\n"
    "\n"
    "Run 'hpcacct export FORMAT --help' for its options.\n";

static const char swf_help[] =
    "Usage: hpcacct export swf [--from DATE] [--to DATE] [--cluster NAME]\n"
    "                          [--installation TEXT] [-o FILE]\n"
    "\n"
    "Write the stored jobs submitted in [--from, --to) as SWF 2.2, sorted by\n"
    "submit time, one line per job incarnation, with users, groups, job\n"
    "names, queues and clusters numbered in order of first appearance.\n"
    "\n"
    "Options:\n"
    "      --from DATE          YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (TZ)\n"
    "      --to DATE            exclusive end, same forms\n"
    "  -c, --cluster NAME       only this cluster (default: all)\n"
    "      --installation TEXT  the header's Installation (default: this\n"
    "                           host's name)\n"
    "  -o, --output FILE        write to FILE (default: standard output)\n"
    "  -h, --help               show this help\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, fixes the conversion date in the header.\n";

static int64_t
conversion_time(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (sde != NULL && sde[0] != '\0') {
		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			return v;
	}
	return (int64_t)time(NULL);
}

static int
write_swf(struct store *st, const struct swf_export_options *opt,
    const char *output)
{
	FILE *out = stdout;
	char err[512];
	int r;

	if (output != NULL && strcmp(output, "-") != 0) {
		out = fopen(output, "w");
		if (out == NULL) {
			msg_error("%s: %s", output, strerror(errno));
			return 1;
		}
	}
	r = swf_export(st, opt, out, err, sizeof(err));
	if (r != 0)
		msg_error("export swf: %s", err);
	if (out != stdout && fclose(out) != 0 && r == 0) {
		msg_error("%s: %s", output, strerror(errno));
		r = -1;
	}
	return r != 0 ? 1 : 0;
}

static int
swf_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"from", required_argument, NULL, 'F'},
		{"to", required_argument, NULL, 'T'},
		{"cluster", required_argument, NULL, 'c'},
		{"installation", required_argument, NULL, 'I'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct swf_export_options opt;
	const char *from_arg = NULL, *to_arg = NULL, *output = NULL;
	char host[256];
	struct store *st;
	int c, r;

	memset(&opt, 0, sizeof(opt));
	while ((c = getopt_long(argc, argv, ":c:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'F': from_arg = optarg; break;
		case 'T': to_arg = optarg; break;
		case 'c': opt.cluster = optarg; break;
		case 'I': opt.installation = optarg; break;
		case 'o': output = optarg; break;
		case 'h':
			fputs(swf_help, stdout);
			return 0;
		default:
			return cmd_option_error("export swf", c, argv);
		}
	}
	if (optind < argc)
		return msg_usage("export swf", "unexpected argument '%s'",
		    argv[optind]);
	r = cmd_parse_window("export swf", from_arg, to_arg, &opt.from,
	    &opt.to);
	if (r != 0)
		return r;
	if (opt.installation == NULL) {
		if (gethostname(host, sizeof(host)) != 0)
			snprintf(host, sizeof(host), "unknown");
		host[sizeof(host) - 1] = '\0';
		opt.installation = host;
	}
	opt.now = conversion_time();
	st = cmd_open_store(g, STORE_OPEN_EXISTING);
	if (st == NULL)
		return 1;
	r = write_swf(st, &opt, output);
	store_close(st);
	return r;
}

static int
export_exec(const struct cmd_globals *g, int argc, char **argv)
{
	static const struct cmd_sub formats[] = {
		{"swf", swf_exec},
		{NULL, NULL}
	};

	return cmd_run_sub(g, argc, argv, formats, export_help);
}

const struct cmd_entry cmd_export_entry = {
	"export", "export FORMAT [OPTIONS]",
	"write stored jobs as SWF for workload research",
	export_exec
};
