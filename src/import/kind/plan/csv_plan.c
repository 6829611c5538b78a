/* csv_plan.c — the canonical CSV (SPEC.md §6) into plans. Every row is
 * checked; the first bad cell stops the import with its file and line.
 * The reader works on records (rows of text cells with their line), so an
 * xlsx sheet (xlsx_plan.c) goes through the same checks as a CSV file. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/kind/plan/plan_read.h"
#include "import/kind/plan/text_table.h"
#include "util/buf.h"
#include "util/csv.h"
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

/* Counts the comma-separated fields of the line [at, end) of data that name
 * a column: a canonical name, or one of councils' own headings (the shared
 * vocabulary, text_table.h). Returns -1 for a line with a tab or no comma. */
static int named_fields(const char *data, size_t at, size_t end)
{
    if (memchr(data + at, '\t', end - at) || !memchr(data + at, ',', end - at))
        return -1;
    int known = 0;
    while (at < end) {
        size_t n = 0;
        while (at + n < end && data[at + n] != ',')
            n++;
        size_t from = at, to = at + n;
        while (from < to && (isspace((unsigned char)data[from]) || data[from] == '"'))
            from++;
        while (to > from && (isspace((unsigned char)data[to - 1]) || data[to - 1] == '"'))
            to--;
        int hit = to > from && sl_text_column_named(data + from, to - from) != SL_TCOL_NONE;
        for (int c = 0; !hit && c < COL_COUNT; c++)
            hit = strlen(column_names[c]) == to - from && strncasecmp(data + from, column_names[c], to - from) == 0;
        known += hit;
        at += n + 1;
    }
    return known;
}

int sl_csv_header_like(const char *data, size_t len)
{
    /* The header may sit below a title and blank rows (a tracker saved as
     * CSV): look at the first few lines that hold anything. */
    size_t at = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (int lines = 0; at < len && lines < 8;) {
        const char *eol = memchr(data + at, '\n', len - at);
        size_t end = eol ? (size_t)(eol - data) : len;
        int known = named_fields(data, at, end);
        if (known >= 2)
            return 1;
        int blank = 1;
        for (size_t i = at; i < end && blank; i++)
            blank = isspace((unsigned char)data[i]) || data[i] == ',';
        lines += !blank;
        at = end + 1;
    }
    return 0;
}

/* The shared vocabulary's columns (text_table.h) as canonical columns. */
static const struct {
    sl_text_column from;
    column to;
} vocabulary[] = {
    {SL_TCOL_REF, COL_REF},         {SL_TCOL_TITLE, COL_TITLE},
    {SL_TCOL_DESCRIPTION, COL_DESCRIPTION}, {SL_TCOL_START, COL_START},
    {SL_TCOL_DUE, COL_DUE},         {SL_TCOL_SRO, COL_SRO},
    {SL_TCOL_LEAD, COL_LEADS},      {SL_TCOL_RESOURCES, COL_RESOURCES},
    {SL_TCOL_MEASURE, COL_MEASURE}, {SL_TCOL_IMPACT, COL_IMPACT},
    {SL_TCOL_PROGRESS, COL_PROGRESS}, {SL_TCOL_STATUS, COL_STATUS},
    {SL_TCOL_DELIVERED, COL_DELIVERED_THROUGH}, {SL_TCOL_RAG, COL_RAG},
    {SL_TCOL_THEME, COL_THEME},
};

/* Columns an xlsx export adds for people, derived from the plan and its
 * history: read back as nothing, so the workbook imports as the same plan. */
static const char *const derived_columns[] = {"rag_on_export", "latest_update", "latest_update_date"};

int sl_import_derived_column(const char *name)
{
    for (size_t k = 0; k < sizeof derived_columns / sizeof derived_columns[0]; k++)
        if (strcasecmp(name, derived_columns[k]) == 0)
            return 1;
    return 0;
}

/* Where each known column sits in the file (-1 when absent), and the rest. */
typedef struct {
    int index[COL_COUNT];
    size_t n_columns;
    char **names;               /* every header name, for custom fields */
    uint8_t *derived;           /* per column: 1 for a derived export column, not read */
    int council;                /* named in a council's words, not the canonical names */
} header;

/* A date cell given in a start_as_written or due_as_written column: the
 * plan's own words, kept even when they are not a real date (a finding,
 * not a refusal), so that a plan exported with such a date reads back. */
typedef struct {
    size_t plan, action;
    int due;                    /* 1 for the due date, 0 for the start */
    char *date;                 /* the date cell beside the words (owned), NULL when blank */
} kept_date;

/* The rows read so far, grouped into plans by their plan column. */
typedef struct {
    const char *file;
    const sl_import_options *opts;
    sl_plan_set *set;
    header head;
    kept_date *kept;
    size_t n_kept;
    char *title;                /* the title written above the header row, NULL when none */
    long head_line;             /* the header row's line */
    int theme;                  /* a council layout: the theme rows without one fall under (-1 none) */
    size_t plan_of_theme;       /* the plan that theme belongs to */
} reader;

/* Returns the canonical column a header name (lower case) is, or -1. */
static int canonical_column(const char *name)
{
    for (int c = 0; c < COL_COUNT; c++)
        if (strcmp(name, column_names[c]) == 0)
            return c;
    return -1;
}

/* Returns the column a council's header cell names in the shared vocabulary, or -1. */
static int council_column(const char *name)
{
    sl_text_column t = sl_text_column_named(name, strlen(name));
    for (size_t i = 0; i < sizeof vocabulary / sizeof vocabulary[0]; i++)
        if (vocabulary[i].from == t)
            return (int)vocabulary[i].to;
    return -1;
}

/* Fills index[] for a row of header names: the canonical names when the row
 * has both 'ref' and 'title', else the canonical names it has and the
 * shared vocabulary for the rest (the first cell naming a column takes it).
 * Returns 1 for a council's layout (some column named in the vocabulary),
 * 0 for the canonical one (which then needs both). */
static int map_columns(char *const *names, size_t n, int index[COL_COUNT])
{
    for (int c = 0; c < COL_COUNT; c++)
        index[c] = -1;
    for (size_t i = 0; i < n; i++) {
        int c = canonical_column(names[i]);
        if (c >= 0 && index[c] < 0)
            index[c] = (int)i;
    }
    if (index[COL_REF] >= 0 && index[COL_TITLE] >= 0)
        return 0;
    int council = 0;
    for (size_t i = 0; i < n; i++) {
        int c = canonical_column(names[i]) >= 0 ? -1 : council_column(names[i]);
        if (c >= 0 && index[c] < 0) {
            index[c] = (int)i;
            council = 1;
        }
    }
    return council;
}

/* Returns a trimmed, lower-cased copy of a header cell. */
static char *header_name(const char *cell)
{
    while (isspace((unsigned char)*cell))
        cell++;
    size_t n = strlen(cell);
    while (n > 0 && isspace((unsigned char)cell[n - 1]))
        n--;
    char *name = sl_strndup(cell, n);
    for (char *p = name; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return name;
}

int sl_import_is_header(const sl_record *rec, uint8_t *date_columns)
{
    char **names = sl_calloc((rec->n_fields + 1) * sizeof *names);
    for (size_t i = 0; i < rec->n_fields; i++)
        names[i] = header_name(rec->fields[i]);
    int index[COL_COUNT];
    int council = map_columns(names, rec->n_fields, index);
    size_t known = 0;
    for (int c = 0; c < COL_COUNT; c++)
        known += index[c] >= 0;
    for (size_t i = 0; i < rec->n_fields; i++)
        free(names[i]);
    free(names);
    int is = council ? index[COL_TITLE] >= 0 && known >= 3 : index[COL_TITLE] >= 0 || index[COL_REF] >= 0;
    for (size_t i = 0; is && date_columns && i < rec->n_fields; i++)
        date_columns[i] = (int)i == index[COL_START] || (int)i == index[COL_DUE];
    return is;
}

/* Reads the header row: every column named, known names found, none
 * repeated. In a council's layout a nameless column is "column N". */
static int read_header(reader *r, const sl_record *rec, sl_error *err)
{
    header *h = &r->head;
    h->n_columns = rec->n_fields;
    h->names = sl_calloc((rec->n_fields + 1) * sizeof *h->names);
    h->derived = sl_calloc(rec->n_fields + 1);
    for (size_t i = 0; i < rec->n_fields; i++)
        h->names[i] = header_name(rec->fields[i]);
    h->council = map_columns(h->names, rec->n_fields, h->index);
    r->head_line = rec->line;
    for (size_t i = 0; i < rec->n_fields; i++) {
        char *name = h->names[i];
        if (!*name && h->council) {
            sl_buf b = SL_BUF_INIT;
            sl_buf_printf(&b, "column %zu", i + 1);
            free(name);
            name = h->names[i] = sl_buf_take(&b);
        }
        if (!*name)
            return sl_fail_at(err, r->file, rec->line, "column %zu has no name", i + 1);
        for (size_t k = 0; k < i; k++)
            if (strcmp(h->names[k], name) == 0)
                return sl_fail_at(err, r->file, rec->line, "column '%s' appears twice", name);
        h->derived[i] = (uint8_t)sl_import_derived_column(name);
    }
    if (h->index[COL_TITLE] < 0 || (!h->council && h->index[COL_REF] < 0))
        return sl_fail_at(err, r->file, rec->line,
                          "the header row needs 'ref' and 'title' columns, or an action column"
                          " named as plans name it ('Action', 'What?') (found: %s%s)",
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

/* A council's status cell that names no status: a RAG word becomes the
 * manual RAG, other words the progress (a finding either way says so);
 * the status is then in progress. */
static void council_status(const sl_record *rec, sl_plan *p, sl_action *a)
{
    sl_rag rag;
    int is_rag = sl_rag_parse(a->status_text, &rag) == 0;
    if (is_rag)
        a->rag_manual = rag;
    else if (!*a->progress) {
        free(a->progress);
        a->progress = sl_strdup(a->status_text);
    }
    sl_findings_add(&p->findings, SL_LINT_WARNING, "doubtful-row", a->ref, rec->line,
                    "status '%s' is not a status sightline knows: read as in progress%s",
                    a->status_text, is_rag ? ", its RAG kept" : ", its words kept as progress");
    a->status = SL_STATUS_IN_PROGRESS;
    free(a->status_text);
    a->status_text = sl_strdup("");
}

/* Sets a manual RAG ("spreadsheet colour") from the fill colour of the
 * row's cells when no RAG is written: the RAG cell's colour, else the status
 * cell's, else the first coloured cell's (the plan and theme columns, whose
 * colours mark groups, and derived export columns aside). */
static void colour_rag(const reader *r, const sl_record *rec, sl_action *a)
{
    if (!rec->colours || a->rag_manual != SL_RAG_NONE)
        return;
    int first[2] = {r->head.index[COL_RAG], r->head.index[COL_STATUS]};
    sl_rag rag = SL_RAG_NONE;
    for (int k = 0; k < 2 && rag == SL_RAG_NONE; k++)
        if (first[k] >= 0)
            rag = (sl_rag)rec->colours[first[k]];
    const header *h = &r->head;
    for (size_t i = 0; rag == SL_RAG_NONE && i < rec->n_fields; i++)
        if (!h->derived[i] && (int)i != h->index[COL_THEME] && (int)i != h->index[COL_THEME_REF] &&
            (int)i != h->index[COL_PLAN])
            rag = (sl_rag)rec->colours[i];
    if (rag == SL_RAG_NONE)
        return;
    a->rag_manual = rag;
    a->rag_reason = sl_strdup("spreadsheet colour");
}

/* Reads the status and RAG cells into the action. */
static int read_status(reader *r, const sl_record *rec, sl_plan *p, sl_action *a, sl_error *err)
{
    a->status_text = cell(r, rec, COL_STATUS);
    char *rag = cell(r, rec, COL_RAG);
    int bad = sl_rag_parse(rag, &a->rag_manual) < 0;
    if (!*a->status_text)
        a->status = SL_STATUS_NOT_STARTED;
    else if (sl_status_parse(a->status_text, &a->status) < 0 && r->head.council)
        council_status(rec, p, a);
    else if (sl_status_parse(a->status_text, &a->status) < 0)
        bad = 2;
    if (bad == 1 && r->head.council) {
        sl_findings_add(&p->findings, SL_LINT_WARNING, "doubtful-row", a->ref, rec->line,
                        "RAG '%s' is not red, amber, green, blue or grey: not read", rag);
        bad = 0;
    }
    if (bad == 2)
        sl_fail_at(err, r->file, rec->line,
                   "status '%s' is not a status sightline knows (try: not started,"
                   " planned, in progress, on track, at risk, off track, complete,"
                   " signed off, carried forward, withdrawn)",
                   a->status_text);
    else if (bad)
        sl_fail_at(err, r->file, rec->line,
                   "rag '%s' is not red, amber, green, blue or grey", rag);
    free(rag);
    colour_rag(r, rec, a);
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
        if (known || r->head.derived[i] || !rec->fields[i][0])
            continue;
        a->custom = sl_realloc(a->custom, (a->n_custom + 1) * sizeof *a->custom);
        a->custom[a->n_custom].name = sl_strdup(r->head.names[i]);
        a->custom[a->n_custom++].value = sl_strdup(rec->fields[i]);
    }
}

/* Returns 1 for a date written YYYY-MM-DD, as a spreadsheet's date cell reads. */
static int iso_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    for (size_t i = 0; i < sizeof shape - 1; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
            return 0;
    return s[sizeof shape - 1] == '\0';
}

/* Reads an action's start (due = 0) or due date cell, or its *_as_written
 * twin. A row may fill both only when the date cell is a spreadsheet date
 * (YYYY-MM-DD) beside the plan's words, as an exported workbook does: the
 * words are kept and the date checked against them once dates are read
 * (parse_dates). */
static int read_date_cell(reader *r, const sl_record *rec, const sl_plan *p, sl_action *a, int due,
                          sl_error *err)
{
    char *date = cell(r, rec, due ? COL_DUE : COL_START);
    char *written = cell(r, rec, due ? COL_DUE_AS_WRITTEN : COL_START_AS_WRITTEN);
    const char *name = due ? "due" : "start";
    sl_written_date *d = due ? &a->due : &a->start;
    if (*date && *written && !iso_date(date)) {
        sl_fail_at(err, r->file, rec->line,
                   "action %s: both %s '%s' and %s_as_written '%s' are given; keep one", a->ref,
                   name, date, name, written);
        free(date);
        free(written);
        return -1;
    }
    if (*written) {
        r->kept = sl_realloc(r->kept, (r->n_kept + 1) * sizeof *r->kept);
        r->kept[r->n_kept++] = (kept_date){(size_t)(p - r->set->plans), (size_t)(a - p->actions),
                                           due, *date ? date : NULL};
        d->text = written;
        if (!*date)
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

/* Returns the kept date when the date came from an *_as_written column
 * (r->kept sorted), else NULL. */
static const kept_date *is_kept(const reader *r, size_t plan, size_t action, int due)
{
    kept_date key = {plan, action, due, NULL};
    return r->n_kept ? bsearch(&key, r->kept, r->n_kept, sizeof key, compare_kept) : NULL;
}

/* Returns the day a date stands for (start: its earliest, due: its latest),
 * SL_NO_DAY when it names none. */
static sl_day day_of(const sl_written_date *d, int due)
{
    if (d->parse != SL_DATE_OK)
        return SL_NO_DAY;
    return due ? d->value.latest : d->value.earliest;
}

/* A date given both as words and as a date cell: when the cell names
 * another day than the words (someone changed the date in a spreadsheet),
 * the cell wins and the words go. */
static void settle_twin(const kept_date *k, sl_written_date *d, int year)
{
    sl_written_date cell = {.text = k->date};
    char why[160];
    cell.parse = sl_date_parse(cell.text, strlen(cell.text), year, &cell.value, why, sizeof why);
    if (cell.parse != SL_DATE_OK || day_of(&cell, k->due) == day_of(d, k->due))
        return;
    free(d->text);
    d->text = sl_strdup(k->date);
    d->parse = cell.parse;
    d->value = cell.value;
}

/* Returns 1 when a council layout's row holds nothing but a theme (and a
 * ref): a theme heading, not an action. */
static int theme_row(const reader *r, const sl_record *rec)
{
    int theme = r->head.index[COL_THEME], ref = r->head.index[COL_REF];
    if (!r->head.council || theme < 0 || !*rec->fields[theme])
        return 0;
    for (size_t i = 0; i < rec->n_fields; i++)
        if ((int)i != theme && (int)i != ref && !r->head.derived[i] &&
            strspn(rec->fields[i], " \t\r\n") < strlen(rec->fields[i]))
            return 0;
    return 1;
}

/* Sets the row's theme: its theme cells, or in a council's layout the theme
 * of the rows above (a merged or once-written "Area for improvement"). */
static void read_theme(reader *r, const sl_record *rec, sl_plan *p, sl_action *a)
{
    char *theme_ref = cell(r, rec, COL_THEME_REF), *theme = cell(r, rec, COL_THEME);
    size_t plan = (size_t)(p - r->set->plans);
    if (*theme_ref || *theme)
        a->theme = (int)(sl_plan_theme(p, theme_ref, theme) - p->themes);
    else if (r->head.council && r->theme >= 0 && r->plan_of_theme == plan)
        a->theme = r->theme;
    if (r->head.council && a->theme >= 0) {
        r->theme = a->theme;
        r->plan_of_theme = plan;
    }
    free(theme_ref);
    free(theme);
}

/* Returns the plan a row goes to: its plan cell, else the title above the
 * header, else the file's name. */
static sl_plan *row_plan(reader *r, const sl_record *rec)
{
    char *plan_title = cell(r, rec, COL_PLAN);
    if (!*plan_title) {
        free(plan_title);
        plan_title = r->title ? sl_strdup(r->title) : title_from_file(r->file);
    }
    sl_plan *p = plan_for(r, plan_title);
    free(plan_title);
    return p;
}

/* Reads one data row into a new action of its plan. */
static int read_row(reader *r, const sl_record *rec, sl_error *err)
{
    if (rec->n_fields != r->head.n_columns)
        return sl_fail_at(err, r->file, rec->line,
                          "%zu fields where the header has %zu columns", rec->n_fields,
                          r->head.n_columns);
    if (r->head.council && sl_import_is_header(rec, NULL))
        return 0;           /* the header again, above the next table */
    sl_plan *p = row_plan(r, rec);
    if (theme_row(r, rec)) {
        char *theme = cell(r, rec, COL_THEME), *ref = cell(r, rec, COL_REF);
        r->theme = (int)(sl_plan_theme(p, ref, theme) - p->themes);
        r->plan_of_theme = (size_t)(p - r->set->plans);
        free(theme);
        free(ref);
        return 0;
    }
    sl_action *a = sl_plan_add_action(p);
    a->source_line = rec->line;
    a->ref = cell(r, rec, COL_REF);
    a->title = cell(r, rec, COL_TITLE);
    if (!*a->ref && r->head.council) {
        free(a->ref);
        sl_buf b = SL_BUF_INIT;
        sl_buf_printf(&b, "%zu", p->n_actions);
        a->ref = sl_buf_take(&b);
    }
    if (!*a->ref)
        return sl_fail_at(err, r->file, rec->line, "the action has no ref");
    if (!*a->title && r->head.council) {
        sl_findings_add(&p->findings, SL_LINT_WARNING, "unparsed-row", "", rec->line,
                        "a row with no action: not read");
        sl_action_free(a);
        p->n_actions--;
        return 0;
    }
    if (!*a->title)
        return sl_fail_at(err, r->file, rec->line, "action %s has no title", a->ref);
    read_theme(r, rec, p, a);
    a->description = cell(r, rec, COL_DESCRIPTION);
    if (read_date_cell(r, rec, p, a, 0, err) < 0 || read_date_cell(r, rec, p, a, 1, err) < 0)
        return -1;
    a->sro = cell(r, rec, COL_SRO);
    char *leads = cell(r, rec, COL_LEADS);
    a->n_leads = sl_split_list(leads, &a->leads, 0);
    free(leads);
    if (r->head.council && !a->n_leads && *a->sro)
        a->n_leads = sl_split_list(a->sro, &a->leads, 0);
    a->resources = cell(r, rec, COL_RESOURCES);
    a->resources_pence = sl_money_pence(a->resources);
    a->measure = cell(r, rec, COL_MEASURE);
    a->impact = cell(r, rec, COL_IMPACT);
    a->delivered_through = cell(r, rec, COL_DELIVERED_THROUGH);
    a->progress = cell(r, rec, COL_PROGRESS);
    read_custom(r, rec, a);
    if (read_status(r, rec, p, a, err) < 0)
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
            int council = r->head.council;
            const kept_date *ks = is_kept(r, i, k, 0), *kd = is_kept(r, i, k, 1);
            if (parse_date(r->file, a, "start", &a->start, year, council || ks, err) < 0 ||
                parse_date(r->file, a, "due", &a->due, year, council || kd, err) < 0)
                return -1;
            if (ks && ks->date)
                settle_twin(ks, &a->start, year);
            if (kd && kd->date)
                settle_twin(kd, &a->due, year);
        }
    }
    return 0;
}

/* Returns a copy of a record's first filled cell, trimmed, or NULL. */
static char *first_text(const sl_record *rec)
{
    for (size_t i = 0; i < rec->n_fields; i++) {
        char *name = header_name(rec->fields[i]);
        if (*name) {
            free(name);
            const char *s = rec->fields[i] + strspn(rec->fields[i], " \t\r\n");
            size_t n = strlen(s);
            while (n > 0 && isspace((unsigned char)s[n - 1]))
                n--;
            return sl_strndup(s, n);
        }
        free(name);
    }
    return NULL;
}

/* Reads records up to and including the header row into r; returns 1 with
 * the header read, 0 when the source is empty, or -1 with err set: when no
 * record within SL_IMPORT_MAX_PREAMBLE is a header, the first is read as
 * one (and its error given). */
static int find_header(reader *r, sl_record_source next, void *source, sl_error *err)
{
    sl_record rec;
    int rc;
    long first_line = 0;
    for (int n = 0; n < SL_IMPORT_MAX_PREAMBLE && (rc = next(source, &rec, err)) > 0; n++) {
        if (n == 0)
            first_line = rec.line;
        if (sl_import_is_header(&rec, NULL))
            return read_header(r, &rec, err) < 0 ? -1 : 1;
        if (!r->title)
            r->title = first_text(&rec);
    }
    if (rc <= 0 && first_line == 0)
        return rc;
    if (rc < 0)
        return -1;
    return sl_fail_at(err, r->file, first_line,
                      "no header row: the header row needs 'ref' and 'title' columns, or an"
                      " action column and two more named as plans name them ('No.', 'What?',"
                      " 'Who?', 'When?'), and none of the first %d rows has them (the first: %s)",
                      SL_IMPORT_MAX_PREAMBLE, r->title ? r->title : "blank");
}

int sl_import_records(sl_record_source next, void *source, const char *file,
                      const sl_import_options *opts, sl_plan_set *out, sl_error *err)
{
    reader r = {.file = file, .opts = opts, .set = out, .theme = -1};
    memset(out, 0, sizeof *out);
    sl_record rec;
    int rc = find_header(&r, next, source, err);
    if (rc == 0)
        rc = sl_fail_at(err, file, 1, "the file is empty: there is no plan to import");
    long header_line = rc > 0 ? r.head_line : 1;
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
    free(r.head.derived);
    for (size_t i = 0; i < r.n_kept; i++)
        free(r.kept[i].date);
    free(r.kept);
    free(r.title);
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
        *rec = (sl_record){csv->fields, csv->n_fields, csv->record_line, NULL};
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
