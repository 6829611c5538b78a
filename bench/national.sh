#!/bin/sh
# make bench-national: the national dataset (issue 16) on both backends — a
# SQLite file, and PostgreSQL in a throwaway cluster (scripts/pg-throwaway.sh)
# — generated, queried and served; prints one table (bench/national_table.py).
# usage: bench/national.sh path/to/sightline
# Environment: NATIONAL_AUTHORITIES (default 153), NATIONAL_YEARS (5),
# NATIONAL_SEED (1), NATIONAL_WEB_SECONDS (10), NATIONAL_BACKENDS
# ("sqlite postgresql"), NATIONAL_OUT (also write the table to this file).
set -eu
SL=$(realpath "${1:-build/sightline}")
cd "$(dirname "$0")/.."
make -s build/bench/measure build/static/app.css
command -v wrk >/dev/null || { echo "bench-national: wrk is not installed (make deps)" >&2; exit 1; }
W=$(mktemp -d /tmp/sightline-national.XXXXXX)
chmod 755 "$W"
PG=
cleanup() { [ -n "$PG" ] && scripts/pg-throwaway.sh stop "$PG"; rm -rf "$W"; }
trap cleanup EXIT INT TERM
echo "bench-national: ${NATIONAL_AUTHORITIES:-153} councils x ${NATIONAL_YEARS:-5} years (this takes a while)" >&2
for backend in ${NATIONAL_BACKENDS:-sqlite postgresql}; do
    case $backend in
    sqlite) db=$W/national.db ;;
    postgresql)
        PG=$(scripts/pg-throwaway.sh start)
        psql -qX "$PG" -c "CREATE DATABASE national" >/dev/null
        db=$(echo "$PG" | sed 's|/postgres?|/national?|') ;;
    *) echo "bench-national: unknown backend $backend" >&2; exit 2 ;;
    esac
    echo "bench-national: $backend" >&2
    python3 bench/national.py "$SL" build/bench/measure "$db" "$W/$backend.json"
    [ "$backend" = sqlite ] && rm -f "$W/national.db" "$W/national.db-wal" "$W/national.db-shm"
    if [ "$backend" = postgresql ]; then scripts/pg-throwaway.sh stop "$PG"; PG=; fi
done
python3 bench/national_table.py "$W"/*.json | tee ${NATIONAL_OUT:+"$NATIONAL_OUT"}
