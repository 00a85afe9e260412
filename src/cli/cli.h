/* What the files of the command-line tool share: the parsed command line
 * and the helpers every command uses.  Only the public API (gangyao.h) is
 * used from here on. */
#ifndef GY_CLI_H
#define GY_CLI_H

#include <stdio.h>

#include "gangyao.h"

enum command { CMD_ANALYZE = 1, CMD_DIFF = 2, CMD_TOKENS = 4, CMD_RULES = 8, CMD_PANEL = 16,
               CMD_TERMS = 32 };

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
    int bom;               /* --bom: CSV for spreadsheets */
    const char **terms;    /* gangyao terms: -e TERM (argv's) */
    size_t nterms;
    const char *terms_file;/* --terms FILE */
    int terms_only;        /* --terms-only: the user's terms replace the list */
    size_t context;        /* --context N */
    int since;             /* --since YEAR */
    size_t top;            /* --top N */
} settings;

#define CMD_ALL (CMD_ANALYZE | CMD_DIFF | CMD_TOKENS | CMD_RULES | CMD_PANEL | CMD_TERMS)
#define CMD_INPUT (CMD_ANALYZE | CMD_DIFF | CMD_TOKENS | CMD_PANEL | CMD_TERMS)
#define CMD_BATCH (CMD_ANALYZE | CMD_PANEL | CMD_TERMS)

enum option_id {
    OPT_FORMAT, OPT_JSON, OPT_JSONL, OPT_CSV, OPT_COMPACT, OPT_JOBS, OPT_FILES_FROM, OPT_NULL,
    OPT_INPUT, OPT_YEAR, OPT_REGION, OPT_ONLY, OPT_KEEP_NOISE, OPT_RULES, OPT_ENCODING,
    OPT_LOSSY, OPT_MAX_INPUT, OPT_COLOR, OPT_QUIET, OPT_THRESHOLD, OPT_ALL, OPT_CHECK,
    OPT_DUMP, OPT_BOM, OPT_TERM, OPT_TERMS, OPT_TERMS_ONLY, OPT_CONTEXT, OPT_SINCE, OPT_TOP,
    OPT_COMPLETION, OPT_HELP, OPT_VERSION
};

/* One table drives parsing, --help and completion (options.c). */
typedef struct option_def {
    enum option_id id;
    char short_name;       /* 0 when none */
    const char *long_name;
    const char *arg;       /* name of the argument, NULL for a flag */
    unsigned commands;     /* where the option applies */
    const char *help;
} option_def;

extern const option_def gy_options[];
extern const size_t gy_noptions;

/* The parts --only names, and their bits; ends with a NULL name. */
typedef struct show_part {
    const char *name;
    unsigned bit;
} show_part;
extern const show_part gy_show_parts[];

/* The values an option's argument takes, for completion: NULL-terminated,
 * or NULL when any value (or a file name) goes. */
const char *const *gy_option_values(enum option_id id, enum command cmd);

/* gangyao --completion SHELL: the script, from the table.  Returns 0, or
 * -1 for a shell it does not know. */
int print_completion(FILE *f, const char *shell);

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
 * panel: the same inputs joined into one table of goals and outcomes;
 * gangyao terms: their formulations counted. */
int run_analyze(const settings *s);

#endif
