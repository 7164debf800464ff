#!/bin/sh
# The window queries read the table in full (their NOT INDEXED twins) for
# a window over most of the stored time, and through the jobs_begin index
# for a narrow one: the same rows either way.  October over 10 000
# generated jobs of October is wide; once a job of 2016 widens the stored
# time to ten years it is narrow, and every report that has a twin
# (wait, sizes, efficiency, slo) prints the same rows: the same fields,
# sums equal but for the last bits (a sum of reals depends on its order).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
sqlite_only "the SQLite full-scan twins"

gen=${top_builddir:-$top_srcdir}/bench
"$gen/gen-sacct" -n 10000 -s 11 -d 2026-10-01 -D 31 >"$WORK/october.psv"
"$gen/gen-sacct" -n 1 -s 12 -d 2016-01-04 -D 1 >"$WORK/old.psv"
printf '[slo]\nshort = 1h p95\nbatch = 12h p90\n' >"$WORK/h.conf"

reports() {
	for r in "wait --by queue" "wait --by size" "sizes" "sizes --unit gpus" \
	    "efficiency --by user" "slo --worst 3"; do
		echo "== $r"
		# slo exits 3 when a target is missed
		"$HPCACCT" --db "$DB" --config "$WORK/h.conf" report $r \
		    --month 2026-10 --format csv || [ $? -eq 3 ]
	done
}
hx ingest -q --tz UTC "$WORK/october.psv" || fail "ingest"
reports >"$WORK/wide"
hx ingest -q --tz UTC "$WORK/old.psv" || fail "ingest of the old job"
reports >"$WORK/narrow"
[ "$(grep -c . "$WORK/wide")" -gt 40 ] || fail "too few rows: $(cat "$WORK/wide")"
/usr/bin/python3 - "$WORK/wide" "$WORK/narrow" <<'PY' ||
import math, sys
a, b = (open(f).read().splitlines() for f in sys.argv[1:])
assert len(a) == len(b), (len(a), len(b))
for x, y in zip(a, b):
    for u, v in zip(x.split(","), y.split(",")):
        try:
            ok = math.isclose(float(u), float(v), rel_tol=1e-11)
        except ValueError:
            ok = u == v
        assert ok, (x, y)
PY
	fail "the full scan and the index disagree"
