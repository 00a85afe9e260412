/* Residue: what a web page puts around a speech (menus, bread crumbs, the
 * site's stamps and lead-in, share buttons, credits, lists of other
 * headlines, footers), found as a boilerplate remover finds it on plain
 * text.  Each line is prose (long, with sentence punctuation), punctuated
 * (short, with some), short (a menu word, a headline, a name) or hard (a
 * short line that a page, never a speech, holds: a date stamp with a clock
 * time, a credit, a copyright or a share button).  Hard lines cut the text
 * into segments; the segment with the most prose holds the speech, which
 * runs from its first prose line to the end of its segment.  Where what
 * stands before it looks like a page's (a hard line, more lines than a
 * header has), it is residue but the speech's header (title, occasion, speaker, salutation, a heading); what stands
 * after its segment is residue; the site's own lead-in (……发表讲话。以下为
 * 讲话实录——) is residue.  A text with no hard line around its prose (a
 * report, a clean speech) loses nothing. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "utf8.h"

enum kind { L_NONE, L_SHORT, L_PUNCT, L_PROSE, L_HARD };

typedef struct residue {
    gy_run *x;
    const gy_body_rules *r;
    unsigned char *kind;   /* per line (heap), enum kind */
} residue;

/* Does line i match rx (on its content)? */
static int line_matches(gy_run *x, const gy_rx *rx, size_t i)
{
    gy_slice c = x->d->content[i];
    return rx->code && gy_match(x, rx, x->d->s + c.start, c.end - c.start, 0) > 0;
}

/* Does s[a..b) hold a mark that ends a sentence or a clause?  The enders
 * are found with a vector scan; clause marks are looked for one by one in
 * a line that has none. */
static int punctuated(const gy_punct *p, const char *s, size_t a, size_t b)
{
    if (gy_charscan_next(&p->enders, (const unsigned char *)s, a, b) < b)
        return 1;
    for (size_t q = a, len; q < b; q += len)
        if (gy_punct_at(p, s, q, b, &len) & GY_P_CLAUSE)
            return 1;
    return 0;
}

/* A line that a noise rule set aside already is hard too: the rules are
 * hints of where the page's residue stands. */
/* Does the line start with a label (来源：, 编辑 |, [ 编辑： …)? */
static int labelled(const residue *rs, gy_slice c)
{
    const gy_doc *d = rs->x->d;
    size_t q = c.start, len;
    while (q < c.end) {
        uint32_t cp = gy_utf8_at_valid(d->s, q, c.end, &len);
        if (!gy_is_space(cp) && !(gy_punct_roles(&rs->x->r->punct, cp) & GY_P_OPEN) && cp != '[')
            break;
        q += len;
    }
    int w = gy_lex_at(&rs->r->labels, d->s, q, c.end);
    if (w < 0)
        return 0;
    q += rs->r->labels.words[w].len;
    while (q < c.end && gy_is_space(gy_utf8_at_valid(d->s, q, c.end, &len)))
        q += len;
    return gy_lex_at(&rs->r->label_marks, d->s, q, c.end) >= 0;
}

/* Does the line hold a digit (a stamp must)? */
static int has_digit(const char *s, gy_slice c)
{
    for (size_t q = c.start; q < c.end; q++)
        if ((s[q] >= '0' && s[q] <= '9') || ((unsigned char)s[q] == 0xEF && q + 2 < c.end &&
                                             (unsigned char)s[q + 1] == 0xBC &&
                                             (unsigned char)s[q + 2] >= 0x90 &&
                                             (unsigned char)s[q + 2] <= 0x99))
            return 1;
    return 0;
}

/* A line only a page holds: a label, a footer word, a date stamp. */
static int is_hard(residue *rs, size_t i)
{
    gy_slice c = rs->x->d->content[i];
    size_t where;
    return labelled(rs, c) ||
           gy_lex_first_in(&rs->r->footer_words, rs->x->d->s, c.start, c.end, &where) >= 0 ||
           (has_digit(rs->x->d->s, c) && line_matches(rs->x, &rs->r->stamp, i));
}

static enum kind classify(residue *rs, size_t i)
{
    gy_doc *d = rs->x->d;
    if (d->flags[i] & GY_LINE_NOISE)
        return gy_line_has_text(&d->text.lines[i]) ? L_HARD : L_NONE;
    if (!gy_doc_line_live(d, i))
        return L_NONE;
    gy_slice c = d->content[i];
    size_t bytes = c.end - c.start;
    size_t chars = bytes > 4 * rs->r->hard_max_chars ? bytes : gy_slice_chars(d, c);
    if (chars <= rs->r->hard_max_chars && is_hard(rs, i))
        return L_HARD;
    if (!punctuated(&rs->x->r->punct, d->s, c.start, c.end))
        return L_SHORT;
    return chars >= rs->r->prose_chars ? L_PROSE : L_PUNCT;
}

/* Does line i end with a mark that ends a sentence (谢谢大家！)? */
static int ends_sentence(const gy_run *x, size_t i)
{
    gy_slice c = x->d->content[i];
    size_t len;
    while (c.end > c.start) {
        unsigned roles = gy_punct_roles(&x->r->punct, gy_utf8_before_valid(x->d->s, c.start, c.end,
                                                                          &len));
        if (roles & GY_P_STOP)
            return 1;
        if (!(roles & (GY_P_CLOSE | GY_P_QUOTE)))
            return 0;
        c.end -= len;
    }
    return 0;
}

/* The segment (between hard lines) with the most prose (in bytes: the
 * weights are only compared): its first prose line and its last line.  Returns 0 when the text has no prose. */
static int find_body(residue *rs, size_t *first, size_t *last)
{
    const gy_doc *d = rs->x->d;
    size_t best = 0, weight = 0, a = SIZE_MAX;
    for (size_t i = 0; i <= d->text.nlines; i++) {
        enum kind k = i < d->text.nlines ? (enum kind)rs->kind[i] : L_HARD;
        if (k == L_HARD) {
            if (a != SIZE_MAX && weight > best) {
                best = weight;
                *first = a;
                *last = i - 1;
            }
            weight = 0;
            a = SIZE_MAX;
        } else if (k == L_PROSE) {
            weight += d->content[i].end - d->content[i].start;
            if (a == SIZE_MAX)
                a = i;
        }
    }
    return best > 0;
}

/* ---- the header before the speech ---------------------------------------- */

/* Does line i name the speech (a title, its occasion, the speaker, the
 * salutation, a heading, a headline of the page)? */
static int is_header(residue *rs, size_t i)
{
    gy_run *x = rs->x;
    const gy_title_rules *t = &x->r->title;
    if (line_matches(x, &t->salutation, i) || line_matches(x, &t->occasion, i) ||
        line_matches(x, &t->speaker, i) || line_matches(x, &rs->r->headline, i))
        return 1;
    for (size_t k = 0; k < t->nlines; k++)
        if (line_matches(x, &t->lines[k], i))
            return 1;
    for (size_t k = 0; k < t->nbylines; k++)
        if (line_matches(x, &t->bylines[k], i))
            return 1;
    const gy_section_rules *s = &x->r->sections;
    for (size_t k = 0; k < s->nmarkers; k++)
        if (line_matches(x, &s->markers[k].rx, i))
            return 1;
    return 0;
}

/* A headline with the site's name after it (…实录_广州日报大洋网) is the
 * page's title: residue when the page gives the headline without it too. */
static int is_page_title(residue *rs, size_t i)
{
    return line_matches(rs->x, &rs->r->headline, i) && line_matches(rs->x, &rs->r->site_suffix, i);
}

static const char *reason(enum kind k)
{
    return k == L_HARD ? "page-stamp" : k == L_SHORT ? "page-menu" : "page-text";
}

/* The index of the next line with text after i, before end (or end). */
static size_t next_line(const residue *rs, size_t i, size_t end)
{
    while (++i < end && rs->kind[i] == L_NONE)
        ;
    return i;
}

/* Sets aside what stands before the speech but its header: the header
 * lines among the first and the last head_lines lines with text before
 * it (a page's menus in between may look like names), a bare name right
 * after a title or an occasion when a header line or the speech follows
 * it (黄坤明 under the date; a menu word under a headline is followed by
 * more menu); a page title when a plain headline is given too. */
static int before_body(residue *rs, size_t first)
{
    gy_doc *d = rs->x->d;
    size_t near = rs->x->r->title.head_lines, total = 0, seen = 0;
    int plain_headline = 0;
    for (size_t i = 0; i < first; i++)
        if (rs->kind[i] != L_NONE) {
            total++;
            plain_headline |= line_matches(rs->x, &rs->r->headline, i) && !is_page_title(rs, i);
        }
    int after_header = 0;
    for (size_t i = 0; i < first; i++) {
        if (rs->kind[i] == L_NONE)
            continue;
        seen++;
        int is_near = seen <= near || total - seen < near;
        int page_title = plain_headline && is_page_title(rs, i);
        int keep = is_near && rs->kind[i] != L_HARD && !page_title && is_header(rs, i);
        int name = !keep && after_header && line_matches(rs->x, &rs->x->r->title.name, i);
        if (name) {
            size_t next = next_line(rs, i, first);
            keep = next >= first || is_header(rs, next);
        }
        after_header = keep && !name;
        if (!keep && gy_doc_set_noise(d, i, page_title ? "page-title" : reason(rs->kind[i])) != 0)
            return -1;
    }
    return 0;
}

/* Does what stands before line first look like a page's (a hard line, or
 * more lines than a header has)? */
static int page_before(const residue *rs, size_t first)
{
    size_t lines = 0;
    for (size_t i = 0; i < first; i++) {
        if (rs->kind[i] == L_HARD)
            return 1;
        lines += rs->kind[i] != L_NONE;
    }
    return lines > rs->x->r->title.head_lines;
}

int gy_find_residue(gy_run *x)
{
    gy_doc *d = x->d;
    residue rs = {x, &x->r->noise.body, NULL};
    if (!rs.r->prose_chars || !d->text.nlines)
        return 0;
    rs.kind = malloc(d->text.nlines);
    if (!rs.kind)
        return -1;
    for (size_t i = 0; i < d->text.nlines; i++)
        rs.kind[i] = (unsigned char)classify(&rs, i);
    size_t first, last;
    int rc = 0;
    if (find_body(&rs, &first, &last)) {
        /* the sentences that open the speech go with it, and a salutation */
        for (size_t i = first; i-- > 0 && rs.kind[i] != L_HARD;)
            if ((rs.kind[i] == L_PUNCT && ends_sentence(x, i)) ||
                line_matches(x, &x->r->title.salutation, i))
                first = i;
            else if (rs.kind[i] != L_NONE)
                break;
        /* the site's lead-in before the speech itself */
        if (rs.kind[first] == L_PROSE && first < last && line_matches(x, &rs.r->lead_in, first)) {
            rc = gy_doc_set_noise(d, first, "lead-in");
            while (++first < last && rs.kind[first] == L_NONE)
                ;
        }
        for (size_t i = last + 1; rc == 0 && i < d->text.nlines; i++)
            if (rs.kind[i] != L_NONE)
                rc = gy_doc_set_noise(d, i, reason(rs.kind[i]));
        if (rc == 0 && page_before(&rs, first))
            rc = before_body(&rs, first);
    }
    free(rs.kind);
    return rc;
}
