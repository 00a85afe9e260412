/* gangyao command-line tool.  Uses only the public API in gangyao.h. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char *const exit_codes =
    "Exit status:\n"
    "  0  success (diff: the two speeches ask for the same work items and goals)\n"
    "  1  diff only: the work items or goals differ\n"
    "  2  usage error: unknown option or subcommand, missing argument\n"
    "  3  input cannot be read: missing file, directory, permission denied,\n"
    "     larger than --max-input\n"
    "  4  input has bytes that are invalid in its encoding (see --lossy)\n"
    "  5  input is binary data (NUL bytes), not text\n"
    "  6  unknown encoding name given to --encoding\n"
    "  7  rule file error: unreadable, bad JSON, unknown field, bad pattern\n"
    "  8  output could not be written\n"
    "  9  internal error, such as running out of memory\n"
    " 10  a record of an --input jsonl stream is not a JSON object with \"text\",\n"
    "     names a member twice, or is larger than --max-input\n"
    "With several inputs, the status is that of the first input that failed;\n"
    "the other inputs are still analyzed.\n";

/* The names of the formats of command cmd, "text, json, ...". */
static const char *format_names(unsigned cmd)
{
    static char buf[256];
    size_t n = 0;
    for (int i = 0; i < GY_FORMAT_COUNT && n < sizeof buf; i++)
        if (cmd != CMD_DIFF || gy_format_can_diff((gy_format)i))
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? ", " : "",
                                  gy_format_name((gy_format)i));
    return buf;
}

static unsigned bits(unsigned x)
{
    unsigned n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* The option -c names for the commands cmds: where two share a letter (-e:
 * --encoding everywhere, --term in gangyao terms), the one of the fewest
 * commands. */
static const option_def *find_short(char c, unsigned cmds)
{
    const option_def *best = NULL;
    for (size_t i = 0; i < gy_noptions; i++) {
        const option_def *o = &gy_options[i];
        if (o->short_name == c && (o->commands & cmds) &&
            (!best || bits(o->commands) < bits(best->commands)))
            best = o;
    }
    return best;
}

static void print_options(FILE *f, unsigned cmds)
{
    for (size_t i = 0; i < gy_noptions; i++) {
        const option_def *o = &gy_options[i];
        if (!(o->commands & cmds))
            continue;
        char left[64];
        char sh = o->short_name && find_short(o->short_name, cmds) == o ? o->short_name : 0;
        snprintf(left, sizeof left, "%s%c%s--%s%s%s", sh ? "-" : "  ", sh ? sh : ' ',
                 sh ? ", " : "  ", o->long_name, o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(f, "  %-24s", left);
        for (const char *h = o->help; *h; h++) {
            fputc(*h, f);
            if (*h == '\n')
                fprintf(f, "  %-24s", "");
        }
        if (o->id == OPT_FORMAT)
            fprintf(f, "\n  %-24s%s", "", format_names(cmds));
        fputc('\n', f);
    }
}

static void print_usage_lines(FILE *f)
{
    fputs("Usage: gangyao [analyze] [OPTIONS] [FILE...]\n"
          "       gangyao diff [OPTIONS] OLD NEW\n"
          "       gangyao tokens [OPTIONS] [FILE]\n"
          "       gangyao panel [OPTIONS] FILE...\n"
          "       gangyao terms [OPTIONS] FILE...\n"
          "       gangyao rules --check FILE... | --dump\n",
          f);
}

static void print_help(FILE *f, enum command cmd)
{
    print_usage_lines(f);
    fputs("\n", f);
    switch (cmd) {
    case CMD_DIFF:
        fputs("Compares what two speeches or reports ask for: the work items of their\n"
              "plans (numbered tasks and the headings of plan sections) kept, reworded,\n"
              "new, dropped or moved, and their goals paired by indicator and year: what\n"
              "changed (value, bound, unit, year), with the old goal's outcome.\n\nOptions:\n", f);
        break;
    case CMD_TOKENS:
        fputs("Prints the tokens of FILE as the rules see them: line:column,\n"
              "byte offset, length, class and text.\n\nOptions:\n", f);
        break;
    case CMD_RULES:
        fputs("Validates rule files, or prints the built-in rule set.\n\nOptions:\n", f);
        break;
    case CMD_TERMS:
        fputs("Counts formulations (提法) in each document's body: the built-in list\n"
              "(data/rules/terms.json) and your own (-e, --terms), the longest one where\n"
              "they overlap, and the text's own numbered formulations (“四个全面”, 三大攻坚战)\n"
              "with the items it spells out; per document the count, the count per 10,000\n"
              "characters and the first line (docs/terms.md).\n\nOptions:\n", f);
        break;
    case CMD_PANEL:
        fputs("Joins the reports' goals with their outcomes: one row per region, year and\n"
              "indicator, with the goal the region's report of that year sets, the outcome a\n"
              "later report gives, whether it was met, and how far the goal stands above the\n"
              "national one (docs/panel.md).\n\nOptions:\n", f);
        break;
    default:
        fputs("Analyzes Chinese speeches and official reports: title, noise lines,\n"
              "sections, numbered tasks and quantitative targets.  FILE may be in\n"
              "UTF-8 (with or without BOM), UTF-16 with BOM or GB18030/GBK; without\n"
              "FILE, or with -, standard input is read.\n\nOptions:\n", f);
    }
    print_options(f, (unsigned)cmd);
    if (cmd == CMD_ANALYZE)
        fputs("\nCommands: analyze (the default), diff, tokens, rules, panel, terms;\n"
              "'gangyao COMMAND --help' lists a command's options.\n",
              f);
    fputs("\n", f);
    fputs(exit_codes, f);
    fputs("\nExamples:\n"
          "  gangyao speech.txt\n"
          "  gangyao --json speech.txt | jq '.targets[]'\n"
          "  gangyao --csv reports/*.txt > targets.csv\n"
          "  find archive -name '*.txt' -print0 | gangyao --jsonl -0 --files-from - > all.jsonl\n"
          "  gangyao diff 2023.txt 2024.txt\n"
          "  gangyao panel --csv reports/*.txt > panel.csv\n"
          "  gangyao terms -e 新质生产力 --context 10 reports/*.txt\n"
          "\nSee gangyao(1) and docs/schema.md.\n",
          f);
}

int usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("gangyao: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    print_usage_lines(stderr);
    fputs("Try 'gangyao --help' for more information.\n", stderr);
    return GY_E_USAGE;
}

static const option_def *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < gy_noptions; i++)
        if (strlen(gy_options[i].long_name) == len &&
            strncmp(gy_options[i].long_name, name, len) == 0)
            return &gy_options[i];
    return NULL;
}

static int parse_show(const char *list, unsigned *show)
{
    *show = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        size_t k;
        for (k = 0; gy_show_parts[k].name; k++)
            if (strlen(gy_show_parts[k].name) == n && strncmp(gy_show_parts[k].name, p, n) == 0)
                break;
        if (!gy_show_parts[k].name)
            return -1;
        *show |= gy_show_parts[k].bit;
        p += n;
        if (*p == ',')
            p++;
    }
    return *show ? 0 : -1;
}

/* A whole number from lo to hi in arg into *out; -1 when it is none. */
static int whole_number(const char *arg, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < lo || n > hi)
        return -1;
    *out = n;
    return 0;
}

/* A size in bytes: digits and an optional K, M or G (powers of 1024). */
static int byte_size(const char *arg, size_t *out)
{
    char *end;
    errno = 0;
    if (!(*arg >= '0' && *arg <= '9'))
        return -1;
    unsigned long long n = strtoull(arg, &end, 10);
    int shift = 0;
    if (*end) {
        const char *units = "KMG", *u = strchr(units, end[0] & ~0x20);
        if (!u || (end[1] && !((end[1] & ~0x20) == 'B' && !end[2])))
            return -1;
        shift = 10 * (int)(u - units + 1);
    }
    if (errno || n == 0 || n > (SIZE_MAX >> shift) / 2)
        return -1;
    *out = (size_t)n << shift;
    return 0;
}

/* Which of the words names[0..n) arg is, or -1. */
static int one_of(const char *arg, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(arg, names[i]) == 0)
            return i;
    return -1;
}

static int apply_option(settings *s, const option_def *o, const char *arg)
{
    static const char *const inputs[] = {"text", "jsonl"}, *const colors[] = {"never", "always", "auto"};
    long n;
    int k;
    switch (o->id) {
    case OPT_FORMAT:
        if (gy_format_from_name(arg, &s->format) != 0 ||
            (s->cmd == CMD_DIFF && !gy_format_can_diff(s->format)))
            return usage_error("--format: '%s' is not a format%s (%s)", arg,
                               s->cmd == CMD_DIFF ? " of diff" : "", format_names(s->cmd));
        break;
    case OPT_JSON: s->format = GY_FORMAT_JSON; break;
    case OPT_CSV: s->format = GY_FORMAT_CSV; break;
    case OPT_JSONL: s->format = GY_FORMAT_JSONL; break;
    case OPT_JOBS:
        if (whole_number(arg, 1, 256, &n) != 0)
            return usage_error("--jobs: '%s' is not a number of jobs (1 to 256)", arg);
        s->jobs = (unsigned)n;
        break;
    case OPT_FILES_FROM: s->files_from = arg; break;
    case OPT_NULL: s->null_names = 1; break;
    case OPT_INPUT:
        if ((k = one_of(arg, inputs, 2)) < 0)
            return usage_error("--input: '%s' is not text or jsonl", arg);
        s->records = k;
        break;
    case OPT_YEAR:
        if (whole_number(arg, 1900, 2200, &n) != 0)
            return usage_error("--year: '%s' is not a year (1900 to 2200)", arg);
        s->year = (int)n;
        break;
    case OPT_REGION:
        if (!*arg)
            return usage_error("--region needs a name, such as 江苏省 or 320000");
        s->region = arg;
        break;
    case OPT_COMPACT: s->compact = 1; s->format = GY_FORMAT_JSON; break;
    case OPT_KEEP_NOISE: s->keep_noise = 1; break;
    case OPT_LOSSY: s->lossy = 1; break;
    case OPT_BOM: s->bom = 1; break;
    case OPT_TERM:
        if (!*arg)
            return usage_error("-e needs a term");
        s->terms[s->nterms++] = arg;
        break;
    case OPT_TERMS: s->terms_file = arg; break;
    case OPT_TERMS_ONLY: s->terms_only = 1; break;
    case OPT_CONTEXT:
        if (whole_number(arg, 1, 200, &n) != 0)
            return usage_error("--context: '%s' is not a number of characters (1 to 200)", arg);
        s->context = (size_t)n;
        break;
    case OPT_SINCE:
        if (whole_number(arg, 1900, 2200, &n) != 0)
            return usage_error("--since: '%s' is not a year (1900 to 2200)", arg);
        s->since = (int)n;
        break;
    case OPT_TOP:
        if (whole_number(arg, 1, 100000, &n) != 0)
            return usage_error("--top: '%s' is not a number of terms", arg);
        s->top = (size_t)n;
        break;
    case OPT_COMPLETION: /* handled before the others */ break;
    case OPT_MAX_INPUT:
        if (byte_size(arg, &s->max_input) != 0)
            return usage_error("--max-input: '%s' is not a size in bytes (such as 500M or 2G)",
                               arg);
        break;
    case OPT_QUIET: s->quiet = 1; break;
    case OPT_ALL: s->all = 1; break;
    case OPT_CHECK: s->check = 1; break;
    case OPT_DUMP: s->dump = 1; break;
    case OPT_ENCODING:
        if (!*arg)
            return usage_error("--encoding needs an encoding name");
        s->encoding = arg;
        break;
    case OPT_RULES:
        s->rules[s->nrules++] = arg;
        break;
    case OPT_ONLY:
        if (parse_show(arg, &s->show) != 0)
            return usage_error("--only: '%s' is not a list of title, noise, sections, "
                               "tasks, targets, times, warnings", arg);
        break;
    case OPT_COLOR:
        if ((k = one_of(arg, colors, 3)) < 0)
            return usage_error("--color: '%s' is not auto, always or never", arg);
        s->color = k == 2 ? -1 : k;
        break;
    case OPT_THRESHOLD: {
        char *end;
        errno = 0;
        double t = strtod(arg, &end);
        if (errno || end == arg || *end || !(t > 0.0 && t <= 1.0))
            return usage_error("--threshold: '%s' is not a number above 0 and at most 1",
                               arg);
        s->threshold = t;
        break;
    }
    case OPT_HELP:
    case OPT_VERSION:
        break;
    }
    return 0;
}

static enum command command_named(const char *word)
{
    if (strcmp(word, "analyze") == 0)
        return CMD_ANALYZE;
    if (strcmp(word, "diff") == 0)
        return CMD_DIFF;
    if (strcmp(word, "tokens") == 0)
        return CMD_TOKENS;
    if (strcmp(word, "rules") == 0)
        return CMD_RULES;
    if (strcmp(word, "panel") == 0)
        return CMD_PANEL;
    if (strcmp(word, "terms") == 0)
        return CMD_TERMS;
    return 0;
}

/* A bare word that is not a file, such as "analyse": a mistyped command. */
static int looks_like_command(const char *word)
{
    for (const char *p = word; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
            return 0;
    return access(word, F_OK) != 0;
}

/* The option a names (--name, --name=ARG, -x, -xARG), with its attached
 * argument in *arg.  NULL after printing a usage error. */
static const option_def *lookup_option(const char *a, unsigned s_cmd, const char **arg)
{
    const option_def *o;
    *arg = NULL;
    if (a[1] == '-') {
        const char *eq = strchr(a + 2, '=');
        size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        if (!(o = find_long(a + 2, n))) {
            usage_error("unknown option '%s'", a);
            return NULL;
        }
        if (eq && !o->arg) {
            usage_error("option '--%s' takes no argument", o->long_name);
            return NULL;
        }
        *arg = eq ? eq + 1 : NULL;
        return o;
    }
    if (!(o = find_short(a[1], s_cmd))) {
        usage_error("unknown option '%s'", a);
        return NULL;
    }
    if (a[2] && !o->arg) {
        usage_error("unknown option '%s' (give short options separately)", a);
        return NULL;
    }
    *arg = a[2] ? a + 2 : NULL;
    return o;
}

/* The command word at argv[*i], if any.  Returns -1 to go on, or an exit
 * status. */
static int parse_command(int argc, char **argv, int *i, settings *s)
{
    s->cmd = CMD_ANALYZE;
    if (*i >= argc || argv[*i][0] == '-')
        return -1;
    enum command c = command_named(argv[*i]);
    if (c) {
        s->cmd = c;
        (*i)++;
    } else if (looks_like_command(argv[*i])) {
        return usage_error("unknown command '%s' (commands: analyze, diff, tokens, rules, panel, terms)",
                           argv[*i]);
    }
    return -1;
}

/* Parses argv into s.  Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, settings *s)
{
    int i = 1, only_files = 0, st = parse_command(argc, argv, &i, s);
    for (; i < argc && st < 0; i++) {
        const char *a = argv[i], *arg;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            s->files[s->nfiles++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        const option_def *o = lookup_option(a, (unsigned)s->cmd, &arg);
        if (!o)
            return GY_E_USAGE;
        if (o->id == OPT_COMPLETION) {
            const char *shell = arg ? arg : i + 1 < argc ? argv[++i] : "";
            if (print_completion(stdout, shell) != 0)
                return usage_error("--completion: '%s' is not bash or zsh", shell);
            return GY_OK;
        }
        if (o->id == OPT_HELP || o->id == OPT_VERSION) {
            if (o->id == OPT_HELP)
                print_help(stdout, s->cmd);
            else
                printf("gangyao %s (OpenCC %s)\n", GY_VERSION, gy_opencc_version());
            return GY_OK;
        }
        if (!(o->commands & s->cmd))
            return usage_error("option '%s' does not apply to this command", a);
        if (o->arg && !arg) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs an argument", a);
            arg = argv[++i];
        }
        st = apply_option(s, o, arg);
        if (st == 0)
            st = -1;
    }
    return st;
}

int use_color(const settings *s)
{
    if (s->color >= 0)
        return s->color;
    const char *nc = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !(nc && *nc) && !(term && strcmp(term, "dumb") == 0);
}

gy_rules *load_rules(const settings *s)
{
    gy_error err;
    gy_error_clear(&err);
    gy_rules *r = s->nrules ? gy_rules_load(s->rules, s->nrules, &err)
                            : gy_rules_builtin(&err);
    if (!r)
        gy_error_print(&err, stderr);
    return r;
}

const char *display_name(const char *path) { return strcmp(path, "-") ? path : "<stdin>"; }

void print_replacements(const settings *s, const gy_source *src, FILE *f)
{
    long off, line;
    size_t bad = gy_source_replacements(src, &off, &line);
    if (!bad || s->quiet)
        return;
    fputs("gangyao: ", f);
    gy_fput_shown(display_name(gy_source_name(src)), (size_t)-1, f);
    fprintf(f,
            ":%ld: warning: %zu invalid byte sequence%s replaced with U+FFFD (first at byte "
            "offset %ld)\n",
            line, bad, bad == 1 ? "" : "s", off);
}

/* Loads one input; prints the error and returns NULL on failure. */
static gy_source *load_source(const settings *s, const char *path, int *status)
{
    gy_input_options in = {s->encoding, s->lossy, s->max_input};
    gy_error err;
    gy_error_clear(&err);
    gy_source *src = gy_source_load(path, &in, &err);
    if (!src) {
        gy_error_print(&err, stderr);
        *status = err.status;
        return NULL;
    }
    print_replacements(s, src, stderr);
    return src;
}

static gy_doc *analyze(const settings *s, const gy_source *src, const gy_rules *rules,
                       int *status)
{
    gy_analyze_options ao = {s->keep_noise, s->year, s->region, 0};
    gy_error err;
    gy_error_clear(&err);
    gy_doc *doc = gy_analyze(src, rules, &ao, &err);
    if (!doc) {
        gy_error_print(&err, stderr);
        *status = err.status;
    }
    return doc;
}

static int run_diff(const settings *s)
{
    if (s->nfiles != 2)
        return usage_error("diff needs exactly two files, OLD and NEW");
    if (strcmp(s->files[0], "-") == 0 && strcmp(s->files[1], "-") == 0)
        return usage_error("diff can read only one of its files from standard input");
    gy_rules *rules = load_rules(s);
    if (!rules)
        return GY_E_RULES;
    int status = GY_OK;
    gy_source *src[2] = {NULL, NULL};
    gy_doc *doc[2] = {NULL, NULL};
    for (int k = 0; k < 2 && status == GY_OK; k++) {
        src[k] = load_source(s, s->files[k], &status);
        if (src[k])
            doc[k] = analyze(s, src[k], rules, &status);
    }
    if (status == GY_OK) {
        gy_diff_options dopt = {s->threshold, s->all};
        gy_render_options ro = {GY_SHOW_ALL, use_color(s), s->compact, 0, 0, 0};
        gy_error err;
        gy_error_clear(&err);
        gy_diff *d = gy_diff_new(rules, doc[0], doc[1], &dopt, &err);
        if (!d) {
            gy_error_print(&err, stderr);
            status = err.status;
        } else {
            int r = gy_render_diff(d, s->format, stdout, &ro, &err);
            if (r != 0) {
                gy_error_print(&err, stderr);
                status = err.status;
            } else {
                status = gy_diff_has_changes(d) ? GY_DIFFERENT : GY_OK;
            }
            gy_diff_free(d);
        }
    }
    for (int k = 0; k < 2; k++) {
        gy_doc_free(doc[k]);
        gy_source_free(src[k]);
    }
    gy_rules_free(rules);
    return status;
}

static int run_tokens(const settings *s)
{
    if (s->nfiles > 1)
        return usage_error("tokens takes one file");
    gy_rules *rules = load_rules(s);
    if (!rules)
        return GY_E_RULES;
    int status = GY_OK;
    gy_source *src = load_source(s, s->nfiles ? s->files[0] : "-", &status);
    gy_error err;
    gy_error_clear(&err);
    if (src && gy_render_tokens(src, rules, stdout, s->format == GY_FORMAT_JSON, &err) != 0) {
        gy_error_print(&err, stderr);
        status = err.status;
    }
    gy_source_free(src);
    gy_rules_free(rules);
    return status;
}

static int run_rules(const settings *s)
{
    if (s->dump == s->check)
        return usage_error("rules needs --check FILE... or --dump");
    if (s->dump) {
        if (s->nfiles)
            return usage_error("rules --dump takes no file");
        return gy_rules_dump_builtin(stdout) == 0 ? GY_OK : GY_E_OUTPUT;
    }
    if (!s->nfiles)
        return usage_error("rules --check needs at least one FILE");
    int status = GY_OK;
    for (size_t i = 0; i < s->nfiles; i++) {
        gy_error err;
        gy_error_clear(&err);
        gy_rules *r = gy_rules_load(&s->files[i], 1, &err);
        if (!r) {
            gy_error_print(&err, stderr);
            if (status == GY_OK)
                status = err.status;
            continue;
        }
        gy_fput_shown(s->files[i], (size_t)-1, stdout);
        printf(": ok, %zu rules\n", gy_rules_count(r));
        gy_rules_free(r);
    }
    return status;
}

/* Flushes stdout and turns a failed write into GY_E_OUTPUT. */
static int finish_output(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE)
            fprintf(stderr, "gangyao: cannot write output: %s\n", strerror(errno));
        return status == GY_OK || status == GY_DIFFERENT ? GY_E_OUTPUT : status;
    }
    return status;
}

int main(int argc, char **argv)
{
    /* into a pipe or a file, whole blocks: an archive's output is written
     * in a few large writes rather than thousands of page-sized ones */
    static char out_buffer[1 << 16];
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    settings s;
    memset(&s, 0, sizeof s);
    s.color = -1;
    s.show = GY_SHOW_ALL;
    size_t n = argc > 0 ? (size_t)argc : 1;
    s.files = calloc(n, sizeof *s.files);
    s.rules = calloc(n, sizeof *s.rules);
    s.terms = calloc(n, sizeof *s.terms);
    if (!s.files || !s.rules || !s.terms) {
        fputs("gangyao: out of memory\n", stderr);
        return GY_E_INTERNAL;
    }
    int status = parse_args(argc, argv, &s);
    if (status < 0 && s.null_names && !s.files_from)
        status = usage_error("-0 (--null) is for the names of --files-from");
    if (status < 0) {
        switch (s.cmd) {
        case CMD_DIFF: status = run_diff(&s); break;
        case CMD_TOKENS: status = run_tokens(&s); break;
        case CMD_RULES: status = run_rules(&s); break;
        case CMD_PANEL: status = run_analyze(&s); break;
        case CMD_TERMS: status = run_analyze(&s); break;
        default: status = run_analyze(&s); break;
        }
    }
    free(s.files);
    free(s.rules);
    free(s.terms);
    return finish_output(status);
}
