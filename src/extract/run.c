/* Running rule patterns on a document's text during its analysis. */
#include <stdint.h>

#include "extract.h"

/* A match that did not succeed: no match, or an error to report once per
 * pattern and document.  Returns 0. */
int gy_match_failed(gy_run *x, const gy_rx *rx, const char *subject, size_t start, int rc)
{
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL || x->failed[rx->id]++)
        return 0;
    /* a hit limit or another match error: the rule may have missed a match,
     * which the user should know */
    PCRE2_UCHAR msg[128];
    if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
        msg[0] = '\0';
    /* a subject outside the text (a target's subject) has no line */
    uintptr_t at = (uintptr_t)subject, text = (uintptr_t)x->d->s;
    int in_text = at >= text && at <= text + x->d->len;
    size_t off = in_text ? (size_t)(subject - x->d->s) + start : 0;
    gy_doc_warn(x->d, in_text ? gy_text_line_of(&x->d->text, off) : 0, "match-error",
                "rule '%s' could not be matched here (%s): what it finds may be incomplete, "
                "and after %d such failures it is given up for the rest of the document",
                rx->name, (const char *)msg, GY_RULE_FAILURES);
    return 0;
}

int gy_group(const gy_run *x, int g, size_t *start, size_t *end)
{
    return gy_rx_group(x->md, g, start, end);
}

int gy_match_run(gy_run *x, const gy_rx *rx, const char *subject, size_t len, size_t start)
{
    if (x->failed[rx->id] >= GY_RULE_FAILURES)
        return 0;
    uint32_t limit = gy_match_limit(rx, len, start);
    if (limit != x->limit) {
        pcre2_set_match_limit(x->mctx, limit);
        x->limit = limit;
    }
    int rc = gy_rx_run(rx, subject, len, start, x->md, x->mctx);
    return rc > 0 ? rc : gy_match_failed(x, rx, subject, start, rc);
}
