/* The decoded input (struct body of the public gy_source). */
#ifndef GY_SOURCE_H
#define GY_SOURCE_H

#include <stddef.h>

#include "gangyao.h"

struct gy_source {
    char *name;            /* owned; "-" for stdin */
    char *buf;             /* owned allocation holding the text (malloc) */
    const char *text;      /* decoded UTF-8, NUL-terminated, points into buf */
    size_t len;
    char encoding[64];
    int bom;
    size_t raw_bytes;
    size_t lines;
    size_t replacements;
    long first_bad_offset;
    long first_bad_line;
    long record;           /* its line in a JSON Lines stream, 0 for a file */
    char *meta;            /* owned: a record's other fields, JSON object text */
    size_t meta_len;
};

/* Decodes data[0..n) (malloc'd, with room for a NUL after it), taking it
 * over whatever happens. */
gy_source *gy_source_adopt(const char *name, char *data, size_t n, const gy_input_options *opt,
                           gy_error *err);

/* The member key of a record's other fields (meta[0..n), JSON object text
 * as gy_record_meta gives it) as text: a string decoded, another value as
 * it is written.  Returns it malloc'd (the caller frees it) with its length
 * in *len, or NULL when there is no such member (or no memory). */
char *gy_meta_member(const char *meta, size_t n, const char *key, size_t *len);

/* Reads all of fd into *data (malloc'd, NUL-terminated; the caller frees
 * it) and its length into *len.  Returns 0, or an errno value. */
int gy_read_fd(int fd, char **data, size_t *len);

#endif
