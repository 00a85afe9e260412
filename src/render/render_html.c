/* HTML reporter: for one document, a page of the speech as stored, noise
 * folded away, its outline as navigation, tasks and figures marked in the
 * text (the reading on hover or focus) and a table of every figure that
 * sorts and filters; for several documents, the panel page of them all
 * (render_html_panel.c).  Which of the two is known only when the report
 * ends, so the first document's page is held until then. */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "fields.h"
#include "html.h"
#include "render.h"
#include "source.h"

/* ---- the text with its marks ----------------------------------------------- */

enum mark_kind { MARK_TARGET, MARK_MARKER, MARK_DEADLINE };

typedef struct mark {
    size_t start, end;
    enum mark_kind kind;
    size_t index;          /* of the target or task */
} mark;

static int by_start(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->kind < y->kind ? -1 : x->kind > y->kind;
}

/* Every place to mark, in text order (malloc'd; NULL when out of memory). */
static mark *collect_marks(const gy_doc *d, size_t *n)
{
    size_t cap = d->targets.len + 2 * d->tasks.len + 1, k = 0;
    mark *m = malloc(cap * sizeof *m);
    if (!m)
        return NULL;
    for (size_t i = 0; i < d->targets.len; i++) {
        const gy_target *t = &GY_TARGETS(d)[i];
        m[k++] = (mark){t->text.start, t->text.end, MARK_TARGET, i};
    }
    for (size_t i = 0; i < d->tasks.len; i++) {
        const gy_task *t = &GY_TASKS(d)[i];
        if (t->marker.end > t->marker.start)
            m[k++] = (mark){t->marker.start, t->marker.end, MARK_MARKER, i};
        if (t->deadline.end > t->deadline.start)
            m[k++] = (mark){t->deadline.start, t->deadline.end, MARK_DEADLINE, i};
    }
    gy_sort(m, k, sizeof *m, by_start);
    *n = k;
    return m;
}

/* What a figure says, for its tooltip: ≈ 5 % · gdp_growth · 2026 · soft
 * goal (with its stretch, its span, an estimate). */
static void target_tip(FILE *f, const gy_target *t)
{
    char reading[200];
    gy_target_reading(t, reading, sizeof reading);
    gy_html_cstr(f, reading);
    if (t->has_stretch) {
        gy_number_text(t->stretch, reading, sizeof reading);
        fprintf(f, " (stretch %s)", reading);
    }
    if (t->indicator) {
        fputs(" · ", f);
        gy_html_cstr(f, t->indicator);
    }
    if (t->year_from)
        fprintf(f, " · %d-%d", t->year_from, t->year);
    else if (t->year)
        fprintf(f, " · %d", t->year);
    if (t->fact)
        fprintf(f, " · %s", t->estimate ? "estimated fact" : "fact");
    else
        fprintf(f, " · %s goal", gy_bound_names[t->bound]);
}

static void open_mark(FILE *f, const gy_doc *d, const mark *m)
{
    if (m->kind == MARK_TARGET) {
        const gy_target *t = &GY_TARGETS(d)[m->index];
        fprintf(f, "<span class=\"q %s\" id=\"q%zu\" tabindex=\"0\" data-tip=\"", t->fact ? "fact" : "goal",
                m->index + 1);
        target_tip(f, t);
        fputs("\">", f);
    } else if (m->kind == MARK_MARKER) {
        const gy_task *t = &GY_TASKS(d)[m->index];
        fprintf(f, "<span class=\"marker\" id=\"t%zu\" title=\"task %zu%s", m->index + 1, m->index + 1,
                t->directive ? ", asks for action" : ", describes");
        if (t->deadline.end > t->deadline.start) {
            fputs(", by ", f);
            gy_html_slice(f, d, t->deadline);
        }
        fputs("\">", f);
    } else {
        fputs("<span class=\"deadline\" title=\"deadline\">", f);
    }
}

/* The anchors of the sections whose heading is line ln (1-based), from
 * section *next on. */
static void section_anchors(FILE *f, const gy_doc *d, size_t ln, size_t *next)
{
    while (*next < d->sections.len && GY_SECTIONS(d)[*next].line <= ln) {
        if (GY_SECTIONS(d)[*next].line == ln)
            fprintf(f, "<a id=\"s%zu\"></a>", *next + 1);
        (*next)++;
    }
}

/* Line i with the marks that lie in it (from *m on); marks that overlap an
 * earlier one or cross the line's end are left unmarked. */
static void text_line(FILE *f, const gy_doc *d, size_t i, const mark *marks, size_t nmarks,
                      size_t *m, size_t *sec)
{
    const gy_line *l = &d->text.lines[i];
    unsigned fl = d->flags[i];
    fprintf(f, "<p class=\"line%s%s%s%s\" id=\"L%zu\"><span class=\"ln\">%zu</span>",
            fl & GY_LINE_NOISE ? " noise" : "", fl & GY_LINE_HEAD ? " head" : "",
            fl & GY_LINE_HEADING ? " heading" : "", l->trim <= l->indent ? " blank" : "", i + 1,
            i + 1);
    section_anchors(f, d, i + 1, sec);
    size_t pos = l->start;
    for (; *m < nmarks && marks[*m].start < l->end; (*m)++) {
        const mark *k = &marks[*m];
        if (k->start < pos || k->end > l->end)
            continue;
        gy_html_text(f, d->s + pos, k->start - pos);
        open_mark(f, d, k);
        gy_html_text(f, d->s + k->start, k->end - k->start);
        fputs("</span>", f);
        pos = k->end;
    }
    gy_html_text(f, d->s + pos, l->end - pos);
    fputs("</p>\n", f);
}

static int write_text(FILE *f, const gy_doc *d)
{
    size_t nmarks = 0, m = 0, sec = 0;
    mark *marks = collect_marks(d, &nmarks);
    if (!marks)
        return -1;
    fputs("<main class=\"text\">\n", f);
    for (size_t i = 0; i < d->text.nlines; i++)
        text_line(f, d, i, marks, nmarks, &m, &sec);
    fputs("</main>\n", f);
    free(marks);
    return 0;
}

/* ---- header, outline, table ------------------------------------------------ */

static void write_header(FILE *f, const gy_doc *d)
{
    fputs("<header class=\"page\">\n<h1>", f);
    if (d->title)
        gy_html_cstr(f, d->title);
    else
        gy_html_cstr(f, d->src->name);
    fputs("</h1>\n<p class=\"meta\">", f);
    if (d->occasion) {
        gy_html_cstr(f, d->occasion);
        fputs(" · ", f);
    }
    if (d->speaker) {
        gy_html_cstr(f, d->speaker);
        fputs(" · ", f);
    }
    if (d->year)
        fprintf(f, "%d · ", d->year);
    if (d->region_name) {
        fputs("<span class=\"region\"", f);
        if (d->region_code)
            fprintf(f, " title=\"%s\"", d->region_code);
        fputc('>', f);
        gy_html_cstr(f, d->region_name);
        fputs("</span> · ", f);
    }
    gy_html_cstr(f, d->src->name);
    fprintf(f, ", %s, %zu lines · %zu sections, %zu tasks, %zu figures</p>\n", d->src->encoding,
            d->src->lines, d->sections.len, d->tasks.len, d->targets.len);
    if (d->warnings.len) {
        fputs("<ul class=\"warnings\">\n", f);
        for (size_t i = 0; i < d->warnings.len; i++) {
            const gy_warning *w = &((const gy_warning *)d->warnings.items)[i];
            fputs("<li>", f);
            if (w->line)
                fprintf(f, "<a href=\"#L%zu\">line %zu</a>: ", w->line, w->line);
            gy_html_cstr(f, w->message);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    fputs("<p class=\"controls\">", f);
    if (d->noise.len)
        fprintf(f, "<label><input type=\"checkbox\" id=\"show-noise\"> show the %zu noise line%s "
                   "set aside</label> · ",
                d->noise.len, d->noise.len == 1 ? "" : "s");
    fputs("<span class=\"q goal\">goal</span> <span class=\"q fact\">fact</span> "
          "<span class=\"marker\">task</span> <span class=\"deadline\">deadline</span> · "
          "<a href=\"#figures\">table of figures</a></p>\n</header>\n",
          f);
}

enum { MAX_DEPTH = 16 };

/* The outline as nested lists: each <li> stays open for the levels below
 * it. */
static void write_outline(FILE *f, const gy_doc *d)
{
    fputs("<nav class=\"outline\" aria-label=\"outline\">\n", f);
    if (!d->sections.len) {
        fputs("<p class=\"meta\">no sections</p>\n</nav>\n", f);
        return;
    }
    int depth = 0, open_li[MAX_DEPTH + 1] = {0};
    for (size_t i = 0; i < d->sections.len; i++) {
        const gy_section *s = &GY_SECTIONS(d)[i];
        int level = s->level < 1 ? 1 : s->level > MAX_DEPTH ? MAX_DEPTH : s->level;
        while (depth > level) {
            if (open_li[depth])
                fputs("</li>", f);
            fputs("</ol>\n", f);
            depth--;
        }
        while (depth < level) {
            if (depth > 0 && !open_li[depth]) {
                fputs("<li>", f);
                open_li[depth] = 1;
            }
            fputs("<ol>", f);
            open_li[++depth] = 0;
        }
        if (open_li[depth])
            fputs("</li>\n", f);
        fprintf(f, "<li><a href=\"#s%zu\">", i + 1);
        gy_html_slice(f, d, s->marker);
        gy_html_slice(f, d, s->heading);
        fputs("</a>", f);
        open_li[depth] = 1;
    }
    for (; depth > 0; depth--) {
        if (open_li[depth])
            fputs("</li>", f);
        fputs("</ol>\n", f);
    }
    fputs("</nav>\n", f);
}

/* The columns of the table of figures: fields of the target element. */
static const char *const columns[] = {"id",    "line",  "indicator", "subject", "text",
                                      "value", "unit",  "bound",     "stretch", "kind",
                                      "year",  "period", "section"};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

static void filter_select(FILE *f, const char *what, const char *label, const char *const *vals,
                          size_t n)
{
    fprintf(f, "<label>%s <select data-filter=\"%s\"><option value=\"\">all</option>", label, what);
    for (size_t i = 0; i < n; i++) {
        fputs("<option>", f);
        gy_html_cstr(f, vals[i]);
        fputs("</option>", f);
    }
    fputs("</select></label>", f);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct indicators and years of the figures (malloc'd lists). */
static int filter_values(const gy_doc *d, const char ***inds, size_t *ni, char (**years)[12],
                         size_t *ny)
{
    size_t n = d->targets.len;
    *inds = malloc((n ? n : 1) * sizeof **inds);
    *years = malloc((n ? n : 1) * sizeof **years);
    *ni = *ny = 0;
    if (!*inds || !*years)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (GY_TARGETS(d)[i].indicator)
            (*inds)[(*ni)++] = GY_TARGETS(d)[i].indicator;
    gy_sort(*inds, *ni, sizeof **inds, by_string);
    size_t k = 0;
    for (size_t i = 0; i < *ni; i++)
        if (k == 0 || strcmp((*inds)[k - 1], (*inds)[i]) != 0)
            (*inds)[k++] = (*inds)[i];
    *ni = k;
    unsigned char seen[301] = {0};
    for (int y = 2200; y >= 1900; y--)
        for (size_t i = 0; i < n && !seen[y - 1900]; i++)
            if (GY_TARGETS(d)[i].year == y) {
                seen[y - 1900] = 1;
                snprintf((*years)[(*ny)++], sizeof **years, "%d", y);
            }
    return 0;
}

static void table_row(FILE *f, const gy_doc *d, size_t i, const long *index)
{
    const gy_target *t = &GY_TARGETS(d)[i];
    gy_value v[GY_MAX_FIELDS];
    gy_elements[GY_ELEM_TARGET].values(d, i, v);
    fprintf(f, "<tr class=\"%s\" data-kind=\"%s\" data-indicator=\"", t->fact ? "fact" : "goal",
            gy_target_kind(t));
    gy_html_cstr(f, t->indicator);
    fputs("\" data-year=\"", f);
    if (t->year)
        fprintf(f, "%d", t->year);
    fputs("\">", f);
    for (size_t c = 0; c < NCOLUMNS; c++) {
        if (index[c] < 0) {
            fputs("<td></td>", f);
        } else if (strcmp(columns[c], "id") == 0) {
            fprintf(f, "<td data-v=\"%zu\"><a href=\"#q%zu\">q%zu</a></td>", i + 1, i + 1, i + 1);
        } else if (strcmp(columns[c], "value") == 0) {
            char reading[200];
            gy_target_reading(t, reading, sizeof reading);
            char num[48];
            snprintf(num, sizeof num, "%.17g", t->value);
            fprintf(f, "<td class=\"num\" data-v=\"%s\">", num);
            gy_html_cstr(f, reading);
            fputs("</td>", f);
        } else if (strcmp(columns[c], "kind") == 0) {
            fprintf(f, "<td class=\"kind\">%s</td>", gy_target_kind(t));
        } else {
            gy_html_cell(f, d, v[index[c]]);
        }
    }
    fputs("</tr>\n", f);
}

static int write_table(FILE *f, const gy_doc *d)
{
    const char **inds;
    char(*years)[12];
    size_t ni, ny;
    if (filter_values(d, &inds, &ni, &years, &ny) != 0) {
        free(inds);
        free(years);
        return -1;
    }
    fprintf(f, "<section class=\"table\" id=\"figures\">\n<h2>Figures: %zu goals and facts</h2>\n",
            d->targets.len);
    fputs("<div class=\"filters\" data-table=\"figure-table\">", f);
    static const char *const kinds[] = {"target", "fact"};
    filter_select(f, "kind", "kind", kinds, 2);
    filter_select(f, "indicator", "indicator", inds, ni);
    const char **yv = malloc((ny ? ny : 1) * sizeof *yv);
    for (size_t i = 0; yv && i < ny; i++)
        yv[i] = years[i];
    filter_select(f, "year", "year", yv ? yv : kinds, yv ? ny : 0);
    fputs(" <span class=\"count\"></span></div>\n", f);
    free(yv);
    free(inds);
    free(years);
    fputs("<table class=\"sortable\" id=\"figure-table\">\n<thead><tr>", f);
    long index[NCOLUMNS];
    for (size_t c = 0; c < NCOLUMNS; c++) {
        index[c] = gy_field_index(GY_ELEM_TARGET, columns[c]);
        int num = !strcmp(columns[c], "id") || !strcmp(columns[c], "line") ||
                  !strcmp(columns[c], "value") || !strcmp(columns[c], "year");
        fprintf(f, "<th%s>%s</th>", num ? " data-type=\"num\"" : "", columns[c]);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t i = 0; i < d->targets.len; i++)
        table_row(f, d, i, index);
    fputs("</tbody>\n</table>\n</section>\n", f);
    return 0;
}

/* The page of one document. */
static int write_speech(FILE *f, const gy_doc *d)
{
    const char *title = d->title ? d->title : d->src->name;
    gy_html_begin(f, "speech", title, strlen(title));
    write_header(f, d);
    fputs("<div class=\"layout\">\n", f);
    write_outline(f, d);
    int rc = write_text(f, d);
    fputs("</div>\n", f);
    if (rc == 0)
        rc = write_table(f, d);
    gy_html_end(f);
    return rc;
}

/* ---- the report -------------------------------------------------------------- */

typedef struct html_state {
    char *page;            /* the first document's page, until the report ends */
    size_t page_len;
    gy_panel *panel;       /* every document, for the page of several */
} html_state;

static html_state *state(gy_report *rep)
{
    if (!rep->state)
        rep->state = calloc(1, sizeof(html_state));
    return rep->state;
}

static int html_doc(gy_report *rep, const gy_doc *d)
{
    html_state *st = state(rep);
    gy_error err;
    if (!st || (!st->panel && !(st->panel = gy_panel_new(&err))))
        return -1;
    gy_panel_entry *e = gy_panel_entry_new(d, &err);
    if (!e || gy_panel_add(st->panel, e, &err) != 0)
        return -1;
    free(st->page);
    st->page = NULL;
    st->page_len = 0;
    if (rep->ndocs > 1)
        return 0; /* a panel: no page of its own */
    FILE *m = open_memstream(&st->page, &st->page_len);
    if (!m)
        return -1;
    int rc = write_speech(m, d);
    if (fclose(m) != 0)
        rc = -1;
    return rc;
}

static int html_end(gy_report *rep)
{
    html_state *st = state(rep);
    if (!st)
        return -1;
    if (st->page && rep->ndocs == 1) {
        fwrite(st->page, 1, st->page_len, rep->out);
        return 0;
    }
    gy_error err;
    gy_panel *empty = st->panel ? NULL : gy_panel_new(&err);
    gy_panel *p = st->panel ? st->panel : empty;
    int rc = p ? gy_panel_render(p, GY_FORMAT_HTML, rep->out, &rep->opt, &err) : -1;
    gy_panel_free(empty);
    return rc;
}

static void html_release(gy_report *rep)
{
    html_state *st = rep->state;
    if (!st)
        return;
    free(st->page);
    gy_panel_free(st->panel);
    free(st);
    rep->state = NULL;
}

const gy_format_impl gy_format_html = {.name = "html",
                                       .doc = html_doc,
                                       .end = html_end,
                                       .release = html_release,
                                       .whole_report = 1,
                                       .diff = gy_render_diff_html};
