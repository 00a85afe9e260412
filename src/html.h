/* What the HTML pages share (render_html.c, render_html_panel.c,
 * render_diff_html.c): escaping, the page frame with its inline style and
 * script, and table cells from field values.  A page is one file with no
 * link to anything outside it: it opens from disk and prints. */
#ifndef GY_HTML_H
#define GY_HTML_H

#include <stdio.h>

#include "doc.h"

/* Text of the input as HTML text or attribute value: & < > " ' escaped,
 * control characters (but tab and line ends) shown as U+FFFD, so that no
 * markup ever comes from the input. */
void gy_html_text(FILE *f, const char *s, size_t n);
void gy_html_cstr(FILE *f, const char *s);
void gy_html_slice(FILE *f, const gy_doc *d, gy_slice sl);

/* <!DOCTYPE html> to <body class="kind">, titled title[0..n). */
void gy_html_begin(FILE *f, const char *kind, const char *title, size_t n);
/* The page's script (sorting and filtering of tables) and its end. */
void gy_html_end(FILE *f);

/* A table cell of field value v; a number cell carries data-v for sorting;
 * a section id is shown as the section's heading. */
void gy_html_cell(FILE *f, const gy_doc *d, gy_value v);

#endif

/* ---- the panel of many reports (render_html_panel.c) ---------------------- */

/* What the panel keeps of one report: its name and year and the figures
 * that name a catalogue indicator (copied: the document is freed after it
 * is added). */
typedef struct gy_panel_fig {
    char *indicator;
    char *text;            /* as written: 5%左右 */
    char *reading;         /* ≈ 5 % */
    char *unit;
    int fact, year;
    enum gy_op op;
    double value, min, max;
} gy_panel_fig;

typedef struct gy_panel_row {
    char *name, *title;
    int year;
    gy_panel_fig *figs;
    size_t nfigs, capfigs;
} gy_panel_row;

typedef struct gy_panel {
    gy_panel_row *rows;
    size_t n, cap;
} gy_panel;

/* Adds d's row; 0, or -1 when out of memory. */
int gy_panel_add(gy_panel *p, const gy_doc *d);
/* The panel page: a table of reports by indicator and a chart per common
 * indicator. */
void gy_panel_write(FILE *f, const gy_panel *p);
void gy_panel_free(gy_panel *p);
