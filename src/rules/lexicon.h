/* Word lists of the rules, indexed for lookups at a position: by first and
 * last code point, longest word first, with a bloom filter in front so that
 * most characters are passed over after two bit tests. */
#ifndef GY_LEXICON_H
#define GY_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Each word carries a tag: an index into whatever table the list belongs
 * to (a unit, an operator, a cue kind). */
typedef struct gy_word {
    const char *s;
    size_t len;
    int tag;
    uint32_t first, last;      /* its first and last code points */
    uint32_t second;           /* its second code point (0 for one character) */
    uint8_t first_len, last_len; /* their lengths in bytes */
} gy_word;

enum { GY_LEX_BUCKETS = 1024 };

typedef struct gy_lexicon {
    gy_word *words;
    size_t n;
    uint64_t first_bloom[64];          /* hashed first code points of the words */
    uint64_t last_bloom[64];           /* hashed last code points */
    uint64_t single_bloom[64];         /* hashed words of one code point */
    uint64_t single_last_bloom[64];    /* the same at the end: words of one code point */
    uint64_t first_blocks[16];         /* the same for the words' first characters */
    uint64_t last_blocks[16];          /* the blocks of 64 code points (a three-byte
                                          character's first two bytes) the words'
                                          last characters fall in */
    uint64_t pair_last_bloom[64];      /* and the last two of the others (gy_pair_bit) */
    uint64_t pair_bloom[64];           /* hashed first two code points of the others:
                                          in a long list most characters start
                                          some word, few the word that follows */
    int32_t by_first[GY_LEX_BUCKETS];  /* chains, longest word first: words of one
                                          character by it, the others by
                                          their first two (gy_pair_bit) */
    int32_t by_last[GY_LEX_BUCKETS];
    int32_t *next_first;
    int32_t *next_last;
    size_t max_len;
    int one_char;                      /* every word is one code point */
    uint64_t *chars;                   /* one_char and all in the basic plane:
                                          the words as a set (arena, 8 KB),
                                          for a search without the filter */
    unsigned char lead[4][2];          /* the first two bytes of the words' first
                                          characters, when all are of three bytes */
    size_t nleads;                     /* and at most four pairs (else 0): a
                                          search compares pairs, 16 places at a time */
    char anchor[4];                    /* a character every word holds (its
                                          UTF-8), for a fast search; */
    size_t anchor_len;                 /* 0 when the words share none */
} gy_lexicon;

/* Words gathered before a lexicon is built (arena memory). */
typedef struct gy_word_list {
    gy_word *w;
    size_t n, cap;
} gy_word_list;

/* Adds a copy of s with tag to wl.  Returns 0, or -1 when out of memory. */
int gy_words_add(gy_arena *a, gy_word_list *wl, const char *s, int tag);
/* Builds lx over the words of wl (taken over).  Returns 0 or -1. */
int gy_lexicon_build(gy_arena *a, gy_lexicon *lx, gy_word_list *wl);

static inline size_t gy_bloom_bit(uint32_t cp) { return (cp * 2654435761u) >> 20; }
static inline size_t gy_pair_bit(uint32_t a, uint32_t b)
{
    return (a * 2654435761u ^ b * 2246822519u) >> 20;
}

/* Whether some word of lx may start (or end) with code point cp. */
static inline int gy_lex_may_start(const gy_lexicon *lx, uint32_t cp)
{
    size_t h = gy_bloom_bit(cp) & 4095;
    return (int)(lx->first_bloom[h >> 6] >> (h & 63) & 1);
}
static inline int gy_lex_may_end(const gy_lexicon *lx, uint32_t cp)
{
    size_t h = gy_bloom_bit(cp) & 4095;
    return (int)(lx->last_bloom[h >> 6] >> (h & 63) & 1);
}

/* Longest word starting at s[pos] and ending at or before end; -1 if none.
 * Returns the word's index. */
int gy_lex_at(const gy_lexicon *lx, const char *s, size_t pos, size_t end);
/* Longest word ending exactly at s[pos] and starting at or after start. */
int gy_lex_ending_at(const gy_lexicon *lx, const char *s, size_t start, size_t pos);
/* The occurrence inside s[start..end) that ends last (nearest to end);
 * its start goes to *where.  -1 if none. */
int gy_lex_last_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                   size_t *where);
/* The occurrence inside s[start..end) that starts first (found from the
 * places of the anchor character, when every word holds one). */
int gy_lex_first_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                    size_t *where);
/* The tag of the last cue word in s[start..end) whose tag is not
 * GY_CUE_NEUTRAL (a neutral word hides the cues inside it), or 0. */
int gy_lex_last_cue(const gy_lexicon *lx, const char *s, size_t start, size_t end);

#endif
