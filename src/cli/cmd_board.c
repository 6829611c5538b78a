/* cmd_board.c — `sightline board add|set|member add` (a board, its rules
 * and its members) and `sightline boards [--json]` (every board). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/governance.h"
#include "domain/meeting.h"
#include "util/buf.h"
#include "util/mem.h"

enum { OPT_KIND, OPT_CHAIR, OPT_MEETS, OPT_PAPERS, OPT_SUBSTITUTE_DAYS, OPT_MINUTES, OPT_CHAIR_EVERY,
       OPT_REVIEW, OPT_ROLE, OPT_NAME, OPT_ORGANISATION, OPT_SUBSTITUTE, OPT_VICE_CHAIR,
       OPT_JSON, OPT_ADOPTED, N_OPTS };

/* Reads a whole-number option (0..365) into *out when given; returns 0 or SL_EXIT_USAGE. */
static int read_count(const sl_command *cmd, const sl_opt *o, int *out)
{
    if (!o->count)
        return 0;
    char *end;
    long v = strtol(o->value, &end, 10);
    if (*end || end == o->value || v < 0 || v > 365)
        return sl_cli_usage(cmd, "%s takes a whole number, 0 to 365", o->name);
    *out = (int)v;
    return 0;
}

/* Applies the rule options given (--meets, --papers-days, …) to b. */
static int read_rules(const sl_command *cmd, sl_opt *o, sl_board *b)
{
    if (o[OPT_KIND].count && sl_board_kind_parse(o[OPT_KIND].value, &b->kind) < 0)
        return sl_cli_usage(cmd, "--kind is improvement, programme, task-group or scrutiny");
    if (o[OPT_MEETS].count && sl_meets_parse(o[OPT_MEETS].value, &b->rules.meets) < 0)
        return sl_cli_usage(cmd, "--meets takes \"1 month\", \"6 weeks\" or \"monthly, first Tuesday\"");
    sl_board_rules *r = &b->rules;
    int *fields[] = {&r->papers_days, &r->substitute_notice_days, &r->minutes_days,
                     &r->chair_report_every, &r->review_months};
    for (int i = 0; i < 5; i++) {
        int rc = read_count(cmd, &o[OPT_PAPERS + i], fields[i]);
        if (rc)
            return rc;
    }
    return 0;
}

/* Makes who the board's only chair: the member of that name or role, else
 * a new member with the role Chair. */
static void set_chair(sl_board *b, const char *who)
{
    int at = sl_board_find_member(b, who);
    for (size_t i = 0; i < b->n_members; i++)
        b->members[i].chair = 0;
    if (at < 0)
        at = (int)sl_board_add_member(b, who, "Chair", "", NULL);
    b->members[at].chair = 1;
}

/* Saves b (new when adding, else replacing the stored one) in one
 * transaction and says so; returns 0 or -1 with run->err set. */
static int save_board(sl_run *run, const sl_board *b, int adding)
{
    if (sl_run_begin(run) < 0)
        return -1;
    int failed = adding ? sl_store_board_add(run->store, b, run->cli->actor, NULL, &run->err) < 0
                        : sl_store_board_save(run->store, b, run->cli->actor, NULL, &run->err) < 0;
    if (sl_run_end(run, failed) < 0)
        return -1;
    sl_buf_printf(&run->out, "%s board '%s'\n", adding ? "added" : "updated", b->name);
    return 0;
}

/* `board add NAME --kind K …` and `board set NAME …`. */
static int board_add_or_set(sl_run *run, int adding)
{
    sl_opt *o = run->opts;
    const char *name = run->pos[1];
    if (sl_run_open_store(run, 1))
        return SL_EXIT_REFUSED;
    sl_board b = sl_board_empty();
    int rc = adding ? 0 : sl_cli_board(run->store, name, &b, NULL);
    if (rc == 0 && adding)
        b.name = sl_strdup(name);
    if (rc == 0)
        rc = read_rules(run->cmd, o, &b);
    if (rc == 0 && o[OPT_ADOPTED].count)
        rc = sl_cli_day("--adopted", o[OPT_ADOPTED].value, &b.tor_adopted);
    if (rc == 0 && o[OPT_CHAIR].count)
        set_chair(&b, o[OPT_CHAIR].value);
    if (rc == 0)
        rc = save_board(run, &b, adding);
    sl_board_free(&b);
    return rc;
}

/* `board member add BOARD --role ROLE …`. */
static int member_add(sl_run *run)
{
    sl_opt *o = run->opts;
    if (sl_run_open_store(run, 0))
        return SL_EXIT_REFUSED;
    sl_board b = sl_board_empty();
    int rc = sl_cli_board(run->store, run->pos[2], &b, NULL);
    if (rc == 0) {
        size_t i = sl_board_add_member(&b, o[OPT_NAME].value, o[OPT_ROLE].value, o[OPT_ORGANISATION].value,
                                       o[OPT_SUBSTITUTE].value);
        b.members[i].vice_chair = o[OPT_VICE_CHAIR].count > 0;
        b.members[i].chair = o[OPT_CHAIR].count > 0;
        for (size_t k = 0; b.members[i].chair && k < i; k++)
            b.members[k].chair = 0;
        rc = save_board(run, &b, 0);
    }
    sl_board_free(&b);
    return rc;
}

/* `board add NAME --kind K …`. */
static int board_add(sl_run *run)
{
    return board_add_or_set(run, 1);
}

/* `board set NAME …`. */
static int board_set(sl_run *run)
{
    return board_add_or_set(run, 0);
}

/* Checks `board add` has --kind before the store is opened; returns 0 or SL_EXIT_USAGE. */
static int check_add(sl_run *run)
{
    if (!run->opts[OPT_KIND].count)
        return sl_cli_usage(run->cmd, "board add needs --kind improvement|programme|task-group|scrutiny");
    return 0;
}

/* Checks `board member add` has --role before the store is opened; returns 0 or SL_EXIT_USAGE. */
static int check_member(sl_run *run)
{
    if (!run->opts[OPT_ROLE].count)
        return sl_cli_usage(run->cmd, "board member add needs --role ROLE");
    return 0;
}

int sl_cmd_board(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    int member = argc > 1 && strcmp(argv[1], "member") == 0;   /* there --chair is a flag */
    sl_opt o[N_OPTS] = {
        SL_OPT("--kind", 1),  SL_OPT("--chair", !member),     SL_OPT("--meets", 1),
        SL_OPT("--papers-days", 1), SL_OPT("--substitute-days", 1), SL_OPT("--minutes-days", 1),
        SL_OPT("--chair-report-every", 1), SL_OPT("--review-months", 1), SL_OPT("--role", 1),
        SL_OPT("--name", 1),  SL_OPT("--organisation", 1), SL_OPT("--substitute", 1),
        SL_OPT("--vice-chair", 0), SL_OPT("--json", 0), SL_OPT("--adopted", 1)};
    static const sl_run_sub subs[] = {{"add", 2, check_add, board_add}, {"set", 2, NULL, board_set},
                                      {"member add", 3, check_member, member_add}, {0}};
    static const sl_run_spec spec = {
        .min_pos = 1, .max_pos = 3, .subs = subs,
        .sub_usage = "try: board add NAME --kind K, board set NAME, board member add BOARD --role R"};
    return SL_CLI_RUN(cli, cmd, argc, argv, o, &spec, NULL);
}

/* Appends a board as JSON (the keys of SPEC.md §5.1). */
static void board_json(sl_buf *b, const sl_board *x)
{
    char meets[32];
    sl_schedule_format(&x->rules.meets, meets);
    sl_buf_puts(b, "{\"name\":");
    sl_buf_json_str(b, x->name);
    sl_buf_printf(b, ",\"kind\":\"%s\",\"chair\":", sl_board_kind_name(x->kind));
    sl_buf_json_str(b, sl_board_chair(x));
    sl_buf_puts(b, ",\"members\":[");
    for (size_t i = 0; i < x->n_members; i++) {
        const sl_board_member *m = &x->members[i];
        sl_buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
        sl_buf_json_str(b, m->name);
        sl_buf_puts(b, ",\"role\":");
        sl_buf_json_str(b, m->role);
        sl_buf_puts(b, ",\"organisation\":");
        sl_buf_json_str(b, m->organisation);
        sl_buf_puts(b, ",\"substitute\":");
        sl_buf_json_str(b, m->substitute);
        sl_buf_printf(b, ",\"chair\":%s,\"vice_chair\":%s}", m->chair ? "true" : "false",
                      m->vice_chair ? "true" : "false");
    }
    sl_buf_puts(b, "],\"meets_every\":");
    sl_buf_json_str(b, meets);
    char adopted[11];
    sl_day_format(x->tor_adopted, adopted);
    sl_buf_puts(b, ",\"tor_adopted\":");
    sl_buf_json_str(b, x->tor_adopted != SL_NO_DAY ? adopted : NULL);
    const sl_board_rules *r = &x->rules;
    sl_buf_printf(b, ",\"papers_days\":%d,\"substitute_notice_days\":%d,\"minutes_days\":%d,"
                     "\"chair_report_every\":%d,\"review_months\":%d}",
                  r->papers_days, r->substitute_notice_days, r->minutes_days, r->chair_report_every,
                  r->review_months);
}

/* Appends a board as text: name, kind, rules, then one line per member. */
static void board_text(sl_buf *b, const sl_board *x)
{
    char meets[32];
    sl_schedule_format(&x->rules.meets, meets);
    const sl_board_rules *r = &x->rules;
    sl_buf_printf(b, "%s (%s)\n  meets every %s; papers %d working days before, substitutes %d,"
                     " minutes %d after; chair reports every %d meetings; review every %d months\n",
                  x->name, sl_board_kind_name(x->kind), *meets ? meets : "(not stated)", r->papers_days,
                  r->substitute_notice_days, r->minutes_days, r->chair_report_every, r->review_months);
    for (size_t i = 0; i < x->n_members; i++) {
        const sl_board_member *m = &x->members[i];
        sl_buf_printf(b, "  - %s%s%s%s%s%s%s%s\n", m->name ? m->name : "(unnamed)", *m->role ? ", " : "",
                      m->role, *m->organisation ? ", " : "", m->organisation,
                      m->substitute ? " (substitute: " : "", m->substitute ? m->substitute : "",
                      m->substitute ? ")" : "");
    }
}

/* Lists every board (text or --json) into run->out. */
static int boards_body(sl_run *run)
{
    sl_board *boards = NULL;
    int n = sl_store_boards(run->store, &boards, NULL, &run->err);
    if (n < 0)
        return -1;
    int json = sl_run_flag(run, "--json");
    sl_run_list_open(run, json);
    for (int i = 0; i < n; i++) {
        sl_run_list_item(run, json, i);
        if (json)
            board_json(&run->out, &boards[i]);
        else
            board_text(&run->out, &boards[i]);
        sl_board_free(&boards[i]);
    }
    sl_run_list_close(run, json, n);
    free(boards);
    return 0;
}

int sl_cmd_boards(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--json", 0)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .body = boards_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
