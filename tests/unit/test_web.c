/* Speeches as they come from the web (issue 22): the speech found among a
 * page's residue whatever the site, the page's title, durations as times,
 * and what a speech says against what it asks.  The residue lines of each
 * kind are taken in the manner of several sites (portal, news, government,
 * we-media), written for the test. */
#include "test.h"

#define SPEECH                                                                                   \
    "同志们，朋友们：\n"                                                                         \
    "今天是新春上班第一天，我们召开全省高质量发展大会，动员全省上下坚定信心、真抓实干，推动经济持续回升向好。\n" \
    "过去一年，全省地区生产总值增长5.4%，城镇新增就业120万人，发展质量稳步提升，人民生活持续改善。\n"   \
    "今年要锚定目标，全力以赴抓项目、稳投资、促消费，推动经济实现质的有效提升和量的合理增长。\n"       \
    "谢谢大家！\n"

/* Is line n (1-based) set aside as noise? */
static int is_noise(const gy_doc *d, long long n)
{
    for (size_t i = 0; i < count(d, NOISE); i++)
        if (num(d, NOISE, i, "line") == n)
            return 1;
    return 0;
}

/* Lines from..to of text are noise, and the speech's lines are not. */
static void residue_is(const char *text, int from, int to, int speech_from, int speech_to,
                       int line)
{
    gy_doc *d = analyze_text(text);
    for (int n = from; n <= to; n++)
        if (!is_noise(d, n))
            test_fail(__FILE__, line, "line %d not set aside in:\n%s", n, text);
    for (int n = speech_from; n <= speech_to; n++)
        if (is_noise(d, n))
            test_fail(__FILE__, line, "speech line %d set aside in:\n%s", n, text);
    free_doc(d);
}
#define RESIDUE_BEFORE(head, n) residue_is(head SPEECH, 1, n, n + 1, n + 5, __LINE__)
#define RESIDUE_AFTER(tail, n) residue_is(SPEECH tail, 6, 5 + n, 1, 5, __LINE__)

/* Menus and bread crumbs, in the manner of a portal, a news site and a
 * government site. */
static void menus(void)
{
    RESIDUE_BEFORE("首页\n新闻\n财经\n体育\n汽车\n房产\n科技\n教育\n健康\n旅游\n时尚\n娱乐\n视频\n"
                   "2024-02-18 21:10\n", 14);
    RESIDUE_BEFORE("您的位置：\n新闻频道>\n广东>\n正文\n来源:广东台触电新闻\n分享到：\n", 6);
    RESIDUE_BEFORE("简体\n繁体\n开启无障碍\n首页 > 新闻中心 > 信访要闻\n发布时间：2024-02-19 11:06\n【打印】\n", 6);
}

/* Stamps and sources, in three sites' manners. */
static void stamps(void)
{
    RESIDUE_BEFORE("南都N视频APP · 要闻转载2026-02-24 10:53\n查看\n", 2);
    RESIDUE_BEFORE("2024年02月18日14:05 | 来源：南方Plus\n小字号\n", 2);
    RESIDUE_BEFORE("发布日期：2023-01-28\n媒体：深圳新闻网\n", 2);
}

/* Credits, share buttons, lists of other headlines and footers after the
 * speech, in four sites' manners. */
static void footers(void)
{
    RESIDUE_AFTER("来源：南方Plus\n编辑：林云\n阅读\n说点什么\n9\n评论\n155\n分享成功\n", 8);
    RESIDUE_AFTER("(责编：朴馨语、张永生)\n分享让更多人看到\n热门排行\n1锦绣中国年｜广东英歌舞动伦敦\n"
                  "2流动的中国充满活力\n",
                  5);
    RESIDUE_AFTER("记者：林杰斌\n[ 编辑： 李诗琪 ]\n广州一景区招聘“野人”，日薪200元还包餐，最新回应\n"
                  "近日，广州二龙山景区发布招聘信息，引发网友热议，景区回应称岗位已满，感谢大家的关注。\n"
                  "2026-09-27 15:51\n返程必看！今晚广州地铁7条线延长运营服务1小时\n",
                  6);
    RESIDUE_AFTER("联系我们\n|\n网站地图\n主办单位：广东省信访局 版权所有\n粤ICP备20060990号\n"
                  "您即将离开网站，是否继续？\n",
                  6);
    RESIDUE_AFTER("来源 | 南方日报\n编辑 | 吴展桥\n特别声明：以上内容为自媒体平台用户上传并发布。\n", 3);
}

/* The site's lead-in before the speech, two sites' wordings. */
static void lead_in(void)
{
    const char *t = "2月18日，全省高质量发展大会在深圳召开，省委书记发表讲话。以下为讲话实录——\n" SPEECH;
    residue_is(t, 1, 1, 2, 6, __LINE__);
    t = "1月28日，全省高质量发展大会在广州召开，会上作了讲话。讲话全文如下：\n" SPEECH;
    residue_is(t, 1, 1, 2, 6, __LINE__);
}

/* The page's title: the plain headline, not the one with the site's name,
 * no label; a menu word is no speaker. */
static void titles(void)
{
    gy_doc *d = analyze_text("黄某同志在全省高质量发展大会上的讲话实录_某某日报网 某某日报网\n首页\n新闻\n"
                             "黄某同志在全省高质量发展大会上的讲话实录\n2024-02-18 21:10\n" SPEECH);
    CHECK_STR(gy_doc_title(d), "黄某同志在全省高质量发展大会上的讲话实录");
    CHECK(is_noise(d, 1) && !is_noise(d, 4));
    CHECK(gy_doc_speaker(d) == NULL);
    free_doc(d);
    d = analyze_text("标题：黄某同志在全省高质量发展大会上的讲话实录（2023）\n媒体：某某新闻网\n"
                     "发布日期：2023-01-28\n\n" SPEECH);
    CHECK_STR(gy_doc_title(d), "黄某同志在全省高质量发展大会上的讲话实录（2023）");
    free_doc(d);
    /* only the page title: it loses the site's name */
    d = analyze_text("王某同志在全省高质量发展大会上的讲话 - 某某网\n" SPEECH);
    CHECK_STR(gy_doc_title(d), "王某同志在全省高质量发展大会上的讲话");
    free_doc(d);
    /* the speech's own header under the page's headline stays */
    d = analyze_text("黄某同志在全省高质量发展大会上的讲话实录（2026）\n南都APP · 要闻转载2026-02-24 10:53\n"
                     "在全省高质量发展大会上的讲话\n（2026年2月24日）\n黄某\n" SPEECH);
    CHECK_STR(gy_doc_title(d), "黄某同志在全省高质量发展大会上的讲话实录（2026）");
    CHECK_STR(gy_doc_speaker(d), "黄某");
    CHECK(is_noise(d, 2) && !is_noise(d, 3) && !is_noise(d, 4) && !is_noise(d, 5));
    free_doc(d);
}

/* A text with nothing of a page around it loses nothing. */
static void clean_texts(void)
{
    gy_doc *d = analyze_text("一、总体要求\n第一书记要驻村。\n要坚持统一要求，唯一是标准，问题之一是落实，进一步要求加强。\n"
                             "（一）具体任务\n一要抓学习；二要抓督查。\n");
    CHECK_INT(count(d, NOISE), 0);
    free_doc(d);
    d = analyze_text("政府工作报告\n——2025年1月20日在某省第十四届人民代表大会第三次会议上\n某省省长 王某\n"
                     "各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n"
                     "附件1\n2025年重点工作安排\n");
    CHECK_INT(count(d, NOISE), 0);
    free_doc(d);
}

/* A span of time is a time, not an amount; bounded, it is one. */
static void durations(void)
{
    const char *spans[] = {"改革开放40多年来，广东发展取得巨大成就。", "我们要再深耕10年、30年。",
                           "区域创新能力连续7年全国第一。", "新时代10年，我们砥砺奋进。",
                           "再过10年、20年，广东的发展局面一定大不一样。", "再奋斗35个月。",
                           "北京中轴线申遗历时12年。"};
    for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++) {
        gy_doc *d = analyze_text(spans[i]);
        if (count(d, TGT))
            test_fail(__FILE__, __LINE__, "%s: target '%s', want none", spans[i],
                      str(d, TGT, 0, "text"));
        int timed = 0;
        for (size_t k = 0; k < count(d, TIME); k++)
            timed |= strcmp(str(d, TIME, k, "kind"), "period") == 0;
        if (!timed)
            test_fail(__FILE__, __LINE__, "%s: no time of kind period", spans[i]);
        free_doc(d);
    }
    /* bounded spans are amounts */
    const char *amounts[] = {"轮候公屋时间缩短至三年。", "期限不超过5年。", "优良天数增加19天。",
                             "学制3年以上。"};
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        gy_doc *d = analyze_text(amounts[i]);
        if (count(d, TGT) != 1)
            test_fail(__FILE__, __LINE__, "%s: %zu targets, want 1", amounts[i], count(d, TGT));
        free_doc(d);
    }
}

/* How things stand is a fact; what is asked or foreseen is a goal. */
static void said_and_asked(void)
{
    gy_doc *d = analyze_text("在全市工作会议上的讲话\n（2026年2月24日）\n同志们：\n"
                             "去年“百万英才”行动计划吸纳了超110万高校毕业生在粤就业创业，今年的目标仍然是100万以上。"
                             "未来10年，我们将建成一个实力雄厚的广东。经济总量达25.8万亿元左右。"
                             "全省已形成8个万亿级产业集群，代表着全省1800多万经营主体。\n");
    const char *want[][2] = {{"110万", "fact"}, {"100万", "target"}, {"25.8万亿元", "target"},
                             {"8个", "fact"}, {"1800多万", "fact"}};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        long found = -1;
        for (size_t i = 0; i < count(d, TGT) && found < 0; i++)
            if (strstr(str(d, TGT, i, "text"), want[k][0]))
                found = (long)i;
        if (found < 0)
            test_fail(__FILE__, __LINE__, "'%s' not found", want[k][0]);
        else if (strcmp(str(d, TGT, (size_t)found, "kind"), want[k][1]) != 0)
            test_fail(__FILE__, __LINE__, "'%s' is %s, want %s", want[k][0],
                      str(d, TGT, (size_t)found, "kind"), want[k][1]);
    }
    free_doc(d);
}

/* 翻一番 and its kin are goals with a factor, not a number of 番. */
static void doubling(void)
{
    gy_doc *d = analyze_text("政府工作报告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n各位代表：\n"
                             "到2035年，人均国内生产总值比2020年翻一番，经济总量翻两番。三番五次强调。\n");
    CHECK_INT(count(d, TGT), 2);
    if (count(d, TGT) == 2) {
        CHECK_NEAR(gy_doc_get(d, TGT, 0, "value").n, 2);
        CHECK_STR(str(d, TGT, 0, "unit"), "倍");
        CHECK_STR(str(d, TGT, 0, "kind"), "target");
        CHECK_INT(num(d, TGT, 0, "year"), 2035);
        CHECK_NEAR(gy_doc_get(d, TGT, 1, "value").n, 4);
    }
    free_doc(d);
}

static const test_case tests[] = {
    {"web/doubling", doubling},
    {"web/menus", menus},         {"web/stamps", stamps},
    {"web/footers", footers},     {"web/lead-in", lead_in},
    {"web/titles", titles},       {"web/clean-texts", clean_texts},
    {"web/durations", durations}, {"web/said-and-asked", said_and_asked},
};

SUITE(web)
{
    *n = sizeof tests / sizeof tests[0];
    return tests;
}
