/* Targets and times: every unit, bound word, range form and exclusion
 * class of the built-in rules, kinds and periods. */
#include "test.h"

/* The one target of a sentence: checks value, unit, op and text. */
static void one(const char *text, const char *want_text, double value, const char *unit,
                const char *op)
{
    gy_doc *d = analyze_text(text);
    if (count(d, TGT) != 1) {
        test_fail(__FILE__, __LINE__, "%s: %zu targets, want 1", text, count(d, TGT));
        free_doc(d);
        return;
    }
    const char *got_text = str(d, TGT, 0, "text"), *got_unit = str(d, TGT, 0, "unit");
    const char *got_op = str(d, TGT, 0, "op");
    double got = real(d, TGT, 0, "value");
    if (strcmp(got_text, want_text) != 0 || fabs(got - value) > 1e-9 * fmax(1, value) ||
        strcmp(got_unit, unit) != 0 || strcmp(got_op, op) != 0)
        test_fail(__FILE__, __LINE__, "%s: got '%s' %.17g '%s' %s, want '%s' %.17g '%s' %s", text,
                  got_text, got, got_unit, got_op, want_text, value, unit, op);
    free_doc(d);
}

static void none(const char *text)
{
    gy_doc *d = analyze_text(text);
    if (count(d, TGT))
        test_fail(__FILE__, __LINE__, "%s: %zu targets (first '%s'), want none", text,
                  count(d, TGT), str(d, TGT, 0, "text"));
    free_doc(d);
}

static int is_fact(const gy_doc *d, size_t i)
{
    const char *k = str(d, TGT, i, "kind");
    return k && strcmp(k, "fact") == 0;
}

static void values_and_units(void)
{
    one("今年投入2.9亿元。", "2.9亿元", 2.9e8, "元", "=");
    one("总量突破90万亿元。", "突破90万亿元", 9e13, "元", ">");
    one("实际使用外资1383亿美元。", "1383亿美元", 1.383e11, "美元", "=");
    one("新增就业1200万人。", "1200万人", 1.2e7, "人", "=");
    one("培养1,200名干部。", "1,200名", 1200, "名", "=");
    one("增长5％。", "5％", 5, "%", "=");
    one("增长百分之五。", "百分之五", 5, "%", "=");
    one("降低三分之一。", "三分之一", 100.0 / 3, "%", "=");
    one("提高0.2个百分点。", "0.2个百分点", 0.2, "个百分点", "=");
    one("出生率为6.5‰。", "6.5‰", 6.5, "‰", "=");
    one("家庭自置居所达七成。", "七成", 70, "%", "=");
    one("改造620多万套。", "620多万套", 6.2e6, "套", ">");
    one("仅剩2个多月。", "2个多月", 2, "个月", ">");
    one("装机5000千瓦。", "5000千瓦", 5000, "千瓦", "=");
    one("装机1000万千瓦。", "1000万千瓦", 1e7, "千瓦", "=");
    one("减少1000万以上。", "1000万以上", 1e7, "", ">=");
    one("每年不少于八萬五千個單位。", "不少于八萬五千個", 85000, "个", ">=");
    /* units of the built-in list, each after a number */
    const char *units[][2] = {
        {"户", "户"}, {"家", "家"}, {"项", "项"}, {"条", "条"}, {"次", "次"}, {"所", "所"},
        {"座", "座"}, {"套", "套"}, {"亩", "亩"}, {"公顷", "公顷"}, {"吨", "吨"},
        {"斤", "斤"}, {"公斤", "公斤"}, {"公里", "公里"}, {"平方米", "平方米"},
        {"平方公里", "平方公里"}, {"千瓦时", "千瓦时"}, {"人次", "人次"}, {"位", "位"},
        {"个", "个"}, {"小时", "小时"}, {"倍", "倍"}, {"辆", "辆"},
        {"件", "件"}, {"标准箱", "标准箱"}, {"港元", "港元"}, {"欧元", "欧元"}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        char text[64], want[32];
        snprintf(text, sizeof text, "完成35%s。", units[i][0]);
        snprintf(want, sizeof want, "35%s", units[i][0]);
        one(text, want, 35, units[i][1], "=");
    }
}

static void exact_values(void)
{
    /* decimal scaling is exact: 20.67亿 is 2067000000, not 2067000000.0000002 */
    const char *texts[] = {"收入20.67亿元。", "投资4.06万亿元。", "增长0.6%。", "粮食1.39万亿斤。",
                           "达到1126.6亿元。", "七成家庭。", "增长三点五倍。"};
    double want[] = {2067000000.0, 4060000000000.0, 0.6, 1390000000000.0, 112660000000.0, 70.0, 3.5};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        gy_doc *d = analyze_text(texts[i]);
        if (count(d, TGT) != 1 || real(d, TGT, 0, "value") != want[i])
            test_fail(__FILE__, __LINE__, "%s: value %.17g, want exactly %.17g", texts[i],
                      count(d, TGT) ? real(d, TGT, 0, "value") : -1.0, want[i]);
        free_doc(d);
    }
}

static void bound_words(void)
{
    one("专职工作者不少于3人。", "不少于3人", 3, "人", ">=");
    one("不低于6%。", "不低于6%", 6, "%", ">=");
    one("超过5家。", "超过5家", 5, "家", ">");
    one("收入过10万元的样板村。", "过10万元", 1e5, "元", ">");
    one("逾30万人。", "逾30万人", 3e5, "人", ">");
    one("不超过2次。", "不超过2次", 2, "次", "<=");
    one("控制在3%。", "控制在3%", 3, "%", "<=");
    one("不到10%。", "不到10%", 10, "%", "<");
    one("低于8%。", "低于8%", 8, "%", "<");
    one("约1.3万亿元。", "约1.3万亿元", 1.3e12, "元", "~");
    one("接近60%。", "接近60%", 60, "%", "~");
    one("近2万亿元。", "近2万亿元", 2e12, "元", "~");
    one("失业率5.5%左右。", "5.5%左右", 5.5, "%", "~");
    one("增长30%以上。", "30%以上", 30, "%", ">=");
    one("失业率4.5%以内。", "4.5%以内", 4.5, "%", "<=");
    one("降到3%以下。", "3%以下", 3, "%", "<=");
    one("每年至少专题研究一次。", "一次", 1, "次", ">=");
    /* 通过 and 最近 are no comparison words */
    one("通过3项改革。", "3项", 3, "项", "=");
}

static void traditional_and_joined_lines(void)
{
    /* the 1997 Policy Address: Traditional Chinese, lines joined with spaces */
    one("每年興建的房屋不少於八萬五千個。", "不少於八萬五千個", 85000, "个", ">=");
    one("經常開支總額更會增至一百八 十六億元。", "一百八 十六億元", 1.86e10, "元", "=");
    one("基礎教育開支增加百分 之七點六。", "百分 之七點六", 7.6, "%", "=");
    one("把輪候公屋的平均時間縮短至三年。", "三年", 3, "年", "=");
    none("我們在二零零三年會檢討。");
    /* one space where a wrapped line was joined */
    one("我們在明年可以興建大約七萬 個房屋單位。", "大約七萬 個", 70000, "个", "~");
    one("向香港旅遊協會貸款一億 元。", "一億 元", 1e8, "元", "=");
    /* 三元 the dairy brand, 城乡二元结构: 元 is a counter for small numerals */
    none("扶持三元、麦福劳等龙头企业做大做强。");
    none("破除城乡二元结构。");
    one("每人每月增加不少于五元。", "不少于五元", 5, "元", ">=");
    none("達到一個新的水平。");
    gy_doc *d = analyze_text("我訂下目標：每年興建八萬五千個單位；在十年內，全港七成的家庭可以自置居所。");
    CHECK_INT(count(d, TGT), 2);
    if (count(d, TGT) == 2) {
        CHECK_STR(str(d, TGT, 0, "period"), "每年");
        CHECK_STR(str(d, TGT, 1, "period"), "十年內");
        CHECK_NEAR(real(d, TGT, 1, "value"), 70);
    }
    free_doc(d);
}

static void livestock_and_lists(void)
{
    /* livestock, trees, trains, voltage */
    one("确保生猪出栏6000万头以上。", "6000万头以上", 6e7, "头", ">=");
    one("牲畜存栏14万头只。", "14万头只", 1.4e5, "头", "=");
    one("家禽出栏13.5亿只。", "13.5亿只", 1.35e9, "只", "=");
    one("乡村绿化植树3900万株。", "3900万株", 3.9e7, "株", "=");
    one("中欧班列累计开行超2.6万列。", "超2.6万列", 2.6e4, "列", ">");
    one("新增1000千伏线路。", "1000千伏", 1000, "千伏", "=");
    none("三头六臂。");
    /* a number in a list takes the unit of the next one written alike */
    gy_doc *d = analyze_text("客运量分别达1409万、1305万人次。");
    CHECK_INT(count(d, TGT), 2);
    if (count(d, TGT) == 2) {
        CHECK_STR(str(d, TGT, 0, "text"), "1409万");
        CHECK_STR(str(d, TGT, 0, "unit"), "人次");
        CHECK_NEAR(real(d, TGT, 0, "value"), 1.409e7);
    }
    free_doc(d);
    d = analyze_text("扶持3、5万元。");
    CHECK_INT(count(d, TGT), 1);
    free_doc(d);
}

static void ranges(void)
{
    /* a range is one target, op "range", with both bounds */
    gy_doc *d = analyze_text("国内生产总值增长6%－6.5%。");
    CHECK_INT(count(d, TGT), 1);
    if (count(d, TGT) == 1) {
        CHECK_STR(str(d, TGT, 0, "text"), "6%－6.5%");
        CHECK_STR(str(d, TGT, 0, "op"), "range");
        CHECK(num(d, TGT, 0, "range") == 1);
        CHECK_NEAR(real(d, TGT, 0, "min"), 6);
        CHECK_NEAR(real(d, TGT, 0, "max"), 6.5);
        CHECK_STR(str(d, TGT, 0, "subject"), "国内生产总值增长");
        CHECK_STR(str(d, TGT, 0, "indicator"), "gdp_growth");
    }
    free_doc(d);
    const char *forms[] = {"增长6%-6.5%。", "增长6%至6.5%。", "增长6%到6.5%。", "需要3到5年。",
                           "投资3至5万元。", "增长4.5%—5%。", "增长5%～5.5%。"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        d = analyze_text(forms[i]);
        if (count(d, TGT) != 1 || strcmp(str(d, TGT, 0, "op"), "range") != 0)
            test_fail(__FILE__, __LINE__, "%s: no range", forms[i]);
        free_doc(d);
    }
    d = analyze_text("投资3至5万元。");
    if (count(d, TGT) == 1) {
        CHECK_NEAR(real(d, TGT, 0, "min"), 3e4);
        CHECK_NEAR(real(d, TGT, 0, "max"), 5e4);
        CHECK_STR(str(d, TGT, 0, "unit"), "元");
    }
    free_doc(d);
}

static void signs_and_refusals(void)
{
    /* a minus sign is part of the number; a fall in words keeps its value */
    one("增长-5%。", "-5%", -5, "%", "=");
    one("增长－5%。", "－5%", -5, "%", "=");
    one("下降5%。", "5%", 5, "%", "=");
    none("电话010-12345678。");
    /* a range written high to low has its bounds in order */
    gy_doc *d = analyze_text("增长6.5%－6%。");
    CHECK_INT(count(d, TGT), 1);
    CHECK_NEAR(real(d, TGT, 0, "min"), 6);
    CHECK_NEAR(real(d, TGT, 0, "max"), 6.5);
    free_doc(d);
    /* numbers written wrong, or beyond exact, are left out with a warning */
    const char *bad[] = {"投资1万万亿元。", "新增1,20万人。", "投资99999999999999999999元。",
                         "收入12345678901234567元。"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        d = analyze_text(bad[i]);
        if (count(d, TGT) != 0 || !has_warning(d, "bad-number"))
            test_fail(__FILE__, __LINE__, "%s: %zu targets, warning %d", bad[i], count(d, TGT),
                      has_warning(d, "bad-number"));
        free_doc(d);
    }
    /* a run of numerals too long to be a number is one warning, not 40000 */
    static char run[200000];
    char *p = run + strlen(strcpy(run, "投资"));
    for (int i = 0; i < 40000; i++, p += strlen("九"))
        memcpy(p, "九", strlen("九"));
    strcpy(p, "元。");
    d = analyze_text(run);
    CHECK_INT(count(d, TGT), 0);
    CHECK_INT(count(d, WARN) - (size_t)has_warning(d, "no-region"), 1); /* and no region */
    free_doc(d);
}

static void exclusions(void)
{
    none("党的十九大胜利召开。");
    none("省第十一次党代会精神。");
    none("加强“第一书记”管理，选派第一书记。");
    none("实施“五个一批”工程。");
    none("推进“两学一做”学习教育。");
    none("统筹推进“五位一体”总体布局和“四个全面”战略布局。");
    none("2024年3月5日召开。");
    none("“十四五”规划顺利实施，十四五期间成效显著。");
    none("根据国发〔2019〕5号文件。");
    none("电话010-12345678。");
    none("细颗粒物（PM2.5）浓度下降，广义货币M2增长。");
    none("建设5G基站。");
    none("走进千家万户，凝聚亿万人民。");
    none("一项一项落实，一级抓一级。");
    none("解决“两张皮”问题。");
    none("主要有四个特点，讲三个问题。");
    none("二十国集团峰会和第二届进博会。");
    none("改革开放40周年。");
    none("三百六十行，行行出状元。");
    none("不能一成不变，人才来自四面八方，三方共同推进。");
}

static void kinds_and_periods(void)
{
    gy_doc *d = analyze_text("一、2023年工作回顾\n国内生产总值增长6.6%，要巩固。\n"
                             "二、2024年工作任务\n今年要新增就业1100万人以上。\n"
                             "全年减税近2万亿元。\n比如，某村集体收入年均10万元以上。\n"
                             "3年内培养储备5000名以上。\n每半年至少召开1次专题会议。\n"
                             "到2025年，改造100万户。\n");
    CHECK_INT(count(d, TGT), 7);
    if (count(d, TGT) == 7) {
        CHECK(is_fact(d, 0));          /* a review section reports facts */
        CHECK(!is_fact(d, 1));
        CHECK_STR(str(d, TGT, 1, "period"), "今年");
        CHECK(!is_fact(d, 2));         /* a plan section sets goals */
        CHECK_STR(str(d, TGT, 2, "period"), "全年");
        CHECK(is_fact(d, 3));          /* 比如: an example */
        CHECK_STR(str(d, TGT, 3, "period"), "年均");
        CHECK_STR(str(d, TGT, 4, "period"), "3年内");
        CHECK_STR(str(d, TGT, 5, "period"), "每半年");
        CHECK_STR(str(d, TGT, 5, "op"), ">=");
        CHECK_STR(str(d, TGT, 6, "period"), "到2025年");
        CHECK_INT(num(d, TGT, 1, "section"), 2);
        CHECK_INT(num(d, TGT, 1, "line"), 4);
        CHECK_STR(str(d, TGT, 1, "sentence"), "今年要新增就业1100万人以上。");
    }
    free_doc(d);
    /* a period in the number's own clause, else the one heading its sentence */
    d = analyze_text("今年主要预期目标是：新增就业1100万人以上，失业率全年控制在5.5%以内；"
                     "物价涨幅3%左右。");
    CHECK_INT(count(d, TGT), 3);
    if (count(d, TGT) == 3) {
        CHECK_STR(str(d, TGT, 0, "period"), "今年");
        CHECK_STR(str(d, TGT, 1, "period"), "全年");
        CHECK_STR(str(d, TGT, 2, "period"), "今年");
    }
    free_doc(d);
    /* 每年 in an earlier part of the sentence is no period of a later number,
     * and 下降到2016年底 is a date, no deadline: the date of each figure is
     * its period */
    d = analyze_text("每年贫困人口减少都超过1000万人；贫困发生率从2012年底的10.2%下降到2016年底的4.5%。");
    CHECK_INT(count(d, TGT), 3);
    if (count(d, TGT) == 3) {
        CHECK_STR(str(d, TGT, 0, "period"), "每年");
        CHECK_STR(str(d, TGT, 1, "period"), "2012年底");
        CHECK_STR(str(d, TGT, 2, "period"), "2016年底");
    }
    for (size_t i = 0; i < count(d, TIME); i++)
        CHECK(strcmp(str(d, TIME, i, "kind"), "deadline") != 0);
    free_doc(d);
    d = analyze_text("意见提出，每年讲课比例不低于20%，领导每年应该讲一次课。");
    for (size_t i = 0; i < count(d, TGT); i++)
        CHECK(!is_fact(d, i));
    CHECK_INT(count(d, TGT), 2);
    free_doc(d);
    /* 我国有 states what is, even in a sentence that then asks (要…) */
    d = analyze_text("我国有2.9亿在校学生，要坚持把教育这件大事办好。");
    CHECK_INT(count(d, TGT), 1);
    if (count(d, TGT) == 1)
        CHECK(is_fact(d, 0));
    free_doc(d);
    d = analyze_text("我市90%行政村是空壳村。前段时间，省委组织部3位副部长到市督导。");
    CHECK_INT(count(d, TGT), 2);
    for (size_t i = 0; i < count(d, TGT); i++)
        CHECK(is_fact(d, i));
    free_doc(d);
}

static void times(void)
{
    gy_doc *d = analyze_text("2024年3月5日开会，2021—2025年规划，10月20日至26日调研，"
                             "到2025年完成，本月底前上报，3年内建成，每年检查，“十四五”期间推进。");
    struct { const char *text, *kind; } want[] = {
        {"2024年3月5日", "date"},   {"2021—2025年", "period"},
        {"10月20日至26日", "range"}, {"到2025年", "deadline"},
        {"本月底前", "deadline"},   {"3年内", "period"},
        {"每年", "frequency"},      {"“十四五”期间", "period"},
    };
    size_t n = sizeof want / sizeof want[0];
    CHECK_INT(count(d, TIME), n);
    for (size_t i = 0; i < n && i < count(d, TIME); i++) {
        CHECK_STR(str(d, TIME, i, "text"), want[i].text);
        CHECK_STR(str(d, TIME, i, "kind"), want[i].kind);
    }
    CHECK_INT(count(d, TGT), 0);
    free_doc(d);
    /* a word after the number (个月, not 个) lets the number-led patterns
     * be tried; full-width digits are digits */
    d = analyze_text("三个月内完成，一个重要方面，２０２４年５月前上报。");
    CHECK_INT(count(d, TIME), 2);
    if (count(d, TIME) == 2) {
        CHECK_STR(str(d, TIME, 0, "text"), "三个月内");
        CHECK_STR(str(d, TIME, 1, "text"), "２０２４年５月");
    }
    free_doc(d);
}

static void offsets_are_exact(void)
{
    /* start/end select the text in the decoded source */
    gy_doc *d = analyze_text("　　各位代表：\n　　新增就业1100万人以上，增长5%左右。\n");
    for (size_t i = 0; i < count(d, TGT); i++) {
        CHECK(num(d, TGT, i, "end") > num(d, TGT, i, "start"));
        CHECK_INT(num(d, TGT, i, "line"), 2);
    }
    CHECK_INT(count(d, TGT), 2);
    if (count(d, TGT) == 2)
        CHECK_STR(str(d, TGT, 1, "text"), "5%左右");
    free_doc(d);
}

static const test_case cases[] = {
    {"targets/values-and-units", values_and_units},
    {"targets/exact-values", exact_values},
    {"targets/bound-words", bound_words},
    {"targets/traditional", traditional_and_joined_lines},
    {"targets/ranges", ranges},
    {"targets/exclusions", exclusions},
    {"targets/signs-and-refusals", signs_and_refusals},
    {"targets/kinds-and-periods", kinds_and_periods},
    {"targets/livestock-and-lists", livestock_and_lists},
    {"targets/times", times},
    {"targets/offsets", offsets_are_exact},
};

SUITE(targets)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
