/* gangyao [analyze]: every input (files, or records of JSON Lines streams)
 * analyzed and written in input order.  With --jobs N the inputs are
 * analyzed and rendered on N threads, each into memory, and written by
 * this thread in order, so the output is byte for byte that of --jobs 1;
 * with one job they are written as they are analyzed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "batch.h"
#include "cli.h"
#include "inputs.h"
#include "progress.h"

enum { MAX_JOBS = 256 };

/* One input and what became of it. */
typedef struct job {
    const char *path;      /* the file, or the stream the record came from */
    int is_record;         /* a record of a stream, not a file */
    char *record;          /* owned: the record's line until it is read */
    size_t record_len;
    long line;             /* the record's line in its stream */
    size_t bytes;          /* size as stored */
    gy_source *src;
    gy_doc *doc;
    int failed;            /* err says why */
    gy_error err;
    char *meta;            /* owned: a failed record's other fields */
    void *entry;           /* owned: what a table across documents keeps of it
                              (gangyao panel, terms) */
    char *out, *msgs;      /* owned: what goes to stdout and stderr (threads) */
    size_t out_len, msgs_len;
} job;

typedef struct run_ctx {
    const settings *s;
    const gy_rules *rules;
    gy_render_options ro;
    enum command mode;     /* analyze, or a table across documents (panel, terms):
                              entries, not outputs, are made */
    int panel;             /* mode is panel */
    const gy_term_set *terms; /* gangyao terms: the formulations */
    gy_terms_options topt;
} run_ctx;

/* What a table across documents keeps of doc, made on any thread. */
static void *make_entry(const run_ctx *c, const gy_doc *doc, gy_error *err)
{
    if (c->mode == CMD_TERMS)
        return gy_terms_entry_new(doc, c->terms, &c->topt, err);
    return gy_panel_entry_new(doc, err);
}

static void free_entry(const run_ctx *c, void *entry)
{
    if (c->mode == CMD_TERMS)
        gy_terms_entry_free(entry);
    else
        gy_panel_entry_free(entry);
}

static void fail(job *j, FILE *msgs)
{
    j->failed = 1;
    gy_error_print(&j->err, msgs);
    size_t len;
    if (!j->meta && j->src && gy_source_meta(j->src, &len))
        j->meta = strdup(gy_source_meta(j->src, &len));
}

/* Loads and analyzes j; messages (the error, --lossy's warning) go to
 * msgs.  Returns 0, or -1 with j->err filled. */
static int prepare(const run_ctx *c, job *j, FILE *msgs)
{
    if (j->failed) { /* before it was read: a stream that cannot be opened */
        gy_error_print(&j->err, msgs);
        return -1;
    }
    gy_input_options in = {c->s->encoding, c->s->lossy, c->s->max_input};
    gy_error_clear(&j->err);
    if (j->record) {
        /* the record's line becomes the source's text: no copy of it */
        j->bytes = j->record_len;
        j->src = gy_source_take_record(j->path, j->line, j->record, j->record_len, &in, &j->meta,
                                       &j->err);
        j->record = NULL;
    } else {
        j->src = gy_source_load(j->path, &in, &j->err);
    }
    if (j->src) {
        if (!j->bytes)
            j->bytes = gy_source_raw_bytes(j->src);
        print_replacements(c->s, j->src, msgs);
        gy_analyze_options ao = {c->s->keep_noise, c->s->year, c->s->region, c->mode == CMD_TERMS};
        j->doc = gy_analyze(j->src, c->rules, &ao, &j->err);
    }
    if (!j->doc) {
        fail(j, msgs);
        return -1;
    }
    return 0;
}

/* The document's warnings on standard error: in text output only, since
 * the other formats hold them. */
static void print_warnings(const run_ctx *c, const job *j, FILE *msgs)
{
    if (c->s->quiet || (c->s->format != GY_FORMAT_TEXT && c->mode == CMD_ANALYZE))
        return;
    char buf[1024];
    for (size_t i = 0; i < gy_doc_warning_count(j->doc); i++) {
        /* a panel needs to know whose report of which year it is: only what
         * keeps a report out of it is said */
        const char *code = gy_doc_warning_code(j->doc, i);
        if (c->mode != CMD_ANALYZE && strcmp(code, "no-year") != 0 && strcmp(code, "no-region") != 0 &&
            strncmp(code, "region-", 7) != 0)
            continue;
        gy_doc_warning(j->doc, i, buf, sizeof buf);
        fputs("gangyao: ", msgs);
        gy_fput_shown(display_name(j->path), (size_t)-1, msgs);
        fputc(':', msgs);
        gy_fput_shown(buf, (size_t)-1, msgs);
        fputc('\n', msgs);
    }
}

static void release(job *j)
{
    gy_doc_free(j->doc);
    gy_source_free(j->src);
    j->doc = NULL;
    j->src = NULL;
}

/* On a worker thread: j analyzed and rendered into memory. */
static void work(void *ctx, void *item)
{
    const run_ctx *c = ctx;
    job *j = item;
    FILE *msgs = open_memstream(&j->msgs, &j->msgs_len);
    FILE *out = open_memstream(&j->out, &j->out_len);
    if (!msgs || !out) {
        gy_error_clear(&j->err);
        j->err.status = GY_E_INTERNAL;
        snprintf(j->err.message, sizeof j->err.message, "out of memory");
        j->failed = 1;
    } else if (prepare(c, j, msgs) == 0) {
        if (c->mode != CMD_ANALYZE ? !(j->entry = make_entry(c, j->doc, &j->err))
                                   : gy_render_part(j->doc, c->s->format, out, &c->ro, &j->err) != 0)
            fail(j, msgs);
        print_warnings(c, j, msgs);
    }
    release(j);
    if (msgs)
        fclose(msgs);
    if (out)
        fclose(out);
}

static void job_free(const run_ctx *c, job *j)
{
    release(j);
    free(j->record);
    free(j->meta);
    if (j->entry)
        free_entry(c, j->entry);
    free(j->out);
    free(j->msgs);
    free(j);
}

/* Where the inputs come from, one job at a time. */
typedef struct feeder {
    const settings *s;
    name_list names;
    size_t next;
    record_reader records;
} feeder;

/* The next job, NULL at the end (or when out of memory: *oom set). */
static job *next_job(feeder *f, int *oom)
{
    job *j = calloc(1, sizeof *j);
    if (!j) {
        *oom = 1;
        return NULL;
    }
    if (!f->s->records) {
        if (f->next == f->names.n) {
            free(j);
            return NULL;
        }
        j->path = f->names.names[f->next++];
        return j;
    }
    int rc = records_next(&f->records, &j->record, &j->record_len, &j->path, &j->line, &j->err);
    if (rc == 0) {
        free(j);
        return NULL;
    }
    j->is_record = 1;
    j->failed = rc < 0; /* a line or stream that cannot be read: its error is its record */
    return j;
}

/* The exit status so far and where output goes. */
typedef struct sink {
    gy_report *rep;
    gy_panel *panel;       /* gangyao panel: the entries, in input order */
    gy_terms *terms;       /* gangyao terms: likewise */
    int status;
    int stop;              /* output failed: nothing more can be written */
    progress prog;
} sink;

static void note_status(sink *k, int st)
{
    if (st != GY_OK && k->status == GY_OK)
        k->status = st;
    if (st == GY_E_OUTPUT)
        k->stop = 1;
}

static void to_stderr(sink *k, const char *s, size_t n)
{
    if (!n)
        return;
    progress_clear(&k->prog);
    fflush(stdout); /* where both go to one terminal or file, in order */
    fwrite(s, 1, n, stderr);
}

/* A failed input: its error record (JSON Lines), its status. */
static void emit_failure(sink *k, const job *j)
{
    gy_error e;
    gy_error_clear(&e);
    if (k->rep &&
        gy_report_add_error(k->rep, j->path, j->is_record ? j->line : 0, j->meta, &j->err, &e) != 0) {
        gy_error_print(&e, stderr);
        note_status(k, e.status);
    }
    note_status(k, j->err.status);
}

/* On this thread, in input order: a job done by a worker. */
static void emit(sink *k, job *j)
{
    to_stderr(k, j->msgs, j->msgs_len);
    if (j->failed && !j->msgs)
        gy_error_print(&j->err, stderr); /* no memory for its messages */
    if (j->failed) {
        emit_failure(k, j);
    } else {
        gy_error e;
        gy_error_clear(&e);
        int rc = k->panel   ? gy_panel_add(k->panel, j->entry, &e)
                 : k->terms ? gy_terms_add(k->terms, j->entry, &e)
                            : gy_report_add_part(k->rep, j->out, j->out_len, &e);
        j->entry = NULL; /* the panel's now, whatever happened */
        if (rc != 0) {
            gy_error_print(&e, stderr);
            note_status(k, e.status);
        }
    }
    progress_step(&k->prog, j->bytes);
}

/* One job at a time on this thread, written as it is analyzed. */
static void run_sequential(const run_ctx *c, feeder *f, sink *k)
{
    int oom = 0;
    job *j;
    while (!k->stop && (j = next_job(f, &oom))) {
        FILE *msgs = open_memstream(&j->msgs, &j->msgs_len);
        if (!msgs) {
            oom = 1;
            job_free(c, j);
            break;
        }
        int ok = prepare(c, j, msgs) == 0;
        if (ok)
            print_warnings(c, j, msgs);
        fclose(msgs);
        to_stderr(k, j->msgs, j->msgs_len);
        if (ok) {
            gy_error e;
            gy_error_clear(&e);
            void *entry = NULL;
            int rc = k->panel   ? !(entry = make_entry(c, j->doc, &e)) ||
                                      gy_panel_add(k->panel, entry, &e) != 0
                     : k->terms ? !(entry = make_entry(c, j->doc, &e)) ||
                                      gy_terms_add(k->terms, entry, &e) != 0
                                : gy_report_add(k->rep, j->doc, &e) != 0;
            if (rc) {
                gy_error_print(&e, stderr);
                note_status(k, e.status);
            }
        } else {
            emit_failure(k, j);
        }
        progress_step(&k->prog, j->bytes);
        job_free(c, j);
    }
    if (oom) {
        fputs("gangyao: out of memory\n", stderr);
        note_status(k, GY_E_INTERNAL);
    }
}

/* glibc serves an allocation above 128 KB with a mapping of its own and
 * returns a heap's free top to the system at once (each thread has a heap
 * of its own): a document's model and output, allocated and freed for every
 * input, would then cost a page fault for every page each time (on one
 * core, half of the time spent adding targets to a large model; on
 * threads, a third of the run in system time).  Some memory is kept for
 * reuse instead. */
static void keep_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
#endif
}

/* --jobs threads: this one and jobs - 1 workers, at most four jobs per
 * thread in flight.  This thread works on a job whenever the oldest is not
 * done yet, and writes the outputs in order. */
static void run_parallel(run_ctx *c, feeder *f, sink *k, unsigned jobs)
{
    batch *b = batch_start(jobs - 1, 4 * (size_t)jobs, work, c);
    if (!b) {
        run_sequential(c, f, k);
        return;
    }
    int oom = 0, more = 1;
    while (!k->stop && (more || batch_in_flight(b))) {
        while (more && batch_has_room(b)) {
            job *j = next_job(f, &oom);
            if (!j)
                more = 0;
            else
                batch_submit(b, j);
        }
        while (!batch_oldest_done(b) && batch_help(b))
            ;
        job *j = batch_take(b);
        if (j) {
            emit(k, j);
            job_free(c, j);
        }
    }
    for (job *j; (j = batch_take(b));)
        job_free(c, j); /* after an output error */
    batch_stop(b);
    if (oom) {
        fputs("gangyao: out of memory\n", stderr);
        note_status(k, GY_E_INTERNAL);
    }
}

static unsigned online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* --jobs, or the number of CPUs when there is more than one input. */
static unsigned job_count(const settings *s, size_t ninputs)
{
    if (s->jobs)
        return s->jobs;
    return s->records || ninputs > 1 ? online_cpus() : 1;
}

/* gangyao terms: the formulations of -e and --terms (one a line of FILE),
 * with or without the built-in list.  NULL after printing the error. */
static gy_term_set *load_terms(const settings *s, const gy_rules *rules, char **text)
{
    size_t n = s->nterms, len = 0;
    const char **extra = NULL;
    *text = NULL;
    if (s->terms_file) {
        FILE *f = strcmp(s->terms_file, "-") ? fopen(s->terms_file, "rb") : stdin;
        FILE *m = f ? open_memstream(text, &len) : NULL;
        char buf[4096];
        for (size_t r; m && (r = fread(buf, 1, sizeof buf, f)) > 0;)
            fwrite(buf, 1, r, m);
        int bad = !f || !m || ferror(f);
        if (m)
            fclose(m);
        if (f && f != stdin)
            fclose(f);
        if (bad) {
            fprintf(stderr, "gangyao: %s: cannot read the terms: %s\n", display_name(s->terms_file),
                    strerror(errno ? errno : EIO));
            free(*text);
            *text = NULL;
            return NULL;
        }
        for (size_t i = 0; i < len; i++)
            n += (*text)[i] == '\n';
        n++;
    }
    extra = calloc(n ? n : 1, sizeof *extra);
    if (!extra)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < s->nterms; i++)
        extra[k++] = s->terms[i];
    for (char *p = *text; p && *p;) { /* lines, without their ends and blanks */
        char *nl = strchr(p, '\n'), *next = nl ? nl + 1 : p + strlen(p);
        if (nl)
            *nl = '\0';
        size_t l = strlen(p);
        while (l && (p[l - 1] == '\r' || p[l - 1] == ' ' || p[l - 1] == '\t'))
            p[--l] = '\0';
        if (l && p[0] != '#')
            extra[k++] = p;
        p = next;
    }
    gy_error err;
    gy_error_clear(&err);
    gy_term_set *set = gy_term_set_new(rules, extra, k, s->terms_only, &err);
    if (!set)
        gy_error_print(&err, stderr);
    free(extra);
    return set;
}

/* gangyao terms, after the inputs: the table. */
static void finish_terms(const run_ctx *c, sink *k)
{
    gy_error err;
    gy_error_clear(&err);
    if (gy_terms_render(k->terms, c->s->format, stdout, &c->ro, &err) != 0) {
        gy_error_print(&err, stderr);
        note_status(k, err.status);
    }
}

/* gangyao panel, after the inputs: the table, and the panel's warnings. */
static void finish_panel(const run_ctx *c, sink *k)
{
    gy_error err;
    gy_error_clear(&err);
    if (gy_panel_render(k->panel, c->s->format, stdout, &c->ro, &err) != 0) {
        gy_error_print(&err, stderr);
        note_status(k, err.status);
    }
    for (size_t i = 0; !c->s->quiet && i < gy_panel_warning_count(k->panel); i++) {
        fputs("gangyao: warning: ", stderr);
        gy_fput_shown(gy_panel_warning(k->panel, i), (size_t)-1, stderr);
        fputc('\n', stderr);
    }
}

int run_analyze(const settings *s)
{
    feeder f;
    memset(&f, 0, sizeof f);
    f.s = s;
    int st = names_collect(s, &f.names);
    if (st != 0)
        return st;
    gy_rules *rules = load_rules(s);
    if (!rules) {
        names_free(&f.names);
        return GY_E_RULES;
    }
    records_open(&f.records, &f.names, s->max_input ? s->max_input : GY_DEFAULT_MAX_INPUT);
    size_t ninputs = s->records ? 0 : f.names.n;
    run_ctx c = {s, rules,
                 {s->show, use_color(s), s->compact, s->records || f.names.n > 1, s->records, s->bom},
                 s->cmd, s->cmd == CMD_PANEL, NULL, {s->context, s->since, s->top}};
    sink k;
    memset(&k, 0, sizeof k);
    gy_error err;
    gy_error_clear(&err);
    char *terms_text = NULL;
    gy_term_set *set = NULL;
    if (c.mode == CMD_TERMS && !(c.terms = set = load_terms(s, rules, &terms_text))) {
        records_close(&f.records);
        names_free(&f.names);
        gy_rules_free(rules);
        return GY_E_USAGE;
    }
    if (c.mode == CMD_PANEL)
        k.panel = gy_panel_new(&err);
    else if (c.mode == CMD_TERMS)
        k.terms = gy_terms_new(set, &c.topt, &err);
    else
        k.rep = gy_report_new(s->format, stdout, &c.ro, &err);
    if (!k.rep && !k.panel && !k.terms) {
        gy_error_print(&err, stderr);
        k.status = err.status;
    } else {
        progress_init(&k.prog, !s->quiet && isatty(STDERR_FILENO) && (s->records || ninputs > 1),
                      ninputs);
        unsigned jobs = job_count(s, ninputs);
        keep_memory();
        if (jobs > 1 && (s->records || ninputs > 1) &&
            (c.mode != CMD_ANALYZE || gy_format_in_parts(s->format)))
            run_parallel(&c, &f, &k, jobs);
        else
            run_sequential(&c, &f, &k);
        progress_clear(&k.prog);
        if (k.panel) {
            finish_panel(&c, &k);
        } else if (k.terms) {
            finish_terms(&c, &k);
        } else if (gy_report_finish(k.rep, &err) != 0) {
            gy_error_print(&err, stderr);
            note_status(&k, err.status);
        }
    }
    gy_panel_free(k.panel);
    gy_terms_free(k.terms);
    gy_term_set_free(set);
    free(terms_text);
    records_close(&f.records);
    names_free(&f.names);
    gy_rules_free(rules);
    return k.status;
}
