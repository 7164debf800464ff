#!/bin/sh
# What only a server database has, against a private PostgreSQL
# (tests/pg/pg.sh, stopped by its pid on exit, also on failure):
#  - three head nodes' ingests of three clusters at once into one empty
#    database (the schema created once, under the advisory lock), with
#    reports read meanwhile, give the totals of the same ingests into
#    SQLite one after the other;
#  - db copy of the demo's SQLite database gives the same reports on the
#    server, and copying again changes nothing;
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
trap 'for p in $pids; do kill "$p" 2>/dev/null; done
"$here/pg.sh" stop "$dir"; rm -rf "$dir"' EXIT INT TERM
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

# --- db copy ---------------------------------------------------------------
demo=$WORK/demo.db
(cd "$top_srcdir" && "$HPCACCT" --db "$demo" ingest -q --tz UTC \
    $(cat examples/demo-inputs) &&
    "$HPCACCT" --db "$demo" users import -q examples/users.csv)
hub=$(newdb hub SQL_ASCII)
"$HPCACCT" db copy --from "$demo" --to "$hub" >"$WORK/copy.out"
grep -q "copied [1-9][0-9]* job records" "$WORK/copy.out" ||
	fail "db copy said: $(cat "$WORK/copy.out")"
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
echo "test-pg: db copy gives the same reports, workbook and file marks"

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
