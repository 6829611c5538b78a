#!/bin/bash
# The real Ofsted documents of ../shared/samples/inspections (105 ILACS and SIF
# reports, and the focused-visit, JTAI and SEND letters) read without harm:
# each one either imports or is refused with a message naming the file, exit
# 0 or 1, never a crash, a hang or a sanitizer report, and a refused one
# leaves the database unchanged. (What each should yield is the documents
# reader's own tests; this is the floor every document stands on.) The
# corpora are large and stay in ../shared: without it these checks are skipped.
. "$(dirname "$0")/lib.sh"
DB=$T/c.db
"$SL" --db "$DB" init >/dev/null

# reads FILE: one document, imported for real; exit 0, or 1 with a message
# and the database unchanged.
reads() {
    local f=$1 name
    name=$(basename "$f")
    local before after
    before=$(sha256sum < "$DB")
    timeout 30 "$SL" --db "$DB" import "$f" >"$T/out" 2>"$T/err"
    local rc=$?
    case $rc in
    0) pass ;;
    1) after=$(sha256sum < "$DB")
       if [ -s "$T/err" ] && [ "$before" = "$after" ]; then pass
       else fail "$name: refused without a message or with the database changed"; fi ;;
    *) fail "$name: exit $rc: $(head -c 300 "$T/err")" ;;
    esac
}

for dir in inspections/ilacs inspections/other/focused-visit inspections/other/jtai inspections/other/send; do
    if shared "samples/$dir"; then
        for f in "$SHARED/samples/$dir"/*.txt; do reads "$f"; done
    fi
done
finish
