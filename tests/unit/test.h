/* A small unit-test harness: TEST functions use CHECK macros; the runner
 * counts a test as failed when any of its checks fails. */
#ifndef GY_TEST_H
#define GY_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct test_case {
    const char *name;
    void (*fn)(void);
} test_case;

extern int test_failures; /* checks failed in the running test */

void test_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond))                                                        \
            test_fail(__FILE__, __LINE__, "%s", #cond);                     \
    } while (0)

#define CHECK_INT(got, want)                                                \
    do {                                                                    \
        long long g_ = (long long)(got), w_ = (long long)(want);            \
        if (g_ != w_)                                                       \
            test_fail(__FILE__, __LINE__, "%s is %lld, want %lld", #got, g_, w_); \
    } while (0)

#define CHECK_NEAR(got, want)                                               \
    do {                                                                    \
        double g_ = (got), w_ = (want);                                     \
        if (!(fabs(g_ - w_) <= 1e-9 * fmax(1.0, fabs(w_))))                 \
            test_fail(__FILE__, __LINE__, "%s is %.17g, want %.17g", #got, g_, w_); \
    } while (0)

#define CHECK_STR(got, want)                                                \
    do {                                                                    \
        const char *g_ = (got), *w_ = (want);                               \
        if (!g_ || !w_ || strcmp(g_, w_) != 0)                              \
            test_fail(__FILE__, __LINE__, "%s is \"%s\", want \"%s\"", #got, \
                      g_ ? g_ : "(null)", w_ ? w_ : "(null)");              \
    } while (0)

/* Each suite file defines one of these, listed in main.c. */
#define SUITE(name)                                                        \
    const test_case *suite_##name(size_t *n);                               \
    const test_case *suite_##name(size_t *n)

/* Helpers shared by the suites (helpers.c). */
#include "gangyao.h"

/* Decodes bytes as the named file with default options; NULL on error,
 * with the error in *err. */
gy_source *load_bytes(const char *name, const char *bytes, size_t n, gy_error *err);
/* Analyzes UTF-8 text with the built-in rules; the source is kept inside
 * and freed with free_doc. */
gy_doc *analyze_text(const char *text);
void free_doc(gy_doc *doc);
/* The built-in rule set, loaded once. */
const gy_rules *builtin_rules(void);
/* Reading elements through the public field readers (gy_doc_value). */
#define SEC GY_ELEM_SECTION
#define TASK GY_ELEM_TASK
#define TGT GY_ELEM_TARGET
#define TIME GY_ELEM_TIME
#define NOISE GY_ELEM_NOISE
#define WARN GY_ELEM_WARNING
size_t count(const gy_doc *d, gy_element e);
/* A string field, in one of eight rotating static buffers (so a few may be
 * compared at once), cut at 511 bytes; NULL when the field is null. */
const char *str(const gy_doc *d, gy_element e, size_t i, const char *field);
/* An integer, boolean or id field (the element's number); -1 when null. */
long long num(const gy_doc *d, gy_element e, size_t i, const char *field);
/* A number field; NAN when null. */
double real(const gy_doc *d, gy_element e, size_t i, const char *field);
/* Whether a warning with this code was given. */
int has_warning(const gy_doc *d, const char *code);
/* Reads a file into a NUL-terminated malloc'd buffer. */
char *slurp(const char *path, size_t *len);

#endif
