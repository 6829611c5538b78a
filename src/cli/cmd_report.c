/* cmd_report.c — `sightline report KIND … --format html|md|xlsx [-o FILE]`:
 * a board paper (report_kinds.h) built once and written in the format asked
 * for, to FILE (whole or not at all) or to standard output; and
 * `sightline report comment highlight …`: the written commentary a highlight
 * report carries from one edition to the next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/governance.h"
#include "report/report_kinds.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

enum {
    OPT_PLAN, OPT_BOARD, OPT_MEETING, OPT_AS_OF, OPT_FORMAT, OPT_OUTPUT, OPT_DAYS, OPT_THEME,
    OPT_SECTION, OPT_TEXT, N_OPTS
};
typedef enum { FORMAT_HTML, FORMAT_MD, FORMAT_XLSX } format;

#define DEFAULT_HORIZON_DAYS 30

/* What the checks read for the body. */
typedef struct {
    const sl_report_kind *kind; /* the report asked for (NULL for `report comment`) */
    format f;
    sl_report_params params;
    sl_commentary comment;      /* `report comment`'s commentary */
} report_ctx;

/* Reads a YYYY-MM-DD option into *day (keeping *day when the option is
 * absent); returns 0 or SL_EXIT_USAGE, saying whether the text is no date
 * at all or a day the calendar lacks (2017-02-30). */
static int read_day(const sl_command *cmd, const sl_opt *opt, sl_day *day)
{
    if (!opt->count || sl_day_parse_iso(opt->value, day) == 0)
        return 0;
    int y, m, d;
    char tail;
    if (sscanf(opt->value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen(opt->value) == 10)
        return sl_cli_usage(cmd, "%s %s: there is no such day", opt->name, opt->value);
    return sl_cli_usage(cmd, "%s '%s' is not a date written YYYY-MM-DD", opt->name, opt->value);
}

/* Reads --format and --output; returns 0 or SL_EXIT_USAGE after saying why. */
static int read_format(const sl_command *cmd, const sl_opt *opts, format *f)
{
    static const char *const names[] = {"html", "md", "xlsx"};
    if (!opts[OPT_FORMAT].count)
        return sl_cli_usage(cmd, "--format html, md or xlsx is required");
    size_t i = 0;
    while (i < 3 && strcmp(opts[OPT_FORMAT].value, names[i]) != 0)
        i++;
    if (i == 3)
        return sl_cli_usage(cmd, "--format must be html, md or xlsx, not '%s'",
                            opts[OPT_FORMAT].value);
    *f = (format)i;
    if (opts[OPT_OUTPUT].count && !*opts[OPT_OUTPUT].value)
        return sl_cli_usage(cmd, "--output needs a file name");
    if (*f == FORMAT_XLSX && !opts[OPT_OUTPUT].count && isatty(STDOUT_FILENO))
        return sl_cli_usage(cmd, "an xlsx workbook is binary: redirect it to a file "
                                 "(> report.xlsx) or use -o FILE");
    return 0;
}

/* Writes the report in format f to output (NULL: standard output), a file
 * at a time: a temporary file beside it, renamed over it. Returns 0 or -1. */
static int write_report(const sl_report *r, format f, const char *output, sl_error *err)
{
    sl_buf out = SL_BUF_INIT;
    if (f != FORMAT_XLSX) {
        if (f == FORMAT_HTML)
            sl_report_html(&out, r);
        else
            sl_report_md(&out, r);
        if (!output) {
            int rc = sl_buf_write(&out, stdout);
            sl_buf_free(&out);
            return rc < 0 ? sl_fail(err, "cannot write the report to standard output") : 0;
        }
    }
    char *tmp = sl_cli_temp_file(output, err);
    int rc = tmp ? 0 : -1;
    if (rc == 0)
        rc = f == FORMAT_XLSX ? sl_report_xlsx(tmp, r, err) : sl_cli_write_buf_file(&out, tmp, err);
    if (rc == 0 && output && rename(tmp, output) != 0)
        rc = sl_fail_at(err, output, 0, "cannot write the report");
    else if (rc == 0 && !output)
        rc = sl_cli_copy_file(tmp, stdout, err);
    if (tmp && (rc < 0 || !output))
        remove(tmp);
    free(tmp);
    sl_buf_free(&out);
    return rc;
}

/* Checks a report's options into c before the store is opened; returns 0
 * or SL_EXIT_USAGE after saying why. */
static int check_report(const sl_command *cmd, const sl_opt *opts, report_ctx *c)
{
    if (opts[OPT_THEME].count || opts[OPT_SECTION].count || opts[OPT_TEXT].count)
        return sl_cli_usage(cmd, "--theme, --section and --text belong to `report comment`");
    c->params = (sl_report_params){.board = opts[OPT_BOARD].count ? opts[OPT_BOARD].value : NULL,
                                   .meeting = SL_NO_DAY, .horizon_days = DEFAULT_HORIZON_DAYS};
    c->params.as_of = sl_today();
    int rc = read_format(cmd, opts, &c->f);
    if (rc == 0)
        rc = read_day(cmd, &opts[OPT_AS_OF], &c->params.as_of);
    if (rc == 0)
        rc = read_day(cmd, &opts[OPT_MEETING], &c->params.meeting);
    if (rc == 0 && opts[OPT_DAYS].count) {
        char *end;
        long days = strtol(opts[OPT_DAYS].value, &end, 10);
        if (*end || end == opts[OPT_DAYS].value || days < 0 || days > 3660)
            rc = sl_cli_usage(cmd, "--days must be a number of days from 0 to 3660");
        c->params.horizon_days = (int)days;
    }
    return rc;
}

/* Builds and writes the report check_report read; returns 0, -1 with
 * run->err set, or an exit status after saying why. */
static int run_report(sl_run *run, report_ctx *c)
{
    sl_opt *opts = run->opts;
    int rc = sl_cli_plan(run->store, &opts[OPT_PLAN], &c->params.plan_id);
    if (rc)
        return rc;
    sl_report r;
    rc = c->kind->build(run->store, &c->params, &r, &run->err);
    if (rc == 0)
        rc = write_report(&r, c->f, opts[OPT_OUTPUT].count ? opts[OPT_OUTPUT].value : NULL, &run->err);
    sl_report_free(&r);
    return rc < 0 ? -1 : 0;
}

/* Checks the options of `report comment`; returns 0 or SL_EXIT_USAGE. */
static int check_comment(const sl_command *cmd, const sl_opt *opts, const char *kind)
{
    if (strcmp(kind, "highlight") != 0)
        return sl_cli_usage(cmd, "commentary is kept for the highlight report only, not '%s'",
                            kind);
    if (!opts[OPT_PLAN].count || !opts[OPT_THEME].count || !opts[OPT_SECTION].count ||
        !opts[OPT_TEXT].count)
        return sl_cli_usage(cmd, "report comment needs --plan, --theme, --section and --text");
    if (!sl_highlight_section_valid(opts[OPT_SECTION].value))
        return sl_cli_usage(cmd, "--section must be working-well, how-we-know, worried or next");
    return 0;
}

/* What the theme search looks for and finds. */
typedef struct {
    const char *wanted;
    char *ref;                  /* the theme's ref once found (owned) */
} theme_search;

/* Store callback: stops at the first action whose theme ref or title is the one wanted. */
static int on_theme(void *ctx, const sl_action_row *row)
{
    theme_search *t = ctx;
    if (strcasecmp(row->theme_ref, t->wanted) != 0 && strcasecmp(row->theme, t->wanted) != 0)
        return 0;
    t->ref = sl_strdup(row->theme_ref);
    return 1;
}

/* Finds the ref of the plan's theme named by ref or title into *ref (caller
 * frees); returns 0, or SL_EXIT_REFUSED after saying it has none such. */
static int resolve_theme(sl_store *store, int64_t plan_id, const char *wanted, char **ref)
{
    sl_error err = {0};
    theme_search t = {wanted, NULL};
    sl_action_query q = {.plan_id = plan_id, .as_of = sl_today(), .due_before = SL_NO_DAY};
    if (sl_store_each_action(store, &q, on_theme, &t, &err) < 0)
        return sl_cli_refuse(&err);
    if (!t.ref) {
        sl_fail(&err, "the plan has no theme '%s' (see `sightline actions --plan %lld`)", wanted,
                (long long)plan_id);
        return sl_cli_refuse(&err);
    }
    *ref = t.ref;
    return 0;
}

/* `report comment highlight …`: stores a section's commentary for a theme
 * (check_comment read it) and says so. */
static int run_comment(sl_run *run, sl_commentary *c)
{
    int rc = sl_cli_plan(run->store, &run->opts[OPT_PLAN], &c->plan_id);
    char *theme_ref = NULL;
    if (rc == 0)
        rc = resolve_theme(run->store, c->plan_id, c->theme_ref, &theme_ref);
    if (rc)
        return rc;
    c->theme_ref = theme_ref;
    if (sl_run_begin(run) == 0 &&
        sl_run_end(run, sl_store_commentary_add(run->store, c, run->cli->actor, &run->err) < 0) == 0)
        sl_buf_printf(&run->out, "commentary on theme %s, %s, kept from %s%s\n", c->theme_ref, c->section,
                      run->opts[OPT_AS_OF].count ? run->opts[OPT_AS_OF].value : "today", *c->text ? "" : " (cleared)");
    else
        rc = -1;
    free(theme_ref);
    return rc;
}

/* Checks the arguments and reads the options before the store is opened:
 * `report comment highlight …` or `report KIND …`; returns 0 or SL_EXIT_USAGE. */
static int check_arguments(sl_run *run)
{
    report_ctx *c = run->ctx;
    const sl_opt *opts = run->opts;
    if (strcmp(run->pos[0], "comment") == 0) {
        if (run->n_pos != 2)
            return sl_cli_usage(run->cmd, "report comment names the report: highlight");
        c->comment = (sl_commentary){.report = run->pos[1], .theme_ref = opts[OPT_THEME].value,
                                     .section = opts[OPT_SECTION].value, .text = opts[OPT_TEXT].value};
        c->comment.day = sl_today();
        int rc = check_comment(run->cmd, opts, run->pos[1]);
        return rc ? rc : read_day(run->cmd, &opts[OPT_AS_OF], &c->comment.day);
    }
    c->kind = sl_report_kind_find(run->pos[0]);
    if (!c->kind || run->n_pos != 1)
        return sl_cli_usage(run->cmd, "unknown report '%s': highlight, scrutiny, recommendations, "
                                          "board or chair",
                            run->n_pos == 1 ? run->pos[0] : run->pos[1]);
    return check_report(run->cmd, opts, c);
}

/* Writes the report, or stores the commentary. */
static int report_body(sl_run *run)
{
    report_ctx *c = run->ctx;
    return c->kind ? run_report(run, c) : run_comment(run, &c->comment);
}

/* Returns a copy of argv (caller frees the array) with the short option
 * "-o" spelt --output, as SPEC.md §5.1 allows; "-o" as the value of an
 * option (every option of this command takes one: --text -o) stays. */
static char **expand_short(int argc, char **argv)
{
    char **copy = sl_calloc(((size_t)argc + 1) * sizeof *copy);
    for (int i = 0; i < argc; i++) {
        int is_value = i > 1 && strncmp(argv[i - 1], "--", 2) == 0 && !strchr(argv[i - 1], '=') &&
                       strcmp(argv[i - 1], "--help") != 0;
        copy[i] = i > 0 && !is_value && strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
    }
    return copy;
}

int sl_cmd_report(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1),    SL_OPT("--board", 1), SL_OPT("--meeting", 1),
                           SL_OPT("--as-of", 1),   SL_OPT("--format", 1), SL_OPT("--output", 1),
                           SL_OPT("--days", 1),    SL_OPT("--theme", 1), SL_OPT("--section", 1),
                           SL_OPT("--text", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 2, .store = SL_RUN_STORE, .own_as_of_plan = 1,
                                     .check = check_arguments, .body = report_body};
    report_ctx c = {0};
    char **args = expand_short(argc, argv);
    int rc = SL_CLI_RUN(cli, cmd, argc, args, opts, &spec, &c);
    free(args);
    return rc;
}
