/* action_edit.h — editing an action's fields (issue 13): the fields a person
 * may change, each read from the words typed and checked against the plan
 * (its themes, its recommendations, the date engine), written back as text,
 * and the list of what changed between two states of an action, field by
 * field, for the history. Pure domain code. */
#ifndef SL_DOMAIN_ACTION_EDIT_H
#define SL_DOMAIN_ACTION_EDIT_H
#include <stddef.h>

#include "domain/plan.h"
#include "util/buf.h"

typedef enum {
    SL_FIELD_TITLE = 0,
    SL_FIELD_DESCRIPTION,
    SL_FIELD_THEME,             /* a theme's ref (or title) in the plan; "" for none */
    SL_FIELD_START,
    SL_FIELD_DUE,               /* due dates and milestones, as written ("31/03/21 30/06/21") */
    SL_FIELD_SRO,
    SL_FIELD_LEADS,             /* separated by ';' */
    SL_FIELD_RESOURCES,
    SL_FIELD_MEASURE,
    SL_FIELD_IMPACT,
    SL_FIELD_RECOMMENDATIONS,   /* numbers of the plan's recommendations, separated by ';' */
    SL_FIELD_DELIVERED_THROUGH,
    SL_N_FIELDS
} sl_action_field;

/* Returns the field's name ("delivered-through"): its CLI option without the
 * dashes and its form field; static storage. */
const char *sl_action_field_name(sl_action_field field);
/* Returns the field's label for people ("Delivered through"); static storage. */
const char *sl_action_field_label(sl_action_field field);
/* Sets field of action a (an action of plan) from text as typed. Returns 0;
 * or -1 with a sentence saying what to fix written to why (n bytes), a left
 * unchanged. The action owns what is set. */
int sl_action_set_field(const sl_plan *plan, sl_action *a, sl_action_field field, const char *text,
                        char *why, size_t n);
/* Appends field of a as text, as a person would type it back. */
void sl_action_field_text(const sl_plan *plan, const sl_action *a, sl_action_field field, sl_buf *out);

/* One changed field, with its text before and after (owned by the list). */
typedef struct {
    sl_action_field field;
    char *before;
    char *after;
} sl_field_change;

typedef struct {
    sl_field_change *items;
    size_t n;
} sl_field_changes;

/* Fills *out with every field whose text differs between before and after
 * (two states of one action of plan), in field order. Free with sl_field_changes_free. */
void sl_action_changes(const sl_plan *plan, const sl_action *before, const sl_action *after,
                       sl_field_changes *out);
/* Frees the list and zeroes it. */
void sl_field_changes_free(sl_field_changes *changes);
/* Copies action src into *dst (every string and array its own). */
void sl_action_copy(sl_action *dst, const sl_action *src);

#endif
