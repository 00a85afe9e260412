/* Reporters: one file per output format (render_text.c, render_json.c ...),
 * each an entry of the format table in render.c.  A reporter writes the
 * documents of a report one after another; what it writes of an element
 * comes from the field descriptions (fields.h). */
#ifndef GY_RENDER_H
#define GY_RENDER_H

#include <stdio.h>

#include "gangyao.h"

struct gy_diff;

struct gy_report {
    const struct gy_format_impl *impl;
    FILE *out;
    gy_render_options opt;
    size_t ndocs;          /* documents written so far */
    int oom;
    void *state;           /* a format's own, for formats that need the whole report */
};

typedef struct gy_format_impl {
    const char *name;
    /* Each returns 0, or -1 when out of memory; write errors are found
     * with ferror afterwards.  begin and end may be NULL. */
    int (*begin)(gy_report *rep);
    /* What stands between two documents (NULL: nothing). */
    int (*between)(gy_report *rep);
    /* A document's part: it must not depend on the documents before it,
     * since it may be written on another thread (gy_render_part). */
    int (*doc)(gy_report *rep, const gy_doc *d);
    /* An error record in place of a failed input, or NULL when the format
     * has none. */
    int (*error)(gy_report *rep, const char *path, long record, const char *meta,
                 const gy_error *e);
    int (*end)(gy_report *rep);
    /* Frees rep->state (NULL: nothing to free). */
    void (*release)(gy_report *rep);
    /* The output depends on every document (html: one page, or a panel of
     * many), so a document has no part of its own (gy_render_part). */
    int whole_report;
    /* The diff of two documents in this format, or NULL when it has none. */
    int (*diff)(const struct gy_diff *df, FILE *out, const gy_render_options *opt);
} gy_format_impl;

extern const gy_format_impl gy_format_text, gy_format_json, gy_format_csv, gy_format_jsonl,
    gy_format_html;

#endif
