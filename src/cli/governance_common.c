/* governance_common.c — what the governance commands share: finding a board
 * and a meeting by name and day, reading a day option, changing a meeting
 * in one transaction, pieces of listings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/governance.h"
#include "util/mem.h"

int sl_cli_board(sl_store *store, const char *name, sl_board *out, int64_t *id)
{
    sl_error err = {0};
    int found = sl_store_board_find(store, name, out, id, &err);
    if (found == 0)
        sl_fail(&err, "no board named '%s' (see `sightline boards`)", name);
    return found == 1 ? 0 : sl_cli_refuse(&err);
}

int sl_cli_day(const char *option, const char *text, sl_day *out)
{
    if (text && sl_day_parse_iso(text, out) == 0)
        return 0;
    sl_error err = {0};
    sl_fail(&err, "%s '%s' is not a real day written YYYY-MM-DD", option, text ? text : "");
    return sl_cli_refuse(&err);
}

int sl_cli_meeting(sl_store *store, const char *board, const char *date, sl_board *b, sl_meeting *out)
{
    int64_t board_id = 0;
    sl_day day;
    int rc = sl_cli_day("--date", date, &day);
    if (rc == 0)
        rc = sl_cli_board(store, board, b, &board_id);
    if (rc)
        return rc;
    sl_error err = {0};
    int found = sl_store_meeting_find(store, board_id, day, out, &err);
    if (found == 0)
        sl_fail(&err, "%s has no meeting on %s (see `sightline meeting add`)", board, date);
    if (found == 1)
        return 0;
    sl_board_free(b);
    return sl_cli_refuse(&err);
}

char **sl_cli_short_output(int argc, char **argv)
{
    char **copy = sl_calloc((size_t)(argc + 1) * sizeof *copy);
    for (int i = 0; i < argc; i++)
        copy[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
    return copy;
}

/* Finds the meeting --board and --date name and runs op on it, in one
 * transaction when write; returns 0, -1 with run->err set, or
 * SL_EXIT_REFUSED after saying why. */
static int with_meeting(sl_run *run, sl_meeting_op op, int write)
{
    sl_board b = sl_board_empty();
    sl_meeting m = sl_meeting_empty();
    int rc = sl_cli_meeting(run->store, sl_run_opt(run, "--board")->value, sl_run_opt(run, "--date")->value, &b, &m);
    if (rc)
        return rc;
    if (!write)
        rc = op(run, &b, &m);
    else
        rc = sl_run_begin(run) < 0 ? -1 : sl_run_end(run, op(run, &b, &m) < 0);
    sl_meeting_free(&m);
    sl_board_free(&b);
    return rc;
}

int sl_run_meeting_read(sl_run *run, sl_meeting_op op)
{
    return with_meeting(run, op, 0);
}

int sl_run_meeting_write(sl_run *run, sl_meeting_op op)
{
    return with_meeting(run, op, 1);
}

int sl_run_history_open(sl_run *run, int n)
{
    if (n <= 0)
        return -1;
    int json = sl_run_flag(run, "--json");
    sl_run_list_open(run, json);
    return json;
}

void sl_cli_history_json_head(sl_buf *b, int i, const char *recorded_at, const char *author)
{
    sl_buf_puts(b, i ? ",\n{\"recorded_at\":" : "\n{\"recorded_at\":");
    sl_buf_json_str(b, recorded_at);
    sl_buf_puts(b, ",\"author\":");
    sl_buf_json_str(b, author);
}

int sl_cli_record_number(const sl_command *cmd, const char *text, long long *id, const char *usage)
{
    char *end = NULL;
    *id = text ? strtoll(text, &end, 10) : 0;
    if (!text || *end || *id <= 0)
        return sl_cli_usage(cmd, "%s", usage);
    return 0;
}
