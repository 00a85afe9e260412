/* Sections: paragraph-initial headings (一、 （一） 第一， 1. ...) nested by
 * the rank of their marker, plus a closing 最后，… part. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "numbers.h"
#include "utf8.h"

typedef struct raw_heading {
    size_t line;           /* index */
    int marker;            /* index into rules->markers, -1 for 最后 */
    int rank;
    long number;
    size_t marker_end;     /* offset in the text */
    int keep;
} raw_heading;

typedef struct raw_list {
    raw_heading *h;
    size_t n, cap;
} raw_list;

static int push_raw(raw_list *l, raw_heading h)
{
    raw_heading *p = gy_push(NULL, &l->h, &l->n, &l->cap, sizeof *p);
    if (!p)
        return -1;
    *p = h;
    return 0;
}

static int collect(gy_run *x, raw_list *out)
{
    gy_doc *d = x->d;
    const gy_section_rules *r = &x->r->sections;
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i) || (d->flags[i] & GY_LINE_HEAD))
            continue;
        const char *s = d->s + d->content[i].start;
        size_t len = d->content[i].end - d->content[i].start;
        raw_heading h = {i, -1, 0, -1, 0, 1};
        size_t ms, me;
        int found = 0;
        for (size_t k = 0; k < r->nmarkers && !found; k++) {
            const gy_section_marker *m = &r->markers[k];
            if (!gy_match(x, &m->rx, s, len, 0) || !gy_group(x, 0, &ms, &me))
                continue;
            size_t ns, ne;
            if (gy_group(x, m->rx.g_number, &ns, &ne)) {
                h.number = gy_marker_number(s + ns, ne - ns);
                if (h.number < 0)
                    continue; /* not a well-formed numeral */
            }
            h.marker = (int)k;
            h.rank = m->rank;
            h.marker_end = d->content[i].start + me;
            found = 1;
        }
        if (!found && gy_match(x, &r->closing, s, len, 0) && gy_group(x, 0, &ms, &me)) {
            h.marker_end = d->content[i].start + me;
            found = 1;
        }
        if (found && push_raw(out, h) != 0)
            return -1;
    }
    return 0;
}

/* A numbering that runs on across higher headings (1. … 156. through the
 * whole document) numbers paragraphs, not sections. */
static int drop_paragraph_numbers(raw_list *l, const gy_section_rules *r)
{
    int dropped = 0;
    for (size_t k = 0; k < r->nmarkers; k++) {
        int rank = r->markers[k].rank;
        long prev = -1, max = 0;
        int crossed = 0, continued = 0;
        for (size_t i = 0; i < l->n; i++) {
            const raw_heading *h = &l->h[i];
            if (h->marker < 0)
                continue;
            if ((size_t)h->marker != k) {
                crossed |= prev >= 0 && h->rank < rank;
                continue;
            }
            if (crossed && h->number == prev + 1)
                continued++;
            crossed = 0;
            prev = h->number;
            if (h->number > max)
                max = h->number;
        }
        if ((size_t)continued >= r->paragraph_runs && max > r->paragraph_max) {
            dropped = 1;
            for (size_t i = 0; i < l->n; i++)
                if (l->h[i].marker == (int)k)
                    l->h[i].keep = 0;
        }
    }
    return dropped;
}

enum { UNNUMBERED = -2, PART = -3 };

/* Does s[start..end) hold a mark that ends a sentence or a clause? */
static int has_punctuation(const gy_punct *p, const char *s, size_t start, size_t end)
{
    for (size_t q = start; q < end;) {
        size_t len;
        if (gy_punct_at(p, s, q, end, &len) & (GY_P_STOP | GY_P_SEMI | GY_P_CLAUSE))
            return 1;
        q += len;
    }
    return 0;
}

static int by_line(const void *a, const void *b)
{
    const raw_heading *x = a, *y = b;
    return x->line < y->line ? -1 : x->line > y->line;
}

enum { NO_RANK = 1 << 30 };

/* The highest rank (the lowest number) of the numbered headings kept, or
 * NO_RANK when there is none. */
static int top_rank(const raw_list *l)
{
    int rank = NO_RANK;
    for (size_t i = 0; i < l->n; i++)
        if (l->h[i].keep && l->h[i].marker >= 0 && l->h[i].rank < rank)
            rank = l->h[i].rank;
    return rank;
}

/* Where the paragraphs are numbered (1. … 156.), the headings are the short
 * lines without punctuation between them (引言, 旅遊業); they rank just
 * below the numbered headings. */
static int add_unnumbered(gy_run *x, raw_list *l)
{
    gy_doc *d = x->d;
    const gy_section_rules *r = &x->r->sections;
    int rank = top_rank(l);
    rank = rank == NO_RANK ? 1 : rank + 1;
    size_t n = l->n;
    for (size_t i = 0, k = 0; i < d->text.nlines; i++) {
        while (k < n && l->h[k].line < i)
            k++;
        if ((k < n && l->h[k].line == i) || !gy_doc_line_live(d, i) || (d->flags[i] & GY_LINE_HEAD))
            continue;
        gy_slice c = d->content[i];
        if (gy_slice_chars(d, c) > r->unnumbered_max_chars ||
            has_punctuation(&x->r->punct, d->s, c.start, c.end))
            continue;
        raw_heading h = {i, UNNUMBERED, rank, -1, c.start, 1};
        if (push_raw(l, h) != 0)
            return -1;
    }
    gy_sort(l->h, l->n, sizeof *l->h, by_line);
    return 0;
}

/* Does the line's text name a part of a report (2024年工作回顾,
 * 2025年工作安排建议)? */
static int names_part(gy_run *x, gy_slice c)
{
    const gy_section_rules *r = &x->r->sections;
    const char *s = x->d->s + c.start;
    size_t len = c.end - c.start;
    return gy_match(x, &r->role_review, s, len, 0) > 0 || gy_match(x, &r->role_plan, s, len, 0) > 0;
}

/* A report whose top headings lost their numbers (taken from a document
 * whose numbering was automatic) heads its parts with short lines without
 * punctuation that name a review or a plan: they rank above the highest
 * numbered headings.  Only where no heading of the first rank (一、) is
 * numbered, so that a short line in a numbered report stays a paragraph. */
static int add_parts(gy_run *x, raw_list *l)
{
    gy_doc *d = x->d;
    const gy_section_rules *r = &x->r->sections;
    int top = top_rank(l);
    if (top <= r->part_below_rank)
        return 0;
    int rank = top == NO_RANK ? r->part_below_rank : top - 1;
    size_t n = l->n;
    for (size_t i = 0, k = 0; i < d->text.nlines; i++) {
        while (k < n && l->h[k].line < i)
            k++;
        if ((k < n && l->h[k].line == i) || !gy_doc_line_live(d, i) || (d->flags[i] & GY_LINE_HEAD))
            continue;
        gy_slice c = d->content[i];
        if (gy_slice_chars(d, c) > r->unnumbered_max_chars ||
            has_punctuation(&x->r->punct, d->s, c.start, c.end) || !names_part(x, c))
            continue;
        raw_heading h = {i, PART, rank, -1, c.start, 1};
        if (push_raw(l, h) != 0)
            return -1;
    }
    gy_sort(l->h, l->n, sizeof *l->h, by_line);
    return 0;
}

/* Offset where the heading text ends: the end of the first sentence after
 * the marker, or the end of the line. */
static size_t heading_end(const gy_doc *d, size_t line, size_t from)
{
    const gy_line *l = &d->text.lines[line];
    for (size_t k = 0; k < l->nsentences; k++) {
        const gy_span *sp = &d->text.sentences[l->first_sentence + k];
        if (sp->end > from)
            return sp->end < d->content[line].end ? sp->end : d->content[line].end;
    }
    return d->content[line].end;
}

static size_t skip_spaces(const gy_doc *d, size_t pos, size_t end)
{
    while (pos < end) {
        size_t k;
        if (!gy_is_space(gy_utf8_decode_valid((const unsigned char *)d->s + pos, end - pos, &k)))
            break;
        pos += k;
    }
    return pos;
}

/* 附件1 on a line of its own: the short line after it is its heading. */
static void heading_from_next_line(gy_run *x, size_t line, gy_slice *heading)
{
    gy_doc *d = x->d;
    const gy_section_rules *r = &x->r->sections;
    for (size_t k = line + 1; k < d->text.nlines; k++) {
        if (!gy_doc_line_live(d, k))
            continue;
        gy_slice c = d->content[k];
        size_t chars = gy_slice_chars(d, c);
        if (chars <= r->heading_max_chars && d->text.lines[k].nsentences <= 1) {
            for (size_t m = 0; m < r->nmarkers; m++)
                if (gy_match(x, &r->markers[m].rx, d->s + c.start, c.end - c.start, 0) > 0)
                    return;
            *heading = c;
        }
        return;
    }
}

typedef struct builder {
    gy_run *x;
    gy_doc *d;
    const gy_section_rules *r;
    size_t stack[32];      /* open sections, index + 1 */
    size_t depth;
} builder;

static gy_role role_of(builder *b, const gy_section *sec)
{
    if (sec->parent)
        return GY_SECTIONS(b->d)[sec->parent - 1].role;
    const char *s = b->d->s + sec->heading.start;
    size_t len = sec->heading.end - sec->heading.start;
    int review = gy_match(b->x, &b->r->role_review, s, len, 0) > 0;
    int plan = gy_match(b->x, &b->r->role_plan, s, len, 0) > 0;
    /* "成就和主要目标任务": a section that does both has no single role */
    return review && !plan ? GY_ROLE_REVIEW : plan && !review ? GY_ROLE_PLAN : GY_ROLE_NONE;
}

static int add_section(builder *b, const raw_heading *h, int rank, const char *kind)
{
    gy_doc *d = b->d;
    while (b->depth > 0 && GY_SECTIONS(d)[b->stack[b->depth - 1] - 1].rank >= rank)
        b->depth--;
    gy_section *sec = gy_vec_push(&d->arena, &d->sections, sizeof *sec);
    if (!sec)
        return -1;
    const gy_line *l = &d->text.lines[h->line];
    sec->parent = b->depth ? b->stack[b->depth - 1] : 0;
    sec->level = (int)b->depth + 1;
    sec->rank = rank;
    sec->kind = kind;
    sec->marker.start = d->content[h->line].start;
    sec->marker.end = gy_utf8_trim_end(d->s, sec->marker.start, h->marker_end);
    sec->number = h->number;
    sec->heading.start = skip_spaces(d, h->marker_end, d->content[h->line].end);
    sec->heading.end = gy_utf8_trim_end(d->s, sec->heading.start,
                                 heading_end(d, h->line, sec->heading.start));
    if (sec->heading.end == sec->heading.start)
        heading_from_next_line(b->x, h->line, &sec->heading);
    sec->line = h->line + 1;
    sec->start = l->start;
    sec->end = d->len;
    sec->role = role_of(b, sec);
    d->flags[h->line] |= GY_LINE_HEADING;
    if (b->depth < sizeof b->stack / sizeof b->stack[0])
        b->stack[b->depth++] = d->sections.len;
    return 0;
}

/* Is an unnumbered series (首先, 其次) open on the stack?  Its rank, or -1. */
static int open_unnumbered(const builder *b)
{
    for (size_t k = b->depth; k-- > 0;) {
        const gy_section *s = &GY_SECTIONS(b->d)[b->stack[k] - 1];
        if (s->number < 0 && strcmp(s->kind, "closing") != 0)
            return s->rank;
    }
    return -1;
}

static int min_rank(const raw_list *l)
{
    int m = top_rank(l);
    return m == NO_RANK ? 0 : m;
}

/* A heading with no words after its marker and nothing live before the
 * next heading (附件2 whose glossary is noise) heads nothing. */
static int empty_part(const gy_doc *d, const raw_list *l, size_t i)
{
    const raw_heading *h = &l->h[i];
    size_t rest = h->marker_end;
    while (rest < d->content[h->line].end && d->s[rest] == ' ')
        rest++;
    if (rest < d->content[h->line].end)
        return 0;
    size_t stop = i + 1 < l->n ? l->h[i + 1].line : d->text.nlines;
    for (size_t k = h->line + 1; k < stop; k++)
        if (gy_doc_line_live(d, k))
            return 0;
    return 1;
}

static int build_tree(builder *b, raw_list *l)
{
    gy_doc *d = b->d;
    const gy_section_rules *r = b->r;
    int top = min_rank(l);
    /* the 最后 after which no top-level heading comes closes the speech */
    size_t closing = SIZE_MAX;
    for (size_t i = 0; i < l->n; i++) {
        if (!l->h[i].keep)
            continue;
        if (l->h[i].marker == -1)
            closing = i;
        else if (l->h[i].rank <= top)
            closing = SIZE_MAX;
    }
    for (size_t i = 0; i < l->n; i++) {
        const raw_heading *h = &l->h[i];
        if (!h->keep || empty_part(d, l, i))
            continue;
        if (h->marker == UNNUMBERED || h->marker == PART) {
            if (add_section(b, h, h->rank, h->marker == PART ? "part" : "unnumbered") != 0)
                return -1;
            continue;
        }
        if (h->marker >= 0) {
            const gy_section_marker *m = &r->markers[h->marker];
            const char *kind = gy_arena_strndup(&d->arena, m->rx.name, strlen(m->rx.name));
            if (!kind || add_section(b, h, m->rank, kind) != 0)
                return -1;
            continue;
        }
        int seq = open_unnumbered(b);
        if (seq >= 0) {
            if (add_section(b, h, seq, "sequence") != 0)
                return -1;
        } else if (i == closing) {
            if (add_section(b, h, top, "closing") != 0)
                return -1;
        }
    }
    return 0;
}

static int set_extents(gy_doc *d)
{
    gy_section *s = GY_SECTIONS(d);
    size_t n = d->sections.len, depth = 0;
    size_t *open = malloc((n ? n : 1) * sizeof *open);
    if (!open)
        return -1;
    for (size_t j = 0; j < n; j++) {
        while (depth > 0 && s[open[depth - 1]].level >= s[j].level)
            s[open[--depth]].end = s[j].start;
        open[depth++] = j;
    }
    free(open);
    return 0;
}

/* Numbering gaps and repeats among siblings of one kind. */
static int check_numbering(gy_doc *d)
{
    gy_section *s = GY_SECTIONS(d);
    size_t last[34];       /* per level: the previous sibling, index + 1 */
    memset(last, 0, sizeof last);
    for (size_t i = 0; i < d->sections.len; i++) {
        size_t lv = (size_t)s[i].level < 33 ? (size_t)s[i].level : 33;
        size_t prev = last[lv];
        last[lv] = i + 1;
        for (size_t k = lv + 1; k < 34; k++)
            last[k] = 0;
        if (s[i].number < 0)
            continue;
        if (prev && (s[prev - 1].number < 0 || strcmp(s[prev - 1].kind, s[i].kind) != 0))
            prev = 0;
        long want = prev ? s[prev - 1].number + 1 : 1;
        if (s[i].number == want || (prev && s[i].number == 1))
            continue; /* in order, or a new list starting again at 1 */
        int rc;
        if (!prev)
            rc = gy_doc_warn(d, s[i].line, "numbering",
                             "section numbering starts at %ld, not 1", s[i].number);
        else if (s[i].number == s[prev - 1].number)
            rc = gy_doc_warn(d, s[i].line, "numbering",
                             "section number %ld repeats the one on line %zu", s[i].number,
                             s[prev - 1].line);
        else
            rc = gy_doc_warn(d, s[i].line, "numbering",
                             "section %ld follows section %ld on line %zu (a gap)",
                             s[i].number, s[prev - 1].number, s[prev - 1].line);
        if (rc != 0)
            return -1;
    }
    return 0;
}

int gy_extract_sections(gy_run *x)
{
    gy_doc *d = x->d;
    raw_list l = {NULL, 0, 0};
    if (collect(x, &l) != 0) {
        free(l.h);
        return -1;
    }
    if ((drop_paragraph_numbers(&l, &x->r->sections) && add_unnumbered(x, &l) != 0) ||
        add_parts(x, &l) != 0) {
        free(l.h);
        return -1;
    }
    builder b;
    memset(&b, 0, sizeof b);
    b.x = x;
    b.d = d;
    b.r = &x->r->sections;
    int rc = build_tree(&b, &l);
    free(l.h);
    if (rc != 0)
        return -1;
    if (set_extents(d) != 0)
        return -1;
    return check_numbering(d);
}
