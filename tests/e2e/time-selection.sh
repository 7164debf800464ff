#!/bin/sh
# Every report and export takes the same time selection: --month, --year
# and --last are the windows they name, in the report's time zone (--tz,
# else TZ); only one selection at a time; bad values exit 2.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest "$FIXTURES/sacct-small.psv"
u() { hx report usage --by account --format csv "$@"; }
same() {
	u $1 >"$WORK/a"
	u $2 >"$WORK/b"
	diff -u "$WORK/a" "$WORK/b" || fail "'$1' and '$2' differ"
}
same "--month 2026-10" "--from 2026-10-01 --to 2026-11-01"
same "--year 2026" "--from 2026-01-01 --to 2027-01-01"
same "--last 36500d" ""
# In Berlin, October runs from 22:00 UTC on 30 September to 23:00 UTC on
# 31 October (the clocks went back on the 25th).
same "--tz Europe/Berlin --month 2026-10" "--from 2026-09-30T22:00:00Z --to 2026-10-31T23:00:00Z"
u --tz Europe/Berlin --month 2026-10 >"$WORK/berlin"
u --month 2026-10 >"$WORK/utc"
cmp -s "$WORK/berlin" "$WORK/utc" && fail "--tz made no difference to the window"

# --month last is the calendar month before this one.
last=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
next=$(date +%Y-%m-01)
same "--month last" "--from $last-01 --to $next"

# The SWF export takes them too.
expect_status 0 hx export swf --month 2026-10 -o "$WORK/oct.swf"
expect_status 0 hx export swf --from 2026-10-01 --to 2026-11-01 -o "$WORK/range.swf"
cmp "$WORK/oct.swf" "$WORK/range.swf" || fail "export swf --month differs"

for bad in "--month 2026-13" "--month 26-10" "--year 20x6" "--last 0d" \
    "--last soon" "--month 2026-10 --year 2026" "--from 2026-10-01 --last 7d" \
    "--tz Mars/Olympus"; do
	# shellcheck disable=SC2086
	expect_status 2 hx report usage $bad
done
expect_status 2 hx report usage --month 2026-13
contains "$WORK/err" "bad --month '2026-13' (YYYY-MM or last)"
expect_status 2 hx report usage --month 2026-10 --last 7d
contains "$WORK/err" "give one of --from/--to, --month, --year and --last"
