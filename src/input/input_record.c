/* Records of a JSON Lines stream: one JSON object per line, its "text" the
 * document and its other fields echoed as they are written (an id of 20
 * digits stays exact: values are copied, not converted).  The scanner
 * checks the whole line against the JSON grammar (RFC 8259), needs no
 * tree and keeps no state outside the call, so records are read on any
 * thread. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "source.h"
#include "utf8.h"

enum { MAX_DEPTH = 512 };

typedef struct scanner {
    const char *s;
    size_t n, i;
    const char *what;      /* what is wrong, at i */
} scanner;

static int fail(scanner *sc, const char *what)
{
    if (!sc->what)
        sc->what = what;
    return -1;
}

static void skip_ws(scanner *sc)
{
    while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
                             sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
        sc->i++;
}

static int hex4(scanner *sc, uint32_t *out)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++, sc->i++) {
        char c = sc->i < sc->n ? sc->s[sc->i] : 0;
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return fail(sc, "a \\u escape needs four hex digits");
        v = v * 16 + (uint32_t)d;
    }
    *out = v;
    return 0;
}

/* A \u escape (after the u) as one code point, a surrogate pair joined. */
static int unicode_escape(scanner *sc, uint32_t *cp)
{
    if (hex4(sc, cp) != 0)
        return -1;
    if (*cp >= 0xDC00 && *cp <= 0xDFFF)
        return fail(sc, "a \\u escape holds a lone low surrogate");
    if (*cp < 0xD800 || *cp > 0xDBFF)
        return 0;
    uint32_t lo;
    if (sc->i + 2 > sc->n || sc->s[sc->i] != '\\' || sc->s[sc->i + 1] != 'u')
        return fail(sc, "a \\u escape holds a high surrogate without its low one");
    sc->i += 2;
    if (hex4(sc, &lo) != 0)
        return -1;
    if (lo < 0xDC00 || lo > 0xDFFF)
        return fail(sc, "a \\u escape holds a high surrogate without its low one");
    *cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
    return 0;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A string at sc->i (its opening quote).  With out (room for the string's
 * length in bytes, which its decoded form never exceeds), its value goes
 * there and its length to *len.  Bytes of the string are copied as they
 * are: whether they are UTF-8 is checked where the text is decoded. */
static int string(scanner *sc, char *out, size_t *len)
{
    size_t o = 0;
    if (sc->i >= sc->n || sc->s[sc->i] != '"')
        return fail(sc, "a string must start with a double quote");
    for (sc->i++;; sc->i++) {
        if (sc->i >= sc->n)
            return fail(sc, "a string is not closed");
        unsigned char c = (unsigned char)sc->s[sc->i];
        if (c == '"')
            break;
        if (c < 0x20)
            return fail(sc, "a control character must be escaped in a string");
        if (c != '\\') {
            if (out)
                out[o++] = (char)c;
            continue;
        }
        if (++sc->i >= sc->n)
            return fail(sc, "a string is not closed");
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        const char *e = sc->s[sc->i] ? strchr(from, sc->s[sc->i]) : NULL;
        if (e) {
            if (out)
                out[o++] = to[e - from];
        } else if (sc->s[sc->i] == 'u') {
            uint32_t cp;
            sc->i++;
            if (unicode_escape(sc, &cp) != 0)
                return -1;
            sc->i--;
            if (out)
                o += put_utf8(out + o, cp);
        } else {
            return fail(sc, "unknown escape in a string");
        }
    }
    sc->i++;
    if (len)
        *len = o;
    return 0;
}

static int digits(scanner *sc)
{
    size_t start = sc->i;
    while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
        sc->i++;
    return sc->i > start ? 0 : fail(sc, "a number needs a digit here");
}

static int number(scanner *sc)
{
    if (sc->i < sc->n && sc->s[sc->i] == '-')
        sc->i++;
    if (sc->i < sc->n && sc->s[sc->i] == '0')
        sc->i++;
    else if (digits(sc) != 0)
        return -1;
    if (sc->i < sc->n && sc->s[sc->i] == '.') {
        sc->i++;
        if (digits(sc) != 0)
            return -1;
    }
    if (sc->i < sc->n && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
        sc->i++;
        if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
            sc->i++;
        if (digits(sc) != 0)
            return -1;
    }
    return 0;
}

static int literal(scanner *sc)
{
    static const char *const words[] = {"true", "false", "null"};
    for (size_t k = 0; k < 3; k++) {
        size_t l = strlen(words[k]);
        if (sc->n - sc->i >= l && memcmp(sc->s + sc->i, words[k], l) == 0) {
            sc->i += l;
            return 0;
        }
    }
    return fail(sc, "not a JSON value");
}

static int scalar(scanner *sc)
{
    char c = sc->i < sc->n ? sc->s[sc->i] : 0;
    if (c == '"')
        return string(sc, NULL, NULL);
    if (c == '-' || (c >= '0' && c <= '9'))
        return number(sc);
    return literal(sc);
}

/* Any value, nested containers walked with an explicit stack so that deep
 * nesting costs no C stack: stack[d] is '{' or '['. */
static int value(scanner *sc)
{
    char stack[MAX_DEPTH];
    int depth = 0;
    for (;;) {
        skip_ws(sc);
        char c = sc->i < sc->n ? sc->s[sc->i] : 0;
        if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH)
                return fail(sc, "values are nested too deeply");
            stack[depth++] = c;
            sc->i++;
            skip_ws(sc);
            char close = c == '{' ? '}' : ']';
            if (sc->i < sc->n && sc->s[sc->i] == close) {
                sc->i++;
                depth--;
                goto after_value;
            }
            if (c == '{')
                goto member;
            continue;
        }
        if (scalar(sc) != 0)
            return -1;
    after_value:
        for (;;) {
            if (depth == 0)
                return 0;
            skip_ws(sc);
            char close = stack[depth - 1] == '{' ? '}' : ']';
            if (sc->i < sc->n && sc->s[sc->i] == close) {
                sc->i++;
                depth--;
                continue;
            }
            if (sc->i >= sc->n || sc->s[sc->i] != ',')
                return fail(sc, stack[depth - 1] == '{' ? "expected , or } after a member"
                                                        : "expected , or ] after a value");
            sc->i++;
            break;
        }
        if (stack[depth - 1] == '[')
            continue;
    member:
        skip_ws(sc);
        if (string(sc, NULL, NULL) != 0)
            return -1;
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ':')
            return fail(sc, "expected : after a member's name");
        sc->i++;
    }
}

/* What a record holds: its text (decoded into a buffer of the caller's)
 * and the spans of its other members. */
typedef struct record {
    char *text;            /* malloc'd, or in the record's own buffer when
                              in_place; NULL when the record has none */
    int in_place;          /* decode the text where it stands (json is
                              writable): a string is never longer decoded */
    size_t text_len;
    char *meta;            /* malloc'd "{...}" of the other members */
    size_t meta_len;
    int text_not_string;
    size_t twice, twice_end; /* a member's name written twice, at json[twice..twice_end) */
    /* the members' names decoded, to refuse one written twice: the names
     * end to end in names, a hash table of their places in slots */
    char *names;           /* malloc'd */
    size_t names_len, names_cap;
    struct name_slot { size_t at, len; } *slots; /* malloc'd; len 0: empty */
    size_t nslots, nnames;
} record;

/* Is the key written at s[a..b) (quotes included) "text", however it is
 * escaped ("\u0074ext")? */
static int is_text_key(const char *s, size_t a, size_t b)
{
    if (b - a == 6)
        return memcmp(s + a, "\"text\"", 6) == 0;
    if (b - a > 6 * 6 + 2 || !memchr(s + a, '\\', b - a))
        return 0;
    char buf[6 * 6 + 2];
    size_t len;
    scanner k = {s, b, a, NULL};
    return string(&k, buf, &len) == 0 && len == 4 && memcmp(buf, "text", 4) == 0;
}

static uint64_t name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* Room for one more name in the table (kept at most half full). */
static int grow_slots(record *r)
{
    if (2 * (r->nnames + 1) <= r->nslots)
        return 0;
    size_t n = r->nslots ? 2 * r->nslots : 16;
    struct name_slot *t = calloc(n, sizeof *t);
    if (!t)
        return -2;
    for (size_t i = 0; i < r->nslots; i++) {
        if (!r->slots[i].len)
            continue;
        size_t k = (size_t)name_hash(r->names + r->slots[i].at, r->slots[i].len) & (n - 1);
        while (t[k].len)
            k = (k + 1) & (n - 1);
        t[k] = r->slots[i];
    }
    free(r->slots);
    r->slots = t;
    r->nslots = n;
    return 0;
}

/* Notes the member name written at s[a..b) (quotes included, checked):
 * 0, 1 when the record named a member so before, -2 when out of memory.
 * Names are compared decoded ("\u0069d" is "id"); the empty name is
 * stored as one NUL byte so that a slot's length tells it is taken. */
static int note_name(record *r, const char *s, size_t a, size_t b)
{
    if (grow_slots(r) != 0)
        return -2;
    if (r->names_cap - r->names_len < b - a + 1) {
        size_t cap = 2 * r->names_cap + (b - a) + 64;
        char *m = realloc(r->names, cap);
        if (!m)
            return -2;
        r->names = m;
        r->names_cap = cap;
    }
    char *out = r->names + r->names_len;
    size_t len = 0;
    scanner k = {s, b, a, NULL};
    string(&k, out, &len);
    if (!len)
        out[len++] = '\0';
    size_t i = (size_t)name_hash(out, len) & (r->nslots - 1);
    for (; r->slots[i].len; i = (i + 1) & (r->nslots - 1))
        if (r->slots[i].len == len && memcmp(r->names + r->slots[i].at, out, len) == 0)
            return 1;
    r->slots[i].at = r->names_len;
    r->slots[i].len = len;
    r->names_len += len;
    r->nnames++;
    return 0;
}

static int add_member(record *r, const char *s, size_t a, size_t b)
{
    size_t need = r->meta_len + (b - a) + 3;
    char *m = realloc(r->meta, need);
    if (!m)
        return -1;
    r->meta = m;
    if (r->meta_len == 0)
        m[r->meta_len++] = '{';
    else
        m[r->meta_len++] = ',';
    memcpy(m + r->meta_len, s + a, b - a);
    r->meta_len += b - a;
    m[r->meta_len] = '\0';
    return 0;
}

/* Scans the object json[0..n); returns 0, -1 on a syntax error (sc->what
 * says it) or -2 when out of memory. */
static int scan_record(scanner *sc, record *r)
{
    skip_ws(sc);
    if (sc->i >= sc->n || sc->s[sc->i] != '{')
        return fail(sc, "a record must be a JSON object");
    sc->i++;
    skip_ws(sc);
    int first = 1;
    while (!(sc->i < sc->n && sc->s[sc->i] == '}' && first)) {
        skip_ws(sc);
        size_t key = sc->i;
        if (string(sc, NULL, NULL) != 0)
            return -1;
        size_t key_end = sc->i;
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ':')
            return fail(sc, "expected : after a member's name");
        sc->i++;
        skip_ws(sc);
        if (is_text_key(sc->s, key, key_end)) {
            if (r->text || r->text_not_string) {
                r->twice = key;
                r->twice_end = key_end;
                return -1;
            }
            if (sc->i < sc->n && sc->s[sc->i] == '"') {
                /* decoded, a string is never longer than written: it is
                 * written where it stands, behind what is read */
                r->text = r->in_place ? (char *)(uintptr_t)(sc->s + sc->i) : malloc(sc->n - sc->i + 1);
                if (!r->text)
                    return -2;
                if (string(sc, r->text, &r->text_len) != 0)
                    return -1;
            } else {
                r->text_not_string = 1;
                if (value(sc) != 0)
                    return -1;
            }
        } else {
            int seen = note_name(r, sc->s, key, key_end);
            if (seen < 0)
                return -2;
            if (seen) {
                r->twice = key;
                r->twice_end = key_end;
                return -1;
            }
            if (value(sc) != 0)
                return -1;
            if (add_member(r, sc->s, key, sc->i) != 0)
                return -2;
        }
        first = 0;
        skip_ws(sc);
        if (sc->i < sc->n && sc->s[sc->i] == ',') {
            sc->i++;
            skip_ws(sc);
            continue;
        }
        if (sc->i >= sc->n || sc->s[sc->i] != '}')
            return fail(sc, "expected , or } after a member");
        break;
    }
    sc->i++;
    skip_ws(sc);
    return sc->i == sc->n ? 0 : fail(sc, "more after the record's closing }");
}

static void record_free(record *r)
{
    if (!r->in_place)
        free(r->text);
    free(r->meta);
    free(r->names);
    free(r->slots);
}

/* The error of a record that is no object with a text string. */
static void record_error(gy_error *err, const char *name, long line, const scanner *sc,
                         const record *r)
{
    if (r->twice_end) {
        int n = (int)(r->twice_end - r->twice > 60 ? 60 : r->twice_end - r->twice);
        gy_error_set(err, GY_E_RECORD, name, line, (long)r->twice + 1, (long)r->twice,
                     "name each member once: which of the two values counts is not defined",
                     "record names the member %.*s%s twice", n, sc->s + r->twice,
                     n < (int)(r->twice_end - r->twice) ? "..." : "");
    } else if (sc->what)
        gy_error_set(err, GY_E_RECORD, name, line, (long)sc->i + 1, (long)sc->i,
                     "each line must be one JSON object, such as {\"id\": 1, \"text\": \"...\"}",
                     "record is not valid JSON: %s", sc->what);
    else if (r->text_not_string)
        gy_error_set(err, GY_E_RECORD, name, line, 0, -1,
                     "give the document as a JSON string in \"text\"",
                     "record's \"text\" is not a string");
    else
        gy_error_set(err, GY_E_RECORD, name, line, 0, -1,
                     "give the document as a JSON string in \"text\"",
                     "record has no \"text\" member");
}

/* A text that is not UTF-8: said of the record, at its line. */
static void text_error(gy_error *err, const char *name, long line)
{
    char msg[sizeof err->message];
    memcpy(msg, err->message, sizeof msg);
    gy_error_set(err, err->status, name, line, 0, -1,
                 err->status == GY_E_ENCODING ? "use --lossy to replace bad bytes with U+FFFD" : "",
                 "record's text: %s", msg);
}

/* The record's other fields as a closed object, "{}" when none; NULL when
 * out of memory.  Takes r->meta over. */
static char *closed_meta(record *r, size_t *len)
{
    char *m = r->meta;
    r->meta = NULL;
    if (!m) {
        m = malloc(3);
        if (m)
            memcpy(m, "{}", 3);
        *len = 2;
        return m;
    }
    m[r->meta_len++] = '}';
    m[r->meta_len] = '\0';
    *len = r->meta_len;
    return m;
}

gy_source *gy_source_take_record(const char *name, long line, char *json, size_t n,
                                 const gy_input_options *opt, char **meta, gy_error *err)
{
    scanner sc = {json, n, 0, NULL};
    record r = {NULL, 1, 0, NULL, 0, 0, 0, 0, NULL, 0, 0, NULL, 0, 0};
    name = name ? name : "-";
    const char *shown = strcmp(name, "-") == 0 ? "<stdin>" : name;
    if (meta)
        *meta = NULL;
    int rc = scan_record(&sc, &r);
    size_t meta_len;
    char *m = rc == 0 || rc == -1 ? closed_meta(&r, &meta_len) : NULL;
    if (rc != 0 || !r.text) {
        if (rc == -2)
            gy_error_oom(err, shown);
        else
            record_error(err, shown, line, &sc, &r);
        record_free(&r);
        free(json);
        if (meta && rc == 0)
            *meta = m;
        else
            free(m);
        return NULL;
    }
    /* the decoded text to the buffer's start: the buffer becomes the source's */
    memmove(json, r.text, r.text_len);
    gy_input_options in = {"UTF-8", opt ? opt->lossy : 0, opt ? opt->max_bytes : 0};
    gy_source *src = gy_source_adopt(name, json, r.text_len, &in, err);
    record_free(&r);
    if (!src) {
        text_error(err, shown, line);
        if (meta)
            *meta = m;
        else
            free(m);
        return NULL;
    }
    src->record = line;
    src->meta = m;
    src->meta_len = meta_len;
    if (!m) {
        gy_source_free(src);
        gy_error_oom(err, shown);
        return NULL;
    }
    return src;
}

gy_source *gy_source_from_record(const char *name, long line, const char *json, size_t n,
                                 const gy_input_options *opt, gy_error *err)
{
    scanner sc = {json, n, 0, NULL};
    record r = {NULL, 0, 0, NULL, 0, 0, 0, 0, NULL, 0, 0, NULL, 0, 0};
    name = name ? name : "-";
    const char *shown = strcmp(name, "-") == 0 ? "<stdin>" : name;
    int rc = scan_record(&sc, &r);
    if (rc == -2) {
        record_free(&r);
        gy_error_oom(err, shown);
        return NULL;
    }
    if (rc != 0 || !r.text) {
        record_error(err, shown, line, &sc, &r);
        record_free(&r);
        return NULL;
    }
    /* a JSON string is Unicode: its bytes are UTF-8 or wrong, never GBK */
    gy_input_options in = {"UTF-8", opt ? opt->lossy : 0, opt ? opt->max_bytes : 0};
    gy_source *src = gy_source_from_memory(name, r.text, r.text_len, &in, err);
    if (!src) {
        text_error(err, shown, line);
        record_free(&r);
        return NULL;
    }
    src->record = line;
    src->meta = closed_meta(&r, &src->meta_len);
    record_free(&r);
    if (!src->meta) {
        gy_source_free(src);
        gy_error_oom(err, shown);
        return NULL;
    }
    return src;
}

char *gy_record_meta(const char *json, size_t n)
{
    scanner sc = {json, n, 0, NULL};
    record r = {NULL, 0, 0, NULL, 0, 0, 0, 0, NULL, 0, 0, NULL, 0, 0};
    size_t len;
    char *m = scan_record(&sc, &r) == 0 ? closed_meta(&r, &len) : NULL;
    record_free(&r);
    return m;
}

char *gy_meta_member(const char *meta, size_t n, const char *key, size_t *len)
{
    scanner sc = {meta, n, 0, NULL};
    size_t klen = strlen(key);
    skip_ws(&sc);
    if (sc.i >= n || meta[sc.i] != '{')
        return NULL;
    sc.i++;
    skip_ws(&sc);
    while (sc.i < n && meta[sc.i] == '"') {
        char name[64];
        size_t name_len = 0, at = sc.i;
        int short_name = 0;
        if (string(&sc, NULL, NULL) != 0)
            return NULL;
        if (sc.i - at <= sizeof name) { /* a name decodes no longer than written */
            scanner k = {meta, sc.i, at, NULL};
            short_name = string(&k, name, &name_len) == 0;
        }
        skip_ws(&sc);
        if (sc.i >= n || meta[sc.i++] != ':')
            return NULL;
        skip_ws(&sc);
        size_t v = sc.i;
        if (value(&sc) != 0)
            return NULL;
        if (short_name && name_len == klen && memcmp(name, key, klen) == 0) {
            char *out = malloc(sc.i - v + 1);
            if (!out)
                return NULL;
            if (meta[v] == '"') {
                scanner k = {meta, sc.i, v, NULL};
                string(&k, out, len);
            } else {
                memcpy(out, meta + v, sc.i - v);
                *len = sc.i - v;
            }
            out[*len] = '\0';
            return out;
        }
        skip_ws(&sc);
        if (sc.i < n && meta[sc.i] == ',')
            sc.i++;
        skip_ws(&sc);
    }
    return NULL;
}
