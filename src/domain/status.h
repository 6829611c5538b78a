/* status.h — canonical action statuses (SPEC.md §3) and the mapping from the
 * words real plans use ("Completed", "In place", "Due January 2015") onto them.
 * The original words are always kept beside the canonical status. */
#ifndef SL_DOMAIN_STATUS_H
#define SL_DOMAIN_STATUS_H
#include <stddef.h>

typedef enum {
    SL_STATUS_NOT_STARTED = 0,
    SL_STATUS_PLANNED,
    SL_STATUS_IN_PROGRESS,
    SL_STATUS_ON_TRACK,
    SL_STATUS_AT_RISK,
    SL_STATUS_OFF_TRACK,
    SL_STATUS_COMPLETE,
    SL_STATUS_SIGNED_OFF,
    SL_STATUS_CARRIED_FORWARD,
    SL_STATUS_WITHDRAWN,
    SL_STATUS_COUNT
} sl_status;

/* Returns the canonical kebab-case name of a status ("in-progress"); static storage. */
const char *sl_status_name(sl_status status);
/* Maps a status cell as written onto a canonical status; returns 0 and sets
 * *out, or -1 when the words are not a status sightline knows. Case, spacing,
 * hyphens and trailing punctuation do not matter. */
int sl_status_parse(const char *text, sl_status *out);
/* Maps an exact canonical name ("in-progress") onto its status; returns 0 or -1. */
int sl_status_from_name(const char *name, sl_status *out);
/* Reads a status from the opening words of a progress narrative ("Complete
 * Package of support agreed.", "On track. Easy to use …"); returns 0 and sets
 * *out, or -1 when the narrative does not open with a status. */
int sl_status_from_narrative(const char *text, sl_status *out);
/* Returns 1 for complete, signed-off: the work is done. */
int sl_status_is_done(sl_status status);
/* Returns 1 for carried-forward and withdrawn: no longer tracked in this plan. */
int sl_status_is_closed(sl_status status);

/* How an action may move from one status to another. */
typedef enum {
    SL_MOVE_NONE = 0,           /* not allowed */
    SL_MOVE_UPDATE,             /* by a progress update (keeping the status is one) */
    SL_MOVE_SIGN_OFF,           /* by the SRO signing a complete action off */
    SL_MOVE_WITHDRAW,           /* by withdrawing the action, with a reason */
    SL_MOVE_CARRY               /* by carrying it forward into another plan */
} sl_status_move;

/* Returns how an action whose status is from may come to have status to:
 * open statuses move freely among themselves and to complete; complete may be
 * signed off or reopened; signed-off, withdrawn and carried-forward are final
 * (only kept); any status short of final may be withdrawn or carried forward. */
sl_status_move sl_status_move_to(sl_status from, sl_status to);
/* Returns 1 when a progress update may set status to on an action at from. */
int sl_status_update_allowed(sl_status from, sl_status to);
/* Returns 1 for the statuses a lead works through: not-started to off-track. */
int sl_status_is_open(sl_status status);

#endif
