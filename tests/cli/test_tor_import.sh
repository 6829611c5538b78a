#!/bin/bash
# `sightline import` of terms of reference: a board created from the real
# sample with its members and every rule as stated, updated (not doubled) by
# a second import, read from inside an agenda pack, and read beside a plan in
# one file (both stored in one transaction); a ToR with no board name and a
# paper that only mentions terms of reference are refused with the database
# unchanged; --dry-run stores nothing.
. "$(dirname "$0")/lib.sh"
G=$DATA/governance
DB=$T/g.db
s() { "$SL" --db "$DB" "$@"; }
s init >/dev/null

ok tor-import s import "$G/partnership-board-terms-of-reference.txt"
has tor-says "$T/out" "saved board 'Children's Improvement Partnership Board' (improvement)"
s boards --json > "$T/b.json"
py tor-board "$T/b.json" 'len(d) == 1 and d[0]["name"] == "Children'"'"'s Improvement Partnership Board"'
py tor-members "$T/b.json" 'len(d[0]["members"]) == 10'
py tor-rules "$T/b.json" 'd[0]["papers_days"] == 7 and d[0]["substitute_notice_days"] == 3 and d[0]["minutes_days"] == 10'
py tor-chair-report "$T/b.json" 'd[0]["chair_report_every"] == 2 and d[0]["review_months"] == 6'
py tor-meets "$T/b.json" 'd[0]["meets_every"] == "6 weeks"'
py tor-roles-without-names "$T/b.json" 'all(m["name"] is None for m in d[0]["members"])'

# The same terms of reference again: the board is updated, not doubled.
ok tor-again s import "$G/partnership-board-terms-of-reference.txt"
s boards --json > "$T/b2.json"
py tor-one-board "$T/b2.json" 'len(d) == 1 and len(d[0]["members"]) == 10'

# Inside an agenda pack (minutes, the terms of reference, a report).
ok pack-import s import "$G/agenda-pack.txt"
s boards --json > "$T/b3.json"
py pack-board "$T/b3.json" 'len(d) == 2'

# Terms of reference and a plan in one file: both, in one transaction.
cat "$G/programme-board-bullets.txt" "$SAMPLES/croydon-transitional-action-plan-2017.txt" > "$T/both.txt"
ok both-import s import "$T/both.txt"
s boards --json > "$T/b4.json"
py both-board "$T/b4.json" 'any("Programme Board" in b["name"] for b in d)'
s plans --json > "$T/p.json"
py both-plan "$T/p.json" 'len(d) == 1 and d[0]["actions"] == 50'

# Refused, the database unchanged.
before=$(sha256sum < "$DB")
printf 'TERMS OF REFERENCE\n\n1. Purpose\n\nTo oversee the improvement plan.\n\n2. Membership\n\nDirector of Children\x27s Services (Chair)\nLead Member for Children\n\n3. Frequency of meetings\n\nMonthly.\n\n4. Quorum\n\nThree members.\n' > "$T/noname.txt"
status 1 tor-no-name s import "$T/noname.txt"
has tor-no-name-says "$T/err" "no board name"
status 1 minutes-only s import "$G/minutes-mention.txt"
has minutes-only-says "$T/err" "minutes-mention.txt:1:"
ok dry-run s import --dry-run "$G/scrutiny-table-name-column.txt"
has dry-run-says "$T/out" "would save board"
[ "$(sha256sum < "$DB")" = "$before" ] && pass || fail "refusals and --dry-run changed the database"
finish
