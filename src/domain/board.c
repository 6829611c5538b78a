/* board.c — governance bodies: kinds, default rules, members, the meeting
 * schedule and the deadlines a board's rules give each meeting. */
#include "domain/board.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/mem.h"

sl_board_rules sl_board_rules_default(void)
{
    sl_board_rules r = {
        .meets = {.every = 1, .unit = SL_EVERY_MONTH, .weekday = 0, .week_of_month = 0},
        .papers_days = 5,
        .substitute_notice_days = 2,
        .minutes_days = 5,
        .chair_report_every = 3,
        .review_months = 3,
    };
    return r;
}

sl_board sl_board_empty(void)
{
    sl_board b = {0};
    b.kind = SL_BOARD_IMPROVEMENT;
    b.tor_adopted = SL_NO_DAY;
    b.rules = sl_board_rules_default();
    return b;
}

void sl_board_free(sl_board *board)
{
    for (size_t i = 0; i < board->n_members; i++) {
        sl_board_member *m = &board->members[i];
        free(m->name);
        free(m->role);
        free(m->organisation);
        free(m->substitute);
    }
    free(board->members);
    free(board->authority);
    free(board->name);
    free(board->tor_text);
    *board = sl_board_empty();
}

size_t sl_board_add_member(sl_board *board, const char *name, const char *role,
                           const char *organisation, const char *substitute)
{
    board->members = sl_realloc(board->members, (board->n_members + 1) * sizeof *board->members);
    sl_board_member *m = &board->members[board->n_members];
    memset(m, 0, sizeof *m);
    m->name = name ? sl_strdup(name) : NULL;
    m->role = sl_strdup(role ? role : "");
    m->organisation = sl_strdup(organisation ? organisation : "");
    m->substitute = substitute ? sl_strdup(substitute) : NULL;
    return board->n_members++;
}

static const char *const kind_names[] = {"improvement", "programme", "task-group", "scrutiny"};

const char *sl_board_kind_name(sl_board_kind kind)
{
    if ((unsigned)kind >= sizeof kind_names / sizeof *kind_names)
        return "improvement";
    return kind_names[kind];
}

/* Returns 1 when text starts with word (any case) followed by the end, a
 * space, '-' or '_'. */
static int starts_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)text[i]) != word[i])
            return 0;
    return text[n] == '\0' || text[n] == ' ' || text[n] == '-' || text[n] == '_';
}

int sl_board_kind_parse(const char *text, sl_board_kind *out)
{
    while (*text == ' ')
        text++;
    static const struct { const char *word; sl_board_kind kind; } words[] = {
        {"improvement", SL_BOARD_IMPROVEMENT}, {"partnership", SL_BOARD_IMPROVEMENT},
        {"programme", SL_BOARD_PROGRAMME},     {"program", SL_BOARD_PROGRAMME},
        {"task", SL_BOARD_TASK_GROUP},         {"workstream", SL_BOARD_TASK_GROUP},
        {"scrutiny", SL_BOARD_SCRUTINY},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (starts_word(text, words[i].word)) {
            *out = words[i].kind;
            return 0;
        }
    return -1;
}

void sl_schedule_format(const sl_schedule *schedule, char out[32])
{
    if (schedule->every <= 0) {
        out[0] = '\0';
        return;
    }
    const char *unit = schedule->unit == SL_EVERY_WEEK ? "week" : "month";
    snprintf(out, 32, "%d %s%s", schedule->every, unit, schedule->every == 1 ? "" : "s");
}

/* Returns the day of the month's given weekday occurrence (week 1..4, or -1
 * for the last) in year-month. */
static sl_day nth_weekday(int year, int month, int weekday, int week)
{
    if (week < 0) {
        sl_day last = sl_day_from_ymd(year, month, sl_days_in_month(year, month));
        return last - ((sl_day_weekday(last) - weekday + 7) % 7);
    }
    sl_day first = sl_day_from_ymd(year, month, 1);
    return first + ((weekday - sl_day_weekday(first) + 7) % 7) + 7 * (week - 1);
}

/* Returns the meeting k months after the anchor's month, on the schedule's
 * weekday rule or on the anchor's day of the month (cut to the month's end). */
static sl_day month_meeting(const sl_schedule *s, sl_day anchor, int k)
{
    int y, m, d;
    sl_day_to_ymd(anchor, &y, &m, &d);
    int months = (m - 1) + k;
    y += months / 12;
    m = months % 12 + 1;
    if (s->weekday >= 1 && s->weekday <= 7 && s->week_of_month != 0)
        return nth_weekday(y, m, s->weekday, s->week_of_month);
    int last = sl_days_in_month(y, m);
    return sl_day_from_ymd(y, m, d < last ? d : last);
}

sl_day sl_schedule_next(const sl_schedule *schedule, sl_day anchor, sl_day after)
{
    if (schedule->every <= 0 || anchor == SL_NO_DAY)
        return SL_NO_DAY;
    if (schedule->unit == SL_EVERY_WEEK) {
        int step = 7 * schedule->every;
        if (anchor > after)
            return anchor;
        return anchor + ((after - anchor) / step + 1) * step;
    }
    for (int k = 0; k < 12 * 200; k += schedule->every) {
        sl_day day = month_meeting(schedule, anchor, k);
        if (day > after)
            return day;
    }
    return SL_NO_DAY;
}

sl_meeting_deadlines sl_board_deadlines(const sl_board_rules *rules, sl_day day)
{
    sl_meeting_deadlines d = {
        .papers_due = sl_subtract_working_days(day, rules->papers_days),
        .substitute_due = sl_subtract_working_days(day, rules->substitute_notice_days),
        .minutes_due = sl_add_working_days(day, rules->minutes_days),
    };
    return d;
}

int sl_board_chair_report_due(const sl_board_rules *rules, int nth)
{
    return rules->chair_report_every > 0 && nth > 0 && nth % rules->chair_report_every == 0;
}
