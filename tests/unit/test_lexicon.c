/* Word-list searches find what a plain search finds: for lists of every
 * shape the lexicon treats apart (one character each, a character all
 * words share, first characters in a few blocks of 64, long lists with
 * one- and many-character words, ASCII words), the first and the last
 * occurrence in windows of corpus texts and the word at and ending at
 * every place are compared with a search that tries every word at every
 * character. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "test.h"
#include "utf8.h"

static const char *const *const lists[] = {
    (const char *const[]){"们", "这", "个", "國", NULL},
    (const char *const[]){"目标", "指标", "预期目标", NULL},
    (const char *const[]){"预计", "初步统计", "初步核算", NULL},
    (const char *const[]){"万", "万元", "万人", "亿元", "个百分点", "%", "ICP", "©", "人次", "亿斤",
                          "增长", "下降", "同比增长", "年", "年底", "全省", "全市", "地区生产总值",
                          NULL},
    (const char *const[]){"责任编辑", "版权所有", "Copyright", "来源", "扫一扫", "分享到", "打印",
                          "关闭", "上一篇", "下一篇", NULL},
};

/* The longest word of lx at s[pos] ending by end, by a try of each. */
static const gy_word *plain_at(const gy_lexicon *lx, const char *s, size_t pos, size_t end)
{
    const gy_word *best = NULL;
    for (size_t i = 0; i < lx->n; i++) {
        const gy_word *w = &lx->words[i];
        if (w->len <= end - pos && memcmp(s + pos, w->s, w->len) == 0 &&
            (!best || w->len > best->len))
            best = w;
    }
    return best;
}

static const gy_word *plain_ending(const gy_lexicon *lx, const char *s, size_t start, size_t pos)
{
    const gy_word *best = NULL;
    for (size_t i = 0; i < lx->n; i++) {
        const gy_word *w = &lx->words[i];
        if (w->len <= pos - start && memcmp(s + pos - w->len, w->s, w->len) == 0 &&
            (!best || w->len > best->len))
            best = w;
    }
    return best;
}

static int same(const gy_lexicon *lx, int got, const gy_word *want)
{
    if (got < 0 || !want)
        return got < 0 && !want;
    return lx->words[got].len == want->len && memcmp(lx->words[got].s, want->s, want->len) == 0;
}

/* One window s[a..b) of a text (both at character starts). */
static void window(const gy_lexicon *lx, const char *s, size_t a, size_t b, const char *name)
{
    size_t len, where = 0, first = b, last = b;
    const gy_word *fw = NULL, *lw = NULL;
    for (size_t p = a; p < b; p += len) {
        gy_utf8_at_valid(s, p, b, &len);
        const gy_word *w = plain_at(lx, s, p, b);
        if (w && !fw) {
            fw = w;
            first = p;
        }
        if (!same(lx, gy_lex_at(lx, s, p, b), w))
            test_fail(__FILE__, __LINE__, "%s: the word at %zu differs", name, p);
        const gy_word *e = plain_ending(lx, s, a, p + len);
        if (!same(lx, gy_lex_ending_at(lx, s, a, p + len), e))
            test_fail(__FILE__, __LINE__, "%s: the word ending at %zu differs", name, p + len);
    }
    for (size_t p = b; p > a && !lw; p = gy_utf8_back(s, a, p))
        if ((lw = plain_ending(lx, s, a, p)) != NULL)
            last = p - lw->len;
    int got = gy_lex_first_in(lx, s, a, b, &where);
    if (!same(lx, got, fw) || (fw && where != first))
        test_fail(__FILE__, __LINE__, "%s: first word in [%zu, %zu) differs", name, a, b);
    if (!same(lx, gy_lex_first_in(lx, s, a, b, NULL), fw))
        test_fail(__FILE__, __LINE__, "%s: first word without a place differs", name);
    got = gy_lex_last_in(lx, s, a, b, &where);
    if (!same(lx, got, lw) || (lw && where != last))
        test_fail(__FILE__, __LINE__, "%s: last word in [%zu, %zu) differs", name, a, b);
}

static void searches_as_plain(void)
{
    static const char *const files[] = {"tests/corpus/gwr-2019.txt",
                                        "tests/corpus/hk-policy-address-1997.txt",
                                        "tests/corpus/speech-web-2024-wang-dayoo.txt"};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        gy_arena a;
        gy_arena_init(&a);
        gy_word_list wl = {NULL, 0, 0};
        for (const char *const *w = lists[l]; *w; w++)
            CHECK(gy_words_add(&a, &wl, *w, 0) == 0);
        gy_lexicon lx;
        CHECK(gy_lexicon_build(&a, &lx, &wl) == 0);
        for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
            size_t n;
            char *s = slurp(files[f], &n);
            CHECK(s != NULL);
            if (!s)
                continue;
            n = gy_utf8_valid_prefix((const unsigned char *)s, n);
            /* windows of every size up to 200 bytes, at character starts,
             * and the text whole */
            for (size_t at = 0, k = 0; at < n && k < 400; k++) {
                size_t b = at + 1 + (k * 37) % 200;
                if (b > n)
                    b = n;
                while (b < n && ((unsigned char)s[b] & 0xC0) == 0x80)
                    b++;
                window(&lx, s, at, b, files[f]);
                at = b;
            }
            size_t where, len;
            int w = gy_lex_first_in(&lx, s, 0, n, &where);
            const gy_word *want = NULL;
            size_t p = 0;
            for (; p < n && !(want = plain_at(&lx, s, p, n)); p += len)
                gy_utf8_at_valid(s, p, n, &len);
            CHECK(same(&lx, w, want) && (!want || where == p));
            free(s);
        }
        gy_arena_free(&a);
    }
}

static const test_case cases[] = {
    {"lexicon/searches-as-plain", searches_as_plain},
};

SUITE(lexicon)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
