/* Headline targets on reports of any year and level (issue 16): each class
 * of phrasing the panel of reports showed, on short texts written for it
 * (not copied from the corpus): the report's year without a dateline, the
 * year of a goal statement, indicator phrasings, goal or fact, stretch and
 * bound, restatements, spans, speeches' own times, grades, bylines and
 * paragraphs broken over lines. */
#include "test.h"

/* The first target whose text holds core, or -1. */
static long find(const gy_doc *d, const char *core)
{
    for (size_t i = 0; i < count(d, TGT); i++) {
        const char *t = str(d, TGT, i, "text");
        if (t && strstr(t, core))
            return (long)i;
    }
    return -1;
}

/* The target holding core in text: its indicator, kind and year. */
static void target_is(const char *text, const char *core, const char *indicator, const char *kind,
                      long long year, int line)
{
    gy_doc *d = analyze_text(text);
    long i = d ? find(d, core) : -1;
    const char *ind = i >= 0 ? str(d, TGT, (size_t)i, "indicator") : NULL;
    const char *k = i >= 0 ? str(d, TGT, (size_t)i, "kind") : NULL;
    long long y = i >= 0 ? num(d, TGT, (size_t)i, "year") : -2;
    int ok = i >= 0 && (indicator ? ind && strcmp(ind, indicator) == 0 : !ind) && k &&
             strcmp(k, kind) == 0 && y == year;
    if (!ok)
        test_fail(__FILE__, line, "'%s' in %s: indicator %s kind %s year %lld, want %s %s %lld",
                  core, text, ind ? ind : "(null)", k ? k : "(null)", y,
                  indicator ? indicator : "(null)", kind, year);
    free_doc(d);
}
#define TARGET_IS(text, core, ind, kind, year) target_is(text, core, ind, kind, year, __LINE__)

#define REPORT "2025年某省政府工作报告\n——2025年1月20日在某省第十四届人民代表大会第三次会议上\n各位代表：\n"
#define PLAN "二、2025年工作安排\n"

/* The catalogue reads the head of the noun phrase: scope words, adverbs
 * and framing between subject and figure are set aside. */
static void indicator_phrasings(void)
{
    TARGET_IS(PLAN "居民消费价格总水平涨幅控制在4%。", "4%", "cpi", "target", 2025);
    TARGET_IS(PLAN "居民消费价格指数涨幅在3%左右。", "3%", "cpi", "target", 2025);
    TARGET_IS(PLAN "居民消费价格总水平上涨3%左右。", "3%", "cpi", "target", 2025);
    TARGET_IS(PLAN "物价涨幅保持在3%左右。", "3%", "cpi", "target", 2025);
    TARGET_IS(PLAN "经济增长8%左右。", "8%", "gdp_growth", "target", 2025);
    TARGET_IS(PLAN "生产总值增长6%左右。", "6%", "gdp_growth", "target", 2025);
    TARGET_IS(PLAN "全州地区生产总值同比增长6%。", "6%", "gdp_growth", "target", 2025);
    TARGET_IS(PLAN "全市生产总值预计增长5.1%左右。", "5.1%", "gdp_growth", "target", 2025);
    TARGET_IS(PLAN "地区生产总值按可比价格计算增长5%。", "5%", "gdp_growth", "target", 2025);
    TARGET_IS(PLAN "一般公共预算收入同口径增长4%以上。", "4%", "fiscal_revenue_growth", "target", 2025);
    TARGET_IS(PLAN "一般公共财政预算收入按可比口径增长7.5%。", "7.5%", "fiscal_revenue_growth",
              "target", 2025);
    TARGET_IS(PLAN "粮食产量继续稳定在600亿斤以上。", "600亿斤", "grain_output", "target", 2025);
    TARGET_IS(PLAN "全社会研发经费支出相当于全市生产总值的比例达到4.5%左右。", "4.5%",
              "rd_intensity", "target", 2025);
    TARGET_IS(PLAN "研究与试验发展经费支出占国内生产总值比重达到2.2%。", "2.2%", "rd_intensity",
              "target", 2025);
    TARGET_IS(PLAN "进出口贸易总额增长12%左右。", "12%", "trade_growth", "target", 2025);
    TARGET_IS(PLAN "农村牧区常住居民人均可支配收入增长7.5%。", "7.5%", "rural_income_growth",
              "target", 2025);
    TARGET_IS(PLAN "经济增长预期目标设定为5.5%左右。", "5.5%", "gdp_growth", "target", 2025);
    /* a 、-list about one thing whose middle item has no figure */
    TARGET_IS("全省生产总值突破3万亿元、跃居全国第十位、增长5.1%。", "5.1%", "gdp_growth", "fact",
              -1);
    /* the head must still be the indicator's: another thing's growth is none */
    TARGET_IS(PLAN "数字经济核心产业增加值增长10%。", "10%", NULL, "target", 2025);
    TARGET_IS(PLAN "城市副中心地区生产总值增长5%以上。", "5%", NULL, "target", 2025);
}

/* A report with no dateline: its review heading, a heading naming a plan
 * period, a paragraph naming its year, the last year its review names;
 * nothing: null and a warning. */
static void report_year(void)
{
    gy_doc *d = analyze_text("一、2005年工作回顾\n过去一年，经济平稳较快发展。\n二、今年的主要任务\n"
                             "今年国内生产总值增长8%左右。\n");
    CHECK_INT(gy_doc_year(d), 2006);
    free_doc(d);
    d = analyze_text("一、“九五”时期国民经济和社会发展的回顾\n过去五年，经济持续快速发展。\n"
                     "二、“十五”期间的奋斗目标\n今年国内生产总值增长7%左右。\n");
    CHECK_INT(gy_doc_year(d), 2001);
    free_doc(d);
    d = analyze_text("一、过去五年工作回顾\n五年来，经济平稳发展。\n二、今年经济社会发展的总体要求\n"
                     "2013年是全面贯彻落实党的十八大精神的开局之年。今年国内生产总值增长7.5%左右。\n");
    CHECK_INT(gy_doc_year(d), 2013);
    long i = find(d, "7.5%");
    CHECK(i >= 0 && num(d, TGT, (size_t)i, "year") == 2013);
    free_doc(d);
    /* the last year a review names more than once (an event's year named
     * once, a goal's 到2010年, are no year of the review) */
    d = analyze_text("一、过去五年政府工作的回顾\n国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元。"
                     "财政收入由1997年的8651亿元增加到2002年的18914亿元。上海赢得2010年世界博览会举办权。"
                     "到2010年基本建成小康。\n二、对今年政府工作的建议\n今年经济增长预期目标为7%左右。\n");
    CHECK_INT(gy_doc_year(d), 2003);
    i = find(d, "7%");
    CHECK(i >= 0 && num(d, TGT, (size_t)i, "year") == 2003);
    free_doc(d);
    d = analyze_text("今年经济增长预期目标为7%左右。\n");
    CHECK_INT(gy_doc_year(d), 0);
    int warned = 0;
    for (size_t k = 0; k < count(d, WARN); k++)
        warned |= strcmp(str(d, WARN, k, "code"), "no-year") == 0;
    CHECK(warned);
    free_doc(d);
}

/* The lead of the main-targets statement gives its year to every figure
 * of the statement, however the items are split; a heading without a
 * number gives its year to the part under it. */
static void statement_year(void)
{
    const char *t = REPORT "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业85万人，"
                           "城镇调查失业率5.5%左右。居民消费价格涨幅2%左右；粮食产量725亿斤以上。\n";
    TARGET_IS(t, "5.5%左右", "gdp_growth", "target", 2025);
    TARGET_IS(t, "85万人", "new_urban_jobs", "target", 2025);
    TARGET_IS(t, "2%左右", "cpi", "target", 2025);
    TARGET_IS(t, "725亿斤", "grain_output", "target", 2025);
    /* the lead on a line of its own, the items on the next lines */
    t = REPORT "2025年全省经济社会发展的主要预期目标建议为：\n地区生产总值增长5%以上；\n城镇调查失业率5.5%左右；\n"
               "居民消费价格涨幅2%左右。\n";
    TARGET_IS(t, "5%以上", "gdp_growth", "target", 2025);
    TARGET_IS(t, "2%左右", "cpi", "target", 2025);
    /* a report taken from .docx: part headings without numbers */
    t = REPORT "2024年工作回顾\n全省地区生产总值增长5.7%。\n2025年重点工作\n城镇新增就业85万人。\n";
    TARGET_IS(t, "5.7%", "gdp_growth", "fact", 2024);
    TARGET_IS(t, "85万人", "new_urban_jobs", "target", 2025);
}

/* Last year's figure in the plan part, an estimate, a span. */
static void goal_or_fact(void)
{
    const char *t = REPORT "三、2025年的主要任务\n过去一年，我们的工作取得了很大成绩。国内生产总值增长5.2%，"
                           "城镇新增就业1200万人。\n";
    TARGET_IS(t, "5.2%", "gdp_growth", "fact", 2024);
    t = REPORT "全省地区生产总值预计增长5.4%，初步统计，城镇新增就业90万人。\n";
    gy_doc *d = analyze_text(t);
    long i = find(d, "5.4%"), k = find(d, "90万人");
    CHECK(i >= 0 && num(d, TGT, (size_t)i, "estimate") == 1);
    CHECK(k >= 0 && num(d, TGT, (size_t)k, "estimate") == 1);
    free_doc(d);
    /* an average over a plan period: its span, not one year's figure */
    d = analyze_text(REPORT "“十四五”期间，地区生产总值年均增长5.5%。过去五年，城镇新增就业累计600万人。\n");
    i = find(d, "5.5%");
    CHECK(i >= 0 && num(d, TGT, (size_t)i, "year") == 2025 && num(d, TGT, (size_t)i, "year_from") == 2021);
    CHECK_STR(str(d, TGT, (size_t)i, "indicator"), "gdp_growth_avg");
    k = find(d, "600万人");
    CHECK(k >= 0 && num(d, TGT, (size_t)k, "year") == 2024 && num(d, TGT, (size_t)k, "year_from") == 2020);
    free_doc(d);
}

/* A stretch figure belongs to the goal before it; the bound says how hard
 * a goal binds; a restatement points at the first statement. */
static void stretch_bound_restates(void)
{
    gy_doc *d = analyze_text(REPORT "今年的主要预期目标是：地区生产总值增长7%以上、力争达到8%，"
                                    "在实际工作中努力争取更好结果；居民消费价格涨幅3%左右；"
                                    "城镇登记失业率控制在4.5%以内；确保粮食产量稳定在1.3万亿斤；城镇新增就业900万人。"
                                    "\n今年经济增长预期目标设定为7%以上，考虑了就业的需要。\n");
    CHECK_INT(count(d, TGT), 6);
    long i = find(d, "7%以上");
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_STR(str(d, TGT, (size_t)i, "bound"), "hard");
        CHECK_NEAR(gy_doc_get(d, TGT, (size_t)i, "stretch").n, 8);
        CHECK_INT(num(d, TGT, (size_t)i, "aspiration"), 1);
    }
    CHECK(find(d, "8%") < 0); /* no target of its own */
    CHECK_STR(str(d, TGT, (size_t)find(d, "3%左右"), "bound"), "soft");
    CHECK_STR(str(d, TGT, (size_t)find(d, "4.5%"), "bound"), "ceiling");
    CHECK_STR(str(d, TGT, (size_t)find(d, "1.3万亿斤"), "bound"), "hard");
    CHECK_STR(str(d, TGT, (size_t)find(d, "900万人"), "bound"), "point");
    /* the later 7%以上 states the first again */
    size_t last = count(d, TGT) - 1;
    CHECK_STR(str(d, TGT, last, "text"), "7%以上");
    CHECK_INT(num(d, TGT, last, "restates"), i + 1);
    CHECK(num(d, TGT, (size_t)i, "restates") == -1);
    free_doc(d);
}

/* A fall of what a growth indicator measures is that growth below zero:
 * the value and bounds negated, the comparison mirrored; a figure whose
 * indicator is itself a fall (能耗下降) keeps its value. */
static void falls(void)
{
    gy_doc *d = analyze_text(REPORT "一、2024年工作回顾\n过去一年，全省地区生产总值下降5%，固定资产投资下降3.5%，"
                                    "居民消费价格下降0.3%，单位地区生产总值能耗下降3.2%。\n" PLAN
                                    "今年的主要预期目标是：进出口总额下降2%以内。\n");
    long g = find(d, "5%"), f = find(d, "3.5%"), c = find(d, "0.3%"), e = find(d, "3.2%"),
         x = find(d, "2%以内");
    CHECK(g >= 0 && f >= 0 && c >= 0 && e >= 0 && x >= 0);
    if (g >= 0 && f >= 0 && c >= 0 && e >= 0 && x >= 0) {
        CHECK_STR(str(d, TGT, (size_t)g, "indicator"), "gdp_growth");
        CHECK_NEAR(gy_doc_get(d, TGT, (size_t)g, "value").n, -5);
        CHECK_STR(str(d, TGT, (size_t)f, "indicator"), "fixed_asset_investment_growth");
        CHECK_NEAR(gy_doc_get(d, TGT, (size_t)f, "value").n, -3.5);
        CHECK_STR(str(d, TGT, (size_t)c, "indicator"), "cpi");
        CHECK_NEAR(gy_doc_get(d, TGT, (size_t)c, "max").n, -0.3);
        CHECK_STR(str(d, TGT, (size_t)e, "indicator"), "energy_intensity");
        CHECK_NEAR(gy_doc_get(d, TGT, (size_t)e, "value").n, 3.2);
        /* a fall of 2% at most: a growth of -2% at least */
        CHECK_STR(str(d, TGT, (size_t)x, "indicator"), "trade_growth");
        CHECK_STR(str(d, TGT, (size_t)x, "op"), ">=");
        CHECK_STR(str(d, TGT, (size_t)x, "bound"), "hard");
        CHECK_NEAR(gy_doc_get(d, TGT, (size_t)x, "min").n, -2);
        CHECK_INT(gy_doc_get(d, TGT, (size_t)x, "max").type, GY_VALUE_NULL);
    }
    free_doc(d);
}

/* A speech states figures at the time its sentence names; grades are no
 * amounts; how things stand is a fact. */
static void speeches(void)
{
    gy_doc *d = analyze_text("在全市工作会议上的讲话\n同志们：\n截至2015年底，全市贫困人口还有12万人。"
                             "2月20日，珠江游旅客量创4.54万人次历史新高。全市地表水达到或好于3类水体比例为90%。\n");
    long i = find(d, "12万人");
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_STR(str(d, TGT, (size_t)i, "period"), "2015年底");
        CHECK_INT(num(d, TGT, (size_t)i, "year"), 2015);
        CHECK_STR(str(d, TGT, (size_t)i, "kind"), "fact");
    }
    i = find(d, "4.54万人次");
    CHECK(i >= 0 && str(d, TGT, (size_t)i, "period") && strcmp(str(d, TGT, (size_t)i, "period"), "2月20日") == 0);
    CHECK(find(d, "3类") < 0);
    free_doc(d);
}

/* Bylines with the speaker, dashes of any shape, a source line. */
static void header(void)
{
    gy_doc *d = analyze_text("2025年某省政府工作报告\n来源：某省日报\n"
                             "2025年1月20日在某省第十四届人民代表大会第三次会议上某省人民政府省长 王某某作政府工作报告。\n"
                             "各位代表：\n今年地区生产总值增长5%。\n");
    CHECK_STR(gy_doc_occasion(d), "2025年1月20日在某省第十四届人民代表大会第三次会议上");
    CHECK_STR(gy_doc_speaker(d), "某省人民政府省长 王某某");
    CHECK_STR(gy_doc_date(d), "2025-01-20");
    CHECK_INT(count(d, NOISE), 1);
    CHECK_INT(num(d, NOISE, 0, "line"), 2);
    free_doc(d);
    d = analyze_text("政府工作报告\n─2017年2月11日在某区第十四届人民代表大会第六次会议上\n各位代表：\n"
                     "今年地区生产总值增长7.5%。\n");
    CHECK_STR(gy_doc_date(d), "2017-02-11");
    free_doc(d);
    d = analyze_text("2025年某市政府工作报告\n----2025年1月15日王某市长在某市第十六届人民代表大会第三次会议的政府工作报告\n"
                     "各位代表：\n今年地区生产总值增长5%。\n");
    CHECK_STR(gy_doc_speaker(d), "王某市长");
    CHECK_STR(gy_doc_date(d), "2025-01-15");
    free_doc(d);
}

/* A paragraph broken apart at links (a wiki page) is read as one. */
static void broken_paragraphs(void)
{
    gy_doc *d = analyze_text("各位代表：\n\n一、2016年工作回顾\n\n过去一年，我国发展面临严峻挑战。\n党的十八届六中全会\n"
                             "正式明确\n核心地位。\n\n——经济运行稳中向好。国内生产总值达到74.4\n\xe2\x80\x8b\n"
                             "万亿元，增长6.7%，居民消费价格上涨2%。\n\n");
    long i = find(d, "74.4");
    CHECK(i >= 0 && gy_doc_get(d, TGT, (size_t)i, "value").n == 74.4e12);
    CHECK(i >= 0 && num(d, TGT, (size_t)i, "line") == 10);
    long k = find(d, "6.7%");
    CHECK(k >= 0);
    if (k >= 0) {
        CHECK_STR(str(d, TGT, (size_t)k, "indicator"), "gdp_growth");
        CHECK_INT(num(d, TGT, (size_t)k, "line"), 12);
        CHECK_INT(num(d, TGT, (size_t)k, "year"), 2016);
    }
    free_doc(d);
}

static const test_case tests[] = {
    {"headline/indicator-phrasings", indicator_phrasings},
    {"headline/report-year", report_year},
    {"headline/statement-year", statement_year},
    {"headline/goal-or-fact", goal_or_fact},
    {"headline/stretch-bound-restates", stretch_bound_restates},
    {"headline/falls", falls},
    {"headline/speeches", speeches},
    {"headline/header", header},
    {"headline/broken-paragraphs", broken_paragraphs},
};

SUITE(headline)
{
    *n = sizeof tests / sizeof tests[0];
    return tests;
}
