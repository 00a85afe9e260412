/* A multi-pattern automaton (Aho–Corasick) over bytes: every occurrence of
 * any of its words in a text in one pass, linear in the text plus the
 * occurrences.  Built once from a list of words (the terms of an archive
 * count) as a trie with sorted edges and failure links, then made a
 * deterministic automaton: one table lookup a byte, over classes of bytes
 * (only the bytes the words hold are told apart: about ninety for Chinese
 * words, a megabyte or two for a list of thousands). */
#ifndef GY_AC_H
#define GY_AC_H

#include <stddef.h>
#include <stdint.h>

typedef struct gy_ac_edge {
    uint8_t byte;
    uint32_t to;
} gy_ac_edge;

typedef struct gy_ac_state {
    uint32_t first_edge, nedges; /* into edges, sorted by byte */
    uint32_t fail;               /* the longest proper suffix that is a state */
    uint32_t dict;               /* the nearest state on the fail chain that ends a word, 0 none */
    int32_t word;                /* the word that ends here, -1 none */
} gy_ac_state;

typedef struct gy_ac {
    uint8_t cls[256];            /* each byte's class: the bytes no word holds are class 0 */
    uint8_t starts[0x10000 / 8]; /* the characters (below U+10000) words start with: at
                                    the root, a scan passes over any other whole */
    size_t nclasses;
    uint32_t *delta;             /* malloc'd: the next state for each state and class
                                    (nclasses a state), failure links folded in */
    gy_ac_state *states;         /* malloc'd; state 0 is the root */
    size_t nstates;
    gy_ac_edge *edges;           /* malloc'd */
    size_t *lens;                /* each word's length in bytes (malloc'd) */
    size_t nwords;
} gy_ac;

/* Builds ac over words[0..n) (NUL-terminated, not empty; word k is found
 * as k).  Returns 0, or -1 when out of memory. */
int gy_ac_build(gy_ac *ac, const char *const *words, size_t n);
void gy_ac_free(gy_ac *ac);

/* Calls found(ctx, word, start) for every occurrence in s[0..n), in the
 * order of their ends. */
void gy_ac_scan(const gy_ac *ac, const char *s, size_t n,
                void (*found)(void *ctx, size_t word, size_t start), void *ctx);

#endif
