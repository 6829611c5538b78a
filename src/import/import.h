/* import.h — reading a plan file into memory, before anything is stored.
 * sl_import_read chooses the reader by format, checks every row, and either
 * returns complete plans or an error naming file and line: never a part.
 * The readers themselves (and the types they share) are in
 * import/kind/plan/plan_read.h, which they include instead of this entry. */
#ifndef SL_IMPORT_IMPORT_H
#define SL_IMPORT_IMPORT_H
#include <stddef.h>

#include "import/kind/plan/plan_read.h"
#include "util/error.h"

/* Reads a file into plans; returns 0, or -1 with err naming file and line.
 * The caller frees the set with sl_plan_set_free. */
int sl_import_read(const char *path, const sl_import_options *opts, sl_plan_set *out,
                   sl_error *err);
/* Returns the format a file's bytes are read as: opts->format when given,
 * else what its content says, never its name (a zip archive is a workbook;
 * a first line naming canonical CSV columns a CSV; the rest text). */
sl_format sl_import_format(const char *path, const char *data, size_t len, const sl_import_options *opts);
/* The same for a file's bytes already read (path names them). */
int sl_import_bytes(const char *path, const char *data, size_t len, const sl_import_options *opts,
                    sl_plan_set *out, sl_error *err);
/* Returns 1 when the bytes begin like a zip archive (an xlsx workbook is one). */
int sl_is_zip(const char *data, size_t len);

#endif
