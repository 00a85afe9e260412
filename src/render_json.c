/* JSON reporter (schema "gangyao/1", see docs/schema.md): one object per
 * document, its elements written from their field descriptions as they
 * come, so a large document never needs a JSON tree in memory.  Several
 * documents are a stream of objects, one after another. */
#include "diff.h"
#include "fields.h"
#include "jsonout.h"
#include "render.h"

/* Every element of kind e, under key. */
static void elements(gy_jw *w, const char *key, const gy_doc *d, gy_element e)
{
    gy_jw_key(w, key);
    gy_jw_open_array(w);
    size_t n = gy_doc_count(d, e);
    for (size_t i = 0; i < n; i++)
        gy_jw_element(w, d, e, i);
    gy_jw_close_array(w);
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
}

static int json_doc(gy_report *rep, const gy_doc *d)
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
    gy_jw_init(&w, rep->out, !rep->opt.compact);
    gy_jw_open_object(&w);
    gy_jw_key(&w, "schema");
    gy_jw_cstr(&w, "gangyao/1");
    gy_jw_member_element(&w, "source", d, GY_ELEM_SOURCE, 0);
    if (show & GY_SHOW_TITLE)
        head(&w, d);
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (show & parts[k].bit)
            elements(&w, parts[k].key, d, parts[k].e);
    gy_jw_close_object(&w);
    fputc('\n', rep->out);
    return w.oom ? -1 : 0;
}

const gy_format_impl gy_format_json = {"json", NULL, json_doc, NULL, gy_render_diff_json};
