/* sql_evidence.c — evidence files of progress updates, and uploaded import
 * files waiting for their confirmation (store_ops.h). Bytes are stored as
 * base64 text (schema migration 8) and checked against their SHA-256 when
 * read back. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/file.h"
#include "util/mem.h"

/* Returns n bytes as base64 text (caller frees). */
static char *encode(const char *data, size_t n)
{
    size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *out = sl_calloc(len);
    sodium_bin2base64(out, len, (const unsigned char *)data, n, sodium_base64_VARIANT_ORIGINAL);
    return out;
}

/* Decodes base64 text into a new buffer (caller frees) of *n bytes whose
 * SHA-256 must be sha; NULL with err when it is not. */
static char *decode(const char *text, const char *sha, size_t *n, sl_error *err)
{
    size_t len = strlen(text);
    char *out = sl_calloc(len / 4 * 3 + 1);
    char got[65];
    if (sodium_base642bin((unsigned char *)out, len / 4 * 3 + 1, text, len, NULL, n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        (sl_sha256_hex(out, *n, got), strcmp(got, sha) != 0)) {
        free(out);
        sl_fail(err, "a stored file does not match its SHA-256: the database is damaged");
        return NULL;
    }
    return out;
}

/* Finds the latest progress update of an action: 1 with *id, 0 none, -1. */
static int latest_update(sd_store *s, int64_t action_id, int64_t *id, sl_error *err)
{
    static const char sql[] = "SELECT MAX(id) FROM progress_updates WHERE action_id = ?1";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id));
    if (!st)
        return -1;
    int found = sd_one_row(s, st, err, "finding the update of an evidence file");
    if (found == 1) {
        found = !sd_is_null(st, 0);
        *id = sd_int64(st, 0);
        sd_reset(st);
    }
    return found;
}

int sd_evidence_add(sl_store *store, const sl_evidence *f, const char *actor, int64_t *id, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO evidence_files (update_id, action_id, file_name, content_type, size, sha256, content, actor,"
        " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sd_store *s = (sd_store *)store;
    int64_t update_id = 0;
    int found = latest_update(s, f->action_id, &update_id, err);
    if (found <= 0)
        return found < 0 ? -1 : sl_fail(err, "an evidence file needs a progress update to go with");
    char *content = encode(f->data, f->size);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(update_id), SD_INT(f->action_id), SD_TEXT(f->file_name),
                          SD_TEXT(f->content_type), SD_INT(f->size), SD_TEXT(f->sha256), SD_TEXT(content),
                          SD_TEXT(actor), SD_NOW);
    int rc = st ? sd_exec(s, st, err, "storing an evidence file") : -1;
    free(content);
    if (rc < 0)
        return -1;
    *id = sd_last_id(s);
    return sd_audit(s, actor, "evidence", "action", f->action_id, "file", NULL, f->file_name, err);
}

/* Reads the listed columns (id, action_id, update_id, file_name,
 * content_type, size, sha256, actor, recorded_at, day) of st's row. */
static sl_evidence evidence_row(sd_stmt *st)
{
    return (sl_evidence){.id = sd_int64(st, 0), .action_id = sd_int64(st, 1), .update_id = sd_int64(st, 2),
                         .file_name = sd_text(st, 3), .content_type = sd_text(st, 4),
                         .size = (size_t)sd_int64(st, 5), .sha256 = sd_text(st, 6), .actor = sd_text(st, 7),
                         .recorded_at = sd_text(st, 8), .update_day = sd_day(st, 9)};
}

#define EVIDENCE_COLUMNS                                                                                        \
    "e.id, e.action_id, e.update_id, e.file_name, e.content_type, e.size, e.sha256, e.actor, e.recorded_at, u.day"

int sd_each_evidence(sl_store *store, int64_t action_id, sl_evidence_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] = "SELECT " EVIDENCE_COLUMNS " FROM evidence_files e"
                              " JOIN progress_updates u ON u.id = e.update_id"
                              " WHERE (?1 = 0 OR e.action_id = ?1) AND " SD_ACTION_IN_SCOPE("e.action_id")
                              " ORDER BY e.id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id));
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_evidence e = evidence_row(st);
        if ((stop = cb(ctx, &e)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "reading evidence files");
}

int sd_evidence_get(sl_store *store, int64_t id, sl_evidence_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] = "SELECT " EVIDENCE_COLUMNS ", e.content FROM evidence_files e"
                              " JOIN progress_updates u ON u.id = e.update_id WHERE e.id = ?1 AND "
                              SD_ACTION_IN_SCOPE("e.action_id");
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id));
    if (!st)
        return -1;
    int found = sd_one_row(s, st, err, "reading an evidence file");
    if (found != 1)
        return found;
    sl_evidence e = evidence_row(st);
    size_t n = 0;
    char *data = decode(sd_text(st, 10), e.sha256, &n, err);
    int rc = -1;
    if (data && n == e.size) {
        e.data = data;
        cb(ctx, &e);
        rc = 1;
    } else if (data) {
        sl_fail(err, "evidence file %lld is not the size it was stored with", (long long)id);
    }
    sd_reset(st);
    free(data);
    return rc;
}

int sd_pending_import_put(sl_store *store, const sl_pending_import *p, int64_t expired, sl_error *err)
{
    static const char drop_sql[] = "DELETE FROM pending_imports WHERE created < ?1";
    static const char sql[] =
        "INSERT INTO pending_imports (token_hash, session_hash, login, file_name, authority, size, sha256, content,"
        " created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, drop_sql, err, SD_INT(expired));
    if (!st || sd_exec(s, st, err, "forgetting expired imports") < 0)
        return -1;
    char *content = encode(p->data, p->size);
    st = SD_STMT(s, sql, err, SD_TEXT(p->token_hash), SD_TEXT(p->session_hash), SD_TEXT(p->login),
                 SD_TEXT(p->file_name), SD_TEXT(p->authority ? p->authority : ""), SD_INT(p->size),
                 SD_TEXT(p->sha256), SD_TEXT(content), SD_INT(p->created));
    int rc = st ? sd_exec(s, st, err, "keeping an uploaded import") : -1;
    free(content);
    return rc;
}

int sd_pending_import_get(sl_store *store, const char *token_hash, const char *session_hash, int64_t expired,
                          sl_pending_import_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT login, file_name, authority, size, sha256, content, created FROM pending_imports"
        " WHERE token_hash = ?1 AND session_hash = ?2 AND created >= ?3";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(token_hash), SD_TEXT(session_hash), SD_INT(expired));
    if (!st)
        return -1;
    int found = sd_one_row(s, st, err, "reading an uploaded import");
    if (found != 1)
        return found;
    sl_pending_import p = {.token_hash = token_hash, .session_hash = session_hash, .login = sd_text(st, 0),
                           .file_name = sd_text(st, 1), .authority = sd_text(st, 2), .size = (size_t)sd_int64(st, 3),
                           .sha256 = sd_text(st, 4), .created = sd_int64(st, 6)};
    size_t n = 0;
    char *data = decode(sd_text(st, 5), p.sha256, &n, err);
    int rc = -1;
    if (data && n == p.size) {
        p.data = data;
        rc = cb(ctx, &p) < 0 ? -1 : 1;
    }
    sd_reset(st);
    free(data);
    return rc;
}

int sd_pending_import_drop(sl_store *store, const char *token_hash, const char *session_hash, sl_error *err)
{
    static const char sql[] = "DELETE FROM pending_imports WHERE token_hash = ?1 AND session_hash = ?2";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(token_hash), SD_TEXT(session_hash));
    return st ? sd_exec(s, st, err, "forgetting an uploaded import") : -1;
}
