/* Rules stage: the built-in set loads; each kind of rule-file error is
 * reported with its place and never yields a rule set. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <unistd.h>

#include "rules.h"
#include "test.h"

/* The built-in rules as one JSON document (malloc'd). */
static char *dump(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    gy_rules_dump_builtin(f);
    fclose(f);
    return buf;
}

/* Line (1-based) of the first occurrence of needle in text. */
static long line_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    if (!p)
        return -1;
    long line = 1;
    for (const char *q = text; q < p; q++)
        line += *q == '\n';
    return line;
}

static char *replace_once(const char *text, const char *from, const char *to)
{
    const char *p = strstr(text, from);
    if (!p)
        return NULL;
    size_t a = (size_t)(p - text), fl = strlen(from), tl = strlen(to), n = strlen(text);
    char *out = malloc(n - fl + tl + 1);
    memcpy(out, text, a);
    memcpy(out + a, to, tl);
    memcpy(out + a + tl, p + fl, n - a - fl + 1);
    return out;
}

static gy_rules *parse(const char *text, gy_error *err)
{
    gy_error_clear(err);
    return gy_rules_parse("test-rules.json", text, strlen(text), err);
}

static void builtin_loads(void)
{
    gy_error err;
    gy_error_clear(&err);
    gy_rules *r = gy_rules_builtin(&err);
    CHECK(r != NULL);
    if (r) {
        CHECK(gy_rules_count(r) > 300);
        CHECK(r->sections.nmarkers >= 5);
        CHECK(r->tasks.nmarkers >= 3);
        CHECK(r->targets.nunits > 30);
        gy_rules_free(r);
    }
    /* the dump is itself a complete rule file */
    char *d = dump();
    CHECK(d != NULL);
    if (d) {
        r = parse(d, &err);
        CHECK(r != NULL);
        gy_rules_free(r);
        free(d);
    }
}

static void bad_json(void)
{
    gy_error err;
    const char *t = "{\n  \"noise\": {\n    \"max_chars\": 10,\n    \"lines\": [\n  }\n}\n";
    CHECK(parse(t, &err) == NULL);
    CHECK_INT(err.status, GY_E_RULES);
    CHECK_STR(err.file, "test-rules.json");
    CHECK_INT(err.line, 5);
    CHECK(err.column >= 1);
    CHECK(strstr(err.message, "invalid JSON") != NULL);
    CHECK(parse("", &err) == NULL);
    CHECK_INT(err.status, GY_E_RULES);
    CHECK(parse("[1, 2]", &err) == NULL);
    CHECK(strstr(err.message, "object") != NULL);
}

static void bad_pattern(void)
{
    char *d = dump();
    const char *old = "\"pattern\":\t\"仅供(?:学习|参考|内部)";
    char *t = replace_once(d, old, "\"pattern\":\t\"仅供(?:学习|参考|内部");
    CHECK(t != NULL);
    if (t) {
        gy_error err;
        CHECK(parse(t, &err) == NULL);
        CHECK_INT(err.status, GY_E_RULES);
        CHECK(strstr(err.message, "seller-watermark") != NULL);
        CHECK(strstr(err.message, "at offset") != NULL);
        CHECK(strstr(err.message, "noise.lines[0].pattern") != NULL);
        CHECK_INT(err.line, line_of(t, "仅供(?:学习"));
        free(t);
    }
    free(d);
}

static void unknown_field(void)
{
    char *d = dump();
    char *t = replace_once(d, "\"name\":\t\"seller-watermark\",", "\"name\":\t\"seller-watermark\", \"colour\": 1,");
    CHECK(t != NULL);
    if (t) {
        gy_error err;
        CHECK(parse(t, &err) == NULL);
        CHECK(strstr(err.message, "unknown field 'colour'") != NULL);
        CHECK(strstr(err.message, "known: name, pattern, then") != NULL);
        CHECK_INT(err.line, line_of(t, "\"colour\""));
        free(t);
    }
    free(d);
}

static void unknown_and_missing_concern(void)
{
    char *d = dump();
    char *t = replace_once(d, "\"times\":", "\"timez\":");
    gy_error err;
    CHECK(t && parse(t, &err) == NULL);
    CHECK(strstr(err.message, "unknown concern 'timez'") != NULL);
    CHECK_INT(err.line, line_of(t, "\"timez\""));
    free(t);
    /* a file without times */
    cJSON *root = cJSON_Parse(d);
    cJSON_DeleteItemFromObject(root, "times");
    char *u = cJSON_Print(root);
    CHECK(parse(u, &err) == NULL);
    CHECK(strstr(err.message, "no 'times' concern") != NULL);
    free(u);
    cJSON_Delete(root);
    free(d);
}

static void wrong_types_and_groups(void)
{
    char *d = dump();
    gy_error err;
    char *t = replace_once(d, "\"max_chars\":\t120", "\"max_chars\":\t\"lots\"");
    CHECK(t && parse(t, &err) == NULL);
    CHECK(strstr(err.message, "noise.max_chars must be a number") != NULL);
    CHECK_INT(err.line, line_of(t, "\"lots\""));
    free(t);
    /* a title pattern must say which part is the title */
    t = replace_once(d, "(?<title>在.{2,80}(?:上|时|期间)的", "(?:在.{2,80}(?:上|时|期间)的");
    CHECK(t && parse(t, &err) == NULL);
    CHECK(strstr(err.message, "(?<title>") != NULL);
    free(t);
    /* and a byline which part is the occasion: the group taken from the
     * first byline's pattern */
    const char *byline = strstr(d, "\"bylines\"");
    const char *group = byline ? strstr(byline, "(?<occasion>") : NULL;
    CHECK(group != NULL);
    if (group) {
        size_t at = (size_t)(group - d);
        t = malloc(strlen(d) + 1);
        if (t) {
            memcpy(t, d, at);
            strcpy(t + at, "(?:");
            strcat(t, group + strlen("(?<occasion>"));
        }
        CHECK(t && parse(t, &err) == NULL);
        CHECK(t && strstr(err.message, "bylines[0]") && strstr(err.message, "(?<occasion>...)"));
        free(t);
    }
    t = replace_once(d, "\"then\":\t\"rest\"", "\"then\":\t\"forever\"");
    CHECK(t && parse(t, &err) == NULL);
    CHECK(strstr(err.message, "then must be") != NULL);
    free(t);
    t = replace_once(d, "\"op\":\t\">=\"", "\"op\":\t\"=>\"");
    CHECK(t && parse(t, &err) == NULL);
    CHECK(strstr(err.message, "op must be one of") != NULL);
    free(t);
    t = replace_once(d, "\"kind\":\t\"range\"", "\"kind\":\t\"century\"");
    CHECK(t && parse(t, &err) == NULL);
    CHECK(strstr(err.message, "kind must be one of") != NULL);
    free(t);
    free(d);
}

static void duplicate_keys(void)
{
    gy_error err;
    char *d = dump();
    char *t = replace_once(d, "\"max_chars\":\t120", "\"max_chars\":\t120, \"max_chars\": 90");
    CHECK(t && parse(t, &err) == NULL);
    CHECK(strstr(err.message, "given twice") != NULL);
    free(t);
    free(d);
}

static void files_on_disk(void)
{
    gy_error err;
    gy_error_clear(&err);
    const char *missing[] = {"tests/no-such-rules.json"};
    CHECK(gy_rules_load(missing, 1, &err) == NULL);
    CHECK_INT(err.status, GY_E_RULES);
    CHECK(strstr(err.message, "cannot read rule file") != NULL);
    /* the set split over two files loads; a concern in both does not */
    char *d = dump();
    cJSON *root = cJSON_Parse(d);
    cJSON *first = cJSON_CreateObject();
    cJSON_AddItemToObject(first, "noise", cJSON_DetachItemFromObject(root, "noise"));
    char a[] = "/tmp/gy_rules_a_XXXXXX", b[] = "/tmp/gy_rules_b_XXXXXX";
    int fa = mkstemp(a), fb = mkstemp(b);
    char *sa = cJSON_Print(first), *sb = cJSON_Print(root);
    CHECK(write(fa, sa, strlen(sa)) == (ssize_t)strlen(sa));
    CHECK(write(fb, sb, strlen(sb)) == (ssize_t)strlen(sb));
    close(fa);
    close(fb);
    const char *both[] = {a, b};
    gy_rules *r = gy_rules_load(both, 2, &err);
    CHECK(r != NULL);
    gy_rules_free(r);
    const char *twice[] = {a, a, b};
    gy_error_clear(&err);
    CHECK(gy_rules_load(twice, 3, &err) == NULL);
    CHECK(strstr(err.message, "already given") != NULL);
    /* not UTF-8 */
    FILE *f = fopen(a, "wb");
    fputs("{\"noise\": \"\xD5\xFE\"}", f);
    fclose(f);
    const char *bad[] = {a};
    gy_error_clear(&err);
    CHECK(gy_rules_load(bad, 1, &err) == NULL);
    CHECK(strstr(err.message, "not valid UTF-8") != NULL);
    unlink(a);
    unlink(b);
    cJSON_free(sa);
    cJSON_free(sb);
    cJSON_Delete(first);
    cJSON_Delete(root);
    free(d);
}

static void lexicon_lookups(void)
{
    const gy_rules *r = builtin_rules();
    const char *s = "城镇新增就业1100万人以上";
    size_t pos = strlen("城镇新增就业1100万人");
    CHECK(gy_lex_at(&r->targets.op_after, s, pos, strlen(s)) >= 0);
    int w = gy_lex_at(&r->targets.unit_words, s, strlen("城镇新增就业1100万"), strlen(s));
    CHECK(w >= 0);
    if (w >= 0)
        CHECK_STR(r->targets.units[r->targets.unit_words.words[w].tag].unit, "人");
    /* the longest word wins: 不少于 over 少于 */
    const char *t = "不少于3人";
    w = gy_lex_ending_at(&r->targets.op_before, t, 0, strlen("不少于"));
    CHECK(w >= 0);
    if (w >= 0)
        CHECK_INT(r->targets.op_before.words[w].len, strlen("不少于"));
    size_t where;
    CHECK(gy_lex_last_in(&r->targets.op_clause, "每年至少专题研究一次", 0,
                         strlen("每年至少专题研究"), &where) >= 0);
    CHECK_INT(where, strlen("每年"));
}

/* A pattern that hits PCRE2's match limit is reported once, with its name,
 * and the analysis goes on. */
static void match_limit_reported(void)
{
    char *d = dump();
    const char *from = "\"pattern\":\t\"仅供(?:学习|参考|内部)|禁止外传|严禁外传|用后删除|会员资料|资料均不完整|倒卖|免费赠送.*会员\"";
    char *t = d ? replace_once(d, from, "\"pattern\":\t\"^(?:a|aa)+$\"") : NULL;
    CHECK(t != NULL);
    gy_error err;
    gy_rules *r = t ? parse(t, &err) : NULL;
    CHECK(r != NULL);
    if (r) {
        char text[256];
        memset(text, 'a', 60);
        strcpy(text + 60, "b\n正文。\n");
        strcat(text, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n");
        gy_source *src = load_bytes("limit.txt", text, strlen(text), &err);
        gy_doc *doc = gy_analyze(src, r, NULL, &err);
        CHECK(doc != NULL);
        size_t found = 0;
        for (size_t i = 0; doc && i < count(doc, WARN); i++)
            if (strcmp(str(doc, WARN, i, "code"), "match-error") == 0) {
                found++;
                CHECK(strstr(str(doc, WARN, i, "message"), "seller-watermark") != NULL);
                CHECK_INT(num(doc, WARN, i, "line"), 1);
            }
        CHECK_INT(found, 1); /* once per rule and document, not per line */
        gy_doc_free(doc);
        gy_source_free(src);
        gy_rules_free(r);
    }
    free(t);
    free(d);
}

/* text with `copies` more entries put at the start of the array that head
 * opens, entry i being before, i, after (malloc'd). */
static char *more_entries(const char *text, const char *head, const char *before,
                          const char *after, int copies)
{
    size_t n = strlen(before) + strlen(after) + 16;
    char *extra = malloc((size_t)copies * n + strlen(head) + 1), *at = extra;
    if (!extra)
        return NULL;
    at += sprintf(at, "%s", head);
    for (int i = 0; i < copies; i++)
        at += sprintf(at, "%s%d%s", before, i, after);
    char *out = replace_once(text, head, extra);
    free(extra);
    return out;
}

/* Patterns indexed by their first characters (task markers, time
 * patterns, noise lines) are at most 64 to a list, said at the list; a
 * catalogue of indicators may be longer and is then tried entry by entry. */
static void pattern_lists(void)
{
    char *d = dump();
    gy_error err;
    /* the task markers (the second list named so, after the sections') */
    const char *sections = strstr(d, "\"markers\":\t[");
    char *t = sections ? more_entries(sections + 1, "\"markers\":\t[",
                                      "{\"name\": \"extra", "\", \"family\": \"号\", "
                                      "\"pattern\": \"(?<number>[一二])号\"}, ",
                                      64)
                       : NULL;
    char *whole = NULL;
    if (t) {
        size_t keep = (size_t)(sections + 1 - d);
        whole = malloc(keep + strlen(t) + 1);
        memcpy(whole, d, keep);
        strcpy(whole + keep, t);
    }
    CHECK(whole && parse(whole, &err) == NULL);
    CHECK(strstr(err.message, "tasks.markers has 69 patterns; at most 64") != NULL);
    CHECK_INT(err.line, line_of(whole, "extra0") > 0 ? line_of(whole, "extra0") : -2);
    free(whole);
    free(t);
    t = more_entries(d, "\"catalogue\":\t[", "{\"id\": \"extra",
                     "\", \"zh\": \"x\", \"en\": \"x\", \"units\": [\"%\"], "
                     "\"patterns\": [\"某某\"]}, ",
                     70);
    gy_rules *r = t ? parse(t, &err) : NULL;
    CHECK(r != NULL);
    if (r) {
        CHECK(!r->indicators.indexed);
        CHECK(r->indicators.n > 64);
        gy_rules_free(r);
    }
    CHECK(builtin_rules()->indicators.indexed);
    free(t);
    free(d);
}

static const test_case cases[] = {
    {"rules/match-limit", match_limit_reported},
    {"rules/pattern-lists", pattern_lists},
    {"rules/builtin", builtin_loads},
    {"rules/bad-json", bad_json},
    {"rules/bad-pattern", bad_pattern},
    {"rules/unknown-field", unknown_field},
    {"rules/concerns", unknown_and_missing_concern},
    {"rules/types-and-groups", wrong_types_and_groups},
    {"rules/duplicate-keys", duplicate_keys},
    {"rules/files", files_on_disk},
    {"rules/lexicons", lexicon_lookups},
};

SUITE(rules)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
