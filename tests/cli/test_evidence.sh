#!/bin/bash
# Evidence files (issue 13, item 5) on the command line: `update --attach FILE`
# keeps a file with the update, known by its content (PDF, Word, Excel,
# OpenDocument, PNG, JPEG) and named as it is; `evidence list` shows who and
# when; `evidence get` gives the bytes back; a file that is not what it may
# be, is not what its name says, is empty, too large or missing is refused
# (exit 1) with nothing stored, update included.
. "$(dirname "$0")/lib.sh"
DB=$T/e.db
EX=$ROOT/examples/croydon-transitional-2017.csv
s() { "$SL" --db "$DB" "$@"; }

ok init s init
ok import s import "$EX" --authority Croydon
ok help-evidence s evidence --help
ok help-update s update --help
has help-says-attach "$T/out" "--attach FILE"
printf '%%PDF-1.4\n' >"$T/Panel minutes.pdf"
head -c 5000 /dev/urandom >>"$T/Panel minutes.pdf"
ok attach s update 2.2 --plan 1 --note "Panel minutes" --attach "$T/Panel minutes.pdf"
has attach-says "$T/out" "evidence file 1 attached (application/pdf, 5009 bytes)"
ok attach-only s update 2.2 --plan 1 --attach "$T/Panel minutes.pdf"
ok list s evidence list 2.2 --plan 1 --json
py listed "$T/out" "len(d)==2 and d[0]['file_name']=='Panel minutes.pdf' and d[0]['actor']=='tester' and d[0]['size']==5009 and d[0]['content_type']=='application/pdf' and len(d[0]['sha256'])==64 and d[0]['recorded_at'] and d[0]['update_id']!=d[1]['update_id']"
ok list-text s evidence list
has list-text-says "$T/out" "Panel minutes.pdf  5009 bytes"
ok get s evidence get 1 --output "$T/got.pdf"
same get-same "$T/Panel minutes.pdf" "$T/got.pdf"
ok history s history 2.2 --json
py audited "$T/out" "[e['after'] for e in d if e['operation']=='evidence']==['Panel minutes.pdf','Panel minutes.pdf']"

# Refused: exit 1, the reason, nothing stored (the update with it neither).
ok show-before s show 2.2 --plan 1 --json
cp "$T/out" "$T/before.json"
printf '\x89PNG\r\n\x1a\n0000' >"$T/photo.pdf"
status 1 named-wrong s update 2.2 --plan 1 --note "x" --attach "$T/photo.pdf"
has named-wrong-says "$T/err" "photo.pdf is a PNG image by its content, but its name ends .pdf"
printf 'MZ\x90\x00' >"$T/tool.pdf"
status 1 not-evidence s update 2.2 --plan 1 --note "x" --attach "$T/tool.pdf"
has not-evidence-says "$T/err" "tool.pdf is not a PDF, Word (.docx), Excel (.xlsx), OpenDocument, PNG or JPEG file"
: >"$T/empty.pdf"
status 1 empty s update 2.2 --plan 1 --note "x" --attach "$T/empty.pdf"
head -c $((20 * 1024 * 1024 + 1)) /dev/zero >"$T/big.pdf"
status 1 too-large s update 2.2 --plan 1 --note "x" --attach "$T/big.pdf"
status 1 missing s update 2.2 --plan 1 --note "x" --attach "$T/none.pdf"
ok show-after s show 2.2 --plan 1 --json
same nothing-stored "$T/before.json" "$T/out"
ok list-after s evidence list --json
py still-two "$T/out" "len(d)==2"
status 1 get-unknown s evidence get 99
status 2 get-bad-id s evidence get x
status 2 no-subcommand s evidence frob
finish
