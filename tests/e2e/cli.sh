#!/bin/sh
# The command line: help, version, usage errors, database selection.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 "$HPCACCT" --help
contains "$WORK/out" "Usage: hpcacct [--db FILE] COMMAND"
for c in ingest report export; do contains "$WORK/out" "  $c "; done
expect_status 0 "$HPCACCT" --version
contains "$WORK/out" "hpcacct "
for c in "ingest" "report" "report usage" "export" "export swf"; do
	# shellcheck disable=SC2086
	expect_status 0 "$HPCACCT" $c --help
	contains "$WORK/out" "Usage: hpcacct $c"
	[ -s "$WORK/err" ] && fail "$c --help wrote to stderr"
done

expect_status 2 "$HPCACCT"
expect_status 2 "$HPCACCT" frobnicate
contains "$WORK/err" "unknown command 'frobnicate'"
expect_status 2 "$HPCACCT" --bogus
expect_status 2 "$HPCACCT" --db
contains "$WORK/err" "needs a value"
expect_status 2 hx ingest
contains "$WORK/err" "no input files"
expect_status 2 hx ingest --format pbs-ish x
contains "$WORK/err" "unknown format 'pbs-ish' (auto, slurm, slurm-json, pbs, k8s)"
expect_status 2 hx ingest --format pbs --columns JobID,State,Submit,Start,End x
contains "$WORK/err" "--columns is for sacct output only"
expect_status 2 hx ingest --tz Mars/Base x
contains "$WORK/err" "unknown time zone"
expect_status 2 hx ingest --columns JobID,User x
contains "$WORK/err" "no State column"

# Reports need an existing database and valid arguments.
expect_status 1 hx report usage
contains "$WORK/err" "no database at $DB"
[ -e "$DB" ] && fail "report created a database"
expect_status 0 hx ingest -q "$FIXTURES/sacct-small.psv"
expect_status 2 hx report usage --by project
contains "$WORK/err" "bad --by 'project'"
expect_status 2 hx report usage --from 2026-13-01
contains "$WORK/err" "bad --from date '2026-13-01'"
expect_status 2 hx report usage --from 2026-11-01 --to 2026-10-01
expect_status 2 hx report usage --format xml
expect_status 2 hx report frob
expect_status 2 hx export frob
expect_status 2 hx export swf extra-arg

# The database is private, and chosen by --db, then HPCACCT_DB, then ./.
if [ -z "${HPCACCT_TEST_PG:-}" ]; then
	mode=$(stat -c %a "$DB")
	[ "$mode" = 600 ] || fail "database mode is $mode, not 600"
fi
HPCACCT_DB=$DB expect_status 0 "$HPCACCT" report usage --format csv
contains "$WORK/out" "alice,"
(cd "$WORK" && expect_status 0 "$HPCACCT" ingest -q "$FIXTURES/sacct-small.psv")
[ -f "$WORK/hpcacct.db" ] || fail "no ./hpcacct.db by default"

# A missing input file is an error; the other files are still read.
expect_status 1 hx ingest "$WORK/missing.psv" "$FIXTURES/sacct-small.psv"
contains "$WORK/err" "missing.psv: No such file or directory"
contains "$WORK/out" "sacct-small.psv: unchanged since it was last read"

# Numbers are printed the C way whatever the locale.
LC_ALL=de_DE.UTF-8 LC_NUMERIC=de_DE.UTF-8 expect_status 0 hx report usage \
    --by account --format csv
contains "$WORK/out" "phys,4,73.200000,5.512500,0.000000,5"

# ingest --from-slurmdbd: its options go with it, it reads no file, and
# without a Slurm configuration (or libslurm: exit 2) it says why.
expect_status 2 hx ingest --since 2026-01-01 "$FIXTURES/sacct-small.psv"
contains "$WORK/err" "go with --from-slurmdbd"
expect_status 2 hx ingest --from-slurmdbd "$FIXTURES/sacct-small.psv"
contains "$WORK/err" "reads no files"
expect_status 2 hx ingest --from-slurmdbd --chunk 5m
expect_status 2 hx ingest --from-slurmdbd --since nonsense
expect_status 2 hx ingest --from-slurmdbd --since 2026-02-01 --until 2026-01-01
set +e
SLURM_CONF=$WORK/none.conf "$HPCACCT" --db "$DB" ingest --from-slurmdbd \
    --since 2026-01-01 >"$WORK/out" 2>"$WORK/err"
got=$?
set -e
case $got in
1) contains "$WORK/err" "no Slurm configuration (set SLURM_CONF" ;;
2) contains "$WORK/err" "built without libslurm" ;;
*) fail "ingest --from-slurmdbd without a configuration exited $got" ;;
esac
