/* file.c — whole files and their SHA-256 (see file.h). */
#include "util/file.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

char *sl_read_file(const char *path, size_t *len, sl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sl_fail_at(err, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *data = sl_calloc(cap);
    size_t got;
    while ((got = fread(data + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap)
            data = sl_realloc(data, cap *= 2);
    }
    int failed = ferror(f);
    fclose(f);
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
