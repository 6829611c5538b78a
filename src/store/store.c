/* store.c — chooses a backend by the database's name and forwards each call
 * to it (see store.h). */
#include "store/backend.h"

#include <stdlib.h>
#include <string.h>

/* Returns 1 when path names a PostgreSQL database rather than a file. */
static int is_postgres_url(const char *path)
{
    return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
}

sl_store *sl_store_open(const char *path, int create, sl_error *err)
{
    if (is_postgres_url(path)) {
        sl_fail(err, "%s: this build of sightline has no PostgreSQL backend yet", path);
        return NULL;
    }
    return sl_sqlite_open(path, create, err);
}

void sl_store_close(sl_store *s)
{
    if (s)
        s->ops->close(s);
}

int sl_store_backup(sl_store *s, const char *path, sl_error *err) { return s->ops->backup(s, path, err); }
int sl_store_restore(sl_store *s, const char *path, sl_error *err) { return s->ops->restore(s, path, err); }
int sl_store_check(sl_store *s, sl_error *err) { return s->ops->check(s, err); }
int sl_store_begin(sl_store *s, sl_error *err) { return s->ops->begin(s, err); }
int sl_store_commit(sl_store *s, sl_error *err) { return s->ops->commit(s, err); }
void sl_store_rollback(sl_store *s) { s->ops->rollback(s); }

int sl_store_find_plan(sl_store *s, const char *authority, const char *title, int64_t *id,
                       int *version, char sha[65], sl_error *err)
{
    return s->ops->find_plan(s, authority, title, id, version, sha, err);
}

int sl_store_save_plan(sl_store *s, const sl_plan *plan, sl_day baseline_day, const char *actor,
                       int64_t *plan_id, sl_error *err)
{
    return s->ops->save_plan(s, plan, baseline_day, actor, plan_id, err);
}

int sl_store_each_plan(sl_store *s, int all, sl_plan_cb cb, void *ctx, sl_error *err)
{
    return s->ops->each_plan(s, all, cb, ctx, err);
}

int sl_store_resolve_plan(sl_store *s, const char *name, int64_t *plan_id, sl_error *err)
{
    return s->ops->resolve_plan(s, name, plan_id, err);
}

int sl_store_each_action(sl_store *s, const sl_action_query *q, sl_action_cb cb, void *ctx,
                         sl_error *err)
{
    return s->ops->each_action(s, q, cb, ctx, err);
}

int sl_store_find_actions(sl_store *s, int64_t plan_id, const char *ref, int64_t *ids, int max,
                          sl_error *err)
{
    return s->ops->find_actions(s, plan_id, ref, ids, max, err);
}

int sl_store_load_plan(sl_store *s, int64_t plan_id, sl_plan *out, sl_error *err)
{
    return s->ops->load_plan(s, plan_id, out, err);
}

int sl_store_load_action(sl_store *s, int64_t action_id, sl_plan *out, sl_error *err)
{
    return s->ops->load_action(s, action_id, out, err);
}

int sl_store_add_update(sl_store *s, const sl_update *update, const char *actor, sl_error *err)
{
    return s->ops->add_update(s, update, actor, err);
}

int sl_store_set_rules(sl_store *s, int64_t plan_id, const sl_rag_rules *rules, const char *actor,
                       sl_error *err)
{
    return s->ops->set_rules(s, plan_id, rules, actor, err);
}

int sl_store_link_recommendation(sl_store *s, int64_t action_id, int number, const char *actor,
                                 sl_error *err)
{
    return s->ops->link_recommendation(s, action_id, number, actor, err);
}

int sl_store_carry_forward(sl_store *s, int64_t from_action_id, int64_t to_action_id,
                           const char *actor, sl_error *err)
{
    return s->ops->carry_forward(s, from_action_id, to_action_id, actor, err);
}

int sl_store_each_link(sl_store *s, int64_t action_id, sl_link_cb cb, void *ctx, sl_error *err)
{
    return s->ops->each_link(s, action_id, cb, ctx, err);
}

int sl_store_each_recommendation(sl_store *s, int64_t plan_id, sl_recommendation_cb cb, void *ctx,
                                 sl_error *err)
{
    return s->ops->each_recommendation(s, plan_id, cb, ctx, err);
}

int sl_store_user_add(sl_store *s, const sl_user *user, const char *actor, sl_error *err)
{
    return s->ops->user_add(s, user, actor, err);
}

int sl_store_user_find(sl_store *s, const char *login, sl_user *out, sl_error *err)
{
    return s->ops->user_find(s, login, out, err);
}

int sl_store_session_add(sl_store *s, const char *token_hash, int64_t user_id, const char *csrf,
                         int64_t now, sl_error *err)
{
    return s->ops->session_add(s, token_hash, user_id, csrf, now, err);
}

int sl_store_session_find(sl_store *s, const char *token_hash, sl_session *out, sl_error *err)
{
    return s->ops->session_find(s, token_hash, out, err);
}

int sl_store_session_touch(sl_store *s, const char *token_hash, int64_t now, sl_error *err)
{
    return s->ops->session_touch(s, token_hash, now, err);
}

int sl_store_session_delete(sl_store *s, const char *token_hash, sl_error *err)
{
    return s->ops->session_delete(s, token_hash, err);
}

int sl_store_login_failure(sl_store *s, const char *login, int64_t now, int64_t since, int *recent,
                           sl_error *err)
{
    return s->ops->login_failure(s, login, now, since, recent, err);
}

int sl_store_login_failures(sl_store *s, const char *login, int64_t since, int *recent,
                            sl_error *err)
{
    return s->ops->login_failures(s, login, since, recent, err);
}

int sl_store_comment_add(sl_store *s, int64_t action_id, const char *text, const char *actor,
                         sl_error *err)
{
    return s->ops->comment_add(s, action_id, text, actor, err);
}

int sl_store_each_comment(sl_store *s, int64_t action_id, int latest, sl_comment_cb cb, void *ctx,
                          sl_error *err)
{
    return s->ops->each_comment(s, action_id, latest, cb, ctx, err);
}

int sl_store_find_inspection(sl_store *s, const char *authority, sl_day start, int64_t *id,
                             sl_error *err)
{
    return s->ops->find_inspection(s, authority, start, id, err);
}

int sl_store_save_inspection(sl_store *s, const sl_inspection *inspection,
                             const char *authority_code, const char *actor,
                             int64_t *id, sl_error *err)
{
    return s->ops->save_inspection(s, inspection, authority_code, actor, id, err);
}

int sl_store_each_inspection(sl_store *s, sl_inspection_cb cb, void *ctx, sl_error *err)
{
    return s->ops->each_inspection(s, cb, ctx, err);
}

int sl_store_measure_add(sl_store *s, const sl_measure_def *def, int64_t action_id,
                         const char *actor, sl_error *err)
{
    return s->ops->measure_add(s, def, action_id, actor, err);
}

int sl_store_measures(sl_store *s, sl_measure_def **defs, int64_t **action_ids, sl_error *err)
{
    return s->ops->measures(s, defs, action_ids, err);
}

int sl_store_measure_values_put(sl_store *s, const sl_measure_value *values, size_t n,
                                const char *file, const char *actor, sl_error *err)
{
    return s->ops->measure_values_put(s, values, n, file, actor, err);
}

int sl_store_measure_values(sl_store *s, const char *code, sl_measure_value **values,
                            sl_error *err)
{
    return s->ops->measure_values(s, code, values, err);
}

int sl_store_load_inspections(sl_store *s, sl_inspection_list *out, sl_error *err)
{
    return s->ops->load_inspections(s, out, err);
}

int sl_store_workforce_add(sl_store *s, const sl_workforce_snapshot *snapshot, const char *actor,
                           sl_error *err)
{
    return s->ops->workforce_add(s, snapshot, actor, err);
}

int sl_store_workforce(sl_store *s, sl_workforce_snapshot **out, sl_error *err)
{
    return s->ops->workforce(s, out, err);
}

int sl_store_case_audit_add(sl_store *s, const char *service, const sl_case_audit *audit,
                            const char *measure_code, const char *actor, sl_error *err)
{
    return s->ops->case_audit_add(s, service, audit, measure_code, actor, err);
}

int sl_store_case_audits(sl_store *s, sl_case_audit_row **out, sl_error *err)
{
    return s->ops->case_audits(s, out, err);
}

int sl_store_generation(sl_store *s, int64_t *generation, sl_error *err)
{
    return s->ops->generation(s, generation, err);
}

int sl_store_each_recent_audit(sl_store *s, int limit, sl_audit_cb cb, void *ctx, sl_error *err)
{
    return s->ops->each_recent_audit(s, limit, cb, ctx, err);
}

int sl_store_each_person(sl_store *s, sl_person_cb cb, void *ctx, sl_error *err)
{
    return s->ops->each_person(s, cb, ctx, err);
}

int sl_store_each_update(sl_store *s, int64_t action_id, int latest, sl_update_cb cb, void *ctx,
                         sl_error *err)
{
    return s->ops->each_update(s, action_id, latest, cb, ctx, err);
}

int sl_store_latest_update(sl_store *s, int64_t action_id, sl_day as_of, sl_update_cb cb,
                           void *ctx, sl_error *err)
{
    return s->ops->latest_update(s, action_id, as_of, cb, ctx, err);
}

int sl_store_each_audit(sl_store *s, const char *entity, int64_t entity_id, int latest, sl_audit_cb cb,
                        void *ctx, sl_error *err)
{
    return s->ops->each_audit(s, entity, entity_id, latest, cb, ctx, err);
}

int sl_store_commentary_add(sl_store *s, const sl_commentary *c, const char *actor, sl_error *err)
{
    return s->ops->commentary_add(s, c, actor, err);
}

int sl_store_each_commentary(sl_store *s, const char *report, int64_t plan_id, sl_day as_of,
                             sl_commentary_cb cb, void *ctx, sl_error *err)
{
    return s->ops->each_commentary(s, report, plan_id, as_of, cb, ctx, err);
}

int sl_store_board_add(sl_store *s, const sl_board *board, const char *actor, int64_t *id, sl_error *err)
{
    return s->ops->board_add(s, board, actor, id, err);
}

int sl_store_board_save(sl_store *s, const sl_board *board, const char *actor, int64_t *id, sl_error *err)
{
    return s->ops->board_save(s, board, actor, id, err);
}

int sl_store_board_find(sl_store *s, const char *name, sl_board *out, int64_t *id, sl_error *err)
{
    return s->ops->board_find(s, name, out, id, err);
}

int sl_store_boards(sl_store *s, sl_board **out, int64_t **ids, sl_error *err)
{
    return s->ops->boards(s, out, ids, err);
}

int sl_store_meeting_add(sl_store *s, int64_t board_id, const sl_meeting *meeting, const char *actor, int64_t *id, sl_error *err)
{
    return s->ops->meeting_add(s, board_id, meeting, actor, id, err);
}

int sl_store_meetings(sl_store *s, int64_t board_id, sl_meeting **out, sl_error *err)
{
    return s->ops->meetings(s, board_id, out, err);
}

int sl_store_meeting_find(sl_store *s, int64_t board_id, sl_day day, sl_meeting *out, sl_error *err)
{
    return s->ops->meeting_find(s, board_id, day, out, err);
}

int sl_store_meeting_move(sl_store *s, int64_t meeting_id, sl_day to, const char *actor, sl_error *err)
{
    return s->ops->meeting_move(s, meeting_id, to, actor, err);
}

int sl_store_meeting_publish(sl_store *s, int64_t meeting_id, sl_day day, const char *actor, sl_error *err)
{
    return s->ops->meeting_publish(s, meeting_id, day, actor, err);
}

int sl_store_meeting_minutes(sl_store *s, int64_t meeting_id, const char *text, const char *actor, sl_error *err)
{
    return s->ops->meeting_minutes(s, meeting_id, text, actor, err);
}

int sl_store_meeting_approve(sl_store *s, int64_t meeting_id, int64_t approver_id, const char *actor, sl_error *err)
{
    return s->ops->meeting_approve(s, meeting_id, approver_id, actor, err);
}

int sl_store_attendance_set(sl_store *s, int64_t meeting_id, const sl_attendance *row, const char *actor, sl_error *err)
{
    return s->ops->attendance_set(s, meeting_id, row, actor, err);
}

int sl_store_agenda_add(sl_store *s, int64_t meeting_id, const sl_agenda_item *item, const char *actor, sl_error *err)
{
    return s->ops->agenda_add(s, meeting_id, item, actor, err);
}

int sl_store_decision_add(sl_store *s, int64_t meeting_id, const char *text, const char *actor, sl_error *err)
{
    return s->ops->decision_add(s, meeting_id, text, actor, err);
}

int sl_store_arising_add(sl_store *s, int64_t meeting_id, const sl_arising *a, const char *actor, int64_t *id, sl_error *err)
{
    return s->ops->arising_add(s, meeting_id, a, actor, id, err);
}

int sl_store_arising_update(sl_store *s, int64_t id, sl_status status, const char *note, const char *actor, sl_error *err)
{
    return s->ops->arising_update(s, id, status, note, actor, err);
}

int sl_store_arisings(sl_store *s, int64_t board_id, int open_only, sl_arising **out, sl_error *err)
{
    return s->ops->arisings(s, board_id, open_only, out, err);
}

int sl_store_risk_add(sl_store *s, const sl_risk *risk, const char *actor, char **ref, sl_error *err)
{
    return s->ops->risk_add(s, risk, actor, ref, err);
}

int sl_store_risk_review(sl_store *s, const char *ref, const sl_risk_review *review, const char *actor, sl_error *err)
{
    return s->ops->risk_review(s, ref, review, actor, err);
}

int sl_store_risks(sl_store *s, sl_risk **out, sl_error *err)
{
    return s->ops->risks(s, out, err);
}

int sl_store_savings_set(sl_store *s, int64_t plan_id, const char *project, int fy_start_year, double forecast, double delivered, const char *actor, sl_error *err)
{
    return s->ops->savings_set(s, plan_id, project, fy_start_year, forecast, delivered, actor, err);
}

int sl_store_savings(sl_store *s, int64_t plan_id, sl_savings_row **out, sl_error *err)
{
    return s->ops->savings(s, plan_id, out, err);
}

int sl_store_calendar_token_add(sl_store *s, const char *login, const char *token_hash, const char *actor, int64_t *id, sl_error *err)
{
    return s->ops->calendar_token_add(s, login, token_hash, actor, id, err);
}

int sl_store_calendar_tokens(sl_store *s, const char *login, sl_calendar_token **out, sl_error *err)
{
    return s->ops->calendar_tokens(s, login, out, err);
}

int sl_store_calendar_token_revoke(sl_store *s, int64_t id, const char *actor, sl_error *err)
{
    return s->ops->calendar_token_revoke(s, id, actor, err);
}

int sl_store_calendar_token_check(sl_store *s, const char *token_hash, int64_t *user_id, sl_error *err)
{
    return s->ops->calendar_token_check(s, token_hash, user_id, err);
}

void sl_savings_rows_free(sl_savings_row *rows, int n)
{
    for (int i = 0; i < n; i++) {
        free(rows[i].ref);
        free(rows[i].title);
    }
    free(rows);
}

void sl_calendar_tokens_free(sl_calendar_token *tokens, int n)
{
    for (int i = 0; i < n; i++)
        free(tokens[i].login);
    free(tokens);
}

int sl_store_arising_history(sl_store *s, int64_t id, sl_arising_update **out, sl_error *err)
{
    return s->ops->arising_history(s, id, out, err);
}

int sl_store_risk_history(sl_store *s, const char *ref, sl_risk_history **out, sl_error *err)
{
    return s->ops->risk_history(s, ref, out, err);
}
