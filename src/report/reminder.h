/* reminder.h — the daily reminder to a lead: the actions whose update is
 * due or overdue by their plan's update cycle, and those awaiting their
 * sign-off as SRO (the rule: domain/reminder.h), gathered from the store
 * for one person, and the email that lists them (RFC 5322 headers and a
 * plain-text UTF-8 body, lines ending in LF; the sender turns them into
 * CRLF). The web application's sign-in panel shows the same list. */
#ifndef SL_REPORT_REMINDER_H
#define SL_REPORT_REMINDER_H
#include "domain/reminder.h"
#include "store/store.h"
#include "util/buf.h"

/* One thing the person is asked to do; strings owned by the list. */
typedef struct {
    int64_t action_id;
    char *ref;
    char *title;
    char *plan;                 /* the plan's title */
    char *authority;
    char *due_text;             /* the due date as the plan wrote it */
    sl_day due;                 /* SL_NO_DAY when vague or blank */
    sl_day last_activity;       /* last update or the plan's baseline, SL_NO_DAY when unknown */
    int from_baseline;          /* 1: no update yet, last_activity is the day the plan's statuses were known */
    int update_cycle_days;
    sl_need need;
} sl_reminder_item;

/* The person's list: sign-offs first, then overdue updates, then updates
 * due today, each by plan and ref. */
typedef struct {
    sl_reminder_item *items;
    size_t n, cap;
} sl_reminder_list;

/* Gathers what person (a label plans use, "BP") must do as of a day across
 * every current plan into *out (emptied first; free with
 * sl_reminder_list_free). Returns 0 or -1. */
int sl_reminder_collect(sl_store *store, const char *person, sl_day as_of, sl_reminder_list *out,
                        sl_error *err);
/* Frees the list's items and empties it. */
void sl_reminder_list_free(sl_reminder_list *list);
/* Counts the items needing an update (due or overdue) and a sign-off. */
void sl_reminder_counts(const sl_reminder_list *list, size_t *updates, size_t *sign_offs);
/* Appends what is needed of an item in words ("an update: the last was on
 * 3 Aug 2017, due every 30 days; it was due on 2 Sep 2017"). */
void sl_reminder_needed(sl_buf *out, const sl_reminder_item *item);
/* Appends a day the UK way ("5 Sep 2017"). */
void sl_reminder_day(sl_buf *out, sl_day day);

/* Who the email is for and from, and what its links start with. */
typedef struct {
    const char *login;          /* the user, named in the greeting */
    const char *to;             /* their email address */
    const char *from;           /* the relay's sender address */
    const char *base_url;       /* e.g. "https://sightline.example.gov.uk"; "" gives paths */
    const char *date;           /* the Date header's value (RFC 5322) */
    sl_day as_of;
} sl_reminder_head;

/* Appends the whole email (headers, a blank line, the body) for a
 * non-empty list. Pure: the same list and head give the same bytes. */
void sl_reminder_message(sl_buf *out, const sl_reminder_head *head, const sl_reminder_list *list);

#endif
