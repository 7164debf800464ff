#!/bin/sh
# Every reader against what real files do wrong: truncated, binary, NUL
# bytes, CR-only line ends, a byte order mark, a huge field and values out
# of range.  For each: the exit status, the FILE:LINE message, and that
# every good record of the file is stored.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

/usr/bin/python3 - "$WORK" <<'PY'
import random, sys
work = sys.argv[1]
rnd = random.Random(7)
binary = bytes(b for b in (rnd.randrange(256) for _ in range(600))
               if b not in b"\n\r|{}\"")

def sacct(i, end="2026-10-01T01:00:00", name="job"):
    return (f"{i}|ann|chem|batch|2026-10-01T00:00:00|2026-10-01T00:00:00|"
            f"{end}|COMPLETED|2|{name}").encode()
SH = b"JobID|User|Account|Partition|Submit|Start|End|State|AllocCPUS|JobName"

def pbs(i, end=1790816400, name="job"):
    return (f"10/01/2026 01:00:00;E;{i}.pbs1;user=ann group=chem "
            f"jobname={name} queue=workq ctime=1790812800 qtime=1790812800 "
            f"etime=1790812800 start=1790812800 exec_host=c1/0*2 "
            f"Resource_List.ncpus=2 Resource_List.nodect=1 end={end} "
            f"Exit_status=0 resources_used.ncpus=2 run_count=1").encode()

def k8s(i, done="2026-11-02T01:00:00Z", note="x"):
    return ('{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j%d",'
            '"namespace":"chem","uid":"u-%d","creationTimestamp":'
            '"2026-11-02T00:00:00Z","annotations":{"note":"%s"}},"spec":'
            '{"template":{"spec":{"containers":[{"name":"c","resources":'
            '{"requests":{"cpu":"2"}}}]}}},"status":{"startTime":'
            '"2026-11-02T00:00:00Z","completionTime":"%s","conditions":'
            '[{"type":"Complete","status":"True","lastTransitionTime":'
            '"2026-11-02T01:00:00Z"}],"succeeded":1}}' % (i, i, note, done)
            ).encode()

huge = "h" * (1 << 20)
cases = {
  "slurm": {
    "truncated": [SH, sacct(1), sacct(2), sacct(3)[:40]],
    "binary":    [SH, sacct(1), binary, sacct(2)],
    "nul":       [SH, sacct(1), b"\0\0" + binary[:20], sacct(2).replace(b"job", b"j\0b")],
    "cr":        [SH, sacct(1), sacct(2)],
    "bom":       [b"\xef\xbb\xbf" + SH, sacct(1), sacct(2)],
    "huge":      [SH, sacct(1), sacct(2, name=huge)],
    "range":     [SH, sacct(1), sacct(2, end="9999-12-31T23:59:59")],
  },
  "pbs": {
    "truncated": [pbs(1), b"10/01/2026 01:0", pbs(2)],
    "binary":    [pbs(1), binary, pbs(2)],
    "nul":       [pbs(1), pbs(2).replace(b"job ", b"j\0b ")],
    "cr":        [pbs(1), pbs(2)],
    "bom":       [b"\xef\xbb\xbf" + pbs(1), pbs(2)],
    "huge":      [pbs(1), pbs(2, name=huge)],
    "range":     [pbs(1), pbs(2, end=253402300799)],
  },
  "k8s": {
    "truncated": [k8s(1), k8s(2), k8s(3)[:100]],
    "binary":    [k8s(1), binary, k8s(2)],
    "nul":       [k8s(1), k8s(2).replace(b'"x"', b'"x\0y"')],
    "cr":        [k8s(1), k8s(2)],
    "bom":       [b"\xef\xbb\xbf" + k8s(1), k8s(2)],
    "huge":      [k8s(1), k8s(2, note=huge)],
    "range":     [k8s(1), k8s(2, done="2150-01-01T00:00:00Z")],
  },
}
for reader, variants in cases.items():
    for name, lines in variants.items():
        eol = b"\r" if name == "cr" else b"\n"
        open(f"{work}/{reader}-{name}", "wb").write(eol.join(lines) + eol)
PY

# reader variant status message: the message is a FILE:LINE prefix (or
# "-" for none) and a part of the text.
while read -r reader variant status line text; do
	f=$WORK/$reader-$variant
	reset_db
	expect_status "$status" hx ingest --format "$reader" "$f"
	if [ "$line" != "-" ]; then
		contains "$WORK/err" "$f:$line: $text"
	elif [ -s "$WORK/err" ]; then
		fail "$reader $variant: unexpected messages: $(cat "$WORK/err")"
	fi
	got=$(hx report usage --by cluster --format csv |
	    awk -F, 'NR > 1 { n += $6 } END { print n + 0 }')
	[ "$got" -eq 2 ] || fail "$reader $variant: $got good records stored, not 2"
	core=$(hx report usage --by cluster --format csv | awk -F, 'NR == 2 { print $3 }')
	case $variant in
	range) [ "$core" = "2.000000" ] || [ "$core" = "4.000000" ] ||
		fail "$reader range: core-hours $core" ;;
	*) [ "$core" = "4.000000" ] || fail "$reader $variant: core-hours $core, not 2 x 2" ;;
	esac
done <<'CASES'
slurm truncated 1 4 6 fields, expected 10
slurm binary    1 3 unreadable JobID
slurm nul       1 3 unreadable JobID
slurm cr        0 - -
slurm bom       0 - -
slurm huge      0 - -
slurm range     0 3 End time '9999-12-31T23:59:59' out of range
pbs   truncated 1 2 not a PBS accounting record
pbs   binary    1 2 not a PBS accounting record
pbs   nul       0 2 1 NUL bytes, read as '?'
pbs   cr        0 - -
pbs   bom       0 - -
pbs   huge      0 - -
pbs   range     0 2 end '253402300799' out of range, stored as unknown
k8s   truncated 1 3 truncated JSON: the input ended inside this object
k8s   binary    1 2 text outside any JSON object
k8s   nul       0 2 1 NUL bytes, read as '?'
k8s   cr        0 - -
k8s   bom       0 - -
k8s   huge      0 - -
k8s   range     0 2 status.completionTime '2150-01-01T00:00:00Z' out of range, taken as unknown
CASES

# The huge fields were kept whole.
reset_db
expect_status 0 hx ingest --format slurm "$WORK/slurm-huge"
[ "$(dbq 'SELECT max(length(job_name)) FROM jobs')" -eq 1048576 ] ||
	fail "the 1 MB job name was not kept whole"
