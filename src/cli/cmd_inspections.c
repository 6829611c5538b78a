/* cmd_inspections.c — Ofsted inspections: `inspections [--json]` lists them
 * with their judgements and recommendations; `inspections load FILE.csv`
 * loads the community ILACS scrape CSV (every row's authority matched to the
 * reference table, all rows or none); and importing a report (from
 * `import`) stores one inspection. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/inspection_import.h"
#include "domain/authority.h"
#include "import/ilacs_csv.h"
#include "import/import.h"
#include "util/buf.h"
#include "util/file.h"

enum { OPT_JSON, N_OPTS };

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

int sl_store_inspections(sl_store *store, const sl_cli *cli, sl_inspection_list *list,
                         int *added, int *already, sl_error *err)
{
    sl_authority_table table;
    if (sl_load_authorities(&table, err) < 0)
        return -1;
    int rc = sl_store_begin(store, err);
    for (size_t i = 0; rc == 0 && i < list->n; i++) {
        sl_inspection *in = &list->inspections[i];
        const sl_authority *a = in->urn ? sl_authority_by_code(&table, in->urn) : NULL;
        if (!a)
            a = sl_authority_match(&table, in->authority);
        if (!a) {
            rc = sl_fail_at(err, in->source_file ? in->source_file : "?", in->source_line,
                            "'%s' is not an authority sightline knows (see data/la-lookup.csv)",
                            in->authority ? in->authority : "");
            break;
        }
        int64_t id;
        int found = sl_store_find_inspection(store, in->authority, in->start, &id, err);
        if (found < 0)
            rc = -1;
        else if (found)
            (*already)++;
        else if ((rc = sl_store_save_inspection(store, in, a->ons_code, cli->actor, &id, err)) == 0)
            (*added)++;
    }
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

typedef struct {
    sl_buf out;
    int json;
    int n;
} listing;

/* Store callback: one inspection as JSON or text. */
static int on_inspection(void *ctx, int64_t id, const char *code, const sl_inspection *in)
{
    listing *l = ctx;
    sl_buf *b = &l->out;
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
        sl_buf_puts(b, ",\"framework\":");
        sl_buf_json_str(b, in->framework);
        sl_buf_puts(b, ",\"lead_inspector\":");
        sl_buf_json_str(b, in->lead_inspector);
        sl_buf_puts(b, ",\"judgements\":{");
        for (int k = 0; k < SL_JUDGEMENT_COUNT; k++) {
            sl_buf_printf(b, "%s\"%s\":", k ? "," : "", sl_judgement_key((sl_judgement_kind)k));
            sl_buf_json_str(b, in->judgements[k] ? sl_grade_name(in->judgements[k]) : NULL);
        }
        sl_buf_puts(b, "},\"recommendations\":[");
        for (size_t i = 0; i < in->n_items; i++) {
            if (i)
                sl_buf_putc(b, ',');
            sl_buf_json_str(b, in->items[i].text);
        }
        sl_buf_puts(b, "],\"framework_outcomes\":[");
        for (size_t i = 0; i < in->n_items; i++) {
            if (i)
                sl_buf_putc(b, ',');
            sl_buf_json_str(b, in->items[i].framework_outcome);
        }
        sl_buf_puts(b, "]}");
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
        sl_buf_printf(b, "      %zu recommendation%s\n", in->n_items, in->n_items == 1 ? "" : "s");
    }
    l->n++;
    return 0;
}

/* `inspections load FILE.csv`. */
static int load(const sl_cli *cli, const char *path)
{
    sl_error err = {0};
    size_t len;
    char *data = sl_read_file(path, &len, &err);
    if (!data)
        return sl_cli_refuse(&err);
    sl_inspection_list list = {0};
    int rc = sl_ilacs_csv_read(data, len, path, &list, &err);
    char sha[65];
    sl_sha256_hex(data, len, sha);
    free(data);
    if (rc < 0)
        return sl_cli_refuse(&err);
    for (size_t i = 0; i < list.n; i++)
        memcpy(list.inspections[i].source_sha256, sha, sizeof sha);
    sl_store *store = sl_cli_open_store(cli, 1);
    int added = 0, already = 0;
    if (!store)
        rc = -1, err.set = 0;
    else
        rc = sl_store_inspections(store, cli, &list, &added, &already, &err);
    sl_store_close(store);
    sl_inspection_list_free(&list);
    if (rc < 0)
        return err.set ? sl_cli_refuse(&err) : SL_EXIT_REFUSED;
    printf("loaded %d inspection%s (%d already there)\n", added, added == 1 ? "" : "s", already);
    return SL_EXIT_OK;
}

int sl_cmd_inspections(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--json", 0)};
    const char *pos[2] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 2, &n_pos);
    int json = opts[OPT_JSON].count > 0;
    sl_cli_free_opts(opts, N_OPTS);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    if (n_pos == 2 && strcmp(pos[0], "load") == 0)
        return load(cli, pos[1]);
    if (n_pos > 0)
        return sl_cli_usage(cmd, "unknown subcommand '%s' (try: inspections load FILE.csv)", pos[0]);
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    listing l = {.json = json};
    sl_error err = {0};
    if (json)
        sl_buf_putc(&l.out, '[');
    rc = sl_store_each_inspection(store, on_inspection, &l, &err);
    sl_store_close(store);
    if (json)
        sl_buf_puts(&l.out, l.n ? "\n]\n" : "]\n");
    else if (l.n == 0)
        sl_buf_puts(&l.out, "no inspections yet: `sightline import REPORT` reads one\n");
    if (rc == 0)
        sl_buf_write(&l.out, stdout);
    sl_buf_free(&l.out);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
