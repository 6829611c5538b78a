/* cmd_import.c — `sightline import FILE`: read a plan and store it in one
 * transaction. The file is read and checked whole before the database is
 * touched; a file already imported changes nothing; a changed file of the
 * same plan becomes its next version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/inspection_import.h"
#include "import/import.h"
#include "import/inspection_text.h"
#include "import/pdf_text.h"
#include "report/plan_diff.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/clock.h"

enum { OPT_AUTHORITY, OPT_FORMAT, OPT_DRY_RUN, OPT_INSPECTION, N_OPTS };

/* Reads --format into the options; returns 0 or SL_EXIT_USAGE. */
static int read_format(const sl_command *cmd, const sl_opt *opt, sl_import_options *io)
{
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
    return sl_cli_usage(cmd, "--format must be auto, text, csv or xlsx");
}

/* What will happen to each plan read from the file. */
typedef enum { PLAN_NEW, PLAN_NEW_VERSION, PLAN_UNCHANGED } plan_fate;

/* Decides each plan's fate against what the store holds; for a new version,
 * writes what changed since the current one into changes[i] (caller frees). */
static int decide(sl_store *store, const sl_plan_set *set, plan_fate *fates, int *versions,
                  sl_buf *changes, sl_error *err)
{
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

/* Stores every new or changed plan in one transaction. */
static int store_plans(sl_store *store, const sl_cli *cli, const sl_plan_set *set,
                       const plan_fate *fates, sl_error *err)
{
    if (sl_store_begin(store, err) < 0)
        return -1;
    for (size_t i = 0; i < set->n_plans; i++) {
        int64_t id;
        if (fates[i] != PLAN_UNCHANGED &&
            sl_store_save_plan(store, &set->plans[i], sl_today(), cli->actor, &id, err) < 0) {
            sl_store_rollback(store);
            return -1;
        }
    }
    if (sl_store_commit(store, err) < 0) {
        sl_store_rollback(store);
        return -1;
    }
    return 0;
}

/* Prints one line per plan saying what happened (or would happen), with
 * what changed for a new version. */
static void report(const sl_plan_set *set, const plan_fate *fates, const int *versions,
                   sl_buf *changes, int dry)
{
    for (size_t i = 0; i < set->n_plans; i++) {
        const sl_plan *p = &set->plans[i];
        if (fates[i] == PLAN_UNCHANGED) {
            printf("unchanged: '%s' version %d is this file already\n", p->title, versions[i]);
            continue;
        }
        printf("%s '%s' version %d: %zu actions, %zu themes, %zu recommendations\n",
               dry ? "would import" : "imported", p->title, versions[i] + 1, p->n_actions,
               p->n_themes, p->n_recommendations);
        if (*p->authority)
            printf("  authority: %s\n", p->authority);
        if (p->findings.n)
            printf("  %zu row%s could not be read cleanly: see `sightline lint`\n",
                   p->findings.n, p->findings.n == 1 ? "" : "s");
        if (fates[i] == PLAN_NEW_VERSION)
            printf("  changes from version %d:\n%s", versions[i], sl_buf_str(&changes[i]));
    }
}

#define MAX_FILES 1000

/* What the files named on the command line hold, read and checked before
 * anything is stored. */
typedef struct {
    sl_plan_set plans;
    sl_inspection_list reports;
    sl_authority_table authorities;     /* read with the first plan document */
    int authorities_read;               /* 1 once that has been tried */
} readings;

/* Returns the authority lookup that plan documents are matched against,
 * reading it the first time (NULL, with a note, when it cannot be read). */
static const sl_authority_table *authority_lookup(readings *r)
{
    if (!r->authorities_read) {
        r->authorities_read = 1;
        sl_error err = {0};
        if (sl_load_authorities(&r->authorities, &err) < 0)
            fprintf(stderr, "sightline: note: %s: plans keep no authority unless --authority names one\n",
                    err.message);
    }
    return r->authorities.n ? &r->authorities : NULL;
}

/* Reads an Ofsted report's text and appends it. */
static int read_report(const char *path, const char *data, size_t len, readings *r, sl_error *err)
{
    sl_inspection in;
    sl_inspection_init(&in);
    int rc = sl_inspection_read(data, len, path, &in, err);
    if (rc == 0) {
        sl_sha256_hex(data, len, in.source_sha256);
        r->reports.inspections = sl_realloc(r->reports.inspections, (r->reports.n + 1) * sizeof in);
        r->reports.inspections[r->reports.n++] = in;
    }
    return rc;
}

/* Reads one file: a report (when asked, or when it looks like one) or a
 * plan. A PDF is read through pdftotext first, unless --format csv says
 * the file is something else; line numbers then count lines of its text. */
static int read_file(const char *path, const sl_import_options *io, int inspection, readings *r,
                     sl_error *err)
{
    size_t len;
    char *data = sl_read_file(path, &len, err);
    if (!data)
        return -1;
    if (sl_is_pdf(data, len) && (io->format == SL_FORMAT_AUTO || io->format == SL_FORMAT_TEXT)) {
        free(data);
        if (!(data = sl_pdf_text(path, &len, err)))
            return -1;
    }
    int rc;
    if (inspection || (io->format == SL_FORMAT_AUTO && !sl_is_zip(data, len) && sl_inspection_detect(data, len))) {
        rc = read_report(path, data, len, r, err);
    } else {
        sl_plan_set set;
        sl_import_options o = *io;
        /* Only a plan document, with no --authority, is matched to an authority. */
        if (!o.authority && sl_import_format(path, data, len, io) == SL_FORMAT_TEXT)
            o.authorities = authority_lookup(r);
        rc = sl_import_bytes(path, data, len, &o, &set, err);
        if (rc == 0) {
            r->plans.plans = sl_realloc(r->plans.plans, (r->plans.n_plans + set.n_plans) * sizeof *set.plans);
            memcpy(r->plans.plans + r->plans.n_plans, set.plans, set.n_plans * sizeof *set.plans);
            r->plans.n_plans += set.n_plans;
            free(set.plans);
        }
    }
    free(data);
    return rc;
}

/* Stores the reports read (one transaction) and says what happened. */
static int store_reports(sl_store *store, const sl_cli *cli, readings *r, int dry, sl_error *err)
{
    int added = 0, already = 0;
    if (!dry && sl_store_inspections(store, cli, &r->reports, &added, &already, err) < 0)
        return -1;
    if (r->reports.n == 1) {
        const sl_inspection *in = &r->reports.inspections[0];
        char start[11] = "?", end[11] = "?";
        if (in->start != SL_NO_DAY)
            sl_day_format(in->start, start);
        if (in->end != SL_NO_DAY)
            sl_day_format(in->end, end);
        printf("%s inspection of %s (%s to %s, %s): %zu recommendations\n",
               dry ? "would import" : already ? "unchanged: already have the" : "imported", in->authority,
               start, end, in->framework ? in->framework : "framework unknown", in->n_items);
    } else {
        printf("%s %zu inspection reports (%d already there)\n", dry ? "would import" : "imported",
               r->reports.n, already);
    }
    return 0;
}

/* Stores the plans read (one transaction), saying what happened. */
static int store_plan_set(sl_store *store, const sl_cli *cli, sl_plan_set *set, int dry, sl_error *err)
{
    plan_fate *fates = sl_calloc((set->n_plans + 1) * sizeof *fates);
    int *versions = sl_calloc((set->n_plans + 1) * sizeof *versions);
    sl_buf *changes = sl_calloc((set->n_plans + 1) * sizeof *changes);
    int rc = decide(store, set, fates, versions, changes, err);
    if (rc == 0 && !dry)
        rc = store_plans(store, cli, set, fates, err);
    if (rc == 0)
        report(set, fates, versions, changes, dry);
    for (size_t i = 0; i < set->n_plans; i++)
        sl_buf_free(&changes[i]);
    free(fates);
    free(versions);
    free(changes);
    return rc;
}

int sl_cmd_import(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--authority", 1), SL_OPT("--format", 1), SL_OPT("--dry-run", 0),
                           SL_OPT("--inspection", 0)};
    const char **pos = sl_calloc(MAX_FILES * sizeof *pos);
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 1, MAX_FILES, &n_pos);
    sl_import_options io = {.authority = opts[OPT_AUTHORITY].value};
    if (rc == 0)
        rc = read_format(cmd, &opts[OPT_FORMAT], &io);
    int dry = opts[OPT_DRY_RUN].count > 0;
    int inspection = opts[OPT_INSPECTION].count > 0;
    sl_cli_free_opts(opts, N_OPTS);
    if (rc) {
        free(pos);
        return rc < 0 ? SL_EXIT_OK : rc;
    }
    sl_error err = {0};
    readings r = {0};
    for (int i = 0; rc == 0 && i < n_pos; i++)
        rc = read_file(pos[i], &io, inspection, &r, &err);
    free(pos);
    if (rc == 0 && r.plans.n_plans && r.reports.n)
        rc = sl_fail(&err, "import plans and inspection reports separately");
    sl_store *store = NULL;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 1)))
        rc = -1;
    if (rc == 0 && r.reports.n)
        rc = store_reports(store, cli, &r, dry, &err);
    else if (rc == 0)
        rc = store_plan_set(store, cli, &r.plans, dry, &err);
    sl_store_close(store);
    sl_plan_set_free(&r.plans);
    sl_inspection_list_free(&r.reports);
    sl_authority_table_free(&r.authorities);
    if (rc < 0)
        return err.set ? sl_cli_refuse(&err) : SL_EXIT_REFUSED;
    return SL_EXIT_OK;
}
