/* cmd_user.c — `sightline user add LOGIN --role ROLE [--authority NAME]
 * [--person P] [--email A] --password-stdin`, `user set LOGIN [--email A]
 * [--reminders on|off]`, `user grant LOGIN --authority NAME|--national
 * --role ROLE` and `user revoke LOGIN --authority NAME|--national`:
 * accounts for the web application and the roles they hold per authority.
 * The password is read from standard input (never the command line) and
 * stored as an Argon2id hash. `user sessions LOGIN [--json]` lists where the
 * account is signed in and `user end-sessions LOGIN [--session REF]` ends
 * its sessions (all, or one), at once for every server, audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "util/clock.h"
#include "util/file.h"
#include "domain/permission.h"
#include "util/smtp.h"
#include "web/auth.h"

/* What `user set` changes: an email address (NULL: kept) and reminders (-1: kept). */
typedef struct {
    const char *email;
    int reminders;
} user_change;

/* Checks `user set`'s options into *change; returns 0 or SL_EXIT_USAGE. */
static int read_change(sl_run *run, user_change *change)
{
    const sl_opt *email = sl_run_opt(run, "--email"), *reminders = sl_run_opt(run, "--reminders");
    change->email = email->count ? email->value : NULL;
    change->reminders = -1;
    if (reminders->count && strcmp(reminders->value, "on") != 0 && strcmp(reminders->value, "off") != 0)
        return sl_cli_usage(run->cmd, "--reminders takes on or off");
    if (reminders->count)
        change->reminders = strcmp(reminders->value, "on") == 0;
    if (change->email && *change->email && !sl_email_valid(change->email))
        return sl_cli_usage(run->cmd, "--email takes one email address, such as jo@example.gov.uk");
    if (!change->email && change->reminders < 0)
        return sl_cli_usage(run->cmd, "user set needs --email ADDR or --reminders on|off");
    return 0;
}

/* Checks `user grant` and `user revoke`'s options: one of --authority and
 * --national, and a role to grant; returns 0 or SL_EXIT_USAGE. */
static int read_grant(sl_run *run, int grant)
{
    const sl_opt *authority = sl_run_opt(run, "--authority"), *role = sl_run_opt(run, "--role");
    if (!!authority->count == sl_run_flag(run, "--national"))
        return sl_cli_usage(run->cmd, "give one of --authority NAME|CODE and --national");
    if (grant && (!role->count || sl_role_parse(role->value) == SL_ROLE_NONE))
        return sl_cli_usage(run->cmd, "--role must be admin, programme, lead, board or viewer");
    if (!grant && role->count)
        return sl_cli_usage(run->cmd, "user revoke takes no --role");
    return 0;
}

/* Checks the subcommand and options and fills the run's user (run->ctx)
 * from them; returns 0 or SL_EXIT_USAGE. */
static int read_user(sl_run *run)
{
    const sl_command *cmd = run->cmd;
    const sl_opt *role = sl_run_opt(run, "--role"), *person = sl_run_opt(run, "--person");
    sl_user *user = run->ctx;
    user_change change;
    if (strcmp(run->pos[0], "set") == 0)
        return read_change(run, &change);
    if (strcmp(run->pos[0], "sessions") == 0 || strcmp(run->pos[0], "end-sessions") == 0)
        return 0;
    if (strcmp(run->pos[0], "grant") == 0 || strcmp(run->pos[0], "revoke") == 0)
        return read_grant(run, strcmp(run->pos[0], "grant") == 0);
    if (strcmp(run->pos[0], "add") != 0)
        return sl_cli_usage(cmd, "unknown subcommand '%s' (try: user add, set, grant, revoke, sessions, end-sessions)",
                            run->pos[0]);
    if (sl_run_flag(run, "--national"))
        return sl_cli_usage(cmd, "an account is national unless --authority is given");
    if (sl_run_opt(run, "--reminders")->count)
        return sl_cli_usage(cmd, "reminders are on for a new account: turn them off with user set");
    const sl_opt *email = sl_run_opt(run, "--email");
    if (email->count && !sl_email_valid(email->value))
        return sl_cli_usage(cmd, "--email takes one email address, such as jo@example.gov.uk");
    if (!role->count || sl_role_parse(role->value) == SL_ROLE_NONE)
        return sl_cli_usage(cmd, "--role must be admin, programme, lead, board or viewer");
    if (!sl_run_flag(run, "--password-stdin"))
        return sl_cli_usage(cmd, "give the password on standard input with --password-stdin");
    if (strlen(run->pos[1]) == 0 || strlen(run->pos[1]) >= sizeof user->login)
        return sl_cli_usage(cmd, "a login has 1 to 63 characters");
    if (person->count && strlen(person->value) >= sizeof user->person)
        return sl_cli_usage(cmd, "a person label has at most %zu bytes", sizeof user->person - 1);
    snprintf(user->login, sizeof user->login, "%s", run->pos[1]);
    snprintf(user->role, sizeof user->role, "%s", role->value);
    snprintf(user->person, sizeof user->person, "%s", person->count ? person->value : "");
    snprintf(user->email, sizeof user->email, "%s", email->count ? email->value : "");
    return 0;
}

/* Hashes the password read from standard input into the run's user; returns
 * 0, or -1 with run->err set. */
static int hash_password(sl_run *run)
{
    sl_user *user = run->ctx;
    char *password = sl_read_stdin_line();
    int rc = 0;
    if (!password || strlen(password) < 10)
        rc = sl_fail(&run->err, "the password must be at least 10 characters, on standard input");
    else if (sl_password_hash(password, user->password_hash) < 0)
        rc = sl_fail(&run->err, "could not hash the password (out of memory?)");
    free(password);
    return rc;
}

/* Store callback: one session of `user sessions`, as text or a JSON object. */
static int print_session(void *ctx, const sl_session_row *r)
{
    sl_run *run = ctx;
    char created[32], seen[32];
    sl_timestamp_of(r->created_at, created);
    sl_timestamp_of(r->last_seen, seen);
    if (sl_run_flag(run, "--json"))
        sl_buf_printf(&run->out, "%s{\"session\":%J,\"created_at\":%J,\"last_seen\":%J,\"address\":%J,\"user_agent\":%J}",
                      run->out.len > 1 ? ",\n" : "", r->ref, created, seen, r->address, r->user_agent);
    else
        sl_buf_cprintf(&run->out, "%s  signed in %s  last seen %s  from %s  %s\n", r->ref, created, seen,
                       *r->address ? r->address : "?", r->user_agent);
    return 0;
}

/* `user sessions LOGIN` and `user end-sessions LOGIN [--session REF]`; returns 0 or -1. */
static int sessions_body(sl_run *run)
{
    sl_user u;
    if (sl_run_open_store(run, 0) != 0)
        return -1;
    int found = sl_store_user_find(run->store, run->pos[1], &u, &run->err);
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(&run->err, SL_ERR_NOT_FOUND, "no user '%s'", run->pos[1]);
    if (strcmp(run->pos[0], "sessions") == 0) {
        int json = sl_run_flag(run, "--json");
        sl_buf_puts(&run->out, json ? "[" : "");
        if (sl_store_each_session(run->store, u.id, 0, 0, print_session, run, &run->err) < 0)
            return -1;
        sl_buf_puts(&run->out, json ? "]\n" : "");
        return 0;
    }
    const sl_opt *one = sl_run_opt(run, "--session");
    int ended = 0;
    if (sl_run_begin(run) < 0)
        return -1;
    if (one->count) {
        ended = sl_store_session_end(run->store, one->value, u.id, run->cli->actor, "ended from the command line",
                                     &run->err);
        if (ended == 0)
            sl_fail_code(&run->err, SL_ERR_NOT_FOUND, "user %s has no session %s", u.login, one->value);
        if (sl_run_end(run, ended <= 0) < 0)
            return -1;
    } else if (sl_run_end(run, sl_store_sessions_end_user(run->store, u.id, NULL, run->cli->actor, &ended,
                                                          &run->err) < 0) < 0) {
        return -1;
    }
    sl_buf_printf(&run->out, "%d session%s of %s ended\n", ended, ended == 1 ? "" : "s", u.login);
    return 0;
}

/* Grants or revokes a role over one authority (or nationally) in one
 * transaction; returns 0 or -1 with run->err set. */
static int grant_body(sl_run *run)
{
    const sl_opt *authority = sl_run_opt(run, "--authority"), *role = sl_run_opt(run, "--role");
    const char *where = authority->count ? authority->value : NULL;
    int grant = strcmp(run->pos[0], "grant") == 0;
    if (sl_run_open_store(run, 0) != 0 || sl_run_begin(run) < 0)
        return -1;
    int failed = grant ? sl_store_grant_set(run->store, run->pos[1], where, role->value, run->cli->actor, &run->err)
                       : sl_store_grant_revoke(run->store, run->pos[1], where, run->cli->actor, &run->err);
    if (sl_run_end(run, failed < 0) < 0)
        return -1;
    if (grant)
        sl_buf_printf(&run->out, "user %s is %s over %s\n", run->pos[1], role->value, where ? where : "every authority");
    else
        sl_buf_printf(&run->out, "user %s has no grant over %s\n", run->pos[1], where ? where : "every authority");
    return 0;
}

/* Reads the grants of account login into *grants (caller frees with
 * sl_grants_free); returns their count or -1 with run->err set. */
static int grants_of(sl_run *run, const char *login, sl_grant **grants)
{
    sl_user user;
    *grants = NULL;
    int found = sl_store_user_find(run->store, login, &user, &run->err);
    return found == 1 ? sl_store_user_grants(run->store, user.id, grants, &run->err) : -1;
}

/* Stores the new account (national, or over --authority only) in one
 * transaction; returns 0 or -1 with run->err set. */
static int add_account(sl_run *run, const sl_user *user)
{
    const sl_opt *authority = sl_run_opt(run, "--authority");
    if (sl_run_begin(run) < 0)
        return -1;
    int failed = sl_store_user_add(run->store, user, run->cli->actor, &run->err) < 0;
    if (!failed && authority->count)
        failed = sl_store_grant_set(run->store, user->login, authority->value, user->role, run->cli->actor,
                                    &run->err) < 0;
    sl_grant *grants = NULL;
    int n = failed ? 0 : grants_of(run, user->login, &grants);
    failed = failed || n < 0;
    /* Over --authority only: the national grant user_add gave (the operator's) goes. */
    if (!failed && authority->count && sl_grants_national(grants, n))
        failed = sl_store_grant_revoke(run->store, user->login, NULL, run->cli->actor, &run->err) < 0;
    if (!failed && n == 0)  /* --as an account of one authority, without --authority */
        failed = sl_fail(&run->err, "an account of one authority adds accounts with --authority") < 0;
    sl_grants_free(grants, n > 0 ? n : 0);
    return sl_run_end(run, failed);
}

/* Adds the account. The password comes from standard input, read and hashed
 * before the store is opened (sl_run_open_store), as it always was: a
 * password that will not do never touches the database. */
static int user_body(sl_run *run)
{
    sl_user *user = run->ctx;
    user_change change;
    if (strcmp(run->pos[0], "sessions") == 0 || strcmp(run->pos[0], "end-sessions") == 0)
        return sessions_body(run);
    if (strcmp(run->pos[0], "grant") == 0 || strcmp(run->pos[0], "revoke") == 0)
        return grant_body(run);
    if (strcmp(run->pos[0], "set") == 0) {
        read_change(run, &change);
        if (sl_run_open_store(run, 0) != 0 || sl_run_begin(run) < 0 ||
            sl_run_end(run, sl_store_user_set(run->store, run->pos[1], change.email, change.reminders,
                                              run->cli->actor, &run->err) < 0) < 0)
            return -1;
        sl_buf_printf(&run->out, "user %s changed\n", run->pos[1]);
        return 0;
    }
    int rc = hash_password(run);
    if (rc == 0)
        rc = sl_run_open_store(run, 0);
    if (rc == 0)
        rc = add_account(run, user);
    if (rc == 0)
        sl_buf_printf(&run->out, "user %s added (%s over %s)\n", user->login, user->role,
                      sl_run_flag(run, "--authority") ? sl_run_opt(run, "--authority")->value : "every authority");
    return rc;
}

int sl_cmd_user(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--role", 1), SL_OPT("--person", 1), SL_OPT("--password-stdin", 0),
                     SL_OPT("--email", 1), SL_OPT("--reminders", 1), SL_OPT("--json", 0), SL_OPT("--session", 1),
                     SL_OPT("--authority", 1), SL_OPT("--national", 0)};
    static const sl_run_spec spec = {.min_pos = 2, .max_pos = 2, .check = read_user, .body = user_body};
    sl_user user = {0};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &user);
}
