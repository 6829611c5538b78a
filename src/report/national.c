/* national.c — the national picture of inspections: building the rows, then
 * writing them as JSON or as a text table (see national.h). */
#include "report/national.h"

#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/mem.h"

/* ------------------------------------------------------------------------ */
/* Grades, directions, months                                               */
/* ------------------------------------------------------------------------ */

sl_grade sl_national_headline(const sl_inspection *inspection)
{
    if (!inspection)
        return SL_GRADE_NONE;
    sl_grade overall = inspection->judgements[SL_JUDGEMENT_OVERALL];
    sl_grade headline = overall ? overall : inspection->judgements[SL_JUDGEMENT_LEADERS];
    return headline > SL_GRADE_NONE && headline <= SL_GRADE_INADEQUATE ? headline : SL_GRADE_NONE;
}

sl_direction sl_national_direction(const sl_inspection *latest, const sl_inspection *previous)
{
    if (!latest)
        return SL_DIRECTION_NONE;
    if (!previous)
        return SL_DIRECTION_FIRST;
    sl_judgement_kind compared = SL_JUDGEMENT_OVERALL;
    if (!latest->judgements[compared] || !previous->judgements[compared])
        compared = SL_JUDGEMENT_LEADERS;
    sl_grade now = latest->judgements[compared], before = previous->judgements[compared];
    if (!now || !before)
        return SL_DIRECTION_NOT_COMPARABLE;
    /* Grades run from outstanding (1) to inadequate (4): smaller is better. */
    return now < before ? SL_DIRECTION_IMPROVED : now > before ? SL_DIRECTION_DECLINED
                                                               : SL_DIRECTION_SAME;
}

const char *sl_direction_name(sl_direction direction)
{
    static const char *const names[] = {"none", "first", "improved", "declined", "same",
                                        "not-comparable"};
    return direction >= SL_DIRECTION_NONE && direction <= SL_DIRECTION_NOT_COMPARABLE
               ? names[direction]
               : "none";
}

int sl_months_between(sl_day from, sl_day to)
{
    if (from == SL_NO_DAY || to == SL_NO_DAY || to <= from)
        return 0;
    int y1, m1, d1, y2, m2, d2;
    sl_day_to_ymd(from, &y1, &m1, &d1);
    sl_day_to_ymd(to, &y2, &m2, &d2);
    int months = (y2 - y1) * 12 + (m2 - m1);
    /* A month is complete on the same day of the month, or on the last day of
     * a shorter month. */
    if (d2 < d1 && d2 < sl_days_in_month(y2, m2))
        months--;
    return months;
}

/* ------------------------------------------------------------------------ */
/* Building the rows                                                        */
/* ------------------------------------------------------------------------ */

/* Returns the day an inspection is dated by: its last day, else its first,
 * else its publication; SL_NO_DAY when it has none. */
static sl_day inspection_day(const sl_inspection *insp)
{
    return insp->end != SL_NO_DAY ? insp->end : insp->start != SL_NO_DAY ? insp->start
                                                                          : insp->published;
}

/* Returns 1 when the inspection's outcome was public by as_of: published by
 * then, or, without a publication day, ended by then. */
static int known_by(const sl_inspection *insp, sl_day as_of)
{
    sl_day day = insp->published != SL_NO_DAY ? insp->published : inspection_day(insp);
    return day != SL_NO_DAY && day <= as_of;
}

/* Returns 1 when the inspection gives any judgement. */
static int is_judged(const sl_inspection *insp)
{
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
        if (insp->judgements[k])
            return 1;
    return 0;
}

/* Returns 1 when the inspection is a focused visit. */
static int is_focused_visit(const sl_inspection *insp)
{
    return insp->framework && strcmp(insp->framework, SL_FRAMEWORK_FOCUSED_VISIT) == 0;
}

/* Names already matched to an authority, so that each distinct name costs
 * one sl_authority_match. Names are borrowed from the inspections. */
typedef struct {
    const char **names;
    const sl_authority **found;
    size_t n, cap;
} name_cache;

/* Returns the authority an inspection is of, or NULL: by URN, then by the
 * name it gives (which may be a code). */
static const sl_authority *authority_of(const sl_authority_table *table, const sl_inspection *insp,
                                        name_cache *cache)
{
    const sl_authority *a = insp->urn ? sl_authority_by_code(table, insp->urn) : NULL;
    if (a || !insp->authority)
        return a;
    for (size_t i = 0; i < cache->n; i++)
        if (strcmp(cache->names[i], insp->authority) == 0)
            return cache->found[i];
    a = sl_authority_by_code(table, insp->authority);
    if (!a)
        a = sl_authority_match(table, insp->authority);
    if (cache->n == cache->cap) {
        cache->cap = cache->cap ? cache->cap * 2 : 64;
        cache->names = sl_realloc(cache->names, cache->cap * sizeof *cache->names);
        cache->found = sl_realloc(cache->found, cache->cap * sizeof *cache->found);
    }
    cache->names[cache->n] = insp->authority;
    cache->found[cache->n++] = a;
    return a;
}

/* What a row keeps while inspections are read: the latest focused visit. */
typedef struct {
    const sl_inspection *focused_visit;
} row_extra;

/* Files one inspection, known by as_of, into its authority's row. Two
 * inspections dated the same day are one inspection read twice (from its
 * report and from the scrape CSV): the later in the array is kept. */
static void file_inspection(sl_national_row *row, row_extra *extra, const sl_inspection *insp)
{
    sl_day day = inspection_day(insp);
    if (is_focused_visit(insp)) {
        if (!extra->focused_visit || inspection_day(extra->focused_visit) <= day)
            extra->focused_visit = insp;
        return;
    }
    if (!is_judged(insp))
        return;
    if (row->latest && inspection_day(row->latest) == day) {
        row->latest = insp;
    } else if (!row->latest || inspection_day(row->latest) < day) {
        row->previous = row->latest;
        row->latest = insp;
    } else if (!row->previous || inspection_day(row->previous) <= day) {
        row->previous = insp;
    }
}

/* Sets the plan deadline of a requires-improvement or inadequate authority:
 * from the latest report, or from a focused visit published after it. */
static void set_plan_deadline(sl_national_row *row, const row_extra *extra, sl_day as_of)
{
    row->plan_deadline = SL_NO_DAY;
    row->days_left = 0;
    if (row->headline != SL_GRADE_REQUIRES_IMPROVEMENT && row->headline != SL_GRADE_INADEQUATE)
        return;
    const sl_inspection *trigger = row->latest;
    int working_days = SL_PLAN_WORKING_DAYS;
    const sl_inspection *visit = extra->focused_visit;
    if (visit && visit->published != SL_NO_DAY &&
        (trigger->published == SL_NO_DAY || visit->published > trigger->published)) {
        trigger = visit;
        working_days = SL_FOCUSED_PLAN_WORKING_DAYS;
    }
    if (trigger->published == SL_NO_DAY)
        return;
    row->plan_trigger = trigger;
    row->plan_deadline = sl_add_working_days(trigger->published, working_days);
    row->days_left = (int)(row->plan_deadline - as_of);
}

/* Counts each row's statistical neighbours by their headline grade. */
static void count_neighbours(sl_national *national, const sl_authority_table *table)
{
    for (size_t i = 0; i < national->n; i++) {
        const sl_authority *a = &table->authorities[i];
        for (size_t k = 0; k < a->n_neighbours; k++) {
            const sl_authority *neighbour = sl_authority_by_code(table, a->neighbours[k]);
            if (neighbour)
                national->rows[i].neighbours[national->rows[neighbour - table->authorities].headline]++;
        }
    }
}

void sl_national_build(const sl_authority_table *authorities, const sl_inspection *inspections,
                       size_t n, sl_day as_of, sl_national *out)
{
    memset(out, 0, sizeof *out);
    out->as_of = as_of;
    out->n = authorities->n;
    out->rows = sl_calloc((out->n ? out->n : 1) * sizeof *out->rows);
    row_extra *extras = sl_calloc((out->n ? out->n : 1) * sizeof *extras);
    name_cache cache = {NULL, NULL, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (!known_by(&inspections[i], as_of))
            continue;
        const sl_authority *a = authority_of(authorities, &inspections[i], &cache);
        if (!a) {
            out->unmatched++;
            continue;
        }
        size_t r = (size_t)(a - authorities->authorities);
        file_inspection(&out->rows[r], &extras[r], &inspections[i]);
    }
    for (size_t r = 0; r < out->n; r++) {
        sl_national_row *row = &out->rows[r];
        row->authority = &authorities->authorities[r];
        row->headline = sl_national_headline(row->latest);
        row->direction = sl_national_direction(row->latest, row->previous);
        row->months_since = row->latest ? sl_months_between(inspection_day(row->latest), as_of) : -1;
        set_plan_deadline(row, &extras[r], as_of);
    }
    count_neighbours(out, authorities);
    free(cache.names);
    free(cache.found);
    free(extras);
}

void sl_national_free(sl_national *national)
{
    if (!national)
        return;
    free(national->rows);
    national->rows = NULL;
    national->n = 0;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */
/* ------------------------------------------------------------------------ */

/* Appends a day as a JSON string, or null. */
static void json_day(sl_buf *out, sl_day day)
{
    char text[11];
    if (day == SL_NO_DAY) {
        sl_buf_puts(out, "null");
        return;
    }
    sl_day_format(day, text);
    sl_buf_json_str(out, text);
}

/* Appends an inspection as a JSON object (dates, framework, judgements), or null. */
static void json_inspection(sl_buf *out, const sl_inspection *insp)
{
    if (!insp) {
        sl_buf_puts(out, "null");
        return;
    }
    sl_buf_puts(out, "{\"start\":");
    json_day(out, insp->start);
    sl_buf_puts(out, ",\"end\":");
    json_day(out, insp->end);
    sl_buf_puts(out, ",\"published\":");
    json_day(out, insp->published);
    sl_buf_puts(out, ",\"framework\":");
    sl_buf_json_str(out, insp->framework);
    sl_buf_puts(out, ",\"judgements\":{");
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++) {
        sl_grade grade = insp->judgements[k];
        sl_buf_puts(out, k ? ",\"" : "\"");
        sl_buf_puts(out, sl_judgement_key((sl_judgement_kind)k));
        sl_buf_puts(out, "\":");
        sl_buf_json_str(out, grade ? sl_grade_name(grade) : NULL);
    }
    sl_buf_puts(out, "}}");
}

/* Appends the neighbours' counts keyed by grade name. */
static void json_neighbours(sl_buf *out, const sl_national_row *row)
{
    static const sl_grade order[] = {SL_GRADE_OUTSTANDING, SL_GRADE_GOOD,
                                     SL_GRADE_REQUIRES_IMPROVEMENT, SL_GRADE_INADEQUATE,
                                     SL_GRADE_NONE};
    sl_buf_putc(out, '{');
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        sl_buf_puts(out, i ? ",\"" : "\"");
        sl_buf_puts(out, sl_grade_name(order[i]));
        sl_buf_puts(out, "\":");
        sl_buf_int(out, row->neighbours[order[i]]);
    }
    sl_buf_putc(out, '}');
}

/* Appends one row as a JSON object. */
static void json_row(sl_buf *out, const sl_national_row *row)
{
    sl_buf_puts(out, "{\"authority\":");
    sl_buf_json_str(out, row->authority->name);
    sl_buf_puts(out, ",\"ons_code\":");
    sl_buf_json_str(out, row->authority->ons_code);
    sl_buf_puts(out, ",\"region\":");
    sl_buf_json_str(out, row->authority->region);
    sl_buf_puts(out, ",\"latest\":");
    json_inspection(out, row->latest);
    sl_buf_puts(out, ",\"previous\":");
    json_inspection(out, row->previous);
    sl_buf_puts(out, ",\"direction\":");
    sl_buf_json_str(out, row->latest ? sl_direction_name(row->direction) : NULL);
    sl_buf_puts(out, ",\"months_since\":");
    if (row->latest)
        sl_buf_int(out, row->months_since);
    else
        sl_buf_puts(out, "null");
    sl_buf_puts(out, ",\"neighbours\":");
    json_neighbours(out, row);
    sl_buf_puts(out, ",\"plan_deadline\":");
    json_day(out, row->plan_deadline);
    sl_buf_puts(out, ",\"days_left\":");
    if (row->plan_deadline != SL_NO_DAY)
        sl_buf_int(out, row->days_left);
    else
        sl_buf_puts(out, "null");
    sl_buf_puts(out, ",\"plan_summary\":");
    sl_buf_json_str(out, row->plan_summary);
    sl_buf_putc(out, '}');
}

void sl_national_json(sl_buf *out, const sl_national *national)
{
    sl_buf_putc(out, '[');
    for (size_t i = 0; i < national->n; i++) {
        sl_buf_puts(out, i ? ",\n" : "\n");
        json_row(out, &national->rows[i]);
    }
    sl_buf_puts(out, national->n ? "\n]\n" : "]\n");
}

/* ------------------------------------------------------------------------ */
/* Text table                                                               */
/* ------------------------------------------------------------------------ */

/* Column widths; with one space between columns a row is 78 columns. */
enum {
    W_NAME = 20, W_DAY = 10, W_GRADE = 4, W_CHANGE = 5, W_MONTHS = 4, W_NEIGHBOURS = 8,
    W_LEFT = 5, W_SUMMARY = 74
};

/* Returns the table's short word for a grade; static storage. */
static const char *grade_short(sl_grade grade)
{
    static const char *const words[] = {"-", "Out", "Good", "RI", "Inad"};
    return grade >= SL_GRADE_NONE && grade <= SL_GRADE_INADEQUATE ? words[grade] : "-";
}

/* Returns the table's short word for a row's direction; static storage. */
static const char *direction_short(const sl_national_row *row)
{
    static const char *const words[] = {"-", "first", "up", "down", "same", "n/c"};
    return row->direction >= SL_DIRECTION_NONE && row->direction <= SL_DIRECTION_NOT_COMPARABLE
               ? words[row->direction]
               : "-";
}

/* Appends a day as "YYYY-MM-DD", or "-", in a cell of W_DAY columns. */
static void cell_day(sl_buf *out, sl_day day)
{
    char text[11] = "-";
    if (day != SL_NO_DAY)
        sl_day_format(day, text);
    sl_buf_cell(out, text, W_DAY);
}

/* Appends text right-aligned in a cell of width columns (ASCII text only). */
static void cell_right(sl_buf *out, const char *text, int width)
{
    for (int pad = width - (int)strlen(text); pad > 0; pad--)
        sl_buf_putc(out, ' ');
    sl_buf_puts(out, text);
}

/* Appends one row of the table and, when set, its plan summary line. */
static void text_row(sl_buf *out, const sl_national_row *row)
{
    char months[16] = "-", neighbours[48], left[16] = "-";
    const int *nb = row->neighbours;
    if (row->latest)
        snprintf(months, sizeof months, "%d", row->months_since);
    snprintf(neighbours, sizeof neighbours, "%d/%d/%d/%d", nb[SL_GRADE_OUTSTANDING],
             nb[SL_GRADE_GOOD], nb[SL_GRADE_REQUIRES_IMPROVEMENT], nb[SL_GRADE_INADEQUATE]);
    if (row->plan_deadline != SL_NO_DAY && row->days_left >= 0)
        snprintf(left, sizeof left, "%d", row->days_left);
    else if (row->plan_deadline != SL_NO_DAY)
        snprintf(left, sizeof left, "past");
    sl_buf_cell(out, row->authority->name, W_NAME);
    sl_buf_putc(out, ' ');
    cell_day(out, row->latest ? row->latest->published : SL_NO_DAY);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, grade_short(row->headline), W_GRADE);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, grade_short(sl_national_headline(row->previous)), W_GRADE);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, direction_short(row), W_CHANGE);
    sl_buf_putc(out, ' ');
    cell_right(out, months, W_MONTHS);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, neighbours, W_NEIGHBOURS);
    sl_buf_putc(out, ' ');
    cell_day(out, row->plan_deadline);
    sl_buf_putc(out, ' ');
    cell_right(out, left, W_LEFT);
    sl_buf_putc(out, '\n');
    if (row->plan_summary && *row->plan_summary) {
        sl_buf_puts(out, "    ");
        if ((int)sl_utf8_width(row->plan_summary) > W_SUMMARY)
            sl_buf_cell(out, row->plan_summary, W_SUMMARY);
        else
            sl_buf_puts(out, row->plan_summary);
        sl_buf_putc(out, '\n');
    }
}

/* Orders rows by region, then by authority name. */
static int by_region_and_name(const void *a, const void *b)
{
    const sl_national_row *x = *(const sl_national_row *const *)a;
    const sl_national_row *y = *(const sl_national_row *const *)b;
    int c = strcmp(x->authority->region, y->authority->region);
    return c ? c : strcmp(x->authority->name, y->authority->name);
}

/* Appends the line counting the rows per headline grade and plans due. */
static void text_totals(sl_buf *out, const sl_national *national)
{
    int count[SL_GRADE_INADEQUATE + 1] = {0}, plans_due = 0;
    for (size_t i = 0; i < national->n; i++) {
        count[national->rows[i].headline]++;
        plans_due += national->rows[i].plan_deadline != SL_NO_DAY && national->rows[i].days_left >= 0;
    }
    sl_buf_printf(out, "\n%zu authorities: %d outstanding, %d good, %d requires improvement,\n"
                       "%d inadequate, %d not inspected; %d post-inspection plan%s still due.\n",
                  national->n, count[SL_GRADE_OUTSTANDING], count[SL_GRADE_GOOD],
                  count[SL_GRADE_REQUIRES_IMPROVEMENT], count[SL_GRADE_INADEQUATE],
                  count[SL_GRADE_NONE], plans_due, plans_due == 1 ? "" : "s");
}

void sl_national_text(sl_buf *out, const sl_national *national)
{
    char as_of[11] = "-";
    if (national->as_of != SL_NO_DAY)
        sl_day_format(national->as_of, as_of);
    sl_buf_printf(out, "Children's services inspections in England as of %s\n\n", as_of);
    sl_buf_puts(out, "Authority            Published  Now  Was  Trend Mths O/G/RI/I Plan due    Left\n");
    const sl_national_row **order = sl_calloc((national->n ? national->n : 1) * sizeof *order);
    for (size_t i = 0; i < national->n; i++)
        order[i] = &national->rows[i];
    qsort(order, national->n, sizeof *order, by_region_and_name);
    for (size_t i = 0; i < national->n; i++) {
        const char *region = order[i]->authority->region;
        if (i == 0 || strcmp(region, order[i - 1]->authority->region) != 0) {
            sl_buf_puts(out, "\n");
            sl_buf_puts(out, *region ? region : "(no region)");
            sl_buf_puts(out, "\n");
        }
        text_row(out, order[i]);
    }
    free(order);
    text_totals(out, national);
    sl_buf_puts(out,
                "\nNow, Was: headline grade of the latest and previous inspection (overall\n"
                "effectiveness; impact of leaders after the 2025-26 reform). O/G/RI/I: the\n"
                "statistical neighbours' grades. Plan due: the post-inspection action plan,\n"
                "70 working days after the report (20 after a focused visit); Left: days.\n");
}
