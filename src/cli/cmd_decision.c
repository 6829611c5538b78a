/* cmd_decision.c — `sightline decision add --board B --date D --text T`: a
 * decision a meeting took. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct {
    const char *text;
    const char *actor;
} decision_ctx;

/* Appends the decision to the meeting. */
static int add_decision(sl_store *store, const sl_board *b, const sl_meeting *m, void *ctx, sl_error *err)
{
    (void)b;
    decision_ctx *d = ctx;
    return sl_store_decision_add(store, m->id, d->text, d->actor, err);
}

int sl_cmd_decision(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    enum { OPT_BOARD, OPT_DATE, OPT_TEXT, N_OPTS };
    sl_opt o[N_OPTS] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--text", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 1, 1, &n_pos);
    decision_ctx d = {o[OPT_TEXT].value, cli->actor};
    if (rc == 0 && strcmp(pos[0], "add") != 0)
        rc = sl_cli_usage(cmd, "try: decision add --board B --date D --text T");
    else if (rc == 0 && (!o[OPT_BOARD].count || !o[OPT_DATE].count || !o[OPT_TEXT].count || !*d.text))
        rc = sl_cli_usage(cmd, "give --board, --date and --text");
    if (rc == 0)
        rc = sl_cli_meeting_write(cli, o[OPT_BOARD].value, o[OPT_DATE].value, add_decision, &d);
    if (rc == 0)
        printf("recorded the decision\n");
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
