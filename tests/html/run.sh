#!/usr/bin/env bash
# The HTML pages: written for several corpus files, a diff and a panel
# (pages.py), checked for markup that comes from the input (escape.py),
# dumped by headless chromium (--dump-dom), then driven in it by
# browser.mjs (puppeteer-core): no console errors, the parts there, sorting
# and filtering; a screenshot of each page lands in BUILD/html/.
#   tests/html/run.sh BIN BUILD_DIR PYTHON
# Ends with "html: N passed, N failed".
set -u
bin=$1
build=$2
py=${3:-python3}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
out=$build/html
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*" >&2; }
finish() { echo "html: $pass passed, $fail failed"; [ $fail = 0 ]; exit $?; }

if "$py" tests/html/pages.py "$bin" "$out"; then ok; else bad "writing the pages"; finish; fi

# no element or attribute of a page comes from the input
hostile=('<script>alert("标题")</script>' '"><img src=x onerror=alert(2)>'
         '<iframe src="javascript:alert(3)"></iframe>' '<style>body{display:none}</style>'
         '</td></tr></table>' '<!-- a comment -->' '&amp;' '<a href="http://evil">')
residue=('<div class="conlun2_box_text" id="conlun2_box_text">' '<span class="title_sp">')
for page in "$out"/*.html; do
    case $(basename "$page") in
    html-hostile.html) extra=("${hostile[@]}") ;;
    gwr-2019-htmlresidue.html) extra=("${residue[@]}") ;;
    *) extra=() ;;
    esac
    if "$py" tests/html/escape.py "$page" "${extra[@]}"; then ok; else bad "$page: markup from the input"; fi
done

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    bad "chromium is not installed (apt-get install chromium; .ci/run installs it)"
    finish
fi
dom=$(timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --dump-dom \
      "file://$root/$out/province-hebei-2026.html" 2>/dev/null)
want=$("$py" -c 'import json,sys; p=[x for x in json.load(open(sys.argv[1])) if x["name"]=="province-hebei-2026"][0]; print(p["figures"])' "$out/pages.json")
got=$(grep -o '<span class="q [a-z]*" id="q[0-9]*"' <<<"$dom" | wc -l)
if grep -q 'id="figure-table"' <<<"$dom" && [ "$got" = "$want" ]; then ok
else bad "--dump-dom: $got figures in the page's DOM, want $want"; fi

if ! command -v node >/dev/null; then bad "node is not installed (.ci/run installs nodejs and npm)"; finish; fi
if [ ! -d tests/html/node_modules/puppeteer-core ]; then
    (cd tests/html && npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null) ||
        { bad "npm could not install puppeteer-core"; finish; }
fi
if node tests/html/browser.mjs "$chromium" "$out"; then ok; else bad "browser checks"; fi
finish
