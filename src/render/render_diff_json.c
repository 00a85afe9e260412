/* The JSON reporter of diff (schema "gangyao-diff/2", docs/schema.md):
 * each pair with its status, similarity, both elements as the analysis
 * writes them, and what changed. */
#include <math.h>

#include "diff.h"
#include "jsonout.h"

typedef struct jchanges {
    gy_jw *w;
} jchanges;

static void json_emit(void *ctx, char op, const char *s, size_t len)
{
    gy_jw *w = ((jchanges *)ctx)->w;
    char opstr[2] = {op, '\0'};
    gy_jw_open_object(w);
    gy_jw_key(w, "op");
    gy_jw_cstr(w, opstr);
    gy_jw_key(w, "text");
    gy_jw_string(w, s, len);
    gy_jw_close_object(w);
}

/* The element of one side of a pair, or null. */
static void side(gy_jw *w, const char *key, const gy_doc *d, gy_element e, size_t index1)
{
    gy_jw_key(w, key);
    if (index1)
        gy_jw_element(w, d, e, index1 - 1);
    else
        gy_jw_null(w);
}

/* A work item: what it is, its marker, text and line. */
static void witem(gy_jw *w, const char *key, const gy_doc *d, const gy_witem *it)
{
    gy_jw_key(w, key);
    if (!it) {
        gy_jw_null(w);
        return;
    }
    gy_jw_open_object(w);
    gy_jw_key(w, "kind");
    gy_jw_cstr(w, it->heading ? "heading" : "task");
    gy_jw_key(w, "marker");
    gy_jw_string(w, d->s + it->marker.start, it->marker.end - it->marker.start);
    gy_jw_key(w, "text");
    gy_jw_string(w, d->s + it->text.start, it->text.end - it->text.start);
    gy_jw_key(w, "line");
    gy_jw_number(w, (double)it->line);
    gy_jw_close_object(w);
}

static int item_pair(gy_jw *w, const gy_diff *df, const gy_wlist *l, const gy_dpair *p)
{
    const gy_witem *x = gy_witem_old(l, p), *y = gy_witem_new(l, p);
    gy_jw_open_object(w);
    gy_jw_key(w, "status");
    gy_jw_cstr(w, gy_dstatus_names[p->status]);
    gy_jw_key(w, "similarity");
    if (x && y)
        gy_jw_number(w, round(p->sim * 1000.0) / 1000.0);
    else
        gy_jw_null(w);
    witem(w, "old", df->a, x);
    witem(w, "new", df->b, y);
    int rc = 0;
    if (x && y && p->status != GY_D_UNCHANGED) {
        jchanges c = {w};
        gy_jw_key(w, "changes");
        gy_jw_open_array(w);
        rc = gy_char_diff(df->a->s + x->text.start, x->text.end - x->text.start,
                          df->b->s + y->text.start, y->text.end - y->text.start,
                          df->char_diff_max, json_emit, &c);
        gy_jw_close_array(w);
    }
    gy_jw_close_object(w);
    return rc;
}

static void target_pair(gy_jw *w, const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    const gy_target *t = y ? y : x;
    char buf[256];
    gy_jw_open_object(w);
    gy_jw_key(w, "status");
    gy_jw_cstr(w, gy_dstatus_names[p->status]);
    gy_jw_key(w, "indicator");
    gy_jw_cstr(w, t->indicator);
    gy_jw_key(w, "subject");
    gy_jw_cstr(w, t->subject);
    gy_jw_key(w, "label");
    gy_jw_cstr(w, gy_diff_target_label(y ? df->b : df->a, t, buf, sizeof buf));
    gy_jw_key(w, "unit");
    gy_jw_cstr(w, t->unit);
    side(w, "old", df->a, GY_ELEM_TARGET, x ? df->ta[p->old_i - 1] + 1 : 0);
    side(w, "new", df->b, GY_ELEM_TARGET, y ? df->tb[p->new_i - 1] + 1 : 0);
    side(w, "outcome", df->b, GY_ELEM_TARGET, p->outcome);
    gy_jw_key(w, "changes");
    gy_jw_open_inline_array(w);
    for (int k = 0; k < GY_CH_COUNT; k++)
        if (p->changes & (1u << k))
            gy_jw_cstr(w, gy_change_names[k]);
    gy_jw_close_array(w);
    gy_jw_close_object(w);
}

static void counts(gy_jw *w, const char *key, const size_t *n)
{
    gy_jw_key(w, key);
    gy_jw_open_object(w);
    for (int st = GY_D_UNCHANGED; st < GY_D_COUNT; st++) {
        gy_jw_key(w, gy_dstatus_names[st]);
        gy_jw_number(w, (double)n[st]);
    }
    gy_jw_close_object(w);
}

static void list_counts(gy_jw *w, const char *key, const gy_plist *l)
{
    size_t n[GY_D_COUNT];
    for (int st = 0; st < GY_D_COUNT; st++)
        n[st] = gy_plist_count(l, (gy_dstatus)st);
    counts(w, key, n);
}

static void goal_counts(gy_jw *w, const char *key, const gy_diff *df, int headline)
{
    size_t n[GY_D_COUNT] = {0};
    for (size_t i = 0; i < df->targets.n; i++)
        if (gy_diff_headline(df, &df->targets.p[i]) == headline)
            n[df->targets.p[i].status]++;
    counts(w, key, n);
}

static int item_list(gy_jw *w, const char *key, const gy_diff *df, const gy_wlist *l)
{
    int rc = 0;
    gy_jw_key(w, key);
    gy_jw_open_array(w);
    for (size_t i = 0; i < l->pairs.n && rc == 0; i++)
        rc = item_pair(w, df, l, &l->pairs.p[i]);
    gy_jw_close_array(w);
    return rc;
}

static void header(gy_jw *w, const gy_diff *df)
{
    gy_jw_key(w, "schema");
    gy_jw_cstr(w, "gangyao-diff/2");
    gy_jw_member_element(w, "old", df->a, GY_ELEM_SOURCE, 0);
    gy_jw_member_element(w, "new", df->b, GY_ELEM_SOURCE, 0);
    gy_jw_key(w, "threshold");
    gy_jw_number(w, df->threshold);
    gy_jw_key(w, "changed");
    gy_jw_bool(w, gy_diff_has_changes(df));
}

int gy_render_diff_json(const gy_diff *df, FILE *f, const gy_render_options *opt)
{
    gy_jw w;
    gy_jw_init(&w, f, !opt->compact);
    gy_jw_open_object(&w);
    header(&w, df);
    int rc = item_list(&w, "items", df, &df->items);
    if (rc == 0 && df->all)
        rc = item_list(&w, "review", df, &df->review);
    gy_jw_key(&w, "targets");
    gy_jw_open_array(&w);
    for (size_t i = 0; i < df->targets.n; i++)
        target_pair(&w, df, &df->targets.p[i]);
    gy_jw_close_array(&w);
    gy_jw_key(&w, "summary");
    gy_jw_open_object(&w);
    list_counts(&w, "items", &df->items.pairs);
    if (df->all)
        list_counts(&w, "review", &df->review.pairs);
    goal_counts(&w, "headline_goals", df, 1);
    goal_counts(&w, "other_goals", df, 0);
    gy_jw_close_object(&w);
    gy_jw_close_object(&w);
    fputc('\n', f);
    return rc != 0 || w.oom ? -1 : 0;
}
