/* A progress line on standard error for a long batch: files done of total,
 * MB/s and the time left, redrawn in place.  Only on a terminal and when
 * asked for (never in a pipe, never with --quiet); shown once the batch has
 * run for a second. */
#ifndef GY_CLI_PROGRESS_H
#define GY_CLI_PROGRESS_H

#include <stddef.h>

typedef struct progress {
    int on;
    int shown;             /* the line is on the screen */
    size_t total;          /* inputs, 0 when not known (a stream of records) */
    size_t done, bytes;
    double start, last;
    double after_ms;       /* when the line first shows */
} progress;

/* enabled: the caller's choice (stderr is a terminal, no --quiet). */
void progress_init(progress *p, int enabled, size_t total);
/* One more input done, of `bytes` bytes as stored. */
void progress_step(progress *p, size_t bytes);
/* Takes the line off the screen, before other messages or at the end. */
void progress_clear(progress *p);

#endif
