/* Folding traditional characters for matching: OpenCC (libopencc, the
 * profile the rules name) is given every distinct character of the text,
 * each on a line of its own, so that it converts characters, never
 * phrases (a phrase may change the length of the text); a character whose
 * simplified form has the same length in UTF-8 is replaced in a copy of
 * the text, so offsets stay the same. */
#include <opencc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "utf8.h"

#ifndef GY_OPENCC_VERSION
#define GY_OPENCC_VERSION "unknown"
#endif

const char *gy_opencc_version(void) { return GY_OPENCC_VERSION; }

int gy_fold_wanted(const gy_script_rules *r, const char *s, size_t n)
{
    size_t end = n < r->sample_bytes ? n : r->sample_bytes, found = 0, at;
    for (size_t from = 0; from < end && found < r->min_markers;) {
        int w = gy_lex_first_in(&r->traditional_markers, s, from, end, &at);
        if (w < 0)
            break;
        found++;
        from = at + r->traditional_markers.words[w].len;
    }
    return found >= r->min_markers;
}

/* A three-byte character (all of CJK) as a number, from its bytes. */
static uint32_t cp3(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3Fu);
}

static int is_cjk3(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    return c >= 0xE3 && c <= 0xEF && i + 2 < n;
}

/* The simplified form of each distinct character of s (three bytes each),
 * by its code point: map[cp] holds the three bytes, or is zero. */
static int character_map(const char *profile, const char *s, size_t n, char (*map)[3])
{
    uint8_t *seen = calloc(0x10000 / 8, 1);
    char *list = malloc(n / 3 * 4 + 4);
    size_t len = 0;
    int rc = seen && list ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n;) {
        if (!is_cjk3(s, i, n)) {
            i++;
            continue;
        }
        uint32_t cp = cp3(s + i);
        if (!(seen[cp >> 3] >> (cp & 7) & 1)) {
            seen[cp >> 3] |= (uint8_t)(1u << (cp & 7));
            memcpy(list + len, s + i, 3);
            list[len + 3] = '\n';
            len += 4;
        }
        i += 3;
    }
    opencc_t cc = rc == 0 && len ? opencc_open(profile) : (opencc_t)-1;
    char *out = cc != (opencc_t)-1 ? opencc_convert_utf8(cc, list, len) : NULL;
    /* line k of the output is the k-th character's form */
    for (size_t i = 0, o = 0; out && i < len; i += 4) {
        size_t e = o;
        while (out[e] && out[e] != '\n')
            e++;
        if (e - o == 3 && memcmp(out + o, list + i, 3) != 0 && is_cjk3(out, o, e + 1))
            memcpy(map[cp3(list + i)], out + o, 3);
        o = out[e] ? e + 1 : e;
    }
    if (out)
        opencc_convert_utf8_free(out);
    if (cc != (opencc_t)-1)
        opencc_close(cc);
    free(seen);
    free(list);
    return rc;
}

int gy_fold(const gy_script_rules *r, gy_arena *a, const char *s, size_t n, char **out)
{
    *out = NULL;
    char (*map)[3] = calloc(0x10000, 3);
    char *f = map ? gy_arena_alloc(a, n + 1) : NULL;
    if (!f || character_map(r->opencc, s, n, map) != 0) {
        free(map);
        return -1;
    }
    memcpy(f, s, n);
    f[n] = '\0';
    int changed = 0;
    for (size_t i = 0; i < n;) {
        if (!is_cjk3(s, i, n)) {
            i++;
            continue;
        }
        const char *m = map[cp3(s + i)];
        if (m[0]) {
            memcpy(f + i, m, 3);
            changed = 1;
        }
        i += 3;
    }
    free(map);
    *out = changed ? f : NULL;
    return 0;
}

const char *gy_unfold(gy_arena *a, const char *s, const char *folded, const char *stored,
                      size_t from, size_t to)
{
    size_t n = strlen(s), at = from;
    char *u = NULL;
    for (size_t i = 0, len; i < n; i += len) {
        gy_utf8_decode((const unsigned char *)s + i, n - i, &len);
        if (len != 3)
            continue;
        /* the character's next place in the window, from where the last one stood */
        size_t k = at;
        while (k + 3 <= to && memcmp(folded + k, s + i, 3) != 0)
            k++;
        if (k + 3 > to)
            continue;
        at = k + 3;
        if (memcmp(stored + k, s + i, 3) == 0)
            continue;
        if (!u && !(u = gy_arena_strndup(a, s, n)))
            return NULL;
        memcpy(u + i, stored + k, 3);
    }
    return u ? u : s;
}
