/* What the files of the command-line tool share: the parsed command line
 * and the helpers every command uses.  Only the public API (gangyao.h) is
 * used from here on. */
#ifndef GY_CLI_H
#define GY_CLI_H

#include <stdio.h>

#include "gangyao.h"

enum command { CMD_ANALYZE = 1, CMD_DIFF = 2, CMD_TOKENS = 4, CMD_RULES = 8, CMD_PANEL = 16 };

typedef struct settings {
    enum command cmd;
    gy_format format;
    int compact, keep_noise, lossy, quiet, all, check, dump, year;
    int color;             /* -1 auto, 0 never, 1 always */
    unsigned show;
    double threshold;
    const char *encoding;
    const char **rules;    /* --rules files */
    size_t nrules;
    const char **files;
    size_t nfiles;
    unsigned jobs;         /* --jobs; 0: chosen by the number of inputs */
    const char *files_from;
    int null_names;        /* -0: names in --files-from end in NUL */
    int records;           /* --input jsonl */
    size_t max_input;      /* --max-input; 0: the library's default */
    const char *region;    /* --region */
} settings;

/* Prints "gangyao: message", the usage lines and a pointer to --help;
 * returns GY_E_USAGE. */
int usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* The rule set the command line asks for; prints the error and returns
 * NULL when it cannot be loaded. */
gy_rules *load_rules(const settings *s);
/* Whether text output is coloured. */
int use_color(const settings *s);
/* "<stdin>" for "-", else the path. */
const char *display_name(const char *path);
/* Writes the warning about bytes replaced under --lossy, if any, to f. */
void print_replacements(const settings *s, const gy_source *src, FILE *f);

/* gangyao [analyze]: every input, in order, on --jobs threads; gangyao
 * panel: the same inputs joined into one table of goals and outcomes. */
int run_analyze(const settings *s);

#endif
