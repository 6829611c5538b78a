/* cmd_calendar_token.c — `sightline calendar token add|list|revoke`: a
 * user's calendar subscription tokens (random secrets, stored hashed,
 * revocable) for the web feed; and the check a --token gets. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/governance.h"
#include "util/file.h"
#include "import/import.h"

/* `calendar token add --user LOGIN`: says the new secret once. */
static int token_add(sl_run *run, const char *login)
{
    unsigned char bytes[32];
    char token[65], hash[65];
    if (sodium_init() < 0)
        return sl_fail(&run->err, "cannot start the random number generator");
    randombytes_buf(bytes, sizeof bytes);
    sodium_bin2hex(token, sizeof token, bytes, sizeof bytes);
    sl_sha256_hex(token, strlen(token), hash);
    int64_t id = 0;
    if (sl_run_begin(run) < 0 ||
        sl_run_end(run, sl_store_calendar_token_add(run->store, login, hash, run->cli->actor, &id, &run->err) < 0) < 0)
        return -1;
    sl_buf_printf(&run->out, "calendar token %lld for %s (shown once, keep it secret):\n%s\n", (long long)id, login,
                  token);
    return 0;
}

/* `calendar token list [--user LOGIN]`. */
static int token_list(sl_run *run, const char *login)
{
    sl_calendar_token *list = NULL;
    int n = sl_store_calendar_tokens(run->store, login, &list, &run->err);
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++)
        sl_buf_printf(&run->out, "%lld  %-16s created %s%s%s\n", (long long)list[i].id, list[i].login,
                      list[i].created_at, *list[i].revoked_at ? "  revoked " : "", list[i].revoked_at);
    sl_calendar_tokens_free(list, n);
    return 0;
}

/* `calendar token revoke ID`. */
static int token_revoke(sl_run *run, const char *id_text)
{
    long long id = 0;
    int rc = sl_cli_record_number(run->cmd, id_text, &id,
                                  "calendar token revoke takes the token's number (see calendar token list)");
    if (rc)
        return rc;
    if (sl_run_begin(run) < 0 ||
        sl_run_end(run, sl_store_calendar_token_revoke(run->store, id, run->cli->actor, &run->err) < 0) < 0)
        return -1;
    sl_buf_printf(&run->out, "revoked calendar token %lld\n", id);
    return 0;
}

int sl_run_calendar_token_check(sl_run *run)
{
    const char *sub = run->n_pos > 1 ? run->pos[1] : "";
    int add = strcmp(sub, "add") == 0, list = strcmp(sub, "list") == 0, revoke = strcmp(sub, "revoke") == 0;
    if (!add && !list && !revoke)
        return sl_cli_usage(run->cmd, "try: calendar token add --user LOGIN, token list, token revoke ID");
    if (add && !sl_run_opt(run, "--user")->value)
        return sl_cli_usage(run->cmd, "calendar token add needs --user LOGIN");
    return 0;
}

int sl_run_calendar_token(sl_run *run)
{
    const char *sub = run->pos[1], *login = sl_run_opt(run, "--user")->value;
    if (strcmp(sub, "add") == 0)
        return token_add(run, login);
    if (strcmp(sub, "list") == 0)
        return token_list(run, login);
    return token_revoke(run, run->n_pos > 2 ? run->pos[2] : NULL);
}

/* Checks a calendar token (see cli.h). */
int sl_cli_calendar_token_check(sl_store *store, const char *token)
{
    char hash[65];
    int64_t user_id = 0;
    sl_error err = {0};
    sl_sha256_hex(token, strlen(token), hash);
    return sl_store_calendar_token_check(store, hash, &user_id, &err) < 0 ? sl_cli_refuse(&err) : 0;
}
