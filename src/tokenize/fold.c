/* Folding traditional characters for matching: OpenCC (libopencc, the
 * profile the rules name) is given every distinct character of the text,
 * each on a line of its own, so that it converts characters, never
 * phrases (a phrase may change the length of the text); a character whose
 * simplified form has the same length in UTF-8 is replaced in a copy of
 * the text, so offsets stay the same. */
#include <opencc.h>
#include <pthread.h>
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
    size_t end = n < r->sample_bytes ? n : r->sample_bytes, found[3] = {0, 0, 0}, at;
    /* a simplified text shows its own markers in its first sentence: the
     * sample is read only until one script has shown enough */
    for (size_t from = 0; from < end;) {
        int w = gy_lex_first_in(&r->markers, s, from, end, &at);
        if (w < 0)
            break;
        int tag = r->markers.words[w].tag;
        if (++found[tag] >= r->min_markers)
            return tag == GY_SCRIPT_TRADITIONAL;
        from = at + r->markers.words[w].len;
    }
    return 0;
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

/* What the rules' folding has learnt (gy_script_cache.state): OpenCC's
 * converter, opened on the first text that needs it, and for each code
 * point of the basic plane whether it was asked about and its simplified
 * form (three bytes, or zero when it stays). */
typedef struct fold_state {
    opencc_t cc;                      /* (opencc_t)-1: the profile would not open */
    uint8_t asked[0x10000 / 8];
    char map[0x10000][3];
} fold_state;

static void free_state(void *p)
{
    fold_state *st = p;
    if (st->cc != (opencc_t)-1)
        opencc_close(st->cc);
    free(st);
}

static fold_state *state_of(const gy_script_rules *r)
{
    gy_script_cache *c = r->cache;
    if (!c->state) {
        fold_state *st = calloc(1, sizeof *st);
        if (!st)
            return NULL;
        st->cc = opencc_open(r->opencc);
        c->state = st;
        c->free_state = free_state;
    }
    return c->state;
}

/* Asks OpenCC for the simplified form of each character of s not asked
 * about before, each on a line of its own (a line of the output is that
 * character's form).  Returns 0, or -1 when out of memory. */
static int learn_characters(fold_state *st, const char *s, size_t n)
{
    char *list = malloc(n / 3 * 4 + 4);
    if (!list)
        return -1;
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        if (!is_cjk3(s, i, n)) {
            i++;
            continue;
        }
        uint32_t cp = cp3(s + i);
        if (!(st->asked[cp >> 3] >> (cp & 7) & 1)) {
            st->asked[cp >> 3] |= (uint8_t)(1u << (cp & 7));
            memcpy(list + len, s + i, 3);
            list[len + 3] = '\n';
            len += 4;
        }
        i += 3;
    }
    char *out = st->cc != (opencc_t)-1 && len ? opencc_convert_utf8(st->cc, list, len) : NULL;
    for (size_t i = 0, o = 0; out && i < len; i += 4) {
        size_t e = o;
        while (out[e] && out[e] != '\n')
            e++;
        if (e - o == 3 && memcmp(out + o, list + i, 3) != 0 && is_cjk3(out, o, e + 1))
            memcpy(st->map[cp3(list + i)], out + o, 3);
        o = out[e] ? e + 1 : e;
    }
    if (out)
        opencc_convert_utf8_free(out);
    free(list);
    return 0;
}

/* f[0..n), a copy of s, with each character replaced by its form in st. */
static int fold_copy(const fold_state *st, const char *s, size_t n, char *f)
{
    int changed = 0;
    memcpy(f, s, n);
    f[n] = '\0';
    for (size_t i = 0; i < n;) {
        if (!is_cjk3(s, i, n)) {
            i++;
            continue;
        }
        const char *m = st->map[cp3(s + i)];
        if (m[0]) {
            memcpy(f + i, m, 3);
            changed = 1;
        }
        i += 3;
    }
    return changed;
}

int gy_fold(const gy_script_rules *r, gy_arena *a, const char *s, size_t n, char **out)
{
    *out = NULL;
    char *f = gy_arena_alloc(a, n + 1);
    if (!f)
        return -1;
    /* one thread at a time learns and reads the table: what a text adds
     * must not move under another's copy */
    pthread_mutex_lock(&r->cache->lock);
    fold_state *st = state_of(r);
    int rc = st && learn_characters(st, s, n) == 0 ? 0 : -1;
    int changed = rc == 0 && fold_copy(st, s, n, f);
    pthread_mutex_unlock(&r->cache->lock);
    *out = changed ? f : NULL;
    return rc;
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
