/* The one description of each element's fields, shared by every reporter
 * and by the public readers (gy_doc_value): a name per field and a
 * function that gives all values of one element at once.  What a field
 * holds when it is empty (null or ""), how ids are written and which bound
 * of a target is null are decided here and nowhere else. */
#ifndef GY_FIELDS_H
#define GY_FIELDS_H

#include "doc.h"

enum { GY_MAX_FIELDS = 32 };

typedef struct gy_element_desc {
    const char *name;              /* "section" */
    const char *const *fields;     /* field names, in output order */
    size_t nfields;
    /* Fills out[0..nfields) with the fields of element i. */
    void (*values)(const gy_doc *d, size_t i, gy_value *out);
} gy_element_desc;

extern const gy_element_desc gy_elements[GY_ELEM_COUNT];

/* How a target reads for people: "≥ 5000 名", "5 – 5.5 %", into buf;
 * gy_op_symbol gives the sign of each comparison. */
void gy_target_reading(const gy_target *t, char *buf, size_t size);
const char *gy_op_symbol(enum gy_op op);
/* v with no more digits than it needs (5, 5.5, 290000000) into buf;
 * returns its length. */
size_t gy_number_text(double v, char *buf, size_t size);

/* "target" or "fact". */
const char *gy_target_kind(const gy_target *t);
/* Whether the target states a lower (upper) bound: a range both, >= only
 * a lower one, <= only an upper one, = and ~ both (equal to the value). */
int gy_target_has_min(const gy_target *t);
int gy_target_has_max(const gy_target *t);

#endif
