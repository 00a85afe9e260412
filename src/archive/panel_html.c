/* The panel page: a table of goals and outcomes (a row per region and
 * year, a column per indicator, the region column fixed when the table
 * scrolls), and per indicator two charts: goal against outcome for each
 * region over the years, and one year across regions with the national
 * goal as a line and each goal's distance from it.  Met and missed differ
 * in shape (a filled dot, a cross) as well as colour; a cell where the
 * report says it sets no goal reads "no goal set", one where none was
 * found is empty. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "jsonout.h"
#include "panel.h"

/* ---- the indicators ------------------------------------------------------- */

typedef struct ind {
    const char *id, *zh;
    size_t goals;          /* rows with a goal */
    size_t first;
} ind;

static int by_goals(const void *a, const void *b)
{
    const ind *x = a, *y = b;
    if (x->goals != y->goals)
        return x->goals > y->goals ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* The indicators some row sets a goal for, most often set first
 * (malloc'd; NULL when out of memory). */
static ind *indicators(const gy_panel *p, size_t *n)
{
    ind *v = malloc((p->nrows ? p->nrows : 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; v && i < p->nrows; i++) {
        const gy_prow *r = &p->rows[i];
        size_t m = 0;
        while (m < k && strcmp(v[m].id, r->indicator) != 0)
            m++;
        if (m == k)
            v[k++] = (ind){r->indicator, r->zh, 0, i};
        v[m].goals += r->goal != NULL || r->no_goal;
    }
    size_t keep = 0;
    for (size_t m = 0; v && m < k; m++)
        if (v[m].goals)
            v[keep++] = v[m];
    if (v)
        gy_sort(v, keep, sizeof *v, by_goals);
    *n = keep;
    return v;
}

/* The row of a region, year and indicator, or NULL (rows are sorted by
 * region, year, indicator: the rows of one region and year stand
 * together, from row i). */
static const gy_prow *row_in(const gy_panel *p, size_t i, size_t end, const char *id)
{
    for (; i < end; i++)
        if (strcmp(p->rows[i].indicator, id) == 0)
            return &p->rows[i];
    return NULL;
}

static void number(FILE *f, double v)
{
    char buf[48];
    gy_json_number_text(v, buf);
    fputs(buf, f);
}

/* ---- the table ------------------------------------------------------------ */

static void outcome_mark(FILE *f, const gy_prow *r)
{
    if (r->met < 0)
        return;
    fprintf(f, "<span class=\"%s\" title=\"%s\">%s</span>", r->met ? "met" : "missed",
            r->met ? "met" : "missed", r->met ? "\xE2\x9C\x93" : "\xE2\x9C\x97");
}

static void cell(FILE *f, const gy_prow *r)
{
    if (!r || (!r->goal && !r->outcome && !r->no_goal)) {
        fputs("<td></td>", f);
        return;
    }
    if (r->goal) {
        fputs("<td class=\"num\" data-v=\"", f);
        number(f, gy_pfig_reference(r->goal));
        fputs("\"><span class=\"q goal\" tabindex=\"0\" data-tip=\"", f);
        gy_html_cstr(f, gy_bound_names[r->goal->bound]);
        fputs(" · ", f);
        gy_html_cstr(f, r->goal_from->file);
        fprintf(f, ":%zu\">", r->goal->line);
        gy_html_cstr(f, r->goal->text);
        fputs("</span>", f);
    } else if (r->no_goal) {
        fputs("<td class=\"no-goal\" data-v=\"\">no goal set", f);
    } else {
        fputs("<td class=\"num\" data-v=\"\">", f);
    }
    if (r->outcome) {
        fputs("<span class=\"cell-fact\">", f);
        outcome_mark(f, r);
        fputs(" ", f);
        gy_html_cstr(f, r->outcome->text);
        if (r->outcome->estimate)
            fputs(" (预计)", f);
        fputs("</span>", f);
    }
    fputs("</td>", f);
}

static void write_table(FILE *f, const gy_panel *p, const ind *v, size_t nv)
{
    fputs("<section class=\"table\">\n<h2>Goals and outcomes</h2>\n<p class=\"legend\">A cell holds "
          "the goal a region's report sets for its year (its bound and place on hover) and below it "
          "the outcome a later report gives, <span class=\"met\">\xE2\x9C\x93</span> met or "
          "<span class=\"missed\">\xE2\x9C\x97</span> missed. \xE2\x80\x9Cno goal set\xE2\x80\x9D: "
          "the report says it sets none; an empty cell: none was found.</p>\n"
          "<div class=\"scroll\"><table class=\"sortable panel\" id=\"panel-table\">\n<thead><tr>"
          "<th>region</th><th data-type=\"num\">year</th>",
          f);
    for (size_t m = 0; m < nv; m++) {
        fputs("<th data-type=\"num\" title=\"", f);
        gy_html_cstr(f, v[m].id);
        fputs("\">", f);
        gy_html_cstr(f, v[m].zh);
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t i = 0, end; i < p->nrows; i = end) {
        const gy_prow *r = &p->rows[i];
        for (end = i + 1; end < p->nrows && p->rows[end].region_id == r->region_id &&
                          p->rows[end].year == r->year;
             end++)
            ;
        size_t shown = 0;
        for (size_t m = 0; m < nv; m++)
            shown += row_in(p, i, end, v[m].id) != NULL;
        if (!shown)
            continue; /* figures of indicators no report sets a goal for */
        fputs("<tr><th scope=\"row\">", f);
        gy_html_cstr(f, r->region->region ? r->region->region : r->region->file);
        fprintf(f, "</th><td class=\"num\" data-v=\"%d\">%d</td>", r->year, r->year);
        for (size_t m = 0; m < nv; m++)
            cell(f, row_in(p, i, end, v[m].id));
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table></div>\n</section>\n", f);
}

/* ---- the charts ------------------------------------------------------------ */

enum { CHART_W = 760, LABEL_W = 170, PLOT_L = 180, PLOT_R = 700, ROW_H = 22, TOP = 28 };

typedef struct scale {
    double lo, hi;
    int any;
    const char *unit;
} scale;

static double xpos(const scale *s, double v)
{
    return PLOT_L + (v - s->lo) / (s->hi - s->lo) * (PLOT_R - PLOT_L);
}

static void widen(scale *s, double a, double b)
{
    if (!isfinite(a) || !isfinite(b))
        return;
    if (!s->any || a < s->lo)
        s->lo = a;
    if (!s->any || b > s->hi)
        s->hi = b;
    s->any = 1;
}

/* Whether row r of indicator id has something to draw in s's unit. */
static int drawn(const gy_prow *r, const char *id, const scale *s)
{
    return strcmp(r->indicator, id) == 0 &&
           ((r->goal && strcmp(r->goal->unit, s->unit) == 0) ||
            (r->outcome && strcmp(r->outcome->unit, s->unit) == 0));
}

static void widen_row(scale *s, const gy_prow *r)
{
    if (r->goal && strcmp(r->goal->unit, s->unit) == 0)
        widen(s, r->goal->min, r->goal->max);
    if (r->outcome && strcmp(r->outcome->unit, s->unit) == 0)
        widen(s, r->outcome->value, r->outcome->value);
    if (r->has_national)
        widen(s, r->national, r->national);
}

static double nice_step(double span)
{
    double raw = span / 4, mag = pow(10, floor(log10(raw))), q = raw / mag;
    return (q < 1.5 ? 1 : q < 3 ? 2 : q < 7 ? 5 : 10) * mag;
}

/* A tick's number as reports write large ones: 500万, 1.5亿. */
static void tick_label(FILE *f, double v)
{
    double a = fabs(v);
    if (a >= 1e8)
        fprintf(f, "%g亿", v / 1e8);
    else if (a >= 1e4)
        fprintf(f, "%g万", v / 1e4);
    else
        fprintf(f, "%g", v);
}

static void axis(FILE *f, const scale *s, size_t rows)
{
    double step = nice_step(s->hi - s->lo), bottom = TOP + (double)rows * ROW_H;
    for (double v = ceil(s->lo / step) * step; v <= s->hi + step * 1e-9; v += step) {
        double x = xpos(s, v);
        fprintf(f, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>", x,
                TOP - 6, x, bottom);
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x, TOP - 10);
        tick_label(f, fabs(v) < step * 1e-9 ? 0.0 : v);
        fputs("</text>", f);
    }
}

/* The goal by its bound: a dot for a point, a bar for a range, an arrow
 * the way a floor or a ceiling leaves open. */
static void goal_mark(FILE *f, const scale *s, const gy_prow *r, double y)
{
    const gy_pfig *g = r->goal;
    if (!g || strcmp(g->unit, s->unit) != 0)
        return;
    fputs("<g><title>goal: ", f);
    gy_html_cstr(f, g->text);
    fputs("</title>", f);
    if (g->op == GY_OP_RANGE) {
        double a = xpos(s, g->min), b = xpos(s, g->max);
        fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" rx=\"3\"/>",
                a, y - 5, b - a < 2 ? 2 : b - a);
    } else {
        double x = xpos(s, gy_pfig_reference(g));
        int dir = g->op == GY_OP_GE || g->op == GY_OP_GT   ? 1
                  : g->op == GY_OP_LE || g->op == GY_OP_LT ? -1
                                                           : 0;
        fprintf(f, "<rect class=\"goal\" x=\"%.1f\" y=\"%.1f\" width=\"3\" height=\"14\"/>", x - 1.5,
                y - 7);
        if (dir)
            fprintf(f, "<path class=\"goal\" d=\"M%.1f %.1fh%dv-4l%d 4l%d 4z\"/>", x + dir * 2, y,
                    dir * 8, dir * 6, -dir * 6);
    }
    fputs("</g>", f);
}

/* The outcome: a filled dot when it meets the goal, a cross when it
 * misses, a hollow dot when nothing says. */
static void outcome_dot(FILE *f, const scale *s, const gy_prow *r, double y)
{
    const gy_pfig *o = r->outcome;
    if (!o || strcmp(o->unit, s->unit) != 0)
        return;
    double x = xpos(s, o->value);
    fputs("<g><title>outcome: ", f);
    gy_html_cstr(f, o->text);
    fprintf(f, "%s</title>", r->met == 1 ? " (met)" : r->met == 0 ? " (missed)" : "");
    if (r->met == 0)
        fprintf(f, "<path class=\"missed\" d=\"M%.1f %.1fl8 8m0 -8l-8 8\"/>", x - 4, y - 4);
    else
        fprintf(f, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"/>",
                r->met == 1 ? "met" : "fact", x, y);
    fputs("</g>", f);
}

static void chart_head(FILE *f, const ind *v, const scale *s, const char *what, size_t rows)
{
    fputs("<div class=\"chart\"><h3>", f);
    gy_html_cstr(f, v->zh);
    if (*s->unit) {
        fputs(" (", f);
        gy_html_cstr(f, s->unit);
        fputs(")", f);
    }
    fprintf(f, ": %s</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%zu\" "
               "viewBox=\"0 0 %d %zu\" role=\"img\" aria-label=\"",
            what, CHART_W, TOP + rows * ROW_H + 8, CHART_W, TOP + rows * ROW_H + 8);
    gy_html_cstr(f, v->zh);
    fputs("\">", f);
}

static void label(FILE *f, const gy_prow *r, double y, int with_year)
{
    fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LABEL_W, y + 4);
    gy_html_cstr(f, r->region->region ? r->region->region : r->region->file);
    if (with_year)
        fprintf(f, " %d", r->year);
    fputs("</text>", f);
}

/* Goal against outcome for each region over the years. */
static void chart_over_years(FILE *f, const gy_panel *p, const ind *v, const char *unit)
{
    scale s = {0, 0, 0, unit};
    size_t rows = 0;
    for (size_t i = 0; i < p->nrows; i++)
        if (drawn(&p->rows[i], v->id, &s)) {
            widen_row(&s, &p->rows[i]);
            rows++;
        }
    if (!s.any || rows < 2)
        return;
    double pad = s.hi > s.lo ? (s.hi - s.lo) * 0.08 : fmax(1.0, fabs(s.hi) * 0.1);
    s.lo -= pad;
    s.hi += pad;
    chart_head(f, v, &s, "goal and outcome by region and year", rows);
    axis(f, &s, rows);
    size_t k = 0;
    for (size_t i = 0; i < p->nrows; i++) {
        const gy_prow *r = &p->rows[i];
        if (!drawn(r, v->id, &s))
            continue;
        double y = TOP + (double)k++ * ROW_H + ROW_H / 2.0;
        label(f, r, y, 1);
        goal_mark(f, &s, r, y);
        outcome_dot(f, &s, r, y);
    }
    fputs("</svg></div>\n", f);
}

/* The latest year in which two regions or more set a goal for v. */
static int year_across(const gy_panel *p, const ind *v)
{
    int best = 0;
    for (size_t i = 0; i < p->nrows; i++) {
        const gy_prow *r = &p->rows[i];
        if (!r->goal || strcmp(r->indicator, v->id) != 0 || r->year <= best)
            continue;
        size_t n = 0;
        for (size_t j = 0; j < p->nrows; j++)
            n += p->rows[j].goal && p->rows[j].year == r->year &&
                 strcmp(p->rows[j].indicator, v->id) == 0;
        if (n >= 2)
            best = r->year;
    }
    return best;
}

/* One year across regions: the national goal a line, each goal's
 * distance from it written at the row's end. */
static void chart_across(FILE *f, const gy_panel *p, const ind *v, const char *unit)
{
    int year = year_across(p, v);
    scale s = {0, 0, 0, unit};
    size_t rows = 0;
    double national = 0;
    int has_national = 0;
    for (size_t i = 0; year && i < p->nrows; i++) {
        const gy_prow *r = &p->rows[i];
        if (r->year != year || !r->goal || !drawn(r, v->id, &s))
            continue;
        widen_row(&s, r);
        rows++;
        if (r->has_national) {
            national = r->national;
            has_national = 1;
        }
    }
    if (!s.any || rows < 2)
        return;
    double pad = s.hi > s.lo ? (s.hi - s.lo) * 0.08 : fmax(1.0, fabs(s.hi) * 0.1);
    s.lo -= pad;
    s.hi += pad;
    char what[64];
    snprintf(what, sizeof what, "the goals of %d across regions", year);
    chart_head(f, v, &s, what, rows);
    axis(f, &s, rows);
    if (has_national)
        fprintf(f, "<line class=\"national\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%zu\">"
                   "<title>national goal</title></line>",
                xpos(&s, national), TOP - 6, xpos(&s, national), TOP + rows * ROW_H);
    size_t k = 0;
    for (size_t i = 0; i < p->nrows; i++) {
        const gy_prow *r = &p->rows[i];
        if (r->year != year || !r->goal || !drawn(r, v->id, &s))
            continue;
        double y = TOP + (double)k++ * ROW_H + ROW_H / 2.0;
        label(f, r, y, 0);
        goal_mark(f, &s, r, y);
        if (r->has_national && r->region->level != GY_LEVEL_NATIONAL) {
            fprintf(f, "<text x=\"%d\" y=\"%.1f\">%s", PLOT_R + 8, y + 4, r->escalation > 0 ? "+" : "");
            number(f, r->escalation);
            fputs("</text>", f);
        }
    }
    fputs("</svg></div>\n", f);
}

static const char *unit_of(const gy_panel *p, const ind *v)
{
    for (size_t i = 0; i < p->nrows; i++)
        if (p->rows[i].goal && strcmp(p->rows[i].indicator, v->id) == 0)
            return p->rows[i].goal->unit;
    return NULL;
}

int gy_panel_write_html(const gy_panel *p, FILE *f)
{
    static const char title[] = "gangyao: goals and outcomes";
    size_t nv = 0, regions = 0;
    ind *v = indicators(p, &nv);
    for (size_t i = 0; i < p->nrows; i++)
        regions += i == 0 || p->rows[i].region_id != p->rows[i - 1].region_id;
    gy_html_begin(f, "panel", title, sizeof title - 1);
    fprintf(f, "<header class=\"page\">\n<h1>Goals and outcomes of %zu reports</h1>\n"
               "<p class=\"meta\">%zu regions, %zu indicators with a goal</p>\n",
            p->n, regions, v ? nv : 0);
    if (p->nwarnings) {
        fputs("<ul class=\"warnings\">\n", f);
        for (size_t i = 0; i < p->nwarnings; i++) {
            fputs("<li>", f);
            gy_html_cstr(f, p->warnings[i]);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    fputs("</header>\n", f);
    if (v) {
        write_table(f, p, v, nv);
        fputs("<section class=\"table\">\n<h2>Charts</h2>\n<p class=\"legend\">"
              "<svg width=\"10\" height=\"14\"><rect class=\"goal\" x=\"3\" y=\"0\" width=\"3\" "
              "height=\"14\"/></svg> a goal, "
              "<svg width=\"22\" height=\"12\"><rect class=\"bar\" x=\"1\" y=\"1\" width=\"20\" "
              "height=\"10\" rx=\"3\"/></svg> a range, an arrow a floor (以上) or a ceiling (以内); "
              "the outcome <svg width=\"12\" height=\"12\"><circle class=\"met\" cx=\"6\" cy=\"6\" "
              "r=\"4.5\"/></svg> met, <svg width=\"12\" height=\"12\"><path class=\"missed\" "
              "d=\"M2 2l8 8m0 -8l-8 8\"/></svg> missed, <svg width=\"12\" height=\"12\"><circle "
              "class=\"fact\" cx=\"6\" cy=\"6\" r=\"4.5\"/></svg> no goal to compare; the national "
              "goal a dashed line, each goal's distance from it at the end of its row.</p>\n",
              f);
        for (size_t m = 0; m < nv; m++) {
            const char *unit = unit_of(p, &v[m]);
            if (!unit)
                continue;
            chart_over_years(f, p, &v[m], unit);
            chart_across(f, p, &v[m], unit);
        }
        fputs("</section>\n", f);
    }
    free(v);
    gy_html_end(f);
    return ferror(f) ? -1 : 0;
}
