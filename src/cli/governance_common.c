/* governance_common.c — what the governance commands share: finding a board
 * and a meeting by name and day, reading a day option, finishing a write in
 * one transaction and writing output to a file or standard output. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
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

int sl_cli_finish_write(sl_store *store, int failed, sl_error *err)
{
    if (!failed && sl_store_commit(store, err) == 0)
        return SL_EXIT_OK;
    sl_store_rollback(store);
    return sl_cli_refuse(err);
}

int sl_cli_output(sl_buf *b, const char *path)
{
    if (!path)
        return sl_buf_write(b, stdout) < 0 ? SL_EXIT_REFUSED : SL_EXIT_OK;
    sl_error err = {0};
    FILE *f = fopen(path, "wb");
    if (!f) {
        sl_fail_at(&err, path, 0, "cannot write: %s", strerror(errno));
        return sl_cli_refuse(&err);
    }
    int bad = sl_buf_write(b, f) < 0;
    bad |= fclose(f) != 0;
    if (bad) {
        sl_fail_at(&err, path, 0, "cannot write: %s", strerror(errno));
        return sl_cli_refuse(&err);
    }
    return SL_EXIT_OK;
}

char **sl_cli_short_output(int argc, char **argv)
{
    char **copy = sl_calloc((size_t)(argc + 1) * sizeof *copy);
    for (int i = 0; i < argc; i++)
        copy[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
    return copy;
}

int sl_cli_meeting_write(const sl_cli *cli, const char *board, const char *date, sl_meeting_op op, void *ctx)
{
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_board b = sl_board_empty();
    sl_meeting m = sl_meeting_empty();
    sl_error err = {0};
    int rc = sl_cli_meeting(store, board, date, &b, &m);
    if (rc == 0 && sl_store_begin(store, &err) < 0)
        rc = sl_cli_refuse(&err);
    else if (rc == 0)
        rc = sl_cli_finish_write(store, op(store, &b, &m, ctx, &err) < 0, &err);
    sl_meeting_free(&m);
    sl_board_free(&b);
    sl_store_close(store);
    return rc;
}
