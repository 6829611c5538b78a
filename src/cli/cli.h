/* cli.h — what every command of the command line shares: the command table
 * (one entry per command, giving its name, synopsis and help, so that --help
 * and the dispatcher cannot drift apart), option parsing and exit codes. */
#ifndef SL_CLI_CLI_H
#define SL_CLI_CLI_H
#include <stdio.h>

#include "domain/date.h"
#include "store/store.h"
#include "util/buf.h"

enum { SL_EXIT_OK = 0, SL_EXIT_REFUSED = 1, SL_EXIT_USAGE = 2 };

/* The global settings every command receives. */
typedef struct {
    const char *db_path;        /* --db, $SIGHTLINE_DB, or ./sightline.db */
    const char *actor;          /* who is making changes: $SIGHTLINE_USER, $USER, or "cli" */
    const char *as_login;       /* --as LOGIN: act as that account (its authorities only); NULL: the operator */
} sl_cli;

typedef struct sl_command {
    const char *name;
    const char *synopsis;       /* "FILE [--authority NAME] …" */
    const char *summary;        /* one line for the command list */
    const char *help;           /* the options, one per line, for --help */
    int (*run)(const sl_cli *cli, const struct sl_command *cmd, int argc, char **argv);
} sl_command;

/* One option a command accepts. */
typedef struct {
    const char *name;           /* "--plan" */
    int takes_value;
    const char *value;          /* the last value given */
    const char **values;        /* every value given (repeatable options); owned by the parser */
    int count;                  /* how many times it was given */
} sl_opt;

/* An option entry: SL_OPT("--plan", 1) takes a value, SL_OPT("--json", 0) is a flag. */
#define SL_OPT(name, takes_value) {(name), (takes_value), NULL, NULL, 0}

/* Parses argv[1..] against opts, collecting positional arguments into pos
 * (at most max_pos). Returns 0; SL_EXIT_USAGE after printing why; or -1 when
 * --help was asked for and printed (the command then exits 0). Free with
 * sl_cli_free_opts. */
int sl_cli_parse(const sl_command *cmd, int argc, char **argv, sl_opt *opts, int n_opts,
                 const char **pos, int min_pos, int max_pos, int *n_pos);
/* Frees the value lists the parser allocated. */
void sl_cli_free_opts(sl_opt *opts, int n_opts);
/* Prints a usage error for a command and returns SL_EXIT_USAGE. */
int sl_cli_usage(const sl_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints an error value and returns SL_EXIT_REFUSED. */
int sl_cli_refuse(const sl_error *err);
/* Opens the store (must exist unless create); prints and returns NULL on failure. */
sl_store *sl_cli_open_store(const sl_cli *cli, int create);
/* With --as LOGIN (cli->as_login), checks that the account's highest role
 * may run command with its first argument sub (may be NULL): returns 0, or
 * SL_EXIT_REFUSED after saying why (also for an unknown login). Without
 * --as, 0: the operator may run everything (as_user.c). */
int sl_cli_as_allowed(const sl_cli *cli, const char *command, const char *sub);
/* Reads --as-of (YYYY-MM-DD, default today) into *day; returns 0 or SL_EXIT_USAGE. */
int sl_cli_as_of(const sl_command *cmd, const sl_opt *opt, sl_day *day);
/* Resolves --plan (number or title) to an id, 0 when not given; returns 0 or SL_EXIT_REFUSED. */
int sl_cli_plan(sl_store *store, const sl_opt *opt, int64_t *plan_id);
/* Finds the one action a ref names (within plan_id when non-zero); returns 0
 * or SL_EXIT_REFUSED after saying why (unknown, or ambiguous). */
int sl_cli_find_action(sl_store *store, int64_t plan_id, const char *ref, int64_t *action_id);

/* Sets *ids (caller frees) to plan_id alone, or to every current plan when
 * plan_id is 0; returns how many, or -1 with err set. */
int sl_cli_plan_ids(sl_store *store, int64_t plan_id, int64_t **ids, sl_error *err);
/* Writes the path of a file or folder installed beside the binary (build/NAME)
 * into out; $SIGHTLINE_HOME, when set, replaces the binary's folder. */
void sl_cli_beside_binary(const char *name, char *out, size_t n);

/* Creates an empty temporary file: beside path when path is given (with the
 * mode a new file there would get), else in $TMPDIR (or /tmp). Returns its
 * name (caller frees and removes it), or NULL with err set. */
char *sl_cli_temp_file(const char *path, sl_error *err);
/* Copies the file at path to out; returns 0, or -1 with err set. */
int sl_cli_copy_file(const char *path, FILE *out, sl_error *err);
/* Writes the buffer to a new file at path; returns 0, or -1 with err set. */
int sl_cli_write_buf_file(sl_buf *b, const char *path, sl_error *err);
/* Governance helpers (governance_common.c). */
/* Finds a board by name: fills *out (may be NULL; caller frees with
 * sl_board_free) and *id (may be NULL); returns 0 or SL_EXIT_REFUSED after saying why. */
int sl_cli_board(sl_store *store, const char *name, sl_board *out, int64_t *id);
/* Reads an ISO day given to option; returns 0 or SL_EXIT_REFUSED ("not a date"). */
int sl_cli_day(const char *option, const char *text, sl_day *out);
/* Finds the board's meeting on date with its detail: fills *b and *out
 * (caller frees both); returns 0 or SL_EXIT_REFUSED after saying why (and frees nothing then). */
int sl_cli_meeting(sl_store *store, const char *board, const char *date, sl_board *b, sl_meeting *out);
/* Returns a copy of argv (caller frees the array only) with "-o" spelled "--output". */
char **sl_cli_short_output(int argc, char **argv);
/* Checks a calendar token: 0 when valid, else SL_EXIT_REFUSED after saying why (revoked, unknown). */
int sl_cli_calendar_token_check(sl_store *store, const char *token);

/* The command table, ending with a zeroed entry. */
extern const sl_command sl_commands[];

/* The commands, one file each in src/cli/. */
int sl_cmd_init(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_import(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_lint(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_plans(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_gen(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_summary(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_actions(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_show(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_update(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_evidence(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_edit(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_add_action(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_withdraw(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_history(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_export(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_recommendations(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_search(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_link(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_carry_forward(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_plan(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_plan_settings(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_plan_draft(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_backup(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_copy(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_restore(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_check(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_inspections(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_measure(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_measures(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_chart(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_national(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_workforce(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_serve(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_user(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_remind(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_settings(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_report(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_board(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_boards(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_meeting(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_attendance(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_agenda(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_minutes(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_decision(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_arising(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_risk(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_savings(const sl_cli *, const sl_command *, int, char **);
int sl_cmd_calendar(const sl_cli *, const sl_command *, int, char **);

#endif
