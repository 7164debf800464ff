#!/bin/sh
# Collecting the same Jobs again (a cron job every 10 minutes, or a watch
# stream that shows a Job running, then finished) stores each Job once;
# pods read in a later run refine their Job and never add one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

k=$FIXTURES/k8s
jobs() { hx report usage --by cluster --format csv | awk -F, 'NR > 1 { n += $2 } END { print n + 0 }'; }

expect_status 0 hx ingest "$k/jobs-pods.json"
contains "$WORK/out" "read 15, new 5, updated 7, unchanged 0, skipped 3"
hx report usage --by group --format csv >"$WORK/first"
cp "$k/jobs-pods.json" "$WORK/again.json"	# the next collection
expect_status 0 hx ingest "$WORK/again.json"
contains "$WORK/out" "read 15, new 0, updated 0, unchanged 12, skipped 3"
hx report usage --by group --format csv >"$WORK/second"
cmp -s "$WORK/first" "$WORK/second" || fail "usage changed on re-read"
[ "$(jobs)" -eq 5 ] || fail "$(jobs) jobs"

# A watch stream on stdin: stream-job seen active (skipped), then done.
expect_status 0 hx ingest - <"$k/watch.json"
contains "$WORK/out" "-: read 3, new 2, updated 0, unchanged 0, skipped 1"
expect_status 0 hx ingest --format k8s - <"$k/watch.json"
contains "$WORK/out" "-: read 3, new 0, updated 0, unchanged 2, skipped 1"
[ "$(jobs)" -eq 7 ] || fail "$(jobs) jobs after the stream"

# A Job whose pods are gone counts parallelism (2 x 2 cores x 1 h = 4
# core-h); its pods, read later, correct it to what they ran (2 cores x
# (0.5 h + 1 h) = 3 core-h) and add no job.
expect_status 0 hx ingest "$k/late-job.json"
hx report usage --by user --format csv --from 2026-11-02T16:00:00 \
    --to 2026-11-02T17:00:00 >"$WORK/late"
contains "$WORK/late" "data,1,4.000000,0.000000,0.000000"
expect_status 0 hx ingest "$k/late-pods.json"
contains "$WORK/out" "read 2, new 0, updated 2, unchanged 0"
hx report usage --by user --format csv --from 2026-11-02T16:00:00 \
    --to 2026-11-02T17:00:00 >"$WORK/late"
contains "$WORK/late" "data,1,3.000000,1.000000,0.000000"
[ "$(jobs)" -eq 8 ] || fail "pods added a job"

# A watch that pauses: what it gave is committed within seconds, while
# hpcacct still waits for more (another process can report it).
reset_db
fifo=$WORK/watch
mkfifo "$fifo"
"$HPCACCT" --db "$DB" ingest -q - <"$fifo" &
reader=$!
exec 3>"$fifo"
cat "$k/watch.json" >&3
n=0
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	sleep 1
	n=$(jobs 2>/dev/null || echo 0)
	[ "$n" -eq 2 ] && break
done
exec 3>&-
wait "$reader" || fail "the watch ingest failed"
[ "$n" -eq 2 ] || fail "a paused stream was not committed ($n jobs seen)"

# Stopping a watch (SIGTERM) keeps what it gave and says so.  (The
# schema is made first: on PostgreSQL that takes a while.)
reset_db
printf '{"kind": "List", "items": []}\n' | hx ingest -q - ||
	fail "an empty list"
rm -f "$fifo"
mkfifo "$fifo"
"$HPCACCT" --db "$DB" ingest - <"$fifo" >"$WORK/out" 2>"$WORK/err" &
reader=$!
exec 3>"$fifo"
head -n 100 "$k/watch.json" >&3	# the first object, and part of the next
# TERM once it has read all of that and waits for more, however slow
# the machine (under the sanitizers, on PostgreSQL): nothing is left
# unread in the pipe and it sleeps in linereader_wait's poll()
unread() {
	/usr/bin/python3 -c 'import array, fcntl, os, sys, termios
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NONBLOCK)
n = array.array("i", [0])
fcntl.ioctl(fd, termios.FIONREAD, n)
print(n[0])' "$fifo"
}
n=0
until [ "$(unread)" = 0 ] &&
    grep -q poll "/proc/$reader/wchan" 2>/dev/null; do
	kill -0 "$reader" 2>/dev/null || fail "the watch ingest ended early"
	n=$((n + 1))
	[ "$n" -lt 600 ] || fail "the watch ingest never waited for more input"
	sleep 0.1
done
kill -TERM "$reader"
set +e
wait "$reader"
rc=$?
set -e
exec 3>&-
[ "$rc" -eq 1 ] || fail "a stopped ingest exited $rc, expected 1"
contains "$WORK/err" "-: stopped by a signal; what was read is stored"
contains "$WORK/out" "-: read 1, new 0, updated 0, unchanged 0, skipped 1"
