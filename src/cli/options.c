/* The command line's one table of options: parsing, --help and the
 * completion scripts are all made from it. */
#include <string.h>

#include "cli.h"

const option_def gy_options[] = {
    {OPT_FORMAT, 'f', "format", "FORMAT", CMD_INPUT,
     "output format, text by default; json is schema gangyao/1\n"
     "(gangyao-diff/2 for diff).  FORMAT is one of:"},
    {OPT_JSON, 'j', "json", NULL, CMD_INPUT, "the same as --format json"},
    {OPT_JSONL, 0, "jsonl", NULL, CMD_BATCH,
     "the same as --format jsonl: one analysis per line (JSON Lines), and an\n"
     "error record in place of an input that fails"},
    {OPT_CSV, 0, "csv", NULL, CMD_BATCH,
     "the same as --format csv: one table of the targets of all files\n"
     "(of the tasks with --only tasks)"},
    {OPT_COMPACT, 0, "compact", NULL, CMD_BATCH | CMD_DIFF,
     "print JSON on one line (implies --format json)"},
    {OPT_ONLY, 0, "only", "LIST", CMD_ANALYZE,
     "print only these parts, comma-separated: title, noise, sections,\n"
     "tasks, targets, times, warnings"},
    {OPT_JOBS, 'J', "jobs", "N", CMD_BATCH,
     "analyze N inputs at once (default: one per CPU for several inputs);\n"
     "the output is the same as with --jobs 1"},
    {OPT_FILES_FROM, 0, "files-from", "FILE", CMD_BATCH,
     "analyze the files named in FILE, one per line ('-': standard input),\n"
     "after those of the command line"},
    {OPT_NULL, '0', "null", NULL, CMD_BATCH,
     "names in --files-from end in NUL, as find -print0 writes them"},
    {OPT_INPUT, 0, "input", "KIND", CMD_BATCH,
     "text (default), or jsonl: each FILE (or standard input) is a stream of\n"
     "records, one JSON object per line with the document in \"text\"; the\n"
     "other fields are echoed under \"meta\""},
    {OPT_YEAR, 'y', "year", "N", CMD_BATCH | CMD_DIFF,
     "the report's year, for a text whose dateline, title and headings\n"
     "name none"},
    {OPT_REGION, 0, "region", "NAME", CMD_BATCH | CMD_DIFF,
     "the government that wrote the report (江苏省, 海拉尔区, 全国 or a GB/T 2260\n"
     "code), whatever the text says"},
    {OPT_KEEP_NOISE, 0, "keep-noise", NULL, CMD_BATCH | CMD_DIFF,
     "analyze noise lines (ads, web chrome ...) instead of setting them aside"},
    {OPT_RULES, 'r', "rules", "FILE", CMD_INPUT,
     "use the rules in FILE instead of the built-in set; repeat to merge\n"
     "several files ('gangyao rules --dump' prints the built-in set)"},
    {OPT_ENCODING, 'e', "encoding", "NAME", CMD_INPUT,
     "decode the input as NAME (any iconv name: GB18030, BIG5, UTF-16LE ...)\n"
     "instead of detecting UTF-8, UTF-16 with BOM or GB18030"},
    {OPT_LOSSY, 0, "lossy", NULL, CMD_INPUT,
     "replace invalid bytes with U+FFFD and warn, instead of failing"},
    {OPT_MAX_INPUT, 0, "max-input", "SIZE", CMD_INPUT,
     "refuse a file or record larger than SIZE bytes (suffix K, M or G;\n"
     "default 256M), before it is held in memory"},
    {OPT_COLOR, 0, "color", "WHEN", CMD_ANALYZE | CMD_DIFF,
     "colour text output: auto (default: on a terminal, unless NO_COLOR\n"
     "is set), always, never"},
    {OPT_QUIET, 'q', "quiet", NULL, CMD_INPUT,
     "do not print warnings on standard error"},
    {OPT_THRESHOLD, 't', "threshold", "X", CMD_DIFF,
     "similarity from 0 to 1 above which two tasks are the same task\n"
     "(default 0.5)"},
    {OPT_ALL, 0, "all", NULL, CMD_DIFF,
     "compare the review parts' items too (apart from the plan's)"},
    {OPT_CHECK, 0, "check", NULL, CMD_RULES,
     "validate the rule FILEs and report every error"},
    {OPT_DUMP, 0, "dump", NULL, CMD_RULES,
     "print the built-in rule set as one rule file"},
    {OPT_BOM, 0, "bom", NULL, CMD_BATCH,
     "begin CSV with a UTF-8 byte order mark and make cells a spreadsheet would\n"
     "run as formulas (= + - @) inert, for Excel"},
    {OPT_TERM, 'e', "term", "TERM", CMD_TERMS,
     "count TERM too (repeat; TERM|VARIANT counts both as TERM)"},
    {OPT_TERMS, 0, "terms", "FILE", CMD_TERMS,
     "count the terms in FILE too, one per line (TERM|VARIANT ...)"},
    {OPT_TERMS_ONLY, 0, "terms-only", NULL, CMD_TERMS,
     "count only the terms of -e and --terms, not the built-in list"},
    {OPT_CONTEXT, 0, "context", "N", CMD_TERMS,
     "show each hit with N characters either side (keyword in context)"},
    {OPT_SINCE, 0, "since", "YEAR", CMD_TERMS,
     "only terms whose first appearance among the inputs is in YEAR or later"},
    {OPT_TOP, 0, "top", "N", CMD_TERMS, "per document, only the N most frequent terms"},
    {OPT_COMPLETION, 0, "completion", "SHELL", CMD_ALL,
     "print a completion script for SHELL (bash or zsh) and exit"},
    {OPT_HELP, 'h', "help", NULL, CMD_ALL, "print this help and exit"},
    {OPT_VERSION, 'V', "version", NULL, CMD_ALL, "print the version and exit"},
};
const size_t gy_noptions = sizeof gy_options / sizeof gy_options[0];

const show_part gy_show_parts[] = {
    {"title", GY_SHOW_TITLE},       {"noise", GY_SHOW_NOISE},
    {"sections", GY_SHOW_SECTIONS}, {"tasks", GY_SHOW_TASKS},
    {"targets", GY_SHOW_TARGETS},   {"times", GY_SHOW_TIMES},
    {"warnings", GY_SHOW_WARNINGS}, {NULL, 0}};

const char *const *gy_option_values(enum option_id id, enum command cmd)
{
    static const char *const inputs[] = {"text", "jsonl", NULL};
    static const char *const colors[] = {"auto", "always", "never", NULL};
    static const char *const shells[] = {"bash", "zsh", NULL};
    /* the encodings reports come in; any name iconv knows goes */
    static const char *const encodings[] = {"UTF-8", "GB18030", "GBK", "GB2312", "BIG5",
                                            "BIG5-HKSCS", "UTF-16LE", "UTF-16BE", NULL};
    static const char *formats[GY_FORMAT_COUNT + 1], *diff_formats[GY_FORMAT_COUNT + 1];
    static const char *parts[16];
    switch (id) {
    case OPT_INPUT: return inputs;
    case OPT_COLOR: return colors;
    case OPT_COMPLETION: return shells;
    case OPT_ENCODING: return encodings;
    case OPT_ONLY:
        for (size_t k = 0; gy_show_parts[k].name && k < 15; k++)
            parts[k] = gy_show_parts[k].name;
        return parts;
    case OPT_FORMAT: {
        size_t n = 0, m = 0;
        for (int i = 0; i < GY_FORMAT_COUNT; i++) {
            formats[n++] = gy_format_name((gy_format)i);
            if (gy_format_can_diff((gy_format)i))
                diff_formats[m++] = gy_format_name((gy_format)i);
        }
        formats[n] = diff_formats[m] = NULL;
        return cmd == CMD_DIFF ? diff_formats : formats;
    }
    default: return NULL;
    }
}
