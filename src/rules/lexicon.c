/* Word lexicons: building the lookup chains and the lookups themselves. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "model.h"
#include "utf8.h"

static size_t bucket(uint32_t cp) { return (cp * 2654435761u) >> 22 & (GY_LEX_BUCKETS - 1); }

/* memcmp for the few bytes of a word after its first character, without a
 * call. */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

int gy_words_add(gy_arena *a, gy_word_list *wl, const char *s, int tag)
{
    gy_word *w = gy_push(a, &wl->w, &wl->n, &wl->cap, sizeof *w);
    if (!w)
        return -1;
    w->len = strlen(s);
    w->s = gy_arena_strndup(a, s, w->len);
    w->tag = tag;
    return w->s ? 0 : -1;
}

static int longer_first(const void *a, const void *b)
{
    const gy_word *x = a, *y = b;
    return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

static void set_bloom(uint64_t *bloom, uint32_t cp)
{
    size_t h = gy_bloom_bit(cp) & 4095;
    bloom[h >> 6] |= UINT64_C(1) << (h & 63);
}

/* Does word w hold the character of UTF-8 c[0..n)? */
static int holds(const gy_word *w, const char *c, size_t n)
{
    for (size_t i = 0; i + n <= w->len; i++)
        if (memcmp(w->s + i, c, n) == 0)
            return 1;
    return 0;
}

/* A character (not ASCII) every word holds, if any: the rarest the words
 * share is not known, so the first of the shortest word's that all hold. */
static void find_anchor(gy_lexicon *lx)
{
    const gy_word *shortest = &lx->words[lx->n - 1];
    for (size_t i = 0, len; i < shortest->len; i += len) {
        uint32_t cp = gy_utf8_at(shortest->s, i, shortest->len, &len);
        int all = cp >= 0x80 && len <= sizeof lx->anchor;
        for (size_t k = 0; all && k < lx->n; k++)
            all = holds(&lx->words[k], shortest->s + i, len);
        if (all) {
            memcpy(lx->anchor, shortest->s + i, len);
            lx->anchor_len = len;
            return;
        }
    }
}

/* The pairs of first bytes the words' first characters start with, where
 * they are three-byte characters in at most four blocks of 64. */
static void find_leads(gy_lexicon *lx)
{
    size_t n = 0;
    for (size_t i = 0; i < lx->n; i++) {
        const unsigned char *w = (const unsigned char *)lx->words[i].s;
        if (lx->words[i].first_len != 3)
            return;
        size_t k = 0;
        while (k < n && !(lx->lead[k][0] == w[0] && lx->lead[k][1] == w[1]))
            k++;
        if (k == n) {
            if (n == 4)
                return;
            lx->lead[n][0] = w[0];
            lx->lead[n][1] = w[1];
            n++;
        }
    }
    lx->nleads = n;
}

/* The words of a one-character lexicon as a set of code points, where
 * they all stand in the basic plane.  Returns 0 or -1. */
static int one_char_set(gy_arena *a, gy_lexicon *lx)
{
    if (!lx->one_char)
        return 0;
    for (size_t i = 0; i < lx->n; i++)
        if (lx->words[i].first >= 0x10000)
            return 0;
    lx->chars = gy_arena_alloc(a, 0x10000 / 8);
    if (!lx->chars)
        return -1;
    memset(lx->chars, 0, 0x10000 / 8);
    for (size_t i = 0; i < lx->n; i++)
        lx->chars[lx->words[i].first >> 6] |= UINT64_C(1) << (lx->words[i].first & 63);
    return 0;
}

/* The first of the characters of a one-character lexicon in s[start..end):
 * one exact bit test a character, where a filter would let others through. */
static int first_char_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                         size_t *where)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t pos = start;
    while (pos < end) {
        unsigned b0 = u[pos];
        size_t len = 1;
        uint32_t cp = b0;
        if (b0 >= 0x80)
            cp = gy_utf8_at_valid(s, pos, end, &len);
        if (cp < 0x10000 && (lx->chars[cp >> 6] >> (cp & 63) & 1)) {
            int i = gy_lex_at(lx, s, pos, end);
            if (i >= 0) {
                if (where)
                    *where = pos;
                return i;
            }
        }
        pos += len;
    }
    return -1;
}

#if defined(__SSE2__)
/* Where a word of lx (nleads > 0) starts in s[start..end): the places
 * whose first two bytes are one of the pairs are found sixteen at a time
 * and tried.  Returns SIZE_MAX with *where set on a hit, else where the
 * vector scan stopped (the rest is left to the scan by characters). */
static size_t first_lead_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                            size_t *where)
{
    __m128i a[4], b[4];
    for (size_t k = 0; k < 4; k++) {
        size_t j = k < lx->nleads ? k : 0;
        a[k] = _mm_set1_epi8((char)lx->lead[j][0]);
        b[k] = _mm_set1_epi8((char)lx->lead[j][1]);
    }
    size_t at = start;
    for (; end - at >= 17 && at < end; at += 16) {
        __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + at + 1));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, a[0]), _mm_cmpeq_epi8(v1, b[0])),
                         _mm_and_si128(_mm_cmpeq_epi8(v0, a[1]), _mm_cmpeq_epi8(v1, b[1]))),
            _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, a[2]), _mm_cmpeq_epi8(v1, b[2])),
                         _mm_and_si128(_mm_cmpeq_epi8(v0, a[3]), _mm_cmpeq_epi8(v1, b[3]))));
        for (unsigned bits = (unsigned)_mm_movemask_epi8(m); bits; bits &= bits - 1) {
            size_t p = at + (size_t)__builtin_ctz(bits);
            if (gy_lex_at(lx, s, p, end) >= 0) {
                *where = p;
                return SIZE_MAX;
            }
        }
    }
    /* the scan by characters starts at a character's first byte */
    while (at > start && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    return at;
}
#endif

int gy_lexicon_build(gy_arena *a, gy_lexicon *lx, gy_word_list *wl)
{
    memset(lx, 0, sizeof *lx);
    for (size_t b = 0; b < GY_LEX_BUCKETS; b++)
        lx->by_first[b] = lx->by_last[b] = -1;
    if (wl->n == 0)
        return 0;
    gy_sort(wl->w, wl->n, sizeof *wl->w, longer_first);
    lx->words = wl->w;
    lx->n = wl->n;
    lx->one_char = 1;
    lx->next_first = gy_arena_alloc(a, wl->n * sizeof(int32_t));
    lx->next_last = gy_arena_alloc(a, wl->n * sizeof(int32_t));
    if (!lx->next_first || !lx->next_last)
        return -1;
    /* Insert shortest first so that each chain starts with the longest. */
    for (size_t i = wl->n; i-- > 0;) {
        gy_word *w = &wl->w[i];
        size_t flen, llen;
        uint32_t cf = gy_utf8_at(w->s, 0, w->len, &flen), cl = gy_utf8_before(w->s, 0, w->len, &llen);
        w->first = cf;
        w->last = cl;
        w->first_len = (uint8_t)flen;
        w->last_len = (uint8_t)llen;
        if (flen != w->len)
            lx->one_char = 0;
        set_bloom(lx->first_bloom, cf);
        set_bloom(lx->last_bloom, cl);
        if (cf >= 0x800 && cf < 0x10000)
            lx->first_blocks[(cf >> 6) >> 6 & 15] |= UINT64_C(1) << ((cf >> 6) & 63);
        if (cl >= 0x800 && cl < 0x10000)
            lx->last_blocks[(cl >> 6) >> 6 & 15] |= UINT64_C(1) << ((cl >> 6) & 63);
        size_t bf = bucket(cf), bl = bucket(cl);
        if (flen == w->len) {
            set_bloom(lx->single_bloom, cf);
            set_bloom(lx->single_last_bloom, cl);
            w->second = 0;
        } else {
            size_t plen;
            size_t hl = gy_pair_bit(gy_utf8_before(w->s, 0, w->len - llen, &plen), cl) & 4095;
            lx->pair_last_bloom[hl >> 6] |= UINT64_C(1) << (hl & 63);
            w->second = gy_utf8_at(w->s, flen, w->len, &llen);
            size_t h = gy_pair_bit(cf, w->second);
            lx->pair_bloom[(h & 4095) >> 6] |= UINT64_C(1) << (h & 63);
            bf = h & (GY_LEX_BUCKETS - 1);
        }
        lx->next_first[i] = lx->by_first[bf];
        lx->by_first[bf] = (int32_t)i;
        lx->next_last[i] = lx->by_last[bl];
        lx->by_last[bl] = (int32_t)i;
        if (w->len > lx->max_len)
            lx->max_len = w->len;
    }
    find_anchor(lx);
    find_leads(lx);
    return one_char_set(a, lx);
}

int gy_lex_at(const gy_lexicon *lx, const char *s, size_t pos, size_t end)
{
    if (!lx->n || pos >= end)
        return -1;
    const unsigned char *u = (const unsigned char *)s + pos;
    if ((u[0] & 0xF0) == 0xE0 && end - pos >= 3) {
        unsigned block = (u[0] & 0x0Fu) << 6 | (u[1] & 0x3Fu);
        if (!(lx->first_blocks[block >> 6] >> (block & 63) & 1))
            return -1;
    }
    size_t len;
    uint32_t cp = gy_utf8_at_valid(s, pos, end, &len);
    if (!gy_lex_may_start(lx, cp))
        return -1;
    /* the words of two characters or more that start with these two,
     * then those of one (all shorter) */
    if (pos + len < end) {
        size_t len2;
        uint32_t cp2 = gy_utf8_at_valid(s, pos + len, end, &len2);
        size_t h = gy_pair_bit(cp, cp2);
        if (lx->pair_bloom[(h & 4095) >> 6] >> (h & 63) & 1)
            for (int32_t i = lx->by_first[h & (GY_LEX_BUCKETS - 1)]; i >= 0; i = lx->next_first[i]) {
                const gy_word *w = &lx->words[i];
                if (w->first == cp && w->second == cp2 && w->len <= end - pos &&
                    same_bytes(s + pos + len + len2, w->s + len + len2, w->len - len - len2))
                    return i;
            }
    }
    size_t h = gy_bloom_bit(cp) & 4095;
    if (!(lx->single_bloom[h >> 6] >> (h & 63) & 1))
        return -1;
    for (int32_t i = lx->by_first[bucket(cp)]; i >= 0; i = lx->next_first[i]) {
        const gy_word *w = &lx->words[i];
        if (w->first == cp && !w->second)
            return i;
    }
    return -1;
}

/* The longest word ending at s[pos] whose last code point cp (len bytes)
 * is already decoded. */
static int ending_with(const gy_lexicon *lx, const char *s, size_t start, size_t pos,
                       uint32_t cp, size_t len)
{
    for (int32_t i = lx->by_last[bucket(cp)]; i >= 0; i = lx->next_last[i]) {
        const gy_word *w = &lx->words[i];
        if (w->last == cp && w->len <= pos - start &&
            same_bytes(s + pos - w->len, w->s, w->len - len))
            return i;
    }
    return -1;
}

/* May a word end with code point cp at s[pos] (cp's first byte at b)?
 * A word of one character must be cp; a longer one must end with the
 * character before b and cp. */
static int may_end_at(const gy_lexicon *lx, const char *s, size_t start, size_t b, uint32_t cp)
{
    size_t h = gy_bloom_bit(cp) & 4095, len;
    if (lx->single_last_bloom[h >> 6] >> (h & 63) & 1)
        return 1;
    if (b <= start)
        return 0;
    h = gy_pair_bit(gy_utf8_before_valid(s, start, b, &len), cp) & 4095;
    return (int)(lx->pair_last_bloom[h >> 6] >> (h & 63) & 1);
}

int gy_lex_ending_at(const gy_lexicon *lx, const char *s, size_t start, size_t pos)
{
    if (!lx->n || pos <= start)
        return -1;
    const unsigned char *u = (const unsigned char *)s;
    if (pos - start >= 3 && (u[pos - 3] & 0xF0) == 0xE0) {
        unsigned block = (u[pos - 3] & 0x0Fu) << 6 | (u[pos - 2] & 0x3Fu);
        if (!(lx->last_blocks[block >> 6] >> (block & 63) & 1))
            return -1;
    }
    size_t len;
    uint32_t cp = gy_utf8_before_valid(s, start, pos, &len);
    if (!gy_lex_may_end(lx, cp) || !may_end_at(lx, s, start, pos - len, cp))
        return -1;
    return ending_with(lx, s, start, pos, cp, len);
}

int gy_lex_last_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                   size_t *where)
{
    if (!lx->n)
        return -1;
    const unsigned char *u = (const unsigned char *)s;
    size_t pos = end;
    while (pos > start) {
        size_t b, len;
        uint32_t cp;
        if (pos - start >= 3 && (u[pos - 3] & 0xF0) == 0xE0) {
            /* an ideograph (valid text: its lead three bytes back), passed
             * over by its first two bytes when no word ends in its block */
            b = pos - 3;
            unsigned block = (u[b] & 0x0Fu) << 6 | (u[b + 1] & 0x3Fu);
            if (!(lx->last_blocks[block >> 6] >> (block & 63) & 1)) {
                pos = b;
                continue;
            }
            cp = (uint32_t)(u[b] & 0x0F) << 12 | (uint32_t)(u[b + 1] & 0x3F) << 6 |
                 (u[b + 2] & 0x3Fu);
        } else {
            b = gy_utf8_back(s, start, pos);
            cp = gy_utf8_at_valid(s, b, pos, &len);
        }
        if (gy_lex_may_end(lx, cp) && may_end_at(lx, s, start, b, cp)) {
            int i = ending_with(lx, s, start, pos, cp, pos - b);
            if (i >= 0) {
                if (where)
                    *where = pos - lx->words[i].len;
                return i;
            }
        }
        pos = b;
    }
    return -1;
}

/* The first word starting in s[start..end): where every word holds the
 * anchor character, only the places just before each of its occurrences
 * (found by find_char) are tried; the earliest start there is the first
 * word, as a word starting earlier would hold an earlier anchor. */
static int first_by_anchor(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                           size_t *where)
{
    size_t pos = start;
    while (pos < end) {
        const char *hit = gy_find_char(s + pos, end - pos, lx->anchor, lx->anchor_len);
        if (!hit)
            return -1;
        size_t at = (size_t)(hit - s), from = at - start > lx->max_len ? at - lx->max_len : start;
        while (from < at && ((unsigned char)s[from] & 0xC0) == 0x80)
            from++;
        for (size_t k = from, len; k <= at; k += len) {
            gy_utf8_at_valid(s, k, end, &len);
            int i = gy_lex_at(lx, s, k, end);
            if (i >= 0 && k + lx->words[i].len > at) {
                if (where)
                    *where = k;
                return i;
            }
        }
        pos = at + lx->anchor_len;
    }
    return -1;
}

int gy_lex_first_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                    size_t *where)
{
    if (!lx->n)
        return -1;
    if (lx->anchor_len)
        return first_by_anchor(lx, s, start, end, where);
    if (lx->chars)
        return first_char_in(lx, s, start, end, where);
#if defined(__SSE2__)
    if (lx->nleads) {
        size_t at = 0;
        start = first_lead_in(lx, s, start, end, &at);
        if (start == SIZE_MAX) {
            if (where)
                *where = at;
            return gy_lex_at(lx, s, at, end);
        }
    }
#endif
    const unsigned char *u = (const unsigned char *)s;
    size_t pos = start;
    while (pos < end) {
        size_t len = 1;
        uint32_t cp = u[pos];
        if (cp >= 0x80) {
            if ((cp & 0xF0) == 0xE0 && end - pos >= 3) {
                /* an ideograph, passed over by its first two bytes when no
                 * word starts in its block of 64, else decoded in place */
                unsigned block = (cp & 0x0Fu) << 6 | (u[pos + 1] & 0x3Fu);
                if (!(lx->first_blocks[block >> 6] >> (block & 63) & 1)) {
                    pos += 3;
                    continue;
                }
                cp = (cp & 0x0F) << 12 | (uint32_t)(u[pos + 1] & 0x3F) << 6 | (u[pos + 2] & 0x3Fu);
                len = 3;
            } else {
                cp = gy_utf8_at_valid(s, pos, end, &len);
            }
        }
        if (gy_lex_may_start(lx, cp)) {
            int i = gy_lex_at(lx, s, pos, end);
            if (i >= 0) {
                if (where)
                    *where = pos;
                return i;
            }
        }
        pos += len;
    }
    return -1;
}

int gy_lex_last_cue(const gy_lexicon *lx, const char *s, size_t start, size_t end)
{
    size_t where;
    int w = gy_lex_last_in(lx, s, start, end, &where);
    while (w >= 0 && lx->words[w].tag == GY_CUE_NEUTRAL) {
        end = where;
        w = gy_lex_last_in(lx, s, start, end, &where);
    }
    return w >= 0 ? lx->words[w].tag : 0;
}
