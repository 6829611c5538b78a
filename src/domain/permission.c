/* permission.c — the table of who may do what (see permission.h). */
#include "domain/permission.h"

#include <stdlib.h>
#include <string.h>

static const char *const role_names[] = {"", "viewer", "board", "lead", "programme", "admin"};

static const char *const verb_names[SL_N_VERBS] = {
    "read", "comment", "download-papers", "update", "sign-off", "edit",
    "import", "run-board", "update-arising", "update-risk", "manage-users", "enter-figures",
};

/* For each verb: the least role that may do it to anything, and the least
 * role that may do it to what it owns (leads) or is SRO for (sign-off);
 * SL_ROLE_NONE in the second column means a relation grants nothing more. */
static const struct {
    sl_role anyone;
    sl_role owner;
    int needs_sro;              /* the relation that counts is being the SRO */
} rules[SL_N_VERBS] = {
    [SL_DO_READ] = {SL_ROLE_VIEWER, SL_ROLE_NONE, 0},
    [SL_DO_COMMENT] = {SL_ROLE_BOARD, SL_ROLE_NONE, 0},
    [SL_DO_DOWNLOAD_PAPERS] = {SL_ROLE_BOARD, SL_ROLE_NONE, 0},
    [SL_DO_UPDATE] = {SL_ROLE_PROGRAMME, SL_ROLE_LEAD, 0},
    [SL_DO_SIGN_OFF] = {SL_ROLE_ADMIN, SL_ROLE_LEAD, 1},
    [SL_DO_EDIT] = {SL_ROLE_PROGRAMME, SL_ROLE_NONE, 0},
    [SL_DO_IMPORT] = {SL_ROLE_PROGRAMME, SL_ROLE_NONE, 0},
    [SL_DO_RUN_BOARD] = {SL_ROLE_PROGRAMME, SL_ROLE_NONE, 0},
    [SL_DO_UPDATE_ARISING] = {SL_ROLE_PROGRAMME, SL_ROLE_LEAD, 0},
    [SL_DO_UPDATE_RISK] = {SL_ROLE_PROGRAMME, SL_ROLE_LEAD, 0},
    [SL_DO_MANAGE_USERS] = {SL_ROLE_ADMIN, SL_ROLE_NONE, 0},
    [SL_DO_ENTER_FIGURES] = {SL_ROLE_LEAD, SL_ROLE_NONE, 0},
};

int sl_may(sl_role role, sl_verb verb, const sl_relation *rel)
{
    if ((unsigned)verb >= SL_N_VERBS || role <= SL_ROLE_NONE || role > SL_ROLE_ADMIN)
        return 0;
    if (role >= rules[verb].anyone)
        return 1;
    if (rules[verb].owner == SL_ROLE_NONE || role < rules[verb].owner || !rel)
        return 0;
    return rules[verb].needs_sro ? rel->is_sro : rel->owns;
}

sl_role sl_role_parse(const char *word)
{
    for (int r = SL_ROLE_VIEWER; r <= SL_ROLE_ADMIN; r++)
        if (word && strcmp(word, role_names[r]) == 0)
            return (sl_role)r;
    return SL_ROLE_NONE;
}

const char *sl_role_name(sl_role role)
{
    return (unsigned)role <= SL_ROLE_ADMIN ? role_names[role] : "";
}

const char *sl_verb_name(sl_verb verb)
{
    return (unsigned)verb < SL_N_VERBS ? verb_names[verb] : "";
}

sl_role sl_role_for(const sl_grant *grants, int n, const char *authority)
{
    sl_role best = SL_ROLE_NONE;
    for (int i = 0; i < n; i++) {
        int applies = grants[i].authority_id == 0 ||
                      (authority && *authority && grants[i].authority &&
                       strcmp(grants[i].authority, authority) == 0);
        if (applies && grants[i].role > best)
            best = grants[i].role;
    }
    return best;
}

sl_role sl_role_highest(const sl_grant *grants, int n)
{
    sl_role best = SL_ROLE_NONE;
    for (int i = 0; i < n; i++)
        if (grants[i].role > best)
            best = grants[i].role;
    return best;
}

int sl_grants_national(const sl_grant *grants, int n)
{
    for (int i = 0; i < n; i++)
        if (grants[i].authority_id == 0)
            return 1;
    return 0;
}

void sl_grants_free(sl_grant *grants, int n)
{
    for (int i = 0; i < n; i++)
        free(grants[i].authority);
    free(grants);
}
