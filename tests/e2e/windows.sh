#!/bin/sh
# Usage is clipped to the window, so adjacent windows add up to the whole:
# job 700 (4 cores, 1 GPU, 22:00 Oct 31 to 02:00 Nov 1) splits 2 h / 2 h.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest "$FIXTURES/sacct-small.psv"
hx report usage --by account --format csv --from 2026-10-01 --to 2026-11-01 >"$WORK/oct"
hx report usage --by account --format csv --from 2026-11-01 --to 2026-12-01 >"$WORK/nov"
contains "$WORK/oct" "ml,1,8.000000,2.000000,2.000000"
contains "$WORK/nov" "ml,1,8.000000,2.000000,2.000000"
[ "$(wc -l <"$WORK/nov")" -eq 2 ] || fail "November holds more than job 700"

# Sum both windows per account: equal to the unbounded report.
hx report usage --by account --format csv >"$WORK/all"
awk -F, 'FNR > 1 { c[$1] += $3; n[$1] += $4; g[$1] += $5 }
    END { for (k in c) printf "%s,%.6f,%.6f,%.6f\n", k, c[k], n[k], g[k] }' \
    "$WORK/oct" "$WORK/nov" | sort >"$WORK/sum"
awk -F, 'NR > 1 { printf "%s,%s,%s,%s\n", $1, $3, $4, $5 }' "$WORK/all" |
    sort >"$WORK/whole"
diff -u "$WORK/whole" "$WORK/sum" || fail "windows do not add up"

# Hour boundaries inside a day, in the process time zone: 700 from 23:00.
hx report usage --by user --format csv --from 2026-10-31T23:00:00 --to 2026-11-01T01:00:00 >"$WORK/h"
contains "$WORK/h" "judy,1,8.000000,2.000000,2.000000"
TZ=Europe/Berlin hx report usage --by user --format csv --from 2026-11-01 --to 2026-11-02 >"$WORK/berlin"
# Nov 1 00:00 CET is Oct 31 23:00 UTC: 3 h of job 700 fall after it.
contains "$WORK/berlin" "judy,1,12.000000,3.000000,3.000000"

# A job cancelled while pending counts in the window holding its end.
hx report usage --by user --format csv --from 2026-10-02T02:00:00 --to 2026-10-02T04:00:00 >"$WORK/c"
contains "$WORK/c" "erin,1,0.000000,0.000000,0.000000"
