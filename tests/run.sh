#!/bin/bash
# tests/run.sh — runs every test suite (make check calls it after building):
# the source check, unit tests and command-line tests, each plain and under ASan+UBSan, the
# fault walks, the web application (HTTP, attacks, browser), the reliability
# tests, then each fuzz target over its corpus for a few seconds.
#
# Independent suites run side by side, JOBS at a time (default: the number of
# cores); suites marked "alone" measure time or load and run with nothing
# beside them. Each suite's "N passed, N failed" line is printed with its
# wall time, in the order below, and the total ends the run in the same form.
#   tests/run.sh            every suite
#   tests/run.sh --quick    source check, unit and command-line suites on the plain build (make check-quick)
#   tests/run.sh --only PATTERN   only the suites whose name contains PATTERN (e.g. "cli test_xlsx")
#   tests/run.sh --list     the suites' names, without running them
set -u
cd "$(dirname "$0")/.."
QUICK=0
ONLY=
LIST=0
while [ $# -gt 0 ]; do
    case $1 in
    --quick) QUICK=1 ;;
    --only) ONLY=${2:?--only needs a pattern}; shift ;;
    --list) LIST=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "tests/run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
FUZZ_CHECK_SECONDS=${FUZZ_CHECK_SECONDS:-5}
export FUZZ_CHECK_SECONDS
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
log=$(mktemp -d /tmp/sightline-check.XXXXXX)
trap 'rm -rf "$log"' EXIT
NAMES=()
CMDS=()
ALONE=()

# wanted NAME: true when NAME passes the --only filter (or there is none).
wanted() { [ -z "$ONLY" ] || [[ $1 == *"$ONLY"* ]]; }
# suite NAME CMD...: adds a suite that may run beside others.
suite() { wanted "$1" || return 0; NAMES+=("$1"); ALONE+=(0); shift; CMDS+=("$(printf '%q ' "$@")"); }
# alone NAME CMD...: adds a suite that runs with nothing beside it (timing, load).
alone() { wanted "$1" || return 0; NAMES+=("$1"); ALONE+=(1); shift; CMDS+=("$(printf '%q ' "$@")"); }

# fuzz NAME: replays the target's corpus, then explores for a few seconds.
fuzz() {
    local bin=build/fuzz/fuzz_$1 corpus=tests/fuzz/corpus/$1
    local work
    work=$(mktemp -d "$log/fuzz-$1.XXXXXX")
    if "$bin" -runs=0 "$corpus" >"$work/out" 2>&1 &&
       "$bin" -max_total_time="$FUZZ_CHECK_SECONDS" -artifact_prefix="$work/" "$work" "$corpus" >>"$work/out" 2>&1; then
        echo "2 passed, 0 failed"
    else
        tail -n 30 "$work/out" >&2
        echo "0 passed, 1 failed"
    fi
}

# PostgreSQL: a throwaway cluster (scripts/pg-throwaway.sh) for the storage,
# command and web suites to run on again, unless PG=no asks to skip them.
PG_URL=""
if [ "$QUICK" = 0 ] && [ "${PG:-yes}" != no ]; then
    if PG_URL=$(scripts/pg-throwaway.sh start 2>"$log/pg-start.err"); then
        trap 'scripts/pg-throwaway.sh stop "$PG_URL"; rm -rf "$log"' EXIT
    else
        PG_URL=""
    fi
fi

SL_PLAIN="$PWD/build/sightline"
SL_ASAN="$PWD/build/asan/sightline-asan"
# The longest suites first, so that the pool stays full to the end.
if [ "$QUICK" = 0 ]; then
    if command -v chromium >/dev/null 2>&1 && [ -d node_modules/playwright-core ]; then
        suite "web browser" node tests/web/browser.mjs build/sightline
        suite "web browser measures" node tests/web/browser_measures.mjs build/sightline
    else
        wanted "web browser" && { NAMES+=("web browser"); ALONE+=(0); CMDS+=("echo 'skipped: run make deps to install chromium' >&2; echo '0 passed, 1 failed'"); }
    fi
    suite "I/O faults (asan+ubsan)" env SL="$SL_ASAN" bash tests/faults/test_io_faults.sh
    suite "faults (asan+ubsan)" env SL="$SL_ASAN" bash tests/faults/test_faults.sh
    suite "web http (asan+ubsan)" python3 tests/web/test_http.py build/asan/sightline-asan
    suite "web edit (asan+ubsan)" python3 tests/web/test_edit.py build/asan/sightline-asan
    suite "web evidence (asan+ubsan)" python3 tests/web/test_evidence.py build/asan/sightline-asan
    suite "web import (asan+ubsan)" python3 tests/web/test_import_web.py build/asan/sightline-asan
    suite "web as of (asan+ubsan)" python3 tests/web/test_as_of.py build/asan/sightline-asan
    suite "web search (asan+ubsan)" python3 tests/web/test_search.py build/asan/sightline-asan
    suite "web measures (asan+ubsan)" python3 tests/web/test_measures_web.py build/asan/sightline-asan
    suite "web attacks (asan+ubsan)" python3 tests/web/test_attacks.py build/asan/sightline-asan
    suite "web tenancy (asan+ubsan)" python3 tests/web/test_tenancy.py build/asan/sightline-asan
    suite "web hardening (asan+ubsan)" python3 tests/web/test_hardening.py build/asan/sightline-asan
    suite "web tls (asan+ubsan)" python3 tests/web/test_tls.py build/asan/sightline-asan
    suite "web sessions (asan+ubsan)" python3 tests/web/test_sessions.py build/asan/sightline-asan
    suite "web pagination (asan+ubsan)" python3 tests/web/test_pagination.py build/asan/sightline-asan
    suite "import limits (asan+ubsan)" python3 tests/reliability/test_import_limits.py build/asan/sightline-asan
fi
suite "unit" build/unit_tests
suite "layers (docs/ARCHITECTURE.md)" python3 tests/tools/check_layers.py src
# Fixed-size text buffers left on data paths (target 0; tests/tools/buffer_allowlist.txt).
suite "fixed buffers" python3 tests/tools/check_buffers.py src
# The source check (tests/tools/check_format.py): formats, escaping, banned functions.
suite "source check" python3 tests/tools/check_format.py
# Tests read ../shared only behind the skip guard, so a bare clone passes.
suite "bare-clone readiness" python3 tests/tools/check_shared.py
[ "$QUICK" = 0 ] && suite "unit (asan+ubsan)" build/asan/unit_tests
for t in tests/cli/test_*.sh; do
    n=$(basename "$t" .sh)
    suite "cli $n" env SL="$SL_PLAIN" bash "$t"
    [ "$QUICK" = 0 ] && suite "cli $n (asan+ubsan)" env SL="$SL_ASAN" bash "$t"
done
if [ -n "$PG_URL" ]; then
    # The storage unit tests, on two empty databases of the cluster.
    for d in store governance; do
        psql -qX "$PG_URL" -c "CREATE DATABASE unit_$d" >/dev/null 2>&1
    done
    suite "unit storage (postgresql)" env SL_TEST_STORE_DB="${PG_URL/\/postgres\?//unit_store?}" \
        SL_TEST_GOVERNANCE_DB="${PG_URL/\/postgres\?//unit_governance?}" build/unit_tests
    for t in tests/cli/test_*.sh; do
        suite "cli $(basename "$t" .sh) (postgresql)" env SL="$SL_PLAIN" SL_PG_URL="$PG_URL" bash "$t"
    done
    suite "web http (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_http.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web evidence (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_evidence.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web import (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_import_web.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web as of (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_as_of.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web search (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_search.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web measures (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_measures_web.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web restart (postgresql)" python3 tests/web/test_pg_restart.py build/sightline
    suite "web two servers (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_two_servers.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web sessions (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_sessions.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web pagination (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_pagination.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
    suite "web tenancy (postgresql)" env SL_PG_URL="$PG_URL" SL_REAL="$SL_PLAIN" \
        bash -c 'export SL_PG_MARKS=$(mktemp -d); python3 tests/web/test_tenancy.py tests/cli/pg_sl.sh; rc=$?; rm -rf "$SL_PG_MARKS"; exit $rc'
elif [ "$QUICK" = 0 ] && [ "${PG:-yes}" != no ]; then
    NAMES+=("postgresql cluster"); ALONE+=(0)
    CMDS+=("cat $(printf %q "$log/pg-start.err") >&2; echo 'could not start the throwaway PostgreSQL cluster (make deps installs it)' >&2; echo '0 passed, 1 failed'")
fi
if [ "$QUICK" = 0 ]; then
    suite "web http" python3 tests/web/test_http.py build/sightline
    suite "web edit" python3 tests/web/test_edit.py build/sightline
    suite "web evidence" python3 tests/web/test_evidence.py build/sightline
    suite "web import" python3 tests/web/test_import_web.py build/sightline
    suite "web as of" python3 tests/web/test_as_of.py build/sightline
    suite "web search" python3 tests/web/test_search.py build/sightline
    suite "web measures" python3 tests/web/test_measures_web.py build/sightline
    suite "web two servers" python3 tests/web/test_two_servers.py build/sightline
    # Separation by authority: every route x role of council A against council B's ids.
    suite "web tenancy" python3 tests/web/test_tenancy.py build/sightline
    alone "web attacks" python3 tests/web/test_attacks.py build/sightline
    suite "web hardening" python3 tests/web/test_hardening.py build/sightline
    suite "web tls" python3 tests/web/test_tls.py build/sightline
    suite "web sessions" python3 tests/web/test_sessions.py build/sightline
    suite "web pagination" python3 tests/web/test_pagination.py build/sightline
    suite "import limits" python3 tests/reliability/test_import_limits.py build/sightline
    alone "crash safety (SIGKILL)" python3 tests/reliability/test_crash.py build/sightline
    alone "concurrency (16 clients)" python3 tests/reliability/test_concurrency.py build/sightline
    alone "overload (slowloris, sign-in flood)" python3 tests/reliability/test_overload.py build/sightline
    for f in tests/fuzz/fuzz_*.c; do
        n=$(basename "$f" .c); n=${n#fuzz_}
        suite "fuzz $n (${FUZZ_CHECK_SECONDS}s)" fuzz "$n"
    done
fi

if [ "$LIST" = 1 ]; then printf '%s\n' "${NAMES[@]}"; exit 0; fi

# run I: runs suite I in the background, keeping its output, status and time.
run() {
    local i=$1
    (
        local start end
        start=$(date +%s%N)
        eval "${CMDS[$i]}" >"$log/$i.out" 2>"$log/$i.err"
        echo $? >"$log/$i.rc"
        end=$(date +%s%N)
        echo $(((end - start) / 1000000)) >"$log/$i.ms"
    ) &
}

started=$(date +%s%N)
for i in "${!NAMES[@]}"; do
    [ "${ALONE[$i]}" = 1 ] && continue
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    run "$i"
done
wait
for i in "${!NAMES[@]}"; do
    [ "${ALONE[$i]}" = 1 ] || continue
    run "$i"
    wait
done

# Adds up the suites' counts in the order above (a suite that dies without
# printing its counts is one failure).
total_pass=0
total_fail=0
total_skip=0
for i in "${!NAMES[@]}"; do
    rc=$(cat "$log/$i.rc")
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$log/$i.out" | tail -n 1)
    p=0 f=1 k=0
    if [ -n "$line" ]; then
        p=${line%% passed*}
        f=${line#*, }; f=${f%% failed*}
        case $line in *skipped) k=${line##*failed, }; k=${k%% skipped} ;; esac
        [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
    fi
    total_skip=$((total_skip + k))
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    ms=$(cat "$log/$i.ms")
    printf '%-34s %-37s %6.1f s\n' "${NAMES[$i]}" "${line:-died (exit $rc)}" "$(awk "BEGIN{print $ms/1000}")"
    if [ "$f" != 0 ]; then
        grep -E 'FAIL|ERROR|Sanitizer|runtime error|skipped' "$log/$i.err" "$log/$i.out" | head -n 20 | sed 's/^/    /'
    fi
    [ "$k" != 0 ] && grep -h '^SKIP' "$log/$i.err" | head -n 5 | sed 's/^/    /' 
done
[ "$QUICK" = 0 ] && [ "${PG:-yes}" = no ] && echo "PostgreSQL suites skipped (PG=no)"
printf 'all suites: %.1f s with %s at a time\n' "$(awk "BEGIN{print ($(date +%s%N) - $started)/1e9}")" "$JOBS"
if [ "$total_skip" = 0 ]; then echo "$total_pass passed, $total_fail failed"
else echo "$total_pass passed, $total_fail failed, $total_skip skipped"; fi
[ "$total_fail" = 0 ]
