/* action_list.c — rating, filtering and writing the action list. */
#include "report/action_list.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void sl_rate_action(const sl_action_row *row, sl_day as_of, sl_rag_result *out)
{
    sl_day activity = row->last_update != SL_NO_DAY ? row->last_update : row->baseline_day;
    sl_rag_input in = {
        .status = row->status,
        .start = row->start,
        .due = row->due,
        .last_activity = activity != SL_NO_DAY && activity <= as_of ? activity : SL_NO_DAY,
        .manual = row->manual_rag,
        .manual_until = row->manual_until,
    };
    sl_rag_compute(&in, &row->rules, as_of, out);
}

/* Returns 1 when needle occurs in haystack, ignoring case. */
static int contains_nocase(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    for (; *haystack; haystack++)
        if (strncasecmp(haystack, needle, n) == 0)
            return 1;
    return n == 0;
}

/* Applies the filter to a rated row. */
static int passes(const sl_action_filter *f, const sl_action_row *row, const sl_rag_result *rag)
{
    if (f->theme && strcasecmp(f->theme, row->theme_ref) != 0 &&
        strcasecmp(f->theme, row->theme) != 0)
        return 0;
    if (f->lead && !contains_nocase(row->sro, f->lead) && !contains_nocase(row->leads, f->lead))
        return 0;
    if (f->has_status && row->status != f->status)
        return 0;
    if (f->rag != SL_RAG_NONE && rag->rag != f->rag)
        return 0;
    if (f->overdue_only && !rag->overdue)
        return 0;
    if (f->due_within >= 0) {
        int done = sl_status_is_done(row->status) || sl_status_is_closed(row->status);
        if (done || row->due == SL_NO_DAY || row->due < f->as_of ||
            row->due - f->as_of > f->due_within)
            return 0;
    }
    return 1;
}

typedef struct {
    const sl_action_filter *filter;
    sl_rated_cb cb;
    void *ctx;
} walk;

/* Store callback: rates the row and hands it on when it passes. */
static int on_row(void *ctx, const sl_action_row *row)
{
    walk *w = ctx;
    sl_rag_result rag;
    sl_rate_action(row, w->filter->as_of, &rag);
    return passes(w->filter, row, &rag) ? w->cb(w->ctx, row, &rag) : 0;
}

int sl_each_rated_action(sl_store *store, const sl_action_filter *f, sl_rated_cb cb, void *ctx,
                         sl_error *err)
{
    sl_action_query q = {
        .plan_id = f->plan_id,
        .action_id = f->action_id,
        .as_of = f->as_of,
        .due_before = f->overdue_only ? f->as_of : SL_NO_DAY,
    };
    walk w = {f, cb, ctx};
    return sl_store_each_action(store, &q, on_row, &w, err);
}

/* Appends a day as a JSON string, or null. */
static void json_day(sl_buf *out, sl_day day)
{
    char iso[11];
    if (day == SL_NO_DAY) {
        sl_buf_puts(out, "null");
        return;
    }
    sl_day_format(day, iso);
    sl_buf_json_str(out, iso);
}

/* Appends a ';'-joined list as a JSON array of strings, or of numbers. */
static void json_list(sl_buf *out, const char *list, int numbers)
{
    sl_buf_putc(out, '[');
    const char *p = list;
    int first = 1;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n) {
            if (!first)
                sl_buf_putc(out, ',');
            if (numbers)
                sl_buf_int(out, strtol(p, NULL, 10));
            else
                sl_buf_json_strn(out, p, n);
            first = 0;
        }
        p += n + (end ? 1 : 0);
    }
    sl_buf_putc(out, ']');
}

void sl_action_json(sl_buf *out, const sl_action_row *r, const sl_rag_result *rag)
{
    sl_buf_puts(out, "{\"id\":");
    sl_buf_int(out, r->id);
    sl_buf_puts(out, ",\"plan_id\":");
    sl_buf_int(out, r->plan_id);
    sl_buf_puts(out, ",\"plan\":");
    sl_buf_json_str(out, r->plan_title);
    sl_buf_puts(out, ",\"ref\":");
    sl_buf_json_str(out, r->ref);
    sl_buf_puts(out, ",\"title\":");
    sl_buf_json_str(out, r->title);
    sl_buf_puts(out, ",\"theme_ref\":");
    sl_buf_json_str(out, r->theme_ref);
    sl_buf_puts(out, ",\"theme\":");
    sl_buf_json_str(out, r->theme);
    sl_buf_puts(out, ",\"start\":");
    json_day(out, r->start);
    sl_buf_puts(out, ",\"start_text\":");
    sl_buf_json_str(out, r->start_text);
    sl_buf_puts(out, ",\"due\":");
    json_day(out, r->due);
    sl_buf_puts(out, ",\"due_text\":");
    sl_buf_json_str(out, r->due_text);
    sl_buf_puts(out, ",\"sro\":");
    sl_buf_json_str(out, r->sro);
    sl_buf_puts(out, ",\"leads\":");
    json_list(out, r->leads, 0);
    sl_buf_puts(out, ",\"status\":");
    sl_buf_json_str(out, sl_status_name(r->status));
    sl_buf_puts(out, ",\"status_text\":");
    sl_buf_json_str(out, r->status_text);
    sl_buf_puts(out, ",\"rag\":");
    sl_buf_json_str(out, sl_rag_name(rag->rag));
    sl_buf_puts(out, ",\"rag_computed\":");
    sl_buf_json_str(out, sl_rag_name(rag->computed));
    int manual = r->manual_rag && !rag->manual_lapsed;
    sl_buf_puts(out, ",\"rag_manual\":");
    sl_buf_json_str(out, manual ? sl_rag_name(r->manual_rag) : NULL);
    sl_buf_puts(out, ",\"rag_manual_until\":");
    json_day(out, manual ? r->manual_until : SL_NO_DAY);
    sl_buf_puts(out, ",\"rag_reason\":");
    sl_buf_json_str(out, manual ? r->rag_reason : rag->reason);
    sl_buf_puts(out, rag->overdue ? ",\"overdue\":true" : ",\"overdue\":false");
    sl_buf_puts(out, rag->awaiting_signoff ? ",\"awaiting_signoff\":true"
                                           : ",\"awaiting_signoff\":false");
    sl_buf_puts(out, rag->stale ? ",\"stale\":true" : ",\"stale\":false");
    sl_buf_puts(out, ",\"last_update\":");
    json_day(out, r->last_update);
    sl_buf_puts(out, ",\"recommendations\":");
    json_list(out, r->recommendations, 1);
    sl_buf_puts(out, ",\"version\":");
    sl_buf_int(out, r->version);
    sl_buf_putc(out, '}');
}

void sl_action_table_heading(sl_buf *out)
{
    sl_buf_puts(out, "REF    RAG    STATUS       DUE         SRO      TITLE\n");
}

void sl_action_table_row(sl_buf *out, const sl_action_row *r, const sl_rag_result *rag)
{
    char due[11] = "-";
    if (r->due != SL_NO_DAY)
        sl_day_format(r->due, due);
    else if (*r->due_text)
        snprintf(due, sizeof due, "%s", r->due_text);
    char rag_text[8];
    snprintf(rag_text, sizeof rag_text, "%s%s", sl_rag_name(rag->rag),
             r->manual_rag && !rag->manual_lapsed ? "*" : "");
    sl_buf_cell(out, r->ref, 6);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, rag_text, 6);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, rag->awaiting_signoff ? "awaiting-s/o" : sl_status_name(r->status), 12);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, due, 10);
    sl_buf_cell(out, rag->overdue ? "!" : "", 2);
    sl_buf_cell(out, *r->sro ? r->sro : r->leads, 8);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, r->title, 30);
    while (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    sl_buf_putc(out, '\n');
}
