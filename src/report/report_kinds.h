/* report_kinds.h — the board papers sightline writes, each built once into
 * the report model (report_doc.h) from the store and the domain, then
 * rendered as HTML, Markdown or XLSX. A new kind (the board pack, the
 * independent chair's report) is one builder function and one line in the
 * sl_report_kinds table (report_kinds.c); the command line, the renderers
 * and the tests of the renderers need no change. A board pack, say:
 *
 *   int sl_report_board(sl_store *store, const sl_report_params *p, sl_report *out,
 *                       sl_error *err)
 *   {
 *       sl_report_init(out, "Board pack", p->board, p->as_of);
 *       ... agenda, attendance, actions arising: sections from the board's store ...
 *       sl_report part;
 *       int rc = sl_report_highlight(store, p, &part, err);
 *       sl_report_take_sections(out, &part);      the four questions, as they are
 *       sl_report_free(&part);
 *       return rc;
 *   }
 *
 * and {"board", "…", sl_report_board} in the table. */
#ifndef SL_REPORT_REPORT_KINDS_H
#define SL_REPORT_REPORT_KINDS_H
#include "report/report_doc.h"
#include "store/store.h"

/* What a report is asked for. */
typedef struct {
    int64_t plan_id;            /* 0: every current plan */
    const char *board;          /* --board NAME, or NULL (the running header) */
    sl_day meeting;             /* --meeting DATE, or SL_NO_DAY: the horizon of "next" */
    sl_day as_of;               /* the day the report speaks for */
    int horizon_days;           /* without a meeting: "next" looks this many days ahead (30) */
} sl_report_params;

/* Builds a report into *out (initialised here; caller frees with
 * sl_report_free, also after a failure). Returns 0, or -1 with err set. */
typedef int (*sl_report_build_fn)(sl_store *store, const sl_report_params *params,
                                  sl_report *out, sl_error *err);

typedef struct {
    const char *name;           /* "highlight" */
    const char *summary;        /* one line for help */
    sl_report_build_fn build;
} sl_report_kind;

/* The kinds, ending with a zeroed entry. */
extern const sl_report_kind sl_report_kinds[];
/* Returns the kind with this name, or NULL. */
const sl_report_kind *sl_report_kind_find(const char *name);

/* The highlight report: per theme, the four questions (SPEC.md §2). */
int sl_report_highlight(sl_store *store, const sl_report_params *params, sl_report *out,
                        sl_error *err);
/* The scrutiny committee's quarterly report: progress by recommendation and
 * what changed in the financial quarter ending at as_of. */
int sl_report_scrutiny(sl_store *store, const sl_report_params *params, sl_report *out,
                       sl_error *err);
/* The recommendation tracker: each recommendation, its actions, their
 * status, RAG and latest evidence. */
int sl_report_recommendations(sl_store *store, const sl_report_params *params, sl_report *out,
                              sl_error *err);

/* The board pack for one meeting of a board (--board, --meeting; see
 * board_pack.c): cover, agenda, the highlight report, exceptions, measures,
 * risks and heat map, savings, actions arising, the previous minutes. */
int sl_report_board(sl_store *store, const sl_report_params *params, sl_report *out,
                    sl_error *err);
/* The chair's written report, due after every Nth meeting of a board (see
 * chair_report.c); refused (SL_ERR_INVALID) after a meeting it is not due after. */
int sl_report_chair(sl_store *store, const sl_report_params *params, sl_report *out,
                    sl_error *err);

/* The highlight report's sections, as `report comment --section` names them. */
extern const char *const sl_highlight_sections[4];
/* Returns 1 when name is one of sl_highlight_sections. */
int sl_highlight_section_valid(const char *name);

#endif
