#!/bin/bash
# xlsx workbooks: `export --format xlsx` then `import` gives back the same
# plan (the contract's plan and the three sample documents); a workbook made
# by another tool (openpyxl: real date cells, numbers, blanks, a second
# sheet) reads as the plan it shows; openpyxl reads our export.
. "$(dirname "$0")/lib.sh"
DB=$T/a.db
CORE=$DATA/core.csv
s() { "$SL" --db "$DB" "$@"; }

# openpyxl comes from Debian (python3-openpyxl): use the python that has it.
PY=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] && pass || fail "no python3 with openpyxl: run 'make deps' (python3-openpyxl)"

ok help s export --help
has help-xlsx "$T/out" "xlsx"
ok import-core s import "$CORE"

# Export: to standard output when redirected, or to --output; a zip either way.
ok export-stdout s export --format xlsx
cp "$T/out" "$T/core.xlsx"
[ "$(head -c 4 "$T/core.xlsx" | od -An -c | tr -d ' ')" = 'PK003004' ] && pass || fail "export is not a zip archive"
ok export-output s export --format xlsx --output "$T/core-out.xlsx"
[ -s "$T/core-out.xlsx" ] && [ ! -s "$T/out" ] && pass || fail "--output wrote nothing, or wrote to stdout too"
ls "$T" | grep -q '\.tmp-' && fail "--output left its temporary file" || pass
ok export-csv-output s export --format csv --output "$T/core-out.csv"
ok export-csv s export --format csv
same csv-output-same "$T/out" "$T/core-out.csv"
status 2 export-bad-format s export --format xls
status 1 export-output-missing-dir s export --format xlsx --output "$T/no/such/dir/x.xlsx"
if command -v script >/dev/null; then
    # A workbook is not printed to a terminal.
    script -qec "'$SL' --db '$DB' export --format xlsx; echo rc=\$?" /dev/null > "$T/tty" 2>&1
    has tty-refused "$T/tty" "rc=2"
    has tty-says "$T/tty" "-o FILE"
fi

# Round trip: import the workbook into a fresh database; the CSV export is
# byte for byte the one of the original database.
s export --format csv > "$T/core.csv"
ok reimport "$SL" --db "$T/b.db" import "$T/core.xlsx"
has reimport-count "$T/out" "6 actions"
ok re-export "$SL" --db "$T/b.db" export --format csv
same core-round-trip "$T/core.csv" "$T/out"
ok a-json s actions --json --as-of 2017-09-05
cp "$T/out" "$T/a.json"
ok b-json "$SL" --db "$T/b.db" actions --json --as-of 2017-09-05
same core-actions-same "$T/a.json" "$T/out"
# The same workbook again, or exported again (new bytes, same cells), changes nothing.
ok again "$SL" --db "$T/b.db" import "$T/core.xlsx"
has again-unchanged "$T/out" "unchanged"
ok again-re-exported "$SL" --db "$T/b.db" import "$T/core-out.xlsx"
has re-exported-unchanged "$T/out" "unchanged"
# --format xlsx reads a workbook whatever its name; --format csv does not.
cp "$T/core.xlsx" "$T/core.dat"
ok format-xlsx "$SL" --db "$T/c.db" import --dry-run --format xlsx "$T/core.dat"
has format-xlsx-count "$T/out" "6 actions"
status 1 format-csv-on-xlsx "$SL" --db "$T/c.db" import --format csv "$T/core.xlsx"

# The sample plan documents: text → xlsx → fresh database → the same CSV,
# Croydon's impossible 31/09/21 included (in due_as_written, still a finding).
for doc in croydon-transitional-action-plan-2017 barking-dagenham-ofsted-action-plan-2014 \
           croydon-continuous-improvement-plan-2021-24; do
    rm -f "$T"/doc-*.db*
    ok "$doc-import" "$SL" --db "$T/doc-a.db" import "$SAMPLES/$doc.txt"
    ok "$doc-csv" "$SL" --db "$T/doc-a.db" export --format csv
    cp "$T/out" "$T/doc-a.csv"
    ok "$doc-xlsx" "$SL" --db "$T/doc-a.db" export --format xlsx --output "$T/doc.xlsx"
    ok "$doc-reimport" "$SL" --db "$T/doc-b.db" import "$T/doc.xlsx"
    ok "$doc-csv-again" "$SL" --db "$T/doc-b.db" export --format csv
    same "$doc-round-trip" "$T/doc-a.csv" "$T/out"
done
"$SL" --db "$T/doc-b.db" lint --json > "$T/lint.json"
py kept-date-finding "$T/lint.json" "[(x['code'],x['ref']) for x in d if x['code']=='invalid-date']==[('invalid-date','5.3')]"

# Text that a workbook writes specially survives: a carriage return (Excel's
# _x000D_), a literal "_x0041_", leading spaces in a custom field, quotes.
printf 'plan,ref,title,description,due,note\r\nP,1.1,A,"one\r\ntwo _x0041_ <&> ""q""",Oct 17,  kept\r\n' > "$T/odd.csv"
ok odd-import "$SL" --db "$T/odd-a.db" import "$T/odd.csv"
"$SL" --db "$T/odd-a.db" export --format csv > "$T/odd-a.csv"
ok odd-xlsx "$SL" --db "$T/odd-a.db" export --format xlsx --output "$T/odd.xlsx"
ok odd-reimport "$SL" --db "$T/odd-b.db" import "$T/odd.xlsx"
ok odd-csv "$SL" --db "$T/odd-b.db" export --format csv
same odd-round-trip "$T/odd-a.csv" "$T/out"
has odd-literal-escape "$T/out" "two _x0041_ <&>"

[ -z "$PY" ] && { finish; exit; }

# openpyxl reads our export: the sheets, the header row, a cell, dates as
# dates with the words beside, the frozen bold header.
"$PY" - "$T/core.xlsx" > "$T/openpyxl.out" 2>&1 <<'PY' && pass || fail "openpyxl reading our export: $(tail -n 3 "$T/openpyxl.out")"
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[0] == "All actions" and wb.sheetnames[-1] == "Read me", wb.sheetnames
ws = wb["All actions"]
header = [c.value for c in ws[1]]
assert header == ["plan", "theme_ref", "theme", "ref", "title", "description", "start", "start_as_written",
                  "due", "due_as_written", "sro", "leads", "resources", "measure", "impact", "status", "rag",
                  "rag_on_export", "latest_update", "latest_update_date", "progress", "recommendations",
                  "delivered_through"], header
rows = {r[3].value: r for r in ws.iter_rows(min_row=2)}
assert len(rows) == 6, len(rows)
assert rows["1.2"][7].value == "18 Sept 17" and rows["1.2"][11].value == "BP;RS", [c.value for c in rows["1.2"]]
assert rows["1.2"][6].value == datetime.datetime(2017, 9, 18), rows["1.2"][6].value
assert rows["1.2"][21].value == "1;2" and rows["1.2"][21].data_type == "s"
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws["A1"].font.b and not ws["A2"].font.b
assert 10 < ws.column_dimensions["E"].width <= 62, ws.column_dimensions["E"].width
PY

# A workbook made by openpyxl: date and datetime cells, a date serial as a
# plain number, numbers (a ref 2.1 stored as a number, whole and fractional
# custom values), a boolean, blank cells, a blank row, a 1904 workbook, and a
# second sheet that is not read.
"$PY" - "$T" > "$T/make.out" 2>&1 <<'PY' && pass || fail "openpyxl could not write the workbooks: $(tail -n 3 "$T/make.out")"
import sys, datetime, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
def book(path, epoch=None):
    wb = openpyxl.Workbook()
    if epoch:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Plan"
    ws.append(["plan", "theme", "ref", "title", "start", "due", "leads", "status", "recommendations", "cost", "funded"])
    ws.append(["Made elsewhere", "Strategic", "1.1", "Recruit", datetime.datetime(2017, 7, 1), datetime.date(2017, 10, 31),
               "AB;CD", "In progress", 1, 12, True])
    ws.append(["Made elsewhere", "Strategic", 2.1, "Train", None, 43100, None, "Complete", "1;2", 1.5, None])
    ws.append([])
    ws.append(["Made elsewhere", "Operational", "3.1", "Audit", "Sept 17", datetime.datetime(2018, 1, 31, 12, 30),
               "EF", None, 3, None, False])
    other = wb.create_sheet("Notes")
    other.append(["ref", "title"])
    other.append(["9.9", "Not part of the plan"])
    wb.save(path)
book(sys.argv[1] + "/made.xlsx")
book(sys.argv[1] + "/made-1904.xlsx", CALENDAR_MAC_1904)
PY
ok made-import "$SL" --db "$T/m.db" import "$T/made.xlsx"
has made-count "$T/out" "3 actions"
ok made-json "$SL" --db "$T/m.db" actions --json --as-of 2017-09-01
cp "$T/out" "$T/made.json"
py made-refs "$T/made.json" "sorted(x['ref'] for x in d)==['1.1','2.1','3.1']"
py made-dates "$T/made.json" "{x['ref']:(x['start'],x['due']) for x in d}=={'1.1':('2017-07-01','2017-10-31'),'2.1':(None,'2017-12-31'),'3.1':('2017-09-01','2018-01-31')}"
py made-leads "$T/made.json" "{x['ref']:x['leads'] for x in d}=={'1.1':['AB','CD'],'2.1':[],'3.1':['EF']}"
py made-recs "$T/made.json" "{x['ref']:x['recommendations'] for x in d}=={'1.1':[1],'2.1':[1,2],'3.1':[3]}"
py made-status "$T/made.json" "{x['ref']:x['status'] for x in d}=={'1.1':'in-progress','2.1':'complete','3.1':'not-started'}"
py made-theme "$T/made.json" "{x['ref']:x['theme'] for x in d}['3.1']=='Operational'"
ok made-csv "$SL" --db "$T/m.db" export --format csv
python3 - "$T/out" <<'PY' && pass || fail "made-custom: numbers and booleans in custom columns: $(cat "$T/out")"
import csv, sys
rows = {r["ref"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
assert (rows["1.1"]["cost"], rows["2.1"]["cost"], rows["3.1"]["cost"]) == ("12", "1.5", ""), rows
assert (rows["1.1"]["funded"], rows["3.1"]["funded"]) == ("TRUE", "FALSE"), rows
assert rows["1.1"]["start"] == "2017-07-01" and rows["3.1"]["start"] == "Sept 17", rows
PY
ok made-1904 "$SL" --db "$T/m1904.db" import "$T/made-1904.xlsx"
ok made-1904-json "$SL" --db "$T/m1904.db" actions --json --as-of 2017-09-01
py made-1904-dates "$T/out" "{x['ref']:x['due'] for x in d}['1.1']=='2017-10-31' and {x['ref']:x['start'] for x in d}['1.1']=='2017-07-01'"

# A bad cell in a workbook from elsewhere is refused at its sheet row.
"$PY" - "$T/bad-made.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["ref", "title", "due"])
ws.append(["1.1", "Recruit", "Oct 17"])
ws.append([])
ws.append(["1.2", "Train", "31/09/21"])
wb.save(sys.argv[1])
PY
status 1 made-bad-date "$SL" --db "$T/m.db" import "$T/bad-made.xlsx"
has made-bad-date-row "$T/err" "bad-made.xlsx:4: action 1.2: due '31/09/21' is not a real date"
finish
