#!/bin/bash
# Plan versions (what changed), recommendations coverage, links made by hand,
# and actions carried forward from one plan into the next.
. "$(dirname "$0")/lib.sh"
DB=$T/l.db
CORE=$DATA/core.csv
s() { "$SL" --db "$DB" "$@"; }
ok import s import "$CORE"

# A later version: one field changed, one action added, one removed.
{ sed -n 1,4p "$CORE"; sed -n 6,7p "$CORE" | sed 's/Aug 17,Sept 17/Aug 17,Oct 17/'
  echo 'Bars test plan,3,Operational,3.3,A new action,,Sep 17,Dec 17,JN,JN,N/A,M,I,Planned,,,3'; } > "$T/v2.csv"
ok v2 s import "$T/v2.csv"
has v2-changed "$T/out" '~ 3.2 due: "Sept 17" -> "Oct 17"'
has v2-added "$T/out" "+ 3.3 A new action"
has v2-removed "$T/out" "- 2.2 Workforce performance data"
has v2-counts "$T/out" "1 added, 1 removed, 1 changed (1 fields)"
ok old-readable s actions --plan 1 --json --as-of 2017-09-01
py old-version-kept "$T/out" "len(d)==6 and any(x['ref']=='2.2' for x in d)"

# Coverage: each recommendation with its actions and a rolled-up RAG.
ok recs s recommendations --json --as-of 2017-09-01
py recs-three "$T/out" "[r['number'] for r in d]==[1,2,3]"
py recs-rollup "$T/out" "{r['number']:(r['rag'],r['status']) for r in d}[1]==('green','1 of 2 complete')"
py recs-worst "$T/out" "{r['number']:r['rag'] for r in d}[2]=='red'"
ok recs-text s recommendations --as-of 2017-09-01
has recs-text-actions "$T/out" "actions 1.1 blue, 1.2 green"

# Link by hand: 3.2 answers recommendation 4, which nothing answered before.
status 2 link-needs-number s link 3.2 four
status 1 link-unknown-ref s link 9.9 1
ok link s link 3.2 4
ok link-again s link 3.2 4
ok after-link s actions --json --as-of 2017-09-01
py link-listed "$T/out" "[x['recommendations'] for x in d if x['ref']=='3.2']==[[4]]"
ok recs-after-link s recommendations --json --as-of 2017-09-01
py recs-four "$T/out" "[a['ref'] for r in d if r['number']==4 for a in r['actions']]==['3.2']"
ok link-audit s history 3.2
has link-audited "$T/out" "link action"

# Carry forward: 2.1 of this plan continues as 2.1 of the next plan.
sed 's/Bars test plan/Next plan/' "$CORE" > "$T/next.csv"
ok next s import "$T/next.csv"
status 1 carry-ambiguous s carry-forward 2.1 --into "Next plan"
status 2 carry-needs-into s carry-forward 2.1 --plan "Bars test plan"
ok carry s carry-forward 2.1 --plan "Bars test plan" --into "Next plan" --as-of 2017-09-30
status 1 carry-twice s carry-forward 2.1 --plan "Bars test plan" --into "Next plan"
ok from-show s show 2.1 --plan "Bars test plan" --json --as-of 2017-10-01
py from-link "$T/out" "d['links']==[{'direction':'to','plan':'Next plan','ref':'2.1'}] and d['action']['status']=='carried-forward'"
ok to-show s show 2.1 --plan "Next plan" --json
py to-link "$T/out" "d['links']==[{'direction':'from','plan':'Bars test plan','ref':'2.1'}]"
ok from-list s actions --plan "Bars test plan" --json --as-of 2017-10-01
py carried-not-overdue "$T/out" "[(x['rag'],x['overdue']) for x in d if x['ref']=='2.1']==[('grey',False)]"
finish
