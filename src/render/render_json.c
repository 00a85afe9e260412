/* JSON reporters (schema "gangyao/1", see docs/schema.md): one object per
 * document, its elements written from their field descriptions as they
 * come, so a large document never needs a JSON tree in memory.  Several
 * documents are a stream of objects, one after another; JSON Lines (the
 * jsonl format) writes each on one line, and an error record in place of
 * an input that failed. */
#include <string.h>

#include "diff.h"
#include "source.h"
#include "fields.h"
#include "jsonout.h"
#include "render.h"

/* Every element of kind e, under key. */
static void elements(gy_jw *w, const char *key, const gy_doc *d, gy_element e)
{
    gy_jw_key(w, key);
    gy_jw_elements(w, d, e);
}

static void head(gy_jw *w, const gy_doc *d)
{
    gy_jw_key(w, "title");
    gy_jw_cstr(w, d->title);
    gy_jw_key(w, "occasion");
    gy_jw_cstr(w, d->occasion);
    gy_jw_key(w, "speaker");
    gy_jw_cstr(w, d->speaker);
    gy_jw_key(w, "date");
    gy_jw_cstr(w, d->date[0] ? d->date : NULL);
    gy_jw_key(w, "year");
    if (d->year)
        gy_jw_number(w, d->year);
    else
        gy_jw_null(w);
    gy_jw_key(w, "region");
    if (!d->region_name) {
        gy_jw_null(w);
        return;
    }
    gy_jw_open_object(w);
    gy_jw_key(w, "name");
    gy_jw_cstr(w, d->region_name);
    gy_jw_key(w, "code");
    gy_jw_cstr(w, d->region_code);
    gy_jw_key(w, "level");
    gy_jw_cstr(w, gy_level_name(d->region_level));
    gy_jw_close_object(w);
}

/* The document, compact when asked or on one line (JSON Lines). */
static int write_doc(gy_report *rep, const gy_doc *d, int compact)
{
    static const struct {
        unsigned bit;
        const char *key;
        gy_element e;
    } parts[] = {
        {GY_SHOW_NOISE, "noise", GY_ELEM_NOISE},       {GY_SHOW_SECTIONS, "sections", GY_ELEM_SECTION},
        {GY_SHOW_TASKS, "tasks", GY_ELEM_TASK},         {GY_SHOW_TARGETS, "targets", GY_ELEM_TARGET},
        {GY_SHOW_TIMES, "times", GY_ELEM_TIME},         {GY_SHOW_WARNINGS, "warnings", GY_ELEM_WARNING},
    };
    unsigned show = rep->opt.show;
    gy_jw w;
    gy_jw_init(&w, rep->out, !compact);
    gy_jw_trust(&w, d->s, d->len);
    gy_jw_open_object(&w);
    gy_jw_key(&w, "schema");
    gy_jw_cstr(&w, "gangyao/1");
    gy_jw_member_element(&w, "source", d, GY_ELEM_SOURCE, 0);
    if (d->src->meta) {
        gy_jw_key(&w, "meta");
        gy_jw_raw(&w, d->src->meta, d->src->meta_len);
    }
    if (show & GY_SHOW_TITLE)
        head(&w, d);
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (show & parts[k].bit)
            elements(&w, parts[k].key, d, parts[k].e);
    gy_jw_close_object(&w);
    fputc('\n', rep->out);
    return w.oom ? -1 : 0;
}

static int json_doc(gy_report *rep, const gy_doc *d) { return write_doc(rep, d, rep->opt.compact); }

static int jsonl_doc(gy_report *rep, const gy_doc *d) { return write_doc(rep, d, 1); }

/* {"schema", "source": {"path", "record"}, "meta"?, "error": {...}}: what
 * a table built from the output shows for an input that is missing. */
static int jsonl_error(gy_report *rep, const char *path, long record, const char *meta,
                       const gy_error *e)
{
    gy_jw w;
    gy_jw_init(&w, rep->out, 0);
    gy_jw_open_object(&w);
    gy_jw_key(&w, "schema");
    gy_jw_cstr(&w, "gangyao/1");
    gy_jw_key(&w, "source");
    gy_jw_open_object(&w);
    gy_jw_key(&w, "path");
    gy_jw_cstr(&w, path);
    gy_jw_key(&w, "record");
    if (record > 0)
        gy_jw_number(&w, (double)record);
    else
        gy_jw_null(&w);
    gy_jw_close_object(&w);
    if (meta) {
        gy_jw_key(&w, "meta");
        gy_jw_raw(&w, meta, strlen(meta));
    }
    gy_jw_key(&w, "error");
    gy_jw_open_object(&w);
    gy_jw_key(&w, "status");
    gy_jw_number(&w, e->status);
    gy_jw_key(&w, "code");
    gy_jw_cstr(&w, gy_status_code(e->status));
    gy_jw_key(&w, "message");
    gy_jw_cstr(&w, e->message[0] ? e->message : gy_status_name(e->status));
    gy_jw_key(&w, "line");
    if (e->line > 0)
        gy_jw_number(&w, (double)e->line);
    else
        gy_jw_null(&w);
    gy_jw_key(&w, "column");
    if (e->column > 0)
        gy_jw_number(&w, (double)e->column);
    else
        gy_jw_null(&w);
    gy_jw_key(&w, "hint");
    gy_jw_cstr(&w, e->hint[0] ? e->hint : NULL);
    gy_jw_close_object(&w);
    gy_jw_close_object(&w);
    fputc('\n', rep->out);
    return w.oom ? -1 : 0;
}

const gy_format_impl gy_format_json = {.name = "json", .doc = json_doc, .diff = gy_render_diff_json};
const gy_format_impl gy_format_jsonl = {.name = "jsonl", .doc = jsonl_doc, .error = jsonl_error};
