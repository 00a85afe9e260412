/* Aho–Corasick: a trie of the words, built with sorted edges; failure
 * links by breadth; the scan follows edges and falls back on failure. */
#include <stdlib.h>
#include <string.h>

#include "ac.h"

#define OUTPUT 0x80000000u /* in delta: the state reached has words to report */

/* A trie while it is built: edges in a list per state, unsorted. */
typedef struct tedge {
    uint8_t byte;
    uint32_t to, next;           /* next edge of the same state, 0 none (1-based) */
} tedge;

typedef struct trie {
    uint32_t *head;              /* per state: first edge (1-based), 0 none */
    int32_t *word;
    size_t nstates, capstates;
    tedge *edges;
    size_t nedges, capedges;
} trie;

static int64_t trie_child(const trie *t, uint32_t st, uint8_t b)
{
    for (uint32_t e = t->head[st]; e; e = t->edges[e - 1].next)
        if (t->edges[e - 1].byte == b)
            return t->edges[e - 1].to;
    return -1;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 256;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

static int64_t trie_add_state(trie *t)
{
    size_t cap = t->capstates;
    if (grow((void **)&t->head, &cap, t->nstates + 1, sizeof *t->head) != 0)
        return -1;
    cap = t->capstates;
    if (grow((void **)&t->word, &cap, t->nstates + 1, sizeof *t->word) != 0)
        return -1;
    t->capstates = cap;
    t->head[t->nstates] = 0;
    t->word[t->nstates] = -1;
    return (int64_t)t->nstates++;
}

static int trie_insert(trie *t, const char *w, int32_t k)
{
    uint32_t st = 0;
    for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
        int64_t c = trie_child(t, st, *p);
        if (c < 0) {
            int64_t n = trie_add_state(t);
            if (n < 0 || grow((void **)&t->edges, &t->capedges, t->nedges + 1, sizeof *t->edges))
                return -1;
            t->edges[t->nedges++] = (tedge){*p, (uint32_t)n, t->head[st]};
            t->head[st] = (uint32_t)t->nedges;
            c = n;
        }
        st = (uint32_t)c;
    }
    if (t->word[st] < 0) /* a word given twice is found as its first */
        t->word[st] = k;
    return 0;
}

/* The first character of a word, or its first byte when it is not a
 * character of two or three bytes (then every byte it may start with is
 * kept: the scan tests characters below U+10000 only). */
static uint32_t first_char(const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    if (u[0] >= 0xE0 && u[0] < 0xF0 && u[1] && u[2])
        return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3Fu);
    if (u[0] >= 0xC0 && u[0] < 0xE0 && u[1])
        return (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3Fu);
    return u[0];
}

static int by_byte(const void *a, const void *b)
{
    return (int)((const gy_ac_edge *)a)->byte - (int)((const gy_ac_edge *)b)->byte;
}

/* The automaton's states and sorted edges from the trie. */
/* The automaton's states and sorted edges from the trie, numbered by
 * breadth: the shallow states a scan is in most of the time lie together
 * at the start of its table. */
static int freeze(gy_ac *ac, const trie *t)
{
    ac->nstates = t->nstates;
    ac->states = calloc(t->nstates, sizeof *ac->states);
    ac->edges = malloc((t->nedges ? t->nedges : 1) * sizeof *ac->edges);
    uint32_t *order = malloc(t->nstates * sizeof *order), *id = malloc(t->nstates * sizeof *id);
    int rc = ac->states && ac->edges && order && id ? 0 : -1;
    size_t qh = 0, qt = 0;
    if (rc == 0) {
        order[qt++] = 0;
        id[0] = 0;
        while (qh < qt) {
            uint32_t s = order[qh++];
            for (uint32_t e = t->head[s]; e; e = t->edges[e - 1].next) {
                id[t->edges[e - 1].to] = (uint32_t)qt;
                order[qt++] = t->edges[e - 1].to;
            }
        }
    }
    uint32_t k = 0;
    for (size_t n = 0; rc == 0 && n < t->nstates; n++) {
        uint32_t s = order[n];
        gy_ac_state *st = &ac->states[n];
        st->first_edge = k;
        for (uint32_t e = t->head[s]; e; e = t->edges[e - 1].next)
            ac->edges[k++] = (gy_ac_edge){t->edges[e - 1].byte, id[t->edges[e - 1].to]};
        st->nedges = k - st->first_edge;
        qsort(ac->edges + st->first_edge, st->nedges, sizeof *ac->edges, by_byte);
        st->word = t->word[s];
    }
    free(order);
    free(id);
    return rc;
}

static int64_t child(const gy_ac *ac, uint32_t st, uint8_t b)
{
    const gy_ac_state *s = &ac->states[st];
    const gy_ac_edge *e = ac->edges + s->first_edge;
    size_t lo = 0, hi = s->nedges;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid].byte < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nedges && e[lo].byte == b ? (int64_t)e[lo].to : -1;
}

/* Failure and dictionary links, breadth first. */
static int link(gy_ac *ac)
{
    uint32_t *queue = malloc(ac->nstates * sizeof *queue);
    if (!queue)
        return -1;
    size_t qh = 0, qt = 0;
    queue[qt++] = 0;
    while (qh < qt) {
        uint32_t s = queue[qh++];
        const gy_ac_state *st = &ac->states[s];
        for (uint32_t k = 0; k < st->nedges; k++) {
            const gy_ac_edge *e = &ac->edges[st->first_edge + k];
            gy_ac_state *c = &ac->states[e->to];
            uint32_t f = s;
            int64_t to = -1;
            while (s != 0 && f != 0) {
                f = ac->states[f].fail;
                if ((to = child(ac, f, e->byte)) >= 0)
                    break;
            }
            c->fail = s == 0 ? 0 : to >= 0 ? (uint32_t)to : 0;
            const gy_ac_state *fs = &ac->states[c->fail];
            c->dict = fs->word >= 0 ? c->fail : fs->dict;
            queue[qt++] = e->to;
        }
    }
    free(queue);
    return 0;
}

/* delta: each state's next state for every byte, the failure links
 * followed once here instead of at every byte of a scan; by breadth, so a
 * state's failure state (shallower) is done before it. */
static int determinize(gy_ac *ac)
{
    memset(ac->cls, 0, sizeof ac->cls);
    ac->nclasses = 1;
    for (size_t k = 0; k < ac->nstates; k++) /* every edge's byte is some word's */
        for (uint32_t e = 0; e < ac->states[k].nedges; e++) {
            uint8_t b = ac->edges[ac->states[k].first_edge + e].byte;
            if (!ac->cls[b])
                ac->cls[b] = (uint8_t)ac->nclasses++;
        }
    size_t nc = ac->nclasses;
    ac->delta = malloc(ac->nstates * nc * sizeof *ac->delta);
    uint32_t *queue = malloc(ac->nstates * sizeof *queue);
    if (!ac->delta || !queue) {
        free(queue);
        return -1;
    }
    size_t qh = 0, qt = 0;
    queue[qt++] = 0;
    while (qh < qt) {
        uint32_t s = queue[qh++];
        uint32_t *row = ac->delta + (size_t)s * nc;
        const uint32_t *fail_row = ac->delta + (size_t)ac->states[s].fail * nc;
        for (size_t c = 0; c < nc; c++)
            row[c] = s ? fail_row[c] : 0;
        const gy_ac_state *st = &ac->states[s];
        for (uint32_t k = 0; k < st->nedges; k++) {
            const gy_ac_edge *e = &ac->edges[st->first_edge + k];
            row[ac->cls[e->byte]] = e->to;
            queue[qt++] = e->to;
        }
    }
    free(queue);
    /* the high bit of an entry: the state it leads to ends a word or has one
     * on its failure chain, so a scan reads the states only then */
    for (size_t k = 0; k < ac->nstates * nc; k++) {
        const gy_ac_state *to = &ac->states[ac->delta[k]];
        if (to->word >= 0 || to->dict)
            ac->delta[k] |= OUTPUT;
    }
    return 0;
}

int gy_ac_build(gy_ac *ac, const char *const *words, size_t n)
{
    memset(ac, 0, sizeof *ac);
    trie t;
    memset(&t, 0, sizeof t);
    int rc = trie_add_state(&t) < 0 ? -1 : 0;
    for (size_t k = 0; k < n && rc == 0; k++)
        rc = trie_insert(&t, words[k], (int32_t)k);
    ac->lens = malloc((n ? n : 1) * sizeof *ac->lens);
    if (rc == 0 && ac->lens) {
        for (size_t k = 0; k < n; k++) {
            ac->lens[k] = strlen(words[k]);
            uint32_t c = first_char(words[k]);
            ac->starts[c >> 3] |= (uint8_t)(1u << (c & 7));
        }
        ac->nwords = n;
        rc = freeze(ac, &t) == 0 && link(ac) == 0 && determinize(ac) == 0 ? 0 : -1;
    } else {
        rc = -1;
    }
    free(t.head);
    free(t.word);
    free(t.edges);
    if (rc != 0)
        gy_ac_free(ac);
    return rc;
}

void gy_ac_free(gy_ac *ac)
{
    free(ac->delta);
    free(ac->states);
    free(ac->edges);
    free(ac->lens);
    memset(ac, 0, sizeof *ac);
}

void gy_ac_scan(const gy_ac *ac, const char *s, size_t n,
                void (*found)(void *ctx, size_t word, size_t start), void *ctx)
{
    if (!ac->nstates)
        return;
    uint32_t st = 0;
    size_t nc = ac->nclasses;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        /* at the root, a character of three bytes that starts no word is passed
         * over whole: its last bytes start nothing either (UTF-8) */
        if (st == 0 && u[i] >= 0xE0 && u[i] < 0xF0 && i + 2 < n) {
            uint32_t c = (uint32_t)(u[i] & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 |
                         (u[i + 2] & 0x3Fu);
            if (!(ac->starts[c >> 3] >> (c & 7) & 1)) {
                i += 2;
                continue;
            }
        }
        uint32_t v = ac->delta[(size_t)st * nc + ac->cls[(uint8_t)s[i]]];
        st = v & ~OUTPUT;
        if (!(v & OUTPUT))
            continue;
        for (uint32_t d = ac->states[st].word >= 0 ? st : ac->states[st].dict; d;
             d = ac->states[d].dict) {
            size_t w = (size_t)ac->states[d].word;
            found(ctx, w, i + 1 - ac->lens[w]);
        }
    }
}
