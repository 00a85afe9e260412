/* diff of targets: the goals of the two documents pair by catalogue
 * indicator and the year they are for, counted from their report's year
 * (this year's growth goal with this year's; a five-year goal only with a
 * five-year goal); then by what they measure, the same subject first, the
 * k-th repeat of a subject with the k-th, then similar subjects, never
 * across years.  Each pair says what changed, and the old goal's outcome
 * is looked up in the new document. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "rules.h"

enum { LABEL_MAX = 256 };

const char *gy_diff_target_label(const gy_doc *d, const gy_target *t, char *buf, size_t size)
{
    if (t->subject)
        return t->subject;
    /* the figure's clause: from its start to the mark that ends it */
    size_t from = t->clause < t->text.start ? t->clause : t->sentence.start, to = t->text.end;
    size_t end = t->sentence.end > to ? t->sentence.end : to;
    while (to < end && d->rules) {
        size_t len;
        if (gy_punct_at(&d->rules->punct, d->s, to, end, &len) &
            (GY_P_STOP | GY_P_SEMI | GY_P_CLAUSE))
            break;
        to += len;
    }
    size_t n = to - from;
    if (n >= size) { /* cut at a character's start */
        n = size - 1;
        while (n && ((unsigned char)d->s[from + n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, d->s + from, n);
    buf[n] = '\0';
    return buf;
}

/* What a target measures, as a signature. */
static int target_sig(const gy_doc *d, const gy_target *t, gy_sig *out)
{
    char buf[LABEL_MAX];
    const char *label = gy_diff_target_label(d, t, buf, sizeof buf);
    return gy_sig_make(label, strlen(label), NULL, 0, out);
}

/* Indices of the goals (malloc'd), or NULL. */
static size_t *goal_targets(const gy_doc *d, size_t *n)
{
    size_t *idx = malloc((d->targets.len ? d->targets.len : 1) * sizeof *idx);
    *n = 0;
    for (size_t i = 0; idx && i < d->targets.len; i++)
        if (!GY_TARGETS(d)[i].fact)
            idx[(*n)++] = i;
    return idx;
}

/* The year of a goal counted from its report's year (0: the report's own
 * year), or INT_MIN when either is unknown. */
static int year_from_report(const gy_doc *d, const gy_target *t)
{
    return t->year && d->year ? t->year - d->year : INT_MIN;
}

static unsigned target_changes(const gy_diff *df, const gy_target *x, const gy_target *y)
{
    unsigned ch = 0;
    double scale = fmax(1.0, fmax(fabs(x->value), fabs(y->value)));
    if (fabs(x->value - y->value) > 1e-9 * scale || x->min != y->min || x->max != y->max)
        ch |= GY_CH_VALUE;
    if (x->op != y->op || x->bound != y->bound)
        ch |= GY_CH_BOUND;
    if (strcmp(x->unit, y->unit) != 0)
        ch |= GY_CH_UNIT;
    if (year_from_report(df->a, x) != year_from_report(df->b, y) ||
        (x->year_from != 0) != (y->year_from != 0))
        ch |= GY_CH_YEAR;
    size_t lx = x->text.end - x->text.start, ly = y->text.end - y->text.start;
    if (!ch && (lx != ly || memcmp(df->a->s + x->text.start, df->b->s + y->text.start, lx) != 0))
        ch |= GY_CH_WORDING;
    return ch;
}

typedef gy_keyed occ_key;

/* A hash of a NUL-terminated string, continuing from h. */
static uint64_t text_hash_from(uint64_t h, const char *t)
{
    for (; *t; t++)
        h = (h ^ (unsigned char)*t) * 1099511628211ULL;
    return h;
}

/* For each goal of d, how many before it share its subject and unit, so
 * that repeated subjects (达到 … 亿元 three times) pair in order.  The
 * array is from malloc; NULL when out of memory. */
static size_t *occurrences(const gy_doc *d, const size_t *idx, const gy_sig *s, size_t n)
{
    occ_key *k = malloc((n ? n : 1) * sizeof *k);
    size_t *occ = malloc((n ? n : 1) * sizeof *occ);
    if (!k || !occ) {
        free(k);
        free(occ);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        k[i].key = text_hash_from(s[i].whole, GY_TARGETS(d)[idx[i]].unit);
        k[i].i = i;
    }
    gy_sort(k, n, sizeof *k, gy_by_key);
    for (size_t i = 0; i < n; i++)
        occ[k[i].i] = i > 0 && k[i - 1].key == k[i].key ? occ[k[i - 1].i] + 1 : 0;
    free(k);
    return occ;
}

/* The goals of one side: their signatures and repeat counts. */
typedef struct side {
    const gy_doc *d;
    const size_t *idx;
    size_t n;
    gy_sig *sig;
    size_t *occ;
    size_t *match;         /* index + 1 of the partner */
} side;

static int side_init(side *s, const gy_doc *d, const size_t *idx, size_t n)
{
    s->d = d;
    s->idx = idx;
    s->n = n;
    s->sig = calloc(n ? n : 1, sizeof *s->sig);
    s->match = calloc(n ? n : 1, sizeof *s->match);
    if (!s->sig || !s->match)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (target_sig(d, &GY_TARGETS(d)[idx[i]], &s->sig[i]) != 0)
            return -1;
    s->occ = occurrences(d, idx, s->sig, n);
    return s->occ ? 0 : -1;
}

static void side_free(side *s)
{
    gy_sigs_free(s->sig, s->n);
    free(s->occ);
    free(s->match);
}

static const char *indicator_of(const side *s, size_t i)
{
    return GY_TARGETS(s->d)[s->idx[i]].indicator;
}

static int relative_year(const side *s, size_t i)
{
    return year_from_report(s->d, &GY_TARGETS(s->d)[s->idx[i]]);
}

static uint64_t text_hash(const char *t) { return text_hash_from(14695981039346656037ULL, t); }

/* The goals of s with an indicator (and, by_year, a relative year), keyed
 * by them and sorted, in out; returns how many. */
static size_t keyed_goals(const side *s, int by_year, occ_key *out)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++) {
        const char *ind = indicator_of(s, i);
        int rel = relative_year(s, i);
        if (!ind || (by_year && rel == INT_MIN))
            continue;
        out[n].key = text_hash(ind) ^ (by_year ? (uint64_t)(unsigned)(rel + 1000) * 0x9E3779B97F4A7C15ULL : 0);
        out[n++].i = i;
    }
    gy_sort(out, n, sizeof *out, gy_by_key);
    return n;
}

static int same_key(const side *A, size_t i, const side *B, size_t j, int by_year)
{
    return strcmp(indicator_of(A, i), indicator_of(B, j)) == 0 &&
           (!by_year || relative_year(A, i) == relative_year(B, j));
}

/* Goals of one catalogue indicator pair first, those for the same year of
 * their report (this year's GDP target with this year's) above the rest:
 * within a key the k-th of one document with the k-th of the other. */
static int indicator_edges(const side *A, const side *B, int by_year, gy_elist *el)
{
    occ_key *ka = malloc((A->n ? A->n : 1) * sizeof *ka), *kb = malloc((B->n ? B->n : 1) * sizeof *kb);
    int rc = ka && kb ? 0 : -1;
    size_t na = rc ? 0 : keyed_goals(A, by_year, ka), nb = rc ? 0 : keyed_goals(B, by_year, kb);
    for (size_t p = 0, q = 0; rc == 0 && p < na && q < nb;) {
        if (ka[p].key != kb[q].key) {
            ka[p].key < kb[q].key ? p++ : q++;
            continue;
        }
        uint64_t key = ka[p].key;
        for (; p < na && q < nb && ka[p].key == key && kb[q].key == key; p++, q++) {
            if (!same_key(A, ka[p].i, B, kb[q].i, by_year))
                continue;
            gy_edge *e = gy_push(NULL, &el->e, &el->n, &el->cap, sizeof *e);
            if (!e) {
                rc = -1;
                break;
            }
            e->i = ka[p].i;
            e->j = kb[q].i;
            /* above any pair of subjects even with the bonus of an identical
             * one (1.5), a year of the report above both */
            e->sim = by_year ? 5.0 : 3.0;
        }
        while (p < na && ka[p].key == key)
            p++;
        while (q < nb && kb[q].key == key)
            q++;
    }
    free(ka);
    free(kb);
    return rc;
}

/* Pairs by indicator first; then the same unit only, an identical subject
 * ranking first, and among the repeats of one subject the k-th pairs with
 * the k-th. */
static int match_sides(const gy_diff *df, side *A, side *B)
{
    gy_elist el = {NULL, 0, 0};
    if (gy_candidates(A->sig, A->n, B->sig, B->n, df->subject_threshold, &el) != 0 ||
        indicator_edges(A, B, 1, &el) != 0) {
        free(el.e);
        return -1;
    }
    size_t keep = 0;
    for (size_t k = 0; k < el.n; k++) {
        gy_edge e = el.e[k];
        const gy_target *x = &GY_TARGETS(A->d)[A->idx[e.i]], *y = &GY_TARGETS(B->d)[B->idx[e.j]];
        int ya = relative_year(A, e.i), yb = relative_year(B, e.j);
        if (e.sim < 3.0 && (strcmp(x->unit, y->unit) != 0 ||
                            (x->indicator && y->indicator && strcmp(x->indicator, y->indicator)) ||
                            (ya != INT_MIN && yb != INT_MIN && ya != yb)))
            continue;
        if (A->sig[e.i].whole == B->sig[e.j].whole)
            e.sim += A->occ[e.i] == B->occ[e.j] ? 1.5 : 1.0;
        el.e[keep++] = e;
    }
    el.n = keep;
    gy_edges_sort(&el);
    for (size_t k = 0; k < el.n; k++) {
        const gy_edge *e = &el.e[k];
        if (A->match[e->i] || B->match[e->j])
            continue;
        A->match[e->i] = e->j + 1;
        B->match[e->j] = e->i + 1;
    }
    free(el.e);
    return 0;
}

/* Reports in the order of the new document, removed ones where they stood. */
static int report_pairs(gy_diff *df, const side *A, const side *B)
{
    size_t i = 0;
    int rc = 0;
    for (size_t j = 0; j < B->n && rc == 0; j++) {
        if (!B->match[j]) {
            rc = gy_plist_push(&df->targets, 0, j + 1, 0, GY_D_ADDED);
            continue;
        }
        size_t oi = B->match[j] - 1;
        for (; i < oi && rc == 0; i++)
            if (!A->match[i])
                rc = gy_plist_push(&df->targets, i + 1, 0, 0, GY_D_REMOVED);
        if (i == oi)
            i++;
        const gy_target *x = &GY_TARGETS(A->d)[A->idx[oi]], *y = &GY_TARGETS(B->d)[B->idx[j]];
        unsigned ch = target_changes(df, x, y);
        if (rc == 0 && (rc = gy_plist_push(&df->targets, oi + 1, j + 1,
                                           gy_sig_dice(&A->sig[oi], &B->sig[j]),
                                           ch & ~(unsigned)GY_CH_WORDING ? GY_D_CHANGED
                                                                         : GY_D_UNCHANGED)) == 0)
            df->targets.p[df->targets.n - 1].changes = ch;
    }
    for (; i < A->n && rc == 0; i++)
        if (!A->match[i])
            rc = gy_plist_push(&df->targets, i + 1, 0, 0, GY_D_REMOVED);
    return rc;
}

/* The figure the new document gives for the year of each old goal with an
 * indicator (its outcome, as the report of the next year gives it). */
static void find_outcomes(gy_diff *df)
{
    for (size_t k = 0; k < df->targets.n; k++) {
        gy_dpair *p = &df->targets.p[k];
        const gy_target *x = gy_diff_old_target(df, p);
        if (!x || !x->indicator || !x->year)
            continue;
        for (size_t i = 0; i < df->b->targets.len && !p->outcome; i++) {
            const gy_target *t = &GY_TARGETS(df->b)[i];
            if (t->fact && t->year == x->year && !t->year_from && t->indicator &&
                strcmp(t->indicator, x->indicator) == 0)
                p->outcome = i + 1;
        }
    }
}

int gy_diff_pair_targets(gy_diff *df)
{
    df->ta = goal_targets(df->a, &df->nta);
    df->tb = goal_targets(df->b, &df->ntb);
    if (!df->ta || !df->tb)
        return -1;
    side A, B;
    memset(&A, 0, sizeof A);
    memset(&B, 0, sizeof B);
    int rc = side_init(&A, df->a, df->ta, df->nta) == 0 && side_init(&B, df->b, df->tb, df->ntb) == 0
                 ? 0
                 : -1;
    if (rc == 0)
        rc = match_sides(df, &A, &B);
    if (rc == 0)
        rc = report_pairs(df, &A, &B);
    side_free(&A);
    side_free(&B);
    if (rc == 0)
        find_outcomes(df);
    return rc;
}

const gy_target *gy_diff_outcome(const gy_diff *df, const gy_dpair *p)
{
    return p->outcome ? &GY_TARGETS(df->b)[p->outcome - 1] : NULL;
}

int gy_diff_later(const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    const gy_target *t = y ? y : x;
    int rel = year_from_report(y ? df->b : df->a, t);
    return t->year_from != 0 || (rel != INT_MIN && rel > 0);
}

int gy_diff_headline(const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    return (x && x->indicator) || (y && y->indicator);
}

const gy_target *gy_diff_old_target(const gy_diff *df, const gy_dpair *p)
{
    return p->old_i ? &GY_TARGETS(df->a)[df->ta[p->old_i - 1]] : NULL;
}

const gy_target *gy_diff_new_target(const gy_diff *df, const gy_dpair *p)
{
    return p->new_i ? &GY_TARGETS(df->b)[df->tb[p->new_i - 1]] : NULL;
}


