/* The JSON reporter of diff (schema "gangyao-diff/1", docs/schema.md):
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

static int item_pair(gy_jw *w, const gy_diff *df, const gy_dpair *p, gy_element e,
                     gy_label_fn label)
{
    gy_jw_open_object(w);
    gy_jw_key(w, "status");
    gy_jw_cstr(w, gy_dstatus_names[p->status]);
    gy_jw_key(w, "similarity");
    if (p->old_i && p->new_i)
        gy_jw_number(w, round(p->sim * 1000.0) / 1000.0);
    else
        gy_jw_null(w);
    side(w, "old", df->a, e, p->old_i);
    side(w, "new", df->b, e, p->new_i);
    int rc = 0;
    if (p->old_i && p->new_i && p->status != GY_D_UNCHANGED) {
        gy_slice m, ta = label(df->a, p->old_i - 1, &m), tb = label(df->b, p->new_i - 1, &m);
        jchanges c = {w};
        gy_jw_key(w, "changes");
        gy_jw_open_array(w);
        rc = gy_char_diff(df->a->s + ta.start, ta.end - ta.start, df->b->s + tb.start,
                          tb.end - tb.start, df->char_diff_max, json_emit, &c);
        gy_jw_close_array(w);
    }
    gy_jw_close_object(w);
    return rc;
}

static void target_pair(gy_jw *w, const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    const gy_target *t = y ? y : x;
    gy_jw_open_object(w);
    gy_jw_key(w, "status");
    gy_jw_cstr(w, gy_dstatus_names[p->status]);
    gy_jw_key(w, "indicator");
    gy_jw_cstr(w, t->indicator);
    gy_jw_key(w, "subject");
    gy_jw_cstr(w, t->subject);
    gy_jw_key(w, "unit");
    gy_jw_cstr(w, (y ? y : x)->unit);
    side(w, "old", df->a, GY_ELEM_TARGET, x ? df->ta[p->old_i - 1] + 1 : 0);
    side(w, "new", df->b, GY_ELEM_TARGET, y ? df->tb[p->new_i - 1] + 1 : 0);
    gy_jw_key(w, "changes");
    gy_jw_open_inline_array(w);
    for (int k = 0; k < GY_CH_COUNT; k++)
        if (p->changes & (1u << k))
            gy_jw_cstr(w, gy_change_names[k]);
    gy_jw_close_array(w);
    gy_jw_close_object(w);
}

static void summary(gy_jw *w, const char *key, const gy_plist *l)
{
    gy_jw_key(w, key);
    gy_jw_open_object(w);
    for (int st = GY_D_UNCHANGED; st < GY_D_COUNT; st++) {
        gy_jw_key(w, gy_dstatus_names[st]);
        gy_jw_number(w, (double)gy_plist_count(l, (gy_dstatus)st));
    }
    gy_jw_close_object(w);
}

static int item_list(gy_jw *w, const char *key, const gy_diff *df, const gy_plist *l,
                     gy_element e, gy_label_fn label)
{
    int rc = 0;
    gy_jw_key(w, key);
    gy_jw_open_array(w);
    for (size_t i = 0; i < l->n && rc == 0; i++)
        rc = item_pair(w, df, &l->p[i], e, label);
    gy_jw_close_array(w);
    return rc;
}

static void header(gy_jw *w, const gy_diff *df)
{
    gy_jw_key(w, "schema");
    gy_jw_cstr(w, "gangyao-diff/1");
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
    int rc = df->sections
                 ? item_list(&w, "sections", df, &df->secs, GY_ELEM_SECTION, gy_section_label)
                 : 0;
    if (rc == 0)
        rc = item_list(&w, "tasks", df, &df->tasks, GY_ELEM_TASK, gy_task_label);
    gy_jw_key(&w, "targets");
    gy_jw_open_array(&w);
    for (size_t i = 0; i < df->targets.n; i++)
        target_pair(&w, df, &df->targets.p[i]);
    gy_jw_close_array(&w);
    gy_jw_key(&w, "summary");
    gy_jw_open_object(&w);
    if (df->sections)
        summary(&w, "sections", &df->secs);
    summary(&w, "tasks", &df->tasks);
    summary(&w, "targets", &df->targets);
    gy_jw_close_object(&w);
    gy_jw_close_object(&w);
    fputc('\n', f);
    return rc != 0 || w.oom ? -1 : 0;
}
