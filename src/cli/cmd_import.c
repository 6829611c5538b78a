/* cmd_import.c — `sightline import FILE`: read a plan and store it in one
 * transaction. The file is read and checked whole before the database is
 * touched; a file already imported changes nothing; a changed file of the
 * same plan becomes its next version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/board_import.h"
#include "cli/run.h"
#include "cli/inspection_import.h"
#include "import/document.h"
#include "report/plan_diff.h"
#include "util/buf.h"
#include "util/mem.h"

/* Reads the --max-* options into the request's limits (0: the default); returns 0 or SL_EXIT_USAGE. */
static int read_limits(sl_run *run, sl_import_limits *lim)
{
    static const char *const names[] = {"--max-bytes", "--max-pages", "--max-rows", "--max-seconds"};
    long long values[4] = {0};
    for (int i = 0; i < 4; i++) {
        const sl_opt *o = sl_run_opt(run, names[i]);
        char *end;
        if (!o->count)
            continue;
        values[i] = strtoll(o->value, &end, 10);
        if (*end || values[i] < 1 || values[i] > (i == 0 ? (1LL << 34) : 1000000000LL))
            return sl_cli_usage(run->cmd, "%s takes a positive number", names[i]);
    }
    lim->max_bytes = (size_t)values[0];
    lim->max_pages = (int)values[1];
    lim->max_rows = (long)values[2];
    lim->max_seconds = (int)values[3];
    return 0;
}

/* Reads --format and the limits into the run's request (run->ctx) before
 * anything is read; returns 0 or SL_EXIT_USAGE. */
static int read_format(sl_run *run)
{
    const sl_opt *opt = sl_run_opt(run, "--format");
    sl_import_options *io = &((sl_read_request *)run->ctx)->options;
    int rc = read_limits(run, &io->limits);
    if (rc)
        return rc;
    static const struct {
        const char *name;
        sl_format format;
    } formats[] = {{"auto", SL_FORMAT_AUTO}, {"csv", SL_FORMAT_CSV}, {"text", SL_FORMAT_TEXT},
                   {"xlsx", SL_FORMAT_XLSX}};
    if (!opt->count)
        return 0;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(opt->value, formats[i].name) == 0) {
            io->format = formats[i].format;
            return 0;
        }
    }
    return sl_cli_usage(run->cmd, "--format must be auto, text, csv or xlsx");
}

/* What will happen to each plan read from the file. */
typedef enum { PLAN_NEW, PLAN_NEW_VERSION, PLAN_UNCHANGED } plan_fate;

/* What the import decided and did for each plan of the set (arrays of n_plans). */
typedef struct {
    plan_fate *fates;
    int *versions;              /* the current version's number, 0 for a new plan */
    int64_t *old_ids;           /* the current version's id, for a new version */
    sl_buf *changes;            /* what changed since the current version */
    sl_merge_counts *merges;    /* what the new version carried forward */
    int64_t *plan_ids;          /* each plan's stored id, once stored */
    int64_t *report_ids;        /* each report's stored id (a pack's reports, stored with its plans) */
    int reports_added, reports_already;
} import_plans;

/* Decides each plan's fate against what the store holds; for a new version,
 * writes what changed since the current one into changes[i] (caller frees). */
static int decide(sl_store *store, const sl_plan_set *set, import_plans *ip, sl_error *err)
{
    plan_fate *fates = ip->fates;
    int *versions = ip->versions;
    sl_buf *changes = ip->changes;
    for (size_t i = 0; i < set->n_plans; i++) {
        const sl_plan *p = &set->plans[i];
        int64_t id = 0;
        char sha[65];
        int found = sl_store_find_plan(store, *p->authority ? p->authority : "Unspecified authority",
                                       p->title, &id, &versions[i], sha, err);
        if (found < 0)
            return -1;
        fates[i] = !found ? PLAN_NEW
                          : strcmp(sha, p->source_sha256) == 0 ? PLAN_UNCHANGED : PLAN_NEW_VERSION;
        if (!found)
            versions[i] = 0;
        ip->old_ids[i] = id;
        if (fates[i] == PLAN_NEW_VERSION) {
            sl_plan old;
            sl_diff_counts counts;
            if (sl_store_load_plan(store, id, &old, err) < 0)
                return -1;
            sl_plan_diff(&changes[i], &old, p, &counts);
            sl_buf_printf(&changes[i], "  %d added, %d removed, %d changed (%d fields)\n",
                          counts.added, counts.removed, counts.changed, counts.fields);
            sl_plan_free(&old);
        }
    }
    return 0;
}

/* Stores the Ofsted reports read with the plans (from one agenda pack),
 * inside the caller's transaction, and links each to its plan. Returns 0 or -1. */
static int store_pack_reports(sl_store *store, const sl_cli *cli, sl_readings *r, import_plans *ip, sl_error *err)
{
    if (!r->reports.n)
        return 0;
    sl_authority_table table;
    if (sl_load_authorities(&table, err) < 0)
        return -1;
    int rc = sl_save_inspections(store, cli, &table, &r->reports, ip->report_ids, &ip->reports_added,
                                 &ip->reports_already, err);
    sl_authority_table_free(&table);
    for (size_t i = 0; rc == 0 && i < r->n_links; i++)
        rc = sl_store_link_plan_inspection(store, ip->plan_ids[r->links[i].plan],
                                           ip->report_ids[r->links[i].report], err);
    return rc;
}

/* Stores every new or changed plan, the boards the files' terms of
 * reference describe and the Ofsted reports an agenda pack held beside its
 * plan, in one transaction; a new version keeps everything recorded on the
 * one it replaces (sl_store_merge_version). */
static int store_plans(sl_store *store, const sl_cli *cli, sl_readings *r, import_plans *ip,
                       sl_error *err)
{
    const plan_fate *fates = ip->fates;
    const sl_plan_set *set = &r->plans;
    if (sl_store_begin(store, err) < 0)
        return -1;
    int rc = sl_cli_save_boards(store, cli, r, err);
    for (size_t i = 0; rc == 0 && i < set->n_plans; i++) {
        int64_t id = ip->old_ids[i];
        if ((fates[i] != PLAN_UNCHANGED &&
             sl_store_save_plan(store, &set->plans[i], sl_today(), cli->actor, &id, err) < 0) ||
            (fates[i] == PLAN_NEW_VERSION &&
             sl_store_merge_version(store, ip->old_ids[i], id, cli->actor, &ip->merges[i], err) < 0))
            rc = -1;
        ip->plan_ids[i] = id;
    }
    if (rc == 0)
        rc = store_pack_reports(store, cli, r, ip, err);
    if (rc == 0)
        rc = sl_store_commit(store, err);
    if (rc < 0)
        sl_store_rollback(store);
    return rc;
}

/* Appends what a new version carried forward from the one it replaced. */
static void report_merge(sl_buf *out, int version, const sl_merge_counts *m)
{
    sl_buf_printf(out, "  kept from version %d: %d actions with their record (%d updates, %d comments)", version,
                  m->actions, m->updates, m->comments);
    if (m->withdrawn)
        sl_buf_printf(out, "; %d removed action%s kept as withdrawn", m->withdrawn, m->withdrawn == 1 ? "" : "s");
    if (m->moved)
        sl_buf_printf(out, "; %d status%s changed by the document itself", m->moved, m->moved == 1 ? "" : "es");
    sl_buf_printf(out, "; plan settings%s kept\n", m->commentary ? " and report commentary" : "");
}

/* Appends to out one line per plan saying what happened (or would happen), with
 * what changed for a new version. */
static void report(sl_buf *out, const sl_plan_set *set, const import_plans *ip, int dry)
{
    const plan_fate *fates = ip->fates;
    const int *versions = ip->versions;
    sl_buf *changes = ip->changes;
    for (size_t i = 0; i < set->n_plans; i++) {
        const sl_plan *p = &set->plans[i];
        if (fates[i] == PLAN_UNCHANGED) {
            sl_buf_printf(out, "unchanged: '%s' version %d is this file already\n", p->title, versions[i]);
            continue;
        }
        sl_buf_printf(out, "%s '%s' version %d: %zu actions, %zu themes, %zu recommendations\n",
                      dry ? "would import" : "imported", p->title, versions[i] + 1, p->n_actions,
                      p->n_themes, p->n_recommendations);
        if (*p->authority)
            sl_buf_printf(out, "  authority: %s\n", p->authority);
        size_t hidden = 0;
        for (size_t k = 0; k < p->findings.n; k++)
            if (strcmp(p->findings.items[k].code, "hidden-sheet") == 0) {
                sl_buf_printf(out, "  %s\n", p->findings.items[k].message);
                hidden++;
            }
        if (p->findings.n > hidden)
            sl_buf_printf(out, "  %zu row%s could not be read cleanly: see `sightline lint`\n",
                          p->findings.n - hidden, p->findings.n - hidden == 1 ? "" : "s");
        if (fates[i] == PLAN_NEW_VERSION)
            sl_buf_printf(out, "  changes from version %d:\n%s", versions[i], sl_buf_str(&changes[i]));
        if (fates[i] == PLAN_NEW_VERSION && !dry)
            report_merge(out, versions[i], &ip->merges[i]);
    }
}

#define MAX_FILES 1000

/* The authority lookup plan documents are matched against, read from
 * beside the binary the first time a document needs it. */
typedef struct {
    sl_authority_table table;
    int read;                           /* 1 once reading has been tried */
} lookup;

/* Returns the lookup, reading it the first time (NULL, with a note, when it
 * cannot be read). ctx is a lookup. */
static const sl_authority_table *authority_lookup(void *ctx)
{
    lookup *l = ctx;
    if (!l->read) {
        l->read = 1;
        sl_error err = {0};
        if (sl_load_authorities(&l->table, &err) < 0)
            fprintf(stderr, "sightline: note: %s: plans keep no authority unless --authority names one\n",
                    err.message);
    }
    return l->table.n ? &l->table : NULL;
}

/* Says in out what happened to the reports read (added of them new,
 * already there before). */
static void report_reports(sl_buf *out, const sl_readings *r, int dry, int already)
{
    if (r->reports.n == 1) {
        const sl_inspection *in = &r->reports.inspections[0];
        char start[11] = "?", end[11] = "?";
        if (in->start != SL_NO_DAY)
            sl_day_format(in->start, start);
        if (in->end != SL_NO_DAY)
            sl_day_format(in->end, end);
        sl_buf_printf(out, "%s inspection of %s (%s to %s, %s): %zu recommendations",
                      dry ? "would import" : already ? "unchanged: already have the" : "imported", in->authority,
                      start, end, in->framework ? in->framework : "framework unknown",
                      sl_inspection_count_items(in, 0));
        size_t priority = sl_inspection_count_items(in, 1);
        if (priority)
            sl_buf_printf(out, ", %zu areas for priority action", priority);
        sl_buf_putc(out, '\n');
    } else if (r->reports.n) {
        sl_buf_printf(out, "%s %zu inspection reports (%d already there)\n", dry ? "would import" : "imported",
                      r->reports.n, already);
    }
    for (size_t i = 0; i < r->n_links; i++)
        sl_buf_printf(out, "  plan '%s' answers the inspection of %s (read from the same agenda pack)\n",
                      r->plans.plans[r->links[i].plan].title, r->reports.inspections[r->links[i].report].authority);
    for (size_t i = 0; i < r->n_notes; i++)
        sl_buf_printf(out, "note: %s\n", r->notes[i]);
}

/* Stores the reports read (one transaction) and says in out what happened. */
static int store_reports(sl_store *store, const sl_cli *cli, sl_readings *r, int dry, sl_buf *out, sl_error *err)
{
    int added = 0, already = 0;
    if (!dry && sl_store_inspections(store, cli, &r->reports, &added, &already, err) < 0)
        return -1;
    report_reports(out, r, dry, already);
    return 0;
}

/* Stores the plans and boards read, and the reports read with them from an
 * agenda pack (one transaction), saying in out what happened. */
static int store_plan_set(sl_store *store, const sl_cli *cli, sl_readings *r, int dry, sl_buf *out,
                          sl_error *err)
{
    sl_plan_set *set = &r->plans;
    size_t n = set->n_plans + 1;
    import_plans ip = {sl_calloc(n * sizeof *ip.fates), sl_calloc(n * sizeof *ip.versions),
                       sl_calloc(n * sizeof *ip.old_ids), sl_calloc(n * sizeof *ip.changes),
                       sl_calloc(n * sizeof *ip.merges), sl_calloc(n * sizeof *ip.plan_ids),
                       sl_calloc((r->reports.n + 1) * sizeof *ip.report_ids), 0, 0};
    int rc = decide(store, set, &ip, err);
    if (rc == 0 && !dry)
        rc = store_plans(store, cli, r, &ip, err);
    if (rc == 0) {
        report(out, set, &ip, dry);
        sl_cli_report_boards(out, r, dry);
        report_reports(out, r, dry, ip.reports_already);
    }
    for (size_t i = 0; i < set->n_plans; i++)
        sl_buf_free(&ip.changes[i]);
    free(ip.fates);
    free(ip.versions);
    free(ip.old_ids);
    free(ip.changes);
    free(ip.merges);
    free(ip.plan_ids);
    free(ip.report_ids);
    return rc;
}

/* Reads every file named, then stores what they hold. Every file is read
 * and checked before the store is opened (sl_run_open_store: created when it
 * is not there yet), so a bad file leaves the database untouched. */
static int import_body(sl_run *run)
{
    sl_read_request *req = run->ctx;
    int dry = sl_run_flag(run, "--dry-run");
    req->options.authority = sl_run_opt(run, "--authority")->value;
    req->inspection = sl_run_flag(run, "--inspection");
    sl_readings r = {0};
    int rc = 0;
    for (int i = 0; rc == 0 && i < run->n_pos; i++)
        rc = sl_read_document(run->pos[i], req, &r, &run->err);
    /* An agenda pack's reports are stored with its plans and boards; other
     * reports on their own. */
    int with_plans = r.plans.n_plans || r.n_boards;
    if (rc == 0 && with_plans && r.reports.n > r.n_pack_reports)
        rc = sl_fail(&run->err, "import plans or terms of reference and inspection reports separately");
    if (rc == 0)
        rc = sl_run_open_store(run, 1);
    if (rc == 0 && r.reports.n && !with_plans)
        rc = store_reports(run->store, run->cli, &r, dry, &run->out, &run->err);
    else if (rc == 0)
        rc = store_plan_set(run->store, run->cli, &r, dry, &run->out, &run->err);
    sl_readings_free(&r);
    return rc;
}

int sl_cmd_import(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--authority", 1), SL_OPT("--format", 1), SL_OPT("--dry-run", 0),
                     SL_OPT("--inspection", 0), SL_OPT("--max-bytes", 1), SL_OPT("--max-pages", 1),
                     SL_OPT("--max-rows", 1), SL_OPT("--max-seconds", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = MAX_FILES, .check = read_format, .body = import_body};
    lookup authorities = {0};
    sl_read_request req = {.authorities = authority_lookup, .authorities_ctx = &authorities};
    int rc = SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &req);
    sl_authority_table_free(&authorities.table);
    return rc;
}
