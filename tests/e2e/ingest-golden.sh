#!/bin/sh
# Ingest a fixture with every sacct quirk and compare each output with its
# golden file: the ingest summary and diagnostics, every usage report
# grouping and format, and the SWF export.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest -v "$FIXTURES/sacct-small.psv"
sed "s|$FIXTURES/||" "$WORK/out" >"$WORK/summary"
sed "s|$FIXTURES/||" "$WORK/err" >"$WORK/diagnostics"
golden "$WORK/summary" ingest-small.out
golden "$WORK/diagnostics" ingest-small.err

for by in user group account queue cluster; do
	hx report usage --by "$by" --format csv >"$WORK/usage-$by.csv"
	golden "$WORK/usage-$by.csv" "usage-$by.csv"
done
hx report usage --by account >"$WORK/usage-account.txt"
golden "$WORK/usage-account.txt" usage-account.txt
hx report usage --by queue --format json >"$WORK/usage-queue.json"
golden "$WORK/usage-queue.json" usage-queue.json

SOURCE_DATE_EPOCH=1795219200 hx export swf --installation "Test Centre" \
    -o "$WORK/small.swf"
golden "$WORK/small.swf" small.swf
