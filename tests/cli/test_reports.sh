#!/bin/bash
# The board's papers: `report highlight|scrutiny|recommendations` in each
# format on the Croydon transitional plan, the highlight report's four
# questions, commentary kept from one edition to the next, the workbook read
# back by openpyxl, the HTML parsed strictly, and bad input refused.
. "$(dirname "$0")/lib.sh"
export SIGHTLINE_NOW=2017-09-05T09:00:00Z
DB=$T/r.db
PLAN=$SAMPLES/croydon-transitional-action-plan-2017.txt
s() { "$SL" --db "$DB" "$@"; }
# openpyxl comes from Debian (python3-openpyxl): use the python that has it.
PY=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] && pass || fail "no python3 with openpyxl: run 'make deps' (python3-openpyxl)"

ok help "$SL" report --help
has help-usage "$T/out" "report comment highlight"
ok init s init
ok import s import "$PLAN"

# section FILE NAME: prints the text of the highlight section NAME (its words, case-insensitive).
section() {
    python3 - "$1" "$2" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read(); low = t.lower()
keys = ["working well", "how do we know", "worried", "needs to happen"]
at = {k: low.find(k) for k in keys}
start = at[sys.argv[2]]
ends = [x for x in at.values() if x > start]
print(t[start:min(ends) if ends else len(t)] if start >= 0 else "")
PY
}

# The highlight report as Markdown: the contract's actions in the right sections.
ok md s report highlight --as-of 2017-09-05 --format md -o "$T/h.md"
for q in "What's working well" "How do we know" "What are we worried about" "What needs to happen"; do
    has "md-heading-$q" "$T/h.md" "## $q"
done
section "$T/h.md" worried >"$T/worried"
section "$T/h.md" "working well" >"$T/well"
section "$T/h.md" "needs to happen" >"$T/next"
for ref in 2.2 3.8 2.4 3.7; do has "worried-$ref" "$T/worried" "| $ref |"; done
has worried-why "$T/worried" "overdue since 2017-08-31"
for ref in 1.4 1.5 1.6; do has "well-$ref" "$T/well" "| $ref |"; done
lacks well-not-open "$T/well" "| 2.2 |"
lacks worried-not-done "$T/worried" "| 1.4 |"
has next-due "$T/next" "| 3.9 |"
has next-horizon "$T/next" "2017-10-05"
lacks next-beyond "$T/next" "| 1.2 |"
ok stdout s report highlight --as-of 2017-09-05 --format md
same stdout-same-as-file "$T/out" "$T/h.md"
# A meeting moves the horizon of what must happen next.
ok meeting s report highlight --as-of 2017-09-05 --meeting 2017-09-20 --board "Improvement Board" --format md
has meeting-board "$T/out" "Improvement Board · As at 2017-09-05"
has meeting-until "$T/out" "2017-09-05 to 2017-09-20 (the next meeting)"
lacks meeting-not-after "$T/out" "| 2.12 |"

# The HTML: strictly balanced, no script, print rules, RAG word and colour.
ok html s report highlight --as-of 2017-09-05 --format html -o "$T/h.html" --board "Improvement Board"
has html-page "$T/h.html" "@page"
has html-pages "$T/h.html" 'counter(page) " of " counter(pages)'
has html-thead "$T/h.html" "thead { display: table-header-group; }"
has html-rag "$T/h.html" '<td class="rag rag-red">Red</td>'
has html-lang "$T/h.html" '<html lang="en-GB">'
lacks html-script "$T/h.html" "<script"
if python3 - "$T/h.html" >"$T/parse" 2>&1 <<'PY'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr"}
class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.stack = []; self.seen = set()
    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag not in VOID: self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
p = Strict(); text = open(sys.argv[1], encoding="utf-8").read()
assert text.startswith("<!DOCTYPE html>"), "no doctype"
p.feed(text); p.close()
assert not p.stack, f"unclosed {p.stack}"
assert {"html", "head", "title", "style", "body", "table", "thead", "tbody"} <= p.seen, p.seen
assert "script" not in p.seen and "link" not in p.seen
PY
then pass; else fail "html parse: $(tail -n 2 "$T/parse")"; fi
if command -v tidy >/dev/null; then
    tidy -q -e --drop-empty-elements no "$T/h.html" >"$T/tidy" 2>&1
    [ $? -lt 2 ] && pass || fail "tidy finds errors: $(head -n 5 "$T/tidy")"
fi

# The workbook: a sheet per section, frozen bold headings, a filter, RAG fills.
ok xlsx s report highlight --as-of 2017-09-05 --format xlsx -o "$T/h.xlsx"
"$PY" - "$T/h.xlsx" >"$T/openpyxl.out" 2>&1 <<'PY' && pass || fail "openpyxl: $(tail -n 3 "$T/openpyxl.out")"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Summary", "Working well", "How we know", "Worries", "Next"], wb.sheetnames
ws = wb["Worries"]
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:F"), ws.auto_filter.ref
assert [c.value for c in ws[1]] == ["Theme", "Ref", "Action or measure", "RAG", "Due", "Why"]
assert all(c.font.b for c in ws[1])
rows = {r[1].value: r for r in ws.iter_rows(min_row=2) if r[1].value}
red = rows["2.2"][3]
assert red.value == "Red", red.value
assert red.fill.fill_type == "solid" and red.fill.fgColor.rgb.endswith("B10E1E"), red.fill.fgColor.rgb
amber = rows["1.7"][3]
assert amber.value == "Amber" and amber.fill.fgColor.rgb.endswith("FFBF47")
assert ws.column_dimensions["C"].width >= 30
well = wb["Working well"]
assert {r[1].value for r in well.iter_rows(min_row=2)} >= {"1.4", "1.5", "1.6"}
PY
status 2 xlsx-not-to-terminal script -qec "'$SL' --db '$DB' report highlight --format xlsx" /dev/null

# Commentary: kept from its edition on, until changed; earlier editions do not show it.
ok comment s report comment highlight --plan 1 --theme 2 --section worried \
    --text "Recruitment of agency social workers is the risk <b>" --as-of 2017-09-05
ok comment-by-title s report comment highlight --plan 1 --theme Structural --section working-well \
    --text "Senior team in post" --as-of 2017-09-01
ok later s report highlight --as-of 2017-09-12 --format md -o "$T/h2.md"
section "$T/h2.md" worried >"$T/worried2"
has comment-kept "$T/worried2" "**2 Structural:** Recruitment of agency social workers is the risk &lt;b&gt;"
section "$T/h2.md" "working well" >"$T/well2"
has comment-well "$T/well2" "Senior team in post"
ok earlier s report highlight --as-of 2017-09-04 --format md -o "$T/h0.md"
lacks comment-not-before "$T/h0.md" "Recruitment of agency"
ok comment-change s report comment highlight --plan 1 --theme 2 --section worried \
    --text "Agency supply has eased" --as-of 2017-09-19
ok later2 s report highlight --as-of 2017-09-20 --format md
has comment-changed "$T/out" "Agency supply has eased"
lacks comment-replaced "$T/out" "Recruitment of agency"
ok still-old s report highlight --as-of 2017-09-12 --format md
has comment-edition "$T/out" "Recruitment of agency"
ok comment-clear s report comment highlight --plan 1 --theme 2 --section worried --text "" --as-of 2017-09-26
ok cleared s report highlight --as-of 2017-09-27 --format md
lacks comment-cleared "$T/out" "Agency supply"
ok comment-audit s history
has comment-audited "$T/out" "highlight 2 worried"

# The recommendation tracker and the scrutiny report.
ok link s link 2.2 1 2
ok link2 s link 3.8 2
ok update s update 2.2 --status complete --note "Team in post" --evidence https://example.org/team --as-of 2017-09-04
ok recs s report recommendations --as-of 2017-09-05 --format md
has recs-rollup "$T/out" "| 2 |  | 2.2, 3.8 | 1 of 2 complete | **Red** |"
has recs-evidence "$T/out" "2017-09-04: Team in post<br>Evidence: https://example.org/team"
ok recs-xlsx s report recommendations --as-of 2017-09-05 --format xlsx -o "$T/r.xlsx"
"$PY" -c 'import sys,openpyxl; wb=openpyxl.load_workbook(sys.argv[1]); assert wb.sheetnames==["Recommendations","Actions"], wb.sheetnames' "$T/r.xlsx" \
    && pass || fail "recommendations workbook sheets"
ok scrutiny s report scrutiny --as-of 2017-09-05 --format md
has scrutiny-quarter "$T/out" "## Changes in Q2 2017/18 (2017-07-01 to 2017-09-05)"
has scrutiny-change "$T/out" "| 2.2 |"
has scrutiny-completed "$T/out" "- 1 action completed"
has scrutiny-recs "$T/out" "## Progress by recommendation"
ok scrutiny-html s report scrutiny --as-of 2017-09-05 --format html
lacks scrutiny-html-script "$T/out" "<script"
ok after-update s report highlight --as-of 2017-09-05 --format md -o "$T/h3.md"
section "$T/h3.md" "how do we know" >"$T/know"
has know-evidence "$T/know" "Evidence: https://example.org/team"
section "$T/h3.md" "working well" >"$T/well3"
has well-completed "$T/well3" "| 2.2 |"

# Measures: on trajectory is working well, off it a worry, both evidence.
ok measure1 s measure add ASSESS45 --name "Assessments within 45 days" --unit percent --polarity higher \
    --baseline 70@2017-04-01 --target 90@2018-03-31 --tolerance 2
ok measure2 s measure add CASELOAD --name "Average caseload" --unit count --polarity lower \
    --baseline 25@2017-04-01 --target 18@2018-03-31 --tolerance 1
printf 'code,period,value,series\nASSESS45,2017-08,85,actual\nCASELOAD,2017-08,26,actual\n' >"$T/values.csv"
ok values s measures load "$T/values.csv"
ok with-measures s report highlight --as-of 2017-09-05 --format md -o "$T/h4.md"
section "$T/h4.md" "working well" >"$T/well4"
section "$T/h4.md" worried >"$T/worried4"
section "$T/h4.md" "how do we know" >"$T/know4"
has measure-well "$T/well4" "| ASSESS45 | Assessments within 45 days | **Green** |"
lacks measure-well-not-red "$T/well4" "CASELOAD"
has measure-worry "$T/worried4" "| CASELOAD | Average caseload | **Red** |"
has measure-know "$T/know4" "85% actual against 78.4% expected"
has measure-know2 "$T/know4" "CASELOAD"

# Bad input: refused with a clear message, nothing written.
status 1 unknown-plan s report highlight --plan 99 --format md
status 2 bad-day s report highlight --as-of 2017-02-30 --format md
has bad-day-says "$T/err" "2017-02-30: there is no such day"
status 2 bad-date s report highlight --as-of 05/09/2017 --format md
status 2 bad-format s report highlight --format pdf
has bad-format-says "$T/err" "--format must be html, md or xlsx"
status 2 no-format s report highlight
status 2 unknown-kind s report minutes --format md
has unknown-kind-says "$T/err" "unknown report 'minutes'"
status 2 bad-section s report comment highlight --plan 1 --theme 2 --section fears --text x
status 1 bad-theme s report comment highlight --plan 1 --theme 9 --section worried --text x
has bad-theme-says "$T/err" "no theme '9'"
status 2 comment-needs s report comment highlight --plan 1 --text x
status 2 misplaced s report highlight --format md --text x
status 1 no-dir s report highlight --format md -o "$T/none/h.md"
[ ! -e "$T/none" ] && pass || fail "a file was left behind"
finish
