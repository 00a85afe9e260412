/* Quantitative targets.  One pass over each paragraph: where a time word or
 * a number starts, the time patterns are tried (extract_times.c); where a
 * number starts that is no time, the numeral parser reads it and the unit,
 * comparison, range, period and kind around it are looked up in the rules. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"
#include "scan.h"
#include "utf8.h"

typedef gy_scan para;

static int is_latin_or_digit(uint32_t cp)
{
    gy_token_class c = gy_char_class(cp);
    return c == GY_TOK_LATIN || c == GY_TOK_DIGIT || c == GY_TOK_FULLDIGIT;
}

/* ---- quantities ---------------------------------------------------------- */

typedef struct quantity {
    gy_number n;
    double factor;         /* a unit scale that is no power of ten */
    double numeral;        /* the number as written, before any unit scale */
    double value;
    size_t end;            /* after the unit (and 多) */
    int unit;              /* index into rules->units, -1 none */
    int more;              /* 多 / 余: more than */
    int doubling;          /* 翻一番: a factor, whatever its numeral */
} quantity;

/* A word of not_quantities that covers pos (千家万户 around 千). */
static int in_not_quantity(const para *p, size_t pos)
{
    const gy_lexicon *lx = &p->r->not_quantities;
    if (!lx->n)
        return 0;
    const unsigned char *u = (const unsigned char *)p->d->s;
    size_t k = pos, steps = 0, len;
    size_t h = gy_bloom_bit(gy_utf8_decode_valid(u + pos, p->b - pos, &len)) & 4095;
    if (!(p->r->not_quantity_chars[h >> 6] >> (h & 63) & 1))
        return 0; /* no such word holds the number's first character */
    for (;;) {
        int w = gy_lex_may_start(lx, gy_utf8_decode_valid(u + k, p->b - k, &len))
                    ? gy_lex_at(lx, p->d->s, k, p->b)
                    : -1;
        if (w >= 0 && k + lx->words[w].len > pos)
            return 1;
        if (k <= p->a || steps * 3 > lx->max_len + 3)
            break;
        k = gy_utf8_back(p->d->s, p->a, k);
        steps++;
    }
    return 0;
}

enum { QUOTE_OPEN = GY_P_QUOTE | GY_P_OPEN, QUOTE_CLOSE = GY_P_QUOTE | GY_P_CLOSE };

static int has_roles(unsigned roles, unsigned want) { return (roles & want) == want; }

/* Inside a short quotation (“五个一批”, “十四五”): a name, not an amount.
 * The scan keeps the last quotation mark before pos (see boundary). */
static int in_short_quote(const para *p, size_t pos)
{
    size_t limit = p->r->quote_max_chars;
    if (!limit || !p->quote_open || pos - p->quote_at > 4 * (limit + 1))
        return 0;
    const char *s = p->d->s;
    size_t chars = gy_utf8_count(s + p->quote_at, pos - p->quote_at), len;
    if (chars > limit + 1)
        return 0;
    for (size_t q = pos; q < p->b && chars <= limit; q += len, chars++) {
        unsigned roles = gy_punct_at(p->punct, s, q, p->b, &len);
        if (has_roles(roles, QUOTE_CLOSE))
            return 1;
        if (has_roles(roles, QUOTE_OPEN) || (roles & GY_P_STOP))
            return 0;
    }
    return 0;
}

/* Multiplies q by a unit's scale: powers of ten exactly (成 is x10). */
static void scale(quantity *q, double by)
{
    double e = log10(by);
    if (e == floor(e) && fabs(e) < 23)
        gy_number_shift(&q->n, (int)e);
    else
        q->factor *= by;
}

/* Reads the unit after a parsed number.  Returns 0, or -1 when a word there
 * says this is no quantity at all (届, 周年, 大 ...). */
static int read_unit(const para *p, quantity *q)
{
    const gy_target_rules *r = p->r;
    const char *s = p->d->s;
    size_t pos = q->n.end;
    q->unit = -1;
    /* 5000千瓦: a unit that starts with what looked like a magnitude */
    if (q->n.mult > 1) {
        int w = gy_lex_at(&r->unit_words, s, q->n.digits_end, p->b);
        if (w >= 0 && q->n.digits_end + r->unit_words.words[w].len > q->n.end) {
            gy_number_shift(&q->n, -q->n.mag10);
            q->n.mag10 = 0;
            q->n.mult = 1;
            pos = q->n.digits_end;
        }
    }
    int m = gy_lex_at(&r->more_words, s, pos, p->b);
    if (m >= 0) {
        size_t after = pos + r->more_words.words[m].len, stop;
        double mult = gy_parse_magnitude(s, after, p->b, &stop);
        if (mult > 1) { /* 620多万 */
            int e = (int)lround(log10(mult));
            gy_number_shift(&q->n, e);
            q->n.mag10 += e;
            q->n.magnitude = 1;
            after = stop;
        }
        q->more = 1;
        pos = after;
    }
    size_t at = pos;
    int w = gy_lex_at(&r->unit_words, s, at, p->b);
    if (w < 0 && at + 1 < p->b && s[at] == ' ' && s[at + 1] != ' ') {
        /* 七萬 個: one space, as where a wrapped line was joined */
        at++;
        w = gy_lex_at(&r->unit_words, s, at, p->b);
    }
    if (w >= 0) {
        int idx = r->unit_words.words[w].tag;
        const gy_unit *u = &r->units[idx];
        /* 七成 but not 7成; 3000方 but not 四面八方 */
        int fits = u->numerals == 0 || (u->numerals == 2) == (q->n.chinese != 0);
        if (fits && !u->unit)
            return -1;
        if (fits) {
            q->unit = idx;
            scale(q, u->scale);
            q->more |= u->more;
            pos = at + r->unit_words.words[w].len;
        }
    }
    q->value = q->n.value * q->factor;
    q->end = pos;
    return 0;
}

static const char *unit_name(const para *p, const quantity *q)
{
    if (q->unit >= 0)
        return p->r->units[q->unit].unit;
    if (q->n.percent)
        return "%";
    if (q->n.permille)
        return "‰";
    return "";
}

/* Reads a quantity at pos.  Returns 1 when it is one, 0 otherwise. */
static int read_quantity_in(const para *p, size_t pos, quantity *q, int depth);

/* 1409万、1305万人次: a number in a list takes the unit of the next one,
 * when both are written alike (same magnitude, both digits or both
 * numerals), so 3、5万元 lends nothing. */
static void borrow_unit(const para *p, quantity *q, int depth)
{
    size_t len;
    if (q->unit >= 0 || q->n.percent || q->n.permille || depth <= 0 || q->end >= p->b ||
        !(gy_punct_at(p->punct, p->d->s, q->end, p->b, &len) & GY_P_LIST))
        return;
    quantity next;
    if (read_quantity_in(p, q->end + len, &next, depth - 1) <= 0 || next.unit < 0 ||
        next.n.mag10 != q->n.mag10 || (next.n.chinese != 0) != (q->n.chinese != 0))
        return;
    q->unit = next.unit;
    scale(q, p->r->units[next.unit].scale);
    q->value = q->n.value * q->factor;
}

static int read_quantity(const para *p, size_t pos, quantity *q)
{
    return read_quantity_in(p, pos, q, 8);
}

/* 翻一番, 翻两番: the figure grows by a factor, base to the power of the
 * numeral, in the unit of factors (倍).  Returns 1 when q is one. */
static int read_doubling(const para *p, size_t pos, quantity *q)
{
    const gy_target_rules *r = p->r;
    int w = gy_lex_at(&r->doubling_words, p->d->s, q->n.end, p->b);
    if (w < 0 || gy_lex_ending_at(&r->doubling_before, p->d->s, p->a, pos) < 0 ||
        q->n.value != floor(q->n.value) || q->n.value < 1 || q->n.value > 10)
        return 0;
    q->doubling = 1;
    q->unit = r->doubling_unit;
    q->value = pow(r->doubling_base, q->n.value);
    q->end = q->n.end + r->doubling_words.words[w].len;
    return 1;
}

/* Reads a quantity at pos: 1 when it is one, 0 when it is none, -1 for a
 * number that is refused (q->n.problem says why). */
static int read_quantity_in(const para *p, size_t pos, quantity *q, int depth)
{
    memset(q, 0, sizeof *q);
    q->factor = 1;
    int rc = gy_parse_number(p->d->s, pos, p->b, &q->n);
    if (rc <= 0)
        return rc;
    q->numeral = q->n.value;
    if (read_doubling(p, pos, q))
        return 1;
    size_t len;
    uint32_t next = q->n.end < p->b ? gy_utf8_at_valid(p->d->s, q->n.end, p->b, &len) : 0;
    /* 5G, 3D: a number that is part of a name */
    if (gy_char_class(next) == GY_TOK_LATIN)
        return 0;
    if (read_unit(p, q) != 0)
        return 0;
    borrow_unit(p, q, depth);
    if (!isfinite(q->value)) {
        q->n.problem = "too large to be held";
        q->n.end = q->end;
        return -1;
    }
    return 1;
}

typedef struct found {
    quantity q;
    size_t start;          /* text start, with a comparison word before */
    size_t end;            /* text end, with 以上/左右 after */
    enum gy_op op;
    int op_near;           /* the op came from words next to the number */
    int negative;          /* a minus sign stands before it */
} found;

/* Comparison from the words around the number. */
static void read_op(const para *p, size_t clause, found *f)
{
    const gy_target_rules *r = p->r;
    const char *s = p->d->s;
    f->op = GY_OP_EQ;
    int after = gy_lex_at(&r->op_after, s, f->end, p->b);
    if (after >= 0) {
        f->op = (enum gy_op)r->op_after.words[after].tag;
        f->end += r->op_after.words[after].len;
        f->op_near = 1;
    }
    int before = gy_lex_ending_at(&r->op_before, s, clause, f->start);
    if (before >= 0) {
        enum gy_op op = (enum gy_op)r->op_before.words[before].tag;
        if (op != GY_OP_EQ) {
            if (f->op == GY_OP_EQ)
                f->op = op;
            f->start -= r->op_before.words[before].len;
            f->op_near = 1;
        }
    }
    if (f->op == GY_OP_EQ && before < 0) {
        size_t where;
        int w = gy_lex_last_in(&r->op_clause, s, clause, f->start, &where);
        if (w >= 0)
            f->op = (enum gy_op)r->op_clause.words[w].tag;
    }
    if (f->op == GY_OP_EQ && f->q.more)
        f->op = GY_OP_GT;
}

/* Is a span of time an amount?  Only where it is bounded (至少3年, 不超过
 * 5年, 3年以上), reached (缩短至三年, 增加19天) or counted (仅剩2个多月);
 * else it is a time (40多年, 连续7年, 再过10年). */
static int span_is_amount(const para *p, const found *f, size_t clause)
{
    const char *s = p->d->s;
    return f->op == GY_OP_GE || f->op == GY_OP_LE ||
           gy_lex_ending_at(&p->r->amount_before, s, clause, f->start) >= 0 ||
           gy_lex_ending_at(&p->r->span_amount_before, s, clause, f->start) >= 0 ||
           gy_lex_ending_at(&p->r->subjects.change_words, s, clause, f->start) >= 0;
}

/* A span of time that is no amount is a time (kind period). */
static int add_span(para *p, const found *f)
{
    gy_time *t = gy_vec_push(&p->d->arena, &p->d->times, sizeof *t);
    if (!t)
        return -1;
    t->text.start = f->q.n.start;
    t->text.end = f->q.end;
    t->kind = GY_TIME_PERIOD;
    t->line = gy_doc_line_in(p->d, p->line, f->q.n.start);
    return 0;
}

/* Is a number with no context around it worth reporting? */
static int accept(const para *p, const found *f, size_t clause)
{
    const quantity *q = &f->q;
    if (q->doubling)
        return 1;
    const char *u = unit_name(p, q);
    int context = f->op != GY_OP_EQ || gy_has_frequency(p, clause, f->start);
    /* 增至, 縮短至三年: an amount, though not enough for 一个 */
    int reached = gy_lex_ending_at(&p->r->amount_before, p->d->s, clause, f->start) >= 0;
    if (!*u && !q->n.magnitude)
        return 0; /* a bare number */
    if (!q->n.chinese)
        return 1;
    if (q->n.percent || q->n.permille)
        return 1;
    if (context)
        return 1;
    if (q->numeral < p->r->chinese_min_value)
        return 0; /* 一个, 一成不变 */
    if (reached)
        return 1;
    if (q->unit >= 0 && p->r->units[q->unit].duration)
        return 0; /* 三年来, 五天 as a span of the story */
    if (q->unit >= 0 && !p->r->units[q->unit].measure && q->numeral < p->r->counter_min_value)
        return 0; /* 三个问题, 四项举措 */
    return 1;
}

/* The last cue in s[start..end) that is not weak (a weak one stands only
 * for its own clause), or 0. */
static int strong_cue(const gy_lexicon *lx, const char *s, size_t start, size_t end)
{
    size_t where;
    int w;
    while ((w = gy_lex_last_in(lx, s, start, end, &where)) >= 0 &&
           (lx->words[w].tag == GY_CUE_NEUTRAL || lx->words[w].tag == GY_CUE_WEAK_FACT))
        end = where;
    return w >= 0 ? lx->words[w].tag : 0;
}

/* The kind of a number at pos: the nearest cue before it in its clause,
 * else in its sentence; a weak fact cue in its clause (达) says fact only
 * outside a plan part and when no goal cue comes earlier in the sentence;
 * without a cue, a number in an item that describes (主要成绩：一是…) is a
 * fact, and elsewhere the part decides. */
static int is_fact(const para *p, size_t clause, size_t sentence, size_t pos, const gy_target *t)
{
    gy_role role = t->section ? GY_SECTIONS(p->d)[t->section - 1].role : GY_ROLE_NONE;
    if (role == GY_ROLE_REVIEW)
        return 1;
    const gy_lexicon *cues = &p->r->kind_cues;
    int cue = gy_lex_last_cue(cues, p->d->s, clause, pos);
    int before = strong_cue(cues, p->d->s, sentence, clause);
    if (cue == GY_CUE_WEAK_FACT)
        return role != GY_ROLE_PLAN && before != GY_CUE_TARGET;
    if (!cue)
        cue = before;
    if (cue)
        return cue == GY_CUE_FACT;
    if (t->task && !GY_TASKS(p->d)[t->task - 1].directive)
        return 1;
    return role != GY_ROLE_PLAN;
}

/* The sentence of the number at pos; of a sentence longer than twice
 * context_chars, the part within context_chars of the number, so that the
 * output stays proportional to the input. */
static gy_slice sentence_of(const para *p, size_t pos, size_t end)
{
    const char *s = p->d->s;
    gy_slice sl = {p->a, p->b};
    size_t k = gy_text_sentence_at(&p->d->text, pos), span = 3 * p->r->context_chars;
    if (k != (size_t)-1) {
        sl.start = p->d->text.sentences[k].start;
        sl.end = p->d->text.sentences[k].end;
    }
    if (pos - sl.start > span) {
        sl.start = pos - span;
        while (((unsigned char)s[sl.start] & 0xC0) == 0x80)
            sl.start++;
    }
    if (sl.end > end && sl.end - end > span) {
        sl.end = end + span;
        while (((unsigned char)s[sl.end] & 0xC0) == 0x80)
            sl.end--;
    }
    return sl;
}

/* How hard the target binds: by its comparison, and for a plain figure by
 * a bound word in its clause (确保 …: hard; 控制在: a ceiling). */
static enum gy_bound bound_of(const para *p, enum gy_op op, size_t clause, size_t start)
{
    switch (op) {
    case GY_OP_GE: case GY_OP_GT: return GY_BOUND_HARD;
    case GY_OP_LE: case GY_OP_LT: return GY_BOUND_CEILING;
    case GY_OP_APPROX: return GY_BOUND_SOFT;
    case GY_OP_RANGE: return GY_BOUND_RANGE;
    default: break;
    }
    size_t where;
    int w = gy_lex_last_in(&p->r->bound_words, p->d->s, clause, start, &where);
    return w >= 0 ? (enum gy_bound)p->r->bound_words.words[w].tag : GY_BOUND_POINT;
}

/* Adds the target of f (to end: a range's second bound ends there) with
 * bounds lo and hi. */
static int add_target(para *p, const found *f, size_t end, double lo, double hi, size_t clause,
                      size_t full)
{
    gy_doc *d = p->d;
    gy_target *t = gy_vec_push(&d->arena, &d->targets, sizeof *t);
    if (!t)
        return -1;
    const char *u = unit_name(p, &f->q);
    t->text.start = f->start;
    t->text.end = end;
    t->op = f->op;
    t->value = f->op == GY_OP_RANGE ? lo : f->q.value;
    t->min = lo;
    t->max = hi;
    t->unit = gy_arena_strndup(&d->arena, u, strlen(u));
    t->bound = bound_of(p, f->op, clause, f->start);
    t->period = gy_period_before(p, f->start);
    t->section = gy_doc_section_at(d, f->start);
    t->task = gy_doc_task_at(d, f->start);
    t->fact = is_fact(p, clause, full, f->q.n.end, t);
    t->sentence = sentence_of(p, f->start, end);
    t->line = gy_doc_line_in(d, p->line, f->start);
    t->clause = clause;
    /* the subject starts after an earlier target of its clause */
    int after_figure = p->last_end > p->phrase;
    size_t from = after_figure ? p->last_end : p->phrase;
    p->last_end = end;
    if (!t->unit || gy_take_subject(p, from < f->start ? from : f->start, after_figure, t) != 0)
        return -1;
    return 0;
}

/* s[a..b) without marks and spaces at its ends. */
static void trim_marks(const para *p, size_t *a, size_t *b)
{
    size_t len;
    while (*a < *b) {
        uint32_t cp = gy_utf8_at_valid(p->d->s, *a, *b, &len);
        if (!gy_is_space(cp) && !gy_punct_roles(p->punct, cp))
            break;
        *a += len;
    }
    while (*b > *a) {
        uint32_t cp = gy_utf8_before_valid(p->d->s, *a, *b, &len);
        if (!gy_is_space(cp) && !gy_punct_roles(p->punct, cp))
            break;
        *b -= len;
    }
}

/* Is f a stretch of the goal right before it in its sentence (增长7%以上、
 * 力争达到8%)?  Then that goal takes its value as its stretch. */
static int take_stretch(para *p, const found *f)
{
    gy_doc *d = p->d;
    if (!d->targets.len)
        return 0;
    gy_target *prev = &GY_TARGETS(d)[d->targets.len - 1];
    if (prev->text.end < p->full || prev->text.end > f->start || prev->has_stretch ||
        strcmp(prev->unit, unit_name(p, &f->q)) != 0)
        return 0;
    size_t a = prev->text.end, b = f->start;
    trim_marks(p, &a, &b);
    int w = gy_lex_at(&p->r->stretch_words, d->s, a, b);
    if (w < 0)
        return 0;
    a += p->r->stretch_words.words[w].len;
    int v = a < b ? gy_lex_at(&p->r->stretch_verbs, d->s, a, b) : -1;
    if (a < b && (v < 0 || a + p->r->stretch_verbs.words[v].len != b))
        return 0;
    prev->stretch = prev->negated ? -f->q.value : f->q.value;
    prev->has_stretch = 1;
    p->last_end = f->end;
    return 1;
}

/* A second number after a range joiner (6%－6.5%, 3到5年).  Fills g and
 * returns 1 when there is one. */
static int read_range_end(const para *p, const found *f, found *g)
{
    const gy_target_rules *r = p->r;
    size_t at = f->q.end;
    int j = gy_lex_at(&r->range_joiners, p->d->s, at, p->b);
    if (j < 0)
        return 0;
    size_t pos = at + r->range_joiners.words[j].len;
    memset(g, 0, sizeof *g);
    if (pos >= p->b || !gy_number_can_start(p->d->s, pos, p->b) ||
        read_quantity(p, pos, &g->q) <= 0 || g->q.n.chinese != f->q.n.chinese)
        return 0;
    const char *u1 = unit_name(p, &f->q), *u2 = unit_name(p, &g->q);
    if (!*u2 || (*u1 && strcmp(u1, u2) != 0))
        return 0;
    g->start = pos;
    g->end = g->q.end;
    return 1;
}

/* A number refused by the parser: left out, with a warning naming it. */
static void refused(para *p, const quantity *q, int *err)
{
    size_t len = q->n.end - q->n.start, shown = len;
    while (shown > 48)
        shown = gy_utf8_back(p->d->s + q->n.start, 0, shown);
    if (gy_doc_warn(p->d, gy_doc_line_in(p->d, p->line, q->n.start), "bad-number",
                    "'%.*s%s' is left out: %s", (int)shown, p->d->s + q->n.start,
                    shown < len ? "…" : "", q->n.problem ? q->n.problem : "not a number") != 0)
        *err = 1;
}

/* A minus sign right before the number (增长-5%), where it is no joiner
 * of a range or a code (010-1234): the number is negative. */
static int minus_before(const para *p, size_t pos, size_t *sign)
{
    int w = gy_lex_ending_at(&p->r->minus_signs, p->d->s, p->a, pos);
    if (w < 0)
        return 0;
    *sign = pos - p->r->minus_signs.words[w].len;
    size_t len;
    uint32_t before = gy_utf8_before_valid(p->d->s, p->a, *sign, &len);
    gy_token_class c = gy_char_class(before);
    return !(c == GY_TOK_DIGIT || c == GY_TOK_FULLDIGIT || c == GY_TOK_CNUMERAL ||
             c == GY_TOK_LATIN || before == '%' || before == 0xFF05);
}

/* A range (6%－6.5%): the first bound takes the unit and magnitude of the
 * second, and the bounds are ordered. */
static size_t take_range(para *p, found *f, found *g, size_t clause, size_t full, int *err)
{
    if (f->q.unit < 0 && !f->q.n.percent) {
        f->q.unit = g->q.unit;
        f->q.n.percent = g->q.n.percent;
        if (g->q.n.mag10 && !f->q.n.mag10)
            gy_number_shift(&f->q.n, g->q.n.mag10);
        if (g->q.unit >= 0)
            scale(&f->q, p->r->units[g->q.unit].scale);
        f->q.value = f->q.n.value * f->q.factor * (f->negative ? -1 : 1);
    }
    read_op(p, clause, g);
    size_t save_end = f->end;
    read_op(p, clause, f);
    f->end = save_end;
    f->op = GY_OP_RANGE;
    double lo = fmin(f->q.value, g->q.value), hi = fmax(f->q.value, g->q.value);
    if (add_target(p, f, g->end, lo, hi, clause, full) != 0)
        *err = 1;
    return g->end;
}

/* What is read around a number is bounded: a clause or sentence longer
 * than context_chars is read as if it began that far before the number,
 * so that the work per number stays bounded however long a sentence runs. */
static void bound_context(para *p, size_t pos)
{
    size_t span = 3 * p->r->context_chars; /* bytes: three per ideograph */
    if (pos - p->a <= span)
        return;
    size_t floor = pos - span;
    while (floor < pos && ((unsigned char)p->d->s[floor] & 0xC0) == 0x80)
        floor++;
    if (p->full < floor)
        p->full = floor;
    if (p->semi < floor)
        p->semi = floor;
    if (p->clause < floor)
        p->clause = floor;
    if (p->phrase < floor)
        p->phrase = floor;
}

/* Handles the number starting at pos; returns where scanning goes on. */
static size_t take_number(para *p, size_t pos, int *err)
{
    const gy_target_rules *r = p->r;
    const char *s = p->d->s;
    found f; /* f.q is cleared by read_quantity */
    f.start = f.end = 0;
    f.op = GY_OP_EQ;
    f.op_near = f.negative = 0;
    size_t one, sign;
    gy_utf8_decode_valid((const unsigned char *)s + pos, p->b - pos, &one);
    int rc = read_quantity(p, pos, &f.q);
    if (rc < 0) {
        refused(p, &f.q, err);
        return f.q.n.end > pos ? f.q.n.end : pos + one;
    }
    if (rc == 0)
        return pos + one;
    size_t skip_to = f.q.end > pos ? f.q.end : pos + one;
    if (gy_lex_ending_at(&r->ordinal_before, s, p->a, pos) >= 0 || in_short_quote(p, pos) ||
        in_not_quantity(p, pos))
        return skip_to;
    f.start = pos;
    f.end = f.q.end;
    if (minus_before(p, pos, &sign)) {
        f.start = sign;
        f.negative = 1;
        f.q.value = -f.q.value;
    }
    bound_context(p, pos);
    size_t full = p->full, clause = p->clause;
    found g;
    if (read_range_end(p, &f, &g))
        return take_range(p, &f, &g, clause, full, err);
    read_op(p, clause, &f);
    if (f.q.unit >= 0 && r->units[f.q.unit].duration && !span_is_amount(p, &f, clause)) {
        if (add_span(p, &f) != 0)
            *err = 1;
        return f.q.end > skip_to ? f.q.end : skip_to;
    }
    if (accept(p, &f, clause) && !take_stretch(p, &f) &&
        add_target(p, &f, f.end, f.q.value, f.q.value, clause, full) != 0)
        *err = 1;
    return f.end > skip_to ? f.end : skip_to;
}

/* All ones when cond, else 0. */
static inline size_t mask_if(int cond) { return (size_t)0 - (size_t)(cond != 0); }
static inline size_t pick(size_t mask, size_t yes, size_t no) { return (yes & mask) | (no & ~mask); }

/* Where a clause (，；：、), a part of a sentence (；) and a full sentence
 * (。！？) last began, and the last quotation mark; kept without a branch
 * on the mark's roles, since which mark comes next cannot be guessed (see
 * collect_stops).  A stop ends the sentence, its part and the clause; a
 * semicolon the part and the clause; a clause mark the clause, and the
 * phrase unless it joins a list. */
static inline void boundary(para *p, size_t pos, uint32_t cp, size_t after)
{
    unsigned roles = gy_punct_roles(p->punct, cp);
    size_t stop = mask_if(roles & GY_P_STOP), semi = mask_if(roles & (GY_P_STOP | GY_P_SEMI));
    size_t clause = mask_if(roles & (GY_P_STOP | GY_P_SEMI | GY_P_CLAUSE));
    size_t phrase = semi | mask_if((roles & (GY_P_CLAUSE | GY_P_LIST)) == GY_P_CLAUSE);
    int closes = has_roles(roles, QUOTE_CLOSE);
    size_t quote = mask_if(closes | has_roles(roles, QUOTE_OPEN));
    p->full = pick(stop, after, p->full);
    p->semi = pick(semi, after, p->semi);
    p->clause = pick(clause, after, p->clause);
    p->phrase = pick(phrase, after, p->phrase);
    p->quote_at = pick(quote, pos, p->quote_at);
    p->quote_open = (int)pick(quote, (size_t)!closes, (size_t)p->quote_open);
}

/* Bytes of a UTF-8 sequence by its first byte (1 for a stray continuation
 * byte, which valid text has none of). */
static const uint8_t seq_len[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1};

enum { STOPS_CHUNK = 1024 };

/* The places in s[pos..end) where the scan may stop, at most STOPS_CHUNK,
 * into at[]; *upto: where collecting ended (every character before it that
 * is not in at[] is passed over).  No branch depends on the text: which of
 * the characters is a stop cannot be guessed, and a wrong guess costs more
 * than the test.  Characters other than ASCII and three-byte ones, and
 * the last few of the paragraph, are listed too, for the exact test. */
static size_t collect_stops(const gy_bmpset *stops, const unsigned char *s, size_t pos,
                            size_t end, size_t *at, size_t *upto)
{
    const uint64_t *bits = stops->bits;
    size_t n = 0;
    /* at most STOPS_CHUNK bytes, so at most as many characters: one test
     * ends the loop */
    size_t lim = end - pos >= 4 ? end - 3 : pos;
    if (lim - pos > STOPS_CHUNK)
        lim = pos + STOPS_CHUNK;
    while (pos < lim) {
        /* the set's word for a three-byte character is named by its first
         * two bytes and the bit by its third (cp >> 6 and cp & 63), for an
         * ASCII one by the byte: no code point is put together */
        unsigned b0 = s[pos], len = seq_len[b0];
        unsigned row3 = (b0 & 0x0Fu) << 6 | (s[pos + 1] & 0x3Fu);
        int three = len == 3;
        unsigned row = three ? row3 : b0 >> 6, bit = (three ? s[pos + 2] : b0) & 63u;
        unsigned stop = (unsigned)(bits[row] >> bit & 1) | (~len & 1);
        at[n] = pos;
        n += stop;
        pos += len;
    }
    if (end - pos < 4)
        while (pos < end && n < STOPS_CHUNK) {
            at[n++] = pos;
            pos += seq_len[s[pos]];
        }
    *upto = pos < end ? pos : end;
    return n;
}

/* The character at pos, where the scan stops: a mark's boundary, and a
 * time or a number starting there.  Returns where scanning goes on (past
 * the character at least). */
static size_t at_stop(para *p, size_t pos, int *err)
{
    const unsigned char *s = (const unsigned char *)p->d->s;
    size_t len = 1, k;
    uint32_t cp = s[pos];
    if (cp >= 0x80)
        cp = gy_utf8_decode_valid(s + pos, p->b - pos, &len);
    if (!gy_bmpset_has(&p->r->scan_stops, cp))
        return pos + len;
    boundary(p, pos, cp, pos + len);
    int digit = gy_is_digit(cp);
    if (!digit && (cp < 0x80 || (!gy_is_numeral(cp) &&
                                 !gy_lex_may_start(&p->tr->triggers, cp))))
        return pos + len;
    /* in a paragraph broken over lines, what stands before the line break
     * (PM / 2.5 / 年平均浓度: no number starts after a letter) */
    size_t before = p->d->para_end ? gy_doc_before_join(p->d, p->a, pos) : pos;
    uint32_t prev = gy_utf8_before_valid(p->d->s, p->a, before, &k);
    int num_start = (digit || gy_is_numeral(cp)) && !is_latin_or_digit(prev) &&
                    !gy_is_numeral(prev) && prev != '.' && prev != 0xFF0E;
    size_t next = pos + len;
    int timed = gy_time_may_start(p, pos, cp, num_start, prev)
                    ? gy_take_time(p, pos, num_start, &next)
                    : 0;
    if (timed < 0) {
        *err = 1;
        return p->b;
    }
    if (!timed && num_start)
        next = take_number(p, pos, err);
    if (!timed && !num_start)
        next = pos + len;
    /* jumped over a time or a quantity: keep the boundaries it held */
    for (size_t q = pos + len; q < next; q += k)
        boundary(p, q, gy_utf8_decode_valid(s + q, next - q, &k), q + k);
    return next;
}

/* One pass over the paragraph.  Most characters are passed over after one
 * decode and one bit test: only marks with a role, digits, numerals and the
 * first characters of time words go further. */
static int scan_paragraph(para *p)
{
    const unsigned char *s = (const unsigned char *)p->d->s;
    size_t at[STOPS_CHUNK], pos = p->a;
    int err = 0;
    p->full = p->semi = p->clause = p->phrase = p->last_end = p->quote_at = p->a;
    p->quote_open = 0;
    while (pos < p->b && !err) {
        size_t upto, n = collect_stops(&p->r->scan_stops, s, pos, p->b, at, &upto);
        for (size_t i = 0; i < n && !err; i++)
            if (at[i] >= pos) /* else inside a time or number passed over */
                pos = at_stop(p, at[i], &err);
        if (pos < upto)
            pos = upto;
    }
    return err ? -1 : 0;
}

int gy_extract_targets(gy_run *x)
{
    gy_doc *d = x->d;
    para p;
    memset(&p, 0, sizeof p);
    p.x = x;
    p.d = d;
    p.r = &x->r->targets;
    p.tr = &x->r->times;
    p.punct = &x->r->punct;
    for (size_t i = 0; i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i) || (d->flags[i] & GY_LINE_HEAD))
            continue;
        p.line = i;
        p.a = d->content[i].start;
        p.b = d->content[i].end;
        p.first_time = d->times.len;
        if (scan_paragraph(&p) != 0)
            return -1;
    }
    return 0;
}
