#!/bin/sh
# The user registry and report signups.  Jobs: tests/fixtures/reports10.psv
# (ann runs in October, bob from 3 October, carol in November).  The CSV
# registry has ann (15 Sep), carol (1 Nov 08:00 UTC) and zed (20 Nov,
# never ran), and three bad lines; bob is in no registry, so his signup is
# his first job's submit time, marked first-job.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

R=$FIXTURES/registry
expect_status 0 hx ingest --tz UTC "$FIXTURES/reports10.psv"
expect_status 1 hx users import "$R/users.csv"
contains "$WORK/out" "$R/users.csv: stored 3 users, rejected 3"
contains "$WORK/err" "$R/users.csv:4: bad created date 'not-a-date'"
contains "$WORK/err" "$R/users.csv:5: empty user"
contains "$WORK/err" "$R/users.csv:8: 3 fields, the header has 5"

# (zed's quoted name holds the file's CRLF line break: compared without CR)
hx users list --format csv | tr -d '\r' >"$WORK/got"
cat >"$WORK/want" <<'CSV'
user,created,source,group,organization,name,account
ann,2026-09-15T00:00:00,registry,users,Uni A,Ann Archer,a
bob,2026-10-03T00:00:00,first-job,staff,,,b
carol,2026-11-01T08:00:00,registry,staff,Lab C,"Carol, C.",b
zed,2026-11-20T00:00:00,registry,users,Uni A,"Zed
Zimmer",
CSV
diff -u "$WORK/want" "$WORK/got" || fail "users list"
TZ=Europe/Berlin hx users list --format csv >"$WORK/got"
contains "$WORK/got" "carol,2026-11-01T09:00:00,registry"

# By month: new users in their month, cumulative at its end, active
# with a run in it.  September: ann signed up (not active); October: bob
# (estimate) and ann ran; November: carol and zed signed up, carol ran.
s() { hx report signups --from 2026-09-01 --to 2026-12-01 "$@"; }
s --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
period,source,new_users,cumulative_users,active_users
2026-09-01,registry,1,1,0
2026-10-01,registry,0,1,1
2026-10-01,first-job,1,1,1
2026-11-01,registry,2,3,1
2026-11-01,first-job,0,1,0
CSV
diff -u "$WORK/want" "$WORK/got" || fail "signups by month"
s --by organization --period year --format csv >"$WORK/got"
cat >"$WORK/want" <<'CSV'
period,organization,source,new_users,cumulative_users,active_users
2026-01-01,Lab C,registry,1,1,1
2026-01-01,Uni A,registry,2,2,1
2026-01-01,,first-job,1,1,1
CSV
diff -u "$WORK/want" "$WORK/got" || fail "signups by organization"
s --by group --format csv >"$WORK/got"
contains "$WORK/got" "2026-10-01,staff,first-job,1,1,1"
contains "$WORK/got" "2026-11-01,users,registry,1,2,0"
for f in table csv tsv json; do
	s --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/signups-months.$f"
	hx users list --format "$f" >"$WORK/o"
	golden "$WORK/o" "reports/users.$f"
done

# LDIF, by content: base64 and folded lines, a unit without uid (not a
# user), a bad timestamp; a user read again is replaced (carol's name).
expect_status 1 hx users import -q "$R/users.ldif"
contains "$WORK/out" "$R/users.ldif: stored 3 users, rejected 1"
contains "$WORK/err" "$R/users.ldif:21: bad createTimestamp '2026-10-01'"
hx users list --format csv >"$WORK/got"
contains "$WORK/got" "carol,2026-11-01T08:00:00,registry,staff,Lab C,Carol Céleste"
contains "$WORK/got" "zed,2026-11-20T00:00:00,registry,,,"
! grep -q "^dave," "$WORK/got" || fail "dave's bad entry was stored"

# A new job before bob's first moves his estimate; forgetting it moves
# it back.
cat >"$WORK/early.psv" <<'PSV'
JobID|Cluster|User|Group|Account|Partition|Submit|Start|End|Elapsed|State|AllocCPUS|NNodes
299|c1|bob|staff|b|short|2026-09-20T00:00:00|2026-09-20T00:00:00|2026-09-20T01:00:00|01:00:00|COMPLETED|1|1
PSV
expect_status 0 hx ingest --tz UTC "$WORK/early.psv"
hx users list --format csv >"$WORK/got"
contains "$WORK/got" "bob,2026-09-20T00:00:00,first-job"
expect_status 0 hx forget "$WORK/early.psv"
hx users list --format csv >"$WORK/got"
contains "$WORK/got" "bob,2026-10-03T00:00:00,first-job"

# Bad input: not a registry, no file, no file given, bad --by, periods.
printf 'name,since\nx,2026-01-01\n' >"$WORK/nohead.csv"
expect_status 1 hx users import "$WORK/nohead.csv"
contains "$WORK/err" "needs a header row naming the columns user and created"
expect_status 1 hx users import "$WORK/missing.csv"
expect_status 2 hx users import
expect_status 2 hx report signups --by user
contains "$WORK/err" "bad --by 'user' (group, account or organization)"
expect_status 2 hx report signups --period day
contains "$WORK/err" "--period is month or year"
expect_status 2 hx report signups --user ann
echo "users and signups: registry, estimates and counts hold"
