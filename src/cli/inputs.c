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
            fputs("gangyao: ", stderr);
            gy_fput_shown(display_name(s->files_from), (size_t)-1, stderr);
            fprintf(stderr, ": cannot read the list of files: %s\n", strerror(e));
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

void records_open(record_reader *r, const name_list *streams, size_t max)
{
    memset(r, 0, sizeof *r);
    r->streams = streams;
    r->max = max ? max : GY_DEFAULT_MAX_INPUT;
}

/* Opens stream k; 0, or -1 with err filled. */
static int open_stream(record_reader *r, gy_error *err)
{
    const char *name = r->streams->names[r->k];
    r->line = 0;
    r->at = r->have = 0;
    r->eof = 0;
    r->fresh = 1;
    r->f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (r->f)
        return 0;
    gy_error_clear(err);
    err->status = GY_E_NOINPUT;
    snprintf(err->file, sizeof err->file, "%s", display_name(name));
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

static int record_fail(gy_error *err, int status, const char *name, long line, const char *hint,
                       const char *what)
{
    gy_error_clear(err);
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", display_name(name));
    err->line = line;
    snprintf(err->message, sizeof err->message, "%s", what);
    snprintf(err->hint, sizeof err->hint, "%s", hint);
    return -1;
}

/* Refills the chunk; 0 at the end of the stream, -1 on a read error. */
static int refill(record_reader *r)
{
    if (r->eof)
        return 0;
    r->at = 0;
    errno = 0;
    r->have = fread(r->chunk, 1, sizeof r->chunk, r->f);
    if (r->have == 0) {
        r->eof = 1;
        r->error = errno;
        return ferror(r->f) ? -1 : 0;
    }
    if (r->fresh && r->have >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0)
        r->at = 3; /* a byte order mark opening the stream */
    r->fresh = 0;
    return 1;
}

/* What reading one line found. */
enum line_end { LINE_OK, LINE_EOF, LINE_LONG, LINE_NOMEM, LINE_NUL, LINE_ERROR };

/* Appends chunk bytes to *buf (growing it), or only counts them once the
 * line is known to be refused. */
static enum line_end keep(record_reader *r, char **buf, size_t *len, size_t *cap, size_t n,
                          enum line_end state)
{
    if (state != LINE_OK)
        return state;
    if (*len + n > r->max)
        return LINE_LONG;
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 4096;
        while (c < *len + n + 1)
            c *= 2;
        char *b = realloc(*buf, c);
        if (!b)
            return LINE_NOMEM;
        *buf = b;
        *cap = c;
    }
    memcpy(*buf + *len, r->chunk + r->at, n);
    *len += n;
    return LINE_OK;
}

/* One line of the stream into *buf (malloc'd), without its line end; a
 * line that cannot be kept is read to its end and passed over. */
static enum line_end read_line(record_reader *r, char **buf, size_t *len)
{
    size_t cap = 0;
    enum line_end state = LINE_OK;
    int any = 0;
    *buf = NULL;
    *len = 0;
    for (;;) {
        if (r->at == r->have) {
            int rc = refill(r);
            if (rc < 0)
                return LINE_ERROR;
            if (rc == 0)
                return any ? state : LINE_EOF;
        }
        any = 1;
        const char *from = r->chunk + r->at;
        size_t avail = r->have - r->at;
        const char *nl = memchr(from, '\n', avail);
        size_t n = nl ? (size_t)(nl - from) : avail;
        if (memchr(from, '\0', n))
            return LINE_NUL;
        state = keep(r, buf, len, &cap, n, state);
        r->at += n + (nl != NULL);
        if (nl)
            return state;
    }
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
        char *buf;
        size_t m;
        enum line_end e = read_line(r, &buf, &m);
        if (e == LINE_EOF) {
            free(buf);
            close_stream(r);
            continue;
        }
        r->line++;
        *line = r->line;
        if (e != LINE_OK) {
            free(buf);
            if (e == LINE_NUL || e == LINE_ERROR)
                close_stream(r);
            char what[160];
            if (e == LINE_LONG) {
                snprintf(what, sizeof what,
                         "record longer than %zu bytes, the most an input may hold; passed over",
                         r->max);
                return record_fail(err, GY_E_RECORD, *name, *line,
                                   "raise the limit with --max-input if such records are meant",
                                   what);
            }
            if (e == LINE_NOMEM)
                return record_fail(err, GY_E_INTERNAL, *name, *line,
                                   "lower --max-input, or give the process more memory",
                                   "no memory for this record; passed over");
            if (e == LINE_NUL)
                return record_fail(err, GY_E_BINARY, *name, *line,
                                   "a stream of records is text, one JSON object per line",
                                   "binary data (a NUL byte): the rest of the stream is not read");
            snprintf(what, sizeof what, "read error (%s): the rest of the stream is not read",
                     strerror(r->error ? r->error : EIO));
            return record_fail(err, GY_E_NOINPUT, *name, *line, "", what);
        }
        if (m && buf[m - 1] == '\r')
            m--;
        if (!buf || blank(buf, m)) {
            free(buf);
            continue;
        }
        buf[m] = '\0';
        *rec = buf;
        *len = m;
        return 1;
    }
    return 0;
}

void records_close(record_reader *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
}
