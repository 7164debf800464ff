#!/bin/sh
# The nightly cron run over a PBS accounting folder: a second run reads
# nothing, appended records are read alone (from where the last run
# stopped), a half-written last line waits, rotation and replacement never
# double count.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

acct=$WORK/server_priv/accounting
mkdir -p "$acct"
cp "$FIXTURES"/pbspro/accounting/* "$acct/"
today=$acct/20261002
# job incarnations stored (the runs column)
jobs() { hx report usage --by cluster --format csv | awk -F, 'NR > 1 { n += $6 } END { print n + 0 }'; }

expect_status 1 hx ingest "$acct"	# the fixture has one damaged line
contains "$WORK/out" "20261001.gz: read 15, new 12"
contains "$WORK/out" "20261002: read 1, new 1"
[ "$(jobs)" -eq 13 ] || fail "$(jobs) jobs after the first run"

# Second run: today's file unchanged, nothing read; the file with a
# rejected record is read again (so a fixed file is never missed), and
# stores nothing twice.
expect_status 1 hx ingest -v "$acct"
contains "$WORK/out" "20261001.gz: read 15, new 0, updated 0, unchanged 12"
contains "$WORK/out" "20261002: unchanged since it was last read"
[ "$(jobs)" -eq 13 ] || fail "the second run changed the job count"
# From here on the damaged file is left out, to follow today's.
rm "$acct/20261001.gz"

# Today's file grows: 401 (queued in the first run) is deleted before it
# started, and 108 ends.  Only the new bytes are read.
size_before=$(wc -c <"$today")
cat >>"$today" <<'LOG'
10/02/2026 04:00:00;D;401.pbs1;requestor=judy@login1
10/02/2026 05:00:00;E;108.pbs1;user=judy group=cs project=_pbs_project_default account="ml-d" jobname=late queue=workq ctime=1790906400 qtime=1790906400 etime=1790906400 start=1790906400 exec_host=c1/0*2 exec_vnode=(c1:ncpus=2) Resource_List.ncpus=2 Resource_List.nodect=1 Resource_List.walltime=02:00:00 session=9 end=1790910000 Exit_status=0 resources_used.cput=01:59:00 resources_used.mem=1gb resources_used.ncpus=2 resources_used.walltime=01:00:00 run_count=1
LOG
added=$(($(wc -c <"$today") - size_before))
expect_status 0 hx ingest -v "$acct"
contains "$WORK/out" "20261002: read 2, new 2, updated 0, unchanged 0, skipped 0, rejected 0, warnings 0, bytes $added"
[ "$(jobs)" -eq 15 ] || fail "$(jobs) jobs after the append"
# 401 took its submit time (01:00) from the Q record read in the first run:
# it waited 3 h until its deletion at 04:00.
hx export swf --installation t -o "$WORK/a.swf"
awk '$11 == 5 && $3 == 10800 { found = 1 } END { exit !found }' "$WORK/a.swf" ||
	fail "no cancelled job that waited 10800 s"
hx report usage --by queue --format csv --from 2026-10-02T01:00:00 \
    --to 2026-10-02T04:00:01 >"$WORK/q"
contains "$WORK/q" "gpuq,1,0.000000"

# A record still being written waits for its newline.
printf '10/02/2026 06:00:00;E;109.pbs1;user=judy queue=workq ctime=1790910000 qtime=1790910000 start=1790910000 end=1790913600 Exit_status=0' >>"$today"
expect_status 0 hx ingest "$acct"
contains "$WORK/out" "20261002: read 0, new 0"
printf ' resources_used.ncpus=1 run_count=1\n' >>"$today"
expect_status 0 hx ingest "$acct"
contains "$WORK/out" "20261002: read 1, new 1"
[ "$(jobs)" -eq 16 ] || fail "$(jobs) jobs after the completed line"

# Rotation: today's file is gzipped under a new name; read again, nothing
# new.
gzip -n "$today"
expect_status 0 hx ingest "$acct"
contains "$WORK/out" "20261002.gz: read 4, new 0, updated 0, unchanged 4"
[ "$(jobs)" -eq 16 ] || fail "rotation changed the job count"

# A replaced file (another inode, shorter) is read from its start.
zcat "$acct/20261002.gz" | head -n 2 >"$WORK/short"
mv "$WORK/short" "$acct/20261002"
expect_status 0 hx ingest "$acct/20261002"
contains "$WORK/out" "20261002: read 1, new 0, updated 0, unchanged 1"
[ "$(jobs)" -eq 16 ] || fail "replacement changed the job count"
