#!/bin/sh
# PBS Professional and TORQUE accounting folders: ingest, usage report and
# SWF export against golden files.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

cp -R "$FIXTURES/pbspro" "$FIXTURES/torque" "$WORK/"
cd "$WORK"
expect_status 1 hx ingest -v pbspro/accounting torque/accounting/
cp "$WORK/out" "$WORK/summary"
cp "$WORK/err" "$WORK/diagnostics"
golden "$WORK/summary" pbs-ingest.out
golden "$WORK/diagnostics" pbs-ingest.err

hx report usage --by queue --format csv >"$WORK/queue.csv"
golden "$WORK/queue.csv" pbs-usage-queue.csv
hx report usage --by user >"$WORK/user.txt"
golden "$WORK/user.txt" pbs-usage-user.txt
SOURCE_DATE_EPOCH=1795219200 hx export swf --installation "Test Centre" \
    -o "$WORK/pbs.swf"
golden "$WORK/pbs.swf" pbs.swf
