#!/bin/sh
# What only a server database has, against a private PostgreSQL
# (tests/pg/pg.sh, stopped by its pid on exit, also on failure):
#  - three head nodes' ingests of three clusters at once into one empty
#    database (the schema created once, under the advisory lock), with
#    reports read meanwhile, give the totals of the same ingests into
#    SQLite one after the other;
#  - two ingests of one cluster at once take turns (its writers' lock):
#    nothing counted twice, the rollup as the scan; --lock-timeout gives
#    up on a held cluster and stores nothing;
#  - db copy of the demo's SQLite database gives the same reports on the
#    server, copies the file and live marks, and copying again changes
#    nothing;
#  - a database of schema version 1 (before partitions and the rollup)
#    opened by this hpcacct migrates, with the same rows and reports;
#  - rows land in their year's partition; a detached year leaves the
#    reports, which read only the partitions a window can touch;
#  - a UTF8 database stores a Latin-1 byte as U+FFFD, SQL_ASCII as is;
#  - messages name the database, never a password.
set -eu
: "${HPCACCT:?run through make check, or set HPCACCT to the binary}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
here=$top_srcdir/tests/pg
PG_BIN=$("$here/pg.sh" bin) || {
	echo "SKIP: no PostgreSQL server programs (install postgresql)"
	exit 77
}
dir=$(mktemp -d "${TMPDIR:-/tmp}/hpcacct-pgt.XXXXXX")
WORK=$dir/work
pids=
# cleanup without set -e (a kill of a writer that has ended fails)
trap 'set +e; for p in $pids; do kill "$p" 2>/dev/null; done
"$here/pg.sh" stop "$dir"; rm -rf "$dir"' EXIT
trap 'exit 1' INT TERM
"$here/pg.sh" start "$dir" >/dev/null
mkdir "$WORK"
TZ=UTC LC_ALL=C
export TZ LC_ALL
unset HPCACCT_DB

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}
newdb() {	# newdb NAME ENCODING: its URI
	"$PG_BIN/createdb" -h "$dir" -U postgres -T template0 -E "$2" "$1"
	echo "postgresql:///$1?host=$dir&user=postgres"
}

# --- three writers at once -----------------------------------------------
gen=$top_builddir/bench/gen-sacct
for c in alpha beta gamma; do
	"$gen" -n 4000 -s 7 -c "$c" -d 2026-10-01 -D 31 >"$WORK/$c.psv"
done
fed=$(newdb fed SQL_ASCII)
for c in alpha beta gamma; do
	"$HPCACCT" --db "$fed" ingest -q --tz UTC "$WORK/$c.psv" \
	    >"$WORK/$c.out" 2>&1 &
	pids="$pids $!"
done
# reports while they write: the server answers (nothing yet, or some)
sleep 0.3
"$HPCACCT" --db "$fed" report usage --by cluster --format csv \
    >"$WORK/during.csv" 2>"$WORK/during.err" ||
	grep -q "no database at" "$WORK/during.err" ||
	fail "a report during the ingests: $(cat "$WORK/during.err")"
for p in $pids; do
	wait "$p" || fail "a concurrent ingest failed: $(cat "$WORK"/*.out)"
done
pids=
for c in alpha beta gamma; do
	"$HPCACCT" --db "$WORK/seq.db" ingest -q --tz UTC "$WORK/$c.psv"
done
for r in "usage --by cluster --by queue" "wait --by cluster" \
    "sizes" "efficiency --by cluster"; do
	"$HPCACCT" --db "$fed" report $r --month 2026-10 --format csv \
	    >"$WORK/pg.csv"
	"$HPCACCT" --db "$WORK/seq.db" report $r --month 2026-10 \
	    --format csv >"$WORK/sq.csv"
	cmp -s "$WORK/pg.csv" "$WORK/sq.csv" || {
		diff "$WORK/sq.csv" "$WORK/pg.csv" >&2
		fail "report $r: concurrent PostgreSQL ingests differ from SQLite's"
	}
done
grep -q '^alpha,' "$WORK/pg.csv" && grep -q '^gamma,' "$WORK/pg.csv" ||
	fail "a cluster is missing: $(cat "$WORK/pg.csv")"
# again, all three at once: nothing is counted twice
pids=
for c in alpha beta gamma; do
	"$HPCACCT" --db "$fed" ingest --tz UTC --replace "$WORK/$c.psv" \
	    >"$WORK/$c.out" 2>&1 &
	pids="$pids $!"
done
for p in $pids; do
	wait "$p" || fail "a second ingest failed: $(cat "$WORK"/*.out)"
done
pids=
"$HPCACCT" --db "$fed" report usage --by cluster --by queue --month 2026-10 \
    --format csv >"$WORK/pg.csv"
"$HPCACCT" --db "$WORK/seq.db" report usage --by cluster --by queue \
    --month 2026-10 --format csv | cmp -s - "$WORK/pg.csv" ||
	fail "ingesting again at once counted jobs twice"
echo "test-pg: three concurrent ingests give SQLite's totals"

# --- one cluster's writers take turns ----------------------------------------
# the same file twice at once, and a file of the same cluster's jobs
# changed (queues moved; which wins depends on the order): a writer
# waits for the one before to commit, then finds what it stored
awk -F'|' 'BEGIN { OFS = "|" } NR > 1 && NR % 3 == 0 { $8 = "moved" }
    { print }' "$WORK/alpha.psv" >"$WORK/alpha2.psv"
one=$(newdb one SQL_ASCII)
pids=
for f in alpha alpha alpha2; do
	"$HPCACCT" --db "$one" ingest --tz UTC "$WORK/$f.psv" \
	    >"$WORK/one-$f.out" 2>&1 &
	pids="$pids $!"
done
for p in $pids; do
	wait "$p" || fail "a writer of one cluster failed: $(cat "$WORK"/one-*.out)"
done
pids=
for r in "usage --by queue" "usage --by user --period day"; do
	"$HPCACCT" --db "$one" report $r --month 2026-10 --format csv \
	    >"$WORK/fast.csv"
	"$HPCACCT" --db "$one" report $r --month 2026-10 --format csv \
	    --scan >"$WORK/slow.csv"
	cmp -s "$WORK/fast.csv" "$WORK/slow.csv" ||
		fail "one cluster's writers at once: the rollup is not the scan ($r)"
done
[ "$("$PG_BIN/psql" -X -At -d "$one" -c "SELECT COUNT(*) FROM job_rows")" = \
    "$("$PG_BIN/psql" -X -At -d "$fed" -c "SELECT COUNT(*) FROM jobs
    WHERE cluster = 'alpha'")" ] || fail "one cluster's writers counted twice"
echo "test-pg: two writers of one cluster take turns, the rollup stays exact"

# --- --lock-timeout --------------------------------------------------------
# a writer that holds cluster alpha's lock (src/store-pg-put.c's
# PG_CLUSTER_LOCK, "hpcc") until it is ended, however slow this machine
# is: an ingest that may wait 1 s gives up with the server's reason and
# stores nothing
before=$("$PG_BIN/psql" -X -At -d "$one" -c "SELECT COUNT(*) FROM job_rows")
PGAPPNAME=hpcacct-test-holder "$PG_BIN/psql" -X -q -d "$one" -c "BEGIN" \
    -c "SELECT COUNT(pg_advisory_xact_lock(1752195939, id::int))
    FROM names WHERE kind = 5" -c "SELECT pg_sleep(600)" \
    >/dev/null 2>&1 &
holder=$!
pids=$holder
n=0
until [ "$("$PG_BIN/psql" -X -At -d "$one" -c "SELECT COUNT(*) FROM pg_locks
    WHERE locktype = 'advisory' AND granted")" -gt 0 ]; do
	n=$((n + 1))
	[ $n -lt 100 ] || fail "the holder never took cluster alpha's lock"
	sleep 0.1
done
st=0
"$HPCACCT" --db "$one" ingest --replace --lock-timeout 1s --tz UTC \
    "$WORK/alpha2.psv" >"$WORK/lt.out" 2>&1 || st=$?
[ $st = 1 ] || fail "--lock-timeout 1s: exit $st, not 1: $(cat "$WORK/lt.out")"
grep -q "alpha2.psv: database .*lock timeout; nothing of it was stored" \
    "$WORK/lt.out" || fail "--lock-timeout: $(cat "$WORK/lt.out")"
# end the holder: its backend, then its psql (which reports the end)
"$PG_BIN/psql" -X -At -d "$one" -c "SELECT pg_terminate_backend(pid)
    FROM pg_stat_activity WHERE application_name = 'hpcacct-test-holder'" |
    grep -qx t || fail "the lock's holder was not running to the end"
wait "$holder" || :
pids=
[ "$("$PG_BIN/psql" -X -At -d "$one" -c "SELECT COUNT(*) FROM job_rows")" = \
    "$before" ] || fail "--lock-timeout: a file that timed out stored rows"
echo "test-pg: --lock-timeout gives up on a held cluster and stores nothing"

# --- db copy ---------------------------------------------------------------
demo=$WORK/demo.db
(cd "$top_srcdir" && "$HPCACCT" --db "$demo" ingest -q --tz UTC \
    $(cat examples/demo-inputs) &&
    "$HPCACCT" --db "$demo" users import -q examples/users.csv)
# as ingest --from-slurmdbd leaves it
sqlite3 "$demo" "INSERT INTO live_cursors VALUES ('slurmdbd:hpc1',
    1791000000, 1)"
hub=$(newdb hub SQL_ASCII)
"$HPCACCT" db copy --from "$demo" --to "$hub" >"$WORK/copy.out"
grep -q "copied [1-9][0-9]* job records.* 1 live marks" "$WORK/copy.out" ||
	fail "db copy said: $(cat "$WORK/copy.out")"
[ "$("$PG_BIN/psql" -X -At -d "$hub" -c "SELECT source, seen_until
    FROM live_cursors")" = "slurmdbd:hpc1|1791000000" ] ||
	fail "the live mark was not copied"
"$HPCACCT" db copy --from "$demo" --to "$hub" >"$WORK/copy2.out"
grep -q "(new 0, updated 0, unchanged [1-9]" "$WORK/copy2.out" ||
	fail "a second copy changed something: $(cat "$WORK/copy2.out")"
conf=$top_srcdir/examples/hpcacct.conf
for r in "report usage --by user" "report wait --by queue" "report signups" \
    "report slo" "users list" "runs" "export swf"; do
	set +e
	"$HPCACCT" --db "$demo" --config "$conf" $r >"$WORK/a" 2>&1
	ra=$?
	"$HPCACCT" --db "$hub" --config "$conf" $r >"$WORK/b" 2>&1
	rb=$?
	set -e
	[ "$ra" = "$rb" ] && cmp -s "$WORK/a" "$WORK/b" || {
		diff "$WORK/a" "$WORK/b" >&2
		fail "$r differs after db copy"
	}
done
"$HPCACCT" --db "$demo" --config "$conf" export xlsx --month 2026-10 \
    -o "$WORK/a.xlsx"
"$HPCACCT" --db "$hub" --config "$conf" export xlsx --month 2026-10 \
    -o "$WORK/b.xlsx"
cmp -s "$WORK/a.xlsx" "$WORK/b.xlsx" || fail "the workbooks differ"
(cd "$top_srcdir" && "$HPCACCT" --db "$hub" ingest --tz UTC \
    $(cat examples/demo-inputs)) >"$WORK/again.out"
grep -v -e "unchanged since it was last read" -e "^total: read 0, new 0," \
    "$WORK/again.out" && fail "the copied file marks were not used"
echo "test-pg: db copy gives the same reports, workbook, file and live marks"

# --- schema version 1 migrates -------------------------------------------
# A database as hpcacct made them before partitions and the rollup: the
# version 1 schema, and the demo's rows (multi as version 1 left it:
# only on the later incarnations) copied from the hub.
old=$(newdb old SQL_ASCII)
"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$old" \
    -f "$top_srcdir/sql/pg/schema.sql" >/dev/null
cols="id, cluster_id, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_delay, start_delay, end_delay,
    alloc_procs, req_procs, core_seconds, cpu_time, used_mem_kb, req_time,
    req_mem_kb, nodes, gpus, swf_status, state_id, raw_state_id, exit_code,
    exit_signal, user_id, uid, group_id, gid, account_id, queue_id, qos_id,
    job_name_id, source_file_id, source_line, ingest_run, gpu_seconds"
cp_table() {	# cp_table TABLE COLUMNS: from the hub into the old database
	"$PG_BIN/psql" -X -q -d "$hub" -c "\\copy (SELECT $2 FROM $1) TO '$WORK/t.copy'"
	"$PG_BIN/psql" -X -q -d "$old" -c "\\copy $1 ($2) FROM '$WORK/t.copy'"
}
for t in names ingest_runs input_files users k8s_jobs k8s_pods; do
	cp_table "$t" "$("$PG_BIN/psql" -X -At -d "$old" -c "SELECT
	    string_agg(column_name, ', ' ORDER BY ordinal_position)
	    FROM information_schema.columns WHERE table_name = '$t'")"
done
cp_table job_rows "$cols"
"$PG_BIN/psql" -X -q -d "$old" -c "SELECT setval('job_rows_id_seq',
    (SELECT MAX(id) FROM job_rows)); SELECT setval('names_id_seq',
    (SELECT MAX(id) FROM names)); SELECT setval('ingest_runs_id_seq',
    (SELECT MAX(id) FROM ingest_runs))" >/dev/null
ver() {
	"$PG_BIN/psql" -X -At -d "$1" -c "SELECT version FROM hpcacct_schema"
}
[ "$(ver "$old")" = 1 ] || fail "not a version 1 database"
for r in "report usage --by user" "report usage --by account --month 2026-10" \
    "report wait --by queue" "report signups" "export swf"; do
	"$HPCACCT" --db "$hub" --config "$conf" $r >"$WORK/a" 2>&1 || :
	"$HPCACCT" --db "$old" --config "$conf" $r >"$WORK/b" 2>&1 || :
	cmp -s "$WORK/a" "$WORK/b" || {
		diff "$WORK/a" "$WORK/b" >&2
		fail "$r differs after the migration"
	}
done
[ "$(ver "$old")" = 2 ] || fail "not migrated to version 2"
q="SELECT COUNT(*), SUM(multi) FROM job_rows"
[ "$("$PG_BIN/psql" -X -At -d "$old" -c "$q")" = \
    "$("$PG_BIN/psql" -X -At -d "$hub" -c "$q")" ] ||
	fail "multi after the migration is not every incarnation's"
q="SELECT level, bucket, cluster_id, user_id, runs_overlap, runs_start,
    round(core_s::numeric, 3) FROM rollup ORDER BY 1, 2, 3, 4, 5"
"$PG_BIN/psql" -X -At -d "$old" -c "$q" >"$WORK/a"
"$PG_BIN/psql" -X -At -d "$hub" -c "$q" >"$WORK/b"
[ -s "$WORK/a" ] && cmp -s "$WORK/a" "$WORK/b" ||
	fail "the migration's rollup is not the ingest's"
echo "test-pg: schema version 1 migrates to 2 with the same rows and reports"

# --- partitions ----------------------------------------------------------------
part() {	# the partition holding a job row
	"$PG_BIN/psql" -X -At -d "$hub" -c "SELECT tableoid::regclass FROM
	    job_rows WHERE job_id = '$1'"
}
printf '%s\n' 'JobID|Cluster|User|Account|Partition|Submit|Start|End|State|AllocCPUS|NNodes' \
    '7001|old|ann|a|batch|1985-06-01T00:00:00|1985-06-01T00:00:10|1985-06-01T01:00:10|COMPLETED|1|1' \
    '7002|old|ann|a|batch|2016-06-01T00:00:00|2016-06-01T00:00:10|2016-06-01T01:00:10|COMPLETED|2|1' \
    '7003|old|ann|a|batch|2075-06-01T00:00:00|2075-06-01T00:00:10|2075-06-01T01:00:10|COMPLETED|4|1' \
    >"$WORK/years.psv"
"$HPCACCT" --db "$hub" ingest -q --tz UTC "$WORK/years.psv"
[ "$(part 7001)" = job_rows_early ] && [ "$(part 7002)" = job_rows_2016 ] &&
    [ "$(part 7003)" = job_rows_late ] ||
	fail "rows in the wrong partitions: $(part 7001) $(part 7002) $(part 7003)"
"$HPCACCT" --db "$hub" report usage --by cluster --year 2016 \
    --format csv >"$WORK/y.csv"
grep -q '^old,1,2\.0*,' "$WORK/y.csv" || fail "2016: $(cat "$WORK/y.csv")"
"$PG_BIN/psql" -X -q -d "$hub" -c "ALTER TABLE job_rows DETACH PARTITION
    job_rows_2016; ALTER TABLE rollup DETACH PARTITION rollup_2016"
for s in "" --scan; do
	"$HPCACCT" --db "$hub" report usage --by cluster --year 2016 \
	    --format csv $s >"$WORK/y.csv"
	[ "$(wc -l <"$WORK/y.csv")" = 1 ] ||
		fail "a detached year still reports ($s): $(cat "$WORK/y.csv")"
done
"$HPCACCT" --db "$hub" report usage --by cluster --month 2026-10 \
    --format csv >"$WORK/y.csv"
grep -q '^hpc1,' "$WORK/y.csv" || fail "detaching 2016 lost 2026"
echo "test-pg: rows go to their year's partition; a detached year leaves the reports"

# --- encodings -------------------------------------------------------------
printf 'JobID|JobName|User|Group|Account|Partition|Submit|Start|End|State|ExitCode|AllocCPUS|NNodes|Elapsed\n42|caf\351|ann|g|a|batch|2026-10-01T00:00:00|2026-10-01T00:00:10|2026-10-01T01:00:10|COMPLETED|0:0|1|1|01:00:00\n' \
    >"$WORK/latin1.psv"
utf=$(newdb utf UTF8)
"$HPCACCT" --db "$utf" ingest -q --tz UTC "$WORK/latin1.psv" ||
	fail "a Latin-1 job name failed a UTF8 database"
name() {
	"$PG_BIN/psql" -X -At -d "$1" -c "SELECT job_name FROM jobs"
}
[ "$(name "$utf")" = "caf$(printf '\357\277\275')" ] ||
	fail "the odd byte is not U+FFFD in a UTF8 database: $(name "$utf")"
asc=$(newdb asc SQL_ASCII)
"$HPCACCT" --db "$asc" ingest -q --tz UTC "$WORK/latin1.psv"
[ "$(name "$asc")" = "caf$(printf '\351')" ] ||
	fail "SQL_ASCII did not keep the byte"
echo "test-pg: UTF8 databases get U+FFFD, SQL_ASCII the bytes"

# --- messages ----------------------------------------------------------------
set +e
"$HPCACCT" --db "postgresql://ann:s3cret@127.0.0.1:1/x" runs 2>"$WORK/err"
rc=$?
"$HPCACCT" --db "postgresql:///none?host=$dir&user=postgres&password=s3cret" \
    runs 2>>"$WORK/err"
rc2=$?
set -e
[ "$rc" = 1 ] && [ "$rc2" = 1 ] || fail "a bad database exited $rc, $rc2"
grep -q "s3cret" "$WORK/err" && fail "a password shows: $(cat "$WORK/err")"
grep -q "postgresql://ann@127.0.0.1:1/x: cannot connect" "$WORK/err" ||
	fail "the database is not named: $(cat "$WORK/err")"
grep -q 'database "none" does not exist' "$WORK/err" ||
	fail "the server's message is missing: $(cat "$WORK/err")"
echo "test-pg: errors name the database and the server's reason, no password"
