/* cmd_board.c — `sightline board add|set|member add` (a board, its rules
 * and its members) and `sightline boards [--json]` (every board). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
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

/* Saves b (new when adding, else replacing the stored one) in one transaction. */
static int save_board(const sl_cli *cli, sl_store *store, const sl_board *b, int adding)
{
    sl_error err = {0};
    if (sl_store_begin(store, &err) < 0)
        return sl_cli_refuse(&err);
    int failed = adding ? sl_store_board_add(store, b, cli->actor, NULL, &err) < 0
                        : sl_store_board_save(store, b, cli->actor, NULL, &err) < 0;
    int rc = sl_cli_finish_write(store, failed, &err);
    if (rc == 0)
        printf("%s board '%s'\n", adding ? "added" : "updated", b->name);
    return rc;
}

/* `board add NAME --kind K …` and `board set NAME …`. */
static int board_add_or_set(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *name, int adding)
{
    if (adding && !o[OPT_KIND].count)
        return sl_cli_usage(cmd, "board add needs --kind improvement|programme|task-group|scrutiny");
    sl_store *store = sl_cli_open_store(cli, 1);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_board b = sl_board_empty();
    int rc = adding ? 0 : sl_cli_board(store, name, &b, NULL);
    if (rc == 0 && adding)
        b.name = sl_strdup(name);
    if (rc == 0)
        rc = read_rules(cmd, o, &b);
    if (rc == 0 && o[OPT_ADOPTED].count)
        rc = sl_cli_day("--adopted", o[OPT_ADOPTED].value, &b.tor_adopted);
    if (rc == 0 && o[OPT_CHAIR].count)
        set_chair(&b, o[OPT_CHAIR].value);
    if (rc == 0)
        rc = save_board(cli, store, &b, adding);
    sl_board_free(&b);
    sl_store_close(store);
    return rc;
}

/* `board member add BOARD --role ROLE …`. */
static int member_add(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *board)
{
    if (!o[OPT_ROLE].count)
        return sl_cli_usage(cmd, "board member add needs --role ROLE");
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_board b = sl_board_empty();
    int rc = sl_cli_board(store, board, &b, NULL);
    if (rc == 0) {
        size_t i = sl_board_add_member(&b, o[OPT_NAME].value, o[OPT_ROLE].value, o[OPT_ORGANISATION].value,
                                       o[OPT_SUBSTITUTE].value);
        b.members[i].vice_chair = o[OPT_VICE_CHAIR].count > 0;
        b.members[i].chair = o[OPT_CHAIR].count > 0;
        for (size_t k = 0; b.members[i].chair && k < i; k++)
            b.members[k].chair = 0;
        rc = save_board(cli, store, &b, 0);
    }
    sl_board_free(&b);
    sl_store_close(store);
    return rc;
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
    const char *pos[3] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 1, 3, &n_pos);
    if (rc == 0 && n_pos == 2 && strcmp(pos[0], "add") == 0)
        rc = board_add_or_set(cli, cmd, o, pos[1], 1);
    else if (rc == 0 && n_pos == 2 && strcmp(pos[0], "set") == 0)
        rc = board_add_or_set(cli, cmd, o, pos[1], 0);
    else if (rc == 0 && n_pos == 3 && strcmp(pos[0], "member") == 0 && strcmp(pos[1], "add") == 0)
        rc = member_add(cli, cmd, o, pos[2]);
    else if (rc == 0)
        rc = sl_cli_usage(cmd, "try: board add NAME --kind K, board set NAME, board member add BOARD --role R");
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
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

int sl_cmd_boards(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[1] = {SL_OPT("--json", 0)};
    const char *pos[1];
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, 1, pos, 0, 0, &n_pos);
    int json = o[0].count > 0;
    sl_cli_free_opts(o, 1);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_board *boards = NULL;
    int n = sl_store_boards(store, &boards, NULL, &err);
    sl_store_close(store);
    if (n < 0)
        return sl_cli_refuse(&err);
    sl_buf out = SL_BUF_INIT;
    sl_buf_puts(&out, json ? "[" : "");
    for (int i = 0; i < n; i++) {
        if (json) {
            sl_buf_puts(&out, i ? ",\n" : "\n");
            board_json(&out, &boards[i]);
        } else {
            board_text(&out, &boards[i]);
        }
        sl_board_free(&boards[i]);
    }
    sl_buf_puts(&out, json ? (n ? "\n]\n" : "]\n") : "");
    free(boards);
    rc = sl_cli_output(&out, NULL);
    sl_buf_free(&out);
    return rc;
}
