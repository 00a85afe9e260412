/* Noise: lines that are not the speech (seller watermarks, web chrome,
 * editor credits, footers, a repeated copy of the body).  They are listed
 * in noise[] and left out of every later stage. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "utf8.h"

static size_t line_chars(const gy_doc *d, size_t i, size_t limit)
{
    const gy_slice *c = &d->content[i];
    size_t bytes = c->end - c->start;
    if (bytes <= limit)
        return bytes; /* at most that many characters */
    if (bytes > limit * 4)
        return limit + 1; /* certainly more */
    return gy_utf8_count(d->s + c->start, bytes);
}

static size_t next_text_line(const gy_doc *d, size_t i)
{
    for (size_t k = i + 1; k < d->text.nlines; k++)
        if (gy_line_has_text(&d->text.lines[k]))
            return k;
    return d->text.nlines;
}

/* The first line rule (in their order) that matches line[0..len), or
 * nlines: the rules tried where their first characters stand are looked
 * for in one pass over the line, the others searched one by one. */
static size_t first_rule(gy_run *x, const char *line, size_t len)
{
    const gy_noise_rules *r = &x->r->noise;
    size_t best = r->nlines;
    for (size_t pos = r->set.n_at_first ? gy_rxset_next(&r->set, line, 0, len) : len;
         pos < len && best > 0; pos = gy_rxset_next(&r->set, line, pos + 1, len)) {
        uint64_t below = best >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << best) - 1;
        for (uint64_t may = gy_rxindex_at(&r->index, line, len, pos) & r->at_first & below; may;
             may &= may - 1) {
            size_t k = gy_rxindex_first(may);
            if (gy_match(x, &r->lines[k].rx, line, len, pos)) {
                best = k;
                break;
            }
        }
    }
    for (size_t k = 0; k < best; k++)
        if (!r->lines[k].rx.at_first && gy_match(x, &r->lines[k].rx, line, len, 0))
            return k;
    return best;
}

/* Copies a rule name into the document, which may outlive the rules. */
static const char *own(gy_doc *d, const char *name)
{
    return gy_arena_strndup(&d->arena, name, strlen(name));
}

static int match_rules(gy_run *x)
{
    gy_doc *d = x->d;
    const gy_noise_rules *r = &x->r->noise;
    size_t tail_from = (size_t)((double)d->len * r->tail_share);
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_line_has_text(&d->text.lines[i]) || (d->flags[i] & GY_LINE_NOISE))
            continue;
        const gy_slice *c = &d->content[i];
        if (c->start >= c->end) {
            /* nothing but markup */
            if (gy_doc_set_noise(d, i, "markup-only") != 0)
                return -1;
            continue;
        }
        if (line_chars(d, i, r->max_chars) > r->max_chars)
            continue;
        size_t k = first_rule(x, d->s + c->start, c->end - c->start);
        if (k < r->nlines) {
            const gy_noise_rule *nr = &r->lines[k];
            const char *name = own(d, nr->rx.name);
            if (!name || gy_doc_set_noise(d, i, name) != 0)
                return -1;
            if (nr->then == GY_THEN_NEXT) {
                size_t n = next_text_line(d, i);
                if (n < d->text.nlines && gy_doc_set_noise(d, n, name) != 0)
                    return -1;
            } else if (nr->then == GY_THEN_REST && d->text.lines[i].start >= tail_from) {
                for (size_t n = i + 1; n < d->text.nlines; n++)
                    if (gy_line_has_text(&d->text.lines[n]) && gy_doc_set_noise(d, n, name) != 0)
                        return -1;
            }
        }
    }
    return 0;
}

static int contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0 || nn > hn)
        return 0;
    for (size_t i = 0; i + nn <= hn; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nn) == 0)
            return 1;
    return 0;
}

/* Letters and ideographs only: no punctuation, as a brand name has. */
static int only_words(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k;
        gy_token_class c = gy_char_class(gy_utf8_decode_valid((const unsigned char *)s + i, n - i, &k));
        if (c != GY_TOK_HAN && c != GY_TOK_CNUMERAL && c != GY_TOK_LATIN && c != GY_TOK_DIGIT)
            return 0;
        i += k;
    }
    return 1;
}

/* A short line whose words also stand inside a noise line elsewhere (a
 * seller's brand name on its own) is noise too. */
static int mark_echoes(gy_doc *d, const gy_noise_rules *r)
{
    if (!r->echo_max_chars || d->noise.len == 0 || d->noise.len > r->echo_max_noise)
        return 0;
    size_t nnoise = d->noise.len;
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i) || line_chars(d, i, r->echo_max_chars) > r->echo_max_chars)
            continue;
        const gy_slice *c = &d->content[i];
        size_t cn = c->end - c->start;
        if (gy_utf8_count(d->s + c->start, cn) < 2 || !only_words(d->s + c->start, cn))
            continue;
        for (size_t k = 0; k < nnoise; k++) {
            const gy_noise *n = &((gy_noise *)d->noise.items)[k];
            const gy_slice *nc = &d->content[n->line - 1];
            if (n->line - 1 != i &&
                contains(d->s + nc->start, nc->end - nc->start, d->s + c->start, cn)) {
                if (gy_doc_set_noise(d, i, "echo") != 0)
                    return -1;
                break;
            }
        }
    }
    return 0;
}

/* ---- a repeated body ------------------------------------------------------ */

/* A hash of the line's bytes, eight at a time. */
static uint64_t hash_slice(const char *s, gy_slice c)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ (c.end - c.start);
    size_t i = c.start;
    for (; i + 8 <= c.end; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    for (; i < c.end; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001B3u;
    return h ^ (h >> 29);
}

/* For each live line, the earlier line with the same text, or SIZE_MAX. */
static size_t *find_repeats(gy_doc *d)
{
    size_t n = d->text.nlines, live = 0, cap = 64;
    for (size_t i = 0; i < n; i++)
        live += gy_doc_line_live(d, i) != 0;
    while (cap < live * 2)
        cap *= 2;
    size_t *table = malloc(cap * sizeof *table);
    size_t *first = malloc((n ? n : 1) * sizeof *first);
    if (!table || !first) {
        free(table);
        free(first);
        return NULL;
    }
    for (size_t k = 0; k < cap; k++)
        table[k] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        first[i] = SIZE_MAX;
        if (!gy_doc_line_live(d, i))
            continue;
        gy_slice c = d->content[i];
        size_t len = c.end - c.start;
        for (size_t k = (size_t)hash_slice(d->s, c) & (cap - 1);; k = (k + 1) & (cap - 1)) {
            size_t j = table[k];
            if (j == SIZE_MAX) {
                table[k] = i;
                break;
            }
            gy_slice o = d->content[j];
            if (o.end - o.start == len && memcmp(d->s + o.start, d->s + c.start, len) == 0) {
                first[i] = j;
                break;
            }
        }
    }
    free(table);
    return first;
}

static int mark_duplicates(gy_doc *d, const gy_noise_rules *r)
{
    size_t *first = find_repeats(d);
    if (!first)
        return -1;
    size_t n = d->text.nlines, i = 0;
    int rc = 0;
    while (i < n && rc == 0) {
        if (first[i] == SIZE_MAX) {
            i++;
            continue;
        }
        /* a run of repeated lines, blank and noise lines inside it allowed */
        size_t a = i, b = i, longest = 0;
        for (size_t k = i; k < n; k++) {
            if (!gy_doc_line_live(d, k))
                continue;
            if (first[k] == SIZE_MAX)
                break;
            b = k;
            size_t chars = gy_slice_chars(d, d->content[k]);
            if (chars > longest)
                longest = chars;
        }
        if (longest >= r->duplicate_min_chars) {
            size_t lo = first[a], hi = first[a];
            for (size_t k = a; k <= b; k++)
                if (first[k] != SIZE_MAX) {
                    if (first[k] < lo)
                        lo = first[k];
                    if (first[k] > hi)
                        hi = first[k];
                    if (gy_doc_line_live(d, k) && gy_doc_set_noise(d, k, "duplicate") != 0)
                        rc = -1;
                }
            if (rc == 0)
                rc = gy_doc_warn(d, a + 1, "duplicate-body",
                                 "lines %zu-%zu repeat lines %zu-%zu (a copied body?); "
                                 "the repeat is set aside as noise",
                                 a + 1, b + 1, lo + 1, hi + 1);
        }
        i = b + 1;
    }
    free(first);
    return rc;
}

static int by_line(const void *a, const void *b)
{
    const gy_noise *x = a, *y = b;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Lines of spaces only (NBSP, U+3000, a lone space): filler left by web
 * pages.  Empty lines are no noise. */
static int mark_fillers(gy_doc *d)
{
    for (size_t i = 0; i < d->text.nlines; i++) {
        const gy_line *l = &d->text.lines[i];
        if (l->end > l->start && !gy_line_has_text(l) && gy_doc_set_noise(d, i, "filler") != 0)
            return -1;
    }
    return 0;
}

int gy_extract_noise(gy_run *x)
{
    gy_doc *d = x->d;
    const gy_noise_rules *r = &x->r->noise;
    if (d->keep_noise)
        return 0;
    if (match_rules(x) != 0 || mark_echoes(d, r) != 0 || mark_duplicates(d, r) != 0 ||
        (r->filler_lines && mark_fillers(d) != 0) || gy_find_residue(x) != 0)
        return -1;
    const gy_noise *n = d->noise.items;
    size_t k = 1;
    while (k < d->noise.len && n[k - 1].line < n[k].line)
        k++;
    if (k < d->noise.len) /* marked out of order: by echoes, duplicates, fillers */
        gy_sort(d->noise.items, d->noise.len, sizeof(gy_noise), by_line);
    return 0;
}
