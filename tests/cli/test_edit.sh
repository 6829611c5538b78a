#!/bin/bash
# Editing actions (issue 13, item 1): every field editable, each change in the
# history with who, when, before and after; a stale version refused; bad
# input refused with the database unchanged; add an action; withdraw one
# with a reason; nothing deleted.
. "$(dirname "$0")/lib.sh"
DB=$T/e.db
EX=$ROOT/examples/croydon-transitional-2017.csv
s() { "$SL" --db "$DB" "$@"; }
sum() { sha256sum "$DB" | cut -d' ' -f1; }

ok init s init
ok import s import "$EX" --authority Croydon
for c in edit add-action withdraw; do ok "help-$c" s "$c" --help; done
ok edit s edit 1.2 --title "Restructure the service" --description "Two teams" --theme 2 --start "Oct 17" \
    --due "31/03/18 30/06/18" --sro JN --leads "BP; JN" --resources "£46k" --measure "Transfers halved" \
    --impact "Fewer changes of worker" --delivered-through "Structure board"
has edit-says-before-after "$T/out" '1.2 due: "31 Jan 18" -> "31/03/18 30/06/18"'
ok show s show 1.2 --json
py edited-fields "$T/out" "d['action']['title']=='Restructure the service' and d['action']['theme']=='Structural' and d['action']['due']=='2018-06-30' and d['action']['sro']=='JN' and d['action']['leads']==['BP','JN'] and d['action']['version']==2"
ok show-text s show 1.2
has milestones "$T/out" "2018-03-31; 2018-06-30"
has resources "$T/out" "£46k"
ok history s history 1.2 --json
py every-field-audited "$T/out" "sorted(e['field'] for e in d if e['operation']=='edit')==sorted(['title','description','theme','start','due','sro','leads','resources','measure','impact','delivered-through'])"
py audit-who-before-after "$T/out" "[(e['actor'],e['before'],e['after']) for e in d if e['field']=='sro']==[('tester','BP','JN')] and all(e['at'] for e in d)"
ok lead-filter s actions --lead JN --json
py people-relinked "$T/out" "'1.2' in [a['ref'] for a in d]"
ok no-change s edit 1.2 --sro JN
has nothing-changed "$T/out" "nothing changed"

before=$(sum)
status 1 stale s edit 1.2 --expect-version 1 --title "Made on an old version"
has stale-says "$T/err" "stale edit"
status 1 bad-date s edit 1.2 --due 31/09/18
has bad-date-says "$T/err" "Enter a real date"
status 1 unreadable-date s edit 1.2 --start "whenever"
status 1 empty-title s edit 1.2 --title "  "
status 1 unknown-theme s edit 1.2 --theme 9
status 1 unknown-recommendation s edit 1.2 --recommendations 7
status 2 no-field s edit 1.2
status 1 unknown-ref s edit 9.9 --title x
[ "$(sum)" = "$before" ] && pass || fail "a refused edit changed the database"

ok add s add-action --plan 1 --ref 5.1 --title "Audit of case files" --due "Dec 17" --sro BP --theme 3
ok add-listed s actions --json --plan 1
py added "$T/out" "[(a['ref'],a['status'],a['due'],a['theme']) for a in d if a['ref']=='5.1']==[('5.1','not-started','2017-12-31','Operational and practice')] and d[-1]['ref']=='5.1'"
before=$(sum)
status 1 add-duplicate s add-action --plan 1 --ref 5.1 --title "Again"
status 2 add-needs-title s add-action --plan 1 --ref 5.2
status 2 add-needs-plan s add-action --ref 5.2 --title x
[ "$(sum)" = "$before" ] && pass || fail "a refused add changed the database"

ok withdraw s withdraw 5.1 --reason "Covered by 3.2" --as-of 2017-10-01
ok after-withdraw s actions --json --plan 1
py withdrawn-kept "$T/out" "[(a['status'],a['rag']) for a in d if a['ref']=='5.1']==[('withdrawn','grey')] and len(d)==51"
ok withdraw-history s show 5.1 --json
py withdraw-reason "$T/out" "d['history'][-1]['note']=='Withdrawn: Covered by 3.2'"
status 1 withdraw-twice s withdraw 5.1 --reason "again"
status 2 withdraw-needs-reason s withdraw 1.1
finish
