/* The page of formulations: a table of terms by documents (documents in
 * order of year, then region), each cell shaded by the term's count per
 * 10,000 characters, the document where a term first appears marked; and
 * a line per term over the years (its mean count per 10,000 characters in
 * the documents of each year), for the terms said most. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "terms.h"

enum { MAX_LINES = 12, CHART_W = 760, CHART_H = 240, LEFT = 50, RIGHT = 600, TOP = 16,
       BOTTOM = 200 };

static double density(const gy_terms_entry *e, size_t k)
{
    return e->chars ? (double)e->count[k] * 1e4 / (double)e->chars : 0;
}

/* A document's place in the table: by year, then region, then input. */
typedef struct placed {
    const gy_terms_entry *e;
    size_t index;
} placed;

static int by_year(const void *a, const void *b)
{
    const placed *p = a, *q = b;
    if (p->e->year != q->e->year)
        return p->e->year < q->e->year ? -1 : 1;
    int c = strcmp(p->e->region ? p->e->region : "", q->e->region ? q->e->region : "");
    if (c)
        return c;
    return (p->index > q->index) - (p->index < q->index);
}

/* The terms any document names, the most said first (malloc'd). */
static size_t *named_terms(const gy_terms *t, size_t *n)
{
    size_t *out = malloc((t->set->n ? t->set->n : 1) * sizeof *out);
    double *total = calloc(t->set->n ? t->set->n : 1, sizeof *total);
    *n = 0;
    if (!out || !total) {
        free(out);
        free(total);
        return NULL;
    }
    for (size_t k = 0; k < t->set->n; k++) {
        for (size_t i = 0; i < t->n; i++)
            total[k] += t->entries[i]->count[k];
        if (total[k] > 0 && t->shown[k])
            out[(*n)++] = k;
    }
    for (size_t a = 1; a < *n; a++) /* insertion by total: a few hundred terms */
        for (size_t b = a; b > 0 && total[out[b - 1]] < total[out[b]]; b--) {
            size_t x = out[b];
            out[b] = out[b - 1];
            out[b - 1] = x;
        }
    free(total);
    return out;
}

static void doc_label(FILE *f, const gy_terms_entry *e)
{
    if (e->year)
        fprintf(f, "%d ", e->year);
    const char *base = strrchr(e->file, '/');
    gy_html_cstr(f, e->region ? e->region : base ? base + 1 : e->file);
}

static void write_table(FILE *f, const gy_terms *t, const size_t *docs, const size_t *terms,
                        size_t nterms)
{
    double max = 0;
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = 0; j < nterms; j++)
            max = fmax(max, density(t->entries[i], terms[j]));
    fputs("<section class=\"table\">\n<h2>Terms by document</h2>\n<p class=\"legend\">Each cell: "
          "how often the document says the term (count, shaded by the count per 10,000 "
          "characters); <span class=\"first\">★</span> where it first appears among these "
          "documents.</p>\n<div class=\"scroll\"><table class=\"sortable terms\" id=\"terms-table\">\n"
          "<thead><tr><th>term</th><th>category</th>",
          f);
    for (size_t i = 0; i < t->n; i++) {
        const gy_terms_entry *e = t->entries[docs[i]];
        fputs("<th data-type=\"num\" title=\"", f);
        gy_html_cstr(f, e->file);
        fputs("\">", f);
        doc_label(f, e);
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t j = 0; j < nterms; j++) {
        size_t k = terms[j];
        fputs("<tr><th scope=\"row\">", f);
        gy_html_cstr(f, t->set->terms[k].name);
        fputs("</th><td>", f);
        gy_html_cstr(f, t->set->terms[k].category);
        fputs("</td>", f);
        int marked = 0;
        for (size_t i = 0; i < t->n; i++) {
            const gy_terms_entry *e = t->entries[docs[i]];
            if (!e->count[k]) {
                fputs("<td class=\"num\" data-v=\"0\"></td>", f);
                continue;
            }
            double share = max > 0 ? density(e, k) / max : 0;
            int first = !marked && e->year && e->year == t->first_year[k];
            marked |= first;
            fprintf(f, "<td class=\"num shade%d%s\" data-v=\"%u\""
                       " title=\"%.2f per 10,000 characters, first on line %zu\">%u%s</td>",
                    (int)(share * 5.0 + 0.5), first ? " first" : "", e->count[k], density(e, k),
                    e->first_line[k], e->count[k], first ? " ★" : "");
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table></div>\n</section>\n", f);
}

/* A line per term over the years: the mean count per 10,000 characters of
 * the documents of each year. */
static void write_chart(FILE *f, const gy_terms *t, const size_t *terms, size_t nterms)
{
    int lo = 0, hi = 0;
    for (size_t i = 0; i < t->n; i++) {
        int y = t->entries[i]->year;
        if (y && (!lo || y < lo))
            lo = y;
        if (y > hi)
            hi = y;
    }
    size_t n = nterms < MAX_LINES ? nterms : MAX_LINES;
    if (!lo || hi == lo || !n)
        return;
    size_t years = (size_t)(hi - lo + 1);
    double *mean = calloc(n * years, sizeof *mean), max = 0;
    unsigned *docs = calloc(years, sizeof *docs);
    if (!mean || !docs) {
        free(mean);
        free(docs);
        return;
    }
    for (size_t i = 0; i < t->n; i++) {
        const gy_terms_entry *e = t->entries[i];
        if (!e->year)
            continue;
        docs[e->year - lo]++;
        for (size_t j = 0; j < n; j++)
            mean[j * years + (size_t)(e->year - lo)] += density(e, terms[j]);
    }
    for (size_t j = 0; j < n; j++)
        for (size_t y = 0; y < years; y++)
            if (docs[y])
                max = fmax(max, mean[j * years + y] /= docs[y]);
    fprintf(f, "<section class=\"table\">\n<h2>Terms over the years</h2>\n<div class=\"chart\">"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
               " role=\"img\" aria-label=\"terms over the years\">",
            CHART_W, CHART_H, CHART_W, CHART_H);
    for (int y = lo; y <= hi; y += (hi - lo) > 12 ? 2 : 1) {
        double x = LEFT + (double)(y - lo) / (hi - lo) * (RIGHT - LEFT);
        fprintf(f, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                   "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
                x, TOP, x, BOTTOM, x, BOTTOM + 14, y);
    }
    for (size_t j = 0; j < n && max > 0; j++) {
        fprintf(f, "<g class=\"term-line c%zu\"><title>", j % 6);
        gy_html_cstr(f, t->set->terms[terms[j]].name);
        fputs("</title><polyline points=\"", f);
        for (size_t y = 0; y < years; y++)
            if (docs[y])
                fprintf(f, "%.1f,%.1f ", LEFT + (double)y / (double)(years - 1) * (RIGHT - LEFT),
                        BOTTOM - mean[j * years + y] / max * (BOTTOM - TOP));
        fprintf(f, "\"/><text x=\"%d\" y=\"%.1f\">", RIGHT + 8, TOP + 14.0 * (double)j + 4);
        gy_html_cstr(f, t->set->terms[terms[j]].name);
        fputs("</text></g>", f);
    }
    fputs("</svg></div>\n</section>\n", f);
    free(mean);
    free(docs);
}

int gy_terms_write_html(const gy_terms *t, FILE *f)
{
    static const char title[] = "gangyao: formulations";
    size_t *docs = malloc((t->n ? t->n : 1) * sizeof *docs), nterms = 0;
    placed *order = malloc((t->n ? t->n : 1) * sizeof *order);
    size_t *terms = named_terms(t, &nterms);
    if (!docs || !terms || !order) {
        free(docs);
        free(order);
        free(terms);
        return -1;
    }
    for (size_t i = 0; i < t->n; i++)
        order[i] = (placed){t->entries[i], i};
    gy_sort(order, t->n, sizeof *order, by_year);
    for (size_t i = 0; i < t->n; i++)
        docs[i] = order[i].index;
    free(order);
    gy_html_begin(f, "terms", title, sizeof title - 1);
    fprintf(f, "<header class=\"page\">\n<h1>Formulations in %zu documents</h1>\n"
               "<p class=\"meta\">%zu terms named</p>\n</header>\n",
            t->n, nterms);
    write_table(f, t, docs, terms, nterms);
    write_chart(f, t, terms, nterms);
    gy_html_end(f);
    free(docs);
    free(terms);
    return ferror(f) ? -1 : 0;
}
