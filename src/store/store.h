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

#include "domain/action_edit.h"
#include "domain/board.h"
#include "domain/date.h"
#include "domain/figure.h"
#include "domain/inspection.h"
#include "domain/measure.h"
#include "domain/meeting.h"
#include "domain/permission.h"
#include "domain/plan.h"
#include "domain/rag.h"
#include "domain/risk.h"
#include "domain/search.h"
#include "domain/status.h"
#include "domain/workforce.h"
#include "util/error.h"

typedef struct sl_store sl_store;

/* What a new version of a plan carried forward from the version before it. */
typedef struct {
    int actions;               /* actions matched (by ref, then title) that kept their record */
    int updates;               /* progress updates carried (sign-offs, manual RAGs, evidence with them) */
    int comments;
    int withdrawn;             /* actions the new version lacks, kept in it as withdrawn */
    int moved;                 /* actions whose status or progress the new document itself changed */
    int settings;              /* 1 when the plan's settings (RAG rules) were kept */
    int commentary;            /* report commentary entries carried */
} sl_merge_counts;

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
    sl_day manual_until;       /* the manual RAG's review day, SL_NO_DAY when none */
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
    sl_rag rag;                /* manual RAG, SL_RAG_NONE for none (clears one in force unless keep_rag) */
    const char *rag_reason;
    sl_day rag_until;          /* the manual RAG's review day; SL_NO_DAY (or 0 when adding) for none */
    int keep_status;           /* add: status and status_text are those in force on day */
    int keep_rag;              /* add: the manual RAG in force on day (not lapsed) carries over */
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
    char email[256];            /* where reminders go, "" when none */
    int reminders_off;          /* 1: the user turned the daily reminder off (0, on, is the default) */
} sl_user;

/* A signed-in session with its user. */
typedef struct {
    sl_user user;
    char csrf[65];
    char ref[33];               /* the public reference pages and commands name it by */
    int64_t created_at;         /* seconds since 1970 */
    int64_t last_seen;
} sl_session;

/* A sign-in one server saw, as the others read it (strings lent). */
typedef struct {
    int64_t id;
    int64_t at;                 /* seconds since 1970 */
    const char *login;
    const char *address;
    int failed;                 /* 1 a failure, 0 a success */
} sl_sign_in_event;

/* A session as listed (strings owned by the store, valid during the callback). */
typedef struct {
    const char *ref;
    int64_t user_id;
    const char *login;
    int64_t created_at;         /* seconds since 1970 */
    int64_t last_seen;
    const char *address;        /* where it signed in from */
    const char *user_agent;     /* the browser's User-Agent, as sent */
} sl_session_row;

/* A new session: what sl_store_session_add records. */
typedef struct {
    const char *token_hash;     /* SHA-256 hex of the cookie's token */
    const char *ref;            /* random public reference */
    int64_t user_id;
    const char *csrf;
    int64_t now;
    const char *address;
    const char *user_agent;
} sl_session_new;

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

/* An evidence file attached to a progress update: to add (the caller's
 * strings and bytes), or as listed and got (the store's, valid during the
 * callback; data is NULL when listed). */
typedef struct {
    int64_t id;
    int64_t action_id;
    int64_t update_id;          /* listed and got */
    sl_day update_day;          /* listed and got: the day of its update */
    const char *file_name;      /* checked by domain/evidence.h before adding */
    const char *content_type;   /* the kind found by content, never the sender's word */
    const char *sha256;         /* hex, of the bytes */
    size_t size;
    const char *data;
    const char *actor;          /* listed and got */
    const char *recorded_at;    /* listed and got */
} sl_evidence;

/* An uploaded file kept between an import's preview and its confirmation. */
typedef struct {
    const char *token_hash;     /* SHA-256 hex of the random token the form carries */
    const char *session_hash;   /* the session it belongs to */
    const char *login;
    const char *file_name;
    const char *authority;      /* the form's authority ("" when none) */
    const char *sha256;
    size_t size;
    const char *data;
    int64_t created;            /* seconds since 1970 */
} sl_pending_import;

typedef int (*sl_comment_cb)(void *ctx, const sl_comment *comment);
typedef int (*sl_evidence_cb)(void *ctx, const sl_evidence *file);
typedef int (*sl_pending_import_cb)(void *ctx, const sl_pending_import *pending);
typedef int (*sl_commentary_cb)(void *ctx, const sl_commentary *commentary);
/* Called with each stored inspection (owned by the store, valid during the call). */
typedef int (*sl_inspection_cb)(void *ctx, int64_t id, const char *authority_code,
                                const sl_inspection *inspection);
typedef int (*sl_person_cb)(void *ctx, const sl_person_row *person);

/* One search result (sl_store_search). Title and snippet carry the
 * markers of domain/search.h round the words that matched. */
typedef struct {
    int kind;                   /* sl_search_kind */
    int64_t id;                 /* the record's id */
    int64_t link_id;            /* its plan (plans, recommendations) or action (actions, updates); else 0 */
    const char *key;            /* action ref, recommendation number, measure code, person's label */
    const char *title;
    const char *snippet;
    const char *context;        /* the plan's title, or the authority's name */
} sl_search_hit;
typedef int (*sl_search_cb)(void *ctx, const sl_search_hit *hit);
typedef int (*sl_plan_cb)(void *ctx, const sl_plan_info *plan);
typedef int (*sl_recommendation_cb)(void *ctx, const sl_recommendation_row *rec);
typedef int (*sl_link_cb)(void *ctx, const sl_link_row *link);
typedef int (*sl_action_cb)(void *ctx, const sl_action_row *row);
typedef int (*sl_update_cb)(void *ctx, const sl_update *update);
typedef int (*sl_audit_cb)(void *ctx, const sl_audit_entry *entry);
typedef int (*sl_session_cb)(void *ctx, const sl_session_row *session);

/* Called by sl_store_copy_to after each table: its name, how many tables
 * are done of how many, and the rows copied so far. */
typedef void (*sl_copy_progress_cb)(void *ctx, const char *table, int done, int total,
                                    int64_t rows);

/* Opens the database at path (a file path, or a postgresql:// or
 * postgres:// URL naming a PostgreSQL database), creating the file (or the
 * schema) when create is set, and brings its schema up to date. A
 * PostgreSQL database without sightline's schema and create unset is
 * refused as a missing file is. Returns the store (caller closes it) or NULL with err set. */
sl_store *sl_store_open(const char *path, int create, sl_error *err);
/* Returns how to show the database path or URL in a message: a URL's
 * password (user:PASSWORD@, password=…) written as "***". Caller frees. */
char *sl_store_name(const char *path);
/* Closes the store and frees it. NULL is ignored. */
void sl_store_close(sl_store *store);

/* Abandons the open transaction, if any. */
void sl_store_rollback(sl_store *store);

/* One stored case audit. */
typedef struct {
    char service[64];
    char measure_code[32];
    sl_case_audit audit;
} sl_case_audit_row;

/* ---- Governance: boards, meetings, actions arising, risks, savings, calendar tokens.
 * Writes are audited; call each write inside a transaction (sl_store_begin). */

/* One review of a risk: new likelihood and impact, trend (SL_RISK_TREND_NEW
 * to have it computed from the scores), a note and the next review day. */
typedef struct {
    int likelihood;
    int impact;
    sl_risk_trend trend;
    const char *note;
    sl_day next_review;         /* SL_NO_DAY: keep */
} sl_risk_review;

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
/* Frees n savings rows and the array. */
void sl_savings_rows_free(sl_savings_row *rows, int n);

/* A calendar subscription token (only its hash is stored). */
typedef struct {
    int64_t id;
    char *login;                /* owned: freed by sl_calendar_tokens_free */
    char created_at[32];
    char revoked_at[32];        /* "" while valid */
} sl_calendar_token;
/* Frees n tokens and the array. */
void sl_calendar_tokens_free(sl_calendar_token *tokens, int n);

/* sl_store_set_scope's two scopes that are not an account. */
#define SL_SCOPE_ALL ((int64_t)-1)
#define SL_SCOPE_NONE ((int64_t)0)

/* The operations (store_ops.h says what each does and returns):
 * int sl_store_NAME(sl_store *store, …), one per line of that list. */
#define SL_STORE_OP(ret, name, params, args) ret sl_store_##name params;
#include "store/store_ops.h"
#undef SL_STORE_OP

#endif
