#!/bin/sh
# A private PostgreSQL server for the tests, on a Unix socket in its own
# directory, never on the network:
#   pg.sh start DIR    initdb DIR/data (as the postgres user when run as
#                      root), start it listening on DIR only, create the
#                      database hpcacct; prints the connection URI
#   pg.sh stop DIR     stop it by its pid file (DIR/data/postmaster.pid)
#   pg.sh bin          where initdb and pg_ctl are (exit 77 if nowhere)
set -e

pg_bin() {
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d" && return 0
	done
	command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" &&
	    return 0
	return 77
}

# Run "$@" as the server's owner: postgres when we are root.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case $1 in
bin)
	pg_bin
	;;
start)
	dir=$2
	bin=$(pg_bin) || { echo "pg.sh: no initdb/pg_ctl (install the" \
	    "postgresql package)" >&2; exit 77; }
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U postgres --no-locale \
	    -E UTF8 --auth=trust >"$dir/initdb.log" 2>&1 ||
	    { cat "$dir/initdb.log" >&2; exit 1; }
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	    -o "-c listen_addresses= -c unix_socket_directories=$dir \
	    -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
	    -c wal_init_zero=off -c max_wal_size=4GB" \
	    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	as_owner "$bin/createdb" -h "$dir" -U postgres -T template0 \
	    -E SQL_ASCII hpcacct
	echo "postgresql:///hpcacct?host=$dir&user=postgres"
	;;
stop)
	dir=$2
	[ -f "$dir/data/postmaster.pid" ] || exit 0
	pid=$(head -n 1 "$dir/data/postmaster.pid")
	bin=$(pg_bin) || true
	if [ -n "$bin" ]; then
		as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop \
		    >/dev/null 2>&1 || kill -9 "$pid" 2>/dev/null || true
	else
		kill -9 "$pid" 2>/dev/null || true
	fi
	;;
*)
	echo "usage: pg.sh start|stop DIR | bin" >&2
	exit 2
	;;
esac
