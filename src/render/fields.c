/* Field descriptions of the elements of the model (see fields.h), and the
 * public readers built on them. */
#include "fields.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "source.h"

/* ---- values -------------------------------------------------------------- */

static gy_value null_value(void)
{
    gy_value v = {GY_VALUE_NULL, 0, 0, NULL, 0};
    return v;
}

static gy_value int_value(long long i)
{
    gy_value v = null_value();
    v.type = GY_VALUE_INT;
    v.i = i;
    return v;
}

static gy_value number_value(double n)
{
    gy_value v = null_value();
    v.type = GY_VALUE_NUMBER;
    v.n = n;
    return v;
}

static gy_value bool_value(int b)
{
    gy_value v = int_value(b != 0);
    v.type = GY_VALUE_BOOL;
    return v;
}

static gy_value string_value(const char *s, size_t n)
{
    gy_value v = null_value();
    v.type = GY_VALUE_STRING;
    v.s = s;
    v.len = n;
    return v;
}

/* A NUL-terminated string of the model, null when absent. */
static gy_value cstr_value(const char *s) { return s ? string_value(s, strlen(s)) : null_value(); }

/* A slice of the text: an empty one is null, or "" when empty_string. */
static gy_value slice_value(const gy_doc *d, gy_slice sl, int empty_string)
{
    if (sl.end > sl.start)
        return string_value(d->s + sl.start, sl.end - sl.start);
    return empty_string ? string_value("", 0) : null_value();
}

/* The element with number index1 (index + 1), null for 0. */
static gy_value id_value(const char *prefix, size_t index1)
{
    if (!index1)
        return null_value();
    gy_value v = string_value(prefix, strlen(prefix));
    v.type = GY_VALUE_ID;
    v.i = (long long)index1;
    return v;
}

/* ---- the elements ----------------------------------------------------------- */

static const char *const source_fields[] = {"path", "encoding", "bom", "bytes", "lines"};

static void source_values(const gy_doc *d, size_t i, gy_value *v)
{
    const gy_source *src = d->src;
    (void)i;
    v[0] = cstr_value(src->name);
    v[1] = cstr_value(src->encoding);
    v[2] = bool_value(src->bom);
    v[3] = int_value((long long)src->raw_bytes);
    v[4] = int_value((long long)src->lines);
}

static const char *const noise_fields[] = {"line", "text", "rule"};

static void noise_values(const gy_doc *d, size_t i, gy_value *v)
{
    const gy_noise *n = &((const gy_noise *)d->noise.items)[i];
    const gy_line *l = &d->text.lines[n->line - 1];
    gy_slice text = {l->indent, l->trim};
    v[0] = int_value((long long)n->line);
    v[1] = slice_value(d, text, 0);
    v[2] = cstr_value(n->rule);
}

static const char *const section_fields[] = {"id", "parent", "level", "marker", "number", "heading",
                                             "line", "kind", "role", "start", "end"};

static void section_values(const gy_doc *d, size_t i, gy_value *v)
{
    const gy_section *s = &GY_SECTIONS(d)[i];
    v[0] = id_value("s", i + 1);
    v[1] = id_value("s", s->parent);
    v[2] = int_value(s->level);
    v[3] = slice_value(d, s->marker, 1);
    v[4] = s->number >= 0 ? int_value(s->number) : null_value();
    v[5] = slice_value(d, s->heading, 1);
    v[6] = int_value((long long)s->line);
    v[7] = cstr_value(s->kind);
    v[8] = cstr_value(gy_role_names[s->role]);
    v[9] = int_value((long long)s->start);
    v[10] = int_value((long long)s->end);
}

static const char *const task_fields[] = {"id", "section", "parent", "series", "marker", "number",
                                          "text", "directive", "deadline", "line", "start", "end"};

static void task_values(const gy_doc *d, size_t i, gy_value *v)
{
    const gy_task *t = &GY_TASKS(d)[i];
    v[0] = id_value("t", i + 1);
    v[1] = id_value("s", t->section);
    v[2] = id_value("t", t->parent);
    v[3] = int_value((long long)t->series);
    v[4] = slice_value(d, t->marker, 0);
    v[5] = int_value(t->number);
    v[6] = slice_value(d, t->text, 1);
    v[7] = bool_value(t->directive);
    v[8] = slice_value(d, t->deadline, 0);
    v[9] = int_value((long long)t->line);
    v[10] = int_value((long long)t->start);
    v[11] = int_value((long long)t->end);
}

const char *gy_target_kind(const gy_target *t) { return t->fact ? "fact" : "target"; }

static const char *const target_fields[] = {
    "id",        "text",     "value",      "unit",     "op",       "min",      "max",
    "range",     "bound",    "stretch",    "aspiration", "period", "kind",     "estimate",
    "subject",   "indicator", "year",      "year_from", "restates", "sentence", "section",
    "task",      "line",     "start",      "end"};

/* v with no more digits than it needs: 5, 5.5, 290000000. */
size_t gy_number_text(double v, char *buf, size_t size)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.10f", v);
    size_t n = strlen(buf);
    if (strchr(buf, '.')) {
        while (n > 0 && buf[n - 1] == '0')
            buf[--n] = '\0';
        if (n > 0 && buf[n - 1] == '.')
            buf[--n] = '\0';
    }
    return n;
}

const char *gy_op_symbol(enum gy_op op)
{
    static const char *const sym[GY_OP_COUNT] = {"=", "≥", ">", "≤", "<", "≈", "–"};
    return (unsigned)op < GY_OP_COUNT ? sym[op] : "?";
}

void gy_target_reading(const gy_target *t, char *buf, size_t size)
{
    char a[64], b[64];
    if (t->op == GY_OP_RANGE) {
        gy_number_text(t->min, a, sizeof a);
        gy_number_text(t->max, b, sizeof b);
        snprintf(buf, size, "%s – %s%s%s", a, b, *t->unit ? " " : "", t->unit);
    } else {
        gy_number_text(t->value, a, sizeof a);
        snprintf(buf, size, "%s %s%s%s", gy_op_symbol(t->op), a, *t->unit ? " " : "", t->unit);
    }
}

int gy_target_has_min(const gy_target *t) { return t->op != GY_OP_LE && t->op != GY_OP_LT; }
int gy_target_has_max(const gy_target *t) { return t->op != GY_OP_GE && t->op != GY_OP_GT; }

/* A bound is null where the comparison leaves it open (>= 5 has no max). */
static void target_values(const gy_doc *d, size_t i, gy_value *v)
{
    const gy_target *t = &GY_TARGETS(d)[i];
    v[0] = id_value("q", i + 1);
    v[1] = slice_value(d, t->text, 0);
    v[2] = number_value(t->value);
    v[3] = cstr_value(t->unit);
    v[4] = cstr_value(gy_op_names[t->op]);
    v[5] = gy_target_has_min(t) ? number_value(t->min) : null_value();
    v[6] = gy_target_has_max(t) ? number_value(t->max) : null_value();
    v[7] = bool_value(t->op == GY_OP_RANGE);
    v[8] = cstr_value(gy_bound_names[t->bound]);
    v[9] = t->has_stretch ? number_value(t->stretch) : null_value();
    v[10] = bool_value(t->aspiration);
    v[11] = slice_value(d, t->period, 0);
    v[12] = cstr_value(gy_target_kind(t));
    v[13] = bool_value(t->estimate);
    v[14] = cstr_value(t->subject);
    v[15] = cstr_value(t->indicator);
    v[16] = t->year ? int_value(t->year) : null_value();
    v[17] = t->year_from ? int_value(t->year_from) : null_value();
    v[18] = id_value("q", t->restates);
    v[19] = slice_value(d, t->sentence, 0);
    v[20] = id_value("s", t->section);
    v[21] = id_value("t", t->task);
    v[22] = int_value((long long)t->line);
    v[23] = int_value((long long)t->text.start);
    v[24] = int_value((long long)t->text.end);
}

static const char *const time_fields[] = {"text", "kind", "line", "start", "end"};

static void time_values(const gy_doc *d, size_t i, gy_value *v)
{
    const gy_time *t = &GY_TIMES(d)[i];
    v[0] = slice_value(d, t->text, 0);
    v[1] = cstr_value(gy_time_kind_names[t->kind]);
    v[2] = int_value((long long)t->line);
    v[3] = int_value((long long)t->text.start);
    v[4] = int_value((long long)t->text.end);
}

static const char *const warning_fields[] = {"line", "code", "message"};

static void warning_values(const gy_doc *d, size_t i, gy_value *v)
{
    const gy_warning *w = &((const gy_warning *)d->warnings.items)[i];
    v[0] = w->line ? int_value((long long)w->line) : null_value();
    v[1] = cstr_value(w->code);
    v[2] = cstr_value(w->message);
}

#define FIELDS(a) a, sizeof a / sizeof a[0]

const gy_element_desc gy_elements[GY_ELEM_COUNT] = {
    {"source", FIELDS(source_fields), source_values},
    {"noise", FIELDS(noise_fields), noise_values},
    {"section", FIELDS(section_fields), section_values},
    {"task", FIELDS(task_fields), task_values},
    {"target", FIELDS(target_fields), target_values},
    {"time", FIELDS(time_fields), time_values},
    {"warning", FIELDS(warning_fields), warning_values},
};

/* ---- public readers -------------------------------------------------------- */

static int known(gy_element e) { return (unsigned)e < GY_ELEM_COUNT; }

const char *gy_element_name(gy_element e) { return known(e) ? gy_elements[e].name : NULL; }

size_t gy_field_count(gy_element e) { return known(e) ? gy_elements[e].nfields : 0; }

const char *gy_field_name(gy_element e, size_t f)
{
    return known(e) && f < gy_elements[e].nfields ? gy_elements[e].fields[f] : NULL;
}

long gy_field_index(gy_element e, const char *name)
{
    for (size_t f = 0; known(e) && f < gy_elements[e].nfields; f++)
        if (strcmp(gy_elements[e].fields[f], name) == 0)
            return (long)f;
    return -1;
}

size_t gy_doc_count(const gy_doc *d, gy_element e)
{
    switch (e) {
    case GY_ELEM_SOURCE: return 1;
    case GY_ELEM_NOISE: return d->noise.len;
    case GY_ELEM_SECTION: return d->sections.len;
    case GY_ELEM_TASK: return d->tasks.len;
    case GY_ELEM_TARGET: return d->targets.len;
    case GY_ELEM_TIME: return d->times.len;
    case GY_ELEM_WARNING: return d->warnings.len;
    default: return 0;
    }
}

gy_value gy_doc_value(const gy_doc *d, gy_element e, size_t i, size_t f)
{
    if (!known(e) || i >= gy_doc_count(d, e) || f >= gy_elements[e].nfields)
        return null_value();
    gy_value v[GY_MAX_FIELDS];
    gy_elements[e].values(d, i, v);
    return v[f];
}

gy_value gy_doc_get(const gy_doc *d, gy_element e, size_t i, const char *field)
{
    long f = gy_field_index(e, field);
    return f < 0 ? null_value() : gy_doc_value(d, e, i, (size_t)f);
}
