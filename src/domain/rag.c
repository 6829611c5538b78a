/* rag.c — the RAG rules of SPEC.md §3, in the order a board reads them. */
#include "domain/rag.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

sl_rag_rules sl_rag_rules_default(void)
{
    sl_rag_rules rules = {.amber_days = 14, .update_cycle_days = 30, .requires_signoff = 0};
    return rules;
}

const char *sl_rag_name(sl_rag rag)
{
    switch (rag) {
    case SL_RAG_RED: return "red";
    case SL_RAG_AMBER: return "amber";
    case SL_RAG_GREEN: return "green";
    case SL_RAG_BLUE: return "blue";
    case SL_RAG_GREY: return "grey";
    case SL_RAG_NONE: break;
    }
    return "";
}

int sl_rag_parse(const char *text, sl_rag *out)
{
    static const struct {
        const char *word;
        sl_rag rag;
    } words[] = {
        {"red", SL_RAG_RED},   {"r", SL_RAG_RED},     {"amber", SL_RAG_AMBER}, {"a", SL_RAG_AMBER},
        {"green", SL_RAG_GREEN}, {"g", SL_RAG_GREEN}, {"blue", SL_RAG_BLUE},   {"b", SL_RAG_BLUE},
        {"grey", SL_RAG_GREY}, {"gray", SL_RAG_GREY}, {"", SL_RAG_NONE},
    };
    if (!text)
        text = "";
    while (*text == ' ')
        text++;
    size_t len = strlen(text);
    while (len > 0 && text[len - 1] == ' ')
        len--;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strlen(words[i].word) == len && strncasecmp(words[i].word, text, len) == 0) {
            *out = words[i].rag;
            return 0;
        }
    }
    return -1;
}

/* Sets the computed rating and its reason. */
static void rate(sl_rag_result *out, sl_rag rag, const char *reason)
{
    out->computed = rag;
    snprintf(out->reason, sizeof out->reason, "%s", reason);
}

/* Applies the rules to an action that is still being delivered. */
static void rate_open_action(const sl_rag_input *in, const sl_rag_rules *rules, sl_day as_of,
                             sl_rag_result *out)
{
    char why[96];
    if (out->overdue) {
        char day[SL_DAY_TEXT_SIZE];
        sl_day_uk(in->due, day);
        snprintf(why, sizeof why, "overdue: due %s", day);
        rate(out, SL_RAG_RED, why);
        return;
    }
    if (in->status == SL_STATUS_OFF_TRACK) {
        rate(out, SL_RAG_RED, "off track");
        return;
    }
    if (in->status == SL_STATUS_AT_RISK) {
        rate(out, SL_RAG_AMBER, "at risk");
        return;
    }
    int due_soon = in->due != SL_NO_DAY && in->due - as_of <= rules->amber_days;
    int waiting = in->status == SL_STATUS_NOT_STARTED || in->status == SL_STATUS_PLANNED;
    if (waiting && in->start != SL_NO_DAY && in->start < as_of && !due_soon) {
        rate(out, SL_RAG_AMBER, "not started: start date passed");
        return;
    }
    if (waiting && !due_soon) {
        rate(out, SL_RAG_GREY, "not started");
        return;
    }
    if (due_soon) {
        snprintf(why, sizeof why, "due within %d days", rules->amber_days);
        rate(out, SL_RAG_AMBER, why);
        return;
    }
    if (in->last_activity != SL_NO_DAY && as_of - in->last_activity > rules->update_cycle_days) {
        out->stale = 1;
        snprintf(why, sizeof why, "no update for %d days", (int)(as_of - in->last_activity));
        rate(out, SL_RAG_AMBER, why);
        return;
    }
    rate(out, SL_RAG_GREEN, in->status == SL_STATUS_ON_TRACK ? "on track" : "in progress");
}

void sl_rag_compute(const sl_rag_input *in, const sl_rag_rules *rules, sl_day as_of,
                    sl_rag_result *out)
{
    memset(out, 0, sizeof *out);
    if (sl_status_is_closed(in->status)) {
        rate(out, SL_RAG_GREY, sl_status_name(in->status));
    } else if (sl_status_is_done(in->status)) {
        out->awaiting_signoff = rules->requires_signoff && in->status == SL_STATUS_COMPLETE;
        rate(out, SL_RAG_BLUE, out->awaiting_signoff ? "complete: awaiting sign-off" : "complete");
    } else {
        out->overdue = in->due != SL_NO_DAY && in->due < as_of;
        rate_open_action(in, rules, as_of, out);
    }
    sl_rag manual = sl_rag_manual_on(in->manual, in->manual_until, as_of);
    out->manual_lapsed = in->manual != SL_RAG_NONE && manual == SL_RAG_NONE;
    out->rag = manual != SL_RAG_NONE ? manual : out->computed;
}

sl_rag sl_rag_manual_on(sl_rag manual, sl_day until, sl_day day)
{
    return until != SL_NO_DAY && day > until ? SL_RAG_NONE : manual;
}
