/* The analysis pipeline: the line index, the markup and noise stages, the
 * sentence index of what is left, then the extraction stages in order, all
 * into one document model. */
#include <stdlib.h>

#include "error.h"
#include "extract.h"
#include "fold.h"
#include "source.h"

/* Allocates the per-line tables and the run's scratch state. */
static int prepare(gy_run *x, const gy_rules *r)
{
    gy_doc *d = x->d;
    x->r = r;
    x->md = pcre2_match_data_create(r->max_groups + 1, NULL);
    x->failed = gy_arena_alloc(&d->arena, r->ncodes ? r->ncodes : 1);
    x->mctx = pcre2_match_context_copy(r->mctx);
    x->limit = GY_MATCH_LIMIT;
    if (!x->md || !x->failed || !x->mctx || gy_text_build_lines(&d->text, &d->arena, d->s, d->len) != 0)
        return -1;
    size_t n = d->text.nlines ? d->text.nlines : 1;
    d->flags = gy_arena_alloc(&d->arena, n);
    d->content = gy_arena_alloc(&d->arena, n * sizeof *d->content);
    return d->flags && d->content ? 0 : -1;
}

static int run_stages(gy_run *x)
{
    gy_find_content(x);
    return gy_extract_noise(x) != 0 || gy_extract_title(x) != 0 ||
                   gy_extract_paragraphs(x) != 0 ||
                   gy_text_build_sentences(&x->d->text, &x->d->arena, &x->r->punct,
                                           x->d->flags, GY_LINE_NOISE | GY_LINE_JOINED,
                                           x->d->para_end) != 0 ||
                   gy_extract_sections(x) != 0 ||
                   gy_extract_tasks(x) != 0 ||
                   (!x->d->no_figures && gy_extract_targets(x) != 0) ||
                   gy_extract_years(x) != 0 ||
                   (!x->d->no_figures && gy_extract_goals(x) != 0) ||
                   gy_extract_region(x) != 0
               ? -1
               : 0;
}

/* The window of the text a string of the model was copied from: the
 * lines around line (1-based), or the head of the text. */
static void window(const gy_doc *d, size_t line, size_t *from, size_t *to)
{
    size_t first = line > 1 ? line - 1 : 0, last = line ? line + 3 : 40;
    if (!line)
        first = 0;
    *from = first < d->text.nlines ? d->text.lines[first].start : d->len;
    *to = last < d->text.nlines ? d->text.lines[last].start : d->len;
}

/* After the stages read the folded text: the model shows the text as
 * stored.  Slices point into it already; the strings the stages copied out
 * of the folded text (title, occasion, speaker, subjects, warnings) are
 * written again with the stored characters. */
static int unfold_model(gy_doc *d, const char *folded, const char *stored)
{
    d->s = stored;
    d->text.s = stored;
    size_t a, b;
    const char **head[] = {&d->title, &d->occasion, &d->speaker};
    for (size_t k = 0; k < 3; k++) {
        window(d, k == 0 ? d->title_line : 0, &a, &b);
        if (*head[k] && !(*head[k] = gy_unfold(&d->arena, *head[k], folded, stored, a, b)))
            return -1;
    }
    for (size_t i = 0; i < d->targets.len; i++) {
        gy_target *t = &GY_TARGETS(d)[i];
        size_t p = gy_doc_para_of(d, t->line - 1);
        a = d->content[p].start;
        b = t->text.start;
        if (t->subject && !(t->subject = gy_unfold(&d->arena, t->subject, folded, stored, a, b)))
            return -1;
    }
    gy_warning *w = d->warnings.items;
    for (size_t i = 0; i < d->warnings.len; i++) {
        window(d, w[i].line, &a, &b);
        if (w[i].line && !(w[i].message = gy_unfold(&d->arena, w[i].message, folded, stored, a, b)))
            return -1;
    }
    return 0;
}

/* The stages, on the text folded to simplified characters when it is
 * written in traditional ones. */
static int analyze_text(gy_run *x, const gy_rules *rules)
{
    gy_doc *d = x->d;
    char *folded = NULL;
    if (gy_fold_wanted(&rules->scripts, d->s, d->len) &&
        gy_fold(&rules->scripts, &d->arena, d->s, d->len, &folded) != 0)
        return -1;
    const char *stored = d->s;
    if (folded)
        d->s = folded;
    int rc = prepare(x, rules) != 0 || run_stages(x) != 0 ? -1 : 0;
    if (folded && rc == 0)
        rc = unfold_model(d, folded, stored);
    d->folded = folded;
    d->s = stored;
    d->text.s = stored;
    return rc;
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
    d->rules = rules;
    d->s = gy_source_text(src, &d->len);
    d->keep_noise = opt ? opt->keep_noise : 0;
    d->no_figures = opt ? opt->no_figures : 0;
    d->given_year = opt ? opt->year : 0;
    d->given_region = opt && opt->region && opt->region[0] ? opt->region : NULL;
    gy_run x = {d, rules, NULL, NULL, NULL, 0};
    int fail = analyze_text(&x, rules) != 0;
    pcre2_match_data_free(x.md);
    pcre2_match_context_free(x.mctx);
    if (fail) {
        gy_error_oom(err, src->name);
        gy_doc_free(d);
        return NULL;
    }
    gy_doc_sort_warnings(d);
    return d;
}
