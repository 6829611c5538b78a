/* cmd_summary.c — `sightline summary`: every authority side by side, as of a
 * day, filtered by region, sorted and paged (report/summary.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/inspection_import.h"
#include "cli/run.h"
#include "report/summary.h"
#include "util/buf.h"

/* The paging and sorting the options ask for. */
typedef struct {
    long page, per_page;
    const char *sort;
} summary_args;

/* Reads a whole number in [lo, hi] from text into *out; returns 0 or -1. */
static int read_count(const char *text, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (!*text || errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* Checks --page, --per-page and --sort before the store is opened. */
static int summary_check(sl_run *run)
{
    summary_args *a = run->ctx;
    const sl_opt *page = sl_run_opt(run, "--page"), *per = sl_run_opt(run, "--per-page");
    const sl_opt *sort = sl_run_opt(run, "--sort");
    a->page = 1;
    a->per_page = 50;
    if (page->value && read_count(page->value, 1, 1000000, &a->page) < 0)
        return sl_cli_usage(run->cmd, "--page needs a whole number, 1 or more (got '%s')", page->value);
    if (per->value && read_count(per->value, 1, 1000000, &a->per_page) < 0)
        return sl_cli_usage(run->cmd, "--per-page needs a whole number, 1 or more (got '%s')",
                            per->value);
    a->sort = sort->value ? sort->value : "authority";
    for (int i = 0; sl_summary_columns[i]; i++)
        if (strcmp(sl_summary_columns[i], a->sort) == 0)
            return 0;
    sl_buf cols = {0};
    for (int i = 0; sl_summary_columns[i]; i++)
        sl_buf_cprintf(&cols, "%s%s", i ? ", " : "", sl_summary_columns[i]);
    int rc = sl_cli_usage(run->cmd, "--sort %s: not a column (columns: %s)", a->sort, sl_buf_str(&cols));
    sl_buf_free(&cols);
    return rc;
}

/* Refuses a region the reference table does not know (by name or ONS code). */
static int check_region(sl_run *run, const sl_authority_table *t, const char *region)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcasecmp(t->authorities[i].region, region) == 0 ||
            strcasecmp(t->authorities[i].region_code, region) == 0)
            return 0;
    sl_buf names = {0};
    for (size_t i = 0; i < t->n; i++) {
        const char *r = t->authorities[i].region;
        size_t k = 0;
        while (k < i && strcmp(t->authorities[k].region, r) != 0)
            k++;
        if (k == i && *r)
            sl_buf_cprintf(&names, "%s%s", sl_buf_str(&names)[0] ? ", " : "", r);
    }
    sl_fail_code(&run->err, SL_ERR_INVALID, "unknown region '%s' (regions: %s)", region,
                 sl_buf_str(&names));
    sl_buf_free(&names);
    return -1;
}

/* Builds, filters, sorts and pages the summary into run->out. */
static int summary_body(sl_run *run)
{
    summary_args *a = run->ctx;
    const char *region = sl_run_opt(run, "--region")->value;
    sl_authority_table table;
    if (sl_load_authorities(&table, &run->err) < 0)
        return -1;
    sl_summary s = {0};
    int rc = region ? check_region(run, &table, region) : 0;
    if (rc == 0)
        rc = sl_summary_build(run->store, &table, run->as_of, &s, &run->err);
    if (rc == 0 && region)
        sl_summary_filter_region(&s, &table, region);
    if (rc == 0)
        sl_summary_sort(&s, a->sort);
    size_t first = (size_t)(a->page - 1) * (size_t)a->per_page;
    if (rc == 0 && a->page > 1 && first >= s.n)
        rc = sl_fail_code(&run->err, SL_ERR_INVALID,
                          "--page %ld is past the end: %zu authorities make %zu page(s) of %ld",
                          a->page, s.n, (s.n + (size_t)a->per_page - 1) / (size_t)a->per_page,
                          a->per_page);
    size_t count = rc == 0 && first < s.n ? s.n - first : 0;
    if (count > (size_t)a->per_page)
        count = (size_t)a->per_page;
    if (rc == 0 && sl_run_flag(run, "--json"))
        sl_summary_json(&run->out, &s, first, count, (int)a->page, (int)a->per_page, run->as_of);
    else if (rc == 0)
        sl_summary_text(&run->out, &s, first, count, (int)a->page, (int)a->per_page);
    sl_summary_free(&s);
    sl_authority_table_free(&table);
    return rc;
}

/* `sightline summary`: the options and the runner. */
int sl_cmd_summary(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--json", 0),   SL_OPT("--as-of", 1), SL_OPT("--region", 1),
                     SL_OPT("--sort", 1),   SL_OPT("--page", 1),  SL_OPT("--per-page", 1)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .check = summary_check,
                                     .body = summary_body};
    summary_args args = {0};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &args);
}
