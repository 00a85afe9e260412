/* The character view of a changed item: an LCS of the code points of the
 * two texts, emitted as runs of kept, removed and added text. */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "utf8.h"

typedef struct cps {
    uint32_t *cp;
    size_t *off;           /* byte offset of each code point, and of the end */
    size_t n;
} cps;

static int to_cps(const char *s, size_t len, cps *out)
{
    out->cp = malloc((len + 1) * sizeof *out->cp);
    out->off = malloc((len + 2) * sizeof *out->off);
    out->n = 0;
    if (!out->cp || !out->off)
        return -1;
    for (size_t i = 0; i < len;) {
        size_t k;
        out->off[out->n] = i;
        out->cp[out->n++] = gy_utf8_decode((const unsigned char *)s + i, len - i, &k);
        i += k;
    }
    out->off[out->n] = len;
    return 0;
}

/* L[i][j]: the LCS length of a[i..] and b[j..] (row width b.n + 1). */
static uint16_t *lcs_table(const cps *a, const cps *b)
{
    size_t w = b->n + 1;
    uint16_t *L = calloc((a->n + 1) * w, sizeof *L);
    for (size_t i = a->n; L && i-- > 0;)
        for (size_t j = b->n; j-- > 0;) {
            uint16_t down = L[(i + 1) * w + j], right = L[i * w + j + 1];
            L[i * w + j] = a->cp[i] == b->cp[j] ? (uint16_t)(L[(i + 1) * w + j + 1] + 1)
                                                 : (down > right ? down : right);
        }
    return L;
}

/* Walks the table from the start, emitting one run per step. */
static void walk(const uint16_t *L, const cps *a, const cps *b, const char *x, const char *y,
                 gy_emit_fn emit, void *ctx)
{
    size_t w = b->n + 1, i = 0, j = 0;
#define DOWN (L[(i + 1) * w + j])
#define RIGHT (L[i * w + j + 1])
    while (i < a->n || j < b->n) {
        size_t si = i, sj = j;
        if (i < a->n && j < b->n && a->cp[i] == b->cp[j]) {
            while (i < a->n && j < b->n && a->cp[i] == b->cp[j]) {
                i++;
                j++;
            }
            emit(ctx, '=', x + a->off[si], a->off[i] - a->off[si]);
        } else if (i < a->n && (j == b->n || DOWN >= RIGHT)) {
            while (i < a->n && (j == b->n || (a->cp[i] != b->cp[j] && DOWN >= RIGHT)))
                i++;
            emit(ctx, '-', x + a->off[si], a->off[i] - a->off[si]);
        } else {
            while (j < b->n && (i == a->n || (a->cp[i] != b->cp[j] && RIGHT > DOWN)))
                j++;
            emit(ctx, '+', y + b->off[sj], b->off[j] - b->off[sj]);
        }
    }
#undef DOWN
#undef RIGHT
}

int gy_char_diff(const char *x, size_t xl, const char *y, size_t yl, size_t max,
                 gy_emit_fn emit, void *ctx)
{
    cps a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    int rc = to_cps(x, xl, &a) == 0 && to_cps(y, yl, &b) == 0 ? 0 : -1;
    if (rc == 0 && (a.n > max || b.n > max)) {
        emit(ctx, '-', x, xl);
        emit(ctx, '+', y, yl);
    } else if (rc == 0) {
        uint16_t *L = lcs_table(&a, &b);
        if (L)
            walk(L, &a, &b, x, y, emit, ctx);
        else
            rc = -1;
        free(L);
    }
    free(a.cp);
    free(a.off);
    free(b.cp);
    free(b.off);
    return rc;
}
