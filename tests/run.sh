#!/bin/bash
# tests/run.sh — runs every test suite (make check calls it after building):
# unit tests and command-line tests, each plain and under ASan+UBSan, then
# each fuzz target over its corpus for a few seconds. Adds up every suite's
# "N passed, N failed" line and ends with the total in the same form.
set -u
cd "$(dirname "$0")/.."
FUZZ_CHECK_SECONDS=${FUZZ_CHECK_SECONDS:-5}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
total_pass=0
total_fail=0
log=$(mktemp -d /tmp/sightline-check.XXXXXX)
trap 'rm -rf "$log"' EXIT

# suite NAME CMD...: runs a suite and adds its counts (a suite that dies
# without printing its counts is one failure).
suite() {
    local name=$1; shift
    "$@" >"$log/out" 2>"$log/err"
    local rc=$?
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log/out" | tail -n 1)
    local p=0 f=1
    if [ -n "$line" ]; then
        p=${line%% passed*}
        f=${line#*, }; f=${f%% failed}
        [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
    fi
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    printf '%-28s %s\n' "$name" "${line:-died (exit $rc)}"
    if [ "$f" != 0 ]; then
        grep -E 'FAIL|ERROR|Sanitizer|runtime error' "$log/err" "$log/out" | head -n 20 | sed 's/^/    /'
    fi
}

suite "unit" build/unit_tests
suite "unit (asan+ubsan)" build/asan/unit_tests
for t in tests/cli/test_*.sh; do
    n=$(basename "$t" .sh)
    suite "cli $n" env SL="$PWD/build/sightline" bash "$t"
    suite "cli $n (asan+ubsan)" env SL="$PWD/build/asan/sightline-asan" bash "$t"
done

suite "faults (asan+ubsan)" env SL="$PWD/build/asan/sightline-asan" bash tests/faults/test_faults.sh
suite "I/O faults (asan+ubsan)" env SL="$PWD/build/asan/sightline-asan" bash tests/faults/test_io_faults.sh
suite "web http" python3 tests/web/test_http.py build/sightline
suite "web http (asan+ubsan)" python3 tests/web/test_http.py build/asan/sightline-asan
suite "web attacks" python3 tests/web/test_attacks.py build/sightline
suite "web attacks (asan+ubsan)" python3 tests/web/test_attacks.py build/asan/sightline-asan
suite "crash safety (SIGKILL)" python3 tests/reliability/test_crash.py build/sightline
suite "concurrency (16 clients)" python3 tests/reliability/test_concurrency.py build/sightline
if command -v chromium >/dev/null 2>&1 && [ -d node_modules/playwright-core ]; then
    suite "web browser" node tests/web/browser.mjs build/sightline
else
    echo "web browser                  skipped: run 'make deps' to install chromium" >&2
    total_fail=$((total_fail + 1))
fi

# fuzz NAME: replays the corpus, then explores for a few seconds.
fuzz() {
    local bin=build/fuzz/fuzz_$1 corpus=tests/fuzz/corpus/$1 work="$log/fuzz-$1"
    mkdir -p "$work"
    if "$bin" -runs=0 "$corpus" >"$log/fuzz.out" 2>&1 &&
       "$bin" -max_total_time="$FUZZ_CHECK_SECONDS" -artifact_prefix="$log/" "$work" "$corpus" >>"$log/fuzz.out" 2>&1; then
        echo "2 passed, 0 failed"
    else
        tail -n 30 "$log/fuzz.out" >&2
        echo "0 passed, 1 failed"
    fi
}
for f in tests/fuzz/fuzz_*.c; do
    n=$(basename "$f" .c); n=${n#fuzz_}
    suite "fuzz $n (${FUZZ_CHECK_SECONDS}s)" fuzz "$n"
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
