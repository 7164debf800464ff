#!/bin/sh
# A file read again with another --tz would store every job a second
# time under another submit time: it is refused (exit 2, naming both
# option sets) whether unchanged, grown or --reread; --replace removes what
# it stored first.  runs lists ingest runs; forget removes what a file or a
# run stored, so the next ingest reads it again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

cp "$FIXTURES/sacct-small.psv" "$WORK/dump.psv"
f=$WORK/dump.psv
runs() { hx report usage --by cluster --format csv | awk -F, 'NR > 1 { n += $6 } END { print n + 0 }'; }

expect_status 0 hx ingest --tz UTC "$f"
n=$(runs)
[ "$n" -gt 0 ] || fail "nothing stored"

expect_status 2 hx ingest --tz Europe/Berlin "$f"
contains "$WORK/err" "$f: read before with '--tz UTC', now with '--tz Europe/Berlin'; give the same options, or --replace"
expect_status 2 hx ingest --tz Europe/Berlin --reread "$f"
expect_status 2 hx ingest --tz UTC --cluster other "$f"
contains "$WORK/err" "now with '--tz UTC --cluster other'"
tail -n 1 "$f" >>"$f"		# grown: still refused
expect_status 2 hx ingest --tz Europe/Berlin "$f"
[ "$(runs)" -eq "$n" ] || fail "a refused read stored jobs: $(runs), was $n"

# --replace: what the file stored goes first, so nothing is doubled.
expect_status 0 hx ingest --tz Europe/Berlin --replace "$f"
contains "$WORK/out" "$f: removed the $n job records it stored before"
[ "$(runs)" -eq "$n" ] || fail "--replace doubled the jobs: $(runs), was $n"
expect_status 0 hx ingest --tz Europe/Berlin "$f"
contains "$WORK/out" "unchanged since it was last read"

# runs: one line per ingest run, counts and what is still stored.
expect_status 0 hx runs --format csv
contains "$WORK/out" "run,started,input,format,read,new,updated,unchanged,skipped,rejected,warnings,stored"
[ "$(grep -c "$f" "$WORK/out")" -eq 2 ] || fail "runs: $(cat "$WORK/out")"
last=$(awk -F, 'NR > 1 { r = $1 } END { print r }' "$WORK/out")
expect_status 0 hx runs
contains "$WORK/out" "RUN  STARTED"

# forget FILE: everything it stored, and its mark.
expect_status 0 hx forget "$f"
contains "$WORK/out" "$f: removed $n job records"
[ "$(runs)" -eq 0 ] || fail "forget left $(runs) jobs"
expect_status 0 hx ingest --tz UTC "$f"
contains "$WORK/out" "new $n,"
expect_status 1 hx forget "$WORK/never-read.psv"
contains "$WORK/err" "never-read.psv: no jobs were stored from it"

# forget --run N: the jobs that run wrote.
last=$(hx runs --format csv | awk -F, 'NR > 1 { r = $1 } END { print r }')
expect_status 0 hx forget --run "$last"
contains "$WORK/out" "run $last: removed $n job records"
[ "$(runs)" -eq 0 ] || fail "forget --run left $(runs) jobs"
expect_status 2 hx forget
expect_status 2 hx forget --run x
