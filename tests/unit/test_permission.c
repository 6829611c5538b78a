/* test_permission.c — every role × every verb × every relation against the
 * table of SPEC.md §1, written out in full so a change to the rules shows. */
#include <string.h>

#include "check.h"
#include "domain/permission.h"

/* One row: a verb and, for each role from viewer to admin, what it may do
 * with no relation, as a lead (owner) and as the SRO. Letters: y may, n may not. */
static const struct {
    sl_verb verb;
    const char *none;           /* viewer board lead programme admin, no relation */
    const char *owner;          /* the same roles when they lead the thing */
    const char *sro;            /* the same roles when they are its SRO */
} table[] = {
    {SL_DO_READ,            "yyyyy", "yyyyy", "yyyyy"},
    {SL_DO_COMMENT,         "nyyyy", "nyyyy", "nyyyy"},
    {SL_DO_DOWNLOAD_PAPERS, "nyyyy", "nyyyy", "nyyyy"},
    {SL_DO_UPDATE,          "nnnyy", "nnyyy", "nnnyy"},
    {SL_DO_SIGN_OFF,        "nnnny", "nnnny", "nnyyy"},
    {SL_DO_EDIT,            "nnnyy", "nnnyy", "nnnyy"},
    {SL_DO_IMPORT,          "nnnyy", "nnnyy", "nnnyy"},
    {SL_DO_RUN_BOARD,       "nnnyy", "nnnyy", "nnnyy"},
    {SL_DO_UPDATE_ARISING,  "nnnyy", "nnyyy", "nnnyy"},
    {SL_DO_UPDATE_RISK,     "nnnyy", "nnyyy", "nnnyy"},
    {SL_DO_MANAGE_USERS,    "nnnny", "nnnny", "nnnny"},
    {SL_DO_ENTER_FIGURES,   "nnyyy", "nnyyy", "nnyyy"},
};

/* Checks one relation's column of the table for every role. */
static void check_column(sl_verb verb, const char *want, const sl_relation *rel, const char *label)
{
    for (int r = SL_ROLE_VIEWER; r <= SL_ROLE_ADMIN; r++) {
        int expect = want[r - SL_ROLE_VIEWER] == 'y';
        CHECK(sl_may((sl_role)r, verb, rel) == expect, "%s %s (%s): got %d", sl_role_name((sl_role)r),
              sl_verb_name(verb), label, !expect);
    }
}

/* The role an account holds over an authority, from its grants: a table of
 * grant sets and, for each authority asked about, the role expected. */
static void check_grants(void)
{
    sl_grant a_lead = {7, "Bury", SL_ROLE_LEAD}, b_view = {8, "Halton", SL_ROLE_VIEWER};
    sl_grant nat_view = {0, "", SL_ROLE_VIEWER}, nat_admin = {0, "", SL_ROLE_ADMIN};
    sl_grant a_prog = {7, "Bury", SL_ROLE_PROGRAMME};
    static const struct {
        int n;
        int which[3];           /* 0 a_lead, 1 b_view, 2 nat_view, 3 nat_admin, 4 a_prog */
        sl_role bury, halton, none, highest;
        int national;
    } cases[] = {
        {0, {0}, SL_ROLE_NONE, SL_ROLE_NONE, SL_ROLE_NONE, SL_ROLE_NONE, 0},
        {1, {0}, SL_ROLE_LEAD, SL_ROLE_NONE, SL_ROLE_NONE, SL_ROLE_LEAD, 0},
        {2, {0, 1}, SL_ROLE_LEAD, SL_ROLE_VIEWER, SL_ROLE_NONE, SL_ROLE_LEAD, 0},
        {2, {0, 2}, SL_ROLE_LEAD, SL_ROLE_VIEWER, SL_ROLE_VIEWER, SL_ROLE_LEAD, 1},
        {1, {3}, SL_ROLE_ADMIN, SL_ROLE_ADMIN, SL_ROLE_ADMIN, SL_ROLE_ADMIN, 1},
        {2, {2, 4}, SL_ROLE_PROGRAMME, SL_ROLE_VIEWER, SL_ROLE_VIEWER, SL_ROLE_PROGRAMME, 1},
        {2, {0, 4}, SL_ROLE_PROGRAMME, SL_ROLE_NONE, SL_ROLE_NONE, SL_ROLE_PROGRAMME, 0},
    };
    const sl_grant *all[] = {&a_lead, &b_view, &nat_view, &nat_admin, &a_prog};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        sl_grant g[3];
        for (int i = 0; i < cases[c].n; i++)
            g[i] = *all[cases[c].which[i]];
        CHECK(sl_role_for(g, cases[c].n, "Bury") == cases[c].bury, "case %zu: role over Bury", c);
        CHECK(sl_role_for(g, cases[c].n, "Halton") == cases[c].halton, "case %zu: role over Halton", c);
        CHECK(sl_role_for(g, cases[c].n, "") == cases[c].none, "case %zu: role over no authority", c);
        CHECK(sl_role_for(g, cases[c].n, NULL) == cases[c].none, "case %zu: role over NULL", c);
        CHECK(sl_role_for(g, cases[c].n, "bury") == (cases[c].national ? cases[c].none : SL_ROLE_NONE),
              "case %zu: names are matched exactly", c);
        CHECK(sl_role_highest(g, cases[c].n) == cases[c].highest, "case %zu: highest role", c);
        CHECK(sl_grants_national(g, cases[c].n) == cases[c].national, "case %zu: national", c);
    }
}

void test_permission(void)
{
    check_grants();
    CHECK(sizeof table / sizeof *table == SL_N_VERBS, "every verb has a row");
    static const sl_relation none = {0, 0}, owner = {1, 0}, sro = {0, 1};
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        check_column(table[i].verb, table[i].none, &none, "no relation");
        check_column(table[i].verb, table[i].none, NULL, "no relation given");
        check_column(table[i].verb, table[i].owner, &owner, "leads it");
        check_column(table[i].verb, table[i].sro, &sro, "its SRO");
    }
    for (int v = 0; v < SL_N_VERBS; v++)
        CHECK(!sl_may(SL_ROLE_NONE, (sl_verb)v, &sro), "no role may %s", sl_verb_name((sl_verb)v));
    CHECK(!sl_may(SL_ROLE_ADMIN, SL_N_VERBS, NULL), "an unknown verb is refused");
    CHECK(!sl_may((sl_role)99, SL_DO_READ, NULL), "an unknown role is refused");
    static const char *const words[] = {"viewer", "board", "lead", "programme", "admin"};
    for (int r = SL_ROLE_VIEWER; r <= SL_ROLE_ADMIN; r++) {
        CHECK(sl_role_parse(words[r - 1]) == (sl_role)r, "parse %s", words[r - 1]);
        CHECK(strcmp(sl_role_name((sl_role)r), words[r - 1]) == 0, "name of role %d", r);
    }
    CHECK(sl_role_parse("Admin") == SL_ROLE_NONE, "roles are lower case words");
    CHECK(sl_role_parse(NULL) == SL_ROLE_NONE, "no word, no role");
    CHECK(sl_role_parse("") == SL_ROLE_NONE, "an empty word is no role");
}
