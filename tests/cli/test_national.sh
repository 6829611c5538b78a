#!/bin/bash
# The national picture and the map, from the four sample reports: latest
# judgements, plan deadlines, and districts coloured by their authority.
. "$(dirname "$0")/lib.sh"
DB=$T/n.db
s() { "$SL" --db "$DB" "$@"; }
for f in "$SAMPLES"/inspections/*.txt; do s import "$f" >/dev/null; done
ok national s national --json --as-of 2026-11-23
py rows "$T/out" "len(d)>=150"
py halton "$T/out" "[(x['latest']['judgements']['overall']) for x in d if x['authority']=='Halton']==['inadequate']"
py dorset "$T/out" "[(x['latest']['judgements']['overall']) for x in d if x['authority']=='Dorset']==['outstanding']"
py trafford-deadline "$T/out" "[x['plan_deadline'] is not None for x in d if x['authority']=='Trafford']==[True]"
py uninspected "$T/out" "[x['latest'] for x in d if x['authority']=='Croydon']==[None]"
ok text s national --as-of 2026-11-23
python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$T/out" && pass || fail "national text over 80 columns"
ok map s map --as-of 2026-11-23
cp "$T/out" "$T/england.svg"
python3 - "$T/england.svg" <<'PY' && pass || fail "map shapes or colours wrong"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
paths = [e for e in root.iter() if e.tag.endswith('path') and e.get('data-district')]
assert len(paths) == 361, len(paths)
assert all(any(c.tag.endswith('title') for c in p) for p in paths)
grade = {p.get('data-district'): p.get('data-grade') for p in paths}
assert grade['E06000006'] == 'inadequate', grade['E06000006']
assert grade['E06000059'] == 'outstanding', grade['E06000059']
assert grade['E08000009'] == 'inadequate', grade['E08000009']   # Trafford: no overall, so leaders
assert grade['E09000008'] in ('none', '', None), grade['E09000008']   # Croydon: not inspected here
PY
ok map-leaders s map --judgement leaders
status 2 map-bad-judgement s map --judgement everything
finish
