#!/bin/sh
# export swf keeps its memory flat: the jobs are sorted by submit time in
# SQLite's temporary files, not in memory (with temp_store = MEMORY the
# SWF file of 1.5M runs took 360 MB), and the lines wait in a temporary
# file for the header.  5 000 against 100 000 generated jobs.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

gen=${top_builddir:-$top_srcdir}/bench
rss() {
	reset_db
	"$gen/gen-sacct" -n "$1" -s 13 -d 2026-10-01 -D 31 >"$WORK/sacct.psv"
	hx ingest -q --tz UTC "$WORK/sacct.psv" || fail "ingest of $1 jobs"
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=0:thread_local_quarantine_size_kb=0" \
	    /usr/bin/time -f %M -o "$WORK/rss" "$HPCACCT" --db "$DB" \
	    export swf --month 2026-10 -o "$WORK/out.swf" ||
		fail "export swf of $1 jobs"
	[ "$(grep -vc '^;' "$WORK/out.swf")" -ge "$1" ] || fail "lines missing"
	cat "$WORK/rss"
}
small=$(rss 5000)
big=$(rss 100000)
echo "peak RSS: 5000 jobs $small KB, 100000 jobs $big KB"
[ "$big" -lt $((small + 8192)) ] || fail "memory grows with the jobs: $small KB -> $big KB"
