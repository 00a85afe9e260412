/* Filling a gy_error (the public struct) from inside the library. */
#ifndef GY_ERROR_H
#define GY_ERROR_H

#include <stdio.h>

#include "gangyao.h"

/* Sets every field of err (when err is not NULL) and returns status.
 * file may be NULL; line/column 0 and offset -1 mean unknown. */
gy_status gy_error_set(gy_error *err, gy_status status, const char *file,
                       long line, long column, long offset, const char *hint,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

gy_status gy_error_oom(gy_error *err, const char *file);

/* 0 when nothing went wrong writing to f; else -1 with err saying so. */
int gy_error_check_output(gy_error *err, FILE *f);

#endif
