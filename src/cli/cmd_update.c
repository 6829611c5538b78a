/* cmd_update.c — `sightline update REF [--status S] [--rag R --reason T] …`:
 * append a dated progress update in one transaction. What the update does
 * not name stays as it was on its day: a note alone keeps the status, the
 * sign-off and a manual RAG. The audit log records who, when and what. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "domain/evidence.h"
#include "domain/limits.h"
#include "util/file.h"
#include "report/action_list.h"

enum { OPT_STATUS, OPT_RAG, OPT_REASON, OPT_NOTE, OPT_EVIDENCE, OPT_AS_OF, OPT_PLAN, OPT_VERSION, OPT_REVIEW,
       OPT_ATTACH, N_OPTS };

/* The update and the evidence file it attaches (data owned; NULL when none). */
typedef struct {
    sl_update u;
    sl_evidence file;
    char *data;
    char sha[65];
} update_ctx;

/* Reads --attach FILE (at most SL_EVIDENCE_MAX_BYTES) and checks it is a
 * kind of file evidence may be, by content; returns 0 or -1 with run->err. */
static int read_attachment(sl_run *run, update_ctx *c)
{
    const char *path = run->opts[OPT_ATTACH].value;
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t n = 0;
    c->data = sl_read_file_max(path, SL_EVIDENCE_MAX_BYTES, &n, &run->err);
    if (!c->data)
        return -1;
    const sl_evidence_kind *kind = sl_evidence_check(name, (const unsigned char *)c->data, n, &run->err);
    if (!kind)
        return -1;
    sl_sha256_hex(c->data, n, c->sha);
    c->file = (sl_evidence){.file_name = name, .content_type = kind->content_type, .sha256 = c->sha, .size = n,
                            .data = c->data};
    return 0;
}

/* Reads --rag, --reason and --rag-review into the update; returns 0 or SL_EXIT_USAGE. */
static int read_rag(const sl_command *cmd, const sl_opt *opts, sl_update *u)
{
    u->keep_rag = 1;
    if (opts[OPT_RAG].count && (strcmp(opts[OPT_RAG].value, "clear") == 0 || strcmp(opts[OPT_RAG].value, "none") == 0)) {
        if (opts[OPT_REASON].count || opts[OPT_REVIEW].count)
            return sl_cli_usage(cmd, "--rag clear takes neither --reason nor --rag-review");
        u->keep_rag = 0;
        return 0;
    }
    if (opts[OPT_RAG].count) {
        if (sl_rag_parse(opts[OPT_RAG].value, &u->rag) < 0 || u->rag == SL_RAG_NONE)
            return sl_cli_usage(cmd, "--rag must be red, amber, green, blue, grey or clear");
        if (!opts[OPT_REASON].count || !*opts[OPT_REASON].value)
            return sl_cli_usage(cmd, "a manual --rag needs a --reason");
        u->rag_reason = opts[OPT_REASON].value;
        u->rag_until = SL_NO_DAY;
        if (opts[OPT_REVIEW].count && sl_day_parse_iso(opts[OPT_REVIEW].value, &u->rag_until) < 0)
            return sl_cli_usage(cmd, "--rag-review '%s' is not a real date (YYYY-MM-DD)", opts[OPT_REVIEW].value);
        return 0;
    }
    if (opts[OPT_REASON].count || opts[OPT_REVIEW].count)
        return sl_cli_usage(cmd, "--reason and --rag-review go with a manual --rag; give --rag too");
    return 0;
}

/* Reads the update's options into the run's update (run->ctx); returns 0 or SL_EXIT_USAGE. */
static int read_update(sl_run *run)
{
    const sl_command *cmd = run->cmd;
    const sl_opt *opts = run->opts;
    update_ctx *c = run->ctx;
    sl_update *u = &c->u;
    if (!opts[OPT_STATUS].count && !opts[OPT_RAG].count && !opts[OPT_NOTE].count && !opts[OPT_EVIDENCE].count &&
        !opts[OPT_ATTACH].count)
        return sl_cli_usage(cmd, "say what the update records: --status, --rag, --note, --evidence or --attach");
    u->keep_status = !opts[OPT_STATUS].count;
    if (opts[OPT_STATUS].count && sl_status_parse(opts[OPT_STATUS].value, &u->status) < 0)
        return sl_cli_usage(cmd, "--status '%s' is not a status (not-started, planned,"
                                 " in-progress, on-track, at-risk, off-track, complete,"
                                 " signed-off, carried-forward, withdrawn)",
                            opts[OPT_STATUS].value);
    u->status_text = opts[OPT_STATUS].value;
    int rc = read_rag(cmd, opts, u);
    if (rc)
        return rc;
    u->note = opts[OPT_NOTE].value;
    u->evidence = opts[OPT_EVIDENCE].value;
    if (opts[OPT_VERSION].count) {
        char *end;
        long v = strtol(opts[OPT_VERSION].value, &end, 10);
        if (*end || v < 1)
            return sl_cli_usage(cmd, "--expect-version takes a version number");
        u->expected_version = (int)v;
    }
    u->day = run->as_of;
    if (sl_limit_update(u->status_text, u->note, u->rag_reason, u->evidence, &run->err) < 0 ||
        (opts[OPT_ATTACH].count && read_attachment(run, c) < 0))
        return sl_cli_refuse(&run->err);
    return 0;
}

/* Rated-action callback: keeps the action's status on the update's day. */
static int on_status(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    (void)rag;
    *(sl_status *)ctx = row->status;
    return 1;
}

/* Refuses a status the action cannot reach by an update from where it stands
 * on the update's day (domain/status.c); returns 0 or -1 with run->err set. */
static int check_move(sl_run *run, const sl_update *u)
{
    sl_status now = SL_STATUS_COUNT;
    sl_action_filter f = {.action_id = run->action_id, .as_of = u->day, .due_within = -1};
    if (u->keep_status)
        return 0;
    if (sl_each_rated_action(run->store, &f, on_status, &now, &run->err) < 0)
        return -1;
    switch (sl_status_move_to(now, u->status)) {
    case SL_MOVE_UPDATE:
    case SL_MOVE_SIGN_OFF:
        return 0;
    case SL_MOVE_WITHDRAW:
        return sl_fail(&run->err, "%s: withdraw an action with `sightline withdraw %s --reason TEXT`", run->pos[0],
                       run->pos[0]);
    case SL_MOVE_CARRY:
        return sl_fail(&run->err, "%s: carry an action forward with `sightline carry-forward`", run->pos[0]);
    case SL_MOVE_NONE:
        break;
    }
    return sl_fail(&run->err, "%s is %s: it cannot become %s", run->pos[0], sl_status_name(now),
                   sl_status_name(u->status));
}

/* Adds the update to the action the run names, in one transaction. */
static int update_body(sl_run *run)
{
    update_ctx *c = run->ctx;
    sl_update *u = &c->u;
    int64_t file_id = 0;
    u->action_id = c->file.action_id = run->action_id;
    if (check_move(run, u) < 0)
        return -1;
    if (sl_store_begin(run->store, &run->err) < 0 || sl_store_add_update(run->store, u, run->cli->actor, &run->err) < 0 ||
        (c->data && sl_store_evidence_add(run->store, &c->file, run->cli->actor, &file_id, &run->err) < 0) ||
        sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        return -1;
    }
    char day[11];
    sl_day_format(u->day, day);
    if (u->keep_status)
        sl_buf_printf(&run->out, "%s: status kept, as of %s\n", run->pos[0], day);
    else
        sl_buf_printf(&run->out, "%s: %s as of %s\n", run->pos[0], sl_status_name(u->status), day);
    if (c->data)
        sl_buf_cprintf(&run->out, "%s: evidence file %lld attached (%s, %zu bytes)\n", run->pos[0],
                       (long long)file_id, c->file.content_type, c->file.size);
    return 0;
}

int sl_cmd_update(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--status", 1), SL_OPT("--rag", 1),   SL_OPT("--reason", 1), SL_OPT("--note", 1),
                           SL_OPT("--evidence", 1), SL_OPT("--as-of", 1), SL_OPT("--plan", 1), SL_OPT("--expect-version", 1),
                           SL_OPT("--rag-review", 1), SL_OPT("--attach", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .action_ref = 1,
                                     .check = read_update, .body = update_body};
    update_ctx c = {0};
    int rc = SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &c);
    free(c.data);
    return rc;
}
