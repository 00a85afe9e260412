/* Tokenize stage: one pass over the decoded UTF-8 text for lines, indents
 * and sentences; a token iterator for rule writers and the tokens command. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "gangyao.h"
#include "rules.h"
#include "utf8.h"

static int has_lf(const char *s, size_t len)
{
    return memchr(s, '\n', len) != NULL;
}

size_t gy_count_lines(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    char term = has_lf(s, len) ? '\n' : '\r';
    size_t n = 0;
    const char *p = s, *end = s + len;
    while ((p = memchr(p, term, (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n + (s[len - 1] != term);
}

/* Length of the space character at s[i] (see gy_is_space), or 0. */
static size_t space_len(const unsigned char *s, size_t i, size_t end)
{
    unsigned c = s[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
        return 1;
    if (c < 0xC2)
        return 0;
    size_t n;
    uint32_t cp = gy_utf8_decode_valid(s + i, end - i, &n);
    return gy_is_space(cp) ? n : 0;
}

static void measure_indent(const unsigned char *s, gy_line *l)
{
    size_t i = l->start, n;
    while (i < l->end && (n = space_len(s, i, l->end)) > 0)
        i += n;
    l->indent = i;
    size_t t = l->end;
    while (t > i) {
        size_t k = t - 1;
        while (k > i && (s[k] & 0xC0) == 0x80)
            k--;
        if (space_len(s, k, t) != t - k)
            break;
        t = k;
    }
    l->trim = t;
}

/* Length of the mark at s[i] that ends a sentence, or 0. */
static size_t ender_len(const gy_punct *p, const unsigned char *s, size_t i, size_t end)
{
    size_t n;
    unsigned r = gy_punct_roles(p, gy_utf8_decode_valid(s + i, end - i, &n));
    return r & (GY_P_STOP | GY_P_SEMI) ? n : 0;
}

/* Length of a mark at s[i] that stays with the sentence end before it: an
 * ender, a closing bracket or quote, a quote with no side ("), or 0. */
static size_t trailer_len(const gy_punct *p, const unsigned char *s, size_t i, size_t end)
{
    size_t n;
    unsigned r = gy_punct_roles(p, gy_utf8_decode_valid(s + i, end - i, &n));
    int sideless_quote = (r & GY_P_QUOTE) && !(r & GY_P_OPEN);
    return r & (GY_P_STOP | GY_P_SEMI | GY_P_CLOSE) || sideless_quote ? n : 0;
}

typedef struct span_vec {
    gy_span *items;
    size_t len, cap;
} span_vec;

static int push_span(span_vec *v, size_t start, size_t end)
{
    gy_span *p = gy_push(NULL, &v->items, &v->len, &v->cap, sizeof *p);
    if (!p)
        return -1;
    p->start = start;
    p->end = end;
    return 0;
}

/* Splits the content of one line (to end: the end of its paragraph where
 * lines were joined) into sentences. */
static int split_sentences(const gy_punct *p, const unsigned char *s, const gy_line *l,
                           size_t end, span_vec *out)
{
    size_t i = l->indent, start = i;
    while (i < end) {
        i = gy_charscan_next(&p->enders, s, i, end);
        if (i >= end)
            break;
        size_t n = ender_len(p, s, i, end);
        if (!n) {
            i++;
            continue;
        }
        i += n;
        /* A run of enders and closing quotes belongs to this sentence. */
        while (i < end && (n = trailer_len(p, s, i, end)) > 0)
            i += n;
        if (push_span(out, start, i) != 0)
            return -1;
        while (i < end && (n = space_len(s, i, end)) > 0)
            i += n;
        start = i;
    }
    if (start < end && push_span(out, start, end) != 0)
        return -1;
    return 0;
}

int gy_text_build_lines(gy_text *t, gy_arena *a, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    memset(t, 0, sizeof *t);
    t->s = text;
    t->len = len;
    size_t nlines = gy_count_lines(text, len);
    t->lines = gy_arena_alloc(a, (nlines ? nlines : 1) * sizeof *t->lines);
    if (!t->lines)
        return -1;
    char term = has_lf(text, len) ? '\n' : '\r';
    size_t pos = 0;
    for (size_t k = 0; k < nlines; k++) {
        gy_line *l = &t->lines[k];
        const char *nl = memchr(text + pos, term, len - pos);
        size_t e = nl ? (size_t)(nl - text) : len;
        l->start = pos;
        size_t next = nl ? e + 1 : len;
        while (term == '\n' && e > pos && text[e - 1] == '\r')
            e--;
        l->end = e;
        measure_indent(s, l);
        pos = next;
    }
    t->nlines = nlines;
    return 0;
}

int gy_text_build_sentences(gy_text *t, gy_arena *a, const gy_punct *p,
                            const unsigned char *skip, unsigned char skip_mask,
                            const size_t *para_end)
{
    const unsigned char *s = (const unsigned char *)t->s;
    span_vec sv = {NULL, 0, 0};
    for (size_t k = 0; k < t->nlines; k++) {
        gy_line *l = &t->lines[k];
        size_t first = sv.len;
        size_t end = para_end && para_end[k] ? para_end[k] : l->trim;
        if (sv.len > UINT32_MAX ||
            ((!skip || !(skip[k] & skip_mask)) && split_sentences(p, s, l, end, &sv) != 0)) {
            free(sv.items);
            return -1;
        }
        l->first_sentence = (uint32_t)first;
        l->nsentences = (uint32_t)(sv.len - first);
    }
    t->nsentences = sv.len;
    t->sentences = gy_arena_alloc(a, (sv.len ? sv.len : 1) * sizeof(gy_span));
    if (!t->sentences) {
        free(sv.items);
        return -1;
    }
    if (sv.len)
        memcpy(t->sentences, sv.items, sv.len * sizeof(gy_span));
    free(sv.items);
    return 0;
}

int gy_text_build(gy_text *t, gy_arena *a, const gy_punct *p, const char *text, size_t len)
{
    if (gy_text_build_lines(t, a, text, len) != 0)
        return -1;
    return gy_text_build_sentences(t, a, p, NULL, 0, NULL);
}

size_t gy_text_line_of(const gy_text *t, size_t off)
{
    size_t lo = 0, hi = t->nlines;
    if (hi == 0)
        return 1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}

size_t gy_text_sentence_at(const gy_text *t, size_t off)
{
    size_t lo = 0, hi = t->nsentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->sentences[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->nsentences && t->sentences[lo].start <= off)
        return lo;
    return (size_t)-1;
}

/* ---- token iterator --------------------------------------------------- */

struct gy_tokenizer {
    const unsigned char *s;
    size_t len;
    size_t pos;
    size_t line;
    size_t col;
    char term;             /* '\n', or '\r' for files without LF */
    const gy_punct *punct;
};

gy_tokenizer *gy_tokenizer_new(const gy_rules *rules, const char *text, size_t len)
{
    gy_tokenizer *tz = calloc(1, sizeof *tz);
    if (!tz)
        return NULL;
    tz->punct = &rules->punct;
    tz->s = (const unsigned char *)text;
    tz->len = len;
    tz->line = 1;
    tz->col = 1;
    tz->term = has_lf(text, len) ? '\n' : '\r';
    return tz;
}

void gy_tokenizer_free(gy_tokenizer *tz) { free(tz); }

static int joins_run(gy_token_class c)
{
    return c == GY_TOK_HAN || c == GY_TOK_CNUMERAL || c == GY_TOK_DIGIT ||
           c == GY_TOK_FULLDIGIT || c == GY_TOK_LATIN || c == GY_TOK_SPACE ||
           c == GY_TOK_OTHER;
}

/* The class of a mark by what it does in a sentence. */
static gy_token_class mark_class(const gy_punct *p, uint32_t cp)
{
    unsigned r = gy_punct_roles(p, cp);
    if (r & (GY_P_STOP | GY_P_SEMI))
        return GY_TOK_SENTENCE_END;
    if (r & GY_P_CLAUSE)
        return GY_TOK_CLAUSE;
    if (r & GY_P_OPEN)
        return GY_TOK_OPEN;
    if (r & GY_P_CLOSE)
        return GY_TOK_CLOSE;
    return GY_TOK_SYMBOL;
}

static inline gy_token_class refined(const gy_tokenizer *tz, uint32_t cp)
{
    gy_token_class c = gy_char_class(cp);
    return c == GY_TOK_SYMBOL ? mark_class(tz->punct, cp) : c;
}

/* Class of the code point at pos, with line ends resolved: CR*LF (or a
 * CR in a file without LF) is a newline; any other CR is a space. */
static inline gy_token_class class_at(const gy_tokenizer *tz, size_t pos, size_t *n)
{
    const unsigned char *s = tz->s;
    unsigned c = s[pos];
    /* the common cases inline: ASCII and the main ideograph block */
    if (c >= 0xE4 && c <= 0xE9 && tz->len - pos >= 3 && (s[pos + 1] & 0xC0) == 0x80 &&
        (s[pos + 2] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[pos + 1] & 0x3F) << 6) |
                      (s[pos + 2] & 0x3Fu);
        if (cp >= 0x4E00) {
            *n = 3;
            return gy_is_numeral(cp) ? GY_TOK_CNUMERAL : GY_TOK_HAN;
        }
    }
    if (c != '\r' && c < 0x80) {
        *n = 1;
        return refined(tz, c);
    }
    if (s[pos] == '\r') {
        size_t k = pos;
        while (k < tz->len && s[k] == '\r')
            k++;
        if (tz->term == '\n' && k < tz->len && s[k] == '\n') {
            *n = k + 1 - pos;
            return GY_TOK_NEWLINE;
        }
        *n = 1;
        return tz->term == '\r' ? GY_TOK_NEWLINE : GY_TOK_SPACE;
    }
    uint32_t cp = gy_utf8_decode(s + pos, tz->len - pos, n);
    return refined(tz, cp);
}

int gy_tokenizer_next(gy_tokenizer *tz, gy_token *tok)
{
    if (tz->pos >= tz->len)
        return 0;
    size_t n;
    gy_token_class c = class_at(tz, tz->pos, &n);
    tok->cls = c;
    tok->offset = tz->pos;
    tok->line = tz->line;
    tok->column = tz->col;
    size_t end = tz->pos + n, chars = 1;
    if (c == GY_TOK_HAN) {
        /* a run of ideographs, three bytes each, checked inline */
        const unsigned char *s = tz->s;
        while (tz->len - end >= 3) {
            unsigned b = s[end];
            if (b < 0xE4 || b > 0xE9 || (s[end + 1] & 0xC0) != 0x80 || (s[end + 2] & 0xC0) != 0x80)
                break;
            uint32_t cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[end + 1] & 0x3F) << 6) |
                          (s[end + 2] & 0x3Fu);
            if (cp < 0x4E00 || gy_is_numeral(cp))
                break;
            end += 3;
            chars++;
        }
    }
    if (joins_run(c)) {
        while (end < tz->len) {
            size_t m;
            if (class_at(tz, end, &m) != c)
                break;
            end += m;
            chars++;
        }
    }
    tok->length = end - tz->pos;
    tz->pos = end;
    if (c == GY_TOK_NEWLINE) {
        tz->line++;
        tz->col = 1;
    } else {
        tz->col += chars;
    }
    return 1;
}
