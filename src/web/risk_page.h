/* risk_page.h — what the risk log page (page_risks.c) and its forms
 * (risk_forms.c) share: a refused form's fields, shown again with the
 * messages beside them and what was typed. */
#ifndef SL_WEB_RISK_PAGE_H
#define SL_WEB_RISK_PAGE_H
#include "web/governance_web.h"

#define SL_RISK_MAX_FIELDS 7

/* A refused form: the add form (risk_id 0) or the review of risk risk_id. */
typedef struct {
    int64_t risk_id;
    sl_gov_field fields[SL_RISK_MAX_FIELDS];
    char names[SL_RISK_MAX_FIELDS][32];     /* the fields' names ("r3-likelihood") */
    size_t n;
} sl_risk_posted;

/* Writes the risk log page; posted (may be NULL) is a refused form. */
void sl_risks_render(sl_request *req, const sl_risk_posted *posted);
/* Returns 1 when the signed-in user may review risk r (its owner, or programme and above). */
int sl_risk_may_review(sl_request *req, const sl_risk *r);

#endif
