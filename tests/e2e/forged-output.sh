#!/bin/sh
# Names come from logs anyone can write to: a newline in a user name must
# not forge a table row (or a TOTAL), escape sequences must not reach the
# terminal, invalid UTF-8 must not break the JSON, and no name may inject a
# job line into the SWF header (names appear there only with --names).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

esc=$(printf '\033')
{
	echo "JobID|User|Account|Partition|Submit|Start|End|State|AllocCPUS"
	printf '1|mallory\nTOTAL 999 99999.00|evil|q1|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|1\n'
	printf '2|%s[2J%s]0;pwned\a|evil|q1\n0 0 0 3600 1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|1\n' "$esc" "$esc"
	printf '3|caf\351|evil|q2|2026-10-01T00:00:00|2026-10-01T00:00:00|2026-10-01T01:00:00|COMPLETED|1\n'
} >"$WORK/forged.psv"
expect_status 0 hx ingest "$WORK/forged.psv"
contains "$WORK/out" "read 3, new 3"

hx report usage --by user >"$WORK/table"
[ "$(grep -c '^TOTAL' "$WORK/table")" -eq 1 ] || fail "a forged TOTAL row: $(cat "$WORK/table")"
[ "$(wc -l <"$WORK/table")" -eq 5 ] || fail "rows were forged: $(cat "$WORK/table")"
contains "$WORK/table" 'mallory\nTOTAL 999 99999.00'
contains "$WORK/table" '\x1b[2J\x1b]0;pwned\x07'
contains "$WORK/table" 'caf\xe9'
if grep -q "$esc" "$WORK/table"; then fail "an escape reached the terminal"; fi

hx report usage --by user --format json >"$WORK/json"
/usr/bin/python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$WORK/json" ||
	fail "invalid JSON: $(cat "$WORK/json")"
contains "$WORK/json" 'caf\ufffd'

hx report usage --by user --format csv >"$WORK/csv"
/usr/bin/python3 -c 'import csv, sys; rows = list(csv.reader(open(sys.argv[1], encoding="latin-1", newline=""))); sys.exit(len(rows) != 4)' "$WORK/csv" ||
	fail "CSV rows: $(cat "$WORK/csv")"

# SWF: no name in the header by default, and never a line that does not
# start with ';' before the jobs.
hx export swf --installation t -o "$WORK/a.swf"
if grep -q 'q1\|q2\|pwned' "$WORK/a.swf"; then fail "names in an anonymised SWF"; fi
contains "$WORK/a.swf" "; Queue: 1"
[ "$(grep -vc '^;' "$WORK/a.swf")" -eq 3 ] || fail "SWF job lines: $(cat "$WORK/a.swf")"
hx export swf --installation t --names -o "$WORK/n.swf"
contains "$WORK/n.swf" "; Queue: 1 q1"
contains "$WORK/n.swf" "; Partition: 1 default"

# A cluster that is not there: say so, list the clusters, write nothing.
expect_status 1 hx export swf --cluster TYPO -o "$WORK/typo.swf"
contains "$WORK/err" "no jobs of cluster 'TYPO' in the window (the database has: default)"
[ ! -e "$WORK/typo.swf" ] || fail "an empty SWF was written"
[ -z "$(ls "$WORK" | grep 'typo.swf.')" ] || fail "a temporary file was left"
expect_status 1 hx export swf --from 2030-01-01
contains "$WORK/err" "no jobs submitted in the window"

# The workbook: the names as text cells, XML-safe (control characters
# and bytes that are not UTF-8 as U+FFFD), which a reader opens.
expect_status 0 hx export xlsx --month 2026-10 -o "$WORK/forged.xlsx"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	/usr/bin/python3 - "$WORK/forged.xlsx" <<'PY' || fail "the workbook of forged names does not open"
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Users"]
names = sorted(ws.cell(r, 1).value for r in range(4, 7))
assert names == ["caf\ufffd", "mallory\nTOTAL 999 99999.00",
                 "\ufffd[2J\ufffd]0;pwned\ufffd"], names
PY
fi
# A chart's script: the names in the data, never a line of their own.
hx plot usage --by user --month 2026-10 --script "$WORK/forged.gp" -o x.png
contains "$WORK/forged.gp" "mallory?TOTAL 999 99999.00"
contains "$WORK/forged.gp" "caf?"
if grep -q "$esc" "$WORK/forged.gp"; then fail "an escape in the gnuplot script"; fi
