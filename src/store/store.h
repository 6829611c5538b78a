/* store.h — the storage interface: the only way the rest of sightline reads
 * or writes the database. No SQL appears outside src/store/. A backend
 * (SQLite today, PostgreSQL later) fills an sl_store_ops table; callers use
 * the sl_store_* functions below and never know which backend they have.
 *
 * Strings handed to callbacks belong to the store and live only for the
 * duration of the call. Structures filled by load functions are owned by the
 * caller and freed with the matching *_free function. */
#ifndef SL_STORE_STORE_H
#define SL_STORE_STORE_H
#include <stdint.h>

#include "domain/board.h"
#include "domain/date.h"
#include "domain/inspection.h"
#include "domain/measure.h"
#include "domain/meeting.h"
#include "domain/plan.h"
#include "domain/rag.h"
#include "domain/risk.h"
#include "domain/status.h"
#include "domain/workforce.h"
#include "util/error.h"

typedef struct sl_store sl_store;

/* A stored plan version, as listed. */
typedef struct {
    int64_t id;
    const char *title;
    const char *authority;
    int version;
    const char *version_label;
    const char *kind;
    const char *source_file;
    const char *source_sha256;
    const char *imported_at;
    int64_t superseded_by;     /* 0 when this is the current version */
    int n_actions;
} sl_plan_info;

/* Which actions to list. Zero values mean "no restriction". */
typedef struct {
    int64_t plan_id;           /* 0: every current plan version */
    int64_t action_id;         /* 0: every action */
    sl_day as_of;              /* statuses are those known on this day */
    sl_day due_before;         /* SL_NO_DAY, or only actions with a due day before this */
    int include_superseded;    /* list actions of superseded plan versions too */
} sl_action_query;

/* One action's row as of a day: the fields a listing needs. */
typedef struct {
    int64_t id;
    int64_t plan_id;
    const char *plan_title;
    const char *authority;
    const char *ref;
    const char *title;
    const char *theme_ref;
    const char *theme;
    const char *start_text;
    sl_day start;              /* earliest start day or SL_NO_DAY */
    const char *due_text;
    sl_day due;                /* latest due day or SL_NO_DAY */
    int due_vague;
    int due_parse;             /* sl_date_status of the due text */
    int start_parse;
    const char *sro;
    const char *leads;         /* joined by ';' */
    const char *recommendations; /* numbers joined by ';' */
    const char *measure;
    sl_status status;          /* as of the query's day */
    const char *status_text;
    sl_rag manual_rag;
    const char *rag_reason;
    const char *note;          /* latest narrative as of the day */
    sl_day last_update;        /* latest update on or before the day, SL_NO_DAY when none */
    sl_day baseline_day;       /* the day the plan's own statuses were known */
    sl_rag_rules rules;
    int version;
    long source_line;
} sl_action_row;

/* A progress update, to add or as listed. */
typedef struct {
    int64_t id;
    int64_t action_id;
    sl_day day;                /* the date it speaks for */
    const char *recorded_at;   /* listing only: ISO timestamp */
    const char *actor;         /* listing only */
    sl_status status;
    const char *status_text;
    sl_rag rag;                /* manual RAG, SL_RAG_NONE for none */
    const char *rag_reason;
    const char *note;
    const char *evidence;
    int expected_version;      /* add: refuse when the action's version differs; 0 skips the check */
    int action_version;        /* listing: the action's version the update was made against */
} sl_update;

/* A person named by plans, with how many actions they own. */
typedef struct {
    const char *authority;
    const char *label;
    const char *name;
    int as_sro;
    int as_lead;
} sl_person_row;

/* An audit log entry as listed. */
typedef struct {
    int64_t id;
    const char *at;
    const char *actor;
    const char *operation;
    const char *entity;
    int64_t entity_id;
    const char *field;
    const char *before;        /* NULL when there was nothing before */
    const char *after;
} sl_audit_entry;

/* A recommendation of a plan, as listed. */
typedef struct {
    int64_t plan_id;
    const char *plan_title;
    int number;
    const char *text;
} sl_recommendation_row;

/* A carry-forward link between two actions, as listed. */
typedef struct {
    int64_t from_action_id;
    const char *from_ref;
    const char *from_plan;
    int64_t to_action_id;
    const char *to_ref;
    const char *to_plan;
    const char *linked_at;
    const char *actor;
} sl_link_row;

/* A user account. */
typedef struct {
    int64_t id;
    char login[64];
    char role[16];              /* admin, programme, lead, board, viewer */
    char person[64];            /* the label plans use for them ("BP"), "" when none */
    char password_hash[128];    /* crypto_pwhash_str output */
    int disabled;
} sl_user;

/* A signed-in session with its user. */
typedef struct {
    sl_user user;
    char csrf[65];
    int64_t created_at;         /* seconds since 1970 */
    int64_t last_seen;
} sl_session;

/* A comment on an action, as listed. */
typedef struct {
    int64_t id;
    const char *at;
    const char *actor;
    const char *text;
} sl_comment;

/* Written commentary on one section of a report for one theme, to add or
 * as listed (strings belong to the caller when adding, to the store when listed). */
typedef struct {
    const char *report;         /* "highlight", … */
    int64_t plan_id;
    const char *theme_ref;
    const char *section;        /* "working-well", "how-we-know", "worried", "next" */
    sl_day day;                 /* the edition it speaks for */
    const char *text;           /* "" clears the commentary from this edition on */
    const char *recorded_at;    /* listing only */
    const char *actor;          /* listing only */
} sl_commentary;

typedef int (*sl_comment_cb)(void *ctx, const sl_comment *comment);
typedef int (*sl_commentary_cb)(void *ctx, const sl_commentary *commentary);
/* Called with each stored inspection (owned by the store, valid during the call). */
typedef int (*sl_inspection_cb)(void *ctx, int64_t id, const char *authority_code,
                                const sl_inspection *inspection);
typedef int (*sl_person_cb)(void *ctx, const sl_person_row *person);
typedef int (*sl_plan_cb)(void *ctx, const sl_plan_info *plan);
typedef int (*sl_recommendation_cb)(void *ctx, const sl_recommendation_row *rec);
typedef int (*sl_link_cb)(void *ctx, const sl_link_row *link);
typedef int (*sl_action_cb)(void *ctx, const sl_action_row *row);
typedef int (*sl_update_cb)(void *ctx, const sl_update *update);
typedef int (*sl_audit_cb)(void *ctx, const sl_audit_entry *entry);

/* Opens the database at path (a file path; "postgresql://…" once that
 * backend exists), creating the file when create is set, and brings its
 * schema up to date. Returns the store (caller closes it) or NULL with err set. */
sl_store *sl_store_open(const char *path, int create, sl_error *err);
/* Closes the store and frees it. NULL is ignored. */
void sl_store_close(sl_store *store);

/* Writes a consistent copy of the whole database to a new file at path
 * (refused when the file exists), safely while other connections write.
 * Returns 0 or -1. */
int sl_store_backup(sl_store *store, const char *path, sl_error *err);
/* Replaces the database's contents with the copy at path, after checking
 * that the copy passes its integrity check and is a sightline database this
 * version can read. All or nothing. Returns 0 or -1. */
int sl_store_restore(sl_store *store, const char *path, sl_error *err);
/* Runs the database's integrity check; returns 0 when it passes, else -1. */
int sl_store_check(sl_store *store, sl_error *err);

/* Transactions: every import and every update is one transaction. */
int sl_store_begin(sl_store *store, sl_error *err);
int sl_store_commit(sl_store *store, sl_error *err);
/* Abandons the open transaction, if any. */
void sl_store_rollback(sl_store *store);

/* Finds the current version of the plan with this authority and title:
 * returns 1 and fills *id, *version and sha (65 bytes), 0 when none, -1 on error. */
int sl_store_find_plan(sl_store *store, const char *authority, const char *title, int64_t *id,
                       int *version, char sha[65], sl_error *err);
/* Stores a whole plan as a new version (superseding the current one of the
 * same authority and title) and logs it; sets *plan_id. Call inside a transaction. */
int sl_store_save_plan(sl_store *store, const sl_plan *plan, sl_day baseline_day,
                       const char *actor, int64_t *plan_id, sl_error *err);
/* Calls cb for each plan version (current ones only unless all is set), in
 * import order; a non-zero return from cb stops the walk and is returned. */
int sl_store_each_plan(sl_store *store, int all, sl_plan_cb cb, void *ctx, sl_error *err);
/* Resolves a plan named by number or title to its current version id;
 * returns 0 or -1 (err names the problem). */
int sl_store_resolve_plan(sl_store *store, const char *name, int64_t *plan_id, sl_error *err);
/* Calls cb for each action matching q in plan order; a non-zero return from
 * cb stops the walk and is returned. */
int sl_store_each_action(sl_store *store, const sl_action_query *q, sl_action_cb cb, void *ctx,
                         sl_error *err);
/* Writes the ids of up to max actions with this ref (in plan_id, or in any
 * current plan when plan_id is 0) into ids; returns how many exist, or -1. */
int sl_store_find_actions(sl_store *store, int64_t plan_id, const char *ref, int64_t *ids, int max,
                          sl_error *err);
/* Loads a plan as it stands now (current statuses) into *out, which the
 * caller frees with sl_plan_free. Returns 0 or -1. */
int sl_store_load_plan(sl_store *store, int64_t plan_id, sl_plan *out, sl_error *err);
/* Loads one action as it stands now, inside its plan's fields, themes and
 * recommendations: *out holds that single action (caller frees with sl_plan_free). */
int sl_store_load_action(sl_store *store, int64_t action_id, sl_plan *out, sl_error *err);
/* Appends a progress update to an action, moves its current state when the
 * update is the latest by day, bumps its version and logs the change.
 * Refuses (-1) a stale expected_version. Call inside a transaction. */
int sl_store_add_update(sl_store *store, const sl_update *update, const char *actor,
                        sl_error *err);
/* Sets a plan's RAG rules (thresholds, update cycle, sign-off) and logs the
 * change; returns 0 or -1. Call inside a transaction. */
int sl_store_set_rules(sl_store *store, int64_t plan_id, const sl_rag_rules *rules,
                       const char *actor, sl_error *err);
/* Links an action to recommendation number of its plan (adding the
 * recommendation when the plan lacks it), bumps the action's version and logs
 * it. Linking twice is a no-op. Call inside a transaction. */
int sl_store_link_recommendation(sl_store *store, int64_t action_id, int number, const char *actor,
                                 sl_error *err);
/* Records that from_action was carried forward into to_action (another plan)
 * and logs it on both. Call inside a transaction. */
int sl_store_carry_forward(sl_store *store, int64_t from_action_id, int64_t to_action_id,
                           const char *actor, sl_error *err);
/* Calls cb for every carry-forward link touching an action (either side). */
int sl_store_each_link(sl_store *store, int64_t action_id, sl_link_cb cb, void *ctx, sl_error *err);
/* Calls cb for each recommendation of a plan (every current plan when plan_id is 0). */
int sl_store_each_recommendation(sl_store *store, int64_t plan_id, sl_recommendation_cb cb,
                                 void *ctx, sl_error *err);
/* Adds a user account (login unique) and logs it; returns 0 or -1. */
int sl_store_user_add(sl_store *store, const sl_user *user, const char *actor, sl_error *err);
/* Finds a user by login: 1 found (fills *out), 0 not found, -1 error. */
int sl_store_user_find(sl_store *store, const char *login, sl_user *out, sl_error *err);
/* Records a new session; returns 0 or -1. */
int sl_store_session_add(sl_store *store, const char *token_hash, int64_t user_id,
                         const char *csrf, int64_t now, sl_error *err);
/* Finds a session and its user: 1 found (fills *out), 0 not found, -1 error. */
int sl_store_session_find(sl_store *store, const char *token_hash, sl_session *out,
                          sl_error *err);
/* Moves a session's last-seen time on; returns 0 or -1. */
int sl_store_session_touch(sl_store *store, const char *token_hash, int64_t now, sl_error *err);
/* Ends a session (sign-out or expiry); returns 0 or -1. */
int sl_store_session_delete(sl_store *store, const char *token_hash, sl_error *err);
/* Records a failed sign-in and returns, in *recent, how many failures the
 * login has had since `since` (this one included); returns 0 or -1. */
int sl_store_login_failure(sl_store *store, const char *login, int64_t now, int64_t since,
                           int *recent, sl_error *err);
/* Counts a login's failures since `since` without adding one; returns 0 or -1. */
int sl_store_login_failures(sl_store *store, const char *login, int64_t since, int *recent,
                            sl_error *err);
/* Appends a comment to an action and logs it; returns 0 or -1. */
int sl_store_comment_add(sl_store *store, int64_t action_id, const char *text, const char *actor,
                         sl_error *err);
/* Calls cb for each comment on an action, oldest first (only the latest
 * `latest` of them when latest > 0). */
int sl_store_each_comment(sl_store *store, int64_t action_id, int latest, sl_comment_cb cb, void *ctx,
                          sl_error *err);
/* Appends commentary on a report section (history is kept: a later entry
 * replaces it from its day on) and logs it; returns 0 or -1. */
int sl_store_commentary_add(sl_store *store, const sl_commentary *commentary, const char *actor,
                            sl_error *err);
/* Calls cb, by theme ref then section, with the latest non-empty commentary
 * of a report on a plan written for a day on or before as_of. */
int sl_store_each_commentary(sl_store *store, const char *report, int64_t plan_id, sl_day as_of,
                             sl_commentary_cb cb, void *ctx, sl_error *err);
/* Calls cb for each progress update of an action, oldest first (only the
 * latest `latest` of them when latest > 0). */
int sl_store_each_update(sl_store *store, int64_t action_id, int latest, sl_update_cb cb, void *ctx,
                         sl_error *err);
/* Sets *generation to a number that changes whenever anything a page shows
 * changes (every change is audited, so: the newest audit entry's id). */
int sl_store_generation(sl_store *store, int64_t *generation, sl_error *err);
/* Finds a stored inspection of this authority (as written) that started on
 * start: returns 1 (and *id), 0 when none, -1 on error. */
int sl_store_find_inspection(sl_store *store, const char *authority, sl_day start, int64_t *id,
                             sl_error *err);
/* Stores an inspection with its judgements and items (authority_code may be
 * NULL) and logs it; sets *id. Call inside a transaction. */
int sl_store_save_inspection(sl_store *store, const sl_inspection *inspection,
                             const char *authority_code, const char *actor,
                             int64_t *id, sl_error *err);
/* Calls cb for every stored inspection, by authority then start date. */
int sl_store_each_inspection(sl_store *store, sl_inspection_cb cb, void *ctx, sl_error *err);
/* Loads every stored inspection into *out (caller frees with
 * sl_inspection_list_free). Returns 0 or -1. */
int sl_store_load_inspections(sl_store *store, sl_inspection_list *out, sl_error *err);
/* Adds a measure definition (code unique), linked to an action when
 * action_id is not 0, and logs it. Returns 0 or -1. Call inside a transaction. */
int sl_store_measure_add(sl_store *store, const sl_measure_def *def, int64_t action_id,
                         const char *actor, sl_error *err);
/* Loads every measure definition into *defs (caller frees each with
 * sl_measure_def_free, then the array) and their action ids into *action_ids
 * (may be NULL). Returns the count, or -1. */
int sl_store_measures(sl_store *store, sl_measure_def **defs, int64_t **action_ids, sl_error *err);
/* Stores values (replacing any for the same measure, series and period: a
 * second load of the same file changes nothing) and logs the load. Every
 * code must name a stored measure. Returns 0 or -1. Call inside a transaction. */
int sl_store_measure_values_put(sl_store *store, const sl_measure_value *values, size_t n,
                                const char *file, const char *actor, sl_error *err);
/* Loads the values of one measure (every measure when code is NULL) into
 * *values (caller frees). Returns the count, or -1. */
int sl_store_measure_values(sl_store *store, const char *code, sl_measure_value **values,
                            sl_error *err);
/* Records a workforce snapshot (one per service area and day) and logs it. */
int sl_store_workforce_add(sl_store *store, const sl_workforce_snapshot *snapshot, const char *actor,
                           sl_error *err);
/* Loads every workforce snapshot, by service area then day, into *out (caller frees). */
int sl_store_workforce(sl_store *store, sl_workforce_snapshot **out, sl_error *err);
/* Records a period's case-audit grades for a service and logs them; when
 * measure_code is set, the % good or better also becomes that measure's
 * actual for the period. */
int sl_store_case_audit_add(sl_store *store, const char *service, const sl_case_audit *audit,
                            const char *measure_code, const char *actor, sl_error *err);
/* One stored case audit. */
typedef struct {
    char service[64];
    char measure_code[32];
    sl_case_audit audit;
} sl_case_audit_row;
/* Loads every case audit, by service then period, into *out (caller frees). */
int sl_store_case_audits(sl_store *store, sl_case_audit_row **out, sl_error *err);
/* Calls cb for the newest audit entries first, at most limit of them. */
int sl_store_each_recent_audit(sl_store *store, int limit, sl_audit_cb cb, void *ctx, sl_error *err);
/* Calls cb for each person named by current plans, with their action counts. */
int sl_store_each_person(sl_store *store, sl_person_cb cb, void *ctx, sl_error *err);
/* Calls cb for audit entries, oldest first: of one entity (entity and id
 * set) or all (entity NULL); only the latest `latest` when latest > 0. */
int sl_store_each_audit(sl_store *store, const char *entity, int64_t entity_id, int latest, sl_audit_cb cb,
                        void *ctx, sl_error *err);

/* ---- Governance: boards, meetings, actions arising, risks, savings, calendar tokens.
 * Writes are audited; call each write inside a transaction (sl_store_begin). */

/* Adds a board with its members and rules; refuses a name already taken.
 * Sets *id (may be NULL). */
int sl_store_board_add(sl_store *store, const sl_board *board, const char *actor, int64_t *id,
                       sl_error *err);
/* Creates the board of board->name, or updates the board of that name
 * (kind, terms of reference, rules), replacing its members. Sets *id (may be NULL). */
int sl_store_board_save(sl_store *store, const sl_board *board, const char *actor, int64_t *id,
                        sl_error *err);
/* Finds a board by name (any case): returns 1 and fills *out (may be NULL;
 * caller frees with sl_board_free) and *id (may be NULL), 0 when none, -1 on error. */
int sl_store_board_find(sl_store *store, const char *name, sl_board *out, int64_t *id, sl_error *err);
/* Loads every board with its members, by name, into *out and their ids into
 * *ids (may be NULL); returns the count or -1. Caller frees each board with
 * sl_board_free, then both arrays. */
int sl_store_boards(sl_store *store, sl_board **out, int64_t **ids, sl_error *err);

/* Adds a meeting of a board (day, time, venue of *meeting); refuses a second
 * meeting of the board on one day. Sets *id (may be NULL). */
int sl_store_meeting_add(sl_store *store, int64_t board_id, const sl_meeting *meeting,
                         const char *actor, int64_t *id, sl_error *err);
/* Loads the meetings of a board (every board when board_id is 0), by board
 * name then day, without attendance, agenda or decisions, into *out. Returns
 * the count or -1; caller frees with sl_meetings_free. */
int sl_store_meetings(sl_store *store, int64_t board_id, sl_meeting **out, sl_error *err);
/* Finds a board's meeting on day with its attendance, agenda and decisions:
 * returns 1 and fills *out (caller frees with sl_meeting_free), 0 when none, -1. */
int sl_store_meeting_find(sl_store *store, int64_t board_id, sl_day day, sl_meeting *out,
                          sl_error *err);
/* Moves a meeting to another day (refused when the board meets that day). */
int sl_store_meeting_move(sl_store *store, int64_t meeting_id, sl_day to, const char *actor,
                          sl_error *err);
/* Publishes a meeting's papers on day: the pack is frozen from then on. */
int sl_store_meeting_publish(sl_store *store, int64_t meeting_id, sl_day day, const char *actor,
                             sl_error *err);
/* Records a meeting's draft minutes (refused once approved). */
int sl_store_meeting_minutes(sl_store *store, int64_t meeting_id, const char *text, const char *actor,
                             sl_error *err);
/* Marks a meeting's minutes approved by a later meeting (approver_id). */
int sl_store_meeting_approve(sl_store *store, int64_t meeting_id, int64_t approver_id, const char *actor,
                             sl_error *err);
/* Records (or replaces) one member's attendance at a meeting. */
int sl_store_attendance_set(sl_store *store, int64_t meeting_id, const sl_attendance *row,
                            const char *actor, sl_error *err);
/* Appends an agenda item to a meeting (after the others). */
int sl_store_agenda_add(sl_store *store, int64_t meeting_id, const sl_agenda_item *item,
                        const char *actor, sl_error *err);
/* Appends a decision to a meeting. */
int sl_store_decision_add(sl_store *store, int64_t meeting_id, const char *text, const char *actor,
                          sl_error *err);

/* Adds an action arising from a meeting (text, owner, due, status of *a); sets *id. */
int sl_store_arising_add(sl_store *store, int64_t meeting_id, const sl_arising *a, const char *actor,
                         int64_t *id, sl_error *err);
/* Appends an update (status and note) to an action arising's history and
 * makes the status its current one. */
int sl_store_arising_update(sl_store *store, int64_t id, sl_status status, const char *note,
                            const char *actor, sl_error *err);
/* Loads the actions arising of a board (0: every board), only open ones
 * when open_only, by board, due day and id, into *out. Returns the count or
 * -1; caller frees with sl_arisings_free. */
int sl_store_arisings(sl_store *store, int64_t board_id, int open_only, sl_arising **out,
                      sl_error *err);

/* Loads the history of action arising id, oldest first, into *out. Returns
 * the count (0 for an unknown id) or -1; caller frees with sl_arising_updates_free. */
int sl_store_arising_history(sl_store *store, int64_t id, sl_arising_update **out, sl_error *err);

/* Adds a risk; when risk->ref is NULL or "" the next "R<n>" is given. Sets
 * *ref to the ref used (caller frees; ref may be NULL). */
int sl_store_risk_add(sl_store *store, const sl_risk *risk, const char *actor, char **ref,
                      sl_error *err);
/* One review of a risk: new likelihood and impact, trend (SL_RISK_TREND_NEW
 * to have it computed from the scores), a note and the next review day. */
typedef struct {
    int likelihood;
    int impact;
    sl_risk_trend trend;
    const char *note;
    sl_day next_review;         /* SL_NO_DAY: keep */
} sl_risk_review;
/* Records a review of the risk ref (appended to its history) and updates it. */
int sl_store_risk_review(sl_store *store, const char *ref, const sl_risk_review *review,
                         const char *actor, sl_error *err);
/* Loads every risk with its linked action ids, highest score first, into
 * *out. Returns the count or -1; caller frees with sl_risks_free. */
int sl_store_risks(sl_store *store, sl_risk **out, sl_error *err);

/* Loads the review history of risk ref, oldest first, into *out. Returns
 * the count (0 for an unknown ref) or -1; caller frees with sl_risk_history_free. */
int sl_store_risk_history(sl_store *store, const char *ref, sl_risk_history **out, sl_error *err);

/* One savings project's financial year: target (from the plan), forecast
 * and delivered (£000s; -1 when not recorded). Strings owned by the row. */
typedef struct {
    int64_t theme_id;
    int64_t plan_id;
    char *ref;                  /* "CFE SAV 05" */
    char *title;
    int fy_start_year;          /* 2021 for 2021/22 */
    double target;              /* -1 when the plan gives none */
    double forecast;
    double delivered;
} sl_savings_row;
/* Sets a savings project's forecast and/or delivered amount for a financial
 * year (a value < 0 keeps what is recorded). project is the theme's ref or
 * title among current plans (within plan_id when not 0). */
int sl_store_savings_set(sl_store *store, int64_t plan_id, const char *project, int fy_start_year,
                         double forecast, double delivered, const char *actor, sl_error *err);
/* Loads every savings project's years (of plan_id, or every current plan
 * when 0), by plan, project and year, into *out. Returns the count or -1;
 * caller frees with sl_savings_rows_free. */
int sl_store_savings(sl_store *store, int64_t plan_id, sl_savings_row **out, sl_error *err);
/* Frees n savings rows and the array. */
void sl_savings_rows_free(sl_savings_row *rows, int n);

/* A calendar subscription token (only its hash is stored). */
typedef struct {
    int64_t id;
    char *login;                /* owned: freed by sl_calendar_tokens_free */
    char created_at[32];
    char revoked_at[32];        /* "" while valid */
} sl_calendar_token;
/* Stores a new token's hash for a user (by login); sets *id. */
int sl_store_calendar_token_add(sl_store *store, const char *login, const char *token_hash,
                                const char *actor, int64_t *id, sl_error *err);
/* Loads the tokens of a user (every user when login is NULL) into *out.
 * Returns the count or -1; caller frees with sl_calendar_tokens_free. */
int sl_store_calendar_tokens(sl_store *store, const char *login, sl_calendar_token **out,
                             sl_error *err);
/* Frees n tokens and the array. */
void sl_calendar_tokens_free(sl_calendar_token *tokens, int n);
/* Revokes a token; refused when unknown or already revoked. */
int sl_store_calendar_token_revoke(sl_store *store, int64_t id, const char *actor, sl_error *err);
/* Checks a token by its hash: returns 0 and sets *user_id when valid; -1
 * with err saying why: SL_ERR_NOT_FOUND unknown, SL_ERR_DENIED revoked (and
 * when) or its account disabled. */
int sl_store_calendar_token_check(sl_store *store, const char *token_hash, int64_t *user_id,
                                  sl_error *err);

#endif
