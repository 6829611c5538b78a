/* board_papers.c — the board and meeting a board paper is for (see
 * board_papers.h). */
#include "report/board_papers.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* Writes a day as YYYY-MM-DD into out ("" for SL_NO_DAY). */
static void iso(sl_day day, char out[11])
{
    if (day == SL_NO_DAY)
        out[0] = '\0';
    else
        sl_day_format(day, out);
}

/* Finds the one board meeting on day into *name (caller frees). Returns 0,
 * or -1: no board meets that day, or more than one does. */
static int board_meeting_on(sl_store *store, sl_day day, char **name, sl_error *err)
{
    sl_meeting *all = NULL;
    int n = sl_store_meetings(store, 0, &all, err);
    if (n < 0)
        return -1;
    int found = 0;
    for (int i = 0; i < n; i++)
        if (all[i].day == day && found++ == 0)
            *name = sl_strdup(all[i].board);
    sl_meetings_free(all, (size_t)n);
    char d[11];
    iso(day, d);
    if (found == 0)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no board meets on %s (see `sightline "
                            "calendar`)", d);
    if (found > 1) {
        free(*name);
        *name = NULL;
        return sl_fail_code(err, SL_ERR_INVALID, "%d boards meet on %s: name one with --board",
                            found, d);
    }
    return 0;
}

/* Finds the only board into *name (caller frees); returns 0, or -1 when there
 * is none or more than one. */
static int only_board(sl_store *store, char **name, sl_error *err)
{
    sl_board *boards = NULL;
    int n = sl_store_boards(store, &boards, NULL, err);
    if (n < 0)
        return -1;
    if (n == 1)
        *name = sl_strdup(boards[0].name);
    for (int i = 0; i < n; i++)
        sl_board_free(&boards[i]);
    free(boards);
    if (n == 0)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "there is no board yet (see `sightline "
                            "board add`)");
    if (n > 1)
        return sl_fail_code(err, SL_ERR_INVALID, "there are %d boards: name one with --board, "
                            "or give --meeting DATE", n);
    return 0;
}

/* Sets bp->at to the meeting asked for; returns 0, or -1 when there is none. */
static int pick_meeting(sl_board_papers *bp, const sl_report_params *p, sl_papers_default dflt,
                        sl_error *err)
{
    char d[11];
    if (p->meeting != SL_NO_DAY) {
        for (bp->at = 0; bp->at < bp->n_meetings; bp->at++)
            if (bp->meetings[bp->at].day == p->meeting)
                return 0;
        iso(p->meeting, d);
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "%s has no meeting on %s (see `sightline "
                            "calendar --board`)", bp->board.name, d);
    }
    size_t found = bp->n_meetings;
    for (size_t i = 0; i < bp->n_meetings; i++) {
        sl_day day = bp->meetings[i].day;
        if (dflt == SL_PAPERS_NEXT && day >= p->as_of) {
            found = i;
            break;
        }
        if (dflt == SL_PAPERS_LAST && day <= p->as_of)
            found = i;
    }
    bp->at = found;
    if (found < bp->n_meetings)
        return 0;
    iso(p->as_of, d);
    return sl_fail_code(err, SL_ERR_NOT_FOUND, "%s has no meeting %s %s: give --meeting DATE",
                        bp->board.name, dflt == SL_PAPERS_NEXT ? "on or after" : "on or before",
                        d);
}

int sl_board_papers_load(sl_store *store, const sl_report_params *p, sl_papers_default dflt,
                         sl_board_papers *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    out->board = sl_board_empty();
    out->meeting = sl_meeting_empty();
    char *name = NULL;
    int rc = 0;
    if (p->board)
        name = sl_strdup(p->board);
    else if (p->meeting != SL_NO_DAY)
        rc = board_meeting_on(store, p->meeting, &name, err);
    else
        rc = only_board(store, &name, err);
    if (rc == 0) {
        int found = sl_store_board_find(store, name, &out->board, &out->board_id, err);
        if (found == 0)
            sl_fail_code(err, SL_ERR_NOT_FOUND, "there is no board named '%s' (see `sightline "
                         "boards`)", name);
        rc = found == 1 ? 0 : -1;
    }
    free(name);
    int n = rc == 0 ? sl_store_meetings(store, out->board_id, &out->meetings, err) : 0;
    if (n < 0)
        return -1;
    out->n_meetings = (size_t)n;
    if (rc == 0)
        rc = pick_meeting(out, p, dflt, err);
    if (rc == 0) {
        int found = sl_store_meeting_find(store, out->board_id, out->meetings[out->at].day,
                                          &out->meeting, err);
        rc = found == 1 ? 0 : found == 0 ? sl_fail(err, "the meeting has gone") : -1;
    }
    return rc;
}

void sl_board_papers_free(sl_board_papers *bp)
{
    sl_board_free(&bp->board);
    sl_meetings_free(bp->meetings, bp->n_meetings);
    sl_meeting_free(&bp->meeting);
    memset(bp, 0, sizeof *bp);
}

void sl_papers_long_day(sl_buf *out, sl_day day)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November",
                                         "December"};
    static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
    if (day == SL_NO_DAY) {
        sl_buf_puts(out, "no date");
        return;
    }
    int y, m, d;
    sl_day_to_ymd(day, &y, &m, &d);
    sl_buf_printf(out, "%s %d %s %d", weekdays[(sl_day_weekday(day) - 1 + 7) % 7], d,
                  months[(m - 1) % 12], y);
}

int sl_papers_arising_open(const sl_arising *a)
{
    return !sl_status_is_done(a->status) && !sl_status_is_closed(a->status);
}

sl_rag sl_papers_arising_rag(const sl_arising *a, sl_day as_of)
{
    if (!sl_papers_arising_open(a))
        return SL_RAG_BLUE;
    if (a->due != SL_NO_DAY && a->due < as_of)
        return SL_RAG_RED;
    return SL_RAG_GREEN;
}
