/* Files embedded into the binary at build time (see tools/embed.c). */
#ifndef GY_EMBEDDED_H
#define GY_EMBEDDED_H

#include <stddef.h>

typedef struct gy_embedded_file {
    const char *name;      /* base name, e.g. "noise.json"; NULL ends the list */
    const char *data;      /* NUL-terminated */
    size_t len;
} gy_embedded_file;

/* The rule files of data/rules/, in name order. */
extern const gy_embedded_file gy_builtin_rule_files[];

#endif
