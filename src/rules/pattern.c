/* Rule patterns: compiling, the first-character analysis that lets most
 * positions skip a match call, and running a match. */
#include "pattern.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"


/* The bytes a match may start with, from PCRE2's own analysis (all when
 * it cannot tell), so anchored matches fail without a call. */
static void first_bytes(const pcre2_code *code, uint8_t first[32])
{
    uint32_t type = 0, unit = 0;
    const uint8_t *bitmap = NULL;
    memset(first, 0xFF, 32);
    if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 1 &&
        pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0) {
        uint32_t flags = 0;
        pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &flags);
        if (!(flags & PCRE2_CASELESS)) {
            memset(first, 0, 32);
            first[(unit & 0xFF) / 8] |= (uint8_t)(1u << (unit % 8));
        }
        return;
    }
    if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap)
        memcpy(first, bitmap, 32);
}

/* ---- the code points a pattern starts with -------------------------------
 *
 * A small reader of the pattern text for the common shape of the rules: an
 * alternation whose every branch starts with a literal ideograph, a class
 * of plain characters, or a group of such branches.  Anything else (an
 * escape, an optional first item, a negated class) means "cannot tell". */

/* Index just past the end of the group or class opening at i, or n. */
static size_t skip_group(const unsigned char *p, size_t n, size_t i)
{
    if (p[i] == '[') {
        size_t d = i + 1;
        while (d < n && p[d] != ']')
            d += p[d] == '\\' ? 2 : 1;
        return d < n ? d + 1 : n;
    }
    size_t depth = 0;
    for (size_t d = i; d < n; d++) {
        if (p[d] == '\\') {
            d++;
            continue;
        }
        if (p[d] == '[') {
            d = skip_group(p, n, d) - 1;
            continue;
        }
        if (p[d] == '(')
            depth++;
        else if (p[d] == ')' && --depth == 0)
            return d + 1;
    }
    return n;
}

static int optional_after(const unsigned char *p, size_t n, size_t at)
{
    return at < n &&
           (p[at] == '?' || p[at] == '*' || (p[at] == '{' && at + 1 < n && p[at + 1] == '0'));
}

typedef struct cp_set {
    uint32_t *cps;
    size_t k, max;
    int ascii;             /* ASCII literals count (no option setting may make them caseless) */
    int caseless;          /* inside (?i:…): an ASCII letter stands for both its cases */
    int at_start;          /* a branch starts with ^: it matches only at the start */
} cp_set;

static int first_set(const unsigned char *p, size_t i, size_t end, cp_set *set);

/* A literal ASCII character that stands for itself at the start of a
 * branch: letters, digits and marks without a meaning in a pattern. */
static int plain_ascii(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c && strchr("<>-_@#:/=,!%&~\"'", c));
}

/* Whether the pattern sets an option for the rest of it ((?i), (?x),
 * (?-s) …): then ASCII letters may match other cases, and spaces or # may
 * not be literal.  An option group (?i:…) is read where it stands. */
static int sets_options(const char *p)
{
    for (; *p; p++) {
        if (p[0] == '\\' && p[1]) {
            p++;
        } else if (p[0] == '(' && p[1] == '?' && p[2] && strchr("imnsxJU^-", p[2])) {
            const char *q = p + 2;
            while (*q && strchr("imnsxJU^-", *q))
                q++;
            if (*q != ':')
                return 1;
        }
    }
    return 0;
}

/* Adds a literal character cp (in_class: inside [...], where ASCII marks
 * stand for themselves), both cases of a letter inside (?i:…).  Returns 0
 * when it cannot say which characters cp matches: an ASCII letter where an
 * option may change its case, a letter whose case folds reach beyond ASCII
 * (k: U+212A, s: U+017F), or a character with case outside the ideographs
 * under (?i:…). */
static int add_cp(cp_set *set, uint32_t cp, int in_class)
{
    int letter = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    if (set->k + 2 > set->max)
        return 0;
    if (cp < 0x80) {
        if ((letter || !in_class) && !set->ascii)
            return 0; /* (?i) or (?x) somewhere: case, spaces and # may not be literal */
        if (!letter && !in_class && !plain_ascii((unsigned char)cp))
            return 0;
        if (letter && set->caseless && strchr("kKsS", (int)cp))
            return 0;
        set->cps[set->k++] = cp;
        if (letter && set->caseless)
            set->cps[set->k++] = cp ^ 0x20;
        return 1;
    }
    if (set->caseless && !(cp >= 0x2E80 && cp <= 0x9FFF))
        return 0;
    set->cps[set->k++] = cp;
    return 1;
}

/* A group at p[i] (not a lookaround): its branches' first code points.
 * Returns the index after the group, or 0 when it cannot tell. */
static size_t first_of_group(const unsigned char *p, size_t i, size_t end, cp_set *set)
{
    size_t close = skip_group(p, end, i), inner = i + 1;
    if (close > end)
        return 0;
    if (inner + 1 < close && p[inner] == '?') {
        if (p[inner + 1] == ':') {
            inner += 2;
        } else if (p[inner + 1] == '<' && inner + 2 < close && p[inner + 2] != '=' &&
                   p[inner + 2] != '!') {
            while (inner < close && p[inner] != '>')
                inner++;
            inner++;
        } else if (p[inner + 1] == 'i' && inner + 2 < close && p[inner + 2] == ':') {
            /* (?i:qq): letters of either case */
            int was = set->caseless;
            set->caseless = 1;
            int ok = first_set(p, inner + 3, close - 1, set);
            set->caseless = was;
            return ok ? close : 0;
        } else {
            return 0; /* another option */
        }
    }
    return first_set(p, inner, close - 1, set) ? close : 0;
}

/* A lookaround at p[i] ((?=…), (?!…), (?<=…), (?<!…)): it matches no
 * character, so what follows it starts the match.  The index after it, or
 * 0 when p[i] is none. */
static size_t skip_lookaround(const unsigned char *p, size_t i, size_t end)
{
    if (i + 2 >= end || p[i] != '(' || p[i + 1] != '?')
        return 0;
    int ahead = p[i + 2] == '=' || p[i + 2] == '!';
    int behind = p[i + 2] == '<' && i + 3 < end && (p[i + 3] == '=' || p[i + 3] == '!');
    return ahead || behind ? skip_group(p, end, i) : 0;
}

/* Is p[j] a plain class member (no escape, range mark or nested class)? */
static int plain_member(const unsigned char *p, size_t j, size_t end)
{
    return j < end && p[j] != '\\' && p[j] != '-' && p[j] != '[' && p[j] != ']';
}

enum { RANGE_MAX = 32 }; /* a longer range ([一-龥]) is not listed */

/* A class of plain characters and short ranges at p[i] ([省市区],
 * [0-9０-９]).  Returns the index after it, or 0. */
static size_t first_of_class(const unsigned char *p, size_t i, size_t end, cp_set *set)
{
    size_t j = i + 1, len, hi_len;
    if (j < end && p[j] == '^')
        return 0;
    while (j < end && p[j] != ']') {
        if (!plain_member(p, j, end))
            return 0;
        uint32_t lo = gy_utf8_decode(p + j, end - j, &len), hi = lo;
        j += len;
        if (j + 1 < end && p[j] == '-' && plain_member(p, j + 1, end)) {
            hi = gy_utf8_decode(p + j + 1, end - j - 1, &hi_len);
            if (hi < lo || hi - lo >= RANGE_MAX)
                return 0;
            j += 1 + hi_len;
        }
        for (uint32_t cp = lo; cp <= hi; cp++)
            if (set->k == set->max || !add_cp(set, cp, 1))
                return 0;
    }
    return j < end ? j + 1 : 0;
}

/* Index of the '|' that starts the next branch at this level, or end. */
static size_t next_branch(const unsigned char *p, size_t i, size_t end)
{
    while (i < end && p[i] != '|') {
        if (p[i] == '\\')
            i += 2;
        else if (p[i] == '(' || p[i] == '[')
            i = skip_group(p, end, i);
        else
            i++;
    }
    return i;
}

/* Index after the quantifier at p[i], if any ({m,n}, ?, *, +, and a lazy
 * or possessive mark after it). */
static size_t skip_quantifier(const unsigned char *p, size_t i, size_t end)
{
    if (i < end && p[i] == '{') {
        while (i < end && p[i] != '}')
            i++;
        i = i < end ? i + 1 : end;
    } else if (i < end && (p[i] == '?' || p[i] == '*' || p[i] == '+')) {
        i++;
    } else {
        return i;
    }
    return i < end && (p[i] == '?' || p[i] == '+') ? i + 1 : i;
}

/* The first code points of one branch p[i..end): those of its first item,
 * and of the next ones while the items before may match nothing (an
 * optional item, a lookaround).  Returns 1, or 0 when it cannot tell. */
static int branch_first(const unsigned char *p, size_t i, size_t end, cp_set *set)
{
    while (i < end) {
        size_t len, next, after = skip_lookaround(p, i, end);
        if (after) {
            i = after;
            continue;
        }
        if (p[i] == '(') {
            next = first_of_group(p, i, end, set);
        } else if (p[i] == '[') {
            next = first_of_class(p, i, end, set);
        } else if (p[i] >= 0x80) {
            if (!add_cp(set, gy_utf8_decode(p + i, end - i, &len), 0))
                return 0;
            next = i + len;
        } else if (p[i] == '^') {
            set->at_start = 1; /* this way matches only where the subject starts */
            return 1;
        } else if (plain_ascii(p[i])) {
            if (!add_cp(set, p[i], 0))
                return 0;
            next = i + 1;
        } else {
            return 0;
        }
        if (!next)
            return 0;
        if (!optional_after(p, end, next))
            return 1;
        i = skip_quantifier(p, next, end);
    }
    return 0; /* the branch may match nothing */
}

/* First code points of the branches in p[i..end) (one nesting level),
 * added to set.  Returns 1, or 0 on a pattern this cannot read. */
static int first_set(const unsigned char *p, size_t i, size_t end, cp_set *set)
{
    for (;;) {
        size_t bar = next_branch(p, i, end);
        if (!branch_first(p, i, bar, set))
            return 0;
        if (bar >= end)
            return 1;
        i = bar + 1;
    }
}

/* The code points a match of pat must start with, when it says so
 * plainly: sorted into cps, their number in *k, and whether a branch
 * matches only at the subject's start in *at_start.  Returns 0 when it
 * does not say, and anything may then start a match. */
static int literal_first(const char *pat, uint32_t *cps, size_t max, size_t *nk, int *at_start)
{
    cp_set set = {cps, 0, max, !sets_options(pat), 0, 0};
    int known = first_set((const unsigned char *)pat, 0, strlen(pat), &set);
    size_t k = known ? set.k : 0;
    *nk = k;
    *at_start = known && set.at_start;
    for (size_t a = 1; a < k; a++)
        for (size_t b = a; b > 0 && cps[b - 1] > cps[b]; b--) {
            uint32_t t = cps[b];
            cps[b] = cps[b - 1];
            cps[b - 1] = t;
        }
    return known;
}

static int group(const pcre2_code *code, const char *name)
{
    int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}

int gy_rx_group_number(const gy_rx *rx, const char *name)
{
    return rx->code ? group(rx->code, name) : -1;
}

pcre2_code *gy_rx_compile(gy_rx *rx, const char *pattern, int anchored, gy_arena *a,
                          gy_rx_error *e)
{
    uint32_t cps[64];
    size_t k = 0;
    int at_start = 0, known = literal_first(pattern, cps, 64, &k, &at_start);
    rx->at_first = anchored == GY_RX_AT_FIRST && known;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | (anchored == GY_RX_WHOLE ? PCRE2_ENDANCHORED : 0u);
    if (anchored == GY_RX_AT_FIRST)
        anchored = rx->at_first;
    int errcode;
    PCRE2_SIZE erroff;
    opts |= anchored ? PCRE2_ANCHORED : 0u;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode,
                                     &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(errcode, buf, sizeof buf);
        snprintf(e->message, sizeof e->message, "%s", (const char *)buf);
        e->offset = (size_t)erroff;
        return NULL;
    }
    /* without JIT (no support on this machine) the interpreter matches */
    size_t jit_size = 0;
    rx->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0 &&
              pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &jit_size) == 0 && jit_size > 0;
    rx->code = code;
    rx->anchored = anchored != 0;
    first_bytes(code, rx->first);
    if (anchored && known) {
        rx->first_known = 1;
        rx->at_start = at_start;
        if (k && (rx->first_cps = gy_arena_alloc(a, k * sizeof *cps)) != NULL) {
            memcpy(rx->first_cps, cps, k * sizeof *cps);
            rx->nfirst_cps = k;
            for (size_t c = 0; c < k; c++)
                rx->first_bloom |= UINT64_C(1) << gy_rx_bloom_bit(cps[c]);
        } else if (k) {
            rx->first_known = 0; /* out of memory: no test, every place is tried */
        }
    }
    rx->g_number = group(code, "number");
    rx->g_title = group(code, "title");
    rx->g_occasion = group(code, "occasion");
    rx->g_speaker = group(code, "speaker");
    rx->g_value = group(code, "value");
    rx->g_subject = group(code, "subject");
    return code;
}

void gy_rxset_init(gy_rxset *set, const gy_rx *members, size_t stride, size_t n)
{
    memset(set, 0, sizeof *set);
    for (size_t k = 0; k < n; k++) {
        const gy_rx *m = (const gy_rx *)(const void *)((const char *)members + k * stride);
        if (!m->at_first)
            continue;
        set->n_at_first++;
        set->try_start |= m->at_start;
        for (size_t c = 0; c < m->nfirst_cps; c++) {
            size_t h = (m->first_cps[c] * 2654435761u) >> 20 & 4095;
            set->bloom[h >> 6] |= UINT64_C(1) << (h & 63);
        }
    }
}

static int by_cp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The patterns of member k of an index: count of them, and pattern j. */
typedef struct members {
    const gy_rx *first;     /* one pattern per member, stride bytes apart */
    size_t stride;
    const gy_rx *const *groups; /* or member k: groups[k][0..sizes[k]) */
    const size_t *sizes;
} members;

static size_t member_size(const members *m, size_t k) { return m->groups ? m->sizes[k] : 1; }

static const gy_rx *member_rx(const members *m, size_t k, size_t j)
{
    if (m->groups)
        return &m->groups[k][j];
    return (const gy_rx *)(const void *)((const char *)m->first + k * m->stride);
}

/* Does pattern rx say plainly where it may start? */
static int first_said(const gy_rx *rx) { return rx->anchored && rx->first_known; }

static int index_members(gy_rxindex *ix, const members *m, size_t n, gy_arena *a)
{
    memset(ix, 0, sizeof *ix);
    if (n > GY_RXINDEX_MAX)
        return -1;
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        for (size_t j = 0; j < member_size(m, k); j++) {
            const gy_rx *rx = member_rx(m, k, j);
            total += first_said(rx) ? rx->nfirst_cps : 0;
        }
    uint32_t *all = total ? malloc(total * sizeof *all) : NULL;
    if (total && !all)
        return -1;
    size_t t = 0;
    for (size_t k = 0; k < n; k++)
        for (size_t j = 0; j < member_size(m, k); j++) {
            const gy_rx *rx = member_rx(m, k, j);
            if (!first_said(rx)) {
                ix->always |= UINT64_C(1) << k;
                continue;
            }
            if (rx->at_start)
                ix->at_start |= UINT64_C(1) << k;
            for (size_t c = 0; c < rx->nfirst_cps; c++)
                all[t++] = rx->first_cps[c];
        }
    gy_sort(all, total, sizeof *all, by_cp);
    size_t distinct = 0;
    for (size_t i = 0; i < total; i++)
        if (!distinct || all[distinct - 1] != all[i])
            all[distinct++] = all[i];
    int rc = 0;
    if (distinct) {
        ix->cps = gy_arena_alloc(a, distinct * sizeof *ix->cps);
        ix->masks = gy_arena_alloc(a, distinct * sizeof *ix->masks);
        size_t slots = 4;
        while (slots < 2 * distinct)
            slots *= 2;
        ix->slots = gy_arena_alloc(a, slots * sizeof *ix->slots);
        ix->slot_mask = slots - 1;
        if (!ix->cps || !ix->masks || !ix->slots)
            rc = -1;
        else
            memset(ix->slots, 0, slots * sizeof *ix->slots);
    }
    if (rc == 0 && distinct) {
        memcpy(ix->cps, all, distinct * sizeof *all);
        memset(ix->masks, 0, distinct * sizeof *ix->masks);
        ix->n = distinct;
        for (size_t i = 0; i < distinct; i++) {
            size_t h = gy_rxindex_slot(ix->cps[i]) & ix->slot_mask;
            while (ix->slots[h])
                h = (h + 1) & ix->slot_mask;
            ix->slots[h] = (uint32_t)(i + 1);
        }
        for (size_t k = 0; k < n; k++)
            for (size_t j = 0; j < member_size(m, k); j++) {
                const gy_rx *rx = member_rx(m, k, j);
                for (size_t c = 0; first_said(rx) && c < rx->nfirst_cps; c++) {
                    ix->masks[gy_sorted_find(ix->cps, distinct, rx->first_cps[c])] |=
                        UINT64_C(1) << k;
                }
            }
    }
    free(all);
    return rc;
}

int gy_rxindex_build(gy_rxindex *ix, const gy_rx *first, size_t stride, size_t n, gy_arena *a)
{
    members m = {first, stride, NULL, NULL};
    return index_members(ix, &m, n, a);
}

int gy_rxindex_build_groups(gy_rxindex *ix, const gy_rx *const *groups, const size_t *sizes,
                            size_t n, gy_arena *a)
{
    members m = {NULL, 0, groups, sizes};
    return index_members(ix, &m, n, a);
}

size_t gy_rxset_next(const gy_rxset *set, const char *s, size_t pos, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (pos == 0 && set->try_start)
        return 0;
    while (pos < len && (u[pos] & 0xC0) == 0x80)
        pos++;
    while (pos < len) {
        size_t k = 1;
        uint32_t cp = u[pos];
        if (cp >= 0x80)
            cp = gy_utf8_decode_valid(u + pos, len - pos, &k);
        if (gy_rxset_may_start(set, cp))
            return pos;
        pos += k;
    }
    return len;
}

int gy_rx_exec(const gy_rx *rx, const char *subject, size_t len, size_t start,
               pcre2_match_data *md)
{
    if (!gy_rx_may_start(rx, subject, len, start))
        return PCRE2_ERROR_NOMATCH;
    return gy_rx_run(rx, subject, len, start, md, NULL);
}

int gy_rx_run(const gy_rx *rx, const char *subject, size_t len, size_t start,
              pcre2_match_data *md, pcre2_match_context *mctx)
{
    if (!mctx)
        mctx = (pcre2_match_context *)(uintptr_t)rx->mctx;
    uint32_t opts = 0;
    if (rx->anchored && len - start > GY_ANCHORED_WINDOW) {
        len = start + GY_ANCHORED_WINDOW;
        while (len > start && ((unsigned char)subject[len] & 0xC0) == 0x80)
            len--;
        opts |= PCRE2_NOTEOL;
    }
    /* the subject was validated once (input.c): JIT code is entered
     * directly, without pcre2_match's checks of its arguments */
    if (rx->jit)
        return pcre2_jit_match(rx->code, (PCRE2_SPTR)subject, len, start, opts, md, mctx);
    return pcre2_match(rx->code, (PCRE2_SPTR)subject, len, start, opts | PCRE2_NO_UTF_CHECK, md,
                       mctx);
}

int gy_rx_group(pcre2_match_data *md, int g, size_t *start, size_t *end)
{
    if (g < 0 || (uint32_t)g >= pcre2_get_ovector_count(md))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[2 * g] == PCRE2_UNSET)
        return 0;
    *start = ov[2 * g];
    *end = ov[2 * g + 1];
    return 1;
}
