#!/bin/bash
# The other Ofsted documents of ../shared/samples/inspections/other (focused-
# visit, JTAI and area SEND letters): each imports as an inspection event of
# its kind, with the manifest's counts of areas for priority action and of
# what needs to improve (tests/tools/ofsted_letters.py); a plan drafted from
# a letter answers each of its findings. Skipped when the corpus is absent.
. "$(dirname "$0")/lib.sh"
O=$SHARED/samples/inspections/other
if shared samples/inspections/other/manifest.csv; then
    for kind in focused-visit jtai send; do
        DB=$T/$kind.db
        "$SL" --db "$DB" init >/dev/null
        for f in "$O/$kind"/*.txt; do ok "imports $kind/$(basename "$f")" "$SL" --db "$DB" import "$f"; done
    done
    # One database per kind: two letters to one council on one day would be one event.
    for kind in focused-visit jtai send; do "$SL" --db "$T/$kind.db" inspections --json > "$T/$kind.json"; done
    python3 -c "import json,sys; print(json.dumps(sum((json.load(open(f)) for f in sys.argv[1:]), [])))" \
        "$T"/focused-visit.json "$T"/jtai.json "$T"/send.json > "$T/all.json"
    ok manifest python3 "$ROOT/tests/tools/ofsted_letters.py" "$O" "$T/all.json"
    cat "$T/out" >&2
fi
finish
