/* The text reporter of diff: like a unified diff, one line per changed
 * item with both line numbers, the changed characters marked, and a
 * summary of each list. */
#include "diff.h"
#include "source.h"

typedef struct tout {
    FILE *f;
    int color;
} tout;

static void col(const tout *o, const char *code)
{
    if (o->color)
        fputs(code, o->f);
}

static void text_emit(void *ctx, char op, const char *s, size_t len)
{
    const tout *o = ctx;
    if (op == '=') {
        gy_fput_shown(s, len, o->f);
        return;
    }
    if (o->color) {
        fputs(op == '-' ? "\033[31;9m" : "\033[32;4m", o->f);
        gy_fput_shown(s, len, o->f);
        fputs("\033[0m", o->f);
    } else {
        fputs(op == '-' ? "[-" : "{+", o->f);
        gy_fput_shown(s, len, o->f);
        fputs(op == '-' ? "-]" : "+}", o->f);
    }
}

/* The sign of a line, coloured by its status. */
static void sign(const tout *o, gy_dstatus st)
{
    static const char *const signs[] = {" ", "~", ">", "+", "-"};
    static const char *const colors[] = {"", "\033[33m", "\033[36m", "\033[32m", "\033[31m"};
    col(o, colors[st]);
    fputs(signs[st], o->f);
    col(o, "\033[0m");
    fputc(' ', o->f);
}

static void lines_col(const tout *o, size_t la, size_t lb)
{
    char a[24] = "", b[24] = "";
    if (la)
        snprintf(a, sizeof a, "%zu", la);
    if (lb)
        snprintf(b, sizeof b, "%zu", lb);
    fprintf(o->f, "%6s %6s  ", a, b);
}

static void put(const tout *o, const gy_doc *d, gy_slice sl)
{
    if (sl.end > sl.start)
        gy_fput_shown(d->s + sl.start, sl.end - sl.start, o->f);
}

typedef size_t (*line_fn)(const gy_doc *, size_t);
static size_t task_line(const gy_doc *d, size_t i) { return GY_TASKS(d)[i].line; }
static size_t section_line(const gy_doc *d, size_t i) { return GY_SECTIONS(d)[i].line; }

/* The text of a pair: the old one if removed, else the new one with the
 * changes from the old one marked. */
static int pair_text(const tout *o, const gy_diff *df, const gy_dpair *p, gy_label_fn label)
{
    gy_slice ma, mb, ta = {0, 0}, tb = {0, 0};
    if (p->old_i)
        ta = label(df->a, p->old_i - 1, &ma);
    if (p->new_i)
        tb = label(df->b, p->new_i - 1, &mb);
    if (p->status == GY_D_REMOVED) {
        put(o, df->a, ma);
        fputc(' ', o->f);
        put(o, df->a, ta);
        return 0;
    }
    put(o, df->b, mb);
    fputc(' ', o->f);
    if (p->status == GY_D_ADDED || (p->status == GY_D_MOVED && p->sim == 1.0)) {
        put(o, df->b, tb);
        return 0;
    }
    return gy_char_diff(df->a->s + ta.start, ta.end - ta.start, df->b->s + tb.start,
                        tb.end - tb.start, df->char_diff_max, text_emit, (void *)o);
}

static int item_pair(const tout *o, const gy_diff *df, const gy_dpair *p, gy_label_fn label,
                     line_fn line)
{
    sign(o, p->status);
    lines_col(o, p->old_i ? line(df->a, p->old_i - 1) : 0, p->new_i ? line(df->b, p->new_i - 1) : 0);
    if (pair_text(o, df, p, label) != 0)
        return -1;
    if (p->status == GY_D_CHANGED || (p->status == GY_D_MOVED && p->sim < 1.0))
        fprintf(o->f, "  (%.0f%%)", p->sim * 100.0);
    if (p->status == GY_D_MOVED)
        fputs("  (moved)", o->f);
    fputc('\n', o->f);
    return 0;
}

static void target_reading(const tout *o, const gy_doc *d, const gy_target *t, int period)
{
    put(o, d, t->text);
    if (period && t->period.end > t->period.start) {
        fputs(" (", o->f);
        put(o, d, t->period);
        fputc(')', o->f);
    }
}

static void target_pair(const tout *o, const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    sign(o, p->status);
    lines_col(o, x ? x->line : 0, y ? y->line : 0);
    const gy_target *t = y ? y : x;
    if (t->indicator) {
        gy_fput_shown(t->indicator, (size_t)-1, o->f);
        fputc(' ', o->f);
    }
    gy_fput_shown(t->subject ? t->subject : "", (size_t)-1, o->f);
    fputs(": ", o->f);
    int period = !(p->status == GY_D_CHANGED && !(p->changes & GY_CH_PERIOD));
    if (x)
        target_reading(o, df->a, x, period);
    if (x && y)
        fputs(" → ", o->f);
    if (y)
        target_reading(o, df->b, y, period);
    fputc('\n', o->f);
}

static void summary_line(const tout *o, const char *what, const gy_plist *l)
{
    fprintf(o->f, "%s: %zu unchanged, %zu changed, %zu moved, %zu added, %zu removed\n", what,
            gy_plist_count(l, GY_D_UNCHANGED), gy_plist_count(l, GY_D_CHANGED),
            gy_plist_count(l, GY_D_MOVED), gy_plist_count(l, GY_D_ADDED),
            gy_plist_count(l, GY_D_REMOVED));
}

static void hunk(const tout *o, const char *name)
{
    col(o, "\033[36m");
    fprintf(o->f, "@@ %s @@\n", name);
    col(o, "\033[0m");
}

/* The changed items of a list of tasks or sections. */
static int item_hunk(const tout *o, const gy_diff *df, const char *name, const gy_plist *l,
                     gy_label_fn label, line_fn line)
{
    if (!gy_plist_changed(l))
        return 0;
    hunk(o, name);
    for (size_t i = 0; i < l->n; i++)
        if (l->p[i].status != GY_D_UNCHANGED && item_pair(o, df, &l->p[i], label, line) != 0)
            return -1;
    return 0;
}

int gy_render_diff_text(const gy_diff *df, FILE *f, const gy_render_options *opt)
{
    tout o = {f, opt->color};
    if (!gy_diff_has_changes(df))
        return 0;
    col(&o, "\033[1m");
    fputs("--- ", f);
    gy_fput_shown(df->a->src->name, (size_t)-1, f);
    fputs("\n+++ ", f);
    gy_fput_shown(df->b->src->name, (size_t)-1, f);
    fputc('\n', f);
    col(&o, "\033[0m");
    if ((df->sections &&
         item_hunk(&o, df, "sections", &df->secs, gy_section_label, section_line) != 0) ||
        item_hunk(&o, df, "tasks", &df->tasks, gy_task_label, task_line) != 0)
        return -1;
    if (gy_plist_changed(&df->targets)) {
        hunk(&o, "targets");
        for (size_t i = 0; i < df->targets.n; i++)
            if (df->targets.p[i].status != GY_D_UNCHANGED)
                target_pair(&o, df, &df->targets.p[i]);
    }
    col(&o, "\033[2m");
    if (df->sections)
        summary_line(&o, "sections", &df->secs);
    summary_line(&o, "tasks", &df->tasks);
    summary_line(&o, "targets", &df->targets);
    col(&o, "\033[0m");
    return 0;
}
