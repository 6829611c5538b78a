/* test_plan.c — money in resources text, list cells, themes and recommendations. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/plan.h"
#include "util/mem.h"

void test_plan(void)
{
    static const struct {
        const char *text;
        long long pence;
    } money[] = {
        {"£46k", 4600000},     {"£243k", 24300000},  {"£1,500", 150000},
        {"£1.2m", 120000000},  {"£12.50", 1250},     {"TBC", -1},
        {"N/A", -1},           {"", -1},             {"Staff time (£20k)", 2000000},
        {"£", -1},             {"£k", -1},           {"£999999999999999999999999999", -1},
        {"£1000000000001", -1}, {"£1bn", 100000000000},         {"£999,999,999,999", 99999999999900},
    };
    for (size_t i = 0; i < sizeof money / sizeof money[0]; i++) {
        long long got = sl_money_pence(money[i].text);
        CHECK(got == money[i].pence, "money '%s' = %lld, want %lld", money[i].text, got,
              money[i].pence);
    }

    static const struct {
        const char *cell;
        size_t n;
        const char *first, *last;
    } lists[] = {
        {"BP;RS", 2, "BP", "RS"},  {" BP ; RS ;", 2, "BP", "RS"}, {"", 0, NULL, NULL},
        {";;", 0, NULL, NULL},     {"Ann Graham", 1, "Ann Graham", "Ann Graham"},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        char **items = NULL;
        size_t n = sl_split_list(lists[i].cell, &items, 0);
        CHECK(n == lists[i].n, "list '%s' has %zu items, want %zu", lists[i].cell, n, lists[i].n);
        if (n && n == lists[i].n)
            CHECK(strcmp(items[0], lists[i].first) == 0 && strcmp(items[n - 1], lists[i].last) == 0,
                  "list '%s' items", lists[i].cell);
        for (size_t k = 0; k < n; k++)
            free(items[k]);
        free(items);
    }

    sl_plan p = {0};
    sl_theme *a = sl_plan_theme(&p, "1", "Strategic");
    sl_theme *b = sl_plan_theme(&p, "1", "");
    CHECK(a == b && p.n_themes == 1, "a ref with no title names the theme with that ref");
    CHECK(sl_plan_theme(&p, "1", "Strategic") == p.themes && p.n_themes == 1, "ref and title name one theme");
    sl_plan_theme(&p, "1", "Reduce Early Help");
    CHECK(p.n_themes == 2, "two themes may share a ref (priorities and savings projects numbered alike)");
    sl_plan_theme(&p, "", "Workforce");
    sl_plan_theme(&p, "", "Partnerships");
    CHECK(p.n_themes == 4, "themes without refs are told apart by title");
    sl_plan_recommendation(&p, 3, NULL);
    sl_plan_recommendation(&p, 3, "Improve the quality of referrals");
    CHECK(p.n_recommendations == 1 && strcmp(p.recommendations[0].text, "Improve the quality of referrals") == 0,
          "a recommendation's text fills in later");
    sl_action *act = sl_plan_add_action(&p);
    CHECK(act->theme == -1 && act->resources_pence == -1, "a new action has no theme and no money");
    act->ref = sl_strdup("1.1");
    sl_plan_free(&p);
    CHECK(p.n_actions == 0 && p.actions == NULL, "freeing empties the plan");
}
