/* The extraction stages, in the order gy_analyze runs them, and what they
 * share while one document is analyzed: the rules, the model being filled
 * and scratch match data.  Each stage returns 0, or -1 when out of memory. */
#ifndef GY_EXTRACT_H
#define GY_EXTRACT_H

#include "doc.h"
#include "rules.h"

typedef struct gy_run {
    gy_doc *d;
    const gy_rules *r;
    pcre2_match_data *md;      /* room for the rule set's largest pattern */
    unsigned char *failed;     /* per compiled pattern: its match errors so far */
    pcre2_match_context *mctx; /* the rule set's limits, the match limit lowered
                                  for a search through a long subject */
    uint32_t limit;            /* mctx's match limit */
} gy_run;

/* Runs rx on subject[0..len) from start (subject lies in the document's
 * text).  Returns the number of pairs in the match data (> 0) on a match,
 * 0 on no match; a match error (a PCRE2 limit) is no match, and is reported
 * once per pattern and document as a warning naming the rule; after
 * GY_RULE_FAILURES of them the rule is not tried again in the document. */
int gy_match_failed(gy_run *x, const gy_rx *rx, const char *subject, size_t start, int rc);

/* The match limit for a search of rx from start through len bytes. */
static inline uint32_t gy_match_limit(const gy_rx *rx, size_t len, size_t start)
{
    size_t places = len - start;
    if (rx->anchored || places <= GY_SEARCH_STEPS / GY_MATCH_LIMIT)
        return GY_MATCH_LIMIT;
    size_t each = GY_SEARCH_STEPS / places;
    return each < GY_MATCH_LIMIT_FLOOR ? GY_MATCH_LIMIT_FLOOR : (uint32_t)each;
}

/* gy_match past the test of where rx may start. */
int gy_match_run(gy_run *x, const gy_rx *rx, const char *subject, size_t len, size_t start);

/* The test of where rx may start is inline: most places fail it, and a
 * call for each would cost more than the test. */
static inline int gy_match(gy_run *x, const gy_rx *rx, const char *subject, size_t len,
                           size_t start)
{
    return gy_rx_may_start(rx, subject, len, start) ? gy_match_run(x, rx, subject, len, start)
                                                     : 0;
}

/* Offsets of group g of the last match; returns 0 when unset. */
int gy_group(const gy_run *x, int g, size_t *start, size_t *end);

/* markup.c: the content of each line without markup at its ends. */
void gy_find_content(gy_run *x);
int gy_extract_noise(gy_run *x);
/* extract_residue.c, from gy_extract_noise: a web page's residue around
 * the speech. */
int gy_find_residue(gy_run *x);
int gy_extract_title(gy_run *x);
/* Lines of one paragraph broken apart, joined (before the sentence index). */
int gy_extract_paragraphs(gy_run *x);
int gy_extract_sections(gy_run *x);
int gy_extract_tasks(gy_run *x);
/* Targets and the times among them, in one scan (extract_targets.c and
 * extract_times.c). */
int gy_extract_targets(gy_run *x);
/* The report's date and year, and the year of each time and target. */
int gy_extract_years(gy_run *x);
/* Estimates, aspirations and restatements among the targets. */
int gy_extract_goals(gy_run *x);
/* Which government wrote the report (extract_region.c). */
int gy_extract_region(gy_run *x);

#endif
