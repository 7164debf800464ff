#!/bin/sh
# report slo over tests/fixtures/reports10.psv (see
# report-sizes-efficiency.sh): the queue short waits 1800, 600 and 0 s in
# October (p95 by nearest rank: 1800, within 1 h: met) and 10800 and 300 s
# in November (p95: 10800: missed, half within the target).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest --tz UTC "$FIXTURES/reports10.psv"
cat >"$WORK/h.conf" <<'CONF'
[slo]
short = 1h p95
gpu = 30m p50
CONF
r() { "$HPCACCT" --db "$DB" --config "$WORK/h.conf" report slo "$@"; }

set +e
r --from 2026-10-01 --to 2026-12-01 --period month --queue short \
    --format csv >"$WORK/got"
status=$?
set -e
[ "$status" -eq 3 ] || fail "a missed target exits $status, not 3"
cat >"$WORK/want" <<'CSV'
period,queue,target,percentile,runs,within_target,wait_at_percentile,met,worst_wait,worst
2026-10-01,short,3600,95.000000,3,100.000000,1800,yes,1800,301:ann:1800 302:ann:600 303:bob:0
2026-11-01,short,3600,95.000000,2,50.000000,10800,no,10800,311:carol:10800 312:carol:300
CSV
diff -u "$WORK/want" "$WORK/got" || fail "slo by month"

# October alone: every target met (gpu: 304 waited 2 h, over 30 m: the
# configured gpu target is missed), so short alone exits 0.
expect_status 0 r --month 2026-10 --queue short --worst 1 --format csv
contains "$WORK/out" "short,3600,95.000000,3,100.000000,1800,yes,1800,301:ann:1800"
expect_status 3 r --month 2026-10 --format csv
contains "$WORK/out" "gpu,1800,50.000000,1,0.000000,7200,no,7200,304:bob:7200"

# Options override the configuration; a month without runs is met.
expect_status 0 r --month 2026-11 --queue short --wait-target 4h \
    --percentile p50 --worst 0 --format csv
contains "$WORK/out" "short,14400,50.000000,2,100.000000,300,yes,10800,"
expect_status 0 r --month 2026-12 --queue short --format csv
contains "$WORK/out" "short,3600,95.000000,0,,,yes,,"

for f in table csv tsv json; do
	set +e
	r --from 2026-10-01 --to 2026-12-01 --period month --format "$f" \
	    >"$WORK/o"
	set -e
	golden "$WORK/o" "reports/slo-months.$f"
done

# What is missing or wrong exits 2 and says so.
expect_status 2 "$HPCACCT" --db "$DB" --config /dev/null report slo
contains "$WORK/err" "no service level targets"
expect_status 2 r --queue debug
contains "$WORK/err" "no service level target for queue 'debug'"
expect_status 2 r --wait-target 1h
contains "$WORK/err" "--wait-target needs --queue"
expect_status 2 r --queue short --percentile 101
contains "$WORK/err" "bad --percentile '101'"
expect_status 2 r --queue short --wait-target soon
contains "$WORK/err" "bad --wait-target 'soon'"
echo "report slo: met, missed and exit status hold"
