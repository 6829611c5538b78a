/* file.c — whole files and their SHA-256 (see file.h). */
#include "util/file.h"

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

char *sl_read_file(const char *path, size_t *len, sl_error *err)
{
    return sl_read_file_max(path, SIZE_MAX - 1, len, err);
}

/* Refuses a file over max bytes; returns NULL. */
static char *too_big(const char *path, size_t max, sl_error *err)
{
    sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "the file is more than %zu bytes (%zu MiB), the most accepted",
                    max, max >> 20);
    return NULL;
}

char *sl_read_file_max(const char *path, size_t max, size_t *len, sl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sl_fail_at(err, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > (uintmax_t)max) {
        fclose(f);
        return too_big(path, max, err);
    }
    size_t cap = 1 << 16, n = 0;
    char *data = sl_calloc(cap);
    size_t got;
    while ((got = fread(data + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n > max)
            break;
        if (n + 1 == cap)
            data = sl_realloc(data, cap *= 2);
    }
    int failed = ferror(f);
    fclose(f);
    if (n > max) {
        free(data);
        return too_big(path, max, err);
    }
    if (failed) {
        free(data);
        sl_fail_at(err, path, 0, "cannot read the file");
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

void sl_sha256_hex(const char *data, size_t len, char out[65])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)data, len);
    sodium_bin2hex(out, 65, digest, sizeof digest);
}

char *sl_read_stdin_line(void)
{
    char *line = NULL;
    size_t cap = 0;
    if (getline(&line, &cap, stdin) < 0) {
        free(line);
        return NULL;
    }
    line[strcspn(line, "\r\n")] = '\0';
    return line;
}
