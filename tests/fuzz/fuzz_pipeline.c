/* Fuzz target for the whole pipeline: decode (strict and lossy), analyze,
 * render text, JSON and tokens, and diff the document with itself.
 * libFuzzer: make fuzz && ./build-fuzz/fuzz_pipeline tests/fuzz/corpus
 * Without libFuzzer, tests/fuzz/replay.c drives it over files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gangyao.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const gy_rules *rules(void)
{
    static gy_rules *r;
    if (!r) {
        gy_error err;
        gy_error_clear(&err);
        r = gy_rules_builtin(&err);
        if (!r)
            abort();
    }
    return r;
}

/* What a format writes of doc alone, from malloc (the caller frees it). */
static char *rendered(const gy_doc *doc, gy_format f, int part, size_t *n)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, n);
    if (!m)
        abort();
    gy_render_options ro = {GY_SHOW_ALL, 1, 0, 0, 0, 0};
    gy_error err;
    gy_error_clear(&err);
    if (part)
        gy_render_part(doc, f, m, &ro, &err);
    else
        gy_render(doc, f, m, &ro, &err);
    fclose(m);
    return buf;
}

/* A document rendered on a worker thread (its part) is what a report of it
 * alone holds, in every format without a header. */
static void check_parts(const gy_doc *doc)
{
    static const gy_format headerless[] = {GY_FORMAT_TEXT, GY_FORMAT_JSON, GY_FORMAT_JSONL};
    for (size_t k = 0; k < sizeof headerless / sizeof headerless[0]; k++) {
        size_t n1, n2;
        char *a = rendered(doc, headerless[k], 0, &n1), *b = rendered(doc, headerless[k], 1, &n2);
        if (n1 != n2 || memcmp(a, b, n1) != 0)
            abort();
        free(a);
        free(b);
    }
}

static void exercise(const gy_source *src, FILE *sink)
{
    gy_error err;
    gy_error_clear(&err);
    gy_doc *doc = gy_analyze(src, rules(), NULL, &err);
    if (!doc)
        return;
    gy_render_options ro = {GY_SHOW_ALL, 1, 0, 0, 0, 0};
    for (int f = 0; f < GY_FORMAT_COUNT; f++)
        gy_render(doc, (gy_format)f, sink, &ro, &err);
    check_parts(doc);
    gy_render_tokens(src, rules(), sink, 0, &err);
    gy_diff *df = gy_diff_new(rules(), doc, doc, NULL, &err);
    if (df) {
        if (gy_diff_has_changes(df))
            abort(); /* a document always equals itself */
        for (int f = 0; f < GY_FORMAT_COUNT; f++)
            gy_render_diff(df, (gy_format)f, sink, &ro, &err);
        gy_diff_free(df);
    }
    for (size_t i = 0; i < gy_doc_warning_count(doc); i++) {
        char buf[256];
        gy_doc_warning(doc, i, buf, sizeof buf);
    }
    /* the tables across documents: the panel and the formulations */
    static gy_term_set *set;
    if (!set && !(set = gy_term_set_new(rules(), NULL, 0, 0, &err)))
        abort();
    gy_panel *panel = gy_panel_new(&err);
    gy_terms_options topt = {5, 0, 0};
    gy_terms *terms = gy_terms_new(set, &topt, &err);
    gy_panel_entry *pe = gy_panel_entry_new(doc, &err);
    gy_terms_entry *te = gy_terms_entry_new(doc, set, &topt, &err);
    if (!panel || !terms || !pe || !te)
        abort();
    gy_panel_add(panel, pe, &err);
    gy_terms_add(terms, te, &err);
    for (int f = 0; f < GY_FORMAT_COUNT; f++) {
        gy_panel_render(panel, (gy_format)f, sink, &ro, &err);
        gy_terms_render(terms, (gy_format)f, sink, &ro, &err);
    }
    gy_panel_free(panel);
    gy_terms_free(terms);
    gy_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    for (int lossy = 0; lossy < 2; lossy++) {
        gy_input_options in = {NULL, lossy, 0};
        gy_error err;
        gy_error_clear(&err);
        gy_source *src = gy_source_from_memory("fuzz.txt", data, size, &in, &err);
        if (src) {
            exercise(src, sink);
            gy_source_free(src);
        } else if (err.status == GY_OK || err.message[0] == '\0') {
            abort(); /* every failure says what went wrong */
        }
    }
    /* the same bytes as a record of a JSON Lines stream */
    gy_error err;
    gy_error_clear(&err);
    gy_source *rec = gy_source_from_record("-", 1, (const char *)data, size, NULL, &err);
    char *meta = gy_record_meta((const char *)data, size);
    if (rec) {
        size_t n;
        const char *m = gy_source_meta(rec, &n);
        if (!m || n < 2 || m[0] != '{' || m[n - 1] != '}' || !meta)
            abort(); /* a record's other fields are an object */
        exercise(rec, sink);
        gy_source_free(rec);
    } else if (err.status == GY_OK || err.message[0] == '\0') {
        abort();
    }
    free(meta);
    return 0;
}
