/* reminder.c — gathering a lead's reminder and writing its email (see reminder.h). */
#include "report/reminder.h"

#include <stdlib.h>
#include <string.h>

#include "report/action_list.h"
#include "util/mem.h"

typedef struct {
    const char *person;
    sl_day as_of;
    sl_reminder_list *list;
} gather;

/* Appends a copy of what the person must do about one action. */
static void add_item(sl_reminder_list *list, const sl_action_row *row, sl_day activity,
                     const sl_need *need, int from_baseline)
{
    if (list->n == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 8;
        list->items = sl_realloc(list->items, list->cap * sizeof *list->items);
    }
    list->items[list->n++] = (sl_reminder_item){
        .action_id = row->id,
        .ref = sl_strdup(row->ref),
        .title = sl_strdup(row->title),
        .plan = sl_strdup(row->plan_title),
        .authority = sl_strdup(row->authority),
        .due_text = sl_strdup(row->due_text),
        .due = row->due,
        .last_activity = activity,
        .from_baseline = from_baseline,
        .update_cycle_days = row->rules.update_cycle_days,
        .need = *need,
    };
}

/* Rated-action callback: keeps the actions naming the person that need them. */
static int on_action(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    gather *g = ctx;
    sl_day activity = row->last_update != SL_NO_DAY ? row->last_update : row->baseline_day;
    if (activity != SL_NO_DAY && activity > g->as_of)
        activity = SL_NO_DAY;
    int is_sro = sl_person_named(row->sro, g->person);
    sl_need_input in = {
        .status = row->status,
        .start = row->start,
        .last_activity = activity,
        .update_cycle_days = row->rules.update_cycle_days,
        .awaiting_signoff = rag->awaiting_signoff,
        .owns = is_sro || sl_person_named(row->leads, g->person),
        .is_sro = is_sro,
    };
    sl_need need;
    sl_reminder_need(&in, g->as_of, &need);
    if (need.kind != SL_NEED_NONE)
        add_item(g->list, row, activity, &need, row->last_update == SL_NO_DAY || row->last_update > g->as_of);
    return 0;
}

/* Reorders the list: sign-offs, overdue updates, updates due; each kind
 * keeps the store's plan order. */
static void order_items(sl_reminder_list *list)
{
    static const sl_need_kind order[] = {SL_NEED_SIGN_OFF, SL_NEED_UPDATE_OVERDUE, SL_NEED_UPDATE_DUE};
    sl_reminder_item *sorted = sl_calloc((list->n ? list->n : 1) * sizeof *sorted);
    size_t k = 0;
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++)
        for (size_t i = 0; i < list->n; i++)
            if (list->items[i].need.kind == order[o])
                sorted[k++] = list->items[i];
    free(list->items);
    list->items = sorted;
    list->cap = list->n ? list->n : 1;
}

int sl_reminder_collect(sl_store *store, const char *person, sl_day as_of, sl_reminder_list *out,
                        sl_error *err)
{
    memset(out, 0, sizeof *out);
    if (!person || !*person)
        return 0;
    sl_action_filter f = {.as_of = as_of, .due_within = -1, .lead = person};
    gather g = {person, as_of, out};
    if (sl_each_rated_action(store, &f, on_action, &g, err) < 0) {
        sl_reminder_list_free(out);
        return -1;
    }
    order_items(out);
    return 0;
}

void sl_reminder_list_free(sl_reminder_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        sl_reminder_item *it = &list->items[i];
        free(it->ref);
        free(it->title);
        free(it->plan);
        free(it->authority);
        free(it->due_text);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

void sl_reminder_counts(const sl_reminder_list *list, size_t *updates, size_t *sign_offs)
{
    *updates = *sign_offs = 0;
    for (size_t i = 0; i < list->n; i++)
        (*(list->items[i].need.kind == SL_NEED_SIGN_OFF ? sign_offs : updates))++;
}

void sl_reminder_day(sl_buf *out, sl_day day)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, m, d;
    sl_day_to_ymd(day, &y, &m, &d);
    sl_buf_cprintf(out, "%d %s %d", d, months[m - 1], y);
}

void sl_reminder_needed(sl_buf *out, const sl_reminder_item *it)
{
    if (it->need.kind == SL_NEED_SIGN_OFF) {
        sl_buf_puts(out, "your sign-off as SRO: the action is marked complete");
        return;
    }
    if (it->last_activity == SL_NO_DAY) {
        sl_buf_puts(out, "an update: none is recorded");
        return;
    }
    sl_buf_puts(out, it->need.kind == SL_NEED_UPDATE_DUE ? "an update, due today: " : "an update: ");
    sl_buf_puts(out, it->from_baseline ? "none since the plan's statuses of " : "the last was on ");
    sl_reminder_day(out, it->last_activity);
    sl_buf_cprintf(out, " and the plan asks for one every %d days", it->update_cycle_days);
    if (it->need.kind == SL_NEED_UPDATE_OVERDUE && it->need.update_due != SL_NO_DAY) {
        sl_buf_puts(out, ", so one was due on ");
        sl_reminder_day(out, it->need.update_due);
    }
}

/* Appends text after a prefix of indent columns, wrapped at word breaks to
 * lines of at most 76 columns, each following line indented as the first.
 * Line breaks in the text become spaces; a word longer than a line stays whole. */
static void wrapped(sl_buf *out, const char *prefix, size_t indent, const char *text)
{
    sl_buf_puts(out, prefix);
    size_t col = indent;
    const char *p = text;
    while (*p) {
        p += strspn(p, " \t\r\n");
        size_t n = strcspn(p, " \t\r\n");
        if (n == 0)
            break;
        size_t width = 0;
        for (size_t i = 0; i < n; i++)
            width += ((unsigned char)p[i] & 0xC0) != 0x80;
        if (col > indent && col + 1 + width > 76) {
            sl_buf_cprintf(out, "\n%*s", (int)indent, "");
            col = indent;
        } else if (col > indent) {
            sl_buf_putc(out, ' ');
            col++;
        }
        sl_buf_add(out, p, n);
        col += width;
        p += n;
    }
    sl_buf_putc(out, '\n');
}

/* Appends the email's headers and the blank line that ends them. */
static void headers(sl_buf *out, const sl_reminder_head *head, const sl_reminder_list *list)
{
    size_t updates, sign_offs;
    sl_reminder_counts(list, &updates, &sign_offs);
    sl_buf_cprintf(out, "From: sightline <%s>\nTo: <%s>\nSubject: sightline: ", head->from, head->to);
    if (updates)
        sl_buf_cprintf(out, "%zu update%s due", updates, updates == 1 ? "" : "s");
    if (updates && sign_offs)
        sl_buf_puts(out, ", ");
    if (sign_offs)
        sl_buf_cprintf(out, "%zu sign-off%s", sign_offs, sign_offs == 1 ? "" : "s");
    sl_buf_puts(out, " (");
    sl_reminder_day(out, head->as_of);
    sl_buf_cprintf(out, ")\nDate: %s\nMIME-Version: 1.0\n"
                        "Content-Type: text/plain; charset=UTF-8\n"
                        "Content-Transfer-Encoding: 8bit\nAuto-Submitted: auto-generated\n\n",
                   head->date);
}

/* Appends one item: ref and title, plan, due date, what is needed, link. */
static void item_text(sl_buf *out, const sl_reminder_head *head, const sl_reminder_item *it)
{
    sl_buf line = SL_BUF_INIT;
    sl_buf_cprintf(&line, "%s %s", it->ref, it->title);
    wrapped(out, "* ", 2, sl_buf_str(&line));
    sl_buf_reset(&line);
    sl_buf_cprintf(&line, "%s (%s)", it->plan, it->authority);
    wrapped(out, "  Plan: ", 8, sl_buf_str(&line));
    sl_buf_reset(&line);
    if (it->due != SL_NO_DAY) {
        sl_reminder_day(&line, it->due);
        if (it->due < head->as_of && it->need.kind != SL_NEED_SIGN_OFF)
            sl_buf_puts(&line, " (overdue)");
    } else {
        sl_buf_puts(&line, *it->due_text ? it->due_text : "no due date");
    }
    wrapped(out, "  Due: ", 7, sl_buf_str(&line));
    sl_buf_reset(&line);
    sl_reminder_needed(&line, it);
    wrapped(out, "  Needed: ", 10, sl_buf_str(&line));
    sl_buf_cprintf(out, "  Link: %s/actions/%lld\n\n", head->base_url, (long long)it->action_id);
    sl_buf_free(&line);
}

/* Appends one section (a heading with its count, then its items) when it has any. */
static void section(sl_buf *out, const sl_reminder_head *head, const sl_reminder_list *list,
                    const char *title, int sign_off)
{
    size_t count = 0;
    for (size_t i = 0; i < list->n; i++)
        count += (list->items[i].need.kind == SL_NEED_SIGN_OFF) == sign_off;
    if (!count)
        return;
    sl_buf_cprintf(out, "%s (%zu)\n\n", title, count);
    for (size_t i = 0; i < list->n; i++)
        if ((list->items[i].need.kind == SL_NEED_SIGN_OFF) == sign_off)
            item_text(out, head, &list->items[i]);
}

void sl_reminder_message(sl_buf *out, const sl_reminder_head *head, const sl_reminder_list *list)
{
    headers(out, head, list);
    sl_buf_cprintf(out, "Dear %s,\n\nAs of ", head->login);
    sl_reminder_day(out, head->as_of);
    sl_buf_puts(out, ", these actions in sightline need you.\n\n");
    section(out, head, list, "Awaiting your sign-off", 1);
    section(out, head, list, "Updates due or overdue", 0);
    sl_buf_cprintf(out, "You get this email on each day something needs you. To stop it, ask an\n"
                        "administrator to run: sightline user set %s --reminders off\n",
                   head->login);
}
