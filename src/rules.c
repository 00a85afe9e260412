/* Rules stage: load rule files (JSON), check them field by field, compile
 * their patterns once with PCRE2 (UTF, JIT) and build word lexicons.
 *
 * Every error names the rule file, the line and column of the offending
 * field, and what is wrong; a rule set that fails to load is never used. */
#include "rules.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "embedded.h"
#include "error.h"
#include "source.h"
#include "utf8.h"

const char *const gy_op_names[GY_OP_COUNT] = {"=", ">=", ">", "<=", "<", "~"};
const char *const gy_time_kind_names[GY_TIME_KIND_COUNT] = {
    "date", "range", "deadline", "period", "frequency"};

enum { MATCH_LIMIT = 200000, DEPTH_LIMIT = 10000 };

/* ---- where a JSON value stands in its file ----------------------------- */

/* cJSON keeps no positions, so a small scanner walks the (already valid)
 * text in the same pre-order as the tree and records where each value, or
 * for an object member its key, begins. */
typedef struct locator {
    const cJSON **nodes;
    size_t *offsets;
    size_t n, cap;
} locator;

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static const char *skip_string(const char *p, const char *end)
{
    p++; /* opening quote */
    while (p < end && *p != '"') {
        if (*p == '\\' && p + 1 < end)
            p++;
        p++;
    }
    return p < end ? p + 1 : p;
}

static int locate_push(locator *l, const cJSON *node, size_t off)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        const cJSON **nn = realloc(l->nodes, cap * sizeof *nn);
        if (!nn)
            return -1;
        l->nodes = nn;
        size_t *no = realloc(l->offsets, cap * sizeof *no);
        if (!no)
            return -1;
        l->offsets = no;
        l->cap = cap;
    }
    l->nodes[l->n] = node;
    l->offsets[l->n] = off;
    l->n++;
    return 0;
}

/* Scans the value at p that cJSON parsed as node; records at `at`. */
static const char *locate_value(locator *l, const char *base, const char *p,
                                const char *end, const cJSON *node, const char *at)
{
    p = skip_ws(p, end);
    if (locate_push(l, node, (size_t)((at ? at : p) - base)) != 0)
        return NULL;
    if (p >= end)
        return p;
    if (*p == '{') {
        p++;
        for (const cJSON *c = node->child; c; c = c->next) {
            p = skip_ws(p, end);
            if (p < end && *p == ',')
                p = skip_ws(p + 1, end);
            const char *key = p;
            p = skip_ws(skip_string(p, end), end);
            if (p < end && *p == ':')
                p++;
            p = locate_value(l, base, p, end, c, key);
            if (!p)
                return NULL;
        }
        p = skip_ws(p, end);
        return p < end ? p + 1 : p;
    }
    if (*p == '[') {
        p++;
        for (const cJSON *c = node->child; c; c = c->next) {
            p = skip_ws(p, end);
            if (p < end && *p == ',')
                p = skip_ws(p + 1, end);
            p = locate_value(l, base, p, end, c, NULL);
            if (!p)
                return NULL;
        }
        p = skip_ws(p, end);
        return p < end ? p + 1 : p;
    }
    if (*p == '"')
        return skip_string(p, end);
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' &&
           *p != '\r' && *p != '\t')
        p++;
    return p;
}

/* ---- load context -------------------------------------------------------- */

typedef struct rfile {
    const char *name;      /* path or built-in file name, for messages */
    const char *text;
    size_t len;
    cJSON *root;
    locator loc;
} rfile;

typedef struct loader {
    gy_rules *r;
    gy_error *err;
    int failed;
} loader;

static void position_of(const rfile *f, size_t off, long *line, long *col)
{
    long l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off && i < f->len; i++)
        if (f->text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (long)gy_utf8_count(f->text + start, off - start) + 1;
}

static size_t offset_of(const rfile *f, const cJSON *node)
{
    for (size_t i = 0; i < f->loc.n; i++)
        if (f->loc.nodes[i] == node)
            return f->loc.offsets[i];
    return 0;
}

/* Records an error at node (NULL: the file as a whole). */
static int fail(loader *ld, const rfile *f, const cJSON *node, const char *hint,
                const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static int fail(loader *ld, const rfile *f, const cJSON *node, const char *hint,
                const char *fmt, ...)
{
    if (ld->failed)
        return -1;
    ld->failed = 1;
    long line = 0, col = 0;
    size_t off = 0;
    if (node) {
        off = offset_of(f, node);
        position_of(f, off, &line, &col);
    }
    char msg[sizeof ld->err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gy_error_set(ld->err, GY_E_RULES, f->name, line, col, node ? (long)off : -1,
                 hint ? hint : "", "%s", msg);
    return -1;
}

/* ---- reading objects field by field ---------------------------------------- */

enum { MAX_FIELDS = 24 };

typedef struct jobj {
    loader *ld;
    const rfile *f;
    const cJSON *node;
    const char *path;      /* e.g. "noise.lines[3]", for messages */
    const char *used[MAX_FIELDS];
    size_t nused;
} jobj;

static int obj_open(loader *ld, const rfile *f, const cJSON *node, const char *path,
                    jobj *o)
{
    memset(o, 0, sizeof *o);
    o->ld = ld;
    o->f = f;
    o->node = node;
    o->path = path;
    if (!cJSON_IsObject(node))
        return fail(ld, f, node, NULL, "%s must be an object", path);
    for (const cJSON *a = node->child; a; a = a->next)
        for (const cJSON *b = a->next; b; b = b->next)
            if (strcmp(a->string, b->string) == 0)
                return fail(ld, f, b, NULL, "%s: field '%s' is given twice", path,
                            b->string);
    return 0;
}

static const cJSON *obj_field(jobj *o, const char *key, int required)
{
    if (o->nused < MAX_FIELDS)
        o->used[o->nused++] = key;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o->node, key);
    if (!v && required)
        fail(o->ld, o->f, o->node, NULL, "%s: missing field '%s'", o->path, key);
    return v;
}

/* Reports the first field that no reader asked for.  "about" is a comment. */
static int obj_close(jobj *o)
{
    if (o->ld->failed)
        return -1;
    for (const cJSON *c = o->node->child; c; c = c->next) {
        if (strcmp(c->string, "about") == 0)
            continue;
        size_t k;
        for (k = 0; k < o->nused; k++)
            if (strcmp(o->used[k], c->string) == 0)
                break;
        if (k == o->nused) {
            char known[256] = "";
            size_t n = 0;
            for (k = 0; k < o->nused && n < sizeof known; k++)
                n += (size_t)snprintf(known + n, sizeof known - n, "%s%s", k ? ", " : "",
                                      o->used[k]);
            return fail(o->ld, o->f, c, NULL, "%s: unknown field '%s' (known: %s)",
                        o->path, c->string, known);
        }
    }
    return 0;
}

static char *path_join(loader *ld, const char *path, const char *key, long index)
{
    return index >= 0 ? gy_arena_printf(&ld->r->arena, "%s.%s[%ld]", path, key, index)
                      : gy_arena_printf(&ld->r->arena, "%s.%s", path, key);
}

static int get_string(jobj *o, const char *key, int required, const char **out)
{
    const cJSON *v = obj_field(o, key, required);
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsString(v))
        return fail(o->ld, o->f, v, NULL, "%s.%s must be a string", o->path, key);
    *out = gy_arena_strndup(&o->ld->r->arena, v->valuestring, strlen(v->valuestring));
    return *out ? 0 : fail(o->ld, o->f, v, NULL, "out of memory");
}

static int get_number(jobj *o, const char *key, double lo, double hi, double *out)
{
    const cJSON *v = obj_field(o, key, 0);
    if (!v)
        return 0;
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo && v->valuedouble <= hi))
        return fail(o->ld, o->f, v, NULL, "%s.%s must be a number from %g to %g", o->path,
                    key, lo, hi);
    *out = v->valuedouble;
    return 0;
}

static int get_size(jobj *o, const char *key, size_t lo, size_t hi, size_t *out)
{
    double d = (double)*out;
    if (get_number(o, key, (double)lo, (double)hi, &d) != 0)
        return -1;
    if (d != floor(d))
        return fail(o->ld, o->f, obj_field(o, key, 0), NULL, "%s.%s must be a whole number",
                    o->path, key);
    *out = (size_t)d;
    return 0;
}

static int get_bool(jobj *o, const char *key, int *out)
{
    const cJSON *v = obj_field(o, key, 0);
    if (!v)
        return 0;
    if (!cJSON_IsBool(v))
        return fail(o->ld, o->f, v, NULL, "%s.%s must be true or false", o->path, key);
    *out = cJSON_IsTrue(v);
    return 0;
}

/* An array of strings; each element is handed to fn. */
static int each_string(jobj *o, const char *key, int required,
                       int (*fn)(loader *, const rfile *, const cJSON *, void *), void *ctx)
{
    const cJSON *v = obj_field(o, key, required);
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsArray(v))
        return fail(o->ld, o->f, v, NULL, "%s.%s must be an array of strings", o->path, key);
    for (const cJSON *e = v->child; e; e = e->next) {
        if (!cJSON_IsString(e))
            return fail(o->ld, o->f, e, NULL, "%s.%s: every element must be a string",
                        o->path, key);
        if (fn(o->ld, o->f, e, ctx) != 0)
            return -1;
    }
    return 0;
}

/* ---- patterns ------------------------------------------------------------ */

static int group(const pcre2_code *code, const char *name)
{
    int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}

/* Every compiled pattern is listed once here, so that a rule set that
 * fails half-way frees all it compiled. */
static int keep_code(gy_rules *r, pcre2_code *code)
{
    if (r->ncodes == r->capcodes) {
        size_t cap = r->capcodes ? r->capcodes * 2 : 64;
        pcre2_code **p = realloc(r->codes, cap * sizeof *p);
        if (!p)
            return -1;
        r->codes = p;
        r->capcodes = cap;
    }
    r->codes[r->ncodes++] = code;
    return 0;
}

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
    return at < n && (p[at] == '?' || p[at] == '*' || (p[at] == '{' && at + 1 < n && p[at + 1] == '0'));
}

/* First code points of the alternatives in p[i..end) (one nesting level),
 * each of which must start with a literal, a plain class or a group of
 * such alternatives.  Adds to cps; returns the new count, or 0 on a
 * pattern this cannot read. */
static size_t first_set(const unsigned char *p, size_t i, size_t end, uint32_t *cps, size_t k,
                        size_t max)
{
    for (;;) {
        size_t len, next;
        if (i >= end)
            return 0;
        if (p[i] == '(') {
            size_t close = skip_group(p, end, i), inner = i + 1;
            if (close > end || optional_after(p, end, close))
                return 0;
            if (inner + 1 < close && p[inner] == '?') {
                if (p[inner + 1] == ':')
                    inner += 2;
                else if (p[inner + 1] == '<' && inner + 2 < close && p[inner + 2] != '=' &&
                         p[inner + 2] != '!') {
                    while (inner < close && p[inner] != '>')
                        inner++;
                    inner++;
                } else
                    return 0;
            }
            k = first_set(p, inner, close - 1, cps, k, max);
            if (!k)
                return 0;
            next = close;
        } else if (p[i] == '[') {
            size_t j = i + 1;
            if (j < end && p[j] == '^')
                return 0;
            while (j < end && p[j] != ']') {
                if (p[j] == '\\' || p[j] == '-' || p[j] == '[' || k == max)
                    return 0;
                uint32_t cp = gy_utf8_decode(p + j, end - j, &len);
                if (cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                                   (cp >= 'a' && cp <= 'z')))
                    return 0;
                cps[k++] = cp;
                j += len;
            }
            if (j >= end)
                return 0;
            next = j + 1;
            if (optional_after(p, end, next))
                return 0;
        } else if (p[i] >= 0x80 && k < max) {
            cps[k++] = gy_utf8_decode(p + i, end - i, &len);
            next = i + len;
            if (optional_after(p, end, next))
                return 0;
        } else {
            return 0;
        }
        /* on to the next alternative at this level, if any */
        size_t d = next;
        while (d < end && p[d] != '|') {
            if (p[d] == '\\')
                d += 2;
            else if (p[d] == '(' || p[d] == '[')
                d = skip_group(p, end, d);
            else
                d++;
        }
        if (d >= end)
            return k;
        i = d + 1;
    }
}

/* The code points an anchored pattern must start with, when it says so
 * plainly (see first_set), sorted into cps; 0 when it does not say, and
 * anything may then start a match. */
static size_t literal_first(const char *pat, uint32_t *cps, size_t max)
{
    const unsigned char *p = (const unsigned char *)pat;
    size_t k = first_set(p, 0, strlen(pat), cps, 0, max);
    for (size_t a = 1; a < k; a++)
        for (size_t b = a; b > 0 && cps[b - 1] > cps[b]; b--) {
            uint32_t t = cps[b];
            cps[b] = cps[b - 1];
            cps[b - 1] = t;
        }
    return k;
}

/* Compiles the string value v as the pattern of rule `name`. */
static int compile_at(loader *ld, const rfile *f, const cJSON *v, const char *path,
                      const char *name, int anchored, gy_rx *rx)
{
    if (!cJSON_IsString(v))
        return fail(ld, f, v, NULL, "%s must be a string (a PCRE2 pattern)", path);
    if (!v->valuestring[0])
        return fail(ld, f, v, NULL, "%s: empty pattern", path);
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | (anchored ? PCRE2_ANCHORED : 0u);
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)v->valuestring, PCRE2_ZERO_TERMINATED,
                                     opts, &errcode, &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(errcode, buf, sizeof buf);
        return fail(ld, f, v, "PCRE2 syntax: see pcre2pattern(3)",
                    "%s%s%s%s: error in pattern at offset %zu: %s", path,
                    name ? " ('" : "", name ? name : "", name ? "')" : "", (size_t)erroff,
                    (const char *)buf);
    }
    if (keep_code(ld->r, code) != 0) {
        pcre2_code_free(code);
        return fail(ld, f, v, NULL, "out of memory");
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    uint32_t groups = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    if (groups + 1 > ld->r->max_groups)
        ld->r->max_groups = groups + 1;
    rx->name = name ? name : path;
    rx->source = gy_arena_strndup(&ld->r->arena, v->valuestring, strlen(v->valuestring));
    rx->code = code;
    rx->anchored = anchored;
    first_bytes(code, rx->first);
    if (anchored) {
        uint32_t cps[64];
        size_t k = literal_first(v->valuestring, cps, 64);
        if (k) {
            rx->first_cps = gy_arena_alloc(&ld->r->arena, k * sizeof *cps);
            if (!rx->first_cps)
                return fail(ld, f, v, NULL, "out of memory");
            memcpy(rx->first_cps, cps, k * sizeof *cps);
            rx->nfirst_cps = k;
        }
    }
    rx->g_number = group(code, "number");
    rx->g_title = group(code, "title");
    rx->g_occasion = group(code, "occasion");
    rx->g_speaker = group(code, "speaker");
    rx->g_value = group(code, "value");
    ld->r->count++;
    return 0;
}

static int get_pattern(jobj *o, const char *key, int required, int anchored,
                       const char *name, gy_rx *rx)
{
    const cJSON *v = obj_field(o, key, required);
    if (!v)
        return required ? -1 : 0;
    return compile_at(o->ld, o->f, v, path_join(o->ld, o->path, key, -1), name, anchored,
                      rx);
}

/* ---- lexicons ------------------------------------------------------------ */

static size_t bucket(uint32_t cp) { return (cp * 2654435761u) >> 24 & (GY_LEX_BUCKETS - 1); }

typedef struct word_list {
    gy_word *w;
    size_t n, cap;
} word_list;

static int words_add(gy_arena *a, word_list *wl, const char *s, int tag)
{
    if (wl->n == wl->cap) {
        size_t cap = wl->cap ? wl->cap * 2 : 32;
        gy_word *nw = gy_arena_alloc(a, cap * sizeof *nw);
        if (!nw)
            return -1;
        if (wl->n)
            memcpy(nw, wl->w, wl->n * sizeof *nw);
        wl->w = nw;
        wl->cap = cap;
    }
    size_t len = strlen(s);
    wl->w[wl->n].s = gy_arena_strndup(a, s, len);
    wl->w[wl->n].len = len;
    wl->w[wl->n].tag = tag;
    if (!wl->w[wl->n].s)
        return -1;
    wl->n++;
    return 0;
}

static int longer_first(const void *a, const void *b)
{
    const gy_word *x = a, *y = b;
    return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

/* Builds lookup chains over words (taken over, arena memory). */
static int lexicon_build(gy_arena *a, gy_lexicon *lx, word_list *wl)
{
    memset(lx, 0, sizeof *lx);
    for (size_t b = 0; b < GY_LEX_BUCKETS; b++)
        lx->by_first[b] = lx->by_last[b] = -1;
    if (wl->n == 0)
        return 0;
    qsort(wl->w, wl->n, sizeof *wl->w, longer_first);
    lx->words = wl->w;
    lx->n = wl->n;
    lx->next_first = gy_arena_alloc(a, wl->n * sizeof(int32_t));
    lx->next_last = gy_arena_alloc(a, wl->n * sizeof(int32_t));
    if (!lx->next_first || !lx->next_last)
        return -1;
    /* Insert shortest first so that each chain starts with the longest. */
    for (size_t i = wl->n; i-- > 0;) {
        const gy_word *w = &wl->w[i];
        size_t len;
        uint32_t cf = gy_utf8_at(w->s, 0, w->len, &len), cl = gy_utf8_before(w->s, 0, w->len, &len);
        size_t hf = gy_bloom_bit(cf) & 4095, hl = gy_bloom_bit(cl) & 4095;
        lx->first_bloom[hf >> 6] |= UINT64_C(1) << (hf & 63);
        lx->last_bloom[hl >> 6] |= UINT64_C(1) << (hl & 63);
        size_t bf = bucket(cf);
        size_t bl = bucket(cl);
        lx->next_first[i] = lx->by_first[bf];
        lx->by_first[bf] = (int32_t)i;
        lx->next_last[i] = lx->by_last[bl];
        lx->by_last[bl] = (int32_t)i;
        if (w->len > lx->max_len)
            lx->max_len = w->len;
    }
    return 0;
}

int gy_lex_at(const gy_lexicon *lx, const char *s, size_t pos, size_t end)
{
    if (!lx->n || pos >= end)
        return -1;
    size_t len;
    uint32_t cp = gy_utf8_at(s, pos, end, &len);
    if (!gy_lex_may_start(lx, cp))
        return -1;
    for (int32_t i = lx->by_first[bucket(cp)]; i >= 0; i = lx->next_first[i]) {
        const gy_word *w = &lx->words[i];
        if (w->len <= end - pos && memcmp(s + pos, w->s, w->len) == 0)
            return i;
    }
    return -1;
}

int gy_lex_ending_at(const gy_lexicon *lx, const char *s, size_t start, size_t pos)
{
    if (!lx->n || pos <= start)
        return -1;
    size_t len;
    uint32_t cp = gy_utf8_before(s, start, pos, &len);
    if (!gy_lex_may_end(lx, cp))
        return -1;
    for (int32_t i = lx->by_last[bucket(cp)]; i >= 0; i = lx->next_last[i]) {
        const gy_word *w = &lx->words[i];
        if (w->len <= pos - start && memcmp(s + pos - w->len, w->s, w->len) == 0)
            return i;
    }
    return -1;
}

int gy_lex_last_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                   size_t *where)
{
    size_t pos = end;
    while (pos > start) {
        int i = gy_lex_ending_at(lx, s, start, pos);
        if (i >= 0) {
            if (where)
                *where = pos - lx->words[i].len;
            return i;
        }
        pos = gy_utf8_back(s, start, pos);
    }
    return -1;
}

int gy_lex_first_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                    size_t *where)
{
    size_t pos = start;
    while (pos < end) {
        int i = gy_lex_at(lx, s, pos, end);
        if (i >= 0) {
            if (where)
                *where = pos;
            return i;
        }
        pos++;
        while (pos < end && ((unsigned char)s[pos] & 0xC0) == 0x80)
            pos++;
    }
    return -1;
}

typedef struct lex_ctx {
    gy_rules *r;
    word_list *wl;
    int tag;
    const char *path;
} lex_ctx;

static int add_word(loader *ld, const rfile *f, const cJSON *e, void *vctx)
{
    lex_ctx *c = vctx;
    if (!e->valuestring[0])
        return fail(ld, f, e, NULL, "%s: empty word", c->path);
    if (words_add(&c->r->arena, c->wl, e->valuestring, c->tag) != 0)
        return fail(ld, f, e, NULL, "out of memory");
    c->r->count++;
    return 0;
}

/* Adds the strings of array field key to wl with tag. */
static int get_words(jobj *o, const char *key, int required, word_list *wl, int tag)
{
    lex_ctx c = {o->ld->r, wl, tag, path_join(o->ld, o->path, key, -1)};
    return each_string(o, key, required, add_word, &c);
}

static int get_lexicon(jobj *o, const char *key, int required, gy_lexicon *lx)
{
    word_list wl = {NULL, 0, 0};
    if (get_words(o, key, required, &wl, 0) != 0)
        return -1;
    if (lexicon_build(&o->ld->r->arena, lx, &wl) != 0)
        return fail(o->ld, o->f, o->node, NULL, "out of memory");
    return 0;
}

/* ---- arrays of objects ---------------------------------------------------- */

typedef int (*elem_fn)(loader *ld, const rfile *f, const cJSON *e, const char *path,
                       size_t index, void *out, void *ctx);

/* Loads array field key into a new arena array of n elements of size elem. */
static int get_array(jobj *o, const char *key, int required, size_t elem, elem_fn fn,
                     void *ctx, void **items, size_t *n)
{
    const cJSON *v = obj_field(o, key, required);
    *items = NULL;
    *n = 0;
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsArray(v))
        return fail(o->ld, o->f, v, NULL, "%s.%s must be an array", o->path, key);
    size_t count = (size_t)cJSON_GetArraySize(v);
    if (count == 0)
        return 0;
    char *arr = gy_arena_alloc(&o->ld->r->arena, count * elem);
    if (!arr)
        return fail(o->ld, o->f, v, NULL, "out of memory");
    size_t i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++)
        if (fn(o->ld, o->f, e, path_join(o->ld, o->path, key, (long)i), i, arr + i * elem,
               ctx) != 0)
            return -1;
    *items = arr;
    *n = count;
    return 0;
}

static int skip_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                     size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    return compile_at(ld, f, e, path, NULL, 1, out);
}

/* ---- concerns ------------------------------------------------------------ */

static int load_markup(loader *ld, const rfile *f, const cJSON *node)
{
    jobj o;
    if (obj_open(ld, f, node, "markup", &o) != 0)
        return -1;
    void *items;
    if (get_array(&o, "skip", 1, sizeof(gy_rx), skip_elem, NULL, &items, &ld->r->nskip) != 0)
        return -1;
    ld->r->skip = items;
    return obj_close(&o);
}

static int parse_then(loader *ld, const rfile *f, jobj *o, enum gy_then *then)
{
    const char *s = NULL;
    *then = GY_THEN_LINE;
    if (get_string(o, "then", 0, &s) != 0)
        return -1;
    if (!s || strcmp(s, "line") == 0)
        return 0;
    if (strcmp(s, "next") == 0)
        *then = GY_THEN_NEXT;
    else if (strcmp(s, "rest") == 0)
        *then = GY_THEN_REST;
    else
        return fail(ld, f, cJSON_GetObjectItemCaseSensitive(o->node, "then"), NULL,
                    "%s.then must be \"line\", \"next\" or \"rest\"", o->path);
    return 0;
}

static int noise_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                      size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_noise_rule *nr = out;
    jobj o;
    const char *name = NULL;
    if (obj_open(ld, f, e, path, &o) != 0 || get_string(&o, "name", 1, &name) != 0 ||
        get_pattern(&o, "pattern", 1, 0, name, &nr->rx) != 0 ||
        parse_then(ld, f, &o, &nr->then) != 0)
        return -1;
    return obj_close(&o);
}

static int load_noise(loader *ld, const rfile *f, const cJSON *node)
{
    gy_rules *r = ld->r;
    jobj o;
    void *items;
    r->noise_max_chars = 120;
    r->tail_share = 0.5;
    r->dup_min_chars = 30;
    r->echo_max_chars = 12;
    if (obj_open(ld, f, node, "noise", &o) != 0 ||
        get_size(&o, "max_chars", 1, 100000, &r->noise_max_chars) != 0 ||
        get_number(&o, "tail_share", 0.0, 1.0, &r->tail_share) != 0 ||
        get_size(&o, "duplicate_min_chars", 1, 100000, &r->dup_min_chars) != 0 ||
        get_size(&o, "echo_max_chars", 0, 1000, &r->echo_max_chars) != 0 ||
        get_bool(&o, "filler_lines", &r->filler_lines) != 0 ||
        get_array(&o, "lines", 1, sizeof(gy_noise_rule), noise_elem, NULL, &items, &r->nnoise) != 0)
        return -1;
    r->noise = items;
    return obj_close(&o);
}

static int title_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                      size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_rx *rx = out;
    jobj o;
    const char *name = NULL;
    if (obj_open(ld, f, e, path, &o) != 0 || get_string(&o, "name", 1, &name) != 0 ||
        get_pattern(&o, "pattern", 1, 0, name, rx) != 0)
        return -1;
    if (rx->g_title < 0)
        return fail(ld, f, e, NULL, "%s ('%s'): the pattern needs a group (?<title>...)",
                    path, name);
    return obj_close(&o);
}

static int load_title(loader *ld, const rfile *f, const cJSON *node)
{
    gy_rules *r = ld->r;
    jobj o;
    void *items;
    r->head_lines = 12;
    r->title_min_chars = 2;
    r->title_max_chars = 60;
    if (obj_open(ld, f, node, "title", &o) != 0 ||
        get_size(&o, "head_lines", 1, 1000, &r->head_lines) != 0 ||
        get_size(&o, "min_chars", 1, 1000, &r->title_min_chars) != 0 ||
        get_size(&o, "max_chars", 1, 1000, &r->title_max_chars) != 0 ||
        get_pattern(&o, "salutation", 1, 0, "salutation", &r->salutation) != 0 ||
        get_array(&o, "lines", 1, sizeof(gy_rx), title_elem, NULL, &items, &r->ntitle_lines) != 0 ||
        get_pattern(&o, "occasion", 1, 0, "occasion", &r->occasion) != 0 ||
        get_pattern(&o, "occasion_continued", 0, 0, "occasion_continued",
                    &r->occasion_continued) != 0 ||
        get_pattern(&o, "speaker", 1, 0, "speaker", &r->speaker) != 0 ||
        get_pattern(&o, "name", 0, 0, "name", &r->speaker_name) != 0)
        return -1;
    r->title_lines = items;
    if (r->speaker.g_speaker < 0)
        return fail(ld, f, node, NULL, "title.speaker needs a group (?<speaker>...)");
    return obj_close(&o);
}

static int marker_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                       size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_section_marker *m = out;
    jobj o;
    const char *name = NULL;
    double rank = 0;
    if (obj_open(ld, f, e, path, &o) != 0 || get_string(&o, "name", 1, &name) != 0 ||
        get_pattern(&o, "pattern", 1, 1, name, &m->rx) != 0 ||
        !obj_field(&o, "rank", 1) || get_number(&o, "rank", 0, 100, &rank) != 0)
        return -1;
    m->rank = (int)rank;
    return obj_close(&o);
}

static int load_sections(loader *ld, const rfile *f, const cJSON *node)
{
    gy_rules *r = ld->r;
    jobj o, c, roles;
    void *items;
    if (obj_open(ld, f, node, "sections", &o) != 0 ||
        get_array(&o, "markers", 1, sizeof(gy_section_marker), marker_elem, NULL, &items,
                  &r->nmarkers) != 0)
        return -1;
    r->markers = items;
    const cJSON *cn = obj_field(&o, "closing", 1);
    const char *name = "closing";
    if (!cn || obj_open(ld, f, cn, "sections.closing", &c) != 0 ||
        get_string(&c, "name", 0, &name) != 0 ||
        get_pattern(&c, "pattern", 1, 1, name, &r->closing) != 0 || obj_close(&c) != 0)
        return -1;
    const cJSON *rn = obj_field(&o, "roles", 1);
    if (!rn || obj_open(ld, f, rn, "sections.roles", &roles) != 0 ||
        get_pattern(&roles, "review", 1, 0, "review", &r->role_review) != 0 ||
        get_pattern(&roles, "plan", 1, 0, "plan", &r->role_plan) != 0 || obj_close(&roles) != 0)
        return -1;
    return obj_close(&o);
}

static int task_marker_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                            size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_task_marker *m = out;
    jobj o;
    const char *name = NULL;
    if (obj_open(ld, f, e, path, &o) != 0 || get_string(&o, "name", 1, &name) != 0 ||
        get_string(&o, "family", 1, &m->family) != 0 ||
        get_pattern(&o, "pattern", 1, 1, name, &m->rx) != 0 ||
        get_bool(&o, "directive", &m->directive) != 0)
        return -1;
    if (m->rx.g_number < 0)
        return fail(ld, f, e, NULL, "%s ('%s'): the pattern needs a group (?<number>...)",
                    path, name);
    return obj_close(&o);
}

static int deadline_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                         size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    return compile_at(ld, f, e, path, "deadline", 0, out);
}

/* One lexicon for both lists, tagged GY_CUE_FACT (describes) or
 * GY_CUE_TARGET (asks for action); neutral words block shorter matches. */
static int load_intro_cues(jobj *o, gy_lexicon *lx)
{
    word_list wl = {NULL, 0, 0};
    if (get_words(o, "intro_descriptive", 1, &wl, GY_CUE_FACT) != 0 ||
        get_words(o, "intro_directive", 1, &wl, GY_CUE_TARGET) != 0 ||
        get_words(o, "neutral", 0, &wl, GY_CUE_NEUTRAL) != 0)
        return -1;
    if (lexicon_build(&o->ld->r->arena, lx, &wl) != 0)
        return fail(o->ld, o->f, o->node, NULL, "out of memory");
    return 0;
}

static int load_tasks(loader *ld, const rfile *f, const cJSON *node)
{
    gy_rules *r = ld->r;
    jobj o, d, dl, an;
    void *items;
    if (obj_open(ld, f, node, "tasks", &o) != 0 ||
        get_lexicon(&o, "after", 1, &r->clause_after) != 0)
        return -1;
    const cJSON *ann = obj_field(&o, "announce", 1);
    if (!ann || obj_open(ld, f, ann, "tasks.announce", &an) != 0 ||
        get_lexicon(&an, "counters", 1, &r->announce_counters) != 0 || obj_close(&an) != 0)
        return -1;
    if (get_array(&o, "markers", 1, sizeof(gy_task_marker), task_marker_elem, NULL, &items,
                  &r->ntask_markers) != 0)
        return -1;
    r->task_markers = items;
    const cJSON *dn = obj_field(&o, "directive", 1);
    if (!dn || obj_open(ld, f, dn, "tasks.directive", &d) != 0 ||
        get_lexicon(&d, "text_starts", 1, &r->text_starts) != 0 ||
        get_lexicon(&d, "text_starts_not", 0, &r->text_starts_not) != 0 ||
        load_intro_cues(&d, &r->intro_cues) != 0 || obj_close(&d) != 0)
        return -1;
    const cJSON *dln = obj_field(&o, "deadline", 1);
    if (!dln || obj_open(ld, f, dln, "tasks.deadline", &dl) != 0 ||
        get_array(&dl, "patterns", 1, sizeof(gy_rx), deadline_elem, NULL, &items, &r->ndeadlines) != 0 ||
        obj_close(&dl) != 0)
        return -1;
    r->deadlines = items;
    return obj_close(&o);
}

typedef struct unit_ctx {
    word_list words;
} unit_ctx;

static int unit_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                     size_t index, void *out, void *ctx)
{
    gy_unit *u = out;
    unit_ctx *uc = ctx;
    jobj o;
    if (obj_open(ld, f, e, path, &o) != 0)
        return -1;
    const cJSON *un = obj_field(&o, "unit", 1);
    if (!un)
        return -1;
    if (cJSON_IsNull(un))
        u->unit = NULL;
    else if (get_string(&o, "unit", 1, &u->unit) != 0)
        return -1;
    u->scale = 1.0;
    int counter = 0;
    const char *numerals = NULL;
    if (get_number(&o, "scale", 1e-12, 1e12, &u->scale) != 0 ||
        get_bool(&o, "more", &u->more) != 0 || get_bool(&o, "counter", &counter) != 0 ||
        get_bool(&o, "duration", &u->duration) != 0 ||
        get_string(&o, "numerals", 0, &numerals) != 0)
        return -1;
    u->measure = !counter;
    if (numerals && strcmp(numerals, "arabic") == 0)
        u->numerals = 1;
    else if (numerals && strcmp(numerals, "chinese") == 0)
        u->numerals = 2;
    else if (numerals && strcmp(numerals, "any") != 0)
        return fail(ld, f, obj_field(&o, "numerals", 0), NULL,
                    "%s.numerals must be \"any\", \"arabic\" or \"chinese\"", path);
    lex_ctx c = {ld->r, &uc->words, (int)index, path_join(ld, path, "words", -1)};
    if (each_string(&o, "words", 1, add_word, &c) != 0)
        return -1;
    return obj_close(&o);
}

static int op_code(const char *s)
{
    for (int i = 0; i < GY_OP_COUNT; i++)
        if (strcmp(s, gy_op_names[i]) == 0)
            return i;
    return -1;
}

typedef struct op_lists {
    word_list before, after, clause;
} op_lists;

static int op_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                   size_t index, void *out, void *ctx)
{
    (void)index;
    (void)out;
    op_lists *ol = ctx;
    jobj o;
    const char *op = NULL;
    if (obj_open(ld, f, e, path, &o) != 0 || get_string(&o, "op", 1, &op) != 0)
        return -1;
    int code = op_code(op);
    if (code < 0)
        return fail(ld, f, obj_field(&o, "op", 1), NULL,
                    "%s.op must be one of =, >=, >, <=, <, ~", path);
    if (get_words(&o, "before", 0, &ol->before, code) != 0 ||
        get_words(&o, "after", 0, &ol->after, code) != 0 ||
        get_words(&o, "clause", 0, &ol->clause, code) != 0)
        return -1;
    return obj_close(&o);
}

static int load_targets(loader *ld, const rfile *f, const cJSON *node)
{
    gy_rules *r = ld->r;
    gy_arena *a = &r->arena;
    jobj o, k;
    void *items;
    unit_ctx uc;
    op_lists ol;
    memset(&uc, 0, sizeof uc);
    memset(&ol, 0, sizeof ol);
    r->quote_max_chars = 12;
    r->cn_min_value = 2;
    if (obj_open(ld, f, node, "targets", &o) != 0)
        return -1;
    int st = get_array(&o, "units", 1, sizeof(gy_unit), unit_elem, &uc, &items, &r->nunits);
    r->units = items;
    if (st != 0 || lexicon_build(a, &r->unit_words, &uc.words) != 0)
        return st != 0 ? -1 : fail(ld, f, node, NULL, "out of memory");
    size_t nops;
    if (get_array(&o, "ops", 1, 1, op_elem, &ol, &items, &nops) != 0)
        return -1;
    if (lexicon_build(a, &r->op_before, &ol.before) != 0 ||
        lexicon_build(a, &r->op_after, &ol.after) != 0 ||
        lexicon_build(a, &r->op_clause, &ol.clause) != 0)
        return fail(ld, f, node, NULL, "out of memory");
    if (get_lexicon(&o, "more", 1, &r->more_words) != 0 ||
        get_lexicon(&o, "ordinal_before", 1, &r->ordinal_before) != 0 ||
        get_lexicon(&o, "amount_before", 0, &r->amount_before) != 0 ||
        get_lexicon(&o, "range_joiners", 1, &r->range_joiners) != 0 ||
        get_lexicon(&o, "not_quantities", 1, &r->not_quantities) != 0 ||
        get_size(&o, "quote_max_chars", 0, 1000, &r->quote_max_chars) != 0 ||
        get_size(&o, "chinese_min_value", 0, 1000000, &r->cn_min_value) != 0)
        return -1;
    const cJSON *kn = obj_field(&o, "kinds", 1);
    word_list cues = {NULL, 0, 0};
    if (!kn || obj_open(ld, f, kn, "targets.kinds", &k) != 0 ||
        get_words(&k, "target", 1, &cues, GY_CUE_TARGET) != 0 ||
        get_words(&k, "fact", 1, &cues, GY_CUE_FACT) != 0 ||
        get_words(&k, "neutral", 0, &cues, GY_CUE_NEUTRAL) != 0 || obj_close(&k) != 0)
        return -1;
    if (lexicon_build(a, &r->kind_cues, &cues) != 0)
        return fail(ld, f, node, NULL, "out of memory");
    return obj_close(&o);
}

static int time_kind(const char *s)
{
    for (int i = 0; i < GY_TIME_KIND_COUNT; i++)
        if (strcmp(s, gy_time_kind_names[i]) == 0)
            return i;
    return -1;
}

static int time_elem(loader *ld, const rfile *f, const cJSON *e, const char *path,
                     size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_time_rule *t = out;
    jobj o;
    const char *name = NULL, *kind = NULL;
    if (obj_open(ld, f, e, path, &o) != 0 || get_string(&o, "name", 1, &name) != 0 ||
        get_string(&o, "kind", 1, &kind) != 0 ||
        get_pattern(&o, "pattern", 1, 1, name, &t->rx) != 0)
        return -1;
    int k = time_kind(kind);
    if (k < 0)
        return fail(ld, f, obj_field(&o, "kind", 1), NULL,
                    "%s.kind must be one of date, range, deadline, period, frequency", path);
    t->kind = (enum gy_time_kind)k;
    return obj_close(&o);
}

static int load_times(loader *ld, const rfile *f, const cJSON *node)
{
    gy_rules *r = ld->r;
    jobj o;
    void *items;
    if (obj_open(ld, f, node, "times", &o) != 0 ||
        get_array(&o, "patterns", 1, sizeof(gy_time_rule), time_elem, NULL, &items, &r->ntimes) != 0 ||
        get_lexicon(&o, "triggers", 1, &r->time_triggers) != 0 ||
        get_lexicon(&o, "after_number", 0, &r->time_after_number) != 0)
        return -1;
    r->times = items;
    return obj_close(&o);
}

typedef struct concern {
    const char *name;
    int (*load)(loader *, const rfile *, const cJSON *);
} concern;

static const concern concerns[] = {
    {"markup", load_markup},       {"noise", load_noise},   {"title", load_title},
    {"sections", load_sections},   {"tasks", load_tasks},   {"targets", load_targets},
    {"times", load_times},
};
#define NCONCERNS (sizeof concerns / sizeof concerns[0])

/* ---- files --------------------------------------------------------------- */

static int parse_file(loader *ld, rfile *f)
{
    const char *end = NULL;
    f->root = cJSON_ParseWithLengthOpts(f->text, f->len, &end, 0);
    if (!f->root) {
        size_t off = end && end >= f->text ? (size_t)(end - f->text) : 0;
        long line, col;
        position_of(f, off, &line, &col);
        ld->failed = 1;
        gy_error_set(ld->err, GY_E_RULES, f->name, line, col, (long)off,
                     "rule files are JSON; check for a missing comma, quote or brace "
                     "just before this place",
                     "invalid JSON");
        return -1;
    }
    if (!cJSON_IsObject(f->root))
        return fail(ld, f, NULL, NULL, "a rule file must hold one JSON object");
    if (!locate_value(&f->loc, f->text, f->text, f->text + f->len, f->root, NULL))
        return fail(ld, f, NULL, NULL, "out of memory");
    return 0;
}

static void file_free(rfile *f)
{
    cJSON_Delete(f->root);
    free(f->loc.nodes);
    free(f->loc.offsets);
}

void gy_rules_free(gy_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ncodes; i++)
        pcre2_code_free(r->codes[i]);
    free(r->codes);
    pcre2_match_context_free(r->mctx);
    gy_arena_free(&r->arena);
    free(r);
}

/* Loads the concerns of files[0..n) into a new rule set; every concern must
 * be given by exactly one file. */
static gy_rules *load_files(rfile *files, size_t n, gy_error *err)
{
    gy_rules *r = calloc(1, sizeof *r);
    if (!r) {
        gy_error_oom(err, n ? files[0].name : NULL);
        return NULL;
    }
    gy_arena_init(&r->arena);
    loader ld = {r, err, 0};
    r->mctx = pcre2_match_context_create(NULL);
    if (!r->mctx) {
        gy_error_oom(err, n ? files[0].name : NULL);
        gy_rules_free(r);
        return NULL;
    }
    pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
    r->max_groups = 1;
    const rfile *src[NCONCERNS] = {0};
    const cJSON *node[NCONCERNS] = {0};
    for (size_t i = 0; i < n && !ld.failed; i++) {
        if (parse_file(&ld, &files[i]) != 0)
            break;
        for (const cJSON *c = files[i].root->child; c && !ld.failed; c = c->next) {
            size_t k;
            for (k = 0; k < NCONCERNS; k++)
                if (strcmp(concerns[k].name, c->string) == 0)
                    break;
            if (k == NCONCERNS)
                fail(&ld, &files[i], c,
                     "'gangyao rules --dump' prints the built-in rules to start from",
                     "unknown concern '%s' (known: markup, noise, title, sections, tasks, "
                     "targets, times)",
                     c->string);
            else if (node[k])
                fail(&ld, &files[i], c, NULL, "concern '%s' is already given in %s",
                     c->string, src[k]->name);
            else {
                node[k] = c;
                src[k] = &files[i];
            }
        }
    }
    for (size_t k = 0; k < NCONCERNS && !ld.failed; k++) {
        if (!node[k]) {
            fail(&ld, &files[n ? n - 1 : 0], NULL,
                 "a rule set replaces the built-in one as a whole; 'gangyao rules --dump' "
                 "prints it to start from",
                 "the rule set has no '%s' concern", concerns[k].name);
            break;
        }
        concerns[k].load(&ld, src[k], node[k]);
    }
    if (ld.failed) {
        gy_rules_free(r);
        return NULL;
    }
    return r;
}

static int read_file(const char *path, rfile *f, gy_error *err)
{
    memset(f, 0, sizeof *f);
    f->name = path;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        int e = errno;
        gy_error_set(err, GY_E_RULES, path, 0, 0, -1,
                     e == ENOENT ? "check the path given to --rules" : "",
                     "cannot read rule file: %s", strerror(e));
        return -1;
    }
    char *buf = NULL;
    size_t len = 0;
    int e = gy_read_fd(fd, &buf, &len);
    close(fd);
    if (e == ENOMEM) {
        gy_error_oom(err, path);
        return -1;
    }
    if (e) {
        gy_error_set(err, GY_E_RULES, path, 0, 0, -1, "", "cannot read rule file: %s",
                     strerror(e));
        return -1;
    }
    buf[len] = '\0';
    if (gy_utf8_valid_prefix((const unsigned char *)buf, len) != len) {
        size_t at = gy_utf8_valid_prefix((const unsigned char *)buf, len);
        f->text = buf;
        f->len = len;
        long line, col;
        position_of(f, at, &line, &col);
        free(buf);
        gy_error_set(err, GY_E_RULES, path, line, col, (long)at, "save the file as UTF-8",
                     "rule file is not valid UTF-8");
        return -1;
    }
    f->text = buf;
    f->len = len;
    return 0;
}

gy_rules *gy_rules_load(const char *const *paths, size_t n, gy_error *err)
{
    if (n == 0)
        return gy_rules_builtin(err);
    rfile *files = calloc(n, sizeof *files);
    if (!files) {
        gy_error_oom(err, paths[0]);
        return NULL;
    }
    gy_rules *r = NULL;
    size_t loaded = 0;
    for (; loaded < n; loaded++)
        if (read_file(paths[loaded], &files[loaded], err) != 0)
            break;
    if (loaded == n)
        r = load_files(files, n, err);
    for (size_t i = 0; i < loaded; i++) {
        file_free(&files[i]);
        free((char *)files[i].text);
    }
    free(files);
    return r;
}

gy_rules *gy_rules_parse(const char *name, const char *json, size_t len, gy_error *err)
{
    rfile f;
    memset(&f, 0, sizeof f);
    f.name = name ? name : "<rules>";
    f.text = json;
    f.len = len;
    gy_rules *r = load_files(&f, 1, err);
    file_free(&f);
    return r;
}

gy_rules *gy_rules_builtin(gy_error *err)
{
    size_t n = 0;
    while (gy_builtin_rule_files[n].name)
        n++;
    rfile *files = calloc(n ? n : 1, sizeof *files);
    if (!files) {
        gy_error_oom(err, "<built-in rules>");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        files[i].name = gy_builtin_rule_files[i].name;
        files[i].text = gy_builtin_rule_files[i].data;
        files[i].len = gy_builtin_rule_files[i].len;
    }
    gy_rules *r = load_files(files, n, err);
    for (size_t i = 0; i < n; i++)
        file_free(&files[i]);
    free(files);
    return r;
}

size_t gy_rules_count(const gy_rules *r) { return r->count; }

int gy_rules_dump_builtin(FILE *out)
{
    cJSON *all = cJSON_CreateObject();
    if (!all)
        return -1;
    for (size_t i = 0; gy_builtin_rule_files[i].name; i++) {
        cJSON *root = cJSON_ParseWithLength(gy_builtin_rule_files[i].data,
                                            gy_builtin_rule_files[i].len);
        if (!root) {
            cJSON_Delete(all);
            return -1;
        }
        while (root->child) {
            cJSON *c = cJSON_DetachItemViaPointer(root, root->child);
            cJSON_AddItemToObject(all, c->string, c);
        }
        cJSON_Delete(root);
    }
    char *s = cJSON_Print(all);
    cJSON_Delete(all);
    if (!s)
        return -1;
    fputs(s, out);
    fputc('\n', out);
    cJSON_free(s);
    return ferror(out) ? -1 : 0;
}

int gy_rx_match(const gy_rules *r, const gy_rx *rx, const char *subject, size_t len,
                size_t start, pcre2_match_data *md)
{
    if (rx->anchored && start < len) {
        unsigned b = (unsigned char)subject[start];
        if (!(rx->first[b / 8] >> (b % 8) & 1))
            return 0;
        if (rx->nfirst_cps) {
            size_t k;
            uint32_t cp = gy_utf8_decode((const unsigned char *)subject + start, len - start, &k);
            size_t lo = 0, hi = rx->nfirst_cps;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (rx->first_cps[mid] < cp)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo == rx->nfirst_cps || rx->first_cps[lo] != cp)
                return 0;
        }
    }
    int rc = pcre2_match(rx->code, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, md,
                         r->mctx);
    return rc > 0 ? rc : 0;
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
