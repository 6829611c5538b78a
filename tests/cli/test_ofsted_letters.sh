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
    py every-letter-dated "$T/all.json" "all(x['start'] and x['end'] and x['start']<=x['end'] for x in d)"
    py no-judgements "$T/all.json" "all(not any(x['judgements'].values()) for x in d)"

    # A plan drafted from a focused visit answers its 3 areas for priority
    # action and its 5 things to improve, each traceable to its actions.
    DB=$T/draft.db
    "$SL" --db "$DB" init >/dev/null
    ok import-letter "$SL" --db "$DB" import "$O/focused-visit/stockton-on-tees-2022-10-26.txt"
    has import-counts "$T/out" "5 recommendations, 3 areas for priority action"
    ok draft "$SL" --db "$DB" plan draft --inspection 1
    has draft-says "$T/out" "8 recommendations"
    has draft-deadline "$T/out" "20 working days"
    ok trace "$SL" --db "$DB" recommendations --plan 1 --json
    py trace-every-finding "$T/out" "len(d)==8 and all(len(r['actions'])==1 for r in d) and d[0]['text'].startswith('The identification and screening of risk')"
    # A JTAI letter drafts a plan too.
    ok import-jtai "$SL" --db "$DB" import "$O/jtai/barnsley-2022-07-18.txt"
    ok draft-jtai "$SL" --db "$DB" plan draft --inspection 2
    has draft-jtai-says "$T/out" "7 recommendations"
fi
finish
