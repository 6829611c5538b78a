#!/bin/sh
# pg-throwaway.sh — a throwaway PostgreSQL cluster for the tests, from the
# Debian packages (postgresql): no TCP port, a unix socket in a temporary
# directory, removed again by `stop`.
#   scripts/pg-throwaway.sh start      prints the cluster's base URL (database "postgres")
#   scripts/pg-throwaway.sh stop URL   stops the cluster named by that URL and removes it
# Run as root, the cluster belongs to the postgres user (initdb refuses
# root); otherwise to the caller. The superuser connects without a password
# over the socket; the role "sl_password" needs its password "right-one", so
# that the tests can try a wrong one.
set -eu
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "pg-throwaway: PostgreSQL is not installed (run 'make deps' as root)" >&2
    exit 1
fi
# as_owner CMD...: runs CMD as the cluster's owner.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
start)
    dir=$(mktemp -d /tmp/sightline-pg.XXXXXX)
    chmod 755 "$dir"
    mkdir "$dir/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    owner=$( [ "$(id -u)" = 0 ] && echo postgres || id -un )
    as_owner "$bindir/initdb" -D "$dir/data" --no-locale -E UTF8 -U "$owner" -A trust >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    {
        echo "local all sl_password scram-sha-256"
        echo "local all all trust"
    } >"$dir/data/pg_hba.conf"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses='' -k $dir/sock -c fsync=off -c max_connections=200" start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    "$bindir/psql" -q -h "$dir/sock" -U "$owner" -d postgres \
        -c "CREATE ROLE sl_password LOGIN SUPERUSER PASSWORD 'right-one'" >/dev/null
    echo "postgresql://$owner@/postgres?host=$dir/sock"
    ;;
stop)
    url=${2:?usage: pg-throwaway.sh stop URL}
    sock=${url##*host=}
    sock=${sock%%&*}
    dir=${sock%/sock}
    case "$dir" in /tmp/sightline-pg.*) ;; *) echo "pg-throwaway: $url is not a throwaway cluster" >&2; exit 1 ;; esac
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg-throwaway.sh start | stop URL" >&2
    exit 2
    ;;
esac
