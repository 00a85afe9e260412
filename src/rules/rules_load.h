/* The concerns of a rule set and their loaders (rules_load.c). */
#ifndef GY_RULES_LOAD_H
#define GY_RULES_LOAD_H

#include "rules_json.h"

typedef struct gy_concern {
    const char *name;
    int (*load)(gy_loader *ld, const gy_rfile *f, const cJSON *node);
} gy_concern;

extern const gy_concern gy_concerns[];
int gy_load_targets(gy_loader *ld, const gy_rfile *f, const cJSON *node);
int gy_load_times(gy_loader *ld, const gy_rfile *f, const cJSON *node);
int gy_load_indicators(gy_loader *ld, const gy_rfile *f, const cJSON *node);
int gy_load_regions(gy_loader *ld, const gy_rfile *f, const cJSON *node);
int gy_load_terms(gy_loader *ld, const gy_rfile *f, const cJSON *node);
extern const size_t gy_nconcerns;

/* Tables derived from several concerns once all are loaded. */
void gy_derive_scan_stops(gy_rules *r);

#endif
