/* Fuzz target for the whole pipeline: decode (strict and lossy), analyze,
 * render text, JSON and tokens, and diff the document with itself.
 * libFuzzer: make fuzz && ./build-fuzz/fuzz_pipeline tests/fuzz/corpus
 * Without libFuzzer, tests/fuzz/replay.c drives it over files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

static void exercise(const gy_source *src, FILE *sink)
{
    gy_error err;
    gy_error_clear(&err);
    gy_doc *doc = gy_analyze(src, rules(), NULL, &err);
    if (!doc)
        return;
    gy_render_options ro = {GY_SHOW_ALL, 1, 0, 0};
    for (int f = 0; f < GY_FORMAT_COUNT; f++)
        gy_render(doc, (gy_format)f, sink, &ro, &err);
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
    gy_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    for (int lossy = 0; lossy < 2; lossy++) {
        gy_input_options in = {NULL, lossy};
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
    return 0;
}
