/* The document model: its names, the helpers every extraction stage uses to
 * fill it and to find its way in it, and freeing it. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

const char *const gy_op_names[GY_OP_COUNT] = {"=", ">=", ">", "<=", "<", "~", "range"};
const char *const gy_time_kind_names[GY_TIME_KIND_COUNT] = {
    "date", "range", "deadline", "period", "frequency"};
const char *const gy_role_names[3] = {NULL, "review", "plan"};
const char *const gy_bound_names[GY_BOUND_COUNT] = {"hard", "soft", "ceiling", "range", "point"};

int gy_name_index(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return i;
    return -1;
}

int gy_doc_warn(gy_doc *d, size_t line, const char *code, const char *fmt, ...)
{
    gy_warning *w = gy_vec_push(&d->arena, &d->warnings, sizeof *w);
    if (!w)
        return -1;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    w->line = line;
    w->code = code;
    w->message = gy_arena_strndup(&d->arena, buf, strlen(buf));
    return w->message ? 0 : -1;
}

/* Warnings in line order (insertion sort: stable, and the list is short). */
void gy_doc_sort_warnings(gy_doc *d)
{
    gy_warning *w = d->warnings.items;
    for (size_t i = 1; i < d->warnings.len; i++) {
        gy_warning x = w[i];
        size_t j = i;
        while (j > 0 && w[j - 1].line > x.line) {
            w[j] = w[j - 1];
            j--;
        }
        w[j] = x;
    }
}

size_t gy_doc_past_join(const gy_doc *d, size_t pos, size_t end)
{
    size_t q = pos, len;
    int breaks = 0;
    while (q < end) {
        unsigned char c = (unsigned char)d->s[q];
        if (c == '\n' || c == '\r') {
            breaks = 1;
            q++;
            continue;
        }
        if (!gy_is_space(gy_utf8_at_valid(d->s, q, end, &len)))
            break;
        q += len;
    }
    return breaks ? q : pos;
}

size_t gy_doc_before_join(const gy_doc *d, size_t floor, size_t pos)
{
    size_t q = pos, len;
    int breaks = 0;
    while (q > floor) {
        unsigned char c = (unsigned char)d->s[q - 1];
        if (c == '\n' || c == '\r') {
            breaks = 1;
            q--;
            continue;
        }
        if (!gy_is_space(gy_utf8_before_valid(d->s, floor, q, &len)))
            break;
        q -= len;
    }
    return breaks ? q : pos;
}

int gy_doc_set_noise(gy_doc *d, size_t i, const char *rule)
{
    if (d->flags[i] & GY_LINE_NOISE)
        return 0;
    d->flags[i] |= GY_LINE_NOISE;
    gy_noise *n = gy_vec_push(&d->arena, &d->noise, sizeof *n);
    if (!n)
        return -1;
    n->line = i + 1;
    n->rule = rule;
    return 0;
}

int gy_doc_line_live(const gy_doc *d, size_t i)
{
    return gy_line_has_text(&d->text.lines[i]) && !(d->flags[i] & GY_LINE_NOISE) &&
           d->content[i].start < d->content[i].end;
}

/* Where the extent and parent of an element of a nested list lie in it. */
typedef struct nest_layout {
    size_t size, start, end, parent;
} nest_layout;

static size_t field_at(const char *item, size_t offset)
{
    size_t v;
    memcpy(&v, item + offset, sizeof v);
    return v;
}

/* Index + 1 of the innermost element of a nested list (in text order, each
 * element's parent its index + 1) whose extent holds off, 0 = none. */
static size_t innermost_at(const void *items, size_t n, const nest_layout *l, size_t off)
{
    const char *p = items;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (field_at(p + mid * l->size, l->start) <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* of the elements starting by off, the last whose extent holds off is
     * the innermost; one that ended before off leads to its parent, and a
     * top-level one that ended before off means none holds it */
    size_t i = lo;
    while (i > 0 && off >= field_at(p + (i - 1) * l->size, l->end))
        i = field_at(p + (i - 1) * l->size, l->parent);
    return i;
}

size_t gy_doc_section_at(const gy_doc *d, size_t off)
{
    static const nest_layout l = {sizeof(gy_section), offsetof(gy_section, start),
                                  offsetof(gy_section, end), offsetof(gy_section, parent)};
    return innermost_at(d->sections.items, d->sections.len, &l, off);
}

size_t gy_doc_task_at(const gy_doc *d, size_t off)
{
    static const nest_layout l = {sizeof(gy_task), offsetof(gy_task, start),
                                  offsetof(gy_task, end), offsetof(gy_task, parent)};
    return innermost_at(d->tasks.items, d->tasks.len, &l, off);
}

size_t gy_slice_chars(const gy_doc *d, gy_slice sl)
{
    return sl.end > sl.start ? gy_utf8_count(d->s + sl.start, sl.end - sl.start) : 0;
}

void gy_doc_free(gy_doc *d)
{
    if (!d)
        return;
    gy_arena_free(&d->arena);
    free(d);
}

const char *gy_doc_title(const gy_doc *d) { return d->title; }
const char *gy_doc_occasion(const gy_doc *d) { return d->occasion; }
const char *gy_doc_speaker(const gy_doc *d) { return d->speaker; }
int gy_doc_year(const gy_doc *d) { return d->year; }

const char *gy_level_name(gy_level level)
{
    static const char *const names[] = {NULL, "national", "province", "prefecture", "county"};
    return (unsigned)level < sizeof names / sizeof names[0] ? names[level] : NULL;
}

const char *gy_doc_region(const gy_doc *d, const char **code, gy_level *level)
{
    if (code)
        *code = d->region_code;
    if (level)
        *level = d->region_level;
    return d->region_name;
}
const char *gy_doc_date(const gy_doc *d) { return d->date[0] ? d->date : NULL; }
size_t gy_doc_section_count(const gy_doc *d) { return d->sections.len; }
size_t gy_doc_task_count(const gy_doc *d) { return d->tasks.len; }
size_t gy_doc_target_count(const gy_doc *d) { return d->targets.len; }
size_t gy_doc_warning_count(const gy_doc *d) { return d->warnings.len; }

const char *gy_doc_warning_code(const gy_doc *d, size_t i)
{
    return ((const gy_warning *)d->warnings.items)[i].code;
}

void gy_doc_warning(const gy_doc *d, size_t i, char *buf, size_t size)
{
    const gy_warning *w = &((const gy_warning *)d->warnings.items)[i];
    if (w->line)
        snprintf(buf, size, "%zu: warning: %s", w->line, w->message);
    else
        snprintf(buf, size, " warning: %s", w->message);
}
