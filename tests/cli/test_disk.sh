#!/bin/bash
# A full disk and a read-only database: clear errors, nothing corrupted.
# Runs in a private mount namespace (unshare) with a tiny tmpfs; where the
# machine allows no such namespace the test says so and checks nothing.
. "$(dirname "$0")/lib.sh"
if ! sqlite_only "a full disk under the database file"; then
    finish
    exit $?
fi
if ! unshare -rm true 2>/dev/null; then
    echo "test_disk: skipped: no private mount namespace here (unshare -rm)" >&2
    finish
    exit $?
fi
python3 - "$T/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("plan,theme_ref,theme,ref,title,description,start,due,sro,leads,resources,measure,impact,status,rag,progress,recommendations\n")
    for i in range(20000):
        t = i // 1000 + 1
        f.write(f"Big plan,{t},Theme {t},{t}.{i % 1000 + 1},Action {i} with a long enough title to take room,"
                f"{'Description ' * 20},Jul 17,31 Oct 17,AB,AB;CD,N/A,Measure {i},Impact {i},In progress,,Progress {i},{t}\n")
PY
cat > "$T/inside.sh" <<'SH'
# Runs inside the namespace: $1 the binary, $2 the work folder, $3 the small plan.
set -u
SL=$1; W=$2; CORE=$3
mkdir -p "$W/mnt"
# 6 MB: room for the schema and a small plan, not for the 20,000-action import below.
mount -t tmpfs -o size=6000k tmpfs "$W/mnt" || { echo "MOUNT-FAILED"; exit 0; }
DB=$W/mnt/d.db
"$SL" --db "$DB" import "$CORE" >/dev/null
"$SL" --db "$DB" update 2.1 --status complete --note "Before the disk filled" --as-of 2017-09-02 >/dev/null
before=$("$SL" --db "$DB" export --format csv | sha256sum)
"$SL" --db "$DB" import "$W/big.csv" >"$W/full.out" 2>"$W/full.err"; echo "full-exit $?"
"$SL" --db "$DB" check >/dev/null 2>&1; echo "full-check $?"
after=$("$SL" --db "$DB" export --format csv | sha256sum)
[ "$before" = "$after" ] && echo "full-unchanged 0" || echo "full-unchanged 1"
"$SL" --db "$DB" update 2.2 --status on-track --note "After freeing space" >/dev/null 2>"$W/after.err"; echo "after-full-update $?"
mount -o remount,ro "$W/mnt"
"$SL" --db "$DB" update 2.2 --status at-risk --note "On a read-only disk" >"$W/ro.out" 2>"$W/ro.err"; echo "ro-exit $?"
"$SL" --db "$DB" import "$CORE" >/dev/null 2>"$W/ro-import.err"; echo "ro-import-exit $?"
mount -o remount,rw "$W/mnt"
"$SL" --db "$DB" check >/dev/null 2>&1; echo "ro-check $?"
"$SL" --db "$DB" show 2.2 | grep -c "On a read-only disk" | sed 's/^/ro-not-stored /'
SH
unshare -rm bash "$T/inside.sh" "$SL" "$T" "$DATA/core.csv" > "$T/results" 2>&1
if grep -q MOUNT-FAILED "$T/results"; then
    echo "test_disk: skipped: cannot mount a tmpfs here" >&2
    finish
    exit $?
fi
result() { sed -n "s/^$1 //p" "$T/results"; }
[ "$(result full-exit)" = 1 ] && pass || fail "a full disk did not refuse the import ($(result full-exit)): $(cat "$T/results")"
grep -qiE "full|space|disk" "$T/full.err" && pass || fail "no clear message for a full disk: $(cat "$T/full.err")"
[ "$(result full-check)" = 0 ] && pass || fail "integrity check failed after a full disk"
[ "$(result full-unchanged)" = 0 ] && pass || fail "the plan changed when the disk was full"
[ "$(result after-full-update)" = 0 ] && pass || fail "small writes failed after the failed import: $(cat "$T/after.err")"
[ "$(result ro-exit)" = 1 ] && pass || fail "an update on a read-only disk was not refused ($(result ro-exit))"
grep -qiE "read.?only|readonly|cannot open|unable" "$T/ro.err" && pass || fail "no clear message on a read-only disk: $(cat "$T/ro.err")"
[ "$(result ro-import-exit)" = 1 ] && pass || fail "an import on a read-only disk was not refused"
[ "$(result ro-check)" = 0 ] && pass || fail "integrity check failed after the read-only disk"
[ "$(result ro-not-stored)" = 0 ] && pass || fail "an update was stored on a read-only disk"
finish
