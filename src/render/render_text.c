/* Text reporter: the title, then the outline as an indented tree in text
 * order (sections, the tasks in them, the targets under their task or
 * section), with line numbers; noise and warnings last. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "diff.h"
#include "fields.h"
#include "render.h"
#include "source.h"

typedef struct out {
    FILE *f;
    int color;
} out;

static const char *const BOLD = "\033[1m", *const DIM = "\033[2m", *const GREEN = "\033[32m",
                         *const YELLOW = "\033[33m", *const CYAN = "\033[36m",
                         *const RESET = "\033[0m";

static void on(const out *o, const char *code)
{
    if (o->color)
        fputs(code, o->f);
}

static void put_slice(const out *o, const gy_doc *d, gy_slice sl)
{
    if (sl.end > sl.start)
        gy_fput_shown(d->s + sl.start, sl.end - sl.start, o->f);
}

/* A string of the document or the rules, escaped for a terminal. */
static void put_str(const out *o, const char *s)
{
    gy_fput_shown(s, (size_t)-1, o->f);
}

static void gutter(const out *o, size_t line, int indent)
{
    on(o, DIM);
    fprintf(o->f, "%5zu", line);
    on(o, RESET);
    fprintf(o->f, "  %*s", indent * 2, "");
}

static int task_depth(const gy_doc *d, size_t i)
{
    int depth = 0;
    for (size_t p = GY_TASKS(d)[i].parent; p; p = GY_TASKS(d)[p - 1].parent)
        depth++;
    return depth;
}

static int section_level(const gy_doc *d, size_t sec)
{
    return sec ? GY_SECTIONS(d)[sec - 1].level : 0;
}

static void print_section(const out *o, const gy_doc *d, size_t i)
{
    const gy_section *s = &GY_SECTIONS(d)[i];
    gutter(o, s->line, s->level - 1);
    on(o, s->level == 1 ? BOLD : "");
    put_slice(o, d, s->marker);
    if (s->heading.start != s->marker.end && s->heading.end > s->heading.start)
        fputc(' ', o->f);
    put_slice(o, d, s->heading);
    on(o, RESET);
    fputc('\n', o->f);
}

static void print_task(const out *o, const gy_doc *d, size_t i)
{
    const gy_task *t = &GY_TASKS(d)[i];
    gutter(o, t->line, section_level(d, t->section) + task_depth(d, i));
    on(o, t->directive ? CYAN : DIM);
    put_slice(o, d, t->marker);
    on(o, RESET);
    fputc(' ', o->f);
    if (!t->directive)
        on(o, DIM);
    put_slice(o, d, t->text);
    if (!t->directive) {
        fputs("  (describes)", o->f);
        on(o, RESET);
    }
    if (t->deadline.end > t->deadline.start) {
        fputs("  [by ", o->f);
        put_slice(o, d, t->deadline);
        fputc(']', o->f);
    }
    fputc('\n', o->f);
}

/* Prints target i: what it measures and its text (国内生产总值增长 5%左右),
 * its reading and stretch, and what it is (period, kind, how hard a goal
 * binds, year or span, indicator, estimate, a goal stated again). */
static void print_target(const out *o, const gy_doc *d, size_t i)
{
    const gy_target *t = &GY_TARGETS(d)[i];
    int indent;
    if (t->task)
        indent = section_level(d, GY_TASKS(d)[t->task - 1].section) + task_depth(d, t->task - 1) + 1;
    else
        indent = section_level(d, t->section);
    gutter(o, t->line, indent);
    if (t->subject) {
        put_str(o, t->subject);
        fputc(' ', o->f);
    }
    on(o, t->fact ? "" : GREEN);
    put_slice(o, d, t->text);
    on(o, RESET);
    char reading[200];
    gy_target_reading(t, reading, sizeof reading);
    fprintf(o->f, "  %s", reading);
    if (t->has_stretch) {
        gy_number_text(t->stretch, reading, sizeof reading);
        fprintf(o->f, ", stretch %s", reading);
    }
    fputs("  (", o->f);
    if (t->period.end > t->period.start) {
        put_slice(o, d, t->period);
        fputs(", ", o->f);
    }
    fputs(gy_target_kind(t), o->f);
    if (!t->fact)
        fprintf(o->f, ", %s", gy_bound_names[t->bound]);
    if (t->estimate)
        fputs(", estimate", o->f);
    if (t->year_from)
        fprintf(o->f, ", %d-%d", t->year_from, t->year);
    else if (t->year)
        fprintf(o->f, ", %d", t->year);
    if (t->indicator) {
        on(o, CYAN);
        fputs(", ", o->f);
        put_str(o, t->indicator);
        on(o, RESET);
    }
    if (t->aspiration)
        fputs(", aspires higher", o->f);
    if (t->restates)
        fprintf(o->f, ", restates line %zu", GY_TARGETS(d)[t->restates - 1].line);
    fputs(")\n", o->f);
}

static void print_header(const out *o, const gy_doc *d, unsigned show)
{
    if (show & GY_SHOW_TITLE) {
        on(o, BOLD);
        put_str(o, d->title ? d->title : "(no title found)");
        on(o, RESET);
        fputc('\n', o->f);
        for (int k = 0; k < 2; k++) {
            const char *line = k ? d->speaker : d->occasion;
            if (line) {
                put_str(o, line);
                fputc('\n', o->f);
            }
        }
    }
    on(o, DIM);
    put_str(o, strcmp(d->src->name, "-") ? d->src->name : "<stdin>");
    fprintf(o->f, "  %s%s  %zu lines", d->src->encoding, d->src->bom ? " with BOM" : "",
            d->src->lines);
    if (d->date[0]) {
        fputs("  ", o->f);
        put_str(o, d->date);
    }
    if (d->region_name) {
        fputs("  ", o->f);
        put_str(o, d->region_name);
        if (d->region_code)
            fprintf(o->f, " (%s)", d->region_code);
    }
    else if (d->year)
        fprintf(o->f, "  %d", d->year);
    fputc('\n', o->f);
    on(o, RESET);
    fputc('\n', o->f);
}

static void print_outline(const out *o, const gy_doc *d, unsigned show)
{
    size_t si = 0, ti = 0, qi = 0;
    size_t ns = show & GY_SHOW_SECTIONS ? d->sections.len : 0;
    size_t nt = show & GY_SHOW_TASKS ? d->tasks.len : 0;
    size_t nq = show & GY_SHOW_TARGETS ? d->targets.len : 0;
    while (si < ns || ti < nt || qi < nq) {
        size_t ps = si < ns ? GY_SECTIONS(d)[si].start : SIZE_MAX;
        size_t pt = ti < nt ? GY_TASKS(d)[ti].start : SIZE_MAX;
        size_t pq = qi < nq ? GY_TARGETS(d)[qi].text.start : SIZE_MAX;
        if (ps <= pt && ps <= pq)
            print_section(o, d, si++);
        else if (pt <= pq)
            print_task(o, d, ti++);
        else
            print_target(o, d, qi++);
    }
}

static void print_noise(const out *o, const gy_doc *d)
{
    const gy_noise *n = d->noise.items;
    if (!d->noise.len)
        return;
    on(o, DIM);
    fprintf(o->f, "\nnoise: %zu line%s set aside:", d->noise.len, d->noise.len == 1 ? "" : "s");
    for (size_t i = 0; i < d->noise.len;) {
        size_t j = i;
        while (j + 1 < d->noise.len && n[j + 1].line == n[j].line + 1)
            j++;
        fprintf(o->f, "%s %zu", i ? "," : "", n[i].line);
        if (j > i)
            fprintf(o->f, "-%zu", n[j].line);
        i = j + 1;
    }
    fputc('\n', o->f);
    on(o, RESET);
}

static void print_times(const out *o, const gy_doc *d)
{
    fputs("\ntimes:\n", o->f);
    for (size_t i = 0; i < d->times.len; i++) {
        const gy_time *t = &GY_TIMES(d)[i];
        gutter(o, t->line, 0);
        put_slice(o, d, t->text);
        fprintf(o->f, "  (%s)\n", gy_time_kind_names[t->kind]);
    }
}

static void print_warnings(const out *o, const gy_doc *d)
{
    if (!d->warnings.len)
        return;
    on(o, YELLOW);
    fprintf(o->f, "\nwarnings:\n");
    for (size_t i = 0; i < d->warnings.len; i++) {
        const gy_warning *w = &((const gy_warning *)d->warnings.items)[i];
        if (w->line)
            fprintf(o->f, "  line %zu: ", w->line);
        else
            fputs("  ", o->f);
        put_str(o, w->message);
        fputc('\n', o->f);
    }
    on(o, RESET);
}

static int text_doc(gy_report *rep, const gy_doc *d)
{
    unsigned show = rep->opt.show;
    out o = {rep->out, rep->opt.color};
    if (rep->opt.headers)
    {
        fputs("==> ", o.f);
        put_str(&o, d->src->name);
        if (d->src->record)
            fprintf(o.f, ", record %ld", d->src->record);
        fputs(" <==\n", o.f);
    }
    print_header(&o, d, show);
    print_outline(&o, d, show);
    if (show & GY_SHOW_NOISE)
        print_noise(&o, d);
    if ((show & GY_SHOW_TIMES) && show != GY_SHOW_ALL)
        print_times(&o, d);
    if (show & GY_SHOW_WARNINGS)
        print_warnings(&o, d);
    return 0;
}

/* With a header per document, a blank line before each one after the first. */
static int text_between(gy_report *rep)
{
    if (rep->opt.headers)
        fputc('\n', rep->out);
    return 0;
}

const gy_format_impl gy_format_text = {
    .name = "text", .between = text_between, .doc = text_doc, .diff = gy_render_diff_text};
