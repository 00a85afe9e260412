/* The join of the panel: every figure of every report keyed by region,
 * indicator and year, sorted once, and each key's goal (from the region's
 * report of that year, its goal statement first), outcome (from the
 * nearest later report) and no-goal statement read off in one sweep. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "panel.h"

int gy_panel_warn(gy_panel *p, const char *fmt, ...)
{
    char **slot = gy_push(NULL, &p->warnings, &p->nwarnings, &p->capwarnings, sizeof *slot);
    if (!slot)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    *slot = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!*slot) {
        p->nwarnings--;
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(*slot, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return 0;
}

double gy_pfig_reference(const gy_pfig *g)
{
    switch (g->op) {
    case GY_OP_GE: case GY_OP_GT: return g->min;
    case GY_OP_LE: case GY_OP_LT: return g->max;
    case GY_OP_RANGE: return g->lower_is_better ? g->max : g->min;
    default: return g->value;
    }
}

enum rec_kind { REC_GOAL, REC_FACT, REC_NO_GOAL };

typedef struct rec {
    size_t region;         /* the region's number: the input place of its first report */
    const char *indicator;
    int year;
    enum rec_kind kind;
    const gy_panel_entry *e;
    const gy_pfig *f;      /* NULL for a no-goal statement */
    const gy_pnogoal *ng;
} rec;

typedef struct keyed {
    const char *key;       /* code, name, or for a report without a region its file */
    int year;
    size_t entry;
} keyed;

static const char *region_key(const gy_panel_entry *e)
{
    return e->code ? e->code : e->region ? e->region : e->file;
}

static int by_key_year(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

static const char *shown_region(const gy_panel_entry *e)
{
    return e->region ? e->region : e->file;
}

/* region[i]: the number of entry i's region; a later report of a region
 * and year already given is left out (SIZE_MAX), with a warning. */
static int number_regions(gy_panel *p, size_t *region)
{
    keyed *k = malloc((p->n ? p->n : 1) * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < p->n; i++)
        k[i] = (keyed){region_key(p->entries[i]), p->entries[i]->year, i};
    gy_sort(k, p->n, sizeof *k, by_key_year);
    int rc = 0;
    for (size_t i = 0, g = 0; i < p->n && rc == 0; i = g) {
        size_t first = k[i].entry;
        for (g = i; g < p->n && strcmp(k[g].key, k[i].key) == 0; g++)
            first = k[g].entry < first ? k[g].entry : first;
        for (size_t j = i; j < g && rc == 0; j++) {
            region[k[j].entry] = first;
            if (j > i && k[j].year && k[j].year == k[j - 1].year) {
                const gy_panel_entry *a = p->entries[k[j - 1].entry], *b = p->entries[k[j].entry];
                region[k[j].entry] = SIZE_MAX;
                k[j].entry = k[j - 1].entry; /* a third report is compared with the first */
                rc = gy_panel_warn(p, "%s: two reports of %s for %d (%s and %s): the first "
                                      "one's figures are kept",
                                   b->file, shown_region(a), a->year, a->file, b->file);
            }
        }
    }
    free(k);
    return rc;
}

static int by_rec(const void *a, const void *b)
{
    const rec *x = a, *y = b;
    if (x->region != y->region)
        return x->region < y->region ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    int c = strcmp(x->indicator, y->indicator);
    if (c)
        return c;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->e->year != y->e->year) /* the nearest report first */
        return x->e->year < y->e->year ? -1 : 1;
    if (x->f && y->f && x->f->in_statement != y->f->in_statement)
        return x->f->in_statement ? -1 : 1; /* a goal statement's figure first */
    size_t ox = x->f ? x->f->order : x->ng->line, oy = y->f ? y->f->order : y->ng->line;
    return (ox > oy) - (ox < oy);
}

/* The records of the kept reports: a goal of a report for its own year,
 * a fact for an earlier year, a no-goal statement. */
static rec *collect(const gy_panel *p, const size_t *region, size_t *n)
{
    size_t cap = 0;
    for (size_t i = 0; i < p->n; i++)
        cap += p->entries[i]->nfigs + p->entries[i]->nnogoals;
    rec *r = malloc((cap ? cap : 1) * sizeof *r);
    if (!r)
        return NULL;
    *n = 0;
    for (size_t i = 0; i < p->n; i++) {
        const gy_panel_entry *e = p->entries[i];
        if (region[i] == SIZE_MAX || !e->year)
            continue;
        for (size_t k = 0; k < e->nfigs; k++) {
            const gy_pfig *f = &e->figs[k];
            if (f->fact ? f->year < e->year : f->year == e->year)
                r[(*n)++] = (rec){region[i], f->indicator, f->year, f->fact ? REC_FACT : REC_GOAL,
                                  e, f, NULL};
        }
        for (size_t k = 0; k < e->nnogoals; k++)
            if (e->nogoals[k].year == e->year)
                r[(*n)++] = (rec){region[i], e->nogoals[k].indicator, e->nogoals[k].year,
                                  REC_NO_GOAL, e, NULL, &e->nogoals[k]};
    }
    gy_sort(r, *n, sizeof *r, by_rec);
    return r;
}

static int same_goal(const gy_pfig *a, const gy_pfig *b)
{
    return a->op == b->op && a->min == b->min && a->max == b->max && strcmp(a->unit, b->unit) == 0;
}

/* a - b without the noise of binary fractions (4.8 - 4 is 0.8, not
 * 0.79999999999999982): figures are written with a few decimals. */
static double difference(double a, double b)
{
    double d = a - b, scale = 1e9;
    return fabs(d) < 1e6 ? round(d * scale) / scale : d;
}

/* Whether the outcome meets the goal: by its bound, in one unit. */
static int met(const gy_pfig *g, const gy_pfig *o, double tolerance)
{
    double v = o->value;
    switch (g->op) {
    case GY_OP_GE: case GY_OP_GT: return v >= g->min;
    case GY_OP_LE: case GY_OP_LT: return v <= g->max;
    case GY_OP_RANGE: return v >= g->min && v <= g->max;
    default: return g->lower_is_better ? v <= g->value + tolerance : v >= g->value - tolerance;
    }
}

/* One row from the records r[a..b) of one region, year and indicator. */
static int make_row(gy_panel *p, const rec *r, size_t a, size_t b)
{
    gy_prow row;
    memset(&row, 0, sizeof row);
    row.year = r[a].year;
    row.indicator = r[a].indicator;
    row.region_id = r[a].region;
    row.region = p->entries[r[a].region];
    row.met = -1;
    for (size_t k = a; k < b; k++) {
        const rec *x = &r[k];
        if (x->kind == REC_NO_GOAL) {
            row.no_goal = 1;
            row.zh = row.zh ? row.zh : x->ng->zh;
        } else if (x->kind == REC_GOAL && !row.goal) {
            row.goal = x->f;
            row.goal_from = x->e;
        } else if (x->kind == REC_GOAL && !same_goal(row.goal, x->f)) {
            if (gy_panel_warn(p, "%s:%zu: a second goal for %s %d %s: '%s' (%s:%zu '%s' is kept)",
                              x->e->file, x->f->line, shown_region(x->e), row.year, x->indicator,
                              x->f->text, row.goal_from->file, row.goal->line, row.goal->text) != 0)
                return -1;
        } else if (x->kind == REC_FACT && !row.outcome) {
            row.outcome = x->f;
            row.outcome_from = x->e;
        }
        if (x->f)
            row.zh = row.zh ? row.zh : x->f->zh;
    }
    if (row.goal && row.outcome && strcmp(row.goal->unit, row.outcome->unit) == 0) {
        row.met = met(row.goal, row.outcome, row.goal->tolerance);
        row.has_gap = 1;
        row.gap = difference(row.outcome->value, gy_pfig_reference(row.goal));
    }
    gy_prow *slot = gy_push(NULL, &p->rows, &p->nrows, &p->caprows, sizeof *slot);
    if (!slot)
        return -1;
    *slot = row;
    return 0;
}

static int by_year_indicator(const void *a, const void *b)
{
    const gy_prow *x = *(const gy_prow *const *)a, *y = *(const gy_prow *const *)b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return strcmp(x->indicator, y->indicator);
}

/* Each goal's national goal of the same indicator and year, when a
 * national report of that year is among the inputs, and the distance. */
static int national_goals(gy_panel *p)
{
    gy_prow **nat = malloc((p->nrows ? p->nrows : 1) * sizeof *nat);
    if (!nat)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < p->nrows; i++)
        if (p->rows[i].goal && p->rows[i].region->level == GY_LEVEL_NATIONAL)
            nat[n++] = &p->rows[i];
    gy_sort(nat, n, sizeof *nat, by_year_indicator);
    for (size_t i = 0; i < p->nrows && n; i++) {
        gy_prow *row = &p->rows[i];
        if (!row->goal || row->region->level == GY_LEVEL_NATIONAL)
            continue;
        const gy_prow *key = row;
        gy_prow **hit = bsearch(&key, nat, n, sizeof *nat, by_year_indicator);
        if (!hit || strcmp((*hit)->goal->unit, row->goal->unit) != 0)
            continue;
        row->has_national = 1;
        row->national = gy_pfig_reference((*hit)->goal);
        row->escalation = difference(gy_pfig_reference(row->goal), row->national);
    }
    free(nat);
    return 0;
}

int gy_panel_join(gy_panel *p)
{
    if (p->joined)
        return 0;
    p->nrows = 0;
    size_t *region = malloc((p->n ? p->n : 1) * sizeof *region), n = 0;
    rec *r = region && number_regions(p, region) == 0 ? collect(p, region, &n) : NULL;
    int rc = r ? 0 : -1;
    for (size_t a = 0, b; rc == 0 && a < n; a = b) {
        for (b = a + 1; b < n && r[b].region == r[a].region && r[b].year == r[a].year &&
                        strcmp(r[b].indicator, r[a].indicator) == 0;
             b++)
            ;
        rc = make_row(p, r, a, b);
    }
    free(r);
    free(region);
    if (rc == 0)
        rc = national_goals(p);
    p->joined = rc == 0;
    return rc;
}
