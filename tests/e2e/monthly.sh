#!/bin/sh
# monthly over tests/fixtures/reports10.psv (see report-sizes-efficiency.sh)
# for October 2026: every file in DIR/2026-10/, the summary's figures by
# hand (golden), the same bytes on a second run and no temporary files;
# without capacities and SLO targets those parts are left out with a
# warning; without gnuplot the charts fail (exit 1) and the rest is there.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest --tz UTC "$FIXTURES/reports10.psv"
printf '[cluster c1]\ncapacity = 2026-09-01 cores=100\n\n[slo]\nshort = 1h p95\ngpu = 30m p50\n' >"$WORK/h.conf"
conf=$WORK/h.conf
m() { "$HPCACCT" --db "$DB" --config "$conf" monthly "$@"; }
export SOURCE_DATE_EPOCH=1793491200	# 2026-11-01T00:00:00Z

if command -v gnuplot >/dev/null 2>&1; then
	expect_status 0 m --month 2026-10 --dir "$WORK/reports"
	[ ! -s "$WORK/err" ] || fail "warnings with a full configuration: $(cat "$WORK/err")"
	want="efficiency.png hpcacct-2026-10.swf hpcacct-2026-10.xlsx signups.png sizes.png summary.txt usage.png utilization.png wait.png"
	got=$(ls "$WORK/reports/2026-10" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] || fail "files: $got"
	# short: 8 + 2.5 + 1/120 core-h, gpu: 52 (26 GPU-h); waits 1800,
	# 600, 0 and 7200 s (median 600, p95 7200); short met, gpu missed.
	golden "$WORK/reports/2026-10/summary.txt" monthly-summary.txt
	for line in '^Core-hours +62\.5 ' '^Median wait +0:10:00 ' \
	    '^95th percentile wait +2:00:00 ' '^Service levels met +1 of 2 '; do
		grep -Eq "$line" "$WORK/reports/2026-10/summary.txt" ||
			fail "summary.txt lacks $line"
	done
	grep -vc '^;' "$WORK/reports/2026-10/hpcacct-2026-10.swf" | grep -qx 4 ||
		fail "the SWF file lacks October's four jobs"
	cp -R "$WORK/reports" "$WORK/first"
	expect_status 0 m --month 2026-10 --dir "$WORK/reports"
	diff -r "$WORK/first" "$WORK/reports" || fail "a second run wrote other files"
else
	echo "gnuplot is not installed (Debian: gnuplot-nox): charts not checked"
fi

# Without capacities and SLO targets: left out, warned, still 0.
conf=/dev/null
(HPCACCT_GNUPLOT=/bin/true && export HPCACCT_GNUPLOT &&
    expect_status 0 m --month 2026-10 --dir "$WORK/bare") || exit 1
contains "$WORK/err" "utilisation left out"
contains "$WORK/err" "service levels left out"
[ ! -e "$WORK/bare/2026-10/utilization.png" ] || fail "a utilisation chart without capacity"
grep -q "^Utilisation (cores)" "$WORK/bare/2026-10/summary.txt" && fail "utilisation in the summary"
contains "$WORK/bare/2026-10/summary.txt" "Service levels left out"

# gnuplot missing: exit 1, the charts' reason, the rest written.
(HPCACCT_GNUPLOT=/nonexistent/gnuplot && export HPCACCT_GNUPLOT &&
    expect_status 1 m --month 2026-10 --dir "$WORK/nognuplot") || exit 1
contains "$WORK/err" "cannot run gnuplot"
for f in hpcacct-2026-10.xlsx hpcacct-2026-10.swf summary.txt; do
	[ -s "$WORK/nognuplot/2026-10/$f" ] || fail "$f missing without gnuplot"
done
ls "$WORK/nognuplot/2026-10" | grep -q '\.png' && fail "a chart without gnuplot"

# A month without jobs: the SWF file has its header only, with a warning.
(HPCACCT_GNUPLOT=/bin/true && export HPCACCT_GNUPLOT &&
    expect_status 0 m --month 2020-01 --dir "$WORK/empty") || exit 1
contains "$WORK/err" "no jobs submitted in 2020-01"
grep -q '^;' "$WORK/empty/2020-01/hpcacct-2020-01.swf" || fail "no SWF header"

# A registry and no job, no configuration: an idle month, still a whole
# set of files (no utilisation chart), its new user counted.
printf 'user,created\nzed,2026-10-02\n' >"$WORK/users.csv"
"$HPCACCT" --db "$WORK/idle.db" users import "$WORK/users.csv" >/dev/null
(HPCACCT_GNUPLOT=/bin/true && export HPCACCT_GNUPLOT &&
    expect_status 0 "$HPCACCT" --db "$WORK/idle.db" --config /dev/null \
    monthly --month 2026-10 --dir "$WORK/idle") || exit 1
contains "$WORK/err" "utilisation left out"
for line in '^Jobs +0 ' '^Core-hours +0\.0 ' '^New users +1 '; do
	grep -Eq "$line" "$WORK/idle/2026-10/summary.txt" ||
		fail "the idle month's summary lacks $line: $(cat "$WORK/idle/2026-10/summary.txt")"
done
grep -q "^Utilisation (cores)" "$WORK/idle/2026-10/summary.txt" &&
	fail "utilisation in an unconfigured summary"

expect_status 2 m --month 2026-10
contains "$WORK/err" "--dir DIR is required"
expect_status 2 m --dir "$WORK/x"
contains "$WORK/err" "--month YYYY-MM (or last) is required"
: >"$WORK/file"
expect_status 1 m --month 2026-10 --dir "$WORK/file"
contains "$WORK/err" "exists and is not a directory"
find "$WORK" -mindepth 1 -name '*.??????' | grep -q . && fail "temporary files left: $(find "$WORK" -mindepth 1 -name '*.??????')"
exit 0
