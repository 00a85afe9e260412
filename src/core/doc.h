/* The document model (struct body of the public gy_doc).  Everything lives
 * in one arena freed by gy_doc_free; text is referred to by byte offsets
 * into the source text ("slices"). */
#ifndef GY_DOC_H
#define GY_DOC_H

#include <stddef.h>

#include "arena.h"
#include "gangyao.h"
#include "model.h"
#include "text.h"

/* A piece of the source text; empty (start == end) means "none". */
typedef struct gy_slice {
    size_t start;
    size_t end;
} gy_slice;

enum gy_line_flag {
    GY_LINE_NOISE = 1,     /* set aside: not part of the speech */
    GY_LINE_HEAD = 2,      /* title, occasion or speaker line */
    GY_LINE_HEADING = 4,   /* a section heading starts here */
    GY_LINE_JOINED = 8     /* goes on the paragraph of a line before it */
};

typedef struct gy_noise {
    size_t line;           /* 1-based */
    const char *rule;      /* rule name (arena) */
} gy_noise;

typedef struct gy_section {
    size_t parent;         /* index + 1 of the parent section, 0 = none */
    int level;             /* 1 = top */
    int rank;              /* from the marker rule */
    const char *kind;      /* marker rule name (arena) */
    gy_slice marker;       /* as written, e.g. "一、" */
    long number;           /* -1 = none (最后, 首先) */
    gy_slice heading;
    size_t line;
    size_t start, end;     /* extent: to the next section at this level or above */
    gy_role role;
} gy_section;

typedef struct gy_task {
    size_t section;        /* index + 1 of the innermost section, 0 = none */
    size_t parent;         /* index + 1 of the enclosing task, 0 = none */
    size_t series;         /* 1-based series number */
    const char *family;    /* marker family (arena), e.g. "要" */
    gy_slice marker;       /* e.g. "一要" */
    long number;
    gy_slice text;         /* after the marker to the end of the first sentence */
    int directive;
    gy_slice deadline;
    size_t line;
    size_t start, end;     /* extent */
} gy_task;

typedef struct gy_target {
    gy_slice text;         /* the exact matched text (both bounds of a range) */
    double value;          /* normalised: 2.9亿元 -> 290000000; a range: min */
    double min, max;       /* bounds of a range; both = value otherwise */
    const char *unit;      /* base unit (arena), "" when none */
    enum gy_op op;         /* GY_OP_RANGE for a range */
    gy_slice period;
    int fact;              /* kind: 1 fact, 0 target */
    gy_slice sentence;
    size_t section;        /* index + 1, 0 = none */
    size_t task;           /* index + 1, 0 = none */
    size_t line;
    const char *subject;   /* what it measures (arena), NULL when the clause names nothing */
    const char *indicator; /* catalogue id (arena), NULL when none */
    int year;              /* the year it is for, 0 when nothing says */
    int year_from;         /* a span's first year (年均 over “十四五”), 0 none */
    enum gy_bound bound;
    double stretch;        /* 增长7%以上、力争达到8%: 8 (has_stretch) */
    int has_stretch;
    int aspiration;        /* followed by 争取更好结果 */
    int estimate;          /* an estimate (预计, 初步统计) */
    size_t restates;       /* index + 1 of the target it states again, 0 none */
    int in_statement;      /* stands in a goal statement (主要预期目标是：…) */
    int negated;           /* a fall read as its indicator: value and bounds negated */
    size_t clause;         /* where its clause begins: the year is looked for from here */
} gy_target;

typedef struct gy_time {
    gy_slice text;
    enum gy_time_kind kind;
    size_t line;
    int year;              /* the year it names (the last one), 0 none */
    int year_from;         /* the first year of a span it names, 0 none */
    int of_period;         /* the year is a plan period's last (“十五五”) */
    int tense;             /* -1 before the text's time (去年, 过去五年), 1 after
                              it (未来10年, 到2035年), 0 unknown */
} gy_time;

/* A figure the report says it sets no goal for (没有提出全年经济增速具体目标). */
typedef struct gy_no_goal {
    const char *indicator; /* catalogue id (arena) */
    int year;              /* the report's year */
    size_t line;
    gy_slice text;
} gy_no_goal;

typedef struct gy_warning {
    size_t line;
    const char *code;      /* e.g. "count-mismatch" */
    const char *message;   /* arena */
} gy_warning;

struct gy_doc {
    gy_arena arena;
    const gy_source *src;
    const gy_rules *rules; /* analyzed with these (borrowed: not to be used
                              once the caller frees them) */
    const char *s;         /* the source text (borrowed) */
    const char *folded;    /* the text folded to simplified characters, as the
                              stages read it (arena, same offsets); NULL when
                              the text was read as it stands */
    size_t len;
    gy_text text;
    unsigned char *flags;  /* per line, enum gy_line_flag */
    gy_slice *content;     /* per line: text without indent and markup; the
                              first line of a paragraph broken over lines
                              holds all of it (extract_paragraphs.c) */
    size_t *para_end;      /* per line: where its paragraph's text ends, when
                              lines were joined; NULL when none were */
    int keep_noise;
    int no_figures;         /* gy_analyze_options.no_figures */

    const char *title;     /* arena strings, NULL when absent */
    const char *occasion;
    const char *speaker;
    size_t title_line;
    char date[11];         /* ISO date of the dateline, "" when none */
    int year;              /* the report's year, 0 when unknown */
    int given_year;        /* --year: the year when the text says none */
    const char *given_region; /* --region (borrowed), NULL: read from the text */
    const char *region_name;  /* the government that wrote it (arena), NULL */
    const char *region_code;  /* GB/T 2260, NULL when none or unknown */
    gy_level region_level;

    gy_vec noise;          /* gy_noise */
    gy_vec sections;       /* gy_section, in text order */
    gy_vec tasks;          /* gy_task, in text order */
    gy_vec targets;        /* gy_target, in text order */
    gy_vec times;          /* gy_time, in text order */
    gy_vec no_goals;       /* gy_no_goal, in text order */
    gy_vec warnings;       /* gy_warning */
};

#define GY_SECTIONS(d) ((gy_section *)(d)->sections.items)
#define GY_TASKS(d) ((gy_task *)(d)->tasks.items)
#define GY_TARGETS(d) ((gy_target *)(d)->targets.items)
#define GY_TIMES(d) ((gy_time *)(d)->times.items)

/* Model helpers (doc.c), used by every stage that fills the model. */
int gy_doc_warn(gy_doc *d, size_t line, const char *code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Puts the warnings in line order (stable). */
void gy_doc_sort_warnings(gy_doc *d);
/* Sets line index i aside as noise for the reason rule (a string that
 * outlives the document: arena or static), once.  Returns 0, or -1 when
 * out of memory. */
int gy_doc_set_noise(gy_doc *d, size_t i, const char *rule);
/* Whether line i (0-based) is a paragraph the extractors should read. */
int gy_doc_line_live(const gy_doc *d, size_t i);
/* Index + 1 of the innermost section holding offset off, 0 = none. */
size_t gy_doc_section_at(const gy_doc *d, size_t off);
/* Index + 1 of the innermost task whose extent holds off, 0 = none. */
size_t gy_doc_task_at(const gy_doc *d, size_t off);
/* 1-based line of offset off in the paragraph of line index i: i + 1
 * unless lines were joined. */
static inline size_t gy_doc_line_in(const gy_doc *d, size_t i, size_t off)
{
    return d->para_end && d->para_end[i] ? gy_text_line_of(&d->text, off) : i + 1;
}
/* Index of the line heading the paragraph that line index i is part of. */
static inline size_t gy_doc_para_of(const gy_doc *d, size_t i)
{
    while (i > 0 && (d->flags[i] & GY_LINE_JOINED))
        i--;
    return i;
}
/* Past the line break and blank lines at pos inside a joined paragraph
 * (where the text goes on), or pos when none stands there. */
size_t gy_doc_past_join(const gy_doc *d, size_t pos, size_t end);
/* Where the text before pos ends when a line break and blank lines stand
 * right before pos inside a joined paragraph (the last character before
 * them then ends there), else pos; never before floor. */
size_t gy_doc_before_join(const gy_doc *d, size_t floor, size_t pos);
/* Number of code points in the slice. */
size_t gy_slice_chars(const gy_doc *d, gy_slice sl);

#endif
