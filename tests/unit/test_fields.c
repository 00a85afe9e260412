/* The public readers: every element kind's fields by name and index, the
 * value types, ids, null fields and out-of-range reads. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonout.h"
#include "test.h"

static void names_and_indices(void)
{
    CHECK_STR(gy_element_name(GY_ELEM_TARGET), "target");
    CHECK(gy_element_name(GY_ELEM_COUNT) == NULL);
    for (int e = 0; e < GY_ELEM_COUNT; e++) {
        size_t n = gy_field_count((gy_element)e);
        CHECK(n > 0);
        for (size_t f = 0; f < n; f++)
            CHECK_INT(gy_field_index((gy_element)e, gy_field_name((gy_element)e, f)), f);
        CHECK(gy_field_name((gy_element)e, n) == NULL);
    }
    CHECK_INT(gy_field_index(GY_ELEM_SECTION, "heading"), 5);
    CHECK_INT(gy_field_index(GY_ELEM_SECTION, "no-such-field"), -1);
}

static void values(void)
{
    gy_doc *d = analyze_text("一、总体要求\n今年新增就业1100万人以上。\n");
    CHECK_INT(gy_doc_count(d, GY_ELEM_SOURCE), 1);
    CHECK_STR(str(d, GY_ELEM_SOURCE, 0, "encoding"), "UTF-8");
    gy_value v = gy_doc_get(d, SEC, 0, "id");
    CHECK_INT(v.type, GY_VALUE_ID);
    CHECK_INT(v.i, 1);
    CHECK(v.len == 1 && v.s[0] == 's');
    v = gy_doc_get(d, SEC, 0, "parent");
    CHECK_INT(v.type, GY_VALUE_NULL);
    v = gy_doc_get(d, TGT, 0, "value");
    CHECK_INT(v.type, GY_VALUE_NUMBER);
    CHECK_NEAR(v.n, 1.1e7);
    v = gy_doc_get(d, TGT, 0, "max");
    CHECK_INT(v.type, GY_VALUE_NULL); /* >= has no upper bound */
    v = gy_doc_get(d, TGT, 0, "range");
    CHECK_INT(v.type, GY_VALUE_BOOL);
    CHECK_INT(v.i, 0);
    CHECK_STR(str(d, TGT, 0, "period"), "今年");
    CHECK_INT(num(d, TGT, 0, "section"), 1);
    /* out of range: null, never a crash */
    CHECK_INT(gy_doc_get(d, TGT, 5, "value").type, GY_VALUE_NULL);
    CHECK_INT(gy_doc_value(d, TGT, 0, 99).type, GY_VALUE_NULL);
    CHECK_INT(gy_doc_get(d, GY_ELEM_COUNT, 0, "value").type, GY_VALUE_NULL);
    free_doc(d);
}

/* JSON numbers: the fewest digits that read back; the hand-written short
 * decimals must print what %.15g (or %.17g) would. */
static void json_numbers(void)
{
    char got[48], want[48];
    gy_json_number_text(5.5, got);
    CHECK_STR(got, "5.5");
    gy_json_number_text(-0.05, got);
    CHECK_STR(got, "-0.05");
    gy_json_number_text(1e21, got);
    CHECK_STR(got, "1e+21");
    gy_json_number_text(0.1 + 0.2, got);
    CHECK_STR(got, "0.30000000000000004");
    gy_json_number_text(-42, got);
    CHECK_STR(got, "-42");
    unsigned state = 7;
    long wrong = 0;
    for (int i = 0; i < 200000; i++) {
        state = state * 1103515245u + 12345u;
        unsigned r = state >> 8;
        double scale[] = {1, 10, 100, 1e3, 1e4, 1e6, 1e7, 3, 7};
        double v = (double)(r % 2000000) / scale[r % 9] * (r & 1 ? -1 : 1);
        if (i % 3 == 0)
            v = (double)r / 16777216.0 * pow(10, (double)(r % 14) - 6);
        gy_json_number_text(v, got);
        if (v == floor(v) && fabs(v) < 9007199254740992.0)
            snprintf(want, sizeof want, "%.0f", v);
        else {
            snprintf(want, sizeof want, "%.15g", v);
            if (strtod(want, NULL) != v)
                snprintf(want, sizeof want, "%.17g", v);
        }
        if (strcmp(got, want) != 0 && wrong++ < 3)
            test_fail(__FILE__, __LINE__, "%.17g: %s, not %s", v, got, want);
    }
    CHECK_INT(wrong, 0);
}

static const test_case cases[] = {
    {"fields/json-numbers", json_numbers},
    {"fields/names", names_and_indices},
    {"fields/values", values},
};

SUITE(fields)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
