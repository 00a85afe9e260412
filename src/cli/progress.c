#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { SHOW_AFTER_MS = 1000, REDRAW_MS = 200 };

/* GANGYAO_PROGRESS_AFTER_MS changes when the line first shows (tests set
 * it to 0 to see it on a short batch). */
static double show_after_ms(void)
{
    const char *e = getenv("GANGYAO_PROGRESS_AFTER_MS");
    char *end;
    double v = e ? strtod(e, &end) : -1;
    return e && end != e && v >= 0 ? v : SHOW_AFTER_MS;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, int enabled, size_t total)
{
    p->on = enabled;
    p->shown = 0;
    p->total = total;
    p->done = p->bytes = 0;
    p->start = p->last = now_s();
    p->after_ms = show_after_ms();
}

static void draw(progress *p, double t)
{
    double elapsed = t - p->start, mbs = elapsed > 0 ? (double)p->bytes / 1e6 / elapsed : 0;
    if (p->total) {
        double left = p->done ? elapsed * (double)(p->total - p->done) / (double)p->done : 0;
        long s = (long)(left + 0.5);
        fprintf(stderr, "\rgangyao: %zu/%zu files, %.1f MB/s, %ld:%02ld left\033[K", p->done,
                p->total, mbs, s / 60, s % 60);
    } else {
        fprintf(stderr, "\rgangyao: %zu records, %.1f MB/s\033[K", p->done, mbs);
    }
    fflush(stderr);
    p->shown = 1;
    p->last = t;
}

void progress_step(progress *p, size_t bytes)
{
    p->done++;
    p->bytes += bytes;
    if (!p->on)
        return;
    double t = now_s();
    if ((t - p->start) * 1000 >= p->after_ms &&
        (!p->shown || (t - p->last) * 1000 >= REDRAW_MS))
        draw(p, t);
}

void progress_clear(progress *p)
{
    if (!p->shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    p->shown = 0;
}
