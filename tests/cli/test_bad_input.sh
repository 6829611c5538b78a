#!/bin/bash
# Bad input is refused whole: exit 1, a message naming file and line, and the
# database byte-for-byte unchanged. One case per row: file name, contents
# (printf format), the "file:line" the message must name.
. "$(dirname "$0")/lib.sh"
DB=$T/a.db
"$SL" --db "$DB" init >/dev/null
"$SL" --db "$DB" import "$DATA/core.csv" >/dev/null
H='plan,theme_ref,theme,ref,title,description,start,due,sro,leads,resources,measure,impact,status,rag,progress,recommendations\n'
ROW='P,1,T,1.1,A,,Jul 17,Oct 17,AB,AB,,M,I,In progress,,,1\n'
cases=(
    "impossible-date.csv|${H}${ROW}P,1,T,1.2,B,,Jul 17,31/09/21,AB,AB,,M,I,In progress,,,1\n|impossible-date.csv:3"
    "leap-day.csv|${H}P,1,T,1.2,B,,Jul 17,29/02/2023,AB,AB,,M,I,In progress,,,1\n|leap-day.csv:2"
    "unreadable-date.csv|${H}P,1,T,1.2,B,,Jul 17,when pigs fly,AB,AB,,M,I,In progress,,,1\n|unreadable-date.csv:2"
    "bad-rag.csv|${H}${ROW}P,1,T,1.2,B,,Jul 17,Oct 17,AB,AB,,M,I,In progress,purple,,1\n|bad-rag.csv:3"
    "bad-status.csv|${H}${ROW}P,1,T,1.2,B,,Jul 17,Oct 17,AB,AB,,M,I,Banana,,,1\n|bad-status.csv:3"
    "bad-recommendation.csv|${H}P,1,T,1.2,B,,Jul 17,Oct 17,AB,AB,,M,I,In progress,,,one\n|bad-recommendation.csv:2"
    "truncated.csv|${H}${ROW}P,1,T,1.2,\"B never closed,,Jul 17\n|truncated.csv:3"
    "stray-quote.csv|${H}P,1,T,1.2,B \"quoted\" badly,,Jul 17,Oct 17,AB,AB,,M,I,In progress,,,1\n|stray-quote.csv:2"
    "invalid-utf8.csv|${H}${ROW}P,1,T,1.2,B \xff\xfe,,Jul 17,Oct 17,AB,AB,,M,I,In progress,,,1\n|invalid-utf8.csv:3"
    "latin1.csv|${H}P,1,T,1.2,B,,Jul 17,Oct 17,AB,AB,\xa346k,M,I,In progress,,,1\n|latin1.csv:2"
    "empty.csv||empty.csv:1"
    "header-only.csv|${H}|header-only.csv:1"
    "no-ref-column.csv|plan,title,due\nP,A,Jul 17\n|no-ref-column.csv:1"
    "short-row.csv|${H}${ROW}P,1,T,1.2,B\n|short-row.csv:3"
    "missing-ref.csv|${H}P,1,T,,B,,Jul 17,Oct 17,AB,AB,,M,I,In progress,,,1\n|missing-ref.csv:2"
    "date-twice.csv|plan,ref,title,due,due_as_written\nP,1.1,A,Oct 17,\nP,1.2,B,Oct 17,31/09/17\n|date-twice.csv:3"
    "nul-byte.csv|${H}P,1,T,1.2,B\x00C,,Jul 17,Oct 17,AB,AB,,M,I,In progress,,,1\n|nul-byte.csv:2"
)
before=$(sha256sum "$DB" | cut -d' ' -f1)
sed 's/Bars test plan/A fresh plan/' "$DATA/core.csv" > "$T/fresh.csv"
for c in "${cases[@]}"; do
    name=${c%%|*}; rest=${c#*|}; body=${rest%|*}; where=${rest##*|}
    printf "$body" > "$T/$name"
    status 1 "$name-refused" "$SL" --db "$DB" import "$T/$name"
    has "$name-names-line" "$T/err" "$where:"
    after=$(sha256sum "$DB" | cut -d' ' -f1)
    [ "$after" = "$before" ] && pass || fail "$name changed the database"
done
# Plan documents: empty, binary, prose with no plan table, a table with only a header.
docs=(
    "empty.txt||empty.txt:1"
    "prose.txt|Improvement report\n\nThe service has improved since the last report.\nNo plan here.\n|prose.txt:"
    "header-only.txt|Our plan\n\nREF\tACTION\tSTART DATE\tEND DATE\tSRO (Lead)\n|header-only.txt:"
    "binary.doc|\x00\x01\x02\xff\xfeREF\tACTION\n|binary.doc:"
)
for c in "${docs[@]}"; do
    name=${c%%|*}; rest=${c#*|}; body=${rest%|*}; where=${rest##*|}
    printf "$body" > "$T/$name"
    status 1 "$name-refused" "$SL" --db "$DB" import "$T/$name"
    has "$name-names-file" "$T/err" "$where"
    [ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "$name changed the database"
done
# Workbooks: damaged or cut-short archives, a zip that is no workbook, no
# sheet, no header, a bad cell at its sheet row, XML that is not well-formed,
# an entity bomb, a part that would unpack to more than 64 MiB, shared strings
# that multiply into more text than allowed (tests/tools/bad_xlsx.py).
mkdir -p "$T/xlsx"
python3 "$ROOT/tests/tools/bad_xlsx.py" "$T/xlsx" > "$T/xlsx-cases" || fail "bad_xlsx.py did not run"
[ "$(wc -l < "$T/xlsx-cases")" -ge 14 ] && pass || fail "bad_xlsx.py wrote too few cases"
while IFS='|' read -r name where; do
    status 1 "$name-refused" "$SL" --db "$DB" import "$T/xlsx/$name"
    has "$name-names-file" "$T/err" "$where:"
    lacks "$name-no-crash" "$T/err" "Sanitizer"
    [ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "$name changed the database"
done < "$T/xlsx-cases"
"$SL" --db "$DB" import "$T/xlsx/xlsx-impossible-date.xlsx" 2> "$T/err" >/dev/null
has xlsx-impossible-date-message "$T/err" "xlsx-impossible-date.xlsx:7: action 1.2: due '31/09/21' is not a real date"
"$SL" --db "$DB" import "$T/xlsx/xlsx-not-workbook.xlsx" 2> "$T/err" >/dev/null
has xlsx-not-workbook-message "$T/err" "not an xlsx workbook"
"$SL" --db "$DB" import "$T/xlsx/xlsx-huge-entry.xlsx" 2> "$T/err" >/dev/null
has xlsx-huge-entry-message "$T/err" "64 MiB"
# A workbook refused beside a good file: neither is imported.
status 1 several-one-bad-xlsx "$SL" --db "$DB" import "$T/fresh.csv" "$T/xlsx/xlsx-bad-status.xlsx"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "a refused batch with a workbook changed the database"

# Documents that cannot be read say why and what to do: a PDF cut short, one
# with no text layer (scanned), an encrypted one, a 0-byte file, a Word
# document that is a zip of something else, cut short or damaged, XML that is
# not well-formed, one with pictures and no text, an old binary .doc
# (tests/tools/bad_documents.py).
mkdir -p "$T/docs"
python3 "$ROOT/tests/tools/bad_documents.py" "$T/docs" > "$T/doc-cases" || fail "bad_documents.py did not run"
[ "$(wc -l < "$T/doc-cases")" -ge 12 ] && pass || fail "bad_documents.py wrote too few cases"
while IFS='|' read -r name message; do
    status 1 "$name-refused" "$SL" --db "$DB" import "$T/docs/$name"
    has "$name-names-file" "$T/err" "$T/docs/$name"
    has "$name-says-why" "$T/err" "$message"
    lacks "$name-no-crash" "$T/err" "Sanitizer"
    [ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "$name changed the database"
done < "$T/doc-cases"
# A bad document beside a good file: neither is imported.
status 1 several-one-bad-pdf "$SL" --db "$DB" import "$T/fresh.csv" "$T/docs/scanned.pdf"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "a refused batch with a PDF changed the database"

# Several files are imported all together or not at all.
status 1 several-one-bad "$SL" --db "$DB" import "$T/fresh.csv" "$T/impossible-date.csv"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "a refused batch changed the database"

# A file that is not there, and random bytes.
status 1 missing-file "$SL" --db "$DB" import "$T/nope.csv"
has missing-file-named "$T/err" "nope.csv"
head -c 4096 /dev/urandom > "$T/junk.bin"
status 1 junk "$SL" --db "$DB" import "$T/junk.bin"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "junk changed the database"
# --dry-run of a good file writes nothing either.
sed 's/Bars test plan/Another plan/' "$DATA/core.csv" > "$T/other.csv"
ok dry-run "$SL" --db "$DB" import --dry-run "$T/other.csv"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] && pass || fail "dry run changed the database"
finish
