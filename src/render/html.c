/* The HTML page frame and escaping (see html.h). */
#include "html.h"

#include <string.h>

#include "fields.h"
#include "jsonout.h"

void gy_html_text(FILE *f, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                        : c == '"' ? "&quot;" : c == '\'' ? "&#39;"
                        : (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ? "\xEF\xBF\xBD"
                        : NULL;
        if (!esc)
            continue;
        fwrite(s + run, 1, i - run, f);
        fputs(esc, f);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, f);
}

void gy_html_cstr(FILE *f, const char *s)
{
    if (s)
        gy_html_text(f, s, strlen(s));
}

void gy_html_slice(FILE *f, const gy_doc *d, gy_slice sl)
{
    if (sl.end > sl.start)
        gy_html_text(f, d->s + sl.start, sl.end - sl.start);
}

static const char style[] =
    ":root{--goal:#0b6e4f;--goal-bg:#d9f2e6;--fact:#6b4e16;--fact-bg:#f7ecd0;--line:#ddd;"
    "--muted:#666;--added:#e6f4ea;--removed:#fce8e6;--changed:#fff4d6;--moved:#e8eefc}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:15px/1.7 system-ui,-apple-system,\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"PingFang SC\",\"Microsoft YaHei\",\"WenQuanYi Zen Hei\",sans-serif;color:#222;background:#fff}"
    "header.page{padding:16px 24px;border-bottom:1px solid var(--line)}"
    "header.page h1{margin:0 0 4px;font-size:22px}"
    ".meta{color:var(--muted);margin:0;font-size:13px}"
    ".warnings{margin:8px 0 0;padding:8px 12px 8px 28px;background:#fff3f3;border-left:4px solid #c62828;"
    "font-size:13px}"
    ".controls{margin:8px 0 0;font-size:13px}"
    ".layout{display:flex;align-items:flex-start}"
    "nav.outline{position:sticky;top:0;max-height:100vh;overflow:auto;width:300px;flex:none;"
    "padding:12px 16px;border-right:1px solid var(--line);font-size:13px}"
    "nav.outline ol{list-style:none;margin:0;padding-left:14px}nav.outline>ol{padding-left:0}"
    "nav.outline a{color:#1a4d8f;text-decoration:none}nav.outline a:hover{text-decoration:underline}"
    "main.text{flex:1;min-width:0;padding:12px 24px;max-width:60em}"
    "p.line{margin:0 0 .45em;white-space:pre-wrap;word-break:break-word}"
    "p.line .ln{display:inline-block;width:3.2em;margin-left:-3.6em;color:#aaa;font-size:11px;"
    "text-align:right;user-select:none}main.text{padding-left:5em}"
    "p.line.blank{height:.4em;margin:0;overflow:hidden}p.line.blank .ln{visibility:hidden}"
    "p.line.head{font-weight:600}p.line.heading{font-weight:700;margin-top:1em}"
    "p.line.noise{display:none;color:#999;background:#f6f6f6}"
    "body.show-noise p.line.noise{display:block}"
    ".q{position:relative;border-radius:3px;padding:0 2px;cursor:help}"
    ".q.goal{background:var(--goal-bg);color:var(--goal);font-weight:600}"
    ".q.fact{background:var(--fact-bg);color:var(--fact)}"
    ".q:hover::after,.q:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;z-index:5;"
    "white-space:nowrap;background:#222;color:#fff;font-size:12px;font-weight:400;padding:2px 6px;"
    "border-radius:3px}"
    ".q:target,.q:focus{outline:2px solid #1a4d8f}"
    ".marker{font-weight:700;color:#1a4d8f;border-bottom:2px solid #1a4d8f}"
    ".deadline{background:#e8eefc;border-radius:3px;padding:0 2px}"
    "section.table{padding:12px 24px 32px;border-top:1px solid var(--line)}"
    ".filters{font-size:13px;margin:0 0 8px}.filters select{margin-right:8px}"
    "table{border-collapse:collapse;font-size:13px;width:100%}"
    "th,td{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}"
    "th{background:#f3f5f8;position:sticky;top:0;cursor:pointer;white-space:nowrap}"
    "th[aria-sort=ascending]::after{content:\" \\25B2\"}th[aria-sort=descending]::after{content:\" \\25BC\"}"
    "td.num{text-align:right;white-space:nowrap}"
    "tr.goal td.kind{color:var(--goal);font-weight:600}tr.fact td.kind{color:var(--fact)}"
    "tr.added{background:var(--added)}tr.removed{background:var(--removed)}"
    "tr.changed{background:var(--changed)}tr.moved{background:var(--moved)}"
    "del{background:#f8c8c4;text-decoration:line-through}ins{background:#bfe6c9;text-decoration:none}"
    ".diff td{width:50%}.diff td.status{width:auto;white-space:nowrap;color:var(--muted)}"
    ".chart{margin:16px 0 24px}.chart h3{margin:0 0 4px;font-size:15px}"
    "svg text{font-size:11px;fill:#333}svg .axis{stroke:#999}svg .grid{stroke:#eee}"
    "svg .goal{fill:var(--goal);stroke:var(--goal)}svg .fact{fill:#fff;stroke:var(--fact);stroke-width:2}"
    "svg .bar{fill:var(--goal-bg);stroke:var(--goal)}"
    ".cell-fact{display:block;color:var(--fact);font-size:12px}"
    ".legend{font-size:12px;color:var(--muted)}.scroll{overflow-x:auto}"
    "td .q{white-space:nowrap}";

/* The panel's marks: met and missed, cells without a goal, the fixed
 * region column, the national line. */
static const char panel_style[] =
    ".met{color:var(--goal);font-weight:700}.missed{color:#c62828;font-weight:700}"
    "td.no-goal{color:var(--muted);font-style:italic;background:repeating-linear-gradient(45deg,"
    "#fafafa,#fafafa 4px,#eee 4px,#eee 8px)}"
    "table.panel th[scope=row]{position:sticky;left:0;z-index:1;background:#fff;min-width:9em;"
    "font-weight:600;cursor:auto}table.panel thead th:first-child{left:0;z-index:2}"
    "svg .met{fill:var(--goal);stroke:var(--goal)}svg .missed{stroke:#c62828;stroke-width:2.5;"
    "fill:none}svg .national{stroke:#1a4d8f;stroke-width:1.5;stroke-dasharray:4 3}"
    "table.terms th[scope=row]{position:sticky;left:0;z-index:1;background:#fff;font-weight:600}"
    "td.first,.first{font-weight:700;color:#222}"
    "td.shade0{background:#eef7f2}td.shade1{background:#d3ece0}td.shade2{background:#b0dcc6}"
    "td.shade3{background:#86c8a8}td.shade4{background:#5db38a}td.shade5{background:#3a9d70}"
    "svg .term-line polyline{fill:none;stroke-width:2}svg .c0 polyline{stroke:#0b6e4f}"
    "svg .c1 polyline{stroke:#1a4d8f}svg .c2 polyline{stroke:#b5651d}svg .c3 polyline{stroke:#7b1fa2}"
    "svg .c4 polyline{stroke:#c62828}svg .c5 polyline{stroke:#555}";

/* On paper: no navigation or controls, no sticky headings. */
static const char print_style[] =
    "@media print{nav.outline,.controls,.filters{display:none}.layout{display:block}"
    "main.text{padding-left:4em}th{position:static}.q:hover::after,.q:focus::after{content:none}"
    "a{color:inherit;text-decoration:none}}";

/* Sorting by a click on a column's heading, filters of rows by their data-
 * attributes, and the switch that shows the noise lines. */
static const char script[] =
    "(function(){'use strict';"
    "function key(td,num){var v=td.getAttribute('data-v');if(num){var x=parseFloat(v===null?"
    "td.textContent:v);return isNaN(x)?-Infinity:x;}return (v===null?td.textContent:v).trim();}"
    "document.querySelectorAll('table.sortable').forEach(function(t){"
    "var ths=t.tHead?t.tHead.rows[0].cells:[];"
    "Array.prototype.forEach.call(ths,function(th,i){th.tabIndex=0;"
    "function go(){var num=th.getAttribute('data-type')==='num';"
    "var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(ths,function(o){o.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);"
    "rows.sort(function(a,b){var x=key(a.cells[i],num),y=key(b.cells[i],num);"
    "var c=num?(x-y):String(x).localeCompare(String(y),'zh');return asc?c:-c;});"
    "rows.forEach(function(r){body.appendChild(r);});}"
    "th.addEventListener('click',go);"
    "th.addEventListener('keydown',function(e){if(e.key==='Enter')go();});});});"
    "document.querySelectorAll('.filters').forEach(function(box){"
    "var t=document.getElementById(box.getAttribute('data-table'));if(!t)return;"
    "var sels=box.querySelectorAll('select'),count=box.querySelector('.count');"
    "function apply(){var n=0;Array.prototype.forEach.call(t.tBodies[0].rows,function(r){"
    "var ok=true;Array.prototype.forEach.call(sels,function(s){var f=s.getAttribute('data-filter');"
    "if(s.value!==''&&r.getAttribute('data-'+f)!==s.value)ok=false;});"
    "r.hidden=!ok;if(ok)n++;});if(count)count.textContent=n+' / '+t.tBodies[0].rows.length;}"
    "Array.prototype.forEach.call(sels,function(s){s.addEventListener('change',apply);});apply();});"
    "var sw=document.getElementById('show-noise');"
    "if(sw)sw.addEventListener('change',function(){document.body.classList.toggle('show-noise',"
    "sw.checked);});"
    "})();";

void gy_html_begin(FILE *f, const char *kind, const char *title, size_t n)
{
    fputs("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"gangyao " GY_VERSION "\">\n<title>",
          f);
    gy_html_text(f, title, n);
    fprintf(f, "</title>\n<style>%s%s%s</style>\n</head>\n<body class=\"%s\">\n", style,
            panel_style, print_style, kind);
}

void gy_html_end(FILE *f) { fprintf(f, "<script>%s</script>\n</body>\n</html>\n", script); }

void gy_html_cell(FILE *f, const gy_doc *d, gy_value v)
{
    char num[48];
    switch (v.type) {
    case GY_VALUE_NULL: fputs("<td></td>", f); break;
    case GY_VALUE_BOOL: fputs(v.i ? "<td>yes</td>" : "<td>no</td>", f); break;
    case GY_VALUE_INT:
    case GY_VALUE_NUMBER:
        gy_json_number_text(v.type == GY_VALUE_INT ? (double)v.i : v.n, num);
        fprintf(f, "<td class=\"num\" data-v=\"%s\">%s</td>", num, num);
        break;
    case GY_VALUE_STRING:
        fputs("<td>", f);
        gy_html_text(f, v.s, v.len);
        fputs("</td>", f);
        break;
    case GY_VALUE_ID: {
        if (!(v.len == 1 && v.s[0] == 's')) {
            fprintf(f, "<td>%.*s%lld</td>", (int)v.len, v.s, v.i);
            break;
        }
        gy_value h = gy_doc_get(d, GY_ELEM_SECTION, (size_t)v.i - 1, "heading");
        fprintf(f, "<td><a href=\"#s%lld\">", v.i);
        if (h.type == GY_VALUE_STRING)
            gy_html_text(f, h.s, h.len);
        fputs("</a></td>", f);
        break;
    }
    }
}
