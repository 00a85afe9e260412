/* Rule patterns: PCRE2 compiled once (UTF, UCP, JIT), with what a match can
 * start with worked out at compile time, so that an anchored pattern tried
 * at a position that cannot start it costs two bit tests and no call. */
#ifndef GY_PATTERN_H
#define GY_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "utf8.h"

/* A compiled pattern and the numbers of the named groups the engine reads
 * (-1 when the pattern has no such group). */
typedef struct gy_rx {
    const char *name;      /* rule name, for messages and output */
    const char *source;    /* the pattern as written */
    pcre2_code *code;
    const pcre2_match_context *mctx; /* the rule set's limits */
    size_t id;             /* index among the rule set's patterns */
    int anchored;          /* compiled with PCRE2_ANCHORED */
    int jit;               /* JIT-compiled: matched with pcre2_jit_match */
    int at_first;          /* a searched pattern compiled anchored, to be tried
                              where its first code points stand (GY_RX_AT_FIRST) */
    uint8_t first[32];     /* anchored: bytes a match can start with (bit set) */
    int first_known;       /* anchored: the pattern says plainly how a match starts: */
    uint32_t *first_cps;   /* with one of these code points, sorted (arena), */
    size_t nfirst_cps;
    uint64_t first_bloom;  /* and hashed (gy_rx_bloom_bit): most code points
                              are refused without a search */
    int at_start;          /* or (a branch starting with ^) at the subject's start */
    int g_number;
    int g_title, g_occasion, g_speaker;
    int g_value;
    int g_subject;
} gy_rx;

/* The number of rx's group called name, or -1 when it has none. */
int gy_rx_group_number(const gy_rx *rx, const char *name);

/* Why a pattern did not compile: PCRE2's message and the offset in it. */
typedef struct gy_rx_error {
    char message[256];
    size_t offset;
} gy_rx_error;

/* How a pattern is used: searched through a text, tried at one place, or
 * searched by trying it where its first code points stand when the
 * pattern says plainly what those are (else searched): many patterns of a
 * set are then looked for in one pass (gy_rxset); or matched against a
 * whole subject (anchored at both ends: PCRE2 then backtracks into an
 * alternation until the match reaches the end, where a plain anchored
 * match would stop at the first alternative that matches a prefix). */
enum { GY_RX_SEARCHED = 0, GY_RX_ANCHORED = 1, GY_RX_AT_FIRST = 2, GY_RX_WHOLE = 3 };

/* Compiles pattern into rx (first-code-point tables in arena a); anchored
 * is one of GY_RX_*.  Returns
 * the compiled code, which the caller owns and frees with pcre2_code_free
 * (rx points at it), or NULL with e filled. */
pcre2_code *gy_rx_compile(gy_rx *rx, const char *pattern, int anchored, gy_arena *a,
                          gy_rx_error *e);

/* Index of cp in the sorted a[0..n), or n when it is not there. */
static inline size_t gy_sorted_find(const uint32_t *a, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && a[lo] == cp ? lo : n;
}

static inline unsigned gy_rx_bloom_bit(uint32_t cp) { return (cp * 2654435761u) >> 26; }

/* Can rx match at subject[start]?  For an anchored pattern, from the tables
 * of what it starts with: most positions fail here without a call. */
static inline int gy_rx_may_start(const gy_rx *rx, const char *subject, size_t len, size_t start)
{
    if (!rx->anchored || start >= len || (rx->at_start && start == 0))
        return 1;
    unsigned b = (unsigned char)subject[start];
    if (!(rx->first[b / 8] >> (b % 8) & 1))
        return 0;
    if (!rx->first_known)
        return 1;
    size_t k;
    uint32_t cp = gy_utf8_decode((const unsigned char *)subject + start, len - start, &k);
    if (!(rx->first_bloom >> gy_rx_bloom_bit(cp) & 1))
        return 0;
    return gy_sorted_find(rx->first_cps, rx->nfirst_cps, cp) < rx->nfirst_cps;
}

/* The first code points of the GY_RX_AT_FIRST patterns of a set, for one
 * pass that finds the places where one of them may match. */
typedef struct gy_rxset {
    uint64_t bloom[64];
    size_t n_at_first;
    int try_start;         /* a member may match at the subject's start (^) */
} gy_rxset;

/* Builds set over members[0..n) (stride bytes apart). */
void gy_rxset_init(gy_rxset *set, const gy_rx *members, size_t stride, size_t n);

static inline int gy_rxset_may_start(const gy_rxset *set, uint32_t cp)
{
    size_t h = (cp * 2654435761u) >> 20 & 4095;
    return (int)(set->bloom[h >> 6] >> (h & 63) & 1);
}

/* The first place at or after pos in s[0..len) (a character's start) where
 * a GY_RX_AT_FIRST pattern of set may start, or len. */
size_t gy_rxset_next(const gy_rxset *set, const char *s, size_t pos, size_t len);

/* Which of up to 64 anchored patterns may match at a place, from the
 * character there: one lookup instead of a test per pattern. */
enum { GY_RXINDEX_MAX = 64 };
typedef struct gy_rxindex {
    uint64_t always;       /* members whose first code points are not known */
    uint64_t at_start;     /* members that may match at the subject's start */
    uint32_t *cps;         /* the members' first code points, sorted (arena) */
    uint64_t *masks;       /* the members that may start with each */
    size_t n;
    uint32_t *slots;       /* cps[] by hash (gy_rxindex_slot), open addressing:
                              index + 1, 0 for an empty slot (arena) */
    size_t slot_mask;      /* slots - 1, a power of two at least twice n */
} gy_rxindex;

/* Index of the lowest bit set in m (m != 0): the next member of a mask. */
static inline size_t gy_rxindex_first(uint64_t m)
{
#if defined(__GNUC__)
    return (size_t)__builtin_ctzll(m);
#else
    size_t k = 0;
    while (!(m >> k & 1))
        k++;
    return k;
#endif
}

/* Builds ix over members[0..n) (stride bytes apart, n <= GY_RXINDEX_MAX)
 * in arena a.  Returns 0, or -1 when n is too large or out of memory. */
int gy_rxindex_build(gy_rxindex *ix, const gy_rx *members, size_t stride, size_t n, gy_arena *a);
/* The same where member k is a group of patterns, groups[k][0..sizes[k]):
 * it may match where one of them may. */
int gy_rxindex_build_groups(gy_rxindex *ix, const gy_rx *const *groups, const size_t *sizes,
                            size_t n, gy_arena *a);

static inline size_t gy_rxindex_slot(uint32_t cp) { return (cp * 2654435761u) >> 16; }

/* The members that may match at subject[start] (start < len): bit k for
 * member k.  Each is still tried with gy_rx_exec. */
static inline uint64_t gy_rxindex_at(const gy_rxindex *ix, const char *subject, size_t len,
                                     size_t start)
{
    uint64_t mask = ix->always | (start == 0 ? ix->at_start : 0);
    if (start >= len || !ix->n)
        return mask;
    size_t k;
    uint32_t cp = gy_utf8_decode_valid((const unsigned char *)subject + start, len - start, &k);
    /* a hash lookup: a binary search branches where the text cannot be guessed */
    for (size_t h = gy_rxindex_slot(cp) & ix->slot_mask; ix->slots[h]; h = (h + 1) & ix->slot_mask)
        if (ix->cps[ix->slots[h] - 1] == cp)
            return mask | ix->masks[ix->slots[h] - 1];
    return mask;
}

/* How much text after the place it is tried at an anchored pattern sees:
 * a marker or a time phrase is short, and PCRE2 may look far ahead for a
 * character the pattern needs, so a pattern tried at every number of a
 * long line would cost the length of the line each time. */
enum { GY_ANCHORED_WINDOW = 1024 };

/* Runs rx on subject[0..len) from start.  Returns PCRE2's result: > 0 on a
 * match, PCRE2_ERROR_NOMATCH, or another negative code on an error such as
 * a hit match limit.  An anchored pattern sees GY_ANCHORED_WINDOW bytes
 * after start at most (where the subject is cut, $ does not match). */
int gy_rx_exec(const gy_rx *rx, const char *subject, size_t len, size_t start,
               pcre2_match_data *md);

/* The same where gy_rx_may_start has said yes already, under the limits
 * of mctx (NULL: the rule set's). */
int gy_rx_run(const gy_rx *rx, const char *subject, size_t len, size_t start,
              pcre2_match_data *md, pcre2_match_context *mctx);

/* Limits on the work of a match, against a rule with catastrophic
 * backtracking ((a+)+$ over aaa…ab): PCRE2's match limit counts the steps
 * from one place in the subject, so a searched pattern may take
 * GY_MATCH_LIMIT steps at every byte; its limit is lowered on a long
 * subject so that one search costs GY_SEARCH_STEPS at most (and never
 * less than GY_MATCH_LIMIT_FLOOR a place).  A rule whose match fails
 * GY_RULE_FAILURES times in a document is given up for the rest of it. */
enum {
    GY_MATCH_LIMIT = 200000,
    GY_DEPTH_LIMIT = 10000,
    GY_SEARCH_STEPS = 50000000,
    GY_MATCH_LIMIT_FLOOR = 200,
    GY_RULE_FAILURES = 3
};

/* Offsets of group g after a successful match; returns 0 when unset. */
int gy_rx_group(pcre2_match_data *md, int g, size_t *start, size_t *end);

#endif
