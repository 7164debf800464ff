#!/bin/sh
# Usage per namespace and per queue of tests/fixtures/k8s/jobs-pods.json,
# computed by hand (fractional CPUs and GPUs included).  With pods, usage
# is each pod's requests over its own run; without, requests x
# parallelism x the Job's run.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# ml-team:  train-resnet 4 cores, 1 GPU; its pod ran 10:00-12:00 on one
#           node: 8 core-h, 2 node-h, 2 GPU-h (queue gpu-queue, Kueue label)
#           deadline 250m, no pods, 600 s until DeadlineExceeded:
#           0.25 x 1 x 600 / 3600 = 0.041667 core-h (queue: the namespace)
# data:     etl-nightly-... (CronJob etl-nightly) 500m + 250m = 0.75 cores,
#           pods gone, parallelism 1, 20 min: 0.25 core-h
# physics:  sim-sweep 1.5 cores, 4 indexed pods of 30 min on 2 nodes:
#           1.5 x 4 x 0.5 = 3 core-h, 2 nodes x 1 h = 2 node-h (Volcano
#           queue batch-q)
#           failed-job 2 cores (limits), 2 pods of 10 min on one node:
#           2 x 2 x 1/6 = 0.666667 core-h, 1 node x 20 min = 0.333333
# Not counted: running-job (active), suspended-job, the jupyter pod.
# Every Job ran once: jobs and runs agree.
cat >"$WORK/group.csv" <<'CSV'
group,jobs,core_hours,node_hours,gpu_hours,runs
data,1,0.250000,0.000000,0.000000,1
ml-team,2,8.041667,2.000000,2.000000,2
physics,2,3.666667,2.333333,0.000000,2
CSV
cat >"$WORK/queue.csv" <<'CSV'
queue,jobs,core_hours,node_hours,gpu_hours,runs
batch-q,1,3.000000,2.000000,0.000000,1
data,1,0.250000,0.000000,0.000000,1
gpu-queue,1,8.000000,2.000000,2.000000,1
ml-team,1,0.041667,0.000000,0.000000,1
physics,1,0.666667,0.333333,0.000000,1
CSV
cat >"$WORK/user.csv" <<'CSV'
user,jobs,core_hours,node_hours,gpu_hours,runs
bob,1,0.250000,0.000000,0.000000,1
judy,1,8.000000,2.000000,2.000000,1
ml-team,1,0.041667,0.000000,0.000000,1
physics,2,3.666667,2.333333,0.000000,2
CSV

expect_status 0 hx ingest "$FIXTURES/k8s/jobs-pods.json"
for by in group queue user; do
	hx report usage --by "$by" --format csv | cut -d, -f1-6 >"$WORK/got.csv"
	diff -u "$WORK/$by.csv" "$WORK/got.csv" || fail "usage by $by"
done

# Another user key: the pod template's "team" label is nowhere, so every
# user falls back to the namespace; the cluster name is taken as given.
reset_db
expect_status 0 hx ingest --k8s-user-key example.org/team --cluster cloud1 \
    "$FIXTURES/k8s/jobs-pods.json"
hx report usage --by user --format csv >"$WORK/got.csv"
contains "$WORK/got.csv" "ml-team,2,8.041667"
hx report usage --by cluster --format csv >"$WORK/got.csv"
contains "$WORK/got.csv" "cloud1,5,"
