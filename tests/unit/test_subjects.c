/* What a target measures and for which year: subjects (time words and
 * fillers left out, carried over to a clause that names nothing, a list
 * before 分别 distributed), catalogue indicators, and every year rule. */
#include "test.h"

/* Target i of text: its subject and indicator (NULL for null). */
static void subject_is(const char *text, size_t i, const char *subject, const char *indicator)
{
    gy_doc *d = analyze_text(text);
    const char *s = str(d, TGT, i, "subject"), *ind = str(d, TGT, i, "indicator");
    int ok = i < count(d, TGT) && (subject ? s && strcmp(s, subject) == 0 : !s) &&
             (indicator ? ind && strcmp(ind, indicator) == 0 : !ind);
    if (!ok)
        test_fail(__FILE__, __LINE__, "%s [%zu]: subject '%s' indicator '%s', want '%s' '%s'",
                  text, i, s ? s : "(null)", ind ? ind : "(null)", subject ? subject : "(null)",
                  indicator ? indicator : "(null)");
    free_doc(d);
}

static void subjects(void)
{
    subject_is("今年地区生产总值增长5%左右。", 0, "地区生产总值增长", "gdp_growth");
    subject_is("城镇调查失业率控制在5.5%以内。", 0, "城镇调查失业率", "unemployment_rate");
    subject_is("居民消费价格涨幅2%左右。", 0, "居民消费价格涨幅", "cpi");
    /* time words inside the subject are left out */
    subject_is("城镇调查失业率全年控制在5.5%以内。", 0, "城镇调查失业率", "unemployment_rate");
    subject_is("细颗粒物年均浓度控制在29微克/立方米左右。", 0, "细颗粒物浓度", "pm25");
    /* a scope word stays in the subject but not in the match */
    subject_is("全省地区生产总值增长5.6%。", 0, "全省地区生产总值增长", "gdp_growth");
    /* not the whole jurisdiction: no catalogue indicator */
    subject_is("城市副中心地区生产总值增长5%以上。", 0, "城市副中心地区生产总值增长", NULL);
    /* the unit must fit: a growth is a share */
    subject_is("地区生产总值增长1000亿元。", 0, "地区生产总值增长", NULL);
    /* a clause that names nothing */
    subject_is("增长5%。", 0, NULL, NULL);
    /* a scraped page's tags inside a line are no words of a subject */
    subject_is("<p><span class=\"t\">——经济运行保持在合理区间。</span>国内生产总值增长6.6%。</p>", 0,
               "国内生产总值增长", "gdp_growth");
    /* the whole (总量) after a figure's subject is the whole of that */
    subject_is("国内生产总值增长6.6%，总量突破90万亿元。", 1, "国内生产总值总量", "gdp");
    /* an average over years is another indicator */
    subject_is("过去五年，地区生产总值年均增长5.2%。", 0, "地区生产总值增长", "gdp_growth_avg");
}

static void carry_over(void)
{
    const char *t = "一般公共预算收入增长3%，达到450亿元。";
    subject_is(t, 0, "一般公共预算收入增长", "fiscal_revenue_growth");
    subject_is(t, 1, "一般公共预算收入", "fiscal_revenue");
    t = "全市地区生产总值5.2万亿元、增长5.4%、高于全国0.4个百分点。";
    subject_is(t, 0, "全市地区生产总值", "gdp");
    subject_is(t, 1, "全市地区生产总值增长", "gdp_growth");
    t = "实现地区生产总值67665亿元，增长5.5%。";
    subject_is(t, 1, "地区生产总值增长", "gdp_growth");
    /* a level reached names the noun, not its change */
    t = "全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元。";
    subject_is(t, 0, "全省生产总值", "gdp");
    subject_is(t, 1, "全省生产总值", "gdp");
    /* not across sentences */
    subject_is("投资增长5%。增长3%。", 1, NULL, NULL);
}

static void lists(void)
{
    const char *t = "城镇、农村居民人均可支配收入分别增长5%、6%左右。";
    subject_is(t, 0, "城镇居民人均可支配收入增长", "urban_income_growth");
    subject_is(t, 1, "农村居民人均可支配收入增长", "rural_income_growth");
    t = "其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。";
    subject_is(t, 0, "一产增加值增长", "primary_industry_growth");
    subject_is(t, 1, "二产增加值增长", "secondary_industry_growth");
    subject_is(t, 2, "三产增加值增长", "tertiary_industry_growth");
    t = "城乡居民人均可支配收入分别增长6%和7%左右。";
    subject_is(t, 0, "城镇居民人均可支配收入增长", "urban_income_growth");
    subject_is(t, 1, "农村居民人均可支配收入增长", "rural_income_growth");
    t = "城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右。";
    subject_is(t, 0, "城镇常住居民人均可支配收入增长", "urban_income_growth");
    subject_is(t, 1, "农村常住居民人均可支配收入增长", "rural_income_growth");
    /* items without a shared head */
    t = "一般公共预算收入、税收收入年均分别增长4.5%、3%。";
    subject_is(t, 0, "一般公共预算收入增长", "fiscal_revenue_growth_avg");
    subject_is(t, 1, "税收收入增长", NULL);
}

/* The year of target i of text, and the report's year. */
static void year_is(const char *text, size_t i, long long year)
{
    gy_doc *d = analyze_text(text);
    long long got = num(d, TGT, i, "year");
    if (i >= count(d, TGT) || got != year)
        test_fail(__FILE__, __LINE__, "%.60s [%zu]: year %lld, want %lld", text, i, got, year);
    free_doc(d);
}

#define HEAD "政府工作报告\n——2026年1月25日在第十六届人民代表大会第四次会议上\n各位代表：\n"

static void years(void)
{
    gy_doc *d = analyze_text(HEAD "一、2025年工作回顾\n全年地区生产总值增长5.4%。\n");
    CHECK_INT(gy_doc_year(d), 2026);
    CHECK_STR(gy_doc_date(d), "2026-01-25");
    free_doc(d);
    /* the part: a review is of the year before, 全年 too */
    year_is(HEAD "一、工作回顾\n全年地区生产总值增长5.4%。\n二、今后打算\n全年增长5%左右。\n", 0, 2025);
    year_is(HEAD "一、工作回顾\n全年地区生产总值增长5.4%。\n二、今后打算\n全年增长5%左右。\n", 1, 2026);
    /* words counted from the report's year, and named years */
    year_is(HEAD "今年增长5%，去年增长5.4%，明年增长4%。\n", 0, 2026);
    year_is(HEAD "今年增长5%，去年增长5.4%，明年增长4%。\n", 1, 2025);
    year_is(HEAD "今年增长5%，去年增长5.4%，明年增长4%。\n", 2, 2027);
    year_is(HEAD "到2030年，城镇化率达到70%。\n", 0, 2030);
    year_is(HEAD "“十五五”末，城镇化率达到70%。\n", 0, 2030);
    /* a sentence that moves from one year to another */
    year_is(HEAD "城镇化率由2020年的60.5%提高到2025年的65%。\n", 0, 2020);
    year_is(HEAD "城镇化率由2020年的60.5%提高到2025年的65%。\n", 1, 2025);
    /* where a change started has only a year named with it */
    year_is(HEAD "一、2025年工作回顾\n收入从3826.5亿元增长到4398.6亿元。\n", 0, -1);
    year_is(HEAD "一、2025年工作回顾\n收入从3826.5亿元增长到4398.6亿元。\n", 1, 2025);
    year_is(HEAD "一、2025年工作回顾\n总值从2020年的3.68万亿元增长到4.93万亿元。\n", 0, 2020);
    /* 比上年 is what the figure is compared with, not its year */
    year_is(HEAD "二、2026年重点工作\n粮食产量比上年增长2%。\n", 0, 2026);
    /* a heading names the year of its section */
    year_is(HEAD "三、2026年重点工作\n地区生产总值增长5%左右。\n", 0, 2026);
    /* an earlier sentence gives its year only when the year heads it */
    year_is(HEAD "刚刚过去的2025年，我们迎难而上。地区生产总值增长5.6%。\n", 0, 2025);
    year_is(HEAD "政策延长至明年3月底。贷款增速高于40%。\n", 0, -1);
    /* nothing says: null; --year gives the report's year */
    year_is("同志们：\n贫困人口减少1000万人。\n", 0, -1);
    gy_error err;
    const char *t = "一、2024年工作任务\n要新增就业1100万人以上。\n";
    gy_source *src = load_bytes("y.txt", t, strlen(t), &err);
    gy_analyze_options o = {0, 2024, NULL, 0};
    d = gy_analyze(src, builtin_rules(), &o, &err);
    CHECK_INT(gy_doc_year(d), 2024);
    gy_doc_free(d);
    gy_source_free(src);
}

static const test_case cases[] = {
    {"subjects/subjects", subjects},
    {"subjects/carry-over", carry_over},
    {"subjects/lists", lists},
    {"subjects/years", years},
};

SUITE(subjects)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
