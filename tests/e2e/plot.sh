#!/bin/sh
# plot over tests/fixtures/reports10.psv (see report-sizes-efficiency.sh):
# the gnuplot scripts of October's usage by queue and waits are golden;
# each chart drawn by Debian's gnuplot is a PNG of the size asked for and
# not blank (SVG and PDF are what they say); a missing or failing gnuplot
# is exit status 1 with its message and no file; bad options are 2.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

expect_status 0 hx ingest --tz UTC "$FIXTURES/reports10.psv"
printf '[cluster c1]\ncapacity = 2026-09-01 cores=100\n' >"$WORK/h.conf"
p() { "$HPCACCT" --db "$DB" --config "$WORK/h.conf" plot "$@"; }

# The scripts name their output as given: run from $WORK, name it bare.
cd "$WORK"
p usage --month 2026-10 --script usage.gp -o usage.png || fail "plot usage --script"
golden usage.gp plot-usage.gp
p wait --month 2026-10 --script - -o wait.svg >wait.gp || fail "plot wait --script -"
golden wait.gp plot-wait.gp
[ ! -e usage.png ] || fail "--script drew the chart too"

if ! command -v gnuplot >/dev/null 2>&1; then
	echo "SKIP: gnuplot is not installed (Debian: gnuplot-nox): charts not drawn"
	exit 77
fi
if ! /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
	echo "SKIP: python3-pil is not installed (./quickstart check installs it)"
	exit 77
fi
# Each chart as PNG: 1280x720 (or --size), and more than a few colours.
png() {
	/usr/bin/python3 - "$@" <<'PY' || fail "$1 is not a ${2}x${3} chart"
import sys
from PIL import Image
im = Image.open(sys.argv[1])
assert im.format == "PNG" and im.size == (int(sys.argv[2]), int(sys.argv[3])), im.size
colours = im.convert("RGB").getcolors(1 << 20)
assert colours is not None and len(colours) > 20, len(colours or [])
white = max(colours)[1]
assert white == (255, 255, 255), white
PY
}
for c in usage wait utilization signups sizes efficiency; do
	expect_status 0 p "$c" --month 2026-10 -o "$c.png"
	png "$c.png" 1280 720
done
expect_status 0 p usage --from 2026-09-01 --by user --period week --size 640x360 -o small.png
png small.png 640 360
expect_status 0 p signups -o signups.svg
grep -q '<svg' signups.svg || fail "signups.svg is no SVG"
grep -q 'width="1280"' signups.svg || fail "signups.svg is not 1280 wide"
expect_status 0 p sizes -o sizes.pdf
head -c 5 sizes.pdf | grep -q '%PDF-' || fail "sizes.pdf is no PDF"
# An empty window still draws, a frame that says so.
expect_status 0 p usage --month 2020-01 -o empty.png
png empty.png 1280 720

# gnuplot missing, or failing: 1, its message, no file, no temporary.
(HPCACCT_GNUPLOT=/nonexistent/gnuplot && export HPCACCT_GNUPLOT &&
    expect_status 1 p usage -o none.png) || exit 1
contains err "cannot run gnuplot"
(PATH=/nonexistent && expect_status 1 p usage -o none.png) || exit 1
contains err "gnuplot-nox"
printf '#!/bin/sh\ncat >/dev/null\necho "line 7: undefined variable: every" >&2\nexit 1\n' >bad-gnuplot
chmod +x bad-gnuplot
(HPCACCT_GNUPLOT=$WORK/bad-gnuplot && export HPCACCT_GNUPLOT &&
    expect_status 1 p usage -o none.png) || exit 1
contains err "line 7: undefined variable: every"
contains err "gnuplot failed (exit status 1)"
[ ! -e none.png ] || fail "a chart after a failure"
ls | grep -q '^none\.png\.' && fail "a temporary chart left behind"

# Usage errors: no -o, an unknown extension, no capacity, a bad size.
expect_status 2 p usage
contains err "-o FILE is required"
expect_status 2 p usage -o chart.gif
contains err "must end in .png, .svg or .pdf"
expect_status 2 p usage --size 10x10 -o x.png
expect_status 2 p usage -o "$(printf 'x\nsystem("touch pwned")\n.png')"
contains err "a control character"
[ ! -e pwned ] || fail "a name ran a gnuplot command"
expect_status 2 "$HPCACCT" --db "$DB" --config /dev/null plot utilization -o x.png
contains err "has no capacity"
expect_status 0 p --help
contains out "efficiency"
exit 0
