/* CSV reporter (RFC 4180): one table for all documents, a header and then
 * one row per target, or per task with --only tasks; for spreadsheets, R
 * and pandas.  Each row starts with the document's columns (file, title,
 * date, year) and goes on with fields of the element read through the
 * shared field descriptions (fields.h), so a column holds what the JSON
 * field of the same name holds.  A field with a comma, a quote or a line
 * break is quoted; numbers are written plainly (290000000, never
 * 2.9e+08); null is an empty field. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fields.h"
#include "jsonout.h"
#include "render.h"
#include "source.h"

/* A column: its header and the element field it shows; a section id is
 * shown as that section's heading. */
typedef struct column {
    const char *header;
    const char *field;
} column;

static const char *const document_headers[] = {"file",   "record",      "id",          "title",
                                                "date",   "year",        "region",      "region_code",
                                                "region_level"};
enum { RECORD_HEADERS = 2 }; /* record and id: only for records */

static const column target_columns[] = {
    {"line", "line"},     {"indicator", "indicator"}, {"subject", "subject"},
    {"target_year", "year"}, {"year_from", "year_from"}, {"text", "text"},
    {"value", "value"},   {"op", "op"},     {"min", "min"},     {"max", "max"},
    {"unit", "unit"},     {"bound", "bound"}, {"stretch", "stretch"},
    {"aspiration", "aspiration"}, {"kind", "kind"}, {"estimate", "estimate"},
    {"restates", "restates"}, {"period", "period"}, {"section", "section"}};

static const column task_columns[] = {
    {"line", "line"},   {"section", "section"}, {"marker", "marker"}, {"number", "number"},
    {"text", "text"},   {"directive", "directive"}, {"deadline", "deadline"}};

#define COUNT(a) (sizeof a / sizeof a[0])

/* Where the table goes, and whether text cells are made inert (--bom: for
 * spreadsheets, which run a cell that starts with = + - @ as a formula). */
typedef struct csv {
    FILE *f;
    int inert;
} csv;

static int tasks_only(const gy_report *rep)
{
    return (rep->opt.show & GY_SHOW_TASKS) && !(rep->opt.show & GY_SHOW_TARGETS);
}

static void field(const csv *out, const char *s, size_t n, int first);

/* A cell of text: under --bom one a spreadsheet would run as a formula
 * starts with an apostrophe, which shows it as text. */
static void text_field(const csv *out, const char *s, size_t n, int first)
{
    if (out->inert && n && strchr("=+-@\t\r", s[0])) {
        char buf[4096];
        if (n + 1 <= sizeof buf) {
            buf[0] = '\'';
            memcpy(buf + 1, s, n);
            field(out, buf, n + 1, first);
            return;
        }
        if (!first)
            fputc(',', out->f);
        fputs("\"'", out->f);
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"')
                fputc('"', out->f);
            fputc(s[i], out->f);
        }
        fputc('"', out->f);
        return;
    }
    field(out, s, n, first);
}

static void field(const csv *out, const char *s, size_t n, int first)
{
    if (!first)
        fputc(',', out->f);
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        fwrite(s, 1, n, out->f);
        return;
    }
    fputc('"', out->f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', out->f);
        fputc(s[i], out->f);
    }
    fputc('"', out->f);
}

/* v written plainly: the shortest digits that read back, no exponent. */
static void number(const csv *out, double v)
{
    char buf[400];
    if (!isfinite(v)) {
        fputc(',', out->f);
        return;
    }
    /* the JSON writer's shortest digits, when they need no exponent (most
     * figures: 290000000, 5.5); else digits found here */
    gy_json_number_text(v, buf);
    if (!strpbrk(buf, "eE")) {
        field(out, buf, strlen(buf), 0);
        return;
    }
    int p;
    for (p = 1; p < 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    int exp10 = atoi(strchr(buf, 'e') + 1);
    int decimals = p - 1 - exp10 > 0 ? p - 1 - exp10 : 0;
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    field(out, buf, strlen(buf), 0);
}

/* One cell after the first; a section id shows the heading of the section
 * it names, another id (restates: q12) is written as it is. */
static void cell(const csv *out, const gy_doc *d, gy_value v)
{
    char buf[32];
    switch (v.type) {
    case GY_VALUE_NULL: fputc(',', out->f); break;
    case GY_VALUE_BOOL: field(out, v.i ? "true" : "false", v.i ? 4 : 5, 0); break;
    case GY_VALUE_INT:
        snprintf(buf, sizeof buf, "%lld", v.i);
        field(out, buf, strlen(buf), 0);
        break;
    case GY_VALUE_NUMBER: number(out, v.n); break;
    case GY_VALUE_STRING: text_field(out, v.s, v.len, 0); break;
    case GY_VALUE_ID:
        if (v.len == 1 && v.s[0] == 's') {
            cell(out, d, gy_doc_get(d, GY_ELEM_SECTION, (size_t)v.i - 1, "heading"));
        } else {
            snprintf(buf, sizeof buf, "%.*s%lld", (int)(v.len < 8 ? v.len : 8), v.s, v.i);
            field(out, buf, strlen(buf), 0);
        }
        break;
    }
}

static void header(const csv *out, const column *cols, size_t n, int records)
{
    for (size_t i = 0; i < COUNT(document_headers); i++)
        if (records || i == 0 || i > RECORD_HEADERS)
            field(out, document_headers[i], strlen(document_headers[i]), i == 0);
    for (size_t i = 0; i < n; i++)
        field(out, cols[i].header, strlen(cols[i].header), 0);
    fputs("\r\n", out->f);
}

static int csv_begin(gy_report *rep)
{
    const csv c = {rep->out, rep->opt.bom}, *out = &c;
    if (rep->opt.bom)
        fputs("\xEF\xBB\xBF", rep->out);
    if (tasks_only(rep))
        header(out, task_columns, COUNT(task_columns), rep->opt.records);
    else
        header(out, target_columns, COUNT(target_columns), rep->opt.records);
    return 0;
}

static void string_cell(const csv *out, const char *s)
{
    text_field(out, s ? s : "", s ? strlen(s) : 0, 0);
}

/* A record's line in its stream and the "id" of its other fields. */
static void record_cells(const csv *out, const gy_doc *d)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", d->src->record);
    field(out, buf, strlen(buf), 0);
    size_t len = 0;
    char *id = d->src->meta ? gy_meta_member(d->src->meta, d->src->meta_len, "id", &len) : NULL;
    text_field(out, id ? id : "", len, 0);
    free(id);
}

/* file (record, id), title, date, year: the same for every row of a
 * document. */
static void document_cells(const csv *out, const gy_doc *d, int records)
{
    text_field(out, d->src->name, strlen(d->src->name), 1);
    if (records)
        record_cells(out, d);
    string_cell(out, d->title);
    string_cell(out, d->date[0] ? d->date : NULL);
    if (d->year)
        number(out, d->year);
    else
        fputc(',', out->f);
    string_cell(out, d->region_name);
    string_cell(out, d->region_code);
    string_cell(out, gy_level_name(d->region_level));
}

static void rows(const csv *out, const gy_doc *d, gy_element e, const column *cols, size_t ncols,
                 int records)
{
    gy_value v[GY_MAX_FIELDS];
    long index[GY_MAX_FIELDS];
    for (size_t c = 0; c < ncols; c++)
        index[c] = gy_field_index(e, cols[c].field);
    for (size_t i = 0; i < gy_doc_count(d, e); i++) {
        gy_elements[e].values(d, i, v);
        document_cells(out, d, records);
        for (size_t c = 0; c < ncols; c++)
            if (index[c] >= 0)
                cell(out, d, v[index[c]]);
            else
                fputc(',', out->f);
        fputs("\r\n", out->f);
    }
}

static int csv_doc(gy_report *rep, const gy_doc *d)
{
    const csv c = {rep->out, rep->opt.bom}, *out = &c;
    if (tasks_only(rep))
        rows(out, d, GY_ELEM_TASK, task_columns, COUNT(task_columns), rep->opt.records);
    else
        rows(out, d, GY_ELEM_TARGET, target_columns, COUNT(target_columns), rep->opt.records);
    return 0;
}

const gy_format_impl gy_format_csv = {.name = "csv", .begin = csv_begin, .doc = csv_doc};
