/* reminder.c — what a lead is reminded of, and the time of the daily run (see reminder.h). */
#include "domain/reminder.h"

#include <ctype.h>
#include <string.h>

void sl_reminder_need(const sl_need_input *in, sl_day as_of, sl_need *out)
{
    out->kind = SL_NEED_NONE;
    out->update_due = SL_NO_DAY;
    if (in->is_sro && in->awaiting_signoff) {
        out->kind = SL_NEED_SIGN_OFF;
        return;
    }
    if (!in->owns || sl_status_is_done(in->status) || sl_status_is_closed(in->status))
        return;
    int waiting = in->status == SL_STATUS_NOT_STARTED || in->status == SL_STATUS_PLANNED;
    if (waiting && in->start != SL_NO_DAY && in->start > as_of)
        return;
    if (in->last_activity == SL_NO_DAY) {
        out->kind = SL_NEED_UPDATE_OVERDUE;
        return;
    }
    out->update_due = in->last_activity + in->update_cycle_days;
    if (as_of > out->update_due)
        out->kind = SL_NEED_UPDATE_OVERDUE;
    else if (as_of == out->update_due)
        out->kind = SL_NEED_UPDATE_DUE;
}

const char *sl_need_name(sl_need_kind kind)
{
    static const char *const names[] = {"", "update due", "update overdue", "sign-off"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "";
}

int sl_person_named(const char *cell, const char *person)
{
    size_t n = strlen(person);
    if (n == 0 || !cell)
        return 0;
    for (const char *p = strstr(cell, person); p; p = strstr(p + 1, person)) {
        int starts = p == cell || !isalnum((unsigned char)p[-1]);
        int ends = !isalnum((unsigned char)p[n]) && p[n] != '-';
        if (starts && ends)
            return 1;
    }
    return 0;
}

int sl_parse_time_of_day(const char *text, int *minute)
{
    if (!text || strlen(text) != 5 || text[2] != ':')
        return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && !isdigit((unsigned char)text[i]))
            return -1;
    int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59)
        return -1;
    *minute = h * 60 + m;
    return 0;
}
