/* Tokenize stage: the token iterator, line and sentence index. */
#include "arena.h"
#include "rules.h"
#include "test.h"
#include "text.h"

static void tokens(void)
{
    const char *t = "　一要2.9亿元（约）\r\r\nQQ群";
    gy_tokenizer *tz = gy_tokenizer_new(builtin_rules(), t, strlen(t));
    CHECK(tz != NULL);
    if (!tz)
        return;
    struct want {
        gy_token_class cls;
        const char *text;
        size_t line, column;
    } want[] = {
        {GY_TOK_SPACE, "　", 1, 1},       {GY_TOK_CNUMERAL, "一", 1, 2},
        {GY_TOK_HAN, "要", 1, 3},         {GY_TOK_DIGIT, "2", 1, 4},
        {GY_TOK_SYMBOL, ".", 1, 5},       {GY_TOK_DIGIT, "9", 1, 6},
        {GY_TOK_CNUMERAL, "亿", 1, 7},    {GY_TOK_HAN, "元", 1, 8},
        {GY_TOK_OPEN, "（", 1, 9},        {GY_TOK_HAN, "约", 1, 10},
        {GY_TOK_CLOSE, "）", 1, 11},      {GY_TOK_NEWLINE, "\r\r\n", 1, 12},
        {GY_TOK_LATIN, "QQ", 2, 1},       {GY_TOK_HAN, "群", 2, 3},
    };
    gy_token tok;
    size_t i = 0, offset = 0;
    while (gy_tokenizer_next(tz, &tok)) {
        if (i >= sizeof want / sizeof want[0]) {
            test_fail(__FILE__, __LINE__, "extra token at %zu", tok.offset);
            break;
        }
        CHECK_INT(tok.cls, want[i].cls);
        CHECK_INT(tok.offset, offset);
        CHECK_INT(tok.length, strlen(want[i].text));
        CHECK(memcmp(t + tok.offset, want[i].text, tok.length) == 0);
        CHECK_INT(tok.line, want[i].line);
        CHECK_INT(tok.column, want[i].column);
        offset += tok.length;
        i++;
    }
    CHECK_INT(i, sizeof want / sizeof want[0]);
    CHECK_INT(offset, strlen(t));
    gy_tokenizer_free(tz);
}

static void runs_join(void)
{
    const char *t = "政府工作报告２０２４ab";
    gy_tokenizer *tz = gy_tokenizer_new(builtin_rules(), t, strlen(t));
    gy_token tok;
    CHECK(gy_tokenizer_next(tz, &tok));
    CHECK_INT(tok.cls, GY_TOK_HAN);
    CHECK_INT(tok.length, strlen("政府工作报告"));
    CHECK(gy_tokenizer_next(tz, &tok));
    CHECK_INT(tok.cls, GY_TOK_FULLDIGIT);
    CHECK_INT(tok.length, strlen("２０２４"));
    CHECK(gy_tokenizer_next(tz, &tok));
    CHECK_INT(tok.cls, GY_TOK_LATIN);
    CHECK(!gy_tokenizer_next(tz, &tok));
    gy_tokenizer_free(tz);
}

static void lines_and_sentences(void)
{
    const char *t = "　　甲。乙！“丙？”丁；戊……己\r\n\r\n  \r\n庚";
    gy_arena a;
    gy_arena_init(&a);
    gy_text x;
    CHECK(gy_text_build(&x, &a, &builtin_rules()->punct, t, strlen(t)) == 0);
    CHECK_INT(x.nlines, 4);
    /* line 1: indent of two U+3000, content to before CRLF */
    CHECK_INT(x.lines[0].indent, 6);
    CHECK_INT(x.lines[0].end, strlen("　　甲。乙！“丙？”丁；戊……己"));
    CHECK(gy_line_has_text(&x.lines[0]));
    CHECK(!gy_line_has_text(&x.lines[1]));
    CHECK(!gy_line_has_text(&x.lines[2])); /* spaces only */
    CHECK(gy_line_has_text(&x.lines[3]));
    CHECK_INT(x.lines[0].nsentences, 6);
    const char *want[] = {"甲。", "乙！", "“丙？”", "丁；", "戊……", "己"};
    for (size_t i = 0; i < 6 && i < x.nsentences; i++) {
        gy_span sp = x.sentences[i];
        CHECK_INT(sp.end - sp.start, strlen(want[i]));
        CHECK(memcmp(t + sp.start, want[i], strlen(want[i])) == 0);
    }
    /* closing quote belongs to the sentence it ends */
    CHECK_INT(gy_text_line_of(&x, 0), 1);
    CHECK_INT(gy_text_line_of(&x, x.lines[3].start), 4);
    CHECK_INT(gy_text_sentence_at(&x, x.sentences[2].start + 1), 2);
    gy_arena_free(&a);
}

static void count_lines(void)
{
    CHECK_INT(gy_count_lines("", 0), 0);
    CHECK_INT(gy_count_lines("a", 1), 1);
    CHECK_INT(gy_count_lines("a\n", 2), 1);
    CHECK_INT(gy_count_lines("a\n\n", 3), 2);
    CHECK_INT(gy_count_lines("a\r\r\nb", 5), 2);
    CHECK_INT(gy_count_lines("a\rb\r", 4), 2);
}

static void tokens_cover_corpus(void)
{
    /* every byte of every corpus file belongs to exactly one token */
    const char *files[] = {"tests/corpus/gwr-2016-gbk.txt", "tests/corpus/gwr-2022.txt",
                           "tests/corpus/hk-policy-address-1997.txt"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        gy_error err;
        gy_error_clear(&err);
        gy_source *s = gy_source_load(files[f], NULL, &err);
        CHECK(s != NULL);
        if (!s)
            continue;
        size_t len, pos = 0, lines = 1, newlines = 0;
        const char *text = gy_source_text(s, &len);
        gy_tokenizer *tz = gy_tokenizer_new(builtin_rules(), text, len);
        gy_token tok;
        while (gy_tokenizer_next(tz, &tok)) {
            CHECK_INT(tok.offset, pos);
            CHECK_INT(tok.line, lines);
            pos += tok.length;
            if (tok.cls == GY_TOK_NEWLINE) {
                lines++;
                newlines++;
            }
        }
        CHECK_INT(pos, len);
        size_t want = gy_source_line_count(s);
        CHECK(newlines == want || newlines + 1 == want);
        gy_tokenizer_free(tz);
        gy_source_free(s);
    }
}

static const test_case cases[] = {
    {"tokenize/tokens", tokens},
    {"tokenize/runs", runs_join},
    {"tokenize/lines-and-sentences", lines_and_sentences},
    {"tokenize/count-lines", count_lines},
    {"tokenize/corpus", tokens_cover_corpus},
};

SUITE(tokenize)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
