/* board_papers.h — what the board's papers (the board pack, the chair's
 * written report) share: which board and which of its meetings a report is
 * for, read from --board and --meeting (report_kinds.h sl_report_params),
 * with the board's meetings in day order, and small formatting helpers.
 * Shared by the board report kinds only. */
#ifndef SL_REPORT_BOARD_PAPERS_H
#define SL_REPORT_BOARD_PAPERS_H
#include "report/report_kinds.h"

/* A board and one of its meetings. */
typedef struct {
    sl_board board;
    int64_t board_id;
    sl_meeting *meetings;       /* every meeting of the board, by day (no detail) */
    size_t n_meetings;
    size_t at;                  /* the index of the meeting the report is for */
    sl_meeting meeting;         /* that meeting with attendance, agenda and decisions */
} sl_board_papers;

/* Which meeting to take when --meeting is not given. */
typedef enum {
    SL_PAPERS_NEXT = 0,         /* the first meeting on or after the as-of day (a pack) */
    SL_PAPERS_LAST              /* the last meeting on or before the as-of day (a report back) */
} sl_papers_default;

/* Finds the board (p->board; else the one board meeting on p->meeting; else
 * the only board) and its meeting (p->meeting, else as dflt says) and loads
 * them into *out (caller frees with sl_board_papers_free, also after a
 * failure). Returns 0, or -1 with err set: SL_ERR_NOT_FOUND for an unknown
 * board or a day with no meeting, SL_ERR_INVALID when the board is ambiguous. */
int sl_board_papers_load(sl_store *store, const sl_report_params *p, sl_papers_default dflt,
                         sl_board_papers *out, sl_error *err);
/* Frees what sl_board_papers_load loaded. */
void sl_board_papers_free(sl_board_papers *bp);

/* Appends a day as "Tuesday 5 September 2017" ("no date" for SL_NO_DAY). */
void sl_papers_long_day(sl_buf *out, sl_day day);
/* Returns 1 while an action arising is open (neither done nor closed). */
int sl_papers_arising_open(const sl_arising *a);
/* Returns the RAG of an action arising as of a day: blue once closed, red
 * when open past its due day, green otherwise. */
sl_rag sl_papers_arising_rag(const sl_arising *a, sl_day as_of);

#endif
