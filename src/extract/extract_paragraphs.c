/* Paragraphs: lines that are one paragraph broken apart (a wiki page breaks
 * a paragraph at each link; a copied page may wrap a sentence anywhere) are
 * read as one.  The first line's content then reaches to the end of the
 * last; the lines after it are flagged GY_LINE_JOINED and have no content of
 * their own, so that every later stage reads the paragraph once, whole.  The
 * text is not changed: what lies between the lines (line ends, blank lines)
 * stays in the content, and the readers of figures and subjects pass over
 * it (gy_doc_past_join). */
#include "extract.h"
#include "utf8.h"

/* Does line i start with a section marker? */
static int is_heading(gy_run *x, size_t i)
{
    const gy_section_rules *r = &x->r->sections;
    gy_slice c = x->d->content[i];
    for (size_t k = 0; k < r->nmarkers; k++)
        if (gy_match(x, &r->markers[k].rx, x->d->s + c.start, c.end - c.start, 0) > 0)
            return 1;
    return 0;
}

static int ends_with(const gy_lexicon *lx, const gy_doc *d, gy_slice c)
{
    return c.end > c.start && gy_lex_ending_at(lx, d->s, c.start, c.end) >= 0;
}

/* Does the line's text end a sentence (。 ！ ？ ； with closing marks after)? */
static int ends_sentence(const gy_run *x, gy_slice c)
{
    const char *s = x->d->s;
    size_t end = c.end, len;
    while (end > c.start) {
        uint32_t cp = gy_utf8_before_valid(s, c.start, end, &len);
        unsigned roles = gy_punct_roles(&x->r->punct, cp);
        if (roles & (GY_P_STOP | GY_P_SEMI))
            return 1;
        if (!(roles & (GY_P_CLOSE | GY_P_QUOTE)))
            return 0;
        end -= len;
    }
    return 0;
}

/* A short line without punctuation with a blank line after it stands
 * alone: a heading (引言), never the rest of the line before. */
static int stands_alone(const gy_run *x, size_t j)
{
    const gy_doc *d = x->d;
    gy_slice c = d->content[j];
    size_t max = x->r->sections.unnumbered_max_chars;
    if ((j + 1 < d->text.nlines && gy_line_has_text(&d->text.lines[j + 1])) ||
        c.end - c.start > 4 * max || gy_slice_chars(d, c) > max)
        return 0;
    for (size_t q = c.start, len; q < c.end; q += len)
        if (gy_punct_at(&x->r->punct, d->s, q, c.end, &len) &
            (GY_P_STOP | GY_P_SEMI | GY_P_CLAUSE))
            return 0;
    return 1;
}

/* Are the text lines mostly followed by a blank line? */
static int blank_separated(const gy_doc *d, const gy_paragraph_rules *r)
{
    size_t text = 0, blank_after = 0;
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        text++;
        blank_after += i + 1 < d->text.nlines && !gy_line_has_text(&d->text.lines[i + 1]);
    }
    return text && (double)blank_after >= r->blank_separated_share * (double)text;
}

/* The next line after i with text, and the blank lines passed over. */
static size_t next_text_line(const gy_doc *d, size_t i, size_t *gap)
{
    size_t j = i + 1;
    *gap = 0;
    while (j < d->text.nlines && !gy_line_has_text(&d->text.lines[j])) {
        j++;
        (*gap)++;
    }
    return j;
}

typedef struct joiner {
    gy_run *x;
    const gy_paragraph_rules *r;
    int blank_sep;
} joiner;

/* Would the paragraph whose last line is i (whose first is head) go on at
 * line j, after gap blank lines, as their ends say?  2 when only if line
 * i is no heading. */
static int ends_say(joiner *jn, size_t head, size_t i, size_t j, size_t gap)
{
    const gy_doc *d = jn->x->d;
    gy_slice a = d->content[i], b = d->content[j];
    a.start = i == head ? a.start : d->text.lines[i].indent;
    if (gap <= jn->r->max_gap_lines &&
        (ends_with(&jn->r->open_ends, d, a) ||
         gy_lex_at(&jn->r->closing_starts, d->s, b.start, b.end) >= 0))
        return 1;
    if (gap <= jn->r->max_gap_lines && ends_with(&jn->r->weak_open_ends, d, a))
        return 2;
    if (!jn->blank_sep || gap)
        return 0;
    if (!ends_sentence(jn->x, a))
        return 2;
    /* a link right after a full stop: the short line goes on to the next */
    size_t gap2, k = next_text_line(d, j, &gap2);
    return !ends_sentence(jn->x, b) && !gap2 && k < d->text.nlines && gy_doc_line_live(d, k) &&
                   !is_heading(jn->x, k)
               ? 2
               : 0;
}

/* Does the paragraph whose last line is i (whose first is head) go on at
 * line j, after gap blank lines?  The ends of the lines say so first (a
 * cheap test), then neither may be a heading. */
static int goes_on(joiner *jn, size_t head, size_t i, size_t j, size_t gap)
{
    gy_doc *d = jn->x->d;
    if (j >= d->text.nlines || !gy_doc_line_live(d, j) || (d->flags[j] & GY_LINE_HEAD))
        return 0;
    int say = ends_say(jn, head, i, j, gap);
    if (!say || (say == 2 && i == head && is_heading(jn->x, head)))
        return 0;
    return !is_heading(jn->x, j) && !stands_alone(jn->x, j);
}

int gy_extract_paragraphs(gy_run *x)
{
    gy_doc *d = x->d;
    joiner jn = {x, &x->r->paragraphs, 0};
    jn.blank_sep = blank_separated(d, jn.r);
    for (size_t head = 0; head < d->text.nlines;) {
        if (!gy_doc_line_live(d, head) || (d->flags[head] & GY_LINE_HEAD)) {
            head++;
            continue;
        }
        size_t i = head, gap, j;
        while ((j = next_text_line(d, i, &gap)) < d->text.nlines && goes_on(&jn, head, i, j, gap)) {
            if (!d->para_end) {
                d->para_end = gy_arena_alloc(&d->arena, d->text.nlines * sizeof *d->para_end);
                if (!d->para_end)
                    return -1;
            }
            d->content[head].end = d->content[j].end;
            d->para_end[head] = d->text.lines[j].trim;
            d->content[j].start = d->content[j].end;
            d->flags[j] |= GY_LINE_JOINED;
            i = j;
        }
        head = i + 1;
    }
    return 0;
}
