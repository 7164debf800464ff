#!/bin/sh
# wall_hours and cpu_efficiency of report usage: wall time of the runs in
# the window, and CPU time over allocated core time (percent) over the runs
# whose source records CPU time only.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# ann: a 4-core job of 2 h that used 6 CPU-hours (75 %), and a 2-core job
# of 1 h with no CPU time recorded; bob: a 1-core job of 1 h at 50 %.
cat >"$WORK/e.psv" <<'PSV'
JobID|User|Submit|Start|End|State|AllocCPUS|TotalCPU
1|ann|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T02:00:00|COMPLETED|4|06:00:00
2|ann|2026-10-01T00:00:00|2026-10-01T02:00:00|2026-10-01T03:00:00|COMPLETED|2|
3|bob|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|1|00:30:00
PSV
expect_status 0 hx ingest --tz UTC "$WORK/e.psv"
hx report usage --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
user,jobs,core_hours,node_hours,gpu_hours,runs,wall_hours,cpu_efficiency
ann,2,10.000000,0.000000,0.000000,2,3.000000,75.000000
bob,1,1.000000,0.000000,0.000000,1,1.000000,50.000000
CSV
diff -u "$WORK/want" "$WORK/got" || fail "wall hours and CPU efficiency"

# Clipped to a window like the rest: from 01:00, ann's first job is half
# in (3 of 4 core-hours used), her second whole, bob's out.
hx report usage --format csv --from 2026-10-01T01:00:00 >"$WORK/got"
contains "$WORK/got" "ann,2,6.000000,0.000000,0.000000,2,2.000000,75.000000"
[ "$(wc -l <"$WORK/got")" -eq 2 ] || fail "bob's run is outside: $(cat "$WORK/got")"

# Kubernetes records no CPU time: the efficiency is empty, not 0.
expect_status 0 hx ingest "$FIXTURES/k8s/late-job.json"
hx report usage --by cluster --format csv >"$WORK/got"
grep -q '^kubernetes,.*,$' "$WORK/got" || fail "no empty efficiency: $(cat "$WORK/got")"
