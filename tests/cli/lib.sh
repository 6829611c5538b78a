# lib.sh — the harness for command-line tests: sourced by tests/cli/test_*.sh.
# SL is the binary under test. Each check prints only on failure; `finish`
# prints "N passed, N failed" for tests/run.sh to add up.
set -u
PASSED=0
FAILED=0
T=$(mktemp -d /tmp/sightline-cli.XXXXXX)
# On PostgreSQL (SL_PG_URL, the base URL of a cluster such as
# scripts/pg-throwaway.sh starts): $SL becomes pg_sl.sh, which gives each
# database file a test names a database of its own; they are dropped here.
cleanup() {
    if [ -n "${SL_PG_MARKS:-}" ] && [ -d "$SL_PG_MARKS" ]; then
        for m in "$SL_PG_MARKS"/*; do
            [ -e "$m" ] && psql -qX "$SL_PG_URL" -c "DROP DATABASE IF EXISTS $(basename "$m") WITH (FORCE)" >/dev/null 2>&1
        done
    fi
    rm -rf "$T"
}
trap cleanup EXIT
export SIGHTLINE_USER=tester
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
# The fixtures the tests read (tests/data/README.md says where each comes from).
DATA=$ROOT/tests/data
SAMPLES=$DATA/samples

SKIPPED=0
BACKEND=sqlite
if [ -n "${SL_PG_URL:-}" ]; then
    BACKEND=postgresql
    export SL_PG_URL SL_PG_MARKS=$T/.pg SL_REAL=$SL
    mkdir -p "$SL_PG_MARKS"
    SL=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pg_sl.sh
fi

# db_sql DB SQL: runs SQL on a test's database behind the program's back
# (sqlite3 on the file, or psql on the database standing for it on
# PostgreSQL), printing its rows; fails when the database refuses it.
db_sql() {
    if [ "$BACKEND" = postgresql ]; then
        psql -qXAt -v ON_ERROR_STOP=1 "$("$SL" --url-for "$1")" -c "$2" 2>&1
    else
        sqlite3 "$1" "$2"
    fi
}

# sqlite_only WHAT: succeeds on SQLite; on PostgreSQL counts a skip of WHAT
# (a check of SQLite's files themselves) and says so on stderr.
sqlite_only() {
    [ "$BACKEND" = sqlite ] && return 0
    SKIPPED=$((SKIPPED + 1))
    echo "SKIP $(basename "$0"): $1 (SQLite files only)" >&2
    return 1
}

# shared PATH: succeeds when ../shared/PATH exists (the large corpora are not
# copied into tests/data); otherwise counts a skip and says so on stderr.
shared() {
    [ -e "$SHARED/$1" ] && return 0
    SKIPPED=$((SKIPPED + 1))
    echo "SKIP $(basename "$0"): $SHARED/$1 is not present" >&2
    return 1
}

pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $(basename "$0"): $*" >&2; }

# ok NAME CMD...: the command succeeds.
ok() { local name=$1; shift; if "$@" >"$T/out" 2>"$T/err"; then pass; else fail "$name (exit $?): $(head -c 300 "$T/err")"; fi; }

# status N NAME CMD...: the command exits with status N.
status() {
    local want=$1 name=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"; local got=$?
    if [ "$got" = "$want" ]; then pass; else fail "$name: exit $got, want $want: $(head -c 300 "$T/err")"; fi
}

# fails NAME CMD...: the command exits non-zero.
fails() { local name=$1; shift; if "$@" >"$T/out" 2>"$T/err"; then fail "$name: succeeded"; else pass; fi; }

# has NAME FILE TEXT: FILE contains TEXT (fixed string).
has() { if grep -qF -- "$3" "$2"; then pass; else fail "$1: '$3' not in $(head -c 300 "$2")"; fi; }

# lacks NAME FILE TEXT: FILE does not contain TEXT.
lacks() { if grep -qF -- "$3" "$2"; then fail "$1: '$3' found"; else pass; fi; }

# py NAME FILE EXPR: a Python expression over the JSON in FILE (as `d`) is true.
py() {
    if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert ($3), d" "$2" 2>"$T/pyerr"; then pass
    else fail "$1: $(tail -n 1 "$T/pyerr" | head -c 300)"; fi
}

# same NAME A B: two files are byte-for-byte equal.
same() { if cmp -s "$2" "$3"; then pass; else fail "$1: $2 and $3 differ: $(diff "$2" "$3" | head -n 5)"; fi; }

finish() {
    if [ "$SKIPPED" = 0 ]; then echo "$PASSED passed, $FAILED failed"
    else echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"; fi
    [ "$FAILED" = 0 ]
}
