/* Value types of the document model that the rule data also names: the
 * comparison of a target, the kind of a time phrase, the role of a section
 * and the kind cue of a word.  Their written names (in rule files and in
 * every output) are defined once, in doc.c. */
#ifndef GY_MODEL_H
#define GY_MODEL_H

/* Comparison operators of targets, in the order of gy_op_names; a rule
 * file's comparison words give the first GY_OP_WORDS of them, a range
 * (6%－6.5%) comes from two numbers. */
enum gy_op { GY_OP_EQ, GY_OP_GE, GY_OP_GT, GY_OP_LE, GY_OP_LT, GY_OP_APPROX, GY_OP_RANGE,
             GY_OP_COUNT };
#define GY_OP_WORDS GY_OP_RANGE
extern const char *const gy_op_names[GY_OP_COUNT];

enum gy_time_kind { GY_TIME_DATE, GY_TIME_RANGE, GY_TIME_DEADLINE, GY_TIME_PERIOD,
                    GY_TIME_FREQUENCY, GY_TIME_KIND_COUNT };
extern const char *const gy_time_kind_names[GY_TIME_KIND_COUNT];

/* How hard a target binds, as researchers code it: a floor (以上, 确保), a
 * soft figure (左右), a ceiling (以内, 控制在), a range, or a point. */
enum gy_bound { GY_BOUND_HARD, GY_BOUND_SOFT, GY_BOUND_CEILING, GY_BOUND_RANGE,
                GY_BOUND_POINT, GY_BOUND_COUNT };
extern const char *const gy_bound_names[GY_BOUND_COUNT];

typedef enum gy_role { GY_ROLE_NONE, GY_ROLE_REVIEW, GY_ROLE_PLAN } gy_role;
/* NULL for GY_ROLE_NONE. */
extern const char *const gy_role_names[3];

/* What a cue word says of the words after it: they ask for something (a
 * goal), they report (a fact), or nothing (a neutral word that only keeps a
 * shorter cue inside it from matching: 要素 holds 要). */
enum gy_cue { GY_CUE_TARGET = 1, GY_CUE_FACT = 2, GY_CUE_NEUTRAL = 3,
              GY_CUE_WEAK_FACT = 4 /* a fact only outside a plan part (达, 完成) */ };

/* Index of name in names[0..n), or -1. */
int gy_name_index(const char *const *names, int n, const char *name);

#endif
