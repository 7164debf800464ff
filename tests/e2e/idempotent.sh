#!/bin/sh
# Reading the same input twice never counts a job twice; newer data for a
# known job updates it in place.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

f=$FIXTURES/sacct-small.psv
rows() { hx report usage --by cluster --format csv | awk -F, 'NR == 2 { print $2 }'; }

expect_status 0 hx ingest "$f"
contains "$WORK/out" "read 25, new 22, updated 0, unchanged 0, skipped 3, rejected 0"
hx report usage --by user --format csv >"$WORK/first.csv"
hx export swf --installation t -o "$WORK/first.swf"
n1=$(rows)

# An unchanged file is not read again at all; --reread reads it, and every
# job is found unchanged.
expect_status 0 hx ingest "$f"
contains "$WORK/out" "sacct-small.psv: unchanged since it was last read"
expect_status 0 hx ingest --reread "$f"
contains "$WORK/out" "read 25, new 0, updated 0, unchanged 22, skipped 3, rejected 0"
hx report usage --by user --format csv >"$WORK/second.csv"
hx export swf --installation t -o "$WORK/second.swf"
cmp -s "$WORK/first.csv" "$WORK/second.csv" || fail "report changed on re-read"
grep -v '^; Conversion' "$WORK/first.swf" >"$WORK/a"
grep -v '^; Conversion' "$WORK/second.swf" >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" || fail "SWF changed on re-read"
[ "$(rows)" = "$n1" ] || fail "row count changed on re-read"

# The same dump from stdin, and again in one call: still nothing new.
expect_status 0 hx ingest --reread - "$f" <"$f"
contains "$WORK/out" "-: read 25, new 0, updated 0, unchanged 22"
contains "$WORK/out" "total: read 50, new 0, updated 0, unchanged 44"

# A later dump where job 104's TotalCPU grew: one update, usage unchanged.
sed 's/^\(104|.*|\)15:59:00|01:00:00|/\116:00:00|01:00:00|/' "$f" >"$WORK/later.psv"
cmp -s "$f" "$WORK/later.psv" && fail "test edit of job 104 did not apply"
expect_status 0 hx ingest "$WORK/later.psv"
contains "$WORK/out" "read 25, new 0, updated 1, unchanged 21"
# (only the CPU efficiency may change: usage is the first six columns)
hx report usage --by user --format csv >"$WORK/third.csv"
cut -d, -f1-6 "$WORK/first.csv" >"$WORK/first6.csv"
cut -d, -f1-6 "$WORK/third.csv" >"$WORK/third6.csv"
cmp -s "$WORK/first6.csv" "$WORK/third6.csv" || fail "usage changed on update"
cmp -s "$WORK/first.csv" "$WORK/third.csv" && fail "the CPU efficiency did not follow the new TotalCPU"
[ "$(rows)" = "$n1" ] || fail "an update added a row"

# A dump with fewer columns never erases what is known.
cut -d'|' -f1-16,28- "$f" >"$WORK/narrow.psv"
expect_status 0 hx ingest "$WORK/narrow.psv"
contains "$WORK/out" "new 0, updated 0, unchanged 22"
