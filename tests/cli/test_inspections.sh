#!/bin/bash
# Ofsted reports and the ILACS scrape CSV: the four sample reports yield the
# judgements and items of samples/README.md; bad input is refused with the
# database unchanged; a plan is drafted from a report.
. "$(dirname "$0")/lib.sh"
DB=$T/i.db
R=$SAMPLES/inspections
s() { "$SL" --db "$DB" "$@"; }
ok init s init
for f in "$R"/*.txt; do ok "import-$(basename "$f")" s import "$f"; done
ok again s import "$R/80471_halton_12-july-2024.txt"
has again-unchanged "$T/out" "unchanged"
ok list s inspections --json
cp "$T/out" "$T/i.json"
py four "$T/i.json" "len(d)==4"
py halton "$T/i.json" "[(x['start'],x['end'],x['judgements']['overall'],len(x['recommendations'])) for x in d if x['authority'].startswith('Halton')]==[('2024-05-13','2024-05-24','inadequate',12)]"
py bury-no-care-leavers "$T/i.json" "[x['judgements']['care_leavers'] for x in d if x['authority'].startswith('Bury')]==[None]"
py trafford-post-reform "$T/i.json" "[(x['judgements']['overall'],x['judgements']['in_care']) for x in d if x['authority'].startswith('Trafford')]==[(None,'good')]"
py trafford-outcomes "$T/i.json" "all(o for x in d if x['authority'].startswith('Trafford') for o in x['framework_outcomes'])"
py dorset-one "$T/i.json" "[len(x['recommendations']) for x in d if x['authority'].startswith('Dorset')]==[1]"
py kinds "$T/i.json" "all(x['kind']=='ilacs' and x['priority_actions']==[] for x in d)"
py authority-codes "$T/i.json" "all(x['authority_code'] and x['authority_code'].startswith('E') for x in d)"

# A database made before inspections had kinds (migration 5 not applied):
# opening it adds the columns, and the kind is read from the framework.
if sqlite_only "a database file made before migration 7"; then
    cp "$DB" "$T/old.db"
    python3 - "$T/old.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# The later migrations are undone too, so that 7 and every one after it
# apply again: 13 (separation by authority), 9 (plan_inspections), 8 (sign_in_events).
for index in ("boards_authority", "risks_authority", "measures_authority", "inspections_authority_id",
              "user_grants_user"):
    db.execute(f"DROP INDEX IF EXISTS {index}")
db.execute("DROP TABLE IF EXISTS user_grants")
for table in ("inspections", "measures", "boards", "risks"):
    db.execute(f"ALTER TABLE {table} DROP COLUMN authority_id")
db.execute("ALTER TABLE inspections DROP COLUMN kind")
db.execute("ALTER TABLE inspection_items DROP COLUMN priority")
db.execute("DROP TABLE IF EXISTS sign_in_events")
db.execute("DROP TABLE IF EXISTS plan_inspections")
db.execute("DROP INDEX sessions_user")                  # 10: sessions listed and ended
db.execute("DROP INDEX sessions_ref")
for column in ("ref", "address", "user_agent"):
    db.execute(f"ALTER TABLE sessions DROP COLUMN {column}")
db.execute("DROP TABLE IF EXISTS measure_figures")          # 11: measure figures
if any(c[1] == "version" for c in db.execute("PRAGMA table_info(measure_values)")):
    db.execute("ALTER TABLE measure_values DROP COLUMN version")
for table in ("evidence_files", "pending_imports"):     # 12: evidence files and pending imports
    db.execute(f"DROP TABLE IF EXISTS {table}")
db.execute("PRAGMA user_version = 6")
db.commit()
PY
    ok old-db "$SL" --db "$T/old.db" inspections --json
    py old-db-kinds "$T/out" "len(d)==4 and all(x['kind']=='ilacs' and x['priority_actions']==[] for x in d)"
fi

# Bad reports are refused whole.
before=$(sha256sum < "$DB")
printf 'Inspection of Nowhere\nJudgement Grade\n' > "$T/cut.txt"
status 1 cut-off-report s import "$T/cut.txt"
sed 's/Inadequate/Inadequat/' "$R/80471_halton_12-july-2024.txt" | sed 's/Halton/Haltonia/g' > "$T/misspelt.txt"
status 1 misspelt-grade s import "$T/misspelt.txt" --inspection
has misspelt-names-line "$T/err" "misspelt.txt:"
printf 'hello, this is not a PDF' > "$T/report.pdf"
status 1 not-a-pdf s import "$T/report.pdf" --inspection
[ "$(sha256sum < "$DB")" = "$before" ] && pass || fail "a refused report changed the database"

# The ILACS scrape CSV: all rows or none; an unknown authority names its line.
H=urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade
cat > "$T/ilacs.csv" <<CSV
$H
80492,Croydon,https://example.org/1,80492_croydon.pdf,10/03/20,standard,A Inspector,13/01/2020,24/01/2020,good,good,good,requires_improvement,inspection_pre_dates_judgement
80486,Barking and Dagenham,https://example.org/2,80486_bd.pdf,01/07/19,standard,B Inspector,03/06/2019,14/06/2019,requires_improvement,requires_improvement,good,requires_improvement,data_unreadable
CSV
ok load s inspections load "$T/ilacs.csv"
has load-says "$T/out" "loaded 2 inspections"
ok load-again s inspections load "$T/ilacs.csv"
has load-again-says "$T/out" "2 already there"
ok after-load s inspections --json
py croydon-loaded "$T/out" "[(x['judgements']['overall'],x['judgements']['care_leavers']) for x in d if x['authority']=='Croydon']==[('good',None)]"
before=$(sha256sum < "$DB")
{ echo "$H"; echo "80521,Hertfordshire,https://example.org/3,h.pdf,01/07/19,standard,C,03/06/2019,14/06/2019,good,good,good,good,good";
  echo "99999,Atlantis,https://example.org/4,a.pdf,01/07/19,standard,D,03/06/2019,14/06/2019,good,good,good,good,good"; } > "$T/unknown.csv"
status 1 unknown-authority s inspections load "$T/unknown.csv"
has unknown-names-line "$T/err" "unknown.csv:3"
[ "$(sha256sum < "$DB")" = "$before" ] && pass || fail "a refused load changed the database"

# The same reports as real PDFs (made by tests/tools/text_to_pdf.py, read back
# through pdftotext, page breaks and all) give the same inspections.
"$SL" --db "$T/pdf.db" init >/dev/null
for f in "$R"/*.txt; do
    python3 "$ROOT/tests/tools/text_to_pdf.py" "$f" "$T/$(basename "$f" .txt).pdf"
    ok "pdf-import-$(basename "$f" .txt)" "$SL" --db "$T/pdf.db" import "$T/$(basename "$f" .txt).pdf"
done
ok pdf-list "$SL" --db "$T/pdf.db" inspections --json
python3 - "$T/i.json" "$T/out" <<'PY' && pass || fail "a report read from PDF differs from its text"
import json, sys
drop = ("id", "source_file", "source_sha256", "imported_at")
same = lambda f: [{k: v for k, v in x.items() if k not in drop} for x in json.load(open(f))]
a, b = same(sys.argv[1]), same(sys.argv[2])
assert a == b, [(x["authority"], k) for x, y in zip(a, b) for k in x if x[k] != y.get(k)]
PY
# A PDF that is not a report is read as a plan document, and says why it is not one.
printf 'Notes of the improvement board\n\nThe board met on 4 May and agreed the minutes.\n' > "$T/notes.txt"
python3 "$ROOT/tests/tools/text_to_pdf.py" "$T/notes.txt" "$T/notes.pdf"
status 1 pdf-not-a-plan "$SL" --db "$T/pdf.db" import "$T/notes.pdf"
has pdf-not-a-plan-says "$T/err" "no plan table found"

# A draft plan from the Halton report.
id=$(python3 -c "import json;print([x['id'] for x in json.load(open('$T/i.json')) if x['authority'].startswith('Halton')][0])")
ok draft s plan draft --inspection "$id"
has draft-deadline "$T/out" "due to Ofsted by 2024-10-21"
ok draft-recs s recommendations --json
py draft-twelve "$T/out" "len([r for r in d if r['plan'].startswith('Post-inspection action plan: Halton')])==12"
py draft-linked "$T/out" "all(len(r['actions'])==1 for r in d if r['plan'].startswith('Post-inspection'))"
ok draft-lint s lint --json
py draft-lacks "$T/out" "sum(1 for x in d if x['code'] in ('missing-lead','missing-measure','missing-due'))==36"
status 1 draft-unknown s plan draft --inspection 999
status 2 draft-needs-id s plan draft
finish
