/* ilacs_csv.c — the ILACS scrape tool's CSV into inspections (see ilacs_csv.h).
 * Every row is checked; the first bad cell stops the read with its line. */
#include "import/kind/inspection/ilacs_csv.h"

#include <string.h>

#include "util/csv.h"
#include "util/mem.h"

typedef enum {
    COL_URN, COL_AUTHORITY, COL_LINK, COL_PUBLISHED, COL_FRAMEWORK, COL_INSPECTOR,
    COL_START, COL_END, COL_OVERALL, COL_LEADERS, COL_HELP_PROTECTION, COL_IN_CARE,
    COL_CARE_LEAVERS, COL_COUNT
} column;

static const char *const column_names[COL_COUNT] = {
    "urn",
    "local_authority",
    "inspection_link",
    "publication_date",
    "inspection_framework",
    "inspector_name",
    "inspection_start_date",
    "inspection_end_date",
    "overall_effectiveness_grade",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
};

/* The judgement slot each grade column fills. */
static const struct {
    column col;
    sl_judgement_kind kind;
} grade_columns[] = {
    {COL_OVERALL, SL_JUDGEMENT_OVERALL},
    {COL_LEADERS, SL_JUDGEMENT_LEADERS},
    {COL_HELP_PROTECTION, SL_JUDGEMENT_HELP_PROTECTION},
    {COL_IN_CARE, SL_JUDGEMENT_IN_CARE},
    {COL_CARE_LEAVERS, SL_JUDGEMENT_CARE_LEAVERS},
};

/* One read of the CSV: where each known column sits in the file (-1 when
 * absent), and the list the rows go into. */
typedef struct {
    int index[COL_COUNT];
    size_t n_columns;
    const char *file;
    sl_inspection_list *out;
} header;

/* Returns 1 when the n bytes of s contain needle. */
static int contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= n && i <= n - k; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

int sl_ilacs_csv_detect(const char *data, size_t len)
{
    if (!data)
        return 0;
    const char *end = memchr(data, '\n', len);
    size_t first_line = end ? (size_t)(end - data) : len;
    return contains(data, first_line, "urn") &&
           contains(data, first_line, "inspection_start_date") &&
           contains(data, first_line, "overall_effectiveness_grade");
}

/* Reads the header row into the header ctx (an sl_csv_step): known columns
 * found, urn and local_authority required. */
static int read_header(void *ctx, const sl_csv *csv, sl_error *err)
{
    header *h = ctx;
    for (int c = 0; c < COL_COUNT; c++)
        h->index[c] = -1;
    h->n_columns = csv->n_fields;
    for (size_t i = 0; i < csv->n_fields; i++)
        for (int c = 0; c < COL_COUNT; c++)
            if (strcmp(csv->fields[i], column_names[c]) == 0) {
                if (h->index[c] >= 0)
                    return sl_fail_at(err, h->file, csv->record_line, "column '%s' appears twice",
                                      column_names[c]);
                h->index[c] = (int)i;
            }
    if (h->index[COL_URN] < 0 || h->index[COL_AUTHORITY] < 0)
        return sl_fail_at(err, h->file, csv->record_line,
                          "not an ILACS scrape CSV: the header row needs 'urn' and"
                          " 'local_authority' columns");
    return 0;
}

/* Returns a known column's cell without surrounding blanks as a slice of the
 * record ("" when the column is absent); sets *n to its length. */
static const char *cell(const header *h, const sl_csv *csv, column c, size_t *n)
{
    int i = h->index[c];
    const char *s = i < 0 ? "" : csv->fields[i];
    while (*s == ' ' || *s == '\t')
        s++;
    *n = strlen(s);
    while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
        (*n)--;
    return s;
}

/* Returns a copy of a column's trimmed cell (caller frees), or NULL when empty. */
static char *cell_copy(const header *h, const sl_csv *csv, column c)
{
    size_t n;
    const char *s = cell(h, csv, c, &n);
    return n ? sl_strndup(s, n) : NULL;
}

/* Reads a date cell: empty gives SL_NO_DAY; DD/MM/YYYY, DD/MM/YY and
 * YYYY-MM-DD give the day. Returns 0, or -1 with err naming the column. */
static int read_day(const header *h, const sl_csv *csv, column c, sl_day *day, sl_error *err)
{
    size_t n;
    const char *s = cell(h, csv, c, &n);
    *day = SL_NO_DAY;
    if (n == 0)
        return 0;
    char iso[11];
    if (n == 10) {
        memcpy(iso, s, 10);
        iso[10] = '\0';
        if (sl_day_parse_iso(iso, day) == 0)
            return 0;
    }
    sl_date_value v;
    char why[96] = "";
    sl_date_status status = sl_date_parse(s, n, 0, &v, why, sizeof why);
    if (status == SL_DATE_OK && v.n_milestones == 1 && v.precision == SL_PREC_DAY &&
        !v.year_inferred && !v.is_range) {
        *day = v.earliest;
        return 0;
    }
    return sl_fail_at(err, h->file, csv->record_line,
                      "column '%s': '%.*s' is not a day (expected DD/MM/YYYY)%s%s", column_names[c],
                      (int)(n > 40 ? 40 : n), s, why[0] ? ": " : "", why);
}

/* Reads the five grade cells into insp->judgements; returns 0 or -1. */
static int read_grades(const header *h, const sl_csv *csv, sl_inspection *insp, sl_error *err)
{
    for (size_t i = 0; i < sizeof grade_columns / sizeof grade_columns[0]; i++) {
        size_t n;
        const char *s = cell(h, csv, grade_columns[i].col, &n);
        if (sl_grade_parse(s, n, &insp->judgements[grade_columns[i].kind], NULL) < 0)
            return sl_fail_at(err, h->file, csv->record_line,
                              "column '%s': '%.*s' is neither a grade (outstanding, good,"
                              " requires improvement, inadequate) nor a placeholder",
                              column_names[grade_columns[i].col], (int)(n > 40 ? 40 : n), s);
    }
    return 0;
}

/* Returns the framework name for the tool's inspection_framework cell
 * ("short", "standard"), or NULL for an empty cell or one of its notes. */
static char *framework_from_cell(const header *h, const sl_csv *csv)
{
    size_t n;
    const char *s = cell(h, csv, COL_FRAMEWORK, &n);
    if (n == 5 && strncmp(s, "short", 5) == 0)
        return sl_strdup(SL_FRAMEWORK_ILACS_SHORT);
    if (n == 8 && strncmp(s, "standard", 8) == 0)
        return sl_strdup(SL_FRAMEWORK_ILACS_STANDARD);
    return NULL;
}

/* Reads one data row into insp (initialised here); returns 0 or -1. */
static int read_row(const header *h, const sl_csv *csv, sl_inspection *insp, sl_error *err)
{
    sl_inspection_init(insp);
    if (csv->n_fields != h->n_columns)
        return sl_fail_at(err, h->file, csv->record_line,
                          "the row has %zu fields; the header has %zu", csv->n_fields,
                          h->n_columns);
    insp->urn = cell_copy(h, csv, COL_URN);
    if (!insp->urn || strspn(insp->urn, "0123456789") != strlen(insp->urn))
        return sl_fail_at(err, h->file, csv->record_line,
                          "column 'urn': '%s' is not an Ofsted URN (digits)",
                          insp->urn ? insp->urn : "");
    insp->authority = cell_copy(h, csv, COL_AUTHORITY);
    if (!insp->authority)
        return sl_fail_at(err, h->file, csv->record_line, "column 'local_authority' is empty");
    if (read_day(h, csv, COL_PUBLISHED, &insp->published, err) < 0 ||
        read_day(h, csv, COL_START, &insp->start, err) < 0 ||
        read_day(h, csv, COL_END, &insp->end, err) < 0 || read_grades(h, csv, insp, err) < 0)
        return -1;
    if (insp->start != SL_NO_DAY && insp->end != SL_NO_DAY && insp->end < insp->start)
        return sl_fail_at(err, h->file, csv->record_line,
                          "the inspection ends before it starts");
    insp->framework = framework_from_cell(h, csv);
    /* The scrape gives no framework for the SIF reports before ILACS (2018). */
    insp->kind = insp->framework || (insp->start != SL_NO_DAY && insp->start >= sl_day_from_ymd(2018, 1, 1))
                     ? SL_INSPECTION_ILACS
                     : SL_INSPECTION_SIF;
    insp->lead_inspector = cell_copy(h, csv, COL_INSPECTOR);
    insp->report_url = cell_copy(h, csv, COL_LINK);
    insp->source_file = sl_strdup(h->file);
    insp->source_line = csv->record_line;
    return 0;
}

/* Reads one row onto the end of the header ctx's list (an sl_csv_step). */
static int add_row(void *ctx, const sl_csv *csv, sl_error *err)
{
    const header *h = ctx;
    sl_inspection_list *out = h->out;
    out->inspections = sl_realloc(out->inspections, (out->n + 1) * sizeof *out->inspections);
    return read_row(h, csv, &out->inspections[out->n++], err);
}

int sl_ilacs_csv_read(const char *data, size_t len, const char *file, sl_inspection_list *out,
                      sl_error *err)
{
    out->inspections = NULL;
    out->n = 0;
    header h = {.file = file ? file : "", .out = out};
    if (sl_csv_read_all(data, len, h.file, "the file is empty: there is no ILACS CSV header",
                        read_header, add_row, &h, err) < 0) {
        sl_inspection_list_free(out);
        return -1;
    }
    return 0;
}
