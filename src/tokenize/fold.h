/* Folding a text in traditional characters to simplified ones for
 * matching, character for character (fold.c), so that every offset into
 * the folded text is the same offset into the text as stored. */
#ifndef GY_FOLD_H
#define GY_FOLD_H

#include <stddef.h>

#include "arena.h"
#include "rules.h"

/* Whether s[0..n) reads as traditional characters (the rules' markers in
 * its sample). */
int gy_fold_wanted(const gy_script_rules *r, const char *s, size_t n);

/* The folded copy of s[0..n) (arena, NUL-terminated, n bytes), in *out;
 * NULL when nothing changes.  Returns 0, or -1 when out of memory; a
 * missing OpenCC profile is no error (the text is read as it stands). */
int gy_fold(const gy_script_rules *r, gy_arena *a, const char *s, size_t n, char **out);

/* s (arena or rules memory) with each character that folded.text[from..to)
 * holds in order at a place where the stored text has another one taken
 * from the stored text: the words the stages copied out of the folded text
 * (a title, a subject) as stored.  Returns an arena copy, or s when
 * nothing changes, or NULL when out of memory. */
const char *gy_unfold(gy_arena *a, const char *s, const char *folded, const char *stored,
                      size_t from, size_t to);

#endif
