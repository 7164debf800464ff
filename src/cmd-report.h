/*
 * What the report commands share with the plot commands: the options of
 * a report (keys, period, time selection, filters, format, output), read
 * into struct report_args, and opening the store and the output.
 */
#ifndef HPCACCT_CMD_REPORT_H
#define HPCACCT_CMD_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "cmd.h"
#include "reports/period.h"
#include "reports/render.h"
#include "store.h"

#define MAX_NAMES 32	/* values of one filter option */

/* The filter options: one long-only code per key, and --state. */
enum {
	OPT_MATCH = 0x200,	/* + enum store_key */
	OPT_STATE = OPT_MATCH + STORE_NKEYS,
	OPT_PERIOD,
	OPT_SORT,
	OPT_SCAN,
	OPT_UNIT,
	OPT_MIN_JOBS,
	OPT_WAIT_TARGET,
	OPT_PERCENTILE,
	OPT_WORST,
	OPT_SCRIPT,
	OPT_SIZE
};

#define FILTER_LONGOPTS \
	{"user", required_argument, NULL, OPT_MATCH + STORE_KEY_USER}, \
	{"group", required_argument, NULL, OPT_MATCH + STORE_KEY_GROUP}, \
	{"account", required_argument, NULL, OPT_MATCH + STORE_KEY_ACCOUNT}, \
	{"queue", required_argument, NULL, OPT_MATCH + STORE_KEY_QUEUE}, \
	{"qos", required_argument, NULL, OPT_MATCH + STORE_KEY_QOS}, \
	{"cluster", required_argument, NULL, OPT_MATCH + STORE_KEY_CLUSTER}, \
	{"state", required_argument, NULL, OPT_STATE}

#define FILTER_HELP \
	"      --user NAME     only these users' jobs (repeatable); likewise\n" \
	"      --group, --account, --queue, --qos, --cluster NAME\n" \
	"      --state STATE   only runs that ended so (COMPLETED, FAILED,\n" \
	"                      TIMEOUT, CANCELLED, ...; repeatable)\n"

#define SCAN_HELP \
	"      --scan          read every job row, not the rollups (the same\n" \
	"                      numbers, slower; to check them)\n"

/* What every report takes: keys, period, time selection, filters,
 * format and output. */
struct report_args {
	const struct cmd_entry *entry;
	int two_keys;		/* --by may name two keys */
	int by_size;		/* --by size is allowed */
	enum store_key key;
	int key2;
	enum period period;
	struct store_filter filter;
	struct cmd_window window;
	const char *output;
	enum report_format format;
	size_t top_n;		/* report top: -n */
	const char *sort;	/* report top, efficiency: --sort */
	enum store_unit unit;	/* report sizes: --unit */
	size_t min_jobs;	/* report efficiency: --min-jobs */
	int64_t wait_target;	/* report slo: --wait-target, or -1 */
	double pct;		/* report slo: --percentile, or -1 */
	size_t worst;		/* report slo: --worst */
	const char *by;		/* report signups: --by, as given */
	int by_raw;		/* --by goes to by as it is */
	int key_set;		/* --by was given */
	int plot;		/* a plot: -o is the chart, --script the output */
	const char *script;	/* plot: --script FILE */
	int width, height;	/* plot: --size */
	/* the filter values, NULL-terminated per option */
	const char *names[STORE_NKEYS + 1][MAX_NAMES + 1];
};

/*
 * Read the options of report e into a, open the store and the output (for
 * a plot: the --script file, else none): -1 to go on (with *st and *out
 * open), else the exit status.
 */
int cmd_report_start(const struct cmd_entry *e, const struct cmd_globals *g,
    int argc, char **argv, struct report_args *a, struct store **st,
    struct cmd_output *out);

/* Before a usage error after cmd_report_start(): close what it opened. */
void cmd_report_close(struct store *st, struct cmd_output *out);

/*
 * Draw chart ("usage", "wait", "utilization", "signups", "sizes",
 * "efficiency") of the jobs f selects from st into path (.png, .svg,
 * .pdf; under a temporary name, renamed), as plot CHART would: 0, 1, or
 * 2 (utilization: a cluster without capacity).
 */
int cmd_plot_chart(struct store *st, const struct conf *conf,
    const char *chart, const struct store_filter *f, enum period period,
    const char *path);

#endif
