/* export.c — the rows of the canonical export, as CSV, and JSON of a plan
 * (see export.h; the xlsx writer is export_xlsx.c). */
#include "report/export.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

const char *const sl_export_columns[] = {
    "plan",   "theme_ref", "theme",     "ref",     "title",  "description",
    "start",  "due",       "sro",       "leads",   "resources", "measure",
    "impact", "status",    "rag",       "progress", "recommendations", "delivered_through",
};
#define N_CSV_COLUMNS (sizeof sl_export_columns / sizeof sl_export_columns[0])
const size_t sl_export_n_columns = N_CSV_COLUMNS;

/* The columns of an export beyond the canonical ones: the *_as_written pair
 * when some date needs it, then the plans' custom fields. */
typedef struct {
    const char **custom;        /* names of the custom columns, borrowed from the plans */
    size_t n_custom;
    int as_written;
} columns;

/* Returns 1 for a date that must travel in an *_as_written column. */
static int needs_as_written(const sl_written_date *d)
{
    return d->parse == SL_DATE_INVALID || d->parse == SL_DATE_UNREADABLE;
}

/* Works out the columns for exporting these plans; the caller frees
 * cols->custom (the names themselves stay the plans'). */
static void columns_for(columns *cols, const sl_plan *plans, size_t n_plans)
{
    memset(cols, 0, sizeof *cols);
    for (size_t i = 0; i < n_plans; i++)
        for (size_t a = 0; a < plans[i].n_actions; a++) {
            const sl_action *action = &plans[i].actions[a];
            cols->as_written |= needs_as_written(&action->start) || needs_as_written(&action->due);
            for (size_t c = 0; c < action->n_custom; c++) {
                const char *name = action->custom[c].name;
                size_t k = 0;
                while (k < cols->n_custom && strcmp(cols->custom[k], name) != 0)
                    k++;
                if (k == cols->n_custom) {
                    cols->custom = sl_realloc(cols->custom, (k + 1) * sizeof *cols->custom);
                    cols->custom[cols->n_custom++] = name;
                }
            }
        }
}

/* Returns the value of a custom field of an action, or "". */
static const char *custom_value(const sl_action *a, const char *name)
{
    for (size_t i = 0; i < a->n_custom; i++)
        if (strcmp(a->custom[i].name, name) == 0)
            return a->custom[i].value;
    return "";
}

/* Fills cells with one action's row; leads and recs are scratch buffers
 * that hold the joined lists the cells point into. */
static void action_cells(const char **cells, const sl_plan *p, const sl_action *a,
                         const columns *cols, sl_buf *leads, sl_buf *recs)
{
    const sl_theme *t = a->theme >= 0 ? &p->themes[a->theme] : NULL;
    int start_kept = cols->as_written && needs_as_written(&a->start);
    int due_kept = cols->as_written && needs_as_written(&a->due);
    sl_buf_reset(leads);
    for (size_t i = 0; i < a->n_leads; i++) {
        if (i)
            sl_buf_putc(leads, ';');
        sl_buf_puts(leads, a->leads[i]);
    }
    sl_buf_reset(recs);
    for (size_t i = 0; i < a->n_recommendations; i++)
        sl_buf_printf(recs, i ? ";%d" : "%d", a->recommendations[i]);
    size_t n = 0;
    cells[n++] = p->title;
    cells[n++] = t ? t->ref : "";
    cells[n++] = t ? t->title : "";
    cells[n++] = a->ref;
    cells[n++] = a->title;
    cells[n++] = a->description;
    cells[n++] = start_kept ? "" : a->start.text;
    cells[n++] = due_kept ? "" : a->due.text;
    cells[n++] = a->sro;
    cells[n++] = sl_buf_str(leads);
    cells[n++] = a->resources;
    cells[n++] = a->measure;
    cells[n++] = a->impact;
    cells[n++] = a->status_text && *a->status_text ? a->status_text : sl_status_name(a->status);
    cells[n++] = sl_rag_name(a->rag_manual);
    cells[n++] = a->progress;
    cells[n++] = sl_buf_str(recs);
    cells[n++] = a->delivered_through;
    if (cols->as_written) {
        cells[n++] = start_kept ? a->start.text : "";
        cells[n++] = due_kept ? a->due.text : "";
    }
    for (size_t i = 0; i < cols->n_custom; i++)
        cells[n++] = custom_value(a, cols->custom[i]);
    for (size_t i = 0; i < n; i++)
        if (!cells[i])
            cells[i] = "";
}

void sl_export_action_cells(const char **cells, size_t *n_cells, const sl_plan *p,
                            const sl_action *a, sl_buf *leads, sl_buf *recs)
{
    columns none = {0};
    action_cells(cells, p, a, &none, leads, recs);
    *n_cells = N_CSV_COLUMNS;
}

void sl_export_rows(const sl_plan *plans, size_t n_plans, sl_export_row_fn emit, void *ctx)
{
    columns cols;
    columns_for(&cols, plans, n_plans);
    size_t n = N_CSV_COLUMNS + (cols.as_written ? 2 : 0) + cols.n_custom;
    const char **cells = sl_calloc(n * sizeof *cells);
    size_t k = 0;
    for (size_t i = 0; i < N_CSV_COLUMNS; i++)
        cells[k++] = sl_export_columns[i];
    if (cols.as_written) {
        cells[k++] = "start_as_written";
        cells[k++] = "due_as_written";
    }
    for (size_t i = 0; i < cols.n_custom; i++)
        cells[k++] = cols.custom[i];
    emit(ctx, cells, n);
    sl_buf leads = SL_BUF_INIT, recs = SL_BUF_INIT;
    for (size_t i = 0; i < n_plans; i++)
        for (size_t a = 0; a < plans[i].n_actions; a++) {
            action_cells(cells, &plans[i], &plans[i].actions[a], &cols, &leads, &recs);
            emit(ctx, cells, n);
        }
    sl_buf_free(&leads);
    sl_buf_free(&recs);
    free(cells);
    free(cols.custom);
}

/* Appends one row of the table to the sl_buf ctx as a CSV record. */
static void csv_row(void *ctx, const char *const *cells, size_t n_cells)
{
    sl_buf *out = ctx;
    for (size_t i = 0; i < n_cells; i++) {
        if (i)
            sl_buf_putc(out, ',');
        sl_buf_csv_field(out, cells[i]);
    }
    sl_buf_puts(out, "\r\n");
}

void sl_export_csv(sl_buf *out, const sl_plan *plans, size_t n_plans)
{
    sl_export_rows(plans, n_plans, csv_row, out);
}

/* Appends "key": followed by a JSON string. */
static void json_field(sl_buf *out, const char *key, const char *value, int comma)
{
    if (comma)
        sl_buf_putc(out, ',');
    sl_buf_json_str(out, key);
    sl_buf_putc(out, ':');
    sl_buf_json_str(out, value ? value : "");
}

/* Appends a written date as {"text":…, "earliest":…, "latest":…, "milestones":[…]}. */
static void json_date(sl_buf *out, const char *key, const sl_written_date *d)
{
    char iso[11];
    sl_buf_printf(out, ",\"%s\":{", key);
    json_field(out, "text", d->text, 0);
    const sl_date_value *v = &d->value;
    int ok = d->parse == SL_DATE_OK;
    sl_buf_puts(out, ",\"earliest\":");
    if (ok && v->earliest != SL_NO_DAY) {
        sl_day_format(v->earliest, iso);
        sl_buf_json_str(out, iso);
    } else {
        sl_buf_puts(out, "null");
    }
    sl_buf_puts(out, ",\"latest\":");
    if (ok && v->latest != SL_NO_DAY) {
        sl_day_format(v->latest, iso);
        sl_buf_json_str(out, iso);
    } else {
        sl_buf_puts(out, "null");
    }
    sl_buf_puts(out, ",\"milestones\":[");
    for (int m = 0; ok && m < v->n_milestones; m++) {
        sl_day_format(v->milestones[m].latest, iso);
        sl_buf_printf(out, "%s{\"due\":", m ? "," : "");
        sl_buf_json_str(out, iso);
        json_field(out, "label", v->milestones[m].label, 1);
        sl_buf_putc(out, '}');
    }
    sl_buf_puts(out, "]}");
}

/* Appends one action as a JSON object. */
static void json_action(sl_buf *out, const sl_plan *p, const sl_action *a)
{
    const sl_theme *t = a->theme >= 0 ? &p->themes[a->theme] : NULL;
    sl_buf_putc(out, '{');
    json_field(out, "ref", a->ref, 0);
    json_field(out, "theme_ref", t ? t->ref : "", 1);
    json_field(out, "title", a->title, 1);
    json_field(out, "description", a->description, 1);
    json_date(out, "start", &a->start);
    json_date(out, "due", &a->due);
    json_field(out, "sro", a->sro, 1);
    sl_buf_puts(out, ",\"leads\":[");
    for (size_t i = 0; i < a->n_leads; i++) {
        if (i)
            sl_buf_putc(out, ',');
        sl_buf_json_str(out, a->leads[i]);
    }
    sl_buf_putc(out, ']');
    json_field(out, "resources", a->resources, 1);
    if (a->resources_pence >= 0)
        sl_buf_printf(out, ",\"resources_pence\":%lld", (long long)a->resources_pence);
    json_field(out, "measure", a->measure, 1);
    json_field(out, "impact", a->impact, 1);
    json_field(out, "delivered_through", a->delivered_through, 1);
    json_field(out, "status", sl_status_name(a->status), 1);
    json_field(out, "status_text", a->status_text, 1);
    json_field(out, "rag", sl_rag_name(a->rag_manual), 1);
    json_field(out, "progress", a->progress, 1);
    sl_buf_puts(out, ",\"recommendations\":[");
    for (size_t i = 0; i < a->n_recommendations; i++)
        sl_buf_printf(out, i ? ",%d" : "%d", a->recommendations[i]);
    sl_buf_puts(out, "],\"custom\":{");
    for (size_t i = 0; i < a->n_custom; i++)
        json_field(out, a->custom[i].name, a->custom[i].value, i > 0);
    sl_buf_printf(out, "},\"source_line\":%ld}", a->source_line);
}

void sl_export_json(sl_buf *out, const sl_plan *p)
{
    sl_buf_putc(out, '{');
    json_field(out, "title", p->title, 0);
    json_field(out, "authority", p->authority, 1);
    json_field(out, "kind", p->kind, 1);
    json_field(out, "version_label", p->version_label, 1);
    json_field(out, "source_file", p->source_file, 1);
    json_field(out, "source_sha256", p->source_sha256, 1);
    sl_buf_printf(out, ",\"rules\":{\"amber_days\":%d,\"update_cycle_days\":%d,"
                       "\"requires_signoff\":%s}",
                  p->rules.amber_days, p->rules.update_cycle_days,
                  p->rules.requires_signoff ? "true" : "false");
    sl_buf_puts(out, ",\"themes\":[");
    for (size_t i = 0; i < p->n_themes; i++) {
        sl_buf_puts(out, i ? ",{" : "{");
        json_field(out, "ref", p->themes[i].ref, 0);
        json_field(out, "title", p->themes[i].title, 1);
        sl_buf_puts(out, ",\"outcomes\":[");
        for (size_t k = 0; k < p->themes[i].n_outcomes; k++) {
            if (k)
                sl_buf_putc(out, ',');
            sl_buf_json_str(out, p->themes[i].outcomes[k]);
        }
        sl_buf_puts(out, "]}");
    }
    sl_buf_puts(out, "],\"recommendations\":[");
    for (size_t i = 0; i < p->n_recommendations; i++) {
        sl_buf_printf(out, "%s{\"number\":%d", i ? "," : "", p->recommendations[i].number);
        json_field(out, "text", p->recommendations[i].text, 1);
        sl_buf_putc(out, '}');
    }
    sl_buf_puts(out, "],\"people\":[");
    for (size_t i = 0; i < p->n_people; i++) {
        sl_buf_puts(out, i ? ",{" : "{");
        json_field(out, "label", p->people[i].initials, 0);
        json_field(out, "name", p->people[i].name, 1);
        sl_buf_putc(out, '}');
    }
    sl_buf_puts(out, "],\"actions\":[");
    for (size_t i = 0; i < p->n_actions; i++) {
        if (i)
            sl_buf_putc(out, ',');
        json_action(out, p, &p->actions[i]);
    }
    sl_buf_puts(out, "]}");
}
