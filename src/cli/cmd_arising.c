/* cmd_arising.c — `sightline arising add|update|list`: actions arising from
 * a board's meetings, with an append-only history of updates; open ones are
 * carried onto every later meeting's agenda until closed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { OPT_BOARD, OPT_DATE, OPT_TEXT, OPT_OWNER, OPT_DUE, OPT_STATUS, OPT_NOTE, OPT_OPEN, OPT_JSON, N_OPTS };

typedef struct {
    sl_arising a;
    const char *actor;
    int64_t id;
} arising_ctx;

/* Adds the action arising to the meeting. */
static int add_arising(sl_store *store, const sl_board *b, const sl_meeting *m, void *ctx, sl_error *err)
{
    (void)b;
    arising_ctx *c = ctx;
    return sl_store_arising_add(store, m->id, &c->a, c->actor, &c->id, err);
}

/* `arising add --board B --date D --text T --owner O --due DATE [--status S]`. */
static int arising_add(const sl_cli *cli, const sl_command *cmd, sl_opt *o)
{
    arising_ctx c = {{0, NULL, SL_NO_DAY, (char *)o[OPT_TEXT].value, (char *)o[OPT_OWNER].value, SL_NO_DAY,
                      SL_STATUS_NOT_STARTED}, cli->actor, 0};
    if (!o[OPT_BOARD].count || !o[OPT_DATE].count || !o[OPT_TEXT].count || !o[OPT_OWNER].count)
        return sl_cli_usage(cmd, "give --board, --date, --text and --owner");
    if (o[OPT_STATUS].count && sl_status_parse(o[OPT_STATUS].value, &c.a.status) < 0)
        return sl_cli_usage(cmd, "--status takes a status such as not-started, in-progress, complete");
    int rc = o[OPT_DUE].count ? sl_cli_day("--due", o[OPT_DUE].value, &c.a.due) : 0;
    if (rc == 0)
        rc = sl_cli_meeting_write(cli, o[OPT_BOARD].value, o[OPT_DATE].value, add_arising, &c);
    if (rc == 0)
        printf("action arising %lld added\n", (long long)c.id);
    return rc;
}

/* `arising update ID --status S [--note T]`. */
static int arising_update(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *id_text)
{
    char *end = NULL;
    long long id = strtoll(id_text, &end, 10);
    sl_status status;
    if (*end || id <= 0)
        return sl_cli_usage(cmd, "arising update takes the action's number (see arising list)");
    if (!o[OPT_STATUS].count || sl_status_parse(o[OPT_STATUS].value, &status) < 0)
        return sl_cli_usage(cmd, "give --status S: not-started, in-progress, complete, …");
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    int rc = sl_store_begin(store, &err) < 0
                 ? sl_cli_refuse(&err)
                 : sl_cli_finish_write(store,
                                       sl_store_arising_update(store, id, status, o[OPT_NOTE].value, cli->actor,
                                                               &err) < 0,
                                       &err);
    if (rc == 0)
        printf("action arising %lld: %s\n", id, sl_status_name(status));
    sl_store_close(store);
    return rc;
}

/* `arising list [--board B] [--open] [--json]`. */
static int arising_list(const sl_cli *cli, sl_opt *o)
{
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    int64_t board_id = 0;
    int rc = o[OPT_BOARD].count ? sl_cli_board(store, o[OPT_BOARD].value, NULL, &board_id) : 0;
    sl_error err = {0};
    sl_arising *list = NULL;
    int n = rc ? 0 : sl_store_arisings(store, board_id, o[OPT_OPEN].count > 0, &list, &err);
    sl_store_close(store);
    if (rc || n < 0)
        return rc ? rc : sl_cli_refuse(&err);
    int json = o[OPT_JSON].count > 0;
    sl_buf out = SL_BUF_INIT;
    sl_buf_puts(&out, json ? "[" : "");
    for (int i = 0; i < n; i++) {
        char raised[11], due[11];
        sl_day_format(list[i].meeting, raised);
        sl_day_format(list[i].due, due);
        if (json) {
            sl_buf_puts(&out, i ? ",\n" : "\n");
            sl_cli_arising_json(&out, &list[i]);
        } else {
            sl_buf_printf(&out, "%4lld  %-12s due %-10s  %s — %s (%s, raised %s)\n", (long long)list[i].id,
                          sl_status_name(list[i].status), list[i].due != SL_NO_DAY ? due : "-", list[i].text,
                          list[i].owner, list[i].board, raised);
        }
    }
    sl_buf_puts(&out, json ? (n ? "\n]\n" : "]\n") : "");
    rc = sl_cli_output(&out, NULL);
    sl_buf_free(&out);
    sl_arisings_free(list, (size_t)n);
    return rc;
}

/* `arising history ID [--json]`: every update, oldest first. */
static int arising_history(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *id_text)
{
    char *end = NULL;
    long long id = strtoll(id_text, &end, 10);
    if (*end || id <= 0)
        return sl_cli_usage(cmd, "arising history takes the action's number (see arising list)");
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_arising_update *list = NULL;
    int n = sl_store_arising_history(store, id, &list, &err);
    sl_store_close(store);
    if (n == 0)
        sl_fail(&err, "no action arising numbered %lld", id);
    if (n <= 0)
        return sl_cli_refuse(&err);
    int json = o[OPT_JSON].count > 0;
    sl_buf out = SL_BUF_INIT;
    sl_buf_puts(&out, json ? "[" : "");
    for (int i = 0; i < n; i++) {
        if (!json) {
            sl_buf_printf(&out, "%s  %-12s %s%s%s\n", list[i].recorded_at, sl_status_name(list[i].status),
                          list[i].author, *list[i].note ? ": " : "", list[i].note);
            continue;
        }
        sl_buf_puts(&out, i ? ",\n{\"recorded_at\":" : "\n{\"recorded_at\":");
        sl_buf_json_str(&out, list[i].recorded_at);
        sl_buf_puts(&out, ",\"author\":");
        sl_buf_json_str(&out, list[i].author);
        sl_buf_printf(&out, ",\"status\":\"%s\",\"note\":", sl_status_name(list[i].status));
        sl_buf_json_str(&out, list[i].note);
        sl_buf_putc(&out, '}');
    }
    sl_buf_puts(&out, json ? "\n]\n" : "");
    int rc = sl_cli_output(&out, NULL);
    sl_buf_free(&out);
    sl_arising_updates_free(list, (size_t)n);
    return rc;
}

int sl_cmd_arising(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--board", 1), SL_OPT("--date", 1),   SL_OPT("--text", 1),
                        SL_OPT("--owner", 1), SL_OPT("--due", 1),    SL_OPT("--status", 1),
                        SL_OPT("--note", 1),  SL_OPT("--open", 0),   SL_OPT("--json", 0)};
    const char *pos[2] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 1, 2, &n_pos);
    if (rc == 0 && n_pos == 1 && strcmp(pos[0], "add") == 0)
        rc = arising_add(cli, cmd, o);
    else if (rc == 0 && n_pos == 2 && strcmp(pos[0], "update") == 0)
        rc = arising_update(cli, cmd, o, pos[1]);
    else if (rc == 0 && n_pos == 2 && strcmp(pos[0], "history") == 0)
        rc = arising_history(cli, cmd, o, pos[1]);
    else if (rc == 0 && n_pos == 1 && strcmp(pos[0], "list") == 0)
        rc = arising_list(cli, o);
    else if (rc == 0)
        rc = sl_cli_usage(cmd, "try: arising add, arising update ID --status S, arising history ID, arising list");
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
