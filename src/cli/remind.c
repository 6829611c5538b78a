/* remind.c — the daily reminder run (see remind.h). */
#include "cli/remind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/reminder.h"
#include "util/clock.h"
#include "util/mem.h"
#include "util/smtp.h"

const sl_setting_key sl_setting_keys[] = {
    {"smtp.host", "the SMTP relay's host name or address (needed to send)"},
    {"smtp.port", "its port (default 25; 587 for submission, 465 with smtp.tls smtps)"},
    {"smtp.from", "the address reminders come from (needed to send)"},
    {"smtp.user", "the relay's user name, when it asks for one"},
    {"smtp.password", "its password (give it with --stdin; never shown)"},
    {"smtp.tls", "try (STARTTLS when offered, the default), require, or smtps"},
    {"smtp.ca_file", "a PEM file of the authorities the relay's certificate may come from"},
    {"base_url", "how links in emails start (default http://127.0.0.1:8080)"},
    {"remind.time", "when serve sends the day's reminders, HH:MM Europe/London (default 07:00)"},
};
const size_t sl_n_setting_keys = sizeof sl_setting_keys / sizeof sl_setting_keys[0];

int sl_setting_check(const char *key, const char *value, sl_error *err)
{
    size_t i = 0;
    while (i < sl_n_setting_keys && strcmp(sl_setting_keys[i].key, key) != 0)
        i++;
    if (i == sl_n_setting_keys)
        return sl_fail(err, "no setting '%s' (sightline settings lists them)", key);
    char *end = NULL;
    long port = 0;
    int minute;
    sl_smtp_tls tls;
    if (!*value)
        return 0;
    if (strcmp(key, "smtp.port") == 0 && ((port = strtol(value, &end, 10)) < 1 || port > 65535 || *end))
        return sl_fail(err, "smtp.port takes a port number, 1 to 65535");
    if (strcmp(key, "smtp.from") == 0 && !sl_email_valid(value))
        return sl_fail(err, "smtp.from takes one email address, such as sightline@example.gov.uk");
    if (strcmp(key, "smtp.tls") == 0 && sl_smtp_tls_parse(value, &tls) < 0)
        return sl_fail(err, "smtp.tls takes try, require or smtps");
    if (strcmp(key, "remind.time") == 0 && sl_parse_time_of_day(value, &minute) < 0)
        return sl_fail(err, "remind.time takes a time of day as HH:MM, such as 07:00");
    if (strcmp(key, "base_url") == 0 && strncmp(value, "http://", 7) != 0 && strncmp(value, "https://", 8) != 0)
        return sl_fail(err, "base_url takes an http:// or https:// address");
    if (strpbrk(value, "\r\n"))
        return sl_fail(err, "a setting is one line");
    return 0;
}

/* The settings one run reads, each owned here ("" when unset). */
typedef struct {
    char *host, *port, *from, *user, *password, *tls, *ca_file, *base_url;
} settings;

/* Reads one setting into *value ("" when unset); returns 0 or -1. */
static int read_setting(sl_store *store, const char *key, char **value, sl_error *err)
{
    *value = NULL;
    int found = sl_store_setting_get(store, key, value, err);
    if (found == 0)
        *value = sl_strdup("");
    return found < 0 ? -1 : 0;
}

/* Frees what read_settings read. */
static void free_settings(settings *s)
{
    char **all[] = {&s->host, &s->port, &s->from, &s->user, &s->password, &s->tls, &s->ca_file, &s->base_url};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        free(*all[i]);
}

/* Reads the relay's settings; returns 0 or -1. */
static int read_settings(sl_store *store, settings *s, sl_error *err)
{
    memset(s, 0, sizeof *s);
    const struct {
        const char *key;
        char **value;
    } wanted[] = {{"smtp.host", &s->host}, {"smtp.port", &s->port},         {"smtp.from", &s->from},
                  {"smtp.user", &s->user}, {"smtp.password", &s->password}, {"smtp.tls", &s->tls},
                  {"smtp.ca_file", &s->ca_file}, {"base_url", &s->base_url}};
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
        if (read_setting(store, wanted[i].key, wanted[i].value, err) < 0) {
            free_settings(s);
            return -1;
        }
    return 0;
}

/* Fills the relay from the settings; returns 0, or -1 saying what is missing. */
static int relay_from(const settings *s, sl_smtp_relay *relay, sl_error *err)
{
    memset(relay, 0, sizeof *relay);
    if (!*s->host || !*s->from)
        return sl_fail(err, "no SMTP relay is set: sightline settings smtp.host HOST and "
                            "sightline settings smtp.from ADDRESS (or use --dry-run)");
    relay->host = s->host;
    relay->port = *s->port ? (int)strtol(s->port, NULL, 10) : 25;
    relay->from = s->from;
    relay->user = s->user;
    relay->password = s->password;
    relay->ca_file = s->ca_file;
    if (*s->tls && sl_smtp_tls_parse(s->tls, &relay->tls) < 0)
        return sl_fail(err, "smtp.tls is '%s': it takes try, require or smtps", s->tls);
    return 0;
}

/* Writes the clock's time as an RFC 5322 date ("Tue, 05 Sep 2017 09:00:00 +0000"). */
static void mail_date(sl_buf *out)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char stamp[32], iso[11];
    sl_now_timestamp(stamp);
    snprintf(iso, sizeof iso, "%.10s", stamp);
    sl_day day;
    if (sl_day_parse_iso(iso, &day) < 0 || strlen(stamp) < 19) {
        sl_buf_puts(out, "Thu, 01 Jan 1970 00:00:00 +0000");
        return;
    }
    int y, m, d;
    sl_day_to_ymd(day, &y, &m, &d);
    sl_buf_cprintf(out, "%s, %02d %s %d %.8s +0000", days[sl_day_weekday(day) - 1], d, months[m - 1], y,
                   stamp + 11);
}

/* What one run counts, for its summary line. */
typedef struct {
    const sl_remind_options *o;
    sl_smtp_relay relay;
    const char *base_url;
    char date[40];
    char day[11];
    int sent, already, off, no_email;
} run_state;

/* Audit callback: stops (1) at the record of a reminder sent on ctx's day. */
static int sent_on(void *ctx, const sl_audit_entry *e)
{
    const char *day = ctx;
    return strcmp(e->operation, "remind") == 0 && e->after && strcmp(e->after, day) == 0;
}

/* Records that the user's reminder of the day was sent (one transaction). */
static int record_sent(sl_store *store, const run_state *st, const sl_user *u, sl_error *err)
{
    if (sl_store_begin(store, err) < 0)
        return -1;
    if (sl_store_audit_note(store, st->o->actor, "remind", "user", u->id, "reminder", st->day, err) < 0) {
        sl_store_rollback(store);
        return -1;
    }
    return sl_store_commit(store, err);
}

/* Builds, then prints or sends, one user's reminder when they have one. */
static int remind_user(sl_store *store, run_state *st, const sl_user *u, sl_buf *out, sl_error *err)
{
    sl_reminder_list list;
    /* What the lead may see: their own authorities (a person label may name
     * someone else in another council's plan). A run already scoped to one
     * account (--as) keeps its scope. */
    int64_t outer = sl_store_scope(store);
    int collected = (outer != SL_SCOPE_ALL || sl_store_set_scope(store, u->id, err) == 0) &&
                    sl_reminder_collect(store, u->person, st->o->as_of, &list, err) == 0;
    if (outer == SL_SCOPE_ALL && sl_store_set_scope(store, SL_SCOPE_ALL, err) < 0 && collected) {
        sl_reminder_list_free(&list);
        return -1;
    }
    if (!collected)
        return -1;
    int rc = 0, done = 0;
    if (list.n && !st->o->dry_run &&
        (done = sl_store_each_audit(store, "user", u->id, 0, sent_on, st->day, err)) < 0)
        rc = -1;
    if (rc == 0 && list.n && done)
        st->already++;
    else if (rc == 0 && list.n && !*u->email) {
        st->no_email++;
        sl_buf_cprintf(out, "%s has %zu reminder%s but no email address: sightline user set %s --email ADDRESS\n",
                       u->login, list.n, list.n == 1 ? "" : "s", u->login);
    } else if (rc == 0 && list.n) {
        sl_buf msg = SL_BUF_INIT;
        sl_reminder_head head = {u->login, u->email, st->relay.from ? st->relay.from : "", st->base_url,
                                 st->date, st->o->as_of};
        sl_reminder_message(&msg, &head, &list);
        if (st->o->dry_run)
            sl_buf_cprintf(out, "%s\n%s\n", "-----", sl_buf_str(&msg));
        else
            rc = sl_smtp_send(&st->relay, u->email, sl_buf_str(&msg), err) < 0 ||
                         record_sent(store, st, u, err) < 0 ? -1 : 0;
        st->sent += rc == 0;
        sl_buf_free(&msg);
    }
    sl_reminder_list_free(&list);
    return rc;
}

/* Walks the users, reminding each one who has a person and wants reminders. */
static int remind_all(sl_store *store, run_state *st, sl_buf *out, sl_error *err)
{
    sl_user *users = NULL;
    int n = sl_store_users(store, &users, err);
    int rc = n < 0 ? -1 : 0;
    for (int i = 0; rc == 0 && i < n; i++) {
        if (users[i].disabled || !*users[i].person)
            continue;
        if (users[i].reminders_off)
            st->off++;
        else
            rc = remind_user(store, st, &users[i], out, err);
    }
    free(users);
    if (rc < 0 && st->sent && !st->o->dry_run) {
        sl_error first = *err;
        memset(err, 0, sizeof *err);
        sl_fail(err, "%s (%d reminder%s sent before it %s recorded as sent)", first.message, st->sent,
                st->sent == 1 ? "" : "s", st->sent == 1 ? "is" : "are");
    }
    return rc;
}

int sl_remind_run(sl_store *store, const sl_remind_options *o, sl_buf *out, sl_error *err)
{
    settings s;
    if (read_settings(store, &s, err) < 0)
        return -1;
    run_state st = {.o = o, .base_url = *s.base_url ? s.base_url : "http://127.0.0.1:8080"};
    int rc = relay_from(&s, &st.relay, err);
    if (rc < 0 && o->dry_run) {
        rc = 0;
        st.relay.from = *s.from ? s.from : "sightline@localhost";
    }
    sl_buf date = SL_BUF_INIT;
    mail_date(&date);
    snprintf(st.date, sizeof st.date, "%s", sl_buf_str(&date));
    sl_buf_free(&date);
    sl_day_format(o->as_of, st.day);
    if (rc == 0)
        rc = remind_all(store, &st, out, err);
    if (rc == 0)
        sl_buf_cprintf(out, "reminders for %s: %d %s, %d already sent that day, %d turned off, %d without an "
                            "email address\n",
                       st.day, st.sent, o->dry_run ? "shown (dry run: none sent)" : "sent", st.already, st.off,
                       st.no_email);
    free_settings(&s);
    return rc;
}

/* Audit callback: any entry is an earlier claim. */
static int any_entry(void *ctx, const sl_audit_entry *e)
{
    (void)ctx;
    (void)e;
    return 1;
}

int sl_remind_claim_day(sl_store *store, sl_day as_of, const char *actor, sl_error *err)
{
    char day[11];
    sl_day_format(as_of, day);
    if (sl_store_begin(store, err) < 0)
        return -1;
    int claimed = sl_store_each_audit(store, "reminders", as_of, 0, any_entry, NULL, err);
    if (claimed == 0 && sl_store_audit_note(store, actor, "remind-run", "reminders", as_of, "day", day, err) < 0)
        claimed = -1;
    if (claimed != 0) {
        sl_store_rollback(store);
        return claimed < 0 ? -1 : 0;
    }
    return sl_store_commit(store, err) < 0 ? -1 : 1;
}

int sl_remind_time(sl_store *store, int *minute, sl_error *err)
{
    char *text = NULL;
    int found = sl_store_setting_get(store, "remind.time", &text, err);
    int rc = found < 0 ? -1 : 0;
    *minute = 7 * 60;
    if (found == 1 && sl_parse_time_of_day(text, minute) < 0)
        rc = sl_fail(err, "remind.time is '%s': it takes HH:MM", text);
    free(text);
    return rc;
}
