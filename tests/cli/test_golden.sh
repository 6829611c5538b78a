#!/bin/bash
# Reports against golden files in tests/golden/: the text a board or a
# programme manager reads must not change by accident. UPDATE_GOLDEN=1
# rewrites the files (review the diff before committing).
. "$(dirname "$0")/lib.sh"
export SIGHTLINE_NOW=2017-09-05T09:00:00Z
DB=$T/g.db
G=$ROOT/tests/golden
s() { "$SL" --db "$DB" "$@"; }
# A relative path, so the source named in reports is the same in any checkout.
(cd "$ROOT" && "$SL" --db "$DB" import examples/croydon-transitional-2017.csv --authority Croydon >/dev/null)
s update 2.2 --status on-track --note "Unit manager and three social workers in post; caseloads now 18" --as-of 2017-09-04 >/dev/null
s update 3.7 --status at-risk --rag amber --reason "Panel date moved" --as-of 2017-09-04 >/dev/null

# golden NAME CMD...: the command's output equals tests/golden/NAME.txt.
golden() {
    local name=$1; shift
    "$@" >"$T/$name.txt" 2>&1 || { fail "$name: exit $?"; return; }
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$T/$name.txt" "$G/$name.txt"; fi
    same "golden-$name" "$G/$name.txt" "$T/$name.txt"
}
golden actions s actions --as-of 2017-09-05
golden actions-overdue s actions --overdue --as-of 2017-09-05
golden plans s plans --as-of 2017-09-05
golden show-2.16 s show 2.16 --as-of 2017-09-05
golden show-3.7 s show 3.7 --as-of 2017-09-05
golden lint s lint
golden history s history
# golden_file NAME.EXT CMD...: the file the command writes to $T/NAME.EXT equals tests/golden/NAME.EXT.
golden_file() {
    local name=$1; shift
    "$@" -o "$T/$name" >"$T/$name.log" 2>&1 || { fail "$name: exit $?: $(head -c 300 "$T/$name.log")"; return; }
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$T/$name" "$G/$name"; fi
    same "golden-$name" "$G/$name" "$T/$name"
}
# The highlight report of the Croydon transitional plan, with a theme's commentary.
s report comment highlight --plan 1 --theme 2 --section worried --as-of 2017-09-01 \
    --text "Agency social workers are scarce: the new posts in 2.2 are not yet all filled." >/dev/null
golden_file report-highlight-2017-09-05.md s report highlight --as-of 2017-09-05 --format md
golden_file report-highlight-2017-09-05.html s report highlight --as-of 2017-09-05 --format html \
    --board "Croydon Children's Improvement Board"
# The board pack for the Improvement Board's meeting of 2017-09-05 on the
# fixed database of board_db.sh (the Croydon plan, two meetings, attendance,
# an action arising, two risks, a decision).
. "$HERE/board_db.sh"
board_db "$T/board.db"
golden_file board-pack-2017-09-05.md "$SL" --db "$T/board.db" report board --meeting 2017-09-05 \
    --as-of 2017-09-05 --format md
golden_file board-pack-2017-09-05.html "$SL" --db "$T/board.db" report board --meeting 2017-09-05 \
    --as-of 2017-09-05 --format html
# Every line of the human output fits an 80-column terminal.
for f in actions actions-overdue plans show-2.16 show-3.7; do
    python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' \
        "$T/$f.txt" && pass || fail "$f has lines over 80 columns"
done
finish
