/* backend.h — what a storage backend implements. Included by store.c and the
 * backends only; the rest of sightline sees store.h. Each function has the
 * meaning of its sl_store_* twin in store.h. */
#ifndef SL_STORE_BACKEND_H
#define SL_STORE_BACKEND_H
#include "store/store.h"

typedef struct {
    const char *name;
    void (*close)(sl_store *store);
    int (*backup)(sl_store *store, const char *path, sl_error *err);
    int (*restore)(sl_store *store, const char *path, sl_error *err);
    int (*check)(sl_store *store, sl_error *err);
    int (*begin)(sl_store *store, sl_error *err);
    int (*commit)(sl_store *store, sl_error *err);
    void (*rollback)(sl_store *store);
    int (*find_plan)(sl_store *store, const char *authority, const char *title, int64_t *id,
                     int *version, char sha[65], sl_error *err);
    int (*save_plan)(sl_store *store, const sl_plan *plan, sl_day baseline_day, const char *actor,
                     int64_t *plan_id, sl_error *err);
    int (*each_plan)(sl_store *store, int all, sl_plan_cb cb, void *ctx, sl_error *err);
    int (*resolve_plan)(sl_store *store, const char *name, int64_t *plan_id, sl_error *err);
    int (*each_action)(sl_store *store, const sl_action_query *q, sl_action_cb cb, void *ctx,
                       sl_error *err);
    int (*find_actions)(sl_store *store, int64_t plan_id, const char *ref, int64_t *ids, int max,
                        sl_error *err);
    int (*load_plan)(sl_store *store, int64_t plan_id, sl_plan *out, sl_error *err);
    int (*load_action)(sl_store *store, int64_t action_id, sl_plan *out, sl_error *err);
    int (*add_update)(sl_store *store, const sl_update *update, const char *actor, sl_error *err);
    int (*set_rules)(sl_store *store, int64_t plan_id, const sl_rag_rules *rules, const char *actor,
                     sl_error *err);
    int (*link_recommendation)(sl_store *store, int64_t action_id, int number, const char *actor,
                               sl_error *err);
    int (*carry_forward)(sl_store *store, int64_t from_action_id, int64_t to_action_id,
                         const char *actor, sl_error *err);
    int (*each_link)(sl_store *store, int64_t action_id, sl_link_cb cb, void *ctx, sl_error *err);
    int (*each_recommendation)(sl_store *store, int64_t plan_id, sl_recommendation_cb cb, void *ctx,
                               sl_error *err);
    int (*user_add)(sl_store *store, const sl_user *user, const char *actor, sl_error *err);
    int (*user_find)(sl_store *store, const char *login, sl_user *out, sl_error *err);
    int (*session_add)(sl_store *store, const char *token_hash, int64_t user_id, const char *csrf,
                       int64_t now, sl_error *err);
    int (*session_find)(sl_store *store, const char *token_hash, sl_session *out, sl_error *err);
    int (*session_touch)(sl_store *store, const char *token_hash, int64_t now, sl_error *err);
    int (*session_delete)(sl_store *store, const char *token_hash, sl_error *err);
    int (*login_failure)(sl_store *store, const char *login, int64_t now, int64_t since,
                         int *recent, sl_error *err);
    int (*login_failures)(sl_store *store, const char *login, int64_t since, int *recent,
                          sl_error *err);
    int (*comment_add)(sl_store *store, int64_t action_id, const char *text, const char *actor,
                       sl_error *err);
    int (*each_comment)(sl_store *store, int64_t action_id, int latest, sl_comment_cb cb, void *ctx,
                        sl_error *err);
    int (*commentary_add)(sl_store *store, const sl_commentary *commentary, const char *actor,
                          sl_error *err);
    int (*each_commentary)(sl_store *store, const char *report, int64_t plan_id, sl_day as_of,
                           sl_commentary_cb cb, void *ctx, sl_error *err);
    int (*find_inspection)(sl_store *store, const char *authority, sl_day start, int64_t *id,
                           sl_error *err);
    int (*save_inspection)(sl_store *store, const sl_inspection *inspection,
                           const char *authority_code, const char *actor,
                           int64_t *id, sl_error *err);
    int (*each_inspection)(sl_store *store, sl_inspection_cb cb, void *ctx, sl_error *err);
    int (*load_inspections)(sl_store *store, sl_inspection_list *out, sl_error *err);
    int (*measure_add)(sl_store *store, const sl_measure_def *def, int64_t action_id,
                       const char *actor, sl_error *err);
    int (*measures)(sl_store *store, sl_measure_def **defs, int64_t **action_ids, sl_error *err);
    int (*measure_values_put)(sl_store *store, const sl_measure_value *values, size_t n,
                              const char *file, const char *actor, sl_error *err);
    int (*measure_values)(sl_store *store, const char *code, sl_measure_value **values,
                          sl_error *err);
    int (*workforce_add)(sl_store *store, const sl_workforce_snapshot *snapshot, const char *actor,
                         sl_error *err);
    int (*workforce)(sl_store *store, sl_workforce_snapshot **out, sl_error *err);
    int (*case_audit_add)(sl_store *store, const char *service, const sl_case_audit *audit,
                          const char *measure_code, const char *actor, sl_error *err);
    int (*case_audits)(sl_store *store, sl_case_audit_row **out, sl_error *err);
    int (*generation)(sl_store *store, int64_t *generation, sl_error *err);
    int (*each_recent_audit)(sl_store *store, int limit, sl_audit_cb cb, void *ctx, sl_error *err);
    int (*each_person)(sl_store *store, sl_person_cb cb, void *ctx, sl_error *err);
    int (*each_update)(sl_store *store, int64_t action_id, int latest, sl_update_cb cb, void *ctx,
                       sl_error *err);
    int (*latest_update)(sl_store *store, int64_t action_id, sl_day as_of, sl_update_cb cb,
                         void *ctx, sl_error *err);
    int (*each_audit)(sl_store *store, const char *entity, int64_t entity_id, int latest, sl_audit_cb cb,
                      void *ctx, sl_error *err);
    int (*board_add)(sl_store *store, const sl_board *board, const char *actor, int64_t *id, sl_error *err);
    int (*board_save)(sl_store *store, const sl_board *board, const char *actor, int64_t *id, sl_error *err);
    int (*board_find)(sl_store *store, const char *name, sl_board *out, int64_t *id, sl_error *err);
    int (*boards)(sl_store *store, sl_board **out, int64_t **ids, sl_error *err);
    int (*meeting_add)(sl_store *store, int64_t board_id, const sl_meeting *meeting, const char *actor, int64_t *id, sl_error *err);
    int (*meetings)(sl_store *store, int64_t board_id, sl_meeting **out, sl_error *err);
    int (*meeting_find)(sl_store *store, int64_t board_id, sl_day day, sl_meeting *out, sl_error *err);
    int (*meeting_move)(sl_store *store, int64_t meeting_id, sl_day to, const char *actor, sl_error *err);
    int (*meeting_publish)(sl_store *store, int64_t meeting_id, sl_day day, const char *actor, sl_error *err);
    int (*meeting_minutes)(sl_store *store, int64_t meeting_id, const char *text, const char *actor, sl_error *err);
    int (*meeting_approve)(sl_store *store, int64_t meeting_id, int64_t approver_id, const char *actor, sl_error *err);
    int (*attendance_set)(sl_store *store, int64_t meeting_id, const sl_attendance *row, const char *actor, sl_error *err);
    int (*agenda_add)(sl_store *store, int64_t meeting_id, const sl_agenda_item *item, const char *actor, sl_error *err);
    int (*decision_add)(sl_store *store, int64_t meeting_id, const char *text, const char *actor, sl_error *err);
    int (*arising_add)(sl_store *store, int64_t meeting_id, const sl_arising *a, const char *actor, int64_t *id, sl_error *err);
    int (*arising_update)(sl_store *store, int64_t id, sl_status status, const char *note, const char *actor, sl_error *err);
    int (*arisings)(sl_store *store, int64_t board_id, int open_only, sl_arising **out, sl_error *err);
    int (*risk_add)(sl_store *store, const sl_risk *risk, const char *actor, char **ref, sl_error *err);
    int (*risk_review)(sl_store *store, const char *ref, const sl_risk_review *review, const char *actor, sl_error *err);
    int (*risks)(sl_store *store, sl_risk **out, sl_error *err);
    int (*savings_set)(sl_store *store, int64_t plan_id, const char *project, int fy_start_year, double forecast, double delivered, const char *actor, sl_error *err);
    int (*savings)(sl_store *store, int64_t plan_id, sl_savings_row **out, sl_error *err);
    int (*calendar_token_add)(sl_store *store, const char *login, const char *token_hash, const char *actor, int64_t *id, sl_error *err);
    int (*calendar_tokens)(sl_store *store, const char *login, sl_calendar_token **out, sl_error *err);
    int (*calendar_token_revoke)(sl_store *store, int64_t id, const char *actor, sl_error *err);
    int (*calendar_token_check)(sl_store *store, const char *token_hash, int64_t *user_id, sl_error *err);
    int (*arising_history)(sl_store *store, int64_t id, sl_arising_update **out, sl_error *err);
    int (*risk_history)(sl_store *store, const char *ref, sl_risk_history **out, sl_error *err);
} sl_store_ops;

/* Every backend's store begins with this header. */
struct sl_store {
    const sl_store_ops *ops;
};

/* Opens an SQLite database file (see sl_store_open). */
sl_store *sl_sqlite_open(const char *path, int create, sl_error *err);

#endif
