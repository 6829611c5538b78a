/* cmd_user.c — `sightline user add LOGIN --role ROLE [--person P] --password-stdin`:
 * accounts for the web application. The password is read from standard
 * input (never the command line) and stored as an Argon2id hash. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/permission.h"
#include "web/auth.h"

enum { OPT_ROLE, OPT_PERSON, OPT_STDIN, N_OPTS };

/* Reads one line from stdin into out without its newline; returns 0 or -1. */
static int read_password(char *out, size_t n)
{
    if (!fgets(out, (int)n, stdin))
        return -1;
    out[strcspn(out, "\r\n")] = '\0';
    return 0;
}

int sl_cmd_user(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--role", 1), SL_OPT("--person", 1), SL_OPT("--password-stdin", 0)};
    const char *pos[2] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 2, 2, &n_pos);
    sl_user user = {0};
    if (rc == 0 && strcmp(pos[0], "add") != 0)
        rc = sl_cli_usage(cmd, "unknown subcommand '%s' (try: user add)", pos[0]);
    if (rc == 0 && (!opts[OPT_ROLE].count || sl_role_parse(opts[OPT_ROLE].value) == SL_ROLE_NONE))
        rc = sl_cli_usage(cmd, "--role must be admin, programme, lead, board or viewer");
    if (rc == 0 && !opts[OPT_STDIN].count)
        rc = sl_cli_usage(cmd, "give the password on standard input with --password-stdin");
    if (rc == 0 && (strlen(pos[1]) == 0 || strlen(pos[1]) >= sizeof user.login))
        rc = sl_cli_usage(cmd, "a login has 1 to 63 characters");
    if (rc == 0) {
        snprintf(user.login, sizeof user.login, "%s", pos[1]);
        snprintf(user.role, sizeof user.role, "%s", opts[OPT_ROLE].value);
        snprintf(user.person, sizeof user.person, "%s", opts[OPT_PERSON].count ? opts[OPT_PERSON].value : "");
    }
    sl_cli_free_opts(opts, N_OPTS);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    char password[256];
    sl_error err = {0};
    if (read_password(password, sizeof password) < 0 || strlen(password) < 10) {
        sl_fail(&err, "the password must be at least 10 characters, on standard input");
        return sl_cli_refuse(&err);
    }
    if (sl_password_hash(password, user.password_hash) < 0) {
        sl_fail(&err, "could not hash the password (out of memory?)");
        return sl_cli_refuse(&err);
    }
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    rc = sl_store_user_add(store, &user, cli->actor, &err);
    sl_store_close(store);
    if (rc < 0)
        return sl_cli_refuse(&err);
    printf("user %s added (%s)\n", user.login, user.role);
    return SL_EXIT_OK;
}
