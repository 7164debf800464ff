/*
 * hpcacct: accounting for batch systems.  Parses the global options, finds
 * the command in cmd_table and runs it.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"

static void
usage(FILE *out)
{
	const struct cmd_entry *const *c;

	fputs("Usage: hpcacct [--db FILE] COMMAND [OPTIONS] [ARGS]\n"
	    "\n"
	    "Account for what Slurm, PBS and Kubernetes batch systems did.\n"
	    "\n"
	    "Commands:\n", out);
	for (c = cmd_table; *c != NULL; c++)
		fprintf(out, "  %-8s %s\n", (*c)->name, (*c)->summary);
	fputs("\n"
	    "Global options:\n"
	    "  --db FILE      the SQLite database (default: $HPCACCT_DB, "
	    "else the\n"
	    "                 configuration's, else ./hpcacct.db)\n"
	    "  --config FILE  the configuration file (default: "
	    "$HPCACCT_CONFIG, else\n"
	    "                 /etc/hpcacct.conf if there is one; see "
	    "hpcacct.conf(5))\n"
	    "  -h, --help     show this help\n"
	    "  -V, --version  show the version\n"
	    "\n"
	    "Run 'hpcacct COMMAND --help' for a command's options; "
	    "see hpcacct(1).\n", out);
}

static const struct cmd_entry *
find_command(const char *name)
{
	const struct cmd_entry *const *c;

	for (c = cmd_table; *c != NULL; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	struct cmd_globals g;
	const struct cmd_entry *cmd;
	const char *config = NULL;
	int c, status;

	memset(&g, 0, sizeof(g));
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			g.db_path = optarg;
			break;
		case 'C':
			config = optarg;
			break;
		case 'h':
			usage(stdout);
			return cmd_finish_output(0);
		case 'V':
			printf("hpcacct %s\n", PACKAGE_VERSION);
			return cmd_finish_output(0);
		default:
			return cmd_option_error(NULL, c, argv);
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	cmd = find_command(argv[optind]);
	if (cmd == NULL)
		return msg_usage(NULL, "unknown command '%s'", argv[optind]);
	if ((status = cmd_read_config(&g, config)) != 0)
		return status;
	argc -= optind;
	argv += optind;
	optind = 0;	/* restart getopt for the command */
	opterr = 0;
	status = cmd_finish_output(cmd->exec(&g, argc, argv));
	conf_free(&g.conf);
	return status;
}
