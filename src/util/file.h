/* file.h — whole files and their digests: reading a file into memory and the
 * SHA-256 that identifies its contents (an imported document's fingerprint,
 * a static file's ETag, a session token's stored form). */
#ifndef SL_UTIL_FILE_H
#define SL_UTIL_FILE_H
#include <stddef.h>

#include "util/error.h"

/* Reads a whole file into memory (NUL-terminated, caller frees); returns NULL with err set. */
char *sl_read_file(const char *path, size_t *len, sl_error *err);
/* The same, refusing (SL_ERR_LIMIT, nothing kept) a file of more than max
 * bytes: a regular file by its size before anything is read, anything else
 * (a device, a pipe) as soon as it passes max. */
char *sl_read_file_max(const char *path, size_t max, size_t *len, sl_error *err);
/* Reads one line from standard input without its line ending; returns it
 * (caller frees), or NULL when there is none. */
char *sl_read_stdin_line(void);
/* Writes the hex SHA-256 of len bytes into out. */
void sl_sha256_hex(const char *data, size_t len, char out[65]);

#endif
