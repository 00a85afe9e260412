/* The research panel (struct bodies of the public gy_panel and
 * gy_panel_entry): what is kept of each report, and the table of rows the
 * join makes of them, one per region, year and indicator. */
#ifndef GY_PANEL_H
#define GY_PANEL_H

#include <stdio.h>

#include "arena.h"
#include "gangyao.h"
#include "model.h"

/* A figure of a report that names a catalogue indicator and a year: a
 * goal, or a fact (an outcome for a report of a later year). */
typedef struct gy_pfig {
    const char *indicator, *zh; /* entry arena */
    int lower_is_better;   /* a point goal is a ceiling (prices, unemployment) */
    int year, fact, estimate, in_statement;
    enum gy_op op;
    enum gy_bound bound;
    double value, min, max, stretch; /* in unit, converted for comparing */
    int has_stretch;
    const char *unit;      /* the unit compared in (吨 for grain in 斤) */
    const char *text;      /* as written: 5.5%左右 */
    size_t line;
    size_t order;          /* its place among the report's figures */
    double tolerance;      /* a point goal is met this far short of it */
} gy_pfig;

/* A figure the report says it sets no goal for. */
typedef struct gy_pnogoal {
    const char *indicator, *zh;
    int year;
    size_t line;
} gy_pnogoal;

struct gy_panel_entry {
    gy_arena arena;
    const char *file;
    const char *region, *code; /* NULL: the report does not say */
    gy_level level;
    int year;              /* the report's year, 0 unknown */
    gy_pfig *figs;
    size_t nfigs;
    gy_pnogoal *nogoals;
    size_t nnogoals;
    size_t index;          /* its place among the inputs */
};

/* A row of the table: the goal (NULL when none) and outcome (NULL when
 * none) of one region, year and indicator. */
typedef struct gy_prow {
    const gy_panel_entry *region; /* the region's first report, which names it */
    size_t region_id;      /* rows of one region have one */
    int year;
    const char *indicator, *zh;
    const gy_pfig *goal;
    const gy_panel_entry *goal_from;
    const gy_pfig *outcome;
    const gy_panel_entry *outcome_from;
    int no_goal;
    int met;               /* 1 yes, 0 no, -1 cannot be told */
    int has_gap, has_national;
    double gap, national, escalation;
} gy_prow;

struct gy_panel {
    gy_panel_entry **entries;
    size_t n, cap;
    gy_prow *rows;
    size_t nrows, caprows;
    int joined;
    char **warnings;       /* malloc'd */
    size_t nwarnings, capwarnings;
};

/* The goal's reference value: what a point or soft goal states, the bound
 * a floor or ceiling states, the bound of a range the outcome must reach
 * (the lower one, the upper one when lower is better). */
double gy_pfig_reference(const gy_pfig *g);

/* Adds a warning to the panel's; 0, or -1 when out of memory. */
int gy_panel_warn(gy_panel *p, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Joins goals and outcomes into p->rows (once).  Returns 0 or -1. */
int gy_panel_join(gy_panel *p);

/* The formats of the table (panel_render.c, panel_html.c). */
int gy_panel_write_text(const gy_panel *p, FILE *f);
int gy_panel_write_csv(const gy_panel *p, FILE *f, int bom);
int gy_panel_write_json(const gy_panel *p, FILE *f, int lines, int compact);
int gy_panel_write_html(const gy_panel *p, FILE *f);

#endif
