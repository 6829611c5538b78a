/* cmd_evidence.c — `sightline evidence list [REF] [--plan ID] [--json]` and
 * `sightline evidence get ID [--output FILE]`: the evidence files attached to
 * progress updates (`update REF --attach FILE`, or the web form), listed
 * with who and when, and one written out byte for byte (checked against its
 * SHA-256). Nothing removes a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"

typedef struct {
    sl_run *run;
    int json;
    int n;
} listing;

/* Evidence callback: one line (or JSON object) of the list. */
static int on_listed(void *ctx, const sl_evidence *e)
{
    listing *l = ctx;
    sl_buf *b = &l->run->out;
    char day[11];
    sl_day_format(e->update_day, day);
    sl_run_list_item(l->run, l->json, l->n++);
    if (l->json)
        sl_buf_printf(b, "{\"id\": %lld, \"action_id\": %lld, \"update_id\": %lld, \"update_day\": %J, "
                         "\"file_name\": %J, \"content_type\": %J, \"size\": %zu, \"sha256\": %J, "
                         "\"actor\": %J, \"recorded_at\": %J}",
                      (long long)e->id, (long long)e->action_id, (long long)e->update_id, day, e->file_name,
                      e->content_type, e->size, e->sha256, e->actor, e->recorded_at);
    else
        sl_buf_cprintf(b, "%lld  %s  %zu bytes  update of %s  by %s at %s\n", (long long)e->id, e->file_name,
                       e->size, day, e->actor, e->recorded_at);
    return 0;
}

/* `evidence list [REF]`: every file, or an action's. */
static int evidence_list(sl_run *run)
{
    int64_t plan_id = 0, action_id = 0;
    int rc = sl_cli_plan(run->store, sl_run_opt(run, "--plan"), &plan_id);
    if (rc == 0 && run->n_pos > 1)
        rc = sl_cli_find_action(run->store, plan_id, run->pos[1], &action_id);
    if (rc)
        return rc;
    listing l = {run, sl_run_flag(run, "--json"), 0};
    sl_run_list_open(run, l.json);
    if (sl_store_each_evidence(run->store, action_id, on_listed, &l, &run->err) < 0)
        return -1;
    sl_run_list_close(run, l.json, l.n);
    return 0;
}

/* Evidence callback: keeps the file's bytes in the run's output. */
static int on_file(void *ctx, const sl_evidence *e)
{
    sl_buf_add(ctx, e->data, e->size);
    return 0;
}

/* `evidence get ID [--output FILE]`: the file's bytes, to FILE or standard output. */
static int evidence_get(sl_run *run)
{
    char *end;
    long long id = strtoll(run->pos[1], &end, 10);
    if (*end || id < 1)
        return sl_cli_usage(run->cmd, "evidence get takes a file's number (see evidence list)");
    sl_buf bytes = SL_BUF_INIT;
    int found = sl_store_evidence_get(run->store, id, on_file, &bytes, &run->err);
    if (found == 0)
        sl_fail_code(&run->err, SL_ERR_NOT_FOUND, "there is no evidence file %lld", id);
    const sl_opt *out = sl_run_opt(run, "--output");
    int rc = found != 1 ? -1 : out->count ? sl_cli_write_buf_file(&bytes, out->value, &run->err) : 0;
    if (found == 1 && !out->count)
        sl_buf_add(&run->out, bytes.data, bytes.len);
    sl_buf_free(&bytes);
    return rc;
}

int sl_cmd_evidence(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--json", 0), SL_OPT("--output", 1)};
    static const sl_run_sub subs[] = {{"list", 1, NULL, evidence_list}, {"list", 2, NULL, evidence_list},
                                      {"get", 2, NULL, evidence_get}, {0}};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 2, .store = SL_RUN_STORE, .own_as_of_plan = 1,
                                     .subs = subs, .sub_usage = "try: evidence list [REF], evidence get ID --output FILE"};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
