#!/bin/sh
# Live Slurm, proven on a real one: start the private cluster of lab.sh,
# run workload.sh, then (1) ingest --from-slurmdbd finds every incarnation
# with the right user, account, partition, state, exit code, processors
# and times; (2) the same cluster dumped with sacct -P and sacct --json,
# each ingested into its own database, gives the same jobs as the live
# read, and the same jobs, runs, core-, node- and GPU-hours for every
# --by key; (3) users import --from-slurmdbd lists the three users with
# their creation times and accounts, and a second import changes nothing;
# (4) a second --since last run adds nothing, and after one more job it
# adds exactly one.  Skipped (with the reason) where the lab cannot start:
# not root, no libslurm in this build, packages that cannot be installed.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

lab=$top_srcdir/tests/slurm-lab
skip() { echo "SKIP: slurm-lab: $*"; exit 77; }

[ "$(id -u)" -eq 0 ] || skip "needs root to start the Slurm daemons"
set +e
"$HPCACCT" --db "$DB" ingest --from-slurmdbd --since 2026-01-01 \
    >/dev/null 2>"$WORK/err"
got=$?
set -e
[ "$got" -eq 2 ] && grep -q 'without libslurm' "$WORK/err" &&
	skip "this hpcacct was built without libslurm"
sh "$lab/lab.sh" install || skip "the Slurm packages cannot be installed"

L=$(mktemp -d /tmp/hpcacct-lab.XXXXXX)
trap 'set +e; sh "$lab/lab.sh" stop "$L"; rm -rf "$L" "$WORK"' EXIT
begin=$(($(date +%s) - 5))
sh "$lab/lab.sh" start "$L" || {
	tail -n 5 "$L"/log/*.log >&2 || :
	fail "the lab did not start"
}
SLURM_CONF=$L/etc/slurm.conf
export SLURM_CONF
# libslurm keeps what slurm_init() allocates until exit
LSAN_OPTIONS=suppressions=$lab/lsan.supp
export LSAN_OPTIONS
WORKDIR=$L sh "$lab/workload.sh" >"$WORK/ids" || fail "the workload did not finish"
id() { awk -v n="$1" '$1 == n { print $2 }' "$WORK/ids"; }
since=@$begin

# (1) live
expect_status 0 hx ingest --from-slurmdbd --since "$since"
contains "$WORK/out" "slurmdbd:lab: read"
q() { sqlite3 -separator ' ' "$DB" "$1"; }
row() {	# row JOBID: the fields checked, one line per incarnation
	q "SELECT state, COALESCE(exit_code, '-'), user_name, account, queue,
	    COALESCE(alloc_procs, '-'), run_time > 0,
	    submit_time >= $begin AND submit_time <= end_time
	  FROM jobs WHERE cluster = 'lab' AND job_id = '$1'
	 ORDER BY submit_time, run_number"
}
want() {	# want JOBID LINE...
	j=$1
	shift
	printf '%s\n' "$@" >"$WORK/want"
	row "$j" >"$WORK/got"
	cmp -s "$WORK/want" "$WORK/got" ||
		fail "job $j: got $(cat "$WORK/got"), want $(cat "$WORK/want")"
}
want "$(id ok)" "COMPLETED 0 labann phys batch 2 1 1"
want "$(id failed)" "FAILED 1 labbob phys short 1 1 1"
want "$(id timeout)" "TIMEOUT 0 labcho chem short 1 1 1"
want "$(id pending)" "CANCELLED 0 labann phys batch - 0 1"
want "$(id running)" "CANCELLED 0 labbob phys batch 1 1 1"
for t in 1 2 3; do
	want "$(id array)_$t" "COMPLETED 0 labcho chem batch 1 1 1"
done
[ "$(q "SELECT COUNT(*) FROM jobs WHERE job_id LIKE '$(id array)_%'")" -eq 3 ] ||
	fail "the array's cancelled pending tasks left records"
for t in 1 2 3 4; do
	want "$(id range)_$t" "CANCELLED 0 labbob phys short - 0 1"
done
want "$(id requeue)" "REQUEUED 0 labann phys batch 1 1 1" \
    "COMPLETED 0 labann phys batch 1 1 1"
[ "$(q "SELECT raw_state FROM jobs WHERE job_id = '$(id running)'")" = \
    "CANCELLED by 0" ] || fail "raw state of the cancelled job"
[ "$(q "SELECT nodes, gpus, req_mem_kb FROM jobs WHERE job_id = '$(id ok)'")" = \
    "1 0 204800" ] || fail "nodes, GPUs, memory of job $(id ok)"
[ "$(q "SELECT cpu_time > 0 FROM jobs WHERE job_id = '$(id ok)'")" = 1 ] ||
	fail "the steps' CPU time of job $(id ok)"
echo "slurm-lab: (1) $(q 'SELECT COUNT(*) FROM jobs') incarnations read live, each as expected"

# (2) the same cluster through sacct -P and sacct --json
cols=JobID,JobIDRaw,Cluster,User,UID,Group,Account,Partition,QOS,Submit,Eligible,Start,End,Elapsed,State,ExitCode,AllocCPUS,ReqCPUS,ReqMem,MaxRSS,TotalCPU,Timelimit,NNodes,AllocTRES,ReqTRES,NTasks,JobName
states=PD,R,S,CA,CD,DL,F,NF,OOM,PR,RQ,RS,RV,TO,BF
TZ=UTC sacct -a -D -s "$states" -S "$(date -u -d "$since" +%Y-%m-%dT%H:%M:%S)" \
    -E now -P --format "$cols" >"$WORK/lab.psv"
TZ=UTC sacct -a -D -s "$states" -S "$(date -u -d "$since" +%Y-%m-%dT%H:%M:%S)" \
    -E now --json >"$WORK/lab.json"
# LAB_DUMPS=DIR keeps the two dumps (to refresh the fixtures of
# tests/fixtures/sacct-json/lab-*)
[ -z "${LAB_DUMPS:-}" ] || cp "$WORK/lab.psv" "$WORK/lab.json" "$LAB_DUMPS/"
for f in psv json; do
	"$HPCACCT" --db "$WORK/$f.db" ingest --tz UTC "$WORK/lab.$f" \
	    >"$WORK/$f.out" 2>&1 || fail "sacct $f: $(cat "$WORK/$f.out")"
done
keys="SELECT cluster, job_id, submit_time FROM jobs ORDER BY 1, 2, 3"
for d in "$DB" "$WORK/psv.db" "$WORK/json.db"; do
	sqlite3 "$d" "$keys"
	echo
done >"$WORK/keys"
awk 'BEGIN { RS = "" } { k[NR] = $0 } END { exit !(k[1] == k[2] && k[2] == k[3]) }' \
    "$WORK/keys" || fail "live, text and JSON give other jobs: $(cat "$WORK/keys")"
for by in user group account queue cluster qos; do
	for d in "$DB" "$WORK/psv.db" "$WORK/json.db"; do
		"$HPCACCT" --db "$d" report usage --by "$by" --format csv |
		    cut -d, -f1-7 >"$d.$by.csv"
	done
	cmp -s "$DB.$by.csv" "$WORK/psv.db.$by.csv" &&
	    cmp -s "$DB.$by.csv" "$WORK/json.db.$by.csv" ||
		fail "usage by $by differs: $(paste -d'#' "$DB.$by.csv" \
		    "$WORK/psv.db.$by.csv" "$WORK/json.db.$by.csv")"
done
echo "slurm-lab: (2) live, sacct -P and sacct --json agree on $(wc -l <"$DB.user.csv") user rows and every key"

# (3) the users, with their creation times
expect_status 0 hx users import --from-slurmdbd
contains "$WORK/out" "slurmdbd: stored 3 users"
hx users list --format csv --tz UTC >"$WORK/users1"
expect_status 0 hx users import --from-slurmdbd
hx users list --format csv --tz UTC >"$WORK/users2"
cmp -s "$WORK/users1" "$WORK/users2" || fail "a second import changed the users"
for u in labann:phys labbob:phys labcho:chem; do
	line=$(grep "^${u%%:*}," "$WORK/users1") || fail "no user ${u%%:*}"
	created=$(echo "$line" | cut -d, -f2)
	[ "$(echo "$line" | cut -d, -f3)" = slurmdbd ] || fail "source: $line"
	[ "$(echo "$line" | cut -d, -f7)" = "${u#*:}" ] || fail "account: $line"
	t=$(date -u -d "$created" +%s)
	[ "$t" -ge "$begin" ] && [ "$t" -le "$(date +%s)" ] ||
		fail "created $created is not when the lab added ${u%%:*}"
done
echo "slurm-lab: (3) the three users, with the time slurmdbd added each"

# (4) --since last: nothing again, then exactly the one new job
expect_status 0 hx ingest --from-slurmdbd --since last
contains "$WORK/out" "new 0, updated 0"
one=$(runuser -u labcho -- sbatch --parsable -D "$L" -o /dev/null -p short \
    -J one --wrap 'sleep 1')
n=120
while [ "$n" -gt 0 ] && [ -n "$(squeue -h -j "$one" -o %i 2>/dev/null)" ]; do
	sleep 0.5
	n=$((n - 1))
done
sh "$lab/workload.sh" wait "$one" || fail "job $one"
expect_status 0 hx ingest --from-slurmdbd --since last
contains "$WORK/out" "new 1, updated 0"
want "$one" "COMPLETED 0 labcho chem short 1 1 1"
echo "slurm-lab: (4) --since last added nothing, then the one new job"

# a backfill of an old window does not send --since last back to it
mark=$(q 'SELECT seen_until FROM live_cursors')
expect_status 0 hx ingest --from-slurmdbd --since @$((begin - 86400)) \
    --until @$((begin - 3600))
[ "$(q 'SELECT seen_until FROM live_cursors')" = "$mark" ] ||
	fail "a backfill moved the --since last mark back"

# slurmdbd gone: libslurm's reason, exit status 1, nothing stored
before=$(q 'SELECT COUNT(*) FROM ingest_runs')
kill "$(cat "$L/run/slurmdbd.pid")"
sleep 1
expect_status 1 hx ingest --from-slurmdbd --since last
contains "$WORK/err" "Connection refused"
[ "$(q 'SELECT COUNT(*) FROM ingest_runs')" -eq "$before" ] ||
	fail "a failed read left an ingest run"
echo "slurm-lab: slurmdbd down is an error with libslurm's reason"
