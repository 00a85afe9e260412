/* Similarity for diff: each text becomes a set of character bigrams
 * (punctuation and markers left out) and two texts are alike by the Dice
 * coefficient of their sets.  Candidate pairs come from an inverted index
 * of the rarer bigrams, so the work stays near-linear in the items. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "utf8.h"

/* Caps on the work per item: bigrams probed, postings read around the
 * diagonal, items scored; below FULL_PAIRS pairs every pair is scored. */
enum { MAX_PROBE = 8, MAX_POSTING = 256, MAX_SCORED = 64, FULL_PAIRS = 250000 };

static int keeps(uint32_t cp)
{
    gy_token_class c = gy_char_class(cp);
    return c == GY_TOK_HAN || c == GY_TOK_CNUMERAL || c == GY_TOK_DIGIT ||
           c == GY_TOK_FULLDIGIT || c == GY_TOK_LATIN || c == GY_TOK_OTHER;
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void sort_unique(gy_sig *out)
{
    gy_sort(out->h, out->n, sizeof *out->h, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < out->n; i++)
        if (u == 0 || out->h[u - 1] != out->h[i])
            out->h[u++] = out->h[i];
    out->n = u;
}

int gy_sig_make(const char *s, size_t len, const gy_slice *skip, size_t nskip, gy_sig *out)
{
    /* One bigram per kept code point at most, and ASCII ones are one byte. */
    out->h = malloc((len + 1) * sizeof *out->h);
    out->n = 0;
    out->whole = 1469598103934665603ULL;
    if (!out->h)
        return -1;
    uint32_t prev = 0;
    int have = 0;
    size_t sk = 0;
    for (size_t i = 0; i < len;) {
        size_t k;
        while (sk < nskip && skip[sk].end <= i)
            sk++;
        if (sk < nskip && skip[sk].start <= i) {
            i = skip[sk].end;
            continue;
        }
        uint32_t cp = gy_utf8_decode((const unsigned char *)s + i, len - i, &k);
        i += k;
        if (!keeps(cp))
            continue;
        out->whole = (out->whole ^ cp) * 1099511628211ULL;
        if (have)
            out->h[out->n++] = mix(((uint64_t)prev << 32) | cp);
        else if (i >= len)
            out->h[out->n++] = mix(cp); /* a one-character text */
        prev = cp;
        have = 1;
    }
    if (have && out->n == 0)
        out->h[out->n++] = mix(prev);
    sort_unique(out);
    return 0;
}

double gy_sig_dice(const gy_sig *x, const gy_sig *y)
{
    if (!x->n && !y->n)
        return 1.0;
    if (!x->n || !y->n)
        return 0.0;
    size_t i = 0, j = 0, common = 0;
    while (i < x->n && j < y->n) {
        if (x->h[i] == y->h[j]) {
            common++;
            i++;
            j++;
        } else if (x->h[i] < y->h[j]) {
            i++;
        } else {
            j++;
        }
    }
    return 2.0 * (double)common / (double)(x->n + y->n);
}

void gy_sigs_free(gy_sig *s, size_t n)
{
    if (!s)
        return;
    for (size_t i = 0; i < n; i++)
        free(s[i].h);
    free(s);
}

/* ---- candidate pairs ------------------------------------------------------ */

static int push_edge(gy_elist *l, size_t i, size_t j, double sim, double skew)
{
    gy_edge *e = gy_push(NULL, &l->e, &l->n, &l->cap, sizeof *e);
    if (!e)
        return -1;
    e->i = i;
    e->j = j;
    e->sim = sim;
    e->skew = skew;
    return 0;
}

static int by_sim(const void *a, const void *b)
{
    const gy_edge *x = a, *y = b;
    if (x->sim != y->sim)
        return x->sim > y->sim ? -1 : 1;
    if (x->skew != y->skew)
        return x->skew < y->skew ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

void gy_edges_sort(gy_elist *l)
{
    if (l->n)
        gy_sort(l->e, l->n, sizeof *l->e, by_sim);
}

static double skew_of(size_t i, size_t n, size_t j, size_t m)
{
    return fabs((double)i / (double)(n ? n : 1) - (double)j / (double)(m ? m : 1));
}

int gy_by_key(const void *a, const void *b)
{
    const gy_keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* A bigram (key) of an old item (i). */
typedef gy_keyed posting;

/* The index: every bigram of the old items with its item, by bigram. */
typedef struct index {
    const gy_sig *A;
    size_t n, m;
    posting *p;            /* malloc'd */
    size_t total;
    size_t *hits;          /* per old item: probes shared with the new item */
    size_t *touched;       /* the old items hit */
} index;

static int index_build(index *ix, const gy_sig *A, size_t n, size_t m)
{
    memset(ix, 0, sizeof *ix);
    ix->A = A;
    ix->n = n;
    ix->m = m;
    for (size_t i = 0; i < n; i++)
        ix->total += A[i].n;
    ix->p = malloc((ix->total ? ix->total : 1) * sizeof *ix->p);
    ix->hits = calloc(n ? n : 1, sizeof *ix->hits);
    ix->touched = malloc((MAX_PROBE * MAX_POSTING + 1) * sizeof *ix->touched);
    if (!ix->p || !ix->hits || !ix->touched)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < A[i].n; b++) {
            ix->p[k].key = A[i].h[b];
            ix->p[k].i = i;
            k++;
        }
    if (ix->total)
        gy_sort(ix->p, ix->total, sizeof *ix->p, gy_by_key);
    return 0;
}

static void index_free(index *ix)
{
    free(ix->p);
    free(ix->hits);
    free(ix->touched);
}

/* The first posting of p[lo..hi) (sorted by hash, then item) that is not
 * before (h, item). */
static size_t first_from(const posting *p, size_t lo, size_t hi, uint64_t h, size_t item)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].key < h || (p[mid].key == h && p[mid].i < item))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* First posting with hash h, and how many there are. */
static size_t postings_of(const index *ix, uint64_t h, size_t *count)
{
    size_t lo = first_from(ix->p, 0, ix->total, h, 0);
    size_t k = lo;
    while (k < ix->total && ix->p[k].key == h)
        k++;
    *count = k - lo;
    return lo;
}

/* The rarest (at most MAX_PROBE) bigrams of b that old items share:
 * where their postings start and how many there are.  Returns how many. */
static size_t rarest_probes(const index *ix, const gy_sig *b, size_t *at, size_t *cnt)
{
    size_t np = 0;
    for (size_t k = 0; k < b->n; k++) {
        size_t c, a = postings_of(ix, b->h[k], &c);
        if (!c)
            continue;
        if (np < MAX_PROBE) {
            at[np] = a;
            cnt[np++] = c;
            continue;
        }
        size_t worst = 0;
        for (size_t q = 1; q < np; q++)
            if (cnt[q] > cnt[worst])
                worst = q;
        if (c < cnt[worst]) {
            at[worst] = a;
            cnt[worst] = c;
        }
    }
    return np;
}

/* A long posting list is read around the diagonal, where an item that kept
 * its place stands: MAX_POSTING postings from about `diagonal` on. */
static size_t around_diagonal(const index *ix, size_t from, size_t cnt, size_t diagonal)
{
    size_t want = diagonal > MAX_POSTING / 2 ? diagonal - MAX_POSTING / 2 : 0;
    size_t lo = first_from(ix->p, from, from + cnt, ix->p[from].key, want);
    return lo + MAX_POSTING <= from + cnt ? lo : from + cnt - MAX_POSTING;
}

/* Counts how many probes of new item j each old item shares; returns how
 * many old items were hit (in ix->touched) and the best count. */
static size_t count_hits(index *ix, const gy_sig *b, size_t j, size_t *best)
{
    size_t at[MAX_PROBE], cnt[MAX_PROBE];
    size_t np = rarest_probes(ix, b, at, cnt), nt = 0;
    size_t diagonal = ix->m ? j * ix->n / ix->m : 0;
    *best = 0;
    for (size_t q = 0; q < np; q++) {
        size_t from = at[q], c = cnt[q];
        if (c > MAX_POSTING) {
            from = around_diagonal(ix, from, c, diagonal);
            c = MAX_POSTING;
        }
        for (size_t k = 0; k < c; k++) {
            size_t i = ix->p[from + k].i;
            if (!ix->hits[i]++)
                ix->touched[nt++] = i;
            if (ix->hits[i] > *best)
                *best = ix->hits[i];
        }
    }
    return nt;
}

/* Scores the old items that share the most probes with new item j. */
static int score_hits(index *ix, const gy_sig *b, size_t j, double t, gy_elist *out)
{
    size_t best, nt = count_hits(ix, b, j, &best);
    size_t floor = best > 2 ? best - 2 : 1, scored = 0;
    int rc = 0;
    for (size_t x = 0; x < nt && rc == 0; x++) {
        size_t i = ix->touched[x];
        if (ix->hits[i] >= floor && scored < MAX_SCORED) {
            scored++;
            double sv = gy_sig_dice(&ix->A[i], b);
            if (sv >= t)
                rc = push_edge(out, i, j, sv, skew_of(i, ix->n, j, ix->m));
        }
    }
    for (size_t x = 0; x < nt; x++)
        ix->hits[ix->touched[x]] = 0;
    return rc;
}

/* An item (i) by the hash of its whole text (key). */
typedef gy_keyed keyed;

static keyed *keyed_sorted(const gy_sig *S, size_t n)
{
    keyed *k = malloc((n ? n : 1) * sizeof *k);
    for (size_t i = 0; k && i < n; i++) {
        k[i].key = S[i].whole;
        k[i].i = i;
    }
    if (k && n)
        gy_sort(k, n, sizeof *k, gy_by_key);
    return k;
}

/* Items with the same text on both sides, the k-th of one text with the
 * k-th: the index below caps its work, and must never miss these. */
static int exact_pairs(const gy_sig *A, size_t n, const gy_sig *B, size_t m, gy_elist *out)
{
    keyed *ka = keyed_sorted(A, n), *kb = keyed_sorted(B, m);
    int rc = ka && kb ? 0 : -1;
    for (size_t x = 0, y = 0; rc == 0 && x < n && y < m;) {
        if (ka[x].key != kb[y].key) {
            if (ka[x].key < kb[y].key)
                x++;
            else
                y++;
            continue;
        }
        size_t i = ka[x].i, j = kb[y].i;
        if (gy_sig_dice(&A[i], &B[j]) == 1.0)
            rc = push_edge(out, i, j, 1.0, skew_of(i, n, j, m));
        x++;
        y++;
    }
    free(ka);
    free(kb);
    return rc;
}

int gy_candidates(const gy_sig *A, size_t n, const gy_sig *B, size_t m, double t, gy_elist *out)
{
    if (n * m <= FULL_PAIRS) {
        for (size_t j = 0; j < m; j++)
            for (size_t i = 0; i < n; i++) {
                double s = gy_sig_dice(&A[i], &B[j]);
                if (s >= t && push_edge(out, i, j, s, skew_of(i, n, j, m)) != 0)
                    return -1;
            }
        return 0;
    }
    index ix;
    int rc = exact_pairs(A, n, B, m, out);
    if (rc == 0)
        rc = index_build(&ix, A, n, m);
    else
        memset(&ix, 0, sizeof ix);
    for (size_t j = 0; j < m && rc == 0; j++)
        rc = score_hits(&ix, &B[j], j, t, out);
    index_free(&ix);
    return rc;
}
