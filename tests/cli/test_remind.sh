#!/bin/bash
# `sightline remind`: each lead gets one email listing the actions whose
# update is due or overdue and those awaiting their sign-off, through the
# SMTP relay of the settings; opted-out users get none; a second run on the
# same day sends nothing; a relay that is down is exit 1 with nothing
# recorded as sent. The relay is tests/tools/smtp_sink.py, started here.
# The text of the email is a golden file (UPDATE_GOLDEN=1 rewrites it).
. "$(dirname "$0")/lib.sh"
DB=$T/r.db
G=$ROOT/tests/golden
s() { "$SL" --db "$DB" "$@"; }
pw() { echo 'a-long-password'; }

# The Croydon transitional plan, imported on 5 Sep 2017; weekly updates and
# sign-off required; 2.2 last updated on 29 Aug, 1.3 on 8 Sep.
export SIGHTLINE_NOW=2017-09-05T09:00:00Z
(cd "$ROOT" && "$SL" --db "$DB" import examples/croydon-transitional-2017.csv --authority Croydon >/dev/null)
s plan settings 1 --requires-signoff yes --update-cycle-days 7 >/dev/null
s update 2.2 --status on-track --note "Unit manager in post" --as-of 2017-08-29 >/dev/null
s update 1.3 --status on-track --note "Launched" --as-of 2017-09-08 >/dev/null
pw | s user add bp --role lead --person BP --email bp@example.gov.uk --password-stdin >/dev/null
pw | s user add jn --role lead --person JN --email jn@example.gov.uk --password-stdin >/dev/null
pw | s user add sm --role lead --person SM --email sm@example.gov.uk --password-stdin >/dev/null
pw | s user add rs --role lead --person RS --password-stdin >/dev/null
pw | s user add viewer --role viewer --email v@example.gov.uk --password-stdin >/dev/null
ok "reminders off" s user set sm --reminders off
status 2 "a bad email address" s user set rs --email "rs@example.gov.uk>"
status 2 "reminders takes on or off" s user set rs --reminders maybe
status 1 "an unknown user" s user set nobody --email n@example.gov.uk
has "unknown user said" "$T/err" "no user 'nobody'"

# A week on, at 07:30 BST.
export SIGHTLINE_NOW=2017-09-12T06:30:00Z
status 1 "no relay set" s remind
has "no relay said" "$T/err" "no SMTP relay is set"

# --dry-run prints the emails (the golden file) and records nothing.
s remind --dry-run >"$T/dry.txt" 2>&1 || fail "dry run: exit $?"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$T/dry.txt" "$G/remind-2017-09-12.txt"; fi
same "golden remind" "$G/remind-2017-09-12.txt" "$T/dry.txt"
has "rs has no address" "$T/dry.txt" "rs has 6 reminders but no email address"
s history >"$T/hist.txt"
lacks "dry run records nothing" "$T/hist.txt" "remind user"

# The sink: a local SMTP server on a free port.
python3 "$ROOT/tests/tools/smtp_sink.py" "$T/mail" "$T/port" 2>"$T/sink.err" &
SINK=$!
trap 'kill $SINK 2>/dev/null; rm -rf "$T"' EXIT
for _ in $(seq 120); do [ -s "$T/port" ] && break; sleep 0.25; done
[ -s "$T/port" ] || fail "the SMTP sink did not start: $(cat "$T/sink.err")"
ok "relay host" s settings smtp.host 127.0.0.1
ok "relay port" s settings smtp.port "$(cat "$T/port")"
ok "relay from" s settings smtp.from sightline@croydon.example
ok "base url" s settings base_url https://sightline.croydon.example
status 1 "a bad port" s settings smtp.port 70000
status 1 "an unknown setting" s settings smtp.colour blue

# TLS required, from a relay that does not offer STARTTLS: refused, nothing sent.
ok "tls require" s settings smtp.tls require
status 1 "tls required but not offered" s remind
has "tls refusal said" "$T/err" "cannot send to bp@example.gov.uk through the SMTP relay"
ok "tls try" s settings smtp.tls try

ok "remind" s remind
has "summary" "$T/out" "reminders for 2017-09-12: 2 sent, 0 already sent that day, 1 turned off, 1 without an email address"
count=$(ls "$T/mail"/*.eml 2>/dev/null | wc -l)
[ "$count" = 2 ] && pass || fail "want 2 emails, got $count"
cat "$T/mail"/*.eml >"$T/all.eml" 2>/dev/null
for who in bp jn; do
    n=$(grep -c "^X-Sink-Rcpt: $who@example.gov.uk" "$T/all.eml")
    [ "$n" = 1 ] && pass || fail "$who got $n emails, want 1"
done
lacks "opted out gets none" "$T/all.eml" "sm@example.gov.uk"
lacks "a viewer gets none" "$T/all.eml" "v@example.gov.uk"
bp=$(grep -l "^X-Sink-Rcpt: bp@" "$T/mail"/*.eml)
jn=$(grep -l "^X-Sink-Rcpt: jn@" "$T/mail"/*.eml)
has "bp: the envelope sender" "$bp" "X-Sink-From: sightline@croydon.example"
has "bp: overdue update" "$bp" "* 2.2 Additional social work (SW) team"
has "bp: update overdue since" "$bp" "so one was due on 5 Sep 2017"
has "bp: sign-off" "$bp" "* 2.6 Embed the Principal Social Worker role"
has "bp: link" "$bp" "Link: https://sightline.croydon.example/actions/"
lacks "bp: 1.3 was updated" "$bp" "* 1.3 "
has "jn: sign-off of 1.4" "$jn" "* 1.4 Engage a Strategic Improvement Partner"
lacks "jn: not bp's" "$jn" "* 2.2 "
grep -q $'\r$' "$bp" && pass || fail "lines do not end in CRLF"

# A second run on the same day sends nothing.
ok "second run" s remind
has "second summary" "$T/out" "0 sent, 2 already sent that day"
count=$(ls "$T/mail"/*.eml | wc -l)
[ "$count" = 2 ] && pass || fail "the second run sent $((count - 2)) more"

# serve runs the same once a day, at remind.time Europe/London: 06:30 UTC
# on 13 Sep is 07:30 BST, past 07:00, so it sends at once; started again
# (a restart, or a second server) it finds the day claimed and sends nothing.
# serve_until LOG TEXT: runs serve until its log says TEXT (60 s at most).
serve_until() {
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    SIGHTLINE_NOW=2017-09-13T06:30:00Z "$SL" --db "$DB" serve --listen "127.0.0.1:$port" \
        --static "$ROOT/build/static" 2>"$1" &
    local pid=$!
    for _ in $(seq 240); do grep -qF -- "$2" "$1" && break; sleep 0.25; done
    kill -TERM $pid; wait $pid 2>/dev/null
    has "serve: $2" "$1" "$2"
}
serve_until "$T/serve1.log" "reminders for 2017-09-13: 2 sent"
count=$(ls "$T/mail"/*.eml | wc -l)
[ "$count" = 4 ] && pass || fail "serve sent $((count - 2)) emails, want 2"
serve_until "$T/serve2.log" "reminders for 2017-09-13 were already sent"
# A serve that cannot start (no static files folder) sends nothing and says why.
SIGHTLINE_NOW=2017-09-13T06:30:00Z "$SL" --db "$DB" serve --listen 127.0.0.1:1 --static "$T/none" 2>"$T/serve3.log"
has "serve without its static files says so" "$T/serve3.log" "cannot read the static files folder"
count=$(ls "$T/mail"/*.eml | wc -l)
[ "$count" = 4 ] && pass || fail "a restarted serve sent $((count - 4)) more"
s history >"$T/hist.txt"
n=$(grep -c "remind-run reminders" "$T/hist.txt")
[ "$n" = 1 ] && pass || fail "want the run of 13 Sep claimed once, got $n"

# The relay down: exit 1, a clear message, nothing recorded as sent.
kill $SINK; wait $SINK 2>/dev/null
status 1 "relay down" s remind --as-of 2017-09-14
has "relay down said" "$T/err" "cannot send to bp@example.gov.uk through the SMTP relay smtp://127.0.0.1:"
s history >"$T/hist.txt"
lacks "nothing recorded on a failure" "$T/hist.txt" "2017-09-14"
n=$(grep -c "remind user" "$T/hist.txt")
[ "$n" = 4 ] && pass || fail "want 4 reminders recorded, got $n"

# A relay that offers STARTTLS: with smtp.tls require and its certificate's
# authority in smtp.ca_file, every email goes under TLS.
if command -v openssl >/dev/null 2>&1; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1 || fail "openssl could not make a certificate"
    python3 "$ROOT/tests/tools/smtp_sink.py" "$T/tls-mail" "$T/tls-port" "$T/cert.pem" "$T/key.pem" \
        2>"$T/sink.err" &
    SINK=$!
    for _ in $(seq 120); do [ -s "$T/tls-port" ] && break; sleep 0.25; done
    ok "tls port" s settings smtp.port "$(cat "$T/tls-port")"
    ok "tls require" s settings smtp.tls require
    status 1 "an unknown authority refused" s remind --as-of 2017-09-15
    has "certificate refusal said" "$T/err" "SSL"
    ok "ca file" s settings smtp.ca_file "$T/cert.pem"
    ok "remind under tls" s remind --as-of 2017-09-15
    has "tls summary" "$T/out" "reminders for 2017-09-15: 2 sent"
    n=$(grep -l "^X-Sink-TLS: yes" "$T/tls-mail"/*.eml 2>/dev/null | wc -l)
    [ "$n" = 2 ] && pass || fail "want 2 emails under TLS, got $n: $(cat "$T/sink.err")"
else
    SKIPPED=$((SKIPPED + 1)); echo "SKIP $(basename "$0"): no openssl to make a relay certificate" >&2
fi
finish
