/* cmd_serve.c — `sightline serve`: the web application. The runner parses
 * and checks the options; the server opens the database itself (for each
 * request) and writes its own log, running until it is stopped, so the run
 * asks for no store and leaves run->out empty. The daily reminders run in a
 * thread of their own beside it. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/remind_daily.h"
#include "cli/run.h"
#include "web/web.h"

/* Returns the number an option gives, or dflt when it is absent. */
static int number(const sl_run *run, const char *name, int dflt)
{
    const sl_opt *o = sl_run_opt(run, name);
    return o->count ? (int)strtol(o->value, NULL, 10) : dflt;
}

/* Returns the idle minutes: --session-idle, or its older name --idle-minutes, or 30. */
static int idle_minutes(const sl_run *run)
{
    return number(run, "--session-idle", number(run, "--idle-minutes", 30));
}

/* Checks --tls-cert with --tls-key, and --proxy-address with --trust-proxy; returns 0 or SL_EXIT_USAGE. */
static int check_tls(sl_run *run)
{
    if (sl_run_opt(run, "--tls-cert")->count != sl_run_opt(run, "--tls-key")->count)
        return sl_cli_usage(run->cmd, "--tls-cert and --tls-key go together");
    if (sl_run_opt(run, "--proxy-address")->count && !sl_run_flag(run, "--trust-proxy"))
        return sl_cli_usage(run->cmd, "--proxy-address needs --trust-proxy");
    return 0;
}

/* Checks --threads, the session lifetimes and the connection limits; returns 0 or SL_EXIT_USAGE. */
static int check_limits(sl_run *run)
{
    int threads = number(run, "--threads", 4), idle = idle_minutes(run), max = number(run, "--session-max", 12);
    if (threads < 1 || threads > 64)
        return sl_cli_usage(run->cmd, "--threads takes 1 to 64");
    if (idle < 1 || idle > 24 * 60)
        return sl_cli_usage(run->cmd, "--session-idle takes 1 to 1440 minutes");
    if (max < 1 || max > 24 * 30)
        return sl_cli_usage(run->cmd, "--session-max takes 1 to 720 hours");
    if (number(run, "--per-address", 64) < 1 || number(run, "--per-address", 64) > 4000)
        return sl_cli_usage(run->cmd, "--per-address takes 1 to 4000 connections");
    if (number(run, "--header-seconds", 10) < 1 || number(run, "--header-seconds", 10) > 600 ||
        number(run, "--body-seconds", 30) < 1 || number(run, "--body-seconds", 30) > 3600)
        return sl_cli_usage(run->cmd, "--header-seconds takes 1 to 600, --body-seconds 1 to 3600");
    return check_tls(run);
}

/* `serve --list-routes`: every route of the page table, one a line, as
 * METHOD PATTERN LEAST-ROLE CACHEABLE ("none" for pages open to anyone), for
 * tests that cover every page without naming them (tests/web/test_tenancy.py). */
static void list_routes(sl_run *run)
{
    for (const sl_route *r = sl_routes; r->method; r++) {
        const char *role = sl_role_name(r->least_role);
        sl_buf_cprintf(&run->out, "%s %s %s %d\n", r->method, r->pattern, *role ? role : "none", r->cacheable);
    }
}

/* The server's on_listening: starts the daily reminders over the database
 * ctx names; returns 0 or -1. */
static int start_reminders(void *ctx)
{
    return sl_remind_daily_start((const char *)ctx);
}

/* Serves until stopped, with the daily reminders (cli/remind_daily.h) alongside. */
static int serve_body(sl_run *run)
{
    if (sl_run_flag(run, "--list-routes")) {
        list_routes(run);
        return 0;
    }
    char static_dir[PATH_MAX], data_dir[PATH_MAX];
    sl_cli_beside_binary("static", static_dir, sizeof static_dir);
    sl_cli_beside_binary("data", data_dir, sizeof data_dir);
    const sl_opt *listen = sl_run_opt(run, "--listen"), *static_opt = sl_run_opt(run, "--static");
    const sl_opt *cert = sl_run_opt(run, "--tls-cert"), *key = sl_run_opt(run, "--tls-key");
    const sl_opt *proxies = sl_run_opt(run, "--proxy-address");
    sl_web_config config = {
        .db_path = run->cli->db_path,
        .listen = listen->count ? listen->value : "127.0.0.1:8080",
        .static_dir = static_opt->count ? static_opt->value : static_dir,
        .data_dir = data_dir,
        .threads = number(run, "--threads", 4),
        .idle_minutes = idle_minutes(run),
        .session_max_hours = number(run, "--session-max", 12),
        .tls_cert = cert->count ? cert->value : NULL,
        .tls_key = key->count ? key->value : NULL,
        .trust_proxy = sl_run_flag(run, "--trust-proxy"),
        .proxy_addresses = proxies->count ? proxies->value : NULL,
        .per_address = number(run, "--per-address", 64),
        .header_seconds = number(run, "--header-seconds", 10),
        .body_seconds = number(run, "--body-seconds", 30),
    };
    /* The daily reminders start once the server listens: a server that cannot start sends nothing. */
    config.on_listening = start_reminders;
    config.listening_ctx = (void *)config.db_path;
    int rc = sl_web_serve(&config, &run->err);
    sl_remind_daily_stop();
    return rc < 0 ? -1 : 0;
}

int sl_cmd_serve(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--listen", 1), SL_OPT("--static", 1), SL_OPT("--threads", 1),
                     SL_OPT("--idle-minutes", 1), SL_OPT("--per-address", 1), SL_OPT("--header-seconds", 1),
                     SL_OPT("--body-seconds", 1), SL_OPT("--session-idle", 1), SL_OPT("--session-max", 1),
                     SL_OPT("--tls-cert", 1), SL_OPT("--tls-key", 1), SL_OPT("--trust-proxy", 0),
                     SL_OPT("--proxy-address", 1), SL_OPT("--list-routes", 0)};
    static const sl_run_spec spec = {.check = check_limits, .body = serve_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
