/* cmd_calendar.c — `sightline calendar [--json] [--ics] [--board NAME]
 * [--as-of DATE] [-o FILE]`: what is due and overdue (papers, substitute
 * notices, minutes, chair's reports, terms-of-reference reviews, meetings,
 * actions arising, plan actions, measures' milestones, post-inspection plans), as a table, JSON or
 * an iCalendar feed. The token subcommands are in cmd_calendar_token.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
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

/* `calendar …`: checks a --token when given, builds and writes the calendar. */
static int calendar(const sl_cli *cli, const sl_command *cmd, sl_opt *o)
{
    sl_day as_of;
    int rc = sl_cli_as_of(cmd, &o[OPT_AS_OF], &as_of);
    if (rc == 0 && o[OPT_JSON].count && o[OPT_ICS].count)
        rc = sl_cli_usage(cmd, "give --json or --ics, not both");
    sl_store *store = rc ? NULL : sl_cli_open_store(cli, 0);
    if (rc || !store)
        return rc ? rc : SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_gcal cal = {0};
    rc = o[OPT_TOKEN].count ? sl_cli_calendar_token_check(store, o[OPT_TOKEN].value) : 0;
    if (rc == 0 && sl_gcal_build(store, o[OPT_BOARD].value, as_of, &cal, &err) < 0)
        rc = sl_cli_refuse(&err);
    sl_store_close(store);
    if (rc == 0) {
        sl_buf out = SL_BUF_INIT;
        if (o[OPT_ICS].count)
            sl_gcal_ics(&out, &cal);
        else if (o[OPT_JSON].count)
            calendar_json(&out, &cal, as_of);
        else
            calendar_text(&out, &cal, as_of);
        rc = sl_cli_output(&out, o[OPT_OUTPUT].value);
        sl_buf_free(&out);
    }
    sl_gcal_free(&cal);
    return rc;
}

int sl_cmd_calendar(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--json", 0),  SL_OPT("--ics", 0),  SL_OPT("--board", 1), SL_OPT("--as-of", 1),
                        SL_OPT("--output", 1), SL_OPT("--user", 1), SL_OPT("--token", 1)};
    const char *pos[3] = {0};
    int n_pos;
    char **args = sl_cli_short_output(argc, argv);
    int rc = sl_cli_parse(cmd, argc, args, o, N_OPTS, pos, 0, 3, &n_pos);
    if (rc == 0 && n_pos == 0)
        rc = calendar(cli, cmd, o);
    else if (rc == 0 && strcmp(pos[0], "token") == 0)
        rc = sl_cli_calendar_token(cli, cmd, n_pos > 1 ? pos[1] : "", n_pos > 2 ? pos[2] : NULL,
                                   o[OPT_USER].value);
    else if (rc == 0)
        rc = sl_cli_usage(cmd, "unexpected argument '%s'", pos[0]);
    sl_cli_free_opts(o, N_OPTS);
    free(args);
    return rc < 0 ? SL_EXIT_OK : rc;
}
