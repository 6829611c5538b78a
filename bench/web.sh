#!/bin/bash
# The web figures of `make bench`: a 300-action plan served by sightline,
# measured with wrk on loopback at 32 connections — the dashboard (cached),
# the action list, and the action page, which the cache cannot serve, cycling
# over the 300 actions with a progress update posted every tenth request
# (bench/action_cycle.lua), and the same reads alone — beside nginx serving
# the same bytes as static files in the same run; and, on SQLite, sightline's memory over a 60-second run.
# usage: bench/web.sh path/to/sightline [seconds per case, default 10] [postgresql://URL]
#   With a URL (an empty database), the same cases run on PostgreSQL.
set -eu
SL=$(realpath "$1")
SECS=${2:-10}
PGDB=${3:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d /tmp/sightline-webbench.XXXXXX)
cleanup() { [ -n "${SPID:-}" ] && kill "$SPID" 2>/dev/null; [ -n "${NPID:-}" ] && kill "$NPID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "web bench: wrk is not installed (make deps)"; exit 1; }

python3 - "$W/plan.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("plan,theme_ref,theme,ref,title,description,start,due,sro,leads,resources,measure,impact,status,rag,progress,recommendations\n")
    statuses = ["In progress", "On track", "Not started", "Complete", "At risk"]
    for i in range(300):
        t = i // 30 + 1
        due = ["31/08/27", "Oct 26", "31 Jan 27", "4 Sept 26 phase 1 30 Nov 26 phase 2"][i % 4]
        f.write(f"Bench plan,{t},Theme {t},{t}.{i % 30 + 1},Action {i} to improve practice for children,,Jul 26,{due},AB,AB;CD,£{i % 90 + 10}k,Measure {i},Impact {i},{statuses[i % 5]},,Progress {i},{i % 13 + 1}\n")
PY
DB=${PGDB:-$W/w.db}
BACKEND=$([ -n "$PGDB" ] && echo PostgreSQL || echo SQLite)
"$SL" --db "$DB" init >/dev/null
"$SL" --db "$DB" import "$W/plan.csv" >/dev/null
echo "bench-password-1" | "$SL" --db "$DB" user add bench --role viewer --password-stdin >/dev/null
echo "bench-password-2" | "$SL" --db "$DB" user add writer --role programme --password-stdin >/dev/null
PORT=$((20000 + RANDOM % 20000))
"$SL" --db "$DB" serve --listen 127.0.0.1:$PORT --threads 2 --static "$ROOT/build/static" 2>"${WEB_SERVE_LOG:-$W/serve.log}" &
SPID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/sign-in" && break; sleep 0.05; done
# sign_in LOGIN PASSWORD: prints the session cookie.
sign_in() {
    local token
    token=$(curl -s "http://127.0.0.1:$PORT/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
    curl -s -D - -o /dev/null --data-urlencode "csrf=$token" --data-urlencode "login=$1" \
        --data-urlencode "password=$2" "http://127.0.0.1:$PORT/sign-in" | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p'
}
COOKIE=$(sign_in bench bench-password-1)
DASH="http://127.0.0.1:$PORT/plans/1"
LIST="http://127.0.0.1:$PORT/plans/1/actions"
curl -s -H "Cookie: $COOKIE" "$DASH" > "$W/dashboard.html"
[ "$(wc -c < "$W/dashboard.html")" -gt 10000 ] || { echo "web bench: could not fetch the dashboard: $(cat "$W/serve.log")"; exit 1; }
# The writer (programme role) reads the action pages, update form and all, and posts the updates.
export CYCLE_COOKIE CYCLE_FIRST CYCLE_CSRF
CYCLE_COOKIE=$(sign_in writer bench-password-2)
CYCLE_FIRST=$(curl -s -H "Cookie: $CYCLE_COOKIE" "$LIST" | grep -o 'href="/actions/[0-9]*"' | tr -dc '0-9\n' | sort -n | head -n 1)
curl -s -H "Cookie: $CYCLE_COOKIE" "http://127.0.0.1:$PORT/actions/$((CYCLE_FIRST + 150))" > "$W/action.html"
CYCLE_CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$W/action.html" | head -n 1)
[ -n "$CYCLE_CSRF" ] || { echo "web bench: the action page has no update form: $(head -c 300 "$W/action.html")"; exit 1; }

# nginx serving the same bytes as static files, on another port.
NPORT=$((PORT + 1))
mkdir -p "$W/nginx/www"
cp "$W/dashboard.html" "$W/action.html" "$W/nginx/www/"
cat > "$W/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $W/nginx/nginx.pid;
error_log $W/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NPORT; root $W/nginx/www; }
}
NGINX
nginx -c "$W/nginx/nginx.conf" -p "$W/nginx" -g 'daemon off;' &
NPID=$!
sleep 0.5

# measure URL [COOKIE] [SCRIPT]: prints "rps p99ms [ERRORS]".
measure() {
    local out
    out=$(wrk -t2 -c32 -d"${SECS}s" --latency ${2:+-H "Cookie: $2"} ${3:+-s "$3"} "$1" 2>/dev/null)
    local rps p99 errors
    rps=$(awk '/Requests\/sec/ {print int($2)}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v/=1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v*=1000}; printf "%.2f", v}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    echo "$rps $p99 ${errors:+ERRORS}"
}
read -r D_RPS D_P99 D_ERR <<<"$(measure "$DASH" "$COOKIE")"
read -r L_RPS L_P99 L_ERR <<<"$(measure "$LIST" "$COOKIE")"
# The same dashboard as it stood 30 days ago (issue 13: within 20 % of today's).
PAST=$(date -u -d '30 days ago' +%F)
read -r P_RPS P_P99 P_ERR <<<"$(measure "$DASH?as_of=$PAST" "$COOKIE")"
export CYCLE_WRITE_EVERY=0
read -r R_RPS R_P99 R_ERR <<<"$(measure "http://127.0.0.1:$PORT" "" "$ROOT/bench/action_cycle.lua")"
CYCLE_WRITE_EVERY=10
read -r A_RPS A_P99 A_ERR <<<"$(measure "http://127.0.0.1:$PORT" "" "$ROOT/bench/action_cycle.lua")"
read -r N_RPS N_P99 _ <<<"$(measure "http://127.0.0.1:$NPORT/dashboard.html")"
read -r NA_RPS NA_P99 _ <<<"$(measure "http://127.0.0.1:$NPORT/action.html")"
# The writes the cycle posted, as stored: each one a progress update.
COUNT_SQL="SELECT count(*) FROM progress_updates WHERE note LIKE 'bench update %'"
if [ -n "$PGDB" ]; then UPDATES=$(psql -qtAX "$DB" -c "$COUNT_SQL"); else UPDATES=$(sqlite3 "$DB" "$COUNT_SQL"); fi

pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", b ? 100 * a / b : 0 }'; }
ok() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { exit !(op == ">=" ? v >= t : v < t) }' && echo yes || echo NO; }
D_RATIO=$(pct "$D_RPS" "$N_RPS")
A_RATIO=$(pct "$A_RPS" "$NA_RPS")
R_RATIO=$(pct "$R_RPS" "$NA_RPS")
A_TARGET=$([ -n "$PGDB" ] && echo 15 || echo 25)
printf '%-52s %12s %10s  %s\n' "web case, $BACKEND (32 connections, ${SECS}s, loopback)" "requests/s" "p99" "target"
printf '%-52s %12s %8sms  %s %s\n' "dashboard, 300-action plan (cached)" "$D_RPS" "$D_P99" ">= 5,000/s, p99 < 25 ms:" "$(ok "$D_RPS" 5000 ">=") $(ok "$D_P99" 25 "<") ${D_ERR:-}"
printf '%-52s %12s %8sms  %s\n' "action list, 300 actions" "$L_RPS" "$L_P99" "${L_ERR:-}"
P_RATIO=$(pct "$P_RPS" "$D_RPS")
printf '%-52s %12s %8sms  %s %s\n' "dashboard as of 30 days ago" "$P_RPS" "$P_P99" ">= 80% of today's rate:" "$(ok "${P_RATIO%\%}" 80 ">=") ($P_RATIO) ${P_ERR:-}"
printf '%-52s %12s %8sms  %s\n' "action pages cycling over 300, reads only" "$R_RPS" "$R_P99" "${R_ERR:-}"
printf '%-52s %12s %8sms  %s\n' "the same, a progress update every 10th request" "$A_RPS" "$A_P99" "$UPDATES updates stored ${A_ERR:-}"
printf '%-52s %12s %8sms\n' "nginx, the same dashboard bytes as a file" "$N_RPS" "$N_P99"
printf '%-52s %12s %8sms\n' "nginx, the same action page bytes as a file" "$NA_RPS" "$NA_P99"
printf '%-52s %12s %10s  %s\n' "dashboard as a share of nginx's rate" "$D_RATIO" "" ">= 25%: $(ok "${D_RATIO%\%}" 25 ">=")"
printf '%-52s %12s %10s  %s\n' "uncached action pages (reads only) / nginx" "$R_RATIO" "" ">= $A_TARGET%: $(ok "${R_RATIO%\%}" "$A_TARGET" ">=")"
printf '%-52s %12s %10s  %s\n' "uncached action pages with writes / nginx" "$A_RATIO" "" ">= $A_TARGET%: $(ok "${A_RATIO%\%}" "$A_TARGET" ">=")"
[ -n "${WEB_KEEP:-}" ] && { echo "$PORT $CYCLE_COOKIE $CYCLE_CSRF $CYCLE_FIRST"; sleep 1000; }
[ "${WEB_RSS:-yes}" = yes ] || exit 0

# Memory over a longer run: RSS sampled every second.
RSS_START=$(ps -o rss= -p "$SPID")
wrk -t2 -c32 -d60s -H "Cookie: $COOKIE" "$DASH" >/dev/null 2>&1 &
WPID=$!
RSS_MAX=$RSS_START
for _ in $(seq 60); do
    sleep 1
    r=$(ps -o rss= -p "$SPID"); [ "$r" -gt "$RSS_MAX" ] && RSS_MAX=$r
done
wait $WPID || true
RSS_END=$(ps -o rss= -p "$SPID")
printf '%-52s %9s KiB -> max %s KiB -> %s KiB after 60 s\n' "sightline RSS: start" "$RSS_START" "$RSS_MAX" "$RSS_END"
