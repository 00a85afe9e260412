/* Reading rule files (see rules_json.h). */
#include "rules_json.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "utf8.h"

/* ---- where a JSON value stands in its file ----------------------------- */

/* A small scanner walks the (already valid) text in the same pre-order as
 * the tree and records where each value, or for an object member its key,
 * begins. */

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

static int locate_push(gy_locator *l, const cJSON *node, size_t off)
{
    gy_place *p = gy_push(NULL, &l->places, &l->n, &l->cap, sizeof *p);
    if (!p)
        return -1;
    p->node = node;
    p->offset = off;
    return 0;
}

static const char *locate_value(gy_locator *l, const char *base, const char *p,
                                const char *end, const cJSON *node, const char *at);

/* The members or elements of the container at p ('{' or '['). */
static const char *locate_children(gy_locator *l, const char *base, const char *p,
                                   const char *end, const cJSON *node)
{
    int object = *p == '{';
    p++;
    for (const cJSON *c = node->child; c; c = c->next) {
        p = skip_ws(p, end);
        if (p < end && *p == ',')
            p = skip_ws(p + 1, end);
        const char *key = NULL;
        if (object) {
            key = p;
            p = skip_ws(skip_string(p, end), end);
            if (p < end && *p == ':')
                p++;
        }
        p = locate_value(l, base, p, end, c, key);
        if (!p)
            return NULL;
    }
    p = skip_ws(p, end);
    return p < end ? p + 1 : p;
}

/* Scans the value at p that cJSON parsed as node; records it at `at`. */
static const char *locate_value(gy_locator *l, const char *base, const char *p,
                                const char *end, const cJSON *node, const char *at)
{
    p = skip_ws(p, end);
    if (locate_push(l, node, (size_t)((at ? at : p) - base)) != 0)
        return NULL;
    if (p >= end)
        return p;
    if (*p == '{' || *p == '[')
        return locate_children(l, base, p, end, node);
    if (*p == '"')
        return skip_string(p, end);
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' &&
           *p != '\r' && *p != '\t')
        p++;
    return p;
}

/* Where node stands in the file's text (0 when that cannot be told). */
static size_t offset_of(const gy_rfile *f, const cJSON *node)
{
    gy_locator *l = f->loc;
    if (!l)
        return 0;
    if (!l->done) {
        l->done = 1;
        if (!locate_value(l, f->text, f->text, f->text + f->len, f->root, NULL))
            return 0;
    }
    for (size_t i = 0; i < l->n; i++)
        if (l->places[i].node == node)
            return l->places[i].offset;
    return 0;
}

int gy_rj_fail(gy_loader *ld, const gy_rfile *f, const cJSON *node, const char *hint,
               const char *fmt, ...)
{
    if (ld->failed)
        return -1;
    ld->failed = 1;
    long line = 0, col = 0;
    size_t off = 0;
    if (node) {
        off = offset_of(f, node);
        gy_utf8_locate(f->text, off, &line, &col);
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

#define GY_STR_(x) #x
#define GY_STR(x) GY_STR_(x)

static int parse_error(gy_loader *ld, const gy_rfile *f, size_t off, const char *hint,
                       const char *what)
{
    long line, col;
    gy_utf8_locate(f->text, off, &line, &col);
    ld->failed = 1;
    gy_error_set(ld->err, GY_E_RULES, f->name, line, col, (long)off, hint, "%s", what);
    return -1;
}

/* How many objects and arrays are open at text[off], strings passed over:
 * cJSON says only that the text is invalid where it stops nesting. */
static size_t nesting_at(const char *text, size_t off)
{
    size_t depth = 0;
    int in_string = 0;
    for (size_t i = 0; i < off; i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && depth) {
            depth--;
        }
    }
    return depth;
}

int gy_rfile_parse(gy_loader *ld, gy_rfile *f)
{
    const char *end = NULL;
    f->root = cJSON_ParseWithLengthOpts(f->text, f->len, &end, 0);
    size_t off = end && end >= f->text ? (size_t)(end - f->text) : 0;
    if (f->root) {
        while (off < f->len && strchr(" \t\r\n", f->text[off]))
            off++;
        if (off < f->len) {
            cJSON_Delete(f->root);
            f->root = NULL;
            return parse_error(ld, f, off, "a rule file holds one JSON object and nothing after "
                               "it; remove what follows its closing brace",
                               "text after the closing brace of the rule file");
        }
    }
    if (!f->root) {
        if (nesting_at(f->text, off) >= CJSON_NESTING_LIMIT)
            return parse_error(ld, f, off, "rule files nest objects and arrays a few levels deep",
                               "nesting deeper than the limit of " GY_STR(CJSON_NESTING_LIMIT)
                               " objects and arrays");
        return parse_error(ld, f, off,
                           "rule files are JSON; check for a missing comma, quote or brace "
                           "just before this place",
                           "invalid JSON");
    }
    if (!cJSON_IsObject(f->root))
        return gy_rj_fail(ld, f, NULL, NULL, "a rule file must hold one JSON object");
    f->loc = calloc(1, sizeof *f->loc);
    if (!f->loc)
        return gy_rj_fail(ld, f, NULL, NULL, "out of memory");
    return 0;
}

void gy_rfile_free(gy_rfile *f)
{
    cJSON_Delete(f->root);
    if (f->loc)
        free(f->loc->places);
    free(f->loc);
    f->root = NULL;
    f->loc = NULL;
}

/* ---- reading objects field by field ---------------------------------------- */

int gy_rj_open(gy_loader *ld, const gy_rfile *f, const cJSON *node, const char *path,
               gy_jobj *o)
{
    memset(o, 0, sizeof *o);
    o->ld = ld;
    o->f = f;
    o->node = node;
    o->path = path;
    if (!cJSON_IsObject(node))
        return gy_rj_fail(ld, f, node, NULL, "%s must be an object", path);
    for (const cJSON *a = node->child; a; a = a->next)
        for (const cJSON *b = a->next; b; b = b->next)
            if (strcmp(a->string, b->string) == 0)
                return gy_rj_fail(ld, f, b, NULL, "%s: field '%s' is given twice", path,
                                  b->string);
    return 0;
}

const cJSON *gy_rj_field(gy_jobj *o, const char *key, int required)
{
    if (o->nused < GY_RJ_MAX_FIELDS)
        o->used[o->nused++] = key;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o->node, key);
    if (!v && required)
        gy_rj_fail(o->ld, o->f, o->node,
                   "'gangyao rules --dump' prints the built-in rules with every field",
                   "%s: missing field '%s'", o->path, key);
    return v;
}

int gy_rj_open_member(gy_jobj *o, const char *key, gy_jobj *member)
{
    const cJSON *v = gy_rj_field(o, key, 1);
    if (!v)
        return -1;
    return gy_rj_open(o->ld, o->f, v, gy_rj_path(o->ld, o->path, key, -1), member);
}

/* Reports the first field that no reader asked for.  "about" is a comment. */
int gy_rj_index(gy_jobj *o, const char *key, const gy_rx *first, size_t stride, size_t n,
                gy_rxindex *ix)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o->node, key);
    if (n > GY_RXINDEX_MAX)
        return gy_rj_fail(o->ld, o->f, v, "merge patterns that share their start into one",
                          "%s.%s has %zu patterns; at most %d are allowed", o->path, key, n,
                          (int)GY_RXINDEX_MAX);
    if (gy_rxindex_build(ix, first, stride, n, &o->ld->r->arena) != 0)
        return gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
    return 0;
}

int gy_rj_close(gy_jobj *o)
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
            return gy_rj_fail(o->ld, o->f, c, NULL, "%s: unknown field '%s' (known: %s)",
                              o->path, c->string, known);
        }
    }
    return 0;
}

char *gy_rj_path(gy_loader *ld, const char *path, const char *key, long index)
{
    return index >= 0 ? gy_arena_printf(&ld->r->arena, "%s.%s[%ld]", path, key, index)
                      : gy_arena_printf(&ld->r->arena, "%s.%s", path, key);
}

int gy_rj_string(gy_jobj *o, const char *key, int required, const char **out)
{
    const cJSON *v = gy_rj_field(o, key, required);
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsString(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be a string", o->path, key);
    *out = gy_arena_strndup(&o->ld->r->arena, v->valuestring, strlen(v->valuestring));
    return *out ? 0 : gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
}

int gy_rj_number(gy_jobj *o, const char *key, int required, double lo, double hi, double *out)
{
    const cJSON *v = gy_rj_field(o, key, required);
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo && v->valuedouble <= hi))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be a number from %g to %g",
                          o->path, key, lo, hi);
    *out = v->valuedouble;
    return 0;
}

int gy_rj_size(gy_jobj *o, const char *key, int required, size_t lo, size_t hi, size_t *out)
{
    double d = (double)*out;
    if (gy_rj_number(o, key, required, (double)lo, (double)hi, &d) != 0)
        return -1;
    if (d != floor(d))
        return gy_rj_fail(o->ld, o->f, gy_rj_field(o, key, 0), NULL,
                          "%s.%s must be a whole number", o->path, key);
    *out = (size_t)d;
    return 0;
}

int gy_rj_ordered(gy_jobj *o, const char *lo_key, size_t lo, const char *hi_key, size_t hi)
{
    if (lo <= hi)
        return 0;
    return gy_rj_fail(o->ld, o->f, gy_rj_field(o, lo_key, 0), NULL,
                      "%s.%s (%zu) is greater than %s.%s (%zu): the range holds nothing",
                      o->path, lo_key, lo, o->path, hi_key, hi);
}

int gy_rj_bool(gy_jobj *o, const char *key, int *out)
{
    const cJSON *v = gy_rj_field(o, key, 0);
    if (!v)
        return 0;
    if (!cJSON_IsBool(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be true or false", o->path, key);
    *out = cJSON_IsTrue(v);
    return 0;
}

int gy_rj_choice(gy_jobj *o, const char *key, int required, const char *const *names, int n,
                 int *out)
{
    const char *s = NULL;
    if (gy_rj_string(o, key, required, &s) != 0)
        return -1;
    if (!s)
        return 0;
    int k = gy_name_index(names, n, s);
    if (k >= 0) {
        *out = k;
        return 0;
    }
    char known[256] = "";
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof known; i++)
        len += (size_t)snprintf(known + len, sizeof known - len, "%s%s", i ? ", " : "",
                                names[i]);
    return gy_rj_fail(o->ld, o->f, gy_rj_field(o, key, 0), NULL, "%s.%s must be one of %s",
                      o->path, key, known);
}

/* ---- word lists ------------------------------------------------------------ */

typedef struct words_ctx {
    gy_rules *r;
    gy_word_list *wl;
    int tag;
    const char *path;
} words_ctx;

int gy_rj_words(gy_jobj *o, const char *key, int required, gy_word_list *wl, int tag)
{
    const cJSON *v = gy_rj_field(o, key, required);
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsArray(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be an array of strings", o->path,
                          key);
    for (const cJSON *e = v->child; e; e = e->next) {
        if (!cJSON_IsString(e))
            return gy_rj_fail(o->ld, o->f, e, NULL, "%s.%s: every element must be a string",
                              o->path, key);
        if (!e->valuestring[0])
            return gy_rj_fail(o->ld, o->f, e, NULL, "%s.%s: empty word", o->path, key);
        if (gy_words_add(&o->ld->r->arena, wl, e->valuestring, tag) != 0)
            return gy_rj_fail(o->ld, o->f, e, NULL, "out of memory");
        o->ld->r->count++;
    }
    return 0;
}

int gy_rj_build(gy_jobj *o, gy_lexicon *lx, gy_word_list *wl)
{
    if (gy_lexicon_build(&o->ld->r->arena, lx, wl) != 0)
        return gy_rj_fail(o->ld, o->f, o->node, NULL, "out of memory");
    return 0;
}

int gy_rj_lexicon(gy_jobj *o, const char *key, int required, gy_lexicon *lx)
{
    gy_word_list wl = {NULL, 0, 0};
    if (gy_rj_words(o, key, required, &wl, 0) != 0)
        return -1;
    return gy_rj_build(o, lx, &wl);
}

/* ---- patterns ------------------------------------------------------------ */

/* Every compiled pattern is listed once in the rule set, so that a rule set
 * that fails half-way frees all it compiled. */
static int keep_code(gy_rules *r, pcre2_code *code)
{
    pcre2_code **p = gy_push(NULL, &r->codes, &r->ncodes, &r->capcodes, sizeof *p);
    if (!p)
        return -1;
    *p = code;
    return 0;
}

int gy_rj_compile(gy_loader *ld, const gy_rfile *f, const cJSON *v, const char *path,
                  const char *name, int anchored, gy_rx *rx)
{
    if (!cJSON_IsString(v))
        return gy_rj_fail(ld, f, v, NULL, "%s must be a string (a PCRE2 pattern)", path);
    return gy_rj_compile_text(ld, f, v, path, name, anchored, v->valuestring, rx);
}

int gy_rj_compile_text(gy_loader *ld, const gy_rfile *f, const cJSON *v, const char *path,
                       const char *name, int anchored, const char *pattern, gy_rx *rx)
{
    if (!pattern[0])
        return gy_rj_fail(ld, f, v, NULL, "%s: empty pattern", path);
    gy_rx_error e;
    gy_rules *r = ld->r;
    int expanded = cJSON_IsString(v) && strcmp(pattern, v->valuestring) != 0;
    pcre2_code *code = gy_rx_compile(rx, pattern, anchored, &r->arena, &e);
    if (!code)
        return gy_rj_fail(ld, f, v, "PCRE2 syntax: see pcre2pattern(3)",
                          "%s%s%s%s: error in pattern%s at offset %zu: %s", path,
                          name ? " ('" : "", name ? name : "", name ? "')" : "",
                          expanded ? " (with its {parts} written out)" : "", e.offset,
                          e.message);
    if (keep_code(r, code) != 0) {
        pcre2_code_free(code);
        return gy_rj_fail(ld, f, v, NULL, "out of memory");
    }
    uint32_t groups = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    if (groups + 1 > r->max_groups)
        r->max_groups = groups + 1;
    rx->name = name ? name : path;
    rx->source = gy_arena_strndup(&r->arena, pattern, strlen(pattern));
    rx->mctx = r->mctx;
    rx->id = r->ncodes - 1;
    if (!rx->source)
        return gy_rj_fail(ld, f, v, NULL, "out of memory");
    r->count++;
    return 0;
}

int gy_rj_pattern(gy_jobj *o, const char *key, int required, int anchored, const char *name,
                  gy_rx *rx)
{
    const cJSON *v = gy_rj_field(o, key, required);
    if (!v)
        return required ? -1 : 0;
    return gy_rj_compile(o->ld, o->f, v, gy_rj_path(o->ld, o->path, key, -1), name, anchored,
                         rx);
}

/* ---- arrays of objects ---------------------------------------------------- */

int gy_rj_array(gy_jobj *o, const char *key, int required, size_t elem, gy_rj_elem_fn fn,
                void *ctx, void **items, size_t *n)
{
    const cJSON *v = gy_rj_field(o, key, required);
    *items = NULL;
    *n = 0;
    if (!v)
        return required ? -1 : 0;
    if (!cJSON_IsArray(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be an array", o->path, key);
    size_t count = (size_t)cJSON_GetArraySize(v);
    if (count == 0)
        return 0;
    char *arr = gy_arena_alloc(&o->ld->r->arena, count * elem);
    if (!arr)
        return gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
    size_t i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++)
        if (fn(o->ld, o->f, e, gy_rj_path(o->ld, o->path, key, (long)i), i, arr + i * elem,
               ctx) != 0)
            return -1;
    *items = arr;
    *n = count;
    return 0;
}
