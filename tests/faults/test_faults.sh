#!/bin/bash
# Fault injection: walks N over every database call of an import, an update
# and the reports, making the Nth call fail (busy, disk full, I/O error, out
# of memory in turn). Each failure must be reported cleanly (exit 1, a
# message, no sanitizer report) and leave the database byte-for-byte as it
# was. Needs the sanitized build, which carries the fault hook.
# usage: SL=build/asan/sightline-asan tests/faults/test_faults.sh
. "$(dirname "$0")/../cli/lib.sh"
KINDS=(busy full ioerr nomem)
BASE=$T/base.db
"$SL" --db "$BASE" import "$DATA/core.csv" >/dev/null
"$SL" --db "$BASE" update 2.1 --status on-track --note "Before the faults" --as-of 2017-09-01 >/dev/null
sed 's/Restructure the service/Restructure the whole service/' "$DATA/core.csv" > "$T/v2.csv"
export SIGHTLINE_NOW=2017-09-05T09:00:00Z

# walk NAME CMD...: runs CMD with the Nth call failing, N = 1, 2, … until it succeeds.
walk() {
    local name=$1; shift
    local n=1 kind
    while [ $n -lt 500 ]; do
        cp "$BASE" "$T/w.db"
        local before
        before=$(sha256sum < "$T/w.db")
        kind=${KINDS[$((n % 4))]}
        SIGHTLINE_FAULT_AT=$n SIGHTLINE_FAULT_KIND=$kind "$@" >"$T/out" 2>"$T/err" </dev/null
        local rc=$?
        if grep -qE "AddressSanitizer|LeakSanitizer|runtime error" "$T/err"; then
            fail "$name at call $n ($kind): sanitizer report: $(grep -m1 -E 'Sanitizer|runtime error' "$T/err")"
        elif [ $rc = 0 ]; then
            pass
            echo "$name: $((n - 1)) injected failures checked" >&2
            return
        elif [ $rc != 1 ] || ! grep -q "injected fault" "$T/err"; then
            fail "$name at call $n ($kind): exit $rc: $(head -c 200 "$T/err")"
        elif [ "$(sha256sum < "$T/w.db")" != "$before" ]; then
            fail "$name at call $n ($kind): the database changed"
        else
            pass
        fi
        n=$((n + 1))
    done
    fail "$name: still failing after 500 calls"
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
walk recommendations run recommendations --json
walk backup run backup "$T/copy-$RANDOM.db"
finish
