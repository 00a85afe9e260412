/* diff: the comparison of two documents (struct body of the public
 * gy_diff), shared by the comparison (diff.c, diff_sig.c, diff_chars.c)
 * and its reporters (render_diff_text.c, render_diff_json.c). */
#ifndef GY_DIFF_H
#define GY_DIFF_H

#include <stdint.h>
#include <stdio.h>

#include "doc.h"

typedef enum gy_dstatus { GY_D_UNCHANGED, GY_D_CHANGED, GY_D_MOVED, GY_D_ADDED, GY_D_REMOVED,
                          GY_D_COUNT } gy_dstatus;
extern const char *const gy_dstatus_names[GY_D_COUNT];

/* What changed between two paired goals: of substance (the figure, its
 * bound, its unit, the year it is for), or only the wording around it,
 * which leaves the pair unchanged. */
enum { GY_CH_VALUE = 1, GY_CH_BOUND = 2, GY_CH_UNIT = 4, GY_CH_YEAR = 8, GY_CH_WORDING = 16,
       GY_CH_COUNT = 5 };
extern const char *const gy_change_names[GY_CH_COUNT];

typedef struct gy_dpair {
    size_t old_i, new_i;   /* index + 1 into the item lists, 0 = none */
    double sim;
    gy_dstatus status;
    unsigned changes;      /* targets: GY_CH_* */
    size_t outcome;        /* targets: index + 1 of the new document's figure for the
                              old goal's year (its outcome), 0 = none */
} gy_dpair;

typedef struct gy_plist {
    gy_dpair *p;
    size_t n, cap;
} gy_plist;

/* A work item: a numbered task or the heading of a section. */
typedef struct gy_witem {
    gy_slice marker, text;
    size_t line;
    int heading;           /* a section's heading, not a task */
} gy_witem;

/* Two documents' items and how they pair. */
typedef struct gy_wlist {
    gy_witem *a, *b;       /* malloc'd, in text order */
    size_t na, nb;
    gy_plist pairs;
} gy_wlist;

struct gy_diff {
    const gy_doc *a, *b;
    double threshold;
    double reworded_threshold; /* items between the same neighbours pair down to this */
    double subject_threshold;
    size_t char_diff_max;
    int all;               /* the review's items are compared too */
    gy_wlist items;        /* what the plan asks for */
    gy_wlist review;       /* the review's items (with all) */
    gy_plist targets;
    size_t *ta, *tb;       /* the goal targets: indices into each document */
    size_t nta, ntb;
};

/* The old and new item of a pair, NULL where a side has none. */
const gy_witem *gy_witem_old(const gy_wlist *l, const gy_dpair *p);
const gy_witem *gy_witem_new(const gy_wlist *l, const gy_dpair *p);
/* Items kept, reworded (changed), new (added), dropped (removed), moved. */
size_t gy_wlist_count(const gy_wlist *l, gy_dstatus st);

int gy_plist_push(gy_plist *l, size_t oi, size_t ni, double sim, gy_dstatus st);
int gy_plist_changed(const gy_plist *l);
size_t gy_plist_count(const gy_plist *l, gy_dstatus st);

/* ---- similarity (diff_sig.c) ------------------------------------------------ */

/* An item keyed by a hash, to sort and to group items of equal keys;
 * gy_by_key orders by key, then by item, so that equal keys keep the
 * items' order. */
typedef struct gy_keyed {
    uint64_t key;
    size_t i;
} gy_keyed;
int gy_by_key(const void *a, const void *b);

/* The set of character bigrams of a text (punctuation left out), sorted
 * and unique, and a hash of the whole text. */
typedef struct gy_sig {
    uint64_t *h;           /* malloc'd */
    size_t n;
    uint64_t whole;
} gy_sig;

/* Builds the signature of s[0..len), leaving out the code points inside
 * the nskip byte ranges of skip (sorted, relative to s).  Returns 0 or -1. */
int gy_sig_make(const char *s, size_t len, const gy_slice *skip, size_t nskip, gy_sig *out);
double gy_sig_dice(const gy_sig *x, const gy_sig *y);
void gy_sigs_free(gy_sig *s, size_t n);

typedef struct gy_edge {
    size_t i, j;           /* old, new (0-based) */
    double sim;
    double skew;           /* distance of relative positions, a tie-breaker */
} gy_edge;

typedef struct gy_elist {
    gy_edge *e;            /* malloc'd */
    size_t n, cap;
} gy_elist;

/* Candidate pairs of old items A and new items B with similarity >= t,
 * from an inverted index of the rarer bigrams. */
int gy_candidates(const gy_sig *A, size_t n, const gy_sig *B, size_t m, double t, gy_elist *out);
/* Orders edges by similarity, best first; ties by skew, then new index. */
void gy_edges_sort(gy_elist *l);

/* ---- the character view (diff_chars.c) ---------------------------------------- */

/* Called for runs of kept ('='), removed ('-') and added ('+') text. */
typedef void (*gy_emit_fn)(void *ctx, char op, const char *s, size_t len);

/* The changes from x to y as an LCS of code points; texts of more than max
 * code points are one removal and one addition.  Returns 0 or -1. */
int gy_char_diff(const char *x, size_t xl, const char *y, size_t yl, size_t max,
                 gy_emit_fn emit, void *ctx);

/* The work items of d (the plan's, or with review those of its review
 * parts) into l's side a or b (diff_align.c).  Returns 0 or -1. */
int gy_work_items(const gy_doc *d, int review, gy_witem **out, size_t *n);
/* Aligns the items of l's two sides by their texts into l->pairs: pairs
 * at similarity t or more, then between the pairs in place, items in order
 * at low or more (a reworded heading keeps its place).  Returns 0 or -1. */
int gy_align_items(const gy_doc *a, const gy_doc *b, double t, double low, gy_wlist *l);

/* Pairs the goal targets of the two documents (diff_targets.c). */
int gy_diff_pair_targets(gy_diff *df);

/* ---- what the reporters show ------------------------------------------------- */

/* The paired targets of p (NULL where a side has none); the outcome of
 * the old goal in the new document. */
const gy_target *gy_diff_old_target(const gy_diff *df, const gy_dpair *p);
const gy_target *gy_diff_new_target(const gy_diff *df, const gy_dpair *p);
const gy_target *gy_diff_outcome(const gy_diff *df, const gy_dpair *p);
/* What a target measures as shown: its subject, else the words of its
 * clause before it (a subject that names nothing is none), into buf. */
const char *gy_diff_target_label(const gy_doc *d, const gy_target *t, char *buf, size_t size);
/* Whether a pair is of goals for a later year than their report's (a
 * five-year goal, 到2025年), compared apart from this year's. */
int gy_diff_later(const gy_diff *df, const gy_dpair *p);
/* Whether a pair is of a headline goal: it names a catalogue indicator. */
int gy_diff_headline(const gy_diff *df, const gy_dpair *p);

int gy_render_diff_text(const gy_diff *df, FILE *out, const gy_render_options *opt);
int gy_render_diff_json(const gy_diff *df, FILE *out, const gy_render_options *opt);
int gy_render_diff_html(const gy_diff *df, FILE *out, const gy_render_options *opt);

#endif
