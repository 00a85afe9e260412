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
    if (rc != 0)
        return -1;
    if (al->pairs.n)
        gy_sort(al->pairs.p, al->pairs.n, sizeof *al->pairs.p, by_new);
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

static int align(const gy_sig *A, size_t n, const gy_sig *B, size_t m, double t, gy_plist *out)
{
    alignment al;
    memset(&al, 0, sizeof al);
    int rc = pair_greedily(A, n, B, m, t, &al);
    if (rc == 0)
        rc = walk_aligned(&al, n, m, out);
    alignment_free(&al);
    return rc;
}

/* ---- tasks and sections -------------------------------------------------------- */

gy_slice gy_task_label(const gy_doc *d, size_t i, gy_slice *marker)
{
    *marker = GY_TASKS(d)[i].marker;
    return GY_TASKS(d)[i].text;
}

gy_slice gy_section_label(const gy_doc *d, size_t i, gy_slice *marker)
{
    *marker = GY_SECTIONS(d)[i].marker;
    return GY_SECTIONS(d)[i].heading;
}

/* Signatures of the labels of the n items of a list (malloc'd), or NULL. */
static gy_sig *label_sigs(const gy_doc *d, size_t n, gy_label_fn label)
{
    gy_sig *s = calloc(n ? n : 1, sizeof *s);
    for (size_t i = 0; s && i < n; i++) {
        gy_slice marker, t = label(d, i, &marker);
        if (gy_sig_make(d->s + t.start, t.end - t.start, NULL, 0, &s[i]) != 0) {
            gy_sigs_free(s, i);
            return NULL;
        }
    }
    return s;
}

int gy_align_lists(const gy_doc *a, size_t n, const gy_doc *b, size_t m, gy_label_fn label,
                       double t, gy_plist *out)
{
    gy_sig *A = label_sigs(a, n, label), *B = label_sigs(b, m, label);
    int rc = A && B ? align(A, n, B, m, t, out) : -1;
    gy_sigs_free(A, n);
    gy_sigs_free(B, m);
    return rc;
}

