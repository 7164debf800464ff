#!/bin/sh
# The configuration file: bad lines are FILE:LINE: reason with exit 2;
# option, then environment, then file, then default; and report
# utilization against capacities that change inside the window.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# c1: 10 cores and 2 GPUs from 1 October, 20 and 4 from 2 October.  Jobs:
# 4 cores for 12 h on 1 October (48 core-h), and 5 cores from noon on the
# 1st to noon on the 2nd (60 + 60 core-h), across the change.
cat >"$WORK/h.conf" <<'CONF'
# site configuration
[database]
path = PLACE/site.db

[report]
tz = UTC

[cluster c1]
capacity = 2026-10-01 cores=10 nodes=1 gpus=2
capacity = 2026-10-02 cores=20 nodes=2 gpus=4

[slo]
batch = 1h p95
CONF
sed -i "s|PLACE|$WORK|" "$WORK/h.conf"
cat >"$WORK/c.psv" <<'PSV'
JobID|Cluster|User|Submit|Start|End|State|AllocCPUS
1|c1|ann|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T12:00:00|COMPLETED|4
2|c1|bob|2026-10-01T12:00:00|2026-10-01T12:00:00|2026-10-02T12:00:00|COMPLETED|5
PSV

# [database] path is the database when neither --db nor HPCACCT_DB says.
expect_status 0 "$HPCACCT" --config "$WORK/h.conf" ingest --tz UTC "$WORK/c.psv"
[ -s "$WORK/site.db" ] || fail "the configuration's database was not used"
HPCACCT_CONFIG=$WORK/h.conf expect_status 0 "$HPCACCT" report usage
contains "$WORK/out" "ann"
HPCACCT_DB=$WORK/other.db HPCACCT_CONFIG=$WORK/h.conf expect_status 1 "$HPCACCT" report usage
contains "$WORK/err" "no database at $WORK/other.db"

util() { HPCACCT_CONFIG=$WORK/h.conf "$HPCACCT" report utilization --format csv "$@"; }
# 1-3 October: (48 + 120) of 10 x 24 + 20 x 24 = 720 core-hours.
util --from 2026-10-01 --to 2026-10-03 >"$WORK/got"
cat >"$WORK/want" <<'CSV'
cluster,core_hours,capacity_core_hours,core_utilization,gpu_hours,capacity_gpu_hours,gpu_utilization
c1,168.000000,720.000000,23.333333,0.000000,144.000000,0.000000
CSV
diff -u "$WORK/want" "$WORK/got" || fail "utilization over the change"
# by day: 108 of 240 (45 %), then 60 of 480 (12.5 %)
util --from 2026-10-01 --to 2026-10-03 --period day >"$WORK/got"
contains "$WORK/got" "2026-10-01,c1,108.000000,240.000000,45.000000"
contains "$WORK/got" "2026-10-02,c1,60.000000,480.000000,12.500000"

# A cluster with usage and no capacity is an error that says what to add.
printf '%s\n' 'JobID|Cluster|Submit|Start|End|State|AllocCPUS' \
    '9|c2|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|1' >"$WORK/c2.psv"
expect_status 0 "$HPCACCT" --config "$WORK/h.conf" ingest --tz UTC "$WORK/c2.psv"
HPCACCT_CONFIG=$WORK/h.conf expect_status 2 "$HPCACCT" report utilization --month 2026-10
contains "$WORK/err" "cluster 'c2' has no capacity in $WORK/h.conf (add '[cluster c2]'"

# The report time zone: --tz, else TZ, else [report] tz.
printf '[report]\ntz = Pacific/Kiritimati\n' >"$WORK/tz.conf"
a=$(env -u TZ "$HPCACCT" --db "$WORK/site.db" --config "$WORK/tz.conf" report usage --by cluster --format csv --from 2026-10-01T12:00:00)
b=$("$HPCACCT" --db "$WORK/site.db" report usage --by cluster --format csv --from 2026-09-30T22:00:00Z)
[ "$a" = "$b" ] || fail "[report] tz was not the report's zone: $a / $b"
c=$(TZ=UTC "$HPCACCT" --db "$WORK/site.db" --config "$WORK/tz.conf" report usage --by cluster --format csv --from 2026-10-01T12:00:00)
d=$("$HPCACCT" --db "$WORK/site.db" report usage --by cluster --format csv --from 2026-10-01T12:00:00Z)
[ "$c" = "$d" ] || fail "TZ did not win over [report] tz"

# Bad configuration: FILE:LINE: reason, exit status 2, before anything.
bad() {
	printf '%s\n' "$@" >"$WORK/bad.conf"
	expect_status 2 "$HPCACCT" --config "$WORK/bad.conf" report usage
}
bad '[colour]'
contains "$WORK/err" "bad.conf:1: unknown section (database, report, kubernetes, cluster NAME, slo) 'colour'"
bad '[report]' 'tz'
contains "$WORK/err" "bad.conf:2: not key = value 'tz'"
bad 'path = x'
contains "$WORK/err" "bad.conf:1: a setting before any [section]"
bad '[cluster c]' 'capacity = soon cores=1'
contains "$WORK/err" "bad.conf:2: a capacity starts with its date (YYYY-MM-DD), not 'soon'"
bad '[cluster c]' 'capacity = 2026-10-01 cores=1' 'capacity = 2026-09-01 cores=2'
contains "$WORK/err" "bad.conf:3: capacities must come in date order"
bad '[cluster c]' 'capacity = 2026-10-01 sockets=2'
contains "$WORK/err" "bad.conf:2: unknown capacity (cores, nodes, gpus) 'sockets'"
bad '[slo]' 'short = soon p95'
contains "$WORK/err" "bad.conf:2: bad SLO wait 'soon'"
bad '[slo]' 'short = 1h q95'
contains "$WORK/err" "bad.conf:2: bad SLO percentile (p95) 'q95'"
bad '[report]' 'colour = blue'
contains "$WORK/err" "bad.conf:2: unknown setting 'colour'"
expect_status 2 "$HPCACCT" --config "$WORK/missing.conf" report usage
contains "$WORK/err" "missing.conf: No such file or directory"
