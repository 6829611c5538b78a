/* sql_settings.c — settings of the whole installation, as keys and
 * values (the SMTP relay of reminders, the base URL of links, the time of
 * the daily run). Every change is logged; secrets are logged hidden. */
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/mem.h"

int sd_setting_get(sl_store *store, const char *key, char **value, sl_error *err)
{
    static const char sql[] = "SELECT value FROM settings WHERE key = ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(key));
    if (!st)
        return -1;
    int found = sd_one_row(s, st, err, "reading a setting");
    if (found == 1) {
        *value = sl_strdup(sd_text(st, 0));
        sd_reset(st);
    }
    return found;
}

/* Returns 1 when a setting's value must not be written to the audit log. */
static int secret(const char *key)
{
    size_t n = strlen(key), k = strlen("password");
    return n >= k && strcmp(key + n - k, "password") == 0;
}

int sd_setting_set(sl_store *store, const char *key, const char *value, const char *actor,
                   sl_error *err)
{
    static const char put_sql[] =
        "INSERT INTO settings (key, value) VALUES (?1, ?2)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    static const char drop_sql[] = "DELETE FROM settings WHERE key = ?1";
    sd_store *s = (sd_store *)store;
    char *before = NULL;
    if (sd_setting_get(store, key, &before, err) < 0)
        return -1;
    int drop = !value || !*value;
    sd_stmt *st = drop ? SD_STMT(s, drop_sql, err, SD_TEXT(key))
                            : SD_STMT(s, put_sql, err, SD_TEXT(key), SD_TEXT(value));
    int rc = st ? sd_exec(s, st, err, "changing a setting") : -1;
    if (rc == 0) {
        int hide = secret(key);
        const char *old = before && hide ? "(hidden)" : before;
        const char *now = drop ? NULL : hide ? "(hidden)" : value;
        rc = sd_audit(s, actor, "set", "setting", 0, key, old, now, err);
    }
    free(before);
    return rc;
}
