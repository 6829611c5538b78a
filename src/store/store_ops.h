/* store_ops.h — every operation of the storage interface, declared once.
 * Not a normal header: it is included after defining
 *     SL_STORE_OP(ret, name, params, args)
 * to stamp out, from this one list, the sl_store_NAME functions callers use
 * (store.h, store.c), the backend's table of function pointers (backend.h)
 * and each backend's functions and table (sqlite/sqlite_store.h,
 * sqlite/sqlite_open.c). An operation is added here and in a backend, and
 * nowhere else. params are the full parameter list, args the same names in
 * call order; every operation takes the store first. */

/* Writes a consistent copy of the whole database to a new file at path
 * (refused when the file exists), safely while other connections write.
 * Returns 0 or -1. */
SL_STORE_OP(int, backup, (sl_store *store, const char *path, sl_error *err), (store, path, err))

/* Replaces the database's contents with the copy at path, after checking
 * that the copy passes its integrity check and is a sightline database this
 * version can read. All or nothing. Returns 0 or -1. */
SL_STORE_OP(int, restore, (sl_store *store, const char *path, sl_error *err), (store, path, err))

/* Runs the database's integrity check; returns 0 when it passes, else -1. */
SL_STORE_OP(int, check, (sl_store *store, sl_error *err), (store, err))

/* Transactions: every import and every update is one transaction. */
SL_STORE_OP(int, begin, (sl_store *store, sl_error *err), (store, err))

SL_STORE_OP(int, commit, (sl_store *store, sl_error *err), (store, err))

/* A read transaction around a page's reads: one snapshot and, on SQLite, one
 * lock for all of them instead of one per statement. A write (or begin)
 * inside it ends it first, so writes keep their own transactions. On
 * PostgreSQL both are no-ops (each statement is already a round trip of its
 * own; a BEGIN and COMMIT would add two). read_end after read_begin, always. */
SL_STORE_OP(int, read_begin, (sl_store *store, sl_error *err), (store, err))

SL_STORE_OP(int, read_end, (sl_store *store, sl_error *err), (store, err))

/* Saves the edited fields of stored action action_id: plan is its plan as
 * sl_store_load_action gave it, with the one action edited in memory, and
 * changes says which fields moved (each audited as operation "edit" with
 * field, before and after). Refused with SL_ERR_STALE unless the action is
 * still at expected_version; bumps the version. Call inside a transaction. */
SL_STORE_OP(int, action_edit, (sl_store *store, int64_t action_id, const sl_plan *plan,
            int expected_version, const sl_field_changes *changes, const char *actor, sl_error *err),
            (store, action_id, plan, expected_version, changes, actor, err))

/* Adds action (an action of plan, which holds the stored plan's themes and
 * recommendations as sl_store_load_plan gave them) at the end of stored plan
 * plan_id and audits it ("add"); sets *id. Refused with SL_ERR_EXISTS when
 * the plan already has an action with its ref. Call inside a transaction. */
SL_STORE_OP(int, action_add, (sl_store *store, int64_t plan_id, const sl_plan *plan,
            const sl_action *action, const char *actor, int64_t *id, sl_error *err),
            (store, plan_id, plan, action, actor, id, err))

/* Carries into plan version new_id everything recorded on version old_id:
 * each action of new_id that continues one of old_id (domain/plan_merge.c:
 * by ref, then by title) gets its progress updates, comments, links and
 * current state, and an update from the new document when it changed the
 * status or progress itself; old actions the new version lacks are copied
 * into it with their record and withdrawn; the plan's settings and report
 * commentary are kept. Fills *counts. Call inside the import's transaction. */
SL_STORE_OP(int, merge_version, (sl_store *store, int64_t old_id, int64_t new_id, const char *actor,
            sl_merge_counts *counts, sl_error *err),
            (store, old_id, new_id, actor, counts, err))

/* Finds the current version of the plan with this authority and title:
 * returns 1 and fills *id, *version and sha (65 bytes), 0 when none, -1 on error. */
SL_STORE_OP(int, find_plan, (sl_store *store, const char *authority, const char *title, int64_t *id,
            int *version, char sha[65], sl_error *err),
            (store, authority, title, id, version, sha, err))

/* Stores a whole plan as a new version (superseding the current one of the
 * same authority and title) and logs it; sets *plan_id. Call inside a transaction. */
SL_STORE_OP(int, save_plan, (sl_store *store, const sl_plan *plan, sl_day baseline_day,
            const char *actor, int64_t *plan_id, sl_error *err),
            (store, plan, baseline_day, actor, plan_id, err))

/* Calls cb for each plan version (current ones only unless all is set), in
 * import order; a non-zero return from cb stops the walk and is returned. */
SL_STORE_OP(int, each_plan, (sl_store *store, int all, sl_plan_cb cb, void *ctx, sl_error *err),
            (store, all, cb, ctx, err))

/* Calls cb once with plan version id's information, when there is one;
 * returns 1 (found), 0 (no such plan) or -1. */
SL_STORE_OP(int, plan_info, (sl_store *store, int64_t id, sl_plan_cb cb, void *ctx, sl_error *err),
            (store, id, cb, ctx, err))

/* Resolves a plan named by number or title to its current version id;
 * returns 0 or -1 (err names the problem). */
SL_STORE_OP(int, resolve_plan, (sl_store *store, const char *name, int64_t *plan_id, sl_error *err),
            (store, name, plan_id, err))

/* Calls cb for each action matching q in plan order; a non-zero return from
 * cb stops the walk and is returned. */
SL_STORE_OP(int, each_action, (sl_store *store, const sl_action_query *q, sl_action_cb cb,
            void *ctx, sl_error *err),
            (store, q, cb, ctx, err))

/* Writes the ids of up to max actions with this ref (in plan_id, or in any
 * current plan when plan_id is 0) into ids; returns how many exist, or -1. */
SL_STORE_OP(int, find_actions, (sl_store *store, int64_t plan_id, const char *ref, int64_t *ids,
            int max, sl_error *err),
            (store, plan_id, ref, ids, max, err))

/* Loads a plan as it stands now (current statuses) into *out, which the
 * caller frees with sl_plan_free. Returns 0 or -1. */
SL_STORE_OP(int, load_plan, (sl_store *store, int64_t plan_id, sl_plan *out, sl_error *err),
            (store, plan_id, out, err))

/* Loads one action as it stands now, inside its plan's fields, themes and
 * recommendations: *out holds that single action (caller frees with sl_plan_free). */
SL_STORE_OP(int, load_action, (sl_store *store, int64_t action_id, sl_plan *out, sl_error *err),
            (store, action_id, out, err))

/* Appends a progress update to an action, moves its current state when the
 * update is the latest by day, bumps its version and logs the change.
 * Refuses (-1) a stale expected_version. Call inside a transaction. */
SL_STORE_OP(int, add_update, (sl_store *store, const sl_update *update, const char *actor,
            sl_error *err),
            (store, update, actor, err))

/* Sets a plan's RAG rules (thresholds, update cycle, sign-off) and logs the
 * change; returns 0 or -1. Call inside a transaction. */
SL_STORE_OP(int, set_rules, (sl_store *store, int64_t plan_id, const sl_rag_rules *rules,
            const char *actor, sl_error *err),
            (store, plan_id, rules, actor, err))

/* Links an action to recommendation number of its plan (adding the
 * recommendation when the plan lacks it), bumps the action's version and logs
 * it. Linking twice is a no-op. Call inside a transaction. */
SL_STORE_OP(int, link_recommendation, (sl_store *store, int64_t action_id, int number,
            const char *actor, sl_error *err),
            (store, action_id, number, actor, err))

/* Records that from_action was carried forward into to_action (another plan)
 * and logs it on both. Call inside a transaction. */
SL_STORE_OP(int, carry_forward, (sl_store *store, int64_t from_action_id, int64_t to_action_id,
            const char *actor, sl_error *err),
            (store, from_action_id, to_action_id, actor, err))

/* Calls cb for every carry-forward link touching an action (either side). */
SL_STORE_OP(int, each_link, (sl_store *store, int64_t action_id, sl_link_cb cb, void *ctx,
            sl_error *err),
            (store, action_id, cb, ctx, err))

/* Calls cb for each recommendation of a plan (every current plan when plan_id is 0). */
SL_STORE_OP(int, each_recommendation, (sl_store *store, int64_t plan_id, sl_recommendation_cb cb,
            void *ctx, sl_error *err),
            (store, plan_id, cb, ctx, err))

/* Adds a user account (login unique) with its role over every authority (a
 * national grant; none when the store is scoped to an account: grant it one
 * with grant_set) and logs it; returns 0 or -1. */
SL_STORE_OP(int, user_add, (sl_store *store, const sl_user *user, const char *actor, sl_error *err),
            (store, user, actor, err))

/* Finds a user by login: 1 found (fills *out), 0 not found, -1 error. */
SL_STORE_OP(int, user_find, (sl_store *store, const char *login, sl_user *out, sl_error *err),
            (store, login, out, err))

/* Loads every user account, by login, into *out (caller frees with free()).
 * Returns the count or -1. Reminders walk it for the leads to write to. */
SL_STORE_OP(int, users, (sl_store *store, sl_user **out, sl_error *err), (store, out, err))

/* Changes a user's email address (email NULL: kept) and whether they get
 * reminders (reminders < 0: kept), logging each change with its old and new
 * value. SL_ERR_NOT_FOUND for an unknown login. Returns 0 or -1. */
SL_STORE_OP(int, user_set, (sl_store *store, const char *login, const char *email, int reminders,
            const char *actor, sl_error *err),
            (store, login, email, reminders, actor, err))

/* Reads one installation setting (the SMTP relay, the base URL of links…):
 * returns 1 and sets *value (caller frees), 0 when it is not set, -1 on error. */
SL_STORE_OP(int, setting_get, (sl_store *store, const char *key, char **value, sl_error *err),
            (store, key, value, err))

/* Sets an installation setting (value NULL or "": removes it) and logs the
 * change (secrets, keys ending in "password", logged as "(hidden)"). Returns 0 or -1. */
SL_STORE_OP(int, setting_set, (sl_store *store, const char *key, const char *value,
            const char *actor, sl_error *err),
            (store, key, value, actor, err))

/* Records a new session; returns 0 or -1. */
SL_STORE_OP(int, session_add, (sl_store *store, const sl_session_new *session, sl_error *err),
            (store, session, err))

/* Calls cb with each session of user_id (0: every user's), the most recently
 * seen first, leaving out those seen before seen_since or started before
 * created_since (0, 0: every stored session). Returns 0 or -1. */
SL_STORE_OP(int, each_session, (sl_store *store, int64_t user_id, int64_t seen_since, int64_t created_since,
            sl_session_cb cb, void *ctx, sl_error *err),
            (store, user_id, seen_since, created_since, cb, ctx, err))

/* Ends the session with public reference ref, when it belongs to user_id
 * (0: to anyone), and audits it ("end", "session", the owner's id) as actor
 * with why. Returns 1 ended, 0 no such session, -1 error. */
SL_STORE_OP(int, session_end, (sl_store *store, const char *ref, int64_t user_id, const char *actor,
            const char *why, sl_error *err),
            (store, ref, user_id, actor, why, err))

/* Ends every session of user_id but the one with public reference keep
 * (NULL: all), audited once as actor; sets *ended. Returns 0 or -1. */
SL_STORE_OP(int, sessions_end_user, (sl_store *store, int64_t user_id, const char *keep, const char *actor,
            int *ended, sl_error *err),
            (store, user_id, keep, actor, ended, err))

/* Finds a session and its user: 1 found (fills *out), 0 not found, -1 error. */
SL_STORE_OP(int, session_find, (sl_store *store, const char *token_hash, sl_session *out,
            sl_error *err),
            (store, token_hash, out, err))

/* Moves a session's last-seen time on; returns 0 or -1. */
SL_STORE_OP(int, session_touch, (sl_store *store, const char *token_hash, int64_t now,
            sl_error *err),
            (store, token_hash, now, err))

/* Ends a session (sign-out or expiry); returns 0 or -1. */
SL_STORE_OP(int, session_delete, (sl_store *store, const char *token_hash, sl_error *err),
            (store, token_hash, err))

/* Records a failed sign-in and returns, in *recent, how many failures the
 * login has had since `since` (this one included); returns 0 or -1. */
SL_STORE_OP(int, login_failure, (sl_store *store, const char *login, int64_t now, int64_t since,
            int *recent, sl_error *err),
            (store, login, now, since, recent, err))

/* Counts a login's failures since `since` without adding one; returns 0 or -1. */
SL_STORE_OP(int, login_failures, (sl_store *store, const char *login, int64_t since, int *recent,
            sl_error *err),
            (store, login, since, recent, err))

/* Records a sign-in seen by server process origin at `at`: failed 1 for a
 * failure, 0 for a success. Returns 0 or -1. */
SL_STORE_OP(int, sign_in_event_add, (sl_store *store, const char *origin, int64_t at, const char *login,
            const char *address, int failed, sl_error *err),
            (store, origin, at, login, address, failed, err))

/* Calls seen(ctx, event) for each sign-in event with an id above after_id,
 * at or after since, recorded by a process other than origin, oldest first;
 * sets *last_id to the highest id read (unchanged when none). The event's
 * strings are lent for the call. Returns 0 or -1. */
SL_STORE_OP(int, sign_in_events_since, (sl_store *store, int64_t after_id, int64_t since, const char *origin,
            void (*seen)(void *ctx, const sl_sign_in_event *event), void *ctx, int64_t *last_id,
            sl_error *err),
            (store, after_id, since, origin, seen, ctx, last_id, err))

/* Forgets sign-in events older than before; returns 0 or -1. */
SL_STORE_OP(int, sign_in_events_prune, (sl_store *store, int64_t before, sl_error *err),
            (store, before, err))

/* Appends a comment to an action and logs it; returns 0 or -1. */
SL_STORE_OP(int, comment_add, (sl_store *store, int64_t action_id, const char *text,
            const char *actor, sl_error *err),
            (store, action_id, text, actor, err))

/* Calls cb for each comment on an action, oldest first (only the latest
 * `latest` of them when latest > 0). */
SL_STORE_OP(int, each_comment, (sl_store *store, int64_t action_id, int latest, sl_comment_cb cb,
            void *ctx, sl_error *err),
            (store, action_id, latest, cb, ctx, err))

/* Stores an evidence file with the latest progress update of file->action_id
 * (call in the update's transaction, after sl_store_add_update), audited
 * ("evidence"); sets *id. Returns 0 or -1. Nothing removes it. */
SL_STORE_OP(int, evidence_add, (sl_store *store, const sl_evidence *file, const char *actor, int64_t *id,
            sl_error *err),
            (store, file, actor, id, err))

/* Calls cb for each evidence file of an action (every action when
 * action_id is 0), oldest first, without its bytes. */
SL_STORE_OP(int, each_evidence, (sl_store *store, int64_t action_id, sl_evidence_cb cb, void *ctx, sl_error *err),
            (store, action_id, cb, ctx, err))

/* Calls cb once with evidence file id and its bytes (checked against its
 * SHA-256: a mismatch is an error). Returns 1, 0 when there is no such
 * file, or -1. */
SL_STORE_OP(int, evidence_get, (sl_store *store, int64_t id, sl_evidence_cb cb, void *ctx, sl_error *err),
            (store, id, cb, ctx, err))

/* Keeps an uploaded import file until it is confirmed or cancelled, first
 * forgetting those created before `expired`. Returns 0 or -1. */
SL_STORE_OP(int, pending_import_put, (sl_store *store, const sl_pending_import *pending, int64_t expired,
            sl_error *err),
            (store, pending, expired, err))

/* Calls cb with the pending import of token_hash made in session_hash since
 * `expired` (its bytes checked against its SHA-256). Returns 1, 0 when
 * there is none, or -1. */
SL_STORE_OP(int, pending_import_get, (sl_store *store, const char *token_hash, const char *session_hash,
            int64_t expired, sl_pending_import_cb cb, void *ctx, sl_error *err),
            (store, token_hash, session_hash, expired, cb, ctx, err))

/* Forgets the pending import of token_hash in session_hash. Returns 0 or -1. */
SL_STORE_OP(int, pending_import_drop, (sl_store *store, const char *token_hash, const char *session_hash,
            sl_error *err),
            (store, token_hash, session_hash, err))

/* Appends commentary on a report section (history is kept: a later entry
 * replaces it from its day on) and logs it; returns 0 or -1. */
SL_STORE_OP(int, commentary_add, (sl_store *store, const sl_commentary *commentary,
            const char *actor, sl_error *err),
            (store, commentary, actor, err))

/* Calls cb, by theme ref then section, with the latest non-empty commentary
 * of a report on a plan written for a day on or before as_of. */
SL_STORE_OP(int, each_commentary, (sl_store *store, const char *report, int64_t plan_id,
            sl_day as_of, sl_commentary_cb cb, void *ctx, sl_error *err),
            (store, report, plan_id, as_of, cb, ctx, err))

/* Finds a stored inspection of this authority (as written) that started on
 * start: returns 1 (and *id), 0 when none, -1 on error. */
SL_STORE_OP(int, find_inspection, (sl_store *store, const char *authority, sl_day start,
            int64_t *id, sl_error *err),
            (store, authority, start, id, err))

/* Stores an inspection with its judgements and items (authority_code may be
 * NULL) and logs it; sets *id. Call inside a transaction. */
SL_STORE_OP(int, save_inspection, (sl_store *store, const sl_inspection *inspection,
            const char *authority_code, const char *actor, int64_t *id, sl_error *err),
            (store, inspection, authority_code, actor, id, err))

/* Records that stored plan plan_id answers stored inspection inspection_id
 * (read together from one agenda pack); a link already there is kept. Call
 * inside a transaction. Returns 0 or -1. */
SL_STORE_OP(int, link_plan_inspection, (sl_store *store, int64_t plan_id, int64_t inspection_id, sl_error *err),
            (store, plan_id, inspection_id, err))

/* Sets *ids (caller frees; NULL when none) and *n to the inspections stored
 * plan plan_id answers, in the order they were stored. Returns 0 or -1. */
SL_STORE_OP(int, plan_inspections, (sl_store *store, int64_t plan_id, int64_t **ids, size_t *n, sl_error *err),
            (store, plan_id, ids, n, err))

/* Calls cb for every stored inspection, by authority then start date. */
SL_STORE_OP(int, each_inspection, (sl_store *store, sl_inspection_cb cb, void *ctx, sl_error *err),
            (store, cb, ctx, err))

/* Loads every stored inspection into *out (caller frees with
 * sl_inspection_list_free). Returns 0 or -1. */
SL_STORE_OP(int, load_inspections, (sl_store *store, sl_inspection_list *out, sl_error *err),
            (store, out, err))

/* Adds a measure definition (code unique), linked to an action when
 * action_id is not 0, and logs it. Returns 0 or -1. Call inside a transaction. */
SL_STORE_OP(int, measure_add, (sl_store *store, const sl_measure_def *def, int64_t action_id,
            const char *actor, sl_error *err),
            (store, def, action_id, actor, err))

/* Loads every measure definition into *defs (caller frees each with
 * sl_measure_def_free, then the array) and their action ids into *action_ids
 * (may be NULL). Returns the count, or -1. */
SL_STORE_OP(int, measures, (sl_store *store, sl_measure_def **defs, int64_t **action_ids,
            sl_error *err),
            (store, defs, action_ids, err))

/* sl_store_measures for one plan: the measures linked to its actions and
 * those linked to none (they speak for every plan), by code. */
SL_STORE_OP(int, measures_of_plan, (sl_store *store, int64_t plan_id, sl_measure_def **defs,
            int64_t **action_ids, sl_error *err),
            (store, plan_id, defs, action_ids, err))

/* sl_store_measure_values for the measures sl_store_measures_of_plan lists. */
SL_STORE_OP(int, measure_values_of_plan, (sl_store *store, int64_t plan_id,
            sl_measure_value **values, sl_error *err),
            (store, plan_id, values, err))

/* Stores values (replacing any for the same measure, series and period: a
 * second load of the same file changes nothing) and logs the load. A value
 * that replaces a different one is recorded in the figure history
 * ("loaded", with the value before); a missing one (values[i].missing) is
 * recorded there as missing, once, and nothing is stored. Every code must
 * name a stored measure. Returns 0 or -1. Call inside a transaction. */
SL_STORE_OP(int, measure_values_put, (sl_store *store, const sl_measure_value *values, size_t n,
            const char *file, const char *actor, sl_error *err),
            (store, values, n, file, actor, err))

/* Enters one actual figure of measure code (entry->correcting 0: there must
 * be none for its period yet, else SL_ERR_EXISTS) or corrects it (there
 * must be one, else SL_ERR_NOT_FOUND, and at entry->version unless that is
 * 0, else SL_ERR_STALE); the value before is kept in the figure history
 * with actor, time, source, note and reason, and the change audited. An
 * unknown measure is SL_ERR_NOT_FOUND. Returns 0 or -1. Call inside a transaction. */
SL_STORE_OP(int, measure_figure_put, (sl_store *store, const char *code, const sl_figure_entry *entry,
            const char *actor, sl_error *err),
            (store, code, entry, actor, err))

/* Loads the figure history of measure code, newest first, into *records
 * (caller frees with sl_figure_records_free). Returns the count, or -1. */
SL_STORE_OP(int, measure_figures, (sl_store *store, const char *code, sl_figure_record **records,
            sl_error *err),
            (store, code, records, err))

/* Loads the values of one measure (every measure when code is NULL) into
 * *values (caller frees). Returns the count, or -1. */
SL_STORE_OP(int, measure_values, (sl_store *store, const char *code, sl_measure_value **values,
            sl_error *err),
            (store, code, values, err))

/* Records a workforce snapshot (one per service area and day) and logs it. */
SL_STORE_OP(int, workforce_add, (sl_store *store, const sl_workforce_snapshot *snapshot,
            const char *actor, sl_error *err),
            (store, snapshot, actor, err))

/* Loads every workforce snapshot, by service area then day, into *out (caller frees). */
SL_STORE_OP(int, workforce, (sl_store *store, sl_workforce_snapshot **out, sl_error *err),
            (store, out, err))

/* Records a period's case-audit grades for a service and logs them; when
 * measure_code is set, the % good or better also becomes that measure's
 * actual for the period. */
SL_STORE_OP(int, case_audit_add, (sl_store *store, const char *service, const sl_case_audit *audit,
            const char *measure_code, const char *actor, sl_error *err),
            (store, service, audit, measure_code, actor, err))

/* Loads every case audit, by service then period, into *out (caller frees). */
SL_STORE_OP(int, case_audits, (sl_store *store, sl_case_audit_row **out, sl_error *err),
            (store, out, err))

/* Sets *generation to a number that changes whenever anything a page shows
 * changes: every change is audited, so a digest of the newest audit entry
 * (its id, time and words). A restore logs itself, so the entries after it
 * never repeat the ones it rolled back. */
SL_STORE_OP(int, generation, (sl_store *store, int64_t *generation, sl_error *err),
            (store, generation, err))

/* Calls cb for the newest audit entries first, skipping the newest offset
 * and then at most limit of them: every account's when actor is NULL, else
 * only those actor made. */
SL_STORE_OP(int, each_recent_audit, (sl_store *store, const char *actor, int64_t offset, int limit, sl_audit_cb cb,
            void *ctx, sl_error *err),
            (store, actor, offset, limit, cb, ctx, err))

/* Counts the audit entries (every account's when actor is NULL, else actor's) into *n; returns 0 or -1. */
SL_STORE_OP(int, audit_count, (sl_store *store, const char *actor, int64_t *n, sl_error *err),
            (store, actor, n, err))

/* Calls cb for each person named by current plans, with their action counts. */
SL_STORE_OP(int, each_person, (sl_store *store, sl_person_cb cb, void *ctx, sl_error *err),
            (store, cb, ctx, err))

/* Calls cb for each record of kind (sl_search_kind) matching every term of
 * q, best first (newest first when more than SL_SEARCH_RANK_MAX match),
 * skipping offset and stopping after limit; records of superseded plan
 * versions are left out. *total (may be NULL) gets how many match in all,
 * *ranked (may be NULL) 1 when they are best first. q must have a term. */
SL_STORE_OP(int, search, (sl_store *store, const sl_search_query *q, int kind, int limit, int offset,
            int *total, int *ranked, sl_search_cb cb, void *ctx, sl_error *err),
            (store, q, kind, limit, offset, total, ranked, cb, ctx, err))

/* Calls cb for each progress update of an action, oldest first (only the
 * latest `latest` of them when latest > 0). */
SL_STORE_OP(int, each_update, (sl_store *store, int64_t action_id, int latest, sl_update_cb cb,
            void *ctx, sl_error *err),
            (store, action_id, latest, cb, ctx, err))

/* Calls cb once with the action's latest progress update on or before
 * as_of (by day, then as recorded), or not at all when it has none: one
 * indexed row, however long the history. */
SL_STORE_OP(int, latest_update, (sl_store *store, int64_t action_id, sl_day as_of, sl_update_cb cb,
            void *ctx, sl_error *err),
            (store, action_id, as_of, cb, ctx, err))

/* Calls cb for audit entries, oldest first: of one entity (entity and id
 * set) or all (entity NULL); only the latest `latest` when latest > 0. */
SL_STORE_OP(int, each_audit, (sl_store *store, const char *entity, int64_t entity_id, int latest,
            sl_audit_cb cb, void *ctx, sl_error *err),
            (store, entity, entity_id, latest, cb, ctx, err))

/* Adds a board with its members and rules; refuses a name already taken.
 * Sets *id (may be NULL). */
SL_STORE_OP(int, board_add, (sl_store *store, const sl_board *board, const char *actor, int64_t *id,
            sl_error *err),
            (store, board, actor, id, err))

/* Creates the board of board->name, or updates the board of that name
 * (kind, terms of reference, rules), replacing its members. Sets *id (may be NULL). */
SL_STORE_OP(int, board_save, (sl_store *store, const sl_board *board, const char *actor,
            int64_t *id, sl_error *err),
            (store, board, actor, id, err))

/* Finds a board by name (any case): returns 1 and fills *out (may be NULL;
 * caller frees with sl_board_free) and *id (may be NULL), 0 when none, -1 on error. */
SL_STORE_OP(int, board_find, (sl_store *store, const char *name, sl_board *out, int64_t *id,
            sl_error *err),
            (store, name, out, id, err))

/* Loads every board with its members, by name, into *out and their ids into
 * *ids (may be NULL); returns the count or -1. Caller frees each board with
 * sl_board_free, then both arrays. */
SL_STORE_OP(int, boards, (sl_store *store, sl_board **out, int64_t **ids, sl_error *err),
            (store, out, ids, err))

/* Adds a meeting of a board (day, time, venue of *meeting); refuses a second
 * meeting of the board on one day. Sets *id (may be NULL). */
SL_STORE_OP(int, meeting_add, (sl_store *store, int64_t board_id, const sl_meeting *meeting,
            const char *actor, int64_t *id, sl_error *err),
            (store, board_id, meeting, actor, id, err))

/* Loads the meetings of a board (every board when board_id is 0), by board
 * name then day, without attendance, agenda or decisions, into *out. Returns
 * the count or -1; caller frees with sl_meetings_free. */
SL_STORE_OP(int, meetings, (sl_store *store, int64_t board_id, sl_meeting **out, sl_error *err),
            (store, board_id, out, err))

/* Finds a board's meeting on day with its attendance, agenda and decisions:
 * returns 1 and fills *out (caller frees with sl_meeting_free), 0 when none, -1. */
SL_STORE_OP(int, meeting_find, (sl_store *store, int64_t board_id, sl_day day, sl_meeting *out,
            sl_error *err),
            (store, board_id, day, out, err))

/* Moves a meeting to another day (refused when the board meets that day). */
SL_STORE_OP(int, meeting_move, (sl_store *store, int64_t meeting_id, sl_day to, const char *actor,
            sl_error *err),
            (store, meeting_id, to, actor, err))

/* Publishes a meeting's papers on day: the pack is frozen from then on. */
SL_STORE_OP(int, meeting_publish, (sl_store *store, int64_t meeting_id, sl_day day,
            const char *actor, sl_error *err),
            (store, meeting_id, day, actor, err))

/* Records a meeting's draft minutes (refused once approved). */
SL_STORE_OP(int, meeting_minutes, (sl_store *store, int64_t meeting_id, const char *text,
            const char *actor, sl_error *err),
            (store, meeting_id, text, actor, err))

/* Marks a meeting's minutes approved by a later meeting (approver_id). */
SL_STORE_OP(int, meeting_approve, (sl_store *store, int64_t meeting_id, int64_t approver_id,
            const char *actor, sl_error *err),
            (store, meeting_id, approver_id, actor, err))

/* Records (or replaces) one member's attendance at a meeting. */
SL_STORE_OP(int, attendance_set, (sl_store *store, int64_t meeting_id, const sl_attendance *row,
            const char *actor, sl_error *err),
            (store, meeting_id, row, actor, err))

/* Appends an agenda item to a meeting (after the others). */
SL_STORE_OP(int, agenda_add, (sl_store *store, int64_t meeting_id, const sl_agenda_item *item,
            const char *actor, sl_error *err),
            (store, meeting_id, item, actor, err))

/* Appends a decision to a meeting. */
SL_STORE_OP(int, decision_add, (sl_store *store, int64_t meeting_id, const char *text,
            const char *actor, sl_error *err),
            (store, meeting_id, text, actor, err))

/* Adds an action arising from a meeting (text, owner, due, status of *a); sets *id. */
SL_STORE_OP(int, arising_add, (sl_store *store, int64_t meeting_id, const sl_arising *a,
            const char *actor, int64_t *id, sl_error *err),
            (store, meeting_id, a, actor, id, err))

/* Appends an update (status and note) to an action arising's history and
 * makes the status its current one. */
SL_STORE_OP(int, arising_update, (sl_store *store, int64_t id, sl_status status, const char *note,
            const char *actor, sl_error *err),
            (store, id, status, note, actor, err))

/* Loads the actions arising of a board (0: every board), only open ones
 * when open_only, by board, due day and id, into *out. Returns the count or
 * -1; caller frees with sl_arisings_free. */
SL_STORE_OP(int, arisings, (sl_store *store, int64_t board_id, int open_only, sl_arising **out,
            sl_error *err),
            (store, board_id, open_only, out, err))

/* Adds a risk; when risk->ref is NULL or "" the next "R<n>" is given. Sets
 * *ref to the ref used (caller frees; ref may be NULL). */
SL_STORE_OP(int, risk_add, (sl_store *store, const sl_risk *risk, const char *actor, char **ref,
            sl_error *err),
            (store, risk, actor, ref, err))

/* Records a review of the risk ref (appended to its history) and updates it. */
SL_STORE_OP(int, risk_review, (sl_store *store, const char *ref, const sl_risk_review *review,
            const char *actor, sl_error *err),
            (store, ref, review, actor, err))

/* Loads every risk with its linked action ids, highest score first, into
 * *out. Returns the count or -1; caller frees with sl_risks_free. */
SL_STORE_OP(int, risks, (sl_store *store, sl_risk **out, sl_error *err), (store, out, err))

/* sl_store_risks for one plan: the risks linked to its actions and those
 * linked to none (they speak for every plan). */
SL_STORE_OP(int, risks_of_plan, (sl_store *store, int64_t plan_id, sl_risk **out, sl_error *err),
            (store, plan_id, out, err))

/* Sets a savings project's forecast and/or delivered amount for a financial
 * year (a value < 0 keeps what is recorded). project is the theme's ref or
 * title among current plans (within plan_id when not 0). */
SL_STORE_OP(int, savings_set, (sl_store *store, int64_t plan_id, const char *project,
            int fy_start_year, double forecast, double delivered, const char *actor, sl_error *err),
            (store, plan_id, project, fy_start_year, forecast, delivered, actor, err))

/* Loads every savings project's years (of plan_id, or every current plan
 * when 0), by plan, project and year, into *out. Returns the count or -1;
 * caller frees with sl_savings_rows_free. */
SL_STORE_OP(int, savings, (sl_store *store, int64_t plan_id, sl_savings_row **out, sl_error *err),
            (store, plan_id, out, err))

/* Stores a new token's hash for a user (by login); sets *id. */
SL_STORE_OP(int, calendar_token_add, (sl_store *store, const char *login, const char *token_hash,
            const char *actor, int64_t *id, sl_error *err),
            (store, login, token_hash, actor, id, err))

/* Loads the tokens of a user (every user when login is NULL) into *out.
 * Returns the count or -1; caller frees with sl_calendar_tokens_free. */
SL_STORE_OP(int, calendar_tokens, (sl_store *store, const char *login, sl_calendar_token **out,
            sl_error *err),
            (store, login, out, err))

/* Revokes a token; refused when unknown or already revoked. */
SL_STORE_OP(int, calendar_token_revoke, (sl_store *store, int64_t id, const char *actor,
            sl_error *err),
            (store, id, actor, err))

/* Checks a token by its hash: returns 0 and sets *user_id when valid; -1
 * with err saying why: SL_ERR_NOT_FOUND unknown, SL_ERR_DENIED revoked (and
 * when) or its account disabled. */
SL_STORE_OP(int, calendar_token_check, (sl_store *store, const char *token_hash, int64_t *user_id,
            sl_error *err),
            (store, token_hash, user_id, err))

/* Loads the history of action arising id, oldest first, into *out. Returns
 * the count (0 for an unknown id) or -1; caller frees with sl_arising_updates_free. */
SL_STORE_OP(int, arising_history, (sl_store *store, int64_t id, sl_arising_update **out,
            sl_error *err),
            (store, id, out, err))

/* Loads the review history of risk ref, oldest first, into *out. Returns
 * the count (0 for an unknown ref) or -1; caller frees with sl_risk_history_free. */
SL_STORE_OP(int, risk_history, (sl_store *store, const char *ref, sl_risk_history **out,
            sl_error *err),
            (store, ref, out, err))

/* Bulk path for generated history (sightline gen): appends n progress
 * updates, each to its action_id, grouped by action (an action's updates
 * together, oldest first), recorded at 09:00 UTC of each update's day (not
 * the clock: the same history gives the same rows); then moves each action's
 * current state to its latest update and its version on by its count.
 * No audit entry per row: the caller logs the load once. Statements are
 * prepared once and reused (on PostgreSQL, rows of many actions share one
 * INSERT). Call inside a transaction. Returns 0 or -1. */
SL_STORE_OP(int, add_updates_bulk, (sl_store *store, const sl_update *updates, size_t n,
            const char *actor, sl_error *err),
            (store, updates, n, actor, err))

/* Appends one audit entry (operation on entity entity_id, field, after) for
 * a change made through a bulk path; returns 0 or -1. */
SL_STORE_OP(int, audit_note, (sl_store *store, const char *actor, const char *operation,
            const char *entity, int64_t entity_id, const char *field, const char *after,
            sl_error *err),
            (store, actor, operation, entity, entity_id, field, after, err))

/* Loads the values of one series (every measure) whose period ends on or
 * after from and before to into *values (caller frees), by code then period
 * end: what a measure's latest rating needs, without its whole history.
 * Returns the count, or -1. */
SL_STORE_OP(int, measure_values_window, (sl_store *store, const char *series, sl_day from,
            sl_day to, sl_measure_value **values, sl_error *err),
            (store, series, from, to, values, err))

/* Copies every row of every table of the schema into target (another open
 * store of either backend, with the schema): refused, with nothing written,
 * when target holds any row. The rows go in one transaction on target;
 * afterwards each table's row count and checksum (over the values, in any
 * order) are compared with store's. progress (may be NULL) is called after
 * each table. Sets *rows to the rows copied. Returns 0 or -1. */
SL_STORE_OP(int, copy_to, (sl_store *store, sl_store *target, sl_copy_progress_cb progress,
            void *ctx, int64_t *rows, sl_error *err),
            (store, target, progress, ctx, rows, err))

/* Returns 1 when the database can be used now, 0 when it cannot (a
 * PostgreSQL server that is down or restarting): a connection found broken
 * outside a transaction is made again first. No statement is run; an SQLite
 * file is always reachable. */
SL_STORE_OP(int, reachable, (sl_store *store), (store))

/* Sets whose data the store shows from now on: user_id SL_SCOPE_ALL (the
 * operator at the command line: everything, the default of a store just
 * opened), SL_SCOPE_NONE (no one signed in: no authority's data) or an
 * account's id (the authorities it is granted; every authority when one of
 * its grants is national). Every read of plans, actions, updates,
 * recommendations, inspections, measures, boards, meetings, risks, savings
 * and audit entries filters by it, and every write refuses a target outside
 * it exactly as a missing one (SL_ERR_NOT_FOUND, "no such …"). Returns 0 or -1. */
SL_STORE_OP(int, set_scope, (sl_store *store, int64_t user_id, sl_error *err), (store, user_id, err))

/* Loads the grants of account user_id into *out (caller frees with
 * sl_grants_free), national first, then by authority name. Returns the count or -1. */
SL_STORE_OP(int, user_grants, (sl_store *store, int64_t user_id, sl_grant **out, sl_error *err),
            (store, user_id, out, err))

/* Grants login role over the authority named (by name or code, any case;
 * NULL: nationally), replacing the role it had there, and logs it.
 * SL_ERR_NOT_FOUND for an unknown login or an authority outside the store's
 * scope; SL_ERR_DENIED for a national grant by a store scoped to an account.
 * Returns 0 or -1. */
SL_STORE_OP(int, grant_set, (sl_store *store, const char *login, const char *authority,
            const char *role, const char *actor, sl_error *err),
            (store, login, authority, role, actor, err))

/* Takes login's grant over the authority named (NULL: its national grant)
 * away and logs it; SL_ERR_NOT_FOUND when it has none there. Returns 0 or -1. */
SL_STORE_OP(int, grant_revoke, (sl_store *store, const char *login, const char *authority,
            const char *actor, sl_error *err),
            (store, login, authority, actor, err))

/* Loads the names of the authorities in the store's scope, by name, into
 * *names (caller frees each, then the array); sets *all to 1 when the scope
 * is every authority (the operator, a national grant), when cross-authority
 * views show every row. Returns the count or -1. */
SL_STORE_OP(int, scope_authorities, (sl_store *store, char ***names, int *all, sl_error *err),
            (store, names, all, err))

/* Returns the store's scope as sl_store_set_scope last left it:
 * SL_SCOPE_ALL, SL_SCOPE_NONE or the account whose grants it follows (every
 * authority for a national one reads as SL_SCOPE_ALL). */
SL_STORE_OP(int64_t, scope, (sl_store *store), (store))
