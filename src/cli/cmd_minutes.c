/* cmd_minutes.c — `sightline minutes --board B --date D --text T|--file F`
 * (a meeting's draft minutes) and `sightline minutes approve --board B
 * --date D --at NEXT` (approved by a later meeting of the board). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/file.h"
#include "import/import.h"

typedef struct {
    const char *text;           /* the draft minutes (write) */
    sl_day at;                  /* the approving meeting's day (approve) */
    const char *actor;
} minutes_ctx;

/* Records the draft minutes. */
static int write_minutes(sl_store *store, const sl_board *b, const sl_meeting *m, void *ctx, sl_error *err)
{
    (void)b;
    minutes_ctx *c = ctx;
    return sl_store_meeting_minutes(store, m->id, c->text, c->actor, err);
}

/* Approves the minutes at a later meeting of the same board. */
static int approve(sl_store *store, const sl_board *b, const sl_meeting *m, void *ctx, sl_error *err)
{
    minutes_ctx *c = ctx;
    char day[11];
    sl_day_format(c->at, day);
    if (c->at <= m->day)
        return sl_fail(err, "minutes are approved at a later meeting, not on %s", day);
    sl_meeting later = sl_meeting_empty();
    int found = sl_store_meeting_find(store, m->board_id, c->at, &later, err);
    if (found == 0)
        return sl_fail(err, "%s has no meeting on %s", b->name, day);
    int rc = found < 0 ? -1 : sl_store_meeting_approve(store, m->id, later.id, c->actor, err);
    sl_meeting_free(&later);
    return rc;
}

/* Reads the minutes from --text or --file; *owned is what the caller frees. */
static int read_text(const sl_command *cmd, const sl_opt *text, const sl_opt *file, char **owned,
                     const char **out)
{
    if (text->count == file->count)
        return sl_cli_usage(cmd, "give the minutes with --text T or --file F");
    if (text->count) {
        *out = text->value;
        return 0;
    }
    sl_error err = {0};
    size_t len = 0;
    *owned = sl_read_file(file->value, &len, &err);
    if (!*owned)
        return sl_cli_refuse(&err);
    *out = *owned;
    return 0;
}

int sl_cmd_minutes(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    enum { OPT_BOARD, OPT_DATE, OPT_TEXT, OPT_FILE, OPT_AT, N_OPTS };
    sl_opt o[N_OPTS] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--text", 1), SL_OPT("--file", 1),
                        SL_OPT("--at", 1)};
    const char *pos[1] = {0};
    int n_pos;
    char *owned = NULL;
    minutes_ctx c = {NULL, SL_NO_DAY, cli->actor};
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 0, 1, &n_pos);
    int approving = rc == 0 && n_pos == 1 && strcmp(pos[0], "approve") == 0;
    if (rc == 0 && n_pos == 1 && !approving)
        rc = sl_cli_usage(cmd, "unexpected argument '%s'", pos[0]);
    else if (rc == 0 && (!o[OPT_BOARD].count || !o[OPT_DATE].count))
        rc = sl_cli_usage(cmd, "give --board and --date");
    else if (rc == 0 && approving)
        rc = sl_cli_day("--at", o[OPT_AT].value, &c.at);
    else if (rc == 0)
        rc = read_text(cmd, &o[OPT_TEXT], &o[OPT_FILE], &owned, &c.text);
    if (rc == 0)
        rc = sl_cli_meeting_write(cli, o[OPT_BOARD].value, o[OPT_DATE].value, approving ? approve : write_minutes,
                                  &c);
    if (rc == 0)
        printf(approving ? "minutes approved\n" : "draft minutes recorded\n");
    free(owned);
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
