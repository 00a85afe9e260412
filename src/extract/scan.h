/* The scan of a paragraph for targets and times (extract_targets.c and
 * extract_times.c): one pass, where each digit, numeral or time word is
 * looked at once, with the places the sentence, its part and the clause
 * last began. */
#ifndef GY_SCAN_H
#define GY_SCAN_H

#include "extract.h"

enum { GY_LIST_MAX = 8, GY_WORDS_MAX = 192 };

/* What the subjects of one sentence share: the last subject's words (for a
 * clause that names nothing) and a list being distributed (分别). */
typedef struct gy_subject_state {
    size_t sentence;       /* where its sentence began */
    char noun[GY_WORDS_MAX];
    size_t noun_len;
    int list;              /* a list is being distributed */
    char items[GY_LIST_MAX][GY_WORDS_MAX / 2];
    size_t item_len[GY_LIST_MAX];
    size_t nitems, next;
    char head[GY_WORDS_MAX];
    size_t head_len;
    char verb[GY_WORDS_MAX / 4];
    size_t verb_len;
} gy_subject_state;

typedef struct gy_scan {
    gy_run *x;
    gy_doc *d;
    const gy_target_rules *r;
    const gy_time_rules *tr;
    const gy_punct *punct;
    size_t line;           /* index */
    size_t a, b;           /* content */
    size_t first_time;     /* index of the paragraph's first time in d->times */
    size_t full, semi, clause; /* where the sentence (to 。), the part of it
                                  (to ；) and the clause began */
    size_t phrase;         /* where the clause began, a list mark (、) not ending one */
    size_t last_end;       /* where the paragraph's last target ended */
    size_t quote_at;       /* where the last quotation mark with a side stood */
    int quote_open;        /* it opens a quotation */
    gy_subject_state subject;
} gy_scan;

/* extract_subject.c: the subject and indicator of target t (its text,
 * unit and period set), from the words in s[from..t->text.start), which
 * begin after an earlier figure of its phrase when after_figure.
 * Returns 0, or -1 when out of memory. */
int gy_take_subject(gy_scan *p, size_t from, int after_figure, gy_target *t);

/* The catalogue id of the indicator s[0..n) names (全年经济增速: gdp_growth),
 * in any unit of the catalogue; NULL when none. */
const char *gy_indicator_named(gy_run *x, const char *s, size_t n);

/* extract_times.c */

/* May a time phrase start at pos (code point cp)?  num_start: a number
 * starts there; prev: the code point before. */
int gy_time_may_follow(const gy_scan *p, size_t pos);
static inline int gy_time_may_start(const gy_scan *p, size_t pos, uint32_t cp, int num_start,
                                    uint32_t prev)
{
    if (num_start)
        return gy_time_may_follow(p, pos);
    return !gy_is_numeral(prev) && (gy_is_numeral(cp) || gy_is_digit(cp) ||
                                    gy_lex_at(&p->tr->triggers, p->d->s, pos, p->b) >= 0);
}
/* Tries the time patterns at pos; on a match adds the time to the model,
 * stores its end and returns 1; 0 when none matches, -1 out of memory. */
int gy_take_time(gy_scan *p, size_t pos, int num_start, size_t *end);
/* The period of a number at pos (see extract_times.c). */
gy_slice gy_period_before(const gy_scan *p, size_t pos);
/* Whether a frequency (每年) stands in s[floor..pos). */
int gy_has_frequency(const gy_scan *p, size_t floor, size_t pos);

#endif
