/* Streaming JSON output shared by the JSON and diff reporters: containers
 * are written by hand, elements one at a time (the diff reporter's as small
 * cJSON objects), so memory stays proportional to one element. */
#ifndef GY_JSONOUT_H
#define GY_JSONOUT_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "doc.h"

enum { GY_JW_MAX_DEPTH = 16 };

typedef struct gy_jw {
    FILE *out;
    int pretty;
    int depth;
    int after_key;
    int oom;
    long count[GY_JW_MAX_DEPTH];
} gy_jw;

void gy_jw_init(gy_jw *w, FILE *out, int pretty);
void gy_jw_open_object(gy_jw *w);
void gy_jw_close_object(gy_jw *w);
void gy_jw_open_array(gy_jw *w);
void gy_jw_close_array(gy_jw *w);
void gy_jw_key(gy_jw *w, const char *key);
/* Starts a value written by hand (a nested container) after a key. */
void gy_jw_begin_value(gy_jw *w);
/* Writes item (taken over and freed) as the next value. */
void gy_jw_item(gy_jw *w, cJSON *item);

/* A JSON number, formatted without the printf/scanf round trip cJSON does
 * (integers exactly; other values with the fewest digits that read back). */
cJSON *gy_json_number(double v);

/* Elements of the "gangyao/1" schema; each returns a new cJSON object
 * the caller owns, or NULL when out of memory. */
cJSON *gy_json_slice(const gy_doc *d, gy_slice sl);
cJSON *gy_json_source(const gy_doc *d);
cJSON *gy_json_section(const gy_doc *d, size_t i);
cJSON *gy_json_task(const gy_doc *d, size_t i);
cJSON *gy_json_target(const gy_doc *d, size_t i);

#endif
