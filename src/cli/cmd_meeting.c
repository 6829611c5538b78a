/* cmd_meeting.c — `sightline meeting add|schedule|move|publish|show`: a
 * board's meetings, generated from its rule, moved, their papers frozen,
 * and one meeting in full (attendance, agenda with the open actions arising
 * carried forward, minutes, decisions). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/governance.h"
#include "util/mem.h"

/* What the checks read for the body. */
typedef struct {
    char time[6];               /* add: --time, "" when not given */
    sl_day day;                 /* add: --date; schedule: --from; move: --to; publish: --as-of */
    int count;                  /* schedule: --count */
} meeting_ctx;

/* Adds one meeting of board_id on day inside the open transaction. */
static int add_one(sl_run *run, int64_t board_id, sl_day day, const char *time, const char *venue)
{
    sl_meeting m = sl_meeting_empty();
    m.day = day;
    if (time)
        memcpy(m.time, time, sizeof m.time);
    m.venue = (char *)(venue ? venue : "");
    return sl_store_meeting_add(run->store, board_id, &m, run->cli->actor, NULL, &run->err);
}

/* `meeting add --board B --date D [--time HH:MM] [--venue V]`. */
static int meeting_add(sl_run *run)
{
    meeting_ctx *c = run->ctx;
    const char *board = sl_run_opt(run, "--board")->value;
    int64_t board_id = 0;
    int rc = sl_cli_board(run->store, board, NULL, &board_id);
    if (rc)
        return rc;
    if (sl_run_begin(run) < 0 ||
        sl_run_end(run, add_one(run, board_id, c->day, c->time, sl_run_opt(run, "--venue")->value) < 0) < 0)
        return -1;
    sl_buf_printf(&run->out, "added a meeting of %s on %s\n", board, sl_run_opt(run, "--date")->value);
    return 0;
}

/* Returns 1 when days (n of them) holds day. */
static int has_day(const sl_meeting *list, int n, sl_day day)
{
    for (int i = 0; i < n; i++)
        if (list[i].day == day)
            return 1;
    return 0;
}

/* Adds c->count meetings from c->day on the board's rule, skipping days it
 * already meets; says each. Returns 0 or -1 with run->err set. */
static int schedule_days(sl_run *run, int64_t board_id, const sl_board *b)
{
    const meeting_ctx *c = run->ctx;
    sl_meeting *existing = NULL;
    int n = sl_store_meetings(run->store, board_id, &existing, &run->err);
    if (n < 0)
        return -1;
    sl_day after = c->day - 1;
    int rc = 0;
    for (int i = 0; rc == 0 && i < c->count; i++) {
        sl_day day = sl_schedule_next(&b->rules.meets, c->day, after);
        if (day == SL_NO_DAY) {
            rc = sl_fail(&run->err, "%s has no meeting rule: set one with `board set --meets`", b->name);
            break;
        }
        char text[11];
        sl_day_format(day, text);
        if (!has_day(existing, n, day))
            rc = add_one(run, board_id, day, NULL, NULL);
        if (rc == 0)
            sl_buf_printf(&run->out, "%s %s\n", text, has_day(existing, n, day) ? "(already scheduled)" : "");
        after = day;
    }
    sl_meetings_free(existing, (size_t)n);
    return rc;
}

/* `meeting schedule --board B --from D --count N`. */
static int meeting_schedule(sl_run *run)
{
    sl_board b = sl_board_empty();
    int64_t board_id = 0;
    int rc = sl_cli_board(run->store, sl_run_opt(run, "--board")->value, &b, &board_id);
    if (rc == 0)
        rc = sl_run_begin(run) < 0 ? -1 : sl_run_end(run, schedule_days(run, board_id, &b) < 0);
    sl_board_free(&b);
    return rc;
}

/* Moves the meeting to c->day or publishes its papers as of it (the meeting op). */
static int move_or_publish(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    (void)b;
    const meeting_ctx *c = run->ctx;
    if (strcmp(run->pos[0], "publish") == 0)
        return sl_store_meeting_publish(run->store, m->id, c->day, run->cli->actor, &run->err);
    return sl_store_meeting_move(run->store, m->id, c->day, run->cli->actor, &run->err);
}

/* `meeting move --date OLD --to NEW` and `meeting publish --date D [--as-of DAY]`. */
static int meeting_change(sl_run *run)
{
    int rc = sl_run_meeting_write(run, move_or_publish);
    if (rc == 0)
        sl_buf_printf(&run->out,
                      strcmp(run->pos[0], "publish") == 0 ? "published the papers of %s on %s\n"
                                                          : "moved the meeting of %s on %s\n",
                      sl_run_opt(run, "--board")->value, sl_run_opt(run, "--date")->value);
    return rc;
}

/* Checks `meeting add`'s --time and --date; returns 0 or an exit status after saying why. */
static int check_add(sl_run *run)
{
    meeting_ctx *c = run->ctx;
    const sl_opt *time = sl_run_opt(run, "--time");
    if (time->count && sl_meeting_time_parse(time->value, c->time) < 0)
        return sl_cli_usage(run->cmd, "--time takes HH:MM (00:00 to 23:59)");
    return sl_cli_day("--date", sl_run_opt(run, "--date")->value, &c->day);
}

/* Checks `meeting schedule`'s --count and --from; returns 0 or an exit status after saying why. */
static int check_schedule(sl_run *run)
{
    meeting_ctx *c = run->ctx;
    const sl_opt *count = sl_run_opt(run, "--count");
    char *end = NULL;
    long n = count->count ? strtol(count->value, &end, 10) : 0;
    if (!count->count || *end || n < 1 || n > 120)
        return sl_cli_usage(run->cmd, "--count takes a number of meetings, 1 to 120");
    c->count = (int)n;
    return sl_cli_day("--from", sl_run_opt(run, "--from")->value, &c->day);
}

/* Checks `meeting move`'s --to; returns 0 or an exit status after saying why. */
static int check_move(sl_run *run)
{
    meeting_ctx *c = run->ctx;
    return sl_cli_day("--to", sl_run_opt(run, "--to")->value, &c->day);
}

/* Reads `meeting publish`'s --as-of (default today); returns 0 or SL_EXIT_USAGE. */
static int check_publish(sl_run *run)
{
    meeting_ctx *c = run->ctx;
    return sl_cli_as_of(run->cmd, sl_run_opt(run, "--as-of"), &c->day);
}

/* Checks --board and --date before the subcommand is looked for; returns 0 or SL_EXIT_USAGE. */
static int check_meeting(sl_run *run)
{
    if (!sl_run_flag(run, "--board"))
        return sl_cli_usage(run->cmd, "name the board with --board NAME");
    if (strcmp(run->pos[0], "schedule") != 0 && !sl_run_flag(run, "--date"))
        return sl_cli_usage(run->cmd, "name the meeting with --date YYYY-MM-DD");
    return 0;
}

int sl_cmd_meeting(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--time", 1),
                     SL_OPT("--venue", 1), SL_OPT("--from", 1), SL_OPT("--count", 1),
                     SL_OPT("--to", 1),    SL_OPT("--json", 0), SL_OPT("--as-of", 1)};
    static const sl_run_sub subs[] = {{"add", 1, check_add, meeting_add},
                                      {"schedule", 1, check_schedule, meeting_schedule},
                                      {"move", 1, check_move, meeting_change},
                                      {"publish", 1, check_publish, meeting_change},
                                      {"show", 1, NULL, sl_run_meeting_show},
                                      {0}};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .own_as_of_plan = 1,
                                     .check = check_meeting, .subs = subs,
                                     .sub_usage = "try: meeting add|schedule|move|publish|show --board NAME …"};
    meeting_ctx c = {"", SL_NO_DAY, 0};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &c);
}
