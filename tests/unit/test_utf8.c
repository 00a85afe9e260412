/* UTF-8 validation, decoding and character classes. */
#include "rules.h"
#include "test.h"
#include "utf8.h"

static size_t valid(const char *s, size_t n) { return gy_utf8_valid_prefix((const unsigned char *)s, n); }

static void validation(void)
{
    CHECK_INT(valid("", 0), 0);
    CHECK_INT(valid("abc", 3), 3);
    CHECK_INT(valid("政府工作报告", strlen("政府工作报告")), strlen("政府工作报告"));
    CHECK_INT(valid("a\xC3\xA9", 3), 3);             /* é */
    CHECK_INT(valid("\xF0\x9F\x98\x80", 4), 4);      /* emoji */
    CHECK_INT(valid("ab\xC0\xAF", 4), 2);            /* overlong */
    CHECK_INT(valid("\xE0\x80\xAF", 3), 0);          /* overlong 3-byte */
    CHECK_INT(valid("x\xED\xA0\x80", 4), 1);         /* surrogate */
    CHECK_INT(valid("\xF4\x90\x80\x80", 4), 0);      /* above U+10FFFF */
    CHECK_INT(valid("\xF5\x80\x80\x80", 4), 0);
    CHECK_INT(valid("中\xE6\x96", 5), 3);            /* truncated */
    CHECK_INT(valid("\x80", 1), 0);                  /* stray continuation */
    CHECK_INT(valid("12345678\xFF", 9), 8);          /* after the ASCII fast path */
    /* GBK bytes of 政府 are not UTF-8 */
    CHECK_INT(valid("\xD5\xFE\xB8\xAE", 4), 0);
}

/* The valid prefix by the definition, one sequence at a time (RFC 3629). */
static size_t reference_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                     : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!len || n - i < len)
            return i;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        unsigned c1 = s[i + 1];
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F))
            return i;
        i += len;
    }
    return n;
}

/* Random texts of ideographs with now and then a byte that breaks them,
 * where the fast paths (eight ASCII bytes, two ideographs at a time) end. */
static void validation_differential(void)
{
    static const unsigned char odd[] = {0xE0, 0xED, 0xA0, 0x9F, 0x80, 0xBF, 0xC0, 0xF0,
                                        0xF4, 0xF5, 0xFF, 0x41, 0x00, 0xC2, 0xEF, 0x8F};
    unsigned state = 12345;
    unsigned char buf[256];
    long wrong = 0;
    for (int round = 0; round < 40000; round++) {
        /* short texts, and long runs of ideographs (sixteen at a time) */
        size_t n = 0, want = (size_t)(round % 2 ? round % 250 : round % 60) + 1;
        unsigned ascii_every = round % 2 ? 97 : 5;
        while (n + 3 <= want) {
            state = state * 1103515245u + 12345u;
            unsigned r = state >> 16;
            if (r % ascii_every == 0) {
                buf[n++] = (unsigned char)('a' + r % 26);
            } else {
                uint32_t cp = 0x4E00 + r % 0x5000; /* an ideograph */
                n += gy_utf8_encode(cp, buf + n);
            }
        }
        state = state * 1103515245u + 12345u;
        if (n && (state >> 16) % 3)
            buf[(state >> 8) % n] = odd[(state >> 20) % sizeof odd];
        if (gy_utf8_valid_prefix(buf, n) != reference_prefix(buf, n))
            wrong++;
    }
    CHECK_INT(wrong, 0);
}

static void decode_encode(void)
{
    uint32_t cps[] = {0x41, 0xE9, 0x4E2D, 0x3000, 0x1F600, 0xFFFD};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        unsigned char buf[4];
        size_t n = gy_utf8_encode(cps[i], buf), len;
        CHECK_INT(gy_utf8_decode(buf, n, &len), cps[i]);
        CHECK_INT(len, n);
    }
    size_t len;
    CHECK_INT(gy_utf8_decode((const unsigned char *)"\xE4\xB8", 2, &len), 0xFFFD);
    CHECK_INT(len, 1);
    CHECK_INT(gy_utf8_count("政府a", strlen("政府a")), 3);
}

static void classes(void)
{
    CHECK_INT(gy_char_class(0x653F), GY_TOK_HAN);       /* 政 */
    CHECK_INT(gy_char_class(0x4E00), GY_TOK_CNUMERAL);   /* 一 */
    CHECK_INT(gy_char_class(0x4E24), GY_TOK_CNUMERAL);   /* 两 */
    CHECK_INT(gy_char_class(0x4EBF), GY_TOK_CNUMERAL);   /* 亿 */
    CHECK_INT(gy_char_class(0x58F9), GY_TOK_CNUMERAL);   /* 壹 */
    CHECK_INT(gy_char_class(0x4EDF), GY_TOK_CNUMERAL);   /* 仟 */
    CHECK_INT(gy_char_class(0x3007), GY_TOK_CNUMERAL);   /* 〇 */
    CHECK_INT(gy_char_class('7'), GY_TOK_DIGIT);
    CHECK_INT(gy_char_class(0xFF17), GY_TOK_FULLDIGIT);  /* ７ */
    CHECK_INT(gy_char_class('Q'), GY_TOK_LATIN);
    CHECK_INT(gy_char_class(0xFF31), GY_TOK_LATIN);      /* Ｑ */
    /* punctuation is a symbol to the script classes; the punctuation
     * table of the rules says what it does */
    CHECK_INT(gy_char_class(0x3002), GY_TOK_SYMBOL);
    const gy_punct *p = &builtin_rules()->punct;
    CHECK_INT(gy_punct_roles(p, 0x3002), GY_P_STOP);                 /* 。 */
    CHECK_INT(gy_punct_roles(p, 0xFF1B), GY_P_SEMI);                 /* ； */
    CHECK_INT(gy_punct_roles(p, 0x2026), GY_P_STOP);                 /* … */
    CHECK_INT(gy_punct_roles(p, 0xFF0C), GY_P_CLAUSE);               /* ， */
    CHECK_INT(gy_punct_roles(p, 0x3001), GY_P_CLAUSE | GY_P_LIST);   /* 、 */
    CHECK_INT(gy_punct_roles(p, 0xFF1A), GY_P_CLAUSE | GY_P_COLON);  /* ： */
    CHECK_INT(gy_punct_roles(p, 0x201C), GY_P_OPEN | GY_P_QUOTE);    /* “ */
    CHECK_INT(gy_punct_roles(p, 0x300A), GY_P_OPEN);                 /* 《 */
    CHECK_INT(gy_punct_roles(p, 0x3011), GY_P_CLOSE);                /* 】 */
    CHECK_INT(gy_punct_roles(p, 0xFF09), GY_P_CLOSE);                /* ） */
    CHECK_INT(gy_punct_roles(p, '"'), GY_P_QUOTE);
    CHECK_INT(gy_punct_roles(p, '%'), 0);
    CHECK_INT(gy_punct_roles(p, 0x653F), 0);                         /* 政 */
    CHECK_INT(gy_punct_roles(p, 0x1F600), 0);
    CHECK_INT(gy_char_class(0x3000), GY_TOK_SPACE);
    CHECK_INT(gy_char_class(0x00A0), GY_TOK_SPACE);
    CHECK_INT(gy_char_class(0x2002), GY_TOK_SPACE);
    CHECK_INT(gy_char_class('%'), GY_TOK_SYMBOL);
    CHECK_INT(gy_char_class(0xFF05), GY_TOK_SYMBOL);     /* ％ */
    CHECK_INT(gy_char_class(0x3042), GY_TOK_OTHER);      /* あ */
    CHECK_INT(gy_char_class(0xE12E), GY_TOK_OTHER);      /* private use */
}

static void numeral_values(void)
{
    CHECK_INT(gy_cn_digit(0x4E09), 3);
    CHECK_INT(gy_cn_digit(0x96F6), 0);
    CHECK_INT(gy_cn_digit(0x8086), 4);                   /* 肆 */
    CHECK_INT(gy_cn_digit(0x653F), -1);
    CHECK_NEAR(gy_cn_unit(0x842C), 1e4);                 /* 萬 */
    CHECK_NEAR(gy_cn_unit(0x4F70), 100);                 /* 佰 */
    CHECK_NEAR(gy_cn_unit(0x4E00), 0);
}

static void numeral_filter_complete(void)
{
    /* the filter may let others through, but never drops a numeral */
    size_t numerals = 0;
    for (uint32_t cp = 0x2000; cp < 0xA000; cp++)
        if (gy_cn_digit(cp) >= 0 || gy_cn_unit(cp) > 0) {
            numerals++;
            if (gy_numeral_of(cp) == NULL || gy_numeral_of(cp)->cp != cp)
                test_fail(__FILE__, __LINE__, "U+%04X is a numeral the table does not find", cp);
            CHECK(gy_is_numeral(cp));
        }
    CHECK(numerals >= 30);
    CHECK(!gy_is_numeral(0x653F));
}

static const test_case cases[] = {
    {"utf8/numeral-filter", numeral_filter_complete},
    {"utf8/validation", validation},
    {"utf8/validation-differential", validation_differential},
    {"utf8/decode-encode", decode_encode},
    {"utf8/classes", classes},
    {"utf8/numeral-values", numeral_values},
};

SUITE(utf8)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
