#!/bin/sh
# A file with broken lines: each is reported as FILE:LINE, every good line
# is stored, the summary counts them, and the exit status is 1.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

f=$FIXTURES/sacct-bad.psv
expect_status 1 hx ingest "$f"
contains "$WORK/err" "hpcacct: $f:3: no JobID"
contains "$WORK/err" "hpcacct: $f:4: unreadable Submit time '2026-13-45T00:00:00'"
# line 5 has End=Unknown but Start and Elapsed: its end is derived
grep -q ":5:" "$WORK/err" && fail "line 5 (End from Start + Elapsed) was reported"
contains "$WORK/err" "hpcacct: $f:6: unreadable JobID 'x17'"
contains "$WORK/err" "hpcacct: $f:10: 7 fields, expected 28"
contains "$WORK/err" "hpcacct: warning: $f:7: unreadable ReqMem 'lots', stored as unknown"
contains "$WORK/err" "hpcacct: warning: $f:8: unreadable State 'EXPLODED', stored as unknown"
contains "$WORK/out" "read 9, new 5, updated 0, unchanged 0, skipped 0, rejected 4, warnings 2"

# Every good job is there, with the bad fields unknown.
hx report usage --by user --format csv >"$WORK/users.csv"
contains "$WORK/users.csv" "alice,3,4.000000,3.000000,0.000000"
contains "$WORK/users.csv" "bob,2,4.000000,2.000000,0.000000"

# A file read with rejections is read again next time (it may have been
# fixed), and stores nothing twice.
expect_status 1 hx ingest "$f"
contains "$WORK/out" "read 9, new 0, updated 0, unchanged 5, skipped 0, rejected 4"

# A file whose every record is rejected (here: read with the wrong
# --columns) is not remembered at all, so the corrected command reads it.
tail -n +2 "$f" >"$WORK/noheader.psv"
cols="$(head -n 1 "$f")|Extra1|Extra2|Extra3|Extra4|Extra5"
expect_status 1 hx ingest --columns "$cols" "$WORK/noheader.psv"
contains "$WORK/err" "noheader.psv:1: 28 fields, expected 33"
contains "$WORK/err" "noheader.psv: no record of it could be stored; it is not remembered as read"
expect_status 1 hx ingest --columns "$(head -n 1 "$f")" "$WORK/noheader.psv"
contains "$WORK/out" "noheader.psv: read 9, new 0, updated 0, unchanged 5"

# A file that is not sacct output at all stores nothing and says why.
printf 'hello world\n' >"$WORK/junk.txt"
expect_status 1 hx ingest "$WORK/junk.txt"
contains "$WORK/err" "junk.txt: cannot tell the format"
expect_status 1 hx ingest --format slurm "$WORK/junk.txt"
contains "$WORK/err" "junk.txt: no sacct header line"

# Rejections are capped per file like warnings: a file of 300 broken
# records names ten of them and counts the rest; -v names every one.
{
	head -n 1 "$f"
	i=0
	while [ $i -lt 300 ]; do echo "x$i|broken"; i=$((i + 1)); done
} >"$WORK/many.psv"
expect_status 1 hx ingest "$WORK/many.psv"
[ "$(grep -c 'many.psv:[0-9]*: unreadable JobID' "$WORK/err")" -eq 10 ] ||
	fail "not 10 rejections named: $(head -n 20 "$WORK/err")"
contains "$WORK/err" "many.psv: 300 records rejected in all (--verbose names each)"
expect_status 1 hx ingest -v "$WORK/many.psv"
[ "$(grep -c 'many.psv:[0-9]*: unreadable JobID' "$WORK/err")" -eq 300 ] ||
	fail "-v did not name every rejection"
