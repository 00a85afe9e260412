/* The research panel: each report kept as its region, year and headline
 * figures; the join of a region's goal for year Y (from its report of Y)
 * with the outcome for Y (from its report of Y+1, else a later one), met
 * or not by the goal's bound, and the goal's distance from the national
 * goal of the same indicator and year.  Linear in the figures but for one
 * sort. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "panel.h"
#include "rules.h"
#include "source.h"

/* ---- entries ------------------------------------------------------------- */

static const char *copy(gy_arena *a, const char *s)
{
    return s ? gy_arena_strndup(a, s, strlen(s)) : NULL;
}

/* The catalogue entry of an indicator id (an average's id ends in the
 * suffix of averages: its entry is the id without it). */
static const gy_indicator *catalogue_entry(const gy_rules *r, const char *id)
{
    const gy_indicator_rules *ir = &r->indicators;
    size_t n = strlen(id), suffix = ir->average_suffix ? strlen(ir->average_suffix) : 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < ir->n; k++)
            if (strlen(ir->items[k].id) == n && memcmp(ir->items[k].id, id, n) == 0)
                return &ir->items[k];
        if (!suffix || n <= suffix || strcmp(id + n - suffix, ir->average_suffix) != 0)
            break;
        n -= suffix;
    }
    return NULL;
}

static int lower_is_better(const gy_rules *r, const char *id)
{
    const gy_lexicon *lx = &r->panel.lower_is_better;
    int w = gy_lex_at(lx, id, 0, strlen(id));
    return w >= 0 && lx->words[w].len == strlen(id);
}

/* The figure's values in the unit they are compared in. */
static void convert(const gy_rules *r, gy_pfig *f, gy_arena *a)
{
    for (size_t k = 0; k < r->panel.nconversions; k++) {
        const gy_unit_conversion *c = &r->panel.conversions[k];
        if (strcmp(c->unit, f->unit) != 0)
            continue;
        f->value *= c->factor;
        f->min *= c->factor;
        f->max *= c->factor;
        f->stretch *= c->factor;
        f->unit = copy(a, c->to);
        return;
    }
}

static int keep_figure(gy_panel_entry *e, const gy_doc *d, const gy_target *t, size_t order)
{
    gy_pfig *f = &e->figs[e->nfigs++];
    const gy_indicator *in = catalogue_entry(d->rules, t->indicator);
    *f = (gy_pfig){copy(&e->arena, t->indicator), copy(&e->arena, in ? in->zh : t->indicator),
                   lower_is_better(d->rules, t->indicator), t->year, t->fact, t->estimate,
                   t->in_statement, t->op, t->bound, t->value, t->min, t->max, t->stretch,
                   t->has_stretch, copy(&e->arena, t->unit),
                   gy_arena_strndup(&e->arena, d->s + t->text.start, t->text.end - t->text.start),
                   t->line, order, d->rules->panel.soft_tolerance};
    convert(d->rules, f, &e->arena);
    return f->indicator && f->zh && f->unit && f->text ? 0 : -1;
}

/* A figure the panel tabulates: a catalogue indicator, one year (not a
 * span), not a goal stated again. */
static int tabulated(const gy_target *t)
{
    return t->indicator && t->year && !t->year_from && !t->restates;
}

static int keep_figures(gy_panel_entry *e, const gy_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->targets.len; i++)
        n += (size_t)tabulated(&GY_TARGETS(d)[i]);
    e->figs = gy_arena_alloc(&e->arena, (n ? n : 1) * sizeof *e->figs);
    if (!e->figs)
        return -1;
    for (size_t i = 0; i < d->targets.len; i++)
        if (tabulated(&GY_TARGETS(d)[i]) && keep_figure(e, d, &GY_TARGETS(d)[i], i) != 0)
            return -1;
    const gy_no_goal *ng = d->no_goals.items;
    e->nogoals = gy_arena_alloc(&e->arena, (d->no_goals.len ? d->no_goals.len : 1) *
                                               sizeof *e->nogoals);
    if (!e->nogoals)
        return -1;
    for (size_t i = 0; i < d->no_goals.len; i++) {
        const gy_indicator *in = catalogue_entry(d->rules, ng[i].indicator);
        gy_pnogoal *g = &e->nogoals[e->nnogoals++];
        *g = (gy_pnogoal){copy(&e->arena, ng[i].indicator),
                          copy(&e->arena, in ? in->zh : ng[i].indicator), ng[i].year, ng[i].line};
        if (!g->indicator || !g->zh)
            return -1;
    }
    return 0;
}

gy_panel_entry *gy_panel_entry_new(const gy_doc *d, gy_error *err)
{
    gy_panel_entry *e = calloc(1, sizeof *e);
    if (e) {
        gy_arena_init(&e->arena);
        e->file = copy(&e->arena, d->src->name);
        e->region = copy(&e->arena, d->region_name);
        e->code = copy(&e->arena, d->region_code);
        e->level = d->region_level;
        e->year = d->year;
        if (e->file && keep_figures(e, d) == 0)
            return e;
    }
    gy_panel_entry_free(e);
    gy_error_oom(err, d->src->name);
    return NULL;
}

void gy_panel_entry_free(gy_panel_entry *e)
{
    if (!e)
        return;
    gy_arena_free(&e->arena);
    free(e);
}

/* ---- the panel ----------------------------------------------------------- */

gy_panel *gy_panel_new(gy_error *err)
{
    gy_panel *p = calloc(1, sizeof *p);
    if (!p)
        gy_error_oom(err, "panel");
    return p;
}

int gy_panel_add(gy_panel *p, gy_panel_entry *e, gy_error *err)
{
    gy_panel_entry **slot = gy_push(NULL, &p->entries, &p->n, &p->cap, sizeof *slot);
    if (!slot) {
        gy_panel_entry_free(e);
        gy_error_oom(err, "panel");
        return -1;
    }
    e->index = p->n - 1;
    *slot = e;
    p->joined = 0;
    return 0;
}

size_t gy_panel_warning_count(const gy_panel *p) { return p->nwarnings; }
const char *gy_panel_warning(const gy_panel *p, size_t i)
{
    return i < p->nwarnings ? p->warnings[i] : NULL;
}

void gy_panel_free(gy_panel *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        gy_panel_entry_free(p->entries[i]);
    for (size_t i = 0; i < p->nwarnings; i++)
        free(p->warnings[i]);
    free(p->warnings);
    free(p->entries);
    free(p->rows);
    free(p);
}

int gy_panel_render(gy_panel *p, gy_format f, FILE *out, const gy_render_options *opt,
                    gy_error *err)
{
    gy_error_clear(err);
    if (gy_panel_join(p) != 0) {
        gy_error_oom(err, "panel");
        return -1;
    }
    int compact = opt ? opt->compact : 0, rc;
    switch (f) {
    case GY_FORMAT_CSV: rc = gy_panel_write_csv(p, out, opt ? opt->bom : 0); break;
    case GY_FORMAT_JSON: rc = gy_panel_write_json(p, out, 0, compact); break;
    case GY_FORMAT_JSONL: rc = gy_panel_write_json(p, out, 1, 1); break;
    case GY_FORMAT_HTML: rc = gy_panel_write_html(p, out); break;
    default: rc = gy_panel_write_text(p, out); break;
    }
    if (rc != 0 || fflush(out) != 0 || ferror(out)) {
        err->status = GY_E_OUTPUT;
        snprintf(err->message, sizeof err->message, "cannot write output");
        return -1;
    }
    return 0;
}
