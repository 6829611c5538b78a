/* action_edit.c — editing an action's fields, adding an action and
 * withdrawing one, for the roles domain/permission.c lets edit. Each field
 * is read and checked by domain/action_edit.c; a refused form comes back
 * (400) with what was typed and the error beside the field; an edit made on
 * an old version is refused (409) with a page showing what is saved now
 * beside what was typed, and the form keeps what was typed. Every change is
 * audited with who, when, before and after; nothing is deleted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/action_page.h"
#include "web/governance_web.h"
#include "util/mem.h"
#include "web/web.h"

/* A posted edit: each field as typed (NULL: not sent) and its error. */
typedef struct {
    const char *value[SL_N_FIELDS];
    char error[SL_N_FIELDS][200];
    const char *ref, *ref_error;        /* adding: the new action's ref */
    const char *reason_error;           /* withdrawing */
} edit_posted;

/* Returns 1 when the field is long text (a textarea). */
static int long_text(sl_action_field f)
{
    return f == SL_FIELD_DESCRIPTION || f == SL_FIELD_MEASURE || f == SL_FIELD_IMPACT ||
           f == SL_FIELD_DELIVERED_THROUGH;
}

/* Appends the theme select: none, then each theme of the plan by its ref. */
static void theme_select(sl_buf *b, const sl_plan *plan, const char *value, const char *error)
{
    sl_buf_printf(b, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"theme\">Theme</label>",
                  *error ? " govuk-form-group--error" : "");
    if (*error)
        sl_buf_printf(b, "<p id=\"theme-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">"
                         "Error:</span> %h</p>", error);
    sl_buf_printf(b, "<select class=\"govuk-select\" id=\"theme\" name=\"theme\"%R><option value=\"\">None</option>",
                  *error ? " aria-describedby=\"theme-error\"" : "");
    for (size_t i = 0; i < plan->n_themes; i++) {
        const char *key = *plan->themes[i].ref ? plan->themes[i].ref : plan->themes[i].title;
        sl_buf_printf(b, "<option value=\"%a\"%R>%h %h</option>", key, strcmp(key, value) == 0 ? " selected" : "",
                      plan->themes[i].ref, plan->themes[i].title);
    }
    sl_buf_puts(b, "</select></div>");
}

/* Appends every field of action a (of plan), with what was typed in place of
 * the saved value where p has it, and the errors beside them. */
static void field_inputs(sl_buf *b, const sl_plan *plan, const sl_action *a, const edit_posted *p)
{
    sl_buf saved = SL_BUF_INIT;
    for (int f = 0; f < SL_N_FIELDS; f++) {
        sl_buf_reset(&saved);
        sl_action_field_text(plan, a, (sl_action_field)f, &saved);
        const char *value = p && p->value[f] ? p->value[f] : sl_buf_str(&saved);
        const char *error = p ? p->error[f] : "";
        sl_gov_field gf = {sl_action_field_name((sl_action_field)f), sl_action_field_label((sl_action_field)f),
                           value, error};
        if (f == SL_FIELD_THEME)
            theme_select(b, plan, value, error);
        else if (long_text((sl_action_field)f))
            sl_gov_textarea(b, &gf);
        else
            sl_gov_input(b, &gf, "text");
    }
    sl_buf_free(&saved);
}

/* Appends the error summary of a refused form. */
static void error_summary(sl_buf *b, const edit_posted *p)
{
    sl_gov_field f[SL_N_FIELDS + 2];
    size_t n = 0;
    for (int i = 0; p && i < SL_N_FIELDS; i++)
        f[n++] = (sl_gov_field){sl_action_field_name((sl_action_field)i), "", NULL, p->error[i]};
    if (p) {
        f[n++] = (sl_gov_field){"ref", "", NULL, p->ref_error};
        f[n++] = (sl_gov_field){"reason", "", NULL, p->reason_error};
    }
    sl_gov_error_summary(b, f, n);
}

/* Writes the edit page of action s: notice (markup our code built, may be
 * NULL) under the heading, its fields and the withdraw form. */
static void edit_page(sl_request *req, const sl_action_state *s, const sl_plan *plan, const edit_posted *p,
                      const char *notice)
{
    sl_buf *b = &req->body;
    const sl_action *a = &plan->actions[0];
    sl_buf title = SL_BUF_INIT;
    sl_buf_puts(&title, req->status >= 400 ? "Error: Edit action " : "Edit action ");
    sl_buf_puts(&title, a->ref);
    sl_page_start(req, sl_buf_str(&title));
    sl_buf_free(&title);
    sl_buf_printf(b, "<a class=\"govuk-back-link\" href=\"/actions/%lld\">Back to the action</a>"
                     "<span class=\"govuk-caption-l\">Action %h</span><h1 class=\"govuk-heading-l\">Edit the action</h1>",
                  (long long)s->id, a->ref);
    if (notice)
        sl_buf_printf(b, "%R", notice);
    error_summary(b, p);
    sl_buf_printf(b, "<p class=\"govuk-body\">Each change is kept in the action's history with who made it and when, "
                     "and what it was before.</p><form method=\"post\" action=\"/actions/%lld/edit\" novalidate>"
                     "<input type=\"hidden\" name=\"csrf\" value=\"%a\"><input type=\"hidden\" name=\"version\" value=\"%d\">",
                  (long long)s->id, req->session.csrf, s->version);
    field_inputs(b, plan, a, p);
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button\">Save changes</button></form>");
    if (sl_status_move_to(s->status, SL_STATUS_WITHDRAWN) == SL_MOVE_WITHDRAW) {
        sl_buf_printf(b, "<h2 class=\"govuk-heading-m\" id=\"withdraw\">Withdraw the action</h2>"
                         "<p class=\"govuk-body\">A withdrawn action stays in the plan and its history, shown as withdrawn.</p>"
                         "<form method=\"post\" action=\"/actions/%lld/withdraw\" novalidate>"
                         "<input type=\"hidden\" name=\"csrf\" value=\"%a\"><input type=\"hidden\" name=\"version\" value=\"%d\">",
                      (long long)s->id, req->session.csrf, s->version);
        sl_gov_input(b, &(sl_gov_field){"reason", "Why it is withdrawn", NULL, p ? p->reason_error : NULL}, "text");
        sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button govuk-button--warning\">Withdraw</button></form>");
    }
    sl_page_end(req);
}

/* Loads action id for editing: its state and its plan (caller frees). Writes
 * the 404/403/500 page and returns 0 unless the user may edit it (1). */
static int load_for_edit(sl_request *req, sl_action_state *s, sl_plan *plan)
{
    if (sl_action_state_load(req, req->ids[0], s) != 1)
        return 0;
    sl_relation rel = {.owns = s->owns, .is_sro = s->is_sro};
    if (!sl_may(req->role, SL_DO_EDIT, &rel)) {
        sl_error_page(req, 403, "You cannot edit this action", "The improvement programme team edits plans.");
        return 0;
    }
    sl_error err = {0};
    if (sl_store_load_action(req->store, s->id, plan, &err) < 0) {
        sl_error_page(req, 500, "The action could not be read", err.message);
        return 0;
    }
    return 1;
}

void sl_page_action_edit(sl_request *req)
{
    sl_action_state s;
    sl_plan plan;
    if (!load_for_edit(req, &s, &plan))
        return;
    edit_page(req, &s, &plan, NULL, NULL);
    sl_plan_free(&plan);
}

/* Reads the posted fields onto action a of plan; returns the number refused. */
static int read_fields(sl_request *req, const sl_plan *plan, sl_action *a, edit_posted *p)
{
    int bad = 0;
    for (int f = 0; f < SL_N_FIELDS; f++) {
        p->value[f] = sl_form_get(&req->form, sl_action_field_name((sl_action_field)f));
        if (p->value[f] && sl_action_set_field(plan, a, (sl_action_field)f, p->value[f], p->error[f],
                                               sizeof p->error[f]) < 0)
            bad++;
    }
    return bad;
}

/* Appends the notice of an edit made on an old version: what is saved now
 * beside what was typed (the form below it keeps what was typed). */
static void stale_notice(sl_buf *b, const sl_action_state *s, const sl_plan *saved, const sl_action *typed,
                         int made_on)
{
    sl_field_changes diff;
    sl_action_changes(saved, &saved->actions[0], typed, &diff);
    sl_buf_printf(b, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
                     "<h2 class=\"govuk-error-summary__title\">Someone else changed this action first</h2>"
                     "<div class=\"govuk-error-summary__body\"><p class=\"govuk-body\">Your edit was made on version %d; "
                     "the action is now at version %d. Nothing was saved. Where what is saved now differs from what "
                     "you typed:</p><table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">Saved now and typed</caption>"
                     "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Field</th>"
                     "<th scope=\"col\" class=\"govuk-table__header\">Saved now</th><th scope=\"col\" class=\"govuk-table__header\">You typed</th></tr></thead>"
                     "<tbody class=\"govuk-table__body\">",
                  made_on, s->version);
    for (size_t i = 0; i < diff.n; i++)
        sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h</td>"
                         "<td class=\"govuk-table__cell\">%h</td></tr>",
                      sl_action_field_label(diff.items[i].field), diff.items[i].before, diff.items[i].after);
    sl_buf_puts(b, "</tbody></table><p class=\"govuk-body\">Check the form below, which keeps what you typed, and save again.</p>"
                   "</div></div></div>");
    sl_field_changes_free(&diff);
}

/* Saves the changes in one transaction; 0 or -1 with err set. */
static int save_edit(sl_request *req, const sl_action_state *s, const sl_plan *plan, int version,
                     const sl_field_changes *changes, sl_error *err)
{
    if (sl_store_begin(req->store, err) < 0 ||
        sl_store_action_edit(req->store, s->id, plan, version, changes, req->session.user.login, err) < 0 ||
        sl_store_commit(req->store, err) < 0) {
        sl_store_rollback(req->store);
        return -1;
    }
    return 0;
}

/* Returns the version a form was made on; 0 when missing or malformed. */
static int posted_version(sl_request *req)
{
    const char *v = sl_form_get(&req->form, "version");
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    return v && *end == '\0' && n > 0 && n < 1000000000 ? (int)n : 0;
}

/* Answers a form made on version made_on of an action now at another: a
 * 409 page with what is saved beside what was typed, and the form again
 * with what was typed, made on the current version. */
static void refuse_stale(sl_request *req, const sl_action_state *s, const sl_plan *saved, const sl_plan *typed,
                         const edit_posted *p, int made_on)
{
    sl_buf notice = SL_BUF_INIT;
    stale_notice(&notice, s, saved, &typed->actions[0], made_on);
    sl_buf_reset(&req->body);
    req->status = 409;
    edit_page(req, s, typed, p, sl_buf_str(&notice));
    sl_buf_free(&notice);
}

void sl_page_action_edit_post(sl_request *req)
{
    sl_action_state s;
    sl_plan saved, typed;
    if (!load_for_edit(req, &s, &saved))
        return;
    sl_error err = {0};
    edit_posted p = {0};
    int made_on = posted_version(req);
    if (sl_store_load_action(req->store, s.id, &typed, &err) < 0) {
        sl_error_page(req, 500, "The action could not be read", err.message);
        sl_plan_free(&saved);
        return;
    }
    sl_field_changes changes = {0};
    if (!made_on) {
        sl_error_page(req, 400, "Bad request", "The form did not say which version of the action it was made on.");
    } else if (read_fields(req, &typed, &typed.actions[0], &p) > 0) {
        req->status = 400;
        edit_page(req, &s, &typed, &p, NULL);
    } else if (made_on != s.version) {
        refuse_stale(req, &s, &saved, &typed, &p, made_on);
    } else {
        sl_action_changes(&saved, &saved.actions[0], &typed.actions[0], &changes);
        if (changes.n && save_edit(req, &s, &typed, made_on, &changes, &err) < 0) {
            if (err.code == SL_ERR_STALE)
                refuse_stale(req, &s, &saved, &typed, &p, made_on);
            else
                sl_gov_refused(req, "The changes were not saved", &err);
        } else {
            sl_redirect(req, "/actions/%lld", (long long)s.id);
        }
    }
    sl_field_changes_free(&changes);
    sl_plan_free(&typed);
    sl_plan_free(&saved);
}

void sl_page_action_withdraw(sl_request *req)
{
    sl_action_state s;
    sl_plan plan;
    if (!load_for_edit(req, &s, &plan))
        return;
    const char *reason = sl_form_get(&req->form, "reason");
    edit_posted p = {0};
    if (!reason || !*reason || strlen(reason) > 2000)
        p.reason_error = "Say why the action is withdrawn (at most 2,000 characters)";
    else if (sl_status_move_to(s.status, SL_STATUS_WITHDRAWN) != SL_MOVE_WITHDRAW)
        p.reason_error = "This action can no longer be withdrawn";
    if (p.reason_error) {
        req->status = 400;
        edit_page(req, &s, &plan, &p, NULL);
        sl_plan_free(&plan);
        return;
    }
    sl_buf note = SL_BUF_INIT;
    sl_buf_cprintf(&note, "Withdrawn: %s", reason);
    sl_update u = {.status = SL_STATUS_WITHDRAWN, .status_text = "withdrawn", .note = sl_buf_str(&note)};
    sl_action_apply(req, &s, &u, NULL);
    sl_buf_free(&note);
    sl_plan_free(&plan);
}

/* Loads plan ids[0] for adding an action: 1, or 0 with the 403/404/500 page written. */
static int load_plan_for_add(sl_request *req, sl_plan *plan, sl_web_plan *wp)
{
    if (sl_find_plan(req, req->ids[0], wp) != 1)
        return 0;
    /* Asked once the plan is found: the role is the grant over its authority. */
    if (!sl_may(req->role, SL_DO_EDIT, NULL)) {
        sl_error_page(req, 403, "You cannot add actions", "The improvement programme team edits plans.");
        return 0;
    }
    sl_error err = {0};
    if (sl_store_load_plan(req->store, wp->id, plan, &err) < 0) {
        sl_error_page(req, 500, "The plan could not be read", err.message);
        return 0;
    }
    return 1;
}

/* Writes the page that adds an action to a plan, with what was typed. */
static void add_page(sl_request *req, const sl_web_plan *wp, const sl_plan *plan, const sl_action *a,
                     const edit_posted *p)
{
    sl_buf *b = &req->body;
    sl_page_start(req, req->status >= 400 ? "Error: Add an action" : "Add an action");
    sl_breadcrumbs(req, wp, "Add an action");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Add an action</h1>");
    error_summary(b, p);
    sl_buf_printf(b, "<form method=\"post\" action=\"/plans/%lld/actions/new\" novalidate>"
                     "<input type=\"hidden\" name=\"csrf\" value=\"%a\">",
                  (long long)wp->id, req->session.csrf);
    sl_gov_input(b, &(sl_gov_field){"ref", "Ref (for example 2.19)", p ? p->ref : NULL, p ? p->ref_error : NULL},
                 "text");
    field_inputs(b, plan, a, p);
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button\">Add the action</button></form>");
    sl_page_end(req);
}

void sl_page_action_new(sl_request *req)
{
    sl_plan plan;
    sl_web_plan wp;
    if (!load_plan_for_add(req, &plan, &wp))
        return;
    sl_action blank = {.theme = -1, .resources_pence = -1};
    add_page(req, &wp, &plan, &blank, NULL);
    sl_plan_free(&plan);
}

/* Checks the new action's ref: given, short, and not already in the plan. */
static const char *ref_error(const sl_plan *plan, const char *ref)
{
    if (!ref || !*ref)
        return "Enter the action's ref, for example 2.19";
    if (strlen(ref) > 32)
        return "Keep the ref under 32 characters";
    for (size_t i = 0; i < plan->n_actions; i++)
        if (strcmp(plan->actions[i].ref, ref) == 0)
            return "The plan already has an action with this ref";
    return NULL;
}

void sl_page_action_new_post(sl_request *req)
{
    sl_plan plan;
    sl_web_plan wp;
    if (!load_plan_for_add(req, &plan, &wp))
        return;
    edit_posted p = {0};
    p.ref = sl_form_get(&req->form, "ref");
    p.ref_error = ref_error(&plan, p.ref);
    sl_action *a = sl_plan_add_action(&plan);
    a->theme = -1;
    a->resources_pence = -1;
    a->ref = sl_strdup(p.ref ? p.ref : "");
    a->status_text = sl_strdup("not started");
    int bad = read_fields(req, &plan, a, &p);
    if (!a->title || !*a->title) {
        snprintf(p.error[SL_FIELD_TITLE], sizeof p.error[SL_FIELD_TITLE], "%s", "Enter the action's title");
        bad++;
    }
    sl_error err = {0};
    int64_t id = 0;
    if (bad || p.ref_error) {
        req->status = 400;
        add_page(req, &wp, &plan, a, &p);
    } else if (sl_store_begin(req->store, &err) < 0 ||
               sl_store_action_add(req->store, wp.id, &plan, a, req->session.user.login, &id, &err) < 0 ||
               sl_store_commit(req->store, &err) < 0) {
        sl_store_rollback(req->store);
        sl_gov_refused(req, "The action was not added", &err);
    } else {
        sl_redirect(req, "/actions/%lld", (long long)id);
    }
    sl_plan_free(&plan);
}
