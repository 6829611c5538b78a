/* meeting.c — meetings, attendance, agenda kinds and actions arising. */
#include "domain/meeting.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

sl_meeting sl_meeting_empty(void)
{
    sl_meeting m = {0};
    m.day = SL_NO_DAY;
    m.papers_published = SL_NO_DAY;
    m.minutes_approved_at = SL_NO_DAY;
    return m;
}

void sl_meeting_free(sl_meeting *m)
{
    for (size_t i = 0; i < m->n_attendance; i++) {
        free(m->attendance[i].member);
        free(m->attendance[i].substitute);
    }
    for (size_t i = 0; i < m->n_agenda; i++) {
        free(m->agenda[i].title);
        free(m->agenda[i].theme);
    }
    for (size_t i = 0; i < m->n_decisions; i++)
        free(m->decisions[i]);
    free(m->attendance);
    free(m->agenda);
    free(m->decisions);
    free(m->board);
    free(m->venue);
    free(m->minutes);
    *m = sl_meeting_empty();
}

void sl_meetings_free(sl_meeting *meetings, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sl_meeting_free(&meetings[i]);
    free(meetings);
}

void sl_arising_free(sl_arising *a)
{
    free(a->board);
    free(a->text);
    free(a->owner);
    memset(a, 0, sizeof *a);
}

void sl_arisings_free(sl_arising *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sl_arising_free(&list[i]);
    free(list);
}

int sl_meeting_time_parse(const char *t, char out[6])
{
    if (strlen(t) != 5 || t[2] != ':')
        return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && (t[i] < '0' || t[i] > '9'))
            return -1;
    int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59)
        return -1;
    memcpy(out, t, 6);
    return 0;
}

static const char *const attend_names[] = {"present", "apologies", "substitute"};
static const char *const agenda_names[] = {"standing", "deep-dive", "item"};

const char *sl_attend_state_name(sl_attend_state s)
{
    return (unsigned)s < 3 ? attend_names[s] : "present";
}

int sl_attend_state_parse(const char *text, sl_attend_state *out)
{
    for (int i = 0; i < 3; i++)
        if (strcasecmp(text, attend_names[i]) == 0) {
            *out = (sl_attend_state)i;
            return 0;
        }
    return -1;
}

const char *sl_agenda_kind_name(sl_agenda_kind k)
{
    return (unsigned)k < 3 ? agenda_names[k] : "item";
}

int sl_agenda_kind_parse(const char *text, sl_agenda_kind *out)
{
    for (int i = 0; i < 3; i++)
        if (strcasecmp(text, agenda_names[i]) == 0) {
            *out = (sl_agenda_kind)i;
            return 0;
        }
    return -1;
}

int sl_board_find_member(const sl_board *b, const char *who)
{
    for (size_t i = 0; i < b->n_members; i++) {
        const sl_board_member *m = &b->members[i];
        if ((m->name && strcasecmp(m->name, who) == 0) || strcasecmp(m->role, who) == 0)
            return (int)i;
    }
    return -1;
}

int sl_board_substitute_allowed(const sl_board *b, size_t m, const char *by)
{
    const char *named = b->members[m].substitute;
    if (named && strcasecmp(named, by) == 0)
        return 1;
    int other = sl_board_find_member(b, by);
    return other >= 0 && (size_t)other != m;
}

const char *sl_board_member_label(const sl_board *b, size_t m)
{
    const sl_board_member *x = &b->members[m];
    return x->name && *x->name ? x->name : x->role;
}

const char *sl_board_chair(const sl_board *b)
{
    for (size_t i = 0; i < b->n_members; i++)
        if (b->members[i].chair)
            return sl_board_member_label(b, i);
    return NULL;
}
