/* static_files.c — loading and finding front-end assets (see static_files.h). */
#include "web/static_files.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/file.h"
#include "util/mem.h"

/* Returns the content type for a file name's extension. */
static const char *content_type_of(const char *name)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".svg", "image/svg+xml"},
        {".png", "image/png"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
        {".woff", "font/woff"}, {".json", "application/json"}, {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

/* Adds one file read from path, served at url. */
static int add_file(sl_static_files *out, const char *path, const char *url, sl_error *err)
{
    size_t len;
    char *data = sl_read_file(path, &len, err);
    if (!data)
        return -1;
    out->files = sl_realloc(out->files, (out->n + 1) * sizeof *out->files);
    out->files[out->n++] = (sl_static_file){sl_strdup(url), data, len, content_type_of(path)};
    return 0;
}

/* Walks dir (depth-limited), adding each regular file under url_prefix. */
static int walk(sl_static_files *out, const char *dir, const char *url_prefix, int depth,
                sl_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return sl_fail(err, "%s: cannot read the static files folder (run make)", dir);
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".map"))
            continue;
        char path[1024], url[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (depth == 0 && strcmp(e->d_name, "assets") == 0 && S_ISDIR(st.st_mode)) {
            rc = walk(out, path, "/assets", 1, err);
            continue;
        }
        snprintf(url, sizeof url, "%s/%s", url_prefix, e->d_name);
        if (S_ISDIR(st.st_mode) && depth < 4)
            rc = walk(out, path, url, depth + 1, err);
        else if (S_ISREG(st.st_mode))
            rc = add_file(out, path, url, err);
    }
    closedir(d);
    return rc;
}

int sl_static_load(const char *dir, sl_static_files *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    if (walk(out, dir, "/static", 0, err) < 0) {
        sl_static_free(out);
        return -1;
    }
    return 0;
}

const sl_static_file *sl_static_find(const sl_static_files *files, const char *url)
{
    for (size_t i = 0; i < files->n; i++)
        if (strcmp(files->files[i].url, url) == 0)
            return &files->files[i];
    return NULL;
}

void sl_static_free(sl_static_files *files)
{
    for (size_t i = 0; i < files->n; i++) {
        free(files->files[i].url);
        free(files->files[i].data);
    }
    free(files->files);
    memset(files, 0, sizeof *files);
}
