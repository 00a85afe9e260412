#!/usr/bin/env python3
"""Writes the rule files of the rule-error tests from the built-in rule set,
so that each differs from a working rule set by exactly the one fault it
tests, whatever the built-in rules hold.

    tests/rules/make.py BIN     (run by `make golden-update`)
"""
import json
import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent


def once(text, old, new):
    if text.count(old) < 1:
        sys.exit(f"make.py: '{old}' is not in the built-in rules")
    return text.replace(old, new, 1)


def main():
    dump = subprocess.run([sys.argv[1], "rules", "--dump"], capture_output=True, text=True,
                          check=True).stdout
    rules = json.loads(dump)
    first = rules["noise"]["lines"][0]
    pattern = json.dumps(first["pattern"], ensure_ascii=False)
    files = {
        # a missing comma after a number
        "bad-json.json": once(dump, '"max_chars":\t120,', '"max_chars":\t120'),
        # an unclosed group in the first noise pattern
        "bad-pattern.json": once(dump, pattern, pattern.replace(")", "", 1)),
        # a field no rule has
        "unknown-field.json": once(dump, '"name":\t"%s",' % first["name"],
                                   '"name":\t"%s",\n\t\t\t\t"colour":\t"red",' % first["name"]),
        "unknown-concern.json": once(dump, '"times":\t{', '"timez":\t{'),
    }
    missing = dict(rules)
    del missing["times"]
    files["missing-concern.json"] = json.dumps(missing, ensure_ascii=False, indent=1) + "\n"
    custom = json.loads(dump)
    custom["noise"]["lines"].insert(0, {"name": "custom-banner", "pattern": "^本文由.*整理$"})
    files["custom-noise.json"] = json.dumps(custom, ensure_ascii=False, indent=1) + "\n"
    # text after the closing brace (was "ok")
    files["trailing-text.json"] = dump.rstrip("\n") + "\nok\n"
    # a note on the whole file, as docs/rules.md allows in every object
    about = {"about": "the built-in rules, noted"}
    about.update(rules)
    files["about.json"] = json.dumps(about, ensure_ascii=False, indent=1) + "\n"
    # a range that holds nothing
    empty = json.loads(dump)
    empty["tasks"]["announce"]["min"] = empty["tasks"]["announce"]["max"] + 1
    files["empty-range.json"] = json.dumps(empty, ensure_ascii=False, indent=1) + "\n"
    # nesting deeper than the parser follows (was a bare "invalid JSON")
    files["deep-nesting.json"] = '{"about": ' + "[" * 2000 + "]" * 2000 + "}\n"
    for name, text in files.items():
        (here / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
