/* Streaming JSON writer shared by every JSON reporter (analysis, diff,
 * tokens): containers and values are written as they come, so memory stays
 * proportional to one value.  Pretty output is laid out as cJSON prints:
 * a tab per level, "key":<tab>value, and short arrays of scalars inline. */
#ifndef GY_JSONOUT_H
#define GY_JSONOUT_H

#include <stddef.h>
#include <stdio.h>

#include "gangyao.h"

enum { GY_JW_MAX_DEPTH = 16 };

enum { GY_JW_BUFFER = 16384 };

/* Output goes through a buffer of the writer's own, written to out when it
 * fills and when the outermost container closes (gy_jw_flush for a value
 * written outside any container). */
typedef struct gy_jw {
    FILE *out;
    size_t n;
    char buf[GY_JW_BUFFER];
    int pretty;
    int depth;
    int after_key;             /* a key was written; its value comes next */
    int oom;
    const char *text;          /* valid UTF-8 whose slices need no check */
    size_t text_len;
    long count[GY_JW_MAX_DEPTH];       /* values written at each level */
    unsigned char inline_[GY_JW_MAX_DEPTH]; /* an inline array at that level */
} gy_jw;

void gy_jw_init(gy_jw *w, FILE *out, int pretty);
void gy_jw_flush(gy_jw *w);
/* Strings lying inside text[0..n) (a document's text, valid UTF-8 since
 * its input was decoded) are written without checking their bytes again;
 * text is borrowed until the writer is done. */
void gy_jw_trust(gy_jw *w, const char *text, size_t n);
void gy_jw_open_object(gy_jw *w);
void gy_jw_close_object(gy_jw *w);
void gy_jw_open_array(gy_jw *w);
/* An array written on one line, for a few scalars: ["value", "op"]. */
void gy_jw_open_inline_array(gy_jw *w);
void gy_jw_close_array(gy_jw *w);
/* key is written as is: the reporters' own keys need no escaping. */
void gy_jw_key(gy_jw *w, const char *key);

void gy_jw_string(gy_jw *w, const char *s, size_t n);
/* s, or null when s is NULL. */
void gy_jw_cstr(gy_jw *w, const char *s);
void gy_jw_number(gy_jw *w, double v);
void gy_jw_bool(gy_jw *w, int b);
void gy_jw_null(gy_jw *w);
/* A value already written as JSON (a record's fields), copied as it is. */
void gy_jw_raw(gy_jw *w, const char *json, size_t n);
void gy_jw_value(gy_jw *w, const gy_value *v);

/* Element i of kind e as an object of its fields (see fields.h). */
void gy_jw_element(gy_jw *w, const gy_doc *d, gy_element e, size_t i);
/* Every element of kind e, as an array. */
void gy_jw_elements(gy_jw *w, const gy_doc *d, gy_element e);
/* The same after key. */
void gy_jw_member_element(gy_jw *w, const char *key, const gy_doc *d, gy_element e, size_t i);

/* Formats v as JSON into buf (at least 40 bytes): integers exactly, other
 * values with the fewest digits that read back. */
void gy_json_number_text(double v, char *buf);

#endif
