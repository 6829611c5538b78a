#!/bin/bash
# `sightline import` of a committee agenda pack, read part by part: a pack is
# built here from fixtures in tests/data (tests/data/README.md says where each
# comes from): the agenda and the minutes of the previous meeting (with an
# action log that is not a plan), a covering report (Croydon's 2018 update
# report), Appendix 1 the transitional action plan followed by two workforce
# tables, Appendix 2 the Ofsted report the plan answers, and terms of
# reference under the next item; "Agenda Item 5" stamped on every page of
# item 5, its appendices too. The plan keeps its own title, themes and
# lint findings (exactly those of the plan imported alone); the report is an
# inspection linked to the plan; the board is saved; the workforce tables are
# told in one note. Everything in one transaction: a pack whose report is cut
# off, or whose plan part is not text, is refused with exit 1 and the
# database unchanged.
. "$(dirname "$0")/lib.sh"
P=$DATA/pack
DB=$T/p.db
ALONE=$T/alone.db
s() { "$SL" --db "$DB" "$@"; }
a() { "$SL" --db "$ALONE" "$@"; }

# stamp FILE: FILE as a council's pack prints it, the item's label at the
# top of every page (every 40 lines here, after a form feed).
stamp() { awk 'NR % 40 == 0 { print "\fAgenda Item 5" } { print }' "$1"; }
# pack FILE PLAN REPORT: writes a pack holding PLAN and REPORT to FILE.
pack() {
    {
        cat "$P/agenda-minutes.txt"
        printf '\nAgenda Item 5\n\n'
        stamp "$SAMPLES/croydon-improvement-plan-update-report-2018.txt"
        printf '\nAppendix 1\n\n'
        stamp "$2"
        printf '\n'
        cat "$P/workforce-tables.txt"
        printf '\nAgenda Item 5\n\nAppendix 2\n\n'
        stamp "$3"
        printf '\nAgenda Item 6\n\nAppendix 3\n\n'
        cat "$DATA/governance/partnership-board-terms-of-reference.txt"
    } > "$1"
}
PLAN=$SAMPLES/croydon-transitional-action-plan-2017.txt
pack "$T/pack.txt" "$PLAN" "$P/croydon-sif-2017-excerpt.txt"

# The plan alone, for comparison.
a init >/dev/null
a import "$PLAN" >/dev/null
a lint --json > "$T/alone-lint.json"
a export --plan 1 --format csv > "$T/alone.csv"

s init >/dev/null
ok pack-dry s import "$T/pack.txt" --dry-run
s plans --json > "$T/dry.json"
py pack-dry-stores-nothing "$T/dry.json" 'd == []'

ok pack-import s import "$T/pack.txt"
cp "$T/out" "$T/import.out"
has pack-plan-said "$T/import.out" "imported 'Transitional Action Plan – Post Ofsted SIF Inspection v12' version 1: 50 actions, 13 themes"
has pack-report-said "$T/import.out" "imported inspection of London Borough of Croydon (2017-06-20 to 2017-07-13, SIF): 21 recommendations"
has pack-link-said "$T/import.out" "answers the inspection of London Borough of Croydon"
has pack-board-said "$T/import.out" "saved board 'Children's Improvement Partnership Board'"
has pack-workforce-note "$T/import.out" "2 workforce tables (12 rows) skipped"
[ "$(grep -c 'workforce' "$T/import.out")" = 1 ] && pass || fail "pack-one-note: $(grep workforce "$T/import.out")"

# Title from the plan's own heading; one plan (the minutes' action log is none).
s plans --json > "$T/plans.json"
py pack-one-plan "$T/plans.json" 'len(d) == 1 and d[0]["actions"] == 50'
py pack-title "$T/plans.json" 'd[0]["title"] == "Transitional Action Plan – Post Ofsted SIF Inspection v12"'
# Themes (and every action) from the plan part only: the export is the plan's alone.
s export --plan 1 --format csv > "$T/pack.csv"
same pack-same-actions-and-themes "$T/alone.csv" "$T/pack.csv"
lacks pack-no-agenda-theme "$T/pack.csv" "Apologies for absence"
lacks pack-no-report-theme "$T/pack.csv" "MANAGERS IN CHILDREN"

# The Ofsted report: an inspection, linked to the plan.
s inspections --json > "$T/insp.json"
py pack-inspection "$T/insp.json" 'len(d) == 1 and d[0]["kind"] == "sif" and len(d[0]["recommendations"]) == 21'
python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); i=json.load(open(sys.argv[2])); assert p[0]["inspections"] == [i[0]["id"]], (p, i)' \
    "$T/plans.json" "$T/insp.json" 2>"$T/pyerr" && pass || fail "pack-linked: $(tail -n 1 "$T/pyerr")"

# Lint: the plan's own findings, no more (the workforce rows are not findings).
s lint --json > "$T/lint.json"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert len(a) == len(b) == 4, (len(a), len(b))' \
    "$T/alone-lint.json" "$T/lint.json" 2>"$T/pyerr" && pass || fail "pack-lint-count: $(tail -n 1 "$T/pyerr")"
s lint > "$T/lint.txt"
has pack-lint-lines-are-the-packs "$T/lint.txt" "pack.txt:"
lacks pack-lint-no-workforce "$T/lint.txt" "Corporate parenting"

# The board from the terms of reference under item 6.
s boards --json > "$T/boards.json"
py pack-board "$T/boards.json" 'len(d) == 1 and len(d[0]["members"]) == 10'

# The same pack again: nothing doubled, the link kept once.
ok pack-again s import "$T/pack.txt"
has pack-again-unchanged "$T/out" "unchanged: 'Transitional Action Plan"
s plans --json > "$T/plans2.json"
s inspections --json > "$T/insp2.json"
py pack-again-one-link "$T/plans2.json" 'len(d) == 1 and len(d[0]["inspections"]) == 1'
py pack-again-one-inspection "$T/insp2.json" 'len(d) == 1'

# Bad input, database unchanged: the Ofsted report cut off inside its
# judgement table; a plan part that is not text.
snapshot() { s plans --json; s inspections --json; s boards --json; s lint --json; }
snapshot > "$T/before.txt"
head -n 16 "$P/croydon-sif-2017-excerpt.txt" > "$T/cut.txt"
printf 'NEW PLAN\nREF\tACTION\tEND DATE\n1.1\tA new action\tMar 18\n' > "$T/plan2.txt"
pack "$T/bad-report.txt" "$T/plan2.txt" "$T/cut.txt"
status 1 pack-cut-report s import "$T/bad-report.txt"
has pack-cut-report-says-where "$T/err" "bad-report.txt:"
printf 'NEW PLAN\nREF\tACTION\tEND DATE\n1.1\tA new \xff action\tMar 18\n' > "$T/plan3.txt"
pack "$T/bad-plan.txt" "$T/plan3.txt" "$P/croydon-sif-2017-excerpt.txt"
status 1 pack-bad-plan s import "$T/bad-plan.txt"
# A pack with nothing to import (agenda, minutes, a report): read whole, it says why.
{ cat "$P/agenda-minutes.txt"; printf '\nAgenda Item 5\n\n'; cat "$SAMPLES/croydon-improvement-plan-update-report-2018.txt"; } > "$T/nothing.txt"
status 1 pack-nothing s import "$T/nothing.txt"
has pack-nothing-says "$T/err" "no plan table found"
snapshot > "$T/after.txt"
same pack-bad-unchanged "$T/before.txt" "$T/after.txt"

# A plan with appendices alone is one document, not a pack.
printf 'Appendix 1\n\n' > "$T/appendix.txt"
cat "$PLAN" >> "$T/appendix.txt"
printf '\nAppendix 2\n\nGlossary of terms used in the plan.\n' >> "$T/appendix.txt"
ok appendix-only a import "$T/appendix.txt" --dry-run
has appendix-only-plan "$T/out" "50 actions, 13 themes"

# The same pack as a PDF: split after pdftotext the same way (its Ofsted
# report and terms of reference are read; a plan table laid out by a PDF is
# not read yet, see README).
python3 "$ROOT/tests/tools/text_to_pdf.py" "$T/pack.txt" "$T/pack.pdf"
PDFDB=$T/pdf.db
"$SL" --db "$PDFDB" init >/dev/null
ok pdf-pack "$SL" --db "$PDFDB" import "$T/pack.pdf"
has pdf-pack-report "$T/out" "imported inspection of London Borough of Croydon (2017-06-20 to 2017-07-13, SIF): 21 recommendations"
has pdf-pack-board "$T/out" "saved board 'Children's Improvement Partnership Board'"

# A plan document (no pack) with workforce tables in the middle of its
# table, the plan's rows straight after them: the tables are read past with
# one note, every action kept.
{ head -n 100 "$PLAN"; cat "$P/workforce-tables.txt"; tail -n +101 "$PLAN"; } > "$T/plan-workforce.txt"
ok plan-workforce a import "$T/plan-workforce.txt" --dry-run
has plan-workforce-actions "$T/out" "50 actions, 13 themes"
has plan-workforce-note "$T/out" "2 workforce tables (12 rows) skipped"

finish
