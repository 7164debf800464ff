#!/bin/sh
# Rollups give exactly what the scan of the job rows gives: over a
# generated database of about 100k job records (Slurm, PBS, Kubernetes),
# every report from the rollup (the default for windows on whole hours)
# and from the scan (--scan) prints the same bytes, for 50 random
# hour-aligned windows and 20 unaligned ones (which fall back to the scan,
# and whose hour-aligned inside, read from the rollup, adds up with the
# scanned edges), before and after re-ingest with --replace, updated jobs
# (Pods refining their Kubernetes Jobs, PBS jobs completing) and forget.
# On either backend (PostgreSQL keeps the same rollup, from the same
# cells, on the server).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

gen=${top_builddir:-$top_srcdir}/bench
seed=${ROLLUP_SEED:-20261201}
echo "rollup-scan: seed $seed (ROLLUP_SEED=N to change it)"

"$gen/gen-sacct" -n 70000 -s 7 -d 2026-01-01 -D 150 >"$WORK/sacct.psv"
mkdir "$WORK/pbs"
"$gen/gen-pbs" -n 20000 -s 8 -d 2026-01-10 -D 120 "$WORK/pbs" >/dev/null
"$gen/gen-k8s" -n 4000 -s 9 -d 2026-02-01 -D 90 -P >"$WORK/k8s-jobs.json"
"$gen/gen-k8s" -n 4000 -s 9 -d 2026-02-01 -D 90 >"$WORK/k8s-pods.json"

# Runs of more than 31 days, which have no rollup cells (the reports add
# them from the job rows): one of exactly 31 days, which has, and one of
# 19 years, which once made every job's scan look back 19 years.
awk -v seed="$seed" 'BEGIN {
	srand(seed); OFS = "|"
	print "JobID", "Cluster", "User", "Group", "Account", "Partition",
	    "Submit", "Start", "End", "State", "AllocCPUS",
	    "NNodes", "AllocTRES"
	split("hpc1 hpc2 hpc1", c, " "); split("alice bob carol", u, " ")
	for (i = 0; i < 40; i++) {
		start = 1767225600 - 86400 * 200 + int(rand() * 86400 * 330)
		len = 86400 * 31 + int(rand() * 86400 * 300)
		if (i == 0) len = 86400 * 31
		if (i == 1) { start = 1767225600 - 86400 * 365 * 18; len = 86400 * 365 * 19 }
		print 990000 + i, c[i % 3 + 1], u[i % 3 + 1], "users", "long",
		    i % 2 ? "batch" : "longq", t(start - 600), t(start),
		    t(start + len), "COMPLETED", 1 + i % 16, 1,
		    "cpu=" 1 + i % 16 ",node=1"
	}
}
function t(x) { return strftime("%Y-%m-%dT%H:%M:%S", x, 1) }' \
    >"$WORK/long.psv"

# PBS: the first half of the day files now, the rest later (completing
# the jobs they left queued or running).
ls "$WORK/pbs"/* | sort >"$WORK/pbs-files"
half=$(($(wc -l <"$WORK/pbs-files") / 2))
head -n "$half" "$WORK/pbs-files" >"$WORK/pbs-first"
tail -n +"$((half + 1))" "$WORK/pbs-files" >"$WORK/pbs-rest"

hx ingest -q --tz UTC "$WORK/sacct.psv" "$WORK/long.psv" \
    "$WORK/k8s-jobs.json" $(cat "$WORK/pbs-first") || fail "first ingest"
[ "$(dbq "SELECT COUNT(*) FROM job_rows
    WHERE run_time > 2678400")" -eq 39 ] || fail "not 39 long runs"
# Of the account's runs only the one of 31 days has cells: at most a day
# cell per day, two months and two years.
cells=$(dbq "SELECT COUNT(*) FROM rollup r JOIN names n
    ON n.id = r.account_id WHERE n.kind = 2 AND n.name = 'long'")
[ "$cells" -ge 35 ] && [ "$cells" -le 37 ] ||
	fail "the long runs have $cells rollup cells"
hx report usage --by cluster --format csv | cut -d, -f1 | tail -n +2 \
    >"$WORK/clusters"
{
	while read -r c; do
		printf '[cluster %s]\ncapacity = 2025-01-01 cores=4096 gpus=64\n' "$c"
		printf 'capacity = 2026-03-15T06:00:00 cores=8192 gpus=128\n'
	done <"$WORK/clusters"
} >"$WORK/hpcacct.conf"
[ "$(wc -l <"$WORK/clusters")" -ge 3 ] || fail "clusters: $(cat "$WORK/clusters")"

# The reports compared, one per line (the window goes after them).
cat >"$WORK/reports" <<'EOF'
usage --by user
usage --by account,queue
usage --by cluster --state COMPLETED --state FAILED
usage --by qos --user alice --user bob --cluster hpc1
usage --by queue --period week
usage --by group --period month --account chem
top --by account -n 5
top --by user --sort gpu_hours
utilization --period month
utilization
EOF
nreports=$(wc -l <"$WORK/reports")

# run N "WINDOW": report N of the list over WINDOW, from the rollup and
# from the scan; fail on the first difference.
compared=0
run() {
	r=$(sed -n "$1p" "$WORK/reports")
	# shellcheck disable=SC2086
	"$HPCACCT" --db "$DB" --config "$WORK/hpcacct.conf" report $r $2 \
	    --format csv >"$WORK/fast" 2>&1 || fail "report $r $2: $(cat "$WORK/fast")"
	# shellcheck disable=SC2086
	"$HPCACCT" --db "$DB" --config "$WORK/hpcacct.conf" report $r $2 \
	    --format csv --scan >"$WORK/slow" 2>&1 || fail "report $r $2 --scan"
	cmp -s "$WORK/fast" "$WORK/slow" || {
		diff -u "$WORK/slow" "$WORK/fast" | head -20 >&2
		fail "rollup and scan differ: report $r $2 (seed $seed)"
	}
	compared=$((compared + 1))
}

# 50 hour-aligned and 20 unaligned windows over the data's span (and a
# little outside it), lengths from an hour to half a year.
awk -v seed="$seed" 'BEGIN {
	srand(seed); lo = 1767225600 - 86400 * 3; span = 86400 * 170
	for (i = 0; i < 70; i++) {
		r = rand()
		if (r < 0.3) len = 3600 * int(1 + rand() * 48)
		else if (r < 0.8) len = 86400 * int(1 + rand() * 40)
		else len = 86400 * int(30 + rand() * 150)
		from = lo + int(rand() * span)
		if (i < 50) { from -= from % 3600; len -= len % 3600 }
		else len += 1 + int(rand() * 3599)
		printf "%d %d\n", from, from + len
	}
}' >"$WORK/windows"

compare_all() {
	i=0
	while read -r from to; do
		i=$((i + 1))
		n=$((i % nreports + 1))
		run "$n" "--from @$from --to @$to"
		[ "$i" -le 50 ] || continue
		run "$(((n + 4) % nreports + 1))" "--from @$from --to @$to"
	done <"$WORK/windows"
	# Whole months and years, the whole history, a series of months.
	for n in 1 3 5 9; do
		run "$n" "--month 2026-02"
		run "$n" "--year 2026"
		run "$n" ""
	done
	run 1 "--period month"
	run 1 "--period day --month 2026-03"
	run 5 "--period hour --from 2026-03-28 --to 2026-04-02"
}

# Unaligned windows: the rollup's inside plus the scanned edges add up to
# the scanned whole (core-hours, to the printed precision).
additive() {
	tail -n 20 "$WORK/windows" | head -n 5 | while read -r from to; do
		a=$((from - from % 3600 + 3600))
		b=$((to - to % 3600))
		for w in "@$from @$a" "@$a @$b" "@$b @$to" "@$from @$to"; do
			set -- $w
			hx report usage --by cluster --from "$1" --to "$2" \
			    --format csv | awk -F, 'NR > 1 { s += $3 } END {
			    printf "%.6f\n", s }'
		done | awk -v w="$from $to" 'NR < 4 { s += $1 } NR == 4 {
		    if (s - $1 > 1e-5 || $1 - s > 1e-5) {
		    print "not additive: " w ": " s " vs " $1; exit 1 } }' ||
		    fail "unaligned window $from $to"
	done
}

compare_all
additive
first=$compared

# Updates: Pods refine their Jobs, the rest of the PBS days complete
# pending jobs, a second Slurm file changes queues and states, a shorter
# first one replaces what it stored, a PBS day is forgotten.
hx ingest --tz UTC "$WORK/k8s-pods.json" $(cat "$WORK/pbs-rest") \
    >"$WORK/updates" || fail "second ingest"
grep -q 'k8s-pods.json: .*updated [1-9]' "$WORK/updates" ||
	fail "no Kubernetes job was updated: $(cat "$WORK/updates")"
awk -F'|' 'BEGIN { OFS = "|" } NR > 1 && NR % 5 == 0 { $8 = "short" }
    NR > 1 && NR % 7 == 0 && $15 == "COMPLETED" { $15 = "FAILED" } { print }' \
    "$WORK/sacct.psv" >"$WORK/sacct-fixed.psv"
hx ingest --tz UTC "$WORK/sacct-fixed.psv" >"$WORK/fixed" ||
	fail "changed jobs: $(cat "$WORK/fixed")"
grep -q 'updated [1-9]' "$WORK/fixed" ||
	fail "nothing was updated: $(cat "$WORK/fixed")"
sed -i '2,5000d' "$WORK/sacct.psv"
hx ingest --tz UTC --replace "$WORK/sacct.psv" >"$WORK/replaced" ||
	fail "--replace: $(cat "$WORK/replaced")"
grep -q 'removed the [1-9][0-9]* job records' "$WORK/replaced" ||
	fail "nothing was replaced: $(cat "$WORK/replaced")"
hx forget "$(sed -n 3p "$WORK/pbs-files")" >/dev/null || fail forget
compare_all
additive
echo "rollup-scan: $first comparisons, then $((compared - first)) after the updates, all identical"

# The comparison can fail: a rollup cell changed behind hpcacct's back
# shows in the default answer and not in --scan's.
dbq "UPDATE rollup SET core_s = core_s + 7200 WHERE level = 3"
if (run 1 "--year 2026") 2>/dev/null; then
	fail "a changed rollup went unnoticed"
fi
echo "rollup-scan: a changed rollup cell is caught"

# Emptying rollup_meta (as after changing jobs by hand; PostgreSQL's
# rollup_state) has the next hpcacct build the rollup again from the
# jobs: right again.
if [ -n "${HPCACCT_TEST_PG:-}" ]; then
	dbq "DELETE FROM rollup_state"
else
	dbq "DELETE FROM rollup_meta"
fi
run 1 "--year 2026"
run 2 ""
echo "rollup-scan: the rebuilt rollup agrees again"
