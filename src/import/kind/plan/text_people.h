/* text_people.h — the people a plan document names: initials worked out from
 * names ("Jacqueline Harris-Baker" → "JH-B"), the entries of a "KEY
 * INDIVIDUALS" list, and lead cells split into the people they name
 * ("BP and JH-B" → BP, JH-B; "Tony Kirk Kevin Jeffrey" → two names). */
#ifndef SL_IMPORT_TEXT_PEOPLE_H
#define SL_IMPORT_TEXT_PEOPLE_H
#include <stddef.h>

#include "domain/plan.h"

/* Returns the initials of a name: the first letter of each part, a
 * hyphenated part giving "H-B", titles such as "Cllr" skipped; "" when the
 * name has no letters. The caller frees the result. */
char *sl_text_initials(const char *name);
/* Reads a key-individuals entry ("Jo Negrini, Chief Executive", bullet
 * removed) into plan->people; initials that another person already has are
 * kept for the first and reported as a finding at line. Returns 0, or -1
 * when the entry does not start with a person's name. */
int sl_text_add_person(sl_plan *plan, const char *entry, long line);
/* Splits a lead cell into people (initials or names, as written), appending
 * to *leads those not already there; returns the new count. The caller owns
 * the array and its strings. */
size_t sl_text_split_leads(const char *cell, char ***leads, size_t n);

#endif
