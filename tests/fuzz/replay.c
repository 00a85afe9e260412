/* Runs the fuzz target over files and directories, and over deterministic
 * mutations of them (truncations, byte flips, spliced lines) and, with
 * --large N, over a 1 MB input made from every N-th file's lines joined, so
 * `make test` exercises the whole pipeline on odd input without libFuzzer.
 * Prints "fuzz: N inputs, 0 crashes" (a crash aborts the run). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t runs;
static uint64_t seed = 0x9E3779B97F4A7C15ULL;

static uint64_t next_random(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static void run(const uint8_t *data, size_t n)
{
    LLVMFuzzerTestOneInput(data, n);
    runs++;
}

static void mutate(const uint8_t *data, size_t n)
{
    if (n == 0)
        return;
    uint8_t *buf = malloc(n + 64);
    if (!buf)
        return;
    /* truncations, including inside a multi-byte character */
    for (int k = 1; k <= 4; k++)
        run(data, n * (size_t)k / 5 + (size_t)k % 3);
    /* random byte flips and insertions of bytes that matter */
    static const uint8_t special[] = {0x00, 0xFF, 0xE3, 0x80, '\r', '\n', 0xEF, 0xBB, 0xBF, 0xD5};
    for (int k = 0; k < 8; k++) {
        memcpy(buf, data, n);
        for (int f = 0; f < 1 + k; f++) {
            size_t at = (size_t)(next_random() % n);
            buf[at] = (next_random() & 1) ? special[next_random() % sizeof special]
                                          : (uint8_t)next_random();
        }
        run(buf, n);
    }
    /* a middle slice: starts and ends anywhere */
    size_t a = (size_t)(next_random() % n), b = (size_t)(next_random() % n);
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    run(data + a, b - a);
    free(buf);
}

enum { LARGE = 1 << 20 };

/* About 1 MB made of the input's lines in a shuffled order, joined without
 * line ends: one long line, as scraped reports arrive (CSV fields, pages
 * stripped of tags). */
static void large(const uint8_t *data, size_t n)
{
    size_t starts[4096], nl = 0;
    for (size_t i = 0; i < n && nl < 4096; i++)
        if (i == 0 || data[i - 1] == '\n')
            starts[nl++] = i;
    uint8_t *buf = malloc(LARGE + 4096);
    if (!buf || nl == 0) {
        free(buf);
        return;
    }
    size_t len = 0;
    while (len < LARGE) {
        size_t k = (size_t)(next_random() % nl), a = starts[k];
        size_t b = k + 1 < nl ? starts[k + 1] : n;
        while (b > a && (data[b - 1] == '\n' || data[b - 1] == '\r'))
            b--;
        size_t take = b - a < LARGE + 4096 - len ? b - a : LARGE + 4096 - len;
        memcpy(buf + len, data + a, take);
        len += take;
        if (take == 0)
            break;
    }
    run(buf, len);
    free(buf);
}

static int large_every; /* --large N: a large input from every N-th file */
static size_t files_seen;

static void file(const char *path, int mutations)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (!buf)
        return;
    run(buf, n);
    if (mutations)
        mutate(buf, n);
    if (large_every && files_seen++ % (size_t)large_every == 0)
        large(buf, n);
    free(buf);
}

static void walk(const char *path, int mutations)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        file(path, mutations);
        return;
    }
    DIR *dir = opendir(path);
    if (!dir)
        return;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        walk(sub, mutations);
    }
    closedir(dir);
}

int main(int argc, char **argv)
{
    int mutations = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--no-mutations") == 0) {
            mutations = 0;
            continue;
        }
        if (strcmp(argv[i], "--large") == 0 && i + 1 < argc) {
            large_every = atoi(argv[++i]);
            continue;
        }
        walk(argv[i], mutations);
    }
    printf("fuzz: %zu inputs, 0 crashes\n", runs);
    return 0;
}
