#!/bin/sh
# What goes wrong around the records: a truncated or corrupt gzip fails its
# file (nothing stored, nothing remembered); writers wait for each other
# (--lock-timeout) and a silent stream holds no lock; a full disk says so
# and names the file and the database; a database that is no database, or
# that others can read, is named.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

f=$FIXTURES/sacct-small.psv
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	[ -z "${mnt:-}" ] || umount "$mnt" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

# --- gzip ---------------------------------------------------------------
gzip -c "$f" >"$WORK/whole.psv.gz"
size=$(wc -c <"$WORK/whole.psv.gz")
head -c $((size - 40)) "$WORK/whole.psv.gz" >"$WORK/cut.psv.gz"
expect_status 1 hx ingest "$WORK/cut.psv.gz"
contains "$WORK/err" "cut.psv.gz: truncated gzip (the file ends inside its compressed data); nothing of it was stored"
expect_status 1 hx ingest "$WORK/cut.psv.gz"	# not remembered as read
contains "$WORK/err" "truncated gzip"
/usr/bin/python3 - "$WORK/whole.psv.gz" "$WORK/bad.psv.gz" <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
for i in range(30, len(data) - 20, 7):
    data[i] ^= 0x5a
open(sys.argv[2], 'wb').write(data)
PY
expect_status 1 hx ingest "$WORK/bad.psv.gz"
contains "$WORK/err" "bad.psv.gz: corrupt gzip data; nothing of it was stored"
[ ! -e "$DB" ] || [ -z "$(dbq 'SELECT 1 FROM jobs LIMIT 1')" ] ||
	fail "a damaged gzip stored jobs"
expect_status 0 hx ingest "$WORK/whole.psv.gz"
contains "$WORK/out" "whole.psv.gz: read 2"

# --- a second writer waits its turn ---------------------------------------
sqlite_only "SQLite's locks, a full disk, the file's mode"
reset_db
expect_status 0 hx ingest "$FIXTURES/k8s/late-job.json"
cp "$f" "$WORK/a.psv"
/usr/bin/python3 - "$DB" "$WORK/locked" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(4)
db.execute("COMMIT")
PY
pids="$pids $!"
while [ ! -e "$WORK/locked" ]; do sleep 0.1; done
expect_status 1 hx ingest --lock-timeout 1s "$WORK/a.psv"
contains "$WORK/err" "a.psv: database $DB is locked by another writer (waited 1 s; see --lock-timeout); nothing of it was stored"
start=$(date +%s)
expect_status 0 hx ingest "$WORK/a.psv"	# waits (default 10 min)
contains "$WORK/out" "a.psv: read"
[ $(($(date +%s) - start)) -le 8 ] || fail "the ingest waited far longer than the lock was held"
expect_status 2 hx ingest --lock-timeout forever "$WORK/a.psv"

# --- a stream that falls silent holds no lock -------------------------------
mkfifo "$WORK/watch"
"$HPCACCT" --db "$DB" ingest - <"$WORK/watch" >"$WORK/stream.out" 2>&1 &
stream=$!
pids="$pids $stream"
exec 9>"$WORK/watch"
cat "$FIXTURES/k8s/late-pods.json" >&9
sleep 7		# the stream commits after 5 s of silence
cp "$FIXTURES/sacct-bad.psv" "$WORK/b.psv"
# (the stream stays open: were it holding the lock, this would time out;
# 30 s, not less, for a machine slowed down by the sanitizers)
expect_status 1 hx ingest --lock-timeout 30s "$WORK/b.psv"	# 1: its bad lines
contains "$WORK/out" "b.psv: read 9, new 5"
exec 9>&-
wait "$stream" || fail "the stream failed: $(cat "$WORK/stream.out")"

# --- a full disk -------------------------------------------------------------
mnt=$WORK/small
mkdir "$mnt"
if mount -t tmpfs -o size=256k tmpfs "$mnt" 2>/dev/null; then
	awk 'BEGIN {
	print "JobID|User|Account|Partition|Submit|Start|End|State|AllocCPUS|JobName"
	for (i = 1; i <= 20000; i++)
		printf "%d|user%d|acct%d|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|4|job-with-a-long-name-%d\n", i, i % 50, i % 7, i
	}' >"$WORK/big.psv"
	expect_status 1 "$HPCACCT" --db "$mnt/full.db" ingest "$WORK/big.psv"
	contains "$WORK/err" "big.psv: database $mnt/full.db: disk full"
	contains "$WORK/err" "nothing of it was stored"
	umount "$mnt"
	mnt=
else
	echo "SKIP: disk full: cannot mount a small tmpfs here (needs root)"
fi

# --- databases that are not, or not private ----------------------------------
printf 'this is not a database, just text that is long enough %0200d\n' 0 >"$WORK/junk.db"
expect_status 1 "$HPCACCT" --db "$WORK/junk.db" report usage
contains "$WORK/err" "$WORK/junk.db: file is not a database"
chmod 644 "$DB"
expect_status 0 hx report usage
contains "$WORK/err" "warning: $DB can be read by other users (mode 0644), and it names users and their jobs: chmod 600 $DB"
