/* governance.h — what the governance commands share that works on a run of
 * the command runner (run.h): finding the meeting --board and --date name,
 * changing it in one transaction, and the pieces of their listings. */
#ifndef SL_CLI_GOVERNANCE_H
#define SL_CLI_GOVERNANCE_H
#include "cli/run.h"

/* A change to one meeting, run inside a transaction (the command's state is
 * run->ctx): returns 0, or -1 with run->err set. */
typedef int (*sl_meeting_op)(sl_run *run, const sl_board *board, const sl_meeting *meeting);
/* Finds the meeting --board and --date name and runs op on it (which only
 * reads); returns 0, -1 with run->err set, or SL_EXIT_REFUSED after saying why. */
int sl_run_meeting_read(sl_run *run, sl_meeting_op op);
/* Finds the meeting --board and --date name and runs op on it in one
 * transaction (rolled back when op fails); returns 0, -1 with run->err set,
 * or SL_EXIT_REFUSED after saying why. */
int sl_run_meeting_write(sl_run *run, sl_meeting_op op);
/* Opens in run->out the listing of one record's history of n entries, as
 * the store returned them (n < 0: it failed; 0: no such record; run->err
 * says which). Returns 1 for a JSON listing (--json), 0 for text, or -1
 * when n <= 0. Close it with sl_run_list_close. */
int sl_run_history_open(sl_run *run, int n);
/* Appends before item i of a JSON history listing its separator and the
 * object's first keys: {"recorded_at":…,"author":… (the caller closes it). */
void sl_cli_history_json_head(sl_buf *b, int i, const char *recorded_at, const char *author);
/* Reads a positive record number (an action arising's, a token's) from text
 * into *id; returns 0, or SL_EXIT_USAGE after printing why (usage). */
int sl_cli_record_number(const sl_command *cmd, const char *text, long long *id, const char *usage);
/* `meeting show`: appends the meeting --board and --date name in full (text,
 * or JSON with --json) to run->out (cmd_meeting_show.c); returns 0, -1 with
 * run->err set, or SL_EXIT_REFUSED after saying why. */
int sl_run_meeting_show(sl_run *run);
/* Appends one action arising as a JSON object (cmd_meeting_show.c). */
void sl_cli_arising_json(sl_buf *b, const sl_arising *a);
/* Runs `calendar token add|list|revoke` (cmd_calendar_token.c) in a run
 * whose first arguments are "token" and the subcommand; returns 0, -1 with
 * run->err set, or an exit status after saying why. */
int sl_run_calendar_token(sl_run *run);
/* Checks `calendar token …`'s subcommand and options before the store is
 * opened; returns 0 or SL_EXIT_USAGE after saying why. */
int sl_run_calendar_token_check(sl_run *run);

#endif
