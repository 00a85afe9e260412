/* JSON reporter (schema "gangyao/1", see docs/schema.md).  Each element is
 * built as a small cJSON object and printed at once, so a large document
 * never needs one whole JSON tree in memory. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "jsonout.h"
#include "source.h"

/* ---- the streaming writer (shared with the diff reporter) --------------- */

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
    cJSON *k = cJSON_CreateString(key);
    char *s = k ? cJSON_PrintUnformatted(k) : NULL;
    if (s)
        fputs(s, w->out);
    else
        w->oom = 1;
    fputs(w->pretty ? ":\t" : ":", w->out);
    cJSON_free(s);
    cJSON_Delete(k);
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
    if (w->after_key) {
        w->after_key = 0;
        w->count[w->depth]++;
    } else {
        separator(w);
    }
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

/* Writes a flat object of n fields whose values are ready JSON text, laid
 * out exactly as cJSON prints one, without building it: the path for the
 * many small elements (noise lines) of a large document. */
static void jw_flat(gy_jw *w, const char *const *keys, const char *const *vals, size_t n)
{
    static const char tabs[GY_JW_MAX_DEPTH + 1] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
    if (w->after_key) {
        w->after_key = 0;
        w->count[w->depth]++;
    } else {
        separator(w);
    }
    fputc('{', w->out);
    for (size_t i = 0; i < n; i++) {
        if (w->pretty) {
            fputc('\n', w->out);
            fwrite(tabs, 1, (size_t)w->depth + 1, w->out);
        }
        fprintf(w->out, w->pretty ? "\"%s\":\t" : "\"%s\":", keys[i]);
        fputs(vals[i], w->out);
        if (i + 1 < n)
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

cJSON *gy_json_number(double v)
{
    char buf[40];
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
        return cJSON_CreateRaw(buf);
    }
    if (v != v || v == HUGE_VAL || v == -HUGE_VAL)
        return cJSON_CreateNull();
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    return cJSON_CreateRaw(buf);
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
cJSON *gy_json_string(const char *s, size_t n)
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
    return gy_json_string(d->s + sl.start, sl.end - sl.start);
}

static cJSON *id_or_null(char prefix, size_t index1)
{
    if (!index1)
        return cJSON_CreateNull();
    char buf[32];
    snprintf(buf, sizeof buf, "%c%zu", prefix, index1);
    return cJSON_CreateString(buf);
}

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *number_or_null(long n)
{
    return n >= 0 ? gy_json_number((double)n) : cJSON_CreateNull();
}

static cJSON *add(cJSON *o, const char *key, cJSON *v)
{
    if (!v)
        return NULL;
    cJSON_AddItemToObject(o, key, v);
    return o;
}

static const char *role_name(gy_role r)
{
    return r == GY_ROLE_REVIEW ? "review" : r == GY_ROLE_PLAN ? "plan" : NULL;
}

cJSON *gy_json_section(const gy_doc *d, size_t i)
{
    const gy_section *s = &GY_SECTIONS(d)[i];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = add(o, "id", id_or_null('s', i + 1)) && add(o, "parent", id_or_null('s', s->parent)) &&
             add(o, "level", gy_json_number(s->level)) &&
             add(o, "marker", s->marker.end > s->marker.start ? gy_json_slice(d, s->marker)
                                                              : cJSON_CreateString("")) &&
             add(o, "number", number_or_null(s->number)) &&
             add(o, "heading", s->heading.end > s->heading.start ? gy_json_slice(d, s->heading)
                                                                 : cJSON_CreateString("")) &&
             add(o, "line", gy_json_number((double)s->line)) &&
             add(o, "kind", cJSON_CreateString(s->kind)) &&
             add(o, "role", str_or_null(role_name(s->role))) &&
             add(o, "start", gy_json_number((double)s->start)) &&
             add(o, "end", gy_json_number((double)s->end));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

cJSON *gy_json_task(const gy_doc *d, size_t i)
{
    const gy_task *t = &GY_TASKS(d)[i];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = add(o, "id", id_or_null('t', i + 1)) &&
             add(o, "section", id_or_null('s', t->section)) &&
             add(o, "parent", id_or_null('t', t->parent)) &&
             add(o, "series", gy_json_number((double)t->series)) &&
             add(o, "marker", gy_json_slice(d, t->marker)) &&
             add(o, "number", gy_json_number((double)t->number)) &&
             add(o, "text", t->text.end > t->text.start ? gy_json_slice(d, t->text)
                                                       : cJSON_CreateString("")) &&
             add(o, "directive", cJSON_CreateBool(t->directive)) &&
             add(o, "deadline", gy_json_slice(d, t->deadline)) &&
             add(o, "line", gy_json_number((double)t->line)) &&
             add(o, "start", gy_json_number((double)t->start)) &&
             add(o, "end", gy_json_number((double)t->end));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *bound(int present, double v)
{
    return present ? gy_json_number(v) : cJSON_CreateNull();
}

cJSON *gy_json_target(const gy_doc *d, size_t i)
{
    const gy_target *t = &GY_TARGETS(d)[i];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int lower = t->is_range || (t->op != GY_OP_LE && t->op != GY_OP_LT);
    int upper = t->is_range || (t->op != GY_OP_GE && t->op != GY_OP_GT);
    int ok = add(o, "id", id_or_null('q', i + 1)) && add(o, "text", gy_json_slice(d, t->text)) &&
             add(o, "value", gy_json_number(t->value)) &&
             add(o, "unit", cJSON_CreateString(t->unit)) &&
             add(o, "op", cJSON_CreateString(gy_op_names[t->op])) &&
             add(o, "min", bound(lower, t->is_range ? t->min : t->value)) &&
             add(o, "max", bound(upper, t->is_range ? t->max : t->value)) &&
             add(o, "range", cJSON_CreateBool(t->is_range)) &&
             add(o, "period", gy_json_slice(d, t->period)) &&
             add(o, "kind", cJSON_CreateString(t->fact ? "fact" : "target")) &&
             add(o, "sentence", gy_json_slice(d, t->sentence)) &&
             add(o, "section", id_or_null('s', t->section)) &&
             add(o, "task", id_or_null('t', t->task)) &&
             add(o, "line", gy_json_number((double)t->line)) &&
             add(o, "start", gy_json_number((double)t->text.start)) &&
             add(o, "end", gy_json_number((double)t->text.end));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *json_time(const gy_doc *d, size_t i)
{
    const gy_time *t = &GY_TIMES(d)[i];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = add(o, "text", gy_json_slice(d, t->text)) &&
             add(o, "kind", cJSON_CreateString(gy_time_kind_names[t->kind])) &&
             add(o, "line", gy_json_number((double)t->line)) &&
             add(o, "start", gy_json_number((double)t->text.start)) &&
             add(o, "end", gy_json_number((double)t->text.end));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void noise_array(gy_jw *w, const gy_doc *d)
{
    static const char *const keys[] = {"line", "text", "rule"};
    gy_jw_key(w, "noise");
    gy_jw_begin_value(w);
    gy_jw_open_array(w);
    for (size_t i = 0; i < d->noise.len && !w->oom; i++) {
        const gy_noise *n = &((const gy_noise *)d->noise.items)[i];
        const gy_line *l = &d->text.lines[n->line - 1];
        char line[24];
        snprintf(line, sizeof line, "%zu", n->line);
        char *text = l->trim > l->indent ? json_escape(d->s + l->indent, l->trim - l->indent) : NULL;
        char *rule = json_escape(n->rule, strlen(n->rule));
        if ((l->trim > l->indent && !text) || !rule) {
            w->oom = 1;
        } else {
            const char *vals[] = {line, text ? text : "null", rule};
            jw_flat(w, keys, vals, 3);
        }
        free(text);
        free(rule);
    }
    gy_jw_close_array(w);
}

static cJSON *json_warning(const gy_doc *d, size_t i)
{
    const gy_warning *w = &((const gy_warning *)d->warnings.items)[i];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = add(o, "line", w->line ? gy_json_number((double)w->line) : cJSON_CreateNull()) &&
             add(o, "code", cJSON_CreateString(w->code)) &&
             add(o, "message", cJSON_CreateString(w->message));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

cJSON *gy_json_source(const gy_doc *d)
{
    const gy_source *src = d->src;
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = add(o, "path", cJSON_CreateString(src->name)) &&
             add(o, "encoding", cJSON_CreateString(src->encoding)) &&
             add(o, "bom", cJSON_CreateBool(src->bom)) &&
             add(o, "bytes", gy_json_number((double)src->raw_bytes)) &&
             add(o, "lines", gy_json_number((double)src->lines));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void array(gy_jw *w, const char *key, const gy_doc *d, size_t n,
                  cJSON *(*item)(const gy_doc *, size_t))
{
    gy_jw_key(w, key);
    gy_jw_begin_value(w);
    gy_jw_open_array(w);
    for (size_t i = 0; i < n && !w->oom; i++)
        gy_jw_item(w, item(d, i));
    gy_jw_close_array(w);
}

int gy_render_json(const gy_doc *d, FILE *out, const gy_render_options *opt, gy_error *err)
{
    unsigned show = opt ? opt->show : GY_SHOW_ALL;
    gy_jw w;
    gy_jw_init(&w, out, !(opt && opt->compact));
    gy_jw_open_object(&w);
    gy_jw_key(&w, "schema");
    gy_jw_item(&w, cJSON_CreateString("gangyao/1"));
    gy_jw_key(&w, "source");
    gy_jw_item(&w, gy_json_source(d));
    if (show & GY_SHOW_TITLE) {
        gy_jw_key(&w, "title");
        gy_jw_item(&w, str_or_null(d->title));
        gy_jw_key(&w, "occasion");
        gy_jw_item(&w, str_or_null(d->occasion));
        gy_jw_key(&w, "speaker");
        gy_jw_item(&w, str_or_null(d->speaker));
    }
    if (show & GY_SHOW_NOISE)
        noise_array(&w, d);
    if (show & GY_SHOW_SECTIONS)
        array(&w, "sections", d, d->sections.len, gy_json_section);
    if (show & GY_SHOW_TASKS)
        array(&w, "tasks", d, d->tasks.len, gy_json_task);
    if (show & GY_SHOW_TARGETS)
        array(&w, "targets", d, d->targets.len, gy_json_target);
    if (show & GY_SHOW_TIMES)
        array(&w, "times", d, d->times.len, json_time);
    if (show & GY_SHOW_WARNINGS)
        array(&w, "warnings", d, d->warnings.len, json_warning);
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
