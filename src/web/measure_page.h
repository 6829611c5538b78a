/* measure_page.h — what the measure page (page_measure.c) and its forms
 * (measure_forms.c) share: a form as posted, shown again with each field's
 * message beside it and what was typed, never empty. */
#ifndef SL_WEB_MEASURE_PAGE_H
#define SL_WEB_MEASURE_PAGE_H
#include "domain/figure.h"
#include "web/governance_web.h"

/* A figure form as sent, with its problems (NULL: a fresh form). */
typedef struct {
    sl_figure_form typed;               /* every field as sent */
    const sl_figure_checked *checked;   /* each field's problem; NULL when none was checked */
    const char *period_problem;         /* a problem of the period found by the store ("already recorded") */
    const char *notice;                 /* a problem of the whole form (a stale correction), shown first */
    int version;                        /* the version the correction form carries */
} sl_measure_posted;

/* Writes the measure page of code: chart, figures, history and, for those
 * who may, the form to enter a figure (posted: a refused entry, or NULL). */
void sl_measure_render(sl_request *req, const char *code, const sl_measure_posted *posted);
/* Writes the page correcting the figure of code for period_text (posted: a
 * refused correction, or NULL for the form filled from what is stored). */
void sl_measure_correct_render(sl_request *req, const char *code, const char *period_text,
                               const sl_measure_posted *posted);

/* Pages (routes.c). */
void sl_page_measure_correct(sl_request *req);
void sl_page_measure_enter_post(sl_request *req);
void sl_page_measure_correct_post(sl_request *req);

#endif
