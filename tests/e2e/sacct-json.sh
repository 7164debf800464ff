#!/bin/sh
# sacct --json in every data_parser shape (tests/fixtures/sacct-json: the
# v0.0.38 one shaped like Slurm 22.05.8's output, the later ones written
# from the versions' facts; lab-22.05.8.* dumped from a real Slurm) is recognised by its content, and gives the
# very jobs that sacct --parsable2 of the same jobs (jobs.psv) gives: every
# stored field, but the exit code of a FAILED job, which 22.05 and 23.02
# print as SUCCESS/0 (unknown here); a running job is skipped in both.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

dir=$FIXTURES/sacct-json
cols="cluster, job_id, submit_time, run_number, array_job_id, array_index,
    eligible_time, start_time, end_time, alloc_procs, req_procs,
    core_seconds, cpu_time, used_mem_kb, req_time, req_mem_kb, nodes, gpus,
    swf_status, state, user_name, group_name, account, queue, qos, job_name,
    gpu_seconds, source_format"
stored() {
	sqlite3 "$1" "SELECT $cols, $2 FROM jobs ORDER BY job_id, submit_time"
}

"$HPCACCT" --db "$WORK/text.db" ingest -q --tz UTC "$dir/jobs.psv" ||
	fail "ingest of the text"
[ "$(sqlite3 "$WORK/text.db" 'SELECT count(*) FROM jobs')" -eq 8 ] ||
	fail "the text gave $(sqlite3 "$WORK/text.db" 'SELECT count(*) FROM jobs') jobs, not 8"
stored "$WORK/text.db" "exit_code, exit_signal" >"$WORK/text"
stored "$WORK/text.db" "CASE WHEN state = 'FAILED' THEN NULL ELSE exit_code END,
    CASE WHEN state = 'FAILED' THEN NULL ELSE exit_signal END" \
    >"$WORK/text-old"
for v in 38 39 40 41 43; do
	db=$WORK/v$v.db
	# recognised without --format, from a file and from standard input
	expect_status 0 "$HPCACCT" --db "$db" ingest "$dir/v0.0.$v.json"
	grep -q "read 9, new 8, .*skipped 1, rejected 0" "$WORK/out" ||
		fail "v0.0.$v: $(cat "$WORK/out" "$WORK/err")"
	expect_status 0 "$HPCACCT" --db "$db" ingest - <"$dir/v0.0.$v.json"
	grep -q "new 0, updated 0, unchanged 8" "$WORK/out" ||
		fail "v0.0.$v again from stdin: $(cat "$WORK/out")"
	want=$WORK/text
	[ "$v" -lt 40 ] && want=$WORK/text-old
	stored "$db" "exit_code, exit_signal" >"$WORK/json"
	diff "$want" "$WORK/json" >"$WORK/diff" ||
		fail "v0.0.$v differs from the text: $(cat "$WORK/diff")"
	# the same job read from a dump and from JSON is one row
	hx ingest -q --tz UTC "$dir/jobs.psv"
	hx ingest -q "$dir/v0.0.$v.json" 2>/dev/null
	[ "$(dbq 'SELECT count(*) FROM jobs')" -eq 8 ] ||
		fail "v0.0.$v and the text are not the same 8 jobs"
done
# A real Slurm 22.05.8 (SLURM-LAB.md's set-up) dumped with sacct -P and
# with sacct --json: the same jobs, runs and core-, node- and GPU-hours
# per user (CPU time differs: text rounds it to milliseconds)
"$HPCACCT" --db "$WORK/lt.db" ingest -q --tz UTC "$dir/lab-22.05.8.psv" 2>/dev/null
"$HPCACCT" --db "$WORK/lj.db" ingest -q "$dir/lab-22.05.8.json"
for key in user account queue group; do
	for db in lt lj; do
		"$HPCACCT" --db "$WORK/$db.db" report usage --by $key --format csv |
		    cut -d, -f1-7 >"$WORK/$db.$key"
	done
	cmp -s "$WORK/lt.$key" "$WORK/lj.$key" ||
		fail "lab dump by $key: $(diff "$WORK/lt.$key" "$WORK/lj.$key")"
done
# (the workload of tests/slurm-lab/workload.sh: job 8 is an array
# cancelled before any task ran, one record "0x1E" for tasks 1-4)
[ "$(sqlite3 "$WORK/lj.db" "SELECT group_concat(job_id || ':' || state, ' ')
    FROM (SELECT job_id, state FROM jobs ORDER BY job_id, submit_time)")" = \
    "1:COMPLETED 2:FAILED 3:TIMEOUT 4:CANCELLED 5:CANCELLED 6_1:COMPLETED 6_2:COMPLETED 6_3:COMPLETED 7:REQUEUED 7:COMPLETED 8_1:CANCELLED 8_2:CANCELLED 8_3:CANCELLED 8_4:CANCELLED" ] ||
	fail "the lab's jobs from JSON: $(sqlite3 "$WORK/lj.db" 'SELECT job_id, state FROM jobs')"
# v0.0.43's sentinel warnings are passed on
expect_status 0 "$HPCACCT" --db "$WORK/w.db" ingest "$dir/v0.0.43.json"
grep -q "v0.0.43.json:1: sacct warned: NO_VAL64" "$WORK/err" ||
	fail "no warning from sacct's warnings: $(cat "$WORK/err")"

# sacct's errors, a broken job and a cut file: each reported by line,
# every good job kept, a nonzero exit
sed -e 's/"errors": \[\]/"errors": [{"description": "Unable to query slurmdbd", "error_number": 1, "error": "x", "source": "y"}]/' \
    "$dir/v0.0.40.json" >"$WORK/errors.json"
expect_status 1 "$HPCACCT" --db "$WORK/e.db" ingest "$WORK/errors.json"
grep -q "errors.json:1: sacct reported an error: Unable to query slurmdbd" \
    "$WORK/err" || fail "sacct's error not reported: $(cat "$WORK/err")"
grep -q "new 8" "$WORK/out" || fail "jobs lost with an error: $(cat "$WORK/out")"
awk '/"job_id": 103,/ && !done { sub(/"job_id": 103,/, "\"job_id\": \"x\","); done = 1 } { print }' \
    "$dir/v0.0.41.json" >"$WORK/badjob.json"
expect_status 1 "$HPCACCT" --db "$WORK/b.db" ingest "$WORK/badjob.json"
grep -q "badjob.json:[0-9]*: no job_id" "$WORK/err" ||
	fail "bad job id not reported: $(cat "$WORK/err")"
grep -q "new 7, .*rejected 1" "$WORK/out" || fail "$(cat "$WORK/out")"
head -n 1000 "$dir/v0.0.40.json" >"$WORK/cut.json"
expect_status 1 "$HPCACCT" --db "$WORK/c.db" ingest "$WORK/cut.json"
grep -q "cut.json:[0-9]*: truncated JSON" "$WORK/err" ||
	fail "a cut file not reported: $(cat "$WORK/err")"
# kubectl JSON is still kubectl JSON
expect_status 0 "$HPCACCT" --db "$WORK/k.db" ingest "$FIXTURES/k8s/jobs-pods.json"
grep -q "new [1-9]" "$WORK/out" || fail "k8s JSON: $(cat "$WORK/out")"
echo "ok"
