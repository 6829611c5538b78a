/* pdf_text.c — running pdftotext without a shell (see pdf_text.h). */
#include "import/pdf_text.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"

int sl_is_pdf(const char *data, size_t len)
{
    return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

/* Starts pdftotext on path for its first `pages` pages writing into a pipe;
 * returns its pid (or -1 with err set) and the pipe's reading end in *fd. */
static pid_t spawn(const char *path, int pages, int *fd, sl_error *err)
{
    int fds[2];
    if (pipe(fds) != 0) {
        sl_fail_at(err, path, 0, "cannot run pdftotext: %s", strerror(errno));
        return -1;
    }
    char last[24];
    snprintf(last, sizeof last, "%d", pages);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("pdftotext", "pdftotext", "-layout", "-enc", "UTF-8", "-l", last, path, "-", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        sl_fail_at(err, path, 0, "cannot run pdftotext: %s", strerror(errno));
        return -1;
    }
    *fd = fds[0];
    return pid;
}

/* Reads the text from fd into out until its end, max_bytes or the deadline;
 * returns 0, 1 (too much text) or 2 (too long). */
static int collect(int fd, size_t max_bytes, int seconds, sl_buf *out)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    char chunk[65536];
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = (long)seconds * 1000 - ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000);
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (left <= 0 || poll(&p, 1, (int)left) == 0)
            return 2;
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return 0;
        sl_buf_add(out, chunk, (size_t)got);
        if (out->len > max_bytes)
            return 1;
    }
}

/* Returns the number of pages in pdftotext's text (each ends with a form feed). */
static int page_count(const sl_buf *text)
{
    int pages = 0;
    for (size_t i = 0; i < text->len; i++)
        pages += text->data[i] == '\f';
    return pages;
}

char *sl_pdf_text(const char *path, const sl_import_limits *limits, size_t *len, sl_error *err)
{
    int fd;
    pid_t pid = spawn(path, limits->max_pages + 1, &fd, err);
    if (pid < 0)
        return NULL;
    sl_buf out = SL_BUF_INIT;
    int over = collect(fd, limits->max_bytes, limits->max_seconds, &out);
    if (over)
        kill(pid, SIGKILL);
    close(fd);
    int status = 0;
    waitpid(pid, &status, 0);
    if (over || page_count(&out) > limits->max_pages) {
        sl_buf_free(&out);
        if (over == 2)
            sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "reading this PDF took more than %d seconds (--max-seconds)",
                            limits->max_seconds);
        else if (over == 1)
            sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "this PDF's text is more than %zu bytes (--max-bytes)",
                            limits->max_bytes);
        else
            sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "this PDF has more than %d pages (--max-pages)",
                            limits->max_pages);
        return NULL;
    }
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
