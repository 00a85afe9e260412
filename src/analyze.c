/* The analysis pipeline: tokenize, then the extraction stages in order,
 * into one document model. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "source.h"
#include "utf8.h"

int gy_doc_warn(gy_doc *d, size_t line, const char *code, const char *fmt, ...)
{
    gy_warning *w = gy_vec_push(&d->arena, &d->warnings, sizeof *w);
    if (!w)
        return -1;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    w->line = line;
    w->code = code;
    w->message = gy_arena_strndup(&d->arena, buf, strlen(buf));
    return w->message ? 0 : -1;
}

int gy_doc_line_live(const gy_doc *d, size_t i)
{
    return gy_line_has_text(&d->text.lines[i]) && !(d->flags[i] & GY_LINE_NOISE) &&
           d->content[i].start < d->content[i].end;
}

size_t gy_doc_section_at(const gy_doc *d, size_t off)
{
    const gy_section *s = GY_SECTIONS(d);
    size_t lo = 0, hi = d->sections.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* lo sections start at or before off; the last of them whose extent
     * holds off is the innermost. */
    size_t i = lo;
    while (i > 0) {
        if (off < s[i - 1].end)
            return i;
        i = s[i - 1].parent;
    }
    return 0;
}

size_t gy_doc_task_at(const gy_doc *d, size_t off)
{
    const gy_task *t = GY_TASKS(d);
    size_t lo = 0, hi = d->tasks.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Walk back from the last task starting before off: it, or one of its
     * ancestors, holds off if any task does. */
    size_t i = lo;
    while (i > 0) {
        if (off < t[i - 1].end)
            return i;
        size_t p = t[i - 1].parent;
        if (p) {
            i = p;
            continue;
        }
        /* a top-level task that ended before off: earlier top-level tasks
         * ended earlier still */
        return 0;
    }
    return 0;
}

size_t gy_slice_chars(const gy_doc *d, gy_slice sl)
{
    return sl.end > sl.start ? gy_utf8_count(d->s + sl.start, sl.end - sl.start) : 0;
}

/* Skips markup (HTML tags, escaped spaces) at both ends of each line, as the
 * markup rules say, so later stages see the words only. */
static void compute_content(gy_doc *d, const gy_rules *r, pcre2_match_data *md)
{
    for (size_t i = 0; i < d->text.nlines; i++) {
        const gy_line *l = &d->text.lines[i];
        size_t a = l->indent, b = l->trim;
        const char *sub = d->s + l->start;
        /* up to the trimmed end, so that no match runs into the trailing
         * spaces and leaves the content starting after its end */
        size_t sublen = l->trim - l->start;
        for (int moved = 1; moved && a < b;) {
            moved = 0;
            for (size_t k = 0; k < r->nskip; k++) {
                size_t ms, me;
                if (gy_rx_match(r, &r->skip[k], sub, sublen, a - l->start, md) &&
                    gy_rx_group(md, 0, &ms, &me) && me > ms) {
                    a = l->start + me;
                    moved = 1;
                    break;
                }
            }
        }
        /* trailing tags: try the skip patterns at the last '<' */
        while (b > a && d->s[b - 1] == '>') {
            const char *lt = NULL;
            for (size_t k = b - 1; k > a; k--)
                if (d->s[k - 1] == '<') {
                    lt = d->s + k - 1;
                    break;
                }
            if (!lt)
                break;
            size_t at = (size_t)(lt - d->s), ms, me, nb = b;
            for (size_t k = 0; k < r->nskip; k++)
                if (gy_rx_match(r, &r->skip[k], sub, sublen, at - l->start, md) &&
                    gy_rx_group(md, 0, &ms, &me) && l->start + me == b) {
                    nb = at;
                    break;
                }
            if (nb == b)
                break;
            b = nb;
            while (b > a && (d->s[b - 1] == ' ' || d->s[b - 1] == '\t'))
                b--;
        }
        d->content[i].start = a;
        d->content[i].end = b;
    }
}

/* Warnings in line order (insertion sort: stable, and the list is short). */
static void sort_warnings(gy_doc *d)
{
    gy_warning *w = d->warnings.items;
    for (size_t i = 1; i < d->warnings.len; i++) {
        gy_warning x = w[i];
        size_t j = i;
        while (j > 0 && w[j - 1].line > x.line) {
            w[j] = w[j - 1];
            j--;
        }
        w[j] = x;
    }
}

gy_doc *gy_analyze(const gy_source *src, const gy_rules *rules,
                   const gy_analyze_options *opt, gy_error *err)
{
    gy_doc *d = calloc(1, sizeof *d);
    if (!d) {
        gy_error_oom(err, src->name);
        return NULL;
    }
    gy_arena_init(&d->arena);
    d->src = src;
    d->s = gy_source_text(src, &d->len);
    d->keep_noise = opt ? opt->keep_noise : 0;
    pcre2_match_data *md = pcre2_match_data_create(rules->max_groups + 1, NULL);
    int fail = !md || gy_text_build_lines(&d->text, &d->arena, d->s, d->len) != 0;
    if (!fail) {
        size_t n = d->text.nlines ? d->text.nlines : 1;
        d->flags = gy_arena_alloc(&d->arena, n);
        d->content = gy_arena_alloc(&d->arena, n * sizeof *d->content);
        fail = !d->flags || !d->content;
    }
    if (!fail) {
        compute_content(d, rules, md);
        fail = gy_extract_noise(d, rules, md) != 0 ||
               gy_text_build_sentences(&d->text, &d->arena, d->flags) != 0 ||
               gy_extract_title(d, rules, md) != 0 ||
               gy_extract_sections(d, rules, md) != 0 || gy_extract_tasks(d, rules, md) != 0 ||
               gy_extract_targets(d, rules, md) != 0;
    }
    pcre2_match_data_free(md);
    if (!fail)
        sort_warnings(d);
    if (fail) {
        gy_error_oom(err, src->name);
        gy_doc_free(d);
        return NULL;
    }
    return d;
}

void gy_doc_free(gy_doc *d)
{
    if (!d)
        return;
    gy_arena_free(&d->arena);
    free(d);
}

size_t gy_doc_section_count(const gy_doc *d) { return d->sections.len; }
size_t gy_doc_task_count(const gy_doc *d) { return d->tasks.len; }
size_t gy_doc_target_count(const gy_doc *d) { return d->targets.len; }
size_t gy_doc_warning_count(const gy_doc *d) { return d->warnings.len; }

void gy_doc_warning(const gy_doc *d, size_t i, char *buf, size_t size)
{
    const gy_warning *w = &((const gy_warning *)d->warnings.items)[i];
    if (w->line)
        snprintf(buf, size, "%zu: warning: %s", w->line, w->message);
    else
        snprintf(buf, size, " warning: %s", w->message);
}
