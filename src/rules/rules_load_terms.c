/* The terms concern: lists of formulations by category ("term|variant"),
 * blockers, and the numbered formulations' pattern composed from its word
 * lists (numerals, counters, heads). */
#include <stdlib.h>
#include <string.h>

#include "rules_load.h"

/* "供给侧结构性改革|供给侧改革": the term and its variants, into t. */
static int parse_term(gy_jobj *o, const cJSON *e, const char *category, gy_term_def *t)
{
    const char *s = cJSON_IsString(e) ? e->valuestring : NULL;
    if (!s || !*s || *s == '|' || strstr(s, "||") || s[strlen(s) - 1] == '|')
        return gy_rj_fail(o->ld, o->f, e, "write a term as \"term|variant|...\"",
                          "%s.lists.%s: each entry must be a term, its variants after |", o->path,
                          category);
    gy_arena *a = &o->ld->r->arena;
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == '|';
    t->variants = gy_arena_alloc(a, n * sizeof *t->variants);
    if (!t->variants)
        return gy_rj_fail(o->ld, o->f, e, NULL, "out of memory");
    t->nvariants = 0;
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, "|");
        const char *v = gy_arena_strndup(a, p, len);
        if (!v)
            return gy_rj_fail(o->ld, o->f, e, NULL, "out of memory");
        t->variants[t->nvariants++] = v;
        p += len + (p[len] == '|');
    }
    t->name = t->variants[0];
    t->category = category;
    o->ld->r->count += t->nvariants;
    return 0;
}

static int load_lists(gy_jobj *o, gy_terms_rules *tr)
{
    const cJSON *lists = gy_rj_field(o, "lists", 1);
    if (!lists)
        return -1;
    if (!cJSON_IsObject(lists))
        return gy_rj_fail(o->ld, o->f, lists, NULL, "%s.lists must be an object of arrays",
                          o->path);
    size_t n = 0;
    for (const cJSON *c = lists->child; c; c = c->next) {
        if (!cJSON_IsArray(c))
            return gy_rj_fail(o->ld, o->f, c, NULL, "%s.lists.%s must be an array of strings",
                              o->path, c->string);
        n += (size_t)cJSON_GetArraySize(c);
    }
    tr->terms = gy_arena_alloc(&o->ld->r->arena, (n ? n : 1) * sizeof *tr->terms);
    if (!tr->terms)
        return gy_rj_fail(o->ld, o->f, lists, NULL, "out of memory");
    for (const cJSON *c = lists->child; c; c = c->next) {
        const char *category = gy_arena_strndup(&o->ld->r->arena, c->string, strlen(c->string));
        for (const cJSON *e = c->child; e; e = e->next)
            if (!category || parse_term(o, e, category, &tr->terms[tr->n++]) != 0)
                return -1;
    }
    return 0;
}

static int load_blockers(gy_jobj *o, gy_terms_rules *tr)
{
    const cJSON *v = gy_rj_field(o, "blockers", 1);
    if (!v)
        return -1;
    if (!cJSON_IsArray(v))
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.blockers must be an array of strings",
                          o->path);
    tr->blockers = gy_arena_alloc(&o->ld->r->arena,
                                  ((size_t)cJSON_GetArraySize(v) + 1) * sizeof *tr->blockers);
    if (!tr->blockers)
        return gy_rj_fail(o->ld, o->f, v, NULL, "out of memory");
    for (const cJSON *e = v->child; e; e = e->next) {
        if (!cJSON_IsString(e) || !e->valuestring[0])
            return gy_rj_fail(o->ld, o->f, e, NULL, "%s.blockers: every element must be a word",
                              o->path);
        /* copied: the parsed file is freed after loading */
        tr->blockers[tr->nblockers] =
            gy_arena_strndup(&o->ld->r->arena, e->valuestring, strlen(e->valuestring));
        if (!tr->blockers[tr->nblockers++])
            return gy_rj_fail(o->ld, o->f, e, NULL, "out of memory");
    }
    return 0;
}

/* The words of array key as an alternation "(?:a|b|c)", longest first so
 * that 十一 is read before 十 (appended to buf); and as a lexicon. */
static int alternation(gy_jobj *o, const char *key, gy_lexicon *lx, char *buf, size_t size,
                       size_t *len)
{
    const cJSON *v = gy_rj_field(o, key, 1);
    if (!v)
        return -1;
    if (!cJSON_IsArray(v) || !v->child)
        return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s must be an array of words", o->path, key);
    if (buf) {
        *len += (size_t)snprintf(buf + *len, size - *len, "(?:");
        size_t first = *len;
        for (size_t want = 64; want > 0; want--)
            for (const cJSON *e = v->child; e; e = e->next) {
                if (!cJSON_IsString(e) || !e->valuestring[0] ||
                    strpbrk(e->valuestring, "\\()[]{}|.*+?^$"))
                    return gy_rj_fail(o->ld, o->f, e, NULL,
                                      "%s.%s: every element must be a plain word", o->path, key);
                if (strlen(e->valuestring) == want)
                    *len += (size_t)snprintf(buf + *len, size - *len, "%s%s",
                                             *len > first ? "|" : "", e->valuestring);
            }
        *len += (size_t)snprintf(buf + *len, size - *len, ")");
        if (*len >= size)
            return gy_rj_fail(o->ld, o->f, v, NULL, "%s.%s: too many words", o->path, key);
    }
    return gy_rj_lexicon(o, key, 1, lx);
}

/* A numbered formulation: a quoted one (“四个全面”: a numeral or digits,
 * a counter and a head of up to max_head_chars characters, or no counter
 * and up to bare_head_chars: “五位一体”, not “八仙过海各显神通”), tried
 * at each opening mark; or an unquoted one with a counter and a known head
 * (三大攻坚战), found from its head. */
static int load_numbered(gy_jobj *o, gy_terms_rules *tr)
{
    gy_jobj nb;
    size_t max_head = 0, bare_head = 0, ln = 0, lc = 0;
    char pat[8192], num[2048] = "", counters[1024] = "";
    if (gy_rj_open_member(o, "numbered", &nb) != 0 ||
        alternation(&nb, "numerals", &tr->numerals, num, sizeof num, &ln) != 0 ||
        alternation(&nb, "counters", &tr->counters, counters, sizeof counters, &lc) != 0 ||
        alternation(&nb, "heads", &tr->heads, NULL, 0, NULL) != 0 ||
        gy_rj_size(&nb, "max_head_chars", 1, 1, 40, &max_head) != 0 ||
        gy_rj_size(&nb, "bare_head_chars", 1, 1, 40, &bare_head) != 0)
        return -1;
    size_t len = (size_t)snprintf(pat, sizeof pat,
                                  "“(?<number>%s|[0-9]{1,2})(?:%s[^“”，。、；：\\s]{1,%zu}"
                                  "|[^“”，。、；：\\s]{1,%zu})”",
                                  num, counters, max_head, bare_head);
    if (len >= sizeof pat)
        return gy_rj_fail(nb.ld, nb.f, nb.node, NULL, "%s: the lists are too long", nb.path);
    if (gy_rj_compile_text(nb.ld, nb.f, nb.node, nb.path, "numbered", GY_RX_ANCHORED, pat,
                           &tr->quoted) != 0)
        return -1;
    return gy_rj_close(&nb);
}

int gy_load_terms(gy_loader *ld, const gy_rfile *f, const cJSON *node)
{
    gy_terms_rules *tr = &ld->r->terms;
    gy_jobj o;
    if (gy_rj_open(ld, f, node, "terms", &o) != 0 || load_lists(&o, tr) != 0 ||
        load_blockers(&o, tr) != 0 || load_numbered(&o, tr) != 0)
        return -1;
    return gy_rj_close(&o);
}
