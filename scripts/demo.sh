#!/bin/sh
# The demo: loads the example plans (Croydon's 2017 transitional action plan
# as canonical CSV, two more plans as published documents) and four Ofsted
# reports into a fresh embedded database, prints what a board would have been
# told was overdue on 5 September 2017, adds demo accounts and serves the web
# application at http://127.0.0.1:8080 until Ctrl-C.
# usage: scripts/demo.sh path/to/sightline [--no-serve]
set -eu
SL=${1:-build/sightline}
DB=${SIGHTLINE_DEMO_DB:-demo.db}
LISTEN=${SIGHTLINE_DEMO_LISTEN:-127.0.0.1:8080}
rm -f "$DB" "$DB-wal" "$DB-shm"
"$SL" --db "$DB" init
"$SL" --db "$DB" import examples/croydon-transitional-2017.csv --authority "Croydon"
"$SL" --db "$DB" plan settings 1 --requires-signoff yes --update-cycle-days 7
"$SL" --db "$DB" import examples/documents/barking-dagenham-ofsted-action-plan-2014.txt --authority "Barking and Dagenham"
"$SL" --db "$DB" import examples/documents/croydon-continuous-improvement-plan-2021-24.txt --authority "Croydon"
"$SL" --db "$DB" import examples/inspections/*.txt
"$SL" --db "$DB" measures suggest --plan 2 --add > /dev/null
echo
echo "== Croydon: overdue actions as of 5 September 2017"
"$SL" --db "$DB" actions --plan 1 --overdue --as-of 2017-09-05
echo
echo "== The plans as of 5 September 2017"
"$SL" --db "$DB" plans --as-of 2017-09-05
PASSWORD=demo-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
echo "$PASSWORD" | "$SL" --db "$DB" user add demo --role admin --password-stdin >/dev/null
echo "$PASSWORD" | "$SL" --db "$DB" user add bp --role lead --person BP --password-stdin >/dev/null
[ "${2:-}" = "--no-serve" ] && exit 0
echo
echo "== Serving at http://$LISTEN/"
echo "   sign in as 'demo' (admin) or 'bp' (lead for BP's actions), password: $PASSWORD"
echo "   Ctrl-C stops the server."
exec "$SL" --db "$DB" serve --listen "$LISTEN"
