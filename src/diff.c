/* diff: compares the tasks (and optionally the sections) and targets of two
 * documents.
 *
 * Items are aligned by content: each text becomes a set of character
 * bigrams (punctuation and markers removed) and two items are similar by
 * the Dice coefficient of their sets.  Candidate pairs come from an
 * inverted index of the rarer bigrams, so the work stays near-linear; the
 * best pairs above the threshold are taken greedily, and the longest run
 * of pairs in the same order in both documents (an LIS) is kept in place:
 * the other pairs are moves. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "jsonout.h"
#include "source.h"
#include "utf8.h"

enum { MAX_PROBE = 8, MAX_POSTING = 256, MAX_SCORED = 64, FULL_PAIRS = 250000 };
#define DEFAULT_THRESHOLD 0.5
#define TARGET_SUBJECT_THRESHOLD 0.6

typedef enum dstatus { D_UNCHANGED, D_CHANGED, D_MOVED, D_ADDED, D_REMOVED } dstatus;
static const char *const status_names[] = {"unchanged", "changed", "moved", "added", "removed"};

enum { CH_VALUE = 1, CH_OP = 2, CH_PERIOD = 4, CH_UNIT = 8 };

typedef struct dpair {
    size_t old_i, new_i;   /* index + 1 into the item lists, 0 = none */
    double sim;
    dstatus status;
    unsigned changes;      /* targets: CH_* */
} dpair;

typedef struct plist {
    dpair *p;
    size_t n, cap;
} plist;

struct gy_diff {
    const gy_doc *a, *b;
    double threshold;
    int sections;
    plist tasks, secs, targets;
    size_t *ta, *tb;       /* targets of kind "target": indices into each doc */
    size_t nta, ntb;
};

/* ---- signatures ---------------------------------------------------------- */

typedef struct sig {
    uint64_t *h;           /* sorted, unique bigram hashes */
    size_t n;
    uint64_t whole;        /* hash of the normalised text */
} sig;

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

/* Builds the signature of s[0..len), leaving out the code points inside
 * the nskip byte ranges of skip (sorted), into memory from malloc. */
static int make_sig_skipping(const char *s, size_t len, const gy_slice *skip, size_t nskip,
                             sig *out)
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
    qsort(out->h, out->n, sizeof *out->h, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < out->n; i++)
        if (u == 0 || out->h[u - 1] != out->h[i])
            out->h[u++] = out->h[i];
    out->n = u;
    return 0;
}

static int make_sig(const char *s, size_t len, sig *out)
{
    return make_sig_skipping(s, len, NULL, 0, out);
}

static double dice(const sig *x, const sig *y)
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

static void free_sigs(sig *s, size_t n)
{
    if (!s)
        return;
    for (size_t i = 0; i < n; i++)
        free(s[i].h);
    free(s);
}

/* ---- pairing --------------------------------------------------------------- */

typedef struct edge {
    size_t i, j;           /* old, new (0-based) */
    double sim;
    double skew;           /* distance of relative positions, a tie-breaker */
} edge;

typedef struct elist {
    edge *e;
    size_t n, cap;
} elist;

static int push_edge(elist *l, size_t i, size_t j, double sim, double skew)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        edge *p = realloc(l->e, cap * sizeof *p);
        if (!p)
            return -1;
        l->e = p;
        l->cap = cap;
    }
    l->e[l->n].i = i;
    l->e[l->n].j = j;
    l->e[l->n].sim = sim;
    l->e[l->n].skew = skew;
    l->n++;
    return 0;
}

static int by_sim(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->sim != y->sim)
        return x->sim > y->sim ? -1 : 1;
    if (x->skew != y->skew)
        return x->skew < y->skew ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

typedef struct posting {
    uint64_t h;
    size_t item;
} posting;

static int by_hash(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

/* First posting with hash h, and how many there are. */
static size_t postings_of(const posting *p, size_t n, uint64_t h, size_t *count)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].h < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < n && p[k].h == h)
        k++;
    *count = k - lo;
    return lo;
}

static double skew_of(size_t i, size_t n, size_t j, size_t m)
{
    return fabs((double)i / (double)(n ? n : 1) - (double)j / (double)(m ? m : 1));
}

/* Candidate pairs of old items A and new items B with similarity >= t. */
static int candidates(const sig *A, size_t n, const sig *B, size_t m, double t, elist *out)
{
    if (n * m <= FULL_PAIRS) {
        for (size_t j = 0; j < m; j++)
            for (size_t i = 0; i < n; i++) {
                double s = dice(&A[i], &B[j]);
                if (s >= t && push_edge(out, i, j, s, skew_of(i, n, j, m)) != 0)
                    return -1;
            }
        return 0;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += A[i].n;
    posting *p = malloc((total ? total : 1) * sizeof *p);
    if (!p)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < A[i].n; b++) {
            p[k].h = A[i].h[b];
            p[k].item = i;
            k++;
        }
    if (total)
        qsort(p, total, sizeof *p, by_hash);
    int rc = 0;
    size_t *hits = calloc(n ? n : 1, sizeof *hits);
    size_t *touched = malloc((MAX_PROBE * MAX_POSTING + 1) * sizeof *touched);
    if (!hits || !touched)
        rc = -1;
    for (size_t j = 0; j < m && rc == 0; j++) {
        /* probe with the rarest bigrams of B[j] */
        size_t probe_at[MAX_PROBE], probe_n[MAX_PROBE], np = 0;
        for (size_t b = 0; b < B[j].n; b++) {
            size_t cnt, at = postings_of(p, total, B[j].h[b], &cnt);
            if (!cnt)
                continue;
            if (np < MAX_PROBE) {
                probe_at[np] = at;
                probe_n[np++] = cnt;
                continue;
            }
            size_t worst = 0;
            for (size_t q = 1; q < np; q++)
                if (probe_n[q] > probe_n[worst])
                    worst = q;
            if (cnt < probe_n[worst]) {
                probe_at[worst] = at;
                probe_n[worst] = cnt;
            }
        }
        /* count how many probes each old item shares, then score only
         * the items that share the most */
        size_t nt = 0, best = 0;
        size_t diagonal = m ? j * n / m : 0;
        for (size_t q = 0; q < np; q++) {
            /* a long list is read around the diagonal, where an item that
             * kept its place stands */
            size_t from = probe_at[q], cnt = probe_n[q];
            if (cnt > MAX_POSTING) {
                size_t lo = from, hi = from + cnt, want = diagonal > MAX_POSTING / 2
                                                             ? diagonal - MAX_POSTING / 2 : 0;
                while (lo < hi) {
                    size_t mid = lo + (hi - lo) / 2;
                    if (p[mid].item < want)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                from = lo + MAX_POSTING <= probe_at[q] + cnt ? lo : probe_at[q] + cnt - MAX_POSTING;
                cnt = MAX_POSTING;
            }
            for (size_t c = 0; c < cnt; c++) {
                size_t i = p[from + c].item;
                if (!hits[i]++)
                    touched[nt++] = i;
                if (hits[i] > best)
                    best = hits[i];
            }
        }
        size_t floor = best > 2 ? best - 2 : 1, scored = 0;
        for (size_t x = 0; x < nt && rc == 0; x++) {
            size_t i = touched[x];
            if (hits[i] >= floor && scored < MAX_SCORED) {
                scored++;
                double sv = dice(&A[i], &B[j]);
                if (sv >= t && push_edge(out, i, j, sv, skew_of(i, n, j, m)) != 0)
                    rc = -1;
            }
        }
        for (size_t x = 0; x < nt; x++)
            hits[touched[x]] = 0;
    }
    free(hits);
    free(touched);
    free(p);
    return rc;
}

/* Longest increasing run of old indices over pairs sorted by new index;
 * marks those pairs as in place (keep[k] = 1).  O(k log k). */
static int lis(const dpair *pairs, size_t n, unsigned char *keep)
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

static int push_pair(plist *l, size_t oi, size_t ni, double sim, dstatus st)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        dpair *p = realloc(l->p, cap * sizeof *p);
        if (!p)
            return -1;
        l->p = p;
        l->cap = cap;
    }
    dpair *d = &l->p[l->n++];
    d->old_i = oi;
    d->new_i = ni;
    d->sim = sim;
    d->status = st;
    d->changes = 0;
    return 0;
}

static int by_new(const void *a, const void *b)
{
    const dpair *x = a, *y = b;
    return x->new_i < y->new_i ? -1 : x->new_i > y->new_i;
}

/* Aligns A (old) with B (new) into out, in the order a reader walks both:
 * removed old items where they stood, added and moved items where they
 * stand now. */
static int align(const sig *A, size_t n, const sig *B, size_t m, double t, plist *out)
{
    elist el = {NULL, 0, 0};
    if (candidates(A, n, B, m, t, &el) != 0) {
        free(el.e);
        return -1;
    }
    if (el.n)
        qsort(el.e, el.n, sizeof *el.e, by_sim);
    size_t *match_old = calloc(n ? n : 1, sizeof *match_old); /* new index + 1 */
    size_t *match_new = calloc(m ? m : 1, sizeof *match_new); /* old index + 1 */
    plist pairs = {NULL, 0, 0};
    int rc = match_old && match_new ? 0 : -1;
    for (size_t k = 0; k < el.n && rc == 0; k++) {
        const edge *e = &el.e[k];
        if (match_old[e->i] || match_new[e->j])
            continue;
        match_old[e->i] = e->j + 1;
        match_new[e->j] = e->i + 1;
        rc = push_pair(&pairs, e->i + 1, e->j + 1, e->sim, D_CHANGED);
    }
    free(el.e);
    unsigned char *keep = NULL;
    size_t *pair_of_new = NULL; /* new index -> pair index + 1 */
    if (rc == 0) {
        if (pairs.n)
            qsort(pairs.p, pairs.n, sizeof *pairs.p, by_new);
        keep = malloc(pairs.n ? pairs.n : 1);
        pair_of_new = calloc(m ? m : 1, sizeof *pair_of_new);
        rc = keep && pair_of_new ? lis(pairs.p, pairs.n, keep) : -1;
        for (size_t k = 0; rc == 0 && k < pairs.n; k++)
            pair_of_new[pairs.p[k].new_i - 1] = k + 1;
    }
    if (rc == 0) {
        for (size_t k = 0; k < pairs.n; k++) {
            dpair *p = &pairs.p[k];
            int same = A[p->old_i - 1].whole == B[p->new_i - 1].whole && p->sim == 1.0;
            p->status = !keep[k] ? D_MOVED : same ? D_UNCHANGED : D_CHANGED;
        }
        /* walk both lists along the in-place pairs */
        size_t i = 0, j = 0;
        for (size_t k = 0; k <= pairs.n && rc == 0; k++) {
            if (k < pairs.n && !keep[k])
                continue;
            size_t ai = k < pairs.n ? pairs.p[k].old_i - 1 : n;
            size_t bj = k < pairs.n ? pairs.p[k].new_i - 1 : m;
            for (; i < ai && rc == 0; i++)
                if (!match_old[i])
                    rc = push_pair(out, i + 1, 0, 0, D_REMOVED);
            for (; j < bj && rc == 0; j++) {
                if (!match_new[j]) {
                    rc = push_pair(out, 0, j + 1, 0, D_ADDED);
                    continue;
                }
                /* a moved pair shows where it stands now */
                size_t q = pair_of_new[j] - 1;
                if (!keep[q])
                    rc = push_pair(out, pairs.p[q].old_i, j + 1, pairs.p[q].sim, D_MOVED);
            }
            if (k < pairs.n && rc == 0) {
                rc = push_pair(out, pairs.p[k].old_i, pairs.p[k].new_i, pairs.p[k].sim,
                               pairs.p[k].status);
                i = ai + 1;
                j = bj + 1;
            }
        }
    }
    free(keep);
    free(pair_of_new);
    free(pairs.p);
    free(match_old);
    free(match_new);
    return rc;
}

/* ---- tasks, sections, targets ---------------------------------------------- */

static sig *task_sigs(const gy_doc *d)
{
    sig *s = calloc(d->tasks.len ? d->tasks.len : 1, sizeof *s);
    for (size_t i = 0; s && i < d->tasks.len; i++) {
        gy_slice t = GY_TASKS(d)[i].text;
        if (make_sig(d->s + t.start, t.end - t.start, &s[i]) != 0) {
            free_sigs(s, i);
            return NULL;
        }
    }
    return s;
}

static sig *section_sigs(const gy_doc *d)
{
    sig *s = calloc(d->sections.len ? d->sections.len : 1, sizeof *s);
    for (size_t i = 0; s && i < d->sections.len; i++) {
        gy_slice h = GY_SECTIONS(d)[i].heading;
        if (make_sig(d->s + h.start, h.end - h.start, &s[i]) != 0) {
            free_sigs(s, i);
            return NULL;
        }
    }
    return s;
}

/* The subject of a target: the words before it in its clause, without the
 * time phrases among them (城镇调查失业率全年 is 城镇调查失业率). */
static int target_sig(const gy_doc *d, const gy_target *t, sig *out)
{
    gy_slice sub = t->subject, skip[8];
    size_t nskip = 0;
    const gy_time *tm = GY_TIMES(d);
    size_t lo = 0, hi = d->times.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tm[mid].text.end <= sub.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < d->times.len && nskip < 8 && tm[i].text.start < sub.end; i++) {
        /* a time may overlap the subject's ends */
        skip[nskip].start = tm[i].text.start > sub.start ? tm[i].text.start - sub.start : 0;
        skip[nskip].end = (tm[i].text.end < sub.end ? tm[i].text.end : sub.end) - sub.start;
        nskip++;
    }
    return make_sig_skipping(d->s + sub.start, sub.end - sub.start, skip, nskip, out);
}

static size_t *goal_targets(const gy_doc *d, size_t *n)
{
    size_t *idx = malloc((d->targets.len ? d->targets.len : 1) * sizeof *idx);
    *n = 0;
    for (size_t i = 0; idx && i < d->targets.len; i++) {
        const gy_target *t = &GY_TARGETS(d)[i];
        if (!t->fact && t->subject.end > t->subject.start)
            idx[(*n)++] = i;
    }
    return idx;
}

static unsigned target_changes(const gy_diff *df, const gy_target *x, const gy_target *y)
{
    unsigned ch = 0;
    double scale = fmax(1.0, fmax(fabs(x->value), fabs(y->value)));
    if (fabs(x->value - y->value) > 1e-9 * scale || x->is_range != y->is_range ||
        (x->is_range && (x->min != y->min || x->max != y->max)))
        ch |= CH_VALUE;
    if (x->op != y->op)
        ch |= CH_OP;
    if (strcmp(x->unit, y->unit) != 0)
        ch |= CH_UNIT;
    size_t lx = x->period.end - x->period.start, ly = y->period.end - y->period.start;
    if (lx != ly || (lx && memcmp(df->a->s + x->period.start, df->b->s + y->period.start, lx)))
        ch |= CH_PERIOD;
    return ch;
}

typedef struct occ_key {
    uint64_t key;
    size_t i;
} occ_key;

static int by_key_then_index(const void *a, const void *b)
{
    const occ_key *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* For each goal target of d, how many before it share its subject and
 * unit, so that repeated subjects (达到 … 亿元 three times) pair in order.
 * The array is from malloc; NULL when out of memory. */
static size_t *occurrences(const gy_doc *d, const size_t *idx, const sig *s, size_t n)
{
    occ_key *k = malloc((n ? n : 1) * sizeof *k);
    size_t *occ = malloc((n ? n : 1) * sizeof *occ);
    if (!k || !occ) {
        free(k);
        free(occ);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t h = s[i].whole;
        for (const char *u = GY_TARGETS(d)[idx[i]].unit; *u; u++)
            h = (h ^ (unsigned char)*u) * 1099511628211ULL;
        k[i].key = h;
        k[i].i = i;
    }
    qsort(k, n, sizeof *k, by_key_then_index);
    for (size_t i = 0; i < n; i++)
        occ[k[i].i] = i > 0 && k[i - 1].key == k[i].key ? occ[k[i - 1].i] + 1 : 0;
    free(k);
    return occ;
}

/* Targets pair by subject and unit: the same subject first, in order, then
 * similar subjects. */
static int pair_targets(gy_diff *df)
{
    const gy_doc *a = df->a, *b = df->b;
    df->ta = goal_targets(a, &df->nta);
    df->tb = goal_targets(b, &df->ntb);
    if (!df->ta || !df->tb)
        return -1;
    sig *A = calloc(df->nta ? df->nta : 1, sizeof *A);
    sig *B = calloc(df->ntb ? df->ntb : 1, sizeof *B);
    size_t *ma = calloc(df->nta ? df->nta : 1, sizeof *ma);
    size_t *mb = calloc(df->ntb ? df->ntb : 1, sizeof *mb);
    int rc = A && B && ma && mb ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < df->nta; i++)
        rc = target_sig(a, &GY_TARGETS(a)[df->ta[i]], &A[i]);
    for (size_t j = 0; rc == 0 && j < df->ntb; j++)
        rc = target_sig(b, &GY_TARGETS(b)[df->tb[j]], &B[j]);
    elist el = {NULL, 0, 0};
    size_t *oa = rc == 0 ? occurrences(a, df->ta, A, df->nta) : NULL;
    size_t *ob = rc == 0 ? occurrences(b, df->tb, B, df->ntb) : NULL;
    if (!oa || !ob)
        rc = -1;
    if (rc == 0)
        rc = candidates(A, df->nta, B, df->ntb, TARGET_SUBJECT_THRESHOLD, &el);
    if (rc == 0) {
        /* same unit only; an identical subject ranks first, and among the
         * repeats of one subject the k-th pairs with the k-th */
        size_t keepn = 0;
        for (size_t k = 0; k < el.n; k++) {
            edge e = el.e[k];
            const gy_target *x = &GY_TARGETS(a)[df->ta[e.i]], *y = &GY_TARGETS(b)[df->tb[e.j]];
            if (strcmp(x->unit, y->unit) != 0)
                continue;
            if (A[e.i].whole == B[e.j].whole)
                e.sim += oa[e.i] == ob[e.j] ? 1.5 : 1.0;
            el.e[keepn++] = e;
        }
        el.n = keepn;
        if (el.n)
            qsort(el.e, el.n, sizeof *el.e, by_sim);
        for (size_t k = 0; k < el.n && rc == 0; k++) {
            const edge *e = &el.e[k];
            if (ma[e->i] || mb[e->j])
                continue;
            ma[e->i] = e->j + 1;
            mb[e->j] = e->i + 1;
        }
        /* report in the order of the new document, removed ones where they stood */
        size_t i = 0;
        for (size_t j = 0; j < df->ntb && rc == 0; j++) {
            if (!mb[j]) {
                rc = push_pair(&df->targets, 0, j + 1, 0, D_ADDED);
                continue;
            }
            size_t oi = mb[j] - 1;
            for (; i < oi && rc == 0; i++)
                if (!ma[i])
                    rc = push_pair(&df->targets, i + 1, 0, 0, D_REMOVED);
            if (i == oi)
                i++;
            const gy_target *x = &GY_TARGETS(a)[df->ta[oi]], *y = &GY_TARGETS(b)[df->tb[j]];
            unsigned ch = target_changes(df, x, y);
            if (rc == 0 && (rc = push_pair(&df->targets, oi + 1, j + 1, dice(&A[oi], &B[j]),
                                           ch ? D_CHANGED : D_UNCHANGED)) == 0)
                df->targets.p[df->targets.n - 1].changes = ch;
        }
        for (; i < df->nta && rc == 0; i++)
            if (!ma[i])
                rc = push_pair(&df->targets, i + 1, 0, 0, D_REMOVED);
    }
    free(el.e);
    free(oa);
    free(ob);
    free_sigs(A, df->nta);
    free_sigs(B, df->ntb);
    free(ma);
    free(mb);
    return rc;
}

gy_diff *gy_diff_new(const gy_doc *a, const gy_doc *b, const gy_diff_options *opt,
                     gy_error *err)
{
    gy_diff *df = calloc(1, sizeof *df);
    if (!df) {
        gy_error_oom(err, NULL);
        return NULL;
    }
    df->a = a;
    df->b = b;
    df->threshold = opt && opt->threshold > 0 ? opt->threshold : DEFAULT_THRESHOLD;
    df->sections = opt ? opt->sections : 0;
    sig *A = task_sigs(a), *B = task_sigs(b);
    int rc = A && B ? align(A, a->tasks.len, B, b->tasks.len, df->threshold, &df->tasks) : -1;
    free_sigs(A, a->tasks.len);
    free_sigs(B, b->tasks.len);
    if (rc == 0 && df->sections) {
        A = section_sigs(a);
        B = section_sigs(b);
        rc = A && B ? align(A, a->sections.len, B, b->sections.len, df->threshold, &df->secs)
                    : -1;
        free_sigs(A, a->sections.len);
        free_sigs(B, b->sections.len);
    }
    if (rc == 0)
        rc = pair_targets(df);
    if (rc != 0) {
        gy_diff_free(df);
        gy_error_oom(err, NULL);
        return NULL;
    }
    return df;
}

void gy_diff_free(gy_diff *df)
{
    if (!df)
        return;
    free(df->tasks.p);
    free(df->secs.p);
    free(df->targets.p);
    free(df->ta);
    free(df->tb);
    free(df);
}

static int list_changed(const plist *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->p[i].status != D_UNCHANGED)
            return 1;
    return 0;
}

int gy_diff_has_changes(const gy_diff *df)
{
    return list_changed(&df->tasks) || list_changed(&df->targets) ||
           (df->sections && list_changed(&df->secs));
}

/* ---- character-level view ---------------------------------------------------- */

typedef struct cps {
    uint32_t *cp;
    size_t *off;           /* byte offset of each code point */
    size_t n;
} cps;

static int to_cps(const char *s, size_t len, cps *out)
{
    out->cp = malloc((len + 1) * sizeof *out->cp);
    out->off = malloc((len + 2) * sizeof *out->off);
    out->n = 0;
    if (!out->cp || !out->off)
        return -1;
    for (size_t i = 0; i < len;) {
        size_t k;
        out->off[out->n] = i;
        out->cp[out->n++] = gy_utf8_decode((const unsigned char *)s + i, len - i, &k);
        i += k;
    }
    out->off[out->n] = len;
    return 0;
}

/* Calls emit(op, text, len) for runs of kept ('='), removed ('-') and added
 * ('+') text between x and y (an LCS of code points). */
typedef void (*emit_fn)(void *ctx, char op, const char *s, size_t len);

enum { MAX_CHAR_DIFF = 600 };

static int char_diff(const char *x, size_t xl, const char *y, size_t yl, emit_fn emit, void *ctx)
{
    cps a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    int rc = to_cps(x, xl, &a) == 0 && to_cps(y, yl, &b) == 0 ? 0 : -1;
    uint16_t *L = NULL;
    if (rc == 0 && (a.n > MAX_CHAR_DIFF || b.n > MAX_CHAR_DIFF)) {
        emit(ctx, '-', x, xl);
        emit(ctx, '+', y, yl);
    } else if (rc == 0) {
        size_t w = b.n + 1;
        L = calloc((a.n + 1) * w, sizeof *L);
        if (!L)
            rc = -1;
        for (size_t i = a.n; L && i-- > 0;)
            for (size_t j = b.n; j-- > 0;)
                L[i * w + j] = a.cp[i] == b.cp[j]
                                   ? (uint16_t)(L[(i + 1) * w + j + 1] + 1)
                                   : (L[(i + 1) * w + j] > L[i * w + j + 1] ? L[(i + 1) * w + j]
                                                                            : L[i * w + j + 1]);
        size_t i = 0, j = 0;
        while (L && (i < a.n || j < b.n)) {
            char op;
            size_t si = i, sj = j;
            if (i < a.n && j < b.n && a.cp[i] == b.cp[j]) {
                op = '=';
                while (i < a.n && j < b.n && a.cp[i] == b.cp[j]) {
                    i++;
                    j++;
                }
                emit(ctx, op, x + a.off[si], a.off[i] - a.off[si]);
            } else if (i < a.n && (j == b.n || L[(i + 1) * w + j] >= L[i * w + j + 1])) {
                while (i < a.n && (j == b.n || (a.cp[i] != b.cp[j] &&
                                                L[(i + 1) * w + j] >= L[i * w + j + 1])))
                    i++;
                emit(ctx, '-', x + a.off[si], a.off[i] - a.off[si]);
            } else {
                while (j < b.n && (i == a.n || (a.cp[i] != b.cp[j] &&
                                                L[i * w + j + 1] > L[(i + 1) * w + j])))
                    j++;
                emit(ctx, '+', y + b.off[sj], b.off[j] - b.off[sj]);
            }
        }
    }
    free(L);
    free(a.cp);
    free(a.off);
    free(b.cp);
    free(b.off);
    return rc;
}

/* ---- text output --------------------------------------------------------------- */

typedef struct tout {
    FILE *f;
    int color;
} tout;

static void col(const tout *o, const char *code)
{
    if (o->color)
        fputs(code, o->f);
}

static void text_emit(void *ctx, char op, const char *s, size_t len)
{
    const tout *o = ctx;
    if (op == '=') {
        fwrite(s, 1, len, o->f);
        return;
    }
    if (o->color) {
        fputs(op == '-' ? "\033[31;9m" : "\033[32;4m", o->f);
        fwrite(s, 1, len, o->f);
        fputs("\033[0m", o->f);
    } else {
        fputs(op == '-' ? "[-" : "{+", o->f);
        fwrite(s, 1, len, o->f);
        fputs(op == '-' ? "-]" : "+}", o->f);
    }
}

static const char *sign_of(dstatus st)
{
    static const char *const signs[] = {" ", "~", ">", "+", "-"};
    return signs[st];
}

static const char *color_of(dstatus st)
{
    static const char *const colors[] = {"", "\033[33m", "\033[36m", "\033[32m", "\033[31m"};
    return colors[st];
}

static void lines_col(const tout *o, size_t la, size_t lb)
{
    char a[24] = "", b[24] = "";
    if (la)
        snprintf(a, sizeof a, "%zu", la);
    if (lb)
        snprintf(b, sizeof b, "%zu", lb);
    fprintf(o->f, "%6s %6s  ", a, b);
}

static void put(const tout *o, const gy_doc *d, gy_slice sl)
{
    if (sl.end > sl.start)
        fwrite(d->s + sl.start, 1, sl.end - sl.start, o->f);
}

static int text_item_pair(const tout *o, const gy_diff *df, const dpair *p, gy_slice (*label)(
                              const gy_doc *, size_t, gy_slice *), size_t (*line)(const gy_doc *,
                                                                                  size_t))
{
    gy_slice ma, mb, ta = {0, 0}, tb = {0, 0};
    size_t la = p->old_i ? line(df->a, p->old_i - 1) : 0;
    size_t lb = p->new_i ? line(df->b, p->new_i - 1) : 0;
    if (p->old_i)
        ta = label(df->a, p->old_i - 1, &ma);
    if (p->new_i)
        tb = label(df->b, p->new_i - 1, &mb);
    col(o, color_of(p->status));
    fputs(sign_of(p->status), o->f);
    col(o, "\033[0m");
    fputc(' ', o->f);
    lines_col(o, la, lb);
    if (p->status == D_REMOVED) {
        put(o, df->a, ma);
        fputc(' ', o->f);
        put(o, df->a, ta);
    } else {
        put(o, df->b, mb);
        fputc(' ', o->f);
        if (p->status == D_ADDED || (p->status == D_MOVED && p->sim == 1.0)) {
            put(o, df->b, tb);
        } else if (char_diff(df->a->s + ta.start, ta.end - ta.start, df->b->s + tb.start,
                             tb.end - tb.start, text_emit, (void *)o) != 0) {
            return -1;
        }
    }
    if (p->status == D_CHANGED || (p->status == D_MOVED && p->sim < 1.0))
        fprintf(o->f, "  (%.0f%%)", p->sim * 100.0);
    if (p->status == D_MOVED)
        fputs("  (moved)", o->f);
    fputc('\n', o->f);
    return 0;
}

static gy_slice task_label(const gy_doc *d, size_t i, gy_slice *marker)
{
    *marker = GY_TASKS(d)[i].marker;
    return GY_TASKS(d)[i].text;
}

static size_t task_line(const gy_doc *d, size_t i) { return GY_TASKS(d)[i].line; }

static gy_slice section_label(const gy_doc *d, size_t i, gy_slice *marker)
{
    *marker = GY_SECTIONS(d)[i].marker;
    return GY_SECTIONS(d)[i].heading;
}

static size_t section_line(const gy_doc *d, size_t i) { return GY_SECTIONS(d)[i].line; }

static void put_target_reading(const tout *o, const gy_doc *d, const gy_target *t, int period)
{
    put(o, d, t->text);
    if (period && t->period.end > t->period.start) {
        fputs(" (", o->f);
        put(o, d, t->period);
        fputc(')', o->f);
    }
}

/* The subject words of a target, without a time phrase at their start. */
static gy_slice subject_text(const gy_target *t)
{
    gy_slice sub = t->subject;
    if (t->period.end > t->period.start && t->period.start >= sub.start &&
        t->period.end <= sub.end && t->period.start - sub.start < 16)
        sub.start = t->period.end;
    return sub;
}

static void text_target_pair(const tout *o, const gy_diff *df, const dpair *p)
{
    const gy_target *x = p->old_i ? &GY_TARGETS(df->a)[df->ta[p->old_i - 1]] : NULL;
    const gy_target *y = p->new_i ? &GY_TARGETS(df->b)[df->tb[p->new_i - 1]] : NULL;
    col(o, color_of(p->status));
    fputs(sign_of(p->status), o->f);
    col(o, "\033[0m");
    fputc(' ', o->f);
    lines_col(o, x ? x->line : 0, y ? y->line : 0);
    const gy_doc *sd = y ? df->b : df->a;
    put(o, sd, subject_text(y ? y : x));
    fputs(": ", o->f);
    int period = !(p->status == D_CHANGED && !(p->changes & CH_PERIOD));
    if (x)
        put_target_reading(o, df->a, x, period);
    if (x && y)
        fputs(" → ", o->f);
    if (y)
        put_target_reading(o, df->b, y, period);
    fputc('\n', o->f);
}

static size_t count(const plist *l, dstatus st)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        n += l->p[i].status == st;
    return n;
}

static void summary_line(const tout *o, const char *what, const plist *l)
{
    fprintf(o->f, "%s: %zu unchanged, %zu changed, %zu moved, %zu added, %zu removed\n", what,
            count(l, D_UNCHANGED), count(l, D_CHANGED), count(l, D_MOVED), count(l, D_ADDED),
            count(l, D_REMOVED));
}

static int oom(gy_error *err)
{
    gy_error_oom(err, NULL);
    return -1;
}

int gy_render_diff_text(const gy_diff *df, FILE *f, const gy_render_options *opt, gy_error *err)
{
    tout o = {f, opt ? opt->color : 0};
    if (!gy_diff_has_changes(df)) {
        if (ferror(f)) {
            gy_error_set(err, GY_E_OUTPUT, "<stdout>", 0, 0, -1, "", "write error");
            return -1;
        }
        return 0;
    }
    col(&o, "\033[1m");
    fprintf(f, "--- %s\n+++ %s\n", df->a->src->name, df->b->src->name);
    col(&o, "\033[0m");
    if (df->sections && list_changed(&df->secs)) {
        col(&o, "\033[36m");
        fputs("@@ sections @@\n", f);
        col(&o, "\033[0m");
        for (size_t i = 0; i < df->secs.n; i++)
            if (df->secs.p[i].status != D_UNCHANGED &&
                text_item_pair(&o, df, &df->secs.p[i], section_label, section_line) != 0)
                return oom(err);
    }
    if (list_changed(&df->tasks)) {
        col(&o, "\033[36m");
        fputs("@@ tasks @@\n", f);
        col(&o, "\033[0m");
        for (size_t i = 0; i < df->tasks.n; i++)
            if (df->tasks.p[i].status != D_UNCHANGED &&
                text_item_pair(&o, df, &df->tasks.p[i], task_label, task_line) != 0)
                return oom(err);
    }
    if (list_changed(&df->targets)) {
        col(&o, "\033[36m");
        fputs("@@ targets @@\n", f);
        col(&o, "\033[0m");
        for (size_t i = 0; i < df->targets.n; i++)
            if (df->targets.p[i].status != D_UNCHANGED)
                text_target_pair(&o, df, &df->targets.p[i]);
    }
    col(&o, "\033[2m");
    if (df->sections)
        summary_line(&o, "sections", &df->secs);
    summary_line(&o, "tasks", &df->tasks);
    summary_line(&o, "targets", &df->targets);
    col(&o, "\033[0m");
    if (ferror(f)) {
        gy_error_set(err, GY_E_OUTPUT, "<stdout>", 0, 0, -1, "", "write error");
        return -1;
    }
    return 0;
}

/* ---- JSON output ---------------------------------------------------------------- */

typedef struct jchanges {
    cJSON *arr;
} jchanges;

static void json_emit(void *ctx, char op, const char *s, size_t len)
{
    jchanges *c = ctx;
    cJSON *o = cJSON_CreateObject();
    char *tmp = malloc(len + 1);
    if (!o || !tmp) {
        cJSON_Delete(o);
        free(tmp);
        return;
    }
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    char opstr[2] = {op, '\0'};
    cJSON_AddStringToObject(o, "op", opstr);
    cJSON_AddStringToObject(o, "text", tmp);
    free(tmp);
    cJSON_AddItemToArray(c->arr, o);
}

static cJSON *json_item_pair(const gy_diff *df, const dpair *p,
                             cJSON *(*item)(const gy_doc *, size_t),
                             gy_slice (*label)(const gy_doc *, size_t, gy_slice *))
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "status", status_names[p->status]);
    if (p->old_i && p->new_i)
        cJSON_AddItemToObject(o, "similarity", gy_json_number(round(p->sim * 1000.0) / 1000.0));
    else
        cJSON_AddNullToObject(o, "similarity");
    cJSON_AddItemToObject(o, "old", p->old_i ? item(df->a, p->old_i - 1) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "new", p->new_i ? item(df->b, p->new_i - 1) : cJSON_CreateNull());
    if (p->old_i && p->new_i && p->status != D_UNCHANGED) {
        gy_slice m, ta = label(df->a, p->old_i - 1, &m), tb = label(df->b, p->new_i - 1, &m);
        jchanges c = {cJSON_CreateArray()};
        if (c.arr)
            char_diff(df->a->s + ta.start, ta.end - ta.start, df->b->s + tb.start,
                      tb.end - tb.start, json_emit, &c);
        cJSON_AddItemToObject(o, "changes", c.arr ? c.arr : cJSON_CreateNull());
    }
    return o;
}

static cJSON *json_target_pair(const gy_diff *df, const dpair *p)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    const gy_target *x = p->old_i ? &GY_TARGETS(df->a)[df->ta[p->old_i - 1]] : NULL;
    const gy_target *y = p->new_i ? &GY_TARGETS(df->b)[df->tb[p->new_i - 1]] : NULL;
    cJSON_AddStringToObject(o, "status", status_names[p->status]);
    cJSON_AddItemToObject(o, "subject", gy_json_slice(y ? df->b : df->a, subject_text(y ? y : x)));
    cJSON_AddStringToObject(o, "unit", (y ? y : x)->unit);
    cJSON_AddItemToObject(o, "old", x ? gy_json_target(df->a, df->ta[p->old_i - 1])
                                      : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "new", y ? gy_json_target(df->b, df->tb[p->new_i - 1])
                                      : cJSON_CreateNull());
    cJSON *ch = cJSON_CreateArray();
    if (ch) {
        static const char *const names[] = {"value", "op", "period", "unit"};
        for (int k = 0; k < 4; k++)
            if (p->changes & (1u << k))
                cJSON_AddItemToArray(ch, cJSON_CreateString(names[k]));
    }
    cJSON_AddItemToObject(o, "changes", ch ? ch : cJSON_CreateNull());
    return o;
}

static cJSON *json_summary(const plist *l)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    for (int st = D_UNCHANGED; st <= D_REMOVED; st++)
        cJSON_AddItemToObject(o, status_names[st], gy_json_number((double)count(l, (dstatus)st)));
    return o;
}

int gy_render_diff_json(const gy_diff *df, FILE *f, const gy_render_options *opt, gy_error *err)
{
    gy_jw w;
    gy_jw_init(&w, f, !(opt && opt->compact));
    gy_jw_open_object(&w);
    gy_jw_key(&w, "schema");
    gy_jw_item(&w, cJSON_CreateString("gangyao-diff/1"));
    gy_jw_key(&w, "old");
    gy_jw_item(&w, gy_json_source(df->a));
    gy_jw_key(&w, "new");
    gy_jw_item(&w, gy_json_source(df->b));
    gy_jw_key(&w, "threshold");
    gy_jw_item(&w, gy_json_number(df->threshold));
    gy_jw_key(&w, "changed");
    gy_jw_item(&w, cJSON_CreateBool(gy_diff_has_changes(df)));
    if (df->sections) {
        gy_jw_key(&w, "sections");
        gy_jw_begin_value(&w);
        gy_jw_open_array(&w);
        for (size_t i = 0; i < df->secs.n && !w.oom; i++)
            gy_jw_item(&w, json_item_pair(df, &df->secs.p[i], gy_json_section, section_label));
        gy_jw_close_array(&w);
    }
    gy_jw_key(&w, "tasks");
    gy_jw_begin_value(&w);
    gy_jw_open_array(&w);
    for (size_t i = 0; i < df->tasks.n && !w.oom; i++)
        gy_jw_item(&w, json_item_pair(df, &df->tasks.p[i], gy_json_task, task_label));
    gy_jw_close_array(&w);
    gy_jw_key(&w, "targets");
    gy_jw_begin_value(&w);
    gy_jw_open_array(&w);
    for (size_t i = 0; i < df->targets.n && !w.oom; i++)
        gy_jw_item(&w, json_target_pair(df, &df->targets.p[i]));
    gy_jw_close_array(&w);
    gy_jw_key(&w, "summary");
    gy_jw_begin_value(&w);
    gy_jw_open_object(&w);
    if (df->sections) {
        gy_jw_key(&w, "sections");
        gy_jw_item(&w, json_summary(&df->secs));
    }
    gy_jw_key(&w, "tasks");
    gy_jw_item(&w, json_summary(&df->tasks));
    gy_jw_key(&w, "targets");
    gy_jw_item(&w, json_summary(&df->targets));
    gy_jw_close_object(&w);
    gy_jw_close_object(&w);
    fputc('\n', f);
    if (w.oom) {
        gy_error_oom(err, NULL);
        return -1;
    }
    if (ferror(f)) {
        gy_error_set(err, GY_E_OUTPUT, "<stdout>", 0, 0, -1, "", "write error");
        return -1;
    }
    return 0;
}
