#!/bin/sh
# Kubernetes Jobs and Pods as kubectl prints them: ingest, usage per
# namespace and SWF export against golden files.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

cd "$FIXTURES"
expect_status 0 hx ingest -v k8s/jobs-pods.json
cp "$WORK/out" "$WORK/summary"
cp "$WORK/err" "$WORK/diagnostics"
golden "$WORK/summary" k8s-ingest.out
golden "$WORK/diagnostics" k8s-ingest.err
hx report usage --by group --format csv >"$WORK/group.csv"
golden "$WORK/group.csv" k8s-usage-group.csv
SOURCE_DATE_EPOCH=1795219200 hx export swf --installation "Test Centre" \
    -o "$WORK/k8s.swf"
golden "$WORK/k8s.swf" k8s.swf
