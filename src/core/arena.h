/* Arena allocator: many small allocations, one free.  The document model
 * lives in one arena (see doc.h). */
#ifndef GY_ARENA_H
#define GY_ARENA_H

#include <stddef.h>

typedef struct gy_arena_block gy_arena_block;

typedef struct gy_arena {
    gy_arena_block *head;
    size_t total;           /* bytes obtained from malloc, for measurements */
} gy_arena;

void gy_arena_init(gy_arena *a);

/* qsort for lists that may be empty (a NULL base with n 0 is undefined
 * for qsort itself). */
void gy_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* Zeroed memory owned by the arena; NULL when out of memory. */
void *gy_arena_alloc(gy_arena *a, size_t n);
/* Copy of s[0..n) plus a NUL, owned by the arena. */
char *gy_arena_strndup(gy_arena *a, const char *s, size_t n);
/* printf into arena memory. */
char *gy_arena_printf(gy_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void gy_arena_free(gy_arena *a);

/* A growable array inside an arena, or (arena NULL) on the heap.  In an
 * arena, growing copies into a new block and leaves the old one to the
 * arena, so at most half of it is wasted; on the heap it is realloc'd and
 * freed with gy_vec_free. */
typedef struct gy_vec {
    void *items;
    size_t len;
    size_t cap;
} gy_vec;

/* Pointer to a new zeroed slot of size elem at the end of v, or NULL.
 * Every push to one vector names the same arena (or NULL). */
void *gy_vec_push(gy_arena *a, gy_vec *v, size_t elem);
/* The same for any array kept as a typed pointer with its length and
 * capacity: items is the address of that pointer. */
void *gy_push(gy_arena *a, void *items, size_t *len, size_t *cap, size_t elem);
/* Frees a heap vector (one pushed to with arena NULL). */
void gy_vec_free(gy_vec *v);

#define GY_VEC_AT(v, type, i) (((type *)(v).items)[i])

#endif
