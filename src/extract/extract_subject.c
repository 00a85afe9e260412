/* The subject of a target (what it measures) and its catalogue indicator,
 * computed once, where the target is made: the words of its clause before
 * it, without time words and fillers; a clause that names nothing takes the
 * subject of the clause before; a list before 分别 is distributed over the
 * numbers after it.  The words come from the rule data (targets.subjects,
 * indicators). */
#include <string.h>

#include "scan.h"
#include "utf8.h"

/* A piece of text being trimmed: s[0..n). */
typedef struct piece {
    const char *s;
    size_t n;
} piece;

/* Removes from buf[0..n) the line breaks of a paragraph broken over lines,
 * with the spaces and blank lines around them; returns the new length. */
static size_t drop_line_breaks(char *buf, size_t n)
{
    size_t out = 0, k = 1;
    for (size_t i = 0; i < n;) {
        if (buf[i] != '\n' && buf[i] != '\r') {
            buf[out++] = buf[i++];
            continue;
        }
        while (out > 0 && (buf[out - 1] == ' ' || buf[out - 1] == '\t'))
            out--;
        while (i < n && (buf[i] == '\n' || buf[i] == '\r' ||
                         gy_is_space(gy_utf8_at_valid(buf, i, n, &k))))
            i += buf[i] == '\n' || buf[i] == '\r' ? 1 : k;
    }
    return out;
}

/* Is buf[i..n) the start of a markup tag (<p>, </span>, <span class="x">)?
 * Returns its length, or 0. */
static size_t tag_at(const char *buf, size_t i, size_t n)
{
    if (buf[i] != '<' || i + 2 >= n)
        return 0;
    unsigned char c = (unsigned char)buf[i + 1], lower = (unsigned char)(c | 0x20);
    if (c != '/' && c != '!' && !(lower >= 'a' && lower <= 'z'))
        return 0;
    for (size_t k = i + 1; k < n && k - i <= 200; k++) {
        if (buf[k] == '>')
            return k + 1 - i;
        if (buf[k] == '<' || buf[k] == '\n')
            return 0;
    }
    return 0;
}

/* Removes from buf[0..n) the markup tags a page scraped without being
 * cleaned leaves inside a line (<p><span>——…。</span>国内生产总值增长): a
 * subject is words, never markup.  Returns the new length. */
static size_t drop_tags(char *buf, size_t n)
{
    if (!memchr(buf, '<', n))
        return n;
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t t = tag_at(buf, i, n);
        if (t) {
            i += t;
            continue;
        }
        buf[out++] = buf[i++];
    }
    return out;
}

/* Copies s[from..to) without the times in it into buf; keeps the last
 * bytes when it is longer than the buffer. */
static piece words_without_times(const gy_scan *p, size_t from, size_t to, char *buf, size_t size)
{
    const gy_time *t = GY_TIMES(p->d);
    size_t n = 0, k = p->first_time, pos = from;
    while (k < p->d->times.len && t[k].text.end <= from)
        k++;
    while (pos < to) {
        size_t stop = to;
        if (k < p->d->times.len && t[k].text.start < to)
            stop = t[k].text.start > pos ? t[k].text.start : pos;
        size_t take = stop > pos ? stop - pos : 0;
        if (take > size - n)
            take = size - n;
        memcpy(buf + n, p->d->s + pos, take);
        n += take;
        pos += take;
        if (n == size)
            break;
        if (k < p->d->times.len && t[k].text.start < to) {
            pos = t[k].text.end > pos ? t[k].text.end : pos;
            k++;
        }
    }
    if (p->d->para_end)
        n = drop_line_breaks(buf, n);
    n = drop_tags(buf, n);
    piece w = {buf, n};
    return w;
}

static int drop_start(piece *w, const gy_lexicon *lx)
{
    int i = gy_lex_at(lx, w->s, 0, w->n);
    if (i < 0)
        return 0;
    w->s += lx->words[i].len;
    w->n -= lx->words[i].len;
    return 1;
}

/* Strips marks, spaces and skip_start words at the start, skip_end words at
 * the end, as long as there are any. */
static void trim(const gy_scan *p, piece *w)
{
    const gy_subject_rules *r = &p->r->subjects;
    for (int moved = 1; moved && w->n;) {
        size_t len;
        uint32_t cp = gy_utf8_at_valid(w->s, 0, w->n, &len);
        moved = gy_is_space(cp) || gy_punct_roles(p->punct, cp) != 0;
        if (moved) {
            w->s += len;
            w->n -= len;
        } else {
            moved = drop_start(w, &r->skip_start);
        }
    }
    for (int moved = 1; moved && w->n;) {
        int i = gy_lex_ending_at(&r->skip_end, w->s, 0, w->n);
        size_t len;
        uint32_t cp = gy_utf8_before_valid(w->s, 0, w->n, &len);
        moved = i >= 0 || gy_is_space(cp) || gy_punct_roles(p->punct, cp) != 0;
        w->n -= i >= 0 ? r->skip_end.words[i].len : moved ? len : 0;
    }
}

/* Is w nothing but a change word (增长)? */
static int only_change(const gy_scan *p, piece w)
{
    const gy_lexicon *lx = &p->r->subjects.change_words;
    int i = gy_lex_at(lx, w.s, 0, w.n);
    return w.n == 0 || (i >= 0 && lx->words[i].len == w.n);
}

static void trim(const gy_scan *p, piece *w);

/* Does w end with a change word and a level word (增长到, and after them
 * nothing but what trimming takes away: 增长到2025年的)? */
static int reaches_level(const gy_scan *p, piece w)
{
    const gy_subject_rules *r = &p->r->subjects;
    size_t where;
    int l = gy_lex_last_in(&r->level_after, w.s, 0, w.n, &where);
    if (l < 0 || gy_lex_ending_at(&r->change_words, w.s, 0, where) < 0)
        return 0;
    piece tail = {w.s + where, w.n - where};
    trim(p, &tail);
    return tail.n == 0;
}

/* w without a change word at its end (一般公共预算收入增长: 一般公共预算收入). */
static piece noun_of(const gy_scan *p, piece w)
{
    const gy_lexicon *lx = &p->r->subjects.change_words;
    int i = gy_lex_ending_at(lx, w.s, 0, w.n);
    if (i >= 0 && lx->words[i].len < w.n)
        w.n -= lx->words[i].len;
    return w;
}

static void copy_into(char *dst, size_t size, size_t *len, piece w)
{
    size_t n = w.n < size - 1 ? w.n : size - 1;
    while (n > 0 && n < w.n && ((unsigned char)w.s[n] & 0xC0) == 0x80)
        n--;
    memcpy(dst, w.s, n);
    *len = n;
}

/* ---- a list before 分别 ---------------------------------------------------- */

static size_t chars(piece w) { return gy_utf8_count(w.s, w.n); }

/* The first k characters of w. */
static piece first_chars(piece w, size_t k)
{
    size_t i = 0;
    for (size_t c = 0; c < k && i < w.n; c++) {
        size_t len;
        gy_utf8_at_valid(w.s, i, w.n, &len);
        i += len;
    }
    piece h = {w.s, i};
    return h;
}

static void add_item(gy_subject_state *st, piece w)
{
    if (st->nitems < GY_LIST_MAX)
        copy_into(st->items[st->nitems], sizeof st->items[0], &st->item_len[st->nitems], w);
    st->nitems += st->nitems < GY_LIST_MAX;
}

/* The items of the list in w, and the head noun they share: one word of
 * expansions (城乡居民…: 城镇, 农村), or items joined by list_joiners, the
 * last one holding the head (城镇、农村居民…: the head follows a modifier
 * as long as the first item). */
static void parse_list(const gy_scan *p, piece w, gy_subject_state *st)
{
    const gy_subject_rules *r = &p->r->subjects;
    piece head = {w.s + w.n, 0};
    st->nitems = 0;
    int e = gy_lex_at(&r->expansions, w.s, 0, w.n);
    if (e >= 0) {
        const gy_expansion *x = &r->expansion[r->expansions.words[e].tag];
        for (size_t k = 0; k < x->n; k++) {
            piece item = {x->items[k], strlen(x->items[k])};
            add_item(st, item);
        }
        head.s = w.s + r->expansions.words[e].len;
        head.n = w.n - r->expansions.words[e].len;
    } else {
        piece rest = w;
        for (size_t i = 0; i < rest.n;) {
            int j = gy_lex_at(&r->list_joiners, rest.s, i, rest.n);
            if (j < 0) {
                size_t len;
                gy_utf8_at_valid(rest.s, i, rest.n, &len);
                i += len;
                continue;
            }
            piece item = {rest.s, i};
            add_item(st, item);
            rest.s += i + r->list_joiners.words[j].len;
            rest.n -= i + r->list_joiners.words[j].len;
            i = 0;
        }
        size_t modifier = st->nitems ? gy_utf8_count(st->items[0], st->item_len[0]) : 0;
        if (st->nitems && chars(rest) > modifier) {
            piece m = first_chars(rest, modifier);
            head.s = rest.s + m.n;
            head.n = rest.n - m.n;
            rest = m;
        }
        add_item(st, rest);
    }
    copy_into(st->head, sizeof st->head, &st->head_len, head);
}

/* ---- composing the subject ---------------------------------------------------- */

/* The subject made of parts, in the document's arena (NULL when empty or
 * out of memory): at most max_chars characters, the last ones. */
static const char *compose(gy_scan *p, const piece *parts, size_t nparts)
{
    char buf[1024];
    size_t n = 0;
    for (size_t k = 0; k < nparts; k++) {
        size_t take = parts[k].n < sizeof buf - n ? parts[k].n : sizeof buf - n;
        memcpy(buf + n, parts[k].s, take);
        n += take;
    }
    piece w = {buf, n};
    size_t over = chars(w) > p->r->subjects.max_chars ? chars(w) - p->r->subjects.max_chars : 0;
    piece cut = first_chars(w, over);
    return n > cut.n ? gy_arena_strndup(&p->d->arena, buf + cut.n, n - cut.n) : NULL;
}

/* The next item of the list being distributed, with the head and the
 * change word (this clause's own, or the list's). */
static const char *next_item(gy_scan *p, piece own)
{
    gy_subject_state *st = &p->subject;
    size_t k = st->next++;
    piece verb = {st->verb, st->verb_len};
    if (own.n)
        verb = own;
    piece parts[3] = {{st->items[k], st->item_len[k]}, {st->head, st->head_len}, verb};
    return compose(p, parts, 3);
}

static const char *start_list(gy_scan *p, piece before, piece after)
{
    gy_subject_state *st = &p->subject;
    trim(p, &before);
    trim(p, &after);
    parse_list(p, before, st);
    copy_into(st->verb, sizeof st->verb, &st->verb_len, after);
    st->list = st->nitems > 0;
    st->next = 0;
    if (!st->list)
        return NULL;
    if (st->nitems == 1) { /* no list: every number has the one subject */
        st->list = 0;
        piece parts[3] = {{st->items[0], st->item_len[0]}, {st->head, st->head_len}, after};
        copy_into(st->noun, sizeof st->noun, &st->noun_len, noun_of(p, before));
        return compose(p, parts, 3);
    }
    return next_item(p, after);
}

static int only_change(const gy_scan *p, piece w);

/* After a figure, in a list of what happened to one thing (全省生产总值突破
 * 3万亿元、跃居全国第十位、增长5.1%): when the last item is only a change,
 * it speaks of the thing the list is about. */
static void last_list_item(const gy_scan *p, piece *w)
{
    size_t len;
    for (size_t end = w->n; end > 0; end -= len) {
        uint32_t cp = gy_utf8_before_valid(w->s, 0, end, &len);
        if (gy_punct_roles(p->punct, cp) & GY_P_LIST) {
            piece last = {w->s + end, w->n - end};
            trim(p, &last);
            if (last.n && only_change(p, last))
                *w = last;
            return;
        }
    }
}

/* The subject of a target at to, from the words in s[from..to) (after an
 * earlier figure of its phrase when after_figure). */
static const char *subject_of(gy_scan *p, size_t from, size_t to, int after_figure)
{
    gy_subject_state *st = &p->subject;
    if (st->sentence != p->full) {
        memset(st, 0, sizeof *st);
        st->sentence = p->full;
    }
    char buf[2048];
    piece w = words_without_times(p, from, to, buf, sizeof buf);
    const char *list_word = p->r->subjects.list_word;
    size_t lw = strlen(list_word);
    for (size_t i = 0; i + lw <= w.n; i++)
        if (!lw || (w.s[i] == list_word[0] && memcmp(w.s + i, list_word, lw) == 0)) {
            piece before = {w.s, i}, after = {w.s + i + lw, w.n - i - lw};
            return start_list(p, before, after);
        }
    if (after_figure)
        last_list_item(p, &w);
    int level = reaches_level(p, w);
    trim(p, &w);
    if (level && only_change(p, w))
        w.n = 0; /* 增长到4.93万亿元: the level of the noun before */
    if (!only_change(p, w)) {
        st->list = 0;
        copy_into(st->noun, sizeof st->noun, &st->noun_len, noun_of(p, w));
        return compose(p, &w, 1);
    }
    if (st->list && st->next < st->nitems)
        return next_item(p, w);
    if (!st->noun_len)
        return NULL;
    piece parts[2] = {{st->noun, st->noun_len}, w};
    return compose(p, parts, 2);
}

/* ---- the indicator ---------------------------------------------------------- */

static int unit_fits(const gy_indicator *in, const char *unit)
{
    for (size_t k = 0; k < in->nunits; k++)
        if (in->units[k][0] == unit[0] && strcmp(in->units[k], unit) == 0)
            return 1;
    return 0;
}

/* Is the figure an average over years (年均增长 in its words, not the
 * annual mean of 年均浓度)? */
static int is_average(const gy_scan *p, size_t from, size_t to)
{
    const gy_lexicon *lx = &p->x->r->indicators.average_words;
    return gy_lex_first_in(lx, p->d->s, from, to, NULL) >= 0;
}

/* Drops the words of lx at w's end as long as there are any. */
static void drop_end(piece *w, const gy_lexicon *lx)
{
    int i;
    while (w->n && (i = gy_lex_ending_at(lx, w->s, 0, w->n)) >= 0)
        w->n -= lx->words[i].len;
}

/* The subject as the catalogue reads it, into buf: its scope words (全省,
 * 全市) and fillers (预计, 同比, 按可比口径) set aside wherever they stand,
 * then what trimming takes from its ends and the words naming the goal
 * itself (预期目标) from its end: 全省地区生产总值预计同比增长 is read as
 * 地区生产总值增长. */
static piece catalogue_words(const gy_scan *p, const char *subject, char *buf, size_t size)
{
    const gy_indicator_rules *r = &p->x->r->indicators;
    size_t len = strlen(subject), n = 0;
    for (size_t i = 0, k; i < len; i += k) {
        uint32_t cp = gy_utf8_at_valid(subject, i, len, &k);
        int w = gy_lex_may_start(&r->scopes, cp) ? gy_lex_at(&r->scopes, subject, i, len) : -1;
        const gy_lexicon *lx = &r->scopes;
        if (w < 0 && gy_lex_may_start(&r->fillers, cp)) {
            w = gy_lex_at(&r->fillers, subject, i, len);
            lx = &r->fillers;
        }
        if (w >= 0) {
            k = lx->words[w].len;
            continue;
        }
        if (n + k > size)
            break;
        memcpy(buf + n, subject + i, k);
        n += k;
    }
    piece w = {buf, n};
    for (size_t before = 0; before != w.n;) {
        before = w.n;
        trim(p, &w);
        drop_end(&w, &r->goal_words);
    }
    return w;
}

/* The catalogue entry whose pattern matches the whole subject as the
 * catalogue reads it, and whose units hold the unit. */
static const gy_indicator *indicator_of(gy_scan *p, const char *subject, const char *unit,
                                        int *fell)
{
    *fell = 0;
    const gy_indicator_rules *r = &p->x->r->indicators;
    size_t u = 0;
    while (u < r->nunits && strcmp(r->units[u], unit) != 0)
        u++;
    if (u == r->nunits)
        return NULL; /* no entry measures in this unit */
    char buf[GY_WORDS_MAX * 2];
    piece w = catalogue_words(p, subject, buf, sizeof buf);
    if (!w.n)
        return NULL;
    uint64_t may = r->indexed ? gy_rxindex_at(&r->index, w.s, w.n, 0) : 0;
    for (size_t i = 0; i < r->n; i++) {
        const gy_indicator *in = &r->items[i];
        if ((r->indexed && !(may >> i & 1)) || !unit_fits(in, unit))
            continue;
        for (size_t k = 0; k < in->npatterns; k++)
            if (gy_match(p->x, &in->patterns[k], w.s, w.n, 0)) {
                *fell = k >= in->nrises;
                return in;
            }
    }
    return NULL;
}

const char *gy_indicator_named(gy_run *x, const char *s, size_t n)
{
    gy_scan p;
    memset(&p, 0, sizeof p);
    p.x = x;
    p.d = x->d;
    p.r = &x->r->targets;
    p.tr = &x->r->times;
    p.punct = &x->r->punct;
    char subject[GY_WORDS_MAX * 2];
    if (n >= sizeof subject)
        return NULL;
    memcpy(subject, s, n);
    subject[n] = '\0';
    const gy_indicator_rules *r = &x->r->indicators;
    for (size_t u = 0; u < r->nunits; u++) {
        int fell;
        const gy_indicator *in = indicator_of(&p, subject, r->units[u], &fell);
        if (in)
            return in->id;
    }
    return NULL;
}

/* Is s made only of words that are no noun (verbs, adverbs, prepositions,
 * function words: 坚决守住 is 坚决 + 守住)?  Then it names nothing measured. */
static int names_nothing(const gy_scan *p, const char *s)
{
    const gy_lexicon *lx = &p->r->subjects.not_nouns;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int w = gy_lex_at(lx, s, i, n);
        if (w < 0)
            return 0;
        i += lx->words[w].len;
    }
    return n > 0;
}

/* A figure of a fall read as the indicator it lowers (下降3.5% of a growth:
 * -3.5): its value and bounds negated, the comparison mirrored (下降3%以上:
 * a growth of -3 or less).  Returns 0 where that cannot be said (a fall
 * counted from a base or up to a level). */
static int negate(gy_target *t)
{
    static const enum gy_op mirror[] = {
        [GY_OP_EQ] = GY_OP_EQ, [GY_OP_GE] = GY_OP_LE, [GY_OP_GT] = GY_OP_LT,
        [GY_OP_LE] = GY_OP_GE, [GY_OP_LT] = GY_OP_GT, [GY_OP_APPROX] = GY_OP_APPROX,
        [GY_OP_RANGE] = GY_OP_RANGE};
    static const enum gy_bound flip[] = {
        [GY_BOUND_POINT] = GY_BOUND_POINT, [GY_BOUND_SOFT] = GY_BOUND_SOFT,
        [GY_BOUND_HARD] = GY_BOUND_CEILING, [GY_BOUND_CEILING] = GY_BOUND_HARD,
        [GY_BOUND_RANGE] = GY_BOUND_RANGE};
    if ((size_t)t->op >= sizeof mirror / sizeof *mirror ||
        (size_t)t->bound >= sizeof flip / sizeof *flip)
        return 0;
    double min = t->min, max = t->max;
    t->value = -t->value;
    t->min = -max;
    t->max = -min;
    if (t->op == GY_OP_RANGE)
        t->value = t->min;
    if (t->has_stretch)
        t->stretch = -t->stretch;
    t->negated = 1;
    t->op = mirror[t->op];
    t->bound = flip[t->bound];
    return 1;
}

int gy_take_subject(gy_scan *p, size_t from, int after_figure, gy_target *t)
{
    t->subject = subject_of(p, from, t->text.start, after_figure);
    if (t->subject && names_nothing(p, t->subject))
        t->subject = NULL;
    if (!t->subject)
        return 0;
    int fell;
    const gy_indicator *in = indicator_of(p, t->subject, t->unit, &fell);
    if (!in || (fell && !negate(t)))
        return 0;
    /* the document may outlive its rules: the id is copied */
    int average = is_average(p, from, t->text.start);
    t->indicator = gy_arena_printf(&p->d->arena, "%s%s", in->id,
                                   average ? p->x->r->indicators.average_suffix : "");
    return t->indicator ? 0 : -1;
}
