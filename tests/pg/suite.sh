#!/bin/sh
# The end-to-end suite against PostgreSQL: start a private server
# (tests/pg/pg.sh), run every test given (tests/e2e/*.sh) with $DB a
# database of its own on it, compare as each test does (the same golden
# files and hand-computed totals as on SQLite, so both backends give the
# same bytes), and stop the server by its pid, also on failure.  Exit 77
# (skipped, with the reason) where PostgreSQL's server programs cannot be
# found.  make check runs it over its own list ($E2E_TESTS).
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
here=$top_srcdir/tests/pg

PG_BIN=$("$here/pg.sh" bin) || {
	echo "SKIP: no PostgreSQL server programs (initdb, pg_ctl); install" \
	    "the postgresql package"
	exit 77
}
dir=$(mktemp -d "${TMPDIR:-/tmp}/hpcacct-pg.XXXXXX")
trap 'set +e; "$here/pg.sh" stop "$dir"; rm -rf "$dir"' EXIT
trap 'exit 1' INT TERM
"$here/pg.sh" start "$dir" >/dev/null || exit 1
HPCACCT_TEST_PG=$dir
export HPCACCT_TEST_PG PG_BIN

[ $# -gt 0 ] || set -- ${E2E_TESTS:-}	# make check's list
pass=0 skip=0 failed=
for t in "$@"; do
	case $t in
	*/slurm-lab/*|*/fuzz/*) continue ;;	# no database of the suite's
	esac
	sh "$top_srcdir/$t" >"$dir/out" 2>&1
	rc=$?
	case $rc in
	0) pass=$((pass + 1)); echo "PASS (PostgreSQL): $t" ;;
	77) skip=$((skip + 1)); echo "SKIP (PostgreSQL): $t:" \
	    "$(grep -m1 SKIP "$dir/out")" ;;
	*) failed="$failed $t"; echo "FAIL (PostgreSQL): $t"
	   sed 's/^/    /' "$dir/out" | tail -n 30 ;;
	esac
done
echo "PostgreSQL: $pass passed, $skip skipped, failed:${failed:- none}"
[ -z "$failed" ]
