#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gy_arena_block {
    gy_arena_block *next;
    size_t size;
    size_t used;
    max_align_t data[];
};

enum { GY_ARENA_MIN_BLOCK = 64 * 1024 };

void gy_arena_init(gy_arena *a)
{
    a->head = NULL;
    a->total = 0;
}

static size_t align_up(size_t n)
{
    size_t al = sizeof(max_align_t);
    return (n + al - 1) / al * al;
}

static gy_arena_block *new_block(gy_arena *a, size_t size)
{
    if (size > SIZE_MAX - sizeof(gy_arena_block))
        return NULL;
    gy_arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    a->total += size;
    return b;
}

/* Memory for n bytes, not zeroed. */
static void *arena_raw(gy_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    n = align_up(n);
    gy_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        if (n > GY_ARENA_MIN_BLOCK / 4) {
            /* A large allocation gets a block of its own, kept behind the
             * head so the head's free space serves the small ones. */
            gy_arena_block *big = new_block(a, n);
            if (!big)
                return NULL;
            big->used = n;
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                a->head = big;
            }
            return big->data;
        }
        gy_arena_block *nb = new_block(a, GY_ARENA_MIN_BLOCK);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

void *gy_arena_alloc(gy_arena *a, size_t n)
{
    void *p = arena_raw(a, n);
    if (p)
        memset(p, 0, n ? n : 1);
    return p;
}

/* Grows the allocation p of old bytes to n bytes (contents kept, the rest
 * not zeroed).  A large allocation has a block of its own, which realloc
 * can extend in place; anything else is copied. */
static void *arena_grow(gy_arena *a, void *p, size_t old, size_t n)
{
    if (p && old > GY_ARENA_MIN_BLOCK / 4) {
        gy_arena_block **link = &a->head;
        while (*link && (void *)(*link)->data != p)
            link = &(*link)->next;
        gy_arena_block *b = *link;
        if (b && b->used == align_up(old)) {
            size_t size = align_up(n);
            gy_arena_block *nb = realloc(b, sizeof *nb + size);
            if (!nb)
                return NULL;
            a->total += size - nb->size;
            nb->size = nb->used = size;
            *link = nb;
            return nb->data;
        }
    }
    void *q = arena_raw(a, n);
    if (q && old)
        memcpy(q, p, old);
    return q;
}

char *gy_arena_strndup(gy_arena *a, const char *s, size_t n)
{
    char *p = gy_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *gy_arena_printf(gy_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = gy_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void gy_arena_free(gy_arena *a)
{
    gy_arena_block *b = a->head;
    while (b) {
        gy_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *gy_push(gy_arena *a, void *items, size_t *len, size_t *cap, size_t elem)
{
    void **p = items;
    if (*len == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        if (ncap > SIZE_MAX / elem)
            return NULL;
        void *grown = a ? arena_grow(a, *p, *cap * elem, ncap * elem) : realloc(*p, ncap * elem);
        if (!grown)
            return NULL;
        *p = grown;
        *cap = ncap;
    }
    void *slot = (char *)*p + *len * elem;
    memset(slot, 0, elem);
    (*len)++;
    return slot;
}

void *gy_vec_push(gy_arena *a, gy_vec *v, size_t elem)
{
    return gy_push(a, &v->items, &v->len, &v->cap, elem);
}

void gy_vec_free(gy_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

void gy_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}
