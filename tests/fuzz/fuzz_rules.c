/* Fuzz target for rule files: the bytes are a rule file (as `rules
 * --check` and --rules read one); a file that loads is then used to
 * analyze and render a few texts that reach every concern.  A rule file
 * from someone else must give a clear error or a rule set that works:
 * never a crash, a hang or an error without a message.
 * libFuzzer: make fuzz && ./build-fuzz/fuzz_rules build-fuzz/rule-seeds
 * Without libFuzzer, tests/fuzz/replay.c drives it over tests/rules. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gangyao.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Short texts with a title, a dateline, noise, sections, tasks, targets,
 * times and a page's residue. */
static const char *const texts[] = {
    "政府工作报告\n——2024年1月20日在市第十六届人民代表大会第四次会议上\n市长 张三\n"
    "各位代表：\n一、2023年工作回顾\n全市地区生产总值增长5.2%，一般公共预算收入增长8%。\n"
    "二、2024年主要目标\n地区生产总值增长5%左右，城镇新增就业11万人以上。\n"
    "一是加强科技创新；二是推进乡村振兴；三要扩大内需。\n到2035年基本实现现代化。\n",
    "首页 > 新闻 > 讲话\n来源：新华网 2024-03-05 10:21\n在全省工作会议上的讲话\n"
    "同志们：\n今年要做好三方面工作。第一，稳增长。投资增长8%以上，翻一番。\n"
    "责任编辑：李四\n版权所有 © 2024\n",
    "（一）关于目标\n1. 粮食产量稳定在1.3万亿斤以上，CPI涨幅3%左右。\n"
    "仅供学习参考\naaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n",
};

static void use(const gy_rules *rules, FILE *sink)
{
    gy_render_options ro = {GY_SHOW_ALL, 1, 0, 0, 0, 0};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        gy_error err;
        gy_error_clear(&err);
        gy_source *src = gy_source_from_memory("t.txt", texts[i], strlen(texts[i]), NULL, &err);
        if (!src)
            abort();
        gy_doc *doc = gy_analyze(src, rules, NULL, &err);
        if (doc) {
            for (int f = 0; f < GY_FORMAT_COUNT; f++)
                gy_render(doc, (gy_format)f, sink, &ro, &err);
            gy_diff *df = gy_diff_new(rules, doc, doc, NULL, &err);
            if (df && gy_diff_has_changes(df))
                abort(); /* a document always equals itself */
            gy_diff_free(df);
            gy_doc_free(doc);
        } else if (err.message[0] == '\0') {
            abort();
        }
        gy_render_tokens(src, rules, sink, 0, &err);
        gy_source_free(src);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    gy_error err;
    gy_error_clear(&err);
    gy_rules *rules = gy_rules_parse("fuzz.json", (const char *)data, size, &err);
    if (!rules) {
        if (err.status != GY_E_RULES || err.message[0] == '\0')
            abort(); /* every refusal says what is wrong */
        return 0;
    }
    if (gy_rules_count(rules) == 0)
        abort();
    use(rules, sink);
    gy_rules_free(rules);
    return 0;
}
