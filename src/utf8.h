/* UTF-8 code points and character classes. */
#ifndef GY_UTF8_H
#define GY_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "gangyao.h"

/* Length of the valid UTF-8 prefix of s[0..n): n when all of it is valid,
 * else the offset of the first byte of the first invalid sequence. */
size_t gy_utf8_valid_prefix(const unsigned char *s, size_t n);

/* Decodes the code point at s[0..n) (n >= 1) and stores its length in *len.
 * Invalid or truncated sequences decode as U+FFFD with length 1. */
uint32_t gy_utf8_decode(const unsigned char *s, size_t n, size_t *len);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the length. */
size_t gy_utf8_encode(uint32_t cp, unsigned char *out);

/* Number of code points in s[0..n) (valid UTF-8). */
size_t gy_utf8_count(const char *s, size_t n);

gy_token_class gy_char_class(uint32_t cp);

/* Value of a Chinese numeral digit (一 1 ... 九 9, 〇/零 0, 两 2), -1 otherwise. */
int gy_cn_digit(uint32_t cp);
/* Multiplier of a Chinese numeral unit (十 10, 百 100, 千 1000, 万 1e4,
 * 亿 1e8 and the financial and traditional forms), 0 otherwise. */
double gy_cn_unit(uint32_t cp);

/* Space characters that may indent a paragraph (ASCII space and tab,
 * U+3000, NBSP, U+2002..U+200B, U+FEFF). */
int gy_is_space(uint32_t cp);

#endif
