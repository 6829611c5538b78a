/* cmd_savings.c — `sightline savings [--plan ID] [--json]` (each savings
 * project's target, forecast, delivered, variance and RAG per financial
 * year, £000s) and `sightline savings set PROJECT --year 2021/22
 * [--forecast N] [--delivered N]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { OPT_PLAN, OPT_YEAR, OPT_FORECAST, OPT_DELIVERED, OPT_JSON, N_OPTS };

/* Reads "2021/22" into the year it starts; returns 0 or -1. */
static int read_year(const char *text, int *out)
{
    int y, next;
    char tail;
    if (sscanf(text, "%4d/%2d%c", &y, &next, &tail) != 2 || y < 1900 || y > 2200 || next != (y + 1) % 100)
        return -1;
    *out = y;
    return 0;
}

/* Reads an amount (£000s, 0 or more) when given; leaves *out (-1) otherwise. */
static int read_amount(const sl_command *cmd, const sl_opt *o, double *out)
{
    if (!o->count)
        return 0;
    char *end;
    double v = strtod(o->value, &end);
    if (*end || end == o->value || v < 0 || v > 1e9)
        return sl_cli_usage(cmd, "%s takes an amount in £000s, 0 or more", o->name);
    *out = v;
    return 0;
}

/* `savings set PROJECT --year Y …`. */
static int savings_set(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *project)
{
    int year = 0;
    double forecast = -1, delivered = -1;
    if (!o[OPT_YEAR].count || read_year(o[OPT_YEAR].value, &year) < 0)
        return sl_cli_usage(cmd, "--year takes a financial year written 2021/22");
    int rc = read_amount(cmd, &o[OPT_FORECAST], &forecast);
    if (rc == 0)
        rc = read_amount(cmd, &o[OPT_DELIVERED], &delivered);
    if (rc == 0 && forecast < 0 && delivered < 0)
        rc = sl_cli_usage(cmd, "give --forecast N and/or --delivered N");
    sl_store *store = rc ? NULL : sl_cli_open_store(cli, 0);
    if (rc || !store)
        return rc ? rc : SL_EXIT_REFUSED;
    int64_t plan_id = 0;
    sl_error err = {0};
    rc = sl_cli_plan(store, &o[OPT_PLAN], &plan_id);
    if (rc == 0 && sl_store_begin(store, &err) < 0)
        rc = sl_cli_refuse(&err);
    else if (rc == 0)
        rc = sl_cli_finish_write(
            store, sl_store_savings_set(store, plan_id, project, year, forecast, delivered, cli->actor, &err) < 0,
            &err);
    if (rc == 0)
        printf("%s %d/%02d recorded\n", project, year, (year + 1) % 100);
    sl_store_close(store);
    return rc;
}

/* Appends an amount as JSON (null when < 0). */
static void json_amount(sl_buf *b, const char *key, double v)
{
    if (v < 0)
        sl_buf_printf(b, ",\"%s\":null", key);
    else
        sl_buf_printf(b, ",\"%s\":%g", key, v);
}

/* Writes an amount with one decimal, or "-" when not recorded (< 0). */
static void amount_text(double v, char out[24])
{
    if (v < 0)
        snprintf(out, 24, "-");
    else
        snprintf(out, 24, "%.1f", v);
}

/* Appends one row (text or JSON). */
static void savings_row(sl_buf *b, const sl_savings_row *r, int json, int first)
{
    double variance = 0;
    sl_rag rag = sl_savings_rag(r->target, r->forecast, r->delivered, &variance);
    if (!json) {
        char target[24], forecast[24], delivered[24];
        amount_text(r->target, target);
        amount_text(r->forecast, forecast);
        amount_text(r->delivered, delivered);
        sl_buf_printf(b, "%-12.12s %-40.40s %d/%02d  target %8s  forecast %8s  delivered %8s  variance %8.1f  %s\n",
                      r->ref, r->title, r->fy_start_year, (r->fy_start_year + 1) % 100, target, forecast, delivered,
                      variance, sl_rag_name(rag));
        return;
    }
    sl_buf_printf(b, "%s{\"plan\":%lld,\"project\":", first ? "\n" : ",\n", (long long)r->plan_id);
    sl_buf_json_str(b, r->ref);
    sl_buf_puts(b, ",\"title\":");
    sl_buf_json_str(b, r->title);
    sl_buf_printf(b, ",\"year\":\"%d/%02d\"", r->fy_start_year, (r->fy_start_year + 1) % 100);
    json_amount(b, "target", r->target);
    json_amount(b, "forecast", r->forecast);
    json_amount(b, "delivered", r->delivered);
    sl_buf_printf(b, ",\"variance\":%g,\"rag\":\"%s\"}", variance, sl_rag_name(rag));
}

/* `savings [--plan ID] [--json]`. */
static int savings_list(const sl_cli *cli, sl_opt *o)
{
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    int64_t plan_id = 0;
    sl_error err = {0};
    sl_savings_row *rows = NULL;
    int rc = sl_cli_plan(store, &o[OPT_PLAN], &plan_id);
    int n = rc ? 0 : sl_store_savings(store, plan_id, &rows, &err);
    sl_store_close(store);
    if (rc || n < 0)
        return rc ? rc : sl_cli_refuse(&err);
    int json = o[OPT_JSON].count > 0;
    sl_buf out = SL_BUF_INIT;
    sl_buf_puts(&out, json ? "[" : "");
    for (int i = 0; i < n; i++)
        savings_row(&out, &rows[i], json, i == 0);
    sl_buf_puts(&out, json ? (n ? "\n]\n" : "]\n") : "");
    rc = sl_cli_output(&out, NULL);
    sl_buf_free(&out);
    sl_savings_rows_free(rows, n);
    return rc;
}

int sl_cmd_savings(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--year", 1), SL_OPT("--forecast", 1),
                        SL_OPT("--delivered", 1), SL_OPT("--json", 0)};
    const char *pos[2] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 0, 2, &n_pos);
    if (rc == 0 && n_pos == 0)
        rc = savings_list(cli, o);
    else if (rc == 0 && n_pos == 2 && strcmp(pos[0], "set") == 0)
        rc = savings_set(cli, cmd, o, pos[1]);
    else if (rc == 0)
        rc = sl_cli_usage(cmd, "try: savings [--plan ID], or savings set PROJECT --year 2021/22 --forecast N");
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
