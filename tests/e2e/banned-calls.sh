#!/bin/sh
# House style: no strcpy, strcat, sprintf, vsprintf, strtok or gets.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
backend_free

cd "$top_srcdir"
if grep -nE '\b(strcpy|strcat|sprintf|vsprintf|strtok|gets)[[:space:]]*\(' \
    src/*.[ch] parsers/*.[ch] swf/*.[ch] reports/*.[ch] bench/*.c \
    tests/unit/*.c | grep -v snprintf; then
	fail "banned string calls above"
fi
