/* Findings of a hostile test of the whole tool (issue 17): mixed
 * numerals read exactly or refused with a true warning, JSON output that
 * is UTF-8 whatever the input's names and fields hold, text output that
 * cannot drive a terminal, strict records, strict rule files, and a rule
 * with catastrophic backtracking bounded per document. */
#include <stdint.h>
#include <stdlib.h>

#include "test.h"

/* The one target of text: its text, value and unit. */
static void reads(const char *text, const char *want, double value, const char *unit)
{
    gy_doc *d = analyze_text(text);
    if (count(d, TGT) != 1) {
        test_fail(__FILE__, __LINE__, "%s: %zu targets, want 1", text, count(d, TGT));
    } else if (strcmp(str(d, TGT, 0, "text"), want) != 0 ||
               fabs(real(d, TGT, 0, "value") - value) > 1e-9 * fmax(1, fabs(value)) ||
               strcmp(str(d, TGT, 0, "unit"), unit) != 0) {
        test_fail(__FILE__, __LINE__, "%s: got '%s' %.17g '%s', want '%s' %.17g '%s'", text,
                  str(d, TGT, 0, "text"), real(d, TGT, 0, "value"), str(d, TGT, 0, "unit"), want,
                  value, unit);
    }
    free_doc(d);
}

/* No target in text, and a bad-number warning saying why. */
static void refuses(const char *text, const char *why)
{
    gy_doc *d = analyze_text(text);
    char buf[512] = "";
    for (size_t i = 0; d && i < gy_doc_warning_count(d); i++) {
        gy_doc_warning(d, i, buf, sizeof buf);
        if (strstr(buf, "bad-number") || strstr(buf, why))
            break;
    }
    if (count(d, TGT) || !strstr(buf, why))
        test_fail(__FILE__, __LINE__, "%s: %zu targets, warning '%s', want none and '%s'", text,
                  count(d, TGT), buf, why);
    free_doc(d);
}

static void mixed_numerals(void)
{
    reads("今年投入3万5千元。", "3万5千元", 35000, "元");
    reads("投资1亿2千万元。", "1亿2千万元", 1.2e8, "元");
    reads("新增2万3千人。", "2万3千人", 23000, "人");
    reads("筹集五点五亿元。", "五点五亿元", 5.5e8, "元");
    reads("补贴零点五万元。", "零点五万元", 5000, "元");
    reads("工业增加值增长负5%。", "负5%", -5, "%");
    reads("完成投资1 234.5亿元。", "1 234.5亿元", 1.2345e11, "元");
    refuses("投入3万5元。", "after a magnitude");
    refuses("完成投资12 34.5亿元。", "split by a space");
    refuses("投资5万万元。", "magnitude written twice");
}

/* What a report of one record writes (malloc'd). */
static char *render_record(const char *json, gy_format f)
{
    gy_error err;
    gy_error_clear(&err);
    gy_source *src = gy_source_from_record("s.jsonl", 1, json, strlen(json), NULL, &err);
    if (!src)
        return NULL;
    gy_doc *d = gy_analyze(src, builtin_rules(), NULL, &err);
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    gy_render_options ro = {GY_SHOW_ALL, 0, 1, 1, 1, 0};
    if (d && m)
        gy_render_part(d, f, m, &ro, &err);
    if (m)
        fclose(m);
    gy_doc_free(d);
    gy_source_free(src);
    return out;
}

static int valid_utf8(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!k || i + k > n || (k > 1 && c < 0xC2))
            return 0;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

static void json_is_utf8(void)
{
    char *out = render_record("{\"text\": \"增长5%\", \"who\": \"\xB9\xA4\", \"\xFF\": 1}",
                              GY_FORMAT_JSON);
    CHECK(out != NULL);
    if (out) {
        CHECK(valid_utf8(out));
        CHECK(strstr(out, "\"who\": \"\xEF\xBF\xBD\xEF\xBF\xBD\"") != NULL);
        CHECK(strstr(out, "\"\xEF\xBF\xBD\": 1") != NULL);
    }
    free(out);
}

/* gy_fput_shown of s, as a string (malloc'd). */
static char *shown(const char *s)
{
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    if (!m)
        return NULL;
    gy_fput_shown(s, (size_t)-1, m);
    fclose(m);
    return out;
}

static void terminal_text(void)
{
    struct { const char *in, *out; } cases[] = {
        {"plain 中文\ttab\n", "plain 中文\ttab\n"},
        {"\x1B]0;title\x07", "\\x1B]0;title\\x07"},
        {"clear\x1B[2J\r", "clear\\x1B[2J\\x0D"},
        {"del\x7F", "del\\x7F"},
        {"c1 \xC2\x9B" "31m", "c1 <U+009B>31m"},
        {"rtl \xE2\x80\xAE" "txt.exe", "rtl <U+202E>txt.exe"},
        {"isolate \xE2\x81\xA6x\xE2\x81\xA9", "isolate <U+2066>x<U+2069>"},
        {"gbk \xB9\xA4.txt", "gbk \\xB9\\xA4.txt"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = shown(cases[i].in);
        CHECK_STR(got, cases[i].out);
        free(got);
    }
    /* a document's escapes in its text report */
    char *out = render_record("{\"text\": \"关于报告\\n今年\\u001b[2J地区生产总值增长\\u202e5%左右。\"}",
                              GY_FORMAT_TEXT);
    CHECK(out && !strchr(out, 0x1B) && !strstr(out, "\xE2\x80\xAE"));
    CHECK(out && strstr(out, "\\x1B[2J") && strstr(out, "<U+202E>"));
    free(out);
}

static void record_strictness(void)
{
    gy_error err;
    gy_error_clear(&err);
    const char *escaped = "{\"\\u0074ext\": \"增长6%\", \"id\": 2}";
    gy_source *src = gy_source_from_record("s", 1, escaped, strlen(escaped), NULL, &err);
    CHECK(src != NULL);
    size_t len = 0;
    if (src) {
        CHECK_STR(gy_source_text(src, &len), "增长6%");
        CHECK_STR(gy_source_meta(src, &len), "{\"id\": 2}");
    }
    gy_source_free(src);
    const char *twice[] = {"{\"id\": 3, \"id\": 4, \"text\": \"x\"}",
                           "{\"text\": \"a\", \"t\\u0065xt\": \"b\"}",
                           "{\"\\u0069d\": 3, \"id\": 4, \"text\": \"x\"}",
                           "{\"\": 3, \"\": 4, \"text\": \"x\"}"};
    for (size_t i = 0; i < sizeof twice / sizeof twice[0]; i++) {
        gy_error_clear(&err);
        src = gy_source_from_record("s", 1, twice[i], strlen(twice[i]), NULL, &err);
        CHECK(src == NULL && err.status == GY_E_RECORD && strstr(err.message, "twice"));
        gy_source_free(src);
    }
    /* the same record taken over: no copy, same answer */
    char *own = strdup("{\"id\": 7, \"text\": \"a\\u0062c\"}");
    char *meta = NULL;
    gy_error_clear(&err);
    src = gy_source_take_record("s", 1, own, strlen(own), NULL, &meta, &err);
    CHECK(src != NULL && meta == NULL);
    if (src) {
        CHECK_STR(gy_source_text(src, &len), "abc");
        CHECK_STR(gy_source_meta(src, &len), "{\"id\": 7}");
    }
    gy_source_free(src);
}

/* The built-in rules as one file, with edit applied at the first place
 * old stands (malloc'd). */
static char *dump_edited(const char *old, const char *edit)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (!m)
        return NULL;
    gy_rules_dump_builtin(m);
    fclose(m);
    char *at = strstr(text, old);
    if (!at) {
        free(text);
        return NULL;
    }
    char *out = malloc(len + strlen(edit) + 1);
    if (out) {
        size_t k = (size_t)(at - text);
        memcpy(out, text, k);
        strcpy(out + k, edit);
        strcpy(out + k + strlen(edit), at + strlen(old));
    }
    free(text);
    return out;
}

static gy_rules *parse_rules(const char *json, gy_error *err)
{
    gy_error_clear(err);
    return json ? gy_rules_parse("r.json", json, strlen(json), err) : NULL;
}

static void strict_rule_files(void)
{
    gy_error err;
    char *trailing = dump_edited("\n}\n", "\n}\nok\n");
    if (!trailing)
        trailing = dump_edited("\n}", "\n} ok");
    CHECK(!parse_rules(trailing, &err) && strstr(err.message, "after the closing brace"));
    free(trailing);
    char *about = dump_edited("{", "{\"about\": \"a note on the file\", ");
    gy_rules *r = parse_rules(about, &err);
    CHECK(r != NULL);
    gy_rules_free(r);
    free(about);
    char *range = dump_edited("\"min\":\t2", "\"min\":\t31");
    CHECK(range && !parse_rules(range, &err) && strstr(err.message, "announce.min (31)"));
    free(range);
    size_t depth = 5000;
    char *deep = malloc(2 * depth + 16);
    if (deep) {
        strcpy(deep, "{\"x\": ");
        memset(deep + 6, '[', depth);
        memset(deep + 6 + depth, ']', depth);
        strcpy(deep + 6 + 2 * depth, "}");
        CHECK(!parse_rules(deep, &err) && strstr(err.message, "nesting deeper"));
        free(deep);
    }
}

/* A rule that backtracks catastrophically fails on the first line it
 * meets, is reported once and given up after a few failures, so that the
 * rest of the document costs nothing. */
static void backtracking_budget(void)
{
    gy_error err;
    char *evil = dump_edited("\"lines\":\t[{", "\"lines\":\t[{\"name\": \"evil\", \"pattern\": "
                                               "\"(a+)+$\"}, {");
    gy_rules *r = parse_rules(evil, &err);
    free(evil);
    CHECK(r != NULL);
    if (!r)
        return;
    size_t lines = 400;
    char *text = malloc(lines * 100);
    size_t n = 0;
    for (size_t i = 0; i < lines; i++) {
        size_t k = 60 + i * 7 % 30;
        memset(text + n, 'a', k);
        n += k;
        memcpy(text + n, "b\n", 2);
        n += 2;
    }
    gy_source *src = gy_source_from_memory("evil.txt", text, n, NULL, &err);
    free(text);
    gy_doc *d = src ? gy_analyze(src, r, NULL, &err) : NULL;
    CHECK(d != NULL);
    size_t reports = 0;
    char buf[512], report[512] = "";
    for (size_t i = 0; d && i < gy_doc_warning_count(d); i++) {
        gy_doc_warning(d, i, buf, sizeof buf);
        if (strstr(buf, "rule 'evil'")) {
            reports++;
            memcpy(report, buf, sizeof report);
        }
    }
    CHECK_INT(reports, 1);
    CHECK(strstr(report, "given up") != NULL);
    gy_doc_free(d);
    gy_source_free(src);
    gy_rules_free(r);
}

static const test_case tests[] = {
    {"hardening/mixed-numerals", mixed_numerals},
    {"hardening/json-is-utf8", json_is_utf8},
    {"hardening/terminal-text", terminal_text},
    {"hardening/record-strictness", record_strictness},
    {"hardening/strict-rule-files", strict_rule_files},
    {"hardening/backtracking-budget", backtracking_budget},
};

SUITE(hardening)
{
    *n = sizeof tests / sizeof tests[0];
    return tests;
}
