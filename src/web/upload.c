/* upload.c — multipart/form-data bodies (see upload.h). */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"
#include "web/mhd_api.h"
#include "web/upload.h"

#define MAX_TEXT (64 * 1024)        /* the text fields of one form, together */
#define PP_BUFFER (16 * 1024)

struct sl_upload_reader {
    struct MHD_PostProcessor *pp;
    sl_form *form;
    sl_upload *upload;
    size_t max_file;
    size_t text_bytes;
    int bad;
    /* The part being read. */
    int in_part;
    int is_file;
    char *key;
    char *filename;
    sl_buf value;
};

/* Ends the part being read: a text field joins the form (when it is valid
 * UTF-8 without NUL and there is room), a file is kept in the upload. */
static void end_part(sl_upload_reader *r)
{
    if (!r->in_part)
        return;
    r->in_part = 0;
    if (r->is_file) {
        sl_upload *u = r->upload;
        u->present = r->filename && *r->filename;
        u->field = r->key;
        u->filename = r->filename;
        r->key = r->filename = NULL;
        return;
    }
    size_t n = r->value.len;
    const char *v = sl_buf_str(&r->value);
    if (r->form->n == SL_FORM_MAX_FIELDS || memchr(v, '\0', n) || !sl_utf8_valid(v, n, NULL) ||
        !sl_utf8_valid(r->key, strlen(r->key), NULL)) {
        r->bad = 1;
        free(r->key);
    } else {
        r->form->names[r->form->n] = r->key;
        r->form->values[r->form->n++] = sl_strdup(v);
    }
    r->key = NULL;
    sl_buf_reset(&r->value);
}

/* Starts a part named key; a second file in one form makes the body bad. */
static void start_part(sl_upload_reader *r, const char *key, const char *filename)
{
    end_part(r);
    r->in_part = 1;
    r->is_file = filename != NULL;
    r->key = sl_strdup(key ? key : "");
    free(r->filename);
    r->filename = filename ? sl_strdup(filename) : NULL;
    if (r->is_file && (r->upload->field || r->upload->data.len))
        r->bad = 1;
}

/* Post processor callback: one piece of one part's value, at offset off. */
static enum MHD_Result on_piece(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                const char *content_type, const char *transfer_encoding, const char *data,
                                uint64_t off, size_t size)
{
    (void)kind;
    (void)content_type;
    (void)transfer_encoding;
    sl_upload_reader *r = cls;
    if (off == 0 || !r->in_part)
        start_part(r, key, filename);
    if (r->bad || size == 0)
        return MHD_YES;
    if (!r->is_file) {
        r->text_bytes += size;
        if (r->text_bytes > MAX_TEXT)
            r->bad = 1;
        else
            sl_buf_add(&r->value, data, size);
        return MHD_YES;
    }
    sl_upload *u = r->upload;
    if (u->too_large || u->data.len + size > r->max_file) {
        u->too_large = 1;
        sl_buf_free(&u->data);
    } else {
        sl_buf_add(&u->data, data, size);
    }
    return MHD_YES;
}

sl_upload_reader *sl_upload_start(struct MHD_Connection *conn, size_t max_file, sl_form *form, sl_upload *upload)
{
    const char *type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
    if (!type || strncasecmp(type, "multipart/form-data", 19) != 0)
        return NULL;
    sl_upload_reader *r = sl_calloc(sizeof *r);
    r->form = form;
    r->upload = upload;
    r->max_file = max_file;
    r->pp = MHD_create_post_processor(conn, PP_BUFFER, on_piece, r);
    if (!r->pp) {
        free(r);
        return NULL;
    }
    return r;
}

int sl_upload_feed(sl_upload_reader *r, const char *data, size_t n)
{
    if (!r->bad && MHD_post_process(r->pp, data, n) != MHD_YES)
        r->bad = 1;
    return r->bad ? -1 : 0;
}

int sl_upload_finish(sl_upload_reader *r)
{
    end_part(r);
    if (MHD_destroy_post_processor(r->pp) != MHD_YES)
        r->bad = 1;
    int bad = r->bad;
    free(r->key);
    free(r->filename);
    sl_buf_free(&r->value);
    if (bad) {
        sl_form_free(r->form);
        sl_upload_free(r->upload);
    }
    free(r);
    return bad ? -1 : 0;
}

void sl_upload_free(sl_upload *upload)
{
    free(upload->field);
    free(upload->filename);
    sl_buf_free(&upload->data);
    memset(upload, 0, sizeof *upload);
}
