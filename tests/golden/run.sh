#!/usr/bin/env bash
# Golden tests, compared byte for byte.  Each directory tests/golden/<case>/
# holds:
#   args     the arguments, one per line (run from the repository root)
#   stdin    (optional) what standard input gets; otherwise /dev/null
#   out      the expected standard output
#   err      (optional) the expected standard error; when absent it is not compared
#   status   the expected exit status
#
#   tests/golden/run.sh BIN            run every case
#   tests/golden/run.sh BIN --update   rewrite out/err/status from what BIN does now
set -u
bin=$1
update=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in tests/golden/*/; do
    dir=${dir%/}
    name=${dir#tests/golden/}
    [ -f "$dir/args" ] || continue
    mapfile -t args < "$dir/args"
    input=/dev/null
    [ -f "$dir/stdin" ] && input=$dir/stdin
    NO_COLOR=1 "$bin" "${args[@]}" < "$input" > "$tmp/out" 2> "$tmp/err"
    status=$?
    if [ "$update" = --update ]; then
        cp "$tmp/out" "$dir/out"
        echo "$status" > "$dir/status"
        if [ -s "$tmp/err" ] || [ -f "$dir/err" ]; then cp "$tmp/err" "$dir/err"; fi
        continue
    fi
    ok=1
    if ! cmp -s "$tmp/out" "$dir/out"; then
        ok=0
        echo "FAIL $name: standard output differs:" >&2
        diff -u "$dir/out" "$tmp/out" | head -20 >&2
    fi
    if [ -f "$dir/err" ] && ! cmp -s "$tmp/err" "$dir/err"; then
        ok=0
        echo "FAIL $name: standard error differs:" >&2
        diff -u "$dir/err" "$tmp/err" | head -10 >&2
    fi
    want=$(cat "$dir/status" 2>/dev/null || echo missing)
    if [ "$status" != "$want" ]; then
        ok=0
        echo "FAIL $name: exit status $status, want $want" >&2
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
if [ "$update" = --update ]; then
    echo "golden: expected outputs rewritten; review them with git diff"
    exit 0
fi
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
