/* Times: dates, deadlines, periods and frequencies, found by the time
 * patterns where the paragraph scan meets a number or a trigger word; and
 * the period of a target, from the times before it. */
#include <string.h>

#include "scan.h"
#include "utf8.h"

/* May the number at pos begin a time phrase?  Only when what follows its
 * digits is one of the rules' after_number words (2024年, 3月, 2021—). */
int gy_time_may_follow(const gy_scan *p, size_t pos)
{
    const unsigned char *s = (const unsigned char *)p->d->s;
    size_t i = pos;
    if (!p->tr->after_number.n)
        return 1; /* no list: try the patterns after every number */
    while (i < p->b) {
        size_t k;
        uint32_t cp = gy_utf8_decode_valid(s + i, p->b - i, &k);
        if (!gy_is_digit(cp) && !gy_is_numeral(cp))
            break;
        i += k;
    }
    return gy_lex_at(&p->tr->after_number, p->d->s, i, p->b) >= 0;
}

/* The longest time pattern matching at pos; at a number only those that
 * may start with a digit are tried, elsewhere only the others (a trigger
 * word).  Stores the end; -1 if none. */
static int match_time(gy_scan *p, size_t pos, int at_number, size_t *end)
{
    const gy_time_rules *r = p->tr;
    const char *sub = p->d->s + p->a;
    size_t len = p->b - p->a;
    int best = -1;
    size_t best_end = pos;
    for (uint64_t may = gy_rxindex_at(&r->index, sub, len, pos - p->a); may; may &= may - 1) {
        size_t k = gy_rxindex_first(may), ms, me;
        const uint8_t *first = r->patterns[k].rx.first;
        int number_led = first['0' / 8] >> ('0' % 8) & 1;
        if (!at_number && number_led && !gy_is_numeral(gy_utf8_at_valid(p->d->s, pos, p->b, &ms)))
            continue;
        if (gy_match(p->x, &r->patterns[k].rx, sub, len, pos - p->a) &&
            gy_group(p->x, 0, &ms, &me) && p->a + me > best_end) {
            best = (int)k;
            best_end = p->a + me;
        }
    }
    *end = best_end;
    return best;
}

int gy_take_time(gy_scan *p, size_t pos, int num_start, size_t *end)
{
    int rule = match_time(p, pos, num_start, end);
    if (rule < 0)
        return 0;
    gy_time *t = gy_vec_push(&p->d->arena, &p->d->times, sizeof *t);
    if (!t)
        return -1;
    t->text.start = pos;
    t->text.end = *end;
    t->kind = p->tr->patterns[rule].kind;
    t->line = gy_doc_line_in(p->d, p->line, pos);
    return 1;
}

static int is_period(const gy_time *t)
{
    return t->kind == GY_TIME_PERIOD || t->kind == GY_TIME_FREQUENCY ||
           t->kind == GY_TIME_DEADLINE;
}

static int has_colon(const gy_scan *p, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        size_t k;
        if (gy_punct_at(p->punct, p->d->s, i, to, &k) & GY_P_COLON)
            return 1;
        i += k;
    }
    return 0;
}

/* Is time t what a figure is compared with (比上年, 较2020年)? */
static int is_base(const gy_scan *p, const gy_time *t)
{
    return gy_lex_ending_at(&p->tr->base_before, p->d->s, p->a, t->text.start) >= 0;
}

/* The period of a number at pos: the nearest period, deadline or frequency
 * before it in its clause, else in its part of the sentence (to ；), else
 * the first one of its sentence (今年…预期目标是：…；…).  A date in its
 * clause or its part of the sentence is its period too (2月20日，…创4.54万
 * 人次历史新高; 截至2015年底), unless it is what the figure is compared
 * with (比2020年).  A frequency there counts only when a colon leads into
 * the list the number stands in: 每年 in an earlier clause (每年…；…下降到
 * 4.5%) says nothing of it. */
gy_slice gy_period_before(const gy_scan *p, size_t pos)
{
    const gy_time *t = GY_TIMES(p->d);
    gy_slice first = {0, 0}, near = {0, 0};
    int first_frequency = 0;
    for (size_t i = p->d->times.len; i-- > p->first_time;) {
        if (t[i].text.end > pos)
            continue;
        if (t[i].text.start < p->full)
            break;
        int period = is_period(&t[i]);
        if (!period && (t[i].kind != GY_TIME_DATE || t[i].text.start < p->semi || is_base(p, &t[i])))
            continue;
        if (t[i].text.start >= p->clause)
            return t[i].text;
        if (t[i].text.start >= p->semi && near.end == near.start)
            near = t[i].text;
        if (!period)
            continue;
        first = t[i].text;
        first_frequency = t[i].kind == GY_TIME_FREQUENCY;
    }
    if (near.end > near.start)
        return near;
    if (first_frequency && !has_colon(p, first.end, p->semi))
        return near; /* none */
    return first;
}

int gy_has_frequency(const gy_scan *p, size_t floor, size_t pos)
{
    const gy_time *t = GY_TIMES(p->d);
    for (size_t i = p->d->times.len; i-- > p->first_time;) {
        if (t[i].text.start < floor)
            break;
        if (t[i].text.end <= pos && t[i].kind == GY_TIME_FREQUENCY)
            return 1;
    }
    return 0;
}
