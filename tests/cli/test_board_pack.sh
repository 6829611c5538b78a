#!/bin/bash
# The board pack (`report board`) and the chair's written report (`report
# chair`) on the command line: the pack's sections in Markdown, HTML (the
# heat map's SVG with its 25 labelled cells, balanced, no script, print
# rules) and XLSX (read back with openpyxl: sheets, a band's fill, frozen
# headings); actions arising carried forward and closed since the last
# meeting; the previous minutes; the chair's report only after every Nth
# meeting (before then refused, exit 1, naming the meeting it is due after);
# bad input refused with a clear message and the database unchanged.
. "$(dirname "$0")/lib.sh"
. "$HERE/board_db.sh"
export SIGHTLINE_NOW=2017-09-05T09:00:00Z
DB=$T/b.db
B="Improvement Board"
s() { "$SL" --db "$DB" "$@"; }
sum() { sha256sum < "$DB"; }
board_db "$DB"

ok help s report --help
has help-board "$T/out" "board "
has help-chair "$T/out" "chair "

# Markdown: every section, in order, as of the first meeting.
BEFORE=$(sum)
ok md s report board --meeting 2017-09-05 --as-of 2017-09-05 --format md -o "$T/p.md"
python3 - "$T/p.md" >"$T/py" 2>&1 <<'PY' && pass || fail "md sections: $(tail -n 2 "$T/py")"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
want = ["Cover", "Agenda", "At a glance", "What's working well?", "How do we know?",
        "What are we worried about?", "What needs to happen, and by when?",
        "Exceptions: red and overdue actions", "Measures scorecard", "Risk log", "Risk heat map",
        "Savings by financial year", "Actions arising", "Minutes of the previous meeting"]
got = [l[3:] for l in t.splitlines() if l.startswith("## ")]
assert got == want, got
PY
[ "$(sum)" = "$BEFORE" ] && pass || fail "a report changed the database"
has md-title "$T/p.md" "# Board pack: Tuesday 5 September 2017"
has md-venue "$T/p.md" "**Venue:** Town Hall, Room 1"
has md-papers-due "$T/p.md" "**Papers due:** Tuesday 29 August 2017"
has md-agenda-standing "$T/p.md" "| 1 | Performance scorecard | standing |"
has md-agenda-deep-dive "$T/p.md" "| 2 | Workforce deep dive | deep-dive | Workforce |"
has md-exception "$T/p.md" "| 2 Structural | 2.2 |"
has md-exception-why "$T/p.md" "overdue since 2017-08-30"
has md-risk-r1 "$T/p.md" "| R1 | Social worker turnover | DCS | 4 | 5 | 20 | very-high | new | 8 | 2017-10-01 |"
has md-heat-band "$T/p.md" "| very-high | 15–25 | R1 | 1 |"
has md-heat-medium "$T/p.md" "| medium | 5–9 | R2 | 1 |"
lacks md-no-svg "$T/p.md" "<svg"
has md-arising "$T/p.md" "| 1 | 2017-09-05 | Report caseloads by team | DCS | 2017-09-29 | not-started | **Green** |"
has md-first-meeting "$T/p.md" "This is the first meeting the board has recorded."

# The default board and meeting: the only board, its next meeting.
ok md-default s report board --as-of 2017-09-01 --format md
has md-default-meeting "$T/out" "# Board pack: Tuesday 5 September 2017"

# HTML: print rules, no script, balanced, the heat map's 25 cells.
ok html s report board --meeting 2017-09-05 --as-of 2017-09-05 --format html -o "$T/p.html"
has html-page "$T/p.html" "@page"
has html-22 "$T/p.html" "2.2"
has html-figure "$T/p.html" "<figure><svg"
has html-band-fill "$T/p.html" '<td class="fill" style="background-color: #d4351c; color: #ffffff;'

lacks html-script "$T/p.html" "<script"
python3 - "$T/p.html" >"$T/py" 2>&1 <<'PY' && pass || fail "html: $(tail -n 2 "$T/py")"
import re, sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr"}
class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.stack = []; self.seen = set()
    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag not in VOID: self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.seen.add(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
text = open(sys.argv[1], encoding="utf-8").read()
p = Strict(); p.feed(text); p.close()
assert not p.stack, f"unclosed {p.stack}"
assert "script" not in p.seen and {"svg", "figure", "table"} <= p.seen, p.seen
svg = text[text.index("<svg"):text.index("</svg>")]
titles = re.findall(r"<title[^>]*>([^<]*)</title>", svg)
cells = [t for t in titles if "likelihood" in t.lower() and "impact" in t.lower() and "score" in t.lower()]
assert len(cells) == 25, (len(cells), titles[:3])
assert any("R1" in t for t in cells) and any("R2" in t for t in cells), cells
PY
if command -v tidy >/dev/null; then
    tidy -q -e --drop-empty-elements no "$T/p.html" >"$T/tidy" 2>&1
    [ $? -lt 2 ] && pass || fail "tidy finds errors: $(head -n 5 "$T/tidy")"
fi

# XLSX, read back by openpyxl (python3-openpyxl from Debian).
ok xlsx s report board --meeting 2017-09-05 --as-of 2017-09-05 --format xlsx -o "$T/p.xlsx"
PY=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
    fail "no python3 with openpyxl: run 'make deps' (python3-openpyxl)"
else
    "$PY" - "$T/p.xlsx" >"$T/py" 2>&1 <<'PY' && pass || fail "xlsx: $(tail -n 2 "$T/py")"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
for want in ["Cover", "Agenda", "Worries", "Exceptions", "Measures", "Risks", "Heat map",
             "Savings", "Actions arising", "Minutes"]:
    assert want in names, (want, names)
ws = wb["Risks"]
head = [c.value for c in ws[1]]
assert head[:7] == ["Ref", "Risk", "Owner", "Likelihood", "Impact", "Score", "Band"], head
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws["A1"].font.b, "heading not bold"
rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
hm = wb["Heat map"]
assert rows["R1"][6].value == "very-high", rows["R1"][6].value
# The bands filled with the heat map's colours: very high, medium.
assert rows["R1"][6].fill.fgColor.rgb.endswith("D4351C"), rows["R1"][6].fill.fgColor.rgb
assert rows["R1"][6].font.color is not None and rows["R1"][6].font.color.rgb.endswith("FFFFFF")
assert rows["R2"][6].fill.fgColor.rgb.endswith("FFF7BF"), rows["R2"][6].fill.fgColor.rgb
assert hm["A2"].value == "very-high" and hm["A2"].fill.fgColor.rgb.endswith("D4351C")
assert [c.value for c in hm[1]] == ["Band", "Scores", "Risks", "Count"], [c.value for c in hm[1]]
PY
fi

# The second meeting: minutes of the first (draft), an action arising
# carried forward, another closed since the first meeting.
s minutes --board "$B" --date 2017-09-05 --text "Minutes of 5 September. All agreed." >/dev/null
s arising add --board "$B" --date 2017-09-05 --text "Invite the police lead" --owner Chair \
    --due 2017-10-02 >/dev/null
SIGHTLINE_NOW=2017-10-10T09:00:00Z s arising update 1 --status complete --note "Tabled" >/dev/null
ok md-jan s report board --meeting 2018-01-02 --as-of 2018-01-02 --format md -o "$T/j.md"
has jan-minutes "$T/j.md" "Minutes of 5 September. All agreed."
has jan-minutes-draft "$T/j.md" "**State:** draft, for approval at this meeting"
has jan-carried "$T/j.md" "Action arising 2: Invite the police lead | carried forward | 2017-09-05 |"
has jan-closed "$T/j.md" "| 1 | 2017-09-05 | Report caseloads by team | DCS | 2017-09-29 | complete | **Blue** |"
has jan-overdue-red "$T/j.md" "| 2 | 2017-09-05 | Invite the police lead | Chair | 2017-10-02 | not-started | **Red** |"
has jan-cover "$T/j.md" "Tuesday 2 January 2018 at 14:00"
# As of the first meeting the closure had not happened yet.
ok md-sep-again s report board --meeting 2017-09-05 --as-of 2017-09-05 --format md
has sep-still-open "$T/out" "| Report caseloads by team | DCS | 2017-09-29 | not-started |"

# The chair's report: every 3rd meeting (the default rule).
status 1 chair-early s report chair --board "$B" --meeting 2018-01-02 --as-of 2018-01-02 --format md
has chair-early-says "$T/err" "not due"
has chair-early-next "$T/err" "after its 3rd meeting"
s meeting add --board "$B" --date 2017-10-03 >/dev/null
s attendance --board "$B" --date 2017-10-03 --member Police substitute --by "Jane Doe" >/dev/null
ok chair-due s report chair --board "$B" --meeting 2018-01-02 --as-of 2018-01-02 --format md -o "$T/c.md"
has chair-attendance "$T/c.md" "| Ann Smith | substitute: Bob Jones |  |  |"
has chair-apologies "$T/c.md" "| Police | apologies | substitute: Jane Doe |  |"
has chair-decision "$T/c.md" "- Agreed the transitional plan"
has chair-commentary "$T/c.md" "**Chair's commentary:**"
has chair-progress "$T/c.md" "## Progress since the last report"
has chair-meetings "$T/c.md" "covers its meetings of Tuesday 5 September 2017 to Tuesday 2 January 2018"
ok chair-html s report chair --board "$B" --meeting 2018-01-02 --as-of 2018-01-02 --format html
has chair-html-page "$T/out" "@page"
status 1 chair-second s report chair --board "$B" --meeting 2017-10-03 --format md
has chair-second-says "$T/err" "not due"

# Bad input: refused, clearly, the database unchanged.
BEFORE=$(sum)
status 1 unknown-board s report board --board "No Such Board" --format md
has unknown-board-says "$T/err" "no board named 'No Such Board'"
status 1 no-meeting s report board --board "$B" --meeting 2017-09-06 --format md
has no-meeting-says "$T/err" "has no meeting on 2017-09-06"
status 1 no-board-meets s report board --meeting 2017-09-06 --format md
has no-board-meets-says "$T/err" "no board meets on 2017-09-06"
status 2 bad-day s report board --meeting 2017-02-30 --format md
has bad-day-says "$T/err" "2017-02-30: there is no such day"
status 2 bad-as-of s report board --as-of 2017-13-01 --format md
status 1 no-next s report board --board "$B" --as-of 2018-02-01 --format md
has no-next-says "$T/err" "no meeting on or after 2018-02-01"
[ "$(sum)" = "$BEFORE" ] && pass || fail "a refused report changed the database"
# Two boards meeting on one day: --board is needed.
s board add "Programme Board" --kind programme >/dev/null
s meeting add --board "Programme Board" --date 2017-09-05 >/dev/null
status 1 ambiguous s report board --meeting 2017-09-05 --format md
has ambiguous-says "$T/err" "name one with --board"
status 1 ambiguous-only s report board --format md
ok chosen s report board --board "Programme Board" --meeting 2017-09-05 --format md
has chosen-board "$T/out" "**Board:** Programme Board"
finish
