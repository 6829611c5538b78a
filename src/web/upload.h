/* upload.h — a multipart/form-data body (a form with a file), read as it
 * arrives through libmicrohttpd's post processor: the text fields into an
 * sl_form (at most 64 KiB of them, valid UTF-8), the one file into a
 * growable buffer up to the route's limit. A file over the limit is read
 * to its end and dropped (too_large), so the page can say so beside the
 * field; the time limit is the server's body deadline (deadline.h). */
#ifndef SL_WEB_UPLOAD_H
#define SL_WEB_UPLOAD_H
#include <stddef.h>

#include "util/buf.h"
#include "web/form.h"

struct MHD_Connection;

/* The file a form sent. */
typedef struct {
    int present;                /* a file field with a file name came */
    int too_large;              /* it was over the limit: data holds nothing */
    char *field;                /* the file field's name (owned) */
    char *filename;             /* the name the browser gave, raw: check before use (owned) */
    sl_buf data;                /* its bytes */
} sl_upload;

typedef struct sl_upload_reader sl_upload_reader;

/* Starts reading conn's multipart body: fields into form, the file (at most
 * max_file bytes) into upload; both must outlive the reader. Returns the
 * reader (caller ends it with sl_upload_finish), or NULL when the body is
 * not multipart/form-data. */
sl_upload_reader *sl_upload_start(struct MHD_Connection *conn, size_t max_file, sl_form *form, sl_upload *upload);
/* Feeds n bytes of the body; returns 0, or -1 once the body is malformed
 * (later bytes are ignored). */
int sl_upload_feed(sl_upload_reader *r, const char *data, size_t n);
/* Ends the reading and frees the reader; returns 0 when the whole body was
 * well formed, else -1 (form and upload are then emptied). */
int sl_upload_finish(sl_upload_reader *r);
/* Frees what an upload holds and zeroes it. */
void sl_upload_free(sl_upload *upload);

#endif
