/* What the HTML pages share (render_html.c, archive/panel_html.c,
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
