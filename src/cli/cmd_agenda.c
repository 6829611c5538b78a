/* cmd_agenda.c — `sightline agenda add --board B --date D --title T [--kind
 * standing|deep-dive|item] [--theme T]`: a meeting's agenda; an item added
 * after the papers were published is recorded as a late paper. */
#include <stdio.h>
#include <string.h>

#include "cli/governance.h"

/* Appends the item (run->ctx), late when the meeting's pack is already published. */
static int add_item(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    (void)b;
    sl_agenda_item *item = run->ctx;
    item->late = m->papers_published != SL_NO_DAY;
    return sl_store_agenda_add(run->store, m->id, item, run->cli->actor, &run->err);
}

/* Reads the options into the item (run->ctx); returns 0 or SL_EXIT_USAGE. */
static int check_agenda(sl_run *run)
{
    sl_agenda_item *item = run->ctx;
    const sl_opt *kind = sl_run_opt(run, "--kind");
    item->title = (char *)sl_run_opt(run, "--title")->value;
    item->theme = (char *)sl_run_opt(run, "--theme")->value;
    if (strcmp(run->pos[0], "add") != 0)
        return sl_cli_usage(run->cmd, "try: agenda add --board B --date D --title T");
    if (!sl_run_flag(run, "--board") || !sl_run_flag(run, "--date") || !item->title)
        return sl_cli_usage(run->cmd, "give --board, --date and --title");
    if (kind->count && sl_agenda_kind_parse(kind->value, &item->kind) < 0)
        return sl_cli_usage(run->cmd, "--kind is standing, deep-dive or item");
    if (item->kind == SL_AGENDA_DEEP_DIVE && !item->theme)
        return sl_cli_usage(run->cmd, "a deep dive names its theme with --theme T");
    return 0;
}

/* Adds the item in one transaction and says whether it came late. */
static int agenda_body(sl_run *run)
{
    sl_agenda_item *item = run->ctx;
    int rc = sl_run_meeting_write(run, add_item);
    if (rc == 0)
        sl_buf_printf(&run->out, "added %s'%s'\n", item->late ? "a late paper " : "", item->title);
    return rc;
}

int sl_cmd_agenda(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--title", 1), SL_OPT("--kind", 1),
                     SL_OPT("--theme", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE,
                                     .check = check_agenda, .body = agenda_body};
    sl_agenda_item item = {NULL, SL_AGENDA_ITEM, NULL, 0};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &item);
}
