/* The inputs of a batch: file names from the command line and from
 * --files-from, and the records of JSON Lines streams (--input jsonl). */
#ifndef GY_CLI_INPUTS_H
#define GY_CLI_INPUTS_H

#include <stdio.h>

#include "cli.h"

typedef struct name_list {
    const char **names;    /* owned array; the names are argv's or in text */
    size_t n;
    char *text;            /* owned: the --files-from list */
} name_list;

/* The files of the command line, then those of --files-from (one per line,
 * or NUL-separated with -0; empty names skipped); "-" when there are none.
 * Returns 0, or an exit status after printing the error. */
int names_collect(const settings *s, name_list *l);
void names_free(name_list *l);

/* Reads the records of each stream in turn, a chunk of bytes at a time. */
typedef struct record_reader {
    const name_list *streams;
    size_t k;              /* the stream being read */
    FILE *f;
    long line;             /* of the last record read */
    size_t max;            /* a longer record is refused (--max-input) */
    char chunk[65536];     /* bytes read and not yet split into lines */
    size_t at, have;
    int eof;
    int fresh;             /* nothing read of the stream yet */
    int error;             /* errno of a failed read */
} record_reader;

void records_open(record_reader *r, const name_list *streams, size_t max);
/* The next record that is not a blank line: 1 with it in *rec (malloc'd,
 * the caller's; its length in *len, without the line end), the stream's
 * name in *name and its line in *line; 0 at the end of the last stream;
 * -1 with err filled and *name and *line set for a record that cannot be
 * read: longer than max (the rest of its line is passed over), no room
 * for it in memory (likewise), a read error (the stream is closed), a NUL
 * byte (binary data: the stream is closed).  Later calls go on with the
 * next line or stream.  A UTF-8 byte order mark opening a stream is
 * passed over. */
int records_next(record_reader *r, char **rec, size_t *len, const char **name, long *line,
                 gy_error *err);
void records_close(record_reader *r);

#endif
