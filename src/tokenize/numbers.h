/* Numbers as written in Chinese documents: 2024, 1,200, 2.9亿, 三百五十,
 * 一千二百万, 百分之五, 三分之一, ２０２４ ... */
#ifndef GY_NUMBERS_H
#define GY_NUMBERS_H

#include <stddef.h>

typedef struct gy_number {
    double value;          /* mant x 10^exp10, correctly rounded */
    double mant;           /* the digits as an integer (exact below 2^53) */
    int exp10;
    int mag10;             /* the exponent of a magnitude after digits (亿: 8) */
    size_t start, end;     /* byte offsets of the number as written */
    size_t digits_end;     /* end before a magnitude (万, 亿) after digits */
    double mult;           /* that magnitude, 1 when none */
    int chinese;           /* written in Chinese numerals */
    int percent;           /* 百分之五 / 三分之一: value is in percent */
    int permille;          /* 千分之五: value is in per mille */
    int magnitude;         /* ends in 万, 亿 ... */
    int year_like;         /* four digits, no separator or decimals */
    int digits;            /* how many digits (Arabic) or numeral characters */
    const char *problem;   /* why a number is refused (gy_parse_number -1) */
} gy_number;

/* The longest run of Chinese numerals read as one number: no number is
 * written with more (九千九百九十九万九千九百九十九亿… has 31), and the
 * parser's work per run stays bounded. */
enum { GY_NUMERAL_MAX_CHARS = 40 };

/* m x 10^e with one correctly rounded operation: 20.67亿 is 2067 x 10^6,
 * exactly 2067000000, not 20.67 x 1e8. */
double gy_decimal(double m, int e);

/* Multiplies n by 10^e (a magnitude or a unit's scale) keeping it exact. */
void gy_number_shift(gy_number *n, int e);

/* Parses the number starting at s[pos], reading no further than end.
 * Returns 1 and fills *n; 0 when no number starts there; -1 for a number
 * that is written wrong (1,20万, 1万万) or cannot be held exactly (more
 * than 15 significant digits), with n->end where it ends and n->problem
 * saying why: such a number is refused whole, never read in part.
 * Magnitudes (万, 亿 ...) directly after Arabic digits are included. */
int gy_parse_number(const char *s, size_t pos, size_t end, gy_number *n);

/* Value of s[0..len) written wholly in Chinese numerals (一, 十二, 两千,
 * 三百五十, 一千零五, 一万亿, 壹佰, 一九九七, 一点五); returns 0, or -1 when
 * it is not a well-formed numeral. */
int gy_parse_chinese(const char *s, size_t len, double *value);

/* A magnitude (十 百 千 万 亿 and their combinations 十万, 千万, 万亿 ...)
 * at s[pos]: returns its multiplier and stores its end, or 0. */
double gy_parse_magnitude(const char *s, size_t pos, size_t end, size_t *stop);

/* Integer value of a marker number: Arabic, Chinese or circled (①). */
long gy_marker_number(const char *s, size_t len);

/* Whether a number may start at s[pos] (digit, full-width digit, numeral). */
int gy_number_can_start(const char *s, size_t pos, size_t end);

#endif
