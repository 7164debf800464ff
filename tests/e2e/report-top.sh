#!/bin/sh
# report top over tests/fixtures/sacct-small.psv: the N heaviest with their
# share of the whole (core-hours by user: carol 56, alice 36, bob 30,
# dave 17.2, judy 16, erin 8, frank 6, grace 6, heidi 1; 176.2 in all;
# GPU-hours: bob 7, judy 4 of 11; jobs: alice 7 of 21).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest "$FIXTURES/sacct-small.psv"
t() { hx report top --format csv "$@"; }

t -n 3 >"$WORK/got"
cat >"$WORK/want" <<'CSV'
user,jobs,core_hours,gpu_hours,share
carol,2,56.000000,0.000000,31.782066
alice,7,36.000000,0.000000,20.431328
bob,3,30.000000,7.000000,17.026107
CSV
diff -u "$WORK/want" "$WORK/got" || fail "top 3 by core-hours"

# Exactly N rows, no "others"; ties (frank and grace, 6 each) by name.
t -n 8 >"$WORK/got"
[ "$(wc -l <"$WORK/got")" -eq 9 ] || fail "not 8 rows: $(cat "$WORK/got")"
[ "$(sed -n 8,9p "$WORK/got" | cut -d, -f1 | tr '\n' ' ')" = "frank grace " ] ||
	fail "ties not by name: $(cat "$WORK/got")"
[ "$(t -n 50 | wc -l)" -eq 10 ] || fail "more rows than users"

t -n 2 --sort gpu_hours >"$WORK/got"
contains "$WORK/got" "bob,3,30.000000,7.000000,63.636364"
contains "$WORK/got" "judy,1,16.000000,4.000000,36.363636"
t -n 1 --sort jobs >"$WORK/got"
contains "$WORK/got" "alice,7,36.000000,0.000000,33.333333"
t -n 1 --by account >"$WORK/got"
contains "$WORK/got" "phys,4,73.200000"

# The table totals what it shows: the top 3 hold 69.24 % of core-hours.
hx report top -n 3 >"$WORK/table"
awk '$1 == "TOTAL" && $5 != "69.24" { exit 1 }' "$WORK/table" || fail "$(cat "$WORK/table")"

expect_status 2 hx report top -n 0
expect_status 2 hx report top --sort wait
contains "$WORK/err" "bad --sort 'wait'"

# A window without jobs: only the header (and no sort of nothing, which
# UBSan reports).
expect_status 0 hx report top --from 2040-01-01 --to 2040-02-01 --format csv
[ "$(cat "$WORK/out")" = "user,jobs,core_hours,gpu_hours,share" ] ||
	fail "empty window: $(cat "$WORK/out")"
