#!/bin/sh
# Usage per queue of the PBS fixtures, computed by hand job by job
# (cores x hours; nodes x hours; GPUs x hours).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# workq (pbs1): 100 4c x 2h = 8, 2 node-h
#   102 8c x 3636 s = 8.08, 1.01 (walltime exceeded, -29)
#   103 2c x 0.5h = 1, 0.5; 104 1c x 1836 s = 0.51, 0.51
#   200[1], 200[2] 1c x 1h = 1 each, 1 each (the parent 200[] is no job)
#   300 rerun: first run 4c x 1h = 4, 1 (R record); second 4c x 2h = 8, 2
#   105 2c x 0.5h = 1, 0.5 (its D record is no job)
#   400 deleted before it started: 1 job, no usage
#   107 8c x 1h = 8, no node count (nodect unreadable, exec_host bad)
#   10 jobs (300 ran twice: 11 runs), 40.59 core-h, 9.52 node-h
# gpuq (pbs1): 101 16c x 3h = 48, 2 nodes x 3h = 6, 4 GPUs x 3h = 12
#   106 26 slots (exec_host) x 1h = 26, 2, 2 GPUs (exec_vnode) x 1h = 2
#   2 jobs, 74, 8, 14
# batch (torque1): 6464684 4 slots x 9349 s = 10.387778, 2.596944
#   6464690 8 slots x 1h = 8, 1; 6464693 1 x 0.5h = 0.5, 0.5
#   6464694 deleted before it ran (D and E records): 1 job, no usage
#   500[3] 2 x 1h = 2, 1; 6464695 rerun 1 x 0.5h = 0.5, 0.5 + 1 x 1h = 1, 1
#   6 jobs (6464695 ran twice: 7 runs), 22.387778, 6.596944
# gpu (torque1): 6464692 8 x 1h = 8, 2 nodes x 1h = 2, 2 x 2 GPUs x 1h = 4
# short (torque1): 6464691 3 slots x 2h = 6, 2 hosts x 2h = 4
cat >"$WORK/expected.csv" <<'CSV'
queue,jobs,core_hours,node_hours,gpu_hours,runs
batch,6,22.387778,6.596944,0.000000,7
gpu,1,8.000000,2.000000,4.000000,1
gpuq,2,74.000000,8.000000,14.000000,2
short,1,6.000000,4.000000,0.000000,1
workq,10,40.590000,9.520000,0.000000,11
CSV

expect_status 1 hx ingest "$FIXTURES/pbspro/accounting/" \
    "$FIXTURES/torque/accounting"
hx report usage --by queue --format csv | cut -d, -f1-6 >"$WORK/got.csv"
diff -u "$WORK/expected.csv" "$WORK/got.csv" || fail "queue totals"

# The line's date is local time (--tz) and counts only where an epoch
# attribute is missing: 400.pbs1 has only line dates (Q at 22:00, D at
# 22:30, Berlin summer time: 20:30 UTC); 100.pbs1's epochs do not move.
reset_db
expect_status 1 hx ingest --tz Europe/Berlin "$FIXTURES/pbspro/accounting/"
hx report usage --by queue --format csv --from 2026-10-01T20:00:00 \
    --to 2026-10-01T21:00:00 >"$WORK/berlin"
contains "$WORK/berlin" "workq,1,0.000000,0.000000,0.000000"
hx report usage --by user --format csv --from 2026-10-01T08:00:10 \
    --to 2026-10-01T10:00:10 >"$WORK/alice"
contains "$WORK/alice" "alice,1,8.000000,2.000000,0.000000"
