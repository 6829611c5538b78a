/* as_user.c — `sightline --as LOGIN COMMAND …`: the command line acting as
 * one account instead of the operator. The store shows only the account's
 * authorities (sl_cli_open_store sets the scope); here, before the command
 * runs, its least role is checked against the highest role the account is
 * granted, as the web's route table does for a page: reading needs viewer,
 * changing an action lead, running a plan or a board programme, the
 * installation admin. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/permission.h"

/* The least role of a command, or of one of its subcommands (first word). */
static const struct {
    const char *command;
    const char *sub;            /* NULL: any subcommand not listed */
    sl_role least;
} least_roles[] = {
    {"update", NULL, SL_ROLE_LEAD},
    {"edit", NULL, SL_ROLE_PROGRAMME},
    {"add-action", NULL, SL_ROLE_PROGRAMME},
    {"withdraw", NULL, SL_ROLE_PROGRAMME},
    {"link", NULL, SL_ROLE_PROGRAMME},
    {"carry-forward", NULL, SL_ROLE_PROGRAMME},
    {"import", NULL, SL_ROLE_PROGRAMME},
    {"plan", NULL, SL_ROLE_PROGRAMME},
    {"inspections", "load", SL_ROLE_PROGRAMME},
    {"measure", "show", SL_ROLE_VIEWER},
    {"measure", NULL, SL_ROLE_PROGRAMME},
    {"board", "show", SL_ROLE_VIEWER},
    {"board", NULL, SL_ROLE_PROGRAMME},
    {"meeting", "show", SL_ROLE_VIEWER},
    {"meeting", NULL, SL_ROLE_PROGRAMME},
    {"attendance", NULL, SL_ROLE_PROGRAMME},
    {"agenda", NULL, SL_ROLE_PROGRAMME},
    {"minutes", NULL, SL_ROLE_PROGRAMME},
    {"decision", NULL, SL_ROLE_PROGRAMME},
    {"arising", "add", SL_ROLE_PROGRAMME},
    {"arising", "update", SL_ROLE_LEAD},
    {"risk", "add", SL_ROLE_PROGRAMME},
    {"risk", "update", SL_ROLE_LEAD},
    {"savings", "set", SL_ROLE_PROGRAMME},
    {"calendar", "token", SL_ROLE_ADMIN},
    {"audits", "add", SL_ROLE_PROGRAMME},
    {"workforce", "add", SL_ROLE_PROGRAMME},
    {"report", "comment", SL_ROLE_PROGRAMME},
    {"report", NULL, SL_ROLE_BOARD},
    {"user", NULL, SL_ROLE_ADMIN},
    {"settings", NULL, SL_ROLE_ADMIN},
    {"remind", NULL, SL_ROLE_ADMIN},
    {"backup", NULL, SL_ROLE_ADMIN},
    {"restore", NULL, SL_ROLE_ADMIN},
    {"copy", NULL, SL_ROLE_ADMIN},
    {"gen", NULL, SL_ROLE_ADMIN},
    {"init", NULL, SL_ROLE_ADMIN},
    {"check", NULL, SL_ROLE_ADMIN},
    {"serve", NULL, SL_ROLE_ADMIN},
};

/* Returns the least role that may run command with its first argument sub
 * (NULL when it has none); viewer for what only reads. *named is set to the
 * subcommand the rule names (NULL: the rule is the command's). */
static sl_role least_role(const char *command, const char *sub, const char **named)
{
    *named = NULL;
    for (size_t i = 0; i < sizeof least_roles / sizeof least_roles[0]; i++) {
        if (strcmp(least_roles[i].command, command) != 0)
            continue;
        if (!least_roles[i].sub || (sub && strcmp(least_roles[i].sub, sub) == 0)) {
            *named = least_roles[i].sub;
            return least_roles[i].least;
        }
    }
    return SL_ROLE_VIEWER;
}

/* Reads the highest role login is granted into *role: 0, or -1 with err set
 * (SL_ERR_NOT_FOUND for an unknown login). */
static int highest_role(const sl_cli *cli, sl_role *role, sl_error *err)
{
    sl_store *store = sl_store_open(cli->db_path, 0, err);
    if (!store)
        return -1;
    sl_user user;
    sl_grant *grants = NULL;
    int found = sl_store_user_find(store, cli->as_login, &user, err), n = -1;
    if (found == 0)
        sl_fail_code(err, SL_ERR_NOT_FOUND, "--as: no such user '%s'", cli->as_login);
    if (found == 1)
        n = sl_store_user_grants(store, user.id, &grants, err);
    if (n >= 0)
        *role = user.disabled ? SL_ROLE_NONE : sl_role_highest(grants, n);
    sl_grants_free(grants, n > 0 ? n : 0);
    sl_store_close(store);
    return n < 0 ? -1 : 0;
}

int sl_cli_as_allowed(const sl_cli *cli, const char *command, const char *sub)
{
    if (!cli->as_login || strcmp(command, "--help") == 0 || (sub && strcmp(sub, "--help") == 0))
        return SL_EXIT_OK;
    sl_error err = {0};
    const char *named;
    sl_role role = SL_ROLE_NONE, least = least_role(command, sub, &named);
    if (highest_role(cli, &role, &err) < 0) {
        sl_error_print(&err, stderr);
        return SL_EXIT_REFUSED;
    }
    if (role >= least)
        return SL_EXIT_OK;
    fprintf(stderr, "sightline: --as %s: %s%s may not run `%s%s%s` (it needs %s)\n", cli->as_login,
            role == SL_ROLE_NONE ? "an account with no role" : "a ", role == SL_ROLE_NONE ? "" : sl_role_name(role),
            command, named ? " " : "", named ? named : "", sl_role_name(least));
    return SL_EXIT_REFUSED;
}
