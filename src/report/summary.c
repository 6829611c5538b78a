/* summary.c — every authority side by side (see summary.h). */
#include "report/summary.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/inspection.h"
#include "domain/trajectory.h"
#include "report/action_list.h"
#include "util/mem.h"

const char *const sl_summary_columns[] = {
    "authority", "region", "actions", "red", "amber", "green", "blue", "grey",
    "overdue", "stale", "measures-off", "ofsted", NULL,
};

/* Which action belongs to which row: for attributing measures. */
typedef struct {
    int64_t action_id;
    size_t row;
} owner;

/* What the passes share while building. */
typedef struct {
    sl_summary *s;
    const sl_authority_table *table;
    owner *owners;
    size_t n_owners;
    size_t hint;                /* the row of the last action seen */
} build_ctx;

/* Store callback: adds a row for each current plan, matched to the reference table. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    build_ctx *b = ctx;
    sl_summary *s = b->s;
    s->rows = sl_realloc(s->rows, (s->n + 1) * sizeof *s->rows);
    sl_summary_row *r = &s->rows[s->n++];
    memset(r, 0, sizeof *r);
    r->plan_id = info->id;
    r->plan = sl_strdup(info->title);
    r->authority = sl_strdup(info->authority);
    const sl_authority *a = sl_authority_match(b->table, info->authority);
    r->code = sl_strdup(a ? a->ons_code : "");
    r->region = sl_strdup(a ? a->region : "");
    r->ofsted = sl_strdup("");
    r->ofsted_day = SL_NO_DAY;
    return 0;
}

/* Returns the index of the row of plan_id (rows ascend by plan id), or -1. */
static long row_of_plan(const sl_summary *s, int64_t plan_id)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->rows[mid].plan_id < plan_id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n && s->rows[lo].plan_id == plan_id ? (long)lo : -1;
}

/* Rated-action callback: counts the action into its plan's row. */
static int on_action(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    build_ctx *b = ctx;
    if (b->hint >= b->s->n || b->s->rows[b->hint].plan_id != row->plan_id) {
        long i = row_of_plan(b->s, row->plan_id);
        if (i < 0)
            return 0;
        b->hint = (size_t)i;
    }
    sl_summary_row *r = &b->s->rows[b->hint];
    r->actions++;
    r->rag[rag->rag]++;
    r->overdue += rag->overdue;
    r->stale += rag->stale;
    b->owners = sl_realloc(b->owners, (b->n_owners + 1) * sizeof *b->owners);
    b->owners[b->n_owners++] = (owner){row->id, b->hint};
    return 0;
}

/* qsort comparator: owners by action id. */
static int owner_cmp(const void *x, const void *y)
{
    const owner *a = x, *b = y;
    return (a->action_id > b->action_id) - (a->action_id < b->action_id);
}

/* Returns the row of the plan action_id belongs to, or -1. */
static long row_of_action(const build_ctx *b, int64_t action_id)
{
    owner key = {action_id, 0};
    const owner *o = bsearch(&key, b->owners, b->n_owners, sizeof *o, owner_cmp);
    return o ? (long)o->row : -1;
}

/* Counts one measure (with its values) into the row of its action. */
static void count_measure(build_ctx *b, const sl_measure_def *def, int64_t action_id,
                          const sl_measure_value *values, size_t n, sl_day as_of)
{
    if (!action_id || def->polarity == SL_POLARITY_CONTEXT || def->polarity == SL_POLARITY_UNSET)
        return;
    long row = row_of_action(b, action_id);
    if (row < 0)
        return;
    sl_measure_status st;
    sl_measure_assess(def, values, n, as_of, &st);
    b->s->rows[row].measures++;
    b->s->rows[row].measures_off += st.rag == SL_RAG_RED || st.rag == SL_RAG_AMBER;
}

/* Walks every measure and its values once (both come ordered by code). */
static int count_measures(sl_store *store, build_ctx *b, sl_day as_of, sl_error *err)
{
    sl_measure_def *defs = NULL;
    int64_t *action_ids = NULL;
    sl_measure_value *values = NULL;
    int n_defs = sl_store_measures(store, &defs, &action_ids, err);
    /* A rating needs the actual of the last period ended before as_of: a
     * year and a bit of history covers the longest (a financial year). */
    int n_values = n_defs < 0 ? -1
                              : sl_store_measure_values_window(store, "actual", as_of - 400, as_of,
                                                               &values, err);
    if (n_defs > 0 && n_values >= 0)
        qsort(b->owners, b->n_owners, sizeof *b->owners, owner_cmp);
    size_t v = 0;
    for (int d = 0; n_values >= 0 && d < n_defs; d++) {
        while (v < (size_t)n_values && strcmp(values[v].code, defs[d].code) < 0)
            v++;
        size_t first = v;
        while (v < (size_t)n_values && strcmp(values[v].code, defs[d].code) == 0)
            v++;
        count_measure(b, &defs[d], action_ids[d], values ? values + first : NULL, v - first, as_of);
    }
    for (int d = 0; d < n_defs; d++)
        sl_measure_def_free(&defs[d]);
    free(defs);
    free(action_ids);
    free(values);
    return n_defs < 0 || n_values < 0 ? -1 : 0;
}

/* Store callback: keeps each row's latest inspection with an overall grade. */
static int on_inspection(void *ctx, int64_t id, const char *code, const sl_inspection *in)
{
    (void)id;
    build_ctx *b = ctx;
    sl_grade grade = in->judgements[SL_JUDGEMENT_OVERALL];
    if (grade == SL_GRADE_NONE || in->start == SL_NO_DAY)
        return 0;
    const sl_authority *a = (code && *code) ? NULL : sl_authority_match(b->table, in->authority);
    const char *want = a ? a->ons_code : code;
    for (size_t i = 0; want && *want && i < b->s->n; i++) {
        sl_summary_row *r = &b->s->rows[i];
        if (strcmp(r->code, want) != 0 || (r->ofsted_day != SL_NO_DAY && r->ofsted_day > in->start))
            continue;
        free(r->ofsted);
        r->ofsted = sl_strdup(sl_grade_name(grade));
        r->ofsted_day = in->start;
    }
    return 0;
}

/* qsort comparator: rows by plan id. */
static int plan_cmp(const void *x, const void *y)
{
    const sl_summary_row *a = x, *b = y;
    return (a->plan_id > b->plan_id) - (a->plan_id < b->plan_id);
}

/* Builds the summary: plans, one rated-action pass, measures, inspections
 * (summary.h; caller frees with sl_summary_free). */
int sl_summary_build(sl_store *store, const sl_authority_table *authorities, sl_day as_of,
                     sl_summary *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    build_ctx b = {.s = out, .table = authorities};
    int rc = sl_store_each_plan(store, 0, on_plan, &b, err);
    if (rc == 0 && out->n)
        qsort(out->rows, out->n, sizeof *out->rows, plan_cmp);
    sl_action_filter f = {.as_of = as_of, .due_within = -1};
    if (rc == 0)
        rc = sl_each_rated_action(store, &f, on_action, &b, err);
    if (rc == 0)
        rc = count_measures(store, &b, as_of, err);
    if (rc == 0)
        rc = sl_store_each_inspection(store, on_inspection, &b, err);
    free(b.owners);
    if (rc < 0)
        sl_summary_free(out);
    return rc < 0 ? -1 : 0;
}

/* Frees the strings of one row. */
static void row_free(sl_summary_row *r)
{
    free(r->plan);
    free(r->authority);
    free(r->code);
    free(r->region);
    free(r->ofsted);
}

/* Keeps the rows of one region, by name or ONS code (summary.h). */
void sl_summary_filter_region(sl_summary *s, const sl_authority_table *authorities,
                              const char *region)
{
    const char *name = region;
    for (size_t i = 0; i < authorities->n; i++)
        if (strcasecmp(authorities->authorities[i].region_code, region) == 0)
            name = authorities->authorities[i].region;
    size_t kept = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (strcasecmp(s->rows[i].region, name) == 0)
            s->rows[kept++] = s->rows[i];
        else
            row_free(&s->rows[i]);
    }
    s->n = kept;
}

/* Returns the rank of a grade word for sorting: the worst first, none last. */
static int grade_rank(const char *word)
{
    static const char *const order[] = {"inadequate", "requires-improvement", "good", "outstanding"};
    for (int i = 0; i < 4; i++)
        if (strcmp(word, order[i]) == 0)
            return i;
    return 4;
}

/* Returns a row's number in a numeric column (index into sl_summary_columns). */
static int column_number(const sl_summary_row *r, int column)
{
    switch (column) {
    case 2: return r->actions;
    case 3: return r->rag[SL_RAG_RED];
    case 4: return r->rag[SL_RAG_AMBER];
    case 5: return r->rag[SL_RAG_GREEN];
    case 6: return r->rag[SL_RAG_BLUE];
    case 7: return r->rag[SL_RAG_GREY];
    case 8: return r->overdue;
    case 9: return r->stale;
    case 10: return r->measures_off;
    default: return 0;
    }
}

/* Orders two rows by a column: numbers largest first, text A-Z, Ofsted worst
 * first; ties by authority, then plan id. */
static int row_cmp(const sl_summary_row *a, const sl_summary_row *b, int column)
{
    int c = 0;
    if (column == 1)
        c = strcmp(a->region, b->region);
    else if (column == 11)
        c = grade_rank(a->ofsted) - grade_rank(b->ofsted);
    else if (column >= 2)
        c = column_number(b, column) - column_number(a, column);
    if (c == 0)
        c = strcmp(a->authority, b->authority);
    if (c == 0)
        c = (a->plan_id > b->plan_id) - (a->plan_id < b->plan_id);
    return c;
}

/* Stable merge sort of rows[lo, hi) by column, through tmp. */
static void merge_sort(sl_summary_row *rows, sl_summary_row *tmp, size_t lo, size_t hi, int column)
{
    if (hi - lo < 2)
        return;
    size_t mid = lo + (hi - lo) / 2, i = lo, j = mid, k = lo;
    merge_sort(rows, tmp, lo, mid, column);
    merge_sort(rows, tmp, mid, hi, column);
    while (i < mid || j < hi)
        tmp[k++] = (j >= hi || (i < mid && row_cmp(&rows[i], &rows[j], column) <= 0)) ? rows[i++]
                                                                                     : rows[j++];
    memcpy(rows + lo, tmp + lo, (hi - lo) * sizeof *rows);
}

/* Sorts the rows by a named column, stably (summary.h). */
int sl_summary_sort(sl_summary *s, const char *column)
{
    int c = -1;
    for (int i = 0; sl_summary_columns[i]; i++)
        if (strcmp(sl_summary_columns[i], column) == 0)
            c = i;
    if (c < 0)
        return -1;
    if (s->n > 1) {
        sl_summary_row *tmp = sl_calloc(s->n * sizeof *tmp);
        merge_sort(s->rows, tmp, 0, s->n, c);
        free(tmp);
    }
    return 0;
}

/* Appends one row as a JSON object. */
static void row_json(sl_buf *out, const sl_summary_row *r)
{
    char day[11] = "";
    if (r->ofsted_day != SL_NO_DAY)
        sl_day_format(r->ofsted_day, day);
    sl_buf_printf(out,
                  "{\"plan_id\":%lld,\"plan\":%J,\"authority\":%J,\"code\":%J,\"region\":%J,"
                  "\"actions\":%d,\"rag\":{\"red\":%d,\"amber\":%d,\"green\":%d,\"blue\":%d,"
                  "\"grey\":%d},\"overdue\":%d,\"stale\":%d,\"measures\":%d,"
                  "\"measures_off_trajectory\":%d,\"ofsted\":%J,\"ofsted_date\":%J}",
                  (long long)r->plan_id, r->plan, r->authority, *r->code ? r->code : NULL,
                  *r->region ? r->region : NULL, r->actions, r->rag[SL_RAG_RED],
                  r->rag[SL_RAG_AMBER], r->rag[SL_RAG_GREEN], r->rag[SL_RAG_BLUE],
                  r->rag[SL_RAG_GREY], r->overdue, r->stale, r->measures, r->measures_off,
                  *r->ofsted ? r->ofsted : NULL, *day ? day : NULL);
}

/* Appends a page of rows as a JSON object with the total (summary.h). */
void sl_summary_json(sl_buf *out, const sl_summary *s, size_t first, size_t count, int page,
                     int per_page, sl_day as_of)
{
    char day[11];
    sl_day_format(as_of, day);
    sl_buf_printf(out, "{\"as_of\":%J,\"total\":%zu,\"page\":%d,\"per_page\":%d,\"rows\":[",
                  day, s->n, page, per_page);
    for (size_t i = 0; i < count; i++) {
        sl_buf_puts(out, i ? ",\n" : "\n");
        row_json(out, &s->rows[first + i]);
    }
    sl_buf_puts(out, count ? "\n]}\n" : "]}\n");
}

/* Appends a page of rows as a table with the total (summary.h). */
void sl_summary_text(sl_buf *out, const sl_summary *s, size_t first, size_t count, int page,
                     int per_page)
{
    sl_buf_cell(out, "authority", 28);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, "region", 14);
    sl_buf_puts(out, "  acts  red  amb  grn  blu  ovd  stl  moff ofsted\n");
    for (size_t i = 0; i < count; i++) {
        const sl_summary_row *r = &s->rows[first + i];
        sl_buf_cell(out, r->authority, 28);
        sl_buf_putc(out, ' ');
        sl_buf_cell(out, r->region, 14);
        sl_buf_cprintf(out, " %5d %4d %4d %4d %4d %4d %4d %5d %s\n", r->actions,
                       r->rag[SL_RAG_RED], r->rag[SL_RAG_AMBER], r->rag[SL_RAG_GREEN],
                       r->rag[SL_RAG_BLUE], r->overdue, r->stale, r->measures_off,
                       *r->ofsted ? r->ofsted : "-");
    }
    size_t pages = per_page > 0 ? (s->n + (size_t)per_page - 1) / (size_t)per_page : 1;
    sl_buf_cprintf(out, "%zu authorities; page %d of %zu\n", s->n, page, pages ? pages : 1);
}

/* Frees every row and the array (summary.h). */
void sl_summary_free(sl_summary *s)
{
    for (size_t i = 0; i < s->n; i++)
        row_free(&s->rows[i]);
    free(s->rows);
    s->rows = NULL;
    s->n = 0;
}
