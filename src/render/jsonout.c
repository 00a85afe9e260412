/* The streaming JSON writer (see jsonout.h). */
#include "jsonout.h"
#include "utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char tabs[GY_JW_MAX_DEPTH + 1] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

void gy_jw_init(gy_jw *w, FILE *out, int pretty)
{
    w->out = out;
    w->n = 0;
    w->pretty = pretty;
    w->depth = 0;
    w->after_key = 0;
    w->oom = 0;
    w->text = NULL;
    w->text_len = 0;
    w->count[0] = 0;
    w->inline_[0] = 0;
}

void gy_jw_flush(gy_jw *w)
{
    if (w->n)
        fwrite(w->buf, 1, w->n, w->out);
    w->n = 0;
}

static void put_slow(gy_jw *w, const char *s, size_t n)
{
    gy_jw_flush(w);
    if (n > sizeof w->buf)
        fwrite(s, 1, n, w->out);
    else {
        memcpy(w->buf, s, n);
        w->n = n;
    }
}

static inline void put(gy_jw *w, const char *s, size_t n)
{
    if (w->n + n > sizeof w->buf) {
        put_slow(w, s, n);
        return;
    }
    memcpy(w->buf + w->n, s, n);
    w->n += n;
}

static inline void put1(gy_jw *w, char c)
{
    if (w->n == sizeof w->buf)
        gy_jw_flush(w);
    w->buf[w->n++] = c;
}

static void puts_(gy_jw *w, const char *s) { put(w, s, strlen(s)); }

static void newline(gy_jw *w)
{
    if (!w->pretty)
        return;
    put1(w, '\n');
    put(w, tabs, (size_t)w->depth);
}

/* What goes before a value: nothing after a key, else a comma after an
 * earlier value and the line break of the level. */
static inline void begin_value(gy_jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->count[w->depth]++) {
        if (w->inline_[w->depth] && w->pretty)
            put(w, ", ", 2);
        else
            put1(w, ',');
    }
    if (!w->inline_[w->depth] && w->depth > 0)
        newline(w);
}

static void open_(gy_jw *w, char c, int inline_)
{
    begin_value(w);
    put1(w, c);
    if (w->depth + 1 < GY_JW_MAX_DEPTH)
        w->depth++;
    w->count[w->depth] = 0;
    w->inline_[w->depth] = (unsigned char)inline_;
}

static void close_(gy_jw *w, char c)
{
    int had = w->count[w->depth] > 0 && !w->inline_[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (had)
        newline(w);
    put1(w, c);
    if (w->depth == 0)
        gy_jw_flush(w);
}

void gy_jw_open_object(gy_jw *w) { open_(w, '{', 0); }
void gy_jw_close_object(gy_jw *w) { close_(w, '}'); }
void gy_jw_open_array(gy_jw *w) { open_(w, '[', 0); }
void gy_jw_open_inline_array(gy_jw *w) { open_(w, '[', 1); }
void gy_jw_close_array(gy_jw *w) { close_(w, ']'); }

static void key_n(gy_jw *w, const char *key, size_t n)
{
    begin_value(w);
    if (w->n + n + 4 <= sizeof w->buf) {
        /* the common case in one copy: "key": */
        char *o = w->buf + w->n;
        o[0] = '"';
        memcpy(o + 1, key, n);
        o[n + 1] = '"';
        o[n + 2] = ':';
        w->n += n + 3;
        if (w->pretty)
            w->buf[w->n++] = '\t';
    } else {
        put1(w, '"');
        put(w, key, n);
        puts_(w, w->pretty ? "\":\t" : "\":");
    }
    w->after_key = 1;
}

void gy_jw_key(gy_jw *w, const char *key) { key_n(w, key, strlen(key)); }

/* Does s[i..i+8) hold a byte that needs escaping (", \ or a control)? */
static int needs_escape8(const char *s, size_t i)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t x;
    memcpy(&x, s + i, 8);
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    return (((x - ones * 0x20) | (q - ones) | (b - ones)) & ~x & highs) != 0;
}

#if defined(__SSE2__)
/* The same for s[i..i+16). */
static inline int needs_escape16(const char *s, size_t i)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i ctl = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xE0)), _mm_setzero_si128());
    __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    __m128i back = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return _mm_movemask_epi8(_mm_or_si128(ctl, _mm_or_si128(quote, back))) != 0;
}
#endif

static void escaped_byte(gy_jw *w, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    const char *short_form = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                             : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\b' ? "\\b"
                             : c == '\f' ? "\\f" : NULL;
    if (short_form) {
        puts_(w, short_form);
        return;
    }
    char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
    put(w, u, 6);
}

static void string_body(gy_jw *w, const char *s, size_t n);

/* s[0..n) with each invalid UTF-8 sequence written as U+FFFD (a byte at a
 * time, as the decoder reads it), through put_part (escaping or not). */
static void put_valid(gy_jw *w, const char *s, size_t n,
                      void (*put_part)(gy_jw *, const char *, size_t))
{
    while (n) {
        size_t ok = gy_utf8_valid_prefix((const unsigned char *)s, n);
        put_part(w, s, ok);
        if (ok == n)
            return;
        size_t len;
        gy_utf8_decode((const unsigned char *)s + ok, n - ok, &len);
        put(w, "\xEF\xBF\xBD", 3);
        s += ok + len;
        n -= ok + len;
    }
}

void gy_jw_trust(gy_jw *w, const char *text, size_t n)
{
    w->text = text;
    w->text_len = n;
}

static int is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Is s[0..n) short and ASCII (a name, a kind, a unit symbol)?  Eight
 * bytes a step. */
static int short_ascii(const char *s, size_t n)
{
    if (n > 32)
        return 0;
    uint64_t any = 0, x;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&x, s + i, 8);
        any |= x;
    }
    for (; i < n; i++)
        any |= (unsigned char)s[i];
    return (any & UINT64_C(0x8080808080808080)) == 0;
}

/* Is s[0..n) whole characters of the trusted text? */
static int trusted(const gy_jw *w, const char *s, size_t n)
{
    /* compared as addresses, with & not &&: whether a string is a slice
     * of the text cannot be guessed from the one before */
    size_t at = (size_t)((uintptr_t)s - (uintptr_t)w->text);
    if (!w->text || ((at > w->text_len) | (n > w->text_len - at)))
        return 0;
    return n == 0 || (!is_continuation((unsigned char)s[0]) &&
                      (at + n == w->text_len || !is_continuation((unsigned char)s[n])));
}

#if defined(__SSE2__)
/* Which of the sixteen bytes from s need escaping (", \ or a control). */
static inline unsigned escape_mask16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i ctl = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xE0)), _mm_setzero_si128());
    __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    __m128i back = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ctl, _mm_or_si128(quote, back)));
}

/* The body of a JSON string s[0..n) where the fifteen bytes after it may
 * be read too (a slice of the trusted text, which runs on past it): sixteen
 * bytes a step, the last step's bytes past n not counted, so that a short
 * string takes one step and no loop guesses where a string ends. */
static void string_body_over(gy_jw *w, const char *s, size_t n)
{
    size_t i = 0, run = 0; /* s[run..i) needs no escaping */
    while (i < n) {
        unsigned m = escape_mask16(s + i);
        if (n - i < 16)
            m &= (1u << (n - i)) - 1;
        if (!m) {
            i += 16;
            continue;
        }
        size_t k = i + (size_t)__builtin_ctz(m);
        put(w, s + run, k - run);
        escaped_byte(w, (unsigned char)s[k]);
        run = i = k + 1;
    }
    put(w, s + run, n - run);
}
#endif

/* A string of at most sixteen bytes that is no slice of the text (a name
 * from the rules, a copied subject): copied into a block of sixteen and
 * checked there in one step for bytes to escape and bytes past ASCII. */
static void write_short(gy_jw *w, const char *s, size_t n)
{
#if defined(__SSE2__)
    char block[16] = {0};
    memcpy(block, s, n);
    unsigned in = (1u << n) - 1;
    unsigned high = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)block));
    if (!high) {
        if (escape_mask16(block) & in)
            string_body(w, s, n);
        else
            put(w, s, n);
        return;
    }
#endif
    put_valid(w, s, n, string_body);
}

void gy_jw_string(gy_jw *w, const char *s, size_t n)
{
    begin_value(w);
    put1(w, '"');
    /* the text of a document is valid UTF-8, but not a file's name, a
     * record's other fields or a message quoting them: checked here, as
     * every byte of the output must be UTF-8 */
    if (trusted(w, s, n)) {
#if defined(__SSE2__)
        if ((size_t)(s - w->text) + n + 16 <= w->text_len)
            string_body_over(w, s, n);
        else
#endif
            string_body(w, s, n);
    } else if (n <= 16) {
        write_short(w, s, n);
    } else if (short_ascii(s, n)) {
        string_body(w, s, n);
    } else {
        put_valid(w, s, n, string_body);
    }
    put1(w, '"');
}

/* The body of a JSON string: s[0..n) escaped. */
static void string_body(gy_jw *w, const char *s, size_t n)
{
    size_t i = 0, run = 0; /* s[run..i) needs no escaping */
    while (i < n) {
#if defined(__SSE2__)
        if (i + 16 <= n && !needs_escape16(s, i)) {
            i += 16;
            continue;
        }
#endif
        if (i + 8 <= n && !needs_escape8(s, i)) {
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\' || c < 0x20) {
            put(w, s + run, i - run);
            escaped_byte(w, c);
            run = i + 1;
        }
        i++;
    }
    put(w, s + run, n - run);
}

void gy_jw_cstr(gy_jw *w, const char *s)
{
    if (s)
        gy_jw_string(w, s, strlen(s));
    else
        gy_jw_null(w);
}

/* Writes u in decimal at buf, two digits a step; returns the length. */
static size_t decimal(unsigned long long u, char *buf)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930"
                                "31323334353637383940414243444546474849505152535455565758596061"
                                "62636465666768697071727374757677787980818283848586878889909192"
                                "93949596979899";
    char tmp[24];
    size_t k = sizeof tmp;
    while (u >= 100) {
        size_t r = (size_t)(u % 100) * 2;
        u /= 100;
        tmp[--k] = pairs[r + 1];
        tmp[--k] = pairs[r];
    }
    if (u >= 10) {
        tmp[--k] = pairs[2 * u + 1];
        tmp[--k] = pairs[2 * u];
    } else {
        tmp[--k] = (char)('0' + u);
    }
    size_t n = sizeof tmp - k;
    memcpy(buf, tmp + k, n);
    buf[n] = '\0';
    return n;
}

/* n in decimal at buf; returns the length. */
static size_t integer_text(long long n, char *buf)
{
    if (n >= 0)
        return decimal((unsigned long long)n, buf);
    buf[0] = '-';
    return 1 + decimal((unsigned long long)(-(n + 1)) + 1, buf + 1);
}

/* A value with at most six decimals that reads back exactly as written
 * (5.5, 0.05, 13.25): the digits by hand, as %.15g would print them.
 * Returns 0 for any other value. */
static int short_decimal(double v, char *buf)
{
    static const double tens[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e9))
        return 0;
    for (int k = 1; k <= 6; k++) {
        double scaled = a * tens[k];
        double n = floor(scaled + 0.5);
        /* n / 10^k is correctly rounded, as strtod of the digits would be */
        if (n / tens[k] != a)
            continue;
        unsigned long long u = (unsigned long long)n, p = (unsigned long long)tens[k];
        if (u % 10 == 0)
            return 0; /* fewer decimals would have matched: not expected */
        size_t o = 0;
        if (v < 0)
            buf[o++] = '-';
        o += decimal(u / p, buf + o);
        buf[o++] = '.';
        char frac[8];
        unsigned long long f = u % p;
        for (int i = k - 1; i >= 0; i--, f /= 10)
            frac[i] = (char)('0' + f % 10);
        memcpy(buf + o, frac, (size_t)k);
        buf[o + (size_t)k] = '\0';
        return 1;
    }
    return 0;
}

static const double exact_limit = 9007199254740992.0; /* 2^53 */

/* See gy_json_number_text; returns the length. */
static size_t number_text(double v, char *buf)
{
    if (fabs(v) < exact_limit && v == (double)(long long)v)
        return integer_text((long long)v, buf); /* an integer: digits by hand */
    if (v != v || v == HUGE_VAL || v == -HUGE_VAL) {
        strcpy(buf, "null");
        return 4;
    }
    if (!short_decimal(v, buf)) {
        snprintf(buf, 40, "%.15g", v);
        if (strtod(buf, NULL) != v)
            snprintf(buf, 40, "%.17g", v);
    }
    return strlen(buf);
}

void gy_json_number_text(double v, char *buf) { number_text(v, buf); }

void gy_jw_number(gy_jw *w, double v)
{
    begin_value(w);
    if (w->n + 40 <= sizeof w->buf) {
        w->n += number_text(v, w->buf + w->n);
        return;
    }
    char buf[40];
    put(w, buf, number_text(v, buf));
}

/* An integer field: written without a trip through double when exact. */
static void jw_integer(gy_jw *w, long long i)
{
    if (i <= -(long long)exact_limit || i >= (long long)exact_limit) {
        gy_jw_number(w, (double)i);
        return;
    }
    begin_value(w);
    char buf[24];
    if (w->n + sizeof buf <= sizeof w->buf)
        w->n += integer_text(i, w->buf + w->n);
    else
        put(w, buf, integer_text(i, buf));
}

void gy_jw_bool(gy_jw *w, int b)
{
    begin_value(w);
    if (b)
        put(w, "true", 4);
    else
        put(w, "false", 5);
}

static void put_plain(gy_jw *w, const char *s, size_t n) { put(w, s, n); }

void gy_jw_raw(gy_jw *w, const char *json, size_t n)
{
    begin_value(w);
    /* JSON text holds bytes above 0x7F only in strings: a replacement
     * character keeps it JSON */
    put_valid(w, json, n, put_plain);
}

void gy_jw_null(gy_jw *w)
{
    begin_value(w);
    put(w, "null", 4);
}

void gy_jw_value(gy_jw *w, const gy_value *v)
{
    switch (v->type) {
    case GY_VALUE_NULL: gy_jw_null(w); break;
    case GY_VALUE_BOOL: gy_jw_bool(w, (int)v->i); break;
    case GY_VALUE_INT: jw_integer(w, (long long)v->i); break;
    case GY_VALUE_NUMBER: gy_jw_number(w, v->n); break;
    case GY_VALUE_STRING: gy_jw_string(w, v->s, v->len); break;
    case GY_VALUE_ID: {
        /* a prefix of the rules' letters and a count: "q12", written as
         * it is built, with nothing to escape when the prefix has nothing */
        char id[48];
        size_t n = v->len < 16 ? v->len : 16;
        memcpy(id, v->s, n);
        n += v->i >= 0 && v->i < (long long)exact_limit ? integer_text((long long)v->i, id + n)
                                                         : number_text((double)v->i, id + n);
        gy_jw_string(w, id, n);
        break;
    }
    }
}

/* The field names of an element kind as written ("name": or "name":<tab>),
 * each in a slot of fixed size, so that writing one is a copy of a known
 * size; a name too long for a slot has length 0 and is written as a key. */
enum { KEY_SLOT = 32 };
typedef struct keys {
    char text[GY_MAX_FIELDS][KEY_SLOT];
    size_t len[GY_MAX_FIELDS];
} keys;

static void keys_of(const gy_jw *w, gy_element e, keys *k)
{
    const gy_element_desc *desc = &gy_elements[e];
    for (size_t f = 0; f < desc->nfields; f++) {
        size_t n = strlen(desc->fields[f]);
        memset(k->text[f], 0, KEY_SLOT);
        k->len[f] = n + 4 <= KEY_SLOT ? n + 3 + (w->pretty != 0) : 0;
        if (!k->len[f])
            continue;
        k->text[f][0] = '"';
        memcpy(k->text[f] + 1, desc->fields[f], n);
        memcpy(k->text[f] + 1 + n, w->pretty ? "\":\t" : "\":", w->pretty ? 3 : 2);
    }
}

static void slot_key(gy_jw *w, const keys *k, const char *name, size_t f)
{
    if (!k->len[f]) {
        gy_jw_key(w, name);
        return;
    }
    begin_value(w); /* may add a comma, a line break and tabs */
    if (w->n + KEY_SLOT > sizeof w->buf)
        gy_jw_flush(w);
    memcpy(w->buf + w->n, k->text[f], KEY_SLOT);
    w->n += k->len[f];
    w->after_key = 1;
}

static void element(gy_jw *w, const gy_doc *d, gy_element e, size_t i, const keys *k)
{
    const gy_element_desc *desc = &gy_elements[e];
    gy_value v[GY_MAX_FIELDS];
    desc->values(d, i, v);
    gy_jw_open_object(w);
    for (size_t f = 0; f < desc->nfields; f++) {
        slot_key(w, k, desc->fields[f], f);
        gy_jw_value(w, &v[f]);
    }
    gy_jw_close_object(w);
}

void gy_jw_element(gy_jw *w, const gy_doc *d, gy_element e, size_t i)
{
    keys k;
    keys_of(w, e, &k);
    element(w, d, e, i, &k);
}

void gy_jw_elements(gy_jw *w, const gy_doc *d, gy_element e)
{
    keys k;
    keys_of(w, e, &k);
    gy_jw_open_array(w);
    size_t n = gy_doc_count(d, e);
    for (size_t i = 0; i < n; i++)
        element(w, d, e, i, &k);
    gy_jw_close_array(w);
}

void gy_jw_member_element(gy_jw *w, const char *key, const gy_doc *d, gy_element e, size_t i)
{
    gy_jw_key(w, key);
    gy_jw_element(w, d, e, i);
}
