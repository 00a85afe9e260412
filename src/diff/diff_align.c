/* Aligning two lists of items (tasks, section headings) by similarity
 * (diff_sig.c): the best pairs above the threshold are taken greedily, and
 * the longest run of pairs in the same order in both documents (an LIS) is
 * kept in place; the other pairs are moves. */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

int gy_plist_push(gy_plist *l, size_t oi, size_t ni, double sim, gy_dstatus st)
{
    gy_dpair *d = gy_push(NULL, &l->p, &l->n, &l->cap, sizeof *d);
    if (!d)
        return -1;
    d->old_i = oi;
    d->new_i = ni;
    d->sim = sim;
    d->status = st;
    return 0;
}

int gy_plist_changed(const gy_plist *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->p[i].status != GY_D_UNCHANGED)
            return 1;
    return 0;
}

size_t gy_plist_count(const gy_plist *l, gy_dstatus st)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        n += l->p[i].status == st;
    return n;
}

/* ---- aligning two lists ------------------------------------------------------ */

/* Longest increasing run of old indices over pairs sorted by new index;
 * marks those pairs as in place (keep[k] = 1).  O(k log k). */
static int lis(const gy_dpair *pairs, size_t n, unsigned char *keep)
{
    size_t *tail = malloc((n ? n : 1) * sizeof *tail);
    size_t *prev = malloc((n ? n : 1) * sizeof *prev);
    if (!tail || !prev) {
        free(tail);
        free(prev);
        return -1;
    }
    size_t len = 0;
    for (size_t k = 0; k < n; k++) {
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (pairs[tail[mid]].old_i < pairs[k].old_i)
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[k] = lo ? tail[lo - 1] : SIZE_MAX;
        tail[lo] = k;
        if (lo == len)
            len++;
    }
    memset(keep, 0, n);
    for (size_t k = len ? tail[len - 1] : SIZE_MAX; k != SIZE_MAX; k = prev[k])
        keep[k] = 1;
    free(tail);
    free(prev);
    return 0;
}

static int by_new(const void *a, const void *b)
{
    const gy_dpair *x = a, *y = b;
    return x->new_i < y->new_i ? -1 : x->new_i > y->new_i;
}

typedef struct alignment {
    gy_plist pairs;        /* sorted by new index */
    size_t *match_old;     /* per old item: new index + 1 */
    size_t *match_new;     /* per new item: old index + 1 */
    unsigned char *keep;   /* per pair: in place */
    size_t *pair_of_new;   /* per new item: pair index + 1 */
} alignment;

static void alignment_free(alignment *al)
{
    free(al->pairs.p);
    free(al->match_old);
    free(al->match_new);
    free(al->keep);
    free(al->pair_of_new);
}

/* The best pairs above t, greedily, each item in one pair at most; then
 * which of them stay in place. */
static int pair_greedily(const gy_sig *A, size_t n, const gy_sig *B, size_t m, double t,
                         alignment *al)
{
    gy_elist el = {NULL, 0, 0};
    al->match_old = calloc(n ? n : 1, sizeof *al->match_old);
    al->match_new = calloc(m ? m : 1, sizeof *al->match_new);
    al->pair_of_new = calloc(m ? m : 1, sizeof *al->pair_of_new);
    int rc = al->match_old && al->match_new && al->pair_of_new ? 0 : -1;
    if (rc == 0)
        rc = gy_candidates(A, n, B, m, t, &el);
    gy_edges_sort(&el);
    for (size_t k = 0; k < el.n && rc == 0; k++) {
        const gy_edge *e = &el.e[k];
        if (al->match_old[e->i] || al->match_new[e->j])
            continue;
        al->match_old[e->i] = e->j + 1;
        al->match_new[e->j] = e->i + 1;
        rc = gy_plist_push(&al->pairs, e->i + 1, e->j + 1, e->sim, GY_D_CHANGED);
    }
    free(el.e);
    return rc;
}

/* Sorts the pairs by new index and tells which stay in place (the longest
 * run in the same order) and which moved. */
static int settle(const gy_sig *A, const gy_sig *B, alignment *al)
{
    gy_sort(al->pairs.p, al->pairs.n, sizeof *al->pairs.p, by_new);
    free(al->keep);
    al->keep = malloc(al->pairs.n ? al->pairs.n : 1);
    if (!al->keep || lis(al->pairs.p, al->pairs.n, al->keep) != 0)
        return -1;
    for (size_t k = 0; k < al->pairs.n; k++) {
        gy_dpair *p = &al->pairs.p[k];
        int same = A[p->old_i - 1].whole == B[p->new_i - 1].whole && p->sim == 1.0;
        p->status = !al->keep[k] ? GY_D_MOVED : same ? GY_D_UNCHANGED : GY_D_CHANGED;
        al->pair_of_new[p->new_i - 1] = k + 1;
    }
    return 0;
}

/* ---- reworded items between the pairs in place ------------------------------- */

enum { GAP_MAX_CELLS = 4096 }; /* a gap compared pair by pair: bounded, so linear */

/* The unmatched old items after old index a (0: the start) up to b, and
 * likewise new ones: a gap between two pairs in place. */
static size_t gap_items(const size_t *match, size_t a, size_t b, size_t *out)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (!match[i])
            out[n++] = i;
    return n;
}

/* In one gap, the pairs in order whose similarity reaches low and whose sum
 * is largest (an alignment by dynamic programming), added as reworded. */
static int fill_gap(const gy_sig *A, const gy_sig *B, const size_t *oi, size_t n,
                    const size_t *nj, size_t m, double low, alignment *al)
{
    double *best = calloc((n + 1) * (m + 1), sizeof *best);
    if (!best)
        return -1;
#define BEST(i, j) best[(i) * (m + 1) + (j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;) {
            double sim = gy_sig_dice(&A[oi[i]], &B[nj[j]]), take = -1;
            if (sim >= low)
                take = sim + BEST(i + 1, j + 1);
            double skip = BEST(i + 1, j) > BEST(i, j + 1) ? BEST(i + 1, j) : BEST(i, j + 1);
            BEST(i, j) = take > skip ? take : skip;
        }
    int rc = 0;
    for (size_t i = 0, j = 0; i < n && j < m && rc == 0;) {
        double sim = gy_sig_dice(&A[oi[i]], &B[nj[j]]);
        if (sim >= low && BEST(i, j) == sim + BEST(i + 1, j + 1)) {
            al->match_old[oi[i]] = nj[j] + 1;
            al->match_new[nj[j]] = oi[i] + 1;
            rc = gy_plist_push(&al->pairs, oi[i] + 1, nj[j] + 1, sim, GY_D_CHANGED);
            i++;
            j++;
        } else if (BEST(i, j) == BEST(i + 1, j)) {
            i++;
        } else {
            j++;
        }
    }
#undef BEST
    free(best);
    return rc;
}

/* Items reworded beyond the threshold stand between the same neighbours
 * in both documents: each gap between pairs in place is aligned in order
 * with the lower threshold low (a heading rewritten from one year to the
 * next keeps its place). */
static int fill_gaps(const gy_sig *A, size_t n, const gy_sig *B, size_t m, double low,
                     alignment *al)
{
    size_t *oi = malloc((n ? n : 1) * sizeof *oi), *nj = malloc((m ? m : 1) * sizeof *nj);
    size_t npairs = al->pairs.n, pa = 0, pb = 0;
    int rc = oi && nj ? 0 : -1;
    for (size_t k = 0; k <= npairs && rc == 0; k++) {
        if (k < npairs && !al->keep[k])
            continue;
        size_t ea = k < npairs ? al->pairs.p[k].old_i - 1 : n;
        size_t eb = k < npairs ? al->pairs.p[k].new_i - 1 : m;
        size_t gn = ea > pa ? gap_items(al->match_old, pa, ea, oi) : 0;
        size_t gm = eb > pb ? gap_items(al->match_new, pb, eb, nj) : 0;
        if (gn && gm && gn * gm <= GAP_MAX_CELLS)
            rc = fill_gap(A, B, oi, gn, nj, gm, low, al);
        pa = ea + 1;
        pb = eb + 1;
    }
    free(oi);
    free(nj);
    return rc;
}

/* Walks both lists along the in-place pairs, in the order a reader walks
 * them: removed old items where they stood, added and moved items where
 * they stand now. */
static int walk_aligned(const alignment *al, size_t n, size_t m, gy_plist *out)
{
    size_t i = 0, j = 0;
    int rc = 0;
    for (size_t k = 0; k <= al->pairs.n && rc == 0; k++) {
        if (k < al->pairs.n && !al->keep[k])
            continue;
        const gy_dpair *p = k < al->pairs.n ? &al->pairs.p[k] : NULL;
        size_t ai = p ? p->old_i - 1 : n, bj = p ? p->new_i - 1 : m;
        for (; i < ai && rc == 0; i++)
            if (!al->match_old[i])
                rc = gy_plist_push(out, i + 1, 0, 0, GY_D_REMOVED);
        for (; j < bj && rc == 0; j++) {
            if (!al->match_new[j]) {
                rc = gy_plist_push(out, 0, j + 1, 0, GY_D_ADDED);
                continue;
            }
            const gy_dpair *q = &al->pairs.p[al->pair_of_new[j] - 1];
            if (!al->keep[al->pair_of_new[j] - 1])
                rc = gy_plist_push(out, q->old_i, j + 1, q->sim, GY_D_MOVED);
        }
        if (p && rc == 0) {
            rc = gy_plist_push(out, p->old_i, p->new_i, p->sim, p->status);
            i = ai + 1;
            j = bj + 1;
        }
    }
    return rc;
}

/* low: items between the same pairs in place pair down to this
 * similarity (0: not). */
static int align(const gy_sig *A, size_t n, const gy_sig *B, size_t m, double t, double low,
                 gy_plist *out)
{
    alignment al;
    memset(&al, 0, sizeof al);
    int rc = pair_greedily(A, n, B, m, t, &al);
    if (rc == 0)
        rc = settle(A, B, &al);
    if (rc == 0 && low > 0 && low < t) {
        rc = fill_gaps(A, n, B, m, low, &al);
        if (rc == 0)
            rc = settle(A, B, &al);
    }
    if (rc == 0)
        rc = walk_aligned(&al, n, m, out);
    alignment_free(&al);
    return rc;
}

/* ---- work items ------------------------------------------------------------------ */

/* Does d have a review part (a section of the review's role)? */
static int has_review(const gy_doc *d)
{
    for (size_t i = 0; i < d->sections.len; i++)
        if (GY_SECTIONS(d)[i].role == GY_ROLE_REVIEW)
            return 1;
    return 0;
}

static int in_review(const gy_doc *d, size_t section)
{
    return section && GY_SECTIONS(d)[section - 1].role == GY_ROLE_REVIEW;
}

int gy_work_items(const gy_doc *d, int review, gy_witem **out, size_t *n)
{
    size_t cap = d->sections.len + d->tasks.len;
    gy_witem *w = malloc((cap ? cap : 1) * sizeof *w);
    if (!w)
        return -1;
    int split = has_review(d);
    size_t k = 0, si = 0, ti = 0;
    /* sections and tasks merged in text order */
    while (si < d->sections.len || ti < d->tasks.len) {
        const gy_section *s = si < d->sections.len ? &GY_SECTIONS(d)[si] : NULL;
        const gy_task *t = ti < d->tasks.len ? &GY_TASKS(d)[ti] : NULL;
        if (s && (!t || s->start <= t->start)) {
            if (!split || (s->role == GY_ROLE_REVIEW) == review)
                w[k++] = (gy_witem){s->marker, s->heading, s->line, 1};
            si++;
        } else {
            if (!split || in_review(d, t->section) == review)
                w[k++] = (gy_witem){t->marker, t->text, t->line, 0};
            ti++;
        }
    }
    *out = w;
    *n = k;
    return 0;
}

enum { MAX_DIGIT_RUNS = 16 };

/* The runs of ASCII digits in s[0..n) (years: 2021年 in one heading, 2022年
 * in the next year's), relative to s. */
static size_t digit_runs(const char *s, size_t n, gy_slice *runs)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < MAX_DIGIT_RUNS;) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        size_t a = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        runs[k++] = (gy_slice){a, i};
    }
    return k;
}

/* Signatures of the texts of items w[0..n), their figures left out
 * (malloc'd), or NULL. */
static gy_sig *item_sigs(const gy_doc *d, const gy_witem *w, size_t n)
{
    gy_sig *s = calloc(n ? n : 1, sizeof *s);
    for (size_t i = 0; s && i < n; i++) {
        const char *t = d->s + w[i].text.start;
        size_t len = w[i].text.end - w[i].text.start;
        gy_slice runs[MAX_DIGIT_RUNS];
        size_t nruns = digit_runs(t, len, runs);
        if (gy_sig_make(t, len, runs, nruns, &s[i]) != 0) {
            gy_sigs_free(s, i);
            return NULL;
        }
    }
    return s;
}

int gy_align_items(const gy_doc *a, const gy_doc *b, double t, double low, gy_wlist *l)
{
    gy_sig *A = item_sigs(a, l->a, l->na), *B = item_sigs(b, l->b, l->nb);
    int rc = A && B ? align(A, l->na, B, l->nb, t, low, &l->pairs) : -1;
    gy_sigs_free(A, l->na);
    gy_sigs_free(B, l->nb);
    return rc;
}

const gy_witem *gy_witem_old(const gy_wlist *l, const gy_dpair *p)
{
    return p->old_i ? &l->a[p->old_i - 1] : NULL;
}

const gy_witem *gy_witem_new(const gy_wlist *l, const gy_dpair *p)
{
    return p->new_i ? &l->b[p->new_i - 1] : NULL;
}

size_t gy_wlist_count(const gy_wlist *l, gy_dstatus st) { return gy_plist_count(&l->pairs, st); }
