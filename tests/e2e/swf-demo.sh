#!/bin/sh
# The SWF file of the bundled examples (Slurm, PBS and Kubernetes): the
# header keys in order, and 18 numeric fields on every job line, one line
# per stored job.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest -q "$top_srcdir"/examples/*.psv \
    "$top_srcdir"/examples/pbs/accounting "$top_srcdir"/examples/*.json
hx export swf -o "$WORK/demo.swf"
for key in Version Computer Installation Conversion MaxJobs MaxRecords \
    Preemption UnixStartTime TimeZoneString StartTime EndTime MaxNodes \
    MaxProcs Queue Note; do
	grep -q "^; $key: " "$WORK/demo.swf" || fail "no '; $key:' header line"
done
grep -n '^; [A-Za-z]*:' "$WORK/demo.swf" | sed 's/^\([0-9]*\):; \([A-Za-z]*\):.*/\2/' |
    uniq | tr '\n' ' ' >"$WORK/order"
contains "$WORK/order" "Version Computer Installation Conversion MaxJobs MaxRecords Preemption UnixStartTime TimeZoneString StartTime EndTime MaxNodes MaxProcs MaxQueues Queue MaxPartitions Partition Note"

awk '!/^;/ {
	if (NF != 18) { print "line " NR ": " NF " fields"; bad = 1 }
	for (i = 1; i <= NF; i++)
		if ($i !~ /^-?[0-9]+(\.[0-9]+)?$/) { print "line " NR ": " $i; bad = 1 }
	if ($1 != ++n) { print "line " NR ": job number " $1; bad = 1 }
	if ($2 < prev) { print "line " NR ": not sorted by submit"; bad = 1 }
	prev = $2
	if ($11 != 0 && $11 != 1 && $11 != 5) { print "line " NR ": status " $11; bad = 1 }
} END { exit bad }' "$WORK/demo.swf" || fail "bad job lines"

jobs=$(grep -vc '^;' "$WORK/demo.swf")
stored=$(hx report usage --by cluster --format csv | awk -F, 'NR > 1 { n += $6 } END { print n }')
[ "$jobs" -eq "$stored" ] || fail "$jobs job lines, $stored stored job incarnations"
contains "$WORK/demo.swf" "; MaxJobs: $jobs"
contains "$WORK/demo.swf" "; MaxRecords: $jobs"
[ "$(grep -v '^;' "$WORK/demo.swf" | head -n 1 | awk '{ print $2 }')" = 0 ] ||
	fail "first submit is not 0"
