#!/bin/sh
# The man page is lint-clean and documents every command and option.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

page=$top_srcdir/man/hpcacct.1
if [ -z "${MANDOC:-}" ]; then
	echo "SKIP: mandoc is not installed"
	exit 77
fi
"$MANDOC" -T lint -W warning "$page" >"$WORK/lint" 2>&1 || true
[ -s "$WORK/lint" ] && fail "mandoc lint: $(cat "$WORK/lint")"
for opt in --db --format --cluster --tz --columns --quiet --verbose --by \
    --reread --k8s-user-key --k8s-queue-key \
    --from --to --installation --output --help --version; do
	grep -q -- "Fl ${opt#--}" "$page" || grep -q -- "${opt#--}" "$page" ||
		fail "man page lacks $opt"
done
for sec in "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
	grep -q "^\.Sh $sec" "$page" || fail "man page lacks $sec"
done
