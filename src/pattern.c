/* Rule patterns: compiling, the first-character analysis that lets most
 * positions skip a match call, and running a match. */
#include "pattern.h"

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
} cp_set;

static size_t first_set(const unsigned char *p, size_t i, size_t end, cp_set *set);

/* A group at p[i]: its branches' first code points.  Returns the index
 * after the group, or 0 when it cannot tell. */
static size_t first_of_group(const unsigned char *p, size_t i, size_t end, cp_set *set)
{
    size_t close = skip_group(p, end, i), inner = i + 1;
    if (close > end || optional_after(p, end, close))
        return 0;
    if (inner + 1 < close && p[inner] == '?') {
        if (p[inner + 1] == ':') {
            inner += 2;
        } else if (p[inner + 1] == '<' && inner + 2 < close && p[inner + 2] != '=' &&
                   p[inner + 2] != '!') {
            while (inner < close && p[inner] != '>')
                inner++;
            inner++;
        } else {
            return 0; /* a lookaround or an option setting */
        }
    }
    return first_set(p, inner, close - 1, set) ? close : 0;
}

/* A class of plain characters at p[i] ([省市区]).  Returns the index after
 * it, or 0. */
static size_t first_of_class(const unsigned char *p, size_t i, size_t end, cp_set *set)
{
    size_t j = i + 1, len;
    if (j < end && p[j] == '^')
        return 0;
    while (j < end && p[j] != ']') {
        if (p[j] == '\\' || p[j] == '-' || p[j] == '[' || set->k == set->max)
            return 0;
        uint32_t cp = gy_utf8_decode(p + j, end - j, &len);
        if (cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                           (cp >= 'a' && cp <= 'z')))
            return 0;
        set->cps[set->k++] = cp;
        j += len;
    }
    if (j >= end || optional_after(p, end, j + 1))
        return 0;
    return j + 1;
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

/* First code points of the branches in p[i..end) (one nesting level),
 * added to set.  Returns the new count, or 0 on a pattern this cannot
 * read. */
static size_t first_set(const unsigned char *p, size_t i, size_t end, cp_set *set)
{
    for (;;) {
        size_t len, next;
        if (i >= end)
            return 0;
        if (p[i] == '(') {
            next = first_of_group(p, i, end, set);
        } else if (p[i] == '[') {
            next = first_of_class(p, i, end, set);
        } else if (p[i] >= 0x80 && set->k < set->max) {
            set->cps[set->k++] = gy_utf8_decode(p + i, end - i, &len);
            next = optional_after(p, end, i + len) ? 0 : i + len;
        } else {
            next = 0;
        }
        if (!next)
            return 0;
        size_t bar = next_branch(p, next, end);
        if (bar >= end)
            return set->k;
        i = bar + 1;
    }
}

/* The code points an anchored pattern must start with, when it says so
 * plainly, sorted into cps; 0 when it does not say, and anything may then
 * start a match. */
static size_t literal_first(const char *pat, uint32_t *cps, size_t max)
{
    cp_set set = {cps, 0, max};
    size_t k = first_set((const unsigned char *)pat, 0, strlen(pat), &set);
    for (size_t a = 1; a < k; a++)
        for (size_t b = a; b > 0 && cps[b - 1] > cps[b]; b--) {
            uint32_t t = cps[b];
            cps[b] = cps[b - 1];
            cps[b - 1] = t;
        }
    return k;
}

static int group(const pcre2_code *code, const char *name)
{
    int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}

pcre2_code *gy_rx_compile(gy_rx *rx, const char *pattern, int anchored, gy_arena *a,
                          gy_rx_error *e)
{
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | (anchored ? PCRE2_ANCHORED : 0u);
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode,
                                     &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(errcode, buf, sizeof buf);
        snprintf(e->message, sizeof e->message, "%s", (const char *)buf);
        e->offset = (size_t)erroff;
        return NULL;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    rx->code = code;
    rx->anchored = anchored;
    first_bytes(code, rx->first);
    if (anchored) {
        uint32_t cps[64];
        size_t k = literal_first(pattern, cps, 64);
        if (k && (rx->first_cps = gy_arena_alloc(a, k * sizeof *cps)) != NULL) {
            memcpy(rx->first_cps, cps, k * sizeof *cps);
            rx->nfirst_cps = k;
        }
    }
    rx->g_number = group(code, "number");
    rx->g_title = group(code, "title");
    rx->g_occasion = group(code, "occasion");
    rx->g_speaker = group(code, "speaker");
    rx->g_value = group(code, "value");
    return code;
}

int gy_rx_exec(const gy_rx *rx, const char *subject, size_t len, size_t start,
               pcre2_match_data *md)
{
    if (!gy_rx_may_start(rx, subject, len, start))
        return PCRE2_ERROR_NOMATCH;
    uint32_t opts = PCRE2_NO_UTF_CHECK;
    if (rx->anchored && len - start > GY_ANCHORED_WINDOW) {
        len = start + GY_ANCHORED_WINDOW;
        while (len > start && ((unsigned char)subject[len] & 0xC0) == 0x80)
            len--;
        opts |= PCRE2_NOTEOL;
    }
    return pcre2_match(rx->code, (PCRE2_SPTR)subject, len, start, opts, md,
                       (pcre2_match_context *)(uintptr_t)rx->mctx);
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
