/* cmd_inspections.c — Ofsted inspections: `inspections [--json]` lists them
 * with their judgements and recommendations; `inspections load FILE.csv`
 * loads the community ILACS scrape CSV (every row's authority matched to the
 * reference table, all rows or none); and importing a report (from
 * `import`) stores one inspection. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "cli/inspection_import.h"
#include "domain/authority.h"
#include "import/kind/inspection/ilacs_csv.h"
#include "import/import.h"
#include "util/buf.h"
#include "util/file.h"

int sl_load_authorities(sl_authority_table *table, sl_error *err)
{
    char path[PATH_MAX];
    sl_cli_beside_binary("data/la-lookup.csv", path, sizeof path);
    size_t len;
    char *data = sl_read_file(path, &len, err);
    if (!data)
        return -1;
    int rc = sl_authority_table_read(data, len, path, table, err);
    free(data);
    return rc;
}

int sl_save_inspections(sl_store *store, const sl_cli *cli, const sl_authority_table *table,
                        sl_inspection_list *list, int64_t *ids, int *added, int *already, sl_error *err)
{
    for (size_t i = 0; i < list->n; i++) {
        sl_inspection *in = &list->inspections[i];
        const sl_authority *a = in->urn ? sl_authority_by_code(table, in->urn) : NULL;
        if (!a)
            a = sl_authority_match(table, in->authority);
        if (!a)
            return sl_fail_at(err, in->source_file ? in->source_file : "?", in->source_line,
                              "'%s' is not an authority sightline knows (see data/la-lookup.csv)",
                              in->authority ? in->authority : "");
        int64_t id = 0;
        int found = sl_store_find_inspection(store, in->authority, in->start, &id, err);
        if (found < 0 || (!found && sl_store_save_inspection(store, in, a->ons_code, cli->actor, &id, err) < 0))
            return -1;
        (*(found ? already : added))++;
        if (ids)
            ids[i] = id;
    }
    return 0;
}

int sl_store_inspections(sl_store *store, const sl_cli *cli, sl_inspection_list *list,
                         int *added, int *already, sl_error *err)
{
    sl_authority_table table;
    if (sl_load_authorities(&table, err) < 0)
        return -1;
    int rc = sl_store_begin(store, err);
    if (rc == 0)
        rc = sl_save_inspections(store, cli, &table, list, NULL, added, already, err);
    if (rc == 0)
        rc = sl_store_commit(store, err);
    if (rc < 0)
        sl_store_rollback(store);
    sl_authority_table_free(&table);
    return rc;
}

/* Appends a day as a JSON string, or null. */
static void json_day(sl_buf *b, sl_day day)
{
    char iso[11];
    if (day == SL_NO_DAY) {
        sl_buf_puts(b, "null");
        return;
    }
    sl_day_format(day, iso);
    sl_buf_json_str(b, iso);
}

/* Appends a JSON array of the texts (or, with outcomes, the national
 * framework tags) of the items that are (priority 1) or are not areas for
 * priority action. */
static void json_items(sl_buf *b, const sl_inspection *in, int priority, int outcomes)
{
    int first = 1;
    sl_buf_putc(b, '[');
    for (size_t i = 0; i < in->n_items; i++) {
        if ((in->items[i].priority != 0) != priority)
            continue;
        if (!first)
            sl_buf_putc(b, ',');
        sl_buf_json_str(b, outcomes ? in->items[i].framework_outcome : in->items[i].text);
        first = 0;
    }
    sl_buf_putc(b, ']');
}

typedef struct {
    sl_buf *out;                /* the run's output */
    int json;
    int n;
} listing;

/* Store callback: one inspection as JSON or text. */
static int on_inspection(void *ctx, int64_t id, const char *code, const sl_inspection *in)
{
    listing *l = ctx;
    sl_buf *b = l->out;
    if (l->json) {
        sl_buf_puts(b, l->n ? ",\n{\"id\":" : "\n{\"id\":");
        sl_buf_int(b, id);
        sl_buf_puts(b, ",\"authority\":");
        sl_buf_json_str(b, in->authority);
        sl_buf_puts(b, ",\"authority_code\":");
        sl_buf_json_str(b, code);
        sl_buf_puts(b, ",\"urn\":");
        sl_buf_json_str(b, in->urn);
        sl_buf_puts(b, ",\"start\":");
        json_day(b, in->start);
        sl_buf_puts(b, ",\"end\":");
        json_day(b, in->end);
        sl_buf_puts(b, ",\"published\":");
        json_day(b, in->published);
        sl_buf_puts(b, ",\"kind\":");
        sl_buf_json_str(b, sl_inspection_kind_name(in->kind));
        sl_buf_puts(b, ",\"framework\":");
        sl_buf_json_str(b, in->framework);
        sl_buf_puts(b, ",\"lead_inspector\":");
        sl_buf_json_str(b, in->lead_inspector);
        sl_buf_puts(b, ",\"judgements\":{");
        for (int k = 0; k < SL_JUDGEMENT_COUNT; k++) {
            sl_buf_printf(b, "%s\"%s\":", k ? "," : "", sl_judgement_key((sl_judgement_kind)k));
            sl_buf_json_str(b, in->judgements[k] ? sl_grade_name(in->judgements[k]) : NULL);
        }
        sl_buf_puts(b, "},\"recommendations\":");
        json_items(b, in, 0, 0);
        sl_buf_puts(b, ",\"priority_actions\":");
        json_items(b, in, 1, 0);
        sl_buf_puts(b, ",\"framework_outcomes\":");
        json_items(b, in, 0, 1);
        sl_buf_putc(b, '}');
    } else {
        char start[11] = "?", end[11] = "?";
        if (in->start != SL_NO_DAY)
            sl_day_format(in->start, start);
        if (in->end != SL_NO_DAY)
            sl_day_format(in->end, end);
        sl_buf_printf(b, "%lld  %s  %s to %s  %s\n", (long long)id, in->authority, start, end,
                      in->framework ? in->framework : "");
        for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
            if (in->judgements[k])
                sl_buf_printf(b, "      %-32s %s\n", sl_judgement_label((sl_judgement_kind)k),
                              sl_grade_name(in->judgements[k]));
        size_t recs = sl_inspection_count_items(in, 0), priority = sl_inspection_count_items(in, 1);
        sl_buf_printf(b, "      %zu recommendation%s\n", recs, recs == 1 ? "" : "s");
        if (priority)
            sl_buf_printf(b, "      %zu area%s for priority action\n", priority, priority == 1 ? "" : "s");
    }
    l->n++;
    return 0;
}

/* `inspections load FILE.csv`: the file is read and checked whole before
 * the store is opened (created when it is not there yet). */
static int load(sl_run *run, const char *path)
{
    size_t len;
    char *data = sl_read_file(path, &len, &run->err);
    if (!data)
        return -1;
    sl_inspection_list list = {0};
    int rc = sl_ilacs_csv_read(data, len, path, &list, &run->err);
    char sha[65];
    sl_sha256_hex(data, len, sha);
    free(data);
    for (size_t i = 0; rc == 0 && i < list.n; i++)
        memcpy(list.inspections[i].source_sha256, sha, sizeof sha);
    int added = 0, already = 0;
    if (rc == 0)
        rc = sl_run_open_store(run, 1);
    if (rc == 0)
        rc = sl_store_inspections(run->store, run->cli, &list, &added, &already, &run->err);
    sl_inspection_list_free(&list);
    if (rc == 0)
        sl_buf_printf(&run->out, "loaded %d inspection%s (%d already there)\n", added, added == 1 ? "" : "s",
                      already);
    return rc;
}

/* `inspections`: every inspection stored. */
static int list_all(sl_run *run)
{
    int rc = sl_run_open_store(run, 0);
    if (rc)
        return rc;
    listing l = {.out = &run->out, .json = sl_run_flag(run, "--json")};
    if (l.json)
        sl_buf_putc(l.out, '[');
    if (sl_store_each_inspection(run->store, on_inspection, &l, &run->err) < 0)
        return -1;
    if (l.json)
        sl_buf_puts(l.out, l.n ? "\n]\n" : "]\n");
    else if (l.n == 0)
        sl_buf_puts(l.out, "no inspections yet: `sightline import REPORT` reads one\n");
    return 0;
}

/* Runs the subcommand. Listing needs the store as it is, loading creates it
 * once the file has been read, so each opens it (sl_run_open_store). */
static int inspections_body(sl_run *run)
{
    if (run->n_pos == 2 && strcmp(run->pos[0], "load") == 0)
        return load(run, run->pos[1]);
    if (run->n_pos > 0)
        return sl_cli_usage(run->cmd, "unknown subcommand '%s' (try: inspections load FILE.csv)", run->pos[0]);
    return list_all(run);
}

int sl_cmd_inspections(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--json", 0)};
    static const sl_run_spec spec = {.max_pos = 2, .body = inspections_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
