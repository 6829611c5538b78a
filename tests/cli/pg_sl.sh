#!/bin/bash
# pg_sl.sh — stands in for the sightline binary when the command-line tests
# run on PostgreSQL (lib.sh puts it in $SL when SL_PG_URL is set): every
# database the tests name as a file (--db PATH, --db=PATH, SIGHTLINE_DB)
# becomes a database of its own in the cluster of SL_PG_URL, created on
# first mention (with an empty file at PATH standing for it) and recorded
# in SL_PG_MARKS for lib.sh to drop at the end.
# The program itself, SL_REAL, runs unchanged.
set -u
# url_for PATH: prints the PostgreSQL URL standing for PATH (a URL stays as it is).
url_for() {
    case $1 in postgresql://* | postgres://*) echo "$1"; return ;; esac
    local abs name
    abs=$(realpath -m -- "$1")
    name=sl_$(printf %s "$abs" | md5sum | cut -c1-24)
    # The file stands for the database: a test that removes it to start
    # afresh gets a new, empty database.
    if [ -e "$SL_PG_MARKS/$name" ] && [ ! -e "$abs" ]; then
        psql -qX "$SL_PG_URL" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1
        rm -f "$SL_PG_MARKS/$name"
    fi
    if [ ! -e "$SL_PG_MARKS/$name" ]; then
        psql -qX "$SL_PG_URL" -c "CREATE DATABASE $name" >/dev/null 2>&1
        echo "$abs" >"$SL_PG_MARKS/$name"
        [ -d "$(dirname "$abs")" ] && : >"$abs"
    fi
    echo "$SL_PG_URL" | sed "s|/postgres?|/$name?|"
}
# pg_sl.sh --url-for PATH: prints the URL that stands for PATH (lib.sh's db_sql).
if [ "${1:-}" = --url-for ]; then
    url_for "$2"
    exit 0
fi
args=()
while [ $# -gt 0 ]; do
    case $1 in
    --db) [ $# -ge 2 ] && { args+=(--db "$(url_for "$2")"); shift 2; continue; } ;;
    --db=*) args+=("--db=$(url_for "${1#--db=}")"); shift; continue ;;
    esac
    args+=("$1")
    shift
done
[ -n "${SIGHTLINE_DB:-}" ] && SIGHTLINE_DB=$(url_for "$SIGHTLINE_DB") && export SIGHTLINE_DB
exec "$SL_REAL" "${args[@]}"
