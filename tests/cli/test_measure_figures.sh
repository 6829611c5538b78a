#!/bin/bash
# A measure's figures by hand (issue 13, item 8): `measure set` enters a
# month's figure with its source, refuses what the web form refuses with the
# same words (a bad number, a period that has not begun, a figure already
# recorded, a missing source, an over-long field) leaving the database as it
# was; `--correct --reason` supersedes a figure and keeps the old value in
# `measure history`, refused when made on an older version; a load whose
# values read "N/A", "tbc" or "-" records them as missing with a warning,
# never as 0, once however often the file is loaded. Runs on PostgreSQL too.
. "$(dirname "$0")/lib.sh"
export SIGHTLINE_NOW=2024-06-15T10:00:00Z
DB=$T/f.db
s() { "$SL" --db "$DB" "$@"; }
# The stored figures and their history, to show a refusal changed nothing.
snapshot() {
    db_sql "$DB" "SELECT count(*), coalesce(sum(value), 0), coalesce(sum(version), 0) FROM measure_values"
    db_sql "$DB" "SELECT count(*) FROM measure_figures"
}
ok init s init
ok add s measure add ASMT --name "Assessments in 45 days" --unit percent --polarity higher \
    --baseline 75@2023-10-01 --target 90@2025-03-31
ok add-count s measure add CASES --name "Open cases" --unit count --polarity lower

ok enter s measure set ASMT --period 2024-05 --value 61.5% --source "Liquidlogic extract" --note "Two teams late"
has enter-says "$T/out" "ASMT 2024-05 entered: 61.5%"
ok enter-words s measure set ASMT --period "April 2024" --value 60 --source "Liquidlogic extract"
ok enter-thousands s measure set CASES --period 05/2024 --value 1,234 --source "Mosaic report"
ok show s measure show ASMT --json --as-of 2024-06-15
py latest "$T/out" "d['latest']['value'] == 61.5 and d['latest']['period'] == '2024-05'"

# Every refusal: exit 1, the form's words, nothing changed.
before=$(snapshot)
refused() {
    local name=$1 want=$2; shift 2
    status 1 "$name" s measure set "$@"
    has "$name-says" "$T/err" "$want"
}
refused future "The period has not begun yet" ASMT --period 2024-07 --value 60 --source x
refused bad-period "Enter the period as a month" ASMT --period 2024-13 --value 60 --source x
refused decimal-comma "decimals with a point" ASMT --period 2024-03 --value 61,5 --source x
refused over-100 "above 100" ASMT --period 2024-03 --value 140 --source x
refused not-a-number "Enter a number" ASMT --period 2024-03 --value lots --source x
refused n-a "Enter the figure" ASMT --period 2024-03 --value N/A --source x
refused percent-of-count "not a percentage" CASES --period 2024-03 --value 12% --source x
refused no-source "Say where the figure comes from" ASMT --period 2024-03 --value 60
refused long-source "The source is 201 characters; at most 200 are accepted" ASMT --period 2024-03 --value 60 \
    --source "$(printf '%0201d' 0)"
refused twice "already recorded (61.5%): correct it instead" ASMT --period 2024-05 --value 62 --source x
refused unknown "no measure NOPE" NOPE --period 2024-05 --value 62 --source x
refused no-reason "Say why the figure is corrected" ASMT --period 2024-05 --value 63 --source x --correct
refused nothing-to-correct "there is no figure for ASMT 2024-03 to correct" ASMT --period 2024-03 --value 63 \
    --source x --correct --reason "typo"
refused stale "changed while the correction was made" ASMT --period 2024-05 --value 63 --source x --correct \
    --reason "typo" --version 2
status 2 reason-without-correct s measure set ASMT --period 2024-03 --value 60 --source x --reason "why"
status 2 bad-version s measure set ASMT --period 2024-05 --value 63 --source x --correct --reason r --version 0
[ "$(snapshot)" = "$before" ] && pass || fail "a refused figure changed the database: $before / $(snapshot)"

# A correction supersedes; the old value stays in the history with who, when and why.
ok correct s measure set ASMT --period "May 2024" --value 63 --source "Extract rerun" --correct \
    --reason "Late recording found" --version 1
has correct-says "$T/out" "ASMT 2024-05 corrected: 63%"
ok show-after s measure show ASMT
has version-2 "$T/out" "2024-05     actual                   63%          2"
ok history s measure history ASMT
has history-corrected "$T/out" "corrected  63%          61.5%        tester  source: Extract rerun; reason: Late recording found"
has history-entered "$T/out" "entered    61.5%        -            tester  source: Liquidlogic extract; note: Two teams late"
has history-when "$T/out" "2024-06-15T10:00:00Z"
refused stale-after "it is now 63% (version 2; the correction was made on version 1)" ASMT --period 2024-05 \
    --value 64 --source x --correct --reason "again" --version 1
# History is append-only: the database itself refuses to change or drop it.
fails history-no-update db_sql "$DB" "UPDATE measure_figures SET value = 1"
fails history-no-delete db_sql "$DB" "DELETE FROM measure_figures"

# Junk values in a load are missing (with a warning), never 0, and recorded once.
cat > "$T/junk.csv" <<'CSV'
code,period,value,series
ASMT,2024-01,N/A,actual
ASMT,2024-02,70,actual
ASMT,2024-03,tbc,actual
ASMT,2024-05,64,actual
CASES,2024-04,-,actual
ASMT,2023/24,,england
CSV
ok load s measures load "$T/junk.csv"
has load-warns "$T/out" "junk.csv:2: warning: [missing-value] 'N/A' for ASMT 2024-01 actual is not a number: recorded as missing, not as 0"
has load-counts "$T/out" "loaded 2 values from $T/junk.csv; 4 missing (not numbers), recorded as missing"
ok load-again s measures load "$T/junk.csv"
ok values s measure show ASMT --json --as-of 2024-06-15
py load-latest "$T/out" "d['latest']['value'] == 64"
zeros=$(db_sql "$DB" "SELECT count(*) FROM measure_values WHERE value = 0")
[ "$zeros" = 0 ] && pass || fail "a junk value was stored as 0 ($zeros rows)"
missing=$(db_sql "$DB" "SELECT count(*) FROM measure_figures WHERE change = 'missing'")
[ "$missing" = 4 ] && pass || fail "missing recorded $missing times, want 4 (once each, loading twice)"
ok history-load s measure history ASMT
has history-missing "$T/out" "2024-01   actual                   missing    missing"
has history-loaded "$T/out" "loaded     64%          63%          tester  source: $T/junk.csv"
has history-england "$T/out" "2023/24   england                  missing"
# `lint` lists each missing figure until a figure fills it.
ok lint s lint --json
py lint-missing "$T/out" "sorted((x['ref'], x['message'].split(' (')[0]) for x in d if x['code'] == 'missing-value') == [('ASMT', 'no figure for 2023/24'), ('ASMT', 'no figure for 2024-01'), ('ASMT', 'no figure for 2024-03'), ('CASES', 'no figure for 2024-04')]"
ok fill s measure set ASMT --period 2024-01 --value 58 --source "Liquidlogic extract"
ok lint-after s lint
has lint-text "$T/out" "junk.csv:0: warning: [missing-value] ASMT: no figure for 2024-03 (actual)"
lacks lint-filled "$T/out" "no figure for 2024-01"
has lint-summary "$T/out" "3 findings (0 errors) in 0 plans and the measures"
finish
