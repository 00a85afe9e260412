/* Goals, once their years are known: which figures are estimates (预计,
 * 初步统计), which goals aspire to more (争取更好结果), and which state again
 * a goal stated before (经济增长预期目标设定为6%以上 after 国内生产总值增长
 * 6%以上), so that a table holds each goal once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

/* Where the first estimate word of a sentence stands, looked for once per
 * sentence and only up to its last figure (its figures come in text
 * order). */
typedef struct estimates {
    size_t from, end;      /* the sentence looked at */
    size_t upto;           /* how far it has been looked at */
    size_t first;          /* where its first estimate word is, or SIZE_MAX */
} estimates;

/* An estimate word before the figure in its sentence. */
static int is_estimate(const gy_run *x, const gy_target *t, estimates *e)
{
    size_t from = t->sentence.start < t->clause ? t->sentence.start : t->clause;
    if (from != e->from || t->sentence.end != e->end) {
        e->from = e->upto = from;
        e->end = t->sentence.end;
        e->first = SIZE_MAX;
    }
    if (e->first == SIZE_MAX && e->upto < t->text.start) {
        const gy_lexicon *lx = &x->r->targets.estimate_words;
        size_t where, back = e->upto - from > lx->max_len ? e->upto - lx->max_len : from;
        while (back > from && ((unsigned char)x->d->s[back] & 0xC0) == 0x80)
            back++;
        if (gy_lex_first_in(lx, x->d->s, back, t->text.start, &where) >= 0)
            e->first = where;
        e->upto = t->text.start;
    }
    return e->first < t->text.start;
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

int gy_extract_goals(gy_run *x)
{
    gy_doc *d = x->d;
    estimates e = {SIZE_MAX, 0, 0, SIZE_MAX};
    for (size_t i = 0; i < d->targets.len; i++) {
        gy_target *t = &GY_TARGETS(d)[i];
        t->estimate = is_estimate(x, t, &e);
        t->aspiration = !t->fact && aspires(x, i);
    }
    return mark_restatements(d);
}
