/* diff: compares the tasks (and optionally the sections) and targets of two
 * documents: lists are aligned by diff_align.c, targets paired by
 * diff_targets.c. */
#include <stdlib.h>

#include "diff.h"
#include "error.h"
#include "rules.h"

const char *const gy_dstatus_names[GY_D_COUNT] = {"unchanged", "changed", "moved", "added",
                                                  "removed"};
const char *const gy_change_names[GY_CH_COUNT] = {"value", "bound", "unit", "year", "wording"};

/* ---- the comparison ------------------------------------------------------------ */

gy_diff *gy_diff_new(const gy_rules *rules, const gy_doc *a, const gy_doc *b,
                     const gy_diff_options *opt, gy_error *err)
{
    gy_diff *df = calloc(1, sizeof *df);
    if (!df) {
        gy_error_oom(err, NULL);
        return NULL;
    }
    df->a = a;
    df->b = b;
    df->threshold = opt && opt->threshold > 0 ? opt->threshold : rules->diff.threshold;
    df->subject_threshold = rules->diff.subject_threshold;
    df->reworded_threshold = rules->diff.reworded_threshold;
    df->char_diff_max = rules->diff.char_diff_max;
    df->all = opt ? opt->all : 0;
    int rc = gy_work_items(a, 0, &df->items.a, &df->items.na) != 0 ||
                     gy_work_items(b, 0, &df->items.b, &df->items.nb) != 0 ||
                     gy_align_items(a, b, df->threshold, df->reworded_threshold, &df->items) != 0
                 ? -1
                 : 0;
    if (rc == 0 && df->all)
        rc = gy_work_items(a, 1, &df->review.a, &df->review.na) != 0 ||
                     gy_work_items(b, 1, &df->review.b, &df->review.nb) != 0 ||
                     gy_align_items(a, b, df->threshold, df->reworded_threshold, &df->review) != 0
                 ? -1
                 : 0;
    if (rc == 0)
        rc = gy_diff_pair_targets(df);
    if (rc != 0) {
        gy_diff_free(df);
        gy_error_oom(err, NULL);
        return NULL;
    }
    return df;
}

void gy_diff_free(gy_diff *df)
{
    if (!df)
        return;
    gy_wlist *lists[] = {&df->items, &df->review};
    for (size_t k = 0; k < 2; k++) {
        free(lists[k]->a);
        free(lists[k]->b);
        free(lists[k]->pairs.p);
    }
    free(df->targets.p);
    free(df->ta);
    free(df->tb);
    free(df);
}

int gy_diff_has_changes(const gy_diff *df)
{
    return gy_plist_changed(&df->items.pairs) || gy_plist_changed(&df->targets) ||
           (df->all && gy_plist_changed(&df->review.pairs));
}
