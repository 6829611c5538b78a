#!/bin/bash
# The web figures of `make bench`: a 300-action plan served by sightline,
# measured with wrk on loopback at 32 connections — the dashboard and the
# action list — beside the same dashboard bytes served by nginx as a static
# file in the same run, and sightline's memory over a 60-second run.
# usage: bench/web.sh path/to/sightline [seconds per case, default 10]
set -eu
SL=$(realpath "$1")
SECS=${2:-10}
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
DB=$W/w.db
"$SL" --db "$DB" init >/dev/null
"$SL" --db "$DB" import "$W/plan.csv" >/dev/null
echo "bench-password-1" | "$SL" --db "$DB" user add bench --role viewer --password-stdin >/dev/null
PORT=$((20000 + RANDOM % 20000))
"$SL" --db "$DB" serve --listen 127.0.0.1:$PORT --threads 2 --static "$ROOT/build/static" 2>"$W/serve.log" &
SPID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/sign-in" && break; sleep 0.05; done
TOKEN=$(curl -s "http://127.0.0.1:$PORT/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
COOKIE=$(curl -s -D - -o /dev/null --data-urlencode "csrf=$TOKEN" --data-urlencode login=bench \
         --data-urlencode password=bench-password-1 "http://127.0.0.1:$PORT/sign-in" | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
DASH="http://127.0.0.1:$PORT/plans/1"
LIST="http://127.0.0.1:$PORT/plans/1/actions"
curl -s -H "Cookie: $COOKIE" "$DASH" > "$W/dashboard.html"
[ "$(wc -c < "$W/dashboard.html")" -gt 10000 ] || { echo "web bench: could not fetch the dashboard: $(cat "$W/serve.log")"; exit 1; }

# nginx serving the same bytes as a static file, on another port.
NPORT=$((PORT + 1))
mkdir -p "$W/nginx/www"
cp "$W/dashboard.html" "$W/nginx/www/dashboard.html"
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

# measure NAME URL [COOKIE]: prints "rps p99ms".
measure() {
    local out
    out=$(wrk -t2 -c32 -d"${SECS}s" --latency ${3:+-H "Cookie: $3"} "$2" 2>/dev/null)
    local rps p99 errors
    rps=$(awk '/Requests\/sec/ {print int($2)}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v/=1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v*=1000}; printf "%.2f", v}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    echo "$rps $p99 ${errors:+ERRORS}"
}
read -r D_RPS D_P99 D_ERR <<<"$(measure dashboard "$DASH" "$COOKIE")"
read -r L_RPS L_P99 L_ERR <<<"$(measure list "$LIST" "$COOKIE")"
# The same dashboard as it stood 30 days ago (issue 13: within 20 % of today's).
PAST=$(date -u -d '30 days ago' +%F)
read -r A_RPS A_P99 A_ERR <<<"$(measure dashboard-as-of "$DASH?as_of=$PAST" "$COOKIE")"
read -r N_RPS N_P99 _ <<<"$(measure nginx "http://127.0.0.1:$NPORT/dashboard.html")"

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

ratio=$(awk -v a="$D_RPS" -v b="$N_RPS" 'BEGIN { printf "%.0f%%", b ? 100 * a / b : 0 }')
ok() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { exit !(op == ">=" ? v >= t : v < t) }' && echo yes || echo NO; }
printf '%-44s %12s %10s  %s\n' "web case (32 connections, ${SECS}s, loopback)" "requests/s" "p99" "target"
printf '%-44s %12s %8sms  %s %s\n' "dashboard, 300-action plan" "$D_RPS" "$D_P99" ">= 5,000/s, p99 < 25 ms:" "$(ok "$D_RPS" 5000 ">=") $(ok "$D_P99" 25 "<") ${D_ERR:-}"
printf '%-44s %12s %8sms  %s\n' "action list, 300 actions" "$L_RPS" "$L_P99" "${L_ERR:-}"
as_of_ratio=$(awk -v a="$A_RPS" -v b="$D_RPS" 'BEGIN { printf "%.0f", b ? 100 * a / b : 0 }')
printf '%-44s %12s %8sms  %s %s\n' "dashboard as of 30 days ago" "$A_RPS" "$A_P99" ">= 80% of today's rate:" "$(ok "$as_of_ratio" 80 ">=") (${as_of_ratio}%) ${A_ERR:-}"
printf '%-44s %12s %8sms\n' "nginx, the same dashboard bytes as a file" "$N_RPS" "$N_P99"
printf '%-44s %12s %10s  %s\n' "dashboard as a share of nginx's rate" "$ratio" "" ">= 25%: $(ok "${ratio%\%}" 25 ">=")"
printf '%-44s %9s KiB -> max %s KiB -> %s KiB after 60 s\n' "sightline RSS: start" "$RSS_START" "$RSS_MAX" "$RSS_END"
