/* pdf_text.c — running pdftotext without a shell (see pdf_text.h). */
#include "import/pdf_text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/buf.h"

int sl_is_pdf(const char *data, size_t len)
{
    return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

char *sl_pdf_text(const char *path, size_t *len, sl_error *err)
{
    int fds[2];
    if (pipe(fds) != 0) {
        sl_fail_at(err, path, 0, "cannot run pdftotext: %s", strerror(errno));
        return NULL;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("pdftotext", "pdftotext", "-layout", "-enc", "UTF-8", path, "-", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        sl_fail_at(err, path, 0, "cannot run pdftotext: %s", strerror(errno));
        return NULL;
    }
    sl_buf out = SL_BUF_INIT;
    char chunk[65536];
    ssize_t got;
    while ((got = read(fds[0], chunk, sizeof chunk)) > 0)
        sl_buf_add(&out, chunk, (size_t)got);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || out.len == 0) {
        sl_buf_free(&out);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            sl_fail_at(err, path, 0, "reading a PDF needs poppler's pdftotext (apt-get install poppler-utils)");
        else
            sl_fail_at(err, path, 0, "pdftotext could not read this PDF");
        return NULL;
    }
    *len = out.len;
    return sl_buf_take(&out);
}
