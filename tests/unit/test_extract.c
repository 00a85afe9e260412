/* Extraction of noise, title, sections and tasks on small texts: each
 * false-marker case, nesting, directives, deadlines and warnings. */
#include "test.h"

static void sections_nest(void)
{
    gy_doc *d = analyze_text("一、总体要求\n"
                             "第一书记要驻村。\n"
                             "一、二线城市房价平稳。\n"
                             "（一）稳增长。要扩大内需。\n"
                             "1. 细化措施\n"
                             "（1）子项\n"
                             "二、重点任务\n"
                             "十二、远景\n"
                             "最后，讲几点要求。\n");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_INT(count(d, SEC), 7);
    if (count(d, SEC) == 7) {
        CHECK_STR(str(d, SEC, 0, "marker"), "一、");
        CHECK_STR(str(d, SEC, 0, "heading"), "总体要求");
        CHECK_INT(num(d, SEC, 0, "level"), 1);
        CHECK_INT(num(d, SEC, 0, "line"), 1);
        CHECK_INT(num(d, SEC, 1, "line"), 4); /* 第一书记 and 一、二线 are no headings */
        CHECK_INT(num(d, SEC, 1, "level"), 2);
        CHECK_INT(num(d, SEC, 1, "parent"), 1);
        CHECK_STR(str(d, SEC, 1, "heading"), "稳增长。");
        CHECK_INT(num(d, SEC, 2, "level"), 3);
        CHECK_INT(num(d, SEC, 3, "level"), 4);
        CHECK_INT(num(d, SEC, 3, "number"), 1);
        CHECK_INT(num(d, SEC, 4, "level"), 1);
        CHECK_INT(num(d, SEC, 4, "number"), 2);
        CHECK_INT(num(d, SEC, 5, "number"), 12);
        CHECK_INT(num(d, SEC, 6, "number"), -1);
        CHECK_STR(str(d, SEC, 6, "marker"), "最后，");
        CHECK_INT(num(d, SEC, 6, "level"), 1);
        /* extents nest */
        CHECK(num(d, SEC, 1, "end") <= num(d, SEC, 0, "end"));
        CHECK_INT(num(d, SEC, 0, "end"), num(d, SEC, 4, "start"));
    }
    /* 十二 after 二 is a gap */
    CHECK(has_warning(d, "numbering"));
    free_doc(d);
}

static void sequence_and_roles(void)
{
    gy_doc *d = analyze_text("一、2023年工作回顾\n首先，经济增长。\n其次，民生改善。\n"
                             "最后，生态向好。\n二、2024年工作任务\n内容。\n");
    CHECK_INT(count(d, SEC), 5);
    if (count(d, SEC) == 5) {
        CHECK_STR(str(d, SEC, 0, "role"), "review");
        CHECK_STR(str(d, SEC, 1, "role"), "review"); /* inherited */
        CHECK_INT(num(d, SEC, 3, "level"), 2);             /* 最后 continues 首先/其次 */
        CHECK_INT(num(d, SEC, 3, "parent"), 1);
        CHECK_STR(str(d, SEC, 4, "role"), "plan");
    }
    free_doc(d);
}

static void paragraph_numbers_are_no_sections(void)
{
    /* 1. … numbered on through the whole text, across 一. headings */
    char text[8192] = "";
    long p = 1;
    for (int sec = 1; sec <= 4; sec++) {
        static const char *const cn[] = {"", "一", "二", "三", "四"};
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s. 题目\n", cn[sec]);
        for (int k = 0; k < 8; k++, p++)
            snprintf(text + strlen(text), sizeof text - strlen(text), "%ld. 段落内容。\n", p);
    }
    gy_doc *d = analyze_text(text);
    CHECK_INT(count(d, SEC), 4);
    free_doc(d);
}

static void false_task_markers(void)
{
    gy_doc *d = analyze_text("要坚持统一要求，唯一是标准，问题之一是落实，进一步要求加强。\n"
                             "一是孤零零的一项。\n");
    CHECK_INT(count(d, TASK), 0);
    free_doc(d);
}

static void task_series(void)
{
    gy_doc *d = analyze_text("一、工作要求\n"
                             "主要有三个特点：一是规模大，二是速度快，三是效益好。\n"
                             "下面讲三点：一要开展行动。一是强化功能；二是强化作用。二要提升效应，本月底前完成。三要抓好落实，年内见效。\n"
                             "其一，抓学习；其二，抓督查。\n"
                             "第一要务是发展。第一要讲政治，第二要讲规矩。\n");
    CHECK_INT(count(d, TASK), 12);
    if (count(d, TASK) == 12) {
        CHECK_STR(str(d, TASK, 0, "marker"), "一是");
        CHECK_STR(str(d, TASK, 0, "text"), "规模大");
        CHECK(!num(d, TASK, 0, "directive"));
        CHECK(!num(d, TASK, 2, "directive"));
        CHECK_STR(str(d, TASK, 3, "marker"), "一要");
        CHECK(num(d, TASK, 3, "directive"));
        CHECK_STR(str(d, TASK, 3, "text"), "开展行动。");
        /* 一是/二是 nest in 一要 */
        CHECK_INT(num(d, TASK, 4, "parent"), 4);
        CHECK_INT(num(d, TASK, 5, "parent"), 4);
        CHECK(num(d, TASK, 4, "directive"));
        CHECK_STR(str(d, TASK, 6, "marker"), "二要");
        CHECK(num(d, TASK, 6, "parent") < 0); /* none */
        CHECK_STR(str(d, TASK, 6, "deadline"), "本月底前");
        CHECK_STR(str(d, TASK, 7, "deadline"), "年内");
        CHECK_STR(str(d, TASK, 8, "marker"), "其一，");
        CHECK_STR(str(d, TASK, 10, "marker"), "第一要");
        CHECK_INT(num(d, TASK, 0, "section"), 1);
        CHECK_INT(num(d, TASK, 0, "line"), 2);
    }
    CHECK(!has_warning(d, "count-mismatch"));
    free_doc(d);
}

static void paragraph_initial_series(void)
{
    gy_doc *d = analyze_text("二、2024年工作回顾\n一年来，主要做了以下工作：\n"
                             "一是经济增长。\n数字说明。\n二是民生改善。\n说明。\n"
                             "三、今后打算\n必须把握好两点。\n一是坚持稳中求进。\n二是坚持改革开放。\n");
    CHECK_INT(count(d, TASK), 4);
    if (count(d, TASK) == 4) {
        CHECK(!num(d, TASK, 0, "directive")); /* review section */
        CHECK_INT(num(d, TASK, 0, "end"), num(d, TASK, 1, "start"));
        CHECK(num(d, TASK, 2, "directive"));  /* 必须 before the series */
        CHECK_INT(num(d, TASK, 2, "series"), num(d, TASK, 3, "series"));
        CHECK(num(d, TASK, 0, "series") != num(d, TASK, 2, "series"));
    }
    free_doc(d);
}

static void list_in_one_sentence(void)
{
    /* the last item of a list inside one sentence ends with that sentence */
    const char *text = "明确了今后五年的发展目标：一是功能提升，二是质量提高。到2035年，全面完成任务。\n";
    gy_doc *d = analyze_text(text);
    CHECK_INT(count(d, TASK), 2);
    if (count(d, TASK) == 2) {
        CHECK(num(d, TASK, 0, "directive")); /* 目标 just before the list */
        CHECK(str(d, TASK, 1, "deadline") == NULL);
        CHECK(num(d, TASK, 1, "end") <= strstr(text, "到2035年") - text);
    }
    free_doc(d);
}

static void majority_and_reached_dates(void)
{
    /* 问题 before the list reads like a review, but most items say 要 */
    gy_doc *d = analyze_text("这里，我点几个问题。一是要理解要义。二是领导小组要发挥作用。"
                             "三是要完善机制。四是要简政放权。\n");
    CHECK_INT(count(d, TASK), 4);
    for (size_t i = 0; i < count(d, TASK); i++)
        CHECK(num(d, TASK, i, "directive"));
    free_doc(d);
    /* the same cue with items that only describe stays a description */
    d = analyze_text("主要问题有：一是基础设施滞后。二是要素流动不畅。三是要素成本高。\n");
    CHECK_INT(count(d, TASK), 3);
    for (size_t i = 0; i < count(d, TASK); i++)
        CHECK(!num(d, TASK, i, "directive"));
    free_doc(d);
    /* 提高到2017年 is when a figure was reached, no deadline */
    d = analyze_text("一是比例由2015年的74.3%提高到2017年的77.3%。二是到2025年底前完成改造。\n");
    CHECK_INT(count(d, TASK), 2);
    if (count(d, TASK) == 2) {
        CHECK(str(d, TASK, 0, "deadline") == NULL);
        CHECK_STR(str(d, TASK, 1, "deadline"), "到2025年底前");
    }
    free_doc(d);
}

static void long_series_and_their_ends(void)
{
    /* numbering of any length: 二十一是 and 一百二十三是 continue a series */
    static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                     "十一", "十二", "十三", "十四", "十五", "十六", "十七",
                                     "十八", "十九", "二十", "二十一", "二十二", "二十三"};
    char text[4096] = "要做好以下工作：";
    for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s是抓好第%zu项；", cn[i], i + 1);
    gy_doc *d = analyze_text(text);
    CHECK_INT(count(d, TASK), 23);
    CHECK_STR(str(d, TASK, 22, "marker"), "二十三是");
    CHECK_INT(num(d, TASK, 22, "series"), 1);
    CHECK(!has_warning(d, "numbering"));
    free_doc(d);
    /* a series ends where a later one of its level begins in the paragraph */
    const char *two = "要做好：一是甲；二是乙。还要做好：一是丙；二是丁。";
    d = analyze_text(two);
    CHECK_INT(count(d, TASK), 4);
    CHECK_INT(num(d, TASK, 1, "end"), strstr(two, "一是丙") - two);
    free_doc(d);
}

static void task_warnings(void)
{
    gy_doc *d = analyze_text("实施“三大工程”：一要抓甲；二要抓乙。\n要做好：一要抓丙；三要抓丁。\n");
    CHECK(has_warning(d, "count-mismatch"));
    CHECK(has_warning(d, "numbering"));
    CHECK_INT(count(d, TASK), 4);
    free_doc(d);
}

static void title_head(void)
{
    gy_doc *d = analyze_text("政 府 工 作 报 告\n\n"
                             "——2013年2月28日在海拉尔区第十四届人民代表大会第二次会议上\n\n"
                             "海拉尔区人民政府区长　　杜联合\n\n各位代表：\n现在作报告。\n");
    CHECK_STR(gy_doc_title(d), "政府工作报告");
    CHECK_STR(gy_doc_occasion(d), "——2013年2月28日在海拉尔区第十四届人民代表大会第二次会议上");
    CHECK_STR(gy_doc_speaker(d), "海拉尔区人民政府区长　　杜联合");
    free_doc(d);
    d = analyze_text("习近平：在全国党校工作会议上的讲话\n（2015年12月11日)\n同志们：\n");
    CHECK_STR(gy_doc_title(d), "在全国党校工作会议上的讲话");
    CHECK_STR(gy_doc_speaker(d), "习近平");
    CHECK_STR(gy_doc_occasion(d), "（2015年12月11日)");
    free_doc(d);
    d = analyze_text("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强\n各位代表：\n");
    CHECK_STR(gy_doc_title(d), "政府工作报告");
    CHECK_STR(gy_doc_occasion(d), "——2024年3月5日在第十四届全国人民代表大会第二次会议上");
    CHECK_STR(gy_doc_speaker(d), "国务院总理 李强");
    free_doc(d);
    d = analyze_text("同志们：\n开会。\n");
    CHECK(gy_doc_title(d) == NULL);
    free_doc(d);
}

static int noise_line(const gy_doc *d, size_t line)
{
    for (size_t i = 0; i < count(d, NOISE); i++)
        if (num(d, NOISE, i, "line") == (long long)line)
            return 1;
    return 0;
}

static void noise_lines(void)
{
    gy_doc *d = analyze_text("下载\n打印\n【字号：大 中 小】\n关键词：\n党校 教育 干部\n"
                             "讲话正文第一段，内容很长很长。\n讲话正文第二段，也很长很长很长。\n"
                             "讲话正文第三段。\n讲话正文第四段。\n讲话正文第五段。\n"
                             "责任编辑：张三\n国务院\n相关链接\n");
    for (size_t l = 1; l <= 5; l++)
        CHECK(noise_line(d, l));
    for (size_t l = 6; l <= 10; l++)
        CHECK(!noise_line(d, l));
    for (size_t l = 11; l <= 13; l++)
        CHECK(noise_line(d, l));
    free_doc(d);
    /* a repeated body is set aside, with a warning */
    d = analyze_text("第一段讲的是一件很重要很重要的事情，各地各部门要认真落实到位，不打折扣。\n"
                     "第二段讲的是另一件很重要很重要的事情，各地各部门要认真落实到位，不打折扣。\n"
                     "各位代表！\n"
                     "第一段讲的是一件很重要很重要的事情，各地各部门要认真落实到位，不打折扣。\n"
                     "第二段讲的是另一件很重要很重要的事情，各地各部门要认真落实到位，不打折扣。\n"
                     "各位代表！\n");
    CHECK(!noise_line(d, 1) && !noise_line(d, 3));
    CHECK(noise_line(d, 4) && noise_line(d, 5));
    CHECK(has_warning(d, "duplicate-body"));
    free_doc(d);
    /* filler: a line of spaces only is noise, an empty line is not */
    d = analyze_text("正文。\n\n\xC2\xA0\n \n正文。\n");
    CHECK(!noise_line(d, 2));
    CHECK(noise_line(d, 3) && noise_line(d, 4));
    free_doc(d);
}

/* A lone CR is no line end: spaces around it are skipped as residue, but
 * never past the trimmed end of the line (found by fuzzing). */
static void content_within_line(void)
{
    gy_doc *d = analyze_text("标题\n \r\u3000\n正文。\n");
    CHECK(d != NULL);
    /* the line of spaces around a CR is set aside, and nothing else */
    CHECK_INT(count(d, NOISE), 1);
    CHECK_INT(num(d, NOISE, 0, "line"), 2);
    free_doc(d);
}

static void keep_noise(void)
{
    gy_error err;
    const char *t = "下载\n正文。\n";
    gy_source *src = load_bytes("k.txt", t, strlen(t), &err);
    gy_analyze_options o = {1, 0, NULL, 0};
    gy_doc *d = gy_analyze(src, builtin_rules(), &o, &err);
    CHECK_INT(count(d, NOISE), 0);
    gy_doc_free(d);
    gy_source_free(src);
}

static const test_case cases[] = {
    {"extract/sections", sections_nest},
    {"extract/sequence-and-roles", sequence_and_roles},
    {"extract/paragraph-numbers", paragraph_numbers_are_no_sections},
    {"extract/false-task-markers", false_task_markers},
    {"extract/task-series", task_series},
    {"extract/paragraph-initial-series", paragraph_initial_series},
    {"extract/list-in-one-sentence", list_in_one_sentence},
    {"extract/majority-and-reached-dates", majority_and_reached_dates},
    {"extract/task-warnings", task_warnings},
    {"extract/long-series", long_series_and_their_ends},
    {"extract/content-within-line", content_within_line},
    {"extract/title", title_head},
    {"extract/noise", noise_lines},
    {"extract/keep-noise", keep_noise},
};

SUITE(extract)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
