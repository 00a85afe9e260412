/* The loaders of the rule concerns: each reads its part of a rule file into
 * its sub-struct of the rule set (rules.h), field by field, compiling
 * patterns and building lexicons.  Tuning numbers are required fields: the
 * built-in rule files are the one place that gives their values. */
#include "rules_load.h"

#include <string.h>

#include "utf8.h"

/* ---- markup and punctuation ------------------------------------------------ */

static int skip_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                     size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    return gy_rj_compile(ld, f, e, path, NULL, 1, out);
}

static int load_markup(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_markup_rules *m = &ld->r->markup;
    gy_jobj o;
    void *items;
    if (gy_rj_open(ld, f, node, "markup", &o) != 0 ||
        gy_rj_array(&o, "skip", 1, sizeof(gy_rx), skip_elem, NULL, &items, &m->nskip) != 0)
        return -1;
    m->skip = items;
    return gy_rj_close(&o);
}

static int load_paragraphs(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_paragraph_rules *p = &ld->r->paragraphs;
    gy_jobj o;
    if (gy_rj_open(ld, f, node, "paragraphs", &o) != 0 ||
        gy_rj_number(&o, "blank_separated_share", 1, 0, 1, &p->blank_separated_share) != 0 ||
        gy_rj_size(&o, "max_gap_lines", 1, 0, 100, &p->max_gap_lines) != 0 ||
        gy_rj_lexicon(&o, "open_ends", 1, &p->open_ends) != 0 ||
        gy_rj_lexicon(&o, "weak_open_ends", 1, &p->weak_open_ends) != 0 ||
        gy_rj_lexicon(&o, "closing_starts", 1, &p->closing_starts) != 0)
        return -1;
    return gy_rj_close(&o);
}

/* Gives each one-character string of array field key the roles. */
static int punct_marks(gy_jobj *o, const char *key, unsigned roles)
{
    const cJSON *v = gy_rj_field(o, key, 1);
    if (!v)
        return -1;
    if (!cJSON_IsArray(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be an array of strings", o->path,
                          key);
    for (const cJSON *e = v->child; e; e = e->next) {
        size_t n = cJSON_IsString(e) ? strlen(e->valuestring) : 0, len = 0;
        uint32_t cp = n ? gy_utf8_at(e->valuestring, 0, n, &len) : 0;
        if (!n || len != n)
            return gy_rj_fail(o->ld, o->f, e, NULL, "%s.%s: each element is one character",
                              o->path, key);
        if (gy_punct_add(&o->ld->r->punct, cp, roles) != 0)
            return gy_rj_fail(o->ld, o->f, e, NULL,
                              "%s.%s: too many marks outside the common blocks (U+0000-U+FFFF)",
                              o->path, key);
        o->ld->r->count++;
    }
    return 0;
}

static int load_punctuation(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_jobj o;
    gy_punct_init(&ld->r->punct);
    if (gy_rj_open(ld, f, node, "punctuation", &o) != 0 ||
        punct_marks(&o, "stop", GY_P_STOP) != 0 || punct_marks(&o, "semicolon", GY_P_SEMI) != 0 ||
        punct_marks(&o, "clause", GY_P_CLAUSE) != 0 || punct_marks(&o, "list", GY_P_LIST) != 0 ||
        punct_marks(&o, "colon", GY_P_COLON) != 0 || punct_marks(&o, "open", GY_P_OPEN) != 0 ||
        punct_marks(&o, "close", GY_P_CLOSE) != 0 || punct_marks(&o, "quotes", GY_P_QUOTE) != 0)
        return -1;
    return gy_rj_close(&o);
}

/* ---- noise and title -------------------------------------------------------- */

static int noise_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                      size_t index, void *out, void *ctx)
{
    static const char *const thens[] = {"line", "next", "rest"};
    (void)index;
    (void)ctx;
    gy_noise_rule *nr = out;
    gy_jobj o;
    const char *name = NULL;
    int then = GY_THEN_LINE;
    if (gy_rj_open(ld, f, e, path, &o) != 0 || gy_rj_string(&o, "name", 1, &name) != 0 ||
        gy_rj_pattern(&o, "pattern", 1, GY_RX_AT_FIRST, name, &nr->rx) != 0 ||
        gy_rj_choice(&o, "then", 0, thens, 3, &then) != 0)
        return -1;
    nr->then = (enum gy_then)then;
    return gy_rj_close(&o);
}

static int load_body(gy_jobj *o, gy_body_rules *b)
{
    gy_jobj bj;
    if (gy_rj_open_member(o, "body", &bj) != 0 ||
        gy_rj_size(&bj, "prose_chars", 1, 0, 10000, &b->prose_chars) != 0 ||
        gy_rj_size(&bj, "hard_max_chars", 1, 1, 10000, &b->hard_max_chars) != 0 ||
        gy_rj_pattern(&bj, "stamp", 1, 0, "stamp", &b->stamp) != 0 ||
        gy_rj_lexicon(&bj, "labels", 1, &b->labels) != 0 ||
        gy_rj_lexicon(&bj, "label_marks", 1, &b->label_marks) != 0 ||
        gy_rj_lexicon(&bj, "footer_words", 1, &b->footer_words) != 0 ||
        gy_rj_pattern(&bj, "lead_in", 1, 0, "lead_in", &b->lead_in) != 0 ||
        gy_rj_pattern(&bj, "headline", 1, 0, "headline", &b->headline) != 0 ||
        gy_rj_pattern(&bj, "site_suffix", 1, 0, "site_suffix", &b->site_suffix) != 0)
        return -1;
    return gy_rj_close(&bj);
}

static int load_noise(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_noise_rules *n = &ld->r->noise;
    gy_jobj o;
    void *items;
    if (gy_rj_open(ld, f, node, "noise", &o) != 0 ||
        gy_rj_size(&o, "max_chars", 1, 1, 100000, &n->max_chars) != 0 ||
        gy_rj_number(&o, "tail_share", 1, 0.0, 1.0, &n->tail_share) != 0 ||
        gy_rj_size(&o, "duplicate_min_chars", 1, 1, 100000, &n->duplicate_min_chars) != 0 ||
        gy_rj_size(&o, "echo_max_chars", 1, 0, 1000, &n->echo_max_chars) != 0 ||
        gy_rj_size(&o, "echo_max_noise", 1, 0, 1000000, &n->echo_max_noise) != 0 ||
        gy_rj_bool(&o, "filler_lines", &n->filler_lines) != 0 || load_body(&o, &n->body) != 0 ||
        gy_rj_array(&o, "lines", 1, sizeof(gy_noise_rule), noise_elem, NULL, &items,
                    &n->nlines) != 0)
        return -1;
    n->lines = items;
    gy_rxset_init(&n->set, n->nlines ? &n->lines[0].rx : NULL, sizeof *n->lines, n->nlines);
    if (gy_rj_index(&o, "lines", n->nlines ? &n->lines[0].rx : NULL, sizeof *n->lines, n->nlines,
                    &n->index) != 0)
        return -1;
    for (size_t k = 0; k < n->nlines; k++)
        if (n->lines[k].rx.at_first)
            n->at_first |= UINT64_C(1) << k;
    return gy_rj_close(&o);
}

/* A named pattern that must have the group ctx names (title for a title
 * line, occasion for a byline). */
static int grouped_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                        size_t index, void *out, void *ctx)
{
    (void)index;
    const char *group = ctx;
    gy_rx *rx = out;
    gy_jobj o;
    const char *name = NULL;
    if (gy_rj_open(ld, f, e, path, &o) != 0 || gy_rj_string(&o, "name", 1, &name) != 0 ||
        gy_rj_pattern(&o, "pattern", 1, 0, name, rx) != 0)
        return -1;
    if (gy_rx_group_number(rx, group) < 0)
        return gy_rj_fail(ld, f, e, NULL, "%s ('%s'): the pattern needs a group (?<%s>...)", path,
                          name, group);
    return gy_rj_close(&o);
}

static int load_title(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_title_rules *t = &ld->r->title;
    gy_jobj o;
    void *items, *bylines;
    if (gy_rj_open(ld, f, node, "title", &o) != 0 ||
        gy_rj_size(&o, "head_lines", 1, 1, 1000, &t->head_lines) != 0 ||
        gy_rj_size(&o, "min_chars", 1, 1, 1000, &t->min_chars) != 0 ||
        gy_rj_size(&o, "max_chars", 1, 1, 1000, &t->max_chars) != 0 ||
        gy_rj_size(&o, "body_chars", 1, 1, 100000, &t->body_chars) != 0 ||
        gy_rj_ordered(&o, "min_chars", t->min_chars, "max_chars", t->max_chars) != 0 ||
        gy_rj_pattern(&o, "salutation", 1, 0, "salutation", &t->salutation) != 0 ||
        gy_rj_array(&o, "lines", 1, sizeof(gy_rx), grouped_elem, "title", &items, &t->nlines) != 0 ||
        gy_rj_array(&o, "bylines", 0, sizeof(gy_rx), grouped_elem, "occasion", &bylines,
                    &t->nbylines) != 0 ||
        gy_rj_pattern(&o, "occasion", 1, 0, "occasion", &t->occasion) != 0 ||
        gy_rj_pattern(&o, "opening", 1, GY_RX_ANCHORED, "opening", &t->opening) != 0 ||
        gy_rj_pattern(&o, "occasion_continued", 0, 0, "occasion_continued",
                      &t->occasion_continued) != 0 ||
        gy_rj_pattern(&o, "speaker", 1, 0, "speaker", &t->speaker) != 0 ||
        gy_rj_pattern(&o, "name", 0, 0, "name", &t->name) != 0)
        return -1;
    t->lines = items;
    t->bylines = bylines;
    if (t->speaker.g_speaker < 0)
        return gy_rj_fail(ld, f, node, NULL, "title.speaker needs a group (?<speaker>...)");
    return gy_rj_close(&o);
}

/* ---- sections ------------------------------------------------------------ */

static int marker_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                       size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_section_marker *m = out;
    gy_jobj o;
    const char *name = NULL;
    double rank = 0;
    if (gy_rj_open(ld, f, e, path, &o) != 0 || gy_rj_string(&o, "name", 1, &name) != 0 ||
        gy_rj_pattern(&o, "pattern", 1, 1, name, &m->rx) != 0 ||
        gy_rj_number(&o, "rank", 1, 0, 100, &rank) != 0)
        return -1;
    m->rank = (int)rank;
    return gy_rj_close(&o);
}

static int load_sections(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_section_rules *s = &ld->r->sections;
    gy_jobj o, c, roles;
    void *items;
    const char *name = "closing";
    size_t highest = 0, part_rank = 0;
    if (gy_rj_open(ld, f, node, "sections", &o) != 0 ||
        gy_rj_array(&o, "markers", 1, sizeof(gy_section_marker), marker_elem, NULL, &items,
                    &s->nmarkers) != 0)
        return -1;
    s->markers = items;
    if (gy_rj_open_member(&o, "closing", &c) != 0 || gy_rj_string(&c, "name", 0, &name) != 0 ||
        gy_rj_pattern(&c, "pattern", 1, 1, name, &s->closing) != 0 || gy_rj_close(&c) != 0 ||
        gy_rj_open_member(&o, "roles", &roles) != 0 ||
        gy_rj_pattern(&roles, "review", 1, 0, "review", &s->role_review) != 0 ||
        gy_rj_pattern(&roles, "plan", 1, 0, "plan", &s->role_plan) != 0 ||
        gy_rj_close(&roles) != 0 ||
        gy_rj_size(&o, "heading_max_chars", 1, 1, 10000, &s->heading_max_chars) != 0 ||
        gy_rj_size(&o, "unnumbered_max_chars", 1, 1, 10000, &s->unnumbered_max_chars) != 0 ||
        gy_rj_size(&o, "part_below_rank", 1, 0, 100, &part_rank) != 0 ||
        gy_rj_size(&o, "paragraph_number_runs", 1, 1, 10000, &s->paragraph_runs) != 0 ||
        gy_rj_size(&o, "paragraph_number_above", 1, 1, 1000000, &highest) != 0)
        return -1;
    s->paragraph_max = (long)highest;
    s->part_below_rank = (int)part_rank;
    return gy_rj_close(&o);
}

/* ---- tasks ----------------------------------------------------------------- */

static int task_marker_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                            size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_task_marker *m = out;
    gy_jobj o;
    const char *name = NULL;
    if (gy_rj_open(ld, f, e, path, &o) != 0 || gy_rj_string(&o, "name", 1, &name) != 0 ||
        gy_rj_string(&o, "family", 1, &m->family) != 0 ||
        gy_rj_pattern(&o, "pattern", 1, 1, name, &m->rx) != 0 ||
        gy_rj_bool(&o, "directive", &m->directive) != 0)
        return -1;
    if (m->rx.g_number < 0)
        return gy_rj_fail(ld, f, e, NULL, "%s ('%s'): the pattern needs a group (?<number>...)",
                          path, name);
    return gy_rj_close(&o);
}

static int deadline_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                         size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    return gy_rj_compile(ld, f, e, path, "deadline", GY_RX_AT_FIRST, out);
}

/* tasks.directive: one lexicon for both intro lists, tagged GY_CUE_FACT
 * (describes) or GY_CUE_TARGET (asks for action); neutral words block
 * shorter matches. */
static int load_directive(gy_jobj *o, gy_task_rules *t)
{
    gy_jobj d;
    gy_word_list wl = {NULL, 0, 0};
    if (gy_rj_open_member(o, "directive", &d) != 0 ||
        gy_rj_lexicon(&d, "text_starts", 1, &t->text_starts) != 0 ||
        gy_rj_lexicon(&d, "text_starts_not", 0, &t->text_starts_not) != 0 ||
        gy_rj_words(&d, "intro_descriptive", 1, &wl, GY_CUE_FACT) != 0 ||
        gy_rj_words(&d, "intro_directive", 1, &wl, GY_CUE_TARGET) != 0 ||
        gy_rj_words(&d, "neutral", 0, &wl, GY_CUE_NEUTRAL) != 0 ||
        gy_rj_build(&d, &t->intro_cues, &wl) != 0 ||
        gy_rj_size(&d, "majority_min", 1, 1, 1000, &t->majority_min) != 0)
        return -1;
    return gy_rj_close(&d);
}

static int load_announce(gy_jobj *o, gy_task_rules *t)
{
    gy_jobj an;
    size_t lo = 0, hi = 0;
    if (gy_rj_open_member(o, "announce", &an) != 0 ||
        gy_rj_lexicon(&an, "counters", 1, &t->announce_counters) != 0 ||
        gy_rj_size(&an, "min", 1, 1, 1000, &lo) != 0 ||
        gy_rj_size(&an, "max", 1, 1, 1000, &hi) != 0 ||
        gy_rj_ordered(&an, "min", lo, "max", hi) != 0)
        return -1;
    t->announce_min = (long)lo;
    t->announce_max = (long)hi;
    return gy_rj_close(&an);
}

static int load_tasks(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_task_rules *t = &ld->r->tasks;
    gy_jobj o, dl;
    void *items;
    if (gy_rj_open(ld, f, node, "tasks", &o) != 0 ||
        gy_rj_lexicon(&o, "after", 1, &t->after) != 0 || load_announce(&o, t) != 0 ||
        gy_rj_array(&o, "markers", 1, sizeof(gy_task_marker), task_marker_elem, NULL, &items,
                    &t->nmarkers) != 0)
        return -1;
    for (size_t w = 0; w < t->after.n; w++)
        gy_charscan_add(&t->after_firsts, t->after.words[w].first);
    t->markers = items;
    if (gy_rj_index(&o, "markers", t->markers ? &t->markers->rx : NULL, sizeof *t->markers,
                    t->nmarkers, &t->marker_index) != 0)
        return -1;
    t->marker_starts_known = !t->marker_index.always;
    for (size_t i = 0; i < t->marker_index.n; i++)
        gy_bmpset_add(&t->marker_starts, t->marker_index.cps[i]);
    if (load_directive(&o, t) != 0 || gy_rj_open_member(&o, "deadline", &dl) != 0 ||
        gy_rj_array(&dl, "patterns", 1, sizeof(gy_rx), deadline_elem, NULL, &items,
                    &t->ndeadlines) != 0 ||
        gy_rj_close(&dl) != 0)
        return -1;
    t->deadlines = items;
    gy_rxset_init(&t->deadline_set, t->deadlines, sizeof *t->deadlines, t->ndeadlines);
    if (gy_rj_size(&o, "max_gap_paragraphs", 1, 0, 10000, &t->max_gap_paragraphs) != 0 ||
        gy_rj_size(&o, "intro_chars", 1, 0, 10000, &t->intro_chars) != 0)
        return -1;
    return gy_rj_close(&o);
}

static int load_scripts(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_script_rules *sc = &ld->r->scripts;
    gy_jobj o;
    gy_word_list wl = {NULL, 0, 0};
    if (gy_rj_open(ld, f, node, "scripts", &o) != 0 ||
        gy_rj_words(&o, "traditional_markers", 1, &wl, GY_SCRIPT_TRADITIONAL) != 0 ||
        gy_rj_words(&o, "simplified_markers", 0, &wl, GY_SCRIPT_SIMPLIFIED) != 0 ||
        gy_rj_build(&o, &sc->markers, &wl) != 0 ||
        gy_rj_size(&o, "min_markers", 1, 1, 1000000, &sc->min_markers) != 0 ||
        gy_rj_size(&o, "sample_bytes", 1, 1, (size_t)1 << 30, &sc->sample_bytes) != 0 ||
        gy_rj_string(&o, "opencc", 1, &sc->opencc) != 0)
        return -1;
    return gy_rj_close(&o);
}

static int conversion_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                           size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_unit_conversion *c = out;
    gy_jobj o;
    if (gy_rj_open(ld, f, e, path, &o) != 0 || gy_rj_string(&o, "unit", 1, &c->unit) != 0 ||
        gy_rj_string(&o, "to", 1, &c->to) != 0 ||
        gy_rj_number(&o, "factor", 1, 1e-12, 1e12, &c->factor) != 0)
        return -1;
    return gy_rj_close(&o);
}

/* Every word of lower_is_better names an indicator of the catalogue. */
static int known_indicators(gy_jobj *o, const gy_lexicon *lx, const gy_indicator_rules *ir)
{
    for (size_t i = 0; i < lx->n; i++) {
        size_t k = 0;
        while (k < ir->n && (strlen(ir->items[k].id) != lx->words[i].len ||
                             memcmp(ir->items[k].id, lx->words[i].s, lx->words[i].len) != 0))
            k++;
        if (k == ir->n)
            return gy_rj_fail(o->ld, o->f, gy_rj_field(o, "lower_is_better", 0), NULL,
                              "%s.lower_is_better: '%.*s' is no indicator of the catalogue",
                              o->path, (int)lx->words[i].len, lx->words[i].s);
    }
    return 0;
}

static int load_panel(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_panel_rules *p = &ld->r->panel;
    gy_jobj o;
    void *items;
    if (gy_rj_open(ld, f, node, "panel", &o) != 0 ||
        gy_rj_lexicon(&o, "lower_is_better", 1, &p->lower_is_better) != 0 ||
        known_indicators(&o, &p->lower_is_better, &ld->r->indicators) != 0 ||
        gy_rj_number(&o, "soft_tolerance", 1, 0, 1e12, &p->soft_tolerance) != 0 ||
        gy_rj_array(&o, "conversions", 1, sizeof(gy_unit_conversion), conversion_elem, NULL,
                    &items, &p->nconversions) != 0)
        return -1;
    p->conversions = items;
    return gy_rj_close(&o);
}

static int load_diff(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_diff_rules *d = &ld->r->diff;
    gy_jobj o;
    if (gy_rj_open(ld, f, node, "diff", &o) != 0 ||
        gy_rj_number(&o, "threshold", 1, 0.01, 1.0, &d->threshold) != 0 ||
        gy_rj_number(&o, "reworded_threshold", 1, 0.0, 1.0, &d->reworded_threshold) != 0 ||
        gy_rj_number(&o, "subject_threshold", 1, 0.01, 1.0, &d->subject_threshold) != 0 ||
        gy_rj_size(&o, "char_diff_max", 1, 0, 5000, &d->char_diff_max) != 0)
        return -1;
    return gy_rj_close(&o);
}

/* In the order they are loaded: punctuation first, as later concerns may
 * read it. */
const gy_concern gy_concerns[] = {
    {"punctuation", load_punctuation}, {"scripts", load_scripts}, {"markup", load_markup},
    {"paragraphs", load_paragraphs}, {"noise", load_noise},
    {"title", load_title}, {"sections", load_sections}, {"tasks", load_tasks},
    {"targets", gy_load_targets}, {"times", gy_load_times},
    {"indicators", gy_load_indicators}, {"regions", gy_load_regions}, {"panel", load_panel},
    {"terms", gy_load_terms}, {"diff", load_diff},
};
const size_t gy_nconcerns = sizeof gy_concerns / sizeof gy_concerns[0];
