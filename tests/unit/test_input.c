/* Input stage: reading, encoding detection, decoding, and every error. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "utf8.h"

static gy_source *decode_with(const char *bytes, size_t n, const char *enc, int lossy,
                              gy_error *err)
{
    gy_input_options o = {enc, lossy, 0};
    gy_error_clear(err);
    return gy_source_from_memory("mem.txt", bytes, n, &o, err);
}

static void utf8_plain_and_bom(void)
{
    gy_error err;
    gy_source *s = load_bytes("a.txt", "政府\n报告", strlen("政府\n报告"), &err);
    CHECK(s != NULL);
    size_t len;
    if (s) {
        CHECK_STR(gy_source_encoding(s), "UTF-8");
        CHECK(!gy_source_has_bom(s));
        CHECK_STR(gy_source_text(s, &len), "政府\n报告");
        CHECK_INT(gy_source_line_count(s), 2);
        gy_source_free(s);
    }
    s = load_bytes("b.txt", "\xEF\xBB\xBF政府\r\n", 11, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK(gy_source_has_bom(s));
        CHECK_STR(gy_source_text(s, &len), "政府\r\n");
        CHECK_INT(len, 8);
        CHECK_INT(gy_source_raw_bytes(s), 11);
        CHECK_INT(gy_source_line_count(s), 1);
        gy_source_free(s);
    }
}

static void utf16_with_bom(void)
{
    gy_error err;
    /* 政 U+653F, 府 U+5E9C, LF */
    const char le[] = "\xFF\xFE\x3F\x65\x9C\x5E\x0A\x00";
    const char be[] = "\xFE\xFF\x65\x3F\x5E\x9C\x00\x0A";
    size_t len;
    gy_source *s = load_bytes("le.txt", le, sizeof le - 1, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(gy_source_encoding(s), "UTF-16LE");
        CHECK_STR(gy_source_text(s, &len), "政府\n");
        gy_source_free(s);
    }
    s = load_bytes("be.txt", be, sizeof be - 1, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(gy_source_encoding(s), "UTF-16BE");
        CHECK_STR(gy_source_text(s, &len), "政府\n");
        gy_source_free(s);
    }
    /* without a BOM it is binary to the detector, fine with --encoding */
    s = load_bytes("nobom.txt", le + 2, sizeof le - 3, &err);
    CHECK(s == NULL);
    CHECK_INT(err.status, GY_E_BINARY);
    CHECK(strstr(err.hint, "UTF-16LE") != NULL);
    s = decode_with(le + 2, sizeof le - 3, "UTF-16LE", 0, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(gy_source_text(s, &len), "政府\n");
        gy_source_free(s);
    }
}

static void gb18030_detected(void)
{
    gy_error err;
    size_t len;
    /* 政府工作报告 in GBK */
    const char gbk[] = "\xD5\xFE\xB8\xAE\xB9\xA4\xD7\xF7\xB1\xA8\xB8\xE6\r\n";
    gy_source *s = load_bytes("gbk.txt", gbk, sizeof gbk - 1, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(gy_source_encoding(s), "GB18030");
        CHECK_STR(gy_source_text(s, &len), "政府工作报告\r\n");
        gy_source_free(s);
    }
    /* named explicitly too, and BIG5 for 政府 */
    s = decode_with(gbk, sizeof gbk - 1, "gb18030", 0, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(gy_source_encoding(s), "GB18030");
        gy_source_free(s);
    }
    s = decode_with("\xAC\x46\xA9\xB2", 4, "BIG5", 0, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(gy_source_text(s, &len), "政府");
        CHECK_STR(gy_source_encoding(s), "BIG5");
        gy_source_free(s);
    }
}

static void invalid_bytes(void)
{
    gy_error err;
    /* 0xFF is neither UTF-8 nor GB18030 */
    const char bad[] = "一\n二\xFF三";
    gy_source *s = load_bytes("bad.txt", bad, sizeof bad - 1, &err);
    CHECK(s == NULL);
    CHECK_INT(err.status, GY_E_ENCODING);
    CHECK_INT(err.offset, 7);
    CHECK_INT(err.line, 2);
    CHECK_INT(err.column, 2);
    CHECK_STR(err.file, "bad.txt");
    CHECK(strstr(err.message, "0xFF") != NULL);
    CHECK(strstr(err.hint, "--lossy") != NULL);
    /* --lossy replaces and reports where */
    s = decode_with(bad, sizeof bad - 1, NULL, 1, &err);
    CHECK(s != NULL);
    if (s) {
        long off, line;
        size_t len;
        CHECK_INT(gy_source_replacements(s, &off, &line), 1);
        CHECK_INT(off, 7);
        CHECK_INT(line, 2);
        CHECK_STR(gy_source_text(s, &len), "一\n二\xEF\xBF\xBD三");
        gy_source_free(s);
    }
    /* a GB18030 sequence cut off at the end */
    s = decode_with("\xD5\xFE\xD5", 3, "GB18030", 0, &err);
    CHECK(s == NULL);
    CHECK_INT(err.status, GY_E_ENCODING);
    CHECK_INT(err.offset, 2);
    /* invalid UTF-8 after a BOM is not retried as GB18030 */
    s = load_bytes("bom.txt", "\xEF\xBB\xBF\xD5\xFE", 5, &err);
    CHECK(s == NULL);
    CHECK_INT(err.status, GY_E_ENCODING);
    CHECK_INT(err.offset, 3);
    /* given UTF-8 that is not */
    s = decode_with("ok\xC0\xAF", 4, "UTF-8", 0, &err);
    CHECK(s == NULL);
    CHECK_INT(err.status, GY_E_ENCODING);
    CHECK_INT(err.offset, 2);
}

static void binary_and_names(void)
{
    gy_error err;
    gy_source *s = load_bytes("bin.dat", "abc\0def", 7, &err);
    CHECK(s == NULL);
    CHECK_INT(err.status, GY_E_BINARY);
    CHECK_INT(err.offset, 3);
    s = decode_with("abc", 3, "NO-SUCH-ENCODING-42", 0, &err);
    CHECK(s == NULL);
    CHECK_INT(err.status, GY_E_BADENC);
    CHECK(strstr(err.message, "NO-SUCH-ENCODING-42") != NULL);
    /* an empty file is a valid, empty text */
    s = load_bytes("empty.txt", "", 0, &err);
    CHECK(s != NULL);
    if (s) {
        size_t len;
        gy_source_text(s, &len);
        CHECK_INT(len, 0);
        CHECK_INT(gy_source_line_count(s), 0);
        gy_source_free(s);
    }
}

static void files(void)
{
    gy_error err;
    gy_error_clear(&err);
    CHECK(gy_source_load("tests/no/such/file.txt", NULL, &err) == NULL);
    CHECK_INT(err.status, GY_E_NOINPUT);
    CHECK(strstr(err.message, "No such file") != NULL);
    gy_error_clear(&err);
    CHECK(gy_source_load("tests", NULL, &err) == NULL);
    CHECK_INT(err.status, GY_E_NOINPUT);
    CHECK(strstr(err.message, "directory") != NULL);
    char path[] = "/tmp/gy_perm_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        CHECK(write(fd, "x", 1) == 1);
        close(fd);
        chmod(path, 0);
        gy_error_clear(&err);
        gy_source *s = gy_source_load(path, NULL, &err);
        if (geteuid() != 0) {
            CHECK(s == NULL);
            CHECK_INT(err.status, GY_E_NOINPUT);
            CHECK(strstr(err.message, "ermission") != NULL);
        } else {
            /* root reads it anyway; the error path is covered as a user */
            gy_source_free(s);
        }
        unlink(path);
    }
}

static void line_ends(void)
{
    gy_error err;
    const char t[] = "a\r\r\nb\r\nc\nd";
    gy_source *s = load_bytes("e.txt", t, sizeof t - 1, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_INT(gy_source_line_count(s), 4);
        gy_source_free(s);
    }
    /* a file without LF breaks at CR */
    s = load_bytes("mac.txt", "a\rb\rc", 5, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_INT(gy_source_line_count(s), 3);
        gy_source_free(s);
    }
}

typedef struct corpus_file {
    const char *name;
    const char *encoding;
    size_t lines;
} corpus_file;

static const corpus_file corpus[] = {
    {"county-hailar-gwr-2013-gbk.txt", "GB18030", 46},
    {"county-hailar-gwr-2014-gbk.txt", "GB18030", 123},
    {"cpc19-report.txt", "UTF-8", 278},
    {"cpc20-report.txt", "UTF-8", 323},
    {"gwr-2016-gbk.txt", "GB18030", 111},
    {"gwr-2019-htmlresidue.txt", "UTF-8", 106},
    {"gwr-2019.txt", "UTF-8", 107},
    {"gwr-2020-transcript-gbk.txt", "GB18030", 183},
    {"gwr-2021.txt", "UTF-8", 174},
    {"gwr-2022.txt", "UTF-8", 196},
    {"gwr-2024.txt", "UTF-8", 89},
    {"hk-policy-address-1997.txt", "UTF-8", 553},
    {"party-building-speech.txt", "UTF-8", 50},
    {"province-beijing-2026.txt", "UTF-8", 106},
    {"province-guangdong-2026.txt", "UTF-8", 208},
    {"province-sichuan-2026.txt", "UTF-8", 142},
    {"speech-xi-2015-partyschool.txt", "UTF-8", 210},
    {"speech-xi-2017-deeppoverty.txt", "UTF-8", 147},
    {"speech-xi-2018-yangtze.txt", "UTF-8", 127},
};

static void corpus_decodes(void)
{
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/corpus/%s", corpus[i].name);
        gy_error err;
        gy_error_clear(&err);
        gy_source *s = gy_source_load(path, NULL, &err);
        if (!s) {
            test_fail(__FILE__, __LINE__, "%s: %s", path, err.message);
            continue;
        }
        size_t len;
        const char *text = gy_source_text(s, &len);
        if (strcmp(gy_source_encoding(s), corpus[i].encoding) != 0)
            test_fail(__FILE__, __LINE__, "%s: encoding %s, want %s", path,
                      gy_source_encoding(s), corpus[i].encoding);
        if (gy_source_line_count(s) != corpus[i].lines)
            test_fail(__FILE__, __LINE__, "%s: %zu lines, want %zu", path,
                      gy_source_line_count(s), corpus[i].lines);
        CHECK_INT(gy_utf8_valid_prefix((const unsigned char *)text, len), len);
        CHECK(memchr(text, 0, len) == NULL);
        CHECK_INT(gy_source_has_bom(s), strcmp(corpus[i].name, "gwr-2022.txt") == 0);
        gy_source_free(s);
    }
}

/* The text of a record, or NULL with the error's status in *status. */
static gy_source *record(const char *json, int *status, long *column)
{
    gy_error err;
    gy_error_clear(&err);
    gy_source *src = gy_source_from_record("-", 7, json, strlen(json), NULL, &err);
    *status = src ? 0 : (int)err.status;
    *column = err.column;
    if (!src && err.line != 7)
        test_fail(__FILE__, __LINE__, "%s: error on line %ld, want 7", json, err.line);
    return src;
}

static void records_ok(void)
{
    int st;
    long col;
    gy_source *s = record("{\"id\": 12345678901234567890, \"text\": \"\\u4e00\\u8981\\n\\ud83d\\ude00\\\"\\/\", "
                          "\"tags\": [1, {\"a\": [true, false, null]}], \"x\": -0.5e-3}", &st, &col);
    CHECK(s != NULL);
    if (!s)
        return;
    size_t n;
    CHECK_STR(gy_source_text(s, &n), "一要\n😀\"/");
    CHECK_STR(gy_source_meta(s, &n), "{\"id\": 12345678901234567890,\"tags\": [1, {\"a\": [true, false, null]}],"
                                     "\"x\": -0.5e-3}");
    CHECK_INT(gy_source_record(s), 7);
    CHECK_STR(gy_source_name(s), "-");
    gy_source_free(s);
    s = record("  {\"text\":\"\"}  ", &st, &col);
    CHECK(s && strcmp(gy_source_meta(s, &n), "{}") == 0);
    gy_source_free(s);
}

static void records_refused(void)
{
    static const struct {
        const char *json;
        int status;
        long column;    /* 0: any */
    } bad[] = {
        {"not json", GY_E_RECORD, 1},
        {"[1, 2]", GY_E_RECORD, 1},
        {"{\"id\": 1}", GY_E_RECORD, 0},
        {"{\"text\": 5}", GY_E_RECORD, 0},
        {"{\"text\": \"a\", \"text\": \"b\"}", GY_E_RECORD, 0},
        {"{\"text\": \"a\"} {}", GY_E_RECORD, 15},
        {"{\"text\": \"a\", }", GY_E_RECORD, 0},
        {"{\"text\": \"\\ud800x\"}", GY_E_RECORD, 0},
        {"{\"text\": \"\\udc00\"}", GY_E_RECORD, 0},
        {"{\"text\": \"\\x\"}", GY_E_RECORD, 0},
        {"{\"text\": \"a\nb\"}", GY_E_RECORD, 0},
        {"{\"text\": \"a\", \"n\": 01}", GY_E_RECORD, 0},
        {"{\"text\": \"a\", \"n\": 1.}", GY_E_RECORD, 0},
        {"{\"text\": \"a\", \"n\": tru}", GY_E_RECORD, 0},
        {"{\"text\": \"a\", \"n\": [1 2]}", GY_E_RECORD, 0},
        {"{\"text\": \"unclosed}", GY_E_RECORD, 0},
        {"{\"text\": \"\\u0000\"}", GY_E_BINARY, 0},
        {"{\"text\": \"\xff\"}", GY_E_ENCODING, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int st;
        long col;
        gy_source *s = record(bad[i].json, &st, &col);
        if (s || st != bad[i].status || (bad[i].column && col != bad[i].column))
            test_fail(__FILE__, __LINE__, "%s: status %d column %ld, want %d %ld", bad[i].json, st,
                      col, bad[i].status, bad[i].column);
        gy_source_free(s);
    }
    /* nesting costs no stack, and has a limit */
    char deep[4200];
    size_t n = (size_t)snprintf(deep, sizeof deep, "{\"text\": \"a\", \"d\": ");
    for (int k = 0; k < 2000; k++)
        deep[n++] = '[';
    deep[n] = 0;
    int st;
    long col;
    CHECK(record(deep, &st, &col) == NULL && st == GY_E_RECORD);
    char *meta = gy_record_meta("{\"id\": 3, \"x\": 1}", 17);
    CHECK_STR(meta, "{\"id\": 3,\"x\": 1}");
    free(meta);
    CHECK(gy_record_meta("{\"id\"", 5) == NULL);
}

static const test_case cases[] = {
    {"input/records", records_ok}, {"input/records-refused", records_refused},
    {"input/utf8-and-bom", utf8_plain_and_bom}, {"input/utf16", utf16_with_bom},
    {"input/gb18030", gb18030_detected},        {"input/invalid-bytes", invalid_bytes},
    {"input/binary-and-names", binary_and_names}, {"input/files", files},
    {"input/line-ends", line_ends},              {"input/corpus", corpus_decodes},
};

SUITE(input)
{
    *n = sizeof cases / sizeof cases[0];
    return cases;
}
