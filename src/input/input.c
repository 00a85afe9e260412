/* Input stage: read a file or stdin, detect the encoding, decode to UTF-8
 * with iconv(3). */
#define _DEFAULT_SOURCE /* madvise */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "text.h"
#include "utf8.h"

/* The file's bytes are read, not mapped: a file that shrinks while it is
 * read (truncated by another program) is then a short read, not a crash. */
typedef struct bytes {
    unsigned char *data;   /* owned, malloc'd, NUL-terminated */
    size_t len;
} bytes;

static void release(bytes *b)
{
    free(b->data);
    b->data = NULL;
}

static const char *display_name(const char *name)
{
    return strcmp(name, "-") == 0 ? "<stdin>" : name;
}

/* A large buffer is backed by huge pages where the system offers them:
 * first touching it then costs a few faults instead of one per page. */
static void advise_huge(void *p, size_t n)
{
#if defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + n) & ~(huge - 1);
    if (e > a)
        madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

/* Reads all of fd into b, at most max bytes (EFBIG past them).  Unless
 * the input opens with a UTF-16 byte order mark, reading stops after the
 * first NUL byte (text has none: the decoder reports it), so that a binary
 * file or a device of endless zeros costs one read.  Returns 0, or errno. */
static int read_all(int fd, size_t size_hint, size_t max, int stop_at_nul, bytes *b)
{
    /* room for the expected size, the NUL, and one byte more, so that the
     * end of a file of the expected size is found without growing */
    size_t cap = size_hint + 2 > 4096 ? size_hint + 2 : 4096;
    if (cap > max + 2)
        cap = max + 2;
    b->data = malloc(cap);
    b->len = 0;
    if (!b->data)
        return ENOMEM;
    advise_huge(b->data, cap);
    for (;;) {
        if (cap - b->len < 2) {
            if (cap > max || cap > SIZE_MAX / 2) {
                free(b->data);
                return EFBIG;
            }
            size_t grown = cap * 2 > max + 2 ? max + 2 : cap * 2;
            unsigned char *p = realloc(b->data, grown);
            if (!p) {
                free(b->data);
                return ENOMEM;
            }
            b->data = p;
            cap = grown;
        }
        ssize_t got = read(fd, b->data + b->len, cap - b->len - 1);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(b->data);
            return e;
        }
        if (got == 0)
            break;
        size_t was = b->len;
        b->len += (size_t)got;
        if (b->len > max) {
            free(b->data);
            return EFBIG;
        }
        if (was < 2 && b->len >= 2 &&
            ((b->data[0] == 0xFF && b->data[1] == 0xFE) || (b->data[0] == 0xFE && b->data[1] == 0xFF)))
            stop_at_nul = 0;
        if (stop_at_nul && memchr(b->data + was, 0, (size_t)got))
            break;
    }
    b->data[b->len] = 0;
    return 0;
}

int gy_read_fd(int fd, char **data, size_t *len)
{
    bytes b;
    int e = read_all(fd, 0, SIZE_MAX - 2, 0, &b);
    if (e)
        return e;
    *data = (char *)b.data;
    *len = b.len;
    return 0;
}

static gy_status open_error(gy_error *err, const char *name, int e, size_t max)
{
    const char *hint = "";
    if (e == ENOENT)
        hint = "check the path; use - to read standard input";
    else if (e == EACCES || e == EPERM)
        hint = "check the file's permissions";
    else if (e == ENOMEM)
        return gy_error_oom(err, name);
    else if (e == EFBIG)
        return gy_error_set(err, GY_E_NOINPUT, name, 0, 0, -1,
                            "raise the limit with --max-input if this input is meant",
                            "larger than %zu bytes, the most an input may hold", max);
    return gy_error_set(err, GY_E_NOINPUT, name, 0, 0, -1, hint,
                        "cannot read: %s", strerror(e));
}

static size_t max_input(const gy_input_options *opt)
{
    return opt && opt->max_bytes ? opt->max_bytes : GY_DEFAULT_MAX_INPUT;
}

static gy_status read_input(const char *path, const gy_input_options *opt, bytes *b,
                            gy_error *err)
{
    size_t max = max_input(opt);
    int stop_at_nul = !opt || !opt->encoding;
    if (!path || strcmp(path, "-") == 0) {
        int e = read_all(STDIN_FILENO, 0, max, stop_at_nul, b);
        return e ? open_error(err, "<stdin>", e, max) : GY_OK;
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return open_error(err, path, errno, max);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return open_error(err, path, e, max);
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return gy_error_set(err, GY_E_NOINPUT, path, 0, 0, -1,
                            "give the path of a text file inside it",
                            "is a directory, not a file");
    }
    size_t hint = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size : 0;
    if (S_ISREG(st.st_mode) && hint > max) {
        close(fd);
        return open_error(err, path, EFBIG, max);
    }
    int e = read_all(fd, hint, max, stop_at_nul, b);
    close(fd);
    return e ? open_error(err, path, e, max) : GY_OK;
}

/* ---- iconv ------------------------------------------------------------ */

typedef struct decoded {
    char *buf;             /* owned, NUL-terminated */
    size_t len;
    size_t bad;            /* invalid sequences seen (replaced when lossy) */
    size_t first_bad;      /* input offset of the first one */
    long bad_line, bad_col;/* where it is in the decoded text */
} decoded;

/* Makes room for need more bytes (and a NUL) after used bytes of d->buf. */
static int reserve(decoded *d, size_t *cap, size_t used, size_t need)
{
    if (*cap - used > need)
        return 0;
    size_t ncap = *cap * 2 + need + 1;
    char *p = realloc(d->buf, ncap);
    if (!p)
        return -1;
    d->buf = p;
    *cap = ncap;
    return 0;
}

static void note_bad(decoded *d, size_t at, size_t used)
{
    if (d->bad++ == 0) {
        d->first_bad = at;
        gy_utf8_locate(d->buf, used, &d->bad_line, &d->bad_col);
    }
}

/* A conversion under way: the input left, the output so far. */
typedef struct conv {
    iconv_t cd;
    const unsigned char *in;
    char *inp;
    size_t inleft;
    size_t cap, used;
    int lossy;
    size_t unit;           /* bytes of a code unit: 2 for UTF-16, 4 for UTF-32 */
    decoded *d;
} conv;

/* The size of a code unit of the encoding called name: an invalid unit is
 * skipped whole, so that the text after it stays in step. */
static size_t code_unit(const char *name)
{
    if (strncasecmp(name, "UTF-16", 6) == 0 || strncasecmp(name, "UTF16", 5) == 0 ||
        strncasecmp(name, "UCS-2", 5) == 0)
        return 2;
    if (strncasecmp(name, "UTF-32", 6) == 0 || strncasecmp(name, "UTF32", 5) == 0 ||
        strncasecmp(name, "UCS-4", 5) == 0)
        return 4;
    return 1;
}

/* After an invalid (EILSEQ) or cut-off (EINVAL) sequence: noted, and with
 * lossy replaced by U+FFFD.  Returns 0 to go on, 1 to stop, -1 when out of
 * memory. */
static int conv_bad(conv *c, int e)
{
    note_bad(c->d, (size_t)((unsigned char *)c->inp - c->in), c->used);
    if (!c->lossy)
        return 1;
    if (reserve(c->d, &c->cap, c->used, 8) != 0)
        return -1;
    memcpy(c->d->buf + c->used, "\xEF\xBF\xBD", 3);
    c->used += 3;
    size_t skip = c->unit < c->inleft ? c->unit : c->inleft;
    if (e == EINVAL) {
        c->inleft = 0;
    } else {
        c->inp += skip;
        c->inleft -= skip;
    }
    return 0;
}

/* Runs iconv to the end of the input, then flushes its state.  Returns 0,
 * or -1 when out of memory. */
static int conv_run(conv *c)
{
    int flushing = 0;
    for (;;) {
        char *out = c->d->buf + c->used;
        size_t outleft = c->cap - c->used - 1;
        size_t r = flushing ? iconv(c->cd, NULL, NULL, &out, &outleft)
                            : iconv(c->cd, &c->inp, &c->inleft, &out, &outleft);
        int e = errno;
        c->used = (size_t)(out - c->d->buf);
        if (r != (size_t)-1) {
            if (flushing)
                return 0;
            flushing = c->inleft == 0;
            continue;
        }
        if (e == E2BIG) {
            if (reserve(c->d, &c->cap, c->used, 64) != 0)
                return -1;
            continue;
        }
        if (flushing)
            return 0;
        int rc = conv_bad(c, e);
        if (rc != 0)
            return rc < 0 ? -1 : 0;
    }
}

/* Converts in[0..n) from encoding `from` to UTF-8.  With lossy, invalid
 * sequences become U+FFFD; without, conversion stops at the first one.
 * Returns GY_OK (d->bad tells whether input was clean), GY_E_BADENC,
 * or GY_E_INTERNAL. */
static gy_status iconv_decode(const char *from, const unsigned char *in, size_t n,
                              int lossy, decoded *d)
{
    memset(d, 0, sizeof *d);
    conv c = {iconv_open("UTF-8", from), in, (char *)(uintptr_t)in, n, n + n / 2 + 16, 0,
              lossy, code_unit(from), d};
    if (c.cd == (iconv_t)-1)
        return errno == EINVAL ? GY_E_BADENC : GY_E_INTERNAL;
    d->buf = malloc(c.cap);
    int rc = d->buf ? conv_run(&c) : -1;
    iconv_close(c.cd);
    if (rc != 0) {
        free(d->buf);
        d->buf = NULL;
        return GY_E_INTERNAL;
    }
    d->len = c.used;
    d->buf[c.used] = '\0';
    return GY_OK;
}

/* UTF-8 input with invalid sequences replaced by U+FFFD. */
static gy_status utf8_lossy(const unsigned char *in, size_t n, decoded *d)
{
    memset(d, 0, sizeof *d);
    size_t cap = n * 3 + 1;
    if (n > SIZE_MAX / 3 - 1 || !(d->buf = malloc(cap)))
        return GY_E_INTERNAL;
    char *out = d->buf;
    size_t i = 0;
    while (i < n) {
        size_t ok = gy_utf8_valid_prefix(in + i, n - i);
        memcpy(out, in + i, ok);
        out += ok;
        i += ok;
        if (i < n) {
            note_bad(d, i, (size_t)(out - d->buf));
            memcpy(out, "\xEF\xBF\xBD", 3);
            out += 3;
            i++;
        }
    }
    d->len = (size_t)(out - d->buf);
    *out = '\0';
    return GY_OK;
}

/* ---- detection -------------------------------------------------------- */

static gy_source *new_source(const char *name)
{
    gy_source *src = calloc(1, sizeof *src);
    if (!src)
        return NULL;
    src->name = strdup(name);
    if (!src->name) {
        free(src);
        return NULL;
    }
    src->first_bad_offset = -1;
    return src;
}

static void set_encoding(gy_source *src, const char *name)
{
    snprintf(src->encoding, sizeof src->encoding, "%s", name);
}

/* Takes ownership of d->buf. */
static void adopt(gy_source *src, decoded *d)
{
    src->buf = d->buf;
    src->text = d->buf;
    src->len = d->len;
    src->replacements = d->bad;
    if (d->bad) {
        src->first_bad_offset = (long)d->first_bad;
        src->first_bad_line = d->bad_line;
    }
    d->buf = NULL;
}

/* A U+FEFF at the start of decoded text is a byte order mark, not text. */
static void strip_decoded_bom(gy_source *src)
{
    if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0) {
        src->text += 3;
        src->len -= 3;
        src->bom = 1;
    }
}

static gy_status invalid_bytes_note(gy_error *err, const char *name, const char *enc,
                                    const unsigned char *raw, size_t rawlen, size_t at,
                                    long line, long col, const char *note, const char *hint)
{
    char shown[32] = "";
    size_t k = 0;
    for (size_t i = at; i < rawlen && i < at + 4; i++)
        k += (size_t)snprintf(shown + k, sizeof shown - k, "%s0x%02X",
                              i > at ? " " : "", raw[i]);
    return gy_error_set(err, GY_E_ENCODING, display_name(name), line, col,
                        (long)at, hint,
                        "invalid %s at byte offset %zu (bytes %s)%s", enc, at,
                        shown, note);
}

static gy_status invalid_bytes(gy_error *err, const char *name, const char *enc,
                               const unsigned char *raw, size_t rawlen,
                               size_t at, long line, long col, const char *hint)
{
    return invalid_bytes_note(err, name, enc, raw, rawlen, at, line, col, "", hint);
}

static gy_status check_binary(gy_error *err, const gy_source *src,
                              const char *text, size_t len, const char *what)
{
    const char *nul = memchr(text, '\0', len);
    if (!nul)
        return GY_OK;
    long line, col;
    size_t at = (size_t)(nul - text);
    gy_utf8_locate(text, at, &line, &col);
    return gy_error_set(
        err, GY_E_BINARY, display_name(src->name), line, col, (long)at,
        "gangyao reads text files; a UTF-16 file without a byte order mark "
        "needs --encoding UTF-16LE or UTF-16BE",
        "binary data: NUL byte at %s offset %zu", what, at);
}

static gy_status decode_given(gy_source *src, bytes *raw, const gy_input_options *opt,
                              gy_error *err)
{
    const char *enc = opt->encoding;
    decoded d;
    int is_utf8 = strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
    gy_status st;
    if (is_utf8) {
        size_t ok = gy_utf8_valid_prefix(raw->data, raw->len);
        if (ok == raw->len) {
            set_encoding(src, "UTF-8");
            src->buf = (char *)raw->data;
            src->text = src->buf;
            src->len = raw->len;
            raw->data = NULL;
            strip_decoded_bom(src);
            return check_binary(err, src, src->text, src->len, "byte");
        }
        if (!opt->lossy) {
            long line, col;
            gy_utf8_locate((const char *)raw->data, ok, &line, &col);
            return invalid_bytes(err, src->name, "UTF-8", raw->data, raw->len, ok,
                                 line, col,
                                 "name the file's real encoding with --encoding, "
                                 "or use --lossy to replace bad bytes with U+FFFD");
        }
        st = utf8_lossy(raw->data, raw->len, &d);
    } else {
        st = iconv_decode(enc, raw->data, raw->len, opt->lossy, &d);
    }
    if (st == GY_E_BADENC)
        return gy_error_set(err, GY_E_BADENC, display_name(src->name), 0, 0, -1,
                            "`iconv -l` lists the names this system knows",
                            "unknown encoding '%s'", enc);
    if (st != GY_OK)
        return gy_error_oom(err, display_name(src->name));
    if (d.bad && !opt->lossy) {
        gy_status e = invalid_bytes(err, src->name, enc, raw->data, raw->len,
                                    d.first_bad, d.bad_line, d.bad_col,
                                    "check --encoding, or use --lossy to replace "
                                    "bad bytes with U+FFFD");
        free(d.buf);
        return e;
    }
    set_encoding(src, enc);
    for (char *p = src->encoding; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    adopt(src, &d);
    strip_decoded_bom(src);
    return check_binary(err, src, src->text, src->len, "decoded");
}

static gy_status decode_utf16(gy_source *src, bytes *raw, const char *enc,
                              const gy_input_options *opt, gy_error *err)
{
    decoded d;
    gy_status st = iconv_decode(enc, raw->data + 2, raw->len - 2, opt->lossy, &d);
    if (st != GY_OK)
        return gy_error_oom(err, display_name(src->name));
    d.first_bad += 2; /* an offset in the file, byte order mark included */
    if (d.bad && !opt->lossy) {
        gy_status e = invalid_bytes(err, src->name, enc, raw->data, raw->len,
                                    d.first_bad, d.bad_line, d.bad_col,
                                    "use --lossy to replace bad bytes with U+FFFD");
        free(d.buf);
        return e;
    }
    set_encoding(src, enc);
    src->bom = 1;
    adopt(src, &d);
    return check_binary(err, src, src->text, src->len, "decoded");
}

/* Takes the raw bytes as the text: valid UTF-8, skip bytes of BOM. */
static gy_status adopt_utf8(gy_source *src, bytes *raw, size_t skip)
{
    set_encoding(src, "UTF-8");
    src->buf = (char *)raw->data;
    src->text = src->buf + skip;
    src->len = raw->len - skip;
    src->bom = skip > 0;
    raw->data = NULL;
    return GY_OK;
}

/* Neither UTF-8 nor GB18030: the error reports the reading that got
 * further, most likely the file's own. */
static gy_status undecodable(gy_error *err, const gy_source *src, const bytes *raw, size_t skip,
                             size_t ok, const decoded *gb)
{
    const unsigned char *p = raw->data;
    long line, col;
    gy_utf8_locate((const char *)p, ok, &line, &col);
    const char *hint = "name the encoding with --encoding (e.g. --encoding BIG5), "
                       "or use --lossy to replace bad bytes with U+FFFD";
    if (skip)
        return invalid_bytes(err, src->name, "UTF-8", p, raw->len, ok, line, col, hint);
    char note[96];
    if (gb->first_bad > ok) {
        snprintf(note, sizeof note, "; not UTF-8 either (invalid at byte offset %zu)", ok);
        return invalid_bytes_note(err, src->name, "GB18030", p, raw->len, gb->first_bad,
                                  gb->bad_line, gb->bad_col, note, hint);
    }
    snprintf(note, sizeof note, "; not GB18030 either (invalid at byte offset %zu)",
             gb->first_bad);
    return invalid_bytes_note(err, src->name, "UTF-8", p, raw->len, ok, line, col, note, hint);
}

/* Lossy: whichever reading, UTF-8 or GB18030, needs fewer replacements. */
static gy_status decode_lossy(gy_source *src, bytes *raw, size_t skip, gy_error *err)
{
    const unsigned char *p = raw->data;
    decoded u8, gb;
    if (utf8_lossy(p + skip, raw->len - skip, &u8) != GY_OK)
        return gy_error_oom(err, display_name(src->name));
    if (!skip && iconv_decode("GB18030", p, raw->len, 1, &gb) == GY_OK) {
        if (gb.bad < u8.bad) {
            free(u8.buf);
            set_encoding(src, "GB18030");
            adopt(src, &gb);
            return GY_OK;
        }
        free(gb.buf);
    }
    set_encoding(src, "UTF-8");
    src->bom = skip > 0;
    if (skip)
        u8.first_bad += skip;
    adopt(src, &u8);
    return GY_OK;
}

static gy_status decode_detect(gy_source *src, bytes *raw, const gy_input_options *opt,
                               gy_error *err)
{
    const unsigned char *p = raw->data;
    size_t n = raw->len;
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return decode_utf16(src, raw, "UTF-16LE", opt, err);
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return decode_utf16(src, raw, "UTF-16BE", opt, err);
    size_t skip = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    gy_status st = check_binary(err, src, (const char *)p, n, "byte");
    if (st != GY_OK)
        return st;
    size_t ok = gy_utf8_valid_prefix(p, n);
    if (ok == n)
        return adopt_utf8(src, raw, skip);
    decoded gb;
    memset(&gb, 0, sizeof gb);
    if (!skip) {
        st = iconv_decode("GB18030", p, n, 0, &gb);
        if (st != GY_OK && st != GY_E_BADENC)
            return gy_error_oom(err, display_name(src->name));
        if (st == GY_OK && gb.bad == 0) {
            set_encoding(src, "GB18030");
            adopt(src, &gb);
            return GY_OK;
        }
        free(gb.buf);
        if (st != GY_OK)
            memset(&gb, 0, sizeof gb);
    }
    if (opt->lossy)
        return decode_lossy(src, raw, skip, err);
    return undecodable(err, src, raw, skip, ok, &gb);
}

static gy_source *decode(const char *name, bytes *raw, const gy_input_options *opt,
                         gy_error *err)
{
    static const gy_input_options defaults = {NULL, 0, 0};
    if (!opt)
        opt = &defaults;
    gy_source *src = new_source(name);
    if (!src) {
        release(raw);
        gy_error_oom(err, display_name(name));
        return NULL;
    }
    src->raw_bytes = raw->len;
    gy_status st = opt->encoding ? decode_given(src, raw, opt, err)
                                 : decode_detect(src, raw, opt, err);
    if (raw->data)
        release(raw);
    if (st != GY_OK) {
        gy_source_free(src);
        return NULL;
    }
    src->lines = gy_count_lines(src->text, src->len);
    return src;
}

gy_source *gy_source_load(const char *path, const gy_input_options *opt,
                          gy_error *err)
{
    bytes raw;
    if (read_input(path, opt, &raw, err) != GY_OK)
        return NULL;
    return decode(path ? path : "-", &raw, opt, err);
}

gy_source *gy_source_adopt(const char *name, char *data, size_t n, const gy_input_options *opt,
                           gy_error *err)
{
    bytes raw = {(unsigned char *)data, n};
    raw.data[n] = 0;
    return decode(name ? name : "-", &raw, opt, err);
}

gy_source *gy_source_from_memory(const char *name, const void *data, size_t n,
                                 const gy_input_options *opt, gy_error *err)
{
    if (n > max_input(opt)) {
        open_error(err, name ? name : "-", EFBIG, max_input(opt));
        return NULL;
    }
    bytes raw;
    raw.data = malloc(n + 1);
    if (!raw.data) {
        gy_error_oom(err, name);
        return NULL;
    }
    if (n)
        memcpy(raw.data, data, n);
    raw.data[n] = 0;
    raw.len = n;
    return decode(name ? name : "-", &raw, opt, err);
}

void gy_source_free(gy_source *src)
{
    if (!src)
        return;
    free(src->buf);
    free(src->name);
    free(src->meta);
    free(src);
}

const char *gy_source_text(const gy_source *src, size_t *len)
{
    if (len)
        *len = src->len;
    return src->text ? src->text : "";
}

const char *gy_source_name(const gy_source *src) { return src->name; }
const char *gy_source_encoding(const gy_source *src) { return src->encoding; }
int gy_source_has_bom(const gy_source *src) { return src->bom; }
size_t gy_source_raw_bytes(const gy_source *src) { return src->raw_bytes; }
size_t gy_source_line_count(const gy_source *src) { return src->lines; }

long gy_source_record(const gy_source *src) { return src->record; }

const char *gy_source_meta(const gy_source *src, size_t *len)
{
    if (len)
        *len = src->meta_len;
    return src->meta;
}

size_t gy_source_replacements(const gy_source *src, long *first_offset,
                              long *first_line)
{
    if (first_offset)
        *first_offset = src->first_bad_offset;
    if (first_line)
        *first_line = src->first_bad_line;
    return src->replacements;
}
