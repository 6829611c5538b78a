/* chart_svg.c — line charts, scorecards and sparklines of measures (see chart_svg.h).
 *
 * Each chart is drawn in three steps: gather the points of each series
 * (sorted by day), fit a scale from days and values onto the drawing area,
 * then write the parts (grid, axes, trajectory band, target, comparators,
 * actuals, legend). Text goes through put_text, numbers through put_num. */
#include "report/chart_svg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* GOV.UK design system colours: readable on white, distinct for colour-blind readers. */
#define COLOUR_ACTUAL "#1d70b8"
#define COLOUR_TRAJECTORY "#505a5f"
#define COLOUR_BAND "#b1b4b6"
#define COLOUR_GRID "#dddddd"
#define COLOUR_TEXT "#0b0c0c"

#define CHART_WIDTH 640
#define CHART_HEIGHT 320
#define CELL_WIDTH 200      /* scorecard cell, with a 10px gap between cells */
#define CELL_HEIGHT 110
#define CELL_GAP 10
#define SCORECARD_COLUMNS 6
#define SPARK_WIDTH 100
#define SPARK_HEIGHT 24
#define MAX_COMPARATORS 8

/* ------------------------------------------------------------------------ */
/* Words, colours, text and numbers                                          */
/* ------------------------------------------------------------------------ */

/* Returns the fill colour for a RAG rating (grey when not rated). */
static const char *rag_colour(sl_rag rag)
{
    switch (rag) {
    case SL_RAG_GREEN: return "#00703c";
    case SL_RAG_AMBER: return "#f47738";
    case SL_RAG_RED: return "#d4351c";
    default: return "#505a5f";
    }
}

/* Returns the rating in words ("not rated" when none). */
static const char *rag_words(sl_rag rag)
{
    return rag == SL_RAG_NONE ? "not rated" : sl_rag_name(rag);
}

/* Returns the dashed-line colour of a comparator series. */
static const char *series_colour(const char *series)
{
    if (strcmp(series, "england") == 0)
        return "#0b0c0c";
    if (strcmp(series, "region") == 0)
        return "#4c2c92";
    if (strcmp(series, "statistical-neighbours") == 0)
        return "#28a197";
    return "#d53880";
}

/* Returns 1 when the n bytes at s are a UTF-8 character XML allows. */
static int xml_char_ok(const unsigned char *s, size_t n)
{
    if (n == 1)
        return s[0] >= 0x20 || s[0] == '\t' || s[0] == '\n' || s[0] == '\r';
    /* U+FFFE and U+FFFF are not XML characters. */
    return !(n == 3 && s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF)) && s[0] != 0x7F;
}

/* Returns the length of the UTF-8 character at s (at most avail bytes), or 0
 * when the bytes there are not valid UTF-8. */
static size_t utf8_char_length(const char *s, size_t avail)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    size_t bad;
    if (n == 0 || n > avail || !sl_utf8_valid(s, n, &bad))
        return 0;
    return n;
}

/* Appends text for an SVG text node or attribute: characters XML forbids
 * (control bytes, invalid UTF-8) become '?', then sl_buf_html escapes it. */
static void put_text(sl_buf *out, const char *text)
{
    size_t len = text ? strlen(text) : 0, bad;
    int clean = sl_utf8_valid(text ? text : "", len, &bad);
    /* Fast path: valid UTF-8 with no control byte and no 0xEF lead (U+FFFE/U+FFFF start with it). */
    for (size_t i = 0; clean && i < len; i++)
        clean = (unsigned char)text[i] >= 0x20 && text[i] != 0x7F && (unsigned char)text[i] != 0xEF;
    if (clean) {
        sl_buf_html(out, text);
        return;
    }
    sl_buf safe = SL_BUF_INIT;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_char_length(text + i, len - i);
        if (n && xml_char_ok((const unsigned char *)text + i, n)) {
            sl_buf_add(&safe, text + i, n);
            i += n;
        } else {
            sl_buf_putc(&safe, '?');
            i += n ? n : 1;
        }
    }
    sl_buf_html(out, sl_buf_str(&safe));
    sl_buf_free(&safe);
}

/* Appends printf-formatted text through put_text, whole. */
__attribute__((format(printf, 2, 3))) static void put_textf(sl_buf *out, const char *fmt, ...)
{
    sl_buf text = SL_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sl_buf_vcprintf(&text, fmt, ap);
    va_end(ap);
    put_text(out, sl_buf_str(&text));
    sl_buf_free(&text);
}

/* Appends a coordinate or value with one decimal at most, without the locale. */
static void put_num(sl_buf *out, double value)
{
    char text[32];
    sl_measure_format_number(value, 1, text);
    sl_buf_puts(out, text);
}

/* Appends "x,y" for a points list. */
static void put_xy(sl_buf *out, double x, double y)
{
    put_num(out, x);
    sl_buf_putc(out, ',');
    put_num(out, y);
}

/* Appends a value with its unit, escaped. */
static void put_value(sl_buf *out, sl_unit unit, double value)
{
    char text[SL_VALUE_TEXT];
    sl_unit_format_value(unit, value, text);
    put_text(out, text);
}

/* Appends an id for the chart's title and description: "sl-" and the code
 * with anything but letters, digits, '-' and '_' made '_'. */
static void put_id(sl_buf *out, const char *code)
{
    sl_buf_puts(out, "sl-");
    if (!code || !*code)
        sl_buf_puts(out, "measure");
    for (const char *c = code; c && *c; c++) {
        int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-' ||
                 *c == '_';
        sl_buf_putc(out, ok ? *c : '_');
    }
}

/* ------------------------------------------------------------------------ */
/* Points of a series                                                        */
/* ------------------------------------------------------------------------ */

typedef struct {
    sl_day day;                 /* the period's last day */
    double value;
    const sl_measure_value *source;
} chart_point;

/* Orders points by day, then by their place in the input. */
static int by_day(const void *a, const void *b)
{
    const chart_point *pa = a, *pb = b;
    if (pa->day != pb->day)
        return pa->day < pb->day ? -1 : 1;
    return pa->source < pb->source ? -1 : pa->source > pb->source;
}

/* Writes the points of one series of the measure that ended before as_of
 * into out (room for measure->n_values), sorted by day; returns how many. */
static size_t collect_series(const sl_chart_measure *m, const char *series, sl_day as_of, chart_point *out)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_values; i++) {
        const sl_measure_value *v = &m->values[i];
        if (v->period.last >= as_of || strcmp(v->code, m->def->code) != 0 || strcmp(v->series, series) != 0)
            continue;
        out[n].day = v->period.last;
        out[n].value = v->value;
        out[n].source = v;
        n++;
    }
    qsort(out, n, sizeof *out, by_day);
    return n;
}

/* Writes the distinct comparator series names (pointers into the values)
 * into names; returns how many (at most MAX_COMPARATORS). */
static size_t comparator_names(const sl_chart_measure *m, sl_day as_of, const char *names[MAX_COMPARATORS])
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_values && n < MAX_COMPARATORS; i++) {
        const sl_measure_value *v = &m->values[i];
        if (v->period.last >= as_of || sl_series_is_actual(v->series) || strcmp(v->code, m->def->code) != 0)
            continue;
        size_t k = 0;
        while (k < n && strcmp(names[k], v->series) != 0)
            k++;
        if (k == n)
            names[n++] = v->series;
    }
    return n;
}

/* ------------------------------------------------------------------------ */
/* Scales                                                                    */
/* ------------------------------------------------------------------------ */

/* Maps days onto x and values onto y within a drawing area. */
typedef struct {
    sl_day d0, d1;
    double v0, v1;
    double left, top, width, height;
    int have_days, have_values;
} scale;

/* Returns x for a day. */
static double x_of(const scale *s, sl_day day)
{
    if (s->d1 == s->d0)
        return s->left + s->width / 2;
    return s->left + s->width * ((double)day - (double)s->d0) / ((double)s->d1 - (double)s->d0);
}

/* Returns y for a value (larger values higher up). */
static double y_of(const scale *s, double value)
{
    if (s->v1 == s->v0)
        return s->top + s->height / 2;
    return s->top + s->height * (s->v1 - value) / (s->v1 - s->v0);
}

/* Widens the scale's day range to hold day (SL_NO_DAY is ignored). */
static void include_day(scale *s, sl_day day)
{
    if (day == SL_NO_DAY)
        return;
    if (!s->have_days || day < s->d0)
        s->d0 = day;
    if (!s->have_days || day > s->d1)
        s->d1 = day;
    s->have_days = 1;
}

/* Widens the scale's value range to hold value. */
static void include_value(scale *s, double value)
{
    if (!s->have_values || value < s->v0)
        s->v0 = value;
    if (!s->have_values || value > s->v1)
        s->v1 = value;
    s->have_values = 1;
}

/* Returns value rounded down (or up) to a whole multiple of step. */
static double round_to_step(double value, double step, int up)
{
    double q = value / step;
    if (q > 9e15 || q < -9e15)
        return value;
    long long whole = (long long)q;
    if (up && (double)whole < q)
        whole++;
    if (!up && (double)whole > q)
        whole--;
    return (double)whole * step;
}

/* Returns a tick step of 1, 2 or 5 times a power of ten giving about
 * `ticks` intervals over range. */
static double nice_step(double range, int ticks)
{
    double raw = range / ticks, power = 1;
    if (!(raw > 0) || raw > 1e300)
        return 1;
    for (int i = 0; i < 400 && power * 10 <= raw; i++)
        power *= 10;
    for (int i = 0; i < 400 && power > raw; i++)
        power /= 10;
    return raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
}

/* Finishes a scale: pads ranges that are empty or a single point, rounds
 * values out to whole ticks and keeps them inside the unit's range. */
static void finish_scale(scale *s, sl_unit unit, sl_day as_of)
{
    if (!s->have_days)
        s->d0 = s->d1 = as_of;
    if (s->d1 - s->d0 < 28) {
        s->d0 -= 14;
        s->d1 += 14;
    }
    if (!s->have_values) {
        s->v0 = 0;
        s->v1 = unit == SL_UNIT_PERCENT ? 100 : 1;
    }
    double pad = (s->v1 - s->v0) * 0.08;
    if (!(pad > 0))
        pad = s->v1 != 0 ? (s->v1 < 0 ? -s->v1 : s->v1) * 0.1 : 1;
    double step = nice_step(s->v1 - s->v0 + 2 * pad, 5);
    s->v0 = round_to_step(s->v0 - pad, step, 0);
    s->v1 = round_to_step(s->v1 + pad, step, 1);
    if (unit != SL_UNIT_POUNDS && unit != SL_UNIT_UNSET && s->v0 < 0)
        s->v0 = 0;
    if (unit == SL_UNIT_PERCENT && s->v1 > 100 && s->v0 < 100)
        s->v1 = 100;
}

/* The trajectory's corners, as sl_trajectory_points gives them. */
typedef struct {
    int n;
    sl_day days[SL_TRAJECTORY_MAX_POINTS];
    double values[SL_TRAJECTORY_MAX_POINTS];
} corners;

/* Widens the scale to hold every point of a series. */
static void include_points(scale *s, const chart_point *points, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        include_day(s, points[i].day);
        include_value(s, points[i].value);
    }
}

/* Widens the scale to hold the trajectory's corners and the band around them. */
static void include_corners(scale *s, const corners *c, double tolerance)
{
    for (int i = 0; i < c->n; i++) {
        include_day(s, c->days[i]);
        include_value(s, c->values[i] + tolerance);
        include_value(s, c->values[i] - tolerance);
    }
}

/* ------------------------------------------------------------------------ */
/* Parts of a chart                                                          */
/* ------------------------------------------------------------------------ */

/* Appends a polyline through points (class cls, stroke colour; dashes and
 * series may be NULL). A single point becomes a level line across the plot. */
static void draw_line(sl_buf *out, const scale *s, const chart_point *points, size_t n, const char *cls,
                      const char *colour, const char *dashes, const char *series)
{
    if (n == 0)
        return;
    sl_buf_printf(out, "<polyline class=\"%a\" fill=\"none\" stroke=\"%a\" stroke-width=\"2\"", cls, colour);
    if (dashes)
        sl_buf_printf(out, " stroke-dasharray=\"%a\"", dashes);
    if (series) {
        sl_buf_puts(out, " data-series=\"");
        put_text(out, series);
        sl_buf_putc(out, '"');
    }
    sl_buf_puts(out, " points=\"");
    if (n == 1) {                               /* one figure: a level across the chart */
        put_xy(out, s->left, y_of(s, points[0].value));
        sl_buf_putc(out, ' ');
        put_xy(out, s->left + s->width, y_of(s, points[0].value));
    }
    for (size_t i = 0; n > 1 && i < n; i++) {
        if (i)
            sl_buf_putc(out, ' ');
        put_xy(out, x_of(s, points[i].day), y_of(s, points[i].value));
    }
    sl_buf_puts(out, "\"/>\n");
}

/* Appends the trajectory line, and with a tolerance the band around it,
 * from its first corner (or the chart's start) to the chart's end. */
static void draw_trajectory(sl_buf *out, const scale *s, const sl_measure_def *def, const corners *c)
{
    if (c->n == 0)
        return;
    sl_day days[SL_TRAJECTORY_MAX_POINTS + 2];
    int n = 0;
    sl_day start = c->days[0] == SL_NO_DAY || c->days[0] < s->d0 ? s->d0 : c->days[0];
    days[n++] = start;
    for (int i = 0; i < c->n; i++)
        if (c->days[i] != SL_NO_DAY && c->days[i] > start && c->days[i] < s->d1)
            days[n++] = c->days[i];
    days[n++] = s->d1;
    double expected[SL_TRAJECTORY_MAX_POINTS + 2];
    for (int i = 0; i < n; i++)
        sl_trajectory_expected(def, days[i], &expected[i]);
    if (def->tolerance > 0) {
        sl_buf_printf(out, "<polygon class=\"trajectory-band\" fill=\"%a\" fill-opacity=\"0.35\" points=\"",
                      COLOUR_BAND);
        for (int i = 0; i < n; i++) {
            put_xy(out, x_of(s, days[i]), y_of(s, expected[i] + def->tolerance));
            sl_buf_putc(out, ' ');
        }
        for (int i = n - 1; i >= 0; i--) {
            put_xy(out, x_of(s, days[i]), y_of(s, expected[i] - def->tolerance));
            sl_buf_putc(out, i ? ' ' : '"');
        }
        sl_buf_puts(out, "/>\n");
    }
    sl_buf_printf(out, "<polyline class=\"trajectory\" fill=\"none\" stroke=\"%a\" stroke-width=\"1\" points=\"",
                  COLOUR_TRAJECTORY);
    for (int i = 0; i < n; i++) {
        if (i)
            sl_buf_putc(out, ' ');
        put_xy(out, x_of(s, days[i]), y_of(s, expected[i]));
    }
    sl_buf_puts(out, "\"/>\n");
}

/* Appends the target as a diamond with a tooltip, when it has a day on the chart. */
static void draw_target(sl_buf *out, const scale *s, const sl_measure_def *def)
{
    double target;
    if (sl_measure_target_value(def, &target) < 0 || def->target.day == SL_NO_DAY)
        return;
    double x = x_of(s, def->target.day), y = y_of(s, target);
    char day[SL_DAY_TEXT_SIZE];
    sl_day_uk(def->target.day, day);
    sl_buf_puts(out, "<path class=\"target\" fill=\"" COLOUR_TEXT "\" d=\"M");
    put_xy(out, x, y - 6);
    sl_buf_puts(out, " L");
    put_xy(out, x + 6, y);
    sl_buf_puts(out, " L");
    put_xy(out, x, y + 6);
    sl_buf_puts(out, " L");
    put_xy(out, x - 6, y);
    sl_buf_puts(out, " Z\"><title>Target ");
    put_value(out, def->unit, target);
    put_textf(out, " by %s", day);
    sl_buf_puts(out, "</title></path>\n");
}

/* Appends a circle for one point, with its period and value as data and tooltip. */
static void draw_point(sl_buf *out, const scale *s, const chart_point *p, sl_unit unit, const char *cls,
                       const char *colour, double radius)
{
    char period[SL_PERIOD_TEXT], value[32];
    sl_period_format(&p->source->period, period);
    sl_measure_format_number(p->value, 6, value);
    sl_buf_printf(out, "<circle class=\"%a\" cx=\"", cls);
    put_num(out, x_of(s, p->day));
    sl_buf_puts(out, "\" cy=\"");
    put_num(out, y_of(s, p->value));
    sl_buf_puts(out, "\" r=\"");
    put_num(out, radius);
    sl_buf_printf(out, "\" fill=\"%a\" data-period=\"", colour);
    put_text(out, period);
    sl_buf_puts(out, "\" data-value=\"");
    put_text(out, value);
    sl_buf_puts(out, "\"><title>");
    put_textf(out, "%s: ", period);
    put_value(out, unit, p->value);
    sl_buf_puts(out, "</title></circle>\n");
}

/* Appends the grid, the value axis with its ticks and the month axis. */
static void draw_axes(sl_buf *out, const scale *s, sl_unit unit)
{
    double step = nice_step(s->v1 - s->v0, 5);
    double bottom = s->top + s->height, right = s->left + s->width;
    sl_buf_puts(out, "<g class=\"axes\" stroke=\"" COLOUR_GRID "\">\n");
    for (int i = 0; i <= 20; i++) {
        double value = s->v0 + step * i;
        if (value > s->v1 + step * 1e-9)
            break;
        double y = y_of(s, value);
        sl_buf_puts(out, "<line x1=\"");
        put_num(out, s->left);
        sl_buf_puts(out, "\" x2=\"");
        put_num(out, right);
        sl_buf_puts(out, "\" y1=\"");
        put_num(out, y);
        sl_buf_puts(out, "\" y2=\"");
        put_num(out, y);
        sl_buf_puts(out, "\"/><text stroke=\"none\" fill=\"" COLOUR_TEXT "\" text-anchor=\"end\" x=\"");
        put_num(out, s->left - 6);
        sl_buf_puts(out, "\" y=\"");
        put_num(out, y + 4);
        sl_buf_puts(out, "\">");
        put_value(out, unit == SL_UNIT_PERCENT ? unit : SL_UNIT_UNSET, value);
        sl_buf_puts(out, "</text>\n");
    }
    int y0, m0, y1, m1;
    sl_day_to_ymd(s->d0, &y0, &m0, NULL);
    sl_day_to_ymd(s->d1, &y1, &m1, NULL);
    int first = y0 * 12 + m0 - 1 + 1, last = y1 * 12 + m1 - 1;   /* whole months after d0 */
    if (sl_day_from_ymd(y0, m0, 1) == s->d0)
        first--;
    static const int steps[] = {1, 2, 3, 6, 12, 24, 60, 120, 600, 1200};
    int months = 1;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        months = steps[i];                      /* the smallest step giving at most 7 labels */
        if ((last - first) / months <= 6)
            break;
    }
    for (int k = first; k <= last; k += months) {
        sl_period month = {SL_PERIOD_MONTH, sl_day_from_ymd(k / 12, k % 12 + 1, 1), 0};
        char label[SL_PERIOD_TEXT];
        sl_period_format(&month, label);
        double x = x_of(s, month.first);
        sl_buf_puts(out, "<line x1=\"");
        put_num(out, x);
        sl_buf_puts(out, "\" x2=\"");
        put_num(out, x);
        sl_buf_puts(out, "\" y1=\"");
        put_num(out, bottom);
        sl_buf_puts(out, "\" y2=\"");
        put_num(out, bottom + 5);
        sl_buf_puts(out, "\"/><text stroke=\"none\" fill=\"" COLOUR_TEXT "\" text-anchor=\"middle\" x=\"");
        put_num(out, x);
        sl_buf_puts(out, "\" y=\"");
        put_num(out, bottom + 18);
        sl_buf_puts(out, "\">");
        put_text(out, label);
        sl_buf_puts(out, "</text>\n");
    }
    sl_buf_puts(out, "<line stroke=\"" COLOUR_TEXT "\" x1=\"");
    put_num(out, s->left);
    sl_buf_puts(out, "\" x2=\"");
    put_num(out, right);
    sl_buf_puts(out, "\" y1=\"");
    put_num(out, bottom);
    sl_buf_puts(out, "\" y2=\"");
    put_num(out, bottom);
    sl_buf_puts(out, "\"/>\n</g>\n");
}

/* Appends the legend under the month axis: actual, trajectory band and the
 * comparators that fit on the line (all of them are named in <desc>). */
static void draw_legend(sl_buf *out, const char *const names[], size_t n_names, double y)
{
    double x = 56;
    sl_buf_puts(out, "<g class=\"legend\">\n");
    sl_buf_puts(out, "<line x1=\"56\" x2=\"76\" y1=\"");
    put_num(out, y - 4);
    sl_buf_puts(out, "\" y2=\"");
    put_num(out, y - 4);
    sl_buf_puts(out, "\" stroke=\"" COLOUR_ACTUAL "\" stroke-width=\"2\"/><text x=\"80\" y=\"");
    put_num(out, y);
    sl_buf_puts(out, "\">");
    put_text(out, "actual");
    sl_buf_puts(out, "</text>\n<rect x=\"130\" width=\"20\" height=\"8\" fill=\"" COLOUR_BAND "\" y=\"");
    put_num(out, y - 8);
    sl_buf_puts(out, "\"/><text x=\"154\" y=\"");
    put_num(out, y);
    sl_buf_puts(out, "\">");
    put_text(out, "trajectory \xC2\xB1 tolerance");
    sl_buf_puts(out, "</text>\n");
    x = 300;
    for (size_t i = 0; i < n_names && x + 24 + 7.0 * (double)sl_utf8_width(names[i]) < CHART_WIDTH; i++) {
        sl_buf_puts(out, "<line x1=\"");
        put_num(out, x);
        sl_buf_puts(out, "\" x2=\"");
        put_num(out, x + 20);
        sl_buf_puts(out, "\" y1=\"");
        put_num(out, y - 4);
        sl_buf_puts(out, "\" y2=\"");
        put_num(out, y - 4);
        sl_buf_printf(out, "\" stroke=\"%a\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/><text x=\"",
                      series_colour(names[i]));
        put_num(out, x + 24);
        sl_buf_puts(out, "\" y=\"");
        put_num(out, y);
        sl_buf_puts(out, "\">");
        put_text(out, names[i]);
        sl_buf_puts(out, "</text>\n");
        x += 40 + 7.0 * (double)sl_utf8_width(names[i]);   /* about 7px a character at 12px */
    }
    sl_buf_puts(out, "</g>\n");
}

/* Appends a description of the measure in words for the <desc> element. */
static void describe(sl_buf *out, const sl_chart_measure *m, const sl_measure_status *status,
                     const char *const names[], size_t n_names, sl_day as_of)
{
    const sl_measure_def *def = m->def;
    char period[SL_PERIOD_TEXT], day[SL_DAY_TEXT_SIZE];
    if (status->has_latest) {
        sl_period_format(&status->latest_period, period);
        put_text(out, "Latest ");
        put_value(out, def->unit, status->latest);
        put_textf(out, " for %s. ", period);
    } else {
        put_text(out, "No figures yet. ");
    }
    put_textf(out, "Rating %s: ", rag_words(status->rag));
    put_text(out, status->reason);
    put_text(out, ".");
    const char *previous = sl_trend_name(status->vs_previous), *year_ago = sl_trend_name(status->vs_year_ago);
    if (*previous && *year_ago)
        put_textf(out, " Direction: %s on the previous period, %s on a year before.", previous, year_ago);
    else if (*previous)
        put_textf(out, " Direction: %s on the previous period.", previous);
    else if (*year_ago)
        put_textf(out, " Direction: %s on a year before.", year_ago);
    double target;
    if (sl_measure_target_value(def, &target) == 0) {
        put_text(out, " Target ");
        put_value(out, def->unit, target);
        if (def->target.day != SL_NO_DAY) {
            sl_day_uk(def->target.day, day);
            put_textf(out, " by %s", day);
        }
        put_text(out, ".");
    }
    for (size_t i = 0; i < n_names; i++) {
        const sl_measure_value *v = sl_measure_latest(m->values, m->n_values, def->code, names[i], as_of);
        if (!v)
            continue;
        sl_period_format(&v->period, period);
        put_text(out, " ");
        put_text(out, names[i]);
        put_text(out, " ");
        put_value(out, def->unit, v->value);
        put_textf(out, " for %s.", period);
    }
}

/* Appends the opening <svg> tag with its accessible name and description ids. */
static void open_svg(sl_buf *out, const char *code, int width, int height)
{
    sl_buf_printf(out,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                  "role=\"img\" font-family=\"sans-serif\" font-size=\"12\" aria-labelledby=\"",
                  width, height, width, height);
    put_id(out, code);
    sl_buf_puts(out, "-title ");
    put_id(out, code);
    sl_buf_puts(out, "-desc\">\n");
}

/* Appends "CODE: name" (or just the code). */
static void put_heading(sl_buf *out, const sl_measure_def *def)
{
    put_text(out, def->code[0] ? def->code : "measure");
    if (def->name && def->name[0]) {
        put_text(out, ": ");
        put_text(out, def->name);
    }
}

/* Appends text cut to at most max_chars characters (UTF-8 code points),
 * ending in "…" when cut, so that it fits the room left for it. */
static void put_text_clipped(sl_buf *out, const char *text, size_t max_chars)
{
    size_t chars = 0, cut = 0, len = strlen(text);
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80 && ++chars == max_chars)
            cut = i;
    if (chars <= max_chars || max_chars < 2) {
        put_text(out, text);
        return;
    }
    char *head = sl_strndup(text, cut);
    put_text(out, head);
    put_text(out, "…");
    free(head);
}

/* Appends the chart's heading as plain text (not escaped): "CODE: name". */
static void heading_text(sl_buf *text, const sl_measure_def *def)
{
    sl_buf_puts(text, def->code[0] ? def->code : "measure");
    if (def->name && def->name[0])
        sl_buf_cprintf(text, ": %s", def->name);
}

/* Opens a measure chart: the <svg> tag, <title>, <desc>, background,
 * visible heading and the rating with its direction. The visible heading is
 * cut short with "…" where it would run into the rating (the full name stays
 * in the title that screen readers and tooltips give). */
static void draw_header(sl_buf *out, const sl_chart_measure *m, const sl_measure_status *status,
                        const char *const names[], size_t n_names, sl_day as_of)
{
    const sl_measure_def *def = m->def;
    open_svg(out, def->code, CHART_WIDTH, CHART_HEIGHT);
    sl_buf_puts(out, "<title id=\"");
    put_id(out, def->code);
    sl_buf_puts(out, "-title\">");
    put_heading(out, def);
    sl_buf_puts(out, "</title>\n<desc id=\"");
    put_id(out, def->code);
    sl_buf_puts(out, "-desc\">");
    describe(out, m, status, names, n_names, as_of);
    sl_buf_puts(out, "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    char rating[96];
    snprintf(rating, sizeof rating, "%s%s%s", rag_words(status->rag),
             status->vs_previous != SL_TREND_NONE ? ", " : "", sl_trend_name(status->vs_previous));
    sl_buf heading = SL_BUF_INIT;
    heading_text(&heading, def);
    /* Room in characters: 15px bold runs about 9px a character, the 12px
     * rating about 7px; 32px of margins and a 24px gap between them. */
    int room = (CHART_WIDTH - 32 - 24 - 7 * (int)strlen(rating)) / 9;
    sl_buf_puts(out, "<text x=\"16\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"" COLOUR_TEXT "\">");
    put_text_clipped(out, sl_buf_str(&heading), room > 8 ? (size_t)room : 8);
    sl_buf_free(&heading);
    sl_buf_printf(out, "</text>\n<text class=\"rag\" x=\"%d\" y=\"22\" text-anchor=\"end\" fill=\"%a\">",
                  CHART_WIDTH - 16, rag_colour(status->rag));
    put_text(out, rating);
    sl_buf_puts(out, "</text>\n");
}

/* ------------------------------------------------------------------------ */
/* Charts                                                                    */
/* ------------------------------------------------------------------------ */

void sl_chart_measure_svg(sl_buf *out, const sl_chart_measure *m, sl_day as_of)
{
    const sl_measure_def *def = m->def;
    chart_point *points = sl_calloc((m->n_values + 1) * sizeof *points);
    const char *names[MAX_COMPARATORS];
    size_t n_names = comparator_names(m, as_of, names);
    sl_measure_status status;
    sl_measure_assess(def, m->values, m->n_values, as_of, &status);
    corners c;
    c.n = sl_trajectory_points(def, c.days, c.values);

    scale s = {0};
    s.left = 64, s.top = 44, s.width = CHART_WIDTH - 64 - 24, s.height = CHART_HEIGHT - 44 - 70;
    for (size_t k = 0; k < n_names; k++)
        include_points(&s, points, collect_series(m, names[k], as_of, points));
    size_t n = collect_series(m, SL_SERIES_ACTUAL, as_of, points);
    include_points(&s, points, n);
    include_corners(&s, &c, def->tolerance);
    finish_scale(&s, def->unit, as_of);

    draw_header(out, m, &status, names, n_names, as_of);
    draw_axes(out, &s, def->unit);
    draw_trajectory(out, &s, def, &c);
    draw_target(out, &s, def);
    for (size_t k = 0; k < n_names; k++) {
        size_t n_series = collect_series(m, names[k], as_of, points);
        draw_line(out, &s, points, n_series, "comparator", series_colour(names[k]), "6 4", names[k]);
    }
    n = collect_series(m, SL_SERIES_ACTUAL, as_of, points);
    if (n > 1)
        draw_line(out, &s, points, n, "actual", COLOUR_ACTUAL, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        int latest = i + 1 == n;
        draw_point(out, &s, &points[i], def->unit, latest ? "actual latest" : "actual",
                   latest ? rag_colour(status.rag) : COLOUR_ACTUAL, latest ? 6 : 3);
    }
    draw_legend(out, names, n_names, CHART_HEIGHT - 14);
    sl_buf_puts(out, "</svg>\n");
    free(points);
}

/* Appends one scorecard cell: code, latest value, RAG badge and mini chart. */
static void draw_cell(sl_buf *out, const sl_chart_measure *m, sl_day as_of, double x, double y, chart_point *points)
{
    const sl_measure_def *def = m->def;
    sl_measure_status status;
    sl_measure_assess(def, m->values, m->n_values, as_of, &status);
    corners c;
    c.n = sl_trajectory_points(def, c.days, c.values);
    size_t n = collect_series(m, SL_SERIES_ACTUAL, as_of, points);
    scale s = {0};
    s.left = 8, s.top = 48, s.width = CELL_WIDTH - 16, s.height = CELL_HEIGHT - 56;
    include_points(&s, points, n);
    include_corners(&s, &c, def->tolerance);
    finish_scale(&s, def->unit, as_of);

    sl_buf_puts(out, "<g class=\"cell\" transform=\"translate(");
    put_xy(out, x, y);
    sl_buf_puts(out, ")\"><title>");
    put_heading(out, def);
    put_textf(out, " (%s)", rag_words(status.rag));
    sl_buf_printf(out, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"" COLOUR_BAND
                       "\"/>\n<text x=\"8\" y=\"18\" font-weight=\"bold\">",
                  CELL_WIDTH, CELL_HEIGHT);
    put_text(out, def->code);
    sl_buf_printf(out, "</text>\n<rect class=\"rag\" x=\"%d\" y=\"6\" width=\"56\" height=\"18\" fill=\"%a\"/>"
                       "<text x=\"%d\" y=\"19\" text-anchor=\"middle\" fill=\"%a\">",
                  CELL_WIDTH - 62, rag_colour(status.rag), CELL_WIDTH - 34,
                  status.rag == SL_RAG_AMBER ? COLOUR_TEXT : "#ffffff");
    put_text(out, rag_words(status.rag));
    sl_buf_puts(out, "</text>\n<text class=\"latest\" x=\"8\" y=\"40\" font-size=\"16\">");
    if (status.has_latest)
        put_value(out, def->unit, status.latest);
    else
        put_text(out, "no data");
    sl_buf_puts(out, "</text>\n");
    draw_trajectory(out, &s, def, &c);
    draw_line(out, &s, points, n, "actual", COLOUR_ACTUAL, NULL, NULL);
    if (n > 0)
        draw_point(out, &s, &points[n - 1], def->unit, "actual latest", rag_colour(status.rag), 3.5);
    sl_buf_puts(out, "</g>\n");
}

void sl_chart_scorecard_svg(sl_buf *out, const sl_chart_measure *measures, size_t n, sl_day as_of,
                            const char *title)
{
    size_t columns = n < SCORECARD_COLUMNS ? (n ? n : 1) : SCORECARD_COLUMNS;
    size_t rows = (n + columns - 1) / columns;
    int width = (int)(columns * (CELL_WIDTH + CELL_GAP) + CELL_GAP);
    int height = (int)(rows * (CELL_HEIGHT + CELL_GAP) + 50);
    size_t most = 0, counts[4] = {0, 0, 0, 0};  /* green, amber, red, not rated */
    for (size_t i = 0; i < n; i++) {
        sl_measure_status status;
        sl_measure_assess(measures[i].def, measures[i].values, measures[i].n_values, as_of, &status);
        counts[status.rag == SL_RAG_GREEN ? 0 : status.rag == SL_RAG_AMBER ? 1 : status.rag == SL_RAG_RED ? 2 : 3]++;
        if (measures[i].n_values > most)
            most = measures[i].n_values;
    }
    char day[SL_DAY_TEXT_SIZE];
    sl_day_uk(as_of, day);
    open_svg(out, "scorecard", width, height);
    sl_buf_puts(out, "<title id=\"sl-scorecard-title\">");
    put_text(out, title ? title : "Scorecard");
    sl_buf_puts(out, "</title>\n<desc id=\"sl-scorecard-desc\">");
    put_textf(out, "%zu measures as of %s: %zu green, %zu amber, %zu red, %zu not rated.", n, day, counts[0],
              counts[1], counts[2], counts[3]);
    sl_buf_puts(out, "</desc>\n");
    sl_buf_printf(out, "<rect width=\"100%%\" height=\"100%%\" fill=\"#f3f2f1\"/>\n<text x=\"%d\" y=\"28\" "
                       "font-size=\"16\" font-weight=\"bold\">",
                  CELL_GAP);
    put_text(out, title ? title : "Scorecard");
    put_textf(out, " (as of %s)", day);
    sl_buf_puts(out, "</text>\n");
    chart_point *points = sl_calloc((most + 1) * sizeof *points);
    for (size_t i = 0; i < n; i++)
        draw_cell(out, &measures[i], as_of, (double)(CELL_GAP + (i % columns) * (CELL_WIDTH + CELL_GAP)),
                  (double)(40 + (i / columns) * (CELL_HEIGHT + CELL_GAP)), points);
    free(points);
    sl_buf_puts(out, "</svg>\n");
}

/* Appends a sparkline's label as plain text (not escaped): "CODE: latest VALUE (RAG)". */
static void sparkline_label(sl_buf *text, const sl_measure_def *def, const sl_measure_status *status)
{
    sl_buf_puts(text, def->code);
    if (status->has_latest) {
        char value[SL_VALUE_TEXT];
        sl_unit_format_value(def->unit, status->latest, value);
        sl_buf_cprintf(text, ": latest %s (%s)", value, rag_words(status->rag));
    } else {
        sl_buf_puts(text, ": no data");
    }
}

void sl_chart_sparkline_svg(sl_buf *out, const sl_chart_measure *m, sl_day as_of)
{
    const sl_measure_def *def = m->def;
    chart_point *points = sl_calloc((m->n_values + 1) * sizeof *points);
    size_t n = collect_series(m, SL_SERIES_ACTUAL, as_of, points);
    sl_measure_status status;
    sl_measure_assess(def, m->values, m->n_values, as_of, &status);
    scale s = {0};
    s.left = 2, s.top = 3, s.width = SPARK_WIDTH - 6, s.height = SPARK_HEIGHT - 6;
    include_points(&s, points, n);
    finish_scale(&s, def->unit, as_of);

    sl_buf label_text = SL_BUF_INIT, *label = &label_text;
    sparkline_label(label, def, &status);
    sl_buf_printf(out,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
                  SPARK_WIDTH, SPARK_HEIGHT, SPARK_WIDTH, SPARK_HEIGHT);
    put_text(out, sl_buf_str(label));
    sl_buf_puts(out, "\"><title>");
    put_text(out, sl_buf_str(label));
    sl_buf_puts(out, "</title>");
    sl_buf_free(label);
    if (n > 1) {
        sl_buf_puts(out, "<polyline fill=\"none\" stroke=\"" COLOUR_ACTUAL "\" stroke-width=\"1.5\" points=\"");
        for (size_t i = 0; i < n; i++) {
            if (i)
                sl_buf_putc(out, ' ');
            put_xy(out, x_of(&s, points[i].day), y_of(&s, points[i].value));
        }
        sl_buf_puts(out, "\"/>");
    }
    if (n > 0) {
        sl_buf_printf(out, "<circle r=\"2.5\" fill=\"%a\" cx=\"", rag_colour(status.rag));
        put_num(out, x_of(&s, points[n - 1].day));
        sl_buf_puts(out, "\" cy=\"");
        put_num(out, y_of(&s, points[n - 1].value));
        sl_buf_puts(out, "\"/>");
    }
    sl_buf_puts(out, "</svg>");
    free(points);
}
