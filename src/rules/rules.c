/* Rule sets: the built-in one embedded at build time, or rule files given
 * by the user, each concern taken from exactly one file and loaded by its
 * loader (rules_load.c).  A rule set that fails to load is never used: the
 * first error names the file, the line and column, and what is wrong. */
#include "rules.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "embedded.h"
#include "error.h"
#include "rules_load.h"
#include "source.h"
#include "utf8.h"

void gy_rules_free(gy_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ncodes; i++)
        pcre2_code_free(r->codes[i]);
    free(r->codes);
    pcre2_match_context_free(r->mctx);
    if (r->scripts.cache) {
        if (r->scripts.cache->state)
            r->scripts.cache->free_state(r->scripts.cache->state);
        pthread_mutex_destroy(&r->scripts.cache->lock);
        free(r->scripts.cache);
    }
    gy_arena_free(&r->arena);
    free(r);
}

static gy_rules *new_rules(const char *name, gy_error *err)
{
    gy_rules *r = calloc(1, sizeof *r);
    if (r) {
        gy_arena_init(&r->arena);
        r->mctx = pcre2_match_context_create(NULL);
        r->max_groups = 1;
        r->scripts.cache = calloc(1, sizeof *r->scripts.cache);
        if (r->scripts.cache && pthread_mutex_init(&r->scripts.cache->lock, NULL) != 0) {
            free(r->scripts.cache);
            r->scripts.cache = NULL;
        }
    }
    if (!r || !r->mctx || !r->scripts.cache) {
        gy_rules_free(r);
        gy_error_oom(err, name);
        return NULL;
    }
    pcre2_set_match_limit(r->mctx, GY_MATCH_LIMIT);
    pcre2_set_depth_limit(r->mctx, GY_DEPTH_LIMIT);
    return r;
}

static void list_concerns(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < gy_nconcerns && n < size; k++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", k ? ", " : "", gy_concerns[k].name);
}

/* Finds each concern's object among the files' top-level members. */
static int find_concerns(gy_loader *ld, gy_rfile *files, size_t n, const gy_rfile **src,
                         const cJSON **node)
{
    char known[256];
    list_concerns(known, sizeof known);
    for (size_t i = 0; i < n && !ld->failed; i++) {
        if (gy_rfile_parse(ld, &files[i]) != 0)
            return -1;
        for (const cJSON *c = files[i].root->child; c && !ld->failed; c = c->next) {
            if (strcmp(c->string, "about") == 0) { /* a note on the file, as in every object */
                if (!cJSON_IsString(c))
                    gy_rj_fail(ld, &files[i], c, NULL, "'about' must be a string");
                continue;
            }
            size_t k = 0;
            while (k < gy_nconcerns && strcmp(gy_concerns[k].name, c->string) != 0)
                k++;
            if (k == gy_nconcerns)
                gy_rj_fail(ld, &files[i], c,
                           "'gangyao rules --dump' prints the built-in rules to start from",
                           "unknown concern '%s' (known: %s)", c->string, known);
            else if (node[k])
                gy_rj_fail(ld, &files[i], c, NULL, "concern '%s' is already given in %s",
                           c->string, src[k]->name);
            else {
                node[k] = c;
                src[k] = &files[i];
            }
        }
    }
    return ld->failed ? -1 : 0;
}

/* Loads the concerns of files[0..n) into a new rule set; every concern must
 * be given by exactly one file. */
static gy_rules *load_files(gy_rfile *files, size_t n, gy_error *err)
{
    gy_rules *r = new_rules(n ? files[0].name : NULL, err);
    if (!r)
        return NULL;
    gy_loader ld = {r, err, 0};
    const gy_rfile **src = calloc(gy_nconcerns, sizeof *src);
    const cJSON **node = calloc(gy_nconcerns, sizeof *node);
    if (!src || !node) {
        gy_error_oom(err, n ? files[0].name : NULL);
        ld.failed = 1;
    } else {
        find_concerns(&ld, files, n, src, node);
    }
    for (size_t k = 0; k < gy_nconcerns && !ld.failed; k++) {
        if (!node[k]) {
            gy_rj_fail(&ld, &files[n ? n - 1 : 0], NULL,
                       "a rule set replaces the built-in one as a whole; 'gangyao rules --dump' "
                       "prints it to start from",
                       "the rule set has no '%s' concern", gy_concerns[k].name);
            break;
        }
        gy_concerns[k].load(&ld, src[k], node[k]);
    }
    free(src);
    free(node);
    if (!ld.failed)
        gy_derive_scan_stops(r);
    if (ld.failed) {
        gy_rules_free(r);
        return NULL;
    }
    return r;
}

/* Reads the rule file at path into f (text malloc'd).  Returns 0 or -1. */
static int read_file(const char *path, gy_rfile *f, gy_error *err)
{
    memset(f, 0, sizeof *f);
    f->name = path;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        int e = errno;
        gy_error_set(err, GY_E_RULES, path, 0, 0, -1,
                     e == ENOENT ? "check the path given to --rules" : "",
                     "cannot read rule file: %s", strerror(e));
        return -1;
    }
    char *buf = NULL;
    size_t len = 0;
    int e = gy_read_fd(fd, &buf, &len);
    close(fd);
    if (e) {
        if (e == ENOMEM)
            gy_error_oom(err, path);
        else
            gy_error_set(err, GY_E_RULES, path, 0, 0, -1, "", "cannot read rule file: %s",
                         strerror(e));
        return -1;
    }
    size_t ok = gy_utf8_valid_prefix((const unsigned char *)buf, len);
    if (ok != len) {
        long line, col;
        gy_utf8_locate(buf, ok, &line, &col);
        free(buf);
        gy_error_set(err, GY_E_RULES, path, line, col, (long)ok, "save the file as UTF-8",
                     "rule file is not valid UTF-8");
        return -1;
    }
    f->text = buf;
    f->len = len;
    return 0;
}

gy_rules *gy_rules_load(const char *const *paths, size_t n, gy_error *err)
{
    if (n == 0)
        return gy_rules_builtin(err);
    gy_rfile *files = calloc(n, sizeof *files);
    if (!files) {
        gy_error_oom(err, paths[0]);
        return NULL;
    }
    gy_rules *r = NULL;
    size_t loaded = 0;
    while (loaded < n && read_file(paths[loaded], &files[loaded], err) == 0)
        loaded++;
    if (loaded == n)
        r = load_files(files, n, err);
    for (size_t i = 0; i < loaded; i++) {
        gy_rfile_free(&files[i]);
        free((char *)files[i].text);
    }
    free(files);
    return r;
}

gy_rules *gy_rules_parse(const char *name, const char *json, size_t len, gy_error *err)
{
    gy_rfile f;
    memset(&f, 0, sizeof f);
    f.name = name ? name : "<rules>";
    f.text = json;
    f.len = len;
    gy_rules *r = load_files(&f, 1, err);
    gy_rfile_free(&f);
    return r;
}

gy_rules *gy_rules_builtin(gy_error *err)
{
    size_t n = 0;
    while (gy_builtin_rule_files[n].name)
        n++;
    gy_rfile *files = calloc(n ? n : 1, sizeof *files);
    if (!files) {
        gy_error_oom(err, "<built-in rules>");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        files[i].name = gy_builtin_rule_files[i].name;
        files[i].text = gy_builtin_rule_files[i].data;
        files[i].len = gy_builtin_rule_files[i].len;
    }
    gy_rules *r = load_files(files, n, err);
    for (size_t i = 0; i < n; i++)
        gy_rfile_free(&files[i]);
    free(files);
    return r;
}

size_t gy_rules_count(const gy_rules *r) { return r->count; }

int gy_rules_dump_builtin(FILE *out)
{
    cJSON *all = cJSON_CreateObject();
    if (!all)
        return -1;
    for (size_t i = 0; gy_builtin_rule_files[i].name; i++) {
        cJSON *root = cJSON_ParseWithLength(gy_builtin_rule_files[i].data,
                                            gy_builtin_rule_files[i].len);
        if (!root) {
            cJSON_Delete(all);
            return -1;
        }
        while (root->child) {
            cJSON *c = cJSON_DetachItemViaPointer(root, root->child);
            cJSON_AddItemToObject(all, c->string, c);
        }
        cJSON_Delete(root);
    }
    char *s = cJSON_Print(all);
    cJSON_Delete(all);
    if (!s)
        return -1;
    fputs(s, out);
    fputc('\n', out);
    cJSON_free(s);
    return ferror(out) ? -1 : 0;
}
