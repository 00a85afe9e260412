/* JSON reporter (schema "gangyao/1", see docs/schema.md).  Each element is
 * a flat list of fields written out at once, laid out as cJSON prints, so a
 * large document never needs one whole JSON tree in memory; the diff
 * reporter gets the same elements as cJSON objects. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "jsonout.h"
#include "source.h"

/* An element as a flat list of fields whose values are JSON text: written
 * straight to the output for the document, or turned into a cJSON object
 * for the diff reporter, so each element's fields are listed once. */
enum { GY_JF_MAX = 20 };
typedef struct gy_jfields {
    size_t n;
    int oom;
    const char *key[GY_JF_MAX];
    const char *val[GY_JF_MAX];
    char *owned[GY_JF_MAX]; /* escaped strings, freed by jf_free */
    char buf[GY_JF_MAX][40]; /* numbers and ids */
} gy_jfields;

/* ---- the streaming writer (shared with the diff reporter) --------------- */

static char *json_escape(const char *s, size_t n);

void gy_jw_init(gy_jw *w, FILE *out, int pretty)
{
    w->out = out;
    w->pretty = pretty;
    w->depth = 0;
    w->count[0] = 0;
    w->oom = 0;
}

static void newline(gy_jw *w)
{
    if (!w->pretty)
        return;
    fputc('\n', w->out);
    for (int i = 0; i < w->depth; i++)
        fputc('\t', w->out);
}

static void separator(gy_jw *w)
{
    if (w->count[w->depth]++)
        fputc(',', w->out);
    newline(w);
}

static void open_(gy_jw *w, char c)
{
    fputc(c, w->out);
    if (w->depth + 1 < GY_JW_MAX_DEPTH)
        w->depth++;
    w->count[w->depth] = 0;
}

static void close_(gy_jw *w, char c)
{
    int had = w->count[w->depth] > 0;
    if (w->depth > 0)
        w->depth--;
    if (had)
        newline(w);
    fputc(c, w->out);
}

void gy_jw_open_object(gy_jw *w) { open_(w, '{'); }
void gy_jw_close_object(gy_jw *w) { close_(w, '}'); }
void gy_jw_open_array(gy_jw *w) { open_(w, '['); }
void gy_jw_close_array(gy_jw *w) { close_(w, ']'); }

void gy_jw_key(gy_jw *w, const char *key)
{
    separator(w);
    char *s = json_escape(key, strlen(key));
    if (s)
        fputs(s, w->out);
    else
        w->oom = 1;
    fputs(w->pretty ? ":\t" : ":", w->out);
    free(s);
    /* the value follows without a separator */
    w->count[w->depth]--;
    w->after_key = 1;
}

void gy_jw_item(gy_jw *w, cJSON *item)
{
    if (!item) {
        w->oom = 1;
        return;
    }
    gy_jw_begin_value(w);
    char *s = w->pretty ? cJSON_Print(item) : cJSON_PrintUnformatted(item);
    cJSON_Delete(item);
    if (!s) {
        w->oom = 1;
        return;
    }
    /* copy line by line, indenting each line after the first */
    static const char tabs[GY_JW_MAX_DEPTH] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
    const char *p = s;
    for (;;) {
        const char *nl = strchr(p, '\n');
        if (!nl) {
            fputs(p, w->out);
            break;
        }
        fwrite(p, 1, (size_t)(nl - p) + 1, w->out);
        fwrite(tabs, 1, (size_t)w->depth, w->out);
        p = nl + 1;
    }
    cJSON_free(s);
}

/* Writes the fields as a flat object laid out exactly as cJSON prints one,
 * without building it: the path for the many small elements of a large
 * document. */
static void jw_flat(gy_jw *w, const gy_jfields *f)
{
    static const char tabs[GY_JW_MAX_DEPTH + 1] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
    if (f->oom) {
        w->oom = 1;
        return;
    }
    gy_jw_begin_value(w);
    fputc('{', w->out);
    for (size_t i = 0; i < f->n; i++) {
        if (w->pretty) {
            fputc('\n', w->out);
            fwrite(tabs, 1, (size_t)w->depth + 1, w->out);
        }
        fputc('"', w->out);
        fputs(f->key[i], w->out);
        fputs(w->pretty ? "\":\t" : "\":", w->out);
        fputs(f->val[i], w->out);
        if (i + 1 < f->n)
            fputc(',', w->out);
    }
    if (w->pretty) {
        fputc('\n', w->out);
        fwrite(tabs, 1, (size_t)w->depth, w->out);
    }
    fputc('}', w->out);
}

void gy_jw_begin_value(gy_jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        w->count[w->depth]++;
    } else {
        separator(w);
    }
}

/* ---- document fields -------------------------------------------------- */

/* Formats v as JSON into buf (at least 40 bytes): integers exactly, other
 * values with the fewest digits that read back, null when not finite. */
static void number_text(double v, char *buf)
{
    if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        /* an integer: digits by hand */
        long long n = (long long)v;
        char tmp[24];
        int k = 0, neg = n < 0;
        unsigned long long u = neg ? (unsigned long long)(-(n + 1)) + 1 : (unsigned long long)n;
        do {
            tmp[k++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        int o = 0;
        if (neg)
            buf[o++] = '-';
        while (k)
            buf[o++] = tmp[--k];
        buf[o] = '\0';
        return;
    }
    if (v != v || v == HUGE_VAL || v == -HUGE_VAL) {
        strcpy(buf, "null");
        return;
    }
    snprintf(buf, 40, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, 40, "%.17g", v);
}

cJSON *gy_json_number(double v)
{
    char buf[40];
    number_text(v, buf);
    return strcmp(buf, "null") == 0 ? cJSON_CreateNull() : cJSON_CreateRaw(buf);
}

/* A JSON string literal (quotes included) for s[0..n), escaped in runs
 * rather than byte by byte; malloc'd, NUL-terminated. */
static char *json_escape(const char *s, size_t n)
{
    size_t extra = 0, i = 0;
    /* eight bytes at a time while none needs escaping */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
        uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        uint64_t hit = ((w - ones * 0x20) | (q - ones) | (b - ones)) & ~w & highs;
        if (hit)
            break;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            extra += 1;
        else if (c < 0x20)
            extra += 5;
    }
    char *out = malloc(n + extra + 3);
    if (!out)
        return NULL;
    size_t o = 0;
    out[o++] = '"';
    if (!extra) {
        memcpy(out + o, s, n);
        o += n;
    } else {
        static const char hex[] = "0123456789abcdef";
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)s[k];
            if (c == '"' || c == '\\') {
                out[o++] = '\\';
                out[o++] = (char)c;
            } else if (c < 0x20) {
                const char *short_form = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                                         : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
                if (short_form) {
                    memcpy(out + o, short_form, 2);
                    o += 2;
                } else {
                    memcpy(out + o, "\\u00", 4);
                    o += 4;
                    out[o++] = hex[c >> 4];
                    out[o++] = hex[c & 15];
                }
            } else {
                out[o++] = (char)c;
            }
        }
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}

/* The same as a raw cJSON item (cJSON copies it when printing). */
static cJSON *json_string(const char *s, size_t n)
{
    char *out = json_escape(s, n);
    if (!out)
        return NULL;
    cJSON *v = cJSON_CreateRaw(out);
    free(out);
    return v;
}

cJSON *gy_json_slice(const gy_doc *d, gy_slice sl)
{
    if (sl.end <= sl.start)
        return cJSON_CreateNull();
    return json_string(d->s + sl.start, sl.end - sl.start);
}

/* ---- elements as field lists ------------------------------------------ */

static const char *slot(gy_jfields *f, const char *key)
{
    if (f->n >= GY_JF_MAX) {
        f->oom = 1; /* a programming error, reported as a failed write */
        return NULL;
    }
    f->key[f->n] = key;
    f->owned[f->n] = NULL;
    return key;
}

static void jf_raw(gy_jfields *f, const char *key, const char *json)
{
    if (slot(f, key))
        f->val[f->n++] = json;
}

static void jf_number(gy_jfields *f, const char *key, double v)
{
    if (!slot(f, key))
        return;
    number_text(v, f->buf[f->n]);
    f->val[f->n] = f->buf[f->n];
    f->n++;
}

static void jf_string(gy_jfields *f, const char *key, const char *s, size_t n)
{
    if (!slot(f, key))
        return;
    char *e = json_escape(s, n);
    if (!e)
        f->oom = 1;
    f->owned[f->n] = e;
    f->val[f->n++] = e ? e : "null";
}

/* A slice of the text; an empty one is null, or "" when empty_string. */
static void jf_slice(gy_jfields *f, const char *key, const gy_doc *d, gy_slice sl,
                     int empty_string)
{
    if (sl.end > sl.start)
        jf_string(f, key, d->s + sl.start, sl.end - sl.start);
    else
        jf_raw(f, key, empty_string ? "\"\"" : "null");
}

static void jf_cstr(gy_jfields *f, const char *key, const char *s)
{
    if (s)
        jf_string(f, key, s, strlen(s));
    else
        jf_raw(f, key, "null");
}

/* An element id such as "s3", or null for index1 0. */
static void jf_id(gy_jfields *f, const char *key, char prefix, size_t index1)
{
    if (!index1) {
        jf_raw(f, key, "null");
        return;
    }
    if (!slot(f, key))
        return;
    snprintf(f->buf[f->n], sizeof f->buf[f->n], "\"%c%zu\"", prefix, index1);
    f->val[f->n] = f->buf[f->n];
    f->n++;
}

static void jf_bool(gy_jfields *f, const char *key, int b)
{
    jf_raw(f, key, b ? "true" : "false");
}

static void jf_init(gy_jfields *f)
{
    f->n = 0;
    f->oom = 0;
}

static void jf_free(gy_jfields *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->owned[i]);
    f->n = 0;
}

/* The fields as a cJSON object the caller owns (for the diff reporter), or
 * NULL when out of memory; frees the fields either way. */
static cJSON *jf_to_cjson(gy_jfields *f)
{
    cJSON *o = f->oom ? NULL : cJSON_CreateObject();
    for (size_t i = 0; o && i < f->n; i++) {
        cJSON *v = cJSON_CreateRaw(f->val[i]);
        if (!v) {
            cJSON_Delete(o);
            o = NULL;
        } else {
            cJSON_AddItemToObject(o, f->key[i], v);
        }
    }
    jf_free(f);
    return o;
}

static const char *role_name(gy_role r)
{
    return r == GY_ROLE_REVIEW ? "review" : r == GY_ROLE_PLAN ? "plan" : NULL;
}

static void section_fields(const gy_doc *d, size_t i, gy_jfields *f)
{
    const gy_section *s = &GY_SECTIONS(d)[i];
    jf_id(f, "id", 's', i + 1);
    jf_id(f, "parent", 's', s->parent);
    jf_number(f, "level", s->level);
    jf_slice(f, "marker", d, s->marker, 1);
    if (s->number >= 0)
        jf_number(f, "number", (double)s->number);
    else
        jf_raw(f, "number", "null");
    jf_slice(f, "heading", d, s->heading, 1);
    jf_number(f, "line", (double)s->line);
    jf_cstr(f, "kind", s->kind);
    jf_cstr(f, "role", role_name(s->role));
    jf_number(f, "start", (double)s->start);
    jf_number(f, "end", (double)s->end);
}

static void task_fields(const gy_doc *d, size_t i, gy_jfields *f)
{
    const gy_task *t = &GY_TASKS(d)[i];
    jf_id(f, "id", 't', i + 1);
    jf_id(f, "section", 's', t->section);
    jf_id(f, "parent", 't', t->parent);
    jf_number(f, "series", (double)t->series);
    jf_slice(f, "marker", d, t->marker, 0);
    jf_number(f, "number", (double)t->number);
    jf_slice(f, "text", d, t->text, 1);
    jf_bool(f, "directive", t->directive);
    jf_slice(f, "deadline", d, t->deadline, 0);
    jf_number(f, "line", (double)t->line);
    jf_number(f, "start", (double)t->start);
    jf_number(f, "end", (double)t->end);
}

static void target_fields(const gy_doc *d, size_t i, gy_jfields *f)
{
    const gy_target *t = &GY_TARGETS(d)[i];
    int lower = t->is_range || (t->op != GY_OP_LE && t->op != GY_OP_LT);
    int upper = t->is_range || (t->op != GY_OP_GE && t->op != GY_OP_GT);
    jf_id(f, "id", 'q', i + 1);
    jf_slice(f, "text", d, t->text, 0);
    jf_number(f, "value", t->value);
    jf_cstr(f, "unit", t->unit);
    jf_cstr(f, "op", gy_op_names[t->op]);
    if (lower)
        jf_number(f, "min", t->is_range ? t->min : t->value);
    else
        jf_raw(f, "min", "null");
    if (upper)
        jf_number(f, "max", t->is_range ? t->max : t->value);
    else
        jf_raw(f, "max", "null");
    jf_bool(f, "range", t->is_range);
    jf_slice(f, "period", d, t->period, 0);
    jf_cstr(f, "kind", t->fact ? "fact" : "target");
    jf_slice(f, "sentence", d, t->sentence, 0);
    jf_id(f, "section", 's', t->section);
    jf_id(f, "task", 't', t->task);
    jf_number(f, "line", (double)t->line);
    jf_number(f, "start", (double)t->text.start);
    jf_number(f, "end", (double)t->text.end);
}

static void time_fields(const gy_doc *d, size_t i, gy_jfields *f)
{
    const gy_time *t = &GY_TIMES(d)[i];
    jf_slice(f, "text", d, t->text, 0);
    jf_cstr(f, "kind", gy_time_kind_names[t->kind]);
    jf_number(f, "line", (double)t->line);
    jf_number(f, "start", (double)t->text.start);
    jf_number(f, "end", (double)t->text.end);
}

static void warning_fields(const gy_doc *d, size_t i, gy_jfields *f)
{
    const gy_warning *w = &((const gy_warning *)d->warnings.items)[i];
    if (w->line)
        jf_number(f, "line", (double)w->line);
    else
        jf_raw(f, "line", "null");
    jf_cstr(f, "code", w->code);
    jf_cstr(f, "message", w->message);
}

typedef void (*fields_fn)(const gy_doc *, size_t, gy_jfields *);

static cJSON *element(const gy_doc *d, size_t i, fields_fn fn)
{
    gy_jfields f;
    jf_init(&f);
    fn(d, i, &f);
    return jf_to_cjson(&f);
}

cJSON *gy_json_section(const gy_doc *d, size_t i) { return element(d, i, section_fields); }
cJSON *gy_json_task(const gy_doc *d, size_t i) { return element(d, i, task_fields); }
cJSON *gy_json_target(const gy_doc *d, size_t i) { return element(d, i, target_fields); }

static void noise_fields(const gy_doc *d, size_t i, gy_jfields *f)
{
    const gy_noise *n = &((const gy_noise *)d->noise.items)[i];
    const gy_line *l = &d->text.lines[n->line - 1];
    jf_number(f, "line", (double)n->line);
    gy_slice text = {l->indent, l->trim};
    jf_slice(f, "text", d, text, 0);
    jf_cstr(f, "rule", n->rule);
}

static void source_fields(const gy_doc *d, size_t i, gy_jfields *f)
{
    const gy_source *src = d->src;
    (void)i;
    jf_cstr(f, "path", src->name);
    jf_cstr(f, "encoding", src->encoding);
    jf_bool(f, "bom", src->bom);
    jf_number(f, "bytes", (double)src->raw_bytes);
    jf_number(f, "lines", (double)src->lines);
}

cJSON *gy_json_source(const gy_doc *d) { return element(d, 0, source_fields); }

static void flat(gy_jw *w, const gy_doc *d, size_t i, fields_fn fn)
{
    gy_jfields f;
    jf_init(&f);
    fn(d, i, &f);
    jw_flat(w, &f);
    jf_free(&f);
}

static void array(gy_jw *w, const char *key, const gy_doc *d, size_t n, fields_fn fn)
{
    gy_jw_key(w, key);
    gy_jw_begin_value(w);
    gy_jw_open_array(w);
    for (size_t i = 0; i < n && !w->oom; i++)
        flat(w, d, i, fn);
    gy_jw_close_array(w);
}

/* A string value after a key: s escaped, or null. */
static void string_value(gy_jw *w, const char *s)
{
    gy_jw_begin_value(w);
    char *e = s ? json_escape(s, strlen(s)) : NULL;
    if (s && !e)
        w->oom = 1;
    fputs(e ? e : "null", w->out);
    free(e);
}

int gy_render_json(const gy_doc *d, FILE *out, const gy_render_options *opt, gy_error *err)
{
    unsigned show = opt ? opt->show : GY_SHOW_ALL;
    gy_jw w;
    gy_jw_init(&w, out, !(opt && opt->compact));
    gy_jw_open_object(&w);
    gy_jw_key(&w, "schema");
    string_value(&w, "gangyao/1");
    gy_jw_key(&w, "source");
    flat(&w, d, 0, source_fields);
    if (show & GY_SHOW_TITLE) {
        gy_jw_key(&w, "title");
        string_value(&w, d->title);
        gy_jw_key(&w, "occasion");
        string_value(&w, d->occasion);
        gy_jw_key(&w, "speaker");
        string_value(&w, d->speaker);
    }
    if (show & GY_SHOW_NOISE)
        array(&w, "noise", d, d->noise.len, noise_fields);
    if (show & GY_SHOW_SECTIONS)
        array(&w, "sections", d, d->sections.len, section_fields);
    if (show & GY_SHOW_TASKS)
        array(&w, "tasks", d, d->tasks.len, task_fields);
    if (show & GY_SHOW_TARGETS)
        array(&w, "targets", d, d->targets.len, target_fields);
    if (show & GY_SHOW_TIMES)
        array(&w, "times", d, d->times.len, time_fields);
    if (show & GY_SHOW_WARNINGS)
        array(&w, "warnings", d, d->warnings.len, warning_fields);
    gy_jw_close_object(&w);
    fputc('\n', out);
    if (w.oom) {
        gy_error_oom(err, d->src->name);
        return -1;
    }
    if (ferror(out)) {
        gy_error_set(err, GY_E_OUTPUT, "<stdout>", 0, 0, -1, "", "write error");
        return -1;
    }
    return 0;
}
