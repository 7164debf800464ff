#!/bin/sh
# What the Kubernetes API itself prints: a JobList whose items carry no
# kind or apiVersion (kubectl get --raw), and watch events.  A parallelism
# anyone can set to 2147483647 is bounded by the pods that ran; a Job with
# no requests has unknown processors and memory; 30 February is no date.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

f=$FIXTURES/k8s/api-raw-list.json
expect_status 0 hx ingest "$f"
contains "$WORK/out" "read 3, new 3, updated 0, unchanged 0, skipped 0, rejected 0"
contains "$WORK/err" "$f:1: unreadable status.startTime '2026-02-30T09:00:00Z', taken as unknown"

w=$FIXTURES/k8s/watch-events.json
expect_status 0 hx ingest "$w"
contains "$WORK/out" "read 3, new 1, updated 0, unchanged 0, skipped 2,"

# wide: 2 pods ran (1 succeeded, 1 failed) x 1 core x 2 h = 4 core-hours,
# not 4.3 billion.  ev: 4 pods at once x 0.5 core x 1 h = 2.  noreq has
# no known size: no core-hours.  baddate: no start, so no run.
hx report usage --by queue --format csv >"$WORK/q.csv"
contains "$WORK/q.csv" "batch,1,4.000000"
contains "$WORK/q.csv" "chem,1,2.000000"
contains "$WORK/q.csv" "physics,2,0.000000"

hx export swf -o "$WORK/out.swf"
# noreq: allocated and requested processors and memory unknown (-1)
awk '!/^;/ && $2 == 3600 { print $5, $7, $8, $10 }' "$WORK/out.swf" >"$WORK/noreq"
contains "$WORK/noreq" "-1 -1 -1 -1"

awk '!/^;/ && $2 == 3600' "$WORK/out.swf" | wc -l >"$WORK/n"
contains "$WORK/n" "1"

# An implausible count with nothing to bound it is a warning, and the
# Job's usage unknown rather than invented.
printf '%s\n' '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"huge","namespace":"x","uid":"u-huge","creationTimestamp":"2026-11-04T00:00:00Z"},"spec":{"parallelism":2147483647,"template":{"spec":{"containers":[{"name":"c","resources":{"requests":{"cpu":"1"}}}]}}},"status":{"startTime":"2026-11-04T00:00:00Z","completionTime":"2026-11-04T02:00:00Z","conditions":[{"type":"Complete","status":"True"}]}}' >"$WORK/huge.json"
expect_status 0 hx ingest "$WORK/huge.json"
contains "$WORK/err" "huge.json:1: Job x/huge: 2147483647 pods at once is implausible; its usage is taken as unknown"
hx report usage --by account --format csv >"$WORK/a.csv"
contains "$WORK/a.csv" "x,1,0.000000"
