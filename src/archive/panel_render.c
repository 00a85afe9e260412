/* The panel's table in text, CSV, JSON and JSON Lines, over one
 * description of its columns: a column holds the same value in every
 * format (met: yes/no in CSV and text, true/false in JSON; null is an
 * empty cell). */
#include <stdlib.h>
#include <string.h>

#include "jsonout.h"
#include "panel.h"
#include "utf8.h"

/* A cell's value; text in buf when it is made for the cell. */
typedef struct pcell {
    gy_value v;
    char buf[512];
} pcell;

static void str(pcell *c, const char *s)
{
    c->v = s ? (gy_value){GY_VALUE_STRING, 0, 0, s, strlen(s)} : (gy_value){GY_VALUE_NULL, 0, 0, NULL, 0};
}

static void num(pcell *c, int has, double n)
{
    c->v = has ? (gy_value){GY_VALUE_NUMBER, 0, n, NULL, 0} : (gy_value){GY_VALUE_NULL, 0, 0, NULL, 0};
}

static void boolean(pcell *c, int b) { c->v = (gy_value){GY_VALUE_BOOL, b, 0, NULL, 0}; }

static void source(pcell *c, const gy_panel_entry *e, const gy_pfig *f)
{
    if (!f) {
        str(c, NULL);
        return;
    }
    snprintf(c->buf, sizeof c->buf, "%s:%zu", e->file, f->line);
    str(c, c->buf);
}

typedef void (*cell_fn)(pcell *c, const gy_prow *r);

static void c_region(pcell *c, const gy_prow *r) { str(c, r->region->region); }
static void c_code(pcell *c, const gy_prow *r) { str(c, r->region->code); }
static void c_level(pcell *c, const gy_prow *r) { str(c, gy_level_name(r->region->level)); }
static void c_year(pcell *c, const gy_prow *r) { c->v = (gy_value){GY_VALUE_INT, r->year, 0, NULL, 0}; }
static void c_indicator(pcell *c, const gy_prow *r) { str(c, r->indicator); }
static void c_zh(pcell *c, const gy_prow *r) { str(c, r->zh); }
static void c_goal_text(pcell *c, const gy_prow *r) { str(c, r->goal ? r->goal->text : NULL); }
static void c_goal_op(pcell *c, const gy_prow *r)
{
    str(c, r->goal ? gy_op_names[r->goal->op] : NULL);
}
static void c_goal_min(pcell *c, const gy_prow *r) { num(c, r->goal != NULL, r->goal ? r->goal->min : 0); }
static void c_goal_max(pcell *c, const gy_prow *r) { num(c, r->goal != NULL, r->goal ? r->goal->max : 0); }
static void c_unit(pcell *c, const gy_prow *r)
{
    str(c, r->goal ? r->goal->unit : r->outcome ? r->outcome->unit : NULL);
}
static void c_bound(pcell *c, const gy_prow *r)
{
    str(c, r->goal ? gy_bound_names[r->goal->bound] : NULL);
}
static void c_stretch(pcell *c, const gy_prow *r)
{
    num(c, r->goal && r->goal->has_stretch, r->goal ? r->goal->stretch : 0);
}
static void c_goal_source(pcell *c, const gy_prow *r) { source(c, r->goal_from, r->goal); }
static void c_outcome_text(pcell *c, const gy_prow *r)
{
    str(c, r->outcome ? r->outcome->text : NULL);
}
static void c_outcome_value(pcell *c, const gy_prow *r)
{
    num(c, r->outcome != NULL, r->outcome ? r->outcome->value : 0);
}
static void c_estimate(pcell *c, const gy_prow *r)
{
    if (r->outcome)
        boolean(c, r->outcome->estimate);
    else
        str(c, NULL);
}
static void c_outcome_source(pcell *c, const gy_prow *r) { source(c, r->outcome_from, r->outcome); }
static void c_met(pcell *c, const gy_prow *r)
{
    if (r->met < 0)
        str(c, NULL);
    else
        boolean(c, r->met);
}
static void c_gap(pcell *c, const gy_prow *r) { num(c, r->has_gap, r->gap); }
static void c_national(pcell *c, const gy_prow *r) { num(c, r->has_national, r->national); }
static void c_escalation(pcell *c, const gy_prow *r) { num(c, r->has_national, r->escalation); }
static void c_no_goal(pcell *c, const gy_prow *r) { boolean(c, r->no_goal); }

typedef struct pcolumn {
    const char *name;
    cell_fn fn;
    int in_text;           /* shown in the text table */
} pcolumn;

static const pcolumn columns[] = {
    {"region", c_region, 1},          {"region_code", c_code, 0},
    {"level", c_level, 0},            {"year", c_year, 1},
    {"indicator", c_indicator, 0},    {"indicator_zh", c_zh, 1},
    {"goal_text", c_goal_text, 1},    {"goal_op", c_goal_op, 0},
    {"goal_min", c_goal_min, 0},      {"goal_max", c_goal_max, 0},
    {"unit", c_unit, 0},              {"bound", c_bound, 1},
    {"stretch", c_stretch, 0},        {"goal_source", c_goal_source, 0},
    {"outcome_text", c_outcome_text, 1}, {"outcome_value", c_outcome_value, 0},
    {"outcome_estimate", c_estimate, 0}, {"outcome_source", c_outcome_source, 0},
    {"met", c_met, 1},                {"gap", c_gap, 1},
    {"national_goal", c_national, 0}, {"escalation", c_escalation, 1},
    {"no_goal", c_no_goal, 0},
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

/* The cell as text for CSV and the terminal: numbers as JSON writes them,
 * true/false as yes/no, null empty. */
static const char *cell_text(pcell *c, size_t *n)
{
    switch (c->v.type) {
    case GY_VALUE_STRING: *n = c->v.len; return c->v.s;
    case GY_VALUE_BOOL: *n = c->v.i ? 3 : 2; return c->v.i ? "yes" : "no";
    case GY_VALUE_INT: snprintf(c->buf, sizeof c->buf, "%lld", c->v.i); break;
    case GY_VALUE_NUMBER: gy_json_number_text(c->v.n, c->buf); break;
    default: *n = 0; return "";
    }
    *n = strlen(c->buf);
    return c->buf;
}

static void csv_field(FILE *f, const char *s, size_t n, int first)
{
    if (!first)
        fputc(',', f);
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        fwrite(s, 1, n, f);
        return;
    }
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', f);
        fputc(s[i], f);
    }
    fputc('"', f);
}

int gy_panel_write_csv(const gy_panel *p, FILE *f, int bom)
{
    if (bom)
        fputs("\xEF\xBB\xBF", f);
    for (size_t k = 0; k < NCOLUMNS; k++)
        csv_field(f, columns[k].name, strlen(columns[k].name), k == 0);
    fputs("\r\n", f);
    pcell c;
    for (size_t i = 0; i < p->nrows; i++) {
        for (size_t k = 0; k < NCOLUMNS; k++) {
            size_t n;
            columns[k].fn(&c, &p->rows[i]);
            const char *s = cell_text(&c, &n);
            /* under --bom a text cell a spreadsheet would run as a formula
             * (= + - @) starts with an apostrophe */
            if (bom && c.v.type == GY_VALUE_STRING && n && strchr("=+-@\t\r", s[0]) &&
                n + 1 < sizeof c.buf) {
                memmove(c.buf + 1, s, n);
                c.buf[0] = '\'';
                s = c.buf;
                n++;
            }
            csv_field(f, s, n, k == 0);
        }
        fputs("\r\n", f);
    }
    return ferror(f) ? -1 : 0;
}

static void json_row(gy_jw *w, const gy_prow *r)
{
    pcell c;
    gy_jw_open_object(w);
    for (size_t k = 0; k < NCOLUMNS; k++) {
        columns[k].fn(&c, r);
        gy_jw_key(w, columns[k].name);
        gy_jw_value(w, &c.v);
    }
    gy_jw_close_object(w);
}

int gy_panel_write_json(const gy_panel *p, FILE *f, int lines, int compact)
{
    gy_jw *w = malloc(sizeof *w);
    if (!w)
        return -1;
    if (lines) {
        for (size_t i = 0; i < p->nrows; i++) {
            gy_jw_init(w, f, 0);
            json_row(w, &p->rows[i]);
            fputc('\n', f);
        }
    } else {
        gy_jw_init(w, f, !compact);
        gy_jw_open_object(w);
        gy_jw_key(w, "schema");
        gy_jw_cstr(w, "gangyao-panel/1");
        gy_jw_key(w, "rows");
        gy_jw_open_array(w);
        for (size_t i = 0; i < p->nrows; i++)
            json_row(w, &p->rows[i]);
        gy_jw_close_array(w);
        gy_jw_key(w, "warnings");
        gy_jw_open_array(w);
        for (size_t i = 0; i < p->nwarnings; i++)
            gy_jw_cstr(w, p->warnings[i]);
        gy_jw_close_array(w);
        gy_jw_close_object(w);
        fputc('\n', f);
    }
    int oom = w->oom;
    free(w);
    return oom || ferror(f) ? -1 : 0;
}

/* Columns a terminal shows s in: two for a wide (CJK) character. */
static size_t display_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0, len; i < n; i += len) {
        uint32_t cp = gy_utf8_decode((const unsigned char *)s + i, n - i, &len);
        w += cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                              (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                              (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                              (cp >= 0xFFE0 && cp <= 0xFFE6))
                 ? 2 : 1;
    }
    return w;
}

/* A table for people: the shown columns padded to their widest cell. */
int gy_panel_write_text(const gy_panel *p, FILE *f)
{
    size_t width[NCOLUMNS];
    pcell c;
    for (size_t k = 0; k < NCOLUMNS; k++)
        width[k] = strlen(columns[k].name);
    for (size_t i = 0; i < p->nrows; i++)
        for (size_t k = 0; k < NCOLUMNS; k++) {
            size_t n;
            columns[k].fn(&c, &p->rows[i]);
            const char *s = cell_text(&c, &n);
            size_t w = display_width(s, n);
            width[k] = w > width[k] ? w : width[k];
        }
    size_t last = 0;
    for (size_t k = 0; k < NCOLUMNS; k++)
        last = columns[k].in_text ? k : last;
    for (size_t i = 0; i <= p->nrows; i++) {
        int first = 1;
        for (size_t k = 0; k < NCOLUMNS; k++) {
            if (!columns[k].in_text)
                continue;
            size_t n;
            const char *s = columns[k].name;
            n = strlen(s);
            if (i) {
                columns[k].fn(&c, &p->rows[i - 1]);
                s = cell_text(&c, &n);
            }
            if (!first)
                fputs("  ", f);
            first = 0;
            gy_fput_shown(s, n, f);
            for (size_t pad = display_width(s, n); k < last && pad < width[k]; pad++)
                fputc(' ', f);
        }
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}
