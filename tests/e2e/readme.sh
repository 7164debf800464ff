#!/bin/sh
# README's examples are true: every command shown after a '$ ' in a code
# block is run (hpcacct being the built binary, from a folder that has the
# tree's examples/ and tests/, over the demo database where the command
# names demo-out/demo.db, else over a database of its own block), and its
# output must be what README shows under it.  A last line '...' means
# README shows only the first lines.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
backend_free

mkdir -p "$WORK/run/demo-out" "$WORK/bin"
ln -s "$HPCACCT" "$WORK/bin/hpcacct"
ln -s "$top_srcdir/examples" "$WORK/run/examples"
ln -s "$top_srcdir/tests" "$WORK/run/tests"
cd "$WORK/run"
# the demo database, as ./quickstart demo makes it
# shellcheck disable=SC2046
"$HPCACCT" --db demo-out/demo.db ingest -q --tz UTC $(cat examples/demo-inputs)

# Cut README into "B block", "C command", "O output" lines.
awk '
/^ *```/ { inblock = !inblock; if (inblock) block++; cmd = 0; next }
inblock {
	sub(/^  /, "")
	if ($0 ~ /^\$ /) { print "C " block " " substr($0, 3); cmd = 1 }
	else if (cmd) print "O " block " " $0
}' "$top_srcdir/README.md" >"$WORK/examples"
[ -s "$WORK/examples" ] || fail "no examples found in README.md"

# Run one example ($1: block, $2: command) with its expected output in
# $WORK/want.
run_example() {
	HPCACCT_DB=$WORK/block-$1.db PATH=$WORK/bin:$PATH sh -c "$2" \
	    >"$WORK/got" 2>&1 || true
	if [ "$(tail -n 1 "$WORK/want")" = "..." ]; then
		sed '$d' "$WORK/want" >"$WORK/want.head"
		mv "$WORK/want.head" "$WORK/want"
		head -n "$(wc -l <"$WORK/want")" "$WORK/got" >"$WORK/got.head"
		mv "$WORK/got.head" "$WORK/got"
	fi
	if ! diff -u "$WORK/want" "$WORK/got" >"$WORK/diff"; then
		cat "$WORK/diff" >&2
		fail "README's '$2' does not print what README shows"
	fi
	n=$((n + 1))
}

n=0
block=
cmd=
: >"$WORK/want"
while IFS= read -r line; do
	kind=${line%% *}
	rest=${line#* }
	b=${rest%% *}
	text=${rest#* }
	[ "$rest" = "$b" ] && text=
	if [ "$kind" = C ]; then
		[ -z "$cmd" ] || run_example "$block" "$cmd"
		block=$b
		cmd=$text
		: >"$WORK/want"
	else
		printf '%s\n' "$text" >>"$WORK/want"
	fi
done <"$WORK/examples"
[ -z "$cmd" ] || run_example "$block" "$cmd"
echo "README: $n examples print what README shows"
