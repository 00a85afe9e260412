#include <stdlib.h>
#include <string.h>

#include <math.h>

#include "test.h"

gy_source *load_bytes(const char *name, const char *bytes, size_t n, gy_error *err)
{
    gy_error_clear(err);
    return gy_source_from_memory(name, bytes, n, NULL, err);
}

const gy_rules *builtin_rules(void)
{
    static gy_rules *r;
    if (!r) {
        gy_error err;
        gy_error_clear(&err);
        r = gy_rules_builtin(&err);
        if (!r) {
            gy_error_print(&err, stderr);
            abort();
        }
    }
    return r;
}

/* The document and its source, freed together. */
typedef struct held {
    gy_doc *doc;
    gy_source *src;
} held;

static held holds[64];

gy_doc *analyze_text(const char *text)
{
    gy_error err;
    gy_source *src = load_bytes("t.txt", text, strlen(text), &err);
    if (!src)
        return NULL;
    gy_doc *doc = gy_analyze(src, builtin_rules(), NULL, &err);
    for (size_t i = 0; i < 64; i++)
        if (!holds[i].doc) {
            holds[i].doc = doc;
            holds[i].src = src;
            return doc;
        }
    abort();
}

void free_doc(gy_doc *doc)
{
    for (size_t i = 0; i < 64; i++)
        if (holds[i].doc == doc) {
            gy_doc_free(doc);
            gy_source_free(holds[i].src);
            holds[i].doc = NULL;
            holds[i].src = NULL;
            return;
        }
}

char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

size_t count(const gy_doc *d, gy_element e) { return d ? gy_doc_count(d, e) : 0; }

const char *str(const gy_doc *d, gy_element e, size_t i, const char *field)
{
    static char buf[8][512];
    static int k;
    gy_value v = gy_doc_get(d, e, i, field);
    if (v.type == GY_VALUE_NULL)
        return NULL;
    k = (k + 1) % 8;
    size_t n = v.type == GY_VALUE_STRING ? v.len : 0;
    if (n >= sizeof buf[k])
        n = sizeof buf[k] - 1;
    memcpy(buf[k], v.s, n);
    buf[k][n] = '\0';
    return buf[k];
}

long long num(const gy_doc *d, gy_element e, size_t i, const char *field)
{
    gy_value v = gy_doc_get(d, e, i, field);
    return v.type == GY_VALUE_INT || v.type == GY_VALUE_BOOL || v.type == GY_VALUE_ID ? v.i : -1;
}

double real(const gy_doc *d, gy_element e, size_t i, const char *field)
{
    gy_value v = gy_doc_get(d, e, i, field);
    if (v.type == GY_VALUE_NUMBER)
        return v.n;
    return v.type == GY_VALUE_INT ? (double)v.i : NAN;
}

int has_warning(const gy_doc *d, const char *code)
{
    for (size_t i = 0; i < count(d, WARN); i++) {
        const char *c = str(d, WARN, i, "code");
        if (c && strcmp(c, code) == 0)
            return 1;
    }
    return 0;
}
