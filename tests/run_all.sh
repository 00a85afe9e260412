#!/usr/bin/env bash
# Everything `make test` runs: unit tests, golden tests, the reference
# scorer, schema validation and the fuzz replay.  Each part prints its own
# "N passed, N failed" line; the last line sums them up.
#   tests/run_all.sh BUILD_DIR PYTHON
set -u
build=$1
py=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
if [ "${build%tsan}" != "$build" ]; then
    # glibc's gconv under a lock ThreadSanitizer cannot see: see tests/tsan.supp
    export TSAN_OPTIONS="suppressions=$root/tests/tsan.supp ${TSAN_OPTIONS:-}"
fi
parts_failed=0
parts_run=0
summary=""
part() {
    local name=$1
    shift
    echo "== $name"
    parts_run=$((parts_run + 1))
    if "$@"; then summary="$summary $name:ok"; else summary="$summary $name:FAILED"; parts_failed=$((parts_failed + 1)); fi
}
part unit "./$build/test_unit"
part golden bash tests/golden/run.sh "$build/gangyao"
part fuzz "./$build/fuzz_replay" --large 4 tests/corpus tests/bad tests/inputs tests/fuzz/corpus
part fuzz-rules "./$build/fuzz_rules_replay" tests/rules
if [ -n "$py" ]; then
    part eval bash tests/eval/run.sh "$build/gangyao" "$py"
    part schema "$py" tests/schema/validate.py docs/gangyao.schema.json "$build/gangyao"
    part csv "$py" tests/csv/readback.py "$build/gangyao"
    part regions "$py" tests/regions/check.py "$build/gangyao"
    part panel "$py" tests/panel/check.py "$build/gangyao"
    part diff "$py" tests/diff/check.py "$build/gangyao"
    part cli "$py" tests/cli/check.py "$build/gangyao"
    part terms "$py" tests/terms/check.py "$build/gangyao"
    # Dask from Debian (python3-distributed) lives in the system's python
    dask_py=$py
    "$dask_py" -c 'import distributed' 2>/dev/null || dask_py=/usr/bin/python3
    echo "== dask"
    "$dask_py" tests/dask/check.py "$build/gangyao"
    case $? in
    0) summary="$summary dask:ok" ;;
    77) summary="$summary dask:skipped" ;;
    *) summary="$summary dask:FAILED"; parts_failed=$((parts_failed + 1)) ;;
    esac
    parts_run=$((parts_run + 1))
    part batch "$py" tests/batch/test_batch.py "$build/gangyao"
    part html bash tests/html/run.sh "$build/gangyao" "$build" "$py"
    part layers "$py" tools/layers.py "$build"
    if [ "${build%tsan}" != "$build" ]; then
        # ThreadSanitizer's shadow memory and slowdown make the time and
        # memory ratios meaningless; the threads are what this build tests
        echo "== pathological: skipped under ThreadSanitizer"
        summary="$summary pathological:skipped"
    else
        part pathological "$py" tests/pathological.py "$build/gangyao"
    fi
else
    echo "== eval, schema, csv, batch, html, layers, pathological: no python3 with jsonschema; run 'make deps' to install it" >&2
    summary="$summary eval:SKIPPED schema:SKIPPED csv:SKIPPED batch:SKIPPED html:SKIPPED layers:SKIPPED pathological:SKIPPED"
    parts_failed=$((parts_failed + 1))
    parts_run=$((parts_run + 1))
fi
echo "==$summary"
echo "test parts: $((parts_run - parts_failed)) passed, $parts_failed failed"
[ $parts_failed = 0 ]
