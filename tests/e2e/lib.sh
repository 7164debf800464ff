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
TZ=UTC
LC_ALL=C
export TZ LC_ALL
unset HPCACCT_DB

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
