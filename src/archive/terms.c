/* Formulations across an archive: the list of terms (the rules' and the
 * user's) with one Aho–Corasick automaton over every variant and blocker;
 * each document's body (noise set aside) scanned once, line by line, on
 * the text folded to simplified characters; where matches overlap the
 * leftmost longest one wins; the text's own numbered formulations found by
 * one pattern, with the items the text spells out after them. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "numbers.h"
#include "rules.h"
#include "source.h"
#include "terms.h"
#include "utf8.h"

/* ---- the set ----------------------------------------------------------------- */

typedef struct words {
    const char **w;
    int32_t *term;
    size_t n, cap;
} words;

static int add_word(words *ws, const char *w, int32_t term)
{
    if (ws->n == ws->cap) {
        size_t cap = ws->cap ? 2 * ws->cap : 512;
        const char **a = realloc(ws->w, cap * sizeof *a);
        int32_t *b = a ? realloc(ws->term, cap * sizeof *b) : NULL;
        if (a)
            ws->w = a;
        if (!a || !b)
            return -1;
        ws->term = b;
        ws->cap = cap;
    }
    ws->w[ws->n] = w;
    ws->term[ws->n++] = term;
    return 0;
}

/* A term of the user's: "term|variant|..." (copied into the set). */
static int add_user_term(gy_term_set *set, words *ws, const char *spec)
{
    char *copy = gy_arena_strndup(&set->arena, spec, strlen(spec));
    if (!copy)
        return -1;
    int32_t k = (int32_t)set->n;
    set->terms[set->n++] = (gy_term){NULL, "user"};
    for (char *p = copy; *p;) {
        size_t len = strcspn(p, "|");
        char *end = p + len, *next = *end ? end + 1 : end;
        *end = '\0';
        if (len) {
            if (!set->terms[k].name)
                set->terms[k].name = p;
            if (add_word(ws, p, k) != 0)
                return -1;
        }
        p = next;
    }
    if (!set->terms[k].name)
        set->n--; /* nothing but bars */
    return 0;
}

gy_term_set *gy_term_set_new(const gy_rules *rules, const char *const *extra, size_t nextra,
                             int replace, gy_error *err)
{
    const gy_terms_rules *tr = &rules->terms;
    gy_term_set *set = calloc(1, sizeof *set);
    words ws = {NULL, NULL, 0, 0};
    int rc = set ? 0 : -1;
    if (set) {
        gy_arena_init(&set->arena);
        set->rules = tr;
        size_t cap = (replace ? 0 : tr->n) + nextra + 1;
        set->terms = gy_arena_alloc(&set->arena, cap * sizeof *set->terms);
        rc = set->terms ? 0 : -1;
    }
    for (size_t i = 0; rc == 0 && !replace && i < tr->n; i++) {
        set->terms[set->n] = (gy_term){tr->terms[i].name, tr->terms[i].category};
        for (size_t v = 0; rc == 0 && v < tr->terms[i].nvariants; v++)
            rc = add_word(&ws, tr->terms[i].variants[v], (int32_t)set->n);
        set->n++;
    }
    for (size_t i = 0; rc == 0 && i < tr->nblockers; i++)
        rc = add_word(&ws, tr->blockers[i], -1);
    for (size_t i = 0; rc == 0 && i < nextra; i++)
        rc = add_user_term(set, &ws, extra[i]);
    if (rc == 0 && gy_ac_build(&set->ac, ws.w, ws.n) == 0) {
        set->word_term = ws.term;
        free(ws.w);
        return set;
    }
    free(ws.w);
    free(ws.term);
    gy_term_set_free(set);
    gy_error_oom(err, "terms");
    return NULL;
}

void gy_term_set_free(gy_term_set *set)
{
    if (!set)
        return;
    gy_ac_free(&set->ac);
    free(set->word_term);
    gy_arena_free(&set->arena);
    free(set);
}

/* ---- one document ------------------------------------------------------------- */

typedef struct match {
    size_t start, len;
    int32_t term;
} match;

typedef struct scan {
    const gy_term_set *set;
    match *m;
    size_t n, cap;
    int oom;
    size_t base;           /* the line's start in the text */
} scan;

static void found(void *ctx, size_t word, size_t start)
{
    scan *s = ctx;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        match *m = realloc(s->m, cap * sizeof *m);
        if (!m) {
            s->oom = 1;
            return;
        }
        s->m = m;
        s->cap = cap;
    }
    s->m[s->n++] = (match){s->base + start, s->set->ac.lens[word], s->set->word_term[word]};
}

static int leftmost_longest(const void *a, const void *b)
{
    const match *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->len < y->len) - (x->len > y->len);
}

/* text[a..b) as stored, the hit's characters either side (entry arena). */
static const char *stored(gy_terms_entry *e, const gy_doc *d, size_t a, size_t b)
{
    return gy_arena_strndup(&e->arena, d->s + a, b - a);
}

/* n characters before at, not before floor; and after. */
static size_t back_chars(const char *s, size_t floor, size_t at, size_t n)
{
    while (n-- && at > floor) {
        at--;
        while (at > floor && ((unsigned char)s[at] & 0xC0) == 0x80)
            at--;
    }
    return at;
}

static size_t forward_chars(const char *s, size_t at, size_t end, size_t n)
{
    while (n-- && at < end) {
        at++;
        while (at < end && ((unsigned char)s[at] & 0xC0) == 0x80)
            at++;
    }
    return at;
}

static int keep_hit(gy_terms_entry *e, const gy_doc *d, const match *m, gy_slice line,
                    size_t lineno, size_t context)
{
    gy_hit *h = gy_push(NULL, &e->hits, &e->nhits, &e->caphits, sizeof *h);
    if (!h)
        return -1;
    size_t a = back_chars(d->s, line.start, m->start, context);
    size_t b = forward_chars(d->s, m->start + m->len, line.end, context);
    *h = (gy_hit){(size_t)m->term, lineno, stored(e, d, a, m->start),
                  stored(e, d, m->start, m->start + m->len), stored(e, d, m->start + m->len, b)};
    return h->left && h->match && h->right ? 0 : -1;
}

/* The terms of one line: leftmost longest, blockers taking part. */
static int count_line(gy_terms_entry *e, const gy_doc *d, const char *text, scan *s,
                      gy_slice c, size_t lineno, size_t context)
{
    s->n = 0;
    s->base = c.start;
    gy_ac_scan(&s->set->ac, text + c.start, c.end - c.start, found, s);
    if (s->oom)
        return -1;
    gy_sort(s->m, s->n, sizeof *s->m, leftmost_longest);
    size_t reach = 0;
    for (size_t k = 0; k < s->n; k++) {
        const match *m = &s->m[k];
        if (m->start < reach)
            continue;
        reach = m->start + m->len;
        if (m->term < 0)
            continue;
        e->count[m->term]++;
        if (!e->first_line[m->term])
            e->first_line[m->term] = lineno;
        if (context && keep_hit(e, d, m, c, lineno, context) != 0)
            return -1;
    }
    return 0;
}

/* ---- numbered formulations ----------------------------------------------------- */

/* The items a numbered formulation of n items is spelled out in right
 * after it (at end, in the paragraph ending at para_end): a series of n
 * numbered tasks, or n items in brackets or after a colon. */
static int items_after(gy_terms_entry *e, const gy_doc *d, const char *text, size_t end,
                       size_t para_end, long n, gy_numbered *nb)
{
    for (size_t i = 0; i < d->tasks.len; i++) {
        const gy_task *t = &GY_TASKS(d)[i];
        if (t->start < end || t->parent)
            continue;
        if (t->start >= para_end)
            break;
        /* the series opens right after it: its first item is 一, in the
         * sentence after the formulation's at the latest */
        size_t stops = 0;
        for (size_t p = end; p < t->start; p++)
            stops += !strncmp(text + p, "。", 3);
        size_t k = i;
        while (k < d->tasks.len && GY_TASKS(d)[k].series == t->series && !GY_TASKS(d)[k].parent)
            k++;
        if ((long)(k - i) != n || t->number != 1 || stops > 1)
            break;
        nb->items = gy_arena_alloc(&e->arena, (size_t)n * sizeof *nb->items);
        if (!nb->items)
            return -1;
        for (size_t j = i; j < k; j++)
            if (!(nb->items[nb->nitems++] = stored(e, d, GY_TASKS(d)[j].text.start,
                                                   GY_TASKS(d)[j].text.end)))
                return -1;
        return 0;
    }
    /* （A、B、C） or ：A、B、C。 within a few characters */
    size_t at = end, limit = forward_chars(text, end, para_end, 6);
    const char *open = NULL;
    for (; at < limit; at++)
        if (!strncmp(text + at, "（", 3) || !strncmp(text + at, "：", 3)) {
            open = text + at;
            break;
        }
    if (!open)
        return 0;
    int bracket = !strncmp(open, "（", 3);
    size_t from = at + 3, to = from;
    while (to < para_end && strncmp(text + to, bracket ? "）" : "。", 3) != 0 &&
           (bracket || strncmp(text + to, "；", 3) != 0 || n > 1))
        to++;
    size_t parts = 1;
    for (size_t p = from; p < to; p++)
        parts += !strncmp(text + p, "、", 3) || !strncmp(text + p, "；", 3);
    if ((long)parts != n || to >= para_end)
        return 0;
    nb->items = gy_arena_alloc(&e->arena, parts * sizeof *nb->items);
    if (!nb->items)
        return -1;
    for (size_t p = from, q = from; q <= to; q++)
        if (q == to || !strncmp(text + q, "、", 3) || !strncmp(text + q, "；", 3)) {
            if (!(nb->items[nb->nitems++] = stored(e, d, p, q)))
                return -1;
            p = q + 3;
            q += 2;
        }
    return 0;
}

/* The value of a numeral (一, 十二, 两) or of digits, 0 when none. */
static long numeral(const char *s, size_t n)
{
    if (n && s[0] >= '0' && s[0] <= '9')
        return strtol(s, NULL, 10);
    double v;
    if (n == 3 && !memcmp(s, "两", 3))
        return 2;
    return gy_parse_chinese(s, n, &v) == 0 ? (long)v : 0;
}

/* One more hit of the numbered formulation text[a..b) with number n. */
static int numbered_hit(gy_terms_entry *e, const gy_doc *d, const char *text, size_t a,
                        size_t b, long n, size_t para_end, size_t lineno)
{
    char *key = gy_arena_strndup(&e->arena, text + a, b - a);
    if (!key)
        return -1;
    for (size_t k = 0; k < e->nnumbered; k++)
        if (strcmp(e->numbered[k].key, key) == 0) {
            e->numbered[k].count++;
            return 0;
        }
    gy_numbered *nb = gy_push(NULL, &e->numbered, &e->nnumbered, &e->capnumbered, sizeof *nb);
    if (!nb)
        return -1;
    *nb = (gy_numbered){stored(e, d, a, b), key, 1, lineno, NULL, 0};
    if (!nb->text)
        return -1;
    return n > 1 && n <= 20 ? items_after(e, d, text, b, para_end, n, nb) : 0;
}

/* Digits ending at end, after no other digit: their start, or end. */
static size_t digits_before(const char *s, size_t floor, size_t end)
{
    size_t a = end;
    while (a > floor && end - a < 2 && s[a - 1] >= '0' && s[a - 1] <= '9')
        a--;
    return a > floor && s[a - 1] >= '0' && s[a - 1] <= '9' ? end : a;
}

/* An unquoted numbered formulation whose head stands at text[h..he): a
 * counter before it, a numeral before that, and no numeral before the
 * numeral (三大攻坚战, not 十三大攻坚战 read as 三大). Its start, or h when
 * there is none. */
static size_t unquoted_start(const gy_terms_rules *tr, const char *text, size_t floor, size_t h,
                             size_t *numeral_at, size_t *numeral_len)
{
    int c = gy_lex_ending_at(&tr->counters, text, floor, h);
    if (c < 0)
        return h;
    size_t ce = h - tr->counters.words[c].len;
    int w = gy_lex_ending_at(&tr->numerals, text, floor, ce);
    size_t ns = w >= 0 ? ce - tr->numerals.words[w].len : digits_before(text, floor, ce);
    if (ns == ce)
        return h;
    if (ns > floor && (gy_lex_ending_at(&tr->numerals, text, floor, ns) >= 0 ||
                       (text[ns - 1] >= '0' && text[ns - 1] <= '9')))
        return h;
    *numeral_at = ns;
    *numeral_len = ce - ns;
    return ns;
}

static int numbered_line(gy_terms_entry *e, const gy_doc *d, const char *text,
                         pcre2_match_data *md, const gy_term_set *set, gy_slice c,
                         size_t para_end, size_t lineno)
{
    const gy_terms_rules *tr = set->rules;
    /* quoted: tried at each opening mark */
    for (const char *p = text + c.start, *end = text + c.end;
         (p = memchr(p, '\xE2', (size_t)(end - p))) != NULL; p++) {
        if (end - p < 3 || memcmp(p, "“", 3) != 0)
            continue;
        size_t at = (size_t)(p - text) - c.start, a, b;
        if (gy_rx_exec(&tr->quoted, text + c.start, c.end - c.start, at, md) <= 0)
            continue;
        gy_rx_group(md, 0, &a, &b);
        size_t na, nz;
        long n = gy_rx_group(md, tr->quoted.g_number, &na, &nz)
                     ? numeral(text + c.start + na, nz - na) : 0;
        if (numbered_hit(e, d, text, c.start + a, c.start + b, n, para_end, lineno) != 0)
            return -1;
        p = text + c.start + b - 1;
    }
    /* unquoted: from each head a counter and a numeral are looked for before it */
    size_t where;
    for (size_t from = c.start; from < c.end;) {
        int h = gy_lex_first_in(&tr->heads, text, from, c.end, &where);
        if (h < 0)
            break;
        size_t he = where + tr->heads.words[h].len, na = 0, nl = 0;
        from = he;
        size_t a = unquoted_start(tr, text, c.start, where, &na, &nl);
        if (a == where || (a >= 3 && !memcmp(text + a - 3, "“", 3)))
            continue; /* none, or the quoted one found above */
        if (numbered_hit(e, d, text, a, he, numeral(text + na, nl), para_end, lineno) != 0)
            return -1;
    }
    return 0;
}

/* ---- the entry ------------------------------------------------------------------ */

static int scan_body(gy_terms_entry *e, const gy_doc *d, const gy_term_set *set, size_t context)
{
    const char *text = d->folded ? d->folded : d->s;
    scan s = {set, NULL, 0, 0, 0, 0};
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(set->rules->quoted.code, NULL);
    int rc = md ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < d->text.nlines; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        gy_slice c = d->content[i];
        e->chars += gy_utf8_count(text + c.start, c.end - c.start);
        size_t p = gy_doc_para_of(d, i), para_end = d->para_end && d->para_end[p] ? d->para_end[p]
                                                                                   : c.end;
        rc = count_line(e, d, text, &s, c, i + 1, context) != 0 ||
                     numbered_line(e, d, text, md, set, c, para_end, i + 1) != 0
                 ? -1
                 : 0;
    }
    pcre2_match_data_free(md);
    free(s.m);
    return rc;
}

gy_terms_entry *gy_terms_entry_new(const gy_doc *d, const gy_term_set *set,
                                   const gy_terms_options *opt, gy_error *err)
{
    gy_terms_entry *e = calloc(1, sizeof *e);
    if (e) {
        gy_arena_init(&e->arena);
        const char *code;
        gy_level level;
        const char *region = gy_doc_region(d, &code, &level);
        e->file = gy_arena_strndup(&e->arena, d->src->name, strlen(d->src->name));
        e->region = region ? gy_arena_strndup(&e->arena, region, strlen(region)) : NULL;
        e->code = code ? gy_arena_strndup(&e->arena, code, strlen(code)) : NULL;
        e->year = d->year;
        e->count = gy_arena_alloc(&e->arena, (set->n ? set->n : 1) * sizeof *e->count);
        e->first_line = gy_arena_alloc(&e->arena, (set->n ? set->n : 1) * sizeof *e->first_line);
        if (e->file && e->count && e->first_line &&
            scan_body(e, d, set, opt ? opt->context : 0) == 0)
            return e;
    }
    gy_terms_entry_free(e);
    gy_error_oom(err, d->src->name);
    return NULL;
}

void gy_terms_entry_free(gy_terms_entry *e)
{
    if (!e)
        return;
    free(e->hits);
    free(e->numbered);
    gy_arena_free(&e->arena);
    free(e);
}

/* ---- many documents ---------------------------------------------------------------- */

gy_terms *gy_terms_new(const gy_term_set *set, const gy_terms_options *opt, gy_error *err)
{
    gy_terms *t = calloc(1, sizeof *t);
    if (!t) {
        gy_error_oom(err, "terms");
        return NULL;
    }
    t->set = set;
    if (opt)
        t->opt = *opt;
    return t;
}

int gy_terms_add(gy_terms *t, gy_terms_entry *e, gy_error *err)
{
    gy_terms_entry **slot = gy_push(NULL, &t->entries, &t->n, &t->cap, sizeof *slot);
    if (!slot) {
        gy_terms_entry_free(e);
        gy_error_oom(err, "terms");
        return -1;
    }
    *slot = e;
    return 0;
}

void gy_terms_free(gy_terms *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        gy_terms_entry_free(t->entries[i]);
    free(t->entries);
    free(t->first_year);
    free(t->shown);
    free(t);
}

int gy_terms_settle(gy_terms *t)
{
    size_t n = t->set->n ? t->set->n : 1;
    free(t->first_year);
    free(t->shown);
    t->first_year = calloc(n, sizeof *t->first_year);
    t->shown = calloc(n, 1);
    if (!t->first_year || !t->shown)
        return -1;
    for (size_t i = 0; i < t->n; i++)
        for (size_t k = 0; k < t->set->n; k++) {
            const gy_terms_entry *e = t->entries[i];
            if (e->count[k] && e->year && (!t->first_year[k] || e->year < t->first_year[k]))
                t->first_year[k] = e->year;
        }
    for (size_t k = 0; k < t->set->n; k++)
        t->shown[k] = !t->opt.since || t->first_year[k] >= t->opt.since;
    return 0;
}

typedef struct ranked {
    size_t term;
    uint32_t count;
} ranked;

static int by_count(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return (x->term > y->term) - (x->term < y->term);
}

size_t *gy_terms_of_entry(const gy_terms *t, const gy_terms_entry *e, size_t *n)
{
    ranked *r = malloc((t->set->n ? t->set->n : 1) * sizeof *r);
    size_t *out = malloc((t->set->n ? t->set->n : 1) * sizeof *out);
    *n = 0;
    if (!r || !out) {
        free(r);
        free(out);
        return NULL;
    }
    size_t m = 0;
    for (size_t k = 0; k < t->set->n; k++)
        if (e->count[k] && t->shown[k])
            r[m++] = (ranked){k, e->count[k]};
    gy_sort(r, m, sizeof *r, by_count);
    if (t->opt.top && m > t->opt.top)
        m = t->opt.top;
    for (size_t k = 0; k < m; k++)
        out[k] = r[k].term;
    *n = m;
    free(r);
    return out;
}
