/* Reading rule files: JSON parsed with cJSON, the place of every value in
 * its file (cJSON keeps none), and field-by-field readers that report each
 * error with file, line, column and the field's path.  Used by the concern
 * loaders (rules_load.c) and the rule-set assembly (rules.c). */
#ifndef GY_RULES_JSON_H
#define GY_RULES_JSON_H

#include <cjson/cJSON.h>

#include "rules.h"

/* Where a node's value (or for an object member, its key) begins. */
typedef struct gy_place {
    const cJSON *node;
    size_t offset;
} gy_place;

typedef struct gy_locator {
    gy_place *places;      /* malloc'd, in pre-order */
    size_t n, cap;
    int done;              /* filled: on the first error, as only a message
                              needs a place (most loads have none) */
} gy_locator;

typedef struct gy_rfile {
    const char *name;      /* path or built-in file name, for messages */
    const char *text;
    size_t len;
    cJSON *root;
    gy_locator *loc;       /* heap, a cache filled by the first message */
} gy_rfile;

typedef struct gy_loader {
    gy_rules *r;
    gy_error *err;
    int failed;            /* the first error is kept; later ones are dropped */
} gy_loader;

/* Parses f->text into f->root and its locator.  Returns 0 or -1. */
int gy_rfile_parse(gy_loader *ld, gy_rfile *f);
void gy_rfile_free(gy_rfile *f);

/* Records an error at node (NULL: the file as a whole); returns -1. */
int gy_rj_fail(gy_loader *ld, const gy_rfile *f, const cJSON *node, const char *hint,
               const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

enum { GY_RJ_MAX_FIELDS = 24 };

/* An object being read: the fields asked for are remembered, so that
 * gy_rj_close can name one nobody asked for (a typo). */
typedef struct gy_jobj {
    gy_loader *ld;
    const gy_rfile *f;
    const cJSON *node;
    const char *path;      /* e.g. "noise.lines[3]", for messages */
    const char *used[GY_RJ_MAX_FIELDS];
    size_t nused;
} gy_jobj;

int gy_rj_open(gy_loader *ld, const gy_rfile *f, const cJSON *node, const char *path,
               gy_jobj *o);
const cJSON *gy_rj_field(gy_jobj *o, const char *key, int required);
/* Opens member key (required) as an object of its own. */
int gy_rj_open_member(gy_jobj *o, const char *key, gy_jobj *member);
int gy_rj_close(gy_jobj *o);
/* Indexes the n patterns of array key (first, stride bytes apart) by the
 * characters they start with; an error there when they are too many. */
int gy_rj_index(gy_jobj *o, const char *key, const gy_rx *first, size_t stride, size_t n,
                gy_rxindex *ix);
/* "path.key" or "path.key[index]" in the rule set's arena. */
char *gy_rj_path(gy_loader *ld, const char *path, const char *key, long index);

int gy_rj_string(gy_jobj *o, const char *key, int required, const char **out);
int gy_rj_number(gy_jobj *o, const char *key, int required, double lo, double hi,
                 double *out);
/* Fails naming both fields when the value of lo_key (lo) is above that of
 * hi_key (hi): a range that holds nothing. */
int gy_rj_ordered(gy_jobj *o, const char *lo_key, size_t lo, const char *hi_key, size_t hi);
int gy_rj_size(gy_jobj *o, const char *key, int required, size_t lo, size_t hi,
               size_t *out);
int gy_rj_bool(gy_jobj *o, const char *key, int *out);
/* The string value of key, one of names[0..n); its index goes to *out. */
int gy_rj_choice(gy_jobj *o, const char *key, int required, const char *const *names,
                 int n, int *out);

/* The strings of array field key, each added to wl with tag. */
int gy_rj_words(gy_jobj *o, const char *key, int required, gy_word_list *wl, int tag);
/* The strings of array field key as a lexicon (tag 0). */
int gy_rj_lexicon(gy_jobj *o, const char *key, int required, gy_lexicon *lx);
/* Builds lx from wl, reporting running out of memory at o. */
int gy_rj_build(gy_jobj *o, gy_lexicon *lx, gy_word_list *wl);

/* Compiles string value v as the pattern of rule name (NULL: the path). */
int gy_rj_compile(gy_loader *ld, const gy_rfile *f, const cJSON *v, const char *path,
                  const char *name, int anchored, gy_rx *rx);
/* The same with the pattern text given (v's string after an expansion);
 * errors are reported at v. */
int gy_rj_compile_text(gy_loader *ld, const gy_rfile *f, const cJSON *v, const char *path,
                       const char *name, int anchored, const char *pattern, gy_rx *rx);
int gy_rj_pattern(gy_jobj *o, const char *key, int required, int anchored, const char *name,
                  gy_rx *rx);

typedef int (*gy_rj_elem_fn)(gy_loader *ld, const gy_rfile *f, const cJSON *e,
                             const char *path, size_t index, void *out, void *ctx);
/* Loads array field key into a new arena array of elements of size elem,
 * each read by fn. */
int gy_rj_array(gy_jobj *o, const char *key, int required, size_t elem, gy_rj_elem_fn fn,
                void *ctx, void **items, size_t *n);

#endif
