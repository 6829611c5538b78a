#!/bin/bash
# Re-import merges and loses nothing (issue 13, item 3): three versions of a
# plan with updates, sign-offs, a manual RAG, plan settings and report
# commentary recorded between them. Every update recorded is still on the
# current version (counted by its note), matched by ref, then by title; an
# action a version drops stays visible as withdrawn with its record; what
# changed is printed; a document's own new status becomes an update.
. "$(dirname "$0")/lib.sh"
DB=$T/r.db
EX=$ROOT/examples/croydon-transitional-2017.csv
s() { "$SL" --db "$DB" "$@"; }
# version N: writes the example plan as version N (edits by csv module, so quoting holds).
version() {
    python3 - "$EX" "$T/v$1.csv" "$1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
n = int(sys.argv[3])
out = []
for r in rows:
    if n >= 2 and r["ref"] == "1.3":
        continue                                  # dropped from version 2 on
    if n >= 2 and r["ref"] == "1.2":
        r["due"] = "31 Mar 18"                    # a due date moved
    if n >= 2 and r["ref"] == "1.5":
        r["ref"] = "1.5a"                         # renumbered: matched by title
    if n >= 3 and r["ref"] == "2.1":
        r["status"] = "Complete"                  # the document itself moves it on
        r["progress"] = "Completed per version 3"
    out.append(r)
if n >= 2:
    extra = dict(out[-1]); extra.update(ref="9.1", title="A new action of version 2", progress="", status="Not started")
    out.append(extra)
w = csv.DictWriter(open(sys.argv[2], "w", newline="", encoding="utf-8"), fieldnames=list(rows[0].keys()))
w.writeheader(); w.writerows(out)
PY
}
NOTES=0
# note REF TEXT [ARGS]: an update with a numbered note; counted.
note() { local ref=$1 text=$2; shift 2; NOTES=$((NOTES + 1)); ok "note-$NOTES" s update "$ref" --note "n$NOTES $text" "$@"; }

version 1; version 2; version 3
ok init s init
ok v1 s import "$T/v1.csv" --authority Croydon
ok settings s plan settings 1 --requires-signoff yes --update-cycle-days 7
note 2.2 "complete" --status complete --as-of 2017-09-01
note 2.2 "signed off" --status signed-off --as-of 2017-09-02
note 3.7 "manual" --rag red --reason "Panel moved" --as-of 2017-09-03
note 1.3 "about to be dropped" --as-of 2017-09-03
note 1.5 "before renumbering" --status on-track --as-of 2017-09-03
ok commentary s report comment highlight --plan 1 --theme 2 --section worried --text "Agency costs" --as-of 2017-09-05

ok v2 s import "$T/v2.csv" --authority Croydon
has v2-prints-changes "$T/out" "changes from version 1"
has v2-prints-kept "$T/out" "kept from version 1:"
has v2-withdrawn "$T/out" "1 removed action kept as withdrawn"
[ -n "${SHOW_MERGE:-}" ] && grep "kept from" "$T/out" >&2
note 2.2 "after v2" --as-of 2017-09-10
note 1.5a "renumbered, same record" --as-of 2017-09-10
note 9.1 "new in v2" --status in-progress --as-of 2017-09-10
note 2.1 "before the document moves it" --status on-track --as-of 2017-09-10

ok v3 s import "$T/v3.csv" --authority Croydon
[ -n "${SHOW_MERGE:-}" ] && grep "kept from" "$T/out" >&2
has v3-moved "$T/out" "1 status changed by the document itself"
ok plans s plans --json
py three-versions "$T/out" "len(d)==1 and d[0]['version']==3"
ok current s actions --json
cp "$T/out" "$T/current.json"
# Every note recorded is on the current version, exactly once.
python3 - "$SL" "$DB" "$NOTES" <<'PY' >"$T/count" 2>&1
import json, subprocess, sys
sl, db, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
cur = json.loads(subprocess.run([sl, "--db", db, "actions", "--json"], capture_output=True, text=True).stdout)
notes = []
for a in cur:
    h = json.loads(subprocess.run([sl, "--db", db, "show", a["ref"], "--plan", str(a["plan_id"]), "--json"],
                                  capture_output=True, text=True).stdout)["history"]
    notes += [u["note"] for u in h if u["note"].startswith("n")]
ours = sorted(n for n in notes if n.split(" ")[0][1:].isdigit())
print(len(ours), len(set(ours)), want)
PY
read -r found distinct want <"$T/count"
[ "$found" = "$want" ] && [ "$distinct" = "$want" ] && pass || fail "notes on the current version: $(cat "$T/count") (found distinct want)"
py signed-off-kept "$T/current.json" "[(a['status'],a['rag']) for a in d if a['ref']=='2.2']==[('signed-off','blue')]"
py manual-kept "$T/current.json" "[(a['rag_manual'],a['rag_reason']) for a in d if a['ref']=='3.7']==[('red','Panel moved')]"
py dropped-withdrawn "$T/current.json" "[a['status'] for a in d if a['ref']=='1.3']==['withdrawn']"
ok dropped-show s show 1.3 --plan 3 --json
py withdrawn-once "$T/out" "[h['status'] for h in d['history']].count('withdrawn')==1 and d['history'][0]['note'].startswith('n4 ')"
py renumbered-kept "$T/current.json" "[a['status'] for a in d if a['ref']=='1.5a']==['on-track']"
py document-moved "$T/current.json" "[a['status'] for a in d if a['ref']=='2.1']==['complete']"
py new-action "$T/current.json" "[a['status'] for a in d if a['ref']=='9.1']==['in-progress']"
py same-count "$T/current.json" "len(d)==51"
ok settings-shown s plan settings 3
has settings-kept-v3 "$T/out" "update every 7 days, sign-off required"
ok commentary-kept s report highlight --plan 3 --as-of 2017-09-05 --format md -o "$T/h.md"
has commentary-in-v3 "$T/h.md" "Agency costs"
ok history s history --json
py merge-audited "$T/out" "len([e for e in d if e['operation']=='merge'])==2"
# A dry run of a new version says what would change and writes nothing.
sum=$(sha256sum "$DB" | cut -d' ' -f1)
version 4 2>/dev/null; sed -i 's/A new action of version 2/A new action retitled/' "$T/v4.csv"
ok dry s import "$T/v4.csv" --authority Croydon --dry-run
lacks dry-keeps-nothing "$T/out" "kept from version"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$sum" ] && pass || fail "a dry run changed the database"
finish
