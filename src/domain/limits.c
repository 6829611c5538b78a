/* limits.c — the field limits of limits.h and their one refusal message. */
#include "domain/limits.h"

#include "util/buf.h"

int sl_limit_check(const char *field, const char *text, size_t max, sl_error *err)
{
    size_t n = sl_utf8_width(text);
    if (n <= max)
        return 0;
    return sl_fail_code(err, SL_ERR_LIMIT, "%s is %zu characters; at most %zu are accepted", field, n, max);
}

sl_import_limits sl_import_limits_or_default(sl_import_limits given)
{
    if (!given.max_bytes)
        given.max_bytes = SL_IMPORT_MAX_BYTES;
    if (!given.max_pages)
        given.max_pages = SL_IMPORT_MAX_PAGES;
    if (!given.max_rows)
        given.max_rows = SL_IMPORT_MAX_ROWS;
    if (!given.max_seconds)
        given.max_seconds = SL_IMPORT_MAX_SECONDS;
    return given;
}

int sl_limit_update(const char *status_text, const char *note, const char *reason, const char *evidence,
                    sl_error *err)
{
    if (sl_limit_check("the status", status_text, SL_LIMIT_STATUS_TEXT, err) < 0 ||
        sl_limit_check("the progress note", note, SL_LIMIT_NOTE, err) < 0 ||
        sl_limit_check("the reason", reason, SL_LIMIT_REASON, err) < 0 ||
        sl_limit_check("the evidence link", evidence, SL_LIMIT_EVIDENCE, err) < 0)
        return -1;
    return 0;
}

/* Checks one action's fields; returns 0 or -1 with err (no location yet). */
static int action_fields(const sl_action *a, sl_error *err)
{
    if (sl_limit_check("the action's reference", a->ref, SL_LIMIT_REF, err) < 0 ||
        sl_limit_check("the action's title", a->title, SL_LIMIT_HEADING, err) < 0 ||
        sl_limit_check("the action's description", a->description, SL_LIMIT_NARRATIVE, err) < 0 ||
        sl_limit_check("the success measure", a->measure, SL_LIMIT_NARRATIVE, err) < 0 ||
        sl_limit_check("the impact", a->impact, SL_LIMIT_NARRATIVE, err) < 0 ||
        sl_limit_check("the progress", a->progress, SL_LIMIT_NARRATIVE, err) < 0 ||
        sl_limit_check("the SRO", a->sro, SL_LIMIT_PEOPLE, err) < 0 ||
        sl_limit_check("the resources", a->resources, SL_LIMIT_SHORT, err) < 0 ||
        sl_limit_check("delivered through", a->delivered_through, SL_LIMIT_SHORT, err) < 0 ||
        sl_limit_check("the start date", a->start.text, SL_LIMIT_SHORT, err) < 0 ||
        sl_limit_check("the due date", a->due.text, SL_LIMIT_SHORT, err) < 0 ||
        sl_limit_check("the status", a->status_text, SL_LIMIT_STATUS_TEXT, err) < 0)
        return -1;
    for (size_t i = 0; i < a->n_leads; i++)
        if (sl_limit_check("a lead", a->leads[i], SL_LIMIT_PEOPLE, err) < 0)
            return -1;
    for (size_t i = 0; i < a->n_custom; i++)
        if (sl_limit_check("a column's value", a->custom[i].value, SL_LIMIT_NARRATIVE, err) < 0)
            return -1;
    return 0;
}

int sl_limit_plan(const sl_plan *plan, sl_error *err)
{
    const char *file = plan->source_file ? plan->source_file : "";
    sl_error e = {0};
    if (sl_limit_check("the plan's title", plan->title, SL_LIMIT_TITLE, &e) < 0)
        return sl_fail_code_at(err, SL_ERR_LIMIT, file, 0, "%s", e.message);
    for (size_t i = 0; i < plan->n_themes; i++)
        if (sl_limit_check("a theme's title", plan->themes[i].title, SL_LIMIT_HEADING, &e) < 0)
            return sl_fail_code_at(err, SL_ERR_LIMIT, file, 0, "%s", e.message);
    for (size_t i = 0; i < plan->n_actions; i++)
        if (action_fields(&plan->actions[i], &e) < 0)
            return sl_fail_code_at(err, SL_ERR_LIMIT, file, plan->actions[i].source_line, "action %s: %s",
                                   plan->actions[i].ref ? plan->actions[i].ref : "?", e.message);
    return 0;
}
