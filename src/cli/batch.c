/* The ordered pool (see batch.h): a ring of `window` slots, filled at the
 * tail by the caller, claimed in order by the workers, and emptied at the
 * head by the caller once its slot is done.  One mutex guards the ring;
 * workers wait on `work_ready`, the caller on `slot_done`. */
#include "batch.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct slot {
    void *item;
    int done;
} slot;

struct batch {
    pthread_mutex_t lock;
    pthread_cond_t work_ready, slot_done;
    slot *ring;
    size_t window;
    size_t head, claim, tail;   /* counters: head <= claim <= tail, tail - head <= window */
    int stopping;
    batch_work work;
    void *ctx;
    pthread_t *threads;
    unsigned nthreads;
};

static void *worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->claim == b->tail && !b->stopping)
            pthread_cond_wait(&b->work_ready, &b->lock);
        if (b->claim == b->tail)
            break;
        slot *s = &b->ring[b->claim++ % b->window];
        pthread_mutex_unlock(&b->lock);
        b->work(b->ctx, s->item);
        pthread_mutex_lock(&b->lock);
        s->done = 1;
        /* the caller waits for the oldest item only: a later one that is
         * done need not wake it */
        if (s == &b->ring[b->head % b->window])
            pthread_cond_signal(&b->slot_done);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

batch *batch_start(unsigned threads, size_t window, batch_work work, void *ctx)
{
    batch *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->window = window ? window : 1;
    b->ring = calloc(b->window, sizeof *b->ring);
    b->threads = calloc(threads ? threads : 1, sizeof *b->threads);
    b->work = work;
    b->ctx = ctx;
    if (!b->ring || !b->threads || pthread_mutex_init(&b->lock, NULL) != 0) {
        free(b->ring);
        free(b->threads);
        free(b);
        return NULL;
    }
    pthread_cond_init(&b->work_ready, NULL);
    pthread_cond_init(&b->slot_done, NULL);
    for (unsigned i = 0; i < threads; i++) {
        if (pthread_create(&b->threads[i], NULL, worker, b) != 0)
            break;
        b->nthreads++;
    }
    if (b->nthreads == 0) {
        batch_stop(b);
        return NULL;
    }
    return b;
}

int batch_has_room(const batch *b) { return b->tail - b->head < b->window; }

size_t batch_in_flight(const batch *b) { return b->tail - b->head; }

/* head and tail are only changed by the caller's thread, so it reads them
 * without the lock; the workers read tail under it. */
void batch_submit(batch *b, void *item)
{
    pthread_mutex_lock(&b->lock);
    slot *s = &b->ring[b->tail % b->window];
    s->item = item;
    s->done = 0;
    b->tail++;
    pthread_cond_signal(&b->work_ready);
    pthread_mutex_unlock(&b->lock);
}

void *batch_take(batch *b)
{
    if (b->head == b->tail)
        return NULL;
    pthread_mutex_lock(&b->lock);
    slot *s = &b->ring[b->head % b->window];
    while (!s->done)
        pthread_cond_wait(&b->slot_done, &b->lock);
    void *item = s->item;
    b->head++;
    pthread_mutex_unlock(&b->lock);
    return item;
}

int batch_oldest_done(batch *b)
{
    if (b->head == b->tail)
        return 1;
    pthread_mutex_lock(&b->lock);
    int done = b->ring[b->head % b->window].done;
    pthread_mutex_unlock(&b->lock);
    return done;
}

int batch_help(batch *b)
{
    pthread_mutex_lock(&b->lock);
    if (b->claim == b->tail) {
        pthread_mutex_unlock(&b->lock);
        return 0;
    }
    slot *s = &b->ring[b->claim++ % b->window];
    pthread_mutex_unlock(&b->lock);
    b->work(b->ctx, s->item);
    pthread_mutex_lock(&b->lock);
    s->done = 1;
    pthread_mutex_unlock(&b->lock);
    return 1;
}

void batch_stop(batch *b)
{
    if (!b)
        return;
    pthread_mutex_lock(&b->lock);
    b->stopping = 1;
    pthread_cond_broadcast(&b->work_ready);
    pthread_mutex_unlock(&b->lock);
    for (unsigned i = 0; i < b->nthreads; i++)
        pthread_join(b->threads[i], NULL);
    pthread_cond_destroy(&b->work_ready);
    pthread_cond_destroy(&b->slot_done);
    pthread_mutex_destroy(&b->lock);
    free(b->ring);
    free(b->threads);
    free(b);
}
