/* diff: compares the tasks (and optionally the sections) and targets of two
 * documents: lists are aligned by diff_align.c, targets paired by
 * diff_targets.c. */
#include <stdlib.h>

#include "diff.h"
#include "error.h"
#include "rules.h"

const char *const gy_dstatus_names[GY_D_COUNT] = {"unchanged", "changed", "moved", "added",
                                                  "removed"};
const char *const gy_change_names[GY_CH_COUNT] = {"value", "op", "period", "unit"};

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
    df->char_diff_max = rules->diff.char_diff_max;
    df->sections = opt ? opt->sections : 0;
    int rc = gy_align_lists(a, a->tasks.len, b, b->tasks.len, gy_task_label, df->threshold,
                         &df->tasks);
    if (rc == 0 && df->sections)
        rc = gy_align_lists(a, a->sections.len, b, b->sections.len, gy_section_label,
                         df->threshold, &df->secs);
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
    free(df->tasks.p);
    free(df->secs.p);
    free(df->targets.p);
    free(df->ta);
    free(df->tb);
    free(df);
}

int gy_diff_has_changes(const gy_diff *df)
{
    return gy_plist_changed(&df->tasks) || gy_plist_changed(&df->targets) ||
           (df->sections && gy_plist_changed(&df->secs));
}
