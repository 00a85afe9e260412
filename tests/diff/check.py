#!/usr/bin/env python3
"""gangyao diff as a reader uses it: the national reports 2021 -> 2022 compared by
the work items of their plans (the （一）…（九） headings and numbered tasks), their
headline goals paired by indicator and year (exactly GDP growth, the deficit ratio
and the survey unemployment goal changed, with their years; jobs, CPI and grain
unchanged; the five-year goal apart), each changed goal saying what changed and the
old goal's outcome beside it; the review's items only with --all; and no target of
any corpus file has a subject that is a lone verb, preposition or function word.

usage: check.py BIN        Ends with "diff: N passed, N failed".
"""
import glob
import json
import os
import subprocess
import sys

BIN = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "corpus")
results = []


def check(name, ok, detail=""):
    results.append(ok)
    if not ok:
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def diff(*args):
    p = subprocess.run([BIN, "diff", "--json"] + list(args), capture_output=True)
    return p.returncode, json.loads(p.stdout)


def national():
    a, b = os.path.join(CORPUS, "gwr-2021.txt"), os.path.join(CORPUS, "gwr-2022.txt")
    status, d = diff(a, b)
    check("2021 -> 2022 differ: exit status 1", status == 1, status)
    pairs = {(p["old"] or {}).get("text", ""): p for p in d["items"]}
    def paired(old, new):
        p = next((p for t, p in pairs.items() if t.startswith(old)), None)
        check(f"work item '{old}' pairs with '{new}'", p is not None and p["new"] is not None and
              p["new"]["text"].startswith(new), p and p["new"])
    paired("深入推进重点领域改革", "坚定不移深化改革")
    paired("依靠创新推动实体经济高质量发展", "深入实施创新驱动发展战略")
    paired("实行高水平对外开放", "扩大高水平对外开放")
    paired("切实增进民生福祉", "切实保障和改善民生")
    paired("2021年重点工作", "2022年政府工作任务")
    check("work items are headings of the plan, not the review's 一是…七是",
          all(p["old"] is None or p["old"]["kind"] == "heading" for p in d["items"]) and
          not any((p["old"] or {}).get("marker") == "一是" for p in d["items"]), "")
    this_year = [p for p in d["targets"] if p["indicator"] and p["old"] and p["new"]]
    changed = {p["indicator"]: p for p in this_year if p["status"] == "changed"}
    unchanged = {p["indicator"] for p in this_year if p["status"] == "unchanged"}
    check("changed headline goals: exactly GDP growth, the deficit ratio, survey unemployment",
          set(changed) == {"gdp_growth", "deficit_ratio", "unemployment_rate"}, sorted(changed))
    check("unchanged headline goals: jobs, CPI, grain", unchanged == {"new_urban_jobs", "cpi", "grain_output"},
          sorted(unchanged))
    g = changed.get("gdp_growth", {})
    check("GDP growth 6%以上 (2021) -> 5.5%左右 (2022): value and bound", g and
          g["old"]["text"] == "6%以上" and g["new"]["text"] == "5.5%左右" and g["old"]["year"] == 2021 and
          g["new"]["year"] == 2022 and g["changes"] == ["value", "bound"], g and g["changes"])
    check("GDP growth: the 2021 goal's outcome, 8.1%", g and g["outcome"] and g["outcome"]["text"] == "8.1%"
          and g["outcome"]["year"] == 2021, g and g["outcome"])
    u = changed.get("unemployment_rate", {})
    check("survey unemployment 5.5%左右 -> 控制在5.5%以内: the bound only", u and u["changes"] == ["bound"],
          u and u["changes"])
    five = [p for p in d["targets"] if p["indicator"] == "unemployment_rate" and p["old"]
            and p["old"]["year"] == 2025]
    check("the five-year unemployment goal (2025) stands apart, not paired with this year's",
          len(five) == 1 and five[0]["new"] is None, five)
    s = d["summary"]
    check("summary: work items and headline goals counted",
          s["items"]["changed"] >= 8 and s["headline_goals"]["changed"] == 3, s)
    status, d = diff("--all", a, b)
    check("--all: the review's items compared apart", "review" in d and
          any((p["old"] or {}).get("marker") == "一是" for p in d["review"]), d.keys())
    out = subprocess.run([BIN, "diff", a, b], capture_output=True).stdout.decode()
    check("text: the year of each goal and the summary line",
          "6%以上 (2021) → 5.5%左右 (2022)  [value, bound]; 2021 outcome 8.1%" in out and
          "work items:" in out and "headline goals:" in out, out[-400:])


def same_goal_reworded():
    """A goal whose figure, bound, unit and year stay, only its wording moving, is unchanged."""
    import tempfile
    tmp = tempfile.mkdtemp()
    a, b = os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")
    open(a, "w").write("2024年政府工作报告\n今年发展主要预期目标是：居民消费价格涨幅2%左右。\n")
    open(b, "w").write("2024年政府工作报告\n今年发展主要预期目标是：全年居民消费价格涨幅2%左右。\n")
    status, d = diff(a, b)
    t = [p for p in d["targets"] if p["indicator"] == "cpi"]
    check("cpi 2%左右 -> 2%左右, only the wording around it: unchanged", len(t) == 1 and
          t[0]["status"] == "unchanged" and status == 0, t)


# lone verbs, prepositions, adverbs and function words: a subject made only of these names
# nothing (the test's own list, apart from the rules' not_nouns)
NOT_NOUNS = set("""用 把 将 对 向 为 由 从 以 于 在 和 及 与 的 了 有 是 被 让 使 给 到 新建 新增 建成 建设
实施 打造 推进 守住 坚决 坚决守住 牢牢 加快 扎实 继续 累计 完成 实现 达到 保持 提高 增加 减少 下降 增长 降低
解决 办好 投入 培育 启动 推出 支持 设立 举办 创建 改造 引导 建立 提供 吸引 强化 优化 带动 惠及""".split())


def segments_all(s):
    i = 0
    while i < len(s):
        for k in range(min(4, len(s) - i), 0, -1):
            if s[i:i + k] in NOT_NOUNS:
                i += k
                break
        else:
            return False
    return True


def subjects():
    bad = []
    for f in sorted(glob.glob(os.path.join(CORPUS, "*.txt"))):
        d = json.loads(subprocess.run([BIN, "--json", "-q", f], capture_output=True).stdout)
        bad += [(os.path.basename(f), t["line"], t["subject"]) for t in d["targets"]
                if t["subject"] and segments_all(t["subject"])]
    check("no subject is a lone verb, preposition or function word", not bad, bad[:10])


national()
same_goal_reworded()
subjects()
print(f"diff: {sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
