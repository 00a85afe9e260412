#!/usr/bin/env bash
# The reference scorer (a copy of ../shared/eval/score.py, with the
# hand-made references in gold/) on the speeches it has references for,
# then the panel of headline targets (a copy of ../shared/eval/panel.py and
# panel/dev.json), which must match every item in every field.
# Ends with "eval: N passed, N failed".
set -u
bin=$1
py=${2:-python3}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
pass=0
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for gold in tests/eval/gold/*.json; do
    file=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["file"])' "$gold")
    if "$bin" --json "tests/corpus/$file" > "$tmp" && "$py" tests/eval/score.py "$gold" "$tmp" "tests/corpus/$file" > "$tmp.score"; then
        pass=$((pass + 1))
        echo "  $file: $(tail -n 1 "$tmp.score")"
    else
        fail=$((fail + 1))
        echo "FAIL $file:" >&2
        "$py" tests/eval/score.py -v "$gold" "$tmp" "tests/corpus/$file" >&2
    fi
    rm -f "$tmp.score"
done
if "$py" tests/eval/panel.py --min 1 --bin "$bin" tests/eval/panel/dev.json tests/corpus > "$tmp"; then
    pass=$((pass + 1))
    echo "  $(tail -n 1 "$tmp")"
else
    fail=$((fail + 1))
    echo "FAIL panel:" >&2
    "$py" tests/eval/panel.py -v --min 1 --bin "$bin" tests/eval/panel/dev.json tests/corpus >&2
fi
echo "eval: $pass passed, $fail failed"
[ $fail = 0 ]
