/* cmd_meeting.c — `sightline meeting add|schedule|move|publish|show`: a
 * board's meetings, generated from its rule, moved, their papers frozen,
 * and one meeting in full (attendance, agenda with the open actions arising
 * carried forward, minutes, decisions). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/mem.h"

enum { OPT_BOARD, OPT_DATE, OPT_TIME, OPT_VENUE, OPT_FROM, OPT_COUNT, OPT_TO, OPT_JSON, OPT_AS_OF, N_OPTS };

/* Adds one meeting of board_id on day inside the open transaction. */
static int add_one(const sl_cli *cli, sl_store *store, int64_t board_id, sl_day day, const char *time,
                   const char *venue, sl_error *err)
{
    sl_meeting m = sl_meeting_empty();
    m.day = day;
    if (time)
        memcpy(m.time, time, sizeof m.time);
    m.venue = (char *)(venue ? venue : "");
    return sl_store_meeting_add(store, board_id, &m, cli->actor, NULL, err);
}

/* `meeting add --board B --date D [--time HH:MM] [--venue V]`. */
static int meeting_add(const sl_cli *cli, const sl_command *cmd, sl_opt *o)
{
    char time[6] = "";
    sl_day day;
    if (o[OPT_TIME].count && sl_meeting_time_parse(o[OPT_TIME].value, time) < 0)
        return sl_cli_usage(cmd, "--time takes HH:MM (00:00 to 23:59)");
    int rc = sl_cli_day("--date", o[OPT_DATE].value, &day);
    sl_store *store = rc ? NULL : sl_cli_open_store(cli, 0);
    if (rc || !store)
        return rc ? rc : SL_EXIT_REFUSED;
    int64_t board_id = 0;
    sl_error err = {0};
    rc = sl_cli_board(store, o[OPT_BOARD].value, NULL, &board_id);
    if (rc == 0 && sl_store_begin(store, &err) < 0)
        rc = sl_cli_refuse(&err);
    else if (rc == 0)
        rc = sl_cli_finish_write(store, add_one(cli, store, board_id, day, time, o[OPT_VENUE].value, &err) < 0,
                                 &err);
    if (rc == 0)
        printf("added a meeting of %s on %s\n", o[OPT_BOARD].value, o[OPT_DATE].value);
    sl_store_close(store);
    return rc;
}

/* Returns 1 when days (n of them) holds day. */
static int has_day(const sl_meeting *list, int n, sl_day day)
{
    for (int i = 0; i < n; i++)
        if (list[i].day == day)
            return 1;
    return 0;
}

/* Adds count meetings from `from` on the board's rule, skipping days it
 * already meets; prints each. Returns 0 or -1 with err set. */
static int schedule_days(const sl_cli *cli, sl_store *store, int64_t board_id, const sl_board *b, sl_day from,
                         int count, sl_error *err)
{
    sl_meeting *existing = NULL;
    int n = sl_store_meetings(store, board_id, &existing, err);
    if (n < 0)
        return -1;
    sl_day after = from - 1;
    int rc = 0;
    for (int i = 0; rc == 0 && i < count; i++) {
        sl_day day = sl_schedule_next(&b->rules.meets, from, after);
        if (day == SL_NO_DAY) {
            rc = sl_fail(err, "%s has no meeting rule: set one with `board set --meets`", b->name);
            break;
        }
        char text[11];
        sl_day_format(day, text);
        if (!has_day(existing, n, day))
            rc = add_one(cli, store, board_id, day, NULL, NULL, err);
        if (rc == 0)
            printf("%s %s\n", text, has_day(existing, n, day) ? "(already scheduled)" : "");
        after = day;
    }
    sl_meetings_free(existing, (size_t)n);
    return rc;
}

/* `meeting schedule --board B --from D --count N`. */
static int meeting_schedule(const sl_cli *cli, const sl_command *cmd, sl_opt *o)
{
    char *end = NULL;
    long count = o[OPT_COUNT].count ? strtol(o[OPT_COUNT].value, &end, 10) : 0;
    if (!o[OPT_COUNT].count || *end || count < 1 || count > 120)
        return sl_cli_usage(cmd, "--count takes a number of meetings, 1 to 120");
    sl_day from;
    int rc = sl_cli_day("--from", o[OPT_FROM].value, &from);
    sl_store *store = rc ? NULL : sl_cli_open_store(cli, 0);
    if (rc || !store)
        return rc ? rc : SL_EXIT_REFUSED;
    sl_board b = sl_board_empty();
    int64_t board_id = 0;
    sl_error err = {0};
    rc = sl_cli_board(store, o[OPT_BOARD].value, &b, &board_id);
    if (rc == 0 && sl_store_begin(store, &err) < 0)
        rc = sl_cli_refuse(&err);
    else if (rc == 0)
        rc = sl_cli_finish_write(store, schedule_days(cli, store, board_id, &b, from, (int)count, &err) < 0,
                                 &err);
    sl_board_free(&b);
    sl_store_close(store);
    return rc;
}

/* `meeting move --date OLD --to NEW` and `meeting publish --date D [--as-of DAY]`. */
static int meeting_change(const sl_cli *cli, const sl_command *cmd, sl_opt *o, int publish)
{
    sl_day to = SL_NO_DAY;
    int rc = publish ? sl_cli_as_of(cmd, &o[OPT_AS_OF], &to) : sl_cli_day("--to", o[OPT_TO].value, &to);
    sl_store *store = rc ? NULL : sl_cli_open_store(cli, 0);
    if (rc || !store)
        return rc ? rc : SL_EXIT_REFUSED;
    sl_board b = sl_board_empty();
    sl_meeting m = sl_meeting_empty();
    sl_error err = {0};
    rc = sl_cli_meeting(store, o[OPT_BOARD].value, o[OPT_DATE].value, &b, &m);
    if (rc == 0 && sl_store_begin(store, &err) < 0)
        rc = sl_cli_refuse(&err);
    else if (rc == 0) {
        int failed = publish ? sl_store_meeting_publish(store, m.id, to, cli->actor, &err) < 0
                             : sl_store_meeting_move(store, m.id, to, cli->actor, &err) < 0;
        rc = sl_cli_finish_write(store, failed, &err);
    }
    if (rc == 0)
        printf(publish ? "published the papers of %s on %s\n" : "moved the meeting of %s on %s\n",
               o[OPT_BOARD].value, o[OPT_DATE].value);
    sl_meeting_free(&m);
    sl_board_free(&b);
    sl_store_close(store);
    return rc;
}

int sl_cmd_meeting(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--board", 1), SL_OPT("--date", 1),  SL_OPT("--time", 1),
                        SL_OPT("--venue", 1), SL_OPT("--from", 1),  SL_OPT("--count", 1),
                        SL_OPT("--to", 1),    SL_OPT("--json", 0),  SL_OPT("--as-of", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 1, 1, &n_pos);
    const char *sub = rc == 0 ? pos[0] : "";
    if (rc == 0 && !o[OPT_BOARD].count)
        rc = sl_cli_usage(cmd, "name the board with --board NAME");
    else if (rc == 0 && strcmp(sub, "schedule") != 0 && !o[OPT_DATE].count)
        rc = sl_cli_usage(cmd, "name the meeting with --date YYYY-MM-DD");
    if (rc == 0) {
        if (strcmp(sub, "add") == 0)
            rc = meeting_add(cli, cmd, o);
        else if (strcmp(sub, "schedule") == 0)
            rc = meeting_schedule(cli, cmd, o);
        else if (strcmp(sub, "move") == 0 || strcmp(sub, "publish") == 0)
            rc = meeting_change(cli, cmd, o, strcmp(sub, "publish") == 0);
        else if (strcmp(sub, "show") == 0)
            rc = sl_cli_meeting_show(cli, o[OPT_BOARD].value, o[OPT_DATE].value, o[OPT_JSON].count > 0);
        else
            rc = sl_cli_usage(cmd, "try: meeting add|schedule|move|publish|show --board NAME …");
    }
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
