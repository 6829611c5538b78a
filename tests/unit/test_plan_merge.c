/* test_plan_merge.c — which action of a new plan version continues which
 * action of the version before: by ref (k-th with k-th), then by title. */
#include "check.h"
#include "domain/plan_merge.h"

void test_plan_merge(void)
{
    static const sl_action_key old_keys[] = {
        {"1.1", "Reduce the span of control"}, {"1.2", "Restructure the service"},
        {"1.3", "Dropped in the new version"},  {"2.1", "Recruit a team"},
        {"2.1", "A second 2.1 (damaged plan)"}, {"3.1", "Renumbered later."},
        {"", ""},
    };
    static const sl_action_key new_keys[] = {
        {"1.1", "Reduce the span of control (retitled)"}, /* ref wins over title */
        {"1.2", "Restructure the service"},
        {"2.1", "Recruit a team"},
        {"2.1", "A second 2.1 (damaged plan)"},           /* the 2nd 2.1 continues the 2nd */
        {"3.9", "  renumbered   LATER "},                 /* by title: case, spaces, full stop */
        {"4.1", "Brand new"},
        {"", ""},                                         /* empty titles match nothing */
    };
    static const int want[] = {0, 1, 3, 4, 5, -1, -1};
    int got[7];
    sl_match_actions(old_keys, 7, new_keys, 7, got);
    for (int i = 0; i < 7; i++)
        CHECK(got[i] == want[i], "new action %d (%s) continues %d, want %d", i, new_keys[i].ref, got[i], want[i]);
    /* Each old action is continued at most once. */
    static const sl_action_key twice_old[] = {{"1", "Same"}};
    static const sl_action_key twice_new[] = {{"2", "Same"}, {"3", "Same"}};
    int two[2];
    sl_match_actions(twice_old, 1, twice_new, 2, two);
    CHECK(two[0] == 0 && two[1] == -1, "one old action, two new with its title: %d %d", two[0], two[1]);
}
