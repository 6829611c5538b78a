/* meeting_page.h — what the meeting page (page_meeting.c) and its forms
 * (meeting_forms.c) share: a posted form's fields with their errors, so a
 * refused form is shown again beside the meeting with what was typed. */
#ifndef SL_WEB_MEETING_PAGE_H
#define SL_WEB_MEETING_PAGE_H
#include "web/governance_web.h"

#define SL_MEETING_MAX_FIELDS 4

/* The form that was posted and refused: its name ("agenda") and fields. */
typedef struct {
    const char *form;
    sl_gov_field fields[SL_MEETING_MAX_FIELDS];
    size_t n;
} sl_meeting_posted;

/* Writes the meeting page; posted (may be NULL) is a refused form to show
 * again with its errors. */
void sl_meeting_render(sl_request *req, const sl_meeting *m, const sl_gov_board *g, const sl_meeting_posted *posted);
/* Appends the forms of those who run the board: attendance, agenda, minutes,
 * decisions, actions arising, publishing the papers; the posted form (may be
 * NULL) keeps its values and errors. */
void sl_meeting_forms(sl_request *req, const sl_meeting *m, const sl_board *bd, const sl_meeting_posted *posted);

#endif
