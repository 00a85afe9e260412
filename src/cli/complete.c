/* Completion scripts for bash and zsh, written from the one table of
 * options: the commands, each command's options, and the values of the
 * options that take a known set (formats, --only parts, encodings ...). */
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    enum command cmd;
} commands[] = {{"analyze", CMD_ANALYZE}, {"diff", CMD_DIFF},   {"tokens", CMD_TOKENS},
                {"rules", CMD_RULES},     {"panel", CMD_PANEL},  {"terms", CMD_TERMS}};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Options whose argument is a file. */
static int takes_file(enum option_id id)
{
    return id == OPT_RULES || id == OPT_FILES_FROM || id == OPT_TERMS;
}

static void words(FILE *f, const char *const *v)
{
    for (size_t k = 0; v && v[k]; k++)
        fprintf(f, "%s%s", k ? " " : "", v[k]);
}

/* Whether another option has o's short name (-e: --encoding, and --term
 * in gangyao terms): then only the long names are completed from it. */
static int shared_short(const option_def *o)
{
    for (size_t i = 0; i < gy_noptions; i++)
        if (&gy_options[i] != o && gy_options[i].short_name == o->short_name)
            return 1;
    return 0;
}

/* The options of cmd, long and short, separated by spaces. */
static void option_words(FILE *f, enum command cmd)
{
    int first = 1;
    for (size_t i = 0; i < gy_noptions; i++) {
        const option_def *o = &gy_options[i];
        if (!(o->commands & (unsigned)cmd))
            continue;
        fprintf(f, "%s--%s", first ? "" : " ", o->long_name);
        if (o->short_name)
            fprintf(f, " -%c", o->short_name);
        first = 0;
    }
}

static void bash(FILE *f)
{
    fputs("# bash completion for gangyao (written by: gangyao --completion bash)\n"
          "_gangyao() {\n"
          "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
          "    local cmd=analyze i\n"
          "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
          "        case \"${COMP_WORDS[i]}\" in\n"
          "        ",
          f);
    for (size_t k = 0; k < NCOMMANDS; k++)
        fprintf(f, "%s%s", k ? "|" : "", commands[k].name);
    fputs(") cmd=${COMP_WORDS[i]}; break ;;\n        esac\n    done\n    case \"$prev\" in\n", f);
    for (size_t i = 0; i < gy_noptions; i++) {
        const option_def *o = &gy_options[i];
        if (!o->arg)
            continue;
        fprintf(f, "    --%s", o->long_name);
        if (o->short_name && !shared_short(o))
            fprintf(f, "|-%c", o->short_name);
        const char *const *v = gy_option_values(o->id, CMD_ANALYZE);
        if (o->id == OPT_FORMAT) {
            fputs(")\n        if [ \"$cmd\" = diff ]; then\n"
                  "            COMPREPLY=($(compgen -W \"",
                  f);
            words(f, gy_option_values(o->id, CMD_DIFF));
            fputs("\" -- \"$cur\"))\n        else\n            COMPREPLY=($(compgen -W \"", f);
            words(f, v);
            fputs("\" -- \"$cur\"))\n        fi\n        return ;;\n", f);
        } else if (o->id == OPT_ONLY) {
            /* a comma-separated list: the part after the last comma */
            fputs(")\n        local pre=\"\" last=\"$cur\"\n"
                  "        case \"$cur\" in *,*) pre=\"${cur%,*},\"; last=\"${cur##*,}\" ;; esac\n"
                  "        COMPREPLY=($(compgen -P \"$pre\" -W \"",
                  f);
            words(f, v);
            fputs("\" -- \"$last\"))\n        return ;;\n", f);
        } else if (v) {
            fputs(") COMPREPLY=($(compgen -W \"", f);
            words(f, v);
            fputs("\" -- \"$cur\")); return ;;\n", f);
        } else if (takes_file(o->id)) {
            fputs(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", f);
        } else {
            fputs(") return ;;\n", f);
        }
    }
    fputs("    esac\n    if [[ \"$cur\" == -* ]]; then\n        local opts\n        case \"$cmd\" in\n", f);
    for (size_t k = 0; k < NCOMMANDS; k++) {
        fprintf(f, "        %s) opts=\"", commands[k].name);
        option_words(f, commands[k].cmd);
        fputs("\" ;;\n", f);
    }
    fputs("        esac\n        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n        return\n"
          "    fi\n    if [ \"$COMP_CWORD\" = 1 ]; then\n        COMPREPLY=($(compgen -W \"",
          f);
    for (size_t k = 0; k < NCOMMANDS; k++)
        fprintf(f, "%s%s", k ? " " : "", commands[k].name);
    fputs("\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n        return\n    fi\n"
          "    COMPREPLY=($(compgen -f -- \"$cur\"))\n}\n"
          "complete -o filenames -F _gangyao gangyao\n",
          f);
}

/* One _arguments spec of an option for zsh: --long[help]:arg:(values). */
static void zsh_spec(FILE *f, const option_def *o, enum command cmd)
{
    const char *nl = strchr(o->help, '\n');
    int len = nl ? (int)(nl - o->help) : (int)strlen(o->help);
    for (int pass = 0; pass < (o->short_name && !shared_short(o) ? 2 : 1); pass++) {
        if (pass)
            fprintf(f, "      '-%c", o->short_name);
        else
            fprintf(f, "      '--%s%s", o->long_name, o->arg ? "=" : "");
        fputc('[', f);
        for (int k = 0; k < len; k++) /* no brackets or quotes in a description */
            if (!strchr("[]':", o->help[k]))
                fputc(o->help[k], f);
        fputc(']', f);
        if (o->arg) {
            const char *const *v = gy_option_values(o->id, cmd);
            fprintf(f, ":%s:", o->arg);
            if (v) {
                fputc('(', f);
                words(f, v);
                fputc(')', f);
            } else if (takes_file(o->id)) {
                fputs("_files", f);
            }
        }
        fputs("' \\\n", f);
    }
}

static void zsh(FILE *f)
{
    fputs("#compdef gangyao\n# zsh completion for gangyao (written by: gangyao --completion zsh)\n"
          "_gangyao() {\n  local cmd=analyze\n"
          "  case $words[2] in\n  ",
          f);
    for (size_t k = 0; k < NCOMMANDS; k++)
        fprintf(f, "%s%s", k ? "|" : "", commands[k].name);
    fputs(") cmd=$words[2]; shift words; (( CURRENT-- )) ;;\n  esac\n  case $cmd in\n", f);
    for (size_t k = 0; k < NCOMMANDS; k++) {
        fprintf(f, "  %s)\n    _arguments -s \\\n", commands[k].name);
        for (size_t i = 0; i < gy_noptions; i++)
            if (gy_options[i].commands & (unsigned)commands[k].cmd)
                zsh_spec(f, &gy_options[i], commands[k].cmd);
        if (commands[k].cmd == CMD_ANALYZE)
            fputs("      '1: :->first' '*:file:_files' && return\n"
                  "    _alternative 'commands:command:(analyze diff tokens rules panel terms)' "
                  "'files:file:_files' ;;\n",
                  f);
        else
            fputs("      '*:file:_files' ;;\n", f);
    }
    fputs("  esac\n}\n_gangyao \"$@\"\n", f);
}

int print_completion(FILE *f, const char *shell)
{
    if (strcmp(shell, "bash") == 0)
        bash(f);
    else if (strcmp(shell, "zsh") == 0)
        zsh(f);
    else
        return -1;
    return 0;
}
