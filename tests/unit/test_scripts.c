/* Texts in traditional characters: folded to simplified ones for the
 * rules, character for character, and shown as stored. */
#include <stdlib.h>

#include "fold.h"
#include "rules.h"
#include "test.h"

static const char *HK =
    "主席女士，\n\n引言\n\n1. 現在，我向各位議員、全體香港市民，宣讀香港特別行政區政府第一個施政報告。\n\n"
    "一. 百業同興\n\n2. 我們這個時代，國際經濟發展與香港的關係越來越密切，會為香港帶來機會。"
    "我為特區政府訂下了三個主要目標：每年興建的公營和私營房屋單位不少於八萬五千個；"
    "在十年內，全港七成的家庭可以自置居所。\n";

static void folded_for_the_rules(void)
{
    gy_doc *d = analyze_text(HK);
    CHECK(d != NULL);
    if (!d)
        return;
    /* the title and the targets, read by rules in simplified characters, shown as stored */
    CHECK_STR(gy_doc_title(d), "香港特別行政區政府第一個施政報告");
    CHECK_INT(count(d, TGT), 2);
    CHECK_STR(str(d, TGT, 0, "text"), "不少於八萬五千個");
    CHECK_NEAR(real(d, TGT, 0, "value"), 85000);
    CHECK_STR(str(d, TGT, 0, "op"), ">=");
    CHECK_STR(str(d, TGT, 0, "kind"), "target");
    CHECK_STR(str(d, TGT, 1, "text"), "七成");
    CHECK_NEAR(real(d, TGT, 1, "value"), 70);
    const char *sub = str(d, TGT, 1, "subject");
    CHECK(sub && strstr(sub, "全港") != NULL);
    const char *code;
    const char *region = gy_doc_region(d, &code, NULL);
    CHECK_STR(code, "810000");
    (void)region;
    /* a section heading as stored */
    CHECK_STR(str(d, GY_ELEM_SECTION, 1, "heading"), "百業同興");
    free_doc(d);
}

static void simplified_text_untouched(void)
{
    /* a few traditional characters in a simplified text do not fold it */
    gy_doc *d = analyze_text("2024年政府工作报告\n今年发展主要预期目标是：国内生产总值增长5%左右。"
                             "“後”字与“发”字。\n");
    CHECK_STR(str(d, TGT, 0, "text"), "5%左右");
    CHECK_STR(str(d, TGT, 0, "indicator"), "gdp_growth");
    free_doc(d);
}

/* Which script a text is written in: whichever shows min_markers of its
 * markers first, so that a simplified text quoting traditional words is not
 * folded, and a traditional one is whatever simplified word it quotes. */
static void script_told_first(void)
{
    const gy_script_rules *r = &builtin_rules()->scripts;
    const char *simp = "我们这个国家的发展，引用旧籍“國會說時對”四字。";
    const char *trad = "我們這個國家的發展，引用新版“们这个”三字。";
    CHECK_INT(gy_fold_wanted(r, simp, strlen(simp)), 0);
    CHECK_INT(gy_fold_wanted(r, trad, strlen(trad)), 1);
    CHECK_INT(gy_fold_wanted(r, HK, strlen(HK)), 1);
}

static const test_case tests[] = {
    {"scripts/folded-for-the-rules", folded_for_the_rules},
    {"scripts/simplified-untouched", simplified_text_untouched},
    {"scripts/told-first", script_told_first},
};

SUITE(scripts)
{
    *n = sizeof tests / sizeof tests[0];
    return tests;
}
