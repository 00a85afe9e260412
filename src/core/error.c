#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void gy_error_clear(gy_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

static void copy_str(char *dst, size_t size, const char *src)
{
    if (!src)
        src = "";
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

gy_status gy_error_set(gy_error *err, gy_status status, const char *file,
                       long line, long column, long offset, const char *hint,
                       const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    copy_str(err->file, sizeof err->file, file);
    err->line = line;
    err->column = column;
    err->offset = offset;
    copy_str(err->hint, sizeof err->hint, hint);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

gy_status gy_error_oom(gy_error *err, const char *file)
{
    return gy_error_set(err, GY_E_INTERNAL, file, 0, 0, -1,
                        "the input may be too large for this machine's memory",
                        "out of memory");
}

int gy_error_check_output(gy_error *err, FILE *f)
{
    if (!ferror(f))
        return 0;
    gy_error_set(err, GY_E_OUTPUT, "<stdout>", 0, 0, -1, "", "write error");
    return -1;
}

void gy_error_print(const gy_error *err, FILE *f)
{
    fputs("gangyao: ", f);
    if (err->file[0]) {
        gy_fput_shown(err->file, (size_t)-1, f);
        if (err->line > 0) {
            fprintf(f, ":%ld", err->line);
            if (err->column > 0)
                fprintf(f, ":%ld", err->column);
        }
        fputs(": ", f);
    }
    gy_fput_shown(err->message[0] ? err->message : gy_status_name(err->status), (size_t)-1, f);
    fputc('\n', f);
    if (err->hint[0]) {
        fputs("gangyao: hint: ", f);
        gy_fput_shown(err->hint, (size_t)-1, f);
        fputc('\n', f);
    }
}

const char *gy_status_name(gy_status status)
{
    switch (status) {
    case GY_OK: return "success";
    case GY_DIFFERENT: return "differences found";
    case GY_E_USAGE: return "usage error";
    case GY_E_NOINPUT: return "cannot read input";
    case GY_E_ENCODING: return "invalid bytes in the input encoding";
    case GY_E_BINARY: return "input is binary, not text";
    case GY_E_BADENC: return "unknown encoding name";
    case GY_E_RULES: return "rule file error";
    case GY_E_OUTPUT: return "cannot write output";
    case GY_E_INTERNAL: return "internal error";
    case GY_E_RECORD: return "bad input record";
    }
    return "unknown status";
}

const char *gy_status_code(gy_status status)
{
    switch (status) {
    case GY_OK: return "ok";
    case GY_DIFFERENT: return "different";
    case GY_E_USAGE: return "usage";
    case GY_E_NOINPUT: return "no-input";
    case GY_E_ENCODING: return "encoding";
    case GY_E_BINARY: return "binary";
    case GY_E_BADENC: return "unknown-encoding";
    case GY_E_RULES: return "rules";
    case GY_E_OUTPUT: return "output";
    case GY_E_INTERNAL: return "internal";
    case GY_E_RECORD: return "bad-record";
    }
    return "unknown";
}
