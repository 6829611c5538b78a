#!/bin/sh
# pg-throwaway.sh — a throwaway PostgreSQL cluster for the tests, from the
# Debian packages (postgresql): no TCP port, a unix socket in a temporary
# directory, removed again by `stop`.
#   scripts/pg-throwaway.sh start      prints the cluster's base URL (database "postgres")
#   scripts/pg-throwaway.sh stop URL   stops the cluster named by that URL and removes it
#   scripts/pg-throwaway.sh pause URL  stops its server, keeping the data (a fault test)
#   scripts/pg-throwaway.sh resume URL starts it again
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
# cluster_dir URL: prints the folder of the throwaway cluster URL names, or fails.
cluster_dir() {
    local sock=${1##*host=}
    sock=${sock%%&*}
    local dir=${sock%/sock}
    case "$dir" in /tmp/sightline-pg.*) echo "$dir" ;; *) echo "pg-throwaway: $1 is not a throwaway cluster" >&2; return 1 ;; esac
}
# server_start DIR: starts the cluster's server on its socket only.
server_start() {
    as_owner "$bindir/pg_ctl" -D "$1/data" -l "$1/server.log" -w \
        -o "-c listen_addresses='' -k $1/sock -c fsync=off -c max_connections=200" start >/dev/null ||
        { cat "$1/server.log" >&2; exit 1; }
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
    server_start "$dir"
    "$bindir/psql" -q -h "$dir/sock" -U "$owner" -d postgres \
        -c "CREATE ROLE sl_password LOGIN SUPERUSER PASSWORD 'right-one'" >/dev/null
    echo "postgresql://$owner@/postgres?host=$dir/sock"
    ;;
pause)
    dir=$(cluster_dir "${2:?usage: pg-throwaway.sh pause URL}")
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
resume)
    dir=$(cluster_dir "${2:?usage: pg-throwaway.sh resume URL}")
    server_start "$dir"
    ;;
stop)
    dir=$(cluster_dir "${2:?usage: pg-throwaway.sh stop URL}")
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg-throwaway.sh start | stop URL | pause URL | resume URL" >&2
    exit 2
    ;;
esac
