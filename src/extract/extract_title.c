/* Title, occasion (date and meeting) and speaker, from the head of the
 * document: the lines before the salutation (同志们：) or the first section. */
#include <string.h>

#include "extract.h"
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

static int is_sentence(const gy_punct *p, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t k;
        if (gy_punct_at(p, s, i, len, &k) & (GY_P_STOP | GY_P_SEMI))
            return 1;
        i += k;
    }
    return 0;
}

/* Copy of group g of the last match, trimmed of spaces; NULL when empty. */
static const char *group_text(gy_run *x, int g, const char *s)
{
    gy_doc *d = x->d;
    size_t a, b;
    if (!gy_group(x, g, &a, &b))
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

static int starts_section(gy_run *x, const char *s, size_t len)
{
    const gy_section_rules *r = &x->r->sections;
    for (size_t k = 0; k < r->nmarkers; k++)
        if (gy_match(x, &r->markers[k].rx, s, len, 0))
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
static size_t head_lines(gy_run *x, head_line *h, size_t max)
{
    gy_doc *d = x->d;
    const gy_title_rules *r = &x->r->title;
    size_t n = 0, lines = 0;
    for (size_t i = 0; i < d->text.nlines && n < max && lines < r->head_lines; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        const char *s = d->s + d->content[i].start;
        size_t len = d->content[i].end - d->content[i].start;
        if (gy_match(x, &r->salutation, s, len, 0) || starts_section(x, s, len))
            break;
        if (gy_utf8_count(s, len) > r->body_chars)
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
static const char *clean(gy_run *x, const char *s)
{
    gy_doc *d = x->d;
    const gy_markup_rules *r = &x->r->markup;
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
            if (gy_match(x, &r->skip[k], s, len, i) && gy_group(x, 0, &ms, &me) &&
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

static int try_title(gy_run *x, const head_line *h)
{
    gy_doc *d = x->d;
    const gy_title_rules *r = &x->r->title;
    for (size_t p = 0; p < r->nlines; p++) {
        const gy_rx *rx = &r->lines[p];
        if (!gy_match(x, rx, h->s, h->len, 0))
            continue;
        const char *t = group_text(x, rx->g_title, h->s);
        if (!t)
            continue;
        d->title = t;
        d->title_line = h->index + 1;
        if (!d->occasion)
            d->occasion = group_text(x, rx->g_occasion, h->s);
        if (!d->speaker)
            d->speaker = group_text(x, rx->g_speaker, h->s);
        return 1;
    }
    return 0;
}

typedef struct head {
    gy_run *x;
    head_line h[64];
    size_t n;
    size_t fallback[2], nfb; /* head lines that may make up the title */
    enum last last;
} head;

/* An occasion line (——2024年3月5日在…上): the first, or one that goes on
 * the one before; one broken over two lines takes the next.  Returns
 * LAST_OCCASION, or LAST_NONE for a second occasion to pass over. */
static enum last take_occasion(head *hd, size_t *k)
{
    gy_doc *d = hd->x->d;
    const gy_title_rules *r = &hd->x->r->title;
    const head_line *h = &hd->h[*k];
    if (!d->occasion)
        d->occasion = gy_arena_strndup(&d->arena, h->s, h->len);
    else if (hd->last == LAST_OCCASION)
        d->occasion = join(d, d->occasion, " ", h->s, h->len);
    else
        return LAST_NONE;
    const head_line *next = *k + 1 < hd->n ? &hd->h[*k + 1] : NULL;
    if (next && r->occasion_continued.code &&
        gy_match(hd->x, &r->occasion_continued, next->s, next->len, 0)) {
        d->occasion = join(d, d->occasion, "", next->s, next->len);
        d->flags[next->index] |= GY_LINE_HEAD;
        (*k)++;
    }
    return LAST_OCCASION;
}

/* A byline with the date, the meeting and the speaker (2025年1月20日在…
 * 会议上安徽省人民政府省长 王清宪作政府工作报告): the occasion and the
 * speaker it names. */
static int take_byline(gy_run *x, const head_line *h)
{
    gy_doc *d = x->d;
    const gy_title_rules *r = &x->r->title;
    for (size_t p = 0; p < r->nbylines; p++) {
        const gy_rx *rx = &r->bylines[p];
        if (!gy_match(x, rx, h->s, h->len, 0))
            continue;
        const char *occasion = group_text(x, rx->g_occasion, h->s);
        if (!occasion)
            continue;
        d->occasion = occasion;
        if (!d->speaker)
            d->speaker = group_text(x, rx->g_speaker, h->s);
        return 1;
    }
    return 0;
}

/* What head line k holds; LAST_NONE when it is to be passed over. */
static enum last classify(head *hd, size_t *k)
{
    gy_run *x = hd->x;
    gy_doc *d = x->d;
    const gy_title_rules *r = &x->r->title;
    const head_line *h = &hd->h[*k];
    if (!d->title && try_title(x, h))
        return LAST_TITLE;
    if (!d->occasion && take_byline(x, h))
        return LAST_OCCASION;
    if (gy_match(x, &r->occasion, h->s, h->len, 0))
        return take_occasion(hd, k);
    if (!d->speaker && gy_match(x, &r->speaker, h->s, h->len, 0)) {
        d->speaker = group_text(x, r->speaker.g_speaker, h->s);
        return LAST_SPEAKER;
    }
    int after_title = hd->last == LAST_TITLE || hd->last == LAST_OCCASION ||
                      (hd->last == LAST_OTHER && hd->nfb);
    if (!d->speaker && r->name.code && after_title && gy_match(x, &r->name, h->s, h->len, 0)) {
        d->speaker = gy_arena_strndup(&d->arena, h->s, h->len);
        return LAST_SPEAKER;
    }
    return LAST_OTHER;
}

/* A line that names nothing may be (part of) the title when no pattern
 * finds one: up to two lines in a row, before any occasion. */
static void maybe_fallback(head *hd, size_t k)
{
    const gy_doc *d = hd->x->d;
    const gy_title_rules *r = &hd->x->r->title;
    if (d->title || d->occasion || hd->nfb >= 2 ||
        (hd->nfb && hd->fallback[hd->nfb - 1] + 1 != k))
        return;
    const head_line *h = &hd->h[k];
    size_t chars = gy_utf8_count(h->s, h->len);
    if (chars >= r->min_chars && chars <= r->max_chars &&
        !is_sentence(&hd->x->r->punct, h->s, h->len))
        hd->fallback[hd->nfb++] = k;
}

static void take_fallback(head *hd)
{
    gy_doc *d = hd->x->d;
    if (d->title || !hd->nfb)
        return;
    const head_line *first = &hd->h[hd->fallback[0]];
    d->title = gy_arena_strndup(&d->arena, first->s, first->len);
    for (size_t k = 1; k < hd->nfb && d->title; k++)
        d->title = join(d, d->title, " ", hd->h[hd->fallback[k]].s, hd->h[hd->fallback[k]].len);
    d->title_line = first->index + 1;
    for (size_t k = 0; k < hd->nfb; k++)
        d->flags[hd->h[hd->fallback[k]].index] |= GY_LINE_HEAD;
}

/* A report without a title line that names itself in its first
 * paragraphs (现在，我…宣读…施政报告): that name is its title. */
static int title_from_opening(gy_run *x)
{
    gy_doc *d = x->d;
    const gy_title_rules *r = &x->r->title;
    if (r->opening.g_title < 0)
        return 0;
    for (size_t i = 0, seen = 0; i < d->text.nlines && seen < r->head_lines; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        seen++;
        gy_slice c = d->content[i];
        size_t a, b;
        if (!gy_match(x, &r->opening, d->s + c.start, c.end - c.start, 0) ||
            !gy_group(x, r->opening.g_title, &a, &b))
            continue;
        d->title = gy_arena_strndup(&d->arena, d->s + c.start + a, b - a);
        d->title_line = i + 1;
        return d->title ? 0 : -1;
    }
    return 0;
}

int gy_extract_title(gy_run *x)
{
    gy_doc *d = x->d;
    head hd;
    hd.x = x;
    hd.n = head_lines(x, hd.h, 64);
    hd.nfb = 0;
    hd.last = LAST_NONE;
    for (size_t k = 0; k < hd.n; k++) {
        /* k moves on past the second line of an occasion */
        enum last now = classify(&hd, &k);
        if (now == LAST_NONE)
            continue;
        if (now != LAST_OTHER)
            d->flags[hd.h[k].index] |= GY_LINE_HEAD;
        else
            maybe_fallback(&hd, k);
        hd.last = now;
    }
    take_fallback(&hd);
    if (!d->title && title_from_opening(x) != 0)
        return -1;
    d->title = clean(x, d->title);
    d->occasion = clean(x, d->occasion);
    d->speaker = clean(x, d->speaker);
    return 0;
}
