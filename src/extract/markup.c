/* Markup stage: the content of each line is its text without the markup
 * residue (HTML tags, escaped spaces) the markup rules describe at its two
 * ends, so that later stages see the words only.  The text is not changed. */
#include "extract.h"

/* Skips what the skip patterns match from a onwards; returns the new start. */
static size_t skip_leading(gy_run *x, const gy_line *l, size_t a, size_t b)
{
    const gy_markup_rules *m = &x->r->markup;
    const char *sub = x->d->s + l->start;
    /* up to the trimmed end, so that no match runs into the trailing
     * spaces and leaves the content starting after its end */
    size_t sublen = l->trim - l->start;
    for (int moved = 1; moved && a < b;) {
        moved = 0;
        for (size_t k = 0; k < m->nskip; k++) {
            size_t ms, me;
            if (gy_match(x, &m->skip[k], sub, sublen, a - l->start) &&
                gy_group(x, 0, &ms, &me) && me > ms) {
                a = l->start + me;
                moved = 1;
                break;
            }
        }
    }
    return a;
}

/* Start of the tag that ends exactly at b (tried at the last '<'), or b. */
static size_t trailing_tag(gy_run *x, const gy_line *l, size_t a, size_t b)
{
    const char *s = x->d->s;
    size_t lt = b - 1;
    while (lt > a && s[lt - 1] != '<')
        lt--;
    if (lt <= a)
        return b;
    lt--;
    const gy_markup_rules *m = &x->r->markup;
    for (size_t k = 0; k < m->nskip; k++) {
        size_t ms, me;
        if (gy_match(x, &m->skip[k], s + l->start, l->trim - l->start, lt - l->start) &&
            gy_group(x, 0, &ms, &me) && l->start + me == b)
            return lt;
    }
    return b;
}

void gy_find_content(gy_run *x)
{
    gy_doc *d = x->d;
    for (size_t i = 0; i < d->text.nlines; i++) {
        const gy_line *l = &d->text.lines[i];
        size_t a = skip_leading(x, l, l->indent, l->trim), b = l->trim;
        while (b > a && d->s[b - 1] == '>') {
            size_t nb = trailing_tag(x, l, a, b);
            if (nb == b)
                break;
            b = nb;
            while (b > a && (d->s[b - 1] == ' ' || d->s[b - 1] == '\t'))
                b--;
        }
        d->content[i].start = a;
        d->content[i].end = b;
    }
}
