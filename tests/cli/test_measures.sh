#!/bin/bash
# Measures end to end: definitions (by hand and from the catalogue),
# trajectory RAG in both polarities, loading values (idempotent, atomic,
# each bad row kind refused with its line), prose suggestions from a real
# plan, and charts that are well-formed XML.
. "$(dirname "$0")/lib.sh"
DB=$T/m.db
s() { "$SL" --db "$DB" "$@"; }
ok init s init
ok add-higher s measure add ASMT --name "Assessments in 45 days" --unit percent --polarity higher \
    --frequency monthly --baseline 75@2014-10-01 --milestone 80@2015-04-30 --milestone 85@2015-09-30 --tolerance 3
ok add-lower s measure add CASELOAD --name "Caseload per social worker" --unit count --polarity lower \
    --frequency monthly --baseline 24@2017-07-01 --target 15@2017-08-31 --tolerance 1
ok add-catalogue s measure add REREF_12M --baseline 25@2014-04-01 --target 20@2015-03-31
before=$(sha256sum < "$DB")
status 1 add-twice s measure add ASMT --name x --unit percent --polarity higher
has add-twice-says "$T/err" "a measure ASMT already exists"
[ "$(sha256sum < "$DB")" = "$before" ] && pass || fail "add-twice changed the database"
status 2 add-bad-unit s measure add X1 --name x --unit furlongs --polarity higher
status 2 add-bad-point s measure add X2 --name x --unit percent --polarity higher --baseline 75@31/02/2015
cat > "$T/v.csv" <<'CSV'
code,period,value,series
ASMT,2015-07,84,actual
ASMT,2015-08,86,actual
ASMT,2015-08,80,england
CASELOAD,2017-07,22,actual
CASELOAD,2017-08,18,actual
REREF_12M,2015-03,21,actual
CSV
ok load s measures load "$T/v.csv"
ok load-again s measures load "$T/v.csv"
ok json s measures --json --as-of 2015-09-10
py asmt "$T/out" "[(x['rag'],x['direction'],x['latest']['value'],x['comparators']['england']) for x in d if x['code']=='ASMT']==[('green','improving',86,80)]"
py reref-catalogue "$T/out" "[(x['unit'],x['polarity'],x['comparators'].get('england')) for x in d if x['code']=='REREF_12M']==[('percent','lower',22)]"
ok caseload s measures --json --as-of 2017-09-10
py caseload-red "$T/out" "[x['rag'] for x in d if x['code']=='CASELOAD']==['red']"
ok no-data s measures --json --as-of 2015-11-10
py asmt-no-data "$T/out" "[x['rag'] for x in d if x['code']=='ASMT']==['no data']"
ok table s measures --as-of 2015-09-10
has table-row "$T/out" "ASMT"

# Every bad row kind is refused with its line, and nothing is loaded.
before=$(sha256sum < "$DB")
bad() { printf 'code,period,value,series\nASMT,2015-06,70,actual\n%s\n' "$2" > "$T/$1.csv";
        status 1 "bad-$1" s measures load "$T/$1.csv"; has "bad-$1-line" "$T/err" "$1.csv:3"; }
bad unknown-code "NOPE,2015-06,70,actual"
bad over-100 "ASMT,2015-07,140,actual"
bad not-a-number "ASMT,2015-07,lots,actual"
bad wrong-frequency "ASMT,2015/16,70,actual"
bad bad-period "ASMT,2015-13,70,actual"
bad duplicate "ASMT,2015-06,71,actual"
[ "$(sha256sum < "$DB")" = "$before" ] && pass || fail "a refused load changed the database"

# Charts are well-formed XML.
ok chart s chart ASMT --as-of 2015-09-10
cp "$T/out" "$T/c.svg"
python3 -c "import xml.etree.ElementTree as E,sys; r=E.parse(sys.argv[1]).getroot(); assert r.tag.endswith('svg'); assert any(e.tag.endswith('title') for e in r.iter())" "$T/c.svg" && pass || fail "chart is not well-formed SVG"
ok scorecard s chart --scorecard --as-of 2015-09-10
# A long name is cut short with "…" before it reaches the rating; the title keeps it whole.
LONG="Percentage of children in need with an up-to-date assessment and a plan reviewed within statutory timescales"
ok long-name s measure add LONGNAME --name "$LONG" --unit percent --polarity higher --target 90@2016-03-01
ok long-chart s chart LONGNAME --as-of 2015-09-10
python3 - "$T/out" "$LONG" <<'PY' && pass || fail "a long chart heading is not cut short, or the title lost it"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
texts = [e for e in root.iter() if e.tag.endswith('text')]
heading = texts[0].text
assert heading.endswith('…') and len(heading) < 70, heading
assert sys.argv[2] in [e.text for e in root.iter() if e.tag.endswith('title')][0]
PY
python3 -c "import xml.etree.ElementTree as E,sys; E.fromstring(open(sys.argv[1]).read())" "$T/out" && pass || fail "scorecard is not well-formed"
status 1 chart-unknown s chart NOPE

# Suggestions from the Barking & Dagenham plan's prose.
ok bd s import "$SAMPLES/barking-dagenham-ofsted-action-plan-2014.txt"
ok suggest s measures suggest --plan 1 --json
py suggest-some "$T/out" "len(d) >= 4 and any(x['measure']['baseline'] and x['measure']['baseline']['value']==75 for x in d)"
ok suggest-add s measures suggest --plan 1 --add
ok after-add s measures --json
py suggested-stored "$T/out" "sum(1 for x in d if x['suggested_from']) >= 4"
# Workforce: rates as DOMAIN.md defines them; a stated rate that disagrees is flagged.
ok workforce s workforce add "Assessment and Intervention" --budgeted 40 --employed 30 --vacant 10 --agency 8 \
    --stated-vacancy-rate 20 --stated-agency-rate 21 --as-of 2018-09-30
has workforce-flag "$T/out" "stated vacancy rate 20.0% but the figures give 25.0%"
lacks workforce-agency-agrees "$T/out" "stated agency rate"
before=$(sha256sum < "$DB")
status 1 workforce-twice s workforce add "Assessment and Intervention" --budgeted 1 --employed 1 --vacant 0 --agency 0 --as-of 2018-09-30
has workforce-twice-says "$T/err" "Assessment and Intervention already has a snapshot for that day"
[ "$(sha256sum < "$DB")" = "$before" ] && pass || fail "workforce-twice changed the database"
status 2 workforce-needs-figures s workforce add "Fostering" --budgeted 10
ok workforce-json s workforce --json
py workforce-rates "$T/out" "d[0]['vacancy_rate']==25 and round(d[0]['agency_rate'],2)==21.05 and d[0]['flags'][0]['rate']=='vacancy rate'"

# Case audits: % good or better, feeding a measure with its own trajectory.
ok audit-measure s measure add AUDIT_GOOD --name "Audited cases good or better" --unit percent --polarity higher \
    --frequency quarterly --baseline 40@2018-03-31 --target 70@2019-03-31 --tolerance 5
ok audit s audits add "Children in need" --period 2018-Q3 --outstanding 2 --good 10 --requires-improvement 14 --inadequate 4 --measure AUDIT_GOOD
has audit-pct "$T/out" "40.0% of 30 audited cases"
before=$(sha256sum < "$DB")
status 1 audit-twice s audits add "Children in need" --period 2018-Q3 --good 1
has audit-twice-says "$T/err" "Children in need already has audit grades for that period"
[ "$(sha256sum < "$DB")" = "$before" ] && pass || fail "audit-twice changed the database"
status 1 audit-unknown-measure s audits add "Children in need" --period 2018-Q4 --good 1 --measure NOPE
status 1 audit-nothing-graded s audits add "Children in need" --period 2019-Q1
ok audit-list s audits --json
py audit-json "$T/out" "len(d)==1 and d[0]['good_or_better']==40 and d[0]['measure']=='AUDIT_GOOD'"
ok audit-feeds s measures --json --as-of 2018-11-01
py audit-measure-red "$T/out" "[(x['latest']['value'],x['rag']) for x in d if x['code']=='AUDIT_GOOD']==[(40,'red')]"
finish
