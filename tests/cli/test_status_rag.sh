#!/bin/bash
# Status and RAG correctness (issue 13, item 4): an update that names only a
# note or evidence keeps the status, the sign-off and a manual RAG; statuses
# move only as domain/status.c allows; a manual RAG holds until cleared or
# until its review day passes, with the computed RAG shown beside it.
. "$(dirname "$0")/lib.sh"
DB=$T/s.db
EX=$ROOT/examples/croydon-transitional-2017.csv
s() { "$SL" --db "$DB" "$@"; }
# rated REF DAY: "status rag manual computed" of one action as of a day.
rated() {
    s actions --json --as-of "$2" | python3 -c "import json,sys
a=[x for x in json.load(sys.stdin) if x['ref']=='$1'][0]
print(a['status'], a['rag'], a['rag_manual'], a['rag_computed'], a['rag_manual_until'])"
}

ok init s init
ok import s import "$EX" --authority Croydon
ok settings s plan settings 1 --requires-signoff yes

# A signed-off action keeps its sign-off through a note-only update.
ok complete s update 2.2 --status complete --note "Team in post" --as-of 2017-09-01
ok sign-off s update 2.2 --status signed-off --as-of 2017-09-02
ok note-only s update 2.2 --note "Caseloads now 18" --as-of 2017-09-03
has note-only-says-kept "$T/out" "status kept"
[ "$(rated 2.2 2017-09-04)" = "signed-off blue None blue None" ] && pass || fail "note-only reset a sign-off: $(rated 2.2 2017-09-04)"
ok evidence-only s update 2.2 --evidence https://example.org/minutes --as-of 2017-09-04
[ "$(rated 2.2 2017-09-05)" = "signed-off blue None blue None" ] && pass || fail "evidence-only reset a sign-off: $(rated 2.2 2017-09-05)"
ok show-signed-off s show 2.2 --json --as-of 2017-09-05
py history-keeps-status "$T/out" "[h['status'] for h in d['history']]==['complete','signed-off','signed-off','signed-off']"
py note-kept "$T/out" "d['history'][2]['note']=='Caseloads now 18' and d['history'][3]['evidence']=='https://example.org/minutes'"

# Only the moves the status rules allow.
sum=$(sha256sum "$DB" | cut -d' ' -f1)
status 1 signed-off-cannot-reopen s update 2.2 --status in-progress --note "reopen"
has says-why "$T/err" "signed-off: it cannot become in-progress"
status 1 sign-off-needs-complete s update 1.1 --status signed-off
status 1 withdraw-not-by-update s update 1.1 --status withdrawn
has withdraw-points-to-command "$T/err" "sightline withdraw"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$sum" ] && pass || fail "a refused move changed the database"
status 2 nothing-named s update 2.1
status 2 review-needs-rag s update 2.1 --note x --rag-review 2017-10-01
status 2 bad-review-day s update 2.1 --rag red --reason r --rag-review 2017-02-30

# A manual RAG holds across updates until its review day, with the computed one beside it.
ok manual s update 3.7 --status in-progress --rag green --reason "Panel booked" --rag-review 2017-09-20 --as-of 2017-09-04
ok manual-then-note s update 3.7 --note "Papers sent" --as-of 2017-09-05
ok manual-then-status s update 3.7 --status on-track --as-of 2017-09-06
[ "$(rated 3.7 2017-09-10)" = "on-track green green red 2017-09-20" ] && pass || fail "manual RAG not held: $(rated 3.7 2017-09-10)"
[ "$(rated 3.7 2017-09-21)" = "on-track red None red None" ] && pass || fail "manual RAG did not lapse: $(rated 3.7 2017-09-21)"
ok show-manual s show 3.7 --as-of 2017-09-10
has show-review-day "$T/out" "review by 2017-09-20"
ok show-manual-json s show 3.7 --json --as-of 2017-09-10
py show-computed-beside "$T/out" "d['action']['rag_computed']=='red' and d['action']['rag']=='green'"
ok show-lapsed s show 3.7 --as-of 2017-09-25
has show-lapsed-says "$T/out" "lapsed"
# An update after the review day does not bring it back; cleared means cleared.
ok manual-2 s update 1.4 --rag amber --reason "Awaiting panel" --as-of 2017-09-04
ok manual-2-note s update 1.4 --note "Still waiting" --as-of 2017-09-05
[ "$(rated 1.4 2017-09-06 | cut -d' ' -f3)" = "amber" ] && pass || fail "manual held without review day: $(rated 1.4 2017-09-06)"
ok clear s update 1.4 --rag clear --as-of 2017-09-07
[ "$(rated 1.4 2017-09-08 | cut -d' ' -f3)" = "None" ] && pass || fail "clear did not clear: $(rated 1.4 2017-09-08)"
ok after-clear s update 1.4 --note "More" --as-of 2017-09-09
[ "$(rated 1.4 2017-09-10 | cut -d' ' -f3)" = "None" ] && pass || fail "a cleared RAG came back: $(rated 1.4 2017-09-10)"
ok history s history 1.4 --json
py rag-audited "$T/out" "[(e['before'],e['after']) for e in d if e['field']=='rag']==[(None,'amber'),('amber',None)]"
py note-no-status-audit "$T/out" "not [e for e in d if e['field']=='status']"
# A back-dated note takes the status in force on its own day.
ok backdated-2 s update 2.2 --note "Recorded late" --as-of 2017-08-30
ok show-back s show 2.2 --json --as-of 2017-09-05
py backdated-status "$T/out" "[h['status'] for h in d['history'] if h['note']=='Recorded late']==['$(s actions --json --as-of 2017-08-30 | python3 -c "import json,sys;print([x['status'] for x in json.load(sys.stdin) if x['ref']=='2.2'][0])")']"
finish
