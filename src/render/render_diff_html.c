/* The HTML page of a diff: the headline indicators side by side (old →
 * new, the changed ones marked), the other figures that changed, then the
 * tasks (and with --sections the outline) aligned in two columns, the
 * changed characters marked, added and removed ones shaded, moved ones
 * saying where they stood. */
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

static void target_row(FILE *f, const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    const gy_target *t = y ? y : x;
    fprintf(f, "<tr class=\"%s\"><td>", gy_dstatus_names[p->status]);
    gy_html_cstr(f, t->indicator);
    fputs("</td><td>", f);
    gy_html_cstr(f, t->subject);
    fputs("</td>", f);
    if (x)
        figure(f, df->a, x);
    else
        fputs("<td></td>", f);
    if (y)
        figure(f, df->b, y);
    else
        fputs("<td></td>", f);
    fprintf(f, "<td class=\"status\">%s</td></tr>\n", gy_dstatus_names[p->status]);
}

/* The pairs of targets with (headline) or without an indicator; without
 * one, only those that changed. */
static void target_table(FILE *f, const gy_diff *df, int headline)
{
    size_t shown = 0;
    for (size_t i = 0; i < df->targets.n; i++) {
        const gy_dpair *p = &df->targets.p[i];
        const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
        int has = (x && x->indicator) || (y && y->indicator);
        if (has != headline || (!headline && p->status == GY_D_UNCHANGED))
            continue;
        if (!shown++)
            fprintf(f, "<section class=\"table\">\n<h2>%s</h2>\n<table class=\"sortable pairs\">\n"
                       "<colgroup><col style=\"width:16%%\"><col style=\"width:28%%\">"
                       "<col style=\"width:23%%\"><col style=\"width:23%%\"><col></colgroup>\n"
                       "<thead><tr><th>indicator</th><th>subject</th><th>old</th><th>new</th>"
                       "<th>status</th></tr></thead>\n<tbody>\n",
                    headline ? "Headline indicators" : "Other goals that changed");
        target_row(f, df, p);
    }
    if (shown)
        fputs("</tbody>\n</table>\n</section>\n", f);
}

typedef size_t (*line_fn)(const gy_doc *, size_t);
static size_t task_line(const gy_doc *d, size_t i) { return GY_TASKS(d)[i].line; }
static size_t section_line(const gy_doc *d, size_t i) { return GY_SECTIONS(d)[i].line; }

/* One side of an item pair: its line, marker and text, the changed
 * characters marked when the other side differs. */
static int item_side(FILE *f, const gy_diff *df, const gy_dpair *p, int old, gy_label_fn label,
                     line_fn line)
{
    size_t i = old ? p->old_i : p->new_i;
    if (!i) {
        fputs("<td></td>", f);
        return 0;
    }
    const gy_doc *d = old ? df->a : df->b;
    gy_slice marker, text = label(d, i - 1, &marker), other = {0, 0}, om;
    fprintf(f, "<td><span class=\"meta\">%zu</span> <span class=\"marker\">", line(d, i - 1));
    gy_html_slice(f, d, marker);
    fputs("</span> ", f);
    int compare = p->old_i && p->new_i && p->sim < 1.0;
    if (compare)
        other = label(old ? df->b : df->a, (old ? p->new_i : p->old_i) - 1, &om);
    if (!compare) {
        gy_html_slice(f, d, text);
    } else {
        side_out o = {f, old ? '-' : '+'};
        const gy_doc *a = df->a, *b = df->b;
        gy_slice ta = old ? text : other, tb = old ? other : text;
        if (gy_char_diff(a->s + ta.start, ta.end - ta.start, b->s + tb.start, tb.end - tb.start,
                         df->char_diff_max, side_emit, &o) != 0)
            return -1;
    }
    fputs("</td>", f);
    return 0;
}

static int item_table(FILE *f, const gy_diff *df, const char *name, const gy_plist *l,
                      gy_label_fn label, line_fn line)
{
    fprintf(f, "<section class=\"table\">\n<h2>%s</h2>\n<table class=\"diff\">\n<thead><tr>"
               "<th>old</th><th>new</th><th>status</th></tr></thead>\n<tbody>\n",
            name);
    for (size_t i = 0; i < l->n; i++) {
        const gy_dpair *p = &l->p[i];
        fprintf(f, "<tr class=\"%s\">", gy_dstatus_names[p->status]);
        if (item_side(f, df, p, 1, label, line) != 0 || item_side(f, df, p, 0, label, line) != 0)
            return -1;
        fprintf(f, "<td class=\"status\">%s", gy_dstatus_names[p->status]);
        if (p->status == GY_D_MOVED)
            fprintf(f, ": stood at line %zu, now at line %zu", line(df->a, p->old_i - 1),
                    line(df->b, p->new_i - 1));
        else if (p->status == GY_D_CHANGED)
            fprintf(f, " (%.0f%% alike)", p->sim * 100.0);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody>\n</table>\n</section>\n", f);
    return 0;
}

static void summary(FILE *f, const char *what, const gy_plist *l)
{
    fprintf(f, "%s: %zu unchanged, %zu changed, %zu moved, %zu added, %zu removed. ", what,
            gy_plist_count(l, GY_D_UNCHANGED), gy_plist_count(l, GY_D_CHANGED),
            gy_plist_count(l, GY_D_MOVED), gy_plist_count(l, GY_D_ADDED),
            gy_plist_count(l, GY_D_REMOVED));
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
    if (df->sections)
        summary(f, "Sections", &df->secs);
    summary(f, "Tasks", &df->tasks);
    summary(f, "Goals", &df->targets);
    fputs("</p>\n</header>\n", f);
    target_table(f, df, 1);
    target_table(f, df, 0);
    int rc = 0;
    if (df->sections)
        rc = item_table(f, df, "Outline", &df->secs, gy_section_label, section_line);
    if (rc == 0)
        rc = item_table(f, df, "Tasks", &df->tasks, gy_task_label, task_line);
    gy_html_end(f);
    return rc;
}
