#!/bin/sh
# Replay every seed and every saved crash input of each reader's fuzz
# target through the whole ingest path: none may crash (under ASan and
# UBSan with --enable-sanitizers, where a memory error is a crash).
set -eu
: "${top_srcdir:?run through make check}"
: "${top_builddir:?run through make check}"
readers="slurm slurm-json pbs k8s registry"
# the live Slurm reader's target needs libslurm
[ -x "$top_builddir/tests/fuzz/regress-slurmdbd" ] && readers="$readers slurmdbd"
for reader in $readers; do
	set --
	for f in "$top_srcdir"/tests/fuzz/corpus/$reader/* \
	    "$top_srcdir"/tests/fuzz/regressions/$reader/*; do
		[ -f "$f" ] && set -- "$@" "$f"	# a reader may have no crash yet
	done
	printf '%s: ' "$reader"
	"$top_builddir/tests/fuzz/regress-$reader" "$@" ||
		{ echo "FAIL: an input of $reader crashed"; exit 1; }
done
