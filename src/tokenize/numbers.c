/* The numeral parser.  Chinese numerals follow the usual grammar: groups
 * below 万 built from digits and 十/百/千 in falling order, joined by 万
 * and 亿; 零 marks a skipped place; a trailing digit after a unit is the
 * spoken abbreviation (一万二 = 12000).  Anything else is rejected. */
#include "numbers.h"

#include <math.h>
#include <string.h>

#include "gangyao.h"
#include "utf8.h"

static const double pow10_table[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double gy_decimal(double m, int e)
{
    if (e >= 0)
        return e <= 22 ? m * pow10_table[e] : m * pow(10.0, e);
    return -e <= 22 ? m / pow10_table[-e] : m / pow(10.0, -e);
}

void gy_number_shift(gy_number *n, int e)
{
    n->exp10 += e;
    n->value = gy_decimal(n->mant, n->exp10);
}

static int ascii_digit(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

static int is_point(uint32_t cp) { return cp == 0x70B9 || cp == 0x9EDE; /* 点 點 */ }

static int is_numeral(uint32_t cp) { return gy_is_numeral(cp); }

int gy_number_can_start(const char *s, size_t pos, size_t end)
{
    size_t len;
    uint32_t cp = gy_utf8_at_valid(s, pos, end, &len);
    return ascii_digit(cp) >= 0 || is_numeral(cp);
}

/* A run of digits only (一九九七, 二〇二五): read as decimal digits. */
static int digit_sequence(const char *s, size_t len, double *value)
{
    double v = 0;
    size_t i = 0, n = 0, k0;
    int zero = 0;
    while (i < len) {
        size_t k;
        uint32_t cp = gy_utf8_at_valid(s, i, len, &k);
        int d = gy_cn_digit(cp);
        if (d < 0 || cp == 0x4E24 /* 两 */ || cp == 0x5169)
            return -1;
        zero |= d == 0;
        v = v * 10 + d;
        i += k;
        n++;
    }
    /* 三四 and 七八 are "three or four", not 34; 一二三 is a list.  Only
     * years (一九九七) and forms with 〇 (二〇二五) are digit strings. */
    if ((n != 4 && !zero) || gy_cn_digit(gy_utf8_at_valid(s, 0, len, &k0)) == 0)
        return -1;
    *value = v;
    return 0;
}

typedef struct cn_state {
    double total;          /* complete 亿 groups */
    double wan;            /* the 万 group below them */
    double sec;            /* below 万 */
    int digit;             /* pending digit, -1 none */
    double last_unit;      /* smallest 十/百/千 used in sec so far */
    double last_big;       /* the last 万/亿 seen */
    int zero;              /* a 零 since the last unit */
    int any;
} cn_state;

static int cn_small_unit(cn_state *st, double unit)
{
    int d = st->digit;
    if (d < 0) {
        /* 十二 and 二十万 may drop the 一 of 十, nothing else may. */
        if (unit != 10.0 || st->sec != 0)
            return -1;
        d = 1;
    }
    if (unit >= st->last_unit || d == 0)
        return -1;
    st->sec += d * unit;
    st->last_unit = unit;
    st->digit = -1;
    st->zero = 0;
    return 0;
}

static int cn_big_unit(cn_state *st, double unit)
{
    double group = st->sec + (st->digit > 0 ? st->digit : 0);
    if (st->digit == 0)
        return -1;
    if (unit == 1e4) {
        if (group == 0 || st->last_big == 1e4)
            return -1;
        st->wan = group * 1e4;
    } else {
        double below = st->wan + group;
        if (below == 0 || (st->total != 0 && below >= 1e8))
            return -1;
        st->total = (st->total + below) * 1e8;
        st->wan = 0;
    }
    st->last_big = unit;
    st->sec = 0;
    st->digit = -1;
    st->last_unit = 1e4;
    st->zero = 0;
    return 0;
}

static int cn_finish(cn_state *st, double *value)
{
    double tail = 0;
    if (st->digit > 0) {
        tail = st->digit;
        /* 一百五 = 150, 三万五 = 35000: a digit right after a unit. */
        if (!st->zero) {
            if (st->last_unit < 1e4 && st->last_unit > 10)
                tail = st->digit * st->last_unit / 10;
            else if (st->last_unit == 1e4 && st->last_big > 0 && st->sec == 0)
                tail = st->digit * st->last_big / 10;
        }
    } else if (st->zero) {
        return -1; /* a trailing 零 */
    }
    *value = st->total + st->wan + st->sec + tail;
    return 0;
}

static int cn_integer(const char *s, size_t len, double *value)
{
    cn_state st = {0, 0, 0, -1, 1e4, 0, 0, 0};
    int units = 0;
    size_t i = 0;
    while (i < len) {
        size_t k;
        uint32_t cp = gy_utf8_at_valid(s, i, len, &k);
        int d = gy_cn_digit(cp);
        double u = gy_cn_unit(cp);
        st.any++;
        if (d == 0) {
            /* 零 only between a unit and a digit: 一千零五, 一万零三百 */
            if (st.digit >= 0 || !units || st.zero)
                return -1;
            st.zero = 1;
        } else if (d > 0) {
            if (st.digit > 0)
                return -1;
            st.digit = d;
        } else if (u > 0 && u < 1e4) {
            if (cn_small_unit(&st, u) != 0)
                return -1;
            units++;
        } else if (u >= 1e4) {
            if (cn_big_unit(&st, u) != 0)
                return -1;
            units++;
        } else {
            return -1;
        }
        i += k;
    }
    if (!units)
        return -1;
    return cn_finish(&st, value);
}

int gy_parse_chinese(const char *s, size_t len, double *value)
{
    if (len == 0)
        return -1;
    if (memchr(s, ' ', len)) {
        /* 一百八 十六: the same number without the spaces */
        char buf[128];
        size_t n = 0;
        for (size_t i = 0; i < len && n < sizeof buf; i++)
            if (s[i] != ' ')
                buf[n++] = s[i];
        if (n == sizeof buf || n == 0 || s[0] == ' ' || s[len - 1] == ' ')
            return -1;
        return gy_parse_chinese(buf, n, value);
    }
    /* 一点五: integer part, 点, digits read one by one */
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = gy_utf8_at_valid(s, i, len, &k);
        if (is_point(cp)) {
            double ip, frac = 0;
            int places = 0;
            if (gy_parse_chinese(s, i, &ip) != 0 || i + k >= len)
                return -1;
            for (size_t j = i + k; j < len;) {
                size_t m;
                int d = gy_cn_digit(gy_utf8_at_valid(s, j, len, &m));
                if (d < 0)
                    return -1;
                frac = frac * 10 + d;
                places++;
                j += m;
            }
            *value = gy_decimal(ip * gy_decimal(1, places) + frac, -places);
            return 0;
        }
        i += k;
    }
    size_t k;
    uint32_t first = gy_utf8_at_valid(s, 0, len, &k);
    if (k == len && gy_cn_digit(first) >= 0) {
        *value = gy_cn_digit(first);
        return 0;
    }
    int has_unit = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = gy_utf8_at_valid(s, i, len, &k);
        has_unit |= gy_cn_unit(cp) > 0;
        i += k;
    }
    return has_unit ? cn_integer(s, len, value) : digit_sequence(s, len, value);
}

double gy_parse_magnitude(const char *s, size_t pos, size_t end, size_t *stop)
{
    double small = 1, big = 1;
    size_t i = pos, k;
    if (i < end) {
        double u = gy_cn_unit(gy_utf8_at_valid(s, i, end, &k));
        if (u > 1 && u < 1e4) {
            small = u;
            i += k;
        }
    }
    while (i < end) {
        double u = gy_cn_unit(gy_utf8_at_valid(s, i, end, &k));
        if (u < 1e4 || (big == 1e8) || (big == 1e4 && u == 1e4))
            break;
        big *= u;
        i += k;
    }
    if (i == pos)
        return 0;
    *stop = i;
    return small * big;
}

/* The largest mantissa a double holds exactly: beyond it a number is not
 * what was written. */
#define EXACT_LIMIT 9007199254740992.0

/* Marks n as refused: it ends at stop, for the reason given.  Returns -1. */
static int refuse(gy_number *n, size_t stop, const char *problem)
{
    n->end = stop;
    n->problem = problem;
    return -1;
}

/* The end of the run of ASCII or full-width digits at i. */
static size_t digits_end(const char *s, size_t i, size_t end)
{
    size_t k;
    while (i < end && ascii_digit(gy_utf8_at_valid(s, i, end, &k)) >= 0)
        i += k;
    return i;
}

/* At a separator after group digits: 1 when three digits follow and no
 * fourth (a thousands group), 0 otherwise. */
static int thousands_group(const char *s, size_t i, size_t end)
{
    size_t k, stop = digits_end(s, i, end), n = 0;
    for (size_t j = i; j < stop; j += k, n++)
        gy_utf8_at_valid(s, j, stop, &k);
    return n == 3;
}

/* The end of a malformed run of digits and separators at pos (1,20,3.5). */
static size_t run_end(const char *s, size_t pos, size_t end)
{
    size_t i = pos, k;
    while (i < end) {
        uint32_t cp = gy_utf8_at_valid(s, i, end, &k);
        if (ascii_digit(cp) < 0 && cp != ',' && cp != '.' && cp != 0xFF0E && cp != ' ')
            break;
        i += k;
    }
    while (i > pos && s[i - 1] == ' ')
        i--;
    return i;
}

/* The digits before the decimal point, with thousands separators: their
 * value in *v, their count in *digits, whether a separator was used in
 * *sep.  Returns the end, (size_t)-1 for a separator that groups no
 * thousands (1,20万), or (size_t)-2 for digits split by a space that
 * groups none (1 23亿). */
static size_t integer_part(const char *s, size_t pos, size_t end, double *v, int *digits,
                           int *sep)
{
    size_t i = pos, k, k2;
    int group = 0;
    while (i < end) {
        uint32_t cp = gy_utf8_at_valid(s, i, end, &k);
        int d = ascii_digit(cp);
        if (d >= 0) {
            *v = *v * 10 + d;
            (*digits)++;
            group++;
            i += k;
            continue;
        }
        /* 1 234.5: a space groups thousands too, and a space between
         * digits that groups none splits a number that cannot be read */
        int space = cp == ' ' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F;
        if (space && i + k < end && ascii_digit(gy_utf8_at_valid(s, i + k, end, &k2)) >= 0) {
            if (group < 1 || group > 3 || (*sep && group != 3) || !thousands_group(s, i + k, end))
                return (size_t)-2;
            *sep = 1;
            group = 0;
            i += k;
            continue;
        }
        int comma = cp == ',' || cp == 0xFF0C;
        if (!comma || group < 1 || (*sep ? group != 3 : group > 3))
            break;
        if (thousands_group(s, i + k, end)) {
            *sep = 1;
            group = 0;
            i += k;
            continue;
        }
        /* an ASCII comma right before digits means a thousands group; a
         * full-width one may end a clause (增长1，2个百分点) */
        if (cp == ',' && i + k < end && ascii_digit(gy_utf8_at_valid(s, i + k, end, &k)) >= 0)
            return (size_t)-1;
        break;
    }
    return *sep && group != 3 ? (size_t)-1 : i;
}

/* Arabic digits with optional thousands separators and decimals. */
static int parse_arabic(const char *s, size_t pos, size_t end, gy_number *n)
{
    double v = 0;
    int digits = 0, frac = 0, sep = 0;
    size_t i = integer_part(s, pos, end, &v, &digits, &sep), k, m;
    if (i == (size_t)-1)
        return refuse(n, run_end(s, pos, end), "a thousands separator that groups no three digits");
    if (i == (size_t)-2)
        return refuse(n, run_end(s, pos, end), "digits split by a space that groups no thousands");
    if (!digits)
        return 0;
    uint32_t cp = i < end ? gy_utf8_at_valid(s, i, end, &k) : 0;
    if ((cp == '.' || cp == 0xFF0E) && i + k < end &&
        ascii_digit(gy_utf8_at_valid(s, i + k, end, &m)) >= 0) {
        for (i += k; i < end; i += m) {
            int d = ascii_digit(gy_utf8_at_valid(s, i, end, &m));
            if (d < 0)
                break;
            v = v * 10 + d;
            frac++;
            digits++;
        }
    }
    if (v >= EXACT_LIMIT || frac > 22)
        return refuse(n, i, "more digits than can be held exactly");
    n->mant = v;
    n->exp10 = -frac;
    n->value = gy_decimal(v, -frac);
    n->end = i;
    n->digits = digits;
    n->year_like = !sep && !frac && digits == 4;
    return 1;
}

/* Longest run of Chinese numerals at pos (with 点 between digits, and a
 * single space between numerals where lines were joined: 一百八 十六);
 * its number of characters goes to *chars. */
static size_t numeral_run(const char *s, size_t pos, size_t end, size_t *chars)
{
    size_t i = pos, k, m;
    *chars = 0;
    while (i < end) {
        uint32_t cp = gy_utf8_at_valid(s, i, end, &k);
        int more = is_numeral(cp) ||
                   (cp == ' ' && i > pos && i + 1 < end && is_numeral(gy_utf8_at_valid(s, i + 1, end, &m))) ||
                   (is_point(cp) && i > pos && i + k < end &&
                    gy_cn_digit(gy_utf8_at_valid(s, i + k, end, &m)) >= 0);
        if (!more)
            break;
        i += k;
        (*chars)++;
    }
    return i - pos;
}

/* Mantissa and exponent of a Chinese numeral whose value is v: digits
 * after 点 make the exponent negative (一点五 is 15 x 10^-1).  Returns 0,
 * or -1 when the number cannot be held exactly. */
static int chinese_mantissa(const char *s, size_t len, double v, gy_number *n)
{
    int frac = 0, after = 0;
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = gy_utf8_at_valid(s, i, len, &k);
        if (after)
            frac++;
        if (is_point(cp))
            after = 1;
        i += k;
    }
    if (frac > 15 || v * pow10_table[frac] >= EXACT_LIMIT)
        return -1;
    n->mant = frac ? round(v * pow10_table[frac]) : v;
    n->exp10 = -frac;
    n->value = gy_decimal(n->mant, n->exp10);
    return 0;
}

/* The longest well-formed Chinese numeral that is a prefix of the run (十九
 * of 十九大).  A run too long to be a number is refused whole. */
static int parse_chinese_prefix(const char *s, size_t pos, size_t end, gy_number *n)
{
    size_t chars, whole = numeral_run(s, pos, end, &chars), run = whole, k;
    if (chars > GY_NUMERAL_MAX_CHARS)
        return refuse(n, pos + whole, "a run of numerals too long to be a number");
    while (run > 0) {
        double v;
        if (gy_parse_chinese(s + pos, run, &v) == 0) {
            /* 一亿亿: the rest of the run is another magnitude; after
             * a decimal (五点五亿) it is the decimal's magnitude */
            size_t lk;
            uint32_t last = gy_utf8_before_valid(s + pos, 0, run, &lk);
            if (run < whole && gy_cn_unit(last) >= 1e4 &&
                gy_cn_unit(gy_utf8_at_valid(s, pos + run, end, &k)) >= 1e4)
                return refuse(n, pos + whole, "a magnitude written twice");
            if (chinese_mantissa(s + pos, run, v, n) != 0)
                return refuse(n, pos + run, "more digits than can be held exactly");
            n->end = pos + run;
            n->chinese = 1;
            n->digits = (int)gy_utf8_count(s + pos, run);
            return 1;
        }
        /* drop the last character and try again */
        run = gy_utf8_back(s + pos, 0, run);
    }
    return 0;
}

/* Arabic digits, or else Chinese numerals, at pos (see gy_parse_number). */
static int parse_digits_or_numerals(const char *s, size_t pos, size_t end, gy_number *n)
{
    int rc = parse_arabic(s, pos, end, n);
    return rc ? rc : parse_chinese_prefix(s, pos, end, n);
}

/* Does lit start at s[pos], allowing one space between its characters
 * (百分 之 where lines were joined)?  Stores where it ends. */
static int starts_with_at(const char *s, size_t pos, size_t end, const char *lit, size_t *stop)
{
    if (pos >= end || s[pos] != lit[0])
        return 0; /* most numbers: no call to strlen */
    size_t i = pos, j = 0, n = strlen(lit);
    while (j < n) {
        size_t k;
        gy_utf8_at_valid(lit, j, n, &k);
        if (j > 0 && i < end && s[i] == ' ')
            i++;
        if (end - i < k || memcmp(s + i, lit + j, k) != 0)
            return 0;
        i += k;
        j += k;
    }
    *stop = i;
    return 1;
}

/* 百分之五, 千分之三 */
static int parse_fraction_word(const char *s, size_t pos, size_t end, gy_number *n)
{
    size_t at;
    int permille = starts_with_at(s, pos, end, "千分之", &at);
    if (!permille && !starts_with_at(s, pos, end, "百分之", &at))
        return 0;
    gy_number inner;
    memset(&inner, 0, sizeof inner);
    int rc = parse_digits_or_numerals(s, at, end, &inner);
    if (rc <= 0) {
        n->end = inner.end;
        n->problem = inner.problem;
        return rc;
    }
    n->value = inner.value;
    n->mant = inner.mant;
    n->exp10 = inner.exp10;
    n->end = inner.end;
    n->digits_end = inner.end;
    n->mult = 1;
    n->percent = !permille;
    n->permille = permille;
    n->chinese = inner.chinese;
    n->digits = inner.digits;
    return 1;
}

/* Past a line break (with the blank lines and spaces after it) at s[pos],
 * or pos: the text read may be a paragraph broken over lines, where a
 * number goes on on the next line (74.4 / 万亿元). */
static size_t past_line_break(const char *s, size_t pos, size_t end)
{
    size_t q = pos, k;
    int breaks = 0;
    while (q < end) {
        if (s[q] == '\n' || s[q] == '\r') {
            breaks = 1;
            q++;
        } else if (gy_is_space(gy_utf8_at_valid(s, q, end, &k))) {
            q += k;
        } else {
            break;
        }
    }
    return breaks ? q : pos;
}

/* A magnitude after the digits of n (2.9亿, 1.3万亿; 五点五亿: after a
 * decimal written in numerals); a second one right after it (1万万亿) is a
 * number written wrong. */
static int apply_magnitude(const char *s, size_t end, gy_number *n)
{
    size_t stop, k;
    n->digits_end = n->end;
    n->mult = 1;
    double mult = gy_parse_magnitude(s, past_line_break(s, n->end, end), end, &stop);
    if (mult <= 1)
        return 1;
    if (stop < end && gy_cn_unit(gy_utf8_at_valid(s, stop, end, &k)) >= 1e4) {
        while (stop < end && gy_cn_unit(gy_utf8_at_valid(s, stop, end, &k)) > 0)
            stop += k;
        return refuse(n, stop, "a magnitude written twice");
    }
    n->mult = mult;
    n->mag10 = (int)lround(log10(mult));
    gy_number_shift(n, n->mag10);
    n->end = stop;
    n->magnitude = 1;
    n->year_like = 0;
    return 1;
}

/* 3万5千, 1亿2千万: after a whole number with a magnitude, more whole
 * parts each with a smaller magnitude are added to it.  Returns 1, or -1
 * when a part cannot be read exactly. */
static int add_parts(const char *s, size_t end, gy_number *n)
{
    while (n->magnitude && n->end < end) {
        double part = 0;
        size_t i = n->end, k, stop;
        int d;
        while (i < end && (d = ascii_digit(gy_utf8_at_valid(s, i, end, &k))) >= 0) {
            part = part * 10 + d;
            i += k;
        }
        if (i == n->end)
            return 1;
        double mult = gy_parse_magnitude(s, i, end, &stop);
        if (mult <= 1 || mult >= n->mult)
            /* 3万5: thirty-five thousand, or 30005? */
            return refuse(n, i, "digits right after a magnitude without one of their own");
        if (n->exp10 < 0 || part * mult >= n->mult)
            return refuse(n, stop, "a number written in parts that do not fit");
        double total = n->value + part * mult;
        if (total >= EXACT_LIMIT)
            return refuse(n, stop, "more digits than can be held exactly");
        n->mant = total;
        n->exp10 = 0;
        n->value = total;
        n->mult = mult;
        n->mag10 = (int)lround(log10(mult));
        n->end = stop;
    }
    return 1;
}

static int arabic_magnitude(const char *s, size_t end, gy_number *n)
{
    int rc = apply_magnitude(s, end, n);
    return rc > 0 ? add_parts(s, end, n) : rc;
}

/* 三分之一 after the numeral n: the fraction, in percent. */
static void fraction_of(const char *s, size_t end, gy_number *n)
{
    size_t at;
    if (!starts_with_at(s, n->end, end, "分之", &at) || n->value <= 0)
        return;
    gy_number num;
    memset(&num, 0, sizeof num);
    if (parse_digits_or_numerals(s, at, end, &num) <= 0)
        return;
    n->value = num.value / n->value * 100.0;
    n->mant = n->value;
    n->exp10 = 0;
    n->end = num.end;
    n->digits_end = num.end;
    n->percent = 1;
    n->magnitude = 0;
}

int gy_parse_number(const char *s, size_t pos, size_t end, gy_number *n)
{
    memset(n, 0, sizeof *n);
    n->start = pos;
    if (pos >= end)
        return 0;
    int rc = parse_fraction_word(s, pos, end, n);
    if (rc)
        return rc;
    rc = parse_arabic(s, pos, end, n);
    if (rc)
        return rc < 0 ? rc : arabic_magnitude(s, end, n);
    rc = parse_chinese_prefix(s, pos, end, n);
    if (rc <= 0)
        return rc;
    n->digits_end = n->end;
    n->mult = 1;
    size_t k;
    uint32_t last = 0;
    for (size_t i = pos; i < n->end; i += k)
        last = gy_utf8_at_valid(s, i, n->end, &k);
    n->magnitude = gy_cn_unit(last) >= 1e4;
    if (n->exp10 < 0) /* 五点五亿, 零点五万 */
        return apply_magnitude(s, end, n);
    fraction_of(s, end, n);
    return 1;
}

long gy_marker_number(const char *s, size_t len)
{
    if (len == 0)
        return -1;
    size_t k;
    uint32_t cp = gy_utf8_at_valid(s, 0, len, &k);
    if (cp >= 0x2460 && cp <= 0x2473 && k == len) /* ① .. ⑳ */
        return (long)(cp - 0x2460 + 1);
    gy_number n;
    if (gy_parse_number(s, 0, len, &n) > 0 && n.end == len && n.value == floor(n.value) &&
        n.value < 1e6)
        return (long)n.value;
    return -1;
}
