/* plan_merge.h — which action of a new version of a plan continues which
 * action of the version before it, so that a re-import keeps every update,
 * sign-off, comment and setting recorded since (issue 13). Pure. */
#ifndef SL_DOMAIN_PLAN_MERGE_H
#define SL_DOMAIN_PLAN_MERGE_H
#include <stddef.h>

/* What identifies an action across versions. */
typedef struct {
    const char *ref;
    const char *title;
} sl_action_key;

/* Sets old_for_new[i] (n_new entries) to the index of the old action that new
 * action i continues, or -1 when it is new: first by ref (the k-th action
 * with a ref continues the k-th old one with that ref), then, among those
 * left, by title (case, spacing and trailing full stops ignored). Each old
 * action is continued at most once; those continued by none were removed. */
void sl_match_actions(const sl_action_key *old_keys, size_t n_old, const sl_action_key *new_keys, size_t n_new,
                      int *old_for_new);

#endif
