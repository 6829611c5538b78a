#!/bin/bash
# Excel trackers as councils keep them, built with the standard library by
# tests/tools/make_tracker.py: a title and a blank row above the header row,
# merged theme cells, serial dates in the 1900 and 1904 systems, text dates,
# a RAG shown only by the status cells' fill, a hidden sheet, formulas with
# cached values. Plan layouts in councils' words (item 4) read alike from
# CSV, workbook and text. The exported workbook read back by a second,
# independent reader (tests/tools/read_xlsx.py), and imported back to the
# same plan.
. "$(dirname "$0")/lib.sh"
TOOLS=$ROOT/tests/tools
python3 "$TOOLS/make_tracker.py" "$T" && pass || fail "make_tracker.py did not run"

# jq-like checks over a JSON file: py NAME FILE EXPR (lib.sh).
for wb in tracker tracker-1904; do
    DB=$T/$wb.db
    ok "$wb-import" "$SL" --db "$DB" import "$T/$wb.xlsx"
    has "$wb-title" "$T/out" "imported 'Children's Services Improvement Tracker' version 1: 5 actions, 2 themes"
    has "$wb-hidden-said" "$T/out" "sheet 'Lookups' is hidden and was not read"
    ok "$wb-json" "$SL" --db "$DB" actions --json --as-of 2024-02-01
    cp "$T/out" "$T/$wb.json"
    J=$T/$wb.json
    py "$wb-refs" "$J" "[x['ref'] for x in d]==['1.1','1.2','1.3','2.1','2.2']"
    # The merged "Area for improvement" cells reach every row they span.
    py "$wb-themes" "$J" "[x['theme'] for x in d]==['Quality of practice']*3+['Leadership']*2"
    # Serials in a date style, a plain serial in the due column, a text date,
    # a formula's cached date; a formula with no cached value is no date.
    py "$wb-starts" "$J" "[x['start'] for x in d]==['2024-01-08',None,None,'2024-02-01',None]"
    py "$wb-dues" "$J" "[x['due'] for x in d]==['2024-03-31','2024-06-30','2024-09-30','2024-12-31',None]"
    # No RAG column: the status cells' fill is the RAG (rgb, theme and indexed
    # colours); a grey fill is none.
    py "$wb-colour-rag" "$J" "[x['rag_manual'] for x in d]==['red','amber','green','red',None]"
    py "$wb-colour-reason" "$J" "[x['rag_reason'] for x in d][:4]==['spreadsheet colour']*4"
    py "$wb-status" "$J" "[x['status'] for x in d]==['in-progress','in-progress','complete','not-started','planned']"
    ok "$wb-lint" "$SL" --db "$DB" lint --json
    py "$wb-hidden-reported" "$T/out" "[x['message'] for x in d if x['code']=='hidden-sheet']==[\"sheet 'Lookups' is hidden and was not read (the plan is sheet 'Tracker')\"]"
    lacks "$wb-header-fill-not-rag" "$T/$wb.json" "Lookups"
done
same tracker-1904-same-plan "$T/tracker.json" "$T/tracker-1904.json"

# A workbook whose sheets are all hidden, or a zip of something else: exit 1,
# a clear message, the database unchanged.
before=$(sha256sum "$T/tracker.db" | cut -d' ' -f1)
status 1 all-hidden "$SL" --db "$T/tracker.db" import "$T/all-hidden.xlsx"
has all-hidden-says "$T/err" "every sheet of the workbook is hidden"
status 1 not-workbook "$SL" --db "$T/tracker.db" import "$T/not-workbook.xlsx"
# Read by content, not by name: this "workbook" is a Word package (with no text in it).
has not-workbook-says "$T/err" "not-workbook.xlsx: the Word document holds no text"
[ "$(sha256sum "$T/tracker.db" | cut -d' ' -f1)" = "$before" ] && pass || fail "a refused workbook changed the database"

# Item 4: the same three layouts from CSV, workbook and a text table give the same actions.
for n in 1 2 3; do
    for ext in csv xlsx txt; do
        ok "layout-$n-$ext" "$SL" --db "$T/layout-$n-$ext.db" import "$T/layout-$n.$ext"
        ok "layout-$n-$ext-json" "$SL" --db "$T/layout-$n-$ext.db" actions --json --as-of 2024-01-01
        python3 -c "import json,sys; print(json.dumps([[x[k] for k in ('ref','title','sro','due','status','rag_manual','theme')] for x in json.load(open(sys.argv[1]))]))" \
            "$T/out" > "$T/layout-$n-$ext.actions"
    done
    same "layout-$n-xlsx-as-csv" "$T/layout-$n-csv.actions" "$T/layout-$n-xlsx.actions"
    same "layout-$n-txt-as-csv" "$T/layout-$n-csv.actions" "$T/layout-$n-txt.actions"
done
A=$T/layout-1-csv.actions
py layout-1 "$A" "d==[['1','Recruit social workers','DCS','2024-03-31','on-track',None,''],['2','Audit cases','HoS','2024-06-30','complete',None,'']]"
A=$T/layout-2-csv.actions
py layout-2 "$A" "d==[['1','Recruit social workers','DCS','2024-03-31','not-started','amber',''],['2','Audit cases','HoS','2024-06-30','not-started','green','']]"
A=$T/layout-3-csv.actions
py layout-3 "$A" "[x[6] for x in d]==['Quality of practice']*2 and [x[1] for x in d]==['Recruit social workers','Audit cases']"
# A council's status that is a RAG word, or narrative, is kept (a finding says how).
printf 'No.,What?,Who?,When?,Current status\r\n1,Recruit,DCS,March 2024,Red\r\n2,Audit,HoS,Ongoing,Three audits done\r\n' > "$T/words.csv"
ok words-import "$SL" --db "$T/words.db" import "$T/words.csv"
ok words-json "$SL" --db "$T/words.db" actions --json --as-of 2024-01-01
py words-rag "$T/out" "[x['rag_manual'] for x in d]==['red',None] and [x['status'] for x in d]==['in-progress']*2"
ok words-lint "$SL" --db "$T/words.db" lint --json
py words-findings "$T/out" "sorted(x['ref'] for x in d if x['code']=='doubtful-row')==['1','2']"

# Export: -o FILE and standard output give the same workbook cells; the
# second reader sees what a council keeps using.
DB=$T/tracker.db
ok update "$SL" --db "$DB" update 1.2 --plan 1 --status at-risk --note "Two posts vacant" --as-of 2024-01-20
ok export-o "$SL" --db "$DB" export --format xlsx -o "$T/export.xlsx" --as-of 2024-02-01
ok export-stdout "$SL" --db "$DB" export --format xlsx --as-of 2024-02-01
cp "$T/out" "$T/stdout.xlsx"
ok export-csv-o "$SL" --db "$DB" export --format csv -o "$T/export.csv"
ok export-json-o "$SL" --db "$DB" export --format json -o "$T/export.json"
py export-json-file "$T/export.json" "d[0]['title']==\"Children's Services Improvement Tracker\""
python3 "$TOOLS/read_xlsx.py" "$T/export.xlsx" > "$T/export.read" && pass || fail "read_xlsx.py could not read the export"
python3 "$TOOLS/read_xlsx.py" "$T/stdout.xlsx" > "$T/stdout.read" && pass || fail "read_xlsx.py could not read stdout"
python3 - "$T/export.read" "$T/stdout.read" <<'PY' && pass || fail "-o and standard output differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
strip = lambda w: [(s["name"], s["cells"]) for s in w["sheets"] if s["name"] != "Read me"]
assert strip(a) == strip(b)
PY
R=$T/export.read
py export-sheets "$R" "[s['name'] for s in d['sheets']]==['All actions','Quality of practice','Leadership','Read me']"
py export-frozen "$R" "all(s['frozen']=='A2' for s in d['sheets'][:3])"
py export-filter "$R" "[s['autofilter'] for s in d['sheets'][:3]]==['A1:W6','A1:W4','A1:W3']"
py export-header "$R" "[d['sheets'][0]['cells'][c+'1']['value'] for c in 'DEGHIJQRST']==['ref','title','start','start_as_written','due','due_as_written','rag','rag_on_export','latest_update','latest_update_date']"
py export-bold "$R" "d['sheets'][0]['cells']['A1']['bold'] and not d['sheets'][0]['cells']['A2']['bold']"
# Dates are numbers in a date format, the council's words beside them.
py export-start-date "$R" "(lambda c: c['G2']['type']=='n' and c['G2']['value']==45299 and 'yy' in c['G2']['format'])(d['sheets'][0]['cells'])"
py export-due-words "$R" "(lambda c: c['I4']['value']==45565 and c['J4']['value']=='Sept 24' and c['J4']['type'] in ('s','inlineStr'))(d['sheets'][0]['cells'])"
py export-no-date "$R" "'I6' not in d['sheets'][0]['cells']"
# The RAG as of the export day in words, filled with its colour.
py export-rag-words "$R" "[d['sheets'][0]['cells']['R%d'%r]['value'] for r in range(2,7)]==['Red','Amber','Green','Red','Grey']"
py export-rag-fill "$R" "[d['sheets'][0]['cells']['R%d'%r]['fill'] for r in range(2,7)]==['C00000','FFC000','00B050','C00000','BFBFBF']"
py export-latest "$R" "(lambda c: c['S3']['value']=='Two posts vacant' and c['T3']['value']==45311 and 'S2' not in c)(d['sheets'][0]['cells'])"
py export-widths "$R" "(lambda w: w['E']>=len('Supervision every month') and w['A']>=20 and all(6<=v<=62 for v in w.values()))(d['sheets'][0]['widths'])"
# The readme names the database: the file, or on PostgreSQL the URL standing for it.
dbname=tracker.db; [ "$BACKEND" = postgresql ] && dbname=postgresql://
py export-readme "$R" "(lambda t: '$dbname' in t and '2024-02-01' in t and 'import' in t)(' '.join(str(c['value']) for c in d['sheets'][3]['cells'].values()))"

# Exporting to xlsx and importing the result gives back the same plan.
ok reimport "$SL" --db "$T/back.db" import "$T/export.xlsx"
ok back-csv "$SL" --db "$T/back.db" export --format csv
same round-trip "$T/export.csv" "$T/out"
ok reimport-again "$SL" --db "$T/back.db" import "$T/export.xlsx"
has reimport-unchanged "$T/out" "unchanged"
# Exported another day (another RAG on export): still the same plan file.
ok export-later "$SL" --db "$DB" export --format xlsx -o "$T/later.xlsx" --as-of 2025-02-01
ok reimport-later "$SL" --db "$T/back.db" import "$T/later.xlsx"
has reimport-later-unchanged "$T/out" "unchanged"
# A due date changed in the date cell (the words beside left alone) wins.
python3 - "$T/export.xlsx" "$T/changed.xlsx" <<'PY' && pass || fail "could not change the workbook"
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename == "xl/worksheets/sheet1.xml":
        data, n = re.subn(rb'(<c r="I2"[^>]*><v>)45382(</v>)', rb"\g<1>45412\g<2>", data)
        assert n == 1
    dst.writestr(item, data)
dst.close()
PY
ok changed-import "$SL" --db "$T/changed.db" import "$T/changed.xlsx"
ok changed-json "$SL" --db "$T/changed.db" actions --json --as-of 2024-02-01
py changed-due "$T/out" "[x['due'] for x in d][:2]==['2024-04-30','2024-06-30']"
finish
