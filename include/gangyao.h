/*
 * gangyao: analyzer for Chinese speeches and official reports.
 *
 * Public API. Every type is opaque except the small value structs below;
 * the pipeline is
 *
 *     gy_source (read, detect, decode) -> gy_doc (tokenize, rules, extract)
 *         -> gy_report / gy_render (one format each);   gy_diff works on two gy_doc.
 *
 * Errors are reported through a caller-owned gy_error; there is no global
 * error state.  Unless a comment says otherwise, pointers returned by an
 * accessor are borrowed from the object they came from.
 */
#ifndef GANGYAO_H
#define GANGYAO_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GY_VERSION "0.1.0"

/* Status codes; each is also the exit code of the command-line tool. */
typedef enum gy_status {
    GY_OK = 0,
    GY_DIFFERENT = 1,      /* diff: the two speeches differ */
    GY_E_USAGE = 2,        /* bad command line */
    GY_E_NOINPUT = 3,      /* missing file, directory, permission, read error */
    GY_E_ENCODING = 4,     /* bytes invalid in the (detected or given) encoding */
    GY_E_BINARY = 5,       /* NUL bytes: not a text file */
    GY_E_BADENC = 6,       /* unknown encoding name */
    GY_E_RULES = 7,        /* rule file cannot be read, parsed or compiled */
    GY_E_OUTPUT = 8,       /* writing the output failed */
    GY_E_INTERNAL = 9,     /* out of memory or an internal limit */
    GY_E_RECORD = 10       /* a record of a JSON Lines stream is not an object with "text" */
} gy_status;

/* Where and what went wrong.  line/column are 1-based, 0 when unknown;
 * offset is a byte offset, -1 when unknown. */
typedef struct gy_error {
    gy_status status;
    char file[512];
    long line;
    long column;
    long offset;
    char message[512];
    char hint[256];        /* what the user can do about it, or "" */
} gy_error;

void gy_error_clear(gy_error *err);
/* Prints "gangyao: FILE:LINE:COL: message" and the hint to f. */
void gy_error_print(const gy_error *err, FILE *f);
/* Writes s[0..n) as text for a terminal: a control character other than
 * tab and newline as \xHH (C1 ones as <U+0085>), a bidirectional override
 * or isolate as <U+202E>, a byte that is not UTF-8 as \xHH, so that a
 * document or a file name cannot move the cursor, clear the screen or
 * reorder what is shown.  n of (size_t)-1: s is NUL-terminated. */
void gy_fput_shown(const char *s, size_t n, FILE *f);
/* The version of OpenCC the library was built with (it folds texts in
 * traditional characters for matching). */
const char *gy_opencc_version(void);

/* Human name of a status ("usage error", "encoding error", ...). */
const char *gy_status_name(gy_status status);
/* Short name of a status for records and scripts: "no-input", "encoding",
 * "binary", "bad-record" ... */
const char *gy_status_code(gy_status status);

/* ---- input ------------------------------------------------------------ */

/* The largest input read unless an option says otherwise (bytes). */
#define GY_DEFAULT_MAX_INPUT ((size_t)256 << 20)

typedef struct gy_input_options {
    const char *encoding;  /* iconv name, or NULL to detect */
    int lossy;             /* replace invalid bytes with U+FFFD instead of failing */
    size_t max_bytes;      /* refuse a larger input (0: GY_DEFAULT_MAX_INPUT) */
} gy_input_options;

typedef struct gy_source gy_source;

/* Reads and decodes path ("-" or NULL for stdin).  Returns NULL and fills
 * err on failure.  Caller frees with gy_source_free. */
gy_source *gy_source_load(const char *path, const gy_input_options *opt,
                          gy_error *err);
/* Decodes a copy of bytes[0..n); name is used in messages and output. */
gy_source *gy_source_from_memory(const char *name, const void *bytes, size_t n,
                                 const gy_input_options *opt, gy_error *err);
void gy_source_free(gy_source *src);

/* A record of a JSON Lines stream (how cluster engines hand documents to a
 * program): json[0..n) is one JSON object with a "text" string (the
 * document, UTF-8) and any other fields, which the analysis echoes under
 * "meta".  name is the stream's name and line the record's line in it, for
 * messages and the output.  Returns NULL and fills err (status
 * GY_E_RECORD, with line and column) when the line is not such an object,
 * or as gy_source_from_memory does when the text is not valid UTF-8. */
gy_source *gy_source_from_record(const char *name, long line, const char *json, size_t n,
                                 const gy_input_options *opt, gy_error *err);
/* The same taking over json (malloc'd, freed whatever happens): the text
 * is decoded in place, so the record costs no copy of it.  On failure,
 * *meta (when meta is not NULL) receives the record's other fields as for
 * gy_record_meta, or NULL. */
gy_source *gy_source_take_record(const char *name, long line, char *json, size_t n,
                                 const gy_input_options *opt, char **meta, gy_error *err);
/* The fields of a record other than "text" as compact JSON object text
 * (malloc'd, the caller frees it), for an error record in place of a
 * record that could not be analyzed; NULL when json[0..n) is no object. */
char *gy_record_meta(const char *json, size_t n);

/* Decoded UTF-8 text, BOM removed, line ends kept; NUL-terminated. */
const char *gy_source_text(const gy_source *src, size_t *len);
const char *gy_source_name(const gy_source *src);     /* path, or "-" */
const char *gy_source_encoding(const gy_source *src); /* "UTF-8", "GB18030" ... */
int gy_source_has_bom(const gy_source *src);
size_t gy_source_raw_bytes(const gy_source *src);     /* size as stored */
size_t gy_source_line_count(const gy_source *src);
/* A record's line in its stream, 0 for a file; its other fields as JSON
 * object text (NULL for a file), owned by src. */
long gy_source_record(const gy_source *src);
const char *gy_source_meta(const gy_source *src, size_t *len);
/* Number of invalid sequences replaced under lossy decoding, and where the
 * first one was (byte offset in the input, line in the text). */
size_t gy_source_replacements(const gy_source *src, long *first_offset,
                              long *first_line);

/* ---- tokens ----------------------------------------------------------- */

typedef enum gy_token_class {
    GY_TOK_HAN,          /* CJK ideographs other than numerals */
    GY_TOK_CNUMERAL,     /* 〇零一二两三四五六七八九十百千万亿 壹贰叁肆伍陆柒捌玖拾佰仟 */
    GY_TOK_DIGIT,        /* ASCII 0-9 */
    GY_TOK_FULLDIGIT,    /* full-width ０-９ */
    GY_TOK_LATIN,        /* ASCII and full-width letters */
    GY_TOK_SENTENCE_END, /* 。！？；… and ASCII ! ? ; */
    GY_TOK_CLAUSE,       /* ，、：, : and other clause punctuation */
    GY_TOK_OPEN,         /* “‘「『《（【( */
    GY_TOK_CLOSE,        /* ”’」』》）】) */
    GY_TOK_SPACE,        /* space, tab, U+3000, NBSP, U+2002 ... */
    GY_TOK_NEWLINE,      /* LF, CRLF, CR CR LF */
    GY_TOK_SYMBOL,       /* other punctuation and symbols: % ％ . － ... */
    GY_TOK_OTHER         /* anything else (kana, hangul, private use ...) */
} gy_token_class;

typedef struct gy_token {
    gy_token_class cls;
    size_t offset;       /* byte offset into the decoded text */
    size_t length;       /* bytes */
    size_t line;         /* 1-based */
    size_t column;       /* 1-based, in code points */
} gy_token;

typedef struct gy_tokenizer gy_tokenizer;

/* Iterates the tokens of text[0..len).  Runs of one class (Han, numerals,
 * digits, letters, spaces) form one token; each punctuation mark is its own
 * token, classed by the punctuation table of rules (see gy_rules_builtin).
 * text and rules must stay alive while the tokenizer is used. */
typedef struct gy_rules gy_rules;
gy_tokenizer *gy_tokenizer_new(const gy_rules *rules, const char *text, size_t len);
int gy_tokenizer_next(gy_tokenizer *tz, gy_token *tok); /* 1, or 0 at end */
void gy_tokenizer_free(gy_tokenizer *tz);
const char *gy_token_class_name(gy_token_class cls);

/* ---- rules ------------------------------------------------------------ */

/* The rule set embedded in the binary. */
gy_rules *gy_rules_builtin(gy_error *err);
/* Loads and merges rule files; together they replace the built-in set. */
gy_rules *gy_rules_load(const char *const *paths, size_t n, gy_error *err);
/* Parses one rule file held in memory; name is used in messages. */
gy_rules *gy_rules_parse(const char *name, const char *json, size_t len,
                         gy_error *err);
void gy_rules_free(gy_rules *rules);
/* Writes the built-in rule set as one rule file. */
int gy_rules_dump_builtin(FILE *f);
/* Number of rules (patterns and word lists) in the set. */
size_t gy_rules_count(const gy_rules *rules);

/* ---- analysis --------------------------------------------------------- */

typedef struct gy_doc gy_doc;

typedef struct gy_analyze_options {
    int keep_noise;      /* do not set noise lines aside */
    int year;            /* the report's year when the text says none (0: unknown) */
    const char *region;  /* the government that wrote it, whatever the text says
                            (a name, short name or GB/T 2260 code); NULL: read it */
    int no_figures;      /* leave the figures and times out (a count of words
                            needs only the text, its noise, tasks and year) */
} gy_analyze_options;

/* Analyzes src with rules.  src must outlive the returned document (its
 * strings are slices of the source text).  Free with gy_doc_free. */
gy_doc *gy_analyze(const gy_source *src, const gy_rules *rules,
                   const gy_analyze_options *opt, gy_error *err);
void gy_doc_free(gy_doc *doc);

/* The title, the occasion (——2024年3月5日在…上) and the speaker from the
 * head of the document, NULL when absent; owned by the document. */
const char *gy_doc_title(const gy_doc *doc);
const char *gy_doc_occasion(const gy_doc *doc);
const char *gy_doc_speaker(const gy_doc *doc);
/* The report's year (from its dateline, title or headings, else the one
 * given in gy_analyze_options), 0 when unknown; its date as YYYY-MM-DD, or
 * NULL. */
int gy_doc_year(const gy_doc *doc);

/* Levels of government. */
typedef enum gy_level {
    GY_LEVEL_NONE, GY_LEVEL_NATIONAL, GY_LEVEL_PROVINCE, GY_LEVEL_PREFECTURE, GY_LEVEL_COUNTY
} gy_level;
/* "national", "province", "prefecture", "county"; NULL for GY_LEVEL_NONE. */
const char *gy_level_name(gy_level level);
/* The government that wrote the report, read from its occasion, speaker,
 * title and the sentences where the speaker speaks for a government (or
 * given: gy_analyze_options.region, a record's "region" field): its name
 * (江苏省, 全国 for the nation), and in *code its GB/T 2260 code ("320000",
 * "000000" for the nation) and in *level its level; NULL when it cannot be
 * told (a warning says why), *code NULL for a given name the table of
 * divisions does not hold.  code and level may be NULL. */
const char *gy_doc_region(const gy_doc *doc, const char **code, gy_level *level);
const char *gy_doc_date(const gy_doc *doc);
size_t gy_doc_section_count(const gy_doc *doc);
size_t gy_doc_task_count(const gy_doc *doc);
size_t gy_doc_target_count(const gy_doc *doc);
size_t gy_doc_warning_count(const gy_doc *doc);
/* Writes the i-th warning as "LINE: message" into buf. */
void gy_doc_warning(const gy_doc *doc, size_t i, char *buf, size_t size);
/* Warning i's code ("no-year", "bad-number" ...: docs/schema.md). */
const char *gy_doc_warning_code(const gy_doc *doc, size_t i);

/* ---- reading the document model -----------------------------------------
 *
 * Every element of the model is read through one description of its
 * fields, the same that every output format writes: a field has a name
 * (as in the JSON output, docs/schema.md) and a value of one of the types
 * below.  Strings are borrowed from the document (slices of the source
 * text, or names it holds) and live as long as it; they are not
 * NUL-terminated. */

typedef enum gy_element {
    GY_ELEM_SOURCE,      /* one: the input file */
    GY_ELEM_NOISE,       /* lines set aside */
    GY_ELEM_SECTION,
    GY_ELEM_TASK,
    GY_ELEM_TARGET,
    GY_ELEM_TIME,
    GY_ELEM_WARNING,
    GY_ELEM_COUNT
} gy_element;

typedef enum gy_value_type {
    GY_VALUE_NULL,
    GY_VALUE_BOOL,       /* i: 0 or 1 */
    GY_VALUE_INT,        /* i */
    GY_VALUE_NUMBER,     /* n */
    GY_VALUE_STRING,     /* s[0..len), UTF-8 */
    GY_VALUE_ID          /* another element: s[0..len) its prefix ("s", "t"), i its number */
} gy_value_type;

typedef struct gy_value {
    gy_value_type type;
    long long i;
    double n;
    const char *s;
    size_t len;
} gy_value;

/* The element kind's name ("section") and its number of fields. */
const char *gy_element_name(gy_element e);
size_t gy_field_count(gy_element e);
/* Name of field f of kind e ("heading"), or NULL past the last. */
const char *gy_field_name(gy_element e, size_t f);
/* Index of the field called name, or -1. */
long gy_field_index(gy_element e, const char *name);
/* How many elements of kind e the document holds. */
size_t gy_doc_count(const gy_doc *doc, gy_element e);
/* Field f of element i (0-based) of kind e; a NULL value when i or f is
 * out of range. */
gy_value gy_doc_value(const gy_doc *doc, gy_element e, size_t i, size_t f);
/* The same by field name. */
gy_value gy_doc_get(const gy_doc *doc, gy_element e, size_t i, const char *field);

/* ---- output ----------------------------------------------------------- */

enum {
    GY_SHOW_TITLE = 1 << 0,
    GY_SHOW_NOISE = 1 << 1,
    GY_SHOW_SECTIONS = 1 << 2,
    GY_SHOW_TASKS = 1 << 3,
    GY_SHOW_TARGETS = 1 << 4,
    GY_SHOW_TIMES = 1 << 5,
    GY_SHOW_WARNINGS = 1 << 6,
    GY_SHOW_ALL = (1 << 7) - 1
};

/* Output formats; gy_format_name gives each one's name on the command line. */
typedef enum gy_format {
    GY_FORMAT_TEXT,      /* an outline for people (ANSI colour optional) */
    GY_FORMAT_JSON,      /* schema gangyao/1, docs/schema.md */
    GY_FORMAT_CSV,       /* one table of targets (or tasks) for all documents */
    GY_FORMAT_JSONL,     /* JSON Lines: one compact analysis per line, an error
                            record in place of an input that failed */
    GY_FORMAT_HTML,      /* a page to look at: one speech, or a panel of many */
    GY_FORMAT_COUNT
} gy_format;

const char *gy_format_name(gy_format f);
/* Whether format f writes each document on its own (gy_render_part): not
 * html, whose page depends on all of them. */
int gy_format_in_parts(gy_format f);
/* Whether gy_render_diff can write format f. */
int gy_format_can_diff(gy_format f);
/* The format called name; returns 0, or -1 when there is none. */
int gy_format_from_name(const char *name, gy_format *f);

typedef struct gy_render_options {
    unsigned show;       /* GY_SHOW_* bits */
    int color;           /* ANSI colour in text output */
    int compact;         /* JSON on one line */
    int headers;         /* text: a "==> name <==" line before each document */
    int records;         /* CSV: the inputs are records; columns record and id */
    int bom;             /* CSV for spreadsheets: a UTF-8 byte order mark first, and a
                            text cell that would run as a formula (= + - @) inert */
} gy_render_options;

/* A report: the output of one or more documents in one format, written to
 * out as the documents are added.  out stays the caller's. */
typedef struct gy_report gy_report;

/* Returns NULL with err filled when out of memory. */
gy_report *gy_report_new(gy_format f, FILE *out, const gy_render_options *opt,
                         gy_error *err);
/* Writes doc (which may be freed afterwards).  Returns 0, or -1 with err
 * filled when writing fails. */
int gy_report_add(gy_report *rep, const gy_doc *doc, gy_error *err);
/* Writes what follows the last document and frees the report; returns 0
 * or -1 as gy_report_add. */
int gy_report_finish(gy_report *rep, gy_error *err);

/* Analyzing documents on several threads and writing them in order:
 * gy_render_part writes the part of a report that is doc's (what
 * gy_report_add writes for it, less what stands between two documents) to
 * out, on any thread; gy_report_add_part then adds those n bytes to rep as
 * gy_report_add would have added the document.  The output is the same
 * byte for byte. */
int gy_render_part(const gy_doc *doc, gy_format f, FILE *out, const gy_render_options *opt,
                   gy_error *err);
int gy_report_add_part(gy_report *rep, const char *part, size_t n, gy_error *err);
/* In place of an input that could not be analyzed: an error record (JSON
 * Lines: its source path, its record line when record > 0, meta (JSON
 * object text or NULL) and the error), nothing in other formats.  An
 * analysis names no record line, so that a stream cut into chunks (GNU
 * parallel --pipe) gives the same lines as the whole stream. */
int gy_report_add_error(gy_report *rep, const char *path, long record, const char *meta,
                        const gy_error *e, gy_error *err);

/* One document in format f: a report of it alone. */
int gy_render(const gy_doc *doc, gy_format f, FILE *out, const gy_render_options *opt,
              gy_error *err);
/* The tokens of src (gangyao tokens): tab-separated text, or JSON. */
int gy_render_tokens(const gy_source *src, const gy_rules *rules, FILE *out, int json,
                     gy_error *err);

/* ---- diff ------------------------------------------------------------- */

typedef struct gy_diff gy_diff;

typedef struct gy_diff_options {
    double threshold;    /* similarity in (0,1] for two work items to pair; 0: the rules' */
    int all;             /* compare the review parts' items too (apart from the plan's) */
} gy_diff_options;

/* Compares two documents analyzed with rules; both must outlive the diff.
 * What is compared: the work items each asks for (the numbered tasks and
 * the headings of its plan sections at every level; in a text without a
 * review part, all of them), aligned by similarity; the goals, paired by
 * indicator and the year they are for counted from the report's year
 * (this year's goal with this year's, five-year goals apart), each pair
 * saying what changed (value, bound, unit, year, or only the wording) and
 * beside an old goal its outcome as the new document gives it. */
gy_diff *gy_diff_new(const gy_rules *rules, const gy_doc *old_doc, const gy_doc *new_doc,
                     const gy_diff_options *opt, gy_error *err);
int gy_diff_has_changes(const gy_diff *diff);
void gy_diff_free(gy_diff *diff);
/* The diff in format f (text like a unified diff, or JSON gangyao-diff/2). */
int gy_render_diff(const gy_diff *diff, gy_format f, FILE *out,
                   const gy_render_options *opt, gy_error *err);

/* ---- panel: goals against outcomes across reports ---------------------- */

/* A research panel: one row per region, year and indicator, with the goal
 * the region's report of that year sets for it, the outcome a later report
 * of the region gives for it, whether the goal was met, and how far it
 * stands above the national goal (docs/panel.md). */
typedef struct gy_panel gy_panel;
/* What the panel keeps of one report: its region, year, goals, facts and
 * the figures it says it sets no goal for, with what the rules it was
 * analyzed with say of each indicator (its Chinese name, whether lower is
 * better, its unit for comparing), copied: the document and the rules may
 * be freed.  Made on any thread, while the rules are still there. */
typedef struct gy_panel_entry gy_panel_entry;

/* NULL with err filled when out of memory. */
gy_panel_entry *gy_panel_entry_new(const gy_doc *doc, gy_error *err);
void gy_panel_entry_free(gy_panel_entry *entry);

gy_panel *gy_panel_new(gy_error *err);
/* Adds entry (taken over whatever happens), in input order: of two
 * reports of one region and year the first is kept. */
int gy_panel_add(gy_panel *panel, gy_panel_entry *entry, gy_error *err);
/* Joins goals and outcomes and writes the table in format f (text, csv,
 * json, jsonl or html).  Returns 0, or -1 with err filled. */
int gy_panel_render(gy_panel *panel, gy_format f, FILE *out, const gy_render_options *opt,
                    gy_error *err);
/* The panel's warnings (two goals for one cell, two reports of one region
 * and year), after gy_panel_render. */
size_t gy_panel_warning_count(const gy_panel *panel);
const char *gy_panel_warning(const gy_panel *panel, size_t i);
void gy_panel_free(gy_panel *panel);

/* ---- terms: formulations across an archive ------------------------------ */

/* The formulations a count looks for: the rules' lists (data/rules/
 * terms.json) and the user's own, with one automaton built over all of
 * them.  extra[0..nextra) are terms of the user's ("新质生产力", or
 * "term|variant"); replace: only those.  rules must outlive the set. */
typedef struct gy_term_set gy_term_set;
gy_term_set *gy_term_set_new(const gy_rules *rules, const char *const *extra, size_t nextra,
                             int replace, gy_error *err);
void gy_term_set_free(gy_term_set *set);

typedef struct gy_terms_options {
    size_t context;      /* characters either side of each hit kept (0: no hits) */
    int since;           /* keep only terms whose first appearance is in this year or later (0: all) */
    size_t top;          /* per document, only the most frequent terms (0: all) */
} gy_terms_options;

/* The counts of one document (copied: the document may be freed); made on
 * any thread.  The set must outlive it. */
typedef struct gy_terms_entry gy_terms_entry;
gy_terms_entry *gy_terms_entry_new(const gy_doc *doc, const gy_term_set *set,
                                   const gy_terms_options *opt, gy_error *err);
void gy_terms_entry_free(gy_terms_entry *entry);

/* The counts of many documents, in input order, and their table. */
typedef struct gy_terms gy_terms;
gy_terms *gy_terms_new(const gy_term_set *set, const gy_terms_options *opt, gy_error *err);
/* Adds entry (taken over whatever happens). */
int gy_terms_add(gy_terms *terms, gy_terms_entry *entry, gy_error *err);
/* Writes the table in format f (text, csv, json, jsonl, html). */
int gy_terms_render(gy_terms *terms, gy_format f, FILE *out, const gy_render_options *opt,
                    gy_error *err);
void gy_terms_free(gy_terms *terms);

#ifdef __cplusplus
}
#endif
#endif
