/* Patterns searched by trying them where their first characters stand
 * (GY_RX_AT_FIRST) find what a plain search finds: the same leftmost match
 * on every line of the corpus, for patterns of every shape the first-
 * character analysis reads (optional items, lookbehinds, ^, (?i:…),
 * classes with ASCII marks) and some it must refuse. */
#include <stdlib.h>

#include "pattern.h"
#include "test.h"

static const char *const shapes[] = {
    "(?:本|这个|今年)?\\d{1,2}月(?:底|末)?前",
    "(?<![\\d一二三])年(?:度)?内",
    "(?<!提高|增加)(?:到|至)\\s*\\d{4}年",
    "^关键[词字][：:]|相关(?:稿件|报道)",
    "(?i:qq)群?\\s*[号：:]?|微信号[：:]",
    "[（(]\\s*\\p{Han}{0,6}\\s*摄",
    "ICP备|公网安备|版权所有",
    "(?:一|二)?(?:三|四)?是",
    "(?i)icp|备案",
    "(?x) 全 \\s* 年 # a comment | 今年",
    "k(?i:ks)|S",
    "[A-Za-z]{2}\\d",
    "要|(?=要求)要求|的",
    "^\\s*$",
    "(?:本|这个|今年)?[0-9０-９]{1,2}月(?:底|末)?前",
    "[0-9０-９]{4}年(?:底|末)?前|[一-龥]{2}年",
    "(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\\s*年",
};

/* The leftmost match of rx in s[0..n) from 0, tried place by place. */
static int first_match(const gy_rx *rx, const char *s, size_t n, pcre2_match_data *md,
                       size_t *ms, size_t *me)
{
    if (!rx->at_first) {
        if (gy_rx_exec(rx, s, n, 0, md) <= 0)
            return 0;
        return gy_rx_group(md, 0, ms, me);
    }
    for (size_t pos = 0; pos < n; pos++) {
        if (((unsigned char)s[pos] & 0xC0) == 0x80)
            continue;
        if (gy_rx_may_start(rx, s, n, pos) && gy_rx_exec(rx, s, n, pos, md) > 0)
            return gy_rx_group(md, 0, ms, me);
    }
    return 0;
}

static void same_as_search(void)
{
    gy_arena a;
    gy_arena_init(&a);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    gy_error err;
    gy_error_clear(&err);
    gy_source *src = gy_source_load("tests/corpus/province-hebei-2026.txt", NULL, &err);
    CHECK(src != NULL);
    size_t len, tried = 0, at_first = 0;
    const char *text = src ? gy_source_text(src, &len) : "";
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        gy_rx plain, fast;
        gy_rx_error e;
        memset(&plain, 0, sizeof plain);
        memset(&fast, 0, sizeof fast);
        pcre2_code *c1 = gy_rx_compile(&plain, shapes[k], GY_RX_SEARCHED, &a, &e);
        pcre2_code *c2 = gy_rx_compile(&fast, shapes[k], GY_RX_AT_FIRST, &a, &e);
        CHECK(c1 && c2);
        if (!c1 || !c2)
            continue;
        at_first += (size_t)fast.at_first;
        /* every line, and every line with one more line joined (a ^ away from the start) */
        for (const char *line = text; src && *line;) {
            const char *nl = strchr(line, '\n');
            size_t n = nl ? (size_t)(nl - line) : strlen(line);
            size_t a1 = 0, b1 = 0, a2 = 0, b2 = 0;
            int f1 = first_match(&plain, line, n, md, &a1, &b1);
            int f2 = first_match(&fast, line, n, md, &a2, &b2);
            if (f1 != f2 || a1 != a2 || b1 != b2)
                test_fail(__FILE__, __LINE__, "%s on line at %zu: %d %zu-%zu, at first %d %zu-%zu",
                          shapes[k], (size_t)(line - text), f1, a1, b1, f2, a2, b2);
            tried++;
            line += n + (nl != NULL);
        }
        pcre2_code_free(c1);
        pcre2_code_free(c2);
    }
    /* the shapes it must read are read, those it must refuse are refused */
    CHECK(at_first >= 10 && at_first <= sizeof shapes / sizeof shapes[0] - 4);
    CHECK(tried > 100);
    gy_source_free(src);
    pcre2_match_data_free(md);
    gy_arena_free(&a);
}

static void reads_and_refuses(void)
{
    static const struct {
        const char *pattern;
        int read;
    } cases[] = {
        {"(?:本|这个|今年)?月", 1}, {"(?<!x)年内", 1}, {"^foo|相关", 1}, {"(?i:qq)群", 1},
        {"ICP备", 1},             {"[（(]摄", 1},      {"\\d{4}年", 0}, {"(?i)icp", 0},
        {"(?x) 年", 0},           {"(?i:k)", 0},       {"a?", 0},      {"(?:年)?", 0},
        {"\\p{Han}", 0},          {"[^年]", 0},        {"(?i:ｑ)", 0},
        {"[0-9０-９]{4}年", 1},   {"[a-c-]x", 0},      {"[一-龥]", 0},
    };
    gy_arena a;
    gy_arena_init(&a);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        gy_rx rx;
        gy_rx_error e;
        memset(&rx, 0, sizeof rx);
        pcre2_code *c = gy_rx_compile(&rx, cases[k].pattern, GY_RX_AT_FIRST, &a, &e);
        if (!c || rx.at_first != cases[k].read)
            test_fail(__FILE__, __LINE__, "%s: read %d, want %d", cases[k].pattern, rx.at_first,
                      cases[k].read);
        pcre2_code_free(c);
    }
    gy_arena_free(&a);
}

static const test_case cases[] = {
    {"pattern/at-first-same-as-search", same_as_search},
    {"pattern/what-is-read", reads_and_refuses},
};

SUITE(pattern)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
