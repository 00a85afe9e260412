/* The regions concern: the table of divisions ("code name short…", GB/T
 * 2260), indexed by code (for the parent of each) and by name (a lexicon
 * whose tag is a group of divisions sharing a name: 鼓楼区 is four). */
#include <stdlib.h>
#include <string.h>

#include "rules_load.h"

/* Level of a division from its code: 320000, 320100, 320102. */
static gy_level level_of(const char *code)
{
    if (strcmp(code + 2, "0000") == 0)
        return GY_LEVEL_PROVINCE;
    return strcmp(code + 4, "00") == 0 ? GY_LEVEL_PREFECTURE : GY_LEVEL_COUNTY;
}

static int by_code(const void *a, const void *b)
{
    return strcmp(((const gy_division *)a)->code, ((const gy_division *)b)->code);
}

static size_t find_code(const gy_region_rules *rr, const char *code)
{
    gy_division key = {code, NULL, GY_LEVEL_NONE, 0};
    const gy_division *d = bsearch(&key, rr->divs, rr->n, sizeof key, by_code);
    return d ? (size_t)(d - rr->divs) + 1 : 0;
}

/* A prefecture's parent is its province; a county's is its prefecture, or
 * the province where the prefecture is none (a municipality's districts,
 * counties under the province: 济源市). */
static void link_parents(gy_region_rules *rr)
{
    for (size_t i = 0; i < rr->n; i++) {
        gy_division *d = &rr->divs[i];
        char code[7];
        memcpy(code, d->code, 7);
        if (d->level == GY_LEVEL_COUNTY) {
            memcpy(code + 4, "00", 2);
            d->parent = find_code(rr, code);
        }
        if (d->level != GY_LEVEL_PROVINCE && !d->parent) {
            memcpy(code + 2, "0000", 4);
            d->parent = find_code(rr, code);
        }
    }
}

/* "320000 江苏省 江苏": the code, the full name and any short names, each
 * name an arena string; the short names go to shorts[0..*nshort). */
static int parse_division(gy_jobj *o, const cJSON *e, gy_division *d, const char **shorts,
                          size_t *nshort)
{
    const char *s = cJSON_IsString(e) ? e->valuestring : NULL;
    size_t k = 0;
    while (s && k < 6 && s[k] >= '0' && s[k] <= '9')
        k++;
    if (!s || k != 6 || s[6] != ' ' || s[7] == ' ' || !s[7])
        return gy_rj_fail(o->ld, o->f, e, "each division is \"code name\", such as "
                          "\"320000 江苏省 江苏\"",
                          "%s.divisions: expected six digits, a space and a name", o->path);
    gy_arena *a = &o->ld->r->arena;
    d->code = gy_arena_strndup(a, s, 6);
    d->level = level_of(d->code);
    const char *p = s + 7;
    *nshort = 0;
    for (int first = 1; *p; first = 0) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        char *name = n ? gy_arena_strndup(a, p, n) : NULL;
        if (!n || !name || (!first && *nshort == 4))
            return gy_rj_fail(o->ld, o->f, e, NULL, "%s.divisions: '%s': %s", o->path, s,
                              !n ? "two spaces" : !name ? "out of memory"
                                                         : "more than four short names");
        if (first)
            d->name = name;
        else
            shorts[(*nshort)++] = name;
        p += n + (sp != NULL);
    }
    if (strcmp(d->code, "000000") == 0)
        return gy_rj_fail(o->ld, o->f, e, NULL, "%s.divisions: 000000 is the nation's code "
                          "(national.code)", o->path);
    return 0;
}

/* A division while the table is built: its short names come along when
 * it is sorted. */
typedef struct entry {
    gy_division d;
    const char *shorts[4];
    size_t nshort;
} entry;

static int entry_by_code(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->d.code, ((const entry *)b)->d.code);
}

typedef struct named {
    const char *name;
    size_t index;
} named;

static int by_name(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Groups the divisions by name; each group's full name, and the short
 * names of its members, become words of the lexicon with the group as tag. */
static int index_names(gy_jobj *o, gy_region_rules *rr, const entry *es)
{
    gy_arena *a = &o->ld->r->arena;
    rr->members = gy_arena_alloc(a, (rr->n ? rr->n : 1) * sizeof *rr->members);
    rr->group_start = gy_arena_alloc(a, (rr->n + 1) * sizeof *rr->group_start);
    named *order = malloc((rr->n ? rr->n : 1) * sizeof *order);
    if (!rr->members || !rr->group_start || !order) {
        free(order);
        return gy_rj_fail(o->ld, o->f, o->node, NULL, "out of memory");
    }
    for (size_t i = 0; i < rr->n; i++)
        order[i] = (named){rr->divs[i].name, i};
    gy_sort(order, rr->n, sizeof *order, by_name);
    gy_word_list wl = {NULL, 0, 0};
    int rc = 0;
    for (size_t i = 0; i < rr->n && rc == 0; i++) {
        rr->members[i] = order[i].index;
        if (i == 0 || strcmp(order[i].name, order[i - 1].name) != 0) {
            rr->group_start[rr->ngroups++] = i;
            rc = gy_words_add(a, &wl, order[i].name, (int)rr->ngroups - 1);
        }
        const entry *e = &es[order[i].index];
        for (size_t k = 0; k < e->nshort && rc == 0; k++)
            rc = gy_words_add(a, &wl, e->shorts[k], (int)rr->ngroups - 1);
    }
    free(order);
    if (rc != 0)
        return gy_rj_fail(o->ld, o->f, o->node, NULL, "out of memory");
    rr->group_start[rr->ngroups] = rr->n;
    return gy_rj_build(o, &rr->names, &wl);
}

static int load_divisions(gy_jobj *o, gy_region_rules *rr)
{
    const cJSON *v = gy_rj_field(o, "divisions", 1);
    if (!v)
        return -1;
    if (!cJSON_IsArray(v) || !v->child)
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.divisions must be an array of strings",
                          o->path);
    size_t n = (size_t)cJSON_GetArraySize(v);
    entry *es = calloc(n, sizeof *es);
    rr->divs = gy_arena_alloc(&o->ld->r->arena, n * sizeof *rr->divs);
    int rc = es && rr->divs ? 0 : gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
    size_t i = 0;
    for (const cJSON *e = v->child; e && rc == 0; e = e->next, i++) {
        rc = parse_division(o, e, &es[i].d, es[i].shorts, &es[i].nshort);
        o->ld->r->count++;
    }
    if (rc == 0) {
        /* the table as shipped is in code order: sorted only when not */
        size_t in_order = 1;
        while (in_order < n && entry_by_code(&es[in_order - 1], &es[in_order]) <= 0)
            in_order++;
        if (in_order < n)
            gy_sort(es, n, sizeof *es, entry_by_code);
        for (size_t k = 0; k < n && rc == 0; k++) {
            rr->divs[k] = es[k].d;
            if (k && strcmp(es[k].d.code, es[k - 1].d.code) == 0)
                rc = gy_rj_fail(o->ld, o->f, v, NULL, "%s.divisions: code %s given twice",
                                o->path, es[k].d.code);
        }
    }
    if (rc == 0) {
        rr->n = n;
        link_parents(rr);
        rc = index_names(o, rr, es);
    }
    free(es);
    return rc;
}

static int load_national(gy_jobj *o, gy_region_rules *rr)
{
    gy_jobj nat;
    const char *name = NULL, *code = NULL;
    if (gy_rj_open_member(o, "national", &nat) != 0 ||
        gy_rj_string(&nat, "name", 1, &name) != 0 || gy_rj_string(&nat, "code", 1, &code) != 0 ||
        gy_rj_lexicon(&nat, "words", 1, &rr->national_words) != 0)
        return -1;
    rr->national.name = name;
    rr->national.code = code;
    rr->national.level = GY_LEVEL_NATIONAL;
    return gy_rj_close(&nat);
}

int gy_load_regions(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_region_rules *rr = &ld->r->regions;
    gy_jobj o;
    if (gy_rj_open(ld, f, node, "regions", &o) != 0 || load_national(&o, rr) != 0 ||
        gy_rj_lexicon(&o, "delegate_words", 1, &rr->delegate_words) != 0 ||
        gy_rj_size(&o, "delegate_within_chars", 0, 0, (size_t)1 << 30, &rr->delegate_within) != 0 ||
        gy_rj_lexicon(&o, "needs_parent", 1, &rr->needs_parent) != 0 ||
        load_divisions(&o, rr) != 0)
        return -1;
    return gy_rj_close(&o);
}

const gy_division *gy_region_named(const gy_region_rules *rr, const char *s, size_t n,
                                   int *ambiguous)
{
    *ambiguous = 0;
    if (n == 6 && strspn(s, "0123456789") >= 6) {
        char code[7];
        memcpy(code, s, 6);
        code[6] = '\0';
        if (strcmp(code, rr->national.code) == 0)
            return &rr->national;
        size_t k = find_code(rr, code);
        return k ? &rr->divs[k - 1] : NULL;
    }
    if (n == strlen(rr->national.name) && memcmp(s, rr->national.name, n) == 0)
        return &rr->national;
    int w = gy_lex_at(&rr->names, s, 0, n);
    if (w < 0 || rr->names.words[w].len != n)
        return NULL;
    size_t g = (size_t)rr->names.words[w].tag;
    *ambiguous = rr->group_start[g + 1] - rr->group_start[g] > 1;
    return &rr->divs[rr->members[rr->group_start[g]]];
}
