#define _DEFAULT_SOURCE
/* make bench: speed and memory on ~100 MB built from the real speeches in
 * tests/corpus: first an archive of separate files (distinct documents, the
 * figure that says how fast an archive is analyzed), then one file repeating
 * them, in UTF-8 and in GB18030 (most of which is set aside as copies of an
 * earlier body: it measures that path unless --keep-noise).
 *
 *     gy_bench BIN CORPUS_DIR [MB]
 *
 * Measures, best of three runs each: reading; decoding (UTF-8 validation,
 * GB18030 through iconv); tokenizing (line and sentence index, and the
 * token iterator); end-to-end analysis by the command-line tool (JSON to
 * /dev/null, one process, one core) with its peak memory; and diff on two
 * ~100 KB reports and on two synthetic lists of 10,000 tasks each. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "rules.h"
#include "gangyao.h"
#include "text.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
    fprintf(stderr, "gy_bench: %s: %s\n", what, strerror(errno));
    exit(1);
}

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void append(buf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX / 4 || b->n > SIZE_MAX / 4)
        die("append: too large");
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 20;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p)
            die("realloc");
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void write_file(const char *path, const char *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(p, 1, n, f) != n || fclose(f) != 0)
        die(path);
}

/* The .txt files of dir, sorted; returns how many (at most max). */
static size_t corpus_names(const char *dir, char **names, size_t max)
{
    DIR *d = opendir(dir);
    if (!d)
        die(dir);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(d)) && n < max)
        if (strstr(e->d_name, ".txt"))
            names[n++] = strdup(e->d_name);
    closedir(d);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(names[j], names[i]) < 0) {
                char *t = names[i];
                names[i] = names[j];
                names[j] = t;
            }
    return n;
}

/* The text of a corpus file decoded to UTF-8 (GBK files converted),
 * ending in a line end. */
static buf speech(const char *dir, const char *name)
{
    buf b = {0};
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    gy_error err;
    gy_error_clear(&err);
    gy_source *src = gy_source_load(path, NULL, &err);
    if (src) {
        size_t len;
        const char *t = gy_source_text(src, &len);
        append(&b, t, len);
        if (len && t[len - 1] != '\n')
            append(&b, "\n", 1);
        gy_source_free(src);
    }
    return b;
}

/* All corpus speeches decoded to UTF-8, one after another. */
static buf speeches(const char *dir)
{
    buf all = {0};
    char *names[256];
    size_t n = corpus_names(dir, names, 256);
    for (size_t i = 0; i < n; i++) {
        buf b = speech(dir, names[i]);
        if (b.n)
            append(&all, b.p, b.n);
        free(b.p);
        free(names[i]);
    }
    return all;
}

static buf to_gb18030(const buf *u)
{
    buf g = {0};
    g.cap = u->n + 1;
    g.p = malloc(g.cap);
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (!g.p || cd == (iconv_t)-1)
        die("iconv_open");
    char *in = u->p, *out = g.p;
    size_t inleft = u->n, outleft = g.cap - 1;
    if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1)
        die("iconv");
    iconv_close(cd);
    g.n = (size_t)(out - g.p);
    return g;
}

typedef struct result {
    double seconds;
    long max_rss_kb;
    int status;
} result;

/* Runs argv with stdout to /dev/null; wall time and peak memory. */
static result run_child(char *const argv[])
{
    result r = {0, 0, 0};
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(fd, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        die("wait4");
    r.seconds = now() - t0;
    r.max_rss_kb = ru.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

static result best_child(char *const argv[])
{
    result best = {1e30, 0, 0};
    for (int i = 0; i < 3; i++) {
        result r = run_child(argv);
        if (r.seconds < best.seconds)
            best = r;
    }
    return best;
}

static double mbs(size_t bytes, double s) { return (double)bytes / 1e6 / s; }

static double time_load(const char *path, size_t *out_len)
{
    double best = 1e30;
    for (int i = 0; i < 3; i++) {
        gy_error err;
        gy_error_clear(&err);
        double t0 = now();
        gy_source *src = gy_source_load(path, NULL, &err);
        double t = now() - t0;
        if (!src) {
            gy_error_print(&err, stderr);
            exit(1);
        }
        gy_source_text(src, out_len);
        gy_source_free(src);
        if (t < best)
            best = t;
    }
    return best;
}

static double time_read(const char *path)
{
    double best = 1e30;
    for (int i = 0; i < 3; i++) {
        double t0 = now();
        int fd = open(path, O_RDONLY);
        if (fd < 0)
            die(path);
        static char chunk[1 << 20];
        struct stat st;
        fstat(fd, &st);
        char *all = malloc((size_t)st.st_size + 1);
        size_t n = 0;
        ssize_t got;
        while ((got = read(fd, chunk, sizeof chunk)) > 0) {
            memcpy(all + n, chunk, (size_t)got);
            n += (size_t)got;
        }
        close(fd);
        free(all);
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    return best;
}

/* Decode + line/sentence index + every token. */
static double time_tokenize(const char *path, size_t *tokens, double *index_only)
{
    gy_error rerr;
    gy_rules *rules = gy_rules_builtin(&rerr);
    if (!rules)
        die("rules");
    double best = 1e30, best_index = 1e30;
    for (int i = 0; i < 3; i++) {
        gy_error err;
        gy_error_clear(&err);
        double t0 = now();
        gy_source *src = gy_source_load(path, NULL, &err);
        size_t len;
        const char *text = gy_source_text(src, &len);
        double t1 = now();
        gy_arena a;
        gy_arena_init(&a);
        gy_text x;
        gy_text_build(&x, &a, &rules->punct, text, len);
        double t2 = now();
        gy_tokenizer *tz = gy_tokenizer_new(rules, text, len);
        gy_token tok;
        size_t n = 0;
        while (gy_tokenizer_next(tz, &tok))
            n++;
        double t = now() - t0;
        gy_tokenizer_free(tz);
        gy_arena_free(&a);
        gy_source_free(src);
        *tokens = n;
        if (t < best)
            best = t;
        if (t2 - t1 < best_index)
            best_index = t2 - t1;
    }
    *index_only = best_index;
    gy_rules_free(rules);
    return best;
}

/* A synthetic speech of n numbered tasks in paragraphs of ten items. */
static buf synthetic_tasks(size_t n, unsigned seed, int shuffle)
{
    static const char *const verbs[] = {"加强", "推进", "完善", "健全", "深化", "落实", "提升",
                                        "扩大", "优化", "强化", "建立", "培育"};
    static const char *const objs[] = {"基层治理", "产业体系", "科技创新", "营商环境", "社会保障",
                                       "生态保护", "乡村振兴", "对外开放", "公共服务", "安全生产",
                                       "城市更新", "数字经济", "就业服务", "教育质量", "医疗卫生"};
    static const char *const nums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    buf b = {0};
    append(&b, "一、工作任务\n", strlen("一、工作任务\n"));
    srand(seed);
    char line[256];
    for (size_t i = 0; i < n; i++) {
        size_t k = i % 10;
        if (k == 0)
            append(&b, "今年要做好以下工作：", strlen("今年要做好以下工作："));
        unsigned r = (unsigned)(i * 2654435761u);
        if (shuffle && rand() % 20 == 0)
            r = (unsigned)rand();
        snprintf(line, sizeof line, "%s要%s%s和%s，第%zu项工作%s", nums[k], verbs[r % 12],
                 objs[(r / 12) % 15], objs[(r / 180) % 15], i + 1, k == 9 ? "。\n" : "；");
        append(&b, line, strlen(line));
    }
    return b;
}

/* An archive: the corpus files copied, as UTF-8, into separate files of
 * dir until they hold want bytes; their names one per line in list. */
typedef struct archive {
    size_t files, bytes;
    char **paths;
} archive;

static archive make_archive(const char *corpus, const char *dir, const char *list, size_t want)
{
    archive a = {0, 0, NULL};
    char *names[256];
    buf texts[256];
    size_t n = corpus_names(corpus, names, 256);
    for (size_t i = 0; i < n; i++)
        texts[i] = speech(corpus, names[i]);
    mkdir(dir, 0755);
    FILE *l = fopen(list, "wb");
    if (!l || n == 0)
        die(list);
    size_t cap = 0;
    for (size_t copy = 0; a.bytes < want; copy++)
        for (size_t i = 0; i < n && a.bytes < want; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%04zu-%s", dir, copy, names[i]);
            write_file(path, texts[i].p, texts[i].n);
            fprintf(l, "%s\n", path);
            if (a.files + 1 >= cap) {
                cap = cap ? 2 * cap : 4096;
                a.paths = realloc(a.paths, cap * sizeof *a.paths);
                if (!a.paths)
                    die("realloc");
            }
            a.paths[a.files++] = strdup(path);
            a.bytes += texts[i].n;
        }
    if (fclose(l) != 0)
        die(list);
    for (size_t i = 0; i < n; i++) {
        free(texts[i].p);
        free(names[i]);
    }
    return a;
}

/* The archive figures: gangyao --jsonl on --jobs 1 and 2, and iconv over
 * the same files for scale; best of three each. */
static void bench_archive(char *bin, const char *corpus, const char *dir, size_t want)
{
    char adir[256], list[256];
    snprintf(adir, sizeof adir, "%s/archive", dir);
    snprintf(list, sizeof list, "%s/archive.list", dir);
    archive a = make_archive(corpus, adir, list, want);
    printf("archive: the corpus copied into %zu separate UTF-8 files, %.1f MB; each file is\n"
           "analyzed on its own (nothing is set aside as a copy of another file)\n\n",
           a.files, (double)a.bytes / 1e6);
    char **iconv_argv = calloc(a.files + 6, sizeof *iconv_argv);
    if (!iconv_argv)
        die("calloc");
    iconv_argv[0] = "/usr/bin/iconv";
    iconv_argv[1] = "-f";
    iconv_argv[2] = "UTF-8";
    iconv_argv[3] = "-t";
    iconv_argv[4] = "UTF-8";
    memcpy(iconv_argv + 5, a.paths, a.files * sizeof *a.paths);
    result ic = best_child(iconv_argv);
    char *j1[] = {bin, "--jsonl", "--jobs", "1", "--files-from", list, NULL};
    char *j2[] = {bin, "--jsonl", "--jobs", "2", "--files-from", list, NULL};
    result r1 = best_child(j1), r2 = best_child(j2);
    printf("%-48s %10s %12s\n", "archive (best of 3)", "seconds", "MB/s");
    printf("%-48s %10.3f %12.0f   peak %.1f MB (exit %d)\n", "gangyao --jsonl --jobs 1", r1.seconds,
           mbs(a.bytes, r1.seconds), (double)r1.max_rss_kb / 1024.0, r1.status);
    printf("%-48s %10.3f %12.0f   peak %.1f MB (exit %d), %.2f x --jobs 1\n",
           "gangyao --jsonl --jobs 2", r2.seconds, mbs(a.bytes, r2.seconds),
           (double)r2.max_rss_kb / 1024.0, r2.status, r1.seconds / r2.seconds);
    printf("%-48s %10.3f %12.0f   (exit %d); --jobs 1 takes %.1f x as long\n",
           "iconv -f UTF-8 -t UTF-8 of the same files", ic.seconds, mbs(a.bytes, ic.seconds),
           ic.status, r1.seconds / ic.seconds);
    printf("goals: --jobs 1 >= 100 MB/s, --jobs 2 >= 1.8 x --jobs 1, peak memory < 64 MB\n\n");
    /* the panel reads the same analyses into one table: its cost against
     * the table of targets (the same analysis, an output of the same size) */
    char *csv[] = {bin, "--csv", "--jobs", "1", "--files-from", list, NULL};
    char *panel[] = {bin, "panel", "--csv", "-q", "--jobs", "1", "--files-from", list, NULL};
    result rc = best_child(csv), rp = best_child(panel);
    printf("%-48s %10s %12s\n", "panel of the archive (best of 3)", "seconds", "MB/s");
    printf("%-48s %10.3f %12.0f   peak %.1f MB (exit %d)\n", "gangyao --csv --jobs 1", rc.seconds,
           mbs(a.bytes, rc.seconds), (double)rc.max_rss_kb / 1024.0, rc.status);
    printf("%-48s %10.3f %12.0f   peak %.1f MB (exit %d), %.2f x --csv\n",
           "gangyao panel --csv --jobs 1", rp.seconds, mbs(a.bytes, rp.seconds),
           (double)rp.max_rss_kb / 1024.0, rp.status, rp.seconds / rc.seconds);
    printf("goal: the panel <= 1.10 x the table of targets\n\n");
    /* the formulations of the same archive: the analysis, then one pass of
     * the automaton over each body */
    char *terms[] = {bin, "terms", "--csv", "-q", "--jobs", "1", "--files-from", list, NULL};
    result rt = best_child(terms);
    printf("%-48s %10.3f %12.0f   peak %.1f MB (exit %d), %.2f x --jsonl\n",
           "gangyao terms --csv --jobs 1", rt.seconds, mbs(a.bytes, rt.seconds),
           (double)rt.max_rss_kb / 1024.0, rt.status, rt.seconds / r1.seconds);
    printf("goal: terms at no less than the analyzer's own throughput (<= 1.10 x --jsonl)\n\n");
    for (size_t i = 0; i < a.files; i++)
        free(a.paths[i]);
    free(a.paths);
    free(iconv_argv);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gy_bench BIN CORPUS_DIR [MB]\n");
        return 2;
    }
    char *bin = argv[1];
    size_t want = (size_t)(argc > 3 ? atof(argv[3]) : 100.0) * 1000000;
    const char *dir = "/tmp/gangyao-bench";
    mkdir(dir, 0755);
    char utf8[256], gb[256], ta[256], tb[256];
    snprintf(utf8, sizeof utf8, "%s/corpus-utf8.txt", dir);
    snprintf(gb, sizeof gb, "%s/corpus-gb18030.txt", dir);
    snprintf(ta, sizeof ta, "%s/tasks-a.txt", dir);
    snprintf(tb, sizeof tb, "%s/tasks-b.txt", dir);

    bench_archive(bin, argv[2], dir, want);

    buf one = speeches(argv[2]);
    buf all = {0};
    while (all.n < want)
        append(&all, one.p, one.n);
    write_file(utf8, all.p, all.n);
    buf g = to_gb18030(&all);
    write_file(gb, g.p, g.n);
    printf("one file: the speeches repeated to %.1f MB of UTF-8 (%.1f MB as GB18030)\n\n", (double)all.n / 1e6, (double)g.n / 1e6);

    size_t bytes_utf8 = all.n, bytes_gb = g.n;
    /* the children below must not inherit (and count) these buffers */
    free(one.p);
    free(all.p);
    free(g.p);
    size_t len = 0, tokens = 0;
    double t_read = time_read(utf8);
    double t_u8 = time_load(utf8, &len);
    double t_gb = time_load(gb, &len);
    double t_index;
    double t_tok = time_tokenize(utf8, &tokens, &t_index);
    printf("%-48s %10s %12s\n", "stage (best of 3)", "seconds", "MB/s");
    printf("%-48s %10.3f %12.0f\n", "read the file", t_read, mbs(bytes_utf8, t_read));
    printf("%-48s %10.3f %12.0f\n", "read + decode UTF-8 (validate)", t_u8, mbs(bytes_utf8, t_u8));
    printf("%-48s %10.3f %12.0f\n", "read + decode GB18030 (iconv)", t_gb, mbs(bytes_gb, t_gb));
    printf("%-48s %10.3f %12.0f\n", "line and sentence index", t_index, mbs(bytes_utf8, t_index));
    printf("%-48s %10.3f %12.0f\n", "read + decode UTF-8 + index (the tokenize stage)",
           t_u8 + t_index, mbs(bytes_utf8, t_u8 + t_index));
    printf("%-48s %10.3f %12.0f   (%zu tokens)\n", "read + decode + index + every token", t_tok,
           mbs(bytes_utf8, t_tok), tokens);

    char *analyze[] = {bin, "--json", utf8, NULL};
    result r = best_child(analyze);
    printf("%-48s %10.3f %12.0f   peak %.0f MB = %.2f x input (exit %d)\n",
           "end-to-end: gangyao --json UTF-8 > /dev/null", r.seconds, mbs(bytes_utf8, r.seconds),
           (double)r.max_rss_kb / 1024.0, (double)r.max_rss_kb * 1024.0 / (double)all.n, r.status);
    char *analyze_full[] = {bin, "--json", "--keep-noise", utf8, NULL};
    r = best_child(analyze_full);
    printf("%-48s %10.3f %12.0f   peak %.0f MB = %.2f x input (exit %d)\n",
           "  the same with --keep-noise (all extracted)", r.seconds, mbs(bytes_utf8, r.seconds),
           (double)r.max_rss_kb / 1024.0, (double)r.max_rss_kb * 1024.0 / (double)bytes_utf8,
           r.status);
    char *analyze_gb[] = {bin, "--json", gb, NULL};
    r = best_child(analyze_gb);
    printf("%-48s %10.3f %12.0f   peak %.0f MB = %.2f x input (exit %d)\n",
           "end-to-end: gangyao --json GB18030 > /dev/null", r.seconds, mbs(bytes_gb, r.seconds),
           (double)r.max_rss_kb / 1024.0, (double)r.max_rss_kb * 1024.0 / (double)g.n, r.status);

    /* the first half of the corpus compared with itself: no change at any size */
    char half[256];
    snprintf(half, sizeof half, "%s/corpus-half.txt", dir);
    {
        FILE *in = fopen(utf8, "rb"), *out = fopen(half, "wb");
        char line[65536];
        size_t written = 0;
        while (in && out && written < bytes_utf8 / 2 && fgets(line, sizeof line, in))
            written += fwrite(line, 1, strlen(line), out);
        if (in)
            fclose(in);
        if (!out || fclose(out) != 0)
            die(half);
    }
    char *self_diff[] = {bin, "diff", "--keep-noise", half, half, NULL};
    r = run_child(self_diff);
    printf("\n%-48s %10.3f s     peak %.0f MB (exit %d%s)\n",
           "diff of 50 MB with itself, --keep-noise", r.seconds, (double)r.max_rss_kb / 1024.0,
           r.status, r.status == 0 ? ": no change, as it must be" : ": WRONG, it must be 0");

    char cpc19[4096], cpc20[4096];
    snprintf(cpc19, sizeof cpc19, "%s/cpc19-report.txt", argv[2]);
    snprintf(cpc20, sizeof cpc20, "%s/cpc20-report.txt", argv[2]);
    char *diff_reports[] = {bin, "diff", cpc19, cpc20, NULL};
    r = best_child(diff_reports);
    printf("\n%-48s %10.3f s     peak %.1f MB (exit %d)\n", "diff two ~100 KB reports (cpc19, cpc20)",
           r.seconds, (double)r.max_rss_kb / 1024.0, r.status);
    for (size_t n = 1000; n <= 10000; n *= 10) {
        buf a = synthetic_tasks(n, 1, 0), b = synthetic_tasks(n, 2, 1);
        write_file(ta, a.p, a.n);
        write_file(tb, b.p, b.n);
        char *diff_tasks[] = {bin, "diff", ta, tb, NULL};
        r = best_child(diff_tasks);
        char label[64];
        snprintf(label, sizeof label, "diff two lists of %zu tasks each", n);
        printf("%-48s %10.3f s     peak %.1f MB (exit %d)\n", label, r.seconds,
               (double)r.max_rss_kb / 1024.0, r.status);
        free(a.p);
        free(b.p);
    }
    printf("\ngoals: decode+tokenize >= 500 MB/s; end-to-end >= 200 MB/s on one core with peak\n"
           "memory under 3x the input; diff of ~100 KB reports < 50 ms, of 10,000 tasks < 2 s.\n");
    return 0;
}
