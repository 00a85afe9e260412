#include "inputs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* All of f into a malloc'd, NUL-terminated buffer; NULL on a read error or
 * when out of memory (errno says which). */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *b = realloc(buf, cap * 2);
        if (!b) {
            free(buf);
            errno = ENOMEM;
            return NULL;
        }
        buf = b;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        free(buf);
        return NULL;
    }
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* Splits text[0..n) into names at sep, in place; returns how many were
 * added to l (room for them is made by the caller). */
static void split_names(name_list *l, char *text, size_t n, char sep)
{
    size_t a = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && text[i] != sep)
            continue;
        size_t b = i;
        if (sep == '\n' && b > a && text[b - 1] == '\r')
            b--;           /* a list written on Windows */
        text[b] = '\0';
        if (b > a)
            l->names[l->n++] = text + a;
        a = i + 1;
    }
}

static size_t count_byte(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

int names_collect(const settings *s, name_list *l)
{
    memset(l, 0, sizeof *l);
    size_t len = 0;
    char sep = s->null_names ? '\0' : '\n';
    if (s->files_from) {
        int std = strcmp(s->files_from, "-") == 0;
        FILE *f = std ? stdin : fopen(s->files_from, "rb");
        l->text = f ? slurp(f, &len) : NULL;
        int e = errno;
        if (f && !std)
            fclose(f);
        if (!l->text) {
            fprintf(stderr, "gangyao: %s: cannot read the list of files: %s\n",
                    display_name(s->files_from), strerror(e));
            return e == ENOMEM ? GY_E_INTERNAL : GY_E_NOINPUT;
        }
    }
    size_t room = s->nfiles + (l->text ? count_byte(l->text, len, sep) + 1 : 0) + 1;
    l->names = malloc(room * sizeof *l->names);
    if (!l->names) {
        fputs("gangyao: out of memory\n", stderr);
        return GY_E_INTERNAL;
    }
    for (size_t i = 0; i < s->nfiles; i++)
        l->names[l->n++] = s->files[i];
    if (l->text)
        split_names(l, l->text, len, sep);
    if (l->n == 0 && !s->files_from)
        l->names[l->n++] = "-";
    return 0;
}

void names_free(name_list *l)
{
    free(l->names);
    free(l->text);
    memset(l, 0, sizeof *l);
}

void records_open(record_reader *r, const name_list *streams)
{
    memset(r, 0, sizeof *r);
    r->streams = streams;
}

/* Opens stream k; 0, or -1 with err filled. */
static int open_stream(record_reader *r, gy_error *err)
{
    const char *name = r->streams->names[r->k];
    r->line = 0;
    r->f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (r->f)
        return 0;
    gy_error_clear(err);
    err->status = GY_E_NOINPUT;
    snprintf(err->file, sizeof err->file, "%s", name);
    snprintf(err->message, sizeof err->message, "cannot open the stream of records: %s",
             strerror(errno));
    return -1;
}

static void close_stream(record_reader *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
    r->k++;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

int records_next(record_reader *r, char **rec, size_t *len, const char **name, long *line,
                 gy_error *err)
{
    while (r->k < r->streams->n) {
        *name = r->streams->names[r->k];
        if (!r->f && open_stream(r, err) != 0) {
            r->k++;
            return -1;
        }
        ssize_t n = getline(&r->buf, &r->cap, r->f);
        if (n < 0) {
            int failed = ferror(r->f);
            close_stream(r);
            if (failed) {
                gy_error_clear(err);
                err->status = GY_E_NOINPUT;
                snprintf(err->file, sizeof err->file, "%s", *name);
                snprintf(err->message, sizeof err->message, "read error: %s", strerror(errno));
                return -1;
            }
            continue;
        }
        r->line++;
        size_t m = (size_t)n;
        if (m && r->buf[m - 1] == '\n')
            m--;
        if (blank(r->buf, m))
            continue;
        *rec = malloc(m + 1);
        if (!*rec) {
            gy_error_clear(err);
            err->status = GY_E_INTERNAL;
            snprintf(err->message, sizeof err->message, "out of memory");
            return -1;
        }
        memcpy(*rec, r->buf, m);
        (*rec)[m] = '\0';
        *len = m;
        *line = r->line;
        return 1;
    }
    return 0;
}

void records_close(record_reader *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    free(r->buf);
    memset(r, 0, sizeof *r);
}
