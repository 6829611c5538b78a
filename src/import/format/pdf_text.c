/* pdf_text.c — running pdftotext without a shell (see pdf_text.h). */
#include "import/format/pdf_text.h"

#include <errno.h>
#include <fcntl.h>
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

/* Starts pdftotext on path for its first `pages` pages writing into a pipe,
 * its standard error thrown away; returns its pid (or -1 with err set) and
 * the pipe's reading end in *fd. */
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
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, STDERR_FILENO);
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

/* Sets err for a PDF past one of the limits (over: 1 text, 2 time, 0 pages). */
static void over_limit(const char *path, const sl_import_limits *limits, int over, sl_error *err)
{
    if (over == 2)
        sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "reading this PDF took more than %d seconds (--max-seconds)",
                        limits->max_seconds);
    else if (over == 1)
        sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "this PDF's text is more than %zu bytes (--max-bytes)",
                        limits->max_bytes);
    else
        sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "this PDF has more than %d pages (--max-pages)",
                        limits->max_pages);
}

/* Sets err saying why pdftotext gave no text (exit status, or 0 with none)
 * and what to do. */
static void unreadable(const char *path, const char *data, size_t len, int status, sl_error *err)
{
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
}

char *sl_pdf_text(const char *path, const char *data, size_t len, const sl_import_limits *limits,
                  size_t *out_len, sl_error *err)
{
    if (!sl_pdf_complete(data, len)) {
        sl_fail_at(err, path, 0, "the PDF is cut short (it has no %%%%EOF end marker): download or save it "
                                 "again and import the whole file");
        return NULL;
    }
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
        over_limit(path, limits, over, err);
        return NULL;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 0 && has_text(out.data, out.len)) {
        *out_len = out.len;
        return sl_buf_take(&out);
    }
    sl_buf_free(&out);
    unreadable(path, data, len, code, err);
    return NULL;
}
