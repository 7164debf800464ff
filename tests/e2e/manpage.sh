#!/bin/sh
# The man page is lint-clean and documents every command and option.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
backend_free

page=$top_srcdir/man/hpcacct.1
if [ -z "${MANDOC:-}" ]; then
	echo "SKIP: mandoc is not installed"
	exit 77
fi
for p in "$page" "$top_srcdir/man/hpcacct.conf.5"; do
	"$MANDOC" -T lint -W warning "$p" >"$WORK/lint" 2>&1 || true
	[ -s "$WORK/lint" ] && fail "mandoc lint: $(cat "$WORK/lint")"
done
for opt in --db --config --format --cluster --tz --columns --delimiter \
    --quiet --verbose --by --reread --replace --lock-timeout \
    --k8s-user-key --k8s-queue-key --from --to --month --year --last \
    --period --user --group --account --queue --qos --state --sort \
    --names --installation --output --run --help --version --unit \
    --min-jobs --wait-target --percentile --worst --window; do
	grep -q -- "Fl ${opt#--}" "$page" || grep -q -- "${opt#--}" "$page" ||
		fail "man page lacks $opt"
done
for sec in "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
	grep -q "^\.Sh $sec" "$page" || fail "man page lacks $sec"
done
for cmd in ingest "report usage" "report wait" "report top" \
    "report utilization" "report sizes" "report efficiency" "report slo" \
    "report signups" "users import" "users list" "export swf" "export prometheus" runs \
    forget; do
	grep -q "^\.Ss $cmd$" "$page" || fail "man page lacks a section for $cmd"
done
