#!/bin/sh
# Per-account usage of tests/fixtures/sacct-small.psv against a computation
# by hand, job by job (cores x hours; nodes x hours; GPUs x hours).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# chem:  101 4c x 2h = 8, 1 node x 2h = 2
#        102 8c x 3h = 24, 1n x 3h = 3, 2 GPUs x 3h = 6
#        200_1 and 200_2 1c x 1h = 1 each, 1 node-h each
#        200_3..200_5 cancelled while pending: 3 jobs, no usage
#        300+0 2c x 1h = 2, 1 node-h; 300+1 4c x 1h = 4, 1 node-h, 1 GPU-h
#        701 1c x 26h = 26, 26 node-h
#        10 jobs, 8+24+1+1+2+4+26 = 66, 2+3+1+1+1+1+26 = 35, 6+1 = 7
# phys:  103 64c x 0.5h = 32, 2 nodes x 0.5h = 1
#        104 16c x 3645s = 16.2, 1 node x 3645s = 1.0125
#        400 first run 8c x 1h = 8, 1 node-h; second 8c x 2h = 16, 2 node-h
#        500 2c x 0.5h = 1, 0.5 node-h
#        4 jobs (400 ran twice: 5 runs), 32+16.2+8+16+1 = 73.2,
#        1+1.0125+1+2+0.5 = 5.5125
# bio:   105 cancelled while pending: no usage
#        106 4c x 1h = 4, 1; 501 8c x 1h = 8, 2 nodes x 1h = 2
#        502 2c x 1h = 2, 1; 503 1c x 6h = 6, 6; 504 1c x 1h = 1, 1
#        6 jobs, 4+8+2+6+1 = 21, 1+2+1+6+1 = 11
# ml:    700 4c x 4h = 16, 1 node x 4h = 4, 1 GPU x 4h = 4
cat >"$WORK/expected.csv" <<'CSV'
account,jobs,core_hours,node_hours,gpu_hours,runs
bio,6,21.000000,11.000000,0.000000,6
chem,10,66.000000,35.000000,7.000000,10
ml,1,16.000000,4.000000,4.000000,1
phys,4,73.200000,5.512500,0.000000,5
CSV

expect_status 0 hx ingest "$FIXTURES/sacct-small.psv"
# (the columns computed by hand; wall and CPU efficiency: usage-efficiency.sh)
hx report usage --by account --format csv | cut -d, -f1-6 >"$WORK/got.csv"
diff -u "$WORK/expected.csv" "$WORK/got.csv" || fail "account totals"

# The table's total row is the sum: 21 jobs, 176.2 core-hours, 22 runs.
hx report usage --by account >"$WORK/table"
contains "$WORK/table" "TOTAL"
awk '$1 == "TOTAL" && ($2 != 21 || $3 != "176.20" || $4 != "55.51" ||
    $5 != "11.00" || $6 != 22) { exit 1 }' "$WORK/table" || fail "total row: $(cat "$WORK/table")"
