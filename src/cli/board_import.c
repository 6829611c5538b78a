/* board_import.c — boards from terms of reference: stored and reported
 * (see board_import.h). */
#include "cli/board_import.h"

int sl_cli_save_boards(sl_store *store, const sl_cli *cli, const sl_readings *r, sl_error *err)
{
    for (size_t i = 0; i < r->n_boards; i++)
        if (sl_store_board_save(store, &r->boards[i], cli->actor, NULL, err) < 0)
            return -1;
    return 0;
}

/* Appends the board's rules in words, as its terms of reference state them. */
static void print_rules(sl_buf *out, const sl_board *b)
{
    char every[32];
    sl_schedule_format(&b->rules.meets, every);
    sl_buf_cprintf(out, "  meets every %s; papers %d working days before, substitutes %d, minutes %d after;"
           " the chair reports after every %d meeting%s; reviewed every %d months\n",
           *every ? every : "(not stated)", b->rules.papers_days, b->rules.substitute_notice_days,
           b->rules.minutes_days, b->rules.chair_report_every, b->rules.chair_report_every == 1 ? "" : "s",
           b->rules.review_months);
}

void sl_cli_report_boards(sl_buf *out, const sl_readings *r, int dry)
{
    for (size_t i = 0; i < r->n_boards; i++) {
        const sl_board *b = &r->boards[i];
        const char *chair = NULL;
        for (size_t m = 0; m < b->n_members && !chair; m++)
            if (b->members[m].chair)
                chair = b->members[m].name ? b->members[m].name : b->members[m].role;
        sl_buf_cprintf(out, "%s board '%s' (%s) from its terms of reference: %zu members%s%s\n",
               dry ? "would save" : "saved", b->name, sl_board_kind_name(b->kind), b->n_members,
               chair ? ", chair: " : "", chair ? chair : "");
        print_rules(out, b);
    }
    for (size_t i = 0; i < r->board_findings.n; i++) {
        const sl_finding *f = &r->board_findings.items[i];
        sl_buf_cprintf(out, "  line %ld could not be read cleanly: [%s] %s\n", f->line, f->code, f->message);
    }
}
