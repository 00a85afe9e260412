/* The analysis pipeline: the line index, the markup and noise stages, the
 * sentence index of what is left, then the extraction stages in order, all
 * into one document model. */
#include <stdlib.h>

#include "error.h"
#include "extract.h"
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
                   gy_extract_tasks(x) != 0 || gy_extract_targets(x) != 0 ||
                   gy_extract_years(x) != 0 || gy_extract_goals(x) != 0 ||
                   gy_extract_region(x) != 0
               ? -1
               : 0;
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
    d->given_year = opt ? opt->year : 0;
    d->given_region = opt && opt->region && opt->region[0] ? opt->region : NULL;
    gy_run x = {d, rules, NULL, NULL, NULL, 0};
    int fail = prepare(&x, rules) != 0 || run_stages(&x) != 0;
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
