/* Which government wrote a report: read from the occasion, the speaker's
 * office, the title and 我代表… clauses; divisions of one name told apart
 * by their parents; common words among county names (城区) read only after
 * their city; overrides. */
#include <stdlib.h>

#include "test.h"

/* The region of text as "name code level", or "null". */
static void region_is(const char *text, const char *given, const char *want)
{
    gy_error err;
    gy_source *src = load_bytes("r.txt", text, strlen(text), &err);
    gy_analyze_options opt = {0, 0, given, 0};
    gy_doc *d = src ? gy_analyze(src, builtin_rules(), &opt, &err) : NULL;
    char got[256] = "no document";
    if (d) {
        const char *code;
        gy_level level;
        const char *name = gy_doc_region(d, &code, &level);
        if (name)
            snprintf(got, sizeof got, "%s %s %s", name, code ? code : "-",
                     gy_level_name(level) ? gy_level_name(level) : "-");
        else
            snprintf(got, sizeof got, "null");
    }
    if (strcmp(got, want) != 0)
        test_fail(__FILE__, __LINE__, "%.60s: region '%s', want '%s'", text, got, want);
    gy_doc_free(d);
    gy_source_free(src);
}

static void from_the_text(void)
{
    region_is("政府工作报告\n——2024年1月20日在北京市朝阳区第十六届人民代表大会第四次会议上\n"
              "各位代表：\n现在，我代表区人民政府，向大会报告工作。\n",
              NULL, "朝阳区 110105 county");
    region_is("政府工作报告\n——2024年1月20日在长春市朝阳区第十八届人民代表大会第四次会议上\n"
              "各位代表：\n现在，我代表区人民政府，向大会报告工作。\n",
              NULL, "朝阳区 220104 county");
    region_is("2025年广西政府工作报告\n各位代表：\n经济增长5%。\n", NULL,
              "广西壮族自治区 450000 province");
    region_is("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n", NULL, "全国 000000 national");
    region_is("各位代表：\n现在，我代表阳泉市城区人民政府，向大会报告工作。\n", NULL,
              "城区 140302 county");
    /* the city the occasion names, the district the speaker's office names */
    region_is("政府工作报告\n——2015年2月5日在呼伦贝尔市第十四届人民代表大会第四次会议上\n"
              "海拉尔区人民政府区长　杜联合\n各位代表：\n", NULL, "海拉尔区 150702 county");
}

static void not_told(void)
{
    /* 朝阳区 is a district of Beijing and of Changchun: nothing says which */
    region_is("政府工作报告\n——2024年1月20日在朝阳区第十六届人民代表大会第四次会议上\n"
              "各位代表：\n", NULL, "null");
    /* 城区 alone is a word, not the district of 阳泉 */
    region_is("关于城区改造的报告\n各位代表：\n现在，我代表城区人民政府，向大会报告工作。\n", NULL,
              "null");
    region_is("在全市基层党建工作现场推进会上的讲话\n同志们：\n", NULL, "null");
    gy_doc *d = analyze_text("在全市基层党建工作现场推进会上的讲话\n同志们：\n");
    CHECK(has_warning(d, "no-region"));
    free_doc(d);
}

static void given(void)
{
    const char *text = "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n";
    region_is(text, "江苏", "江苏省 320000 province");
    region_is(text, "江苏省", "江苏省 320000 province");
    region_is(text, "150702", "海拉尔区 150702 county");
    region_is(text, "全国", "全国 000000 national");
    region_is(text, "某某县", "某某县 - -");
    region_is(text, "鼓楼区", "鼓楼区 - -"); /* four of them: kept as given */
}

static const test_case tests[] = {
    {"region/from-the-text", from_the_text},
    {"region/not-told", not_told},
    {"region/given", given},
};

SUITE(region)
{
    *n = sizeof tests / sizeof tests[0];
    return tests;
}
