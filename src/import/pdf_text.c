/* pdf_text.c — running pdftotext without a shell (see pdf_text.h). */
#include "import/pdf_text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/buf.h"

int sl_is_pdf(const char *data, size_t len)
{
    return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

/* Returns 1 when the n bytes hold needle (k bytes). */
static int holds(const char *s, size_t n, const char *needle, size_t k)
{
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

int sl_pdf_complete(const char *data, size_t len)
{
    size_t tail = len < 2048 ? len : 2048;
    return holds(data + len - tail, tail, "%%EOF", 5);
}

int sl_pdf_encrypted(const char *data, size_t len)
{
    return holds(data, len, "/Encrypt", 8);
}

/* Returns 1 when the text holds anything but white space and form feeds. */
static int has_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f')
            return 1;
    return 0;
}

/* Runs pdftotext on path, its standard error thrown away; returns its exit
 * status (127 when it cannot be run, -1 when it did not exit) with its
 * output in out. */
static int run_pdftotext(const char *path, sl_buf *out, sl_error *err)
{
    int fds[2];
    if (pipe(fds) != 0) {
        sl_fail_at(err, path, 0, "cannot run pdftotext: %s", strerror(errno));
        return -2;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, STDERR_FILENO);
        execlp("pdftotext", "pdftotext", "-layout", "-enc", "UTF-8", path, "-", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        sl_fail_at(err, path, 0, "cannot run pdftotext: %s", strerror(errno));
        return -2;
    }
    char chunk[65536];
    ssize_t got;
    while ((got = read(fds[0], chunk, sizeof chunk)) > 0)
        sl_buf_add(out, chunk, (size_t)got);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *sl_pdf_text(const char *path, const char *data, size_t len, size_t *out_len, sl_error *err)
{
    if (!sl_pdf_complete(data, len)) {
        sl_fail_at(err, path, 0, "the PDF is cut short (it has no %%%%EOF end marker): download or save it "
                                 "again and import the whole file");
        return NULL;
    }
    sl_buf out = SL_BUF_INIT;
    int status = run_pdftotext(path, &out, err);
    if (status == 0 && has_text(out.data, out.len)) {
        *out_len = out.len;
        return sl_buf_take(&out);
    }
    sl_buf_free(&out);
    if (status == -2)
        return NULL;
    if (status == 127)
        sl_fail_at(err, path, 0, "reading a PDF needs poppler's pdftotext (apt-get install poppler-utils)");
    else if (status == 0)
        sl_fail_at(err, path, 0, "the PDF has no text layer (a scanned image?): sightline reads text, not "
                                 "pictures of it; import the document it was made from, or run the PDF "
                                 "through OCR (e.g. ocrmypdf) first");
    else if (sl_pdf_encrypted(data, len))
        sl_fail_at(err, path, 0, "the PDF is encrypted (password-protected or copy-protected), so its text "
                                 "cannot be read: ask its author for an unprotected copy, or open it and "
                                 "save it again without a password");
    else
        sl_fail_at(err, path, 0, "the PDF is damaged: pdftotext cannot read it (exit %d); download or save "
                                 "it again",
                   status);
    return NULL;
}
