#!/bin/sh
# The demo: loads the example plan (Croydon's 2017 transitional action plan,
# as canonical CSV) into a fresh embedded database and prints what a board
# would have been told was overdue on 5 September 2017.
# usage: scripts/demo.sh path/to/sightline
set -eu
SL=${1:-build/sightline}
DB=${SIGHTLINE_DEMO_DB:-demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
"$SL" --db "$DB" init
"$SL" --db "$DB" import examples/croydon-transitional-2017.csv --authority "Croydon"
echo
echo "== Overdue actions as of 5 September 2017"
"$SL" --db "$DB" actions --overdue --as-of 2017-09-05
echo
echo "== The plan as of 5 September 2017"
"$SL" --db "$DB" plans --as-of 2017-09-05
echo
echo "Try: $SL --db $DB show 2.16 --as-of 2017-09-05"
echo "     $SL --db $DB update 2.2 --status complete --note 'Team in post' --as-of 2017-09-06"
echo "     $SL --db $DB lint"
