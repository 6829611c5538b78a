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

void sl_arising_updates_free(sl_arising_update *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].recorded_at);
        free(list[i].author);
        free(list[i].note);
    }
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

/* A word the schedule parser knows and what it sets. */
typedef struct {
    const char *word;
    int number;                 /* > 0: a count ("six") */
    int unit;                   /* 1 week, 2 month, 0 none */
    int unit_count;             /* how many units the word itself means ("fortnightly" 2) */
    int ordinal;                /* 1..4, -1 last, 0 none */
    int weekday;                /* 1..7, 0 none */
} meets_word;

static const meets_word meets_words[] = {
    {"one", 1, 0, 0, 0, 0},       {"two", 2, 0, 0, 0, 0},        {"three", 3, 0, 0, 0, 0},
    {"four", 4, 0, 0, 0, 0},      {"five", 5, 0, 0, 0, 0},       {"six", 6, 0, 0, 0, 0},
    {"eight", 8, 0, 0, 0, 0},     {"twelve", 12, 0, 0, 0, 0},
    {"week", 0, 1, 0, 0, 0},      {"weeks", 0, 1, 0, 0, 0},      {"weekly", 0, 1, 1, 0, 0},
    {"fortnight", 0, 1, 2, 0, 0}, {"fortnightly", 0, 1, 2, 0, 0},
    {"month", 0, 2, 0, 0, 0},     {"months", 0, 2, 0, 0, 0},     {"monthly", 0, 2, 1, 0, 0},
    {"quarter", 0, 2, 3, 0, 0},   {"quarterly", 0, 2, 3, 0, 0},  {"bimonthly", 0, 2, 2, 0, 0},
    {"first", 0, 0, 0, 1, 0},     {"second", 0, 0, 0, 2, 0},     {"third", 0, 0, 0, 3, 0},
    {"fourth", 0, 0, 0, 4, 0},    {"last", 0, 0, 0, -1, 0},
    {"monday", 0, 0, 0, 0, 1},    {"tuesday", 0, 0, 0, 0, 2},    {"wednesday", 0, 0, 0, 0, 3},
    {"thursday", 0, 0, 0, 0, 4},  {"friday", 0, 0, 0, 0, 5},     {"saturday", 0, 0, 0, 0, 6},
    {"sunday", 0, 0, 0, 0, 7},
};

/* Applies one word (len bytes, lower case) to the schedule being read.
 * Returns 0, or -1 for a word that matters but is not known. */
static int meets_apply(const char *w, size_t len, sl_schedule *s, int *unit, int *count)
{
    if (w[0] >= '0' && w[0] <= '9') {
        long n = strtol(w, NULL, 10);
        *count = n > 0 && n < 1000 ? (int)n : 0;
        return 0;
    }
    for (size_t i = 0; i < sizeof meets_words / sizeof *meets_words; i++) {
        const meets_word *m = &meets_words[i];
        if (strlen(m->word) != len || strncmp(m->word, w, len) != 0)
            continue;
        if (m->number)
            *count = m->number;
        if (m->unit) {
            *unit = m->unit;
            if (m->unit_count)
                *count = *count ? *count * m->unit_count : m->unit_count;
        }
        if (m->ordinal)
            s->week_of_month = m->ordinal;
        if (m->weekday)
            s->weekday = m->weekday;
        return 0;
    }
    static const char *const filler[] = {"every", "each", "of", "the", "on", "a", "an", "meets", "per"};
    for (size_t i = 0; i < sizeof filler / sizeof *filler; i++)
        if (strlen(filler[i]) == len && strncmp(filler[i], w, len) == 0)
            return 0;
    return -1;
}

int sl_meets_parse(const char *text, sl_schedule *out)
{
    sl_schedule s = {0};
    int unit = 0, count = 0;
    char word[32];
    const char *p = text;
    while (*p) {
        size_t n = 0;
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            p++;
        while (*p && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) {
            if (n + 1 < sizeof word)
                word[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
            p++;
        }
        word[n] = '\0';
        if (n && meets_apply(word, n, &s, &unit, &count) < 0)
            return -1;
    }
    if (!unit && s.weekday && s.week_of_month)
        unit = 2;               /* "last Thursday of the month" */
    if (!unit || (s.weekday && !s.week_of_month && unit == 2))
        return -1;
    s.unit = unit == 1 ? SL_EVERY_WEEK : SL_EVERY_MONTH;
    s.every = count > 0 ? count : 1;
    if (s.unit == SL_EVERY_WEEK)
        s.week_of_month = 0;
    *out = s;
    return 0;
}
