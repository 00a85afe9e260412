/* Numbered tasks: series such as 一要…二要…, 一是…二是…, 其一…其二…,
 * inside paragraphs or at their start, nested when a series stands inside
 * an item of another. */
#include <stdlib.h>
#include <string.h>

#include "byteset.h"
#include "extract.h"
#include "numbers.h"
#include "utf8.h"

/* Series open at once: nesting deeper than this is not followed. */
enum { MAX_OPEN = 16 };

typedef struct cand {
    size_t pos;            /* marker start */
    size_t marker_end;
    size_t line;           /* index */
    size_t para;           /* ordinal of the paragraph among live lines */
    int marker;            /* index into rules->task_markers */
    long number;
    int initial;           /* at the start of its paragraph */
    size_t section;        /* index + 1 */
    size_t series;         /* index + 1 into the series list, 0 = none */
    size_t order;          /* position in the series, 0-based */
    size_t next;           /* index + 1 of the next item of its series, 0 = none */
} cand;

typedef struct series {
    size_t first, last;    /* candidate indices */
    size_t count;
    size_t parent_item;    /* candidate index + 1 of the item it nests in */
    int family;            /* marker index of the first item (family by name) */
    int directive;
    int dropped;
    size_t closed_at;      /* where a later series at its level or above began */
} series;

typedef struct state {
    gy_run *x;
    gy_doc *d;
    const gy_task_rules *r;
    gy_vec deadlines;      /* gy_slice: deadline phrases in the lines indexed */
    size_t *resume;        /* per deadline pattern: where its next match may start */
    size_t indexed;        /* lines below this index are indexed (or passed) */
    cand *c;
    size_t nc, capc;
    series *s;
    size_t ns, caps;
} state;

static int push_cand(state *st, const cand *c)
{
    cand *p = gy_push(NULL, &st->c, &st->nc, &st->capc, sizeof *p);
    if (!p)
        return -1;
    *p = *c;
    return 0;
}

/* A new series; returns its index + 1, or 0 when out of memory. */
static size_t push_series(state *st)
{
    return gy_push(NULL, &st->s, &st->ns, &st->caps, sizeof(series)) ? st->ns : 0;
}

/* Bytes that can begin some task marker (from the patterns' first code
 * units), so most clause starts are passed over without a match call. */
static void marker_first_bytes(const gy_task_rules *r, unsigned char first[256])
{
    memset(first, 0, 256);
    for (size_t k = 0; k < r->nmarkers; k++)
        for (int b = 0; b < 256; b++)
            if (r->markers[k].rx.first[b / 8] & (1u << (b % 8)))
                first[b] = 1;
}

static int try_markers(state *st, size_t line, size_t para, size_t pos, int initial)
{
    const gy_slice *ct = &st->d->content[line];
    const char *sub = st->d->s + ct->start;
    size_t len = ct->end - ct->start;
    for (uint64_t may = gy_rxindex_at(&st->r->marker_index, sub, len, pos - ct->start); may;
         may &= may - 1) {
        size_t k = gy_rxindex_first(may);
        const gy_task_marker *m = &st->r->markers[k];
        size_t ms, me, ns, ne;
        if (!gy_match(st->x, &m->rx, sub, len, pos - ct->start) || !gy_group(st->x, 0, &ms, &me) ||
            !gy_group(st->x, m->rx.g_number, &ns, &ne))
            continue;
        long number = gy_marker_number(sub + ns, ne - ns);
        if (number <= 0)
            continue;
        cand c;
        memset(&c, 0, sizeof c);
        c.pos = pos;
        c.marker_end = ct->start + me;
        c.line = line;
        c.para = para;
        c.marker = (int)k;
        c.number = number;
        c.initial = initial;
        c.section = gy_doc_section_at(st->d, pos);
        return push_cand(st, &c);
    }
    return 0;
}

/* Finds marker candidates at clause starts of every live paragraph. */
static int collect(state *st)
{
    gy_doc *d = st->d;
    const gy_task_rules *r = st->r;
    unsigned char first[256];
    marker_first_bytes(r, first);
    const gy_charscan *lead = &r->after_firsts;
    const unsigned char *u = (const unsigned char *)d->s;
    size_t para = 0;
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i) || (d->flags[i] & GY_LINE_HEAD))
            continue;
        para++;
        size_t a = d->content[i].start, b = d->content[i].end;
        if (first[(unsigned char)d->s[a]] && try_markers(st, i, para, a, 1) != 0)
            return -1;
        for (size_t p = gy_charscan_next(lead, u, a, b); p < b;
             p = gy_charscan_next(lead, u, p + 1, b)) {
            /* the scan stops only where an after word may start: when
             * each is one character, the one there is the word */
            size_t q, k;
            if (r->after.one_char) {
                gy_utf8_decode_valid(u + p, b - p, &k);
                q = p + k;
            } else {
                int w = gy_lex_at(&r->after, d->s, p, b);
                if (w < 0)
                    continue;
                q = p + r->after.words[w].len;
            }
            if (q < b && first[u[q]] &&
                (!r->marker_starts_known ||
                 gy_bmpset_has(&r->marker_starts, gy_utf8_decode_valid(u + q, b - q, &k))) &&
                try_markers(st, i, para, q, 0) != 0)
                return -1;
            p = q - 1;
        }
    }
    return 0;
}

static const char *family(const state *st, int marker)
{
    return st->r->markers[marker].family;
}

/* May candidate c continue series s (whose last item is st->c[s->last])? */
static int may_continue(const state *st, const series *s, const cand *c)
{
    const cand *last = &st->c[s->last];
    if (strcmp(family(st, st->c[s->first].marker), family(st, c->marker)) != 0)
        return 0;
    if (c->section != last->section)
        return 0;
    if (c->para == last->para)
        return 1;
    return c->initial && c->para - last->para <= st->r->max_gap_paragraphs;
}

static int add_item(state *st, size_t si, size_t ci)
{
    series *s = &st->s[si - 1];
    cand *c = &st->c[ci];
    const cand *last = &st->c[s->last];
    if (c->number != last->number + 1) {
        const char *text = st->d->s;
        int cl = (int)(c->marker_end - c->pos), ll = (int)(last->marker_end - last->pos);
        int rc = c->number == last->number
                     ? gy_doc_warn(st->d, c->line + 1, "numbering",
                                   "item %.*s repeats the number of the item on line %zu", cl,
                                   text + c->pos, last->line + 1)
                     : gy_doc_warn(st->d, c->line + 1, "numbering",
                                   "item %.*s follows item %.*s on line %zu (a gap)", cl,
                                   text + c->pos, ll, text + last->pos, last->line + 1);
        if (rc != 0)
            return -1;
    }
    c->series = si;
    c->order = s->count++;
    st->c[s->last].next = ci + 1;
    s->last = ci;
    return 0;
}

/* Closes the open series above depth: a later series at their level or
 * above begins at pos, and their last items end there at the latest. */
static void close_above(state *st, const size_t *open, size_t from, size_t depth, size_t pos)
{
    for (size_t k = from; k < depth; k++) {
        series *s = &st->s[open[k] - 1];
        if (!s->closed_at)
            s->closed_at = pos;
    }
}

/* Is candidate c inside the scope of the last item of series s? */
static int inside_last_item(const state *st, const series *s, const cand *c)
{
    const cand *last = &st->c[s->last];
    if (c->section != last->section || c->pos <= last->pos)
        return 0;
    if (c->para == last->para)
        return 1;
    /* an item that opens a paragraph holds the paragraphs after it */
    return last->initial && !c->initial && c->para - last->para <= st->r->max_gap_paragraphs;
}

static int build_series(state *st)
{
    size_t open[MAX_OPEN];
    size_t depth = 0;
    for (size_t ci = 0; ci < st->nc; ci++) {
        cand *c = &st->c[ci];
        /* series of another section are over */
        size_t was = depth;
        while (depth > 0 && st->c[st->s[open[depth - 1] - 1].last].section != c->section)
            depth--;
        close_above(st, open, depth, was, c->pos);
        if (c->number > 1) {
            size_t k = depth;
            while (k > 0) {
                const series *s = &st->s[open[k - 1] - 1];
                if (may_continue(st, s, c) && c->number > st->c[s->last].number - 1 &&
                    c->number <= st->c[s->last].number + 2)
                    break;
                k--;
            }
            if (k == 0)
                continue; /* a stray marker */
            close_above(st, open, k, depth, c->pos);
            depth = k;
            if (add_item(st, open[k - 1], ci) != 0)
                return -1;
            continue;
        }
        if (c->number != 1)
            continue;
        /* a new series: nested in the last item of an open series of
         * another family that holds it, else it replaces the open ones */
        was = depth;
        while (depth > 0) {
            const series *s = &st->s[open[depth - 1] - 1];
            if (strcmp(family(st, st->c[s->first].marker), family(st, c->marker)) != 0 &&
                inside_last_item(st, s, c))
                break;
            depth--;
        }
        close_above(st, open, depth, was, c->pos);
        size_t si = push_series(st);
        if (!si)
            return -1;
        series *s = &st->s[si - 1];
        s->first = s->last = ci;
        s->count = 1;
        s->family = c->marker;
        s->parent_item = depth ? st->s[open[depth - 1] - 1].last + 1 : 0;
        c->series = si;
        c->order = 0;
        if (depth < MAX_OPEN)
            open[depth++] = si;
    }
    return 0;
}

/* ---- turning series into tasks -------------------------------------------- */

/* The end of s[start..end) without spaces and clause marks at its end. */
static size_t trim_end(const state *st, size_t start, size_t end)
{
    const char *s = st->d->s;
    while (end > start) {
        size_t k = gy_utf8_back(s, start, end), n;
        uint32_t cp = gy_utf8_at_valid(s, k, end, &n);
        if (!gy_is_space(cp) && !(gy_punct_roles(&st->x->r->punct, cp) & (GY_P_CLAUSE | GY_P_SEMI)))
            break;
        end = k;
    }
    return end;
}

/* The end of the first sentence of the line that ends after from. */
static size_t sentence_end_after(const gy_doc *d, size_t line, size_t from)
{
    const gy_line *l = &d->text.lines[line];
    const gy_span *sp = &d->text.sentences[l->first_sentence];
    size_t lo = 0, hi = l->nsentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sp[mid].end <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->nsentences ? sp[lo].end : d->content[line].end;
}

/* Next item of the same series, or NULL. */
static const cand *next_sibling(const state *st, size_t ci)
{
    size_t next = st->c[ci].next;
    return next ? &st->c[next - 1] : NULL;
}

/* Does the paragraph of line i hold one sentence only (a heading-like item)? */
static int one_sentence(const gy_doc *d, size_t line)
{
    return d->text.lines[line].nsentences <= 1;
}

/* Where item ci ends: at its next sibling; else at the end of its sentence
 * when the whole series stands in one sentence, or of its paragraph (and
 * the next paragraph, for an item that is a heading-like line of its
 * own); and never after a later series at its level or above begins. */
static size_t item_end(const state *st, size_t ci)
{
    const gy_doc *d = st->d;
    const cand *c = &st->c[ci];
    const cand *next = next_sibling(st, ci);
    if (next)
        return next->pos;
    const series *s = &st->s[c->series - 1];
    const cand *first = &st->c[s->first];
    size_t end = d->content[c->line].end;
    if (!c->initial && first->line == c->line &&
        gy_text_sentence_at(&d->text, first->pos) == gy_text_sentence_at(&d->text, c->pos)) {
        end = sentence_end_after(d, c->line, c->pos);
    } else if (c->initial && one_sentence(d, c->line)) {
        /* 一是联合港澳…。 on a line of its own, its body on the next */
        for (size_t k = c->line + 1; k < d->text.nlines; k++) {
            if (!gy_doc_line_live(d, k))
                continue;
            if (!(d->flags[k] & GY_LINE_HEADING))
                end = d->content[k].end;
            break;
        }
    }
    return s->closed_at > c->pos && s->closed_at < end ? s->closed_at : end;
}

/* The words just before the first item: up to intro_chars characters
 * before it in its paragraph, or the end of the paragraph before. */
static gy_slice intro_of(const state *st, const cand *first)
{
    const gy_doc *d = st->d;
    gy_slice sl = {first->pos, first->pos};
    size_t line = first->line;
    if (first->initial) {
        size_t k = line;
        while (k-- > 0)
            if (gy_doc_line_live(d, k))
                break;
        if (k == SIZE_MAX || k >= line)
            return sl;
        line = k;
        sl.start = sl.end = d->content[k].end;
    }
    size_t floor = d->content[line].start;
    size_t p = sl.end;
    for (size_t n = 0; n < st->r->intro_chars && p > floor; n++)
        p = gy_utf8_back(d->s, floor, p);
    sl.start = p;
    return sl;
}

static int decide_directive(state *st, const series *s)
{
    const cand *first = &st->c[s->first];
    if (st->r->markers[first->marker].directive)
        return 1;
    size_t sec = first->section;
    if (sec && GY_SECTIONS(st->d)[sec - 1].role == GY_ROLE_REVIEW)
        return 0;
    gy_slice in = intro_of(st, first);
    return gy_lex_last_cue(&st->r->intro_cues, st->d->s, in.start, in.end) != GY_CUE_FACT;
}

static int text_asks(const state *st, size_t from, size_t end)
{
    if (gy_lex_at(&st->r->text_starts_not, st->d->s, from, end) >= 0)
        return 0;
    return gy_lex_at(&st->r->text_starts, st->d->s, from, end) >= 0;
}

static int by_start_longest(const void *a, const void *b)
{
    const gy_slice *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

static int add_deadline(state *st, size_t ms, size_t me)
{
    if (me <= ms)
        return 0;
    gy_slice *h = gy_vec_push(NULL, &st->deadlines, sizeof *h);
    if (!h)
        return -1;
    h->start = ms;
    h->end = me;
    return 0;
}

/* The matches of the patterns tried where their first characters stand,
 * all found in one pass over s[a..b): each pattern's matches do not
 * overlap, as if it were searched through the line on its own. */
static int index_at_first(state *st, size_t a, size_t b)
{
    const gy_task_rules *r = st->r;
    const char *s = st->d->s;
    for (size_t k = 0; k < r->ndeadlines; k++)
        st->resume[k] = a;
    for (size_t pos = gy_rxset_next(&r->deadline_set, s, a, b); pos < b;
         pos = gy_rxset_next(&r->deadline_set, s, pos + 1, b))
        for (size_t k = 0; k < r->ndeadlines; k++) {
            size_t ms, me;
            if (!r->deadlines[k].at_first || pos < st->resume[k] ||
                !gy_match(st->x, &r->deadlines[k], s, b, pos) || !gy_group(st->x, 0, &ms, &me))
                continue;
            if (add_deadline(st, ms, me) != 0)
                return -1;
            st->resume[k] = me > pos ? me : pos + 1;
        }
    return 0;
}

/* The deadline phrases of line i, each pattern looked for through it once,
 * appended in text order. */
static int index_line(state *st, size_t i)
{
    const gy_slice *c = &st->d->content[i];
    size_t from = st->deadlines.len;
    if (st->r->deadline_set.n_at_first && index_at_first(st, c->start, c->end) != 0)
        return -1;
    for (size_t k = 0; k < st->r->ndeadlines; k++) {
        if (st->r->deadlines[k].at_first)
            continue;
        size_t at = c->start, ms, me;
        while (at < c->end && gy_match(st->x, &st->r->deadlines[k], st->d->s, c->end, at) &&
               gy_group(st->x, 0, &ms, &me)) {
            if (add_deadline(st, ms, me) != 0)
                return -1;
            at = me > at ? me : at + 1;
        }
    }
    if (st->deadlines.len > from + 1)
        gy_sort((gy_slice *)st->deadlines.items + from, st->deadlines.len - from, sizeof(gy_slice),
              by_start_longest);
    return 0;
}

/* The first deadline phrase inside s[start..end) (the longest of those
 * that start there).  Lines are indexed as the items reach them: items
 * come in text order, so each line is searched once. */
static int find_deadline(state *st, size_t start, size_t end, gy_slice *out)
{
    const gy_doc *d = st->d;
    size_t first = gy_text_line_of(&d->text, start) - 1, last = gy_text_line_of(&d->text, end) - 1;
    if (st->indexed < first)
        st->indexed = first;
    for (; st->indexed <= last && st->indexed < d->text.nlines; st->indexed++)
        if (gy_doc_line_live(d, st->indexed) && index_line(st, st->indexed) != 0)
            return -1;
    const gy_slice *h = st->deadlines.items;
    size_t lo = 0, hi = st->deadlines.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    out->start = out->end = 0;
    for (; lo < st->deadlines.len && h[lo].start < end; lo++)
        if (h[lo].end <= end) {
            *out = h[lo];
            break;
        }
    return 0;
}

/* Announced count ("三大工程", "四个特点") in the intro, or -1. */
static long announced(const state *st, gy_slice in)
{
    const gy_doc *d = st->d;
    long found = -1;
    for (size_t p = in.start; p < in.end;) {
        size_t k;
        uint32_t cp = gy_utf8_decode_valid((const unsigned char *)d->s + p, in.end - p, &k);
        if (gy_cn_digit(cp) > 0 || gy_cn_unit(cp) == 10.0) {
            gy_number n;
            if (gy_parse_number(d->s, p, in.end, &n) > 0 && n.chinese &&
                gy_lex_at(&st->r->announce_counters, d->s, n.end, in.end) >= 0 &&
                n.value >= (double)st->r->announce_min && n.value <= (double)st->r->announce_max)
                found = (long)n.value;
            p = n.end > p ? n.end : p + k;
            continue;
        }
        /* a full stop ends the sentence the count could belong to */
        if (gy_punct_roles(&st->x->r->punct, cp) & GY_P_STOP)
            found = -1;
        p += k;
    }
    return found;
}

/* A series whose items mostly ask for action in their own words (一是要…
 * 二是…领导小组要… 三是要…) asks for action in all of them, whatever the
 * words before it suggested. */
static void majority_asks(state *st)
{
    gy_doc *d = st->d;
    gy_task *t = GY_TASKS(d);
    size_t *asks = calloc(st->ns + 1, sizeof *asks);
    if (!asks)
        return; /* only a refinement; the decisions made stand */
    for (size_t i = 0; i < d->tasks.len; i++)
        if (t[i].directive)
            asks[t[i].series]++;
    for (size_t i = 0; i < d->tasks.len; i++) {
        const series *s = &st->s[t[i].series - 1];
        if (!t[i].directive && asks[t[i].series] >= st->r->majority_min &&
            asks[t[i].series] * 2 > s->count)
            t[i].directive = 1;
    }
    free(asks);
}

/* Fills task t from candidate ci; task_of maps candidates to tasks. */
static int fill_task(state *st, size_t ci, gy_task *t, const size_t *task_of)
{
    gy_doc *d = st->d;
    const cand *c = &st->c[ci];
    series *s = &st->s[c->series - 1];
    const gy_task_marker *m = &st->r->markers[c->marker];
    size_t pi = s->parent_item;
    if (pi && st->s[st->c[pi - 1].series - 1].dropped)
        pi = 0;
    t->section = c->section;
    t->parent = pi ? task_of[pi - 1] : 0;
    t->series = c->series;
    t->family = gy_arena_strndup(&d->arena, m->family, strlen(m->family));
    t->marker.start = c->pos;
    t->marker.end = c->marker_end;
    t->number = c->number;
    t->line = gy_doc_line_in(d, c->line, c->pos);
    t->start = c->pos;
    t->end = item_end(st, ci);
    const gy_task *parent = t->parent ? &GY_TASKS(d)[t->parent - 1] : NULL;
    if (parent && t->end > parent->end)
        t->end = parent->end;
    size_t text_to = sentence_end_after(d, c->line, c->marker_end);
    const cand *next = next_sibling(st, ci);
    if (next && next->pos < text_to)
        text_to = next->pos;
    t->text.start = c->marker_end;
    t->text.end = trim_end(st, c->marker_end, text_to);
    if (c->order == 0)
        s->directive = parent ? parent->directive || m->directive : decide_directive(st, s);
    t->directive = s->directive || text_asks(st, c->marker_end, t->end);
    if (find_deadline(st, t->start, t->end, &t->deadline) != 0)
        return -1;
    return t->family ? 0 : -1;
}

static int emit_tasks(state *st)
{
    gy_doc *d = st->d;
    /* candidate index -> task index + 1 */
    size_t *task_of = calloc(st->nc ? st->nc : 1, sizeof *task_of);
    if (!task_of)
        return -1;
    for (size_t si = 0; si < st->ns; si++)
        st->s[si].dropped = st->s[si].count < 2;
    /* items in text order; a nested series follows its parent item */
    int rc = 0;
    for (size_t ci = 0; ci < st->nc && rc == 0; ci++) {
        const cand *c = &st->c[ci];
        if (!c->series || st->s[c->series - 1].dropped)
            continue;
        gy_task *t = gy_vec_push(&d->arena, &d->tasks, sizeof *t);
        task_of[ci] = d->tasks.len;
        rc = t ? fill_task(st, ci, t, task_of) : -1;
    }
    free(task_of);
    if (rc == 0)
        majority_asks(st);
    return rc;
}

static int check_counts(state *st)
{
    for (size_t si = 0; si < st->ns; si++) {
        series *s = &st->s[si];
        if (s->dropped)
            continue;
        const cand *first = &st->c[s->first];
        long want = announced(st, intro_of(st, first));
        if (want > 0 && (size_t)want != s->count &&
            gy_doc_warn(st->d, first->line + 1, "count-mismatch",
                        "the words before this series announce %ld items, but it has %zu",
                        want, s->count) != 0)
            return -1;
    }
    return 0;
}

int gy_extract_tasks(gy_run *x)
{
    state st;
    memset(&st, 0, sizeof st);
    st.x = x;
    st.d = x->d;
    st.r = &x->r->tasks;
    st.resume = malloc((st.r->ndeadlines ? st.r->ndeadlines : 1) * sizeof *st.resume);
    int rc = st.resume ? collect(&st) : -1;
    if (rc == 0)
        rc = build_series(&st);
    if (rc == 0)
        rc = emit_tasks(&st);
    if (rc == 0)
        rc = check_counts(&st);
    free(st.c);
    free(st.resume);
    gy_vec_free(&st.deadlines);
    free(st.s);
    return rc;
}
