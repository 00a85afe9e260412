/* An ordered pool of worker threads: items are submitted in order, worked
 * on by up to `threads` threads at once, and taken back in the order they
 * were submitted, so that the output of a parallel run is that of a
 * sequential one.  At most `window` items are in flight (submitted and not
 * taken back), which bounds memory by the window, not by the input. */
#ifndef GY_CLI_BATCH_H
#define GY_CLI_BATCH_H

#include <stddef.h>

typedef struct batch batch;

/* work(ctx, item) runs on a worker thread; it must not touch state that
 * other items share except through ctx, read-only. */
typedef void (*batch_work)(void *ctx, void *item);

/* Starts the threads; NULL when they or memory cannot be had. */
batch *batch_start(unsigned threads, size_t window, batch_work work, void *ctx);
/* Whether another item may be submitted without waiting. */
int batch_has_room(const batch *b);
/* Number of items submitted and not taken back. */
size_t batch_in_flight(const batch *b);
/* Queues item (the pool does not own it); call only when batch_has_room. */
void batch_submit(batch *b, void *item);
/* Waits for the oldest item in flight to be done and returns it; NULL when
 * none is in flight. */
void *batch_take(batch *b);
/* Whether the oldest item in flight is done (batch_take would not wait). */
int batch_oldest_done(batch *b);
/* Works on one submitted item that no worker has claimed, on the calling
 * thread; returns 0 when there is none.  The caller then counts as one of
 * the threads: it need not wake up for every item, nor take a core from a
 * worker. */
int batch_help(batch *b);
/* Stops the threads (after the items in flight are done) and frees b. */
void batch_stop(batch *b);

#endif
