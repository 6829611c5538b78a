#!/bin/bash
# I/O faults: walks N over every read, write, truncate and sync that a
# command makes of the database files, making the Nth fail as the disk would
# (SIGHTLINE_IO_FAULT_AT, the fault VFS of src/store/sqlite/fault_vfs.c).
# Each run must either fail cleanly (exit 1, a message naming the I/O
# error, no sanitizer report, the database's contents as they were) or, where
# SQLite rides over the failure, succeed with exactly the contents a clean
# run gives. Needs the sanitized build, which carries the fault VFS.
# usage: SL=build/asan/sightline-asan tests/faults/test_io_faults.sh
. "$(dirname "$0")/../cli/lib.sh"
BASE=$T/base.db
"$SL" --db "$BASE" import "$DATA/core.csv" >/dev/null
"$SL" --db "$BASE" update 2.1 --status on-track --note "Before the faults" --as-of 2017-09-01 >/dev/null
sed 's/Restructure the service/Restructure the whole service/' "$DATA/core.csv" > "$T/v2.csv"
export SIGHTLINE_NOW=2017-09-05T09:00:00Z

# contents DB: a digest of the database's logical contents (committed rows only).
contents() { sqlite3 "$1" .dump | sha256sum; }

# fresh: a working copy of the base database, checkpointed into one file.
fresh() {
    rm -f "$T"/w.db*
    cp "$BASE" "$T/w.db"
}

# walk NAME CMD...: runs CMD once to count its file operations and to learn
# the contents a clean run leaves, then once with each operation failing.
walk() {
    local name=$1; shift
    fresh
    local before after_clean total
    before=$(contents "$T/w.db")
    SIGHTLINE_IO_FAULTS_SEEN=$T/seen "$@" >/dev/null 2>&1 </dev/null
    total=$(cat "$T/seen")
    after_clean=$(contents "$T/w.db")
    local failed=0 rode=0
    for n in $(seq 1 "$total"); do
        fresh
        SIGHTLINE_IO_FAULT_AT=$n "$@" >"$T/out" 2>"$T/err" </dev/null
        local rc=$? now
        now=$(contents "$T/w.db")
        if grep -qE "AddressSanitizer|LeakSanitizer|runtime error" "$T/err"; then
            fail "$name at operation $n: sanitizer report: $(grep -m1 -E 'Sanitizer|runtime error' "$T/err")"
        elif [ $rc = 0 ] && [ "$now" = "$after_clean" ]; then
            rode=$((rode + 1)); pass
        elif [ $rc = 0 ]; then
            fail "$name at operation $n: succeeded but the database differs from a clean run"
        elif [ $rc != 1 ] || ! grep -qi "I/O error" "$T/err"; then
            fail "$name at operation $n: exit $rc: $(head -c 200 "$T/err")"
        elif [ "$now" != "$before" ]; then
            fail "$name at operation $n: failed but the database changed"
        else
            failed=$((failed + 1)); pass
        fi
    done
    [ "$total" -gt 0 ] && pass || fail "$name: no file operation was seen (is this the sanitized build?)"
    echo "$name: $total file operations: $failed failed cleanly, $rode rode over the fault" >&2
}

# run ARGS…: the command under test, against the working copy.
run() { "$SL" --db "$T/w.db" "$@"; }
walk import-new-version run import "$T/v2.csv"
walk update run update 2.2 --status at-risk --rag amber --reason "Recruitment slipping" --note "Two posts unfilled" --as-of 2017-09-04
walk link run link 3.2 3
walk actions run actions --json --as-of 2017-09-05
walk show run show 2.1 --as-of 2017-09-05
walk lint run lint --json
walk export run export --format csv
walk plans run plans --json
finish
