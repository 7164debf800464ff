#!/bin/sh
# report wait over runs whose waits are known by construction: exact
# nearest-rank percentiles, the expansion factor, size buckets (4 and 5
# processors fall into 3-4 and 5-8), and what is left out (runs that never
# started, started outside the window, or whose wait is unknown).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# Queue q: five runs of 100 s after waits of 10, 20, 30, 40 and 50 s.
# Queue r: a job with 4 processors that waited 100 s, one with 5 that
# waited 300 s, a cancelled job that never started, one started before the
# window, and one whose start precedes its submit (a clock error).
cat >"$WORK/w.psv" <<'PSV'
JobID|User|Partition|Submit|Start|End|State|AllocCPUS
1|ann|q|2026-10-01T00:00:00|2026-10-01T00:00:10|2026-10-01T00:01:50|COMPLETED|1
2|ann|q|2026-10-01T00:00:00|2026-10-01T00:00:20|2026-10-01T00:02:00|COMPLETED|1
3|bob|q|2026-10-01T00:00:00|2026-10-01T00:00:30|2026-10-01T00:02:10|COMPLETED|1
4|bob|q|2026-10-01T00:00:00|2026-10-01T00:00:40|2026-10-01T00:02:20|FAILED|1
5|bob|q|2026-10-01T00:00:00|2026-10-01T00:00:50|2026-10-01T00:02:30|COMPLETED|1
6|cid|r|2026-10-02T00:00:00|2026-10-02T00:01:40|2026-10-02T01:01:40|COMPLETED|4
7|cid|r|2026-10-02T00:00:00|2026-10-02T00:05:00|2026-10-02T01:05:00|COMPLETED|5
8|cid|r|2026-10-02T00:00:00|None|2026-10-02T00:10:00|CANCELLED by 1|0
9|cid|r|2026-09-30T00:00:00|2026-09-30T23:00:00|2026-10-01T01:00:00|COMPLETED|5
10|cid|r|2026-10-03T00:00:00|2026-10-02T23:00:00|2026-10-03T01:00:00|COMPLETED|5
PSV
expect_status 0 hx ingest --tz UTC "$WORK/w.psv"
contains "$WORK/err" "w.psv:11: the job starts before its submit time; its wait is stored as unknown"
w() { hx report wait --format csv --month 2026-10 "$@"; }

w --by queue >"$WORK/got"
# Quartiles by nearest rank: q's 2nd and 4th of five (20, 40), r's 1st
# and 2nd of two (100, 300); then the least wait.
cat >"$WORK/want" <<'CSV'
queue,runs,wait_mean,wait_median,wait_p90,wait_p95,wait_p99,wait_max,expansion_factor,wait_p25,wait_p75,wait_min
q,5,30.000000,30,50,50,50,50,1.300000,20,40,10
r,2,200.000000,100,300,300,300,300,1.055556,100,300,100
CSV
diff -u "$WORK/want" "$WORK/got" || fail "wait by queue"

w --by size >"$WORK/got"
contains "$WORK/got" "1,5,30.000000"
contains "$WORK/got" "3-4,1,100.000000,100,100,100,100,100"
contains "$WORK/got" "5-8,1,300.000000,300"
[ "$(sed -n 2p "$WORK/got" | cut -d, -f1)" = 1 ] || fail "sizes not in size order"

# Filters and periods as for usage; job 9 started in September.
w --by user --user bob >"$WORK/got"
contains "$WORK/got" "bob,3,40.000000,40,50,50,50,50"
hx report wait --format csv --by queue --period day --from 2026-09-30 --to 2026-10-03 >"$WORK/got"
contains "$WORK/got" "2026-09-30,r,1,82800.000000"
contains "$WORK/got" "2026-10-01,q,5,"
contains "$WORK/got" "2026-10-02,r,2,"

hx report wait --by queue --month 2026-10 >"$WORK/table"
contains "$WORK/table" "QUEUE   RUNS  WAIT_MEAN WAIT_MEDIAN"
expect_status 2 hx report wait --by account,user
expect_status 2 hx report usage --by size
