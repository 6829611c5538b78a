/* output.c — writing a command's file: whole or not at all (a temporary
 * file beside the target, renamed over it), or copied to standard output. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/buf.h"

/* Creates an empty temporary file: beside path when path is given (with the
 * mode a new file there would get), else in $TMPDIR (or /tmp). Returns its name (caller frees and removes it), or NULL
 * with err set. */
char *sl_cli_temp_file(const char *path, sl_error *err)
{
    sl_buf name = SL_BUF_INIT;
    if (path) {
        sl_buf_printf(&name, "%s.tmp-XXXXXX", path);
    } else {
        const char *dir = getenv("TMPDIR");
        sl_buf_printf(&name, "%s/sightline-export-XXXXXX", dir && *dir ? dir : "/tmp");
    }
    char *tmp = sl_buf_take(&name);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        if (path)
            sl_fail_at(err, path, 0, "cannot write: %s", strerror(errno));
        else
            sl_fail_at(err, tmp, 0, "cannot create a temporary file: %s", strerror(errno));
        free(tmp);
        return NULL;
    }
    if (path) {
        /* The file replaces path: give it the mode a new file would have. */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    close(fd);
    return tmp;
}

/* Copies the file at path to out; returns 0, or -1 with err set. */
int sl_cli_copy_file(const char *path, FILE *out, sl_error *err)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return sl_fail_at(err, path, 0, "cannot read the file back: %s", strerror(errno));
    char chunk[1 << 16];
    size_t got;
    int rc = 0;
    while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite(chunk, 1, got, out) != got)
            rc = sl_fail(err, "cannot write the output: %s", strerror(errno));
    if (rc == 0 && (ferror(in) || fflush(out) != 0))
        rc = sl_fail(err, "cannot copy the file to the output");
    fclose(in);
    return rc;
}

/* Writes the buffer to a new file at path; returns 0, or -1 with err set. */
int sl_cli_write_buf_file(sl_buf *b, const char *path, sl_error *err)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return sl_fail_at(err, path, 0, "cannot write: %s", strerror(errno));
    int rc = sl_buf_write(b, f);
    if (fclose(f) != 0)
        rc = -1;
    return rc < 0 ? sl_fail_at(err, path, 0, "cannot write: %s", strerror(errno)) : 0;
}

