#!/bin/sh
# TORQUE does not quote values: a job name holding " key=value" text must
# not overwrite the attributes the record itself carries.  A key that
# appears twice is the record's own the second time; the first belongs to
# the value before it, with a warning.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

f=$FIXTURES/torque-names/20261001
expect_status 0 hx ingest --format pbs "$f"
contains "$WORK/err" "$f:1: total_execution_slots appears twice; the first is taken as part of jobname"
contains "$WORK/err" "$f:2: Resource_List.nodect appears twice"
contains "$WORK/out" "read 2, new 2,"

# ann ran 8 slots for 1 h, bob 4 slots for 1 h: 28,800 and 14,400
# core-seconds, not 10 and 14.7 million.
hx report usage --by user --format csv >"$WORK/u.csv"
contains "$WORK/u.csv" "ann,1,8.000000,1.000000,0.000000"
contains "$WORK/u.csv" "bob,1,4.000000,1.000000,0.000000"

dbq "SELECT job_name, alloc_procs, nodes FROM jobs ORDER BY job_id" >"$WORK/names"
contains "$WORK/names" "sim total_execution_slots=1 start=1790830790|8|1"
contains "$WORK/names" "big run total_execution_slots=4096 Resource_List.nodect=64|4|1"
