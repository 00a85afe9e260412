/* The panel page of many reports (the html format with several
 * documents): one row per report, one column per catalogue indicator that
 * some report sets a goal for in its own year, each cell the goal as
 * written (and the figure the report gives for the year before); then for
 * each indicator that two or more reports name, a chart in inline SVG with
 * a row per report: a dot for a goal, a bar for a range, an arrow for a
 * bound, a ring for the figure reported for the year before. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "html.h"
#include "source.h"

static char *copy(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *c = malloc(n + 1);
    if (c)
        memcpy(c, s, n + 1);
    return c;
}

static char *copy_slice(const gy_doc *d, gy_slice sl)
{
    size_t n = sl.end > sl.start ? sl.end - sl.start : 0;
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, d->s + sl.start, n);
        c[n] = '\0';
    }
    return c;
}

static int add_fig(gy_panel_row *r, const gy_doc *d, const gy_target *t)
{
    gy_panel_fig *f = gy_push(NULL, &r->figs, &r->nfigs, &r->capfigs, sizeof *f);
    if (!f)
        return -1;
    char reading[200];
    gy_target_reading(t, reading, sizeof reading);
    f->indicator = copy(t->indicator);
    f->text = copy_slice(d, t->text);
    f->reading = copy(reading);
    f->unit = copy(t->unit);
    f->fact = t->fact;
    f->year = t->year;
    f->op = t->op;
    f->value = t->value;
    f->min = t->min;
    f->max = t->max;
    return f->indicator && f->text && f->reading && f->unit ? 0 : -1;
}

int gy_panel_add(gy_panel *p, const gy_doc *d)
{
    gy_panel_row *r = gy_push(NULL, &p->rows, &p->n, &p->cap, sizeof *r);
    if (!r)
        return -1;
    memset(r, 0, sizeof *r);
    r->name = copy(d->src->name);
    r->title = copy(d->title);
    r->year = d->year;
    if (!r->name || (d->title && !r->title))
        return -1;
    for (size_t i = 0; i < d->targets.len; i++)
        if (GY_TARGETS(d)[i].indicator && add_fig(r, d, &GY_TARGETS(d)[i]) != 0)
            return -1;
    return 0;
}

void gy_panel_free(gy_panel *p)
{
    for (size_t i = 0; i < p->n; i++) {
        gy_panel_row *r = &p->rows[i];
        for (size_t k = 0; k < r->nfigs; k++) {
            free(r->figs[k].indicator);
            free(r->figs[k].text);
            free(r->figs[k].reading);
            free(r->figs[k].unit);
        }
        free(r->figs);
        free(r->name);
        free(r->title);
    }
    free(p->rows);
    memset(p, 0, sizeof *p);
}

/* ---- which figure a cell shows ------------------------------------------------ */

/* The goal a report sets for its own year (any year when it names none). */
static const gy_panel_fig *goal_of(const gy_panel_row *r, const char *ind)
{
    for (size_t k = 0; k < r->nfigs; k++) {
        const gy_panel_fig *f = &r->figs[k];
        if (!f->fact && strcmp(f->indicator, ind) == 0 && (!r->year || f->year == r->year))
            return f;
    }
    return NULL;
}

/* The figure a report gives for the year before its own. */
static const gy_panel_fig *fact_of(const gy_panel_row *r, const char *ind)
{
    for (size_t k = 0; r->year && k < r->nfigs; k++) {
        const gy_panel_fig *f = &r->figs[k];
        if (f->fact && strcmp(f->indicator, ind) == 0 && f->year == r->year - 1)
            return f;
    }
    return NULL;
}

typedef struct column {
    const char *indicator;
    size_t goals, named;   /* reports with a goal; with a goal or a figure */
    size_t first;          /* order of first appearance */
} column;

static int by_goals(const void *a, const void *b)
{
    const column *x = a, *y = b;
    if (x->goals != y->goals)
        return x->goals > y->goals ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* The indicators some report sets a goal for, most often set first
 * (malloc'd; NULL when out of memory). */
static column *columns_of(const gy_panel *p, size_t *n)
{
    size_t cap = 0, k = 0, order = 0;
    for (size_t i = 0; i < p->n; i++)
        cap += p->rows[i].nfigs;
    column *c = malloc((cap ? cap : 1) * sizeof *c);
    if (!c)
        return NULL;
    for (size_t i = 0; i < p->n; i++)
        for (size_t j = 0; j < p->rows[i].nfigs; j++) {
            const char *ind = p->rows[i].figs[j].indicator;
            size_t m;
            for (m = 0; m < k && strcmp(c[m].indicator, ind) != 0; m++)
                ;
            if (m == k)
                c[k++] = (column){ind, 0, 0, order++};
        }
    size_t keep = 0;
    for (size_t m = 0; m < k; m++) {
        for (size_t i = 0; i < p->n; i++) {
            int g = goal_of(&p->rows[i], c[m].indicator) != NULL;
            c[m].goals += (size_t)g;
            c[m].named += (size_t)(g || fact_of(&p->rows[i], c[m].indicator));
        }
        if (c[m].goals)
            c[keep++] = c[m];
    }
    gy_sort(c, keep, sizeof *c, by_goals);
    *n = keep;
    return c;
}

/* ---- the table ------------------------------------------------------------------ */

/* How a report is named in the table and the charts: its title when no
 * other report has the same one (政府工作报告 every year), else its file's
 * name without directory and extension. */
static void row_label(FILE *f, const gy_panel *p, const gy_panel_row *r)
{
    int unique = r->title != NULL;
    for (size_t i = 0; unique && i < p->n; i++)
        unique = &p->rows[i] == r || !p->rows[i].title || strcmp(p->rows[i].title, r->title) != 0;
    if (unique) {
        gy_html_cstr(f, r->title);
        return;
    }
    const char *base = strrchr(r->name, '/'), *dot;
    base = base ? base + 1 : r->name;
    dot = strrchr(base, '.');
    gy_html_text(f, base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

static void fig_cell(FILE *f, const gy_panel_fig *g, const gy_panel_fig *fact)
{
    if (!g && !fact) {
        fputs("<td></td>", f);
        return;
    }
    if (g) {
        fprintf(f, "<td class=\"num\" data-v=\"%.17g\"><span class=\"q goal\" tabindex=\"0\" data-tip=\"", g->value);
        gy_html_cstr(f, g->reading);
        fprintf(f, " · %d · goal\">", g->year);
        gy_html_cstr(f, g->text);
        fputs("</span>", f);
    } else {
        fputs("<td class=\"num\" data-v=\"\">", f);
    }
    if (fact) {
        fprintf(f, "<span class=\"cell-fact\" title=\"%d: ", fact->year);
        gy_html_cstr(f, fact->reading);
        fprintf(f, "\">%d: ", fact->year);
        gy_html_cstr(f, fact->text);
        fputs("</span>", f);
    }
    fputs("</td>", f);
}

static void write_table(FILE *f, const gy_panel *p, const column *c, size_t nc)
{
    fprintf(f, "<section class=\"table\">\n<h2>Goals for each report's year</h2>\n"
               "<p class=\"legend\">A cell holds the goal as the report writes it (its reading on "
               "hover), and below it the figure the report gives for the year before.</p>\n"
               "<div class=\"scroll\"><table class=\"sortable\" id=\"panel-table\">\n<thead><tr><th>report</th>"
               "<th data-type=\"num\">year</th>");
    for (size_t m = 0; m < nc; m++) {
        fputs("<th data-type=\"num\">", f);
        gy_html_cstr(f, c[m].indicator);
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t i = 0; i < p->n; i++) {
        const gy_panel_row *r = &p->rows[i];
        fputs("<tr><td title=\"", f);
        gy_html_cstr(f, r->name);
        fputs("\">", f);
        row_label(f, p, r);
        fputs("</td>", f);
        if (r->year)
            fprintf(f, "<td class=\"num\" data-v=\"%d\">%d</td>", r->year, r->year);
        else
            fputs("<td></td>", f);
        for (size_t m = 0; m < nc; m++)
            fig_cell(f, goal_of(r, c[m].indicator), fact_of(r, c[m].indicator));
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table></div>\n</section>\n", f);
}

/* ---- the charts ------------------------------------------------------------------- */

enum { CHART_W = 760, LABEL_W = 250, PLOT_L = 260, PLOT_R = 740, ROW_H = 22, TOP = 28 };

typedef struct scale {
    double lo, hi;
} scale;

static double xpos(const scale *s, double v)
{
    return PLOT_L + (v - s->lo) / (s->hi - s->lo) * (PLOT_R - PLOT_L);
}

/* Whether figure g counts in a chart of unit: same unit, finite. */
static int charted(const gy_panel_fig *g, const char *unit)
{
    return g && strcmp(g->unit, unit) == 0 && isfinite(g->value) && isfinite(g->min) &&
           isfinite(g->max);
}

static void widen(scale *s, const gy_panel_fig *g, const char *unit, int *any)
{
    if (!charted(g, unit))
        return;
    double a = g->op == GY_OP_RANGE ? g->min : g->value, b = g->op == GY_OP_RANGE ? g->max : g->value;
    if (!*any || a < s->lo)
        s->lo = a;
    if (!*any || b > s->hi)
        s->hi = b;
    *any = 1;
}

static double nice_step(double span)
{
    double raw = span / 4, mag = pow(10, floor(log10(raw))), f = raw / mag;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
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
        fprintf(f, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>", x, TOP - 6, x,
                bottom);
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x, TOP - 10);
        tick_label(f, fabs(v) < step * 1e-9 ? 0.0 : v);
        fputs("</text>", f);
    }
    fprintf(f, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", PLOT_L, TOP - 6, PLOT_R,
            TOP - 6);
}

static void mark_title(FILE *f, const gy_panel *p, const gy_panel_row *r, const gy_panel_fig *g)
{
    fputs("<title>", f);
    row_label(f, p, r);
    fprintf(f, ", %d %s: ", g->year, g->fact ? "reported" : "goal");
    gy_html_cstr(f, g->text);
    fputs(" (", f);
    gy_html_cstr(f, g->reading);
    fputs(")</title>", f);
}

static void goal_mark(FILE *f, const scale *s, const gy_panel *p, const gy_panel_row *r,
                      const gy_panel_fig *g, double y)
{
    fputs("<g>", f);
    mark_title(f, p, r, g);
    if (g->op == GY_OP_RANGE) {
        double a = xpos(s, g->min), b = xpos(s, g->max);
        fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" rx=\"3\"/>", a,
                y - 5, b - a < 2 ? 2 : b - a);
    } else {
        double x = xpos(s, g->value);
        fprintf(f, "<circle class=\"goal\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"/>", x, y);
        int dir = g->op == GY_OP_GE || g->op == GY_OP_GT ? 1 : g->op == GY_OP_LE || g->op == GY_OP_LT ? -1 : 0;
        if (dir) /* a shaft and a head pointing the way the bound leaves open */
            fprintf(f, "<path class=\"goal\" d=\"M%.1f %.1fh%dv-4l%d 4l%d 4z\"/>", x + dir * 5, y - 1,
                    dir * 8, dir * 6, -dir * 6);
    }
    fputs("</g>", f);
}

static void fact_mark(FILE *f, const scale *s, const gy_panel *p, const gy_panel_row *r,
                      const gy_panel_fig *g, double y)
{
    fputs("<g>", f);
    mark_title(f, p, r, g);
    double x = xpos(s, g->op == GY_OP_RANGE ? (g->min + g->max) / 2 : g->value);
    fprintf(f, "<circle class=\"fact\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/></g>", x, y);
}

/* The chart of one indicator, in the unit of its first goal. */
static void chart(FILE *f, const gy_panel *p, const char *ind)
{
    const char *unit = NULL;
    for (size_t i = 0; i < p->n && !unit; i++) {
        const gy_panel_fig *g = goal_of(&p->rows[i], ind);
        unit = g ? g->unit : NULL;
    }
    scale s = {0, 0};
    int any = 0;
    size_t rows = 0;
    for (size_t i = 0; unit && i < p->n; i++) {
        const gy_panel_fig *g = goal_of(&p->rows[i], ind), *fact = fact_of(&p->rows[i], ind);
        widen(&s, g, unit, &any);
        widen(&s, fact, unit, &any);
        rows += charted(g, unit) || charted(fact, unit);
    }
    if (!any || rows < 2)
        return;
    double pad = s.hi > s.lo ? (s.hi - s.lo) * 0.08 : fmax(1.0, fabs(s.hi) * 0.1);
    s.lo -= pad;
    s.hi += pad;
    fputs("<div class=\"chart\"><h3>", f);
    gy_html_cstr(f, ind);
    if (*unit) {
        fputs(" (", f);
        gy_html_cstr(f, unit);
        fputs(")", f);
    }
    fprintf(f, "</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%zu\" "
               "viewBox=\"0 0 %d %zu\" role=\"img\" aria-label=\"",
            CHART_W, TOP + rows * ROW_H + 8, CHART_W, TOP + rows * ROW_H + 8);
    gy_html_cstr(f, ind);
    fputs("\">", f);
    axis(f, &s, rows);
    size_t k = 0;
    for (size_t i = 0; i < p->n; i++) {
        const gy_panel_row *r = &p->rows[i];
        const gy_panel_fig *g = goal_of(r, ind), *fact = fact_of(r, ind);
        if (!charted(g, unit) && !charted(fact, unit))
            continue;
        double y = TOP + (double)k++ * ROW_H + ROW_H / 2.0;
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LABEL_W, y + 4);
        row_label(f, p, r);
        fputs("</text>", f);
        if (charted(fact, unit))
            fact_mark(f, &s, p, r, fact, y);
        if (charted(g, unit))
            goal_mark(f, &s, p, r, g, y);
    }
    fputs("</svg></div>\n", f);
}

void gy_panel_write(FILE *f, const gy_panel *p)
{
    static const char title[] = "gangyao: goals of the reports";
    size_t nc = 0;
    column *c = columns_of(p, &nc);
    gy_html_begin(f, "panel", title, sizeof title - 1);
    fprintf(f, "<header class=\"page\">\n<h1>Goals of %zu reports</h1>\n<p class=\"meta\">", p->n);
    fprintf(f, "%zu indicators with a goal for the report's own year", c ? nc : 0);
    fputs("</p>\n</header>\n", f);
    if (c) {
        write_table(f, p, c, nc);
        fputs("<section class=\"table\">\n<h2>Charts</h2>\n<p class=\"legend\">"
              "<svg width=\"14\" height=\"12\"><circle class=\"goal\" cx=\"7\" cy=\"6\" r=\"5\"/></svg> "
              "goal, <svg width=\"22\" height=\"12\"><rect class=\"bar\" x=\"1\" y=\"1\" width=\"20\" "
              "height=\"10\" rx=\"3\"/></svg> a range, an arrow a bound (以上, 以内), "
              "<svg width=\"14\" height=\"12\"><circle class=\"fact\" cx=\"7\" cy=\"6\" r=\"4\"/></svg> "
              "the figure reported for the year before.</p>\n",
              f);
        for (size_t m = 0; m < nc; m++)
            if (c[m].named >= 2)
                chart(f, p, c[m].indicator);
        fputs("</section>\n", f);
    }
    free(c);
    gy_html_end(f);
}
