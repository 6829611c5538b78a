#!/bin/bash
# Search (issue 13 item 7): one query across plans, actions, progress
# updates, recommendations, measures and people; every word a quoted
# prefix, so query syntax typed by a user is only words; ranked (a word in
# a title before the same word in a description); an edit, an update and a
# re-import are found at once (SQLite's index is kept by triggers,
# PostgreSQL searches the tables); superseded versions are left out.
. "$(dirname "$0")/lib.sh"
DB=$T/s.db
CSV=$T/croydon.csv
cp "$ROOT/examples/croydon-transitional-2017.csv" "$CSV"
s() { "$SL" --db "$DB" "$@"; }
# kinds JSON-FILE: prints "kind:total" for each kind with results.
kinds() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' '.join('%s:%d'%(g['kind'],g['total']) for g in d['groups'] if g['total']))" "$1"; }
# refs JSON-FILE KIND: prints the keys of that kind's results, in order.
refs() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' '.join(r['key'] for g in d['groups'] if g['kind']==sys.argv[2] for r in g['results']))" "$1" "$2"; }
# expect NAME GOT WANT
expect() { if [ "$2" = "$3" ]; then pass; else fail "$1: got '$2', want '$3'"; fi; }

ok init s init
ok import s import "$CSV" --authority Croydon
ok import-barking s import "$ROOT/examples/documents/barking-dagenham-ofsted-action-plan-2014.txt"
ok help s search --help
# An import indexes its actions in one statement at its end (the setting
# that holds the trigger off meanwhile never outlives the import).
ok settings-after-import s settings
lacks no-defer-left "$T/out" "search.defer"

# An action by a word of its title (a prefix: "improvem" finds "Improvement").
ok action-title s search strategic improvem partner --json
expect action-title-found "$(refs "$T/out" action)" "1.4"
# The --json shape: query, and a group per kind with results and a total.
py json-shape "$T/out" "d['query']=='strategic improvem partner' and [g['kind'] for g in d['groups']]==['plan','action','update','recommendation','measure','person'] and all(set(g)=={'kind','total','ranked','results'} for g in d['groups']) and set(d['groups'][1]['results'][0])=={'id','key','title','snippet','context','url'} and d['groups'][1]['results'][0]['url'].startswith('/actions/') and d['groups'][1]['results'][0]['context']!=''"

# A progress update by a word of its note.
ok update s update 1.4 --plan 1 --note "Partner visit from Kirklees wombatish reviewers" --as-of 2017-09-06
ok update-found s search wombatish --json
expect update-kind "$(kinds "$T/out")" "update:1"
py update-snippet "$T/out" "'wombatish' in d['groups'][2]['results'][0]['snippet'] and d['groups'][2]['results'][0]['key']=='1.4' and d['groups'][2]['results'][0]['url'].endswith('#history')"
ok update-text s search wombatish
has update-text-marked "$T/out" "[wombatish]"
has update-text-heading "$T/out" "Progress updates (1)"

# A recommendation by a word of its text; a person by their label; a measure.
ok rec s search unplanned --json
py rec-kind "$T/out" "d['groups'][3]['total']==1"
py rec-url "$T/out" "d['groups'][3]['results'][0]['url'].endswith('/recommendations#rec-1')"
ok person s search JH --json
py person-found "$T/out" "any(r['key']=='JH-B' for r in d['groups'][5]['results'])"
ok measure-add s measure add QX1 --name "Quinoaish referrals re-referred" --unit count --polarity lower
ok measure s search quinoaish --json
expect measure-kind "$(kinds "$T/out")" "measure:1"
expect measure-key "$(refs "$T/out" measure)" "QX1"

# Ranking: the word in a title comes before the same word in a description.
ok add-body s add-action --plan 1 --ref 9.2 --title "Another review" --description "A zephyrine audit"
ok add-title s add-action --plan 1 --ref 9.1 --title "Zephyrine review"
ok rank s search zephyrine --json
expect rank-order "$(refs "$T/out" action)" "9.1 9.2"
# After an edit the old word no longer finds it and the new one does.
ok edit s edit 9.1 --plan 1 --title "Quokkaish review"
ok after-edit-old s search zephyrine --json
expect old-word-gone "$(refs "$T/out" action)" "9.2"
ok after-edit-new s search quokkaish --json
expect new-word-found "$(refs "$T/out" action)" "9.1"
# Withdrawn actions stay found (their page still shows them).
ok withdraw s withdraw 9.2 --plan 1 --reason "Merged"
ok after-withdraw s search zephyrine --json
expect withdrawn-found "$(refs "$T/out" action)" "9.2"

# A re-imported plan: the superseded version is left out; carried updates are found.
sed -i 's/Engage a Strategic Improvement Partner/Engage a Strategic Improvement Partner soon/' "$CSV"
ok reimport s import "$CSV" --authority Croydon
ok after-reimport s search strategic improvem partner --json
expect one-current-version "$(refs "$T/out" action)" "1.4"
ok carried-update s search wombatish --json
expect carried-update-found "$(kinds "$T/out")" "update:1"
ok plan-title s search croydon --json
py plan-found "$T/out" "d['groups'][0]['total']>=1 and d['groups'][0]['results'][0]['url'].startswith('/plans/')"

# A database made before search (its index and triggers absent, its version
# one back: search's is the last migration) gets them, filled, on opening.
if sqlite_only "a database file made before the search migration"; then
    cp "$DB" "$T/old.db"
    python3 - "$T/old.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'").fetchall():
    db.execute(f"DROP TRIGGER {name}")
db.execute("DROP TABLE search_fts")
v = db.execute("PRAGMA user_version").fetchone()[0]
db.execute(f"PRAGMA user_version = {v - 1}")
db.commit()
PY
    ok old-db "$SL" --db "$T/old.db" search wombatish --json
    expect old-db-indexed "$(kinds "$T/out")" "update:1"
    ok old-db-kept "$SL" --db "$T/old.db" update 1.4 --plan 3 --note "Numbatish" --as-of 2017-09-07
    ok old-db-triggers "$SL" --db "$T/old.db" search numbatish --json
    expect old-db-new-found "$(kinds "$T/out")" "update:1"
fi

# A backup, and a copy into a new SQLite file (from either backend: its
# triggers index the rows as they are copied), keep every result.
if sqlite_only "sightline backup"; then
    ok backup s backup "$T/backup.db"
    ok backup-search "$SL" --db "$T/backup.db" search wombatish --json
    expect backup-found "$(kinds "$T/out")" "update:1"
fi
real=${SL_REAL:-$SL}
src=$DB
[ "$BACKEND" = postgresql ] && src=$("$SL" --url-for "$DB")
ok copy "$real" copy --from "$src" --to "$T/copied.db"
ok copy-search "$real" --db "$T/copied.db" search wombatish --json
expect copy-found "$(kinds "$T/out")" "update:1"
ok copy-rec "$real" --db "$T/copied.db" search unplanned --json
py copy-rec-found "$T/out" "d['groups'][3]['total']==1"

# Query syntax is only words: quotes, stars, NEAR, column filters, brackets.
for q in 'NEAR(a b' 'title:partner' 'partner OR' "o'brien" 'a"b' '^x' '-x' 'x AND' 'x*' '{a b}:c'; do
    ok "syntax $q" s search "$q"
done
for q in '"' '*' '(' '- -' ':^'; do
    status 1 "syntax-only $q" s search "$q"
done
status 1 empty s search ""
has empty-says "$T/err" "nothing to search for"
status 1 punctuation s search '?!*()'
has punctuation-says "$T/err" "type a word"
status 2 no-words s search
status 1 bad-limit s search partner --limit 0
ok nothing s search xyzzyplugh
has nothing-says "$T/out" "Nothing matches"
# A kind with more matches than can be ranked lists the newest first.
ok unranked s search a --json
py unranked-newest "$T/out" "[(g['total']>2000)==(not g['ranked']) for g in d['groups']]==[True]*6"
ok limit s search the --limit 2 --json
py limit-caps "$T/out" "all(len(g['results'])<=2 for g in d['groups']) and d['groups'][1]['total']>2"
finish
