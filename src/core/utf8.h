/* UTF-8 code points and character classes. */
#ifndef GY_UTF8_H
#define GY_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "gangyao.h"

/* Length of the valid UTF-8 prefix of s[0..n): n when all of it is valid,
 * else the offset of the first byte of the first invalid sequence. */
size_t gy_utf8_valid_prefix(const unsigned char *s, size_t n);

/* The first place of the character c[0..n) (its UTF-8, one to four bytes)
 * in s[0..len), or NULL. */
const char *gy_find_char(const char *s, size_t len, const char *c, size_t n);

/* Decodes the code point at s[0..n) (n >= 1) and stores its length in *len.
 * Invalid or truncated sequences decode as U+FFFD with length 1.  Inline:
 * every stage decodes as it scans. */
static inline uint32_t gy_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    /* The three-byte case (all of CJK) first, checked inline. */
    if (c >= 0xE0 && c <= 0xEF && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3Fu);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *len = 3;
            return cp;
        }
    } else if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3Fu);
    } else if (c >= 0xF0 && c <= 0xF4 && n >= 4 && gy_utf8_valid_prefix(s, 4) == 4) {
        *len = 4;
        return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3Fu);
    }
    *len = 1;
    return 0xFFFD;
}

/* The same for text known to be valid UTF-8 (the decoded text of a
 * document, the words of the rules): the bytes are not checked again, only
 * that the sequence ends before s + n. */
/* Inlined into every scan even where the compiler would call it. */
#if defined(__GNUC__)
#define GY_ALWAYS_INLINE __attribute__((always_inline))
#else
#define GY_ALWAYS_INLINE
#endif
static inline GY_ALWAYS_INLINE uint32_t gy_utf8_decode_valid(const unsigned char *s, size_t n,
                                                             size_t *len)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c >= 0xE0 && c < 0xF0 && n >= 3) {
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3Fu);
    }
    return gy_utf8_decode(s, n, len);
}

/* The code point at s[pos..end), pos < end; its length in *len. */
static inline uint32_t gy_utf8_at(const char *s, size_t pos, size_t end, size_t *len)
{
    return gy_utf8_decode((const unsigned char *)s + pos, end - pos, len);
}

/* The same in valid UTF-8 (see gy_utf8_decode_valid). */
static inline uint32_t gy_utf8_at_valid(const char *s, size_t pos, size_t end, size_t *len)
{
    return gy_utf8_decode_valid((const unsigned char *)s + pos, end - pos, len);
}

/* Start of the code point that ends at pos, not before floor (floor when
 * pos <= floor). */
static inline size_t gy_utf8_back(const char *s, size_t floor, size_t pos)
{
    if (pos <= floor)
        return floor;
    size_t k = pos - 1;
    while (k > floor && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* The code point that ends at pos, not before floor: 0 (length 0) when
 * pos <= floor. */
static inline uint32_t gy_utf8_before(const char *s, size_t floor, size_t pos, size_t *len)
{
    if (pos <= floor) {
        *len = 0;
        return 0;
    }
    return gy_utf8_at(s, gy_utf8_back(s, floor, pos), pos, len);
}

/* The same in valid UTF-8 (see gy_utf8_decode_valid). */
static inline uint32_t gy_utf8_before_valid(const char *s, size_t floor, size_t pos, size_t *len)
{
    if (pos <= floor) {
        *len = 0;
        return 0;
    }
    const unsigned char *u = (const unsigned char *)s;
    if (pos - floor >= 3 && (u[pos - 3] & 0xF0) == 0xE0) {
        /* an ideograph: in valid text its lead stands three bytes back */
        *len = 3;
        return (uint32_t)(u[pos - 3] & 0x0F) << 12 | (uint32_t)(u[pos - 2] & 0x3F) << 6 |
               (u[pos - 1] & 0x3Fu);
    }
    return gy_utf8_at_valid(s, gy_utf8_back(s, floor, pos), pos, len);
}

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the length. */
size_t gy_utf8_encode(uint32_t cp, unsigned char *out);

/* Number of code points in s[0..n) (valid UTF-8). */
size_t gy_utf8_count(const char *s, size_t n);

/* The script class of cp: ideograph, numeral, digit, letter, space, newline;
 * punctuation and other marks are GY_TOK_SYMBOL here, and the punctuation
 * table (punct.h) says what each mark does. */
gy_token_class gy_char_class(uint32_t cp);

/* Whether cp is a digit, ASCII or full-width. */
static inline int gy_is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* A set of code points below U+10000, one bit each (8 KB): a scan tests
 * one bit per character to pass over those no rule starts with. */
typedef struct gy_bmpset {
    uint64_t bits[1024];
} gy_bmpset;
static inline void gy_bmpset_add(gy_bmpset *s, uint32_t cp)
{
    if (cp < 0x10000)
        s->bits[cp >> 6] |= (uint64_t)1 << (cp & 63);
}
/* Code points above U+FFFF are always in the set: the scan looks at them. */
static inline int gy_bmpset_has(const gy_bmpset *s, uint32_t cp)
{
    return cp >= 0x10000 || (int)(s->bits[cp >> 6] >> (cp & 63) & 1);
}

/* The Chinese numeral characters, each in the slot its code point hashes
 * to (no two share one: the table's initializers would override each
 * other, which -Wextra reports), so that a lookup is one load and one
 * compare.  digit: 0..9 or -1 for a unit; unit: a power of ten, 0 none. */
typedef struct gy_numeral {
    uint16_t cp;
    int8_t digit;
    uint8_t unit;          /* index into gy_numeral_units */
    uint8_t used;
} gy_numeral;
#define GY_NUMERAL_SLOT(cp) (((uint32_t)(cp) * 2654435761u) >> 24)
extern const gy_numeral gy_numerals[256];
extern const double gy_numeral_units[6];

static inline const gy_numeral *gy_numeral_of(uint32_t cp)
{
    const gy_numeral *n = &gy_numerals[GY_NUMERAL_SLOT(cp)];
    return n->used && n->cp == cp ? n : NULL;
}

/* Whether cp is a Chinese numeral character (digit or unit). */
static inline int gy_is_numeral(uint32_t cp) { return gy_numeral_of(cp) != NULL; }

/* Value of a Chinese numeral digit (一 1 ... 九 9, 〇/零 0, 两 2), -1 otherwise. */
static inline int gy_cn_digit(uint32_t cp)
{
    const gy_numeral *n = gy_numeral_of(cp);
    return n ? n->digit : -1;
}
/* Multiplier of a Chinese numeral unit (十 10, 百 100, 千 1000, 万 1e4,
 * 亿 1e8 and the financial and traditional forms), 0 otherwise. */
static inline double gy_cn_unit(uint32_t cp)
{
    const gy_numeral *n = gy_numeral_of(cp);
    return n ? gy_numeral_units[n->unit] : 0.0;
}

/* Space characters that may indent a paragraph (ASCII space and tab,
 * U+3000, NBSP, U+2002..U+200B, U+FEFF). */
int gy_is_space(uint32_t cp);

/* Line (1-based, counting LF) and column (1-based, in code points) of byte
 * offset off of the UTF-8 text s. */
void gy_utf8_locate(const char *s, size_t off, long *line, long *col);

/* The end of s[start..end) without the spaces (gy_is_space) at its end. */
size_t gy_utf8_trim_end(const char *s, size_t start, size_t end);

#endif
