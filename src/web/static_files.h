/* static_files.h — the front-end assets (GOV.UK Frontend's CSS, fonts and
 * images, and sightline's own stylesheet), read once into memory at start-up
 * from the folder `make` fills. Only files found there at start-up can be
 * served, so no request path can reach anything else. */
#ifndef SL_WEB_STATIC_FILES_H
#define SL_WEB_STATIC_FILES_H
#include <stddef.h>

#include "util/error.h"

typedef struct {
    char *url;                  /* "/static/app.css", "/assets/fonts/bold-….woff2" */
    char *data;
    size_t len;
    const char *content_type;
} sl_static_file;

typedef struct {
    sl_static_file *files;
    size_t n;
} sl_static_files;

/* Loads every file under dir: dir/assets/X is served at /assets/X, any other
 * dir/X at /static/X. Returns 0, or -1 with err set (e.g. no such folder). */
int sl_static_load(const char *dir, sl_static_files *out, sl_error *err);
/* Returns the file served at url, or NULL. */
const sl_static_file *sl_static_find(const sl_static_files *files, const char *url);
/* Frees every file. */
void sl_static_free(sl_static_files *files);

#endif
