/* The punctuation role table (see punct.h). */
#include "punct.h"

#include <string.h>

#include "utf8.h"

void gy_punct_init(gy_punct *p) { memset(p, 0, sizeof *p); }

int gy_punct_add(gy_punct *p, uint32_t cp, unsigned roles)
{
    if (cp >= 0x10000 || roles > 0xFF)
        return -1;
    size_t hi = cp >> 8;
    if (!p->page_of[hi]) {
        if (p->npages + 1 >= GY_PUNCT_MAX_PAGES)
            return -1;
        p->page_of[hi] = (uint8_t)++p->npages;
    }
    p->pages[p->page_of[hi]][cp & 0xFF] |= (uint8_t)roles;
    if (roles & (GY_P_STOP | GY_P_SEMI))
        gy_charscan_add(&p->enders, cp);
    return 0;
}

unsigned gy_punct_at(const gy_punct *p, const char *s, size_t pos, size_t end, size_t *len)
{
    return gy_punct_roles(p, gy_utf8_at(s, pos, end, len));
}
