#!/bin/sh
# The architecture, enforced: the pipeline is readers -> job record ->
# store -> reports -> renderers, and no module reaches back up it.  Each
# rule: files matching FROM may not depend, directly or through other
# headers of the project, on a file matching TO.
RULES='
parsers/*         src/store*.h   readers hand jobs to a sink; they know no store
parsers/*         src/ingest.h   readers know nothing of the ingest around them
parsers/*         src/cmd.h      readers know no command
parsers/*         reports/*      readers know no report
parsers/*         swf/export.h   readers know no export
src/store*        parsers/*      the store keeps neutral types, never a reader
src/store*        reports/*      the store answers reports, it does not make them
swf/swf.*         src/store*.h   the SWF model knows the job record only
src/job.*         src/store*.h   the job record depends on nothing above it
src/job.*         parsers/*      the job record depends on nothing above it
reports/*         parsers/*      reports read the store, never logs
reports/render.*  src/store*.h   renderers know rows and values, not the store
reports/rows.*    src/store*.h   the row model knows no store
reports/xlsx.*    src/store*.h   renderers know rows and values, not the store
reports/plot.*    src/store*.h   renderers know rows and values, not the store
'
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"

# The include edges of the tree at $1, one "from to" per line, resolved
# as the build does (the file's own folder, then src/, then the top).
edges() (
	cd "$1"
	find src parsers swf reports -name '*.[ch]' | sort | while read -r f; do
		sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
			for cand in "$(dirname "$f")/$inc" "src/$inc" "$inc"; do
				if [ -f "$cand" ]; then
					echo "$f $(echo "$cand" | sed 's|^\./||')"
					break
				fi
			done
		done
	done
)

# Check the tree at $1 against RULES; print each violation with the chain
# of includes that makes it, and fail if there is one.
check() {
	edges "$1" | awk -v rules="$RULES" '
	function glob(g) { gsub(/\./, "\\.", g); gsub(/\*/, "[^/]*", g); return "^" g "$" }
	{ n[$1]++; adj[$1, n[$1]] = $2; node[$1] = 1; node[$2] = 1 }
	END {
		nr = split(rules, line, "\n")
		for (i = 1; i <= nr; i++) {
			if (split(line[i], w, " ") < 3) continue
			from[++r] = glob(w[1]); to[r] = glob(w[2])
			why[r] = line[i]; sub(/^[^ ]+ +[^ ]+ +/, "", why[r])
		}
		bad = 0
		for (f in node) {
			delete seen; delete via; top = 0
			stack[++top] = f; seen[f] = 1
			while (top > 0) {
				x = stack[top--]
				for (k = 1; k <= n[x]; k++) {
					y = adj[x, k]
					if (!(y in seen)) { seen[y] = 1; via[y] = x; stack[++top] = y }
				}
			}
			for (y in seen) {
				if (y == f) continue
				for (q = 1; q <= r; q++)
					if (f ~ from[q] && y ~ to[q]) {
						chain = y
						for (z = y; z != f; z = via[z]) chain = via[z] " -> " chain
						printf "%s: forbidden dependency on %s (%s): %s\n", f, y, chain, why[q]
						bad = 1
					}
			}
		}
		exit bad
	}'
}

if ! check "$top_srcdir" >"${TMPDIR:-/tmp}/layering.$$" 2>&1; then
	cat "${TMPDIR:-/tmp}/layering.$$"
	rm -f "${TMPDIR:-/tmp}/layering.$$"
	echo "FAIL: the tree breaks the layering rules above"
	exit 1
fi
rm -f "${TMPDIR:-/tmp}/layering.$$"
echo "layering: $(edges "$top_srcdir" | wc -l) includes follow the rules"

# Only the store's SQLite files talk SQLite (store.c, and the rollups in
# store-rollup.c and the aggregates in store-agg.c, with the headers only
# store.c includes; a PostgreSQL backend will be more store files beside
# them).
sqlite=$(cd "$top_srcdir" && grep -l '^#include <sqlite3.h>' $(find src parsers swf reports -name '*.[ch]') | grep -v '^src/store[^/]*\.c$\|^src/store-[a-z]*\.h$' || true)
[ -z "$sqlite" ] || { echo "FAIL: sqlite3.h outside the store: $sqlite"; exit 1; }
libpq=$(cd "$top_srcdir" && grep -l '^#include <libpq-fe.h>' $(find src parsers swf reports -name '*.[ch]') | grep -v '^src/store-pg[a-z-]*\.[ch]$' || true)
[ -z "$libpq" ] || { echo "FAIL: libpq-fe.h outside src/store-pg*: $libpq"; exit 1; }

# Self-check: the same checker must catch a forbidden include planted two
# headers away (a reader's field grammar including the store), and name
# the chain.
plant=$(mktemp -d "${TMPDIR:-/tmp}/layering.XXXXXX")
trap 'rm -rf "$plant"' EXIT
(cd "$top_srcdir" && tar -cf - src parsers swf reports sql/sql.h) | tar -xf - -C "$plant"
sed -i 's|^#include <stdint.h>$|#include <stdint.h>\n\n#include "store.h"|' "$plant/parsers/pbs-fields.h"
if check "$plant" >"$plant/out" 2>&1; then
	echo "FAIL: a planted forbidden include went unnoticed"
	exit 1
fi
grep -q '^parsers/pbs.c: forbidden dependency on src/store.h (parsers/pbs.c -> parsers/pbs-fields.h -> src/store.h): readers hand jobs to a sink; they know no store$' "$plant/out" || {
	echo "FAIL: the planted include was not reported with its chain:"
	cat "$plant/out"
	exit 1
}
echo "layering: self-check caught the planted include: $(grep -c . "$plant/out") violations named"
