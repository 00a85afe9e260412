/* Rules stage: the rule set (struct body of the public gy_rules), loaded
 * from JSON rule files and compiled once. */
#ifndef GY_RULES_H
#define GY_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "gangyao.h"

/* A compiled pattern and the numbers of the named groups the engine reads
 * (-1 when the pattern has no such group). */
typedef struct gy_rx {
    const char *name;      /* rule name, for messages and output */
    const char *source;    /* the pattern as written */
    pcre2_code *code;
    int anchored;          /* compiled with PCRE2_ANCHORED */
    uint8_t first[32];     /* anchored: bytes a match can start with (bit set) */
    uint32_t *first_cps;   /* anchored: the code points a match must start with,
                              sorted (arena), when the pattern says so plainly */
    size_t nfirst_cps;
    int g_number;
    int g_title, g_occasion, g_speaker;
    int g_value;
} gy_rx;

/* A word list.  Each word carries a tag (an index into whatever table the
 * list belongs to).  Lookups index the words by first and last code point. */
typedef struct gy_word {
    const char *s;
    size_t len;
    int tag;
} gy_word;

enum { GY_LEX_BUCKETS = 256 };

typedef struct gy_lexicon {
    gy_word *words;
    size_t n;
    uint64_t first_bloom[64];          /* hashed first code points of the words */
    uint64_t last_bloom[64];           /* hashed last code points */
    int32_t by_first[GY_LEX_BUCKETS];   /* chains, longest word first */
    int32_t by_last[GY_LEX_BUCKETS];
    int32_t *next_first;
    int32_t *next_last;
    size_t max_len;
} gy_lexicon;

static inline size_t gy_bloom_bit(uint32_t cp) { return (cp * 2654435761u) >> 20; }

/* Whether some word of lx may start (or end) with code point cp. */
static inline int gy_lex_may_start(const gy_lexicon *lx, uint32_t cp)
{
    size_t h = gy_bloom_bit(cp) & 4095;
    return (int)(lx->first_bloom[h >> 6] >> (h & 63) & 1);
}
static inline int gy_lex_may_end(const gy_lexicon *lx, uint32_t cp)
{
    size_t h = gy_bloom_bit(cp) & 4095;
    return (int)(lx->last_bloom[h >> 6] >> (h & 63) & 1);
}

/* Longest word starting at s[pos] and ending at or before end; -1 if none.
 * Returns the word's index. */
int gy_lex_at(const gy_lexicon *lx, const char *s, size_t pos, size_t end);
/* Longest word ending exactly at s[pos] and starting at or after start. */
int gy_lex_ending_at(const gy_lexicon *lx, const char *s, size_t start, size_t pos);
/* The occurrence inside s[start..end) that ends last (nearest to end);
 * its start goes to *where.  -1 if none. */
int gy_lex_last_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                   size_t *where);
/* The occurrence inside s[start..end) that starts first. */
int gy_lex_first_in(const gy_lexicon *lx, const char *s, size_t start, size_t end,
                    size_t *where);

enum gy_then { GY_THEN_LINE, GY_THEN_NEXT, GY_THEN_REST };

typedef struct gy_noise_rule {
    gy_rx rx;
    enum gy_then then;
} gy_noise_rule;

typedef struct gy_section_marker {
    gy_rx rx;
    int rank;
} gy_section_marker;

typedef struct gy_task_marker {
    gy_rx rx;
    const char *family;
    int directive;
} gy_task_marker;

/* Comparison operators of targets, in the order of gy_op_names. */
enum gy_op { GY_OP_EQ, GY_OP_GE, GY_OP_GT, GY_OP_LE, GY_OP_LT, GY_OP_APPROX, GY_OP_COUNT };
extern const char *const gy_op_names[GY_OP_COUNT];

typedef struct gy_unit {
    const char *unit;      /* base unit reported, e.g. "元" */
    double scale;          /* 万元 -> 1e4 */
    int more;              /* the written form says "more than" (个多月) */
    int measure;           /* a real measure (元, 吨, %) rather than a counter (个) */
    int duration;          /* a span of time (年, 天): a bare Chinese numeral is no amount */
    int numerals;          /* which numbers take it: 0 any, 1 Arabic only, 2 Chinese only */
} gy_unit;

enum gy_time_kind { GY_TIME_DATE, GY_TIME_RANGE, GY_TIME_DEADLINE, GY_TIME_PERIOD,
                    GY_TIME_FREQUENCY, GY_TIME_KIND_COUNT };
extern const char *const gy_time_kind_names[GY_TIME_KIND_COUNT];

enum gy_cue { GY_CUE_TARGET = 1, GY_CUE_FACT = 2, GY_CUE_NEUTRAL = 3 };

typedef struct gy_time_rule {
    gy_rx rx;
    enum gy_time_kind kind;
} gy_time_rule;

struct gy_rules {
    gy_arena arena;
    size_t count;              /* rules and words, for `rules --check` */
    pcre2_match_context *mctx;
    pcre2_code **codes;        /* every compiled pattern, freed with the set */
    size_t ncodes, capcodes;
    uint32_t max_groups;       /* largest capture count, for match data */

    /* markup */
    gy_rx *skip;
    size_t nskip;

    /* noise */
    size_t noise_max_chars;
    double tail_share;
    size_t dup_min_chars;
    size_t echo_max_chars;
    int filler_lines;          /* lines of spaces only are noise */
    gy_noise_rule *noise;
    size_t nnoise;

    /* title */
    size_t head_lines;
    size_t title_min_chars, title_max_chars;
    gy_rx salutation;
    gy_rx *title_lines;
    size_t ntitle_lines;
    gy_rx occasion, occasion_continued, speaker;
    gy_rx speaker_name;        /* a bare name after the title or occasion */

    /* sections */
    gy_section_marker *markers;
    size_t nmarkers;
    gy_rx closing;
    gy_rx role_review, role_plan;

    /* tasks */
    gy_lexicon clause_after;
    gy_task_marker *task_markers;
    size_t ntask_markers;
    gy_lexicon announce_counters;     /* 个, 大, 项 after an announced count */
    gy_lexicon text_starts;
    gy_lexicon text_starts_not; /* words that begin like one (要素, 要求) */
    gy_lexicon intro_cues;            /* tags are enum gy_cue */
    gy_rx *deadlines;
    size_t ndeadlines;

    /* targets */
    gy_unit *units;            /* tag of a word in unit_words */
    size_t nunits;
    gy_lexicon unit_words;
    gy_lexicon op_before, op_after;   /* tags are enum gy_op */
    gy_lexicon op_clause;             /* anywhere earlier in the clause */
    gy_lexicon amount_before;         /* 至, 到: a number after them is an amount */
    gy_lexicon more_words;            /* 多, 余: after a number, "more than" */
    gy_lexicon ordinal_before;        /* 第: a number after it is an ordinal */
    gy_lexicon not_quantities;        /* slogans, idioms, names */
    gy_lexicon kind_cues;             /* tags are enum gy_cue */
    gy_lexicon range_joiners;         /* －, 至, 到 between two numbers */
    size_t quote_max_chars;           /* a short quoted name holds no quantity */
    size_t cn_min_value;              /* smallest Chinese-numeral value without context */

    /* times */
    gy_time_rule *times;
    size_t ntimes;
    gy_lexicon time_triggers;         /* words where time patterns are tried */
    gy_lexicon time_after_number;     /* what follows a number that starts a time */
};

/* Runs rx anchored or not (as compiled) on subject[0..len) from start.
 * Returns the number of pairs in ov (> 0) on a match, 0 on no match or
 * a hit limit.  md must have room for the rule set's max_groups. */
int gy_rx_match(const gy_rules *r, const gy_rx *rx, const char *subject, size_t len,
                size_t start, pcre2_match_data *md);

/* Offsets of group g after a successful match; returns 0 when unset. */
int gy_rx_group(pcre2_match_data *md, int g, size_t *start, size_t *end);

#endif
