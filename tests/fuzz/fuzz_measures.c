/* fuzz_measures.c — libFuzzer target for the measures readers: arbitrary
 * bytes go through the prose reader (measure_text), the period parser and
 * the `measures load` reader, and whatever they accept is assessed and
 * charted. Nothing may crash or leak, and what is accepted must hold the
 * invariants of the headers. Seeds: corpus/measures/seed-*. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/measure.h"
#include "domain/period.h"
#include "domain/trajectory.h"
#include "import/kind/measure/measure_text.h"
#include "import/kind/measure/measure_values.h"
#include "report/chart_svg.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts (a finding for the fuzzer) when cond is false. */
static void require(int cond)
{
    if (!cond)
        abort();
}

/* Checks every suggestion the prose reader gives for text. */
static void fuzz_text(const char *text, size_t size)
{
    static const int context_years[] = {0, 2014, 2017};
    for (size_t k = 0; k < sizeof context_years / sizeof context_years[0]; k++) {
        sl_measure_suggestion *list = NULL;
        size_t n = sl_measure_text_suggest(text, size, context_years[k], &list);
        require(n <= SL_MEASURE_TEXT_MAX_SUGGESTIONS && (n == 0) == (list == NULL));
        for (size_t i = 0; i < n; i++) {
            const sl_measure_def *def = &list[i].def;
            require(list[i].start < list[i].end && list[i].end <= size);
            require(def->baseline.set || def->target.set || def->n_milestones > 0);
            require(def->n_milestones >= 0 && def->n_milestones <= SL_MEASURE_MAX_MILESTONES);
            require(def->code[0] == '\0' && def->suggested_from != NULL);
            for (const char *c = def->name; c && *c; c++)
                require((unsigned char)*c >= 0x20 && *c != 0x7f);
            size_t bad;
            require(!def->name || (strlen(def->name) <= SL_MEASURE_TEXT_NAME_MAX &&
                                   sl_utf8_valid(def->name, strlen(def->name), &bad)));
        }
        sl_measure_suggestions_free(list, n);
    }
}

/* Parses the whole input as a period; an accepted period must format and
 * parse back to itself. */
static void fuzz_period(const char *text, size_t size)
{
    sl_period p, again;
    char why[160], formatted[SL_PERIOD_TEXT];
    if (sl_period_parse(text, size, &p, why, sizeof why) < 0) {
        require(memchr(why, '\0', sizeof why) != NULL && why[0] != '\0');
        return;
    }
    require(p.kind != SL_PERIOD_NONE && p.first <= p.last);
    sl_period_format(&p, formatted);
    require(sl_period_parse(formatted, strlen(formatted), &again, NULL, 0) == 0 && sl_period_equal(&p, &again));
    sl_period previous = sl_period_shift(&p, SL_FREQ_MONTHLY, -1);
    require(previous.first < p.first || p.kind != SL_PERIOD_MONTH);
}

/* Knows every well-formed code: its first letter picks the unit and its
 * length the frequency, so every check of the reader is reachable. */
static int fuzz_lookup(void *ctx, const char *code, sl_measure_shape *shape)
{
    (void)ctx;
    if (code[0] == 'X')
        return 0;
    shape->unit = (sl_unit)(1 + (unsigned char)code[0] % 6);
    shape->frequency = (sl_frequency)(strlen(code) % 4);
    return 1;
}

/* Reads the input as a `measures load` file; accepted rows are assessed and
 * charted as one measure. */
static void fuzz_values(const char *text, size_t size)
{
    sl_measure_value *rows = NULL;
    size_t n = 0;
    sl_error err = {0};
    if (sl_measure_values_read(text, size, "fuzz.csv", fuzz_lookup, NULL, &rows, &n, &err) < 0) {
        require(err.set && err.line >= 1 && rows == NULL && n == 0);
        return;
    }
    if (n > 0) {
        sl_measure_def def;
        sl_measure_status status;
        sl_measure_def_init(&def);
        memcpy(def.code, rows[0].code, sizeof def.code);
        def.polarity = SL_POLARITY_HIGHER;
        def.unit = SL_UNIT_COUNT;
        def.target.set = 1;
        def.target.value = rows[0].value;
        def.target.day = rows[0].period.last;
        sl_measure_assess(&def, rows, n, rows[n - 1].period.last + 1, &status);
        sl_chart_measure m = {&def, rows, n};
        sl_buf svg = SL_BUF_INIT;
        sl_chart_sparkline_svg(&svg, &m, rows[n - 1].period.last + 1);
        sl_chart_measure_svg(&svg, &m, rows[n - 1].period.last + 1);
        sl_buf_free(&svg);
    }
    free(rows);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size heap copy, so reading past size is caught. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);
    fuzz_text(text, size);
    if (size <= 64)
        fuzz_period(text, size);
    fuzz_values(text, size);
    free(text);
    return 0;
}
