# Shared set-up for the end-to-end tests: sourced by each tests/e2e/*.sh.
# Provides $HPCACCT (the built binary), $FIXTURES, $EXPECTED, a private
# $WORK directory (removed on exit) with $DB in it, and small assertions.
set -eu

: "${HPCACCT:?run through make check, or set HPCACCT to the binary}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
FIXTURES=$top_srcdir/tests/fixtures
EXPECTED=$top_srcdir/tests/expected
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hpcacct-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/test.db
# Under tests/pg/suite.sh (HPCACCT_TEST_PG: the private server's socket
# directory, PG_BIN its programs) $DB is a fresh PostgreSQL database of
# this test's own, dropped on exit.
if [ -n "${HPCACCT_TEST_PG:-}" ]; then
	PG_TEST_DB=hpcacct_$$_$(basename "$0" .sh | tr -c 'a-z0-9\n' _)
	"$PG_BIN/createdb" -h "$HPCACCT_TEST_PG" -U postgres -T template0 \
	    -E SQL_ASCII "$PG_TEST_DB"
	DB="postgresql:///$PG_TEST_DB?host=$HPCACCT_TEST_PG&user=postgres"
	trap 'rm -rf "$WORK"; "$PG_BIN/dropdb" -h "$HPCACCT_TEST_PG" \
	    -U postgres "$PG_TEST_DB" 2>/dev/null || :' EXIT
fi
TZ=UTC
LC_ALL=C
export TZ LC_ALL
unset HPCACCT_DB

# A test of what only the SQLite file has (its file, locks, migrations):
# skipped where $DB is PostgreSQL.
sqlite_only() {
	if [ -n "${HPCACCT_TEST_PG:-}" ]; then
		echo "SKIP (PostgreSQL run): $*"
		exit 77
	fi
}

# A test that does not use the database at all: run once, on SQLite.
backend_free() {
	if [ -n "${HPCACCT_TEST_PG:-}" ]; then
		echo "SKIP (PostgreSQL run): uses no database"
		exit 77
	fi
}

# Start again with an empty database.
reset_db() {
	if [ -n "${HPCACCT_TEST_PG:-}" ]; then
		"$PG_BIN/dropdb" -h "$HPCACCT_TEST_PG" -U postgres "$PG_TEST_DB"
		"$PG_BIN/createdb" -h "$HPCACCT_TEST_PG" -U postgres \
		    -T template0 -E SQL_ASCII \
		    "$PG_TEST_DB"
	else
		rm -f "$DB" "$DB-wal" "$DB-shm"
	fi
}

# Query the test database directly (sqlite3's list output: columns
# separated by |, NULL empty).
dbq() {
	if [ -n "${HPCACCT_TEST_PG:-}" ]; then
		"$PG_BIN/psql" -X -q -At -F '|' -d "$DB" -c "$1"
	else
		sqlite3 "$DB" "$1"
	fi
}

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# hpcacct with the test database.
hx() {
	"$HPCACCT" --db "$DB" "$@"
}

# Run a command, expecting exit status $1: expect_status 2 hx report ...
expect_status() {
	want=$1
	shift
	set +e
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	set -e
	[ "$got" -eq "$want" ] ||
		fail "'$*' exited $got, expected $want; stderr: $(cat "$WORK/err")"
}

# Compare a file with a golden file in tests/expected (UPDATE_GOLDEN=1
# rewrites the golden file instead: review the change with git diff).
golden() {
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		cp "$1" "$EXPECTED/$2"
		return 0
	fi
	if ! diff -u "$EXPECTED/$2" "$1" >"$WORK/diff"; then
		cat "$WORK/diff" >&2
		fail "$1 differs from tests/expected/$2"
	fi
}

# Fail unless file $1 contains the fixed string $2.
contains() {
	grep -qF -- "$2" "$1" || fail "$1 lacks '$2'; it has: $(cat "$1")"
}
