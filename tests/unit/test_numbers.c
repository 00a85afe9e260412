/* The numeral parser: Chinese numerals (60+ cases, malformed ones
 * rejected), Arabic digits with separators and magnitudes, percentages and
 * fractions. */
#include "numbers.h"
#include "test.h"

typedef struct cn_case {
    const char *text;
    double value;          /* ignored when bad */
    int bad;
} cn_case;

static const cn_case cn_cases[] = {
    {"零", 0, 0}, {"〇", 0, 0}, {"一", 1, 0}, {"二", 2, 0}, {"两", 2, 0}, {"三", 3, 0},
    {"九", 9, 0}, {"十", 10, 0}, {"十一", 11, 0}, {"十二", 12, 0}, {"一十一", 11, 0},
    {"二十", 20, 0}, {"二十五", 25, 0}, {"九十九", 99, 0}, {"一百", 100, 0},
    {"一百零五", 105, 0}, {"一百一十", 110, 0}, {"一百五", 150, 0}, {"三百五十", 350, 0},
    {"九百九十九", 999, 0}, {"一千", 1000, 0}, {"两千", 2000, 0}, {"一千零五", 1005, 0},
    {"一千零四十", 1040, 0}, {"一千二", 1200, 0}, {"一千二百", 1200, 0},
    {"一千二百三十四", 1234, 0}, {"一万", 1e4, 0}, {"十万", 1e5, 0}, {"二十万", 2e5, 0},
    {"三万五", 35000, 0}, {"一万零三百", 10300, 0}, {"八萬五千", 85000, 0},
    {"一千二百万", 1.2e7, 0}, {"一亿", 1e8, 0}, {"三亿五千万", 3.5e8, 0}, {"十亿", 1e9, 0},
    {"一万亿", 1e12, 0}, {"一千零四十億", 1.04e11, 0}, {"十三亿", 1.3e9, 0},
    {"两万两千", 22000, 0}, {"十一万", 110000, 0}, {"壹佰", 100, 0}, {"叁拾", 30, 0},
    {"贰仟零伍", 2005, 0}, {"一九九七", 1997, 0}, {"二〇二五", 2025, 0}, {"二零零八", 2008, 0},
    {"一点五", 1.5, 0}, {"三点一四", 3.14, 0}, {"十二点五", 12.5, 0},
    /* malformed */
    {"十十", 0, 1}, {"百三", 0, 1}, {"一百百", 0, 1}, {"万万", 0, 1}, {"亿", 0, 1},
    {"万", 0, 1}, {"零五", 0, 1}, {"二百零", 0, 1}, {"五十五十", 0, 1}, {"一二", 0, 1},
    {"三四", 0, 1}, {"七八", 0, 1}, {"一二三", 0, 1}, {"两两", 0, 1}, {"千百", 0, 1},
    {"一万二万", 0, 1}, {"点五", 0, 1}, {"一点", 0, 1}, {"百", 0, 1}, {"一零零", 100, 0},
    {"一千千", 0, 1}, {"九九", 0, 1},
};

static void chinese_numerals(void)
{
    size_t n = sizeof cn_cases / sizeof cn_cases[0];
    CHECK(n >= 60);
    for (size_t i = 0; i < n; i++) {
        double v = -1;
        int rc = gy_parse_chinese(cn_cases[i].text, strlen(cn_cases[i].text), &v);
        if (cn_cases[i].bad) {
            if (rc == 0)
                test_fail(__FILE__, __LINE__, "%s parsed as %g, want rejected", cn_cases[i].text, v);
        } else if (rc != 0 || fabs(v - cn_cases[i].value) > 1e-9 * fmax(1, cn_cases[i].value)) {
            test_fail(__FILE__, __LINE__, "%s -> rc %d value %g, want %g", cn_cases[i].text, rc, v,
                      cn_cases[i].value);
        }
    }
}

/* gy_parse_number on a string: value, and how much of it was read. */
static double parse(const char *s, size_t *used, int *ok)
{
    gy_number n;
    *ok = gy_parse_number(s, 0, strlen(s), &n) > 0;
    *used = *ok ? n.end : 0;
    return *ok ? n.value : 0;
}

/* Is s refused whole as a number (written wrong or not exact), up to want_end? */
static void refused(const char *s, size_t want_end)
{
    gy_number n;
    int rc = gy_parse_number(s, 0, strlen(s), &n);
    if (rc != -1 || !n.problem || n.end != want_end)
        test_fail(__FILE__, __LINE__, "%.40s: rc %d, end %zu (want -1, end %zu)", s, rc, n.end,
                  want_end);
}

static void arabic_numbers(void)
{
    size_t used;
    int ok;
    CHECK_NEAR(parse("2024年", &used, &ok), 2024);
    CHECK_INT(used, 4);
    CHECK_NEAR(parse("6.6%", &used, &ok), 6.6);
    CHECK_INT(used, 3);
    CHECK_NEAR(parse("1,200名", &used, &ok), 1200);
    CHECK_INT(used, 5);
    CHECK_NEAR(parse("1，200名", &used, &ok), 1200);
    CHECK_NEAR(parse("12,345,678元", &used, &ok), 12345678);
    /* an ASCII comma that groups no thousands is a number written wrong,
     * refused whole; a full-width comma may end a clause */
    refused("1,2", 3);
    refused("1,2345", 6);
    refused("1,20万人", 4);
    refused("12,3456,789元", strlen("12,3456,789"));
    CHECK_NEAR(parse("1，2", &used, &ok), 1);
    CHECK_INT(used, 1);
    CHECK_NEAR(parse("２０２４", &used, &ok), 2024);
    CHECK_NEAR(parse("３．５", &used, &ok), 3.5);
    CHECK_NEAR(parse("2.9亿元", &used, &ok), 2.9e8);
    CHECK_INT(used, strlen("2.9亿"));
    CHECK_NEAR(parse("1.3万亿", &used, &ok), 1.3e12);
    CHECK_NEAR(parse("5000万", &used, &ok), 5e7);
    CHECK_NEAR(parse("90万亿元", &used, &ok), 9e13);
    CHECK_NEAR(parse("3千", &used, &ok), 3000);
    CHECK_NEAR(parse("1.5", &used, &ok), 1.5);
    /* a point with no digit after it is not a decimal point */
    CHECK_NEAR(parse("3.", &used, &ok), 3);
    CHECK_INT(used, 1);
    parse("abc", &used, &ok);
    CHECK(!ok);
}

static void percent_and_fractions(void)
{
    gy_number n;
    const char *s = "百分之五";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) && n.percent);
    CHECK_NEAR(n.value, 5);
    s = "百分之五点五";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) && n.percent);
    CHECK_NEAR(n.value, 5.5);
    s = "百分之12";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) && n.percent);
    CHECK_NEAR(n.value, 12);
    s = "千分之三";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) && n.permille);
    CHECK_NEAR(n.value, 3);
    s = "三分之一";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) && n.percent);
    CHECK_NEAR(n.value, 100.0 / 3);
    CHECK_INT(n.end, strlen(s));
    s = "四分之三以上";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) && n.percent);
    CHECK_NEAR(n.value, 75);
}

static void numeral_prefixes(void)
{
    gy_number n;
    /* the longest well-formed prefix: 十九 of 十九大 */
    const char *s = "十九大";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) > 0);
    CHECK_NEAR(n.value, 19);
    CHECK_INT(n.end, strlen("十九"));
    s = "八萬五千個單位";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) && n.chinese);
    CHECK_NEAR(n.value, 85000);
    /* 千万 alone (by all means) is no number; 万 alone neither */
    s = "千万不能";
    CHECK(gy_parse_number(s, 0, strlen(s), &n) == 0);
    s = "一点儿";
    CHECK(gy_parse_number(s, 0, strlen(s), &n));
    CHECK_NEAR(n.value, 1);
    CHECK_INT(n.end, strlen("一"));
}

static void refused_numbers(void)
{
    /* more digits than a double holds exactly, or none of it at all */
    char buf[2048];
    memset(buf, '9', 309);
    strcpy(buf + 309, "元");
    refused(buf, 309);
    refused("12345678901234567", 17);
    CHECK(gy_parse_number("9007199254740991", 0, 16, &(gy_number){0}) == 1);
    refused("0.00000000000000000000001", strlen("0.00000000000000000000001"));
    /* a magnitude written twice */
    refused("1万万亿元", strlen("1万万亿"));
    /* a run of numerals too long to be one number, whole */
    buf[0] = '\0';
    for (int i = 0; i < 200; i++)
        strcat(buf, "九");
    refused(buf, strlen(buf));
    strcpy(buf, "百分之零点");
    for (int i = 0; i < 100; i++)
        strcat(buf, "零");
    strcat(buf, "五");
    refused(buf, strlen(buf));
    refused("一亿亿亿", strlen("一亿亿亿")); /* 1e24: not exact */
}

static void magnitudes(void)
{
    size_t stop;
    const char *s = "万亿元";
    CHECK_NEAR(gy_parse_magnitude(s, 0, strlen(s), &stop), 1e12);
    CHECK_INT(stop, strlen("万亿"));
    s = "千万";
    CHECK_NEAR(gy_parse_magnitude(s, 0, strlen(s), &stop), 1e7);
    s = "亿万";
    CHECK_NEAR(gy_parse_magnitude(s, 0, strlen(s), &stop), 1e8);
    CHECK_INT(stop, strlen("亿"));
    s = "元";
    CHECK_NEAR(gy_parse_magnitude(s, 0, strlen(s), &stop), 0);
}

static void marker_numbers(void)
{
    CHECK_INT(gy_marker_number("十二", strlen("十二")), 12);
    CHECK_INT(gy_marker_number("3", 1), 3);
    CHECK_INT(gy_marker_number("①", strlen("①")), 1);
    CHECK_INT(gy_marker_number("⑳", strlen("⑳")), 20);
    CHECK_INT(gy_marker_number("十十", strlen("十十")), -1);
    CHECK_INT(gy_marker_number("", 0), -1);
}

static const test_case cases[] = {
    {"numbers/chinese", chinese_numerals}, {"numbers/arabic", arabic_numbers},
    {"numbers/percent", percent_and_fractions}, {"numbers/prefixes", numeral_prefixes},
    {"numbers/magnitudes", magnitudes}, {"numbers/markers", marker_numbers},
    {"numbers/refused", refused_numbers},
};

SUITE(numbers)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
