/* The tokens command's output: what the rules see. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "gangyao.h"
#include "jsonout.h"

/* Writes text[0..n) with newlines, tabs and CR shown as escapes. */
static void put_visible(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\\': fputs("\\\\", out); break;
        default: fputc(s[i], out);
        }
    }
}

/* One token as a compact object on a line of its own. */
static void token_json(FILE *out, const char *text, const gy_token *t, int first)
{
    gy_jw w;
    gy_jw_init(&w, out, 0);
    fputs(first ? "  " : ",\n  ", out);
    gy_jw_open_object(&w);
    gy_jw_key(&w, "line");
    gy_jw_number(&w, (double)t->line);
    gy_jw_key(&w, "column");
    gy_jw_number(&w, (double)t->column);
    gy_jw_key(&w, "offset");
    gy_jw_number(&w, (double)t->offset);
    gy_jw_key(&w, "length");
    gy_jw_number(&w, (double)t->length);
    gy_jw_key(&w, "class");
    gy_jw_cstr(&w, gy_token_class_name(t->cls));
    gy_jw_key(&w, "text");
    gy_jw_string(&w, text + t->offset, t->length);
    gy_jw_close_object(&w);
}

int gy_render_tokens(const gy_source *src, const gy_rules *rules, FILE *out, int json,
                     gy_error *err)
{
    size_t len;
    const char *text = gy_source_text(src, &len);
    gy_tokenizer *tz = gy_tokenizer_new(rules, text, len);
    if (!tz) {
        gy_error_oom(err, gy_source_name(src));
        return -1;
    }
    gy_token t;
    int first = 1;
    if (json)
        fputs("[\n", out);
    while (gy_tokenizer_next(tz, &t)) {
        if (json) {
            token_json(out, text, &t, first);
        } else {
            fprintf(out, "%zu:%zu\t%zu\t%zu\t%s\t", t.line, t.column, t.offset,
                    t.length, gy_token_class_name(t.cls));
            put_visible(out, text + t.offset, t.length);
            fputc('\n', out);
        }
        first = 0;
    }
    if (json)
        fputs(first ? "]\n" : "\n]\n", out);
    gy_tokenizer_free(tz);
    return gy_error_check_output(err, out);
}
