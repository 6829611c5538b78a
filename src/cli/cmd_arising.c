/* cmd_arising.c — `sightline arising add|update|list`: actions arising from
 * a board's meetings, with an append-only history of updates; open ones are
 * carried onto every later meeting's agenda until closed. */
#include <stdio.h>
#include <string.h>

#include "cli/governance.h"

/* What the checks read for the body. */
typedef struct {
    sl_arising a;               /* add: the new action arising */
    int64_t id;                 /* add: its number once stored */
    long long number;           /* update, history: the number given */
    sl_status status;           /* update: --status */
} arising_ctx;

/* Adds the action arising to the meeting. */
static int add_arising(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    (void)b;
    arising_ctx *c = run->ctx;
    return sl_store_arising_add(run->store, m->id, &c->a, run->cli->actor, &c->id, &run->err);
}

/* Checks `arising add`'s options into the new action arising (run->ctx);
 * returns 0 or an exit status after saying why. */
static int check_add(sl_run *run)
{
    arising_ctx *c = run->ctx;
    const sl_opt *status = sl_run_opt(run, "--status"), *due = sl_run_opt(run, "--due");
    c->a.text = (char *)sl_run_opt(run, "--text")->value;
    c->a.owner = (char *)sl_run_opt(run, "--owner")->value;
    if (!sl_run_flag(run, "--board") || !sl_run_flag(run, "--date") || !c->a.text || !c->a.owner)
        return sl_cli_usage(run->cmd, "give --board, --date, --text and --owner");
    if (status->count && sl_status_parse(status->value, &c->a.status) < 0)
        return sl_cli_usage(run->cmd, "--status takes a status such as not-started, in-progress, complete");
    return due->count ? sl_cli_day("--due", due->value, &c->a.due) : 0;
}

/* `arising add --board B --date D --text T --owner O --due DATE [--status S]`. */
static int arising_add(sl_run *run)
{
    arising_ctx *c = run->ctx;
    int rc = sl_run_meeting_write(run, add_arising);
    if (rc == 0)
        sl_buf_printf(&run->out, "action arising %lld added\n", (long long)c->id);
    return rc;
}

/* `arising update ID --status S [--note T]`. */
static int arising_update(sl_run *run)
{
    arising_ctx *c = run->ctx;
    if (sl_run_begin(run) < 0 ||
        sl_run_end(run, sl_store_arising_update(run->store, c->number, c->status, sl_run_opt(run, "--note")->value,
                                                run->cli->actor, &run->err) < 0) < 0)
        return -1;
    sl_buf_printf(&run->out, "action arising %lld: %s\n", c->number, sl_status_name(c->status));
    return 0;
}

/* `arising list [--board B] [--open] [--json]`. */
static int arising_list(sl_run *run)
{
    const sl_opt *board = sl_run_opt(run, "--board");
    int64_t board_id = 0;
    int rc = board->count ? sl_cli_board(run->store, board->value, NULL, &board_id) : 0;
    if (rc)
        return rc;
    sl_arising *list = NULL;
    int n = sl_store_arisings(run->store, board_id, sl_run_flag(run, "--open"), &list, &run->err);
    if (n < 0)
        return -1;
    int json = sl_run_flag(run, "--json");
    sl_run_list_open(run, json);
    for (int i = 0; i < n; i++) {
        char raised[11], due[11];
        sl_day_format(list[i].meeting, raised);
        sl_day_format(list[i].due, due);
        sl_run_list_item(run, json, i);
        if (json)
            sl_cli_arising_json(&run->out, &list[i]);
        else
            sl_buf_printf(&run->out, "%4lld  %-12s due %-10s  %s — %s (%s, raised %s)\n", (long long)list[i].id,
                          sl_status_name(list[i].status), list[i].due != SL_NO_DAY ? due : "-", list[i].text,
                          list[i].owner, list[i].board, raised);
    }
    sl_run_list_close(run, json, n);
    sl_arisings_free(list, (size_t)n);
    return 0;
}

/* `arising history ID [--json]`: every update, oldest first. */
static int arising_history(sl_run *run)
{
    arising_ctx *c = run->ctx;
    sl_arising_update *list = NULL;
    int n = sl_store_arising_history(run->store, c->number, &list, &run->err);
    if (n == 0)
        sl_fail(&run->err, "no action arising numbered %lld", c->number);
    int json = sl_run_history_open(run, n);
    if (json < 0)
        return -1;
    sl_buf *out = &run->out;
    for (int i = 0; i < n; i++) {
        if (!json) {
            sl_buf_printf(out, "%s  %-12s %s%s%s\n", list[i].recorded_at, sl_status_name(list[i].status),
                          list[i].author, *list[i].note ? ": " : "", list[i].note);
            continue;
        }
        sl_cli_history_json_head(out, i, list[i].recorded_at, list[i].author);
        sl_buf_printf(out, ",\"status\":\"%s\",\"note\":", sl_status_name(list[i].status));
        sl_buf_json_str(out, list[i].note);
        sl_buf_putc(out, '}');
    }
    sl_run_list_close(run, json, n);
    sl_arising_updates_free(list, (size_t)n);
    return 0;
}

/* Checks `arising update`'s number and --status before the store is opened;
 * returns 0 or SL_EXIT_USAGE. */
static int check_update(sl_run *run)
{
    arising_ctx *c = run->ctx;
    const sl_opt *status = sl_run_opt(run, "--status");
    int rc = sl_cli_record_number(run->cmd, run->pos[1], &c->number,
                                  "arising update takes the action's number (see arising list)");
    if (rc == 0 && (!status->count || sl_status_parse(status->value, &c->status) < 0))
        rc = sl_cli_usage(run->cmd, "give --status S: not-started, in-progress, complete, …");
    return rc;
}

/* Checks `arising history`'s number; returns 0 or SL_EXIT_USAGE. */
static int check_history(sl_run *run)
{
    arising_ctx *c = run->ctx;
    return sl_cli_record_number(run->cmd, run->pos[1], &c->number,
                                "arising history takes the action's number (see arising list)");
}

int sl_cmd_arising(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--text", 1),
                     SL_OPT("--owner", 1), SL_OPT("--due", 1),  SL_OPT("--status", 1),
                     SL_OPT("--note", 1),  SL_OPT("--open", 0), SL_OPT("--json", 0)};
    static const sl_run_sub subs[] = {{"add", 1, check_add, arising_add},
                                      {"update", 2, check_update, arising_update},
                                      {"history", 2, check_history, arising_history},
                                      {"list", 1, NULL, arising_list},
                                      {0}};
    static const sl_run_spec spec = {
        .min_pos = 1, .max_pos = 2, .store = SL_RUN_STORE, .subs = subs,
        .sub_usage = "try: arising add, arising update ID --status S, arising history ID, arising list"};
    arising_ctx c = {{0, NULL, SL_NO_DAY, NULL, NULL, SL_NO_DAY, SL_STATUS_NOT_STARTED}, 0, 0, SL_STATUS_NOT_STARTED};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &c);
}
