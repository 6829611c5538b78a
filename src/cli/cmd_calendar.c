/* cmd_calendar.c — `sightline calendar [--json] [--ics] [--board NAME]
 * [--as-of DATE] [-o FILE]`: what is due and overdue (papers, substitute
 * notices, minutes, chair's reports, terms-of-reference reviews, meetings,
 * actions arising, plan actions, measures' milestones, post-inspection plans), as a table, JSON or
 * an iCalendar feed. The token subcommands are in cmd_calendar_token.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/governance.h"
#include "domain/governance_calendar.h"
#include "report/governance_calendar_view.h"
#include "util/clock.h"
#include "util/mem.h"

enum { OPT_JSON, OPT_ICS, OPT_BOARD, OPT_AS_OF, OPT_OUTPUT, OPT_USER, OPT_TOKEN, N_OPTS };

/* Appends the calendar as JSON objects with kind, date, board, meeting, title, state. */
static void calendar_json(sl_buf *b, const sl_gcal *cal, sl_day as_of)
{
    sl_buf_putc(b, '[');
    for (size_t i = 0; i < cal->n; i++) {
        const sl_gcal_entry *e = &cal->entries[i];
        char day[11], meeting[11];
        sl_day_format(e->date, day);
        sl_day_format(e->meeting, meeting);
        sl_buf_printf(b, "%s{\"kind\":\"%s\",\"date\":\"%s\",\"board\":", i ? ",\n" : "\n",
                      sl_gcal_kind_name(e->kind), day);
        sl_buf_json_str(b, e->board);
        sl_buf_puts(b, ",\"meeting\":");
        sl_buf_json_str(b, e->meeting != SL_NO_DAY ? meeting : NULL);
        sl_buf_puts(b, ",\"title\":");
        sl_buf_json_str(b, e->title);
        sl_buf_printf(b, ",\"state\":\"%s\"}", sl_gcal_state(e, as_of));
    }
    sl_buf_puts(b, cal->n ? "\n]\n" : "]\n");
}

/* Appends the calendar as a table. */
static void calendar_text(sl_buf *b, const sl_gcal *cal, sl_day as_of)
{
    for (size_t i = 0; i < cal->n; i++) {
        const sl_gcal_entry *e = &cal->entries[i];
        char day[11];
        sl_day_format(e->date, day);
        sl_buf_printf(b, "%s  %-8s  %-22s %s%s%s\n", day, sl_gcal_state(e, as_of), sl_gcal_kind_name(e->kind),
                      e->board ? e->board : "", e->board ? ": " : "", e->title);
    }
}

/* `calendar …`: checks a --token when given, builds the calendar and
 * writes it to run->out, or to the file --output names. */
static int calendar(sl_run *run)
{
    sl_opt *o = run->opts;
    sl_gcal cal = {0};
    int rc = o[OPT_TOKEN].count ? sl_cli_calendar_token_check(run->store, o[OPT_TOKEN].value) : 0;
    if (rc == 0 && sl_gcal_build(run->store, o[OPT_BOARD].value, run->as_of, &cal, &run->err) < 0)
        rc = -1;
    if (rc == 0) {
        if (o[OPT_ICS].count)
            sl_gcal_ics(&run->out, &cal);
        else if (o[OPT_JSON].count)
            calendar_json(&run->out, &cal, run->as_of);
        else
            calendar_text(&run->out, &cal, run->as_of);
    }
    if (rc == 0 && o[OPT_OUTPUT].value) {
        rc = sl_cli_write_buf_file(&run->out, o[OPT_OUTPUT].value, &run->err);
        sl_buf_reset(&run->out);
    }
    sl_gcal_free(&cal);
    return rc;
}

/* Checks the arguments before the store is opened: --as-of and the format
 * of the calendar, or the token subcommand's; returns 0 or an exit status
 * after saying why. */
static int check_calendar(sl_run *run)
{
    if (run->n_pos > 0 && strcmp(run->pos[0], "token") == 0)
        return sl_run_calendar_token_check(run);
    if (run->n_pos > 0)
        return sl_cli_usage(run->cmd, "unexpected argument '%s'", run->pos[0]);
    int rc = sl_cli_as_of(run->cmd, &run->opts[OPT_AS_OF], &run->as_of);
    if (rc == 0 && run->opts[OPT_JSON].count && run->opts[OPT_ICS].count)
        rc = sl_cli_usage(run->cmd, "give --json or --ics, not both");
    return rc;
}

/* Writes the calendar, or runs the token subcommand. */
static int calendar_body(sl_run *run)
{
    return run->n_pos == 0 ? calendar(run) : sl_run_calendar_token(run);
}

int sl_cmd_calendar(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--json", 0),  SL_OPT("--ics", 0),  SL_OPT("--board", 1), SL_OPT("--as-of", 1),
                        SL_OPT("--output", 1), SL_OPT("--user", 1), SL_OPT("--token", 1)};
    static const sl_run_spec spec = {.max_pos = 3, .store = SL_RUN_STORE, .own_as_of_plan = 1,
                                     .check = check_calendar, .body = calendar_body};
    char **args = sl_cli_short_output(argc, argv);
    int rc = SL_CLI_RUN(cli, cmd, argc, args, o, &spec, NULL);
    free(args);
    return rc;
}
