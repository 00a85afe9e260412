/* The public readers: every element kind's fields by name and index, the
 * value types, ids, null fields and out-of-range reads. */
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

static const test_case cases[] = {
    {"fields/names", names_and_indices},
    {"fields/values", values},
};

SUITE(fields)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
