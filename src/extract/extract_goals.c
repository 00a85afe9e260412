/* Goals, once their years are known: which figures are estimates (预计,
 * 初步统计), which goals aspire to more (争取更好结果), and which state again
 * a goal stated before (经济增长预期目标设定为6%以上 after 国内生产总值增长
 * 6%以上), so that a table holds each goal once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "scan.h"

/* The estimate words met so far: the text is looked at once, up to each
 * figure in turn (figures come in text order). */
typedef struct estimates {
    size_t upto;           /* how far the text has been looked at */
    size_t last;           /* where the last estimate word before upto starts,
                              or SIZE_MAX */
} estimates;

/* An estimate word before the figure in its sentence (or in its clause,
 * where the sentence was cut to the figure's context). */
static int is_estimate(const gy_run *x, const gy_target *t, estimates *e)
{
    const gy_lexicon *lx = &x->r->targets.estimate_words;
    size_t from = t->sentence.start < t->clause ? t->sentence.start : t->clause;
    size_t pos = e->upto > from ? e->upto : from, where;
    /* a word may start before where the last look ended */
    pos = pos - from > lx->max_len ? pos - lx->max_len : from;
    while (((unsigned char)x->d->s[pos] & 0xC0) == 0x80)
        pos++;
    while (pos < t->text.start && gy_lex_first_in(lx, x->d->s, pos, t->text.start, &where) >= 0) {
        e->last = where;
        pos = where + 1;
        while (pos < t->text.start && ((unsigned char)x->d->s[pos] & 0xC0) == 0x80)
            pos++;
    }
    if (t->text.start > e->upto)
        e->upto = t->text.start;
    return e->last != SIZE_MAX && e->last >= from && e->last < t->text.start;
}

/* An aspiration after the goal, before the next figure or its sentence's
 * end. */
static int aspires(const gy_run *x, size_t i)
{
    const gy_doc *d = x->d;
    const gy_target *t = &GY_TARGETS(d)[i];
    size_t end = t->sentence.end, where;
    if (i + 1 < d->targets.len && GY_TARGETS(d)[i + 1].text.start < end)
        end = GY_TARGETS(d)[i + 1].text.start;
    return t->text.end < end &&
           gy_lex_first_in(&x->r->targets.aspirations, d->s, t->text.end, end, &where) >= 0;
}

/* ---- restatements: goals with the same indicator, year and bounds ----------- */

static int same_goal(const gy_target *a, const gy_target *b)
{
    return a->year == b->year && a->op == b->op && a->min == b->min && a->max == b->max &&
           a->value == b->value && strcmp(a->indicator, b->indicator) == 0 &&
           strcmp(a->unit, b->unit) == 0;
}

static uint64_t goal_hash(const gy_target *t)
{
    uint64_t h = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)t->indicator; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    h = (h ^ (uint64_t)(unsigned)t->year) * 1099511628211u;
    uint64_t bits;
    memcpy(&bits, &t->value, sizeof bits);
    return (h ^ bits) * 1099511628211u;
}

static int is_goal(const gy_target *t) { return !t->fact && t->indicator && t->year; }

/* Marks each goal that a goal before it states already: one pass with a
 * table of the first goal of each indicator, year and value. */
static int mark_restatements(gy_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->targets.len; i++)
        n += (size_t)is_goal(&GY_TARGETS(d)[i]);
    if (n < 2)
        return 0;
    size_t cap = 4;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot); /* index + 1 of a first goal */
    if (!slot)
        return -1;
    for (size_t i = 0; i < d->targets.len; i++) {
        gy_target *t = &GY_TARGETS(d)[i];
        if (!is_goal(t))
            continue;
        for (size_t h = goal_hash(t) & (cap - 1);; h = (h + 1) & (cap - 1)) {
            if (!slot[h]) {
                slot[h] = i + 1;
                break;
            }
            if (same_goal(&GY_TARGETS(d)[slot[h] - 1], t)) {
                t->restates = slot[h];
                break;
            }
        }
    }
    free(slot);
    return 0;
}

/* Records the no-goal statement s[a..b) of line i (its subject group read
 * by the catalogue).  Returns 0, or -1 when out of memory. */
static int add_no_goal(gy_run *x, size_t i, size_t a, size_t b)
{
    gy_doc *d = x->d;
    size_t sa, sb;
    if (!gy_group(x, x->r->targets.no_goal.g_subject, &sa, &sb))
        return 0;
    const char *ind = gy_indicator_named(x, d->s + sa, sb - sa);
    if (!ind)
        return 0;
    gy_no_goal *g = gy_vec_push(&d->arena, &d->no_goals, sizeof *g);
    if (!g)
        return -1;
    /* the document may outlive its rules: the id is copied */
    *g = (gy_no_goal){gy_arena_strndup(&d->arena, ind, strlen(ind)), d->year,
                      gy_doc_line_in(d, i, a), {a, b}};
    return g->indicator ? 0 : -1;
}

/* The no-goal statements of s[from..end) of line i, searched through. */
static int search_no_goals(gy_run *x, size_t i, size_t from, size_t end, size_t *last)
{
    const gy_rx *rx = &x->r->targets.no_goal;
    size_t a, b;
    while (from < end && gy_match(x, rx, x->d->s, end, from) && gy_group(x, 0, &a, &b) &&
           b > from) {
        if (a >= *last && add_no_goal(x, i, a, b) != 0)
            return -1;
        *last = b;
        from = b;
    }
    return 0;
}

/* Figures the report says it sets no goal for.  Where the rules name the
 * words every such statement ends with, it is looked for only in the
 * stretch before each of them (as long as the longest statement): the
 * search starts from a cheap anchor, not at every 不 of the text. */
static int find_no_goals(gy_run *x)
{
    gy_doc *d = x->d;
    const gy_target_rules *r = &x->r->targets;
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        gy_slice c = d->content[i];
        size_t last = c.start, at;
        if (!r->no_goal_ends.n) {
            if (search_no_goals(x, i, c.start, c.end, &last) != 0)
                return -1;
            continue;
        }
        for (size_t from = c.start; from < c.end;) {
            int w = gy_lex_first_in(&r->no_goal_ends, d->s, from, c.end, &at);
            if (w < 0)
                break;
            size_t end = at + r->no_goal_ends.words[w].len, start = at;
            for (size_t n = 0; n < r->no_goal_chars && start > c.start; n++)
                start = gy_utf8_back(d->s, c.start, start);
            if (start < last)
                start = last;
            if (search_no_goals(x, i, start, end, &last) != 0)
                return -1;
            from = end;
        }
    }
    return 0;
}

int gy_extract_goals(gy_run *x)
{
    gy_doc *d = x->d;
    estimates e = {0, SIZE_MAX};
    for (size_t i = 0; i < d->targets.len; i++) {
        gy_target *t = &GY_TARGETS(d)[i];
        /* an estimate is of what happened: a goal is none */
        t->estimate = t->fact && is_estimate(x, t, &e);
        t->aspiration = !t->fact && aspires(x, i);
    }
    return mark_restatements(d) != 0 || find_no_goals(x) != 0 ? -1 : 0;
}
