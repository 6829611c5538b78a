/* cmd_minutes.c — `sightline minutes --board B --date D --text T|--file F`
 * (a meeting's draft minutes) and `sightline minutes approve --board B
 * --date D --at NEXT` (approved by a later meeting of the board). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/governance.h"
#include "util/file.h"
#include "import/import.h"

typedef struct {
    int approving;              /* `minutes approve` */
    const char *text;           /* the draft minutes (write) */
    char *owned;                /* the text read from --file (freed by sl_cmd_minutes) */
    sl_day at;                  /* the approving meeting's day (approve) */
} minutes_ctx;

/* Records the draft minutes. */
static int write_minutes(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    (void)b;
    minutes_ctx *c = run->ctx;
    return sl_store_meeting_minutes(run->store, m->id, c->text, run->cli->actor, &run->err);
}

/* Approves the minutes at a later meeting of the same board. */
static int approve(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    minutes_ctx *c = run->ctx;
    sl_error *err = &run->err;
    char day[11];
    sl_day_format(c->at, day);
    if (c->at <= m->day)
        return sl_fail(err, "minutes are approved at a later meeting, not on %s", day);
    sl_meeting later = sl_meeting_empty();
    int found = sl_store_meeting_find(run->store, m->board_id, c->at, &later, err);
    if (found == 0)
        return sl_fail(err, "%s has no meeting on %s", b->name, day);
    int rc = found < 0 ? -1 : sl_store_meeting_approve(run->store, m->id, later.id, run->cli->actor, err);
    sl_meeting_free(&later);
    return rc;
}

/* Reads the minutes from --text or --file into c; returns 0 or an exit status after saying why. */
static int read_text(sl_run *run, minutes_ctx *c)
{
    const sl_opt *text = sl_run_opt(run, "--text"), *file = sl_run_opt(run, "--file");
    if (text->count == file->count)
        return sl_cli_usage(run->cmd, "give the minutes with --text T or --file F");
    if (text->count) {
        c->text = text->value;
        return 0;
    }
    size_t len = 0;
    c->owned = sl_read_file(file->value, &len, &run->err);
    if (!c->owned)
        return sl_cli_refuse(&run->err);
    c->text = c->owned;
    return 0;
}

/* Checks the arguments and reads --at or the minutes' text before the store
 * is opened; returns 0 or an exit status after saying why. */
static int check_minutes(sl_run *run)
{
    minutes_ctx *c = run->ctx;
    c->approving = run->n_pos == 1 && strcmp(run->pos[0], "approve") == 0;
    if (run->n_pos == 1 && !c->approving)
        return sl_cli_usage(run->cmd, "unexpected argument '%s'", run->pos[0]);
    if (!sl_run_flag(run, "--board") || !sl_run_flag(run, "--date"))
        return sl_cli_usage(run->cmd, "give --board and --date");
    if (c->approving)
        return sl_cli_day("--at", sl_run_opt(run, "--at")->value, &c->at);
    return read_text(run, c);
}

/* Records or approves the minutes in one transaction. */
static int minutes_body(sl_run *run)
{
    minutes_ctx *c = run->ctx;
    int rc = sl_run_meeting_write(run, c->approving ? approve : write_minutes);
    if (rc == 0)
        sl_buf_puts(&run->out, c->approving ? "minutes approved\n" : "draft minutes recorded\n");
    return rc;
}

int sl_cmd_minutes(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--text", 1), SL_OPT("--file", 1),
                     SL_OPT("--at", 1)};
    static const sl_run_spec spec = {.max_pos = 1, .store = SL_RUN_STORE, .check = check_minutes,
                                     .body = minutes_body};
    minutes_ctx c = {0, NULL, NULL, SL_NO_DAY};
    int rc = SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &c);
    free(c.owned);
    return rc;
}
