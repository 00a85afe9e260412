/* A small set of bytes and a scan for the next byte in it: sixteen bytes
 * at a time (SSE2) when the set holds at most eight, else byte by byte.
 * Scans use it to pass over ideographs to the next punctuation mark that
 * may matter, by the marks' first bytes. */
#ifndef GY_BYTESET_H
#define GY_BYTESET_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { GY_BYTESET_VECTOR = 8 };

typedef struct gy_byteset {
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
}

/* Offset of the first byte of s[i..end) in b, or end. */
static inline size_t gy_byteset_next(const gy_byteset *b, const unsigned char *s, size_t i,
                                     size_t end)
{
#if defined(__SSE2__)
    if (b->n >= 1 && b->n <= GY_BYTESET_VECTOR && end - i >= 16) {
        __m128i v8[GY_BYTESET_VECTOR];
        for (size_t k = 0; k < GY_BYTESET_VECTOR; k++)
            v8[k] = _mm_set1_epi8((char)b->bytes[k < b->n ? k : 0]);
        int half = b->n <= 4; /* then the last four repeat the first */
        while (end - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, v8[0]), _mm_cmpeq_epi8(v, v8[1])),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, v8[2]), _mm_cmpeq_epi8(v, v8[3])));
            if (!half)
                m = _mm_or_si128(m, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, v8[4]),
                                                              _mm_cmpeq_epi8(v, v8[5])),
                                                 _mm_or_si128(_mm_cmpeq_epi8(v, v8[6]),
                                                              _mm_cmpeq_epi8(v, v8[7]))));
            int bits = _mm_movemask_epi8(m);
            if (bits)
                return i + (size_t)__builtin_ctz((unsigned)bits);
            i += 16;
        }
    }
#endif
    while (i < end && !b->in[s[i]])
        i++;
    return i;
}

#endif
