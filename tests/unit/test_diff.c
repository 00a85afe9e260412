/* diff on small documents: identical, swapped, changed, added, removed,
 * and targets paired by subject and unit. */
#include <stdlib.h>

#include "test.h"

static gy_diff *diff_of(gy_doc *a, gy_doc *b)
{
    gy_error err;
    gy_error_clear(&err);
    return gy_diff_new(builtin_rules(), a, b, NULL, &err);
}

static char *render(const gy_diff *df, int json)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    gy_render_options o = {GY_SHOW_ALL, 0, 1, 0, 0, 0};
    gy_error err;
    gy_render_diff(df, json ? GY_FORMAT_JSON : GY_FORMAT_TEXT, f, &o, &err);
    fclose(f);
    return buf;
}

static const char *A = "一、任务\n今年要做好三件事：一要稳定经济增长，扩大有效需求；二要推进科技创新，培育新动能；"
                       "三要保障改善民生，办好实事。\n预期目标：国内生产总值增长6%以上，城镇新增就业1100万人以上。\n";

/* Repeats of one subject pair in order, whatever stands between them. */
static void repeated_subjects_in_order(void)
{
    /* 达到 … 亿元 carries the subject 投资 over from the clause before */
    const char *OLD = "今年要做好：投资增长20%，达到100亿元；企业增加10家；投资增长3%，达到120亿元；"
                      "绿地增加5公顷。\n";
    const char *NEW = "今年要做好：道路新建8公里；学校新建2所；农田改造9万亩；投资增长14%，达到108亿元；"
                      "投资增长5%，达到126亿元。\n";
    gy_doc *a = analyze_text(OLD), *b = analyze_text(NEW);
    gy_diff *df = diff_of(a, b);
    char *t = render(df, 0);
    CHECK(strstr(t, "100亿元 → 108亿元") != NULL);
    CHECK(strstr(t, "120亿元 → 126亿元") != NULL);
    free(t);
    gy_diff_free(df);
    free_doc(a);
    free_doc(b);
}

static void identical(void)
{
    gy_doc *a = analyze_text(A), *b = analyze_text(A);
    gy_diff *df = diff_of(a, b);
    CHECK(df != NULL);
    CHECK(!gy_diff_has_changes(df));
    char *t = render(df, 0);
    CHECK_STR(t, "");
    free(t);
    gy_diff_free(df);
    free_doc(a);
    free_doc(b);
}

static void swapped_is_a_move(void)
{
    const char *B = "一、任务\n今年要做好三件事：一要推进科技创新，培育新动能；二要稳定经济增长，扩大有效需求；"
                    "三要保障改善民生，办好实事。\n预期目标：国内生产总值增长6%以上，城镇新增就业1100万人以上。\n";
    gy_doc *a = analyze_text(A), *b = analyze_text(B);
    gy_diff *df = diff_of(a, b);
    CHECK(gy_diff_has_changes(df));
    char *t = render(df, 0);
    CHECK(strstr(t, "> ") != NULL);
    CHECK(strstr(t, "\n- ") == NULL && strstr(t, "\n+ ") == NULL);
    CHECK(strstr(t, "work items: 3 kept, 0 reworded, 1 moved, 0 new, 0 dropped") != NULL);
    free(t);
    gy_diff_free(df);
    free_doc(a);
    free_doc(b);
}

static void changes(void)
{
    const char *B = "一、任务\n今年要做好三件事：一要稳定经济增长，扩大国内需求；二要推进科技创新，培育新动能；"
                    "三要加强生态保护，建设美丽中国。\n预期目标：国内生产总值增长5.5%左右，城镇新增就业1100万人以上。\n";
    gy_doc *a = analyze_text(A), *b = analyze_text(B);
    gy_diff *df = diff_of(a, b);
    CHECK(gy_diff_has_changes(df));
    char *t = render(df, 0);
    CHECK(strstr(t, "~ ") != NULL);
    CHECK(strstr(t, "[-有效-]{+国内+}") != NULL);
    CHECK(strstr(t, "国内生产总值增长: 6%以上 → 5.5%左右") != NULL);
    CHECK(strstr(t, "headline goals: 1 changed, 1 unchanged, 0 new, 0 dropped") != NULL);
    CHECK(strstr(t, "work items: 2 kept, 1 reworded, 0 moved, 1 new, 1 dropped") != NULL);
    free(t);
    t = render(df, 1);
    CHECK(strstr(t, "\"schema\":\"gangyao-diff/2\"") != NULL);
    CHECK(strstr(t, "\"status\":\"moved\"") == NULL);
    free(t);
    gy_diff_free(df);
    free_doc(a);
    free_doc(b);
}

static const test_case cases[] = {
    {"diff/identical", identical},
    {"diff/swapped", swapped_is_a_move},
    {"diff/changes", changes},
    {"diff/repeated-subjects-in-order", repeated_subjects_in_order},
};

SUITE(diff)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
