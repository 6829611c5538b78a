#!/bin/bash
# Word (.docx), OpenDocument (.odt) and HTML documents read directly, through
# the same readers as text: each sample plan made into a Word document (tables
# with merged cells, numbered headings, bullets; tests/tools/text_to_docx.py),
# into one with its tables nested in frames and tracked changes to accept,
# into an OpenDocument text and into an HTML page saved with a PDF's name
# (colspan, rowspan, a script to leave out), imports as the same actions as its text
# (`export --format csv` equal, the same lint findings by code and ref); an
# Ofsted report and terms of reference as Word documents read as their text
# does. Detection is by content: a Word document named .txt, a plan whose
# first line holds a comma, a PDF name on an HTML page.
. "$(dirname "$0")/lib.sh"
MAKE="$ROOT/tests/tools/text_to_docx.py"

# import_csv NAME FILE: imports FILE into a fresh database NAME.db and
# writes its plan as CSV to NAME.csv and its lint findings (code and ref,
# without line numbers, which blank lines around tables move) to NAME.lint.
import_csv() {
    local db=$T/$1.db
    "$SL" --db "$db" init >/dev/null
    status 0 "$1-import" "$SL" --db "$db" import "$2"
    "$SL" --db "$db" export --plan 1 --format csv > "$T/$1.csv" 2>/dev/null
    "$SL" --db "$db" lint --json > "$T/$1.json" 2>/dev/null
    python3 -c "import json,sys;[print(x['code'],x['ref']) for x in json.load(open(sys.argv[1]))]" \
        "$T/$1.json" > "$T/$1.lint" 2>/dev/null
}

for f in "$SAMPLES"/croydon-transitional-action-plan-2017.txt "$SAMPLES"/barking-dagenham-ofsted-action-plan-2014.txt \
         "$SAMPLES"/croydon-continuous-improvement-plan-2021-24.txt; do
    name=$(basename "$f" .txt)
    import_csv "$name-text" "$f"
    python3 "$MAKE" "$f" "$T/$name.docx" || fail "$name: text_to_docx.py did not run"
    python3 "$MAKE" "$f" "$T/$name-framed.docx" --nest --tracked || fail "$name: text_to_docx.py --nest did not run"
    python3 "$MAKE" "$f" "$T/$name.odt" || fail "$name: text_to_docx.py (odt) did not run"
    # an HTML page saved with a PDF's name: read as HTML, by its content
    python3 "$MAKE" "$f" "$T/$name.html" && mv "$T/$name.html" "$T/$name.pdf" || fail "$name: no HTML page"
    for kind in docx framed.docx odt pdf; do
        doc=$T/$name.$kind; [ "$kind" = framed.docx ] && doc=$T/$name-framed.docx
        import_csv "$name-$kind" "$doc"
        # the plan's actions, cell for cell (the source file named in no column)
        [ "$(wc -l < "$T/$name-text.csv")" -gt 40 ] && pass || fail "$name: too few actions in the text export"
        same "$name-$kind-same-actions" "$T/$name-text.csv" "$T/$name-$kind.csv"
        same "$name-$kind-same-lint" "$T/$name-text.lint" "$T/$name-$kind.lint"
    done
done
# The Word document really has merged cells, numbered headings and bullets
# (else the comparison above would prove little).
python3 - "$T/croydon-transitional-action-plan-2017.docx" > "$T/parts" <<'PY'
import sys, zipfile
x = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
print(x.count("<w:gridSpan"), x.count("<w:vMerge"), x.count('w:numId w:val="1"'), x.count('w:numId w:val="2"'))
PY
read -r spans merges headings bullets < "$T/parts"
[ "$spans" -ge 5 ] && [ "$merges" -ge 20 ] && [ "$headings" -ge 1 ] && [ "$bullets" -ge 10 ] && pass ||
    fail "the Word plan lacks merged cells or lists: $spans spans, $merges merges, $headings headings, $bullets bullets"

# An Ofsted report as a Word document: the same judgements and recommendations.
for f in "$SAMPLES"/inspections/80471_halton_12-july-2024.txt "$SAMPLES"/inspections/80573_trafford_03-august-2026.txt; do
    name=$(basename "$f" .txt)
    python3 "$MAKE" "$f" "$T/$name.docx"
    for src in "$f" "$T/$name.docx"; do
        db=$T/$name-$(basename "$src" | sed 's/.*\.//').db
        "$SL" --db "$db" init >/dev/null
        status 0 "$name-report-import" "$SL" --db "$db" import "$src"
        "$SL" --db "$db" inspections --json | python3 -c "
import json,sys
for i in json.load(sys.stdin):
    i.pop('id', None); i.pop('source_file', None); i.pop('source_sha256', None); print(json.dumps(i, sort_keys=True))" \
            > "$db.json"
    done
    [ -s "$T/$name-txt.db.json" ] && pass || fail "$name: the text report gave no inspection"
    same "$name-report-same" "$T/$name-txt.db.json" "$T/$name-docx.db.json"
done

# Terms of reference as a Word document: the same board.
tor=$DATA/governance/partnership-board-terms-of-reference.txt
python3 "$MAKE" "$tor" "$T/tor.docx"
for src in "$tor" "$T/tor.docx"; do
    db=$T/tor-$(basename "$src" | sed 's/.*\.//').db
    "$SL" --db "$db" init >/dev/null
    status 0 "tor-import-$(basename "$src")" "$SL" --db "$db" import "$src"
    "$SL" --db "$db" boards --json > "$db.json"
done
py tor-board-read "$T/tor-txt.db.json" "len(d) == 1 and len(d[0]['members']) > 3"
same tor-same-board "$T/tor-txt.db.json" "$T/tor-docx.db.json"

# Content, never the name: a Word document named .txt, a plan whose first
# line holds a comma (the HTML page named .pdf is above).
cp "$T/croydon-transitional-action-plan-2017.docx" "$T/misnamed.txt"
import_csv misnamed "$T/misnamed.txt"
same misnamed-docx-read-as-word "$T/croydon-transitional-action-plan-2017-text.csv" "$T/misnamed.csv"
{ printf 'Croydon, transitional action plan, August 2017\n'; tail -n +2 "$SAMPLES/croydon-transitional-action-plan-2017.txt"; } > "$T/comma.txt"
import_csv comma "$T/comma.txt"
py comma-read-as-plan "$T/comma.json" "any(x['code'] == 'due-before-start' for x in d)"
[ "$(wc -l < "$T/comma.csv")" = "$(wc -l < "$T/croydon-transitional-action-plan-2017-text.csv")" ] && pass ||
    fail "a plan whose first line holds a comma lost actions: $(wc -l < "$T/comma.csv") lines"
finish
