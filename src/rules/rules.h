/* Rules stage: the rule set (struct body of the public gy_rules), one
 * sub-struct per concern of the rule files, loaded from JSON and compiled
 * once.  Every tuning number an extractor uses is a field here, read from
 * the rule data; the built-in files in data/rules/ are the one place that
 * gives their values. */
#ifndef GY_RULES_H
#define GY_RULES_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "gangyao.h"
#include "lexicon.h"
#include "model.h"
#include "pattern.h"
#include "punct.h"

/* markup: residue skipped at both ends of a line (tags, escaped spaces). */
typedef struct gy_markup_rules {
    gy_rx *skip;
    size_t nskip;
} gy_markup_rules;

/* paragraphs: lines of one paragraph broken apart (links of a wiki page,
 * a line wrapped mid-sentence) are read as one. */
typedef struct gy_paragraph_rules {
    double blank_separated_share;  /* text lines followed by a blank line, at least */
    size_t max_gap_lines;          /* blank lines a broken sentence may span */
    gy_lexicon open_ends;          /* a line ending so goes on: “ 《 、 */
    gy_lexicon weak_open_ends;     /* likewise unless it is a heading: 的 digits */
    gy_lexicon closing_starts;     /* a line starting so goes on the one before: ” 》 */
} gy_paragraph_rules;

enum gy_then { GY_THEN_LINE, GY_THEN_NEXT, GY_THEN_REST };

typedef struct gy_noise_rule {
    gy_rx rx;
    enum gy_then then;
} gy_noise_rule;

/* noise.body: the speech among a web page's residue (extract_residue.c). */
typedef struct gy_body_rules {
    size_t prose_chars;        /* a line this long with punctuation is prose; 0: off */
    size_t hard_max_chars;     /* stamps and footers are no longer than this */
    gy_rx stamp;               /* a date stamp with a clock time */
    gy_lexicon labels;         /* 来源, 编辑 … starting a line before a mark */
    gy_lexicon label_marks;    /* ：, |: the mark after a label */
    gy_lexicon footer_words;   /* credits, copyright, share and print buttons */
    gy_rx lead_in;             /* the site's paragraph before the speech */
    gy_rx headline;            /* a line that names the speech (…讲话实录) */
    gy_rx site_suffix;         /* the site's name after a page title */
} gy_body_rules;

typedef struct gy_noise_rules {
    size_t max_chars;          /* longer lines are never noise lines */
    double tail_share;         /* where a 'rest' rule may set aside the rest */
    size_t duplicate_min_chars;
    size_t echo_max_chars;
    size_t echo_max_noise;     /* echoes are looked for up to this many noise lines */
    int filler_lines;          /* lines of spaces only are noise */
    gy_body_rules body;
    gy_noise_rule *lines;
    size_t nlines;
    gy_rxset set;              /* the first code points of the line rules */
    gy_rxindex index;          /* which rules may start at a character */
    uint64_t at_first;         /* the rules tried where their first characters are */
} gy_noise_rules;

typedef struct gy_title_rules {
    size_t head_lines;
    size_t min_chars, max_chars;
    size_t body_chars;         /* a head line this long is a paragraph of the body */
    gy_rx salutation;
    gy_rx *lines;
    size_t nlines;
    gy_rx *bylines;            /* an occasion with the speaker in it */
    size_t nbylines;
    gy_rx occasion, occasion_continued, speaker;
    gy_rx name;                /* a bare name after the title or occasion */
    gy_rx opening;             /* a body's first words that name the report */
} gy_title_rules;

typedef struct gy_section_marker {
    gy_rx rx;
    int rank;
} gy_section_marker;

typedef struct gy_section_rules {
    gy_section_marker *markers;
    size_t nmarkers;
    gy_rx closing;
    gy_rx role_review, role_plan;
    size_t heading_max_chars;  /* 附件1 takes the next line as heading up to this */
    size_t unnumbered_max_chars;
    int part_below_rank;       /* part headings without numbers where no
                                  heading of this rank or above is numbered */
    size_t paragraph_runs;     /* numbering continued across this many higher headings */
    long paragraph_max;        /* and reaching above this numbers paragraphs */
} gy_section_rules;

typedef struct gy_task_marker {
    gy_rx rx;
    const char *family;
    int directive;
} gy_task_marker;

typedef struct gy_task_rules {
    gy_lexicon after;          /* a marker starts a clause after one of these */
    gy_charscan after_firsts;  /* their first characters, for the scan */
    gy_task_marker *markers;
    size_t nmarkers;
    gy_rxindex marker_index;   /* which markers may start at a character */
    int marker_starts_known;   /* every marker says how it starts (derived): */
    gy_bmpset marker_starts;   /* then with one of these */
    gy_lexicon announce_counters;     /* 个, 大, 项 after an announced count */
    long announce_min, announce_max;
    gy_lexicon text_starts;
    gy_lexicon text_starts_not;       /* words that begin like one (要素, 要求) */
    gy_lexicon intro_cues;            /* tags are enum gy_cue */
    gy_rx *deadlines;
    size_t ndeadlines;
    gy_rxset deadline_set;
    size_t max_gap_paragraphs;        /* a series goes on across this many paragraphs */
    size_t intro_chars;               /* the words before a series, at most */
    size_t majority_min;              /* items asking for action that carry a series */
} gy_task_rules;

typedef struct gy_unit {
    const char *unit;      /* base unit reported, e.g. "元"; NULL: no quantity */
    double scale;          /* 万元 -> 1e4 */
    int more;              /* the written form says "more than" (个多月) */
    int measure;           /* a real measure (元, 吨, %) rather than a counter (个) */
    int duration;          /* a span of time (年, 天): a bare Chinese numeral is no amount */
    int numerals;          /* which numbers take it: 0 any, 1 Arabic only, 2 Chinese only */
} gy_unit;

/* A word that stands for a list (城乡: 城镇, 农村). */
typedef struct gy_expansion {
    const char **items;
    size_t n;
} gy_expansion;

typedef struct gy_subject_rules {
    gy_lexicon skip_start, skip_end;  /* stripped at the subject's ends */
    gy_lexicon change_words;          /* 增长: a clause of only this names nothing */
    gy_lexicon not_nouns;             /* verbs, adverbs, prepositions, function words:
                                         a subject of only these names nothing (新建, 坚决守住, 用) */
    gy_lexicon level_after;           /* 到: 增长到 names the level reached */
    gy_lexicon list_joiners;
    const char *list_word;            /* 分别 */
    gy_lexicon expansions;            /* tags index expansion */
    gy_expansion *expansion;
    size_t max_chars;
} gy_subject_rules;

typedef struct gy_target_rules {
    gy_unit *units;            /* tag of a word in unit_words */
    size_t nunits;
    gy_lexicon unit_words;
    gy_lexicon op_before, op_after;   /* tags are enum gy_op */
    gy_lexicon op_clause;             /* anywhere earlier in the clause */
    gy_lexicon amount_before;         /* 至, 到: a number after them is an amount */
    gy_lexicon span_amount_before;    /* 仅剩: a span of time after them is one too */
    gy_lexicon doubling_before;       /* 翻 (一番): the number says how often */
    gy_lexicon doubling_words;        /* 番: a figure doubles that often */
    int doubling_unit;                /* index into units of the factor's unit (倍) */
    double doubling_base;             /* 2: 翻两番 is 2^2 = 4 倍 */
    gy_lexicon more_words;            /* 多, 余: after a number, "more than" */
    gy_lexicon ordinal_before;        /* 第: a number after it is an ordinal */
    gy_lexicon not_quantities;        /* slogans, idioms, names */
    gy_lexicon kind_cues;             /* tags are enum gy_cue */
    gy_lexicon bound_words;           /* 确保, 控制在: a point's bound; tags are enum gy_bound */
    gy_lexicon stretch_words;         /* 力争: the figure after it stretches the one before */
    gy_lexicon stretch_verbs;         /* 达到: may stand between them */
    gy_lexicon aspirations;           /* 争取更好结果 after a goal */
    gy_lexicon estimate_words;        /* 预计, 初步统计: the figure is an estimate */
    gy_lexicon statement_leads;       /* 主要预期目标是: a goal statement follows */
    gy_rx no_goal;                    /* 没有提出全年经济增速具体目标: (?<subject>) */
    gy_lexicon no_goal_ends;          /* words every match of no_goal ends with (目标):
                                         it is looked for only before them */
    size_t no_goal_chars;             /* the longest match, in characters */
    gy_lexicon statement_heads;       /* 主要预期目标 ending a paragraph: likewise */
    gy_lexicon range_joiners;         /* －, 至, 到 between two numbers */
    gy_lexicon minus_signs;           /* - right before a number: it is negative */
    size_t quote_max_chars;           /* a short quoted name holds no quantity */
    size_t context_chars;             /* the words read before a number, at most */
    double chinese_min_value;         /* smallest Chinese-numeral value without context */
    double counter_min_value;         /* ... before a counter (四个特点) */
    gy_subject_rules subjects;
    uint64_t not_quantity_chars[64];  /* derived: hashed code points of the
                                         not_quantities words (bloom) */
    gy_bmpset scan_stops;             /* derived: where the scan for numbers and
                                         times stops (digits, numerals, first
                                         characters of time words, marks with
                                         a role); see gy_derive_scan_stops */
} gy_target_rules;

typedef struct gy_time_rule {
    gy_rx rx;
    enum gy_time_kind kind;
} gy_time_rule;

typedef struct gy_time_rules {
    gy_time_rule *patterns;
    size_t npatterns;
    gy_rxindex index;          /* which patterns may start at a character */
    gy_lexicon triggers;              /* words where time patterns are tried */
    gy_lexicon after_number;          /* what follows a number that starts a time */
    gy_lexicon year_offsets;          /* 今年, 去年: tag is the offset + GY_YEAR_BIAS */
    gy_lexicon part_words;            /* 全年: the year of the part it stands in */
    gy_lexicon periods;               /* 十四五: tag indexes period_last */
    int *period_last;                 /* the last year of each plan period */
    int *period_first;                /* and its first */
    gy_lexicon spans;                 /* 过去五年: tag is the years it spans */
    gy_lexicon base_before;           /* 比: the time after it is a comparison */
    gy_lexicon change_from;           /* 从: a figure right after it is a start */
    gy_lexicon ahead;                 /* 到: the year after it is a goal's */
    gy_lexicon tense_words;           /* 过去 (tag -1), 未来 (1): a time's tense */
    size_t review_year_mentions;      /* a review's last year is named this often */
    size_t head_chars;                /* how near its sentence's start a time
                                         stands to give later sentences its year */
} gy_time_rules;

enum { GY_YEAR_BIAS = 1000 };

typedef struct gy_indicator {
    const char *id, *zh, *en;
    const char **units;
    size_t nunits;
    gy_rx *patterns;                  /* must match the whole subject (GY_RX_WHOLE): */
    size_t npatterns;                 /* the first nrises name the indicator, */
    size_t nrises;                    /* the others a fall of it (固定资产投资下降
                                         3.5%: a growth of -3.5) */
} gy_indicator;

typedef struct gy_indicator_rules {
    gy_lexicon scopes;                /* 全省: set aside wherever they stand */
    gy_lexicon fillers;               /* 预计, 同比, 按可比口径: likewise */
    gy_lexicon goal_words;            /* 预期目标: set aside at the end */
    const char **part_names;          /* {name} in a pattern stands for */
    const char **part_texts;          /* this pattern (parts written out) */
    size_t nparts;
    gy_lexicon average_words;         /* 年均 */
    const char *average_suffix;
    gy_indicator *items;
    size_t n;
    const char **units;               /* derived: the units of all entries, once each */
    size_t nunits;
    int indexed;                      /* n <= GY_RXINDEX_MAX: index is built */
    gy_rxindex index;                 /* which entries may match a subject, by
                                         its first character */
} gy_indicator_rules;

/* regions: which government wrote a report (extract_region.c). */
typedef struct gy_division {
    const char *code;      /* GB/T 2260, six digits (arena) */
    const char *name;      /* full name (arena) */
    gy_level level;        /* province, prefecture or county */
    size_t parent;         /* index + 1 of the division it belongs to, 0 none */
} gy_division;

typedef struct gy_region_rules {
    gy_division *divs;     /* sorted by code */
    size_t n;
    size_t *members;       /* division indices grouped by name ... */
    size_t *group_start;   /* ... group g is members[group_start[g] .. group_start[g+1]) */
    size_t ngroups;
    gy_lexicon names;      /* full and short names; tag: the group */
    gy_division national;  /* 全国 */
    gy_lexicon national_words;  /* 国务院, 全国人民代表大会 */
    gy_lexicon delegate_words;  /* 我代表 */
    size_t delegate_within;     /* looked for in the first this many characters of
                                   the live text (0: all of it) */
    gy_lexicon needs_parent;    /* suffixes of two-character names read only after
                                   their prefecture (城区) */
} gy_region_rules;

/* The division whose full name, short name or code is s[0..n), or NULL;
 * *ambiguous set when several divisions bear that name. */
const gy_division *gy_region_named(const gy_region_rules *rr, const char *s, size_t n,
                                   int *ambiguous);

/* scripts: texts in traditional characters folded for matching (fold.c). */
/* What folding has learnt, shared by the threads that analyze with the
 * rules (the converter, opened once, and each character's simplified form
 * once it is known); fold.c owns state, the rules free it with free_state. */
typedef struct gy_script_cache {
    pthread_mutex_t lock;
    void *state;
    void (*free_state)(void *);
} gy_script_cache;

enum { GY_SCRIPT_TRADITIONAL = 1, GY_SCRIPT_SIMPLIFIED = 2 };

typedef struct gy_script_rules {
    gy_lexicon markers;               /* characters only the traditional script writes
                                         (tag GY_SCRIPT_TRADITIONAL) and their
                                         simplified forms (GY_SCRIPT_SIMPLIFIED) */
    size_t min_markers;               /* this many of one script in the sample, before
                                         as many of the other: the text is written in it */
    size_t sample_bytes;
    const char *opencc;               /* OpenCC profile (t2s.json) */
    gy_script_cache *cache;           /* heap, freed with the rules */
} gy_script_rules;

/* panel: how goals and outcomes compare (archive/panel.c). */
typedef struct gy_unit_conversion {
    const char *unit, *to;
    double factor;
} gy_unit_conversion;

typedef struct gy_panel_rules {
    gy_lexicon lower_is_better;       /* indicators whose goal is a ceiling */
    double soft_tolerance;            /* a point goal is met this far short of it */
    gy_unit_conversion *conversions;
    size_t nconversions;
} gy_panel_rules;

/* terms: formulations counted across an archive (archive/terms.c). */
typedef struct gy_term_def {
    const char *name;          /* the term as counted (arena) */
    const char *category;      /* one of the lists' names (arena) */
    const char **variants;     /* the strings that count for it, name first */
    size_t nvariants;
} gy_term_def;

typedef struct gy_terms_rules {
    gy_term_def *terms;
    size_t n;
    const char **blockers;     /* phrases that hide the terms inside them */
    size_t nblockers;
    gy_rx quoted;              /* a numbered formulation in quotation marks, tried at
                                  each “: “四个全面”, “五位一体” */
    gy_lexicon numerals, counters, heads; /* one without them: 三大攻坚战 */
} gy_terms_rules;

typedef struct gy_diff_rules {
    double threshold;                 /* similarity for two tasks to pair */
    double reworded_threshold;        /* between pairs in place: reworded items pair */
    double subject_threshold;         /* for two targets' subjects */
    size_t char_diff_max;             /* longer texts are shown as removed and added */
} gy_diff_rules;

struct gy_rules {
    gy_arena arena;
    size_t count;              /* rules and words, for `rules --check` */
    pcre2_match_context *mctx;
    pcre2_code **codes;        /* every compiled pattern, freed with the set */
    size_t ncodes, capcodes;
    uint32_t max_groups;       /* largest capture count, for match data */

    gy_punct punct;
    gy_script_rules scripts;
    gy_markup_rules markup;
    gy_paragraph_rules paragraphs;
    gy_noise_rules noise;
    gy_title_rules title;
    gy_section_rules sections;
    gy_task_rules tasks;
    gy_target_rules targets;
    gy_time_rules times;
    gy_indicator_rules indicators;
    gy_region_rules regions;
    gy_panel_rules panel;
    gy_terms_rules terms;
    gy_diff_rules diff;
};

#endif
