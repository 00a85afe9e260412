/* Formulations across an archive (struct bodies of the public
 * gy_term_set, gy_terms_entry and gy_terms): the list with its automaton,
 * what is kept of each document, and the table. */
#ifndef GY_TERMS_H
#define GY_TERMS_H

#include <stdio.h>

#include "ac.h"
#include "arena.h"
#include "gangyao.h"
#include "pattern.h"
#include "rules.h"

typedef struct gy_term {
    const char *name, *category; /* set arena */
} gy_term;

struct gy_term_set {
    gy_arena arena;
    gy_term *terms;
    size_t n;
    gy_ac ac;
    int32_t *word_term;    /* per word of the automaton: its term, -1 a blocker */
    const gy_terms_rules *rules; /* numbered formulations: the rules' (they outlive
                                    the set) */
};

/* A hit of a term kept for the keyword-in-context view. */
typedef struct gy_hit {
    size_t term, line;
    const char *left, *match, *right; /* entry arena, as stored */
} gy_hit;

/* A numbered formulation of the document (“五个一批”). */
typedef struct gy_numbered {
    const char *text;      /* as stored (entry arena) */
    const char *key;       /* folded: the hits of one formulation share it */
    size_t count, line;
    const char **items;    /* the items the text spells out after it, or NULL */
    size_t nitems;
} gy_numbered;

struct gy_terms_entry {
    gy_arena arena;
    const char *file, *region, *code;
    int year;
    size_t chars;          /* characters of the body (noise set aside) */
    uint32_t *count;       /* per term of the set */
    size_t *first_line;    /* per term: 1-based, 0 = not found */
    gy_hit *hits;
    size_t nhits, caphits;
    gy_numbered *numbered;
    size_t nnumbered, capnumbered;
};

struct gy_terms {
    const gy_term_set *set;
    gy_terms_options opt;
    gy_terms_entry **entries;
    size_t n, cap;
    int *first_year;       /* per term: the first year a document names it, 0 none */
    unsigned char *shown;  /* per term: kept by --since */
};

/* Which terms and documents are shown (after every entry is in). */
int gy_terms_settle(gy_terms *t);
/* The terms of entry e shown, most frequent first (--top), into out
 * (malloc'd), their number in *n. */
size_t *gy_terms_of_entry(const gy_terms *t, const gy_terms_entry *e, size_t *n);

int gy_terms_write_text(const gy_terms *t, FILE *f);
int gy_terms_write_csv(const gy_terms *t, FILE *f, int bom);
int gy_terms_write_json(const gy_terms *t, FILE *f, int lines, int compact);
int gy_terms_write_html(const gy_terms *t, FILE *f);

#endif
