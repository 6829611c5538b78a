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
#include "report/ics.h"
#include "util/clock.h"
#include "util/mem.h"

enum { OPT_JSON, OPT_ICS, OPT_BOARD, OPT_AS_OF, OPT_OUTPUT, OPT_USER, OPT_TOKEN, N_OPTS };

/* Adds the entries of one board: its meetings' deadlines and its actions arising. */
static int add_board(sl_store *store, sl_gcal *cal, const sl_board *b, int64_t id, sl_day as_of, sl_error *err)
{
    sl_meeting *meetings = NULL;
    int n = sl_store_meetings(store, id, &meetings, err);
    if (n < 0)
        return -1;
    sl_gcal_meeting *days = sl_calloc((size_t)(n + 1) * sizeof *days);
    for (int i = 0; i < n; i++) {
        days[i].day = meetings[i].day;
        days[i].papers_published = meetings[i].papers_published != SL_NO_DAY;
        days[i].minutes_written = meetings[i].minutes != NULL;
    }
    sl_gcal_add_board(cal, b, days, (size_t)n, as_of);
    free(days);
    sl_meetings_free(meetings, (size_t)n);
    sl_arising *arising = NULL;
    int k = sl_store_arisings(store, id, 0, &arising, err);
    for (int i = 0; i < k; i++) {
        if (arising[i].due == SL_NO_DAY)
            continue;
        sl_buf title = SL_BUF_INIT;
        sl_buf_printf(&title, "Action arising %lld: %s (%s)", (long long)arising[i].id, arising[i].text,
                      arising[i].owner);
        int closed = sl_status_is_done(arising[i].status) || sl_status_is_closed(arising[i].status);
        sl_gcal_add(cal, SL_GCAL_ARISING_DUE, arising[i].due, b->name, arising[i].meeting, sl_buf_str(&title),
                    closed);
        sl_buf_free(&title);
    }
    sl_arisings_free(arising, k > 0 ? (size_t)k : 0);
    return k < 0 ? -1 : 0;
}

/* Adds a plan action's due day (callback of sl_store_each_action). */
static int on_action(void *ctx, const sl_action_row *row)
{
    sl_gcal *cal = ctx;
    if (row->due == SL_NO_DAY || sl_status_is_closed(row->status))
        return 0;
    sl_buf title = SL_BUF_INIT;
    sl_buf_printf(&title, "Action %s due: %s (%s)", row->ref, row->title, row->plan_title);
    sl_gcal_add(cal, SL_GCAL_ACTION_DUE, row->due, NULL, SL_NO_DAY, sl_buf_str(&title),
                sl_status_is_done(row->status));
    sl_buf_free(&title);
    return 0;
}

/* Adds each inspection's post-inspection plan deadline. */
static int add_inspections(sl_store *store, sl_gcal *cal, sl_error *err)
{
    sl_inspection_list list = {0};
    if (sl_store_load_inspections(store, &list, err) < 0)
        return -1;
    for (size_t i = 0; i < list.n; i++) {
        const sl_inspection *x = &list.inspections[i];
        if (x->published == SL_NO_DAY)
            continue;
        int focused = x->framework && strstr(x->framework, "focused") != NULL;
        sl_buf title = SL_BUF_INIT;
        sl_buf_printf(&title, "Post-inspection plan due to Ofsted: %s", x->authority ? x->authority : "");
        sl_gcal_add(cal, SL_GCAL_PLAN_DUE, sl_plan_deadline(x->published, focused), NULL, SL_NO_DAY,
                    sl_buf_str(&title), 0);
        sl_buf_free(&title);
    }
    sl_inspection_list_free(&list);
    return 0;
}

/* Adds each measure's dated milestones and target. */
static int add_measures(sl_store *store, sl_gcal *cal, sl_error *err)
{
    sl_measure_def *defs = NULL;
    int n = sl_store_measures(store, &defs, NULL, err);
    for (int i = 0; i < n; i++) {
        const sl_measure_def *d = &defs[i];
        for (int k = 0; k <= d->n_milestones; k++) {
            const sl_measure_point *p = k < d->n_milestones ? &d->milestones[k] : &d->target;
            if (!p->set || p->day == SL_NO_DAY)
                continue;
            sl_buf title = SL_BUF_INIT;
            sl_buf_printf(&title, "Measure %s %s %g: %s", d->code, k < d->n_milestones ? "milestone" : "target",
                          p->value, d->name ? d->name : "");
            sl_gcal_add(cal, SL_GCAL_MEASURE_DUE, p->day, NULL, SL_NO_DAY, sl_buf_str(&title), 0);
            sl_buf_free(&title);
        }
        sl_measure_def_free(&defs[i]);
    }
    free(defs);
    return n < 0 ? -1 : 0;
}

/* Builds the calendar of every board (or the one named), plus plan actions
 * and inspections when no board is named. Returns 0 or -1 with err set. */
static int build(sl_store *store, const char *board, sl_day as_of, sl_gcal *cal, sl_error *err)
{
    sl_board *boards = NULL;
    int64_t *ids = NULL;
    int n = sl_store_boards(store, &boards, &ids, err), rc = n < 0 ? -1 : 0, matched = 0;
    for (int i = 0; i < n; i++) {
        if (rc == 0 && (!board || strcasecmp(board, boards[i].name) == 0)) {
            matched++;
            rc = add_board(store, cal, &boards[i], ids[i], as_of, err);
        }
        sl_board_free(&boards[i]);
    }
    free(boards);
    free(ids);
    if (rc == 0 && board && !matched)
        rc = sl_fail(err, "no board named '%s' (see `sightline boards`)", board);
    sl_action_query q = {.as_of = as_of, .due_before = SL_NO_DAY};
    if (rc == 0 && !board)
        rc = sl_store_each_action(store, &q, on_action, cal, err) < 0 ? -1 : add_inspections(store, cal, err);
    if (rc == 0 && !board)
        rc = add_measures(store, cal, err);
    sl_gcal_sort(cal);
    return rc;
}

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

/* Appends the calendar as an iCalendar feed of all-day events. */
static void calendar_ics(sl_buf *b, const sl_gcal *cal)
{
    char now[32], stamp[17];
    sl_now_timestamp(now);
    sl_ics_stamp(now, stamp);
    sl_ics_begin(b, "sightline governance");
    for (size_t i = 0; i < cal->n; i++) {
        const sl_gcal_entry *e = &cal->entries[i];
        char day[11], meeting[11];
        sl_day_format(e->date, day);
        sl_day_format(e->meeting, meeting);
        sl_buf key = SL_BUF_INIT, summary = SL_BUF_INIT;
        sl_buf_printf(&key, "%s|%s|%s|%s|%s", sl_gcal_kind_name(e->kind), e->board ? e->board : "",
                      e->meeting != SL_NO_DAY ? meeting : "", day, e->title);
        sl_buf_printf(&summary, "%s%s%s", e->board ? e->board : "", e->board ? ": " : "", e->title);
        sl_ics_event ev = {sl_buf_str(&key), e->date, sl_buf_str(&summary), NULL, sl_gcal_kind_name(e->kind)};
        sl_ics_event_write(b, &ev, stamp);
        sl_buf_free(&key);
        sl_buf_free(&summary);
    }
    sl_ics_end(b);
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
    if (rc == 0 && build(run->store, o[OPT_BOARD].value, run->as_of, &cal, &run->err) < 0)
        rc = -1;
    if (rc == 0) {
        if (o[OPT_ICS].count)
            calendar_ics(&run->out, &cal);
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
