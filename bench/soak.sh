#!/bin/bash
# make soak: a long run with wrk at 64 connections mixing reads and writes
# (bench/soak.lua), sampling the server's resident memory every 10 seconds.
# Passes when no request failed and memory stayed flat; prints p99 latency.
# usage: bench/soak.sh path/to/sightline [seconds, default 600]
set -eu
SL=$(realpath "$1")
SECS=${2:-600}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d /tmp/sightline-soak.XXXXXX)
trap '[ -n "${SPID:-}" ] && kill "$SPID" 2>/dev/null; rm -rf "$W"' EXIT
DB=$W/s.db
"$SL" --db "$DB" init >/dev/null
"$SL" --db "$DB" import "$ROOT/examples/croydon-transitional-2017.csv" --authority Croydon >/dev/null
echo "soak-password-1" | "$SL" --db "$DB" user add soak --role board --password-stdin >/dev/null
PORT=$((20000 + RANDOM % 20000))
"$SL" --db "$DB" serve --listen 127.0.0.1:$PORT --threads 2 --static "$ROOT/build/static" 2>/dev/null &
SPID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/sign-in" && break; sleep 0.05; done
TOKEN=$(curl -s "http://127.0.0.1:$PORT/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
export SOAK_COOKIE=$(curl -s -D - -o /dev/null --data-urlencode "csrf=$TOKEN" --data-urlencode login=soak \
    --data-urlencode password=soak-password-1 "http://127.0.0.1:$PORT/sign-in" | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
export SOAK_ACTION=$(curl -s -H "Cookie: $SOAK_COOKIE" "http://127.0.0.1:$PORT/plans/1/actions" | sed -n 's/.*href="\/actions\/\([0-9]*\)".*/\1/p' | head -n 1)
export SOAK_CSRF=$(curl -s -H "Cookie: $SOAK_COOKIE" "http://127.0.0.1:$PORT/actions/$SOAK_ACTION" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
wrk -t2 -c64 -d"${SECS}s" --latency -s "$ROOT/bench/soak.lua" "http://127.0.0.1:$PORT" > "$W/wrk.txt" 2>&1 &
WPID=$!
samples=()
while kill -0 $WPID 2>/dev/null; do
    samples+=("$(ps -o rss= -p "$SPID" | tr -d ' ')")
    sleep 10
done
wait $WPID || true
cat "$W/wrk.txt"
first=${samples[1]:-${samples[0]}}
last=${samples[-1]}
max=$(printf '%s\n' "${samples[@]}" | sort -n | tail -n 1)
comments=$(sqlite3 "$DB" "SELECT count(*) FROM comments")
errors=$(grep -E "Non-2xx|Socket errors" "$W/wrk.txt" || true)
echo "RSS (KiB) sampled every 10 s: first ${first}, max ${max}, last ${last}; comments written: ${comments}"
p99=$(awk '$1 == "99%" {print $2}' "$W/wrk.txt")
echo "soak: ${SECS}s at 64 connections, p99 ${p99}, $( [ -z "$errors" ] && echo "no errors" || echo "ERRORS: $errors")"
[ -z "$errors" ] && [ "$last" -le $((first + first / 5 + 2048)) ]
