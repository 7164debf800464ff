#!/bin/sh
# export xlsx over the demo's logs (three clusters, September to
# November 2026), read back with openpyxl (Debian's python3-openpyxl):
# every sheet's numbers equal those of the report it comes from in CSV,
# the summary's equal the reports' and, for the wait, a nearest-rank
# percentile computed here from the database; totals are formulas,
# headers frozen, charts present; without capacities and SLO targets
# those parts are left out with a warning; the same data gives the same
# bytes.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	echo "SKIP: python3-openpyxl is not installed (./quickstart check installs it)"
	exit 77
fi
cd "$top_srcdir"
expect_status 0 hx ingest --tz UTC $(cat examples/demo-inputs)
expect_status 0 hx users import examples/users.csv
conf=examples/hpcacct.conf
x() { "$HPCACCT" --db "$DB" --config "$conf" "$@"; }
csv() { out=$1; shift; x report "$@" --format csv >"$WORK/$out.csv"; }

expect_status 0 x export xlsx --month 2026-10 -o "$WORK/m.xlsx"
[ ! -s "$WORK/err" ] || fail "warnings with a full configuration: $(cat "$WORK/err")"
m="--month 2026-10"
csv users usage --by user $m
csv groups usage --by group $m
csv accounts usage --by account $m
csv queues usage --by queue $m
csv top top --by user -n 10 $m
csv wait wait --by queue $m
csv sizes sizes $m
csv efficiency efficiency --by user $m
csv clusters usage --by cluster $m
csv clusters-prev usage --by cluster --month 2026-09
csv util utilization $m
csv slo slo $m || [ $? -eq 3 ]	# short misses its target
csv signups signups --from 2025-11-01 --to 2026-11-01
csv daily usage --by queue --period day $m

# The month's waits, for the summary's median and p95 below.
dbq "SELECT wait_time FROM jobs WHERE start_time >= 1790812800
    AND start_time < 1793491200 AND wait_time IS NOT NULL" >"$WORK/waits"
/usr/bin/python3 - "$WORK" <<'PY' || fail "the workbook does not match the reports"
import csv, datetime, math, sys
import openpyxl

work = sys.argv[1]
wb = openpyxl.load_workbook(work + "/m.xlsx")
bad = []

def check(cond, what):
    if not cond:
        bad.append(what)

def rows(name):
    with open(f"{work}/{name}.csv", newline="") as f:
        return list(csv.reader(f))

def number(cell):
    v = cell.value
    if isinstance(v, datetime.timedelta):
        return v.total_seconds()
    if cell.number_format == "0.0%":
        return v * 100
    return v

def same(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-5)

want = ["Summary", "Users", "Groups", "Accounts", "Queues", "Top users",
        "Wait times", "Job sizes", "Efficiency", "Signups", "Daily",
        "Utilization", "Service levels"]
check(wb.sheetnames == want, f"sheets {wb.sheetnames}")

# A sheet made from a report: row 3 the headers, then the report's rows
# in its order and columns, then (totals) a row of SUBTOTAL formulas.
def table(sheet, name, heads, totals):
    ws = wb[sheet]
    data = rows(name)
    check(ws.freeze_panes == "A4", f"{sheet}: frozen at {ws.freeze_panes}")
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A3:"),
          f"{sheet}: autofilter {ws.auto_filter.ref}")
    got = [c.value for c in ws[3]][:len(heads)]
    check(got == heads, f"{sheet}: headers {got}, not {heads}")
    check(ws.cell(3, 1).font.b, f"{sheet}: header not bold")
    for i, rec in enumerate(data[1:]):
        for j, field in enumerate(rec):
            cell = ws.cell(4 + i, 1 + j)
            if field == "":
                check(cell.value in (None, "(unknown)"),
                      f"{sheet}!{cell.coordinate}: {cell.value!r} for empty")
            elif cell.data_type == "s":
                check(cell.value == field,
                      f"{sheet}!{cell.coordinate}: {cell.value!r} != {field!r}")
            else:
                check(same(number(cell), float(field)),
                      f"{sheet}!{cell.coordinate}: {number(cell)} != {field}")
    last = ws.cell(4 + len(data) - 1, 1).value
    if totals:
        check(last == "Total", f"{sheet}: last row {last!r}")
        f = ws.cell(4 + len(data) - 1, 2).value
        check(isinstance(f, str) and f.startswith("=SUBTOTAL(109,B4:"),
              f"{sheet}: totals {f!r}")
    return ws, data

usage = ["Jobs", "Core hours", "Node hours", "GPU hours", "Runs",
         "Wall hours", "CPU efficiency"]
table("Users", "users", ["User"] + usage, True)
table("Groups", "groups", ["Group"] + usage, True)
table("Accounts", "accounts", ["Account"] + usage, True)
ws, _ = table("Queues", "queues", ["Queue"] + usage, True)
check(len(ws._charts) == 1, "Queues: no chart")
table("Top users", "top", ["User", "Jobs", "Core hours", "GPU hours", "Share"], True)
ws, _ = table("Wait times", "wait", ["Queue", "Runs", "Wait mean", "Wait median"], False)
check(len(ws._charts) == 1, "Wait times: no chart")
check(ws["D4"].number_format == "[h]:mm:ss", f"wait format {ws['D4'].number_format}")
table("Job sizes", "sizes", ["Dimension", "Bucket", "Jobs"], False)
table("Efficiency", "efficiency", ["User", "Jobs", "Core hours", "CPU jobs",
      "CPU efficiency"], True)
table("Utilization", "util", ["Cluster", "Core hours"], True)
table("Service levels", "slo", ["Queue", "Target", "Percentile"], False)
check(wb["Users"]["C4"].number_format == "#,##0.0", "hours format")
check(wb["Users"]["H4"].number_format == "0.0%", "share format")

# Signups: new users per month and source, side by side, and a line.
ws = wb["Signups"]
per = {}
for rec in rows("signups")[1:]:
    per[rec[0]] = per.get(rec[0], 0) + int(rec[2])
heads = [c.value for c in ws[3]]
check(heads[0] == "Period" and heads[-1] == "New users", f"signups heads {heads}")
got = {ws.cell(r, 1).value: ws.cell(r, len(heads)).value
       for r in range(4, 4 + len(per))}
check(got == per, f"signups {got} != {per}")
check(len(ws._charts) == 1, "Signups: no chart")

# Daily: core-hours per day and queue, a column per queue.
ws = wb["Daily"]
heads = [c.value for c in ws[3]]
cell = {}
for rec in rows("daily")[1:]:
    cell[(rec[0], rec[1])] = float(rec[3])
for r in range(4, ws.max_row):
    day = ws.cell(r, 1).value
    for j, q in enumerate(heads[1:-1]):
        check(same(ws.cell(r, 2 + j).value, cell.get((day, q), 0.0)),
              f"Daily {day} {q}")
check(ws.cell(ws.max_row, 1).value == "Total", "Daily: no totals row")
check(len(ws._charts) == 1, "Daily: no chart")

# Summary: the month, the one before, a year earlier (no data: empty).
ws = wb["Summary"]
check(ws.freeze_panes == "B5", f"Summary frozen at {ws.freeze_panes}")
check([c.value for c in ws[4]] == [None, "2026-10", "2026-09", "Change",
      "2025-10", "Change"], f"summary heads {[c.value for c in ws[4]]}")
line = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
def total(name, col):
    return sum(float(r[col]) for r in rows(name)[1:])
for label, col in (("Jobs", 1), ("Core-hours", 2), ("GPU-hours", 4)):
    r = line[label]
    check(same(ws.cell(r, 2).value, total("clusters", col)), f"summary {label}")
    check(same(ws.cell(r, 3).value, total("clusters-prev", col)), f"summary {label} before")
    check(ws.cell(r, 4).value == f"=B{r}/C{r}-1", f"summary {label} change {ws.cell(r, 4).value!r}")
    check(ws.cell(r, 5).value is None, f"summary {label} a year before")
check(ws.cell(line["Active users"], 2).value == len(rows("users")) - 1, "active users")
check(ws.cell(line["Service levels met"], 2).value == "1 of 2", "slo line")
util = rows("util")[1:]
u = sum(float(r[1]) for r in util) / sum(float(r[2]) for r in util)
check(same(ws.cell(line["Utilisation (cores)"], 2).value, u), "utilisation")

# The month's median and p95 wait over every cluster: nearest rank over
# the runs that started in October.
waits = sorted(int(w) for w in open(work + "/waits").read().split())
def rank(p):
    return waits[max(1, math.ceil(p / 100 * len(waits))) - 1]
check(ws.cell(line["Median wait"], 2).value.total_seconds() == rank(50), "median wait")
check(ws.cell(line["95th percentile wait"], 2).value.total_seconds() == rank(95), "p95 wait")

p = wb.properties
check(p.title == "HPC accounting 2026-10, all clusters", f"title {p.title!r}")
check(p.created == datetime.datetime(2026, 11, 1), f"created {p.created}")
check("hpcacct" in (p.description or ""), f"comments {p.description!r}")

for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# The same data, the same bytes.
expect_status 0 x export xlsx --month 2026-10 -o "$WORK/again.xlsx"
cmp "$WORK/m.xlsx" "$WORK/again.xlsx" || fail "a second workbook differs"

# One cluster: its wait median is report wait's.
expect_status 0 x export xlsx --month 2026-10 --cluster pbs1 -o "$WORK/pbs1.xlsx"
x report wait --by cluster --cluster pbs1 $m --format csv >"$WORK/w.csv"
/usr/bin/python3 - "$WORK" <<'PY' || fail "the one-cluster summary is wrong"
import csv, sys
import openpyxl
work = sys.argv[1]
ws = openpyxl.load_workbook(work + "/pbs1.xlsx")["Summary"]
line = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
rec = list(csv.reader(open(work + "/w.csv")))[1]
assert ws.cell(line["Clusters"], 2).value == "pbs1", ws.cell(line["Clusters"], 2).value
assert ws.cell(line["Median wait"], 2).value.total_seconds() == float(rec[3])
assert "New users are counted over all clusters." in [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
PY

# No capacities, no SLO targets: left out, with warnings, still 0.
conf=/dev/null
expect_status 0 x export xlsx --month 2026-10 -o "$WORK/bare.xlsx"
contains "$WORK/err" "utilisation left out"
contains "$WORK/err" "service levels left out"
/usr/bin/python3 - "$WORK/bare.xlsx" <<'PY' || fail "left-out parts are still there"
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert "Utilization" not in wb.sheetnames and "Service levels" not in wb.sheetnames, wb.sheetnames
labels = [c.value for c in wb["Summary"]["A"]]
assert "Utilisation (cores)" not in labels and "Service levels met" not in labels, labels
PY

# Usage errors and an unwritable place.
expect_status 2 x export xlsx -o "$WORK/x.xlsx"
contains "$WORK/err" "--month is required"
expect_status 2 x export xlsx --month 2026-10
contains "$WORK/err" "-o FILE.xlsx is required"
expect_status 2 x export xlsx --month 2026-13 -o "$WORK/x.xlsx"
expect_status 1 x export xlsx --month 2026-10 -o "$WORK/no/such/dir/x.xlsx"
[ ! -e "$WORK/x.xlsx" ] || fail "a workbook after a usage error"
ls "$WORK" | grep -q '\.xlsx\.' && fail "a temporary workbook left behind"
exit 0
