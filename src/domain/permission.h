/* permission.h — who may do what (SPEC.md §1 "Roles"), answered in one place:
 * the web pages, the command line and the reports ask here and never decide
 * for themselves. A role is granted to an account; what the account may do
 * to one action, plan or board also depends on its relation to it (it leads
 * the action, or is its senior responsible officer). Pure domain code. */
#ifndef SL_DOMAIN_PERMISSION_H
#define SL_DOMAIN_PERMISSION_H
#include <stdint.h>

/* Roles in increasing order of what they may do. */
typedef enum {
    SL_ROLE_NONE = 0,           /* not signed in, or an unknown role */
    SL_ROLE_VIEWER,             /* reads */
    SL_ROLE_BOARD,              /* reads everything of the authority, comments, downloads papers */
    SL_ROLE_LEAD,               /* updates the actions, actions arising and risks they own; signs off as SRO */
    SL_ROLE_PROGRAMME,          /* imports and edits plans, updates any action, runs the boards */
    SL_ROLE_ADMIN               /* accounts, settings and everything above */
} sl_role;

/* What a user may ask to do. */
typedef enum {
    SL_DO_READ = 0,             /* see a page, a plan, a report */
    SL_DO_COMMENT,              /* comment on an action */
    SL_DO_DOWNLOAD_PAPERS,      /* download board papers and reports */
    SL_DO_UPDATE,               /* add a progress update to an action */
    SL_DO_SIGN_OFF,             /* sign a completed action off, or return it */
    SL_DO_EDIT,                 /* change an action's fields, add or withdraw actions */
    SL_DO_IMPORT,               /* import or re-import plans and reports */
    SL_DO_RUN_BOARD,            /* meetings, attendance, minutes, decisions, papers */
    SL_DO_UPDATE_ARISING,       /* update an action arising from a meeting */
    SL_DO_UPDATE_RISK,          /* review a risk in the risk log */
    SL_DO_MANAGE_USERS,         /* accounts and their roles */
    SL_DO_ENTER_FIGURES,        /* enter and correct a measure's monthly figures */
    SL_N_VERBS
} sl_verb;

/* How the user stands to the thing acted on. */
typedef struct {
    int owns;                   /* a lead (or the owner) of the action, arising action or risk */
    int is_sro;                 /* the action's senior responsible officer */
} sl_relation;

/* Returns 1 when a user with role, standing to the thing as rel says (NULL:
 * no relation), may do verb; else 0. */
int sl_may(sl_role role, sl_verb verb, const sl_relation *rel);
/* Returns the role a word names ("lead"), or SL_ROLE_NONE. */
sl_role sl_role_parse(const char *word);
/* Returns the role's word ("programme"; "" for SL_ROLE_NONE); static storage. */
const char *sl_role_name(sl_role role);
/* Returns the verb's word ("sign-off"); static storage. */
const char *sl_verb_name(sl_verb verb);

/* A role granted to an account over one authority, or over every authority
 * (authority_id 0: a national grant). */
typedef struct {
    int64_t authority_id;       /* 0: national */
    char *authority;            /* the authority's name ("" for national); owned */
    sl_role role;
} sl_grant;

/* Returns the role an account with these n grants holds over the authority
 * named authority (NULL or "": a thing of no authority, which only national
 * grants reach): the highest of its national grants and its grants over that
 * authority; SL_ROLE_NONE when none applies. */
sl_role sl_role_for(const sl_grant *grants, int n, const char *authority);
/* Returns the highest role of any of the n grants (what the route table's
 * least role is checked against; the thing's own authority decides the rest). */
sl_role sl_role_highest(const sl_grant *grants, int n);
/* Returns 1 when one of the n grants is national (the account sees every authority). */
int sl_grants_national(const sl_grant *grants, int n);
/* Frees n grants and the array. */
void sl_grants_free(sl_grant *grants, int n);

#endif
