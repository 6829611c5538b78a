#!/bin/bash
# gen and summary: a synthetic dataset that is the same for the same seed,
# and every authority side by side (sorted, filtered, paged; bad input refused
# with the database unchanged).
. "$(dirname "$0")/lib.sh"
export SIGHTLINE_NOW=2026-01-05T10:00:00Z
A=$T/a.db
B=$T/b.db
# digest DB: a hash of the data (every table's rows), not of the file.
digest() {
    if [ "$BACKEND" = sqlite ] && command -v sqlite3 >/dev/null; then sqlite3 "$1" .dump | sha256sum
    else "$SL" --db "$1" export --format json | sha256sum; fi
}
ok gen-a "$SL" --db "$A" gen --authorities 3 --years 1 --seed 7
cp "$T/out" "$T/gen-a.txt"
# untimed FILE: gen's line without the time it took.
untimed() { sed 's/ in [0-9.]* s / /' "$1"; }
has gen-line "$T/gen-a.txt" "generated 3 councils"
ok gen-b "$SL" --db "$B" gen --authorities 3 --years 1 --seed 7
[ "$(untimed "$T/gen-a.txt")" = "$(untimed "$T/out")" ] && pass || fail "gen-same-line: $(cat "$T/out")"
"$SL" --db "$A" export --format csv >"$T/a.csv"
"$SL" --db "$B" export --format csv >"$T/b.csv"
same export-csv "$T/a.csv" "$T/b.csv"
[ "$(digest "$A")" = "$(digest "$B")" ] && pass || fail "same seed, different data"
ok gen-c "$SL" --db "$T/c.db" gen --authorities 3 --years 1 --seed 8
"$SL" --db "$T/c.db" export --format csv >"$T/c.csv"
cmp -s "$T/a.csv" "$T/c.csv" && fail "another seed gave the same plans" || pass

# Counts: three councils in the reference table's order, 300-500 actions each,
# a weekly update per action (less those that fall silent).
ok plans "$SL" --db "$A" plans --json --as-of 2021-12-01
cp "$T/out" "$T/plans.json"
py councils "$T/plans.json" "[p['authority'] for p in d]==['Barking and Dagenham','Barnet','Barnsley']"
py actions "$T/plans.json" "all(300<=p['actions']<=500 for p in d)"
python3 - "$T/plans.json" "$T/gen-a.txt" <<'PY' && pass || fail "gen's counts disagree with plans"
import json, re, sys
plans = json.load(open(sys.argv[1]))
m = re.search(r'generated (\d+) councils, (\d+) actions, (\d+) progress updates', open(sys.argv[2]).read())
councils, actions, updates = map(int, m.groups())
assert councils == 3 and actions == sum(p['actions'] for p in plans), (m.groups(), plans)
assert 0.85 * actions * 52 <= updates <= actions * 53, (updates, actions)
PY
if command -v sqlite3 >/dev/null; then
    n=$(db_sql "$A" "select count(*) from progress_updates")
    grep -q "actions, $n progress updates" "$T/gen-a.txt" && pass || fail "stored $n updates: $(cat "$T/gen-a.txt")"
    n=$(db_sql "$A" "select count(*) from audit_log where operation = 'generate'")
    [ "$n" = 3 ] && pass || fail "$n generate audit entries, want one per council"
fi
ok measures "$SL" --db "$A" measures --json --as-of 2021-12-01
py measures-40 "$T/out" "len(d)==120"
ok boards "$SL" --db "$A" boards --json
py boards-3 "$T/out" "len(d)==3 and all(b['meets_every']=='1 month' for b in d)"
# Risks: 3 to 5 a council, each linked to one of its actions; the same for the same seed.
ok risks "$SL" --db "$A" risks --json
cp "$T/out" "$T/risks-a.json"
py risks-count "$T/risks-a.json" "9<=len(d)<=15 and all(len(r['actions'])==1 for r in d)"
"$SL" --db "$B" risks --json >"$T/risks-b.json"
same risks-same-seed "$T/risks-a.json" "$T/risks-b.json"
# Meetings: monthly over the year, on the day the generator gives (first Tuesdays).
ok meeting-first "$SL" --db "$A" meeting show --board "Barnet Improvement Board" --date 2021-04-06 --json
ok calendar "$SL" --db "$A" calendar --json --board "Barnet Improvement Board" --as-of 2021-04-01
py meetings-12 "$T/out" "len({e['meeting'] for e in d if e.get('meeting')})==12"
# One council's board pack: its own measures only, not every council's.
barnet=$("$SL" --db "$A" plans --json --as-of 2021-12-01 | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['authority']=='Barnet'][0])")
ok pack "$SL" --db "$A" report board --plan "$barnet" --board "Barnet Improvement Board" --as-of 2021-11-01 --format md
has pack-own-measures "$T/out" 'E09000003\_M01'
grep -q 'E08000038\\_M\|E09000002\\_M' "$T/out" && fail "a council's board pack shows another council's measures" || pass
# ... and its own risks only: 3 to 5 rows in its risk log, not the 9 to 15 of all three.
n=$(grep -c '^| R[0-9]* |' "$T/out")
[ "$n" -ge 3 ] && [ "$n" -le 5 ] && pass || fail "a council's board pack lists $n risks"
ok export-json "$SL" --db "$A" export --format json
cp "$T/out" "$T/a.json"
"$SL" --db "$B" export --format json >"$T/b.json"
same export-json-same-seed "$T/a.json" "$T/b.json"

# summary agrees with plans for one council, and its keys are there.
ok summary "$SL" --db "$A" summary --json --as-of 2021-12-01
cp "$T/out" "$T/sum.json"
python3 - "$T/sum.json" "$T/plans.json" <<'PY' && pass || fail "summary disagrees with plans"
import json, sys
s, plans = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert s['total'] == 3 and s['page'] == 1 and s['as_of'] == '2021-12-01', s
keys = {'plan_id', 'plan', 'authority', 'code', 'region', 'actions', 'rag', 'overdue', 'stale',
        'measures', 'measures_off_trajectory', 'ofsted', 'ofsted_date'}
assert all(set(r) == keys for r in s['rows']), s['rows'][0].keys()
r = [r for r in s['rows'] if r['authority'] == 'Barnet'][0]
p = [p for p in plans if p['authority'] == 'Barnet'][0]
assert r['plan_id'] == p['id'] and r['actions'] == p['actions'] and r['overdue'] == p['overdue'], (r, p)
assert r['rag'] == p['rag'], (r['rag'], p['rag'])
assert r['region'] == 'London' and r['code'] == 'E09000003', r
assert r['measures'] == 40 and 0 <= r['measures_off_trajectory'] <= 40, r
assert r['ofsted'] in ('inadequate', 'requires-improvement') and r['ofsted_date'], r
assert sum(x['stale'] for x in s['rows']) > 0, s
PY
"$SL" --db "$A" measures --json --as-of 2021-12-01 >"$T/m.json"
python3 - "$T/sum.json" "$T/m.json" <<'PY' && pass || fail "summary's measures off trajectory disagree with measures"
import collections, json, sys
s, m = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
off = collections.Counter(x['code'].split('_')[0] for x in m if x['rag'] in ('red', 'amber'))
assert all(r['measures_off_trajectory'] == off[r['code']] for r in s['rows']), (s['rows'], off)
PY
ok summary-text "$SL" --db "$A" summary --as-of 2021-12-01
has summary-total "$T/out" "3 authorities; page 1 of 1"

# Sorting, filtering, paging.
ok sort "$SL" --db "$A" summary --json --as-of 2021-12-01 --sort actions
py sort-actions "$T/out" "[r['actions'] for r in d['rows']]==sorted([r['actions'] for r in d['rows']], reverse=True)"
ok sort-ofsted "$SL" --db "$A" summary --json --as-of 2021-12-01 --sort ofsted
py sort-ofsted-order "$T/out" "[r['ofsted'] for r in d['rows']]==sorted([r['ofsted'] for r in d['rows']], key=lambda g: ['inadequate','requires-improvement'].index(g))"
ok region "$SL" --db "$A" summary --json --as-of 2021-12-01 --region London
py region-london "$T/out" "d['total']==2 and [r['authority'] for r in d['rows']]==['Barking and Dagenham','Barnet']"
ok region-code "$SL" --db "$A" summary --json --as-of 2021-12-01 --region e12000003
py region-yh "$T/out" "d['total']==1 and d['rows'][0]['authority']=='Barnsley'"
ok region-empty "$SL" --db "$A" summary --json --as-of 2021-12-01 --region "North East"
py region-none "$T/out" "d['total']==0 and d['rows']==[]"
ok page "$SL" --db "$A" summary --json --as-of 2021-12-01 --per-page 2 --page 2
py page-2 "$T/out" "d['total']==3 and d['page']==2 and d['per_page']==2 and [r['authority'] for r in d['rows']]==['Barnsley']"

# Bad input: refused, the database unchanged.
before=$(digest "$A")
status 2 authorities-0 "$SL" --db "$A" gen --authorities 0 --years 1 --seed 7
has authorities-0-says "$T/err" "--authorities"
status 2 years-x "$SL" --db "$A" gen --authorities 1 --years x --seed 7
has years-x-says "$T/err" "--years"
status 2 seed-x "$SL" --db "$A" gen --authorities 1 --years 1 --seed -3
status 1 too-many "$SL" --db "$A" gen --authorities 100000 --years 1
has too-many-says "$T/err" "councils"
status 1 again "$SL" --db "$A" gen --authorities 4 --years 1 --seed 7
has again-says "$T/err" "already has a generated plan"
status 1 unknown-region "$SL" --db "$A" summary --region Atlantis
has unknown-region-says "$T/err" "unknown region 'Atlantis'"
status 1 past-end "$SL" --db "$A" summary --per-page 2 --page 3
has past-end-says "$T/err" "past the end"
status 2 bad-sort "$SL" --db "$A" summary --sort colour
status 2 bad-page "$SL" --db "$A" summary --page 0
[ "$before" = "$(digest "$A")" ] && pass || fail "a refused command changed the database"
finish
