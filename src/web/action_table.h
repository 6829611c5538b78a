/* action_table.h — rated actions gathered for a page (copied out of the
 * store's rows so they can be sorted and grouped) and the HTML table that
 * lists them on the dashboard, the action list and "my actions". */
#ifndef SL_WEB_ACTION_TABLE_H
#define SL_WEB_ACTION_TABLE_H
#include "report/action_list.h"
#include "web/web.h"

typedef struct {
    int64_t id;
    int64_t plan_id;
    char *plan_title;
    char *ref;
    char *title;
    char *theme_ref;
    char *theme;
    char *due_text;
    char *sro;
    char *leads;
    char *status_text;
    char *note;
    sl_day due;
    sl_day last_update;
    sl_status status;
    sl_rag_result rag;
} sl_web_action;

typedef struct {
    sl_web_action *items;
    size_t n;
} sl_web_actions;

/* Gathers the actions passing the filter (and, when search is set, whose
 * ref, title, leads or narrative contain it). Returns 0, or -1 after writing
 * an error page. The caller frees with sl_web_actions_free. */
int sl_web_actions_load(sl_request *req, const sl_action_filter *filter, const char *search,
                        sl_web_actions *out);
/* Frees what sl_web_actions_load gathered. */
void sl_web_actions_free(sl_web_actions *list);
/* Sorts by "ref" (plan order, the default), "due", "rag" (worst first) or "status". */
void sl_web_actions_sort(sl_web_actions *list, const char *by);
/* Writes a GOV.UK table of the actions with a caption; "None." when empty. */
void sl_web_action_table(sl_request *req, const sl_web_actions *list, const char *caption,
                         int show_plan);

#endif
