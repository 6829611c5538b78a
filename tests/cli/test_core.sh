#!/bin/bash
# The command-line contract of SPEC.md §5 on the example plan and the
# contract's small plan: JSON shape, filters, updates, history, export round trip.
. "$(dirname "$0")/lib.sh"
DB=$T/a.db
CORE=$DATA/core.csv
EX=$ROOT/examples/croydon-transitional-2017.csv
s() { "$SL" --db "$DB" "$@"; }

ok help "$SL" --help
for c in init import lint plans actions show update history export recommendations link carry-forward; do
    ok "help-$c" "$SL" "$c" --help
    has "help-$c-usage" "$T/out" "usage: sightline"
done
status 2 unknown-command "$SL" frobnicate
status 2 unknown-option "$SL" --db "$DB" actions --frob
status 2 missing-arg "$SL" --db "$DB" show
status 2 bad-as-of "$SL" --db "$DB" actions --as-of 31/08/2017
status 1 no-database "$SL" --db "$T/none.db" actions
ok init s init
ok init-again s init
ok import s import "$CORE"
has import-says "$T/out" "6 actions"

ok json s actions --json --as-of 2017-09-01
cp "$T/out" "$T/a.json"
py json-keys "$T/a.json" "all(set(['ref','title','theme','start','due','sro','leads','status','status_text','rag','overdue','recommendations'])<=set(x) for x in d)"
py json-count "$T/a.json" "len(d)==6"
py json-due "$T/a.json" "{x['ref']:x['due'] for x in d}=={'1.1':'2017-07-31','1.2':'2018-01-31','2.1':'2017-08-30','2.2':'2017-10-31','3.1':'2017-08-31','3.2':'2017-09-30'}"
py json-start "$T/a.json" "{x['ref']:x['start'] for x in d}['1.2']=='2017-09-18'"
py json-rag "$T/a.json" "{x['ref']:x['rag'] for x in d}=={'1.1':'blue','1.2':'green','2.1':'red','2.2':'green','3.1':'red','3.2':'green'}"
py json-status "$T/a.json" "{x['ref']:(x['status'],x['status_text']) for x in d}['2.2']==('on-track','On track')"
py json-leads "$T/a.json" "{x['ref']:x['leads'] for x in d}['1.2']==['BP','RS']"
py json-recs "$T/a.json" "{x['ref']:x['recommendations'] for x in d}['1.2']==[1,2]"
py json-theme "$T/a.json" "{x['ref']:x['theme'] for x in d}['2.1']=='Structural'"

ok overdue s actions --overdue --json --as-of 2017-09-01
py overdue-set "$T/out" "{x['ref'] for x in d}=={'2.1','3.1'}"
ok theme s actions --theme 2 --json --as-of 2017-09-01
py theme-filter "$T/out" "{x['ref'] for x in d}=={'2.1','2.2'}"
ok theme-title s actions --theme operational --json --as-of 2017-09-01
py theme-title-filter "$T/out" "{x['ref'] for x in d}=={'3.1','3.2'}"
ok lead s actions --lead rs --json --as-of 2017-09-01
py lead-filter "$T/out" "{x['ref'] for x in d}=={'1.2'}"
ok status-filter s actions --status "On track" --json --as-of 2017-09-01
py status-filter-set "$T/out" "{x['ref'] for x in d}=={'2.2'}"
ok rag-filter s actions --rag blue --json --as-of 2017-09-01
py rag-filter-set "$T/out" "{x['ref'] for x in d}=={'1.1'}"
ok due-within s actions --due-within 30 --json --as-of 2017-09-01
py due-within-set "$T/out" "{x['ref'] for x in d}=={'3.2'}"
status 2 bad-rag s actions --rag purple
status 2 bad-status s actions --status banana
status 2 bad-due-within s actions --due-within soon

# Updates: dated, append-only, audited; unknown refs refused with nothing changed.
sum=$(sha256sum "$DB" | cut -d' ' -f1)
status 1 unknown-ref s update 9.9 --status complete --note x
has unknown-ref-says "$T/err" "no action '9.9'"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$sum" ] && pass || fail "unknown ref changed the database"
status 2 update-needs-something s update 2.1 --plan 1
status 2 rag-needs-reason s update 2.1 --status at-risk --rag amber
ok update s update 2.1 --status complete --note "Team in post" --evidence https://example.org/e1 --as-of 2017-09-02
ok after s actions --json --as-of 2017-09-03
py after-update "$T/out" "[(x['status'],x['overdue'],x['rag']) for x in d if x['ref']=='2.1']==[('complete',False,'blue')]"
ok before s actions --json --as-of 2017-09-01
py as-of-before-update "$T/out" "[(x['status'],x['overdue']) for x in d if x['ref']=='2.1']==[('in-progress',True)]"
ok manual s update 2.2 --status at-risk --rag red --reason "Recruitment stalled" --as-of 2017-09-04
ok manual-list s actions --json --as-of 2017-09-05
py manual-rag "$T/out" "[(x['rag'],x['rag_computed'],x['rag_manual'],x['rag_reason']) for x in d if x['ref']=='2.2']==[('red','amber','red','Recruitment stalled')]"
ok show s show 2.1 --as-of 2017-09-03
has show-note "$T/out" "Team in post"
has show-evidence "$T/out" "https://example.org/e1"
has show-audit "$T/out" "in-progress -> complete"
ok show-json s show 2.1 --json --as-of 2017-09-03
py show-json-history "$T/out" "len(d['history'])==1 and d['history'][0]['actor']=='tester' and d['action']['ref']=='2.1'"
ok history s history
has history-import "$T/out" "import plan"
has history-update "$T/out" "tester  update action"
ok history-json s history 2.1 --json
py history-json-fields "$T/out" "all(set(['at','actor','operation','field','before','after'])<=set(e) for e in d) and len(d)>=3"

# History is append-only in the database itself.
if command -v sqlite3 >/dev/null; then
    ok has-updates db_sql "$DB" "SELECT count(*) FROM progress_updates"
    fails append-only-updates db_sql "$DB" "UPDATE progress_updates SET note='rewritten'"
    fails append-only-audit db_sql "$DB" "DELETE FROM audit_log"
fi

# Export → import gives back the same plan (and the same export).
ok export s export --format csv
cp "$T/out" "$T/e1.csv"
ok reimport "$SL" --db "$T/b.db" import "$T/e1.csv"
ok export-again "$SL" --db "$T/b.db" export --format csv
cp "$T/out" "$T/e2.csv"
same round-trip-csv "$T/e1.csv" "$T/e2.csv"
ok b-json "$SL" --db "$T/b.db" actions --json --as-of 2017-09-05
cp "$T/out" "$T/b.json"
ok a-json s actions --json --as-of 2017-09-05
python3 - "$T/out" "$T/b.json" <<'PY' && pass || fail "round trip changed the action list"
import json,sys
k=lambda f:sorted((x['ref'],x['title'],x['theme'],x['start'],x['due'],x['status'],x['status_text'],x['sro'],tuple(x['leads']),tuple(x['recommendations'])) for x in json.load(open(f)))
assert k(sys.argv[1])==k(sys.argv[2])
PY
# The sample plan documents round-trip too, the impossible 31/09/21 of the
# 2021 plan included: it travels in due_as_written and stays a finding.
for doc in croydon-transitional-action-plan-2017 barking-dagenham-ofsted-action-plan-2014 \
           croydon-continuous-improvement-plan-2021-24; do
    rm -f "$T"/doc-*.db*
    "$SL" --db "$T/doc-a.db" import "$SAMPLES/$doc.txt" >/dev/null 2>&1
    ok "$doc-export" "$SL" --db "$T/doc-a.db" export --format csv
    cp "$T/out" "$T/doc1.csv"
    ok "$doc-reimport" "$SL" --db "$T/doc-b.db" import "$T/doc1.csv"
    ok "$doc-export-again" "$SL" --db "$T/doc-b.db" export --format csv
    same "$doc-round-trip" "$T/doc1.csv" "$T/out"
done
has kept-date-column "$T/doc1.csv" ",start_as_written,due_as_written"
python3 -c "import csv,sys; assert [(r['ref'],r['due']) for r in csv.DictReader(open(sys.argv[1])) if r['due_as_written']]==[('5.3','')] and '31/09/21' not in [r['due'] for r in csv.DictReader(open(sys.argv[1]))]" "$T/doc1.csv" && pass || fail "kept-date-cell: 5.3 is not exported in due_as_written"
"$SL" --db "$T/doc-b.db" lint --json > "$T/lint.json"
py kept-date-finding "$T/lint.json" "[(x['code'],x['ref']) for x in d if x['code']=='invalid-date']==[('invalid-date','5.3')]"
# A plan document names its authority; --authority still decides when given.
ok doc-plans "$SL" --db "$T/doc-a.db" plans --json
py doc-authority "$T/out" "[p['authority'] for p in d]==['Croydon']"
rm -f "$T"/doc-*.db*
ok doc-barking "$SL" --db "$T/doc-a.db" import "$SAMPLES/barking-dagenham-ofsted-action-plan-2014.txt"
has doc-barking-says "$T/out" "authority: Barking and Dagenham"
ok doc-given "$SL" --db "$T/doc-a.db" import --authority Havering "$SAMPLES/croydon-transitional-action-plan-2017.txt"
ok doc-plans-2 "$SL" --db "$T/doc-a.db" plans --json
py doc-authorities "$T/out" "sorted(p['authority'] for p in d)==['Barking and Dagenham','Havering']"

ok export-json s export --format json
py export-json-shape "$T/out" "d[0]['title']=='Bars test plan' and len(d[0]['actions'])==6 and d[0]['actions'][1]['due']['latest']=='2018-01-31'"
status 2 export-needs-format s export

# Importing the same file again changes nothing; a changed file is a new version.
ok same-again s import "$CORE"
has same-again-says "$T/out" "unchanged"
sed 's/Restructure the service/Restructure the whole service/' "$CORE" > "$T/core-v2.csv"
ok dry-run s import "$T/core-v2.csv" --dry-run
has dry-run-says "$T/out" "would import"
ok v2 s import "$T/core-v2.csv"
has v2-says "$T/out" "version 2"
ok plans s plans --json --as-of 2017-09-01 --all
py plans-versions "$T/out" "[(x['version'],x['current']) for x in d]==[(1,False),(2,True)]"
ok v2-actions s actions --json --as-of 2017-09-01
py v2-current-only "$T/out" "len(d)==6 and any(x['title']=='Restructure the whole service' for x in d)"

# The example plan: 50 actions, lint findings at their lines.
ok example "$SL" --db "$T/ex.db" import "$EX" --authority Croydon
ok example-lint "$SL" --db "$T/ex.db" lint --json
py example-lint-1.14 "$T/out" "any(x['code']=='due-before-start' and x['ref']=='1.14' and x['line']==15 for x in d)"
py example-lint-gap "$T/out" "any(x['code']=='ref-gap' and x['ref']=='2.12' for x in d)"
py example-lint-shape "$T/out" "all(set(['severity','code','ref','line','message'])<=set(x) for x in d)"
ok example-plans "$SL" --db "$T/ex.db" plans --json --as-of 2017-09-05
py example-count "$T/out" "d[0]['actions']==50 and d[0]['authority']=='Croydon'"
finish
