/* Punctuation roles: what each mark does in a sentence, from the rule data
 * (the "punctuation" concern).  Every stage that asks "does a sentence, a
 * clause or a quotation end here" asks this one table. */
#ifndef GY_PUNCT_H
#define GY_PUNCT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "byteset.h"

enum gy_punct_role {
    GY_P_STOP = 1,      /* ends a sentence: 。！？ */
    GY_P_SEMI = 2,      /* ends a part of a sentence: ；  (lines are split into
                           sentences at STOP and SEMI alike) */
    GY_P_CLAUSE = 4,    /* ends a clause: ，、： */
    GY_P_LIST = 8,      /* joins the items of a list: 、 */
    GY_P_COLON = 16,    /* leads into what follows: ： */
    GY_P_OPEN = 32,     /* opens a bracket or a quotation */
    GY_P_CLOSE = 64,    /* closes one */
    GY_P_QUOTE = 128    /* a quotation mark; with OPEN or CLOSE when it has a side */
};

enum { GY_PUNCT_MAX_PAGES = 16 };

/* Roles by code point below U+10000 (marks above it have none): a page of
 * 256 role bytes per high byte that has any, page 0 empty. */
typedef struct gy_punct {
    uint8_t page_of[256];
    uint8_t pages[GY_PUNCT_MAX_PAGES][256];
    size_t npages;
    gy_charscan enders;        /* the marks that end sentences (STOP or SEMI) */
} gy_punct;

static inline unsigned gy_punct_roles(const gy_punct *p, uint32_t cp)
{
    return cp < 0x10000 ? p->pages[p->page_of[cp >> 8]][cp & 0xFF] : 0;
}

void gy_punct_init(gy_punct *p);
/* Gives cp the roles (added to those it has).  Returns 0, or -1 when cp
 * lies above U+FFFF or the table has no room for another page. */
int gy_punct_add(gy_punct *p, uint32_t cp, unsigned roles);

/* Roles of the code point at s[pos] (pos < end); its length in *len. */
unsigned gy_punct_at(const gy_punct *p, const char *s, size_t pos, size_t end, size_t *len);

#endif
