/* action_detail.c — rendering one action in full (see action_detail.h). */
#include "report/action_detail.h"

#include <string.h>

#include "report/action_list.h"

#define LABEL_WIDTH 17
#define PAGE_WIDTH 80

void sl_wrap(sl_buf *out, const char *text, int indent, int width)
{
    int column = indent;
    const char *p = text ? text : "";
    int first_word = 1;
    while (*p) {
        if (*p == '\n') {
            sl_buf_putc(out, '\n');
            for (int i = 0; i < indent; i++)
                sl_buf_putc(out, ' ');
            column = indent;
            first_word = 1;
            p++;
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\r') {
            p++;
            continue;
        }
        size_t n = strcspn(p, " \t\r\n");
        int w = 0;
        for (size_t i = 0; i < n; i++)
            w += ((unsigned char)p[i] & 0xC0) != 0x80;
        if (!first_word && column + 1 + w > width) {
            sl_buf_putc(out, '\n');
            for (int i = 0; i < indent; i++)
                sl_buf_putc(out, ' ');
            column = indent;
        } else if (!first_word) {
            sl_buf_putc(out, ' ');
            column++;
        }
        sl_buf_add(out, p, n);
        column += w;
        first_word = 0;
        p += n;
    }
    sl_buf_putc(out, '\n');
}

/* Appends "Label:" padded, then the value wrapped; nothing when value is empty. */
static void field(sl_buf *out, const char *label, const char *value)
{
    if (!value || !*value)
        return;
    char head[40];
    snprintf(head, sizeof head, "%s%s", label, *label ? ":" : "");
    sl_buf_cell(out, head, LABEL_WIDTH);
    sl_wrap(out, value, LABEL_WIDTH, PAGE_WIDTH);
}

/* Describes a written date: its text and the days it means. */
static void date_field(sl_buf *out, const char *label, const sl_written_date *d)
{
    if (!d->text || !*d->text)
        return;
    sl_buf line = SL_BUF_INIT;
    sl_buf_puts(&line, d->text);
    const sl_date_value *v = &d->value;
    char a[11], b[11];
    if (d->parse == SL_DATE_INVALID)
        sl_buf_puts(&line, "  (not a real date)");
    else if (d->parse == SL_DATE_UNREADABLE)
        sl_buf_puts(&line, "  (not a date sightline can read)");
    else if (v->earliest != SL_NO_DAY && v->latest != SL_NO_DAY && v->earliest != v->latest) {
        sl_day_format(v->earliest, a);
        sl_day_format(v->latest, b);
        sl_buf_printf(&line, "  (%s to %s)", a, b);
    } else if (v->latest != SL_NO_DAY || v->earliest != SL_NO_DAY) {
        sl_day_format(v->latest != SL_NO_DAY ? v->latest : v->earliest, a);
        sl_buf_printf(&line, "  (%s%s)", v->open_ended ? "from " : "", a);
    } else if (v->vague) {
        sl_buf_puts(&line, "  (no date)");
    }
    field(out, label, sl_buf_str(&line));
    sl_buf_free(&line);
}

/* Lists the milestones of a multi-date due cell. */
static void milestones(sl_buf *out, const sl_written_date *d)
{
    if (d->parse != SL_DATE_OK || d->value.n_milestones < 2)
        return;
    sl_buf list = SL_BUF_INIT;
    for (int m = 0; m < d->value.n_milestones; m++) {
        char day[11];
        sl_day_format(d->value.milestones[m].latest, day);
        sl_buf_printf(&list, "%s%s", m ? "; " : "", day);
        if (d->value.milestones[m].label[0])
            sl_buf_printf(&list, " %s", d->value.milestones[m].label);
    }
    field(out, "Milestones", sl_buf_str(&list));
    sl_buf_free(&list);
}

void sl_detail_text(sl_buf *out, const sl_plan *plan, const sl_action_row *row,
                    const sl_rag_result *rag)
{
    const sl_action *a = &plan->actions[0];
    sl_buf line = SL_BUF_INIT;
    sl_buf_printf(out, "%s  ", a->ref);
    sl_wrap(out, a->title, (int)strlen(a->ref) + 2, PAGE_WIDTH);
    sl_buf_putc(out, '\n');
    sl_buf_printf(&line, "%s (plan %lld)", plan->title, (long long)row->plan_id);
    field(out, "Plan", sl_buf_str(&line));
    if (a->theme >= 0) {
        sl_buf_reset(&line);
        sl_buf_printf(&line, "%s %s", plan->themes[a->theme].ref, plan->themes[a->theme].title);
        field(out, "Theme", sl_buf_str(&line));
    }
    field(out, "Description", a->description);
    sl_buf_reset(&line);
    sl_buf_printf(&line, "%s%s (\"%s\")", sl_status_name(row->status),
                  rag->awaiting_signoff ? ", awaiting sign-off" : "", row->status_text);
    field(out, "Status", sl_buf_str(&line));
    sl_buf_reset(&line);
    char until[11] = "";
    if (row->manual_until != SL_NO_DAY)
        sl_day_format(row->manual_until, until);
    if (row->manual_rag && !rag->manual_lapsed)
        sl_buf_printf(&line, "%s (manual: %s%s%s; computed %s: %s)", sl_rag_name(rag->rag), row->rag_reason,
                      *until ? "; review by " : "", until, sl_rag_name(rag->computed), rag->reason);
    else if (row->manual_rag)
        sl_buf_printf(&line, "%s (%s; the manual %s lapsed after its review day %s)", sl_rag_name(rag->rag),
                      rag->reason, sl_rag_name(row->manual_rag), until);
    else
        sl_buf_printf(&line, "%s (%s)", sl_rag_name(rag->rag), rag->reason);
    field(out, "RAG", sl_buf_str(&line));
    date_field(out, "Start", &a->start);
    date_field(out, "Due", &a->due);
    milestones(out, &a->due);
    field(out, "SRO", a->sro);
    field(out, "Leads", row->leads);
    field(out, "Resources", a->resources);
    field(out, "Measure", a->measure);
    field(out, "Impact", a->impact);
    field(out, "Delivered through", a->delivered_through);
    for (size_t i = 0; i < a->n_recommendations; i++) {
        const char *text = "";
        for (size_t r = 0; r < plan->n_recommendations; r++)
            if (plan->recommendations[r].number == a->recommendations[i])
                text = plan->recommendations[r].text;
        sl_buf_reset(&line);
        sl_buf_printf(&line, "%d%s%s", a->recommendations[i], *text ? ": " : "", text);
        field(out, i ? "" : "Recommendations", sl_buf_str(&line));
    }
    field(out, "Progress", row->note);
    for (size_t i = 0; i < a->n_custom; i++)
        field(out, a->custom[i].name, a->custom[i].value);
    sl_buf_reset(&line);
    sl_buf_printf(&line, "line %ld of %s", a->source_line, plan->source_file);
    field(out, "Source", sl_buf_str(&line));
    sl_buf_reset(&line);
    sl_buf_printf(&line, "%d (1 as imported; each change adds one)", row->version);
    field(out, "Version", sl_buf_str(&line));
    sl_buf_free(&line);
}

void sl_detail_update_text(sl_buf *out, const sl_update *u)
{
    char day[11];
    sl_day_format(u->day, day);
    sl_buf_printf(out, "  %s  %-12s", day, sl_status_name(u->status));
    if (u->rag)
        sl_buf_printf(out, " RAG %s", sl_rag_name(u->rag));
    if (u->rag && u->rag_until != SL_NO_DAY) {
        char until[11];
        sl_day_format(u->rag_until, until);
        sl_buf_printf(out, " until %s", until);
    }
    sl_buf_printf(out, "  by %s\n", u->actor);
    if (u->rag && u->rag_reason && *u->rag_reason) {
        sl_buf_puts(out, "      reason: ");
        sl_wrap(out, u->rag_reason, 14, PAGE_WIDTH);
    }
    if (u->note && *u->note) {
        sl_buf_puts(out, "      ");
        sl_wrap(out, u->note, 6, PAGE_WIDTH);
    }
    if (u->evidence && *u->evidence)
        sl_buf_printf(out, "      evidence: %s\n", u->evidence);
}

void sl_detail_audit_text(sl_buf *out, const sl_audit_entry *e)
{
    sl_buf_printf(out, "  %s  %s  %s %s %lld", e->at, e->actor, e->operation, e->entity,
                  (long long)e->entity_id);
    if (e->field && *e->field)
        sl_buf_printf(out, " %s", e->field);
    sl_buf_puts(out, "\n      ");
    sl_buf line = SL_BUF_INIT;
    if (e->before)
        sl_buf_printf(&line, "%s -> ", e->before);
    sl_buf_puts(&line, e->after ? e->after : "");
    sl_wrap(out, sl_buf_str(&line), 6, PAGE_WIDTH);
    sl_buf_free(&line);
}

void sl_detail_update_json(sl_buf *out, const sl_update *u)
{
    char day[11];
    sl_day_format(u->day, day);
    sl_buf_printf(out, "{\"id\":%lld,\"day\":\"%s\",\"recorded_at\":", (long long)u->id, day);
    sl_buf_json_str(out, u->recorded_at);
    sl_buf_puts(out, ",\"actor\":");
    sl_buf_json_str(out, u->actor);
    sl_buf_puts(out, ",\"status\":");
    sl_buf_json_str(out, sl_status_name(u->status));
    sl_buf_puts(out, ",\"status_text\":");
    sl_buf_json_str(out, u->status_text);
    sl_buf_puts(out, ",\"rag\":");
    sl_buf_json_str(out, u->rag ? sl_rag_name(u->rag) : NULL);
    sl_buf_puts(out, ",\"rag_reason\":");
    sl_buf_json_str(out, u->rag_reason);
    sl_buf_puts(out, ",\"note\":");
    sl_buf_json_str(out, u->note);
    sl_buf_puts(out, ",\"evidence\":");
    sl_buf_json_str(out, u->evidence);
    sl_buf_putc(out, '}');
}

void sl_detail_audit_json(sl_buf *out, const sl_audit_entry *e)
{
    sl_buf_printf(out, "{\"id\":%lld,\"at\":", (long long)e->id);
    sl_buf_json_str(out, e->at);
    sl_buf_puts(out, ",\"actor\":");
    sl_buf_json_str(out, e->actor);
    sl_buf_puts(out, ",\"operation\":");
    sl_buf_json_str(out, e->operation);
    sl_buf_puts(out, ",\"entity\":");
    sl_buf_json_str(out, e->entity);
    sl_buf_printf(out, ",\"entity_id\":%lld,\"field\":", (long long)e->entity_id);
    sl_buf_json_str(out, e->field);
    sl_buf_puts(out, ",\"before\":");
    sl_buf_json_str(out, e->before);
    sl_buf_puts(out, ",\"after\":");
    sl_buf_json_str(out, e->after);
    sl_buf_putc(out, '}');
}
