/* fuzz_action_edit.c — libFuzzer target for what a person types into an
 * action's fields (domain/action_edit.c): any bytes, for any field, must be
 * taken or refused with a reason, never crash or leak; a value taken reads
 * back as text, and the list of changes names only fields that moved; the
 * title matcher of re-imports (domain/plan_merge.c) takes any titles. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/action_edit.h"
#include "domain/plan_merge.h"
#include "util/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sl_action_field field = (sl_action_field)(data[0] % SL_N_FIELDS);
    char *text = sl_strndup((const char *)data + 1, size - 1);
    sl_plan plan = {.context_year = 2021};
    sl_plan_add_theme(&plan, "1", "Strategic");
    sl_plan_recommendation(&plan, 3, "Recommendation three");
    sl_action *a = sl_plan_add_action(&plan);
    a->ref = sl_strdup("1.1");
    a->title = sl_strdup("A title");
    a->theme = -1;
    a->resources_pence = -1;
    sl_action before;
    sl_action_copy(&before, a);
    char why[200] = "";
    if (sl_action_set_field(&plan, a, field, text, why, sizeof why) < 0 && !why[0])
        abort(); /* a refusal always says why */
    sl_field_changes changes;
    sl_action_changes(&plan, &before, a, &changes);
    for (size_t i = 0; i < changes.n; i++)
        if (strcmp(changes.items[i].before, changes.items[i].after) == 0)
            abort();
    sl_field_changes_free(&changes);
    sl_action_key old_keys[] = {{"1.1", text}, {"", "x"}}, new_keys[] = {{text, "A title"}, {"2", text}};
    int map[2];
    sl_match_actions(old_keys, 2, new_keys, 2, map);
    if ((map[0] >= 0 && map[0] == map[1]))
        abort(); /* an old action is continued at most once */
    sl_action_free(&before);
    sl_plan_free(&plan);
    free(text);
    return 0;
}
