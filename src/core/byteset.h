/* A small set of bytes and a scan for the next byte in it: sixteen bytes
 * at a time (SSE2) when the set holds at most eight, else byte by byte;
 * and on it a scan for the next character of a set (gy_charscan), which
 * looks at a character only where its first byte is one of theirs.
 * Scans use them to pass over ideographs to the next punctuation mark that
 * matters: 。 and 、 share their first byte, so the first-byte scan stops
 * at both, and the character set then tells them apart without leaving
 * the scan. */
#ifndef GY_BYTESET_H
#define GY_BYTESET_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "utf8.h"

enum { GY_BYTESET_VECTOR = 8 };

typedef struct gy_byteset {
#if defined(__SSE2__)
    __m128i vec[GY_BYTESET_VECTOR];         /* each of bytes[] sixteen times,
                                               the first again past n */
#endif
    uint8_t in[256];
    unsigned char bytes[GY_BYTESET_VECTOR]; /* the first eight added */
    size_t n;                               /* how many distinct bytes */
} gy_byteset;

static inline void gy_byteset_add(gy_byteset *b, unsigned char c)
{
    if (b->in[c])
        return;
    b->in[c] = 1;
    if (b->n < GY_BYTESET_VECTOR)
        b->bytes[b->n] = c;
    b->n++;
#if defined(__SSE2__)
    for (size_t k = 0; k < GY_BYTESET_VECTOR; k++)
        b->vec[k] = _mm_set1_epi8((char)b->bytes[k < b->n ? k : 0]);
#endif
}

/* The characters of a set below U+10000 and their first bytes. */
typedef struct gy_charscan {
    gy_byteset leads;
    gy_bmpset cps;
} gy_charscan;

static inline void gy_charscan_add(gy_charscan *c, uint32_t cp)
{
    unsigned char buf[4];
    if (cp >= 0x10000)
        return;
    gy_utf8_encode(cp, buf);
    gy_byteset_add(&c->leads, buf[0]);
    gy_bmpset_add(&c->cps, cp);
}

/* A first byte is never a continuation byte: where one of the set's first
 * bytes stands, a character starts. */
static inline int gy_charscan_at(const gy_charscan *c, const unsigned char *s, size_t i,
                                 size_t end)
{
    size_t len;
    uint32_t cp = gy_utf8_decode_valid(s + i, end - i, &len);
    return cp < 0x10000 && gy_bmpset_has(&c->cps, cp);
}

/* Offset of the first character of the set in valid UTF-8 s[i..end), or
 * end. */
static inline size_t gy_charscan_next(const gy_charscan *c, const unsigned char *s, size_t i,
                                      size_t end)
{
    const gy_byteset *b = &c->leads;
#if defined(__SSE2__)
    if (b->n >= 1 && b->n <= GY_BYTESET_VECTOR && end - i >= 16) {
        const __m128i *v8 = b->vec;
        int half = b->n <= 4;
        while (end - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, v8[0]), _mm_cmpeq_epi8(v, v8[1])),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, v8[2]), _mm_cmpeq_epi8(v, v8[3])));
            if (!half)
                m = _mm_or_si128(m, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, v8[4]),
                                                              _mm_cmpeq_epi8(v, v8[5])),
                                                 _mm_or_si128(_mm_cmpeq_epi8(v, v8[6]),
                                                              _mm_cmpeq_epi8(v, v8[7]))));
            for (unsigned bits = (unsigned)_mm_movemask_epi8(m); bits; bits &= bits - 1) {
                size_t at = i + (size_t)__builtin_ctz(bits);
                if (gy_charscan_at(c, s, at, end))
                    return at;
            }
            i += 16;
        }
    }
#endif
    for (; i < end; i++)
        if (b->in[s[i]] && gy_charscan_at(c, s, i, end))
            return i;
    return end;
}

#endif
