#!/bin/sh
# tests/slurm-lab/workload.sh: submit to the lab (SLURM_CONF set) jobs
# ending in every state a site sees, and wait until none is left: a
# COMPLETED two-task multi-step job with --mem, a FAILED multi-step job,
# a TIMEOUT, a job CANCELLED before it started (--begin in the future)
# and one CANCELLED while running, an array with tasks cancelled while
# pending (Slurm 22.05 keeps no record of those) and one cancelled whole
# before any task started (one record for the range), a requeued job,
# jobs in both partitions.  Prints the job ids, one "name id" per line.
#
#   workload.sh             run the workload
#   workload.sh wait IDS    only wait until slurmdbd holds the whole
#                           record of every incarnation of IDS (sacct -j)
set -eu
: "${SLURM_CONF:?SLURM_CONF must name the lab's slurm.conf}"

# slurmctld tells slurmdbd asynchronously, and when its end message
# overtakes the start message slurmdbd holds a half record for seconds
# (no partition, user id 0, name "allocation"): wait, up to 60 s, until
# every record of IDS has an end and a partition.
whole() {
	w=$(sacct -a -D -X -n -P -o End,Partition -j "$1" 2>/dev/null) &&
	    [ -n "$w" ] && ! printf '%s\n' "$w" | grep -q '^Unknown|\||$'
}
wait_whole() {
	n=120
	until whole "$1"; do
		n=$((n - 1))
		[ "$n" -gt 0 ] || { echo "workload: slurmdbd never recorded all of $1" >&2; return 1; }
		sleep 0.5
	done
}
if [ "${1:-}" = wait ]; then
	wait_whole "${2:?workload.sh wait IDS}"
	exit
fi

W=${WORKDIR:-/tmp}
as() { u=$1; shift; runuser -u "$u" -- "$@"; }
sub() { u=$1; shift; as "$u" sbatch --parsable -D "$W" -o /dev/null "$@"; }
state() { squeue -h -j "$1" -o %T 2>/dev/null | head -n 1; }
wait_state() {	# wait_state ID STATE SECONDS
	n=$(($3 * 2))
	while [ "$n" -gt 0 ]; do
		[ "$(state "$1")" = "$2" ] && return 0
		sleep 0.5
		n=$((n - 1))
	done
	echo "workload: job $1 never reached $2" >&2
	return 1
}

ok=$(sub labann -p batch -n 2 --mem=200M -J ok \
    --wrap 'srun -n 2 true; srun -n 1 sleep 2')
failed=$(sub labbob -p short -n 1 -J failed --wrap 'srun true; sleep 1; srun false')
timeout=$(sub labcho -p short -n 1 -t 1 -J timeout --wrap 'sleep 300')
pending=$(sub labann -p batch -n 1 --begin=now+1hour -J never --wrap true)
running=$(sub labbob -p batch -n 1 -J killed --wrap 'sleep 300')
array=$(sub labcho -p batch -n 1 --array=1-6%2 -J arr --wrap 'sleep 3')
requeue=$(sub labann -p batch -n 1 --requeue -J requeued --wrap 'sleep 8')
range=$(sub labbob -p short -n 1 --array=1-4 --begin=now+1hour -J range \
    --wrap true)

scancel "${array}_[4-6]"
scancel "$pending" "$range"
wait_state "$running" RUNNING 60
sleep 2
scancel "$running"
wait_state "$timeout" RUNNING 60
as labcho scontrol update JobId="$timeout" TimeLimit=0 2>/dev/null || :
wait_state "$requeue" RUNNING 60
sleep 2
scontrol requeue "$requeue"

n=360
while [ "$n" -gt 0 ] && [ -n "$(squeue -h -o %i)" ]; do
	sleep 0.5
	n=$((n - 1))
done
[ -z "$(squeue -h -o %i)" ] || { echo "workload: jobs left: $(squeue -h)" >&2; exit 1; }
wait_whole "$ok,$failed,$timeout,$pending,$running,$array,$requeue,$range"
printf 'ok %s\nfailed %s\ntimeout %s\npending %s\nrunning %s\narray %s\nrequeue %s\nrange %s\n' \
    "$ok" "$failed" "$timeout" "$pending" "$running" "$array" "$requeue" \
    "$range"
