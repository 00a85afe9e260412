/* The tokens command's output: what the rules see. */
#include <cjson/cJSON.h>
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

static int token_json(FILE *out, const char *text, const gy_token *t, int first)
{
    cJSON *o = cJSON_CreateObject();
    char *str = malloc(t->length + 1);
    if (!o || !str) {
        cJSON_Delete(o);
        free(str);
        return -1;
    }
    memcpy(str, text + t->offset, t->length);
    str[t->length] = '\0';
    cJSON_AddItemToObject(o, "line", gy_json_number((double)t->line));
    cJSON_AddItemToObject(o, "column", gy_json_number((double)t->column));
    cJSON_AddItemToObject(o, "offset", gy_json_number((double)t->offset));
    cJSON_AddItemToObject(o, "length", gy_json_number((double)t->length));
    cJSON_AddStringToObject(o, "class", gy_token_class_name(t->cls));
    cJSON_AddStringToObject(o, "text", str);
    free(str);
    char *js = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!js)
        return -1;
    fprintf(out, "%s  %s", first ? "" : ",\n", js);
    cJSON_free(js);
    return 0;
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
            if (token_json(out, text, &t, first) != 0) {
                gy_tokenizer_free(tz);
                gy_error_oom(err, gy_source_name(src));
                return -1;
            }
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
    if (ferror(out)) {
        gy_error_set(err, GY_E_OUTPUT, "<stdout>", 0, 0, -1, "", "write error");
        return -1;
    }
    return 0;
}
