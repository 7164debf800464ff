#!/bin/sh
# Every report in every format over one small fixture whose numbers are
# worked out here by hand (tests/fixtures/reports.psv, all UTC):
#   101 c1 ann  a batch  10 cores, 30 Sep 20:00 - 1 Oct 04:00: 40 core-h in
#                        September, 40 in October (a month boundary)
#   102 c1 bob  b gpu    4 cores 2 GPUs, 14 Oct 12:00 - 16 Oct 12:00: 192
#                        core-h, 96 GPU-h, across c1's capacity change
#   201 c2 ann  a batch  2 cores, 5 Oct 00:00 - 10:00: 20 core-h, waited 2 h
#   202 c2 carol b batch 1 core, 20 Oct 00:00 - 01:00, FAILED, waited 0
#   103 c1 bob  b batch  cancelled on 10 Oct before it started
# c1 has 100 cores and 4 GPUs, 200 and 8 from 15 October; c2 50 cores.
# The golden files in tests/expected/reports/ hold every format; the
# hand-computed CSV below anchors them.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

cat >"$WORK/h.conf" <<'CONF'
[report]
tz = UTC

[cluster c1]
capacity = 2026-09-01 cores=100 gpus=4
capacity = 2026-10-15 cores=200 gpus=8

[cluster c2]
capacity = 2026-09-01 cores=50
CONF
expect_status 0 hx ingest --tz UTC "$FIXTURES/reports.psv"
r() { "$HPCACCT" --db "$DB" --config "$WORK/h.conf" report "$@"; }

# October by account and user: ann 40 (101's October part) + 20 (201)
# core-h; bob 192 core-h and 96 GPU-h (102), and 103, which never ran, is
# a job and a run with no usage; carol 1.  Node- and wall hours: 4 + 10,
# 48, 1.
r usage --by account,user --month 2026-10 --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
account,user,jobs,core_hours,node_hours,gpu_hours,runs,wall_hours,cpu_efficiency
a,ann,2,60.000000,14.000000,0.000000,2,14.000000,
b,bob,2,192.000000,48.000000,96.000000,2,48.000000,
b,carol,1,1.000000,1.000000,0.000000,1,1.000000,
CSV
diff -u "$WORK/want" "$WORK/got" || fail "usage by account,user"

# Waits of the runs that started in October: batch 7200 and 0 s (mean
# 3600, nearest-rank median the first, p90 and up the second; expansion
# (7200 + 36000) / 36000 = 1.2 and 1, mean 1.1); gpu 1800 s once,
# expansion (1800 + 172800) / 172800; quartiles batch's first and second
# (0, 7200), the least 0; gpu's all 1800.
r wait --by queue --month 2026-10 --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
queue,runs,wait_mean,wait_median,wait_p90,wait_p95,wait_p99,wait_max,expansion_factor,wait_p25,wait_p75,wait_min
batch,2,3600.000000,0,7200,7200,7200,7200,1.100000,0,7200,0
gpu,1,1800.000000,1800,1800,1800,1800,1800,1.010417,1800,1800,1800
CSV
diff -u "$WORK/want" "$WORK/got" || fail "wait by queue"

# Top users by core-hours, shares of 253: 192, 60, 1.
r top --by user --month 2026-10 --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
user,jobs,core_hours,gpu_hours,share
bob,2,192.000000,96.000000,75.889328
ann,2,60.000000,0.000000,23.715415
carol,1,1.000000,0.000000,0.395257
CSV
diff -u "$WORK/want" "$WORK/got" || fail "top by user"

# Utilization in October: c1 336 h x 100 + 408 h x 200 = 115200 core-h
# of capacity for 40 + 192 used; 336 x 4 + 408 x 8 = 4608 GPU-h for 96.
# c2 744 h x 50 = 37200 for 21, and no GPUs.
r utilization --month 2026-10 --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
cluster,core_hours,capacity_core_hours,core_utilization,gpu_hours,capacity_gpu_hours,gpu_utilization
c1,232.000000,115200.000000,0.201389,96.000000,4608.000000,2.083333
c2,21.000000,37200.000000,0.056452,0.000000,0.000000,
CSV
diff -u "$WORK/want" "$WORK/got" || fail "utilization"

# Every report, every format: the golden files (and the same bytes from
# --scan where the rollup answers).
for f in table csv tsv json; do
	r usage --by account,user --month 2026-10 --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/usage-account-user.$f"
	r usage --by cluster --period month --from 2026-09-01 --to 2026-11-01 \
	    --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/usage-cluster-months.$f"
	r usage --by user --month 2026-12 --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/usage-empty.$f"
	r wait --by queue --month 2026-10 --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/wait-queue.$f"
	r wait --by size --month 2026-10 --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/wait-size.$f"
	r top --by user --month 2026-10 --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/top-user.$f"
	r utilization --period month --from 2026-09-01 --to 2026-11-01 \
	    --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/utilization-months.$f"
	for rep in "usage --by account,user" "top --by user" "utilization"; do
		# shellcheck disable=SC2086
		r $rep --month 2026-10 --format "$f" >"$WORK/a"
		# shellcheck disable=SC2086
		r $rep --month 2026-10 --format "$f" --scan >"$WORK/b"
		cmp -s "$WORK/a" "$WORK/b" || fail "$rep --format $f: --scan differs"
	done
done

# The month series adds up: September has 101's 40 core-h, October the
# rest, and the two months give the whole.
contains "$EXPECTED/reports/usage-cluster-months.csv" "2026-09-01,c1,1,40.000000"
contains "$EXPECTED/reports/usage-cluster-months.csv" "2026-10-01,c1,3,232.000000"
# An empty window: a header and nothing else in the machine formats.
[ "$(cat "$EXPECTED/reports/usage-empty.csv")" = \
    "user,jobs,core_hours,node_hours,gpu_hours,runs,wall_hours,cpu_efficiency" ] ||
	fail "empty window: $(cat "$EXPECTED/reports/usage-empty.csv")"
[ "$(cat "$EXPECTED/reports/usage-empty.json")" = "[]" ] ||
	fail "empty window in JSON: $(cat "$EXPECTED/reports/usage-empty.json")"
