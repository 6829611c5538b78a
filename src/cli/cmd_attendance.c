/* cmd_attendance.c — `sightline attendance --board B --date D --member M
 * present|apologies|substitute [--by NAME]`: who came to a meeting. A
 * substitute must be the member's named substitute or another member. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct {
    const char *member;
    sl_attend_state state;
    const char *by;
    const char *actor;
} attend_ctx;

/* Records the attendance after checking the member and the substitute. */
static int record(sl_store *store, const sl_board *b, const sl_meeting *m, void *ctx, sl_error *err)
{
    attend_ctx *a = ctx;
    int who = sl_board_find_member(b, a->member);
    if (who < 0)
        return sl_fail(err, "%s has no member '%s' (see `sightline boards`)", b->name, a->member);
    if (a->state == SL_ATTEND_SUBSTITUTE && !sl_board_substitute_allowed(b, (size_t)who, a->by))
        return sl_fail(err, "'%s' may not attend for %s: not their named substitute (%s) nor a member of %s",
                       a->by, a->member, b->members[who].substitute ? b->members[who].substitute : "none named",
                       b->name);
    sl_attendance row = {(char *)sl_board_member_label(b, (size_t)who), a->state,
                         a->state == SL_ATTEND_SUBSTITUTE ? (char *)a->by : NULL};
    return sl_store_attendance_set(store, m->id, &row, a->actor, err);
}

int sl_cmd_attendance(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    enum { OPT_BOARD, OPT_DATE, OPT_MEMBER, OPT_BY, N_OPTS };
    sl_opt o[N_OPTS] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--member", 1), SL_OPT("--by", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 1, 1, &n_pos);
    attend_ctx c = {o[OPT_MEMBER].value, SL_ATTEND_PRESENT, o[OPT_BY].value, cli->actor};
    if (rc == 0 && (!o[OPT_BOARD].count || !o[OPT_DATE].count || !o[OPT_MEMBER].count))
        rc = sl_cli_usage(cmd, "give --board, --date and --member");
    else if (rc == 0 && sl_attend_state_parse(pos[0], &c.state) < 0)
        rc = sl_cli_usage(cmd, "say present, apologies or substitute");
    else if (rc == 0 && c.state == SL_ATTEND_SUBSTITUTE && !c.by)
        rc = sl_cli_usage(cmd, "a substitute needs --by NAME");
    if (rc == 0)
        rc = sl_cli_meeting_write(cli, o[OPT_BOARD].value, o[OPT_DATE].value, record, &c);
    if (rc == 0)
        printf("%s: %s%s%s\n", c.member, pos[0], c.by ? " by " : "", c.by ? c.by : "");
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
