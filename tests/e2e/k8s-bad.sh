#!/bin/sh
# Bad Kubernetes input: wrong types and an absurd quantity are warnings
# and unknown values, not lost jobs; a Job without uid, invalid JSON and a
# truncated object are rejected by line; the good Jobs are stored.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

f=$FIXTURES/k8s/bad.json
expect_status 1 hx ingest "$f"
contains "$WORK/err" "hpcacct: warning: $f:4: spec.parallelism is not a count, taken as unknown"
contains "$WORK/err" "hpcacct: warning: $f:4: unreadable or absurd cpu quantity 'lots', taken as unknown"
contains "$WORK/err" "hpcacct: $f:83: Job without metadata.uid, name or creationTimestamp"
contains "$WORK/err" "hpcacct: $f:160: invalid JSON"
contains "$WORK/err" "hpcacct: $f:248: truncated JSON: the input ended inside this object"
contains "$WORK/out" "read 5, new 2, updated 0, unchanged 0, skipped 0, rejected 3, warnings 2"
hx report usage --by cluster --format csv >"$WORK/c"
# odd-types is stored with its usage unknown; fine ran 1 core x 1 h.
contains "$WORK/c" "kubernetes,2,1.000000"

# A 20000-item List is read item by item: peak memory stays that of a
# 200-item List, give or take a few MB.
if [ ! -x /usr/bin/time ]; then
	echo "SKIP: the memory check needs /usr/bin/time (Debian package time)"
	exit 0
fi
list() {
	awk -v n="$1" 'BEGIN {
	print "{\"apiVersion\": \"v1\", \"items\": ["
	for (i = 0; i < n; i++)
		printf "%s{\"apiVersion\": \"batch/v1\", \"kind\": \"Job\", \"metadata\": {\"name\": \"j%d\", \"namespace\": \"ns\", \"uid\": \"u-%d\", \"creationTimestamp\": \"2026-11-02T00:00:00Z\", \"labels\": {\"padding\": \"%0200d\"}}, \"spec\": {\"parallelism\": 1, \"template\": {\"spec\": {\"containers\": [{\"name\": \"c\", \"resources\": {\"requests\": {\"cpu\": \"100m\"}}}]}}}, \"status\": {\"active\": 1, \"startTime\": \"2026-11-02T00:00:00Z\"}}\n", (i ? "," : ""), i, i, 0
	print "], \"kind\": \"List\"}" }'
}
list 200 >"$WORK/small.json"
list 20000 >"$WORK/big.json"
# Under ASan, freed memory waits in its quarantine (256 MB): switch that
# off so the figure is the program's, not the sanitizer's.
rss() {
	reset_db
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=0:thread_local_quarantine_size_kb=0" \
	    /usr/bin/time -f %M -o "$WORK/rss" "$HPCACCT" --db "$DB" ingest -q "$1"
	cat "$WORK/rss"
}
small=$(rss "$WORK/small.json")
big=$(rss "$WORK/big.json")
echo "peak RSS: 200 items $small KB, 20000 items $big KB"
[ "$big" -lt $((small + 8192)) ] || fail "memory grows with the List: $small KB -> $big KB"
