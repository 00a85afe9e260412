/* The loaders of the concerns that read numbers: targets (units,
 * comparisons, kinds, subjects), times (patterns and the years they name)
 * and the indicator catalogue. */
#include <stdlib.h>
#include <string.h>

#include "rules_load.h"
#include "utf8.h"

/* ---- targets --------------------------------------------------------------- */

static int unit_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                     size_t index, void *out, void *ctx)
{
    static const char *const numerals[] = {"any", "arabic", "chinese"};
    gy_unit *u = out;
    gy_jobj o;
    if (gy_rj_open(ld, f, e, path, &o) != 0)
        return -1;
    const cJSON *un = gy_rj_field(&o, "unit", 1);
    if (!un)
        return -1;
    if (cJSON_IsNull(un))
        u->unit = NULL;
    else if (gy_rj_string(&o, "unit", 1, &u->unit) != 0)
        return -1;
    u->scale = 1.0;
    int counter = 0;
    if (gy_rj_number(&o, "scale", 0, 1e-12, 1e12, &u->scale) != 0 ||
        gy_rj_bool(&o, "more", &u->more) != 0 || gy_rj_bool(&o, "counter", &counter) != 0 ||
        gy_rj_bool(&o, "duration", &u->duration) != 0 ||
        gy_rj_choice(&o, "numerals", 0, numerals, 3, &u->numerals) != 0 ||
        gy_rj_words(&o, "words", 1, ctx, (int)index) != 0)
        return -1;
    u->measure = !counter;
    return gy_rj_close(&o);
}

typedef struct op_lists {
    gy_word_list before, after, clause;
} op_lists;

static int op_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                   size_t index, void *out, void *ctx)
{
    (void)index;
    (void)out;
    op_lists *ol = ctx;
    gy_jobj o;
    int op = 0;
    if (gy_rj_open(ld, f, e, path, &o) != 0 ||
        gy_rj_choice(&o, "op", 1, gy_op_names, GY_OP_WORDS, &op) != 0 ||
        gy_rj_words(&o, "before", 0, &ol->before, op) != 0 ||
        gy_rj_words(&o, "after", 0, &ol->after, op) != 0 ||
        gy_rj_words(&o, "clause", 0, &ol->clause, op) != 0)
        return -1;
    return gy_rj_close(&o);
}

static int load_ops(gy_jobj *o, gy_target_rules *t)
{
    op_lists ol;
    void *items;
    size_t nops;
    memset(&ol, 0, sizeof ol);
    if (gy_rj_array(o, "ops", 1, 1, op_elem, &ol, &items, &nops) != 0 ||
        gy_rj_build(o, &t->op_before, &ol.before) != 0 ||
        gy_rj_build(o, &t->op_after, &ol.after) != 0 ||
        gy_rj_build(o, &t->op_clause, &ol.clause) != 0)
        return -1;
    return 0;
}

static int load_kinds(gy_jobj *o, gy_target_rules *t)
{
    gy_jobj k;
    gy_word_list cues = {NULL, 0, 0};
    if (gy_rj_open_member(o, "kinds", &k) != 0 ||
        gy_rj_words(&k, "target", 1, &cues, GY_CUE_TARGET) != 0 ||
        gy_rj_words(&k, "fact", 1, &cues, GY_CUE_FACT) != 0 ||
        gy_rj_words(&k, "weak_fact", 0, &cues, GY_CUE_WEAK_FACT) != 0 ||
        gy_rj_words(&k, "neutral", 0, &cues, GY_CUE_NEUTRAL) != 0 ||
        gy_rj_build(&k, &t->kind_cues, &cues) != 0)
        return -1;
    return gy_rj_close(&k);
}

static int load_bounds(gy_jobj *o, gy_target_rules *t)
{
    gy_jobj b;
    gy_word_list wl = {NULL, 0, 0};
    if (gy_rj_open_member(o, "bounds", &b) != 0 ||
        gy_rj_words(&b, "hard", 1, &wl, GY_BOUND_HARD) != 0 ||
        gy_rj_words(&b, "ceiling", 1, &wl, GY_BOUND_CEILING) != 0 ||
        gy_rj_build(&b, &t->bound_words, &wl) != 0)
        return -1;
    return gy_rj_close(&b);
}

static int load_stretch(gy_jobj *o, gy_target_rules *t)
{
    gy_jobj st;
    if (gy_rj_open_member(o, "stretch", &st) != 0 ||
        gy_rj_lexicon(&st, "words", 1, &t->stretch_words) != 0 ||
        gy_rj_lexicon(&st, "verbs", 1, &t->stretch_verbs) != 0 ||
        gy_rj_lexicon(&st, "aspirations", 1, &t->aspirations) != 0)
        return -1;
    return gy_rj_close(&st);
}

/* targets.doubling: 翻一番 is a factor (2 倍), not a number of 番. */
static int load_doubling(gy_jobj *o, gy_target_rules *t)
{
    gy_jobj db;
    const char *unit = NULL;
    if (gy_rj_open_member(o, "doubling", &db) != 0 ||
        gy_rj_lexicon(&db, "before", 1, &t->doubling_before) != 0 ||
        gy_rj_lexicon(&db, "words", 1, &t->doubling_words) != 0 ||
        gy_rj_string(&db, "unit", 1, &unit) != 0 ||
        gy_rj_number(&db, "base", 1, 1.5, 100, &t->doubling_base) != 0)
        return -1;
    t->doubling_unit = -1;
    for (size_t k = 0; k < t->nunits; k++)
        if (t->units[k].unit && strcmp(t->units[k].unit, unit) == 0)
            t->doubling_unit = (int)k;
    if (t->doubling_unit < 0)
        return gy_rj_fail(db.ld, db.f, gy_rj_field(&db, "unit", 0), NULL,
                          "%s.unit: '%s' is no unit of targets.units", db.path, unit);
    return gy_rj_close(&db);
}

static int load_statements(gy_jobj *o, gy_target_rules *t)
{
    gy_jobj st;
    if (gy_rj_open_member(o, "statements", &st) != 0 ||
        gy_rj_lexicon(&st, "leads", 1, &t->statement_leads) != 0 ||
        gy_rj_lexicon(&st, "heads", 1, &t->statement_heads) != 0 ||
        gy_rj_pattern(&st, "no_goal", 1, GY_RX_SEARCHED, "no-goal", &t->no_goal) != 0 ||
        gy_rj_lexicon(&st, "no_goal_ends", 0, &t->no_goal_ends) != 0 ||
        gy_rj_size(&st, "no_goal_chars", 0, 1, 1000, &t->no_goal_chars) != 0)
        return -1;
    if (t->no_goal_ends.n && !t->no_goal_chars)
        return gy_rj_fail(st.ld, st.f, gy_rj_field(&st, "no_goal_ends", 0), NULL,
                          "%s.no_goal_ends needs no_goal_chars (the longest match)", st.path);
    if (t->no_goal.g_subject < 0)
        return gy_rj_fail(st.ld, st.f, gy_rj_field(&st, "no_goal", 0), NULL,
                          "%s.no_goal: the pattern needs a group (?<subject>...)", st.path);
    return gy_rj_close(&st);
}

/* An array of strings at v as a NULL-free array in the arena. */
static int string_array(gy_loader *ld, const gy_rfile *f, const cJSON *v, const char *path,
                        const char ***out, size_t *n)
{
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) < 1)
        return gy_rj_fail(ld, f, v, NULL, "%s must be an array of strings", path);
    *n = (size_t)cJSON_GetArraySize(v);
    *out = gy_arena_alloc(&ld->r->arena, *n * sizeof **out);
    if (!*out)
        return gy_rj_fail(ld, f, v, NULL, "out of memory");
    size_t i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        if (!cJSON_IsString(e))
            return gy_rj_fail(ld, f, e, NULL, "%s: every element must be a string", path);
        (*out)[i] = gy_arena_strndup(&ld->r->arena, e->valuestring, strlen(e->valuestring));
        if (!(*out)[i])
            return gy_rj_fail(ld, f, e, NULL, "out of memory");
    }
    return 0;
}

/* targets.subjects.expansions: an object of word -> list of words. */
static int load_expansions(gy_jobj *o, gy_subject_rules *s)
{
    const cJSON *v = gy_rj_field(o, "expansions", 1);
    if (!v)
        return -1;
    if (!cJSON_IsObject(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.expansions must be an object", o->path);
    size_t n = (size_t)cJSON_GetArraySize(v), i = 0;
    gy_word_list wl = {NULL, 0, 0};
    s->expansion = gy_arena_alloc(&o->ld->r->arena, (n ? n : 1) * sizeof *s->expansion);
    if (!s->expansion)
        return gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        const char *path = gy_rj_path(o->ld, o->path, "expansions", (long)i);
        if (string_array(o->ld, o->f, e, path, &s->expansion[i].items, &s->expansion[i].n) != 0 ||
            gy_words_add(&o->ld->r->arena, &wl, e->string, (int)i) != 0)
            return -1;
        o->ld->r->count++;
    }
    return gy_rj_build(o, &s->expansions, &wl);
}

static int load_subjects(gy_jobj *o, gy_subject_rules *s)
{
    gy_jobj sj;
    if (gy_rj_open_member(o, "subjects", &sj) != 0 ||
        gy_rj_lexicon(&sj, "skip_start", 1, &s->skip_start) != 0 ||
        gy_rj_lexicon(&sj, "skip_end", 1, &s->skip_end) != 0 ||
        gy_rj_lexicon(&sj, "not_nouns", 1, &s->not_nouns) != 0 ||
        gy_rj_lexicon(&sj, "change_words", 1, &s->change_words) != 0 ||
        gy_rj_lexicon(&sj, "level_after", 1, &s->level_after) != 0 ||
        gy_rj_string(&sj, "list_word", 1, &s->list_word) != 0 ||
        gy_rj_lexicon(&sj, "list_joiners", 1, &s->list_joiners) != 0 ||
        load_expansions(&sj, s) != 0 ||
        gy_rj_size(&sj, "max_chars", 1, 2, 1000, &s->max_chars) != 0)
        return -1;
    if (!s->list_word[0])
        return gy_rj_fail(o->ld, o->f, gy_rj_field(&sj, "list_word", 0), NULL,
                          "%s.list_word must not be empty", sj.path);
    return gy_rj_close(&sj);
}

int gy_load_targets(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_target_rules *t = &ld->r->targets;
    gy_jobj o;
    void *items;
    gy_word_list unit_words = {NULL, 0, 0};
    if (gy_rj_open(ld, f, node, "targets", &o) != 0 ||
        gy_rj_array(&o, "units", 1, sizeof(gy_unit), unit_elem, &unit_words, &items,
                    &t->nunits) != 0)
        return -1;
    t->units = items;
    if (gy_rj_build(&o, &t->unit_words, &unit_words) != 0 || load_ops(&o, t) != 0 ||
        gy_rj_lexicon(&o, "more", 1, &t->more_words) != 0 ||
        gy_rj_lexicon(&o, "ordinal_before", 1, &t->ordinal_before) != 0 ||
        gy_rj_lexicon(&o, "amount_before", 0, &t->amount_before) != 0 ||
        gy_rj_lexicon(&o, "span_amount_before", 1, &t->span_amount_before) != 0 ||
        gy_rj_lexicon(&o, "range_joiners", 1, &t->range_joiners) != 0 ||
        gy_rj_lexicon(&o, "minus_signs", 1, &t->minus_signs) != 0 ||
        gy_rj_lexicon(&o, "not_quantities", 1, &t->not_quantities) != 0 ||
        gy_rj_size(&o, "quote_max_chars", 1, 0, 1000, &t->quote_max_chars) != 0 ||
        gy_rj_size(&o, "context_chars", 1, 10, 100000, &t->context_chars) != 0 ||
        gy_rj_number(&o, "chinese_min_value", 1, 0, 1e6, &t->chinese_min_value) != 0 ||
        gy_rj_number(&o, "counter_min_value", 1, 0, 1e6, &t->counter_min_value) != 0 ||
        load_kinds(&o, t) != 0 || load_statements(&o, t) != 0 || load_bounds(&o, t) != 0 ||
        load_stretch(&o, t) != 0 || gy_rj_lexicon(&o, "estimates", 1, &t->estimate_words) != 0 ||
        load_doubling(&o, t) != 0 ||
        load_subjects(&o, &t->subjects) != 0)
        return -1;
    return gy_rj_close(&o);
}

/* ---- times ----------------------------------------------------------------- */

static int time_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                     size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_time_rule *t = out;
    gy_jobj o;
    const char *name = NULL;
    int kind = 0;
    if (gy_rj_open(ld, f, e, path, &o) != 0 || gy_rj_string(&o, "name", 1, &name) != 0 ||
        gy_rj_choice(&o, "kind", 1, gy_time_kind_names, GY_TIME_KIND_COUNT, &kind) != 0 ||
        gy_rj_pattern(&o, "pattern", 1, 1, name, &t->rx) != 0)
        return -1;
    t->kind = (enum gy_time_kind)kind;
    return gy_rj_close(&o);
}

/* times.years.offsets (and spans): an object of word -> whole number of
 * years from lo to hi, stored as the tag plus bias. */
static int load_offsets(gy_jobj *o, const char *key, int lo, int hi, int bias, gy_lexicon *lx)
{
    const cJSON *v = gy_rj_field(o, key, 1);
    if (!v)
        return -1;
    if (!cJSON_IsObject(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be an object", o->path, key);
    gy_word_list wl = {NULL, 0, 0};
    for (const cJSON *e = v->child; e; e = e->next) {
        if (!cJSON_IsNumber(e) || e->valuedouble != (int)e->valuedouble || e->valuedouble < lo ||
            e->valuedouble > hi)
            return gy_rj_fail(o->ld, o->f, e, NULL,
                              "%s.%s.%s must be a whole number of years from %d to %d", o->path,
                              key, e->string, lo, hi);
        if (gy_words_add(&o->ld->r->arena, &wl, e->string, (int)e->valuedouble + bias) != 0)
            return gy_rj_fail(o->ld, o->f, e, NULL, "out of memory");
        o->ld->r->count++;
    }
    return gy_rj_build(o, lx, &wl);
}

/* times.years.periods: an object of plan period -> [first year, last year]. */
static int load_periods(gy_jobj *o, gy_time_rules *t)
{
    const cJSON *v = gy_rj_field(o, "periods", 1);
    if (!v)
        return -1;
    if (!cJSON_IsObject(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.periods must be an object", o->path);
    size_t n = (size_t)cJSON_GetArraySize(v), i = 0;
    gy_word_list wl = {NULL, 0, 0};
    t->period_last = gy_arena_alloc(&o->ld->r->arena, (n ? n : 1) * sizeof *t->period_last);
    t->period_first = gy_arena_alloc(&o->ld->r->arena, (n ? n : 1) * sizeof *t->period_first);
    if (!t->period_last || !t->period_first)
        return gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        const cJSON *first = cJSON_GetArrayItem(e, 0), *last = cJSON_GetArrayItem(e, 1);
        if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 2 || !cJSON_IsNumber(first) ||
            !cJSON_IsNumber(last) || first->valuedouble > last->valuedouble)
            return gy_rj_fail(o->ld, o->f, e, NULL,
                              "%s.periods.%s must be [first year, last year]", o->path, e->string);
        t->period_last[i] = (int)last->valuedouble;
        t->period_first[i] = (int)first->valuedouble;
        if (gy_words_add(&o->ld->r->arena, &wl, e->string, (int)i) != 0)
            return gy_rj_fail(o->ld, o->f, e, NULL, "out of memory");
        o->ld->r->count++;
    }
    return gy_rj_build(o, &t->periods, &wl);
}

/* times.years.past and .future: the words of a time's tense. */
static int load_tense(gy_jobj *o, gy_lexicon *lx)
{
    gy_word_list wl = {NULL, 0, 0};
    if (gy_rj_words(o, "past", 1, &wl, -1) != 0 || gy_rj_words(o, "future", 1, &wl, 1) != 0)
        return -1;
    return gy_rj_build(o, lx, &wl);
}

static int load_years(gy_jobj *o, gy_time_rules *t)
{
    gy_jobj y;
    if (gy_rj_open_member(o, "years", &y) != 0 ||
        load_offsets(&y, "offsets", -100, 100, GY_YEAR_BIAS, &t->year_offsets) != 0 ||
        load_offsets(&y, "spans", 2, 100, 0, &t->spans) != 0 ||
        gy_rj_lexicon(&y, "part_words", 1, &t->part_words) != 0 || load_periods(&y, t) != 0 ||
        gy_rj_lexicon(&y, "base_before", 1, &t->base_before) != 0 ||
        gy_rj_size(&y, "head_chars", 1, 0, 200, &t->head_chars) != 0 ||
        gy_rj_lexicon(&y, "change_from", 1, &t->change_from) != 0 ||
        gy_rj_lexicon(&y, "ahead", 1, &t->ahead) != 0 || load_tense(&y, &t->tense_words) != 0 ||
        gy_rj_size(&y, "review_year_mentions", 1, 1, 100, &t->review_year_mentions) != 0)
        return -1;
    return gy_rj_close(&y);
}

int gy_load_times(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_time_rules *t = &ld->r->times;
    gy_jobj o;
    void *items;
    if (gy_rj_open(ld, f, node, "times", &o) != 0 ||
        gy_rj_array(&o, "patterns", 1, sizeof(gy_time_rule), time_elem, NULL, &items,
                    &t->npatterns) != 0 ||
        gy_rj_lexicon(&o, "triggers", 1, &t->triggers) != 0 ||
        gy_rj_lexicon(&o, "after_number", 0, &t->after_number) != 0 || load_years(&o, t) != 0)
        return -1;
    t->patterns = items;
    if (gy_rj_index(&o, "patterns", t->patterns ? &t->patterns->rx : NULL, sizeof *t->patterns,
                    t->npatterns, &t->index) != 0)
        return -1;
    return gy_rj_close(&o);
}

/* The scan for figures (extract_targets.c) looks further only at these
 * characters: every other one is passed over after one bit test. */
void gy_derive_scan_stops(gy_rules *r)
{
    gy_bmpset *s = &r->targets.scan_stops;
    memset(s, 0, sizeof *s);
    for (uint32_t cp = 0; cp < 0x10000; cp++)
        if (gy_is_digit(cp) || gy_is_numeral(cp) || gy_punct_roles(&r->punct, cp))
            gy_bmpset_add(s, cp);
    const gy_lexicon *tw = &r->times.triggers;
    for (size_t w = 0; w < tw->n; w++)
        gy_bmpset_add(s, tw->words[w].first);
    /* a number none of whose characters is in a not_quantities word lies
     * in none of them */
    const gy_lexicon *nq = &r->targets.not_quantities;
    memset(r->targets.not_quantity_chars, 0, sizeof r->targets.not_quantity_chars);
    for (size_t w = 0; w < nq->n; w++)
        for (size_t i = 0, len; i < nq->words[w].len; i += len) {
            size_t h = gy_bloom_bit(gy_utf8_at_valid(nq->words[w].s, i, nq->words[w].len, &len)) & 4095;
            r->targets.not_quantity_chars[h >> 6] |= UINT64_C(1) << (h & 63);
        }
}

/* ---- the indicator catalogue ------------------------------------------------ */

/* A part's name at p (after '{'): letters, digits and '_' up to '}'. */
static size_t part_name_len(const char *p)
{
    size_t n = 0;
    while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9') || p[n] == '_')
        n++;
    return n && p[n] == '}' ? n : 0;
}

static const char *part_text(const gy_indicator_rules *r, const char *name, size_t n)
{
    for (size_t k = 0; k < r->nparts; k++)
        if (strlen(r->part_names[k]) == n && memcmp(r->part_names[k], name, n) == 0)
            return r->part_texts[k];
    return NULL;
}

/* Appends s[0..n) to the byte vector v in arena a. */
static int append(gy_arena *a, gy_vec *v, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *c = gy_vec_push(a, v, 1);
        if (!c)
            return -1;
        *c = s[i];
    }
    return 0;
}

static int part_name_ok(const char *name)
{
    size_t n = 0;
    while ((name[n] >= 'a' && name[n] <= 'z') || (name[n] >= '0' && name[n] <= '9') ||
           name[n] == '_')
        n++;
    return n > 0 && !name[n];
}

/* pat with every {name} of a part written out as (?:its pattern), in the
 * rule set's arena; NULL with an error at v for an unknown part. */
static const char *expand_parts(gy_loader *ld, const gy_rfile *f, const cJSON *v,
                                const char *path, const char *pat)
{
    const gy_indicator_rules *r = &ld->r->indicators;
    gy_vec out = {NULL, 0, 0};
    for (const char *p = pat; *p; p++) {
        size_t n = p[0] == '{' ? part_name_len(p + 1) : 0;
        const char *text = n ? part_text(r, p + 1, n) : NULL;
        if (n && !text && !(p[1] >= '0' && p[1] <= '9')) {
            gy_rj_fail(ld, f, v, "the parts are defined in indicators.parts",
                       "%s: unknown part {%.*s}", path, (int)n, p + 1);
            return NULL;
        }
        if (p[0] == '\\' && p[1]) {
            if (append(&ld->r->arena, &out, p, 2) != 0)
                goto oom;
            p++;
        } else if (text) {
            if (append(&ld->r->arena, &out, "(?:", 3) != 0 ||
                append(&ld->r->arena, &out, text, strlen(text)) != 0 ||
                append(&ld->r->arena, &out, ")", 1) != 0)
                goto oom;
            p += n + 1;
        } else if (append(&ld->r->arena, &out, p, 1) != 0) {
            goto oom;
        }
    }
    if (append(&ld->r->arena, &out, "", 1) != 0)
        goto oom;
    return out.items;
oom:
    gy_rj_fail(ld, f, v, NULL, "out of memory");
    return NULL;
}

/* A catalogue pattern must match a whole subject (after its scope words
 * and fillers are set aside). */
static int pattern_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                        size_t index, void *out, void *ctx)
{
    (void)index;
    if (!cJSON_IsString(e))
        return gy_rj_fail(ld, f, e, NULL, "%s must be a string (a PCRE2 pattern)", path);
    const char *text = expand_parts(ld, f, e, path, e->valuestring);
    return text ? gy_rj_compile_text(ld, f, e, path, ctx, GY_RX_WHOLE, text, out) : -1;
}

/* indicators.parts: an object of name -> pattern, written out where a
 * catalogue pattern says {name}; a part may use the parts before it. */
static int load_parts(gy_jobj *o, gy_indicator_rules *r)
{
    const cJSON *v = gy_rj_field(o, "parts", 0);
    if (!v)
        return 0;
    if (!cJSON_IsObject(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.parts must be an object", o->path);
    size_t n = (size_t)cJSON_GetArraySize(v);
    r->part_names = gy_arena_alloc(&o->ld->r->arena, (n ? n : 1) * sizeof *r->part_names);
    r->part_texts = gy_arena_alloc(&o->ld->r->arena, (n ? n : 1) * sizeof *r->part_texts);
    if (!r->part_names || !r->part_texts)
        return gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
    for (const cJSON *e = v->child; e; e = e->next) {
        const char *path = gy_rj_path(o->ld, o->path, "parts", -1);
        size_t len = strlen(e->string);
        if (!cJSON_IsString(e) || !e->valuestring[0] || len == 0 ||
            !part_name_ok(e->string))
            return gy_rj_fail(o->ld, o->f, e, NULL,
                              "%s.%s must be a pattern, named with a-z, 0-9 and _", path,
                              e->string);
        const char *text = expand_parts(o->ld, o->f, e, path, e->valuestring);
        if (!text)
            return -1;
        r->part_names[r->nparts] = e->string;
        r->part_texts[r->nparts++] = text;
        o->ld->r->count++;
    }
    return 0;
}

static int indicator_elem(gy_loader *ld, const gy_rfile *f, const cJSON *e, const char *path,
                          size_t index, void *out, void *ctx)
{
    (void)index;
    (void)ctx;
    gy_indicator *in = out;
    gy_jobj o;
    void *items;
    if (gy_rj_open(ld, f, e, path, &o) != 0 || gy_rj_string(&o, "id", 1, &in->id) != 0 ||
        gy_rj_string(&o, "zh", 1, &in->zh) != 0 || gy_rj_string(&o, "en", 1, &in->en) != 0)
        return -1;
    const cJSON *units = gy_rj_field(&o, "units", 1);
    void *falls = NULL;
    size_t nfalls = 0;
    if (!units || string_array(ld, f, units, gy_rj_path(ld, path, "units", -1), &in->units,
                               &in->nunits) != 0 ||
        gy_rj_array(&o, "patterns", 1, sizeof(gy_rx), pattern_elem, (void *)in->id, &items,
                    &in->nrises) != 0 ||
        gy_rj_array(&o, "falls", 0, sizeof(gy_rx), pattern_elem, (void *)in->id, &falls,
                    &nfalls) != 0)
        return -1;
    if (!in->nrises)
        return gy_rj_fail(ld, f, e, NULL, "%s ('%s'): no patterns", path, in->id);
    /* one array, the falls after the patterns: the catalogue's index and
     * its search go through both */
    in->npatterns = in->nrises + nfalls;
    in->patterns = items;
    if (nfalls) {
        in->patterns = gy_arena_alloc(&ld->r->arena, in->npatterns * sizeof(gy_rx));
        if (!in->patterns)
            return gy_rj_fail(ld, f, e, NULL, "out of memory");
        memcpy(in->patterns, items, in->nrises * sizeof(gy_rx));
        memcpy(in->patterns + in->nrises, falls, nfalls * sizeof(gy_rx));
    }
    return gy_rj_close(&o);
}

/* A catalogue of up to GY_RXINDEX_MAX entries is indexed by the first
 * characters of its patterns; a larger one is tried entry by entry. */
static int index_catalogue(gy_loader *ld, const gy_rfile *f, const cJSON *node,
                           gy_indicator_rules *r)
{
    if (r->n > GY_RXINDEX_MAX)
        return 0;
    const gy_rx **groups = malloc((r->n ? r->n : 1) * sizeof *groups);
    size_t *sizes = malloc((r->n ? r->n : 1) * sizeof *sizes);
    int rc = groups && sizes ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < r->n; i++) {
        groups[i] = r->items[i].patterns;
        sizes[i] = r->items[i].npatterns;
    }
    if (rc == 0)
        rc = gy_rxindex_build_groups(&r->index, groups, sizes, r->n, &ld->r->arena);
    free(groups);
    free(sizes);
    if (rc != 0)
        return gy_rj_fail(ld, f, node, NULL, "out of memory");
    r->indexed = 1;
    return 0;
}

/* The distinct units of the catalogue: a figure in none of them names no
 * indicator, and its subject is not read for one. */
static int catalogue_units(gy_loader *ld, const gy_rfile *f, const cJSON *node,
                           gy_indicator_rules *r)
{
    size_t total = 0;
    for (size_t i = 0; i < r->n; i++)
        total += r->items[i].nunits;
    r->units = gy_arena_alloc(&ld->r->arena, (total ? total : 1) * sizeof *r->units);
    if (!r->units)
        return gy_rj_fail(ld, f, node, NULL, "out of memory");
    r->nunits = 0;
    for (size_t i = 0; i < r->n; i++)
        for (size_t u = 0; u < r->items[i].nunits; u++) {
            size_t k = 0;
            while (k < r->nunits && strcmp(r->units[k], r->items[i].units[u]) != 0)
                k++;
            if (k == r->nunits)
                r->units[r->nunits++] = r->items[i].units[u];
        }
    return 0;
}

int gy_load_indicators(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_indicator_rules *r = &ld->r->indicators;
    gy_jobj o;
    void *items;
    if (gy_rj_open(ld, f, node, "indicators", &o) != 0 ||
        gy_rj_lexicon(&o, "scopes", 1, &r->scopes) != 0 ||
        gy_rj_lexicon(&o, "fillers", 1, &r->fillers) != 0 ||
        gy_rj_lexicon(&o, "goal_words", 1, &r->goal_words) != 0 || load_parts(&o, r) != 0 ||
        gy_rj_lexicon(&o, "average_words", 1, &r->average_words) != 0 ||
        gy_rj_string(&o, "average_suffix", 1, &r->average_suffix) != 0 ||
        gy_rj_array(&o, "catalogue", 1, sizeof(gy_indicator), indicator_elem, NULL, &items,
                    &r->n) != 0)
        return -1;
    r->items = items;
    for (size_t i = 0; i < r->n; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(r->items[i].id, r->items[k].id) == 0)
                return gy_rj_fail(ld, f, node, NULL, "indicators.catalogue: id '%s' is given twice",
                                  r->items[i].id);
    if (index_catalogue(ld, f, node, r) != 0 || catalogue_units(ld, f, node, r) != 0)
        return -1;
    return gy_rj_close(&o);
}

