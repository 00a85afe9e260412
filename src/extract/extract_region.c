/* Region stage: which government wrote the report, read from the text and
 * never from the file's name.  The cues, most telling first: the occasion
 * (在江苏省第十四届人民代表大会…), the speaker's office (海拉尔区人民政府区长),
 * the title (2025年广西政府工作报告) and the clauses where the speaker
 * speaks for a government (我代表国务院).  The first cue that names a
 * division gives the region; the others may make it more specific (a
 * district of the city it names) or tell apart divisions of one name.
 * Where no cue names one, a national word (国务院, 全国人民代表大会) makes
 * the report national. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "source.h"

enum {
    MAX_CUES = 8,          /* occasion, speaker, title and a few delegate clauses */
    MAX_MATCHES = 32,      /* names found in the cues */
    DELEGATE_CHARS = 24,   /* a delegate clause is read this far at most */
    MAX_DELEGATES = 3
};

typedef struct cue {
    const char *s;
    size_t n;
    int deepens;           /* may make the region more specific */
} cue;

/* A name found in a cue: its group of divisions. */
typedef struct name_found {
    size_t group;
    size_t cue;
} name_found;

typedef struct finder {
    const gy_rules *r;
    const gy_region_rules *rr;
    cue cues[MAX_CUES];
    size_t ncues;
    name_found m[MAX_MATCHES];
    size_t nm;
} finder;

static void add_cue(finder *f, const char *s, size_t n, int deepens)
{
    if (s && n && f->ncues < MAX_CUES)
        f->cues[f->ncues++] = (cue){s, n, deepens};
}

static const gy_division *member(const gy_region_rules *rr, size_t group, size_t k)
{
    return &rr->divs[rr->members[rr->group_start[group] + k]];
}

static size_t group_size(const gy_region_rules *rr, size_t group)
{
    return rr->group_start[group + 1] - rr->group_start[group];
}

/* Is a an ancestor of d? */
static int ancestor(const gy_region_rules *rr, const gy_division *a, const gy_division *d)
{
    for (size_t p = d->parent; p; p = rr->divs[p - 1].parent)
        if (&rr->divs[p - 1] == a)
            return 1;
    return 0;
}

/* Does the group hold an ancestor of d? */
static int group_holds_ancestor(const gy_region_rules *rr, size_t group, const gy_division *d)
{
    for (size_t k = 0; k < group_size(rr, group); k++)
        if (ancestor(rr, member(rr, group, k), d))
            return 1;
    return 0;
}

/* Does some member of group hold an ancestor among the members of
 * parent_group (呼伦贝尔市 before 海拉尔区)? */
static int group_holds_ancestor_any(const gy_region_rules *rr, size_t parent_group, size_t group)
{
    for (size_t k = 0; k < group_size(rr, group); k++)
        if (group_holds_ancestor(rr, parent_group, member(rr, group, k)))
            return 1;
    return 0;
}

/* A two-character county-level name such as 城区 or 郊区 is a common word:
 * it names a division only right after a name of its prefecture. */
static int needs_parent(const finder *f, const gy_word *w, size_t group)
{
    const gy_region_rules *rr = f->rr;
    if (gy_utf8_count(w->s, w->len) > 2 || member(rr, group, 0)->level != GY_LEVEL_COUNTY)
        return 0;
    return gy_lex_ending_at(&rr->needs_parent, w->s, 0, w->len) >= 0;
}

/* The names of divisions in cue c, longest first at each place. */
static void scan_cue(finder *f, size_t c)
{
    const gy_region_rules *rr = f->rr;
    const char *s = f->cues[c].s;
    size_t n = f->cues[c].n, prev_end = (size_t)-1, prev_group = 0;
    for (size_t i = 0; i < n && f->nm < MAX_MATCHES;) {
        int w = gy_lex_at(&rr->names, s, i, n);
        if (w < 0) {
            size_t len;
            gy_utf8_decode_valid((const unsigned char *)s + i, n - i, &len);
            i += len;
            continue;
        }
        const gy_word *word = &rr->names.words[w];
        size_t group = (size_t)word->tag;
        int after_parent = prev_end == i && group_holds_ancestor_any(rr, prev_group, group);
        if (!needs_parent(f, word, group) || after_parent)
            f->m[f->nm++] = (name_found){group, c};
        prev_end = i + word->len;
        prev_group = group;
        i += word->len;
    }
}

/* The names of the cues that stand for ancestors of d. */
static size_t support(const finder *f, const gy_division *d)
{
    size_t n = 0;
    for (size_t j = 0; j < f->nm; j++)
        n += (size_t)group_holds_ancestor(f->rr, f->m[j].group, d);
    return n;
}

/* Of the divisions named in the first cue that names any, the one whose
 * ancestors the cues name most, then the most specific; NULL with
 * *tied set when two divisions are equally good. */
static const gy_division *choose(const finder *f, const gy_division **tied)
{
    const gy_region_rules *rr = f->rr;
    const gy_division *best = NULL;
    size_t best_support = 0;
    *tied = NULL;
    for (size_t j = 0; j < f->nm && f->m[j].cue == f->m[0].cue; j++)
        for (size_t k = 0; k < group_size(rr, f->m[j].group); k++) {
            const gy_division *d = member(rr, f->m[j].group, k);
            size_t sup = support(f, d);
            if (!best || sup > best_support || (sup == best_support && d->level > best->level)) {
                best = d;
                best_support = sup;
                *tied = NULL;
            } else if (sup == best_support && d->level == best->level && d != best) {
                *tied = d;
            }
        }
    return *tied ? NULL : best;
}

/* A division inside d that a later cue names (the district of the city
 * the occasion names), the most specific one; d itself when none. */
static const gy_division *deepen(const finder *f, const gy_division *d)
{
    const gy_region_rules *rr = f->rr;
    const gy_division *best = d;
    for (size_t j = 0; j < f->nm; j++) {
        if (!f->cues[f->m[j].cue].deepens || f->m[j].cue == f->m[0].cue)
            continue;
        for (size_t k = 0; k < group_size(rr, f->m[j].group); k++) {
            const gy_division *e = member(rr, f->m[j].group, k);
            if (e->level > best->level && ancestor(rr, d, e))
                best = e;
        }
    }
    return best;
}

/* The clauses after 我代表 (省人民政府, 国务院), a few of them. */
static void add_delegate_cues(finder *f, gy_doc *d)
{
    const gy_region_rules *rr = f->rr;
    size_t found = 0, read = 0;
    for (size_t i = 0; i < d->text.nlines && found < MAX_DELEGATES; i++) {
        if (!gy_doc_line_live(d, i))
            continue;
        gy_slice c = d->content[i];
        /* a report speaks for its government in its opening lines: the
         * rest of the text is not read (counted as ideographs, three bytes) */
        if (rr->delegate_within && read >= rr->delegate_within)
            break;
        read += (c.end - c.start) / 3;
        size_t at;
        for (size_t from = c.start; from < c.end && found < MAX_DELEGATES;) {
            int w = gy_lex_first_in(&rr->delegate_words, d->s, from, c.end, &at);
            if (w < 0)
                break;
            size_t start = at + rr->delegate_words.words[w].len, end = start, chars = 0;
            while (end < c.end && chars < DELEGATE_CHARS) {
                size_t len;
                if (gy_punct_at(&f->r->punct, d->s, end, c.end, &len) &
                    (GY_P_STOP | GY_P_SEMI | GY_P_CLAUSE))
                    break;
                end += len;
                chars++;
            }
            add_cue(f, d->s + start, end - start, 0);
            found++;
            from = end > start ? end : start + 1;
        }
    }
}

/* The document may outlive its rules: the name and code are copied. */
static int set_region(gy_doc *d, const gy_division *div)
{
    d->region_name = gy_arena_strndup(&d->arena, div->name, strlen(div->name));
    d->region_code = gy_arena_strndup(&d->arena, div->code, strlen(div->code));
    d->region_level = div->level;
    return d->region_name && d->region_code ? 0 : -1;
}

/* A region given by --region or the record's "region" field. */
static int given_region(gy_run *x, const char *name, size_t n, const char *by)
{
    gy_doc *d = x->d;
    int ambiguous;
    const gy_division *div = gy_region_named(&x->r->regions, name, n, &ambiguous);
    if (div && !ambiguous)
        return set_region(d, div);
    d->region_name = gy_arena_strndup(&d->arena, name, n);
    if (!d->region_name)
        return -1;
    return gy_doc_warn(d, 0, "region-given",
                       "%s '%.*s' %s: kept as given, without a code", by, (int)n, name,
                       ambiguous ? "names several divisions" : "is not in the table of divisions");
}

/* "110105 北京市朝阳区, 220104 长春市朝阳区": the places of a name. */
static void describe_group(const gy_region_rules *rr, const gy_division *d, char *buf,
                           size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t g = 0; g < rr->ngroups; g++) {
        if (strcmp(member(rr, g, 0)->name, d->name) != 0)
            continue;
        for (size_t k = 0; k < group_size(rr, g) && used < size; k++) {
            const gy_division *e = member(rr, g, k);
            const char *parent = e->parent ? rr->divs[e->parent - 1].name : "";
            used += (size_t)snprintf(buf + used, size - used, "%s%s %s%s", used ? ", " : "",
                                     e->code, parent, e->name);
        }
        break;
    }
}

int gy_extract_region(gy_run *x)
{
    gy_doc *d = x->d;
    if (d->given_region)
        return given_region(x, d->given_region, strlen(d->given_region), "--region");
    size_t len;
    char *field = d->src->meta ? gy_meta_member(d->src->meta, d->src->meta_len, "region", &len)
                               : NULL;
    if (field) {
        int rc = given_region(x, field, len, "the record's region");
        free(field);
        return rc;
    }
    finder f;
    memset(&f, 0, sizeof f);
    f.r = x->r;
    f.rr = &x->r->regions;
    if (!f.rr->n)
        return 0;
    add_cue(&f, d->occasion, d->occasion ? strlen(d->occasion) : 0, 1);
    add_cue(&f, d->speaker, d->speaker ? strlen(d->speaker) : 0, 1);
    add_cue(&f, d->title, d->title ? strlen(d->title) : 0, 1);
    add_delegate_cues(&f, d);
    for (size_t c = 0; c < f.ncues; c++)
        scan_cue(&f, c);
    if (f.nm) {
        const gy_division *tied, *div = choose(&f, &tied);
        if (div)
            return set_region(d, deepen(&f, div));
        char places[512];
        describe_group(f.rr, tied, places, sizeof places);
        return gy_doc_warn(d, 0, "region-ambiguous",
                           "%s names several divisions (%s) and nothing else in the text tells "
                           "which wrote it; give it with --region",
                           tied->name, places);
    }
    for (size_t c = 0; c < f.ncues; c++) {
        size_t at;
        if (gy_lex_first_in(&f.rr->national_words, f.cues[c].s, 0, f.cues[c].n, &at) >= 0)
            return set_region(d, &f.rr->national);
    }
    return gy_doc_warn(d, 0, "no-region",
                       "nothing in the text says which government wrote it (no division in its "
                       "occasion, speaker, title or a 我代表… clause); give it with --region");
}
