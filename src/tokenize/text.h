/* Tokenize stage: lines, paragraphs and sentences of the decoded text, and
 * the token iterator. */
#ifndef GY_TEXT_H
#define GY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "punct.h"

/* 40 bytes a line: with the per-line flags and content, and a noise entry
 * for a line set aside, the model costs about 100 bytes a line besides the
 * text (a file of empty lines is the worst case). */
typedef struct gy_line {
    size_t start;          /* first byte of the line */
    size_t end;            /* end of the content, before CR/LF */
    size_t indent;         /* first byte after leading spaces (U+3000 ...) */
    size_t trim;           /* end of the content without trailing spaces */
    uint32_t first_sentence; /* index of the line's first sentence */
    uint32_t nsentences;
} gy_line;

typedef struct gy_span {
    size_t start;
    size_t end;
} gy_span;

typedef struct gy_text {
    const char *s;         /* borrowed: the source text */
    size_t len;
    gy_line *lines;        /* arena */
    size_t nlines;
    gy_span *sentences;    /* arena; in text order, across lines only
                              where a paragraph was broken over them */
    size_t nsentences;
} gy_text;

/* Lines as an editor counts them: LF, CRLF and CR CR LF each end one line;
 * a file without any LF is split at CR. */
size_t gy_count_lines(const char *s, size_t len);

/* Builds the line and sentence index of s[0..len) in arena memory, with
 * the sentence ends of the punctuation table p.  Returns 0, or -1 when out
 * of memory. */
int gy_text_build(gy_text *t, gy_arena *a, const gy_punct *p, const char *s, size_t len);

/* The same in two steps: the lines, then the sentences of the lines whose
 * skip flags have none of skip_mask (skip may be NULL), so text set aside
 * is not split; a
 * line whose para_end is set (para_end may be NULL) heads a paragraph
 * broken over lines, split to there. */
int gy_text_build_lines(gy_text *t, gy_arena *a, const char *s, size_t len);
int gy_text_build_sentences(gy_text *t, gy_arena *a, const gy_punct *p,
                            const unsigned char *skip, unsigned char skip_mask,
                            const size_t *para_end);

/* 1-based line holding byte offset off. */
size_t gy_text_line_of(const gy_text *t, size_t off);

/* Whether line i (0-based) has text other than spaces: a paragraph. */
static inline int gy_line_has_text(const gy_line *l) { return l->indent < l->trim; }

/* Index of the sentence holding offset off, or (size_t)-1. */
size_t gy_text_sentence_at(const gy_text *t, size_t off);

#endif
