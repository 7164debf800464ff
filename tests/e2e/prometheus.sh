#!/bin/sh
# export prometheus over tests/fixtures/reports10.psv (see
# report-sizes-efficiency.sh), the window being October 2026 (31 days up
# to 1 November, set through SOURCE_DATE_EPOCH): per cluster and queue
# the runs ended, core-seconds, waits as a summary; short's SLO (1 h
# p95) met, gpu's (30 m p50) missed; c1's utilization against 100 cores.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest --tz UTC "$FIXTURES/reports10.psv"
cat >"$WORK/h.conf" <<'CONF'
[cluster c1]
capacity = 2026-09-01 cores=100

[slo]
short = 1h p95
gpu = 30m p50
CONF
export SOURCE_DATE_EPOCH=1793491200	# 2026-11-01T00:00:00Z
m() { "$HPCACCT" --db "$DB" --config "$WORK/h.conf" export prometheus "$@"; }
expect_status 0 m --window 31d -o "$WORK/m.prom"
[ ! -s "$WORK/err" ] || fail "warnings with a full configuration: $(cat "$WORK/err")"
f=$WORK/m.prom

# short: 301, 302, 303 ended in October (8 + 2.5 + 1/120 core-h =
# 37830 core-s), waited 1800, 600, 0 s; gpu: 304 (52 core-h, 26 GPU-h),
# waited 7200 s.  November's 311 and 312 are outside the window, but
# short still has its sample.
contains "$f" 'hpcacct_window_seconds 2678400'
contains "$f" 'hpcacct_jobs_ended{cluster="c1",queue="short"} 3'
contains "$f" 'hpcacct_jobs_ended{cluster="c1",queue="gpu"} 1'
contains "$f" 'hpcacct_core_seconds{cluster="c1",queue="short"} 37830.000'
contains "$f" 'hpcacct_core_seconds{cluster="c1",queue="gpu"} 187200.000'
contains "$f" 'hpcacct_gpu_seconds{cluster="c1",queue="gpu"} 93600.000'
contains "$f" 'hpcacct_wait_seconds{cluster="c1",queue="short",quantile="0.5"} 600'
contains "$f" 'hpcacct_wait_seconds{cluster="c1",queue="short",quantile="0.95"} 1800'
contains "$f" 'hpcacct_wait_seconds_sum{cluster="c1",queue="short"} 2400'
contains "$f" 'hpcacct_wait_seconds_count{cluster="c1",queue="short"} 3'
contains "$f" 'hpcacct_slo_attainment_ratio{cluster="c1",queue="short"} 1.000000'
contains "$f" 'hpcacct_slo_met{cluster="c1",queue="short"} 1'
contains "$f" 'hpcacct_slo_attainment_ratio{cluster="c1",queue="gpu"} 0.000000'
contains "$f" 'hpcacct_slo_met{cluster="c1",queue="gpu"} 0'
# (37830 + 187200) core-s over 100 cores x 31 days
contains "$f" 'hpcacct_utilization_ratio{cluster="c1"} 0.000840'
grep -q '^# TYPE hpcacct_wait_seconds summary$' "$f" || fail "no summary TYPE"

# An idle window: every queue still has its sample, 0 (quantiles NaN).
SOURCE_DATE_EPOCH=1798761600 m --window 1d >"$WORK/idle.prom"
contains "$WORK/idle.prom" 'hpcacct_jobs_ended{cluster="c1",queue="short"} 0'
contains "$WORK/idle.prom" 'hpcacct_core_seconds{cluster="c1",queue="gpu"} 0.000'
contains "$WORK/idle.prom" 'hpcacct_wait_seconds{cluster="c1",queue="gpu",quantile="0.5"} NaN'
contains "$WORK/idle.prom" 'hpcacct_slo_met{cluster="c1",queue="short"} 1'

# The format itself: promtool where Debian's prometheus provides it, and
# in any case every sample has its HELP and TYPE.
if command -v promtool >/dev/null 2>&1; then
	promtool check metrics <"$f" || fail "promtool rejects the metrics"
else
	echo "promtool not installed (Debian: prometheus): format checked here only"
fi
awk '/^# TYPE / { t[$3] = 1; next } /^#/ { next }
{ n = $1; sub(/\{.*/, "", n); b = n; sub(/_(sum|count)$/, "", b)
  if (!(n in t) && !(b in t)) { print "no TYPE for " n; bad = 1 }
  if ($2 !~ /^(NaN|-?[0-9.]+)$/) { print "bad value: " $0; bad = 1 } }
END { exit bad }' "$f" || fail "malformed exposition format"

# Without capacity or targets: those metrics are left out, with warnings.
expect_status 0 "$HPCACCT" --db "$DB" --config /dev/null export prometheus
contains "$WORK/err" "no cluster capacity configured"
contains "$WORK/err" "no [slo] targets configured"
! grep -q "hpcacct_slo_met\|hpcacct_utilization_ratio" "$WORK/out" ||
	fail "SLO or utilization metrics without a configuration"
expect_status 2 m --window soon
contains "$WORK/err" "bad --window 'soon'"
echo "export prometheus: figures and format hold"
