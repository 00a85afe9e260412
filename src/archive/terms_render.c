/* The table of formulations in text, CSV, JSON and JSON Lines: a row per
 * document and term it names (and per numbered formulation of its own),
 * with the count, the count per 10,000 characters of its body, the first
 * line, and the year the term first appears among the inputs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jsonout.h"
#include "error.h"
#include "terms.h"

static double per_10k(const gy_terms_entry *e, size_t count)
{
    return e->chars ? round((double)count * 1e4 / (double)e->chars * 100.0) / 100.0 : 0;
}

/* ---- CSV ---------------------------------------------------------------------- */

static void field(FILE *f, const char *s, int first, int inert)
{
    if (!first)
        fputc(',', f);
    if (!s)
        return;
    int quote = strpbrk(s, ",\"\r\n") != NULL, formula = inert && s[0] && strchr("=+-@\t\r", s[0]);
    if (quote)
        fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    if (quote)
        fputc('"', f);
}

static void number_field(FILE *f, double v)
{
    char buf[48];
    gy_json_number_text(v, buf);
    field(f, buf, 0, 0);
}

static const char *const csv_columns[] = {"file", "region", "region_code", "year", "kind",
                                          "term", "category", "count", "per_10k", "first_line",
                                          "first_year", "items"};

static void csv_head(FILE *f, const gy_terms_entry *e, int inert)
{
    field(f, e->file, 1, inert);
    field(f, e->region, 0, inert);
    field(f, e->code, 0, inert);
    if (e->year)
        number_field(f, e->year);
    else
        field(f, NULL, 0, 0);
}

int gy_terms_write_csv(const gy_terms *t, FILE *f, int bom)
{
    if (bom)
        fputs("\xEF\xBB\xBF", f);
    for (size_t k = 0; k < sizeof csv_columns / sizeof csv_columns[0]; k++)
        field(f, csv_columns[k], k == 0, 0);
    fputs("\r\n", f);
    for (size_t i = 0; i < t->n; i++) {
        const gy_terms_entry *e = t->entries[i];
        size_t n, *shown = gy_terms_of_entry(t, e, &n);
        if (!shown)
            return -1;
        for (size_t j = 0; j < n; j++) {
            size_t k = shown[j];
            csv_head(f, e, bom);
            field(f, "term", 0, 0);
            field(f, t->set->terms[k].name, 0, bom);
            field(f, t->set->terms[k].category, 0, bom);
            number_field(f, e->count[k]);
            number_field(f, per_10k(e, e->count[k]));
            number_field(f, (double)e->first_line[k]);
            if (t->first_year[k])
                number_field(f, t->first_year[k]);
            else
                field(f, NULL, 0, 0);
            field(f, NULL, 0, 0);
            fputs("\r\n", f);
        }
        free(shown);
        for (size_t j = 0; j < e->nnumbered; j++) {
            const gy_numbered *nb = &e->numbered[j];
            csv_head(f, e, bom);
            field(f, "numbered", 0, 0);
            field(f, nb->text, 0, bom);
            field(f, NULL, 0, 0);
            number_field(f, (double)nb->count);
            number_field(f, per_10k(e, nb->count));
            number_field(f, (double)nb->line);
            field(f, NULL, 0, 0);
            /* the items, one cell, joined by ；*/
            size_t len = 0;
            for (size_t k = 0; k < nb->nitems; k++)
                len += strlen(nb->items[k]) + 3;
            char *items = malloc(len + 1);
            if (!items)
                return -1;
            items[0] = '\0';
            for (size_t k = 0; k < nb->nitems; k++) {
                if (k)
                    strcat(items, "；");
                strcat(items, nb->items[k]);
            }
            field(f, nb->nitems ? items : NULL, 0, bom);
            free(items);
            fputs("\r\n", f);
        }
    }
    return ferror(f) ? -1 : 0;
}

/* ---- JSON ----------------------------------------------------------------------- */

static void json_head(gy_jw *w, const gy_terms_entry *e)
{
    gy_jw_key(w, "file");
    gy_jw_cstr(w, e->file);
    gy_jw_key(w, "region");
    gy_jw_cstr(w, e->region);
    gy_jw_key(w, "region_code");
    gy_jw_cstr(w, e->code);
    gy_jw_key(w, "year");
    if (e->year)
        gy_jw_number(w, e->year);
    else
        gy_jw_null(w);
}

static void json_term(gy_jw *w, const gy_terms *t, const gy_terms_entry *e, size_t k)
{
    gy_jw_open_object(w);
    json_head(w, e);
    gy_jw_key(w, "kind");
    gy_jw_cstr(w, "term");
    gy_jw_key(w, "term");
    gy_jw_cstr(w, t->set->terms[k].name);
    gy_jw_key(w, "category");
    gy_jw_cstr(w, t->set->terms[k].category);
    gy_jw_key(w, "count");
    gy_jw_number(w, e->count[k]);
    gy_jw_key(w, "per_10k");
    gy_jw_number(w, per_10k(e, e->count[k]));
    gy_jw_key(w, "first_line");
    gy_jw_number(w, (double)e->first_line[k]);
    gy_jw_key(w, "first_year");
    if (t->first_year[k])
        gy_jw_number(w, t->first_year[k]);
    else
        gy_jw_null(w);
    if (t->opt.context) {
        gy_jw_key(w, "hits");
        gy_jw_open_array(w);
        for (size_t h = 0; h < e->nhits; h++) {
            const gy_hit *x = &e->hits[h];
            if (x->term != k)
                continue;
            gy_jw_open_object(w);
            gy_jw_key(w, "line");
            gy_jw_number(w, (double)x->line);
            gy_jw_key(w, "left");
            gy_jw_cstr(w, x->left);
            gy_jw_key(w, "match");
            gy_jw_cstr(w, x->match);
            gy_jw_key(w, "right");
            gy_jw_cstr(w, x->right);
            gy_jw_close_object(w);
        }
        gy_jw_close_array(w);
    }
    gy_jw_close_object(w);
}

static void json_numbered(gy_jw *w, const gy_terms_entry *e, const gy_numbered *nb)
{
    gy_jw_open_object(w);
    json_head(w, e);
    gy_jw_key(w, "kind");
    gy_jw_cstr(w, "numbered");
    gy_jw_key(w, "term");
    gy_jw_cstr(w, nb->text);
    gy_jw_key(w, "count");
    gy_jw_number(w, (double)nb->count);
    gy_jw_key(w, "per_10k");
    gy_jw_number(w, per_10k(e, nb->count));
    gy_jw_key(w, "first_line");
    gy_jw_number(w, (double)nb->line);
    gy_jw_key(w, "items");
    if (!nb->nitems) {
        gy_jw_null(w);
    } else {
        gy_jw_open_array(w);
        for (size_t k = 0; k < nb->nitems; k++)
            gy_jw_cstr(w, nb->items[k]);
        gy_jw_close_array(w);
    }
    gy_jw_close_object(w);
}

static int json_rows(gy_jw *w, const gy_terms *t, const gy_terms_entry *e, FILE *f, int lines)
{
    size_t n, *shown = gy_terms_of_entry(t, e, &n);
    if (!shown)
        return -1;
    for (size_t j = 0; j < n; j++) {
        if (lines)
            gy_jw_init(w, f, 0);
        json_term(w, t, e, shown[j]);
        if (lines)
            fputc('\n', f);
    }
    free(shown);
    for (size_t j = 0; j < e->nnumbered; j++) {
        if (lines)
            gy_jw_init(w, f, 0);
        json_numbered(w, e, &e->numbered[j]);
        if (lines)
            fputc('\n', f);
    }
    return 0;
}

int gy_terms_write_json(const gy_terms *t, FILE *f, int lines, int compact)
{
    gy_jw *w = malloc(sizeof *w);
    if (!w)
        return -1;
    int rc = 0;
    if (!lines) {
        gy_jw_init(w, f, !compact);
        gy_jw_open_object(w);
        gy_jw_key(w, "schema");
        gy_jw_cstr(w, "gangyao-terms/1");
        gy_jw_key(w, "rows");
        gy_jw_open_array(w);
    }
    for (size_t i = 0; i < t->n && rc == 0; i++)
        rc = json_rows(w, t, t->entries[i], f, lines);
    if (!lines) {
        gy_jw_close_array(w);
        gy_jw_close_object(w);
        fputc('\n', f);
    }
    rc = rc || w->oom ? -1 : 0;
    free(w);
    return rc || ferror(f) ? -1 : 0;
}

/* ---- text ------------------------------------------------------------------------ */

int gy_terms_write_text(const gy_terms *t, FILE *f)
{
    for (size_t i = 0; i < t->n; i++) {
        const gy_terms_entry *e = t->entries[i];
        size_t n, *shown = gy_terms_of_entry(t, e, &n);
        if (!shown)
            return -1;
        fputs(i ? "\n==> " : "==> ", f);
        gy_fput_shown(e->file, (size_t)-1, f);
        if (e->region) {
            fputs(", ", f);
            gy_fput_shown(e->region, (size_t)-1, f);
        }
        if (e->year)
            fprintf(f, ", %d", e->year);
        fprintf(f, ": %zu characters <==\n", e->chars);
        fprintf(f, "%7s %8s %6s  %s\n", "count", "per 10k", "line", "term");
        for (size_t j = 0; j < n; j++) {
            size_t k = shown[j];
            fprintf(f, "%7u %8.2f %6zu  ", e->count[k], per_10k(e, e->count[k]), e->first_line[k]);
            gy_fput_shown(t->set->terms[k].name, (size_t)-1, f);
            fprintf(f, "  [%s", t->set->terms[k].category);
            if (t->first_year[k] && t->n > 1)
                fprintf(f, ", first %d", t->first_year[k]);
            fputs("]\n", f);
            for (size_t h = 0; t->opt.context && h < e->nhits; h++) {
                const gy_hit *x = &e->hits[h];
                if (x->term != k)
                    continue;
                fprintf(f, "%23zu  ", x->line);
                gy_fput_shown(x->left, (size_t)-1, f);
                fputs("【", f);
                gy_fput_shown(x->match, (size_t)-1, f);
                fputs("】", f);
                gy_fput_shown(x->right, (size_t)-1, f);
                fputc('\n', f);
            }
        }
        free(shown);
        if (e->nnumbered)
            fputs("numbered formulations:\n", f);
        for (size_t j = 0; j < e->nnumbered; j++) {
            const gy_numbered *nb = &e->numbered[j];
            fprintf(f, "%7zu %8.2f %6zu  ", nb->count, per_10k(e, nb->count), nb->line);
            gy_fput_shown(nb->text, (size_t)-1, f);
            for (size_t k = 0; k < nb->nitems; k++) {
                fputs(k ? "；" : "  = ", f);
                gy_fput_shown(nb->items[k], (size_t)-1, f);
            }
            fputc('\n', f);
        }
    }
    return ferror(f) ? -1 : 0;
}

/* ---- the dispatch --------------------------------------------------------------- */

int gy_terms_render(gy_terms *t, gy_format f, FILE *out, const gy_render_options *opt,
                    gy_error *err)
{
    gy_error_clear(err);
    if (gy_terms_settle(t) != 0) {
        gy_error_oom(err, "terms");
        return -1;
    }
    int rc;
    switch (f) {
    case GY_FORMAT_CSV: rc = gy_terms_write_csv(t, out, opt ? opt->bom : 0); break;
    case GY_FORMAT_JSON: rc = gy_terms_write_json(t, out, 0, opt ? opt->compact : 0); break;
    case GY_FORMAT_JSONL: rc = gy_terms_write_json(t, out, 1, 1); break;
    case GY_FORMAT_HTML: rc = gy_terms_write_html(t, out); break;
    default: rc = gy_terms_write_text(t, out); break;
    }
    if (rc != 0 || fflush(out) != 0 || ferror(out)) {
        err->status = GY_E_OUTPUT;
        snprintf(err->message, sizeof err->message, "cannot write output");
        return -1;
    }
    return 0;
}
