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
    b = gy_utf8_trim_end(s, a, b);
    return b > a ? gy_arena_strndup(&d->arena, s + a, b - a) : NULL;
}

static int starts_section(const gy_rules *r, const char *s, size_t len, pcre2_match_data *md)
{
    for (size_t k = 0; k < r->nmarkers; k++)
        if (gy_rx_match(r, &r->markers[k].rx, s, len, 0, md))
            return 1;
    return 0;
}

static int is_separator(uint32_t cp) { return cp == 0x2028 || cp == 0x2029; }

/* Adds the parts of s[0..len) split at U+2028 and U+2029 to h[]. */
static size_t add_parts(gy_doc *d, size_t index, const char *s, size_t len, head_line *h,
                        size_t n, size_t max)
{
    size_t i = 0;
    while (i <= len && n < max) {
        size_t j = i, k;
        while (j < len && !is_separator(gy_utf8_decode((const unsigned char *)s + j, len - j, &k)))
            j += k;
        size_t a = i, b = j;
        while (a < b && gy_is_space(gy_utf8_decode((const unsigned char *)s + a, b - a, &k)))
            a += k;
        b = gy_utf8_trim_end(s, a, b);
        if (b > a) {
            size_t clen;
            const char *c = collapse_spaced(d, s + a, b - a, &clen);
            h[n].index = index;
            h[n].s = c ? c : s + a;
            h[n].len = c ? clen : b - a;
            n++;
        }
        if (j >= len)
            break;
        gy_utf8_decode((const unsigned char *)s + j, len - j, &k);
        i = j + k;
    }
    return n;
}

/* Collects the head lines (or their parts) into h[]; returns how many. */
static size_t head_lines(gy_doc *d, const gy_rules *r, pcre2_match_data *md, head_line *h,
                         size_t max)
{
    size_t n = 0, lines = 0;
    for (size_t i = 0; i < d->text.nlines && n < max && lines < r->head_lines; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        const char *s = d->s + d->content[i].start;
        size_t len = d->content[i].end - d->content[i].start;
        if (gy_rx_match(r, &r->salutation, s, len, 0, md) || starts_section(r, s, len, md))
            break;
        if (gy_utf8_count(s, len) > 3 * r->title_max_chars)
            break; /* a paragraph of the body */
        n = add_parts(d, i, s, len, h, n, max);
        lines++;
    }
    return n;
}

static const char *join(gy_doc *d, const char *a, const char *sep, const char *b, size_t blen)
{
    size_t alen = strlen(a), slen = strlen(sep);
    char *out = gy_arena_alloc(&d->arena, alen + slen + blen + 1);
    if (out) {
        memcpy(out, a, alen);
        memcpy(out + alen, sep, slen);
        memcpy(out + alen + slen, b, blen);
        out[alen + slen + blen] = '\0';
    }
    return out;
}

/* Removes markup residue (<U+00A0>, tags) from a head string and folds
 * runs of spaces into one. */
static const char *clean(gy_doc *d, const gy_rules *r, pcre2_match_data *md, const char *s)
{
    if (!s || !strchr(s, '<'))
        return s;
    size_t len = strlen(s), o = 0;
    char *out = gy_arena_alloc(&d->arena, len + 1);
    if (!out)
        return s;
    for (size_t i = 0; i < len;) {
        size_t ms, me;
        int cut = 0;
        for (size_t k = 0; s[i] == '<' && k < r->nskip && !cut; k++)
            if (gy_rx_match(r, &r->skip[k], s, len, i, md) && gy_rx_group(md, 0, &ms, &me) &&
                me > i) {
                i = me;
                cut = 1;
            }
        if (cut) {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
            continue;
        }
        if (s[i] == ' ' && o && out[o - 1] == ' ') {
            i++;
            continue;
        }
        out[o++] = s[i++];
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

enum last { LAST_NONE, LAST_TITLE, LAST_OCCASION, LAST_SPEAKER, LAST_OTHER };

static int try_title(gy_doc *d, const gy_rules *r, pcre2_match_data *md, const head_line *h)
{
    for (size_t p = 0; p < r->ntitle_lines; p++) {
        const gy_rx *rx = &r->title_lines[p];
        if (!gy_rx_match(r, rx, h->s, h->len, 0, md))
            continue;
        const char *t = group_text(d, md, rx->g_title, h->s);
        if (!t)
            continue;
        d->title = t;
        d->title_line = h->index + 1;
        if (!d->occasion)
            d->occasion = group_text(d, md, rx->g_occasion, h->s);
        if (!d->speaker)
            d->speaker = group_text(d, md, rx->g_speaker, h->s);
        return 1;
    }
    return 0;
}

int gy_extract_title(gy_doc *d, const gy_rules *r, pcre2_match_data *md)
{
    head_line h[64];
    size_t n = head_lines(d, r, md, h, 64);
    size_t fallback[2], nfb = 0;
    enum last last = LAST_NONE;
    for (size_t k = 0; k < n; k++) {
        const char *s = h[k].s;
        size_t len = h[k].len;
        enum last now = LAST_OTHER;
        if (!d->title && try_title(d, r, md, &h[k])) {
            now = LAST_TITLE;
        } else if (gy_rx_match(r, &r->occasion, s, len, 0, md)) {
            if (!d->occasion)
                d->occasion = gy_arena_strndup(&d->arena, s, len);
            else if (last == LAST_OCCASION)
                d->occasion = join(d, d->occasion, " ", s, len);
            else
                continue;
            now = LAST_OCCASION;
            /* an occasion broken over two lines */
            if (k + 1 < n && r->occasion_continued.code &&
                gy_rx_match(r, &r->occasion_continued, h[k + 1].s, h[k + 1].len, 0, md)) {
                d->occasion = join(d, d->occasion, "", h[k + 1].s, h[k + 1].len);
                d->flags[h[k + 1].index] |= GY_LINE_HEAD;
                k++;
            }
        } else if (!d->speaker && gy_rx_match(r, &r->speaker, s, len, 0, md)) {
            d->speaker = group_text(d, md, r->speaker.g_speaker, s);
            now = LAST_SPEAKER;
        } else if (!d->speaker && r->speaker_name.code &&
                   (last == LAST_TITLE || last == LAST_OCCASION || (last == LAST_OTHER && nfb)) &&
                   gy_rx_match(r, &r->speaker_name, s, len, 0, md)) {
            d->speaker = gy_arena_strndup(&d->arena, s, len);
            now = LAST_SPEAKER;
        }
        if (now != LAST_OTHER) {
            d->flags[h[k].index] |= GY_LINE_HEAD;
        } else if (!d->title && !d->occasion && nfb < 2 &&
                   (nfb == 0 || fallback[nfb - 1] + 1 == k)) {
            size_t chars = gy_utf8_count(s, len);
            if (chars >= r->title_min_chars && chars <= r->title_max_chars && !is_sentence(s, len))
                fallback[nfb++] = k;
        }
        last = now;
    }
    if (!d->title && nfb) {
        d->title = gy_arena_strndup(&d->arena, h[fallback[0]].s, h[fallback[0]].len);
        for (size_t k = 1; k < nfb && d->title; k++)
            d->title = join(d, d->title, " ", h[fallback[k]].s, h[fallback[k]].len);
        d->title_line = h[fallback[0]].index + 1;
        for (size_t k = 0; k < nfb; k++)
            d->flags[h[fallback[k]].index] |= GY_LINE_HEAD;
    }
    d->title = clean(d, r, md, d->title);
    d->occasion = clean(d, r, md, d->occasion);
    d->speaker = clean(d, r, md, d->speaker);
    return 0;
}
