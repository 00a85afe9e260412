/* The HTML page of a diff: the headline goals side by side (old → new,
 * the year each is for, what changed, the old goal's outcome), the other
 * goals that changed, then the work items (and with --all the review's)
 * aligned in two columns, the changed characters marked, new and dropped
 * ones shaded, moved ones saying where they stood. */
#include "diff.h"
#include "fields.h"
#include "html.h"
#include "source.h"

typedef struct side_out {
    FILE *f;
    char keep;             /* '-': the old side shows removals, '+': the new one additions */
} side_out;

static void side_emit(void *ctx, char op, const char *s, size_t len)
{
    const side_out *o = ctx;
    if (op == '=') {
        gy_html_text(o->f, s, len);
    } else if (op == o->keep) {
        fputs(op == '-' ? "<del>" : "<ins>", o->f);
        gy_html_text(o->f, s, len);
        fputs(op == '-' ? "</del>" : "</ins>", o->f);
    }
}

static void figure(FILE *f, const gy_doc *d, const gy_target *t)
{
    char reading[200];
    gy_target_reading(t, reading, sizeof reading);
    fprintf(f, "<td><span class=\"q %s\" tabindex=\"0\" data-tip=\"", t->fact ? "fact" : "goal");
    gy_html_cstr(f, reading);
    if (t->year)
        fprintf(f, " · %d", t->year);
    fprintf(f, " · line %zu\">", t->line);
    gy_html_slice(f, d, t->text);
    fputs("</span>", f);
    if (t->period.end > t->period.start) {
        fputs(" <span class=\"meta\">", f);
        gy_html_slice(f, d, t->period);
        fputs("</span>", f);
    }
    fputs("</td>", f);
}

static void changes(FILE *f, unsigned ch)
{
    for (int k = 0, first = 1; k < GY_CH_COUNT; k++)
        if (ch & (1u << k)) {
            fprintf(f, "%s%s", first ? ": " : ", ", gy_change_names[k]);
            first = 0;
        }
}

static void target_row(FILE *f, const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    const gy_target *t = y ? y : x, *out = gy_diff_outcome(df, p);
    char buf[256];
    fprintf(f, "<tr class=\"%s\"><td>", gy_dstatus_names[p->status]);
    gy_html_cstr(f, t->indicator);
    fputs("</td><td>", f);
    gy_html_cstr(f, gy_diff_target_label(y ? df->b : df->a, t, buf, sizeof buf));
    fputs("</td>", f);
    if (x)
        figure(f, df->a, x);
    else
        fputs("<td></td>", f);
    if (y)
        figure(f, df->b, y);
    else
        fputs("<td></td>", f);
    if (out)
        figure(f, df->b, out);
    else
        fputs("<td></td>", f);
    fprintf(f, "<td class=\"status\">%s", gy_dstatus_names[p->status]);
    changes(f, p->changes);
    fputs("</td></tr>\n", f);
}

/* The pairs of goals with (headline) or without an indicator; without
 * one, only those that changed. */
static void target_table(FILE *f, const gy_diff *df, int headline)
{
    size_t shown = 0;
    for (size_t i = 0; i < df->targets.n; i++) {
        const gy_dpair *p = &df->targets.p[i];
        if (gy_diff_headline(df, p) != headline || (!headline && p->status == GY_D_UNCHANGED))
            continue;
        if (!shown++)
            fprintf(f, "<section class=\"table\">\n<h2>%s</h2>\n<table class=\"sortable pairs\">\n"
                       "<colgroup><col style=\"width:14%%\"><col style=\"width:22%%\">"
                       "<col style=\"width:18%%\"><col style=\"width:18%%\"><col style=\"width:14%%\">"
                       "<col></colgroup>\n"
                       "<thead><tr><th>indicator</th><th>what</th><th>old goal</th><th>new goal</th>"
                       "<th>outcome of the old goal</th><th>status</th></tr></thead>\n<tbody>\n",
                    headline ? "Headline goals" : "Other goals that changed");
        target_row(f, df, p);
    }
    if (shown)
        fputs("</tbody>\n</table>\n</section>\n", f);
}

/* One side of an item pair: its line, marker and text, the changed
 * characters marked when the other side differs. */
static int item_side(FILE *f, const gy_diff *df, const gy_dpair *p, const gy_wlist *l, int old)
{
    const gy_witem *it = old ? gy_witem_old(l, p) : gy_witem_new(l, p);
    const gy_witem *other = old ? gy_witem_new(l, p) : gy_witem_old(l, p);
    if (!it) {
        fputs("<td></td>", f);
        return 0;
    }
    const gy_doc *d = old ? df->a : df->b;
    fprintf(f, "<td><span class=\"meta\">%zu</span> <span class=\"marker\">", it->line);
    gy_html_slice(f, d, it->marker);
    fputs("</span> ", f);
    if (!other || p->sim >= 1.0) {
        gy_html_slice(f, d, it->text);
    } else {
        side_out o = {f, old ? '-' : '+'};
        gy_slice ta = old ? it->text : other->text, tb = old ? other->text : it->text;
        if (gy_char_diff(df->a->s + ta.start, ta.end - ta.start, df->b->s + tb.start,
                         tb.end - tb.start, df->char_diff_max, side_emit, &o) != 0)
            return -1;
    }
    fputs("</td>", f);
    return 0;
}

static const char *const item_words[GY_D_COUNT] = {"kept", "reworded", "moved", "new", "dropped"};

static int item_table(FILE *f, const gy_diff *df, const char *name, const gy_wlist *l)
{
    fprintf(f, "<section class=\"table\">\n<h2>%s</h2>\n<table class=\"diff\">\n<thead><tr>"
               "<th>old</th><th>new</th><th>status</th></tr></thead>\n<tbody>\n",
            name);
    for (size_t i = 0; i < l->pairs.n; i++) {
        const gy_dpair *p = &l->pairs.p[i];
        fprintf(f, "<tr class=\"%s\">", gy_dstatus_names[p->status]);
        if (item_side(f, df, p, l, 1) != 0 || item_side(f, df, p, l, 0) != 0)
            return -1;
        fprintf(f, "<td class=\"status\">%s", item_words[p->status]);
        if (p->status == GY_D_MOVED)
            fprintf(f, ": stood at line %zu, now at line %zu", gy_witem_old(l, p)->line,
                    gy_witem_new(l, p)->line);
        else if (p->status == GY_D_CHANGED)
            fprintf(f, " (%.0f%% alike)", p->sim * 100.0);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody>\n</table>\n</section>\n", f);
    return 0;
}

static void summary(FILE *f, const char *what, const gy_wlist *l)
{
    fprintf(f, "%s: %zu kept, %zu reworded, %zu moved, %zu new, %zu dropped. ", what,
            gy_wlist_count(l, GY_D_UNCHANGED), gy_wlist_count(l, GY_D_CHANGED),
            gy_wlist_count(l, GY_D_MOVED), gy_wlist_count(l, GY_D_ADDED),
            gy_wlist_count(l, GY_D_REMOVED));
}

static void goal_summary(FILE *f, const gy_diff *df)
{
    size_t n[GY_D_COUNT] = {0};
    for (size_t i = 0; i < df->targets.n; i++)
        if (gy_diff_headline(df, &df->targets.p[i]))
            n[df->targets.p[i].status]++;
    fprintf(f, "Headline goals: %zu changed, %zu unchanged, %zu new, %zu dropped.",
            n[GY_D_CHANGED], n[GY_D_UNCHANGED], n[GY_D_ADDED], n[GY_D_REMOVED]);
}

static void doc_name(FILE *f, const gy_doc *d)
{
    gy_html_cstr(f, d->title ? d->title : d->src->name);
    fputs(" <span class=\"meta\">(", f);
    gy_html_cstr(f, d->src->name);
    fputs(")</span>", f);
}

int gy_render_diff_html(const gy_diff *df, FILE *f, const gy_render_options *opt)
{
    (void)opt;
    static const char title[] = "gangyao diff";
    gy_html_begin(f, "diff", title, sizeof title - 1);
    fputs("<header class=\"page\">\n<h1>", f);
    doc_name(f, df->a);
    fputs(" → ", f);
    doc_name(f, df->b);
    fputs("</h1>\n<p class=\"meta\">", f);
    summary(f, "Work items", &df->items);
    if (df->all)
        summary(f, "Review items", &df->review);
    goal_summary(f, df);
    fputs("</p>\n</header>\n", f);
    target_table(f, df, 1);
    target_table(f, df, 0);
    int rc = item_table(f, df, "Work items", &df->items);
    if (rc == 0 && df->all)
        rc = item_table(f, df, "Review items", &df->review);
    gy_html_end(f);
    return rc;
}
