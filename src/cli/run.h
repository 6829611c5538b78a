/* run.h — the one command runner. A command declares its options, how many
 * positional arguments it takes, whether it needs the database, and a body;
 * the runner parses the arguments (--help included), reads --as-of and
 * resolves --plan when the command has them, opens and closes the store,
 * writes what the body built to standard output only when it succeeded, and
 * maps the result to the exit status (0 done, 1 refused, 2 usage). A body
 * never prints an error or frees the options itself, and opens the store only
 * through sl_run_open_store. */
#ifndef SL_CLI_RUN_H
#define SL_CLI_RUN_H
#include "cli/cli.h"
#include "util/buf.h"

/* What a body works with; owned by the runner. */
typedef struct {
    const sl_cli *cli;
    const sl_command *cmd;
    sl_opt *opts;               /* the command's options, parsed */
    const char **pos;           /* positional arguments */
    int n_pos;
    sl_store *store;            /* open when the spec asked for it, else NULL */
    sl_day as_of;               /* --as-of, or today, when the command takes --as-of */
    int64_t plan_id;            /* --plan resolved, 0 when not given */
    int64_t action_id;          /* the action the first argument names, when the spec says it does */
    void *ctx;                  /* the command's own state, as passed to sl_cli_run */
    sl_error err;               /* the body's failure, printed by the runner */
    sl_buf out;                 /* written to stdout when the body returns 0 */
} sl_run;

typedef enum { SL_RUN_NO_STORE = 0, SL_RUN_STORE, SL_RUN_CREATE_STORE } sl_run_store;

/* One subcommand of a command that has several. */
typedef struct {
    const char *words;          /* its first arguments ("add", "member add"); NULL: none */
    int n_pos;                  /* how many arguments it takes, its words included */
    /* Optional checks of its options before the store is opened: returns 0,
     * or an exit status after saying why. */
    int (*check)(sl_run *run);
    int (*body)(sl_run *run);          /* its work, as sl_run_spec's body */
} sl_run_sub;

typedef struct {
    int min_pos, max_pos;       /* positional arguments allowed */
    sl_run_store store;         /* whether the body needs the database */
    int action_ref;             /* 1: the first argument is an action's ref, found (within --plan) */
    int own_as_of_plan;         /* 1: the body reads --as-of and resolves --plan itself, where
                                 * and as its subcommands need them (the runner leaves them) */
    /* Optional checks of the options before the store is opened: returns 0,
     * or SL_EXIT_USAGE after sl_cli_usage said why. */
    int (*check)(sl_run *run);
    /* The work: returns 0; -1 with run->err set (or unset when it already
     * printed why); or an exit status > 0. */
    int (*body)(sl_run *run);
    /* Or, for a command with subcommands, the list of them (ending with a
     * zeroed entry): after check, the one the arguments name has its own
     * check and body run; when none matches the runner prints sub_usage
     * (exit 2). */
    const sl_run_sub *subs;
    const char *sub_usage;
} sl_run_spec;

/* Opens the store into run->store (created when create is 1) for a body whose
 * command needs it only for some subcommands, or only once its input has been
 * read and checked; the runner closes it. Returns 0, or SL_EXIT_REFUSED after
 * saying why. */
int sl_run_open_store(sl_run *run, int create);
/* Begins a transaction on run->store for a body's write; returns 0, or -1
 * with run->err set. */
int sl_run_begin(sl_run *run);
/* Ends the transaction sl_run_begin began: commits it unless failed, else
 * (or when the commit fails) rolls it back; returns 0, or -1 with run->err
 * set (by the failed write, or by the commit). */
int sl_run_end(sl_run *run, int failed);
/* Appends to run->out what opens a listing: "[" for JSON, nothing for text. */
void sl_run_list_open(sl_run *run, int json);
/* Appends what comes before the listing's item i: the JSON separator. */
void sl_run_list_item(sl_run *run, int json, int i);
/* Appends what closes a listing of n items: "\n]\n" ("]\n" when empty) for JSON. */
void sl_run_list_close(sl_run *run, int json, int n);
/* Runs a command as the spec says and returns its exit status. */
int sl_cli_run(const sl_cli *cli, const sl_command *cmd, int argc, char **argv, sl_opt *opts,
               int n_opts, const sl_run_spec *spec, void *ctx);
/* sl_cli_run with the length of an options array declared in the caller
 * (a command without options calls sl_cli_run with NULL, 0). */
#define SL_CLI_RUN(cli, cmd, argc, argv, opts, spec, ctx) \
    sl_cli_run((cli), (cmd), (argc), (argv), (opts), (int)(sizeof(opts) / sizeof *(opts)), (spec), (ctx))
/* Returns the option named name ("--json") of the run; the option must be
 * one the command declared. */
const sl_opt *sl_run_opt(const sl_run *run, const char *name);
/* Returns 1 when the flag name was given. */
int sl_run_flag(const sl_run *run, const char *name);

#endif
