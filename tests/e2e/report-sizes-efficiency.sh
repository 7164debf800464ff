#!/bin/sh
# report sizes and report efficiency over a fixture worked out by hand
# (tests/fixtures/reports10.psv, all UTC, cluster c1):
#   301 ann  short 4 cores, 2 h of 4 h asked, 6 h CPU, 4G of 8G: 8 core-h
#   302 ann  short 5 cores, 30 min of 1 h, 1.25 h CPU, 1G of 10G: 2.5
#   303 bob  short 1 core, 30 s of 1 min, no CPU time, no memory: 1/120
#   304 bob  gpu   2 cores 1 GPU, 26 h of 48 h, 26 h CPU, 3G of 4G: 52
#   311 carol short 3 cores (November), 1 h of 2 h, 3 h CPU: 3 core-h
#   312 carol short 4 cores (November), 10 min of 20 min: 2/3 core-h
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest --tz UTC "$FIXTURES/reports10.psv"
r() { hx report "$@"; }

# Sizes in October: 4 and 5 processors fall on either side of the 3-4 /
# 5-8 boundary; 30 s, 30 min, 2 h and 26 h in four run time buckets.
# Every run asked twice its run time but 304 (26 of 48 h).
r sizes --month 2026-10 --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
dimension,bucket,jobs,core_hours,gpu_hours,time_ratio_mean,time_ratio_median
size,1,1,0.008333,0.000000,0.500000,0.500000
size,2,1,52.000000,26.000000,0.541667,0.541667
size,3-4,1,8.000000,0.000000,0.500000,0.500000
size,5-8,1,2.500000,0.000000,0.500000,0.500000
runtime,<1min,1,0.008333,0.000000,0.500000,0.500000
runtime,10-60min,1,2.500000,0.000000,0.500000,0.500000
runtime,1-4h,1,8.000000,0.000000,0.500000,0.500000
runtime,>24h,1,52.000000,26.000000,0.541667,0.541667
CSV
diff -u "$WORK/want" "$WORK/got" || fail "sizes, October"

# November: 3 and 4 processors share 3-4; a run of exactly 1 h is 1-4h,
# one of exactly 10 min is 10-60min (a bucket holds its lower end).
r sizes --month 2026-11 --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
dimension,bucket,jobs,core_hours,gpu_hours,time_ratio_mean,time_ratio_median
size,3-4,2,3.666667,0.000000,0.500000,0.500000
runtime,10-60min,1,0.666667,0.000000,0.500000,0.500000
runtime,1-4h,1,3.000000,0.000000,0.500000,0.500000
CSV
diff -u "$WORK/want" "$WORK/got" || fail "sizes, November"

# By GPUs: the three CPU-only runs are the bucket 0.
r sizes --month 2026-10 --unit gpus --format csv >"$WORK/got"
contains "$WORK/got" "size,0,3,10.508333,0.000000,0.500000,0.500000"
contains "$WORK/got" "size,1,1,52.000000,26.000000,0.541667,0.541667"

# Efficiency in October.  ann: CPU 7.25 of 10.5 core-h = 69.047619 %,
# 3.25 wasted; memory 5G of 18G = 27.777778 %; time 2.5 of 5 h = 50 %.
# bob: 303 records no CPU time or memory, so only 304 counts for them:
# CPU 26 of 52 = 50 %, 26 wasted, memory 3 of 4 = 75 %; time (30 s +
# 26 h) / (1 min + 48 h) = 93630 / 172860 = 54.165220 %.
r efficiency --month 2026-10 --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
user,jobs,core_hours,cpu_jobs,cpu_efficiency,wasted_core_hours,mem_jobs,mem_efficiency,time_jobs,time_efficiency
ann,2,10.500000,2,69.047619,3.250000,2,27.777778,2,50.000000
bob,2,52.008333,1,50.000000,26.000000,1,75.000000,2,54.165220
CSV
diff -u "$WORK/want" "$WORK/got" || fail "efficiency, October"

# Sorted by waste, least efficient first, with a floor on jobs.
r efficiency --month 2026-10 --sort wasted_core_hours --format csv |
    cut -d, -f1 | tr '\n' ' ' >"$WORK/got"
contains "$WORK/got" "user bob ann "
r efficiency --month 2026-10 --sort cpu_efficiency --format csv |
    cut -d, -f1 | tr '\n' ' ' >"$WORK/got"
contains "$WORK/got" "user bob ann "
r efficiency --by account --min-jobs 3 --format csv >"$WORK/got"
contains "$WORK/got" "b,4,"
! grep -q "^a," "$WORK/got" || fail "--min-jobs 3 kept account a (2 jobs)"

# Every format: golden files.
for f in table csv tsv json; do
	r sizes --from 2026-10-01 --to 2026-12-01 --period month \
	    --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/sizes-months.$f"
	r efficiency --by account --from 2026-10-01 --to 2026-12-01 \
	    --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/efficiency-account.$f"
done

# Bad options exit 2 and say what is wrong.
expect_status 2 hx report sizes --unit cores
contains "$WORK/err" "bad --unit 'cores' (procs, nodes, gpus)"
expect_status 2 hx report efficiency --sort speed
contains "$WORK/err" "bad --sort 'speed'"
expect_status 2 hx report efficiency --min-jobs 0
contains "$WORK/err" "bad --min-jobs '0'"
expect_status 2 hx report efficiency --by size
contains "$WORK/err" "bad --by 'size'"
expect_status 2 hx report usage --unit gpus
echo "report sizes and efficiency: hand-computed figures hold"
