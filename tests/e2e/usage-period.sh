#!/bin/sh
# report usage --period: a row per period and key, usage split exactly at
# the period boundaries (in the report's time zone), so the rows add up to
# the whole window.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# One job of 4 cores from 22:00 on 1 October to 02:00 on 2 October (UTC),
# one of 2 cores for the first hour of 1 October.
cat >"$WORK/night.psv" <<'PSV'
JobID|User|Account|Partition|Submit|Start|End|State|AllocCPUS
1|ann|a|batch|2026-10-01T21:00:00|2026-10-01T22:00:00|2026-10-02T02:00:00|COMPLETED|4
2|bob|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|2
PSV
expect_status 0 hx ingest --tz UTC "$WORK/night.psv"
u() { hx report usage --format csv "$@"; }

u --by user --period day | cut -d, -f1-7 >"$WORK/got"
cat >"$WORK/want" <<'CSV'
period,user,jobs,core_hours,node_hours,gpu_hours,runs
2026-10-01,ann,1,8.000000,0.000000,0.000000,1
2026-10-01,bob,1,2.000000,0.000000,0.000000,1
2026-10-02,ann,1,8.000000,0.000000,0.000000,1
CSV
diff -u "$WORK/want" "$WORK/got" || fail "--period day"

u --by user --period hour --user ann >"$WORK/got"
[ "$(grep -c ',ann,1,4.000000,' "$WORK/got")" -eq 4 ] || fail "hours: $(cat "$WORK/got")"
contains "$WORK/got" "2026-10-01T22:00,ann"
contains "$WORK/got" "2026-10-02T01:00,ann"

# In Berlin (CEST, +2) the whole run falls on 2 October, bob's on 1 October.
u --by user --period day --tz Europe/Berlin >"$WORK/got"
contains "$WORK/got" "2026-10-02,ann,1,16.000000"
contains "$WORK/got" "2026-10-01,bob,1,2.000000"

# Weeks start on Monday (28 September), quarters on 1 October, years on
# 1 January; a window cuts the first and last period.
u --by account --period week >"$WORK/got"
contains "$WORK/got" "2026-09-28,a,2,18.000000"
u --by account --period quarter >"$WORK/got"
contains "$WORK/got" "2026-10-01,a,2,18.000000"
u --by account --period year --from 2026-10-02 >"$WORK/got"
contains "$WORK/got" "2026-01-01,a,1,8.000000"

# Over the demo's October, the days add up to the month.
reset_db
# shellcheck disable=SC2046
(cd "$top_srcdir" && "$HPCACCT" --db "$DB" ingest -q --tz UTC $(cat examples/demo-inputs))
month=$(u --by queue --month 2026-10 | awk -F, 'NR > 1 { s += $3 } END { printf "%.3f", s }')
days=$(u --by queue --month 2026-10 --period day | awk -F, 'NR > 1 { s += $4 } END { printf "%.3f", s }')
[ "$month" = "$days" ] || fail "the days add up to $days core-hours, the month $month"
[ "$(u --by queue --month 2026-10 --period day | cut -d, -f1 | sort -u | grep -c '^2026-10-')" -eq 31 ] ||
	fail "not 31 days of October"

expect_status 2 hx report usage --period fortnight
contains "$WORK/err" "bad --period 'fortnight'"
# An open window is bounded by the stored runs, so hours over a little
# data are fine; more than 100000 periods are refused.
expect_status 0 hx report usage --period hour
expect_status 1 hx report usage --period hour --from 1990-01-01 --to 2030-01-01
printf '%s\n' 'JobID|Submit|Start|End|State|AllocCPUS' \
    '7|2014-01-01T00:00:00|2014-01-01T00:00:00|2014-01-01T01:00:00|COMPLETED|1' >"$WORK/old.psv"
expect_status 0 hx ingest --tz UTC "$WORK/old.psv"
expect_status 1 hx report usage --period hour
contains "$WORK/err" "more than 100000 periods; give a longer --period or a shorter window"
expect_status 0 hx report usage --period hour --month 2026-10
