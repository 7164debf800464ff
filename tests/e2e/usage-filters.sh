#!/bin/sh
# report usage over tests/fixtures/sacct-small.psv with two keys and with
# filters, against totals computed by hand (see hand-totals.sh for the
# jobs: core-hours are cores x hours of each run).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest "$FIXTURES/sacct-small.psv"
u() { hx report usage --format csv "$@"; }

# Two keys.  chem/alice: 101 8 + 200_1 1 + 200_2 1 + 200_3..5 0 + 701 26;
# chem/bob: 102 24 + 300+0 2 + 300+1 4; phys/carol: 103 32 + 400 8 + 16
# (2 jobs, 3 runs); phys/dave: 104 16.2 + 500 1; bio/erin: 105 0 + 501 8;
# bio/frank 106 4 + 502 2; bio/grace 503 6; bio/heidi 504 1; ml/judy 16.
u --by account,user | cut -d, -f1-7 >"$WORK/got"
cat >"$WORK/want" <<'CSV'
account,user,jobs,core_hours,node_hours,gpu_hours,runs
bio,erin,2,8.000000,2.000000,0.000000,2
bio,frank,2,6.000000,2.000000,0.000000,2
bio,grace,1,6.000000,6.000000,0.000000,1
bio,heidi,1,1.000000,1.000000,0.000000,1
chem,alice,7,36.000000,30.000000,0.000000,7
chem,bob,3,30.000000,5.000000,7.000000,3
ml,judy,1,16.000000,4.000000,4.000000,1
phys,carol,2,56.000000,4.000000,0.000000,3
phys,dave,2,17.200000,1.512500,0.000000,2
CSV
diff -u "$WORK/want" "$WORK/got" || fail "--by account,user"

# A state filter applies per run: carol's requeued run (REQUEUED) is out,
# her completed one (16) in.
u --by user --state COMPLETED >"$WORK/got"
contains "$WORK/got" "alice,4,36.000000"
contains "$WORK/got" "carol,1,16.000000,2.000000,0.000000,1"
grep -q '^dave,' "$WORK/got" && fail "dave has no completed job"

# Filters of one key add up; of different keys, all apply.  alice and bob
# by queue: batch 101 200_* 701 300+0 (38, 8 jobs); gpu 102 300+1 (28).
u --by queue --user alice --user bob >"$WORK/got"
contains "$WORK/got" "batch,8,38.000000"
contains "$WORK/got" "gpu,2,28.000000"
u --by user --queue gpu --account chem >"$WORK/got"
[ "$(wc -l <"$WORK/got")" -eq 2 ] || fail "gpu and chem: $(cat "$WORK/got")"
contains "$WORK/got" "bob,2,28.000000"

# qos is a key and a filter.
u --by qos >"$WORK/got"
contains "$WORK/got" "normal,21,176.200000,55.512500,11.000000,22"
u --by qos --qos express >"$WORK/got"
[ "$(wc -l <"$WORK/got")" -eq 1 ] || fail "an unknown qos matched: $(cat "$WORK/got")"

# The table shows both keys and totals the values.
hx report usage --by account,user --account phys >"$WORK/table"
contains "$WORK/table" "ACCOUNT USER      JOBS"
awk '$1 == "TOTAL" && $2 != 4 { exit 1 }' "$WORK/table" || fail "total: $(cat "$WORK/table")"

expect_status 2 hx report usage --by user,user
expect_status 2 hx report usage --by user,color
contains "$WORK/err" "bad --by 'user,color'"
expect_status 2 hx report usage --user ''
