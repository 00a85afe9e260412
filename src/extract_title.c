/* Title, occasion (date and meeting) and speaker, from the head of the
 * document: the lines before the salutation (同志们：) or the first section. */
#include <string.h>

#include "doc.h"
#include "utf8.h"

typedef struct head_line {
    size_t index;          /* line index */
    const char *s;         /* text the patterns see (maybe collapsed) */
    size_t len;
} head_line;

/* "政 府 工 作 报 告" -> "政府工作报告": single characters separated by
 * spaces.  Returns an arena copy, or NULL when the line is not like that. */
static const char *collapse_spaced(gy_doc *d, const char *s, size_t len, size_t *outlen)
{
    size_t i = 0, chars = 0, gaps = 0;
    int want_char = 1;
    while (i < len) {
        size_t k;
        uint32_t cp = gy_utf8_decode((const unsigned char *)s + i, len - i, &k);
        if (gy_is_space(cp)) {
            if (want_char)
                return NULL; /* two spaces in a row are fine only after a char */
            while (i < len) {
                cp = gy_utf8_decode((const unsigned char *)s + i, len - i, &k);
                if (!gy_is_space(cp))
                    break;
                i += k;
            }
            gaps++;
            want_char = 1;
            continue;
        }
        if (!want_char || gy_char_class(cp) != GY_TOK_HAN)
            return NULL;
        chars++;
        want_char = 0;
        i += k;
    }
    if (chars < 3 || gaps + 1 != chars)
        return NULL;
    char *out = gy_arena_alloc(&d->arena, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (i = 0; i < len;) {
        size_t k;
        uint32_t cp = gy_utf8_decode((const unsigned char *)s + i, len - i, &k);
        if (!gy_is_space(cp)) {
            memcpy(out + o, s + i, k);
            o += k;
        }
        i += k;
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

static int is_sentence(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = gy_utf8_decode((const unsigned char *)s + i, len - i, &k);
        if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B)
            return 1;
        i += k;
    }
    return 0;
}

/* Copy of group g of the last match, trimmed of spaces; NULL when empty. */
static const char *group_text(gy_doc *d, pcre2_match_data *md, int g, const char *s)
{
    size_t a, b;
    if (!gy_rx_group(md, g, &a, &b))
        return NULL;
    while (a < b) {
        size_t k;
        if (!gy_is_space(gy_utf8_decode((const unsigned char *)s + a, b - a, &k)))
            break;
        a += k;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        size_t n;
        if (!gy_is_space(gy_utf8_decode((const unsigned char *)s + k, b - k, &n)))
            break;
        b = k;
    }
    return b > a ? gy_arena_strndup(&d->arena, s + a, b - a) : NULL;
}

static int starts_section(const gy_rules *r, const char *s, size_t len, pcre2_match_data *md)
{
    for (size_t k = 0; k < r->nmarkers; k++)
        if (gy_rx_match(r, &r->markers[k].rx, s, len, 0, md))
            return 1;
    return 0;
}

/* Collects the head lines into h[]; returns how many. */
static size_t head_lines(gy_doc *d, const gy_rules *r, pcre2_match_data *md, head_line *h,
                         size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < d->text.nlines && n < max; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        const char *s = d->s + d->content[i].start;
        size_t len = d->content[i].end - d->content[i].start;
        if (gy_rx_match(r, &r->salutation, s, len, 0, md) || starts_section(r, s, len, md))
            break;
        if (gy_utf8_count(s, len) > 3 * r->title_max_chars)
            break; /* a paragraph of the body */
        size_t clen;
        const char *c = collapse_spaced(d, s, len, &clen);
        h[n].index = i;
        h[n].s = c ? c : s;
        h[n].len = c ? clen : len;
        n++;
    }
    return n;
}

static const char *join(gy_doc *d, const char *a, const char *b, size_t blen)
{
    size_t alen = strlen(a);
    char *out = gy_arena_alloc(&d->arena, alen + blen + 1);
    if (out) {
        memcpy(out, a, alen);
        memcpy(out + alen, b, blen);
        out[alen + blen] = '\0';
    }
    return out;
}

int gy_extract_title(gy_doc *d, const gy_rules *r, pcre2_match_data *md)
{
    head_line h[64];
    size_t n = head_lines(d, r, md, h, r->head_lines < 64 ? r->head_lines : 64);
    size_t fallback = SIZE_MAX;
    for (size_t k = 0; k < n; k++) {
        const char *s = h[k].s;
        size_t len = h[k].len;
        int used = 0;
        if (!d->title) {
            for (size_t p = 0; p < r->ntitle_lines && !used; p++) {
                const gy_rx *rx = &r->title_lines[p];
                if (!gy_rx_match(r, rx, s, len, 0, md))
                    continue;
                const char *t = group_text(d, md, rx->g_title, s);
                if (!t)
                    continue;
                d->title = t;
                d->title_line = h[k].index + 1;
                if (!d->occasion)
                    d->occasion = group_text(d, md, rx->g_occasion, s);
                if (!d->speaker)
                    d->speaker = group_text(d, md, rx->g_speaker, s);
                used = 1;
            }
        }
        if (!used && !d->occasion && gy_rx_match(r, &r->occasion, s, len, 0, md)) {
            d->occasion = gy_arena_strndup(&d->arena, s, len);
            used = 1;
            /* an occasion broken over two lines */
            if (k + 1 < n && r->occasion_continued.code &&
                gy_rx_match(r, &r->occasion_continued, h[k + 1].s, h[k + 1].len, 0, md)) {
                d->occasion = join(d, d->occasion, h[k + 1].s, h[k + 1].len);
                d->flags[h[k + 1].index] |= GY_LINE_HEAD;
                k++;
            }
        }
        if (!used && !d->speaker && gy_rx_match(r, &r->speaker, s, len, 0, md)) {
            d->speaker = group_text(d, md, r->speaker.g_speaker, s);
            used = 1;
        }
        if (used) {
            d->flags[h[k].index] |= GY_LINE_HEAD;
        } else if (fallback == SIZE_MAX && !d->title) {
            size_t chars = gy_utf8_count(s, len);
            if (chars >= r->title_min_chars && chars <= r->title_max_chars &&
                !is_sentence(s, len))
                fallback = k;
        }
    }
    if (!d->title && fallback != SIZE_MAX) {
        d->title = gy_arena_strndup(&d->arena, h[fallback].s, h[fallback].len);
        d->title_line = h[fallback].index + 1;
        d->flags[h[fallback].index] |= GY_LINE_HEAD;
    }
    return 0;
}
