/* Years: the report's date and year (from its dateline, title or
 * headings), the year each time phrase names, and the year each target is
 * for: the nearest year named before it in its clause, else in its
 * sentence, its paragraph, its section's heading, else its part (a review
 * is of the year before the report). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "numbers.h"
#include "utf8.h"

enum { MIN_YEAR = 1900, MAX_YEAR = 2200, MAX_TIMES_LOOKED_AT = 64 };

/* The number written just before s[end] (a year before 年, a month before
 * 月), digits or numerals; -1 when none. */
static long number_before(const char *s, size_t floor, size_t end)
{
    size_t a = end, k;
    for (int n = 0; n < 4 && a > floor; n++) {
        size_t b = gy_utf8_back(s, floor, a);
        uint32_t cp = gy_utf8_at_valid(s, b, a, &k);
        if (!gy_is_digit(cp) && !gy_is_numeral(cp))
            break;
        a = b;
    }
    gy_number num;
    if (a == end || gy_parse_number(s, a, end, &num) <= 0 || num.end != end ||
        num.value != (double)(long)num.value)
        return -1;
    return (long)num.value;
}

/* The last year written as digits or numerals before 年 in s[a..b). */
static int last_year_in(const char *s, size_t a, size_t b)
{
    static const char nian[] = "年";
    int year = 0;
    for (size_t i = a; i + 3 <= b; i++)
        if (memcmp(s + i, nian, 3) == 0) {
            long y = number_before(s, a, i);
            if (y >= MIN_YEAR && y <= MAX_YEAR)
                year = (int)y;
        }
    return year;
}

/* A date (2026年1月27日) in s[0..n): into iso when found; returns the year. */
static int date_in(const char *s, size_t n, char *iso, size_t size)
{
    static const char nian[] = "年", yue[] = "月", ri[] = "日";
    for (size_t i = 0; i + 3 <= n; i++) {
        if (memcmp(s + i, nian, 3) != 0)
            continue;
        long y = number_before(s, 0, i);
        if (y < MIN_YEAR || y > MAX_YEAR)
            continue;
        const char *m = strstr(s + i, yue);
        const char *d = m ? strstr(m, ri) : NULL;
        long mo = m && m < s + n && m - (s + i) <= 12 ? number_before(s, i + 3, (size_t)(m - s)) : -1;
        long day = d && d < s + n && d - m <= 12 ? number_before(s, (size_t)(m - s) + 3, (size_t)(d - s)) : -1;
        if (mo >= 1 && mo <= 12 && day >= 1 && day <= 31)
            snprintf(iso, size, "%04ld-%02ld-%02ld", y, mo, day);
        return (int)y;
    }
    return 0;
}

/* The year of the first heading of the given role, 0 when none says. */
static int heading_year(const gy_doc *d, gy_role role)
{
    for (size_t i = 0; i < d->sections.len; i++) {
        const gy_section *sec = &GY_SECTIONS(d)[i];
        if (sec->role == role && !sec->parent) {
            int y = last_year_in(d->s, sec->heading.start, sec->heading.end);
            if (y)
                return y;
        }
    }
    return 0;
}

/* The last year of a plan period a top heading of the given role names
 * (“九五”时期…的回顾), 0 when none. */
static int heading_period(const gy_run *x, gy_role role)
{
    const gy_doc *d = x->d;
    const gy_time_rules *r = &x->r->times;
    for (size_t i = 0; i < d->sections.len; i++) {
        const gy_section *sec = &GY_SECTIONS(d)[i];
        size_t where;
        int w = sec->role == role && !sec->parent
                    ? gy_lex_first_in(&r->periods, d->s, sec->heading.start, sec->heading.end,
                                      &where)
                    : -1;
        if (w >= 0)
            return r->period_last[r->periods.words[w].tag];
    }
    return 0;
}

static gy_role role_at(const gy_doc *d, size_t off)
{
    size_t s = gy_doc_section_at(d, off);
    return s ? GY_SECTIONS(d)[s - 1].role : GY_ROLE_NONE;
}

/* A paragraph that opens by saying which year it speaks of (2013年是…开局
 * 之年; 2024年，是…关键一年): that year in a plan part, the next one in a
 * review; 0 when no paragraph of a part does. */
static int year_statement(const gy_doc *d)
{
    static const char nian[] = "年", shi[] = "是", comma[] = "，";
    const char *s = d->s;
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i) || (d->flags[i] & (GY_LINE_HEAD | GY_LINE_HEADING)))
            continue;
        size_t a = d->content[i].start, b = d->content[i].end, k = a, len;
        for (int n = 0; n < 4 && k < b; n++)
            k += gy_utf8_at_valid(s, k, b, &len) ? len : 1;
        long y = k + 3 <= b && memcmp(s + k, nian, 3) == 0 ? number_before(s, a, k) : -1;
        size_t after = k + 3;
        if (after + 3 <= b && memcmp(s + after, comma, 3) == 0)
            after += 3;
        if (y < MIN_YEAR || y > MAX_YEAR || after + 3 > b || memcmp(s + after, shi, 3) != 0)
            continue;
        gy_role role = role_at(d, a);
        if (role != GY_ROLE_NONE)
            return (int)y + (role == GY_ROLE_REVIEW);
    }
    return 0;
}

/* The latest year named in the review parts (国内生产总值…增加到2002年的
 * 10.2万亿元) at least review_year_mentions times, plus one: a review ends
 * with the year before its report, and names it more than once, where a
 * later year named once is an event's (赢得2010年世界博览会举办权).  A year
 * right after a word that points ahead (到2010年，) is a goal's and is left
 * out, unless 的 follows it (增加到2002年的: the level of that year). */
static int after_review(const gy_run *x)
{
    static const char nian[] = "年", de[] = "的";
    const gy_doc *d = x->d;
    const gy_time_rules *r = &x->r->times;
    unsigned short count[MAX_YEAR - MIN_YEAR + 1] = {0};
    for (size_t i = 0; i < d->sections.len; i++) {
        const gy_section *sec = &GY_SECTIONS(d)[i];
        if (sec->role != GY_ROLE_REVIEW || sec->parent)
            continue;
        for (size_t k = sec->start; k + 3 <= sec->end; k++) {
            const char *hit = gy_find_char(d->s + k, sec->end - k, nian, 3);
            if (!hit)
                break;
            k = (size_t)(hit - d->s);
            long y = number_before(d->s, sec->start, k);
            if (y < MIN_YEAR || y > MAX_YEAR)
                continue;
            size_t a = k;
            while (a > sec->start && gy_utf8_count(d->s + a, k - a) < 4)
                a = gy_utf8_back(d->s, sec->start, a);
            int goal = gy_lex_ending_at(&r->ahead, d->s, sec->start, a) >= 0 &&
                       !(k + 6 <= sec->end && memcmp(d->s + k + 3, de, 3) == 0);
            if (!goal && count[y - MIN_YEAR] < USHRT_MAX)
                count[y - MIN_YEAR]++;
        }
    }
    for (int y = MAX_YEAR; y >= MIN_YEAR; y--)
        if (count[y - MIN_YEAR] && count[y - MIN_YEAR] >= r->review_year_mentions)
            return y + 1;
    return 0;
}

/* The report's date and year: the dateline's, else the title's, else the
 * headings' (a review of 2025 is in the report of 2026; a review of “九五”
 * in the report of 2001), else a paragraph that names its year, else the
 * year after the latest one its review names, else --year. */
static void document_year(gy_run *x)
{
    gy_doc *d = x->d;
    d->date[0] = '\0';
    int y = d->occasion ? date_in(d->occasion, strlen(d->occasion), d->date, sizeof d->date) : 0;
    if (!y && d->title)
        y = last_year_in(d->title, 0, strlen(d->title));
    if (!y) {
        int review = heading_year(d, GY_ROLE_REVIEW);
        y = review ? review + 1 : heading_year(d, GY_ROLE_PLAN);
    }
    if (!y) {
        int period = heading_period(x, GY_ROLE_REVIEW);
        y = period ? period + 1 : 0;
    }
    if (!y)
        y = year_statement(d);
    if (!y)
        y = after_review(x);
    d->year = y ? y : d->given_year;
}

/* Nothing says which year the text is of: its figures have no year a
 * table could key them on (nor its words, counted by year), and the
 * reader should know why. */
static int warn_no_year(gy_doc *d)
{
    if (d->year || (!d->targets.len && !d->no_figures))
        return 0;
    return gy_doc_warn(d, 0, "no-year",
                       "nothing in the text says which year it is of (no dateline, no year in "
                       "its title or headings): %s; give it with --year",
                       d->no_figures ? "its counts have no year"
                                     : "its figures have a year only where they name one");
}

/* The first year written as digits or numerals before 年 in s[a..b). */
static int first_year_in(const char *s, size_t a, size_t b)
{
    static const char nian[] = "年";
    for (size_t i = a; i + 3 <= b; i++)
        if (memcmp(s + i, nian, 3) == 0) {
            long y = number_before(s, a, i);
            if (y >= MIN_YEAR && y <= MAX_YEAR)
                return (int)y;
        }
    return 0;
}

/* The year a time phrase names: its own (the last, 2021—2025年: 2025), a
 * plan period's last, or one counted from the report's year; and the first
 * year of the span it names (2021, the first of “十四五”, of 过去五年). */
static int time_year(gy_run *x, gy_time *t)
{
    const gy_doc *d = x->d;
    const gy_time_rules *r = &x->r->times;
    const char *s = d->s;
    size_t a = t->text.start, b = t->text.end, where;
    if (gy_lex_ending_at(&r->base_before, s, d->content[gy_doc_para_of(d, t->line - 1)].start, a) >= 0)
        return 0; /* 比上年: what the figure is compared with */
    int w = gy_lex_first_in(&r->tense_words, s, a, b, &where);
    t->tense = w >= 0 ? r->tense_words.words[w].tag : 0;
    int y = last_year_in(s, a, b);
    if (y) {
        int first = first_year_in(s, a, b);
        t->year_from = first < y ? first : 0;
        return y;
    }
    w = gy_lex_first_in(&r->periods, s, a, b, &where);
    t->of_period = w >= 0;
    if (w >= 0) {
        t->year_from = r->period_first[r->periods.words[w].tag];
        return r->period_last[r->periods.words[w].tag];
    }
    w = gy_lex_first_in(&r->year_offsets, s, a, b, &where);
    int offset = w >= 0 ? r->year_offsets.words[w].tag - GY_YEAR_BIAS : 0;
    if (offset)
        t->tense = offset < 0 ? -1 : 1;
    if (!d->year)
        return 0;
    if (w >= 0) {
        y = d->year + offset;
        int span = gy_lex_first_in(&r->spans, s, a, b, &where);
        t->year_from = span >= 0 ? y - r->spans.words[span].tag + 1 : 0;
        return y;
    }
    if (gy_lex_first_in(&r->part_words, s, a, b, &where) >= 0)
        return d->year - (role_at(d, a) == GY_ROLE_REVIEW);
    return 0;
}

/* The tense of time t: by its year against the report's where both are
 * known, else by its words. */
static int time_tense(const gy_doc *d, const gy_time *t)
{
    if (t->year && d->year && !t->of_period)
        return t->year < d->year ? -1 : t->year > d->year ? 1 : 0;
    return t->tense;
}

/* Index of the first time that starts at or after off. */
static size_t first_time_from(const gy_doc *d, size_t off)
{
    const gy_time *t = GY_TIMES(d);
    size_t lo = 0, hi = d->times.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].text.start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether time t is the topic of its sentence: near its start, ending a
 * clause (刚刚过去的2025年，…), so that its year holds for what follows. */
static int is_topic(const gy_run *x, const gy_time *t)
{
    const gy_doc *d = x->d;
    size_t k = gy_text_sentence_at(&d->text, t->text.start), len;
    if (k == (size_t)-1)
        return 0;
    const gy_span *sen = &d->text.sentences[k];
    if (gy_utf8_count(d->s + sen->start, t->text.start - sen->start) > x->r->times.head_chars ||
        t->text.end >= sen->end)
        return 0;
    return (gy_punct_at(&x->r->punct, d->s, t->text.end, sen->end, &len) & GY_P_CLAUSE) != 0;
}

/* The nearest time with a year in s[floor..pos), or NULL; without
 * periods, a plan period (“十五五”) counts only where no year or 今年 is
 * named: outside the figure's own clause, a sentence that names the plan
 * (确保“十五五”良好开局) names no year for the figure. */
static const gy_time *nearest_time(const gy_run *x, size_t floor, size_t pos, int periods,
                                   int heads)
{
    const gy_doc *d = x->d;
    const gy_time *t = GY_TIMES(d);
    size_t i = first_time_from(d, pos);
    for (int n = 0; i-- > 0 && n < MAX_TIMES_LOOKED_AT && t[i].text.start >= floor; n++) {
        if (!t[i].year || t[i].text.end > pos || (!periods && t[i].of_period))
            continue;
        if (heads && !is_topic(x, &t[i]))
            continue;
        return &t[i];
    }
    return NULL;
}

/* Outside the figure's clause: a year before a plan period, and in earlier
 * sentences only one that heads its sentence. */
static const gy_time *time_before(const gy_run *x, size_t floor, size_t pos, int heads)
{
    /* one pass: the nearest time with a year that names no plan period,
     * else the nearest plan period */
    const gy_doc *d = x->d;
    const gy_time *t = GY_TIMES(d), *period = NULL;
    size_t i = first_time_from(d, pos);
    for (int n = 0; i-- > 0 && n < MAX_TIMES_LOOKED_AT && t[i].text.start >= floor; n++) {
        if (!t[i].year || t[i].text.end > pos || (heads && !is_topic(x, &t[i])))
            continue;
        if (!t[i].of_period)
            return &t[i];
        if (!period)
            period = &t[i];
    }
    return period;
}

/* The year a heading names: for a fact the first (成就 before 目标 in
 * “十四五”时期发展成就和“十五五”时期主要目标), for a goal the last. */
static int heading_year_of(const gy_doc *d, const gy_section *sec, int fact)
{
    const gy_time *t = GY_TIMES(d);
    int year = 0;
    for (size_t i = first_time_from(d, sec->heading.start);
         i < d->times.len && t[i].text.start < sec->heading.end; i++)
        if (t[i].year) {
            year = t[i].year;
            if (fact)
                break;
        }
    return year;
}

/* The year of the part around pos: its heading's (for a fact the first
 * it names, for a goal the last), else the review's or the plan's. */
static int part_year(const gy_run *x, size_t section, int fact)
{
    const gy_doc *d = x->d;
    int y = 0;
    for (size_t s = section; !y && s; s = GY_SECTIONS(d)[s - 1].parent)
        y = heading_year_of(d, &GY_SECTIONS(d)[s - 1], fact);
    if (!y && d->year) {
        gy_role role = section ? GY_SECTIONS(d)[section - 1].role : GY_ROLE_NONE;
        y = role == GY_ROLE_REVIEW ? d->year - 1 : role == GY_ROLE_PLAN ? d->year : 0;
    }
    return y;
}

static void take_year(gy_target *t, const gy_time *tm)
{
    t->year = tm->year;
    t->year_from = tm->year_from && tm->year_from < tm->year ? tm->year_from : 0;
}

/* ---- goal statements ---------------------------------------------------------
 *
 * A report states its main targets in one statement opened by a lead
 * (今年经济社会发展的主要预期目标是：…); the statement runs to the end of
 * its paragraph however its items are split, on to the next paragraph when
 * the lead ends its own, and on to the following ones while each ends with
 * a semicolon (items a line each).  Its figures are goals for the year the
 * lead names. */

typedef struct statement {
    size_t start, end;
    int year, year_from;
} statement;

typedef struct statements {
    statement *items;
    size_t len, cap;
} statements;

static int push_statement(statements *v, size_t start, size_t end, int year, int year_from)
{
    statement *st = gy_push(NULL, &v->items, &v->len, &v->cap, sizeof *st);
    if (!st)
        return -1;
    st->start = start;
    st->end = end;
    st->year = year;
    st->year_from = year_from;
    return 0;
}

/* Where a lead ends in c: a lead word starting before limit, or a head
 * word that ends c (主要预期目标 on a line of its own, the items after it);
 * 0 when none stands there. */
static size_t lead_end(const gy_run *x, gy_slice c, size_t limit, size_t *lead)
{
    const gy_doc *d = x->d;
    const gy_target_rules *r = &x->r->targets;
    size_t where;
    size_t end = c.end, len;
    size_t reach = limit + r->statement_leads.max_len < c.end ? limit + r->statement_leads.max_len
                                                              : c.end;
    int w = gy_lex_first_in(&r->statement_leads, d->s, c.start, reach, &where);
    if (w >= 0) {
        *lead = where;
        size_t after = where + r->statement_leads.words[w].len;
        while (after < end && (gy_punct_roles(&x->r->punct, gy_utf8_at_valid(d->s, after, end,
                                                                              &len)) &
                               GY_P_COLON))
            after += len;
        return after < end ? where + r->statement_leads.words[w].len : end;
    }
    while (end > c.start && (gy_punct_roles(&x->r->punct, gy_utf8_before_valid(d->s, c.start, end,
                                                                              &len)) &
                             GY_P_COLON))
        end -= len;
    w = gy_lex_ending_at(&r->statement_heads, d->s, c.start, end);
    if (w < 0)
        return 0;
    *lead = end - r->statement_heads.words[w].len;
    return c.end;
}

/* The year a statement is for, from its lead at where: a year named
 * before the lead in its sentence (今年, 2025年, “十五五”时期), else its
 * part's, else the report's. */
static void lead_year(const gy_run *x, size_t floor, size_t where, int *year, int *year_from)
{
    const gy_doc *d = x->d;
    size_t k = gy_text_sentence_at(&d->text, where);
    if (k != (size_t)-1 && d->text.sentences[k].start > floor)
        floor = d->text.sentences[k].start;
    const gy_time *tm = nearest_time(x, floor, where, 1, 0);
    *year_from = 0;
    if (tm) {
        *year = tm->year;
        *year_from = tm->year_from && tm->year_from < tm->year ? tm->year_from : 0;
        return;
    }
    *year = part_year(x, gy_doc_section_at(d, where), 0);
    if (!*year)
        *year = d->year;
}

/* Index of the paragraph before the one heading at line index i, or
 * SIZE_MAX. */
static size_t para_before(const gy_doc *d, size_t i)
{
    while (i-- > 0)
        if (gy_doc_line_live(d, i))
            return i;
    return SIZE_MAX;
}

static int ends_with_semicolon(const gy_run *x, gy_slice c)
{
    size_t len;
    return c.end > c.start &&
           (gy_punct_roles(&x->r->punct, gy_utf8_before_valid(x->d->s, c.start, c.end, &len)) &
            GY_P_SEMI);
}

/* The statement that paragraph i (heading at line index i), whose last
 * figure starts at last, holds or goes on: pushed to out. */
static int statement_of_para(const gy_run *x, size_t i, size_t last, statements *out)
{
    const gy_doc *d = x->d;
    gy_slice c = d->content[i];
    size_t lead, end = lead_end(x, c, last, &lead);
    int year, from;
    if (end && end < c.end) {
        lead_year(x, c.start, lead, &year, &from);
        return push_statement(out, end, c.end, year, from);
    }
    size_t prev = para_before(d, i);
    if (prev == SIZE_MAX)
        return 0;
    gy_slice pc = d->content[prev];
    /* only a lead at its end matters: its last characters are looked at */
    gy_slice tail = pc;
    size_t back = 3 * x->r->targets.statement_leads.max_len + 12;
    if (tail.end - tail.start > back) {
        tail.start = tail.end - back;
        while (tail.start < tail.end && ((unsigned char)d->s[tail.start] & 0xC0) == 0x80)
            tail.start++;
    }
    if (lead_end(x, tail, tail.end, &lead) == pc.end) {
        lead_year(x, pc.start, lead, &year, &from);
        return push_statement(out, c.start, c.end, year, from);
    }
    const statement *before = out->len ? &out->items[out->len - 1] : NULL;
    if (before && before->end == pc.end && ends_with_semicolon(x, pc))
        return push_statement(out, c.start, c.end, before->year, before->year_from);
    return 0;
}

/* The statements of the paragraphs that hold targets, in text order. */
static int find_statements(const gy_run *x, statements *out)
{
    const gy_doc *d = x->d;
    memset(out, 0, sizeof *out);
    for (size_t k = 0; k < d->targets.len;) {
        size_t i = gy_doc_para_of(d, GY_TARGETS(d)[k].line - 1), last = k;
        while (last + 1 < d->targets.len &&
               GY_TARGETS(d)[last + 1].text.start < d->content[i].end)
            last++;
        if (statement_of_para(x, i, GY_TARGETS(d)[last].text.start, out) != 0) {
            free(out->items);
            return -1;
        }
        k = last + 1;
    }
    return 0;
}

/* The statement holding pos (positions asked in text order; *k is where
 * the search goes on), or NULL. */
static const statement *statement_at(const statements *v, size_t *k, size_t pos)
{
    while (*k < v->len && v->items[*k].end <= pos)
        (*k)++;
    return *k < v->len && v->items[*k].start <= pos ? &v->items[*k] : NULL;
}

/* The year a target is for: the nearest one named in its clause, else the
 * year of the goal statement it stands in, else the nearest in its
 * sentence, a topic of an earlier sentence of its paragraph, its part. */
static void target_year(const gy_run *x, gy_target *t, const statement *st)
{
    const gy_doc *d = x->d;
    size_t pos = t->text.start, para = d->content[gy_doc_para_of(d, t->line - 1)].start;
    const gy_time *tm = nearest_time(x, t->clause, pos, 1, 0);
    t->year = t->year_from = 0;
    if (!tm && gy_lex_ending_at(&x->r->times.change_from, d->s, t->clause, pos) >= 0)
        return;
    if (!tm && st) {
        t->year = st->year;
        t->year_from = st->year_from;
        return;
    }
    if (!tm)
        tm = time_before(x, t->sentence.start < t->clause ? t->sentence.start : t->clause,
                         t->clause, 0);
    if (!tm)
        tm = time_before(x, para, t->sentence.start < pos ? t->sentence.start : pos, 1);
    if (tm)
        take_year(t, tm);
    else
        t->year = part_year(x, t->section, t->fact);
}

/* The last cue before pos in the clause from clause that is neither
 * neutral nor weak (达 reports only outside a plan), or 0. */
static int strong_cue_in(const gy_run *x, size_t clause, size_t pos)
{
    const gy_lexicon *lx = &x->r->targets.kind_cues;
    size_t where;
    int w;
    while ((w = gy_lex_last_in(lx, x->d->s, clause, pos, &where)) >= 0 &&
           (lx->words[w].tag == GY_CUE_NEUTRAL || lx->words[w].tag == GY_CUE_WEAK_FACT))
        pos = where;
    return w >= 0 ? lx->words[w].tag : 0;
}

/* The tense of the time a figure speaks of: the nearest time with one in
 * its clause, else its period, else a time heading an earlier sentence of
 * its paragraph; 0 when none says. */
static int figure_tense(const gy_run *x, const gy_target *t)
{
    const gy_doc *d = x->d;
    const gy_time *tm = GY_TIMES(d);
    size_t i = first_time_from(d, t->text.start);
    size_t para = d->content[gy_doc_para_of(d, t->line - 1)].start;
    for (int n = 0; i-- > 0 && n < MAX_TIMES_LOOKED_AT && tm[i].text.start >= para; n++) {
        if (!tm[i].tense || tm[i].text.end > t->text.start)
            continue;
        int own = tm[i].text.start >= t->clause;
        int period = tm[i].text.start == t->period.start && tm[i].text.end == t->period.end;
        if (own || period)
            return tm[i].tense;
        /* an earlier sentence's topic, where the figure's own sentence
         * says nothing of its kind */
        if (tm[i].text.start < t->sentence.start && is_topic(x, &tm[i]))
            return strong_cue_in(x, t->sentence.start, t->text.start) ? 0 : tm[i].tense;
    }
    return 0;
}

/* A figure of a goal statement outside a review is a goal; outside a
 * review, a figure of a time before the text's is what happened then (过去
 * 一年，国内生产总值增长10.3%; 去年…吸纳了超110万), one of a time after it
 * what is to be (未来10年，…达25.8万亿元左右), unless its own clause says
 * otherwise. */
static int settle_kind(const gy_run *x, const gy_target *t, const statement *st)
{
    const gy_doc *d = x->d;
    gy_role role = t->section ? GY_SECTIONS(d)[t->section - 1].role : GY_ROLE_NONE;
    if (role == GY_ROLE_REVIEW)
        return t->fact;
    int tense = st ? 0 : figure_tense(x, t);
    if (!st && !tense && t->year && d->year && t->year < d->year)
        tense = -1; /* a figure of a year before the report's */
    if (!st && !tense)
        return t->fact;
    int cue = strong_cue_in(x, t->clause, t->text.start);
    return st || tense > 0 ? cue == GY_CUE_FACT : cue != GY_CUE_TARGET;
}

int gy_extract_years(gy_run *x)
{
    gy_doc *d = x->d;
    document_year(x);
    if (warn_no_year(d) != 0)
        return -1;
    for (size_t i = 0; i < d->times.len; i++) {
        gy_time *t = &GY_TIMES(d)[i];
        t->year = time_year(x, t);
        t->tense = time_tense(d, t);
    }
    statements sts;
    if (find_statements(x, &sts) != 0)
        return -1;
    for (size_t i = 0, k = 0; i < d->targets.len; i++) {
        gy_target *t = &GY_TARGETS(d)[i];
        const statement *st = statement_at(&sts, &k, t->text.start);
        target_year(x, t, st);
        t->fact = settle_kind(x, t, st);
        t->in_statement = st != NULL;
    }
    free(sts.items);
    return 0;
}
