/* measure_forms.c — entering and correcting a measure's figures in the
 * browser (those who may: leads, programme, admin): POST /measure/figures
 * enters a first figure for a period; GET /measure/correct shows the
 * correction form of one period's figure and POST /measure/correct saves a
 * correction (the old value kept in the history), refused when the figure
 * changed since the form was shown. A refused form comes back (400, 404 or
 * 409) with each message beside its field and everything typed kept; a
 * good one is written in one transaction and answered with a redirect. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/measure_report.h"
#include "web/measure_data.h"
#include "web/measure_page.h"

/* Returns 1 when the user may enter figures; else writes the 403 page and returns 0. */
static int may_enter(sl_request *req)
{
    if (sl_may(req->role, SL_DO_ENTER_FIGURES, NULL))
        return 1;
    sl_error_page(req, 403, "You cannot enter figures",
                  "Leads and the improvement programme team enter and correct measures' figures.");
    return 0;
}

/* Loads the definition of code into *def (caller frees with
 * sl_measure_def_free): 1 found, 0 not (404 page written), -1 error (500). */
static int load_def(sl_request *req, const char *code, sl_measure_def *def)
{
    sl_error err = {0};
    sl_measure_def *defs = NULL;
    int n = sl_store_measures(req->store, &defs, NULL, &err), found = 0;
    for (int i = 0; i < n; i++) {
        if (!found && code && strcmp(defs[i].code, code) == 0) {
            *def = defs[i];
            found = 1;
        } else {
            sl_measure_def_free(&defs[i]);
        }
    }
    free(defs);
    if (n < 0)
        sl_error_page(req, 500, "The measures could not be read", err.message);
    else if (!found)
        sl_error_page(req, 404, "Measure not found", "There is no measure with that code.");
    return n < 0 ? -1 : found;
}

/* Reads the posted figure form (correcting: the correction's fields too). */
static sl_figure_form posted_form(sl_request *req, int correcting)
{
    sl_figure_form f = {sl_gov_get(req, "period"), sl_gov_get(req, "value"), sl_gov_get(req, "source"),
                        sl_gov_get(req, "note"), correcting ? sl_gov_get(req, "reason") : NULL, correcting};
    return f;
}

/* Writes the figure (sl_gov_write_fn); ctx is a {code, entry} pair. */
typedef struct {
    const char *code;
    sl_figure_entry entry;
} figure_write;

static int write_figure(sl_request *req, void *ctx, sl_error *err)
{
    figure_write *w = ctx;
    return sl_store_measure_figure_put(req->store, w->code, &w->entry, req->session.user.login, err);
}

/* Redirects to the measure page, saying what was done to which period. */
static void done(sl_request *req, const char *code, const sl_period *period, const char *what)
{
    char text[SL_PERIOD_TEXT];
    sl_period_format(period, text);
    sl_redirect(req, "/measure?code=%s&done=%s&period=%s#figures", code, what, text);
}

void sl_page_measure_enter_post(sl_request *req)
{
    const char *code = sl_gov_get(req, "code");
    sl_measure_def def;
    if (!may_enter(req) || load_def(req, code, &def) != 1)
        return;
    sl_figure_checked checked;
    sl_measure_posted p = {posted_form(req, 0), &checked, NULL, NULL, 0};
    sl_error err = {0};
    if (sl_figure_check(&p.typed, &def, req->today, &checked) > 0) {
        req->status = 400;
        sl_measure_render(req, code, &p);
    } else {
        figure_write w = {def.code, {checked.period, checked.value, p.typed.source, p.typed.note, NULL, 0, 0}};
        if (sl_gov_transaction(req, write_figure, &w, &err) == 0) {
            done(req, def.code, &checked.period, "entered");
        } else if (err.code == SL_ERR_EXISTS) {
            char words[SL_FIGURE_WORDS];
            sl_figure_period_words(&checked.period, words);
            p.period_problem = sl_req_printf(req, "A figure for %s is already recorded: use Correct beside it "
                                                  "in the figures table to change it", words);
            req->status = 409;
            sl_measure_render(req, code, &p);
        } else {
            sl_gov_refused(req, "The figure was not entered", &err);
        }
    }
    sl_measure_def_free(&def);
}

/* Finds the stored actual value of code for period among m's values; NULL when none. */
static const sl_measure_value *stored_value(const sl_web_measures *m, const char *code, const sl_period *period)
{
    for (int i = 0; i < m->n_values; i++) {
        const sl_measure_value *v = &m->values[i];
        if (strcmp(v->code, code) == 0 && sl_series_is_actual(v->series) && sl_period_equal(&v->period, period))
            return v;
    }
    return NULL;
}

/* Fills the correction form's fields (value, source, reason, note) from what was posted, or from v. */
static void correct_fields(const sl_measure_def *d, const sl_measure_value *v, const sl_measure_posted *p,
                           sl_gov_field f[4], char shown[32])
{
    const sl_figure_checked *c = p ? p->checked : NULL;
    sl_measure_format_number(v->value, 6, shown);
    f[0] = (sl_gov_field){"value", "Correct figure (for example 61.5 or 62%)", p ? p->typed.value : shown,
                          c && c->value_error.set ? c->value_error.message : NULL};
    f[1] = (sl_gov_field){"source", "Source (for example Liquidlogic extract)", p ? p->typed.source : d->source,
                          c && c->source_error.set ? c->source_error.message : NULL};
    f[2] = (sl_gov_field){"reason", "Why is it corrected?", p ? p->typed.reason : "",
                          c && c->reason_error.set ? c->reason_error.message : NULL};
    f[3] = (sl_gov_field){"note", "Note (optional)", p ? p->typed.note : "",
                          c && c->note_error.set ? c->note_error.message : NULL};
}

/* Appends the notice of a stale correction at the top of the page. */
static void stale_notice(sl_buf *b, const char *notice)
{
    sl_buf_printf(b, "<div class=\"govuk-error-summary\" role=\"alert\"><h2 class=\"govuk-error-summary__title\">"
                     "There is a problem</h2><div class=\"govuk-error-summary__body\"><p class=\"govuk-body\">%h</p>"
                     "</div></div>", notice);
}

/* Appends the correction page's content for figure v of measure d. */
static void correct_content(sl_request *req, const sl_measure_def *d, const sl_measure_value *v,
                            const sl_measure_posted *p)
{
    sl_buf *b = &req->body;
    char words[SL_FIGURE_WORDS], period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT], shown[32];
    sl_gov_field f[4];
    correct_fields(d, v, p, f, shown);
    sl_figure_period_words(&v->period, words);
    sl_period_format(&v->period, period);
    sl_unit_format_value(d->unit, v->value, value);
    sl_buf_printf(b, "<a href=\"/measure?code=%U\" class=\"govuk-back-link\">Back to the measure</a>", d->code);
    if (p && p->notice)
        stale_notice(b, p->notice);
    sl_gov_error_summary(b, f, 4);
    sl_buf_printf(b, "<span class=\"govuk-caption-l\">%h</span><h1 class=\"govuk-heading-l\">Correct the figure for "
                     "%h</h1><p class=\"govuk-body\">Recorded now: <strong>%h</strong>. The figure recorded now is "
                     "kept in the measure's history with your reason.</p>",
                  d->name && *d->name ? d->name : d->code, words, value);
    sl_gov_form_start(req, "/measure/correct");
    sl_buf_printf(b, "<input type=\"hidden\" name=\"code\" value=\"%a\"><input type=\"hidden\" name=\"period\" "
                     "value=\"%a\"><input type=\"hidden\" name=\"version\" value=\"%d\">",
                  d->code, period, p && !p->notice ? p->version : v->version);
    sl_gov_input(b, &f[0], "text");
    sl_gov_input(b, &f[1], "text");
    sl_gov_textarea(b, &f[2]);
    sl_gov_textarea(b, &f[3]);
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button\">Save correction</button></form>");
}

void sl_measure_correct_render(sl_request *req, const char *code, const char *period_text,
                               const sl_measure_posted *posted)
{
    sl_web_measures m;
    if (sl_web_measures_load(req, &m) < 0)
        return;
    sl_period period;
    const sl_measure_value *v = NULL;
    int found = -1;
    for (int i = 0; code && i < m.n; i++)
        if (strcmp(m.defs[i].code, code) == 0)
            found = i;
    if (found >= 0 && period_text && sl_period_parse(period_text, strlen(period_text), &period, NULL, 0) == 0)
        v = stored_value(&m, code, &period);
    if (!v) {
        sl_error_page(req, 404, "Figure not found",
                      found < 0 ? "There is no measure with that code." : "There is no figure for that period to correct.");
    } else {
        sl_page_start(req, "Correct a figure");
        correct_content(req, &m.defs[found], v, posted);
        sl_page_end(req);
    }
    sl_web_measures_free(&m);
}

void sl_page_measure_correct(sl_request *req)
{
    if (may_enter(req))
        sl_measure_correct_render(req, sl_query(req, "code"), sl_query(req, "period"), NULL);
}

/* Reads the posted version (a whole number, 1 or more); 0 when it is not one. */
static int posted_version(sl_request *req)
{
    const char *text = sl_gov_get(req, "version");
    char *end;
    long v = strtol(text, &end, 10);
    return *text && !*end && v >= 1 && v <= 1000000000L ? (int)v : 0;
}

/* Writes a checked correction; shows the form again when it was refused. */
static void save_correction(sl_request *req, const sl_measure_def *def, sl_measure_posted *p,
                            const sl_figure_checked *checked)
{
    sl_error err = {0};
    /* A form without a version (-1 matches none) is refused as stale, never applied blind. */
    figure_write w = {def->code, {checked->period, checked->value, p->typed.source, p->typed.note, p->typed.reason,
                                  1, p->version ? p->version : -1}};
    char period[SL_PERIOD_TEXT];
    sl_period_format(&checked->period, period);
    if (sl_gov_transaction(req, write_figure, &w, &err) == 0) {
        done(req, def->code, &checked->period, "corrected");
    } else if (err.code == SL_ERR_STALE) {
        p->notice = "Someone changed this figure while you were correcting it. Check the figure recorded now; "
                    "what you typed is kept below: save it again if it is still right.";
        req->status = 409;
        sl_measure_correct_render(req, def->code, period, p);
    } else {
        sl_gov_refused(req, "The correction was not saved", &err);
    }
}

void sl_page_measure_correct_post(sl_request *req)
{
    const char *code = sl_gov_get(req, "code");
    sl_measure_def def;
    if (!may_enter(req) || load_def(req, code, &def) != 1)
        return;
    sl_figure_checked checked;
    sl_measure_posted p = {posted_form(req, 1), &checked, NULL, NULL, posted_version(req)};
    if (sl_figure_check(&p.typed, &def, req->today, &checked) > 0) {
        req->status = checked.period_error.set ? 404 : 400;
        if (checked.period_error.set)
            sl_error_page(req, 404, "Figure not found", "There is no figure for that period to correct.");
        else
            sl_measure_correct_render(req, def.code, p.typed.period, &p);
    } else {
        save_correction(req, &def, &p, &checked);
    }
    sl_measure_def_free(&def);
}
