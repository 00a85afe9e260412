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

/* The text of a pair: the old one if removed, else the new one with the
 * changes from the old one marked. */
static int pair_text(const tout *o, const gy_diff *df, const gy_dpair *p, const gy_witem *x,
                     const gy_witem *y)
{
    if (!y) {
        put(o, df->a, x->marker);
        fputc(' ', o->f);
        put(o, df->a, x->text);
        return 0;
    }
    put(o, df->b, y->marker);
    fputc(' ', o->f);
    if (!x || (p->status == GY_D_MOVED && p->sim == 1.0)) {
        put(o, df->b, y->text);
        return 0;
    }
    return gy_char_diff(df->a->s + x->text.start, x->text.end - x->text.start,
                        df->b->s + y->text.start, y->text.end - y->text.start, df->char_diff_max,
                        text_emit, (void *)o);
}

static int item_pair(const tout *o, const gy_diff *df, const gy_wlist *l, const gy_dpair *p)
{
    const gy_witem *x = gy_witem_old(l, p), *y = gy_witem_new(l, p);
    sign(o, p->status);
    lines_col(o, x ? x->line : 0, y ? y->line : 0);
    if (pair_text(o, df, p, x, y) != 0)
        return -1;
    if (p->status == GY_D_CHANGED || (p->status == GY_D_MOVED && p->sim < 1.0))
        fprintf(o->f, "  (%.0f%%)", p->sim * 100.0);
    if (p->status == GY_D_MOVED)
        fprintf(o->f, "  (moved from line %zu)", x->line);
    fputc('\n', o->f);
    return 0;
}

static void target_reading(const tout *o, const gy_doc *d, const gy_target *t)
{
    put(o, d, t->text);
    if (t->year_from)
        fprintf(o->f, " (%d-%d)", t->year_from, t->year);
    else if (t->year)
        fprintf(o->f, " (%d)", t->year);
}

static void changes(const tout *o, unsigned ch)
{
    if (!ch)
        return;
    fputs("  [", o->f);
    for (int k = 0, first = 1; k < GY_CH_COUNT; k++)
        if (ch & (1u << k)) {
            fprintf(o->f, "%s%s", first ? "" : ", ", gy_change_names[k]);
            first = 0;
        }
    fputc(']', o->f);
}

static void target_pair(const tout *o, const gy_diff *df, const gy_dpair *p)
{
    const gy_target *x = gy_diff_old_target(df, p), *y = gy_diff_new_target(df, p);
    const gy_target *t = y ? y : x, *out = gy_diff_outcome(df, p);
    char buf[256];
    sign(o, p->status);
    lines_col(o, x ? x->line : 0, y ? y->line : 0);
    if (t->indicator) {
        gy_fput_shown(t->indicator, (size_t)-1, o->f);
        fputc(' ', o->f);
    }
    gy_fput_shown(gy_diff_target_label(y ? df->b : df->a, t, buf, sizeof buf), (size_t)-1, o->f);
    fputs(": ", o->f);
    if (x)
        target_reading(o, df->a, x);
    if (x && y)
        fputs(" → ", o->f);
    if (y)
        target_reading(o, df->b, y);
    changes(o, p->changes);
    if (out) {
        fprintf(o->f, "; %d outcome ", out->year);
        put(o, df->b, out->text);
    }
    fputc('\n', o->f);
}

static void hunk(const tout *o, const char *name)
{
    col(o, "\033[36m");
    fprintf(o->f, "@@ %s @@\n", name);
    col(o, "\033[0m");
}

/* The changed items of a list of work items. */
static int item_hunk(const tout *o, const gy_diff *df, const char *name, const gy_wlist *l)
{
    if (!gy_plist_changed(&l->pairs))
        return 0;
    hunk(o, name);
    for (size_t i = 0; i < l->pairs.n; i++)
        if (l->pairs.p[i].status != GY_D_UNCHANGED && item_pair(o, df, l, &l->pairs.p[i]) != 0)
            return -1;
    return 0;
}

/* The changed goals, headline ones (with an indicator) or the others,
 * those for the report's year or (later) for a later one. */
static void target_hunk(const tout *o, const gy_diff *df, int headline, int later)
{
    static const char *const names[2][2] = {{"other goals", "other goals for later years"},
                                            {"headline goals", "headline goals for later years"}};
    size_t shown = 0;
    for (size_t i = 0; i < df->targets.n; i++) {
        const gy_dpair *p = &df->targets.p[i];
        if (p->status == GY_D_UNCHANGED || gy_diff_headline(df, p) != headline ||
            gy_diff_later(df, p) != later)
            continue;
        if (!shown++)
            hunk(o, names[headline][later]);
        target_pair(o, df, p);
    }
}

static void item_summary(const tout *o, const char *what, const gy_wlist *l)
{
    fprintf(o->f, "%s: %zu kept, %zu reworded, %zu moved, %zu new, %zu dropped\n", what,
            gy_wlist_count(l, GY_D_UNCHANGED), gy_wlist_count(l, GY_D_CHANGED),
            gy_wlist_count(l, GY_D_MOVED), gy_wlist_count(l, GY_D_ADDED),
            gy_wlist_count(l, GY_D_REMOVED));
}

static void goal_summary(const tout *o, const gy_diff *df, int headline)
{
    size_t n[GY_D_COUNT] = {0};
    for (size_t i = 0; i < df->targets.n; i++)
        if (gy_diff_headline(df, &df->targets.p[i]) == headline)
            n[df->targets.p[i].status]++;
    fprintf(o->f, "%s: %zu changed, %zu unchanged, %zu new, %zu dropped\n",
            headline ? "headline goals" : "other goals", n[GY_D_CHANGED], n[GY_D_UNCHANGED],
            n[GY_D_ADDED], n[GY_D_REMOVED]);
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
    if (item_hunk(&o, df, "work items", &df->items) != 0 ||
        (df->all && item_hunk(&o, df, "review items", &df->review) != 0))
        return -1;
    target_hunk(&o, df, 1, 0);
    target_hunk(&o, df, 1, 1);
    target_hunk(&o, df, 0, 0);
    target_hunk(&o, df, 0, 1);
    col(&o, "\033[2m");
    item_summary(&o, "work items", &df->items);
    if (df->all)
        item_summary(&o, "review items", &df->review);
    goal_summary(&o, df, 1);
    goal_summary(&o, df, 0);
    col(&o, "\033[0m");
    return 0;
}
