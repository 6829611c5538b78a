/* cmd_agenda.c — `sightline agenda add --board B --date D --title T [--kind
 * standing|deep-dive|item] [--theme T]`: a meeting's agenda; an item added
 * after the papers were published is recorded as a late paper. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct {
    sl_agenda_item item;
    const char *actor;
} agenda_ctx;

/* Appends the item, late when the meeting's pack is already published. */
static int add_item(sl_store *store, const sl_board *b, const sl_meeting *m, void *ctx, sl_error *err)
{
    (void)b;
    agenda_ctx *a = ctx;
    a->item.late = m->papers_published != SL_NO_DAY;
    return sl_store_agenda_add(store, m->id, &a->item, a->actor, err);
}

int sl_cmd_agenda(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    enum { OPT_BOARD, OPT_DATE, OPT_TITLE, OPT_KIND, OPT_THEME, N_OPTS };
    sl_opt o[N_OPTS] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--title", 1), SL_OPT("--kind", 1),
                        SL_OPT("--theme", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 1, 1, &n_pos);
    agenda_ctx a = {{(char *)o[OPT_TITLE].value, SL_AGENDA_ITEM, (char *)o[OPT_THEME].value, 0}, cli->actor};
    if (rc == 0 && strcmp(pos[0], "add") != 0)
        rc = sl_cli_usage(cmd, "try: agenda add --board B --date D --title T");
    else if (rc == 0 && (!o[OPT_BOARD].count || !o[OPT_DATE].count || !o[OPT_TITLE].count))
        rc = sl_cli_usage(cmd, "give --board, --date and --title");
    else if (rc == 0 && o[OPT_KIND].count && sl_agenda_kind_parse(o[OPT_KIND].value, &a.item.kind) < 0)
        rc = sl_cli_usage(cmd, "--kind is standing, deep-dive or item");
    else if (rc == 0 && a.item.kind == SL_AGENDA_DEEP_DIVE && !a.item.theme)
        rc = sl_cli_usage(cmd, "a deep dive names its theme with --theme T");
    if (rc == 0)
        rc = sl_cli_meeting_write(cli, o[OPT_BOARD].value, o[OPT_DATE].value, add_item, &a);
    if (rc == 0)
        printf("added %s'%s'\n", a.item.late ? "a late paper " : "", a.item.title);
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
