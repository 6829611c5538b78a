#!/bin/sh
# The demo: loads the example plans (Croydon's 2017 transitional action plan
# as canonical CSV, two more plans as published documents), four Ofsted
# reports and a board's terms of reference into a fresh embedded database, prints what a board would have been
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
# Governance: a board from its terms of reference, a year of its meetings,
# the improvement board of the Croydon plan with two meetings and a risk.
"$SL" --db "$DB" import examples/governance/partnership-board-terms-of-reference.txt
"$SL" --db "$DB" meeting schedule --board "Children's Improvement Partnership Board" --from 2019-04-01 --count 8 >/dev/null
"$SL" --db "$DB" board add "Improvement Board" --kind improvement --meets "monthly, first Tuesday" >/dev/null
"$SL" --db "$DB" meeting add --board "Improvement Board" --date 2017-09-05 --time 10:00 --venue "Bernard Weatherill House" >/dev/null
"$SL" --db "$DB" meeting add --board "Improvement Board" --date 2017-10-03 --time 10:00 >/dev/null
"$SL" --db "$DB" risk add --title "Social worker turnover" --likelihood 4 --impact 5 --owner "Director of Children's Services" >/dev/null
echo
echo "== Croydon: overdue actions as of 5 September 2017"
"$SL" --db "$DB" actions --plan 1 --overdue --as-of 2017-09-05
echo
echo "== The plans as of 5 September 2017"
"$SL" --db "$DB" plans --as-of 2017-09-05
echo
echo "== What the boards must do, as of 25 August 2017"
"$SL" --db "$DB" calendar --board "Improvement Board" --as-of 2017-08-25
PASSWORD=demo-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
echo "$PASSWORD" | "$SL" --db "$DB" user add demo --role admin --password-stdin >/dev/null
echo "$PASSWORD" | "$SL" --db "$DB" user add bp --role lead --person BP --password-stdin >/dev/null
[ "${2:-}" = "--no-serve" ] && exit 0
echo
echo "== Serving at http://$LISTEN/"
echo "   sign in as 'demo' (admin) or 'bp' (lead for BP's actions), password: $PASSWORD"
echo "   Ctrl-C stops the server."
exec "$SL" --db "$DB" serve --listen "$LISTEN"
