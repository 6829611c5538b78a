/* csv_plan.c — the canonical CSV (SPEC.md §6) into plans. Every row is
 * checked; the first bad cell stops the import with its file and line.
 * The reader works on records (rows of text cells with their line), so an
 * xlsx sheet (xlsx_plan.c) goes through the same checks as a CSV file. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"
#include "import/import.h"
#include "util/mem.h"

typedef enum {
    COL_PLAN, COL_THEME_REF, COL_THEME, COL_REF, COL_TITLE, COL_DESCRIPTION, COL_START, COL_DUE,
    COL_SRO, COL_LEADS, COL_RESOURCES, COL_MEASURE, COL_IMPACT, COL_STATUS, COL_RAG,
    COL_PROGRESS, COL_RECOMMENDATIONS, COL_DELIVERED_THROUGH, COL_START_AS_WRITTEN,
    COL_DUE_AS_WRITTEN, COL_COUNT
} column;

static const char *const column_names[COL_COUNT] = {
    "plan",     "theme_ref", "theme",  "ref",    "title", "description",     "start",
    "due",      "sro",       "leads",  "resources", "measure", "impact",     "status",
    "rag",      "progress",  "recommendations", "delivered_through", "start_as_written",
    "due_as_written",
};

int sl_csv_header_like(const char *data, size_t len)
{
    size_t at = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, known = 0;
    const char *eol = memchr(data + at, '\n', len - at);
    size_t end = eol ? (size_t)(eol - data) : len;
    if (memchr(data + at, '\t', end - at) || !memchr(data + at, ',', end - at))
        return 0;
    while (at < end) {
        size_t n = 0;
        while (at + n < end && data[at + n] != ',')
            n++;
        size_t from = at, to = at + n;
        while (from < to && (isspace((unsigned char)data[from]) || data[from] == '"'))
            from++;
        while (to > from && (isspace((unsigned char)data[to - 1]) || data[to - 1] == '"'))
            to--;
        for (int c = 0; c < COL_COUNT; c++)
            if (strlen(column_names[c]) == to - from && strncasecmp(data + from, column_names[c], to - from) == 0)
                known++;
        at += n + 1;
    }
    return known >= 2;
}

/* Where each known column sits in the file (-1 when absent), and the rest. */
typedef struct {
    int index[COL_COUNT];
    size_t n_columns;
    char **names;               /* every header name, for custom fields */
} header;

/* A date cell given in a start_as_written or due_as_written column: the
 * plan's own words, kept even when they are not a real date (a finding,
 * not a refusal), so that a plan exported with such a date reads back. */
typedef struct {
    size_t plan, action;
    int due;                    /* 1 for the due date, 0 for the start */
} kept_date;

/* The rows read so far, grouped into plans by their plan column. */
typedef struct {
    const char *file;
    const sl_import_options *opts;
    sl_plan_set *set;
    header head;
    kept_date *kept;
    size_t n_kept;
} reader;

/* Reads the header row: every column named, known names found, none repeated. */
static int read_header(reader *r, const sl_record *rec, sl_error *err)
{
    header *h = &r->head;
    for (int c = 0; c < COL_COUNT; c++)
        h->index[c] = -1;
    h->n_columns = rec->n_fields;
    h->names = sl_calloc(rec->n_fields * sizeof *h->names);
    for (size_t i = 0; i < rec->n_fields; i++) {
        char *name = sl_strdup(rec->fields[i]);
        for (char *p = name; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        h->names[i] = name;
        if (!*name)
            return sl_fail_at(err, r->file, rec->line, "column %zu has no name", i + 1);
        for (size_t k = 0; k < i; k++)
            if (strcmp(h->names[k], name) == 0)
                return sl_fail_at(err, r->file, rec->line, "column '%s' appears twice", name);
        for (int c = 0; c < COL_COUNT; c++)
            if (strcmp(name, column_names[c]) == 0)
                h->index[c] = (int)i;
    }
    if (h->index[COL_REF] < 0 || h->index[COL_TITLE] < 0)
        return sl_fail_at(err, r->file, rec->line,
                          "the header row needs 'ref' and 'title' columns (found: %s%s)",
                          h->names[0], h->n_columns > 1 ? ", …" : "");
    return 0;
}

/* Returns the trimmed copy of a known column's cell ("" when the column is absent). */
static char *cell(const reader *r, const sl_record *rec, column c)
{
    int i = r->head.index[c];
    if (i < 0)
        return sl_strdup("");
    const char *s = rec->fields[i];
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return sl_strndup(s, n);
}

/* Returns the plan a row belongs to, starting a new one for a new title. */
static sl_plan *plan_for(reader *r, const char *title)
{
    for (size_t i = 0; i < r->set->n_plans; i++)
        if (strcmp(r->set->plans[i].title, title) == 0)
            return &r->set->plans[i];
    r->set->plans = sl_realloc(r->set->plans, (r->set->n_plans + 1) * sizeof *r->set->plans);
    sl_plan *p = &r->set->plans[r->set->n_plans++];
    memset(p, 0, sizeof *p);
    p->title = sl_strdup(title);
    p->authority = sl_strdup(r->opts->authority ? r->opts->authority : "");
    p->kind = sl_strdup("");
    p->version_label = sl_strdup("");
    p->source_file = sl_strdup(r->file);
    p->rules = sl_rag_rules_default();
    return p;
}

/* Returns the file's base name without directory or extension, for a plan title. */
static char *title_from_file(const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    const char *dot = strrchr(base, '.');
    return sl_strndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

/* Reads the status and RAG cells into the action. */
static int read_status(reader *r, const sl_record *rec, sl_action *a, sl_error *err)
{
    a->status_text = cell(r, rec, COL_STATUS);
    if (!*a->status_text)
        a->status = SL_STATUS_NOT_STARTED;
    else if (sl_status_parse(a->status_text, &a->status) < 0)
        return sl_fail_at(err, r->file, rec->line,
                          "status '%s' is not a status sightline knows (try: not started,"
                          " planned, in progress, on track, at risk, off track, complete,"
                          " signed off, carried forward, withdrawn)",
                          a->status_text);
    char *rag = cell(r, rec, COL_RAG);
    int bad = sl_rag_parse(rag, &a->rag_manual) < 0;
    if (bad)
        sl_fail_at(err, r->file, rec->line,
                   "rag '%s' is not red, amber, green, blue or grey", rag);
    free(rag);
    return bad ? -1 : 0;
}

/* Reads the recommendations cell ("1;2") into numbers, adding each to the plan. */
static int read_recommendations(reader *r, const sl_record *rec, sl_plan *p, sl_action *a,
                                sl_error *err)
{
    char *text = cell(r, rec, COL_RECOMMENDATIONS);
    char **items = NULL;
    size_t n = sl_split_list(text, &items, 0);
    int rc = 0;
    a->recommendations = sl_calloc((n + 1) * sizeof *a->recommendations);
    for (size_t i = 0; i < n; i++) {
        char *end;
        long number = strtol(items[i], &end, 10);
        if (rc == 0 && (*end || end == items[i] || number < 1 || number > 9999))
            rc = sl_fail_at(err, r->file, rec->line,
                            "recommendations '%s': '%s' is not a recommendation number", text,
                            items[i]);
        else if (rc == 0)
            a->recommendations[a->n_recommendations++] = (int)number;
        free(items[i]);
    }
    for (size_t i = 0; rc == 0 && i < a->n_recommendations; i++)
        sl_plan_recommendation(p, a->recommendations[i], NULL);
    free(items);
    free(text);
    return rc;
}

/* Keeps the filled cells of columns sightline does not know as custom
 * fields (an empty cell is no field, as in the plan it was exported from). */
static void read_custom(reader *r, const sl_record *rec, sl_action *a)
{
    for (size_t i = 0; i < r->head.n_columns; i++) {
        int known = 0;
        for (int c = 0; c < COL_COUNT; c++)
            known |= r->head.index[c] == (int)i;
        if (known || !rec->fields[i][0])
            continue;
        a->custom = sl_realloc(a->custom, (a->n_custom + 1) * sizeof *a->custom);
        a->custom[a->n_custom].name = sl_strdup(r->head.names[i]);
        a->custom[a->n_custom++].value = sl_strdup(rec->fields[i]);
    }
}

/* Reads an action's start (due = 0) or due date cell, or its *_as_written
 * twin; a row may fill one of the two, not both. */
static int read_date_cell(reader *r, const sl_record *rec, const sl_plan *p, sl_action *a, int due,
                          sl_error *err)
{
    char *date = cell(r, rec, due ? COL_DUE : COL_START);
    char *written = cell(r, rec, due ? COL_DUE_AS_WRITTEN : COL_START_AS_WRITTEN);
    const char *name = due ? "due" : "start";
    sl_written_date *d = due ? &a->due : &a->start;
    if (*date && *written) {
        sl_fail_at(err, r->file, rec->line,
                   "action %s: both %s '%s' and %s_as_written '%s' are given; keep one", a->ref,
                   name, date, name, written);
        free(date);
        free(written);
        return -1;
    }
    if (*written) {
        r->kept = sl_realloc(r->kept, (r->n_kept + 1) * sizeof *r->kept);
        r->kept[r->n_kept++] =
            (kept_date){(size_t)(p - r->set->plans), (size_t)(a - p->actions), due};
        d->text = written;
        free(date);
    } else {
        d->text = date;
        free(written);
    }
    return 0;
}

/* Orders kept dates by plan, action and which date, for bsearch. */
static int compare_kept(const void *x, const void *y)
{
    const kept_date *a = x, *b = y;
    if (a->plan != b->plan)
        return a->plan < b->plan ? -1 : 1;
    if (a->action != b->action)
        return a->action < b->action ? -1 : 1;
    return a->due - b->due;
}

/* Returns 1 when the date came from an *_as_written column (r->kept sorted). */
static int is_kept(const reader *r, size_t plan, size_t action, int due)
{
    kept_date key = {plan, action, due};
    return r->n_kept && bsearch(&key, r->kept, r->n_kept, sizeof key, compare_kept) != NULL;
}

/* Reads one data row into a new action of its plan. */
static int read_row(reader *r, const sl_record *rec, sl_error *err)
{
    if (rec->n_fields != r->head.n_columns)
        return sl_fail_at(err, r->file, rec->line,
                          "%zu fields where the header has %zu columns", rec->n_fields,
                          r->head.n_columns);
    char *plan_title = cell(r, rec, COL_PLAN);
    if (!*plan_title) {
        free(plan_title);
        plan_title = title_from_file(r->file);
    }
    sl_plan *p = plan_for(r, plan_title);
    free(plan_title);
    sl_action *a = sl_plan_add_action(p);
    a->source_line = rec->line;
    a->ref = cell(r, rec, COL_REF);
    a->title = cell(r, rec, COL_TITLE);
    if (!*a->ref)
        return sl_fail_at(err, r->file, rec->line, "the action has no ref");
    if (!*a->title)
        return sl_fail_at(err, r->file, rec->line, "action %s has no title", a->ref);
    char *theme_ref = cell(r, rec, COL_THEME_REF), *theme = cell(r, rec, COL_THEME);
    if (*theme_ref || *theme)
        a->theme = (int)(sl_plan_theme(p, theme_ref, theme) - p->themes);
    free(theme_ref);
    free(theme);
    a->description = cell(r, rec, COL_DESCRIPTION);
    if (read_date_cell(r, rec, p, a, 0, err) < 0 || read_date_cell(r, rec, p, a, 1, err) < 0)
        return -1;
    a->sro = cell(r, rec, COL_SRO);
    char *leads = cell(r, rec, COL_LEADS);
    a->n_leads = sl_split_list(leads, &a->leads, 0);
    free(leads);
    a->resources = cell(r, rec, COL_RESOURCES);
    a->resources_pence = sl_money_pence(a->resources);
    a->measure = cell(r, rec, COL_MEASURE);
    a->impact = cell(r, rec, COL_IMPACT);
    a->delivered_through = cell(r, rec, COL_DELIVERED_THROUGH);
    a->progress = cell(r, rec, COL_PROGRESS);
    read_custom(r, rec, a);
    if (read_status(r, rec, a, err) < 0)
        return -1;
    return read_recommendations(r, rec, p, a, err);
}

/* Parses one date cell; an impossible or unreadable date is an error at its
 * line, unless the cell came from an *_as_written column (kept != 0). */
static int parse_date(const char *file, const sl_action *a, const char *column_name,
                      sl_written_date *d, int year, int kept, sl_error *err)
{
    char why[160] = "";
    d->parse = sl_date_parse(d->text, strlen(d->text), year, &d->value, why, sizeof why);
    if (kept)
        return 0;
    if (d->parse == SL_DATE_INVALID)
        return sl_fail_at(err, file, a->source_line, "action %s: %s '%s' is not a real date: %s",
                          a->ref, column_name, d->text, why);
    if (d->parse == SL_DATE_UNREADABLE)
        return sl_fail_at(err, file, a->source_line, "action %s: %s '%s' is not a date: %s",
                          a->ref, column_name, d->text, why);
    return 0;
}

/* Reads every date of every plan once the plan's context year is known. */
static int parse_dates(reader *r, sl_error *err)
{
    if (r->n_kept)
        qsort(r->kept, r->n_kept, sizeof *r->kept, compare_kept);
    for (size_t i = 0; i < r->set->n_plans; i++) {
        sl_plan *p = &r->set->plans[i];
        p->context_year = sl_plan_context_year(p);
        for (size_t k = 0; k < p->n_actions; k++) {
            sl_action *a = &p->actions[k];
            int year = p->context_year;
            if (parse_date(r->file, a, "start", &a->start, year, is_kept(r, i, k, 0), err) < 0 ||
                parse_date(r->file, a, "due", &a->due, year, is_kept(r, i, k, 1), err) < 0)
                return -1;
        }
    }
    return 0;
}

int sl_import_records(sl_record_source next, void *source, const char *file,
                      const sl_import_options *opts, sl_plan_set *out, sl_error *err)
{
    reader r = {.file = file, .opts = opts, .set = out};
    memset(out, 0, sizeof *out);
    sl_record rec;
    long header_line = 1;
    int rc = next(source, &rec, err);
    if (rc == 0)
        rc = sl_fail_at(err, file, 1, "the file is empty: there is no plan to import");
    if (rc > 0) {
        header_line = rec.line;
        rc = read_header(&r, &rec, err);
    }
    while (rc >= 0 && (rc = next(source, &rec, err)) > 0)
        if (read_row(&r, &rec, err) < 0)
            rc = -1;
    if (rc == 0 && out->n_plans == 0)
        rc = sl_fail_at(err, file, header_line, "the file has a header but no actions");
    if (rc == 0)
        rc = parse_dates(&r, err);
    for (size_t i = 0; i < r.head.n_columns; i++)
        free(r.head.names[i]);
    free(r.head.names);
    free(r.kept);
    if (rc < 0)
        sl_plan_set_free(out);
    return rc < 0 ? -1 : 0;
}

/* The CSV reader as a record source (an sl_record_source over an sl_csv):
 * gives each record that is not a blank line. */
static int csv_next(void *source, sl_record *rec, sl_error *err)
{
    sl_csv *csv = source;
    int rc;
    while ((rc = sl_csv_next(csv, err)) > 0 && sl_csv_blank_record(csv))
        ;
    if (rc > 0)
        *rec = (sl_record){csv->fields, csv->n_fields, csv->record_line};
    return rc;
}

int sl_import_csv(const char *data, size_t len, const char *file, const sl_import_options *opts,
                  sl_plan_set *out, sl_error *err)
{
    sl_csv csv;
    sl_csv_open(&csv, data, len, file);
    int rc = sl_import_records(csv_next, &csv, file, opts, out, err);
    sl_csv_close(&csv);
    return rc;
}
