/* cmd_savings.c — `sightline savings [--plan ID] [--json]` (each savings
 * project's target, forecast, delivered, variance and RAG per financial
 * year, £000s) and `sightline savings set PROJECT --year 2021/22
 * [--forecast N] [--delivered N]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/governance.h"

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

/* What `savings set` records. */
typedef struct {
    int year;
    double forecast, delivered;  /* -1 when not given */
} savings_ctx;

/* Checks `savings set`'s options into run->ctx; returns 0 or SL_EXIT_USAGE. */
static int check_set(sl_run *run)
{
    savings_ctx *c = run->ctx;
    sl_opt *o = run->opts;
    if (!o[OPT_YEAR].count || read_year(o[OPT_YEAR].value, &c->year) < 0)
        return sl_cli_usage(run->cmd, "--year takes a financial year written 2021/22");
    int rc = read_amount(run->cmd, &o[OPT_FORECAST], &c->forecast);
    if (rc == 0)
        rc = read_amount(run->cmd, &o[OPT_DELIVERED], &c->delivered);
    if (rc == 0 && c->forecast < 0 && c->delivered < 0)
        rc = sl_cli_usage(run->cmd, "give --forecast N and/or --delivered N");
    return rc;
}

/* `savings set PROJECT --year Y …`: check_set read the figures. */
static int savings_set(sl_run *run)
{
    const savings_ctx *c = run->ctx;
    const char *project = run->pos[1];
    if (sl_run_begin(run) < 0 ||
        sl_run_end(run, sl_store_savings_set(run->store, run->plan_id, project, c->year, c->forecast, c->delivered,
                                             run->cli->actor, &run->err) < 0) < 0)
        return -1;
    sl_buf_printf(&run->out, "%s %d/%02d recorded\n", project, c->year, (c->year + 1) % 100);
    return 0;
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
static int savings_list(sl_run *run)
{
    sl_savings_row *rows = NULL;
    int n = sl_store_savings(run->store, run->plan_id, &rows, &run->err);
    if (n < 0)
        return -1;
    int json = sl_run_flag(run, "--json");
    sl_run_list_open(run, json);
    for (int i = 0; i < n; i++)
        savings_row(&run->out, &rows[i], json, i == 0);
    sl_run_list_close(run, json, n);
    sl_savings_rows_free(rows, n);
    return 0;
}

int sl_cmd_savings(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--year", 1), SL_OPT("--forecast", 1),
                           SL_OPT("--delivered", 1), SL_OPT("--json", 0)};
    static const sl_run_sub subs[] = {{NULL, 0, NULL, savings_list}, {"set", 2, check_set, savings_set}, {0}};
    static const sl_run_spec spec = {
        .max_pos = 2, .store = SL_RUN_STORE, .subs = subs,
        .sub_usage = "try: savings [--plan ID], or savings set PROJECT --year 2021/22 --forecast N"};
    savings_ctx c = {0, -1, -1};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &c);
}
