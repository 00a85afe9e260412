#include "utf8.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* w as loaded from little-endian bytes (the byte at the lowest address in
 * the low bits). */
static uint64_t le64(uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(w);
#else
    return w;
#endif
}

#if defined(__SSE2__)
/* Sixteen ideographs (48 bytes, leads E1-EC, EE, EF) at s?  Every third
 * byte is a lead (F0 bits E0, low four bits neither 0 nor D: no E0, no
 * ED), every other a continuation byte (C0 bits 80). */
static int ideographs48(const unsigned char *s)
{
    static const unsigned char lead_lanes[48] = {0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0, 0xFF, 0, 0};
    int ok = 1;
    for (int k = 0; k < 3; k++) {
        __m128i lead = _mm_loadu_si128((const __m128i *)(const void *)(lead_lanes + 16 * k));
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        __m128i high = _mm_or_si128(_mm_set1_epi8((char)0xC0), _mm_and_si128(lead, _mm_set1_epi8(0x30)));
        __m128i want = _mm_or_si128(_mm_set1_epi8((char)0x80), _mm_and_si128(lead, _mm_set1_epi8(0x60)));
        __m128i shape = _mm_cmpeq_epi8(_mm_and_si128(v, high), want);
        __m128i low = _mm_and_si128(v, _mm_set1_epi8(0x0F));
        __m128i bad = _mm_and_si128(lead, _mm_or_si128(_mm_cmpeq_epi8(low, _mm_setzero_si128()),
                                                       _mm_cmpeq_epi8(low, _mm_set1_epi8(0x0D))));
        ok &= _mm_movemask_epi8(shape) == 0xFFFF && _mm_movemask_epi8(bad) == 0;
    }
    return ok;
}
#endif

size_t gy_utf8_valid_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            /* Eight ASCII bytes at a time. */
            while (i + 8 <= n) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & UINT64_C(0x8080808080808080))
                    break;
                i += 8;
            }
            while (i < n && s[i] < 0x80)
                i++;
            continue;
        }
        /* runs of ideographs (lead E1-EC, EE, EF: any second byte 80-BF):
         * sixteen at a time, two, then one test of three bytes each */
#if defined(__SSE2__)
        while (i + 48 <= n && ideographs48(s + i))
            i += 48;
#endif
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            w = le64(w);
            unsigned l0 = s[i] & 0x0Fu, l1 = s[i + 3] & 0x0Fu;
            if ((w & UINT64_C(0xC0C0F0C0C0F0)) != UINT64_C(0x8080E08080E0) || !l0 || l0 == 0xD ||
                !l1 || l1 == 0xD)
                break;
            i += 6;
        }
        while (i + 3 <= n) {
            uint32_t w = s[i] | (uint32_t)s[i + 1] << 8 | (uint32_t)s[i + 2] << 16;
            unsigned lead = s[i];
            if ((w & 0xC0C0F0u) != 0x8080E0u || lead == 0xE0 || lead == 0xED)
                break;
            i += 3;
        }
        if (i >= n)
            break;
        c = s[i];
        if (c < 0x80)
            continue;
        if (c >= 0xE0 && c <= 0xEF) { /* the CJK case first */
            if (n - i < 3)
                return i;
            unsigned c1 = s[i + 1], c2 = s[i + 2];
            if ((c2 & 0xC0) != 0x80)
                return i;
            if (c == 0xE0) {
                if (c1 < 0xA0 || c1 > 0xBF)
                    return i;
            } else if (c == 0xED) {
                if (c1 < 0x80 || c1 > 0x9F)
                    return i;
            } else if ((c1 & 0xC0) != 0x80) {
                return i;
            }
            i += 3;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (n - i < 2 || (s[i + 1] & 0xC0) != 0x80)
                return i;
            i += 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (n - i < 4)
                return i;
            unsigned c1 = s[i + 1];
            if ((s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
                return i;
            if (c == 0xF0 ? (c1 < 0x90 || c1 > 0xBF)
                          : c == 0xF4 ? (c1 < 0x80 || c1 > 0x8F)
                                      : (c1 & 0xC0) != 0x80)
                return i;
            i += 4;
        } else {
            return i;
        }
    }
    return n;
}

size_t gy_utf8_encode(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t gy_utf8_count(const char *s, size_t n)
{
    /* code points = bytes - continuation bytes (10xxxxxx), eight at a time */
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t t = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
        cont += (size_t)((t * UINT64_C(0x0101010101010101)) >> 56); /* sum of the bytes */
    }
    for (; i < n; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

#define NUMERAL(cp, digit, unit) [GY_NUMERAL_SLOT(cp)] = {(cp), (digit), (unit), 1}
const double gy_numeral_units[6] = {0.0, 10.0, 100.0, 1000.0, 1e4, 1e8};
const gy_numeral gy_numerals[256] = {
    NUMERAL(0x3007, 0, 0), /* 〇 */
    NUMERAL(0x25CB, 0, 0), /* ○, written for 〇 in dates: 二○二○年 */
    NUMERAL(0x96F6, 0, 0), /* 零 */
    NUMERAL(0x4E00, 1, 0), /* 一 */
    NUMERAL(0x58F9, 1, 0), /* 壹 */
    NUMERAL(0x5F0C, 1, 0), /* 弌 */
    NUMERAL(0x4E8C, 2, 0), /* 二 */
    NUMERAL(0x4E24, 2, 0), /* 两 */
    NUMERAL(0x5169, 2, 0), /* 兩 */
    NUMERAL(0x8D30, 2, 0), /* 贰 */
    NUMERAL(0x8CB3, 2, 0), /* 貳 */
    NUMERAL(0x4E09, 3, 0), /* 三 */
    NUMERAL(0x53C1, 3, 0), /* 叁 */
    NUMERAL(0x53C3, 3, 0), /* 參 */
    NUMERAL(0x56DB, 4, 0), /* 四 */
    NUMERAL(0x8086, 4, 0), /* 肆 */
    NUMERAL(0x4E94, 5, 0), /* 五 */
    NUMERAL(0x4F0D, 5, 0), /* 伍 */
    NUMERAL(0x516D, 6, 0), /* 六 */
    NUMERAL(0x9646, 6, 0), /* 陆 */
    NUMERAL(0x9678, 6, 0), /* 陸 */
    NUMERAL(0x4E03, 7, 0), /* 七 */
    NUMERAL(0x67D2, 7, 0), /* 柒 */
    NUMERAL(0x516B, 8, 0), /* 八 */
    NUMERAL(0x634C, 8, 0), /* 捌 */
    NUMERAL(0x4E5D, 9, 0), /* 九 */
    NUMERAL(0x7396, 9, 0), /* 玖 */
    NUMERAL(0x5341, -1, 1), /* 十 */
    NUMERAL(0x62FE, -1, 1), /* 拾 */
    NUMERAL(0x767E, -1, 2), /* 百 */
    NUMERAL(0x4F70, -1, 2), /* 佰 */
    NUMERAL(0x5343, -1, 3), /* 千 */
    NUMERAL(0x4EDF, -1, 3), /* 仟 */
    NUMERAL(0x4E07, -1, 4), /* 万 */
    NUMERAL(0x842C, -1, 4), /* 萬 */
    NUMERAL(0x4EBF, -1, 5), /* 亿 */
    NUMERAL(0x5104, -1, 5), /* 億 */
};

int gy_is_space(uint32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '\f': case '\v':
    case 0x00A0: case 0x3000: case 0xFEFF:
    case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x200B:
    case 0x202F: case 0x205F:
        return 1;
    default:
        return 0;
    }
}

static gy_token_class ascii_class(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return GY_TOK_DIGIT;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return GY_TOK_LATIN;
    switch (cp) {
    case '\n': case '\r':
        return GY_TOK_NEWLINE;
    case ' ': case '\t': case '\f': case '\v':
        return GY_TOK_SPACE;
    default:
        return cp < 0x20 || cp == 0x7F ? GY_TOK_OTHER : GY_TOK_SYMBOL;
    }
}

gy_token_class gy_char_class(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_class(cp);
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F))
        return gy_is_numeral(cp) ? GY_TOK_CNUMERAL : GY_TOK_HAN;
    if (cp == 0x3007 || cp == 0x25CB)
        return GY_TOK_CNUMERAL;
    if (gy_is_space(cp))
        return GY_TOK_SPACE;
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return GY_TOK_FULLDIGIT;
    if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
        (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
        return GY_TOK_LATIN;
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return GY_TOK_SPACE;
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
        (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
        (cp >= 0x2100 && cp <= 0x2BFF))
        return GY_TOK_SYMBOL;
    return GY_TOK_OTHER;
}

const char *gy_token_class_name(gy_token_class cls)
{
    static const char *const names[] = {
        "han", "cnumeral", "digit", "fulldigit", "latin", "sentence_end",
        "clause", "open", "close", "space", "newline", "symbol", "other"};
    return (size_t)cls < sizeof names / sizeof names[0] ? names[cls] : "?";
}

size_t gy_utf8_trim_end(const char *s, size_t start, size_t end)
{
    while (end > start) {
        size_t k = gy_utf8_back(s, start, end), n;
        if (!gy_is_space(gy_utf8_at(s, k, end, &n)))
            break;
        end = k;
    }
    return end;
}

void gy_utf8_locate(const char *s, size_t off, long *line, long *col)
{
    size_t l = 1, start = 0;
    for (const char *p = s; (p = memchr(p, '\n', off - (size_t)(p - s))) != NULL; p++) {
        l++;
        start = (size_t)(p - s) + 1;
    }
    *line = (long)l;
    *col = (long)gy_utf8_count(s + start, off - start) + 1;
}

/* Is cp shown escaped: a C1 control, or a bidirectional embedding,
 * override or isolate (U+202A-202E, U+2066-2069)? */
static int hidden_code_point(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

void gy_fput_shown(const char *s, size_t n, FILE *f)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    if (n == (size_t)-1)
        n = strlen(s);
    size_t run = 0, i = 0; /* u[run..i) is written as it is */
    while (i < n) {
        unsigned c = u[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        size_t len = 1;
        uint32_t cp = c < 0x80 ? c : gy_utf8_decode(u + i, n - i, &len);
        int bad = cp == 0xFFFD && len == 1 && c >= 0x80;
        if (c < 0x80 ? (c == '\t' || c == '\n') : !bad && !hidden_code_point(cp)) {
            i += len;
            continue;
        }
        fwrite(u + run, 1, i - run, f);
        if (c < 0x80 || bad) {
            char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            fwrite(e, 1, 4, f);
        } else {
            fprintf(f, "<U+%04X>", (unsigned)cp);
        }
        i += len;
        run = i;
    }
    fwrite(u + run, 1, n - run, f);
}

/* The first place of the character c[0..n) in s[0..len): a three-byte
 * character (all of CJK) is compared whole, sixteen places at a time, so
 * that a place is looked at only where the character stands; another is
 * found by its last byte with memchr and the bytes before it compared. */
const char *gy_find_char(const char *s, size_t len, const char *c, size_t n)
{
    size_t at = 0;
#if defined(__SSE2__)
    if (n == 3) {
        __m128i c0 = _mm_set1_epi8(c[0]), c1 = _mm_set1_epi8(c[1]), c2 = _mm_set1_epi8(c[2]);
        for (; at + 18 <= len; at += 16) {
            const __m128i *p = (const __m128i *)(const void *)(s + at);
            __m128i m = _mm_and_si128(
                _mm_cmpeq_epi8(_mm_loadu_si128(p), c0),
                _mm_and_si128(
                    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + at + 1)), c1),
                    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + at + 2)), c2)));
            unsigned bits = (unsigned)_mm_movemask_epi8(m);
            if (bits)
                return s + at + (size_t)__builtin_ctz(bits);
        }
    }
#endif
    for (at += n - 1; at < len;) {
        const char *p = memchr(s + at, (unsigned char)c[n - 1], len - at);
        if (!p)
            return NULL;
        size_t k = (size_t)(p - s);
        if (memcmp(s + k - (n - 1), c, n - 1) == 0)
            return s + k - (n - 1);
        at = k + 1;
    }
    return NULL;
}
