#!/bin/sh
# make bench: builds the data, times each case and prints the table.
# usage: bench/run.sh path/to/sightline
set -eu
SL=$(realpath "${1:-build/sightline}")
cd "$(dirname "$0")/.."
make -s build/bench/seed_updates build/bench/measure build/static/app.css
python3 bench/bench.py "$SL" build/bench/seed_updates build/bench/measure
echo
bench/web.sh "$SL" "${WEB_BENCH_SECONDS:-10}"
echo
# The same web cases on PostgreSQL, in a throwaway cluster (PG=no skips them).
if [ "${PG:-yes}" != no ]; then
    PGURL=$(scripts/pg-throwaway.sh start)
    trap 'scripts/pg-throwaway.sh stop "$PGURL"' EXIT
    psql -qX "$PGURL" -c "CREATE DATABASE webbench" >/dev/null
    WEB_RSS=no bench/web.sh "$SL" "${WEB_BENCH_SECONDS:-10}" "$(echo "$PGURL" | sed 's|/postgres?|/webbench?|')"
    scripts/pg-throwaway.sh stop "$PGURL"
    trap - EXIT
fi
echo
# The page latencies under a slowloris attack and a sign-in flood (issue 14 D4, D5).
python3 tests/reliability/test_overload.py --bench "$SL" 2>/dev/null | grep -v ' passed, '
