/* text_savings.c — savings projects and their figures (see text_savings.h). */
#include "import/kind/plan/text_savings.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/mem.h"

/* A project states figures for at most this many financial years. */
#define MAX_YEARS 8

/* Returns the offset of the words in span (ignoring case), or -1. */
static long find_words(sl_text_span s, const char *words)
{
    size_t n = strlen(words);
    for (size_t i = 0; i + n <= s.len; i++)
        if (strncasecmp(s.text + i, words, n) == 0)
            return (long)i;
    return -1;
}

/* Returns the span after offset at, past the label's punctuation and spaces. */
static sl_text_span after_label(sl_text_span s, size_t at)
{
    sl_text_span rest = {s.text + at, s.len - at};
    while (rest.len > 0 && (rest.text[0] == ':' || rest.text[0] == '.' || rest.text[0] == '-' ||
                            isspace((unsigned char)rest.text[0]))) {
        rest.text++;
        rest.len--;
    }
    return sl_text_trim(rest);
}

int sl_text_savings_line(const sl_text_row *row)
{
    for (size_t i = 0; i < row->n_cells; i++)
        if (find_words(row->cells[i], "mtfs ref") >= 0)
            return 1;
    return 0;
}

/* Appends a trimmed span to b, a space first when b is not empty. */
static void add_words(sl_buf *b, sl_text_span s)
{
    s = sl_text_trim(s);
    if (s.len == 0)
        return;
    if (b->len)
        sl_buf_putc(b, ' ');
    sl_buf_add(b, s.text, s.len);
}

/* Splits a project heading ("2. Review of … Project Manager: Rodica Cobarzan")
 * into the theme's ref, title and manager. */
static void read_heading(sl_theme *t, const char *heading)
{
    sl_text_span s = {heading, strlen(heading)};
    size_t digits = 0;
    while (digits < s.len && digits < 3 && isdigit((unsigned char)s.text[digits]))
        digits++;
    size_t skip = digits;
    if (digits && skip < s.len && s.text[skip] == '.')
        skip++;
    if (digits && (skip == s.len || isspace((unsigned char)s.text[skip]))) {
        free(t->ref);
        t->ref = sl_strndup(s.text, digits);
        s = sl_text_trim((sl_text_span){s.text + skip, s.len - skip});
    }
    long at = find_words(s, "project manager");
    if (at >= 0) {
        sl_text_span manager = after_label(s, (size_t)at + strlen("project manager"));
        t->manager = sl_strndup(manager.text, manager.len);
        s.len = (size_t)at;
        s = sl_text_trim(s);
    }
    free(t->title);
    t->title = sl_strndup(s.text, s.len);
}

int sl_text_savings_add(sl_plan *plan, const sl_text_row *row, int parent)
{
    sl_buf heading = SL_BUF_INIT, mtfs = SL_BUF_INIT;
    int seen_mtfs = 0;
    for (size_t i = 0; i < row->n_cells; i++) {
        sl_text_span cell = row->cells[i];
        long at = seen_mtfs ? -1 : find_words(cell, "mtfs ref");
        if (seen_mtfs) {
            add_words(&mtfs, cell);
        } else if (at >= 0) {
            seen_mtfs = 1;
            add_words(&heading, (sl_text_span){cell.text, (size_t)at});
            add_words(&mtfs, after_label(cell, (size_t)at + strlen("mtfs ref")));
        } else {
            add_words(&heading, cell);
        }
    }
    sl_theme *t = sl_plan_add_theme(plan, "", "");
    t->kind = SL_THEME_SAVINGS;
    t->parent = parent;
    t->mtfs_ref = sl_buf_take(&mtfs);
    read_heading(t, sl_buf_str(&heading));
    sl_buf_free(&heading);
    return (int)(t - plan->themes);
}

/* Returns the financial year a label "2021/22" at s[i] starts (2021), or 0. */
static int year_label(sl_text_span s, size_t i)
{
    const char *p = s.text + i;
    if (i + 7 > s.len || p[0] != '2' || p[1] != '0' || p[4] != '/')
        return 0;
    for (int k = 2; k < 7; k++)
        if (k != 4 && !isdigit((unsigned char)p[k]))
            return 0;
    int first = (p[2] - '0') * 10 + (p[3] - '0'), second = (p[5] - '0') * 10 + (p[6] - '0');
    return second == (first + 1) % 100 ? 2000 + first : 0;
}

/* Returns 1 when a thousands group (",065") opens s at p. */
static int comma_group(sl_text_span s, size_t p)
{
    return p + 3 < s.len && s.text[p] == ',' && isdigit((unsigned char)s.text[p + 1]) &&
           isdigit((unsigned char)s.text[p + 2]) && isdigit((unsigned char)s.text[p + 3]);
}

/* Reads one figure at s[*i] ("295", "1,385", "126.4"). When another figure
 * runs on straight after it (run_on), its first digit group may have at most
 * three digits and its decimal part has one digit, so that the boundary is
 * certain. Returns 0 and sets *value and *i past it, or -1. */
static int read_figure(sl_text_span s, size_t *i, int run_on, double *value)
{
    size_t p = *i, run = 0;
    while (p + run < s.len && isdigit((unsigned char)s.text[p + run]))
        run++;
    if (run == 0 || (run_on && run > 3))
        return -1;
    double v = 0;
    for (; run > 0; run--, p++)
        v = v * 10 + (s.text[p] - '0');
    for (; comma_group(s, p); p += 4)
        v = v * 1000 + (s.text[p + 1] - '0') * 100 + (s.text[p + 2] - '0') * 10 + (s.text[p + 3] - '0');
    if (p + 1 < s.len && s.text[p] == '.' && isdigit((unsigned char)s.text[p + 1])) {
        double scale = 0.1;
        p++;
        do {
            v += (s.text[p++] - '0') * scale;
            scale /= 10;
        } while (!run_on && p < s.len && isdigit((unsigned char)s.text[p]));
    }
    *i = p;
    *value = v;
    return 0;
}

/* Sets the theme's saving for a financial year, replacing one already there. */
static void set_saving(sl_theme *t, int year, double thousands)
{
    for (size_t i = 0; i < t->n_savings; i++) {
        if (t->savings[i].fy_start_year == year) {
            t->savings[i].thousands = thousands;
            return;
        }
    }
    t->savings = sl_realloc(t->savings, (t->n_savings + 1) * sizeof *t->savings);
    t->savings[t->n_savings].fy_start_year = year;
    t->savings[t->n_savings++].thousands = thousands;
}

/* Reads the figures after a run of year labels at s[*i]; returns how many
 * figures it stored (one per label, in order), or -1 when figures that ran
 * together cannot be split. *run_together is set when labels and figures ran together. */
static int read_year_figures(sl_theme *t, sl_text_span s, size_t *i, int *run_together)
{
    int years[MAX_YEARS], n = 0, y;
    while (n < MAX_YEARS && (y = year_label(s, *i)) != 0) {
        years[n++] = y;
        *i += 7;
    }
    int run_on = n > 1 && *i < s.len && isdigit((unsigned char)s.text[*i]);
    double values[MAX_YEARS];
    int k = 0;
    for (; k < n; k++) {
        while (!run_on && *i < s.len && s.text[*i] == ' ')
            (*i)++;
        if (read_figure(s, i, run_on && k + 1 < n, &values[k]) < 0)
            break;
    }
    if (run_on && k < n)
        return -1;
    for (int j = 0; j < k; j++)
        set_saving(t, years[j], values[j]);
    *run_together |= run_on;
    return k;
}

/* Reads every year label and its figure in a cell into the theme; reports
 * figures run together as findings at line. */
static void read_savings_cell(sl_plan *plan, int theme, sl_text_span s, long line)
{
    for (size_t i = 0; i < s.len; i++) {
        if (year_label(s, i) == 0 || (i > 0 && isdigit((unsigned char)s.text[i - 1])))
            continue;
        size_t start = i;
        int run_together = 0;
        int got = read_year_figures(&plan->themes[theme], s, &i, &run_together);
        int shown = (int)(s.len - start < 48 ? s.len - start : 48);
        if (got < 0)
            sl_findings_add(&plan->findings, SL_LINT_WARNING, "unparsed-row", "", line,
                            "savings figures of project %s run together and cannot be split: '%.*s'",
                            plan->themes[theme].ref, shown, s.text + start);
        else if (run_together)
            sl_findings_add(&plan->findings, SL_LINT_WARNING, "doubtful-row", "", line,
                            "savings figures of project %s ran together ('%.*s'): check how they were split",
                            plan->themes[theme].ref, shown, s.text + start);
        i = start + 6;
    }
}

void sl_text_savings_detail(sl_plan *plan, int theme, const sl_text_row *row, long line)
{
    for (size_t c = 0; c < row->n_cells; c++) {
        sl_text_span cell = row->cells[c];
        long at = find_words(cell, "project manager");
        if (at >= 0 && !plan->themes[theme].manager) {
            sl_text_span manager = after_label(cell, (size_t)at + strlen("project manager"));
            plan->themes[theme].manager = sl_strndup(manager.text, manager.len);
        }
        read_savings_cell(plan, theme, cell, line);
    }
}
