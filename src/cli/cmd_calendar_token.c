/* cmd_calendar_token.c — `sightline calendar token add|list|revoke`: a
 * user's calendar subscription tokens (random secrets, stored hashed,
 * revocable) for the web feed; and the check a --token gets. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/file.h"
#include "import/import.h"

/* `calendar token add --user LOGIN`: prints the new secret once. */
static int token_add(const sl_cli *cli, sl_store *store, const char *login)
{
    unsigned char bytes[32];
    char token[65], hash[65];
    if (sodium_init() < 0) {
        sl_error err = {0};
        sl_fail(&err, "cannot start the random number generator");
        return sl_cli_refuse(&err);
    }
    randombytes_buf(bytes, sizeof bytes);
    sodium_bin2hex(token, sizeof token, bytes, sizeof bytes);
    sl_sha256_hex(token, strlen(token), hash);
    sl_error err = {0};
    int64_t id = 0;
    if (sl_store_begin(store, &err) < 0)
        return sl_cli_refuse(&err);
    int rc = sl_cli_finish_write(store, sl_store_calendar_token_add(store, login, hash, cli->actor, &id, &err) < 0,
                                 &err);
    if (rc == 0)
        printf("calendar token %lld for %s (shown once, keep it secret):\n%s\n", (long long)id, login, token);
    return rc;
}

/* `calendar token list [--user LOGIN]`. */
static int token_list(sl_store *store, const char *login)
{
    sl_error err = {0};
    sl_calendar_token *list = NULL;
    int n = sl_store_calendar_tokens(store, login, &list, &err);
    if (n < 0)
        return sl_cli_refuse(&err);
    for (int i = 0; i < n; i++)
        printf("%lld  %-16s created %s%s%s\n", (long long)list[i].id, list[i].login, list[i].created_at,
               *list[i].revoked_at ? "  revoked " : "", list[i].revoked_at);
    sl_calendar_tokens_free(list, n);
    return SL_EXIT_OK;
}

/* `calendar token revoke ID`. */
static int token_revoke(const sl_cli *cli, const sl_command *cmd, sl_store *store, const char *id_text)
{
    char *end = NULL;
    long long id = id_text ? strtoll(id_text, &end, 10) : 0;
    if (!id_text || *end || id <= 0)
        return sl_cli_usage(cmd, "calendar token revoke takes the token's number (see calendar token list)");
    sl_error err = {0};
    if (sl_store_begin(store, &err) < 0)
        return sl_cli_refuse(&err);
    int rc = sl_cli_finish_write(store, sl_store_calendar_token_revoke(store, id, cli->actor, &err) < 0, &err);
    if (rc == 0)
        printf("revoked calendar token %lld\n", id);
    return rc;
}

int sl_cli_calendar_token(const sl_cli *cli, const sl_command *cmd, const char *sub, const char *arg,
                          const char *login)
{
    int add = strcmp(sub, "add") == 0, list = strcmp(sub, "list") == 0, revoke = strcmp(sub, "revoke") == 0;
    if (!add && !list && !revoke)
        return sl_cli_usage(cmd, "try: calendar token add --user LOGIN, token list, token revoke ID");
    if (add && !login)
        return sl_cli_usage(cmd, "calendar token add needs --user LOGIN");
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    int rc = add ? token_add(cli, store, login) : list ? token_list(store, login) : token_revoke(cli, cmd, store, arg);
    sl_store_close(store);
    return rc;
}

int sl_cli_calendar_token_check(sl_store *store, const char *token)
{
    char hash[65];
    int64_t user_id = 0;
    sl_error err = {0};
    sl_sha256_hex(token, strlen(token), hash);
    return sl_store_calendar_token_check(store, hash, &user_id, &err) < 0 ? sl_cli_refuse(&err) : 0;
}
