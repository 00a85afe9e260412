/* The format table and reports: the one place that knows which formats
 * there are.  A new format is a file with a gy_format_impl and a line in
 * formats[]. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

static const gy_format_impl *const formats[GY_FORMAT_COUNT] = {
    [GY_FORMAT_TEXT] = &gy_format_text,
    [GY_FORMAT_JSON] = &gy_format_json,
    [GY_FORMAT_CSV] = &gy_format_csv,
    [GY_FORMAT_JSONL] = &gy_format_jsonl,
    [GY_FORMAT_HTML] = &gy_format_html,
};

const char *gy_format_name(gy_format f)
{
    return (unsigned)f < GY_FORMAT_COUNT ? formats[f]->name : NULL;
}

int gy_format_in_parts(gy_format f)
{
    return (unsigned)f < GY_FORMAT_COUNT && !formats[f]->whole_report;
}

int gy_format_can_diff(gy_format f) { return (unsigned)f < GY_FORMAT_COUNT && formats[f]->diff; }

int gy_format_from_name(const char *name, gy_format *f)
{
    for (int i = 0; i < GY_FORMAT_COUNT; i++)
        if (strcmp(formats[i]->name, name) == 0) {
            *f = (gy_format)i;
            return 0;
        }
    return -1;
}

/* 0, or -1 with err filled when the output failed or memory ran out. */
static int outcome(gy_report *rep, int rc, gy_error *err)
{
    if (rc != 0 || rep->oom) {
        gy_error_oom(err, NULL);
        return -1;
    }
    return gy_error_check_output(err, rep->out);
}

gy_report *gy_report_new(gy_format f, FILE *out, const gy_render_options *opt, gy_error *err)
{
    static const gy_render_options defaults = {GY_SHOW_ALL, 0, 0, 0, 0, 0};
    gy_report *rep = (unsigned)f < GY_FORMAT_COUNT ? calloc(1, sizeof *rep) : NULL;
    if (!rep) {
        gy_error_oom(err, NULL);
        return NULL;
    }
    rep->impl = formats[f];
    rep->out = out;
    rep->opt = opt ? *opt : defaults;
    return rep;
}

/* What comes before the next document: the report's beginning, or what
 * stands between two documents. */
static int before_next(gy_report *rep)
{
    if (rep->ndocs++ == 0)
        return rep->impl->begin ? rep->impl->begin(rep) : 0;
    return rep->impl->between ? rep->impl->between(rep) : 0;
}

int gy_report_add(gy_report *rep, const gy_doc *doc, gy_error *err)
{
    int rc = before_next(rep);
    if (rc == 0)
        rc = rep->impl->doc(rep, doc);
    return outcome(rep, rc, err);
}

int gy_render_part(const gy_doc *doc, gy_format f, FILE *out, const gy_render_options *opt,
                   gy_error *err)
{
    static const gy_render_options defaults = {GY_SHOW_ALL, 0, 0, 0, 0, 0};
    if ((unsigned)f >= GY_FORMAT_COUNT || formats[f]->whole_report) {
        gy_error_set(err, GY_E_USAGE, NULL, 0, 0, -1, "",
                     "this output format has no part per document");
        return -1;
    }
    gy_report rep;
    memset(&rep, 0, sizeof rep);
    rep.impl = formats[f];
    rep.out = out;
    rep.opt = opt ? *opt : defaults;
    return outcome(&rep, rep.impl->doc(&rep, doc), err);
}

int gy_report_add_part(gy_report *rep, const char *part, size_t n, gy_error *err)
{
    int rc = before_next(rep);
    if (rc == 0 && n)
        fwrite(part, 1, n, rep->out);
    return outcome(rep, rc, err);
}

int gy_report_add_error(gy_report *rep, const char *path, long record, const char *meta,
                        const gy_error *e, gy_error *err)
{
    if (!rep->impl->error)
        return 0;
    int rc = before_next(rep);
    if (rc == 0)
        rc = rep->impl->error(rep, path, record, meta, e);
    return outcome(rep, rc, err);
}

int gy_report_finish(gy_report *rep, gy_error *err)
{
    int rc = 0;
    if (rep->ndocs == 0 && rep->impl->begin)
        rc = rep->impl->begin(rep);
    if (rc == 0 && rep->impl->end)
        rc = rep->impl->end(rep);
    rc = outcome(rep, rc, err);
    if (rep->impl->release)
        rep->impl->release(rep);
    free(rep);
    return rc;
}

int gy_render(const gy_doc *doc, gy_format f, FILE *out, const gy_render_options *opt,
              gy_error *err)
{
    gy_report *rep = gy_report_new(f, out, opt, err);
    if (!rep)
        return -1;
    if (gy_report_add(rep, doc, err) != 0) {
        if (rep->impl->release)
            rep->impl->release(rep);
        free(rep);
        return -1;
    }
    return gy_report_finish(rep, err);
}

int gy_render_diff(const gy_diff *df, gy_format f, FILE *out, const gy_render_options *opt,
                   gy_error *err)
{
    static const gy_render_options defaults = {GY_SHOW_ALL, 0, 0, 0, 0, 0};
    if ((unsigned)f >= GY_FORMAT_COUNT || !formats[f]->diff) {
        gy_error_set(err, GY_E_USAGE, NULL, 0, 0, -1, "", "diff has no %s output",
                     gy_format_name(f));
        return -1;
    }
    if (formats[f]->diff(df, out, opt ? opt : &defaults) != 0) {
        gy_error_oom(err, NULL);
        return -1;
    }
    return gy_error_check_output(err, out);
}
