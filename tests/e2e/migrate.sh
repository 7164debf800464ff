#!/bin/sh
# A database of schema version 3 (names as text in every job row) opened
# by this hpcacct moves to version 5 (names as ids, version 4) with nothing lost:
# the same job rows through the jobs view, and the same reports
# as a database that was ingested fresh.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
sqlite_only "SQLite schema migrations"

expect_status 0 hx ingest --tz UTC "$FIXTURES/reports.psv" \
    "$FIXTURES/sacct-small.psv"
expect_status 1 hx ingest --cluster pbs1 "$FIXTURES/pbspro/accounting"
expect_status 0 hx ingest --cluster tq "$FIXTURES/torque/accounting"
expect_status 0 hx ingest "$FIXTURES/k8s/jobs-pods.json" \
    "$FIXTURES/k8s/late-job.json" "$FIXTURES/k8s/late-pods.json"

cols="cluster, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_time, start_time, end_time,
    wait_time, run_time, alloc_procs, req_procs, core_seconds, cpu_time,
    used_mem_kb, req_time, req_mem_kb, nodes, gpus, swf_status, state,
    raw_state, exit_code, exit_signal, user_name, uid, group_name, gid,
    account, queue, qos, job_name, source_file, source_line, ingest_run,
    gpu_seconds, multi"
old=$WORK/v3.db
cat "$top_srcdir/sql/schema.sql" "$top_srcdir/sql/migrate-2.sql" \
    "$top_srcdir/sql/migrate-3.sql" | sqlite3 "$old"
chmod 600 "$old"
sqlite3 "$old" "ATTACH '$DB' AS fresh;
    INSERT INTO ingest_runs SELECT * FROM fresh.ingest_runs;
    INSERT INTO input_files SELECT * FROM fresh.input_files;
    INSERT INTO k8s_jobs SELECT * FROM fresh.k8s_jobs;
    INSERT INTO k8s_pods SELECT * FROM fresh.k8s_pods;
    INSERT INTO jobs (id, $cols) SELECT id, $cols FROM fresh.jobs;
    PRAGMA user_version = 3;"
[ "$(sqlite3 "$old" 'SELECT COUNT(*) FROM names')" -eq 0 ] ||
	fail "the version 3 database should start with no names"

# The first open migrates it (and builds its rollup).
"$HPCACCT" --db "$old" report usage --by account,user --format csv \
    >"$WORK/old-usage.csv"
[ "$(sqlite3 "$old" 'PRAGMA user_version')" -eq 5 ] ||
	fail "not migrated to version 5"
sqlite3 "$old" "SELECT typeof(user_id), typeof(cluster_id) FROM job_rows
    LIMIT 1" >"$WORK/types"
contains "$WORK/types" "integer|integer"

dbq "SELECT $cols FROM jobs ORDER BY id" >"$WORK/fresh.rows"
sqlite3 "$old" "SELECT $cols FROM jobs ORDER BY id" >"$WORK/old.rows"
[ -s "$WORK/fresh.rows" ] || fail "no job rows"
cmp -s "$WORK/fresh.rows" "$WORK/old.rows" ||
	fail "job rows differ after the migration: $(diff "$WORK/fresh.rows" "$WORK/old.rows" | head)"

hx report usage --by account,user --format csv >"$WORK/fresh-usage.csv"
cmp -s "$WORK/fresh-usage.csv" "$WORK/old-usage.csv" ||
	fail "usage differs after the migration"
for args in "wait --by queue" "usage --by cluster --period day" \
    "top --by user"; do
	# shellcheck disable=SC2086
	hx report $args --format csv >"$WORK/a"
	# shellcheck disable=SC2086
	"$HPCACCT" --db "$old" report $args --format csv >"$WORK/b"
	cmp -s "$WORK/a" "$WORK/b" ||
		fail "report $args differs after the migration"
done
hx export swf >"$WORK/a.swf"
"$HPCACCT" --db "$old" export swf >"$WORK/b.swf"
grep -v '^; Conversion' "$WORK/a.swf" >"$WORK/a"
grep -v '^; Conversion' "$WORK/b.swf" >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" || fail "export swf differs after the migration"

# forget finds the rows of a file by its name, now an id.
expect_status 0 "$HPCACCT" --db "$old" forget "$FIXTURES/reports.psv"
left=$(sqlite3 "$old" "SELECT COUNT(*) FROM jobs
    WHERE source_file = '$FIXTURES/reports.psv'")
[ "$left" -eq 0 ] || fail "forget left $left rows of the file"
echo "migrate: $(wc -l <"$WORK/old.rows") job rows carried to version 5"
