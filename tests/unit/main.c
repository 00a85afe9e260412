/* Runs every unit-test suite and ends with "N passed, N failed". */
#include <stdarg.h>
#include <stdlib.h>

#include "test.h"

int test_failures;

void test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "  %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    test_failures++;
}

SUITE(utf8);
SUITE(input);
SUITE(tokenize);
SUITE(numbers);
SUITE(rules);
SUITE(extract);
SUITE(targets);
SUITE(subjects);
SUITE(fields);
SUITE(diff);
SUITE(pattern);
SUITE(headline);
SUITE(web);
SUITE(hardening);
SUITE(region);
SUITE(scripts);
SUITE(lexicon);

int main(int argc, char **argv)
{
    const test_case *(*suites[])(size_t *) = {suite_utf8,  suite_input, suite_tokenize,
                                              suite_numbers, suite_rules, suite_extract,
                                              suite_targets, suite_subjects, suite_fields, suite_diff,
                                              suite_pattern, suite_headline, suite_web,
                                              suite_hardening, suite_region, suite_scripts,
                                              suite_lexicon};
    const char *only = argc > 1 ? argv[1] : NULL;
    int passed = 0, failed = 0;
    for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++) {
        size_t n;
        const test_case *tc = suites[s](&n);
        for (size_t i = 0; i < n; i++) {
            if (only && !strstr(tc[i].name, only))
                continue;
            test_failures = 0;
            tc[i].fn();
            if (test_failures) {
                fprintf(stderr, "FAIL %s\n", tc[i].name);
                failed++;
            } else {
                passed++;
            }
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
