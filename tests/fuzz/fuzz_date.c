/* fuzz_date.c — libFuzzer target for the date parser: arbitrary bytes must
 * never crash sl_date_parse or sl_date_text_year, and every value it
 * accepts must hold the invariants of date.h. Seeds: corpus/date/. */
#include "domain/date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Aborts (a finding for the fuzzer) when cond is false. */
static void require(int cond)
{
    if (!cond)
        abort();
}

/* Checks the invariants of one parse result. */
static void check_value(sl_date_status status, const sl_date_value *v, const char *why, size_t why_len)
{
    require(memchr(why, '\0', why_len) != NULL);
    require(v->n_milestones >= 0 && v->n_milestones <= SL_MAX_MILESTONES);
    if (status != SL_DATE_OK) {
        require(v->earliest == SL_NO_DAY && v->latest == SL_NO_DAY && v->n_milestones == 0);
        return;
    }
    if (v->vague || v->n_milestones == 0) {
        require(v->precision == SL_PREC_NONE && v->earliest == SL_NO_DAY && v->latest == SL_NO_DAY);
        return;
    }
    require(v->earliest != SL_NO_DAY);
    if (v->latest != SL_NO_DAY)
        require(v->earliest <= v->latest);
    else
        require(v->open_ended);
    for (int i = 0; i < v->n_milestones; i++) {
        const sl_milestone *m = &v->milestones[i];
        int y, mo, d;
        require(m->earliest <= m->latest && m->earliest >= v->earliest);
        require(v->latest == SL_NO_DAY || m->latest <= v->latest);
        require(memchr(m->label, '\0', sizeof m->label) != NULL);
        sl_day_to_ymd(m->earliest, &y, &mo, &d);
        require(sl_ymd_valid(y, mo, d) && sl_day_from_ymd(y, mo, d) == m->earliest);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int context_years[] = {0, 2017, 2021};
    /* Copy into an exact-size heap block so reading past size is caught. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);
    for (size_t k = 0; k < sizeof context_years / sizeof context_years[0]; k++) {
        sl_date_value v;
        char why[64];
        sl_date_status status = sl_date_parse(text, size, context_years[k], &v, why, sizeof why);
        require(status >= SL_DATE_EMPTY && status <= SL_DATE_UNREADABLE);
        check_value(status, &v, why, sizeof why);
    }
    {
        int year = sl_date_text_year(text, size);
        require(year == 0 || (year >= 1900 && year <= 2199));
    }
    free(text);
    return 0;
}
