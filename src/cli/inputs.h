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

/* Reads the records of each stream in turn. */
typedef struct record_reader {
    const name_list *streams;
    size_t k;              /* the stream being read */
    FILE *f;
    long line;             /* of the last record read */
    char *buf;
    size_t cap;
} record_reader;

void records_open(record_reader *r, const name_list *streams);
/* The next record that is not a blank line: 1 with a malloc'd copy in
 * *rec (its length in *len, without the line end), the stream's name in
 * *name and its line in *line; 0 at the end of the last stream; -1 when a
 * stream cannot be read, with err filled and *name set (the other streams
 * are still read by later calls). */
int records_next(record_reader *r, char **rec, size_t *len, const char **name, long *line,
                 gy_error *err);
void records_close(record_reader *r);

#endif
