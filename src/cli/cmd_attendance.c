/* cmd_attendance.c — `sightline attendance --board B --date D --member M
 * present|apologies|substitute [--by NAME]`: who came to a meeting. A
 * substitute must be the member's named substitute or another member. */
#include <stdio.h>
#include <string.h>

#include "cli/governance.h"

typedef struct {
    const char *member;
    sl_attend_state state;
    const char *by;
} attend_ctx;

/* Records the attendance (run->ctx) after checking the member and the substitute. */
static int record(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    attend_ctx *a = run->ctx;
    sl_error *err = &run->err;
    int who = sl_board_find_member(b, a->member);
    if (who < 0)
        return sl_fail(err, "%s has no member '%s' (see `sightline boards`)", b->name, a->member);
    if (a->state == SL_ATTEND_SUBSTITUTE && !sl_board_substitute_allowed(b, (size_t)who, a->by))
        return sl_fail(err, "'%s' may not attend for %s: not their named substitute (%s) nor a member of %s",
                       a->by, a->member, b->members[who].substitute ? b->members[who].substitute : "none named",
                       b->name);
    sl_attendance row = {(char *)sl_board_member_label(b, (size_t)who), a->state,
                         a->state == SL_ATTEND_SUBSTITUTE ? (char *)a->by : NULL};
    return sl_store_attendance_set(run->store, m->id, &row, run->cli->actor, err);
}

/* Reads the options and the state into run->ctx; returns 0 or SL_EXIT_USAGE. */
static int check_attendance(sl_run *run)
{
    attend_ctx *c = run->ctx;
    c->member = sl_run_opt(run, "--member")->value;
    c->by = sl_run_opt(run, "--by")->value;
    if (!sl_run_flag(run, "--board") || !sl_run_flag(run, "--date") || !c->member)
        return sl_cli_usage(run->cmd, "give --board, --date and --member");
    if (sl_attend_state_parse(run->pos[0], &c->state) < 0)
        return sl_cli_usage(run->cmd, "say present, apologies or substitute");
    if (c->state == SL_ATTEND_SUBSTITUTE && !c->by)
        return sl_cli_usage(run->cmd, "a substitute needs --by NAME");
    return 0;
}

/* Records the attendance in one transaction and says what was recorded. */
static int attendance_body(sl_run *run)
{
    attend_ctx *c = run->ctx;
    int rc = sl_run_meeting_write(run, record);
    if (rc == 0)
        sl_buf_printf(&run->out, "%s: %s%s%s\n", c->member, run->pos[0], c->by ? " by " : "", c->by ? c->by : "");
    return rc;
}

int sl_cmd_attendance(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--member", 1), SL_OPT("--by", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE,
                                     .check = check_attendance, .body = attendance_body};
    attend_ctx c = {NULL, SL_ATTEND_PRESENT, NULL};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &c);
}
